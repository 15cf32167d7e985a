"""Run a profanity filter (better_profanity or glin-profanity) on postguard's corpus.

Run with that peer's venv made by setup_peers.sh:

    benchmarks/out/peers/better_profanity/bin/python benchmarks/peers/run_profanity.py \
        --peer better_profanity --out bp.json
    benchmarks/out/peers/glin_profanity/bin/python benchmarks/peers/run_profanity.py \
        --peer glin_profanity --out gp.json

Everything a filter flags is a `profanity` prediction (they have no other category).
Spans, so that the same span-overlap scorer applies:
- better_profanity 0.7.0 gives no offsets: `profanity.censor(text)` is aligned with the text
  by difflib (characters, autojunk off); every replaced stretch of the original is a span.
- glin-profanity 4.1.0 reports each match's start `index` (in the original text): the span
  runs from there to the end of that whitespace-delimited token (trailing punctuation cut).
  Config: languages ["english"], detect_leetspeak and normalize_unicode on (its documented
  switches for obfuscated words); everything else default.
Throughput times only the filter's own call (censor / check_profanity); spans are recovered
afterwards from the outputs of the first timed pass.
Written by the postguard project.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from pathlib import Path
from typing import Any

T_START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from peerlib import COLD_POST, common_args, emit, load_posts, throughput  # noqa: E402

_TOKEN_END = re.compile(r"\S*")
_TRAIL = ".,;:!?)\"'’”"


def censored_spans(text: str, censored: str) -> list[tuple[int, int]]:
    """Stretches of `text` that `censored` replaced (better_profanity's censor output)."""
    sm = difflib.SequenceMatcher(None, text, censored, autojunk=False)
    spans = []
    for op, i1, i2, _j1, _j2 in sm.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            spans.append((i1, i2))
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # join pieces of one word split by the aligner
        if merged and s - merged[-1][1] <= 1 and not text[merged[-1][1]:s].isspace():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def token_span(text: str, index: int) -> tuple[int, int]:
    m = _TOKEN_END.match(text, index)
    end = m.end() if m else index
    while end > index + 1 and text[end - 1] in _TRAIL:
        end -= 1
    return index, max(end, index + 1)


class BetterProfanity:
    name = "better_profanity"

    def __init__(self) -> None:
        from better_profanity import profanity

        profanity.load_censor_words()
        self._p = profanity

    def call(self, text: str) -> Any:
        return self._p.censor(text)

    def spans(self, text: str, result: Any) -> list[tuple[int, int]]:
        return censored_spans(text, result)


class GlinProfanity:
    name = "glin_profanity"

    def __init__(self) -> None:
        from glin_profanity import Filter

        self._f = Filter({"languages": ["english"], "detect_leetspeak": True,
                          "normalize_unicode": True})

    def call(self, text: str) -> Any:
        return self._f.check_profanity(text)

    def spans(self, text: str, result: Any) -> list[tuple[int, int]]:
        out = set()
        for m in result.get("matches") or []:
            idx = m.get("index")
            if isinstance(idx, int) and 0 <= idx < len(text):
                out.add(token_span(text, idx))
        if result.get("contains_profanity") and not out:
            out.add((0, len(text)))  # flagged without a usable index: the whole post
        return sorted(out)


PEERS = {"better_profanity": BetterProfanity, "glin_profanity": GlinProfanity}
DISTS = {"better_profanity": "better-profanity", "glin_profanity": "glin-profanity"}


def main() -> int:
    ap = common_args("A profanity filter on the corpus, scored as postguard's profanity.")
    ap.add_argument("--peer", choices=sorted(PEERS), required=True)
    args = ap.parse_args()
    peer = PEERS[args.peer]()
    if args.cold:
        flagged = peer.spans(COLD_POST, peer.call(COLD_POST))
        print(f"{args.peer}: {len(flagged)} spans in {time.perf_counter() - T_START:.3f} s")
        return 0
    startup = time.perf_counter() - T_START
    from importlib.metadata import version

    posts = load_posts(args.files)
    texts = [p.text for p in posts]
    results: list[Any] = []
    speed = throughput(texts, peer.call, args.runs, keep=results)
    predictions = {p.id: [["profanity", s, e] for s, e in peer.spans(p.text, r)]
                   for p, r in zip(posts, results, strict=True)}
    emit({"peer": args.peer, "versions": {DISTS[args.peer]: version(DISTS[args.peer])},
          "startup_s": round(startup, 3), "predictions": predictions, "throughput": speed,
          "unmapped": {}}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
