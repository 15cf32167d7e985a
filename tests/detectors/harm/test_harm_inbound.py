"""The harm detector's judgement of inbound comments and messages (metadata `direction` and
`author`), in wording written for these tests (never in the training texts: checked below):
the lower review tier of an inbound message, a child's own messages (peers are not
groomers), and escalation of every self-harm and disclosure finding."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import numpy as np
import pytest

from postguard import Screener
from postguard.detectors.harm import HarmDetector
from postguard.detectors.harm.bars import (
    _INBOUND_LOGIT,
    inbound_lowering,
    needed,
)
from postguard.model import Category, Finding, Post, Severity, Verdict
from postguard.policy import Policy

TRAIN = Path(__file__).resolve().parents[3] / "models" / "train" / "harm"
CATEGORIES = ("private_contact", "over_familiar", "sexual_content", "bullying", "self_harm",
              "disclosure", "extremism", "violence")


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.asarray(p, dtype=np.float64)
    return np.log(p / (1 - p))


# -- the tier's arithmetic -------------------------------------------------------------------

def test_inbound_thresholds_are_lowered_by_a_fixed_amount_of_evidence() -> None:
    th = np.array([0.2, 0.5, 0.8])
    low = needed(th, 30, 2.0)
    assert np.allclose(_logit(th) - _logit(low), 2.0)
    assert np.allclose(needed(th, 30, 0.0), th)
    # the short-text rule still adds its evidence on top of the lowered bar
    assert np.all(needed(th, 3, 2.0) > low) and np.all(needed(th, 3, 2.0) < needed(th, 3))


@pytest.mark.parametrize("author", ["stranger", "unknown", "child"])
def test_the_review_categories_get_the_full_tier_the_blocking_ones_less(author: str) -> None:
    lower = dict(zip(CATEGORIES, inbound_lowering(CATEGORIES, author), strict=True))
    for review in ("bullying", "violence", "over_familiar", "sexual_content"):
        assert lower[review] == _INBOUND_LOGIT
    for blocking in ("self_harm", "disclosure", "extremism", "private_contact"):
        assert 0 < lower[blocking] < _INBOUND_LOGIT


@pytest.mark.parametrize(("category", "lowering"), [
    ("self_harm", 1.0), ("disclosure", 1.0), ("private_contact", 1.0), ("extremism", 0.5)])
def test_the_blocking_categories_tiers(category: str, lowering: float) -> None:
    """A child's distress or disclosure gets as much of a tier as private contact (a missed
    one is not escalated); extremism keeps half of that."""
    assert inbound_lowering((category,), "child")[0] == lowering


@pytest.mark.parametrize("author", ["parent", "staff", "someone"])
def test_parents_staff_and_others_get_no_tier(author: str) -> None:
    assert not inbound_lowering(CATEGORIES, author).any()


# -- the tier on the real model, thresholds moved so a text sits inside it -------------------

@functools.cache
def _detector() -> HarmDetector:
    return HarmDetector(Policy.default())


def _with_threshold(category: str, text: str, logit_above: float) -> HarmDetector:
    """A detector whose model's threshold for `category` sits `logit_above` log-odds above
    `text`'s whole-text score (the other categories out of reach)."""
    det = HarmDetector(Policy.default())
    model = copy.copy(_detector().weights)
    k = model.categories.index(category)
    p = float(model.score(text, [(0, len(text))]).whole[k])
    th = np.full(len(model.categories), 0.999999)
    th[k] = 1 / (1 + np.exp(-(_logit(p) + logit_above)))
    model.thresholds = th
    det._weights = model
    return det


TIER_TEXTS = [  # (text of 8+ words, category; the threshold is moved to sit just above it)
    ("everyone saw ur bag at break and honestly it smells like old soup", "bullying"),
    ("next time you say that in the corridor you will regret it badly", "violence"),
]


@pytest.mark.parametrize(("text", "category"), TIER_TEXTS)
def test_a_doubtful_score_is_reviewed_inbound_and_left_alone_in_a_draft(
        text: str, category: str) -> None:
    det = _with_threshold(category, text, 0.5 * _INBOUND_LOGIT)
    draft = list(det.detect(Post(text=text, metadata={"direction": "outbound",
                                                      "author": "staff"})))
    assert [f for f in draft if f.category.value == category] == []
    inbound = [f for f in det.detect(Post(text=text, metadata={"direction": "inbound",
                                                               "author": "child"}))
               if f.category.value == category]
    assert len(inbound) == 1
    f = inbound[0]
    assert f.severity is Severity.LOW and f.score >= 0.5  # kept by the policy, reviewed
    assert Policy.default().action_for(f.category, f.severity) is Verdict.REVIEW


def test_a_score_below_the_tier_is_not_found_inbound_either() -> None:
    text, category = TIER_TEXTS[0]
    det = _with_threshold(category, text, 1.5 * _INBOUND_LOGIT)
    found = det.detect(Post(text=text, metadata={"direction": "inbound", "author": "child"}))
    assert [f for f in found if f.category.value == category] == []


def test_a_clear_score_keeps_the_higher_severity_inbound() -> None:
    text, category = TIER_TEXTS[1]
    det = _with_threshold(category, text, -3.0)
    found = [f for f in det.detect(Post(text=text, metadata={"direction": "inbound",
                                                             "author": "child"}))
             if f.category.value == category]
    assert found and found[0].severity is Severity.HIGH


# -- a child's own messages ------------------------------------------------------------------
CHILD_COMPLIMENTS = [  # warm words between peers; from an adult stranger they are grooming
    "ur honestly the prettiest girl in our whole year, ur smile is unreal 😍",
    "you are honestly gorgeous, ur my favourite person in the whole school 💕",
]


