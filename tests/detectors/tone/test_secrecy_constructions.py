"""Secrecy and private-channel wording as constructions, after the fourth blind review.

Each family of `data/tone/private.tsv` is written once with its slots; here each is tried
with many wordings (formal to text-speak, with and without apostrophes, "u/ur", learner
English), its look-alike traps side by side. Written in our own words (the held-out sets stay
unseen).

A positive row is (text, expected span start): the tone detectors must report
private_contact, the post must block, and a private-contact span must begin with the given
words. A trap row must stay free of private-contact, sexual and over-familiar findings."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.detectors.tone.terms import slot_words
from postguard.screener import Screener

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")
C = Category.PRIVATE_CONTACT
GROOMING = {Category.PRIVATE_CONTACT, Category.SEXUAL_CONTENT, Category.OVER_FAMILIAR}


@pytest.fixture(scope="module")
def tone() -> Screener:
    return Screener(detectors=TONE)


# -- 1. destroy the conversation: verb + what + (when) -------------------------------------
DESTROY = [
    ("Please delete this after reading.", "delete this"),
    ("Kindly erase this conversation after you have read it.", "erase this"),
    ("Could you kindly delete our messages afterwards?", "delete our"),
    ("delete these afterwards", "delete these"),
    ("Erase our chat once you've read it", "Erase our"),
    ("erase our chat once youve read it", "erase our"),
    ("wipe the messages when ur done", "wipe the"),
    ("clear our convo after", "clear our"),
    ("remove these texts once uve read them", "remove these"),
    ("get rid of this message after you read it", "get rid"),
    ("get rid of the chat afterwards", "get rid"),
    ("bin these msgs after", "bin these"),
    ("delete it when you are done reading", "delete it"),
    ("pls delete dms after", "delete dms"),
    ("delete all of this after", "delete all"),
    ("delete all our messages after", "delete all"),
    ("delete them once ur done", "delete them"),
    ("Remove this message after reading please", "Remove this"),
    ("wipe it after reading x", "wipe it"),
    ("delete everything after you read", "delete everything"),
    ("bin this convo once you've seen it", "bin this"),
    ("Delete the chat afterward pls", "Delete the"),
    ("delet dis chat after u read it", "delet dis"),
    ("u delete this after you read ok", "delete this"),
    ("Please to delete this messages after reading", "delete this"),
    ("wipe these texts once u read em", "wipe these"),
    ("delete all of it after, ok", "delete all"),
    ("get rid of our chat", "get rid"),
    ("Please delete this message.", "delete this"),
    ("delete your messages so your mum doesn't see", "delete your"),
]
DESTROY_TRAPS = [
    "delete this email if you got it by mistake",
    "clear your chats before handing the iPads back",
    "please delete the old photos from the shared drive",
    "remove it from the oven after 20 minutes",
    "Please delete the draft after the meeting",
    "delete the app after the trial ends",
    "remove the labels after washing",
    "delete the old files after the backup finishes",
    "wipe the whiteboard after the lesson",
    "Remove them from the tray once cooled",
    "remove these after the glue dries",
    "delete any duplicates after uploading",
    "bin it after use",
    "clear the chat history on the shared laptops after the session",
    "delete your messages from the class iPads before handing them back",
    "Please delete this message if it is not for you",
    "The old chat will be removed after the upgrade",
    "Please delete the attachment after you have saved it",
    "Delete these old newsletters after reading if you wish",
    "Please delete this email after reading if it does not apply to you",
    "Remove the pizza once it's done",
    "Clear your desk when you're done",
    "wipe it when you have finished painting",
]

# -- 2. nobody (else) will know / only you will see -----------------------------------------
NOBODY = [
    ("No one else would know, I promise.", "No one"),
    ("nobody needs to hear about this", "nobody"),
    ("not anyone will know about us", "not anyone"),
    ("no one gonna find out", "no one"),
    ("nobody has to find out x", "nobody"),
    ("nobody's gonna know", "nobody's"),
    ("nobodys gonna know", "nobodys"),
    ("no one would ever find out", "no one"),
    ("No one will hear about it from me", "No one"),
    ("no one else knows about this, ok?", "no one"),
    ("Nobody is going to know about this, trust me", "Nobody"),
    ("nobody else has to know about our chats", "nobody"),
    ("no one else needs to find out ok", "no one"),
    ("No1 gonna know x", "No1"),
    ("nobody will ever hear about it", "nobody"),
    ("no one can see these messages but us", "no one"),
    ("not anyone would find out about us", "not anyone"),
    ("only you will see these messages", "only you"),
    ("Only you can read this message", "Only you"),
    ("Only u can see these pics", "Only u"),
    ("this is just for you to read x", "just for"),
]
NOBODY_TRAPS = [
    "nobody will see your answers, the survey is anonymous",
    "no one will know your score except you and your teacher",
    "nobody knows the answer",
    "no one will see the difference",
    "Nobody will notice the new paint until Monday",
    "no one will find out who wins until the assembly",
    "no one can see your vote, it is a secret ballot",
    "Nobody will see your responses: the form is anonymous",
    "no one will ever know how hard the team worked",
    "only you can see your grades on the portal",
    "only you will see your feedback in the app",
    "no one else can read your journal, it's yours",
    "nobody would notice if we swapped the cakes, ha!",
    "Nobody will know the ending until the final scene!",
    "No one will know the winner until the results are published",
    "Nobody knows where the time goes!",
    "no one would guess it was made of cardboard",
    "Only you can see your own marks",
    "Nobody can read this handwriting",
    "Nobody will know how proud we are",
    "Nobody will see it coming: our flashmob is on Friday",
    "This worksheet is just for you to read before the lesson",
]

# -- 3. don't show or tell anyone -----------------------------------------------------------
DONT_TELL = [
    ("dont show anyone this", "dont show"),
    ("Do not forward this to anyone.", "Do not"),
    ("you don't need to say anything about this", "don't need"),
    ("dont share this with anybody", "dont share"),
    ("do not mention this to the other teachers", "do not"),
    ("no need to mention it", "no need"),
    ("Please do not share this message with anyone, ok?", "do not"),
    ("dont send this to anyone", "dont send"),
    ("Dont forward it to any1", "Dont forward"),
    ("you needn't tell your parents", "needn't"),
    ("don't mention us to anyone", "don't mention"),
    ("never show this to your friends", "never show"),
    ("don't forward this to your friends ok", "don't forward"),
    ("do not show my messages to your parents", "do not"),
    ("U dnt need to tell ur mum bout this", "dnt need"),
    ("you mustn't tell your dad x", "you mustn't"),
    ("better not tell the other teachers", "better not"),
    ("Don't screenshot this to anyone", "Don't screenshot"),
    ("don't tell the head about us", "don't tell"),
    ("Please, you do not tell anybody", "do not"),
    ("Whatever happens don't tell nobody about Saturday", "don't tell"),
    ("don't tell your mum I told you", "don't tell"),
]
DONT_TELL_TRAPS = [
    "don't tell anyone your password",
    "don't share your PIN with anyone",
    "don't show anyone the surprise before Friday",
    "no need to mention it in your essay",
    "Don't tell anyone the ending of the film",
    "Do not share your login with anyone",
    "Never share your location with strangers online",
    "don't forward chain messages to anyone, they are scams",
    "You don't need to tell anyone why you are absent, just ring the office",
    "no need to mention it on the form",
    "Don't say anything rude to anyone online",
    "Do not show the answers to anyone until the test is over",
    "you don't have to tell anyone what you got in the mock",
    "Never forward a nude image of anyone: it is a crime",
    "Don't tell anyone the password for the Wi-Fi",
    "No need to say anything, just come along",
    "don't share photos of other pupils with anyone",
    "you don't have to tell your mum, we'll send a letter home",
    "please don't share the photos with anyone outside our school community",
    "Don't tell anyone the answers, it's a quiz!",
    "Never tell anyone your address online",
    "Don't mention it! Happy to help with the bake sale",
    "No need to tell us in advance, just turn up",
    "You don't have to tell your form tutor, the office will pass it on",
    "Shh, don't tell anyone about the surprise party for Mrs Hill!",
]

# -- 4. private channels in other words and languages ---------------------------------------
CHANNELS = [
    ("whatsapp privado", "whatsapp"),
    ("insta pv", "insta"),
    ("snap priv", "snap"),
    ("dm in private", "dm"),
    ("talk on telegram in private", "on telegram"),
    ("on parle en privé", "on parle"),
    ("schreib mir im privaten Chat", "im privaten"),
    ("lass uns im privaten Chat reden", "im privaten"),
    ("chat in private on insta", "chat in"),
    ("let's talk in private on snap", "talk in"),
    ("pm me", "pm me"),
    ("PM me later", "PM me"),
    ("inbox me", "inbox me"),
    ("slide into my dms", "slide into"),
    ("dm private x", "dm"),
    ("snap private later?", "snap"),
]
CHANNEL_TRAPS = [
    "private lessons available on Saturdays",
    "WhatsApp group for parents: join via the link",
    "Pick up at 3 PM me and Mrs Lee will be at the gate",
    "Year 4 at 2 PM, me and the team will host",
    "Club runs 3-4 pm. Me and Mr Jones will be there",
    "Join our WhatsApp group for parents of Year 9",
    "Please DM the school account for enquiries",
    "Les résultats seront envoyés en privé aux familles",
    "The meeting will be held in private",
    "Parents can speak to the head in private after the meeting",
    "Our Insta is private, ask to follow the school account",
    "the PM visited our school today",
    "Join the Facebook private group for Year 6 parents",
]

# -- 5. "text me" said to a child -----------------------------------------------------------
TEXT_ME = [
    ("text me l8r", "text me"),
    ("txt me 2nite", "txt me"),
    ("msg me tonite x", "msg me"),
    ("text me when ur free", "text me"),
    ("Hi Sam, text me when u can", "text me"),
    ("text me later x", "text me"),
    ("snap me l8r", "snap me"),
    ("whatsapp me when ur home", "whatsapp me"),
    ("text me later babe", "text me"),
]
TEXT_ME_TRAPS = [
    # The tone detectors see only the text (no audience metadata): a plain "text me later" is
    # also said to parents and colleagues, so it stays clean unless the wording is a child's.
    "Hi Sam, text me later",
    "Parents, text me later if the coach is delayed",
    "Text me when you can, Mrs Patel, about the forms",
    "Please text me when you arrive at the hotel, Mr Khan",
    "Text the office later if you need a uniform form",
]

# -- the same constructions in formal and learner English -----------------------------------
REGISTERS = [
    ("I would ask that you delete this correspondence once read", "delete this"),
    ("Kindly refrain from mentioning this to your parents", "refrain from"),
    ("Please refrain from telling anyone about this", "refrain from"),
    ("you must delete this after you read", "delete this"),
    ("nobody can to know", "nobody"),
    ("no one will knows about this", "no one"),
    ("make sure nobody sees this", "make sure"),
    ("make sure no one sees our messages", "make sure"),
    ("you can't tell anybody ok", "you can't"),
    ("you cannot tell your parents about this", "you cannot"),
    ("u cant tell anyone about this", "u cant"),
    ("no telling anyone ok", "no telling"),
    ("not a word to your mum", "not a word"),
    ("erase all of our texts", "erase all"),
    ("delete our whole convo", "delete our"),
    ("delete everything we said", "delete everything"),
    ("delete the pics i sent", "delete the"),
    ("unsend this after you read it", "unsend this"),
    ("wipe your phone before your parents see", "wipe your"),
    ("no one will ever know what we talk about", "no one"),
    ("this is our secret chat", "our secret"),
    ("lets move to whatsapp", "lets move"),
    ("hit me up in dms", "hit me"),
    ("come to my dms", "come to"),
]
REGISTER_TRAPS = [
    "Please keep your passwords to yourself",
    "Kindly refrain from using phones in the exam hall",
    "Please refrain from telling the answers to your partner",
    "Make sure nobody sees your PIN when you pay",
    "don't let anyone see your password",
    "Don't let anyone copy your homework",
    "Not a word about the results until Friday, staff!",
    "Please delete the photos after the event, per our policy",
    "no telling tales in the playground",
    "you can't tell anyone's age from their photo",
    "We can't tell anyone yet, but big news is coming on Monday!",
    "Don't tell anyone, ever, your bank details",
    "WhatsApp private messages from strangers should be reported",
    "Let's move to Discord for the esports club",
    "Nobody will know your name if you enter the competition anonymously",
    "Nobody will see these until the exhibition opens on Friday",
    "Make sure no one sees your answers during the exam",
    "You cannot tell anybody apart in these masks!",
    "Don't forward this email to anyone outside the school",
    "From September the club will move to Facebook for updates",
    "Please delete everything we sent on the old mailing list, it had errors in the dates",
]

POSITIVES = DESTROY + NOBODY + DONT_TELL + CHANNELS + TEXT_ME + REGISTERS
TRAPS = (DESTROY_TRAPS + NOBODY_TRAPS + DONT_TELL_TRAPS + CHANNEL_TRAPS + TEXT_ME_TRAPS
         + REGISTER_TRAPS)


@pytest.mark.parametrize(("text", "starts"), POSITIVES)
def test_construction_is_found(tone: Screener, text: str, starts: str) -> None:
    report = tone.screen(text)
    spans = [text[f.start:f.end] for f in report.findings if f.category is C]
    assert spans, text
    assert report.verdict is Verdict.BLOCK
    assert any(s.startswith(starts) for s in spans), spans


@pytest.mark.parametrize("text", TRAPS)
def test_construction_trap_stays_clean(tone: Screener, text: str) -> None:
    report = tone.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    assert {f.category for f in report.findings} & GROOMING == set()


@pytest.mark.parametrize("family", [DESTROY, NOBODY, DONT_TELL, CHANNELS, TEXT_ME, REGISTERS])
def test_each_family_has_many_wordings(family: list[tuple[str, str]]) -> None:
    assert len(family) >= 8


def test_secrecy_codes(tone: Screener) -> None:
    """Secrecy is PG452, a move to a private channel PG451 (with the official channel)."""
    secret = tone.screen("nobody else has to know about our chats")
    channel = tone.screen("insta pv")
    assert {f.code for f in secret.findings if f.category is C} == {"PG452"}
    found = [f for f in channel.findings if f.category is C]
    assert {f.code for f in found} == {"PG451"}
    assert found[0].suggestion is not None
    assert "contact us through" in (found[0].suggestion.replacement or "")


def test_slot_words_are_normalised_once() -> None:
    """A slot's alternatives are normalised (case, apostrophes) and shared between the
    variants of a term."""
    assert slot_words("Don't|dont|WON'T") == frozenset({"dont", "wont"})
    assert slot_words("a||b") == frozenset({"a", "b"})
    assert slot_words("x|y") is slot_words("x|y")


@pytest.mark.parametrize("unit", [
    "see you meet me come to the hall keep this page ",
    "no one will ever gonna know ",
    "dont have to tell this message to the other ",
    "delete all of this after once when you have ",
])
def test_long_unpunctuated_sentences_stay_linear(unit: str) -> None:
    """The phrase pre-filter builds the rest of one sentence once, not once a position: a
    post of one endless sentence of phrase starts costs linear time."""
    from linear import assert_linear

    from postguard.detectors.tone.analysis import analyser_for
    from postguard.policy import Policy

    a = analyser_for(Policy.default())
    a.analyse(unit)
    runs = iter(range(10**6))
    assert_linear(lambda n: a.analyse(unit * n + f"{next(runs)}"), 250, 5000, ratio=20)
