"""Grooming wording by family, after the second blind review: each family's positives and
its look-alike traps side by side. Written in our own words (the held-out sets stay unseen).

A positive row is (text, category, verdict): the tone detectors must report `category` and
the post must get `verdict` (or stronger). A trap row must stay free of tone findings."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
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


# -- sexual content ---------------------------------------------------------------------
UNDRESS = [  # requests to undress or show the body
    ("go on, take your t-shirt off", X, B),
    ("taking ur top off on cam?", X, B),
    ("take off your shirt for the pic", X, B),
    ("can you send pics without clothes", X, B),
    ("a photo with nothing on", X, B),
    ("show me what's under ur hoodie", X, B),
    ("what is under your skirt", X, B),
    ("tell me whats under ur new hoodie", X, B),  # a word between "your" and the clothing
    ("show me what is under your PE top", X, B),
    ("cam on and lift your top", X, B),
    ("pull your top up for me", X, B),
    ("lift ur shirt up on camera", X, B),
    ("snap me one in your undies", X, B),
    ("send one more in your swimming costume", X, B),
    ("take a selfie in your pjs for me", X, B),
    ("get undressed then turn your camera on", X, B),
    ("strip for me", X, B),
    ("undress on facetime", X, B),
]
UNDRESS_TRAPS = [
    "Guess what is under your chair! A prize for everyone",
    "what is under your desk lid? Please tidy it before Friday",
    "Take your coats off in the hall and hang them on your peg",
    "Please take your shoes off at the door of the sports hall",
    "Take off your blazers, it is hot in the exam hall",
    "Pull your socks up, Year 11: mocks are in two weeks",
    "Lift your top hand off the bat when you follow through",
    "Year 10 changing rooms: please bring your swimsuit and a towel",
    "Pyjama day for Children in Need! Send us one in your pyjamas",
    "The emperor had no clothes on, and only a child said so",
    "Strip the beds on the last morning of the residential",
    "What is under the floorboards? A Victorian house history trail",
]

EXPERIENCE = [  # questions about sexual experience, underwear and bed
    ("so have you ever done it?", X, B),
    ("ever done it with a boy", X, B),
    ("r u still a virgin", X, B),
    ("have u ever snogged anyone", X, B),
    ("ever kissed a girl", X, B),
    ("how far have you gone with him", X, B),
    ("d u wanna make out", X, B),
    ("come and make out with me", X, B),
    ("what colour are your knickers", X, B),
    ("what do you sleep in?", X, B),
    ("what do u wear in bed", X, B),
]
EXPERIENCE_TRAPS = [
    "Extra virgin olive oil and basil for the pizza workshop",
    "The Virgin Trains carriage museum trip is on Monday",
    "Can you make out the words on the old gravestone? Bring a pencil for rubbings",
    "Have you ever done a parkrun? Join the staff team on Saturday",
    "Pyjama day: tell us what you wear to bed, best pyjamas win a prize",
    "Kissing gate repairs on the nature trail are finished",
]

BODY = [  # comments on a child's body, spaced letters, emoji at a person
    ("ur body is perfect", X, B),
    ("your body looks amazing in that", X, B),
    ("you've got a banging figure", X, B),
    ("u have such a nice bum", X, B),
    ("you look so hot in that dress", F, B),
    ("ur so fit", F, B),
    ("S E X Y", X, B),
    ("you are s.e.x.y", X, B),
    ("S-E-X-Y pic", X, B),
    ("you 🍑🍑", X, B),
    ("ur 🍆💦", X, B),
    ("👅 u", X, B),
]
BODY_TRAPS = [
    "Your body is amazing: a science lesson on how the heart pumps blood",
    "Fruit picking today 🍑🍓 at Hill Farm",
    "Peaches 🍑 and aubergines 🍆 for the harvest festival",
    "Did you bring your 🍆 for the harvest table?",
    "Pick your own 🍑 at the farm shop on Saturday",
    "Splash day 💦 for Reception on Friday, bring a towel",
    "You look so smart in your new uniform",
    "Year X are very fit after the charity run",
]

CONTACT = [  # physical contact
    ("come and sit on my knee", X, B),
    ("you can sit on my lap", X, B),
    ("give me a cuddle when nobody's looking", X, B),
    ("a hug when no one is watching", X, B),
    ("we can cuddle when we're alone", X, B),
]
CONTACT_TRAPS = [
    "Cuddle toy raffle on Friday, tickets 50p",
    "Sit on the carpet, Year 1, it's story time",
    "Children can sit on Santa's knee at the Christmas fair",
    "Group hug for the Year 6 leavers at the final assembly!",
]


# -- private contact --------------------------------------------------------------------
ISOLATION = [
    ("are ur parents at work?", C, B),
    ("is your mum and dad away tonight", C, B),
    ("are your folks out", C, B),
    ("what time does your mum leave for work", C, B),
    ("when does your dad get back", C, B),
    ("is anybody with you right now", C, B),
    ("is someone with u?", C, B),
    ("still up?", C, B),
    ("hey. still awake?", C, B),
    ("anybody still awake?", C, B),
    ("who's still up?", C, B),
    ("r u in bed yet?", C, B),
    ("Bist du alleine zu Hause?", C, B),
    ("¿Estás solo en casa?", C, B),
    ("t'es seule ?", C, B),
    ("sei da sola stasera?", C, B),
    ("Você está sozinho?", C, B),
]
ISOLATION_TRAPS = [
    "Are you alone in thinking homework is too long? Tell us in the survey",
    "Stay up for the fireworks tonight, they start at 9",
    "Is anyone still up for helping at the fete?",
    "Residential update: it's late and they are still awake!",
    "Make sure your mum and dad know when the coach gets back",
    "Is anyone with a spare recorder able to lend it to Year 3?",
    "¿Estás lista para el viaje a Madrid?",
    "Sei pronta per la gita di lunedì?",
    "Tu es prêt pour la sortie au musée ?",
    "Bist du bereit für den Austausch?",
    "Home Alone is the film for the end-of-term movie night",
]

SECRECY = [
    ("wipe our chat after", C, B),
    ("clear this convo", C, B),
    ("delete our messages tonight", C, B),
    ("don't show your mates.", C, B),
    ("never tell the others!", C, B),
    ("don't let anyone see this", C, B),
    ("keep this out of the class chat", C, B),
    ("don't post it in the group chat", C, B),
    ("no one else has to know", C, B),
    ("nobody else needs to know", C, B),
    ("just between you and me", C, B),
    ("this stays between me and u", C, B),
    ("it's between you and me.", C, B),
    ("dont tell nobody", C, B),
    ("don't say nothing", C, B),
    ("don't breathe a word to your mum", C, B),
    ("keep it on the down low", C, B),
]
SECRECY_TRAPS = [
    "Please don't show the others the answers before the quiz ends",
    "Between you and me, this was the best sports day ever.",
    "Don't tell your friends about the surprise party for Mrs Khan!",
    "Don't let anyone miss the bus: be at the gate by 8",
    "The difference between you and me is the accent, says our Spanish assistant",
    "Clear the tables after lunch please",
    "Delete the old class photos from the shared drive by Friday",
]

CHANNELS = [
    ("add my wechat", C, B),
    ("my kakaotalk is sunny22", C, B),
    ("what's your line id", C, B),
    ("add me on line", C, B),
    ("follow my insta", C, B),
    ("what's ur discord username", C, B),
    ("lets facetime tonight", C, B),
    ("wanna video call later", C, B),
    ("I'll text you on your mobile after school", C, B),
    ("I can call u on ur phone", C, B),
    ("zoom you later", C, B),
]
CHANNEL_TRAPS = [
    "Video call with the exchange school at 10 in the ICT suite",
    "We will video call the partner school in Madrid on Tuesday",
    "Our pupils took part in a WhatsApp safety workshop",
    "Follow the school Instagram for match results",
    "Line up by the door for the fire drill",
    "Please stay in line on the coach",
    "Parents: we will text you on your mobile when the coach is near",
]

DISCLOSURES = [  # a child reports a staff member's personal channel: blocks
    ("Mr Brown gave me his insta and said we could be friends", C, B),
    ("miss sent me her personal number", C, B),
    ("sir told me to message him privately", C, B),
    ("our coach said to text him on his own whatsapp", C, B),
    ("she said write to her on her private snapchat", C, B),
    ("Mrs Day asked me to dm her", C, B),
    ("the new teacher added me on snap", C, B),
    ("he gave us his personal mobile number", C, B),
]
DISCLOSURE_TRAPS = [
    "Pepys wrote his own account of the Great Fire of London",
    "Mr Brown set up the school Instagram; please follow it",
    "Miss Lee gave us the office number for absences",
    "Mrs Day asked us to hand in the forms to the office",
    "She won her race and set a personal best",
    "Mrs Lee gave us her email address for homework questions",
    "Contact Mr Lee via his email on the staff page",
]

MEETING = [
    ("come round to my house after school", C, B),
    ("bring your kit round to my place", C, B),
    ("pop over to my flat on saturday", C, B),
    ("swing round to mine later", C, B),
    ("I could pop round when your parents are out", C, B),
    ("I'll come over while your mum is at work", C, B),
    ("meet up, just the two of us", C, B),
]
MEETING_TRAPS = [
    "The kit room is round the back of my classroom",
    "Hand the ball over to my house captain",
    "Come over to the school field for the fun run",
    "We went back to my home town for the geography fieldwork",
]


# -- over-familiar ----------------------------------------------------------------------
FAMILIAR = [
    ("thanks darling", F, R),
    ("night sweetheart", F, R),
    ("cheers pet", F, R),
    ("thanks, lovely", F, R),
    ("see you tomorrow my dear", F, R),
    ("happy birthday my lovely", F, R),
    ("you're my best girl", F, R),
    ("ur my star pupil", F, R),
    ("well done to my best boy", F, R),
    ("morning princess", F, R),
    ("Pet, can you bring your reading book tomorrow?", F, R),
    ("see you tomorrow, pet", F, R),
    ("thanks for the card, lovely!", F, R),
    ("Hey lovely, how was the weekend?", F, R),
    ("Sweetheart, don't worry about the test", F, R),
    ("Darling, you were amazing", F, R),
    ("thank you pet, see you Monday", F, R),
]
FAMILIAR_TRAPS = [
    "What a lovely day at the farm",
    "Lovely weather for sports day!",
    "Dear parents, the trip is on Friday",
    "Dear Year 7, welcome back",
    "The pet show is on Saturday",
    "My dear friends of the PTA, thank you for the cake stall",
    "Darling Buds of May at the theatre this week",
    "Our best student council yet",
    "Our class pet, a rabbit called Bun, is back from the holidays",
    "The pet shop visit was great!",
    "That's lovely! Thanks for all the photos",
    "Lovely, sunny start to the fete",
    "Thanks, love from all of us at Riverside",
    "Love, Mrs Smith",
    "Darling Harbour in Sydney was the Year 6 topic",
    "Sweetheart cherries for the summer fair",
    "Pet therapy dog visits on Tuesday",
    "A dear friend of the school, Mr Patel, has retired",
]

BOND = [  # special-bond flattery: blocks
    ("you're the only one who understands me", F, B),
    ("ur the only one that gets me", F, B),
    ("only you get me", F, B),
    ("you really get me", F, B),
    ("you and me have something special", F, B),
    ("we have something special", F, B),
    ("I think we have something special", F, B),
    ("we share something special together", F, B),
    ("what we have is special", F, B),
    ("you're not like the others", F, B),
    ("ur different from the rest", F, B),
    ("beautiful as always 😍", F, B),
    ("gorgeous as ever x", F, B),
]
BOND_TRAPS = [
    "Tomorrow we have something special for Year 2!",
    "The choir sounded beautiful as always",
    "These results are not like the others: a record year",
    "Did you really get me a card? Thank you, Year 6",
    "The garden looks gorgeous as ever thanks to our volunteers",
]


# -- a second wave of wordings in the same families ----------------------------------------
SECOND_WAVE = [
    ("can I see you without ur shirt", X, B),
    ("show me your bum", X, B),
    ("what are you wearing underneath", X, B),
    ("are you wearing a bra", X, B),
    ("what's your bra size", X, B),
    ("did you snog him", X, B),
    ("nice legs", X, B),
    ("wear something tight for me", X, B),
    ("wear that skirt more often", X, B),
    ("send a pic in the bath", X, B),
    ("are you on your own at home", C, B),
    ("are you by yourself this weekend", C, B),
    ("is your dad in?", C, B),
    ("when are your parents back", C, B),
    ("could you sneak out", C, B),
    ("sneak out to meet me", C, B),
    ("you can stay over at mine", C, B),
    ("turn on disappearing messages", C, B),
    ("use vanish mode", C, B),
    ("I've got a spare phone so we can talk", C, B),
    ("text me from your friend's phone", C, B),
    ("send it on snap so it disappears", C, B),
    ("I'll dm you", C, B),
    ("text me when your mum is asleep", C, B),
    ("ring me when nobody's home", C, B),
    ("nobody will ever know", C, B),
    ("I miss you already", F, R),
    ("I've missed you so much", F, R),
    ("you mean the world to me", F, B),
    ("I'd do anything for you", F, B),
    ("I'm the only one who cares about you", F, B),
    ("nobody else cares about you", F, B),
    ("you're wise beyond your years", F, B),
    ("you deserve better than them", F, B),
    ("your parents don't get you like I do", F, B),
    ("I can't stop looking at your pics", F, B),
    ("snap me something naughty", X, B),
    ("you'd look so good in a bikini", X, B),
    ("you've really filled out", X, B),
    ("I want to kiss you", X, B),
    ("give me a kiss", X, B),
    ("which school does u go to", C, B),
    ("tell your parents you're at a mate's", C, B),
    ("get into my car", C, B),
    ("pop to my office by yourself", C, B),
    ("I'll get in trouble if they find out", C, B),
    ("never screenshot our chats", C, B),
    ("text me goodnight", C, B),
    ("I dreamed about you", F, B),
    ("you've got such a cute smile", F, R),
    ("so what's ur body count", X, B),
    ("we could hook up after the disco", X, B),
    ("u really turn me on", X, B),
    ("any spicy pics?", X, B),
    ("drop me your live location", C, B),
    ("which street do u live on", C, B),
    ("does your mum look at your messages?", C, B),
    ("that's my girl!", F, R),
]
SECOND_WAVE_TRAPS = [
    "We miss you already, Mr Hale! Enjoy your retirement",
    "I miss you all already, Year 6!",
    "Please do not sneak out of lessons early",
    "Set up a new account on the parent portal so we can track payments",
    "Parents can call the office from any number",
    "The magician waved his wand so it disappears!",
    "Nobody will know the answer until the results are out",
    "The cast were wise beyond their years",
    "You deserve better than this result, Year 11, so keep training",
    "You deserve better than this, Year 11: the referee got it wrong",
    "Did you kiss the Blarney Stone on the Ireland trip?",
    "Nice legs on the new lab stools, thanks to the DT department",
    "Is your dad in the choir? We need more tenors",
    "Sleepover club at the library is on Friday",
    "Send us something spicy for the chilli cook-off!",
    "I dream about a world without plastic, says our Year 6 poet",
    "Lovely eyes on the owl in the Year 3 art display",
    "Kiss chase is banned on the field",
    "Come to the office on Monday to collect lost property",
    "Can someone hook up the projector in the hall?",
    "Year 5 will sleep together in the big dorm on the residential",
    "The body count in Macbeth is high: revision tips inside",
    "Don't share your location with strangers: online safety week",
    "Spicy food day in the canteen on Friday",
    "Baby boy born to Mrs Kaur, congratulations!",
    "What road do the buses leave from? The car park on Mill Road",
]

POSITIVES = (UNDRESS + EXPERIENCE + BODY + CONTACT + ISOLATION + SECRECY + CHANNELS
             + DISCLOSURES + MEETING + FAMILIAR + BOND + SECOND_WAVE)
TRAPS = (UNDRESS_TRAPS + EXPERIENCE_TRAPS + BODY_TRAPS + CONTACT_TRAPS + ISOLATION_TRAPS
         + SECRECY_TRAPS + CHANNEL_TRAPS + DISCLOSURE_TRAPS + MEETING_TRAPS + FAMILIAR_TRAPS
         + BOND_TRAPS + SECOND_WAVE_TRAPS)


@pytest.mark.parametrize(("text", "category", "verdict"), POSITIVES)
def test_grooming_family_is_found(tone: Screener, text: str, category: Category,
                                  verdict: Verdict) -> None:
    found, given = categories(tone, text)
    assert category in found
    assert _RANK[given] >= _RANK[verdict]


@pytest.mark.parametrize("text", TRAPS)
def test_grooming_family_traps_stay_clean(tone: Screener, text: str) -> None:
    found, _ = categories(tone, text)
    assert found & {X, C, F} == set()


def test_disclosures_carry_their_own_code(tone: Screener) -> None:
    report = tone.screen("Mr Brown gave me his insta and said we could be friends")
    assert [f.code for f in report.findings if f.category is C] == ["PG456"]


def test_spaced_sexy_keeps_its_span(tone: Screener) -> None:
    text = "you are S E X Y"
    spans = {text[f.start:f.end] for f in tone.screen(text).findings if f.category is X}
    assert spans == {"S E X Y"}
