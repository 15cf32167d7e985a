"""Grooming wording by family, after the third blind review: each family's positives and its
look-alike traps side by side. Written in our own words (the held-out sets stay unseen).

A positive row is (text, category, verdict): the tone detectors must report `category` and
the post must get `verdict` (or stronger). A trap row must stay free of sexual, over-familiar
and private-contact findings (slang and kisses may still be reported)."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.policy import Policy
from postguard.screener import Screener

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")
X, C, F = Category.SEXUAL_CONTENT, Category.PRIVATE_CONTACT, Category.OVER_FAMILIAR
B, R = Verdict.BLOCK, Verdict.REVIEW
_RANK = {Verdict.ALLOW: 0, Verdict.REVIEW: 1, Verdict.BLOCK: 2}


@pytest.fixture(scope="module")
def tone() -> Screener:
    return Screener(detectors=TONE)


def categories(screener: Screener, text: str) -> tuple[set[Category], Verdict]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    for f in report.findings:  # spans stay on the text
        assert 0 <= f.start < f.end <= len(text)
    return {f.category for f in report.findings}, report.verdict


# -- 1. secrecy about a message ---------------------------------------------------------
SECRECY = [
    ("wipe this chat when you've read it", C, B),
    ("erase these messages after", C, B),
    ("pls delete these msgs once uve seen them", C, B),
    ("make sure u delete this when ur done reading", C, B),
    ("delete our chat after ok", C, B),
    ("this convo never happened", C, B),
    ("no one else is going to see this", C, B),
    ("nobody else will ever see this", C, B),
    ("no one needs to see these messages", C, B),
    ("only you will read this", C, B),
    ("only u will see this x", C, B),
    ("don't show this to your mum", C, B),
    ("dont show ur mum this message", C, B),
    ("no need to tell your parents", C, B),
    ("no need to bring it up with anyone", C, B),
    ("keep this between the two of us", C, B),
    ("keep it between the 2 of us", C, B),
    ("you don't have to mention this to anyone", C, B),
    ("u dont have to tell ur mum about this", C, B),
    ("you don't have to tell no one", C, B),
    ("ur mum doesnt need to know", C, B),
    ("your parents don't need to know about this", C, B),
    ("what your parents dont know wont hurt them", C, B),
    ("dont say anything to anyone about this", C, B),
]
SECRECY_TRAPS = [
    "Please wipe the tables after lunch",
    "Clear these tables once you have finished eating",
    "Delete it after the event, the link expires",
    "Delete this email if you received it in error",
    "No one else can see your answers to the survey, they are anonymous",
    "Only you can see your grades on the portal",
    "Only you will know your PIN, so keep it safe",
    "No need to bring anything for the picnic",
    "You don't have to tell anyone your password. In fact never share it",
    "Between the two of us we raised £300 for the hospice",
    "Don't let anyone know the ending of the book!",
    "Please don't mention the surprise party to your mum!",
    "We wiped the board after the quiz",
]

# -- 2. meeting alone or in a hidden place --------------------------------------------------
MEETING = [
    ("meet me round the back of the gym after school", C, B),
    ("meet me behind the bike sheds at lunch", C, B),
    ("wait for me behind the music block", C, B),
    ("i'll wait for you round the back", C, B),
    ("wait for me at the back gate after everyone has gone", C, B),
    ("meet me in the car park after everyone leaves", C, B),
    ("come find me when the others have gone", C, B),
    ("make sure no one sees you coming", C, B),
    ("come by yourself", C, B),
    ("come alone", C, B),
    ("come on ur own", C, B),
    ("come to my room after class, by yourself", C, B),
    ("come alone to the changing rooms", C, B),
    ("don't bring your friends", C, B),
    ("dont bring anyone with you", C, B),
    ("just the two of us after practice", C, B),
    ("just me and u after training", C, B),
]
MEETING_TRAPS = [
    "meet me at reception at 8.30 with your passport",
    "come to the front office at break to collect your lanyard",
    "don't bring your phone to the exam",
    "come on your own bikes if you live nearby",
    "Please come on your own bikes, the racks are by the gate",
    "everyone meet behind the sports hall for the fire drill",
    "meet me behind the sports hall for the fire drill",
    "Year 5 runners, meet me behind the start line",
    "We'll wait for you behind the finish line, parents",
    "Cast, meet me behind the stage curtain at 6",
    "Please do not come alone: an adult must collect you",
    "Pupils can come alone if parents sign the form",
    "You must not come on your own to the pool",
    "Children who come alone must sign in at reception",
    "Come alone or with a friend to the open day",
    "Who can come alone to the club on Friday?",
    "Can you come to the office alone or with a parent to collect your certificate?",
    "Make sure no one follows you home: walk in groups after the disco",
    "It's just me and you today Year 3, Mrs Khan is at a course",
    "Wait for me at the main gate at 3.15, Year 7",
    "Come along to the open evening on Thursday",
]

# -- 3. private chat and pet names in other languages --------------------------------------
LANGUAGES = [
    ("escríbeme por WhatsApp privado", C, B),
    ("escribeme al privado", C, B),
    ("háblame por privado porfa", C, B),
    ("mándame un mensaje privado", C, B),
    ("pásame tu número", C, B),
    ("manda-me mensagem no privado", C, B),
    ("me chama no pv", C, B),
    ("écris-moi en privé", C, B),
    ("envoie-moi un message privé", C, B),
    ("schreib mir privat", C, B),
    ("schreib mir per WhatsApp", C, B),
    ("schreib mir eine private Nachricht", C, B),
    ("scrivimi in privato", C, B),
    ("mandami un messaggio privato", C, B),
    ("hola querida, ¿cómo estás?", F, R),
    ("gracias cariño", F, R),
    ("gracias tesoro!", F, R),
    ("hola guapa", F, R),
    ("bonjour ma chérie", F, R),
    ("merci mon cœur", F, R),
    ("danke Schatz", F, R),
    ("ciao amore", F, R),
    ("te quiero mi amor", F, B),
    ("buenas noches mi amor", F, B),
    ("mon amour, tu me manques", F, B),
]
LANGUAGE_TRAPS = [
    "Busca el tesoro en el patio: la clase de español",
    "El tesoro está debajo del árbol",
    "Querida familia, gracias por acoger a nuestros estudiantes",
    "Querido Pablo, bienvenido a Londres",
    "Mi vida en Londres: a Spanish essay by Year 10",
    "Esta es mi vida.",
    "mi amor por la música",
    "Mon amour pour le français: une rédaction de Sophie",
    "Der Schatz im Silbersee is our German class reader",
    "Danke für alles! Schatzsuche am Freitag",
    "Les résultats seront envoyés en privé aux familles",
    "Escríbeme una redacción de 200 palabras sobre tu familia",
    "Para dudas, escríbeme al correo del colegio",
    "Schreib mir eine E-Mail, wenn du Fragen hast",
    "Envoie-moi ta rédaction avant vendredi",
    "me manda feedback on the essay",
    "Hola a todos, ¿qué tal?",
]

# -- 4. sexual wording without the obvious words -----------------------------------------
SEXUAL = [
    ("I want touch you", X, B),
    ("i want to touch u", X, B),
    ("i wanna kiss u so bad", X, B),
    ("wish I could kiss u", X, B),
    ("i want to hug and kiss you", X, B),
    ("wish I could sleep in your bed with u tonight", X, B),
    ("wish u were in my bed", X, B),
    ("i want to sleep with u", X, B),
    ("what's under your towel", X, B),
    ("wats under ur towel", X, B),
    ("show me what you're wearing under that", X, B),
    ("wat u wearing under ur uniform", X, B),
    ("I'd love to see ur body in that swimsuit", X, B),
    ("i would love to see you in a bikini", X, B),
    ("u look hot in that swimsuit", X, B),
    ("a night of passion", X, B),
    ("you look so sexi", X, B),
    ("ur so sexxy", X, B),
    ("ur 🍑", X, B),
    ("nice 🍑 in those leggings", X, B),
    ("take it off for me", X, B),
    ("take it all off", X, B),
]
SEXUAL_TRAPS = [
    "The Year 9 swimsuit list for the gala is on the noticeboard",
    "A night of passion for music at the school concert",
    "Our tango showcase was an evening of passion and precision",
    "Kiss chase is not allowed in the playground",
    "Peach and aubergine emoji in our food-tech lesson 🍑🍆",
    "Harvest festival: bring your 🍆 and 🍅 for the table",
    "Get a good sleep in your own bed before the exam",
    "See you all in your swimsuits at the gala",
    "You all looked amazing in your pyjamas for Children in Need",
    "We want to touch base with you about the trip",
    "We'd love to stay in touch with you all over the summer",
    "I want you to look at your body language in the video",
    "Show me what you've got under your desk",
    "Take it off the shelf for me please, Sam",
    "Take everything off the tables before you go",
    "I'd love to see your projects at the show",
]

# -- 5. over-familiar flattery --------------------------------------------------------------
FLATTERY = [
    ("the prettiest girl in the class", F, B),
    ("you're the prettiest girl in the school", F, B),
    ("ur the cutest boy in year 8", F, B),
    ("my gorgeous girl", F, R),
    ("my beautiful boy", F, R),
    ("I'm falling for you", F, B),
    ("i think im falling for u", F, B),
    ("i'm in love with you", F, B),
    ("i cant stop thinking bout u", F, B),
    ("I think about u all the time", F, B),
    ("i think about you every day", F, B),
    ("my angel", F, R),
    ("you're my favourite student, don't tell the others", C, B),
    ("u r my fav student dont tell the others", C, B),
]
FLATTERY_TRAPS = [
    "my star pupil of the week is Sam",
    "the prettiest garden in the village won a prize",
    "The cutest puppy in the world visited us today",
    "I can't stop thinking about this book, read it!",
    "Year 6 will sing 'Falling For You' at the leavers' concert",
    "I fell for the April fool: great prank, Year 10",
    "Thinking of you all at this sad time",
    "We're in love with this book",
    "My beautiful garden is full of tomatoes",
]

# -- 6. "text me" from a member of staff ----------------------------------------------------
TEXT_ME = [
    ("text me when you get home, just us", C, B),
    ("text me when ur home, just us", C, B),
    ("message me tonight, nobody else needs to know", C, B),
]
TEXT_ME_TRAPS = [
    "text us on the school office number if the coach is late",
    "Parents, text the office when you get home from the trip",
    "Message the school office when you arrive so we know everyone is safe",
]

# -- more wording of the same families, in other registers ---------------------------------
MORE = [
    ("remember to delete this", C, B),
    ("delete this straight after", C, B),
    ("get rid of these messages after", C, B),
    ("no one can know about us", C, B),
    ("no one has to find out", C, B),
    ("nobody needs to find out about this", C, B),
    ("this stays with us", C, B),
    ("what we talk about stays between us", C, B),
    ("this is our little thing", C, B),
    ("you mustn't tell anyone", C, B),
    ("promise me you won't tell anyone", C, B),
    ("swear you won't tell", C, B),
    ("keep quiet about this", C, B),
    ("lets keep this quiet", C, B),
    ("hide these messages from your mum", C, B),
    ("meet me after school by the gate, just you", C, B),
    ("meet me in the park after dark", C, B),
    ("let's meet somewhere private", C, B),
    ("i can drive you home, just us", C, B),
    ("come to the staff room at lunch on your own", C, B),
    ("stay behind after class, just you", C, B),
    ("añádeme en insta", C, B),
    ("mándame un mensaje por instagram", C, B),
    ("adde mich auf Snapchat", C, B),
    ("hasta mañana querida", F, R),
    ("salut ma belle", F, R),
    ("tschüss Liebling", F, R),
    ("i wanna feel ur body", X, B),
    ("i bet u look good without clothes", X, B),
    ("i cant stop thinking about ur body", X, B),
    ("your lips look so soft", X, B),
    ("i want to taste your lips", X, B),
    ("i want you so bad", X, B),
    ("you're the prettiest in your class", F, B),
    ("my sweet girl", F, R),
    ("i'm crazy about you", F, B),
    ("i've got feelings for you", F, B),
    ("i have feelings for u", F, B),
    ("you're more than just a student to me", F, B),
    ("you're always on my mind", F, B),
    ("can't get you out of my head", F, B),
    ("you're perfect", F, R),
    ("drop me a text when you're home", C, B),
    ("give me a text later", C, B),
    ("hit me up later", C, B),
    ("hmu on snap", C, B),
    ("text me anytime, day or night", C, B),
    ("message me on here if you need anything, don't go through the office", C, B),
    ("text me instead of emailing the school", C, B),
    ("text my mobile not the school phone", C, B),
    ("my number is in your book, text me", C, B),
    ("message me when ur by yourself", C, B),
    ("send me something only i can see", C, B),
    ("are you wearing anything under that", X, B),
    ("bet you look good in the shower", X, B),
    ("have you ever been kissed", X, B),
    ("you're my everything", F, B),
    ("i miss your smile", F, R),
    ("do u have snap", C, B),
    ("can i add u on snap", C, B),
    ("accept my follow request", C, B),
    ("i followed you on insta", C, B),
    ("i'll come round to yours later", C, B),
    ("lets go for a drive", C, B),
    ("no one would believe you anyway", C, B),
    ("you'll get in trouble if you tell", C, B),
    ("you not tell your parents ok", C, B),
    ("never tell anyone about this", C, B),
    ("please not tell to anybody", C, B),
    ("i'm your secret friend", C, B),
    ("eres muy guapa", F, R),
    ("qué guapa estás", F, R),
    ("t'es trop belle", F, R),
    ("du bist so hübsch", F, R),
    ("sei bellissima", F, R),
    ("você é linda", F, R),
    ("te quiero mucho", F, R),
    ("je t'aime", F, R),
    ("ich liebe dich", F, R),
    ("you've grown up nicely", F, B),
    ("your legs look great in that skirt", X, B),
    ("love that short skirt on you", X, B),
    ("that tight top looks good on you", X, B),
    ("i like it when you wear that dress", X, B),
    ("you're becoming a woman", F, B),
    ("you look like a real woman now", F, B),
    ("send a pic of your legs", X, B),
    ("sit next to me on the bus, just us", C, B),
    ("what would you do if i kissed you", X, B),
    ("have you done anything with a boy", X, B),
    ("are you a good kisser", X, B),
    ("can i see you in your pyjamas", X, B),
]
MORE_TRAPS = [
    "Nobody wants to hear about it anymore, Year 9!",
    "Keep everything quiet in the exam hall please",
    "Year 11 prom: you can come with a partner or on your own",
    "Our mentors can talk somewhere private at lunchtime if you need them",
    "The cloakroom looks better without clothes piled on the floor",
    "Yoga club: think of your tummy as a balloon",
    "Music game: pat your head and I want you to rub your tummy",
    "Your legs are perfect for hurdles, says Coach",
    "I'm mad with you for forgetting your homework again!",
    "Teaching is more than a job to me",
    "The trophy stays with us for another year",
    "We promise not to tell you the ending of the play",
    "Lost property stays in the office until Friday",
    "Meet me at the office, just you and your mum",
    "Keep this area quiet during exams",
    "Our tango showcase was an evening of passion and precision",
    "Mi vida en Londres, redacción de Ana, nivel B1",
    "Hola a todos, bienvenidos a la clase de español",
    "Parents: call me when you are back from holiday about the trip forms.",
    "Parents, drop me a message when you've read the letter",
    "Send me a message on Teams with your homework questions",
    "Call the office any time before 9am to report an absence",
    "Don't go through the school gates before 8.30 please",
    "Hit me up with your best jokes for the Comic Relief assembly!",
    "My number is on the letter, parents, if you have any questions about the trip",
    "Do you have Instagram? Follow the school account for updates",
    "We'll add you to the class WhatsApp group, parents",
    "Nobody would believe how fast Year 3 ran today!",
    "You won't get in trouble if you tell us the truth about the broken window",
    "Lets go for a ride on the school minibus to the farm",
    "Send me something you are proud of from this week",
    "The Secret Friend: our Year 5 class reader",
    "I miss your smiling faces already, Year 6!",
    "You're my everything, sang the choir at the spring concert",
    'Word of the day in Spanish: "te quiero", practise it with a partner',
    "La ciudad es muy bonita y la playa es preciosa",
    "Paris est une belle ville",
    "Das Wetter ist schön heute, wir gehen in den Park",
    "Roma è bellissima in primavera",
    "A praia é linda, fomos ontem com a turma",
    "You've grown so much this year, Year 4!",
    "You have developed beautifully as a writer this term",
    "Short skirts are not part of the uniform policy",
    "Keep your legs straight in those stretches",
    "I love it when you wear your house colours on sports day!",
    "Year 6 are becoming young women and men",
    "Send a pic of your feet in your new school shoes",
    "Have you done anything with a partner for the science project?",
    "We'll see you in your pyjamas for Children in Need!",
    "Sit next to me on the coach if you feel travel sick, and tell Mrs Ahmed",
]

POSITIVES = SECRECY + MEETING + LANGUAGES + SEXUAL + FLATTERY + TEXT_ME + MORE
TRAPS = (SECRECY_TRAPS + MEETING_TRAPS + LANGUAGE_TRAPS + SEXUAL_TRAPS + FLATTERY_TRAPS
         + TEXT_ME_TRAPS + MORE_TRAPS)


@pytest.mark.parametrize(("text", "category", "verdict"), POSITIVES)
def test_family_is_found(tone: Screener, text: str, category: Category,
                         verdict: Verdict) -> None:
    found, given = categories(tone, text)
    assert category in found
    assert _RANK[given] >= _RANK[verdict]


@pytest.mark.parametrize("text", TRAPS)
def test_family_traps_stay_clean(tone: Screener, text: str) -> None:
    found, _ = categories(tone, text)
    assert found & {X, C, F} == set()


def test_love_declaration_blocks_but_pet_name_reviews(tone: Screener) -> None:
    """"Mi amor" addressed to someone is high; "cariño" is a pet name: review."""
    amor = tone.screen("buenas noches mi amor")
    carino = tone.screen("gracias cariño")
    assert amor.verdict is B and carino.verdict is R
    assert {f.code for f in carino.findings} == {"PG441"}


def test_near_veto_clears_a_phrase_but_not_its_neighbours(tone: Screener) -> None:
    """A near rule with `veto = true` drops only the hits it is about: "meet me behind the
    sports hall" next to "fire drill" is cleared, "delete this chat" beside it is not."""
    text = "meet me behind the sports hall for the fire drill and delete this chat"
    found = [text[f.start:f.end] for f in tone.screen(text).findings if f.category is C]
    assert found == ["delete this chat"]


def test_near_rules_may_veto() -> None:
    from postguard.detectors.tone.context import _Compiled

    compiled = _Compiled([])
    vetoes = {about for about, _, _, veto in compiled.near if veto}
    confirms = {about for about, _, _, veto in compiled.near if not veto}
    assert frozenset({"behind", "back"}) in vetoes
    assert frozenset({"🍑", "🍆", "💦", "👅"}) in confirms


def test_long_sentences_of_phrase_starts_stay_linear() -> None:
    """The phrase pre-filter reads the rest of one sentence, never the rest of the text."""
    from linear import assert_linear

    from postguard.detectors.tone.analysis import analyser_for

    a = analyser_for(Policy.default())
    unit = "see you, meet me, come to the hall, delete this page. "
    a.analyse(unit)
    runs = iter(range(10**6))
    assert_linear(lambda n: a.analyse(unit * n + f"{next(runs)}"), 250, 5000, ratio=20)
