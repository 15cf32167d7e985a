"""Tone detectors: kisses, slang, profanity, sexual content, over-familiar wording, private
contact. Table-driven: positives and traps side by side, one row a case."""

from __future__ import annotations

import pytest

import postguard
from postguard import Category, Verdict
from postguard.model import Action
from postguard.screener import Screener

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")


@pytest.fixture(scope="module")
def tone() -> Screener:
    return Screener(detectors=TONE)


def found(screener: Screener, text: str) -> set[tuple[str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return {(f.category.value, text[f.start:f.end]) for f in report.findings}


# -- each obfuscation trick, and the plain word -------------------------------------------
OBFUSCATION = [
    ("fuck", "fuck"),
    ("FUCK", "FUCK"),
    ("sh1t happens", "sh1t"),
    ("$hit", "$hit"),
    ("a$$", "a$$"),
    ("b1tch", "b1tch"),
    ("f*ck", "f*ck"),
    ("sh*t", "sh*t"),
    ("f**k that", "f**k"),
    ("what the f***", "f***"),
    ("f.u.c.k", "f.u.c.k"),
    ("F.U.C.K off", "F.U.C.K"),
    ("F U C K this", "F U C K"),
    ("s-h-i-t", "s-h-i-t"),
    ("fuuuuuck", "fuuuuuck"),
    ("shiiiiit", "shiiiiit"),
    ("f\u200buck", "f\u200buck"),                 # zero-width space inside
    ("sh\u00adit", "sh\u00adit"),                  # soft hyphen inside
    ("\uff46\uff55\uff43\uff4b", "\uff46\uff55\uff43\uff4b"),   # full-width letters
    ("fu\u0441k", "fu\u0441k"),                   # Cyrillic es inside a Latin word
    ("\u0455hit", "\u0455hit"),                   # Cyrillic dze for s
    ("fu\u0308ck", "fu\u0308ck"),                 # combining diaeresis
    ("\U0001d41f\U0001d42e\U0001d41c\U0001d424", "\U0001d41f\U0001d42e\U0001d41c\U0001d424"),
    ("'fuck'", "fuck"),
    ("fuck!!!", "fuck"),
    ("#fuck", "fuck"),
    ("f#ck", "f#ck"),
    ("f  u  c  k", "f  u  c  k"),
    ("f . u . c . k", "f . u . c . k"),
]


@pytest.mark.parametrize("text,span", OBFUSCATION)
def test_obfuscated_profanity_is_found_with_its_own_span(tone: Screener, text: str,
                                                         span: str) -> None:
    assert ("profanity", span) in found(tone, text)


# -- traps: must stay clean ---------------------------------------------------------------
TRAPS = [
    "Well done to Scunthorpe United juniors!",
    "Trips to Essex, Sussex and Middlesex this term.",
    "Penistone and Cockermouth schools joined the festival.",
    "Mocktail and cocktail sausages at the summer fair.",
    "The class assessment is on Friday.",
    "Bring your passport for the Paris trip.",
    "Our speech therapist visits on Tuesdays.",
    "Shiitake mushrooms in the food tech lesson.",
    "Hello everyone and welcome back!",
    "Hungarian exchange students arrive today.",
    "Lola won the poetry prize.",
    "Abraham was born in Ur of the Chaldees.",
    "U18 squad training moved to Thursday.",
    "Dickens Day: read A Christmas Carol with Mr Wang and Mrs Cox.",
    "Matt Hancock opened the new sports hall.",
    "Relationships and Sex Education (RSE) consultation for parents.",
    "The Malcolm X talk is in the hall.",
    "X-ray demonstration in the physics lab.",
    "We spotted a blue tit and two great tits on the bird walk.",
    "Dick Whittington panto on Friday!",
    "Spotted dick and custard for lunch.",
    "Year X trip on Monday.",
    "We have booked 2 x coaches for the trip.",
    "Work out 6 x 4 in your head.",
    "Label the x-axis and the y-axis.",
    "Xbox club meets at lunchtime.",
    "XL t-shirts are in the office.",
    "Follow us on X for updates.",
    "Room X is closed today.",
    "Solve for x.",
    "Year x students meet in the hall first.",
    "Go to room x, then lunch.",
    "Plan x is go for Friday.",
    "Generation X parents' evening.",
    "Find the value of x",
    "Tom is off sick today.",
    "English Lit revision session tonight.",
    "The hall was well lit for the show.",
    "Bring the whole fam to the fun day? No: bring bare feet for yoga, the bare minimum.",
    "Grace Darling was a hero of the sea.",
    "Honey and lemon for a sore throat.",
    "What a gorgeous day for sports day.",
    "Attila the Hun was our history topic.",
    "Turned the first sod of the new building today.",
    "He had a bloody nose after PE, all fine now.",
    "Our RSE lesson covers puberty and sex education.",
    "Online safety evening: how to talk to your child about sexting and nudes.",
    "Parents' guide from the NSPCC on talking about porn and online safety.",
    "Single-sex and mixed-sex teams at the tournament.",
    "Our Secret Garden project starts today.",
    "Please bring a photo of yourself as a baby for the display.",
    "Follow us on Instagram and message the school office.",
    "Sizes S, M, L and XL.",
    "Sox and Xander are in Year 5.",
    "Meet the team: Mr Dick and Mrs Willy Cox.",
    "Shh, don't tell Mum! We made Mother's Day cards today.",
    "What are you wearing for World Book Day?",
    "We would love you to join us at the fair.",
    "Sharing my love of reading with Year 3.",
    "Sweetie stall at the summer fair.",
    "Welcome baby Oliver!",
    "Aww, gorgeous photos from Year 2.",
    "Plot x, y and z on the grid.",
    "Are you alone in feeling anxious about exams? You're not!",
    "Please contact me directly on the school email.",
    "Is anyone around to help at the fair?",
    "If you'd like to talk privately about your child's progress, book a slot.",
    "Between you and me, this was the best sports day ever.",
    "Yn y t\u0177 heddiw, da iawn.",
    "Congratulations to our pancake tosser of the year!",
    "We met a horny toad at the zoo.",
    "Sizes: xs, s, m, l, xl.",
    "C# coding club on Tuesdays.",
    "#proud of our Year 6 #RSE week",
    "Are you up for a challenge? Join the club.",
    "Check out our new website: x.com/ourschool",
    "Songs A B C D E F G for Reception.",
    "Sadly Sam was sick",
    "Two children were sick.",
    "Singing The Bare Necessities in assembly.",
    "Year 9 trip to the Peak District.",
    "Sussex Day: the Sex Pistols tribute band plays at 7pm.",
    # issue 3 follow-up: harmless twins of the words added from the corpus misses
    "Year 11 physics: the trolley's speed plotted against x.",
    "Chapter XX of the novel is set in Rome.",
    "Super Bowl XX was in 1986.",
    "Email the exchange partner at lucie.martin@wanadoo.fr today.",
    "Bring M8 nuts and washers for the DT project.",
    "Traffic on the M8 delayed the coach.",
    "Welcome to Peng and Li, joining us from Hangzhou.",
    "Babe Ruth hit 714 home runs: our baseball unit starts Monday.",
    "Thank you for your beautiful singing at the carol service.",
    "Our class hamster is the only pet, a good one.",
    "Thanks, love, Mrs Patel",
    "Morning lovely people! Trip letters are in bags.",
    "Grace Darling, the lighthouse keeper's daughter, is our history topic.",
    "We sold honey, jam and scones at the fete.",
    "The Olympic flame was lit in Greece.",
    "Mr Evans is sick, so Year 4 have a supply teacher.",
    "Sorry to hear you were sick on the coach.",
    "Welcome to your host fam!",
    "Barefoot on bare floors: wear plimsolls for PE.",
    "Computing club: learn git and push your first commit.",
    "Prick the potatoes before they go in the oven.",
    "A pin prick test checks blood sugar.",
    "Visible to the naked eye tonight: Jupiter and Saturn.",
    "Naked mole rats at the zoo trip.",
    "DT: design and cast brass door knockers.",
    "Is anyone else coming to the disco?",
    "Come round to the front office to collect lost property.",
    "Parents: please don't use the school number for absences, use the app.",
    "I promise I'll tell you the results tomorrow.",
    "Parents' workshop: why sharing nudes under 18 is a crime.",
    "so proud of our choir",
    "A goat and two sheep at the farm visit.",
    "Parents: call me when you are back from holiday about the trip forms.",
    "Please call me after school on the office line.",
    "Bonfire night was lit up by fireworks.",
    "The Diwali lamps were lit in assembly!",
    "In the play, the emperor was naked!",
    "Nude tights only with the school uniform.",
    "Year 13, you're all grown up now!",
    "I won't tell anyone the ending of the book, promise!",
    "You are so mature in how you handled the debate, Year 9.",
    "Hello lovely families, the trip letters are out.",
    "Our Christmas fair was lit with fairy lights.",
    "Computing: git add, git commit, git push.",
    "Send a photo of you reading for World Book Day!",
    "my baby brother starts school",
    "my angel costume for the nativity",
    "Bella was such a good girl at the pet show",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(tone: Screener, text: str) -> None:
    assert found(tone, text) == set()


INTERNATIONAL = [
    "Καλημέρα σε όλους τους μαθητές μας! Συγχαρητήρια για την εξαιρετική δουλειά.",
    "Привет, ребята! Отличная работа сегодня, спасибо всем родителям.",
    "Добрий день! Дякуємо всім учням за концерт.",
    "今天的课很好，谢谢大家。下周见！",
    "مرحبا بالجميع، عمل رائع اليوم. شكرا للطلاب والأهالي",
    "שלום לכולם, עבודה מצוינת היום",
    "नमस्ते सभी को, आज बहुत अच्छा काम किया",
    "こんにちは、皆さん。今日もよく頑張りました。",
    "Ευχαριστούμε πολύ! Χ Χ",
    "ПРИВЕТ ХХ",
    "Da iawn i bawb yr wythnos hon! Diolch o galon.",
    "Mae hi wedi gwneud y gwaith ei hun. Ysgol Bae Baglan yn y t\u0177.",
    "Bonjour \u00e0 tous, bravo pour le concert ! \u00c0 bient\u00f4t.",
    "\u00a1Hola a todos! Muy bien hecho, s\u00ed se puede.",
    "Guten Morgen! Gut gemacht, bis bald.",
]


@pytest.mark.parametrize("text", INTERNATIONAL)
def test_international_text_stays_clean(tone: Screener, text: str) -> None:
    assert found(tone, text) == set()


# -- positives, one per category and wording ----------------------------------------------
POSITIVES = [
    ("Great work today everyone xx", "kisses", "xx"),
    ("See you tomorrow x", "kisses", "x"),
    ("Thanks, x", "kisses", "x"),
    ("Well done team, xx Sarah", "kisses", "xx"),
    ("Have a lovely half term Xx", "kisses", "Xx"),
    # a label word before a final lowercase x: a sign-off, not "Year X"
    ("Enjoy the rest of your half term x", "kisses", "x"),
    ("What a brilliant week x", "kisses", "x"),
    ("Proud of the whole team x", "kisses", "x"),
    ("thank you miss x", "kisses", "x"),
    ("see you next term x \U0001f618", "kisses", "x"),
    ("Love the team xoxo", "kisses", "xoxo"),
    ("See you there \U0001f618", "kisses", "\U0001f618"),
    ("Brilliant effort today x. See you Monday", "kisses", "x"),
    ("Hugs and kisses from Year 2", "kisses", "Hugs and kisses"),
    ("ur all gr8", "slang", "ur"),
    ("ur all gr8", "slang", "gr8"),
    ("lol what a day", "slang", "lol"),
    ("OMG what a result", "slang", "OMG"),
    ("tbh it went well", "slang", "tbh"),
    ("loooool", "slang", "loooool"),
    ("That trick was sick!", "slang", "sick"),
    ("That was sick", "slang", "sick"),
    ("Thats so sick", "slang", "sick"),
    ("The disco was lit! \U0001f525", "slang", "lit"),
    ("Thanks fam!", "slang", "fam"),
    ("That was bare funny", "slang", "bare"),
    ("This weather is bloody awful", "profanity", "bloody"),
    ("Bugger, the minibus is late", "profanity", "Bugger"),
    ("Oh sod it", "profanity", "sod it"),
    ("What a load of bollocks", "profanity", "bollocks"),
    ("wtf is going on", "profanity", "wtf"),
    ("Dick, get out of here", "profanity", "Dick"),
    ("You look sexy", "sexual_content", "sexy"),
    ("send nudes", "sexual_content", "send nudes"),
    ("what are you wearing", "sexual_content", "what are you wearing"),
    ("Hi babe", "over_familiar", "babe"),
    ("Morning sweetie!", "over_familiar", "sweetie"),
    ("Thanks Hun x", "over_familiar", "Hun"),
    ("Morning gorgeous!", "over_familiar", "gorgeous"),
    ("you look gorgeous today", "over_familiar", "you look gorgeous"),
    ("You are my favourite student", "over_familiar", "my favourite student"),
    ("You are so mature for your age", "over_familiar", "You are so mature for your age"),
    ("You're special to me", "over_familiar", "You're special to me"),
    ("Age is just a number", "over_familiar", "Age is just a number"),
    ("DM me for details", "private_contact", "DM me"),
    ("Add me on Snapchat", "private_contact", "Add me on Snapchat"),
    ("add me on snap", "private_contact", "add me on snap"),
    ("Ring my personal number", "private_contact", "my personal number"),
    ("text me on my own phone", "private_contact", "text me on my own phone"),
    ("whatsapp me", "private_contact", "whatsapp me"),
    ("Don't tell your parents", "private_contact", "Don't tell your parents"),
    ("dont tell ur mum", "private_contact", "dont tell ur mum"),
    ("It's our little secret", "private_contact", "our little secret"),
    ("Keep this between us", "private_contact", "Keep this between us"),
    ("delete this message after reading", "private_contact", "delete this message after reading"),
    ("Are you home alone?", "private_contact", "Are you home alone"),
    ("r u home alone", "private_contact", "r u home alone"),
    ("send me a pic", "private_contact", "send me a pic"),
    ("meet me after class, just us", "private_contact", "meet me after class, just us"),
    ("come round to my house", "private_contact", "come round to my house"),
    ("What are you wearing?", "sexual_content", "What are you wearing"),
    ("Are you alone?", "private_contact", "Are you alone"),
    ("keep it secret", "private_contact", "keep it secret"),
    ("our little secret, don't tell your mum about the Mother's Day cards", "private_contact",
     "our little secret"),
    ("Thanks my love x", "over_familiar", "my love x"),
    ("Hi baby", "over_familiar", "baby"),
    ("Thanks sweetie!", "over_familiar", "sweetie"),
    ("f\u00fcck", "profanity", "f\u00fcck"),
    ("u up?", "private_contact", "u up"),
    ("wanna meet up?", "private_contact", "wanna meet up"),
    ("You're so grown up for your age", "over_familiar", "grown up for your age"),
    # issue 3 follow-up: new wording for each rule added from the corpus misses
    ("Super proud of the Year 6 choir, see you at the concert XXX", "kisses", "XXX"),
    ("Enjoy the Easter holidays! xx Miss Patel", "kisses", "xx"),
    ("the GOAT of sports day", "slang", "GOAT"),
    ("yesss we won the cup", "slang", "yesss"),
    ("Quiz is defo on tonight", "slang", "defo"),
    ("srsly good effort", "slang", "srsly"),
    ("The Halloween disco was lit!", "slang", "lit"),
    ("The new skatepark is well sick", "slang", "sick"),
    ("You smashed it fam!", "slang", "fam"),
    ("bare jokes in the panto", "slang", "bare"),
    ("You were sick x", "slang", "sick"),
    ("Stop being a prick!", "profanity", "prick"),
    ("What a git.", "profanity", "git"),
    ("You daft git", "profanity", "git"),
    ("fcking brilliant", "profanity", "fcking"),
    ("nice seggs joke", "sexual_content", "seggs"),
    ("come to the pool naked", "sexual_content", "naked"),
    ("send nudez", "sexual_content", "nudez"),
    ("Well done sweetheart!", "over_familiar", "sweetheart"),
    ("Happy birthday gorgeous x", "over_familiar", "gorgeous"),
    ("Cheers duck, see you Monday", "over_familiar", "Cheers duck"),
    ("Ta pet!", "over_familiar", "Ta pet"),
    ("you're such a little sweetie", "over_familiar", "you're such a little sweetie"),
    ("you are truly special", "over_familiar", "you are truly special"),
    ("You're way mature", "over_familiar", "You're way mature"),
    ("You look so grown up now", "over_familiar", "You look so grown up"),
    ("I think about you every day", "over_familiar", "I think about you every day"),
    ("You look gorgeous in your dress", "over_familiar", "You look gorgeous in your"),
    ("Hey babe!", "over_familiar", "babe"),
    ("Skype me later tonight", "private_contact", "Skype me"),
    ("call me once you are alone", "private_contact", "call me once you are alone"),
    ("lets take this chat to snap", "private_contact", "take this chat to snap"),
    ("let's chat on discord", "private_contact", "let's chat on discord"),
    ("Email me on my own address, never use the college email",
     "private_contact", "never use the college email"),
    ("I will not tell your mum", "private_contact", "I will not tell your mum"),
    ("I promise not to tell", "private_contact", "I promise not to tell"),
    ("Keep quiet, she wouldn't understand", "private_contact", "she wouldn't understand"),
    ("Who else is at home?", "private_contact", "Who else is at home"),
    ("Will anyone else be in the house?", "private_contact",
     "Will anyone else be in the house"),
    ("come over to mine after the match", "private_contact", "come over to mine"),
    ("delete these once read", "private_contact", "delete these once read"),
    ("text me once you're home alone", "private_contact", "text me once you're home alone"),
    ("ring me when you've got home", "private_contact", "ring me when you've got home"),
    ("i'll never tell your mum 🤫", "private_contact", "i'll never tell your mum"),
    ("you're so mature for a 13 year old", "over_familiar", "you're so mature"),
    ("u up rn?", "private_contact", "u up rn"),
    ("You're such a good girl", "over_familiar", "You're such a good girl"),
    ("So proud of you, my angel", "over_familiar", "angel"),
    ("send pics of u in ur swimsuit", "sexual_content", "pics of u in ur swimsuit"),
    ("a selfie of you in bed pls", "sexual_content", "selfie of you in bed"),
]


@pytest.mark.parametrize("text,category,span", POSITIVES)
def test_positives(tone: Screener, text: str, category: str, span: str) -> None:
    assert (category, span) in found(tone, text)


# -- severities and verdicts under the default policy -------------------------------------
VERDICTS = [
    ("This is bloody brilliant", Verdict.REVIEW),
    ("Bugger.", Verdict.REVIEW),
    ("What the fuck", Verdict.BLOCK),
    ("sh1t", Verdict.BLOCK),
    ("see you soon xx", Verdict.REVIEW),
    ("gr8 work", Verdict.REVIEW),
    ("Hi hun", Verdict.REVIEW),
    ("my favourite student", Verdict.REVIEW),
    ("you are so mature for your age", Verdict.BLOCK),
    ("DM me", Verdict.BLOCK),
    ("our little secret", Verdict.BLOCK),
    ("sexy", Verdict.BLOCK),
    ("Our lesson on sexting: what the law says", Verdict.ALLOW),
    ("In our online safety lesson: horny is not a word to use", Verdict.REVIEW),
    ("In our online safety lesson: don't tell your parents is a warning sign", Verdict.BLOCK),
    ("Well done everyone, see you at the Year 6 show!", Verdict.ALLOW),
    ("Who wants a dick pic", Verdict.BLOCK),
    ("Don't be such a prick", Verdict.BLOCK),
    ("You're so special to me", Verdict.BLOCK),
    ("Thanks love!", Verdict.REVIEW),
    ("FaceTime me when you're in bed", Verdict.BLOCK),
    # one compliment is review; stacked with other over-familiar wording it blocks
    ("Year 6, you look so grown up in your uniforms!", Verdict.REVIEW),
    ("You look gorgeous in your dress, beautiful!", Verdict.BLOCK),
    ("Hi hun, thanks darling!", Verdict.REVIEW),
]


@pytest.mark.parametrize("text,verdict", VERDICTS)
def test_verdicts(tone: Screener, text: str, verdict: Verdict) -> None:
    assert tone.screen(text).verdict is verdict


def test_policy_can_change_the_action() -> None:
    strict = Screener({"actions": {"profanity": "block"}}, detectors=TONE)
    assert strict.screen("bloody hell").verdict is Verdict.BLOCK


# -- suggestions -------------------------------------------------------------------------
SUGGESTIONS = [
    ("gr8 work", "gr8", Action.REPLACE, "great"),
    ("see ur work", "ur", Action.REPLACE, "your"),
    ("lol", "lol", Action.REMOVE, None),
    ("Great work everyone xx", "xx", Action.REPHRASE, "- the CIE team"),
    ("DM me", "DM me", Action.REPHRASE, "contact us through CIE's official page or email"),
    ("shit", "shit", Action.REMOVE, None),
]


@pytest.mark.parametrize("text,span,action,replacement", SUGGESTIONS)
def test_suggestions(tone: Screener, text: str, span: str, action: Action,
                     replacement: str | None) -> None:
    f = next(f for f in tone.screen(text).findings if text[f.start:f.end] == span)
    assert f.suggestion is not None
    assert (f.suggestion.action, f.suggestion.replacement) == (action, replacement)


def test_redacted_text_applies_rewrites(tone: Screener) -> None:
    assert tone.screen("ur work was gr8").redacted_text == "your work was great"


def test_official_channel_comes_from_the_policy() -> None:
    s = Screener({"detectors": {"tone": {"official_channel": "the school office"}}},
                 detectors=("private_contact",))
    f = s.screen("DM me").findings[0]
    assert f.suggestion is not None and f.suggestion.replacement == \
        "contact us through the school office"


def test_each_detector_reports_only_its_category(tone: Screener) -> None:
    text = "lol DM me, sh1t xx"
    for name in TONE:
        report = Screener(detectors=(name,)).screen(text)
        assert {f.detector for f in report.findings} <= {name}
        assert {f.category.value for f in report.findings} <= {name}


def test_findings_use_declared_and_documented_codes(tone: Screener) -> None:
    from postguard.codes import code_table

    text = "lol DM me, sh1t xx, our little secret, sexy, hi babe, send me a pic, retard"
    report = tone.screen(text)
    assert len(report.findings) >= 7
    table = code_table()
    for f in report.findings:
        assert table[f.code].category is f.category


def test_one_analysis_serves_all_six_detectors() -> None:
    from postguard.detectors.tone.analysis import analyser_for
    from postguard.policy import Policy

    policy = Policy.default()
    screener = Screener(policy, detectors=TONE)
    analyser = analyser_for(policy)
    before = analyser.analyse.cache_info()
    screener.screen("A brand new post about the Year 4 trip to the farm, lol")
    after = analyser.analyse.cache_info()
    assert after.misses - before.misses == 1
    assert after.hits - before.hits == len(TONE) - 1


def test_clean_posts_never_import_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from postguard.screener import Screener\n"
        f"s = Screener(detectors={TONE!r})\n"
        "r = s.screen('Great work Year 6! lol, see u at the Sussex match, DM us on X xx')\n"
        "assert r.findings, 'expected slang and kisses'\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


# Grooming families added after the held-out review: new wordings of secrecy, isolation,
# image requests and flattery, with their look-alike traps.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("dm me some nudes later", Category.PRIVATE_CONTACT),
        ("there's no need to say a word about this to your dad", Category.PRIVATE_CONTACT),
        ("I'll never pass that on, don't worry", Category.PRIVATE_CONTACT),
        ("keep quiet about it, it's our secret", Category.PRIVATE_CONTACT),
        ("are anybody else home tonight?", Category.PRIVATE_CONTACT),
        ("we could go for a drive, just the two of us", Category.PRIVATE_CONTACT),
        ("you're so much more mature than the others your age", Category.OVER_FAMILIAR),
        ("honestly we have a deep connection", Category.OVER_FAMILIAR),
        ("they shagged", Category.SEXUAL_CONTENT),
    ],
)
def test_new_grooming_wordings(text: str, category: Category) -> None:
    report = postguard.screen(text)
    assert category in {f.category for f in report.findings}
    assert report.verdict is Verdict.BLOCK


@pytest.mark.parametrize("text", [
    "We have a connection to the Eurostar at 3pm",
    "Our secret Santa swap is on Friday!",
    "Is anyone else going to the match on Saturday?",
    "There is no need to tell the office, the trip is already booked",
])
def test_new_grooming_wordings_traps(text: str) -> None:
    assert postguard.screen(text).verdict is Verdict.ALLOW
