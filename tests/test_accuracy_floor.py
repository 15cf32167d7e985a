"""The accuracy floor: postguard's per-category precision and recall on the labelled corpus
(benchmarks/corpus/*.jsonl) may not fall below the floors recorded in benchmarks/floors.json.

A failure names the category and metric. If the drop is intended (a harder corpus, a
deliberate trade), rewrite the floors with `.venv/bin/python benchmarks/floors.py --write`
and say why in the commit message.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from floors import FLOORS_FILE, floor_of, load_floors, measure, violations  # noqa: E402

FLOORS = load_floors()
CASES = [
    pytest.param(cat, metric, floor, id=f"{cat}-{metric}")
    for cat, row in sorted(FLOORS.items())
    for metric, floor in sorted(row.items())
]


@functools.lru_cache(maxsize=1)
def scores() -> Any:
    return measure()  # the whole corpus once per session (~1,000 short posts: a few seconds)


def test_floors_file_is_well_formed() -> None:
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert data["floors"], "benchmarks/floors.json records no floor"
    for cat, row in data["floors"].items():
        assert set(row) <= {"precision", "recall"}, cat
        assert all(0.0 <= v <= 1.0 for v in row.values()), cat


@pytest.mark.parametrize(("category", "metric", "floor"), CASES)
def test_score_not_below_floor(category: str, metric: str, floor: float) -> None:
    s = scores().per_category.get(category)
    value = None if s is None else getattr(s, metric)
    if metric == "precision" and value is None:
        return  # nothing predicted has no false positive; the recall row catches the loss
    assert value is not None and value >= floor, (
        f"{category} {metric} fell to {value} (floor {floor}); see benchmarks/floors.py"
    )


def test_every_labelled_category_has_a_floor() -> None:
    unguarded = sorted(
        cat for cat, s in scores().per_category.items() if s.gold and cat not in FLOORS
    )
    assert not unguarded, (
        f"corpus categories without a floor: {unguarded}; run benchmarks/floors.py --write"
    )


# The floor arithmetic itself: table-driven, positives and edge cases side by side.
@pytest.mark.parametrize(
    ("value", "floor"),
    [(1.0, 0.98), (0.959, 0.93), (0.92, 0.9), (0.905, 0.88), (0.02, 0.0), (0.0, 0.0)],
)
def test_floor_of_rounds_down_below_the_measurement(value: float, floor: float) -> None:
    assert floor_of(value) == pytest.approx(floor)
    assert floor_of(value) <= value


def test_violations_name_category_and_metric() -> None:
    class S:
        precision = 0.5
        recall = None

    class Fake:
        per_category = {"phone": S()}

    bad = violations(Fake(), {"phone": {"precision": 0.9, "recall": 0.8},  # type: ignore[arg-type]
                              "email": {"recall": 0.5}})
    assert bad == ["email recall - < floor 0.50", "phone precision 0.500 < floor 0.90",
                   "phone recall - < floor 0.80"]
