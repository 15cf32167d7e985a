"""What postguard finds with the harm layer: positives and traps per category, in wording
written for these tests (never in the training texts: checked below). Each category must find
most of its positives and flag few of its traps (the default Screener: lexicons and model
together, as a user sees it; the model alone is measured in test_harm_model.py). The floors are
counts out of the rows of the table."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from postguard import Screener
from postguard.model import Category

TEXTS = Path(__file__).resolve().parents[3] / "models" / "train" / "harm" / "texts"

# category -> (positives, traps that look like it and are not)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "private_contact": ([
        "Let's keep our chats between us, your mum wouldn't get it.",
        "add me on my other account, the one the school can't see",
        "Is anyone else home right now or is it just you?",
        "I can pick you up after practice, just don't mention it to the coach.",
        "send me a selfie before you go to bed, only for me",
        "delete this conversation once you've read it ok",
    ], [
        "Let's keep the party plans between us until Friday, it's a surprise for Mr Dean!",
        "Please add the class calendar to your phone so you don't miss the trip.",
        "Is anyone else in your group coming to the museum? The bus has 30 seats.",
        "The coach will pick up the whole team after practice from the front gate.",
        "Please upload a photo of your finished model to the class portal.",
        "Delete the old draft from the shared drive once your final essay is uploaded.",
    ]),
    "over_familiar": ([
        "you're far more mature than the other kids, I can talk to you like an adult",
        "I think about our talks all the time, you're really special to me",
        "morning gorgeous, did you dream about me",
        "You're my favourite, don't tell the others I said that",
        "no one gets me like you do, we have a real connection",
    ], [
        "Your essay was far more mature in style than last term's, well done.",
        "Thank you for the talk you gave to the new students, it was really helpful.",
        "Good morning class, remember your dictionaries today.",
        "Your team worked brilliantly together in the final.",
        "The new students have made a real connection with their host families.",
    ]),
    "sexual_content": ([
        "what are you wearing right now? describe it for me",
        "you've got a really hot body for your age",
        "have you ever done anything with a boy? you can tell me",
        "take your top off on camera, nobody will know",
        "I want to see you in that bikini again, just you and me",
    ], [
        "Please wear your school uniform and sensible shoes on the trip.",
        "The PE changing rooms are closed for cleaning on Monday.",
        "In science we looked at how the body uses energy during exercise.",
        "Turn your camera on for the online lesson so I can see your worksheet.",
        "Bring a swimsuit and towel for the swimming gala on Friday.",
    ]),
    "bullying": ([
        "Nobody in this class likes you, just stop coming to school",
        "look at her, she's so fat and ugly, no wonder she eats lunch alone",
        "everyone's laughing at your stupid video, you're a total loser",
        "we've made a group chat without him, he's too weird to be friends with",
        "go back to your own country, nobody wants you here",
    ], [
        "Nobody in this class has handed in the form yet, please do it today.",
        "Look at her amazing painting, it won first prize!",
        "Everyone loved your video for the project, it was hilarious.",
        "We've made a group chat for the trip, ask if you want to be added.",
        "Welcome to our new students from six countries, we're glad you're here.",
    ]),
    "self_harm": ([
        "I don't want to be alive anymore, I've thought about how I'd do it",
        "I cut my arms again last night and it's the only thing that helps",
        "everyone would be better off without me, I'm just a burden",
        "I haven't eaten in four days, I need to lose more weight",
        "I've been saving my pills, I think I'm ready now",
    ], [
        "I cut my finger on the paper in art, it's fine now",
        "I'm so tired after the sleepover, I could sleep for a year",
        "I haven't eaten breakfast yet, can I go to the canteen?",
        "I've been saving my pocket money for the school trip",
        "this exam is killing me lol, three hours of maths",
    ]),
    "disclosure": ([
        "my stepdad touches me when mum's at work and says it's our secret",
        "I'm scared to go home, my dad hits me when he's angry",
        "there's no food at home and mum hasn't been back for three days",
        "an older man online made me send pictures and now he's threatening me",
        "my host father keeps coming into the bathroom when I'm showering",
    ], [
        "my stepdad is teaching me to drive when mum's at work, it's fun",
        "I'm scared of the exam, my dad says I'll be fine",
        "there's no milk at the residence, can someone buy some?",
        "an older student online helped me with my maths homework",
        "my host father makes the best pancakes on Sundays",
    ]),
    "extremism": ([
        "they're invading our country, it's time we fought back and cleansed it",
        "join our movement, the true believers will rise and the unbelievers will pay",
        "that race is inferior and should be wiped out",
        "watch this video, the attacker was a hero and we need more like him",
        "the only answer to those people is violence, sign up with us",
    ], [
        "In history we studied how propaganda was used in the 1930s.",
        "Our debate club discussed why extremist groups target young people online.",
        "The RE lesson compared how different religions celebrate new year.",
        "The museum exhibition about the Second World War opens on Monday.",
        "Join our movement for a cleaner beach: litter pick on Saturday at 10!",
    ]),
    "violence": ([
        "I'm going to stab him after school, I've got a knife in my bag",
        "say that again and I'll break your legs",
        "I know where you live and I'm coming for you tonight",
        "we're going to jump him behind the sports hall on Friday",
        "I'll punch your face in if you tell anyone",
    ], [
        "In Macbeth the king is stabbed in his sleep, read act two for Friday.",
        "I'll break the record for the 100m this year, I've been training hard.",
        "I know where the museum is, I'll meet you all at the entrance.",
        "We're going to jump in the pool first at the swimming gala!",
        "The boxing club teaches you how to punch safely with pads.",
    ]),
}

# Floors: positives found per category at least, traps flagged at most (counts of the table).
# Measured at commit time (benchmarks/RESULTS.md, harm section): every category found all its
# positives but private_contact (5 of 6) and violence (4 of 5); one disclosure trap flagged.
MIN_FOUND = {"private_contact": 4, "over_familiar": 4, "sexual_content": 4, "bullying": 4,
             "self_harm": 4, "disclosure": 4, "extremism": 4, "violence": 3}
MAX_TRAPS = 1


HARM = frozenset(Category(c) for c in CASES)


@functools.cache
def _screener() -> Screener:
    return Screener()


def _acting(text: str) -> set[Category]:
    report = _screener().screen(text, metadata={"direction": "inbound", "author": "unknown"})
    return {f.category for f in report.findings if f.action is not None and f.action.rank > 0}


def _found(text: str, category: str) -> bool:
    return Category(category) in _acting(text)


@pytest.mark.parametrize("category", sorted(CASES))
def test_positives_are_found(category: str) -> None:
    positives, _ = CASES[category]
    missed = [t for t in positives if not _found(t, category)]
    assert len(positives) - len(missed) >= MIN_FOUND[category], missed


@pytest.mark.parametrize("category", sorted(CASES))
def test_traps_are_not_flagged(category: str) -> None:
    """As drafts (the register most traps are written in: notices, lessons) no trap is
    flagged but MAX_TRAPS; as inbound messages, judged with the lower review tier, no more
    than MAX_TRAPS are blocked (a doubtful one may come back review)."""
    _, traps = CASES[category]
    as_draft = [t for t in traps if {
        f.category for f in _screener().screen(t).findings
        if f.action is not None and f.action.rank > 0} & HARM]
    assert len(as_draft) <= MAX_TRAPS, as_draft
    blocked = [t for t in traps if _screener().screen(
        t, metadata={"direction": "inbound", "author": "unknown"}).verdict.value == "block"
        and _acting(t) & HARM]
    assert len(blocked) <= MAX_TRAPS, blocked


def test_grave_harm_blocks_and_escalates() -> None:
    screener = _screener()
    for text in (CASES["self_harm"][0][0], CASES["disclosure"][0][1]):
        report = screener.screen(text, metadata={"direction": "inbound", "author": "child"})
        assert report.verdict.value == "block" and report.escalate, text


def test_cases_are_not_training_texts() -> None:
    trained = set()
    for path in TEXTS.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                trained.add(json.loads(line)["text"].strip().lower())
    ours = [t for pos, traps in CASES.values() for t in pos + traps]
    assert not [t for t in ours if t.strip().lower() in trained]
