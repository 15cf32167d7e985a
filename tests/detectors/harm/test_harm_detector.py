"""The harm detector's machinery: the model files and their failures, bad input, determinism,
clause spans, OCR text and the conversation memory. (What it finds: test_harm_cases.py;
accuracy on held-out training texts: test_harm_model.py.)"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from linear import assert_linear

from postguard import Screener
from postguard.detectors.harm import HarmDetector
from postguard.detectors.harm.conversation import ThreadMemory
from postguard.detectors.harm.detector import clauses
from postguard.detectors.harm.features import normalise
from postguard.detectors.harm.weights import ModelUnavailable, load_weights
from postguard.model import Category, Post
from postguard.policy import Policy

SHIPPED = Path(str(resources.files("postguard.data") / "harm"))
SELF_HARM = "honestly I just want to sleep and never wake up, nobody would miss me anyway"
PHONE = "Call 07700 900123 about the trip."


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "harm"
    shutil.copytree(SHIPPED, folder)
    return folder


def harm_with(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Screener:
    monkeypatch.setattr(HarmDetector, "model_folder", folder)
    return Screener(detectors=["harm", "phone"])


# -- the model files ------------------------------------------------------------------------

def test_shipped_model_is_small_and_consistent() -> None:
    meta = json.loads((SHIPPED / "harm-model.json").read_text("utf-8"))
    total = sum(p.stat().st_size for p in SHIPPED.iterdir())
    assert total <= 25 * 1024 * 1024
    w = load_weights()
    assert list(w.categories) == meta["categories"]
    assert len(w.keys) == meta["features"] == w.table.shape[0] - 1
    assert all(0.0 < t < 1.0 for t in w.thresholds)


def _break(folder: Path, how: str) -> str:
    """Damage the model in `folder`; the name of the file a message must name."""
    if how == "missing":
        (folder / "harm-weights.npy").unlink()
        return "harm-weights.npy"
    if how == "corrupt-weights":
        data = bytearray((folder / "harm-weights.npy").read_bytes())
        data[200] ^= 0xFF
        (folder / "harm-weights.npy").write_bytes(bytes(data))
        return "harm-weights.npy"
    if how == "corrupt-meta":
        (folder / "harm-model.json").write_text("{not json", "utf-8")
        return "harm-model.json"
    if how == "stale":
        meta = json.loads((folder / "harm-model.json").read_text("utf-8"))
        meta["feature_version"] = -1
        (folder / "harm-model.json").write_text(json.dumps(meta), "utf-8")
        return "harm-model.json"
    if how == "truncated-keys":
        data = (folder / "harm-keys.npy").read_bytes()
        (folder / "harm-keys.npy").write_bytes(data[: len(data) // 2])
        return "harm-keys.npy"
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["missing", "corrupt-weights", "corrupt-meta", "stale",
                                 "truncated-keys"])
def test_unusable_model_fails_closed_and_others_go_on(
        how: str, model_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = _break(model_copy, how)
    with pytest.raises(ModelUnavailable, match=name):
        load_weights(model_copy)
    report = harm_with(model_copy, monkeypatch).screen(f"{SELF_HARM}. {PHONE}")
    errors = [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    assert len(errors) == 1 and errors[0].detector == "harm"
    assert name in errors[0].message and "make harm-model" in errors[0].message
    assert "sleep" not in errors[0].message  # never the post's text
    assert report.verdict.value in ("review", "block")
    assert any(f.category is Category.PHONE for f in report.findings)  # the others go on


def test_unusable_model_with_a_thread_gives_one_error(
        model_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break(model_copy, "missing")
    screener = harm_with(model_copy, monkeypatch)
    for _ in range(3):
        report = screener.screen(Post(text="hi again", metadata={"thread": "t1"}))
        assert [f.category for f in report.findings] == [Category.DETECTOR_ERROR]


def test_working_copy_loads(model_copy: Path) -> None:
    assert load_weights(model_copy).categories == load_weights().categories


# -- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "😀😀😀🙏", "...!!!", "x", "ﷺ", "\u200f\u200e", "a\x00b",
    "مرحبا، أين نلتقي بعد المدرسة؟ don't tell anyone 🙂",
    "שלום, מה שלומך היום? lol",
    "今日は楽しかった！またね 😊 See you tomorrow",
    "İSTANBUL ǅ ﬁne ŉ ẞ straße",  # characters whose case or normal form changes length
    "a" * 20_000,
    "word " * 30_000,
])
def test_bad_input_never_crashes(text: str) -> None:
    det = HarmDetector(Policy.default())
    found = list(det.detect(Post(text=text, metadata={"thread": "x"})))
    for f in found:
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        assert 0.0 <= f.score <= 1.0


@pytest.mark.parametrize("unit", ["The coach leaves at nine from the front gate. ",
                                  "word ", "x" * 999 + " "])
def test_five_megabytes_of_text(unit: str) -> None:
    text = (unit * (5_000_000 // len(unit) + 1))[:5_000_000]
    det = HarmDetector(Policy.default())
    assert all(f.end is not None and f.end <= len(text) for f in det.detect_text(text))
    parts = clauses(text)
    assert max(e - s for s, e in parts) <= 1000 and parts[-1][1] <= len(text)


def test_time_is_linear_in_size() -> None:
    det = HarmDetector(Policy.default())
    unit = "Thanks for a great week, see you all on Monday! 你好，明天见。 مع السلامة. "

    def run(text: str) -> None:
        list(det.detect_text(text))

    assert_linear(run, unit * 200, unit * 2000)


def test_normalise_keeps_the_length() -> None:
    for text in ["İstanbul", "ǅ", "ﬁ", "ŉ", "Straße ẞ", "１２３ＡＢＣ", "١٢٣", "a\u00a0b\tc"]:
        assert len(normalise(text)) == len(text)
    assert normalise("Ｈｉ 123") == "hi 000"


# -- determinism ----------------------------------------------------------------------------

def _scores(texts: list[str]) -> list[list[float]]:
    w = load_weights()
    return [w.score(t, clauses(t)).whole.round(6).tolist() for t in texts]


TEXTS = [SELF_HARM, "delete our chat and don't tell your mum", "Trip leaves at 9."]


def test_same_scores_in_another_process_with_another_hash_seed() -> None:
    code = ("import json,sys; sys.path[:0] = ['tests', 'tests/detectors/harm']; "
            "from test_harm_detector import _scores, TEXTS; print(json.dumps(_scores(TEXTS)))")
    here = Path(__file__).resolve().parents[3]
    runs = []
    for seed in ("1", "12345"):
        out = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True,
                             text=True, check=True, env={"PYTHONHASHSEED": seed, "PATH": ""})
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    assert np.allclose(runs[0], _scores(TEXTS), atol=1e-5)


# -- spans, scores, OCR -----------------------------------------------------------------------

def test_clauses() -> None:
    text = "Great match today! Well done everyone.\nSee you on Monday at 9."
    parts = [text[s:e] for s, e in clauses(text)]
    assert parts == ["Great match today!", "Well done everyone.", "See you on Monday at 9."]
    assert clauses("") == [] and clauses("🙂 !!") == []
    short = "ok. fine. yes"
    assert [short[s:e] for s, e in clauses(short)] == [short]
    assert len(clauses("今日は遠足でとても楽しかったです。明日も学校でみんなに会いましょう。")) == 2


def test_the_finding_marks_the_clause_that_carries_the_harm() -> None:
    text = ("Thanks for coming to football today, the team played well. " + SELF_HARM +
            ". See you at training on Thursday at 4 in the sports hall.")
    found = [f for f in HarmDetector(Policy.default()).detect_text(text)
             if f.category is Category.SELF_HARM]
    assert found, "self-harm not found"
    f = found[0]
    assert f.start is not None and f.end is not None
    assert text[f.start:f.end].startswith("honestly I just want")
    assert "sleep" not in f.message and "self-harm" in f.message
    assert f.severity.value == "high" and f.code == "PG705"


def test_score_maps_the_threshold_to_one_half() -> None:
    from postguard.detectors.harm.detector import _scaled

    assert _scaled(0.7, 0.7) == 0.5 and _scaled(1.0, 0.7) == 1.0 and _scaled(0.35, 0.7) == 0.25


def test_harm_runs_on_ocr_text() -> None:
    from postguard.detectors.images import ImageTextDetector

    det = ImageTextDetector(Policy.default())
    found = det.screen_text(SELF_HARM)
    assert any(f.detector == "harm" and f.category is Category.SELF_HARM for f in found)


# -- conversations -----------------------------------------------------------------------------

def test_thread_memory_is_bounded_and_per_author() -> None:
    mem = ThreadMemory(max_threads=3, window=2)
    assert mem.add("t", "stranger", "a") == ["a"]
    assert mem.add("t", "child", "b") == ["b"]
    assert mem.add("t", "stranger", "c") == ["a", "c"]
    assert mem.add("t", "stranger", "d") == ["c", "d"]
    for i in range(10):
        mem.add(f"other{i}", "x", "y")
    assert len(mem) == 3
    assert mem.add("t", "stranger", "e") == ["e"]  # forgotten: least recently used


GROOMING_LINES = [  # each harmless-looking alone (allowed); together: isolation and private contact
    "hey, saw your drawing on the art page, really talented",
    "do you have your own room at home?",
    "do your parents ever read your messages?",
    "what are you doing this weekend?",
    "do you get on with your mum and dad?",
]


def test_a_conversation_builds_up_across_harmless_looking_lines() -> None:
    det = HarmDetector(Policy.default())
    convo = []
    for line in GROOMING_LINES:
        post = Post(text=line, metadata={"thread": "c1", "author": "stranger",
                                         "direction": "inbound"})
        convo.extend(f for f in det.detect(post) if f.code in ("PG710", "PG711", "PG712"))
    assert convo, "the conversation was never flagged"
    assert all(f.severity.value == "high" and "conversation" in f.message for f in convo)


def test_a_thread_of_ordinary_messages_stays_quiet() -> None:
    det = HarmDetector(Policy.default())
    lines = ["Hi Sam, the bus leaves at 8 tomorrow.", "Please bring your packed lunch.",
             "Your group leader has the tickets.", "Thanks, see you at the front gate.",
             "Remember a raincoat, it may rain in the afternoon."]
    for line in lines:
        post = Post(text=line, metadata={"thread": "c2", "author": "staff"})
        assert not [f for f in det.detect(post) if f.code.startswith("PG71")], line


def test_threads_do_not_mix() -> None:
    det = HarmDetector(Policy.default())
    for i, line in enumerate(GROOMING_LINES):
        post = Post(text=line, metadata={"thread": f"solo{i}", "author": "stranger"})
        assert not [f for f in det.detect(post) if f.code.startswith("PG71")]


@pytest.mark.parametrize(("code", "category"), [
    ("PG701", Category.PRIVATE_CONTACT), ("PG710", Category.PRIVATE_CONTACT),
    ("PG711", Category.OVER_FAMILIAR), ("PG712", Category.SEXUAL_CONTENT)])
def test_grooming_by_meaning_escalates_from_any_author(code: str, category: Category) -> None:
    from postguard.escalation import lead_escalation
    from postguard.model import Finding, Severity, Verdict

    f = Finding(code, "harm", category, Severity.HIGH, 0.9, "m", start=0, end=2,
                action=Verdict.BLOCK)
    assert lead_escalation(Post(text="hi", metadata={"author": "staff"}), [f]) is not None
    lexical_review = Finding("PG441", "over_familiar", Category.OVER_FAMILIAR, Severity.LOW,
                             0.9, "m", start=0, end=2, action=Verdict.REVIEW)
    assert lead_escalation(Post(text="hi", metadata={"author": "staff"}),
                           [lexical_review]) is None  # a pet name alone, outbound: no


def test_each_ordinary_conversation_line_alone_is_allowed() -> None:
    """The friendly lines of the conversation pass alone, from anyone; the questions that
    check a child's privacy at home pass alone from a child (peers ask them too), and from
    a stranger they may be raised alone (the inbound review tier)."""
    screener = Screener()
    for line in (GROOMING_LINES[0], GROOMING_LINES[3]):
        report = screener.screen(line, metadata={"direction": "inbound", "author": "stranger"})
        assert report.verdict.value == "allow", line
    for line in GROOMING_LINES:
        report = screener.screen(line, metadata={"direction": "inbound", "author": "child"})
        assert report.verdict.value == "allow" and not report.escalate, line


@pytest.mark.parametrize(("text", "words"), [
    ("omg lol see u there", 5), ("Call 07911 123456", 1), ("", 0), ("死にたい", 4),
    ("이제 그만 살고 싶어", 8), ("twelve words are more than the eight that count at most here", 8),
])
def test_evidence_words(text: str, words: int) -> None:
    from postguard.detectors.harm.detector import evidence_words

    assert evidence_words(text) == words


def test_short_texts_need_more_certainty() -> None:
    import numpy as np

    from postguard.detectors.harm.detector import needed

    th = np.array([0.2, 0.5, 0.8])
    assert np.allclose(needed(th, 8), th) and np.allclose(needed(th, 30), th)
    three, one = needed(th, 3), needed(th, 1)
    assert np.all(three > th) and np.all(one > three) and np.all(one < 1)
    # a fixed amount of evidence per missing word: 0.6 log-odds each, whatever the threshold
    logit = np.log(three / (1 - three)) - np.log(th / (1 - th))
    assert np.allclose(logit, 5 * 0.6)


@pytest.mark.parametrize("text", ["omg lol see u there", "text me on 07911 123456",
                                  "Call 07911 123456", "lol see u at the match"])
def test_a_few_everyday_words_are_no_harm(text: str) -> None:
    import postguard

    harm = [f for f in postguard.screen(text).findings if f.detector == "harm"]
    assert harm == []


@pytest.mark.parametrize("text", ["i want to die", "nobody would miss me", "i hate myself"])
def test_short_cries_for_help_are_still_found(text: str) -> None:
    import postguard

    report = postguard.screen(text)
    assert any(f.category.value == "self_harm" for f in report.findings) and report.escalate
