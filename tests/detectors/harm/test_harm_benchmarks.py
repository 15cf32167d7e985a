"""The harm benchmarks' scorers on a few items written here (the blind-set scorer and the
external-data readings count what they say they count)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"
sys.path.insert(0, str(BENCH))

from harm_blind import score  # noqa: E402
from harm_external import prf  # noqa: E402

from postguard import Screener  # noqa: E402
from postguard.model import Post  # noqa: E402

ITEMS = [
    {"id": "a", "text": "I don't want to wake up tomorrow, everyone would be better off without me",
     "metadata": {"direction": "inbound", "author": "child"}, "language": "en",
     "labels": [{"category": "self_harm", "text": "I don't want to wake up tomorrow"}],
     "expected_verdict": "block", "expected_escalate": True},
    {"id": "b", "text": "Hi Jo, the minibus leaves at 8:15 from the front car park tomorrow.",
     "metadata": {"direction": "outbound", "author": "staff"}, "language": "en",
     "labels": [], "expected_verdict": "allow", "expected_escalate": False},
    {"id": "c", "text": "Reminder: the library closes early on Friday.",
     "metadata": {}, "language": "en", "labels": [], "expected_verdict": "allow"},
    {"id": "d", "text": "Qué tal el examen? Mucha suerte a todos.",
     "metadata": {"direction": "outbound", "author": "staff"}, "language": "es",
     "labels": [], "expected_verdict": "allow", "expected_escalate": False},
]


def _reports() -> list:  # type: ignore[type-arg]
    screener = Screener()
    return [screener.screen(Post(text=i["text"], id=i["id"], metadata=i["metadata"]))
            for i in ITEMS]


def test_blind_scorer_counts_each_reading() -> None:
    result = score(ITEMS, _reports())
    assert result["items"] == 4
    assert result["recall_per_category"]["self_harm"] == {"rate": 1.0, "n": 1, "of": 1}
    assert result["escalated_self_harm_or_disclosure"]["rate"] == 1.0
    assert result["escalated_when_expected"] == {"rate": 1.0, "n": 1, "of": 1}
    assert result["escalated_when_not_expected"]["of"] == 2
    assert result["block_given_allow"] == {"rate": 0.0, "n": 0, "of": 1}
    assert result["benign_flagged"]["of"] == 3
    assert result["staff_one_to_one_raised_by_harm_layer"]["of"] == 2
    assert set(result["per_language"]) == {"en"}
    assert result["per_language"]["en"]["any_harm"]["of"] == 1


def test_blind_scorer_runs_as_a_script(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in ITEMS), encoding="utf-8")
    out = subprocess.run([sys.executable, str(BENCH / "harm_blind.py"), str(path)],
                         capture_output=True, text=True, check=True)
    shown = json.loads(out.stdout)
    assert shown["items"] == 4 and "misses" not in shown


def test_prf() -> None:
    assert prf([(True, True), (True, False), (False, True), (False, False)]) == {
        "precision": 0.5, "recall": 0.5, "f1": 0.5, "n": 4}
    assert prf([])["f1"] == 0.0
