"""The insults round of the tone lexicons: swear-word families, slurs (PG423) and insults aimed
at a person (the `insults` detector, category bullying), with the traps that look like them.
Table-driven, in fresh wording written for these tests."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.screener import Screener

DETECTORS = ("profanity", "sexual_content", "insults")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def findings(screener: Screener, text: str) -> list[tuple[str, str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return [(f.category.value, f.code, text[f.start:f.end]) for f in report.findings]


# -- swear-word families: compounds and forms that whole-word matching needs listed -------
PROFANITY = [
    ("honestly that bus company is a shitshow", "PG422", "shitshow"),
    ("get out of here you fuckface", "PG422", "fuckface"),
    ("what a dipshit move that was", "PG422", "dipshit"),
    ("those two are total asshats", "PG422", "asshats"),
    ("the pisshead next door woke us again", "PG422", "pisshead"),
    ("he's such a mothafucka", "PG422", "mothafucka"),
    ("quit bitchin about the rota", "PG422", "bitchin"),
    ("all these hoes want is attention", "PG422", "hoes"),
    ("she's a slapper apparently", "PG422", "slapper"),
    ("a bunch of knobheads outside the shop", "PG422", "knobheads"),
    ("sorry I was late, feckin traffic", "PG421", "feckin"),
    ("who the hell parked there", "PG421", "who the hell"),
    ("screw you!", "PG421", "screw you"),
    ("s.h.i.t.s.h.o.w", "PG422", "s.h.i.t.s.h.o.w"),      # dotted letters read as one word
    ("sh1thole", "PG422", "sh1thole"),                    # leetspeak
    ("fuuuckface", "PG422", "fuuuckface"),                # stretched
    ("what the tf is this", "PG422", "tf"),
    ("stop being such a bi+ch", "PG422", "bi+ch"),           # broken by a symbol
    ("f-ck this homework", "PG422", "f-ck"),
    ("what a douchebag", "PG422", "douchebag"),
    ("she's such a sket", "PG422", "sket"),
    ("bumbaclot!", "PG422", "bumbaclot"),
]


@pytest.mark.parametrize(("text", "code", "span"), PROFANITY)
def test_swear_word_families(screener: Screener, text: str, code: str, span: str) -> None:
    assert ("profanity", code, span) in findings(screener, text)


# -- slurs are PG423 and block ---------------------------------------------------------------
SLURS = [
    ("get lost you spacker", "spacker"),
    ("shouting at him, calling him a fag", "fag"),
    ("the neighbours keep shouting chink at her", "chink"),
    ("stupid dyke", "dyke"),
    ("that's so homo", "homo"),
    ("he called them ragheads", "ragheads"),
    ("absolute libtard", "libtard"),
    ("my cousin got called a poofter", "poofter"),
    ("some white trash from down the road", "white trash"),
    ("n1ggaz", "n1ggaz"),
    ("he retarted or what", "retarted"),
    ("retard", "retard"),
]


@pytest.mark.parametrize(("text", "span"), SLURS)
def test_slurs_are_discriminatory_and_block(screener: Screener, text: str, span: str) -> None:
    assert ("profanity", "PG423", span) in findings(screener, text)
    assert screener.screen(text).verdict is Verdict.BLOCK


# -- traps: a harmless twin, a place, a dish, a tool, a species, another language -----------
TRAPS = [
    "Borrow the hoe from the shed and clear the weeds on the allotment.",
    "Use a hoe between the rows of potatoes.",
    "Hoe gaat het met jullie? Wij hebben een fijne dag gehad.",
    "Grandad nipped out for a fag break after lunch.",
    "Faggots and peas for tea tonight, a proper Black Country dinner.",
    "A chink of light came through the curtains.",
    "Finding the chink in the armour of the argument is today's debate skill.",
    "Year 8 walked a stretch of Offa's Dyke on the history trip.",
    "The Dutch boy put his finger in the dyke to stop the flood.",
    "Homo sapiens and Homo erectus: our evolution lesson today.",
    "Our Maine Coon kitten joined the class photo.",
    "The dorms were left spick and span.",
    "The Bible story tells of the prophet's donkeys and asses.",
    "Screw them into the wall with the long screws.",
    "Un gato negro cruzó la calle.",                 # Spanish "negro" is black
    "Il gatto è negro? No, è nero.",
    "Scunthorpe United won at home, and the trip to Penistone is next week.",
    "The cocktail party raised money for the PTA.",
    "Play the second bar mf, then crescendo to ff.",
    "We learnt about spastic cerebral palsy in the inclusion training.",
    "The Twits by Roald Dahl is our class reader.",
    "Please pass me the dipstick to check the minibus oil.",
    "Pass the bi-chrome pencils to table two.",
    "I'll have a mug of tea and a biscuit, thanks.",
    "A blood clot is treated at hospital: first aid lesson today.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(screener: Screener, text: str) -> None:
    assert findings(screener, text) == []


# -- insults aimed at a person: the `insults` detector, category bullying ---------------------
INSULTS = [
    # PG461: words that only ever insult (review)
    ("honestly what a bunch of halfwits", "PG461", "halfwits"),
    ("the scumbag nicked my bike", "PG461", "scumbag"),
    # PG462: put-downs aimed at someone (review)
    ("honestly ur so thick", "PG462", "ur so thick"),
    ("you are literally the biggest loser in year 9", "PG462",
     "you are literally the biggest loser"),
    ("your an absolute moron", "PG462", "your an absolute moron"),
    ("u r so ugly lol", "PG462", "u r so ugly"),
    ("you look disgusting in that", "PG462", "you look disgusting"),
    ("shut up you fat cow!", "PG462", "you fat cow"),
    ("you're a joke!", "PG462", "you're a joke"),
    ("she's such a hypocrite", "PG462", "she's such a hypocrite"),
    ("they're all morons at that club", "PG462", "they're all morons"),
    ("@coachdave is a total buffoon", "PG462", "is a total buffoon"),
    ("What a creep!", "PG462", "What a creep"),
    ("no one wants you here", "PG462", "no one wants you here"),
    ("everybody hates u", "PG462", "everybody hates u"),
    ("you are a waste of space", "PG462", "you are a waste of space"),
    ("the smelly kid sat on his own again", "PG462", "the smelly kid"),
    ("go back to your own country", "PG462", "go back to your own country"),
    ("u smell like a bin", "PG462", "u smell like"),
    ("stop being such a crybaby", "PG462", "stop being such a crybaby"),
    # PG463: telling someone to kill or hurt themselves (block)
    ("kys", "PG463", "kys"),
    ("just go kill urself", "PG463", "go kill urself"),
    ("nobody would miss you", "PG463", "nobody would miss you"),
    ("hope you die", "PG463", "hope you die"),
    # PG464: dehumanising (block)
    ("refugees are vermin", "PG464", "refugees are vermin"),
    ("you're subhuman", "PG464", "you're subhuman"),
    # PG465: threats (block)
    ("tell anyone and ur dead after school", "PG465", "ur dead after"),
    ("hand it over or else!", "PG465", "or else"),
    ("i know where u live", "PG465", "i know where u live"),
    ("keep quiet or ull get it", "PG465", "or ull get it"),
    ("never let him sit with us at lunch", "PG462", "never let him sit with us"),
]


@pytest.mark.parametrize(("text", "code", "span"), INSULTS)
def test_insults_aimed_at_a_person(screener: Screener, text: str, code: str, span: str) -> None:
    got = findings(screener, text)
    assert ("bullying", code, span) in got, got


@pytest.mark.parametrize(("text", "verdict"), [
    ("you're such a loser", Verdict.REVIEW),
    ("go kill yourself", Verdict.BLOCK),
    ("ur dead after school", Verdict.BLOCK),
    ("idiot", Verdict.REVIEW),
])
def test_insult_verdicts(screener: Screener, text: str, verdict: Verdict) -> None:
    assert screener.screen(text).verdict is verdict


# -- traps: said of oneself, negated, named in a lesson, an ordinary sense of the word --------
INSULT_TRAPS = [
    "I'm such an idiot, I forgot my PE kit again!",
    "What an idiot I am, I left my coat on the coach.",
    "You are not stupid: you are learning, and that takes time.",
    "In our anti-bullying lesson we talked about why calling someone a 'loser' hurts.",
    "Words like idiot and moron can hurt, so Year 5 chose kinder ones.",
    "The Idiot's Guide to Python is in the library.",
    "Bring your dog to the fun run.",
    "You're a dog lover? Come to the guide dogs talk.",
    "Can you smell the flowers in the sensory garden?",
    "This piece of work shows real effort.",
    "What are they? They are animals that live in the sea.",
    "Wilbur? He is a pig, and Charlotte is a spider.",
    "The boy who cried wolf was a liar, and nobody believed him.",
    "It was a freak accident, and everyone is fine.",
    "You're dead good at this, well done!",
    "You're dead right, the trip is on Friday.",
    "Add vinegar to the baking soda and see what happens.",
    "I'll beat you in the sack race!",
    "Don't drink bleach or any cleaning product: keep them locked away.",
    "We shut up shop at five on Fridays.",
    "Did you suck the juice out of the orange?",
    "The fat cat sat on the mat: our phonics sentence of the week.",
    "Don't worry if you have no friends in your new class yet: the buddy scheme helps.",
    "Drop dead gorgeous cupcakes at the bake sale!",
    "You're gonna love the climbing wall.",
    "The winner and the loser of each round shake hands.",
    "Each request carries a nonce to stop replay attacks.",
    "Revise now, or you will regret it!",
    "Listen carefully or you will get it wrong.",
]


@pytest.mark.parametrize("text", INSULT_TRAPS)
def test_insult_traps_stay_clean(screener: Screener, text: str) -> None:
    assert [f for f in findings(screener, text) if f[0] == "bullying"] == []


def test_an_organisation_can_add_its_own_insult() -> None:
    from postguard.policy import Policy

    policy = Policy.from_dict({"detectors": {"tone": {"terms": [
        {"term": "wazzock", "category": "bullying", "severity": "medium"}]}}})
    report = Screener(policy=policy, detectors=("insults",)).screen("what a wazzock")
    assert [(f.code, f.category) for f in report.findings] == [("PG462", Category.BULLYING)]


# -- dismissals, groups and "<adjective> <people>" -------------------------------------------
MORE_INSULTS = [
    ("shut up loser", "shut up loser"),
    ("nice try clown", "nice try clown"),
    ("they are so stupid", "they are so stupid"),
    ("honestly, stupid people everywhere", "stupid people"),
    ("politicians are spineless", "politicians are spineless"),
    ("you lot are pathetic", "you lot are pathetic"),
    ("what a muppet, he missed an open goal", "what a muppet"),
    ("he called me a loser again today", "called me a loser"),
    ("nobody even likes you", "nobody even likes you"),
    ("ur a wasteman", "ur a wasteman"),
    ("you mug!", "you mug"),
    ("look at that ugly freak", "that ugly freak"),
    ("his stupid face again", "his stupid face"),
]
MORE_TRAPS = [
    "OK Year 6, sit down please.",
    "There is no such thing as a stupid question.",
    "Mistakes are not stupid, they are how we learn.",
    "Get lost in a good book this half term!",
    "We skimmed the pond scum off in the science lesson.",
    "Dumb animals cannot speak for themselves, so we speak for them.",
    "People were clueless about the new parking rules, so here is a map.",
    "What a muppet I was, I left the tickets at home!",
    "We discussed why calling someone a loser hurts, and what to say instead.",
]


@pytest.mark.parametrize(("text", "span"), MORE_INSULTS)
def test_more_insults(screener: Screener, text: str, span: str) -> None:
    assert ("bullying", "PG462", span) in findings(screener, text)


@pytest.mark.parametrize("text", MORE_TRAPS)
def test_more_traps(screener: Screener, text: str) -> None:
    assert findings(screener, text) == []


@pytest.mark.parametrize(("text", "category", "span"), [
    ("your mum is fat", "bullying", "your mum is fat"),
    ("what a sorry excuse for a human being", "bullying", "sorry excuse for a human being"),
    ("rot in hell", "bullying", "rot in hell"),
    ("what a cock", "profanity", "cock"),
    ("cold as hell out there", "profanity", "as hell"),
])
def test_family_and_hell(screener: Screener, text: str, category: str, span: str) -> None:
    assert span in {s for c, _, s in findings(screener, text) if c == category}


@pytest.mark.parametrize("text", [
    "The cock crowed at dawn on our farm visit, and the hens followed.",
    "Who Killed Cock Robin? is the poem we read today.",
    "Your body is amazing at healing itself: a science lesson.",
    "Your mum is a hero for running the cake stall!",
    "Nobody cares more about your child than we do.",
    "April fool! The trip is still on.",
])
def test_family_and_farm_traps(screener: Screener, text: str) -> None:
    assert findings(screener, text) == []


# -- the students' other languages: go back to your country, put-downs, kill yourself ---------
LANGUAGE_INSULTS = [
    ("Haut ab, geht zurück in euer Land", "PG462", "geht zurück in euer Land"),
    ("du bist echt widerlich", "PG462", "du bist echt widerlich"),
    ("rentrez dans votre pays", "PG462", "rentrez dans votre pays"),
    ("t'es vraiment débile", "PG462", "t'es vraiment débile"),
    ("regresa a tu país", "PG462", "regresa a tu país"),
    ("nessuno ti sopporta", "PG462", "nessuno ti sopporta"),
    ("vc é muito nojenta", "PG462", "vc é muito nojenta"),
    ("nikt cię nie lubi", "PG462", "nikt cię nie lubi"),
    ("seni kimse istemiyor", "PG462", "seni kimse istemiyor"),
    ("ارجعوا لبلدكم", "PG462", "ارجعوا لبلدكم"),
    ("看看你这个丑八怪", "PG462", "丑八怪"),
    ("自分の国に帰れよ", "PG462", "自分の国に帰れ"),
    ("니네 나라로 돌아가", "PG462", "니네 나라로 돌아가"),
    ("suicídate", "PG463", "suicídate"),
    ("bring dich doch um", "PG463", "bring dich doch um"),
]


@pytest.mark.parametrize(("text", "code", "span"), LANGUAGE_INSULTS)
def test_insults_in_other_languages(screener: Screener, text: str, code: str, span: str) -> None:
    assert ("bullying", code, span) in findings(screener, text)


@pytest.mark.parametrize("text", [
    "Tu es nul en maths? Le club de devoirs t'aidera.",
    "Tu es trop forte, bravo pour le concours!",
    "Mi hermano, eres muy bueno en fútbol.",
    "Sei proprio brava a disegnare!",
    "Wracamy do kraju w piątek po wymianie.",
    "我们的国家很美丽。",
    "Mein Bruder ist echt witzig.",
    "O macaco de pelúcia ficou na escola.",
])
def test_other_language_insult_traps(screener: Screener, text: str) -> None:
    assert findings(screener, text) == []


# -- a slur quoted in a lesson is named, not used: review, not block ---------------------------
@pytest.mark.parametrize(("text", "verdict"), [
    ("In our anti-bullying lesson, Year 9 discussed why the word 'retard' is so hurtful.",
     Verdict.REVIEW),
    ("Our anti-racism assembly explained why \"paki\" is a slur and never banter.", Verdict.REVIEW),
    ("After the lesson he called her a retard.", Verdict.BLOCK),     # used, not quoted
    ("You retard, the lesson is over.", Verdict.BLOCK),
])
def test_slur_quoted_in_a_lesson_is_lowered(screener: Screener, text: str,
                                            verdict: Verdict) -> None:
    report = screener.screen(text)
    assert report.verdict is verdict
    assert [f.code for f in report.findings if f.category is Category.PROFANITY] == ["PG423"]
