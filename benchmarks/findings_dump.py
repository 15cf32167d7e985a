"""Every finding of every labelled set, dumped to JSON: proof that a speed change changed nothing.

    .venv/bin/python benchmarks/findings_dump.py --out before.json      # on the old code
    .venv/bin/python benchmarks/findings_dump.py --out after.json       # on the new code
    .venv/bin/python benchmarks/findings_dump.py --compare before.json after.json

Screens, with the default Screener, every post of benchmarks/corpus/*.jsonl and of the
held-out sets (benchmarks/holdout*/; holdout6 also under its own policy.toml), with its
metadata, and a few long generated texts (corpus posts shuffled and joined, and random text
mixing scripts, digits and punctuation). For each post it keeps the whole report (verdict,
every finding with its unrounded score and span, the redacted text, escalation) and the harm
model's raw probabilities (whole text and every clause). `--compare` says whether two dumps
are identical: reports must be equal exactly, harm probabilities to 1e-9. Exit 0 when they
are, 1 otherwise (the first differences are printed). Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_lib import load_file  # noqa: E402

_ALPHABET = ("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?@#-+()/'\"\n"
             "éèàüößçñ 你好世界 こんにちは 안녕하세요 مرحبا שלום Привет 😀🙂❤️ \u200b\t")


def sets() -> list[tuple[str, Path, Path | None]]:
    """(name, file, policy file or None) of every labelled set."""
    out: list[tuple[str, Path, Path | None]] = []
    for f in sorted((HERE / "corpus").glob("*.jsonl")):
        out.append((f"corpus/{f.name}", f, None))
    for d in sorted(HERE.glob("holdout*")):
        for f in sorted(d.glob("*.jsonl")):
            out.append((f"{d.name}/{f.name}", f, None))
            if (d / "policy.toml").exists():
                out.append((f"{d.name}/{f.name}+policy", f, d / "policy.toml"))
    return out


def long_texts() -> dict[str, str]:
    """Long generated posts: shuffled corpus paragraphs, and random mixed-script text."""
    from size_speed import make_dense, make_post

    rng = random.Random(14)
    out = {f"corpus-{kb}kb": make_post(kb, seed=kb) for kb in (30, 300)}
    out["dense-50kb"] = make_dense(50)
    for n in (200, 5_000, 60_000):
        out[f"random-{n}"] = "".join(rng.choice(_ALPHABET) for _ in range(n))
    words = [p.text for p in load_file(HERE / "corpus" / "tone.jsonl")]
    out["run-on-20kb"] = " ".join(w.replace(".", " ").replace("\n", " ")
                                  for w in (rng.choice(words) for _ in range(150)))
    return out


def report_of(report: Any) -> dict[str, Any]:
    d: dict[str, Any] = report.to_dict()
    d["raw_scores"] = [repr(f.score) for f in report.findings]
    return d


def harm_of(text: str) -> dict[str, Any]:
    from postguard.detectors.harm.detector import clauses
    from postguard.detectors.harm.weights import load_weights

    parts = clauses(text)
    if not parts:
        return {}
    got = load_weights().score(text, parts)
    return {"whole": got.whole.tolist(), "clauses": got.clauses.tolist(),
            "evidence": got.evidence.tolist(), "starts": got.starts, "ends": got.ends}


def posts_of(path: Path) -> list[Any]:
    """Every post of a JSONL set (id, text, metadata), its labels unchecked: a held-out set
    written by someone else (holdout7) need not pass the corpus's label checks to be
    screened."""
    from postguard.model import Post

    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            out.append(Post(text=obj["text"], id=obj["id"],
                            metadata=dict(obj.get("metadata") or {})))
    return out


def dump() -> dict[str, Any]:
    import postguard
    from postguard.model import Post

    out: dict[str, Any] = {}
    for name, path, policy in sets():
        screener = postguard.Screener(str(policy) if policy else None)
        for p in posts_of(path):
            key = f"{name}#{p.id}"
            out[key] = {"report": report_of(screener.screen(p))}
            if policy is None:
                out[key]["harm"] = harm_of(p.text)
    screener = postguard.Screener(max_text_bytes=None)
    for name, text in long_texts().items():
        out[f"long#{name}"] = {"report": report_of(screener.screen(Post(text=text, id=name))),
                               "harm": harm_of(text)}
    return out


def _close(a: Any, b: Any, tol: float) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= tol
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y, tol) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k], tol) for k in a)
    return bool(a == b)


def compare(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    problems = []
    for key in sorted(a.keys() | b.keys()):
        if key not in a or key not in b:
            problems.append(f"{key}: only in {'the first' if key in a else 'the second'}")
            continue
        if a[key]["report"] != b[key]["report"]:
            problems.append(f"{key}: reports differ")
        if not _close(a[key].get("harm"), b[key].get("harm"), 1e-9):
            problems.append(f"{key}: harm probabilities differ by more than 1e-9")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, help="write the dump here")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        a, b = (json.loads(p.read_text("utf-8")) for p in args.compare)
        problems = compare(a, b)
        for line in problems[:30]:
            print(line)
        print(f"{len(a)} posts compared: "
              + ("identical" if not problems else f"{len(problems)} differences"))
        return 1 if problems else 0
    if args.out is None:
        ap.error("give --out FILE or --compare A B")
    data = dump()
    args.out.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), "utf-8")
    print(f"{len(data)} posts dumped to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
