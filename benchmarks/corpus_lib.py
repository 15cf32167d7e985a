"""Load, check and score the labelled corpus in benchmarks/corpus/*.jsonl.

Written by the postguard project. The format is benchmarks/README.md's: one post per line,
`{"id", "text", "metadata", "labels": [{"category", "text", "occurrence"?}],
"expected_verdict", "note"}`. Scoring follows the same README: a predicted finding of category
C is a true positive when its span overlaps a labelled span of C; a labelled span is recalled
when some finding of C overlaps it; a span-less label (or a span-less finding) matches any of
its category in the same post.

Used by accuracy.py, speed.py and tests/test_corpus.py; needs nothing but the standard library.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"

# The DESIGN.md vocabulary (kept here so the corpus checks do not need postguard importable).
CATEGORIES = frozenset({
    "phone", "email", "address", "location", "school", "person_name", "date_of_birth",
    "social_handle", "vehicle_plate", "geolocation", "qr_code", "kisses", "slang", "profanity",
    "sexual_content", "over_familiar", "private_contact", "out_of_hours", "personal_account",
    "photo_consent", "meeting_link", "bullying", "self_harm", "disclosure", "extremism",
    "violence", "detector_error",
})
VERDICTS = ("allow", "review", "block")
POST_KEYS = frozenset({"id", "text", "metadata", "labels", "expected_verdict", "note",
                       "expected_escalate", "language"})
LABEL_KEYS = frozenset({"category", "text", "occurrence"})


class CorpusError(ValueError):
    """A malformed corpus line; the message names the file and line."""


@dataclass(frozen=True)
class Span:
    category: str
    start: int | None = None  # None: a span-less label or finding
    end: int | None = None
    text: str = ""

    def overlaps(self, other: Span) -> bool:
        if self.category != other.category:
            return False
        if self.start is None or other.start is None:
            return True
        assert self.end is not None and other.end is not None
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class CorpusPost:
    id: str
    text: str
    metadata: Mapping[str, Any]
    labels: tuple[Span, ...]
    expected_verdict: str
    note: str
    file: str = ""


def find_occurrence(text: str, span: str, occurrence: int) -> int:
    """Start of the `occurrence`-th (0-based) occurrence of `span` in `text`, or -1.

    Occurrences are counted at every start position, so overlapping repeats count too.
    """
    i = text.find(span)
    for _ in range(occurrence):
        if i == -1:
            break
        i = text.find(span, i + 1)
    return i


def check_record(obj: Any) -> list[str]:
    """Everything wrong with one parsed corpus line (empty when it is well formed)."""
    if not isinstance(obj, dict):
        return ["a line must be a JSON object"]
    problems: list[str] = []
    missing = {"id", "text", "labels", "expected_verdict"} - obj.keys()
    if missing:
        problems.append(f"missing field(s): {', '.join(sorted(missing))}")
    extra = obj.keys() - POST_KEYS
    if extra:
        problems.append(f"unknown field(s): {', '.join(sorted(extra))}")
    if not isinstance(obj.get("id", ""), str) or not obj.get("id"):
        problems.append("id must be a non-empty string")
    text = obj.get("text", "")
    if not isinstance(text, str):
        problems.append("text must be a string")
        text = ""
    if not isinstance(obj.get("metadata", {}), dict):
        problems.append("metadata must be an object")
    if not isinstance(obj.get("note", ""), str):
        problems.append("note must be a string")
    if obj.get("expected_verdict") not in VERDICTS and "expected_verdict" in obj:
        problems.append(f"expected_verdict must be one of {', '.join(VERDICTS)}")
    labels = obj.get("labels", [])
    if not isinstance(labels, list):
        return [*problems, "labels must be a list"]
    for n, lab in enumerate(labels):
        where = f"label {n}"
        if not isinstance(lab, dict):
            problems.append(f"{where} must be an object")
            continue
        extra = lab.keys() - LABEL_KEYS
        if extra:
            problems.append(f"{where}: unknown field(s): {', '.join(sorted(extra))}")
        cat = lab.get("category")
        if cat not in CATEGORIES:
            problems.append(f"{where}: category {cat!r} is not in the DESIGN.md vocabulary")
        if "text" not in lab:
            if "occurrence" in lab:
                problems.append(f"{where}: occurrence without text")
            continue
        span = lab["text"]
        if not isinstance(span, str) or not span:
            problems.append(f"{where}: text must be a non-empty string")
            continue
        occ = lab.get("occurrence", 0)
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
            problems.append(f"{where}: occurrence must be an integer >= 0")
            continue
        if find_occurrence(text, span, occ) == -1:
            problems.append(
                f"{where}: text {span!r} (occurrence {occ}) is not in the post"
            )
        elif "occurrence" not in lab and text.count(span) > 1:
            problems.append(f"{where}: text {span!r} occurs more than once; add occurrence")
    return problems


def parse_record(obj: Mapping[str, Any], file: str = "") -> CorpusPost:
    text = obj["text"]
    spans: list[Span] = []
    for lab in obj.get("labels", []):
        if "text" in lab:
            start = find_occurrence(text, lab["text"], lab.get("occurrence", 0))
            spans.append(Span(lab["category"], start, start + len(lab["text"]), lab["text"]))
        else:
            spans.append(Span(lab["category"]))
    return CorpusPost(
        id=obj["id"], text=text, metadata=dict(obj.get("metadata") or {}),
        labels=tuple(spans), expected_verdict=obj["expected_verdict"],
        note=obj.get("note", ""), file=file,
    )


def corpus_files(names: Sequence[str] | None = None) -> list[Path]:
    """The corpus files: every corpus/*.jsonl, or the named ones (a path or a bare name)."""
    if not names:
        return sorted(CORPUS_DIR.glob("*.jsonl"))
    out = []
    for name in names:
        p = Path(name)
        if not p.exists():
            p = CORPUS_DIR / (name if name.endswith(".jsonl") else f"{name}.jsonl")
        out.append(p)
    return out


def load_file(path: Path) -> list[CorpusPost]:
    """Parse and check one corpus file; raises CorpusError naming file and line."""
    posts = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path.name}:{n}: not valid JSON ({exc.msg})") from None
            problems = check_record(obj)
            if problems:
                raise CorpusError(f"{path.name}:{n}: {'; '.join(problems)}")
            posts.append(parse_record(obj, path.name))
    return posts


def load_corpus(paths: Iterable[Path]) -> list[CorpusPost]:
    posts: list[CorpusPost] = []
    seen: dict[str, str] = {}
    for path in paths:
        for p in load_file(path):
            if p.id in seen:
                raise CorpusError(f"{path.name}: id {p.id!r} already used in {seen[p.id]}")
            seen[p.id] = path.name
            posts.append(p)
    return posts


# -- scoring ---------------------------------------------------------------------------------
@dataclass
class CategoryScore:
    gold: int = 0  # labelled spans
    predicted: int = 0  # predicted findings
    tp: int = 0  # predicted findings that overlap a labelled span
    recalled: int = 0  # labelled spans overlapped by some finding

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None


@dataclass
class Miss:
    kind: str  # "FN" (label not found) or "FP" (finding with no label)
    post_id: str
    category: str
    text: str


@dataclass
class Scores:
    per_category: dict[str, CategoryScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    verdicts: dict[tuple[str, str], int] = field(default_factory=dict)  # (expected, got)

    @property
    def posts(self) -> int:
        return sum(self.verdicts.values())

    @property
    def verdict_agreement(self) -> float | None:
        agree = sum(n for (e, g), n in self.verdicts.items() if e == g)
        return agree / self.posts if self.posts else None

    @property
    def block_given_allow(self) -> int:
        return self.verdicts.get(("block", "allow"), 0)

    def add(
        self,
        post: CorpusPost,
        predicted: Sequence[Span],
        verdict: str | None = None,
        categories: frozenset[str] | None = None,
    ) -> None:
        """Score one post's predicted spans (and verdict) against its labels."""
        gold = [g for g in post.labels if categories is None or g.category in categories]
        pred = [p for p in predicted if categories is None or p.category in categories]
        for g in gold:
            s = self.per_category.setdefault(g.category, CategoryScore())
            s.gold += 1
            if any(g.overlaps(p) for p in pred):
                s.recalled += 1
            else:
                self.misses.append(Miss("FN", post.id, g.category, g.text))
        for p in pred:
            s = self.per_category.setdefault(p.category, CategoryScore())
            s.predicted += 1
            if any(p.overlaps(g) for g in gold):
                s.tp += 1
            else:
                text = post.text[p.start:p.end] if p.start is not None else ""
                self.misses.append(Miss("FP", post.id, p.category, text))
        if verdict is not None:
            key = (post.expected_verdict, verdict)
            self.verdicts[key] = self.verdicts.get(key, 0) + 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "posts": self.posts,
            "categories": {
                c: {"gold": s.gold, "predicted": s.predicted, "tp": s.tp,
                    "recalled": s.recalled, "precision": s.precision, "recall": s.recall}
                for c, s in sorted(self.per_category.items())
            },
            "verdict_agreement": self.verdict_agreement,
            "block_given_allow": self.block_given_allow,
            "verdicts": {f"{e}->{g}": n for (e, g), n in sorted(self.verdicts.items())},
        }