@pytest.mark.parametrize("text", CHILD_COMPLIMENTS)
def test_a_childs_compliment_is_not_acted_on_a_strangers_is(text: str) -> None:
    """Lexicons and model together: from a stranger the same words are a grooming move
    (acted on, escalated); from a child they are listed at most, and allowed."""
    def acting(author: str) -> tuple[set[str], bool]:
        report = _screener().screen(text, metadata={"direction": "inbound", "author": author})
        return ({f.category.value for f in report.findings
                 if f.action is not None and f.action.rank > 0}, report.escalate)

    child, child_escalates = acting("child")
    assert not child & {"over_familiar", "private_contact", "sexual_content"}, child
    assert not child_escalates
    stranger, _ = acting("stranger")
    assert stranger & {"over_familiar", "private_contact", "sexual_content"}, stranger


# Warm words the tone lexicons find nothing in (so the model speaks alone).
PEER_WARMTH = "you honestly get me like nobody else does, talking to you is the best part of my day"


@pytest.mark.parametrize("category", ["over_familiar", "private_contact"])
def test_the_model_adds_no_grooming_finding_to_a_childs_message(category: str) -> None:
    text = PEER_WARMTH
    det = _with_threshold(category, text, -3.0)  # certain, for the model
    for author, expected in (("child", False), ("stranger", True), ("parent", True)):
        post = Post(text=text, metadata={"direction": "inbound", "author": author})
        found = {f.category.value for f in det.detect(post)}
        assert (category in found) is expected, author


def test_a_child_asking_a_friend_about_home_is_not_escalated() -> None:
    for text in ("do u have ur own room at ur house or do u share with ur sister?",
                 "are ur parents strict about ur phone at night?"):
        acting, escalate = _inbound_child(text)
        assert not escalate and "private_contact" not in acting, (text, acting)


# -- escalation ------------------------------------------------------------------------------
CHILD_DISTRESS = [  # a child's own distress or disclosure, inbound: found and escalated
    ("i keep thinking everyone would be better off if i just wasnt here anymore", "self_harm"),
    ("skipped dinner again, if i get thinner maybe they will finally like me", "self_harm"),
    ("my host dad grabs my arm really hard when i'm late and says i can't tell the agency",
     "disclosure"),
    ("they keep my passport in a drawer and say i have to work in the shop to get it back",
     "disclosure"),
]
CHILD_HYPERBOLE = [  # the same register, no harm: not escalated
    "this maths homework is actually going to be the end of me lol",
    "my host mum's curry is so good i could die happy",
    "i'm dead tired after football, going to sleep for a week",
]


@functools.cache
def _screener() -> Screener:
    return Screener()


def _inbound_child(text: str) -> tuple[set[str], bool]:
    report = _screener().screen(text, metadata={"direction": "inbound", "author": "child"})
    acting = {f.category.value for f in report.findings
              if f.action is not None and f.action.rank > 0}
    return acting, report.escalate


def test_a_childs_distress_and_disclosure_escalate() -> None:
    missed = [(t, c) for t, c in CHILD_DISTRESS if not (
        c in _inbound_child(t)[0] and _inbound_child(t)[1])]
    assert len(missed) <= 1, missed


@pytest.mark.parametrize("text", CHILD_HYPERBOLE)
def test_a_childs_hyperbole_does_not_escalate(text: str) -> None:
    acting, escalate = _inbound_child(text)
    assert not escalate and not acting & {"self_harm", "disclosure"}, acting


@pytest.mark.parametrize("category", [Category.SELF_HARM, Category.DISCLOSURE])
@pytest.mark.parametrize("severity", list(Severity))
def test_every_self_harm_and_disclosure_finding_escalates(category: Category,
                                                          severity: Severity) -> None:
    """Whatever its severity and score above the policy's threshold, and whoever wrote it."""
    from postguard.escalation import lead_escalation

    for meta in ({"direction": "inbound", "author": "child"}, {}):
        post = Post(text="x" * 40, metadata=meta)
        f = Finding(detector="harm", code="PG705", category=category, severity=severity,
                    message="test", score=0.51, start=0, end=10)
        decided = [f.with_action(Policy.default().action_for(category, severity))]
        assert lead_escalation(post, decided) is not None


def test_cases_are_not_training_texts() -> None:
    trained = set()
    for path in (TRAIN / "texts").rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                trained.add(json.loads(line)["text"].strip().lower())
    ours = [t for t, _ in TIER_TEXTS] + CHILD_COMPLIMENTS + [t for t, _ in CHILD_DISTRESS] \
        + CHILD_HYPERBOLE + [PEER_WARMTH,
                             "do u have ur own room at ur house or do u share with ur sister?",
                             "are ur parents strict about ur phone at night?"]
    assert not [t for t in ours if t.strip().lower() in trained]


# -- links -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "blanked"), [
    ("see https://example.org/a/1488?x=88 now", "see " + " " * 31 + " now"),
    ("Go to WWW.Example.org/88 today", "Go to " + " " * 18 + " today"),
    ("no link here: 14 words", "no link here: 14 words"),
])
def test_links_are_blanked_before_the_model_reads(text: str, blanked: str) -> None:
    from postguard.detectors.harm.detector import without_links

    assert without_links(text) == blanked and len(without_links(text)) == len(text)


def test_a_meeting_link_alone_reads_as_no_harm() -> None:
    text = ("Join the online parents' evening here\n"
            "https://us06web.zoom.us/j/88140018814?pwd=Zx14Yq88Wp00\nMeeting ID: 881 4001 8814")
    assert [f for f in _detector().detect_text(text)] == []
