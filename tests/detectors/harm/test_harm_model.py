"""The shipped harm model on the held-out split of its training texts (never trained on:
`models/train/harm/dataset.is_held_out`): per-category floors of post-level recall and
precision, the share of harmless texts it raises, and its agreement with the held-out scores
recorded at build time (a model that does not match its texts is stale)."""

from __future__ import annotations

import functools
import importlib.util
import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from postguard.detectors.harm import HarmDetector
from postguard.policy import Policy

TRAIN = Path(__file__).resolve().parents[3] / "models" / "train" / "harm"
META = json.loads((Path(str(resources.files("postguard.data"))) / "harm" / "harm-model.json")
                  .read_text("utf-8"))

# Written from a measured run (benchmarks/RESULTS.md, harmmodel section: held-out recall
# private_contact 0.704, over_familiar 0.480, sexual_content 0.736, bullying 0.348, self_harm
# 0.681, disclosure 0.674, extremism 0.724, violence 0.544; precision 0.74-0.85; 196 of 2,801
# harmless texts raised) minus a margin; the held-out texts are hard: most harmless ones are
# the harmful texts' minimal-pair twins.
RECALL_FLOOR = {"private_contact": 0.62, "over_familiar": 0.4, "sexual_content": 0.65,
                "bullying": 0.28, "self_harm": 0.6, "disclosure": 0.6, "extremism": 0.64,
                "violence": 0.46}
PRECISION_FLOOR = 0.65
HARMLESS_RAISED_CEILING = 0.09


def _dataset() -> Any:
    spec = importlib.util.spec_from_file_location("harm_dataset", TRAIN / "dataset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def held_out() -> list[tuple[dict[str, Any], set[str]]]:
    """(record, categories the model finds: whole-text score at or above the threshold) for
    each held-out training text (the model alone: the detector also defers to the lexicons)."""
    ds = _dataset()
    model = HarmDetector(Policy.default()).weights
    seen: set[str] = set()
    out = []
    for rec in ds.read_texts():
        if rec["text"] in seen:  # as training does: the first record of a text counts
            continue
        seen.add(rec["text"])
        if not ds.is_held_out(rec):
            continue
        text = rec["text"]
        whole = model.score(text, [(0, len(text))]).whole
        found = {c for c, p, t in zip(model.categories, whole, model.thresholds, strict=True)
                 if p >= t}
        out.append((rec, found))
    return out


def test_the_held_out_split_is_large_enough() -> None:
    rows = held_out()
    assert len(rows) >= 1000
    assert sum(1 for r, _ in rows if not r["labels"]) >= 400


@pytest.mark.parametrize("category", sorted(RECALL_FLOOR))
def test_recall_and_precision_floors(category: str) -> None:
    rows = held_out()
    gold = [category in r["labels"] for r, _ in rows]
    got = [category in f for _, f in rows]
    tp = sum(g and p for g, p in zip(gold, got, strict=True))
    recall = tp / max(1, sum(gold))
    precision = tp / max(1, sum(got))
    assert recall >= RECALL_FLOOR[category], f"recall {recall:.3f}"
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f}"


def test_few_harmless_texts_are_raised() -> None:
    harmless = [f for r, f in held_out() if not r["labels"]]
    raised = sum(1 for f in harmless if f)
    assert raised / len(harmless) <= HARMLESS_RAISED_CEILING, f"{raised}/{len(harmless)}"


def test_model_matches_the_training_texts() -> None:
    """The recorded build covers today's texts: a model left behind by new training texts
    (run `make harm-model`) fails here."""
    rows = held_out()
    assert META["texts"]["held_out"] == len(rows)


def test_scores_are_deterministic() -> None:
    det = HarmDetector(Policy.default())
    texts = [r["text"] for r, _ in held_out()[:200]]
    first = [det.weights.score(t, [(0, len(t))]).whole for t in texts]
    again = [det.weights.score(t, [(0, len(t))]).whole for t in texts]
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
