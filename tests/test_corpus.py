"""The labelled corpus (benchmarks/corpus/*.jsonl) is well formed, and the scorer counts right."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from corpus_lib import (  # noqa: E402
    CATEGORIES,
    CorpusError,
    Scores,
    Span,
    check_record,
    corpus_files,
    find_occurrence,
    load_corpus,
    load_file,
    parse_record,
)

FILES = corpus_files()
LINES = [
    pytest.param(path, n, line, id=f"{path.name}:{n}")
    for path in FILES
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    if line.strip()
]
CORE_CATEGORIES = ("phone", "email", "address", "location", "school", "date_of_birth",
                   "social_handle")
# What a lead's verdict must be at least, for a post carrying a label of these categories.
BLOCK_CATEGORIES = {"phone", "email", "address", "sexual_content", "private_contact",
                    "personal_account"}


def test_corpus_files_exist() -> None:
    assert (BENCH / "corpus" / "core.jsonl") in FILES


def test_categories_match_the_package_vocabulary() -> None:
    from postguard.model import Category

    assert {c.value for c in Category} == CATEGORIES


@pytest.mark.parametrize(("path", "n", "line"), LINES)
def test_every_line_is_well_formed(path: Path, n: int, line: str) -> None:
    obj = json.loads(line)
    assert check_record(obj) == []
    labels = obj["labels"]
    cats = {lab["category"] for lab in labels}
    verdict = obj["expected_verdict"]
    if labels:
        assert verdict != "allow", "a post with labels must not be 'allow'"
    else:
        assert verdict == "allow", "a post without labels must be 'allow'"
    # A sexual word inside a quoted song or film title is review (tone context rules).
    titled = obj.get("note", "").startswith("sexual_content: a quoted title")
    if cats & BLOCK_CATEGORIES and not titled:
        assert verdict == "block", f"{sorted(cats & BLOCK_CATEGORIES)} block by default"


def test_ids_are_unique_across_files() -> None:
    posts = load_corpus(FILES)
    assert len({p.id for p in posts}) == len(posts)


def test_core_corpus_has_positives_and_traps_for_every_category() -> None:
    posts = load_file(BENCH / "corpus" / "core.jsonl")
    assert len(posts) >= 420
    for cat in CORE_CATEGORIES:
        positives = sum(any(s.category == cat for s in p.labels) for p in posts)
        traps = sum(bool(re.match(rf"trap: [a-z_/]*\b{cat}\b", p.note)) for p in posts)
        assert positives >= 30, (cat, positives)
        assert traps >= 30, (cat, traps)


# -- the checks catch malformed lines ------------------------------------------------------
GOOD = {"id": "x-1", "text": "Call 07911 123456 or 07911 123456", "metadata": {},
        "labels": [{"category": "phone", "text": "07911 123456", "occurrence": 1}],
        "expected_verdict": "block", "note": ""}


@pytest.mark.parametrize(("change", "problem"), [
    ({}, None),
    ({"expected_verdict": "maybe"}, "expected_verdict"),
    ({"labels": [{"category": "telephone", "text": "Call"}]}, "vocabulary"),
    ({"labels": [{"category": "phone", "text": "07700 900123"}]}, "not in the post"),
    ({"labels": [{"category": "phone", "text": "07911 123456"}]}, "add occurrence"),
    ({"labels": [{"category": "phone", "text": "07911 123456", "occurrence": 2}]},
     "not in the post"),
    ({"labels": [{"category": "phone", "text": ""}]}, "non-empty"),
    ({"labels": "phone"}, "must be a list"),
    ({"id": ""}, "id must be"),
    ({"colour": "red"}, "unknown field"),
    ({"labels": [{"category": "out_of_hours"}]}, None),
])
def test_check_record(change: dict[str, object], problem: str | None) -> None:
    problems = check_record({**GOOD, **change})
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_missing_fields_are_reported() -> None:
    assert any("missing" in p for p in check_record({"id": "a"}))
    assert check_record(["not", "an", "object"]) == ["a line must be a JSON object"]


def test_a_malformed_file_raises_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2: not valid JSON"):
        load_file(path)
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="already used"):
        load_corpus([path])


@pytest.mark.parametrize(("text", "span", "occ", "start"), [
    ("ab ab ab", "ab", 0, 0),
    ("ab ab ab", "ab", 2, 6),
    ("ab ab ab", "ab", 3, -1),
    ("aaa", "aa", 1, 1),  # overlapping repeats count
    ("🙂 Amy 🙂 Amy", "Amy", 1, 8),  # str indices, not bytes
])
def test_find_occurrence(text: str, span: str, occ: int, start: int) -> None:
    assert find_occurrence(text, span, occ) == start


# -- the scorer ------------------------------------------------------------------------------
def test_scorer_counts_tp_fp_fn() -> None:
    post = parse_record({
        "id": "p1", "text": "Ring 07911 123456, email amy@example.com, lives on Elm Road",
        "labels": [{"category": "phone", "text": "07911 123456"},
                   {"category": "email", "text": "amy@example.com"},
                   {"category": "location", "text": "Elm Road"}],
        "expected_verdict": "block",
    })
    predicted = [
        Span("phone", 7, 12),  # overlaps the phone label: TP
        Span("phone", 0, 4),  # "Ring": FP
        Span("address", 51, 59),  # right span, wrong category: FP for address
        # email not found: FN; location not found: FN
    ]
    scores = Scores()
    scores.add(post, predicted, "allow")
    phone = scores.per_category["phone"]
    assert (phone.gold, phone.predicted, phone.tp, phone.recalled) == (1, 2, 1, 1)
    assert phone.precision == 0.5 and phone.recall == 1.0
    email = scores.per_category["email"]
    assert (email.gold, email.predicted, email.recalled) == (1, 0, 0)
    assert email.precision is None and email.recall == 0.0
    assert scores.per_category["address"].precision == 0.0
    assert scores.per_category["address"].recall is None
    kinds = sorted((m.kind, m.category, m.text) for m in scores.misses)
    assert kinds == [("FN", "email", "amy@example.com"), ("FN", "location", "Elm Road"),
                     ("FP", "address", "Elm Road"), ("FP", "phone", "Ring")]
    assert scores.block_given_allow == 1 and scores.verdict_agreement == 0.0


def test_scorer_spanless_labels_and_category_filter() -> None:
    post = parse_record({"id": "p2", "text": "Good night all", "expected_verdict": "review",
                         "labels": [{"category": "out_of_hours"}]})
    scores = Scores()
    scores.add(post, [Span("out_of_hours"), Span("slang", 0, 4)], "review",
               categories=frozenset({"out_of_hours"}))
    assert set(scores.per_category) == {"out_of_hours"}  # slang filtered out, not counted
    s = scores.per_category["out_of_hours"]
    assert (s.gold, s.predicted, s.tp, s.recalled) == (1, 1, 1, 1)
    assert scores.verdict_agreement == 1.0
    # Adjacent spans do not overlap (end is exclusive).
    assert not Span("phone", 0, 4).overlaps(Span("phone", 4, 8))
    assert Span("phone", 0, 5).overlaps(Span("phone", 4, 8))
