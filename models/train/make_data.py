"""Generate the training and evaluation data of the postguard_en name pipeline.

Everything here is written by the postguard project: sentence templates in the voice of school
and language-school posts, the in-house name lexicons in src/postguard/data/names/, and plenty
of negative text in which capitalised places, schools, months, events, brands and staff titles
are *not* full names. Fixed seed: the same command writes the same files.

    python models/train/make_data.py OUTDIR [--train 6000 --dev 1500 --seed 7]

Names are split before generation: the dev set uses given names and surnames the training set
never saw, so its score says how the model generalises to unseen names.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[2]
NAMES = ROOT / "src" / "postguard" / "data" / "names"


def _lexicon(name: str) -> list[str]:
    lines = (NAMES / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


# {N} a full name (labelled), {F} a given name alone (not labelled: not a full name),
# {S} a surname after a staff title (labelled: staff are named people too; the detector
# lowers their severity by the title).
POSITIVE = [
    "Huge congratulations to {N} who won the Year 8 spelling bee!",
    "Well done {N} for a brilliant performance in the school play.",
    "{N} scored the winning goal in Saturday's match against Hove.",
    "Happy birthday to {N}, who turns 12 today!",
    "Our student of the week is {N} for outstanding effort in maths.",
    "A big welcome to {N}, who joins us from Madrid this term.",
    "{N} and {N} represented the school at the county finals.",
    "Please congratulate {N} on passing her grade 5 piano exam.",
    "Thank you to {N} for organising the charity bake sale.",
    "This week's star reader is {N} in Year 3.",
    "{N} (Year 10) has been selected for the regional squad.",
    "Photos from the trip: {N}, {N} and {F} at the top of the tower.",
    "Good luck to {N} who is running the mini marathon on Sunday.",
    "{N} from our intermediate class wrote a fantastic essay about Kyoto.",
    "Shout out to {N} for helping new students find their way around.",
    "Our host family of the month is looking after {N} from Seoul.",
    "{N} achieved a C1 on the Cambridge Advanced exam. Amazing!",
    "Congratulations {N}! Your poem is going to be published.",
    "Certificates went to {N}, {N} and {N} for perfect attendance.",
    "Meet {N}, who arrived from Riyadh on Monday and already loves Brighton.",
    "We are so proud of {N}, captain of the under-14 netball team.",
    "The art prize goes to {N} for her painting of the pier.",
    "In the picture: {N} receiving the award from Mrs {S}.",
    "{N} was the youngest competitor at the chess tournament.",
    "Welcome back {N}! We missed you last term.",
    "Here is {N} presenting her science project on renewable energy.",
    "{N}, aged 9, raised £300 for the local food bank.",
    "Tomorrow {N} will read her story in assembly.",
    "Everyone say well done to {N} in Class 4B!",
    "{N} has been a fantastic buddy to the new starters.",
    "Look at {N}'s amazing model of the solar system!",
    "Thanks to {N} and her mum for the flowers.",
    "Please welcome our new head of English, Mr {N}.",
    "Mrs {S} and Mr {S} led the Year 6 residential this week.",
    "A message from our principal, {N}: thank you for a wonderful year.",
    "Our new teacher Ms {N} joins the science department.",
    "Students in Mr {S}'s class made volcanoes this afternoon.",
    "Dr {N} gave a talk about careers in medicine.",
    "Goodbye and good luck to {N}, who returns to Milan on Friday.",
    "Brilliant debate today, led by {N} and {N}.",
    "{N} won gold in the 100m at the district sports.",
    "Best costume at the World Book Day parade: {N} as the Gruffalo.",
    "Kind regards, {N}, Year 5 teacher",
    "Photo credit: {N}.",
    "Special mention for {N}, who helped tidy the library every lunchtime.",
]

NEGATIVE = [
    "Well done to Year 9 for a brilliant trip to the Science Museum!",
    "Term starts on Tuesday 3 September. See you all then.",
    "The Harvest Festival assembly is on Friday at 2pm in the Main Hall.",
    "Our students visited Brighton Pier and the Royal Pavilion today.",
    "Sports Day has been moved to Wednesday because of the rain.",
    "Huge thanks to everyone who came to the Christmas Fair.",
    "Please log in to Google Classroom to find this week's homework.",
    "The Year 11 mock exams start on Monday 13 January.",
    "Join us for World Book Day on Thursday: come dressed as a character!",
    "St Mary's Primary School choir sang beautifully at the Town Hall.",
    "We had a lovely afternoon at Hove Park with the summer school group.",
    "Our Cambridge English classes start again in September.",
    "Applications for the Duke of Edinburgh Award close on Friday.",
    "Happy Chinese New Year from everyone at CIE!",
    "The London Eye, Big Ben and Buckingham Palace: what a day out!",
    "Parents' Evening is on Thursday from 4pm to 7pm.",
    "Design and Technology students built bridges from spaghetti.",
    "Our Head of Year will send a letter home on Monday.",
    "The Natural History Museum was the highlight of the trip.",
    "Happy Friday! Enjoy the half term break.",
    "The Student Council met today to plan Red Nose Day.",
    "Year 7 Science Club meets every Tuesday in Lab 3.",
    "Please return your permission slips to the School Office by Wednesday.",
    "A great evening at the Brighton Dome for the Spring Concert.",
    "Remember: PE kit on Mondays and Thursdays.",
    "The Easter holidays begin on Friday 28 March.",
    "Our Upper Intermediate class explored the South Downs today.",
    "Free Saturday activities this month: Windsor Castle and Oxford.",
    "Microsoft Teams links for the online lessons are in your inbox.",
    "Congratulations to the Under 13 Football Team on reaching the final!",
    "Thanks to the Friends of the School for funding the new library books.",
    "The Royal Academy of Arts summer exhibition was inspiring.",
    "Good luck to all our students sitting IELTS this Saturday.",
    "Black History Month assembly on Tuesday.",
    "Well done, Year 4! Great Fire of London projects look amazing.",
    "Our English Language Summer School welcomed students from Spain and Italy.",
    "The Head Teacher's Award goes to the whole of Class 2.",
    "Anti-Bullying Week starts on Monday 11 November.",
    "Mental Health Awareness Week: take a moment for yourself.",
    "The Science Fair winners will be announced in Friday's assembly.",
    "Bring a packed lunch for the trip to Drusillas Park.",
    "The Brighton Marathon route closes Madeira Drive on Sunday.",
    "Thank you Brighton and Hove Albion for the stadium tour!",
    "Next week: Shakespeare Week, with workshops by the Globe Theatre.",
    "Our General English course runs Monday to Friday.",
    "Well done {F}! Great effort today.",
    "Thank you {F} for helping out at the fair.",
    "Happy birthday {F}! Have a wonderful day.",
    "{F} made us all laugh with her story about the seagull.",
    "Great to see {F} and {F} leading the warm-up.",
    "Lovely work on the poster, {F}!",
    "We read Charlie and the Chocolate Factory in Year 4.",
    "King Charles visited the Royal Pavilion in Brighton.",
    "Greenwich Park and the Cutty Sark made a great day out.",
    "The Year 12 trip to Paris leaves from St Pancras on Monday.",
    "Sixth Form Open Evening is on Thursday 10 October.",
    "Key Stage 2 results are out: thank you for all your hard work.",
    "The Great British Bake Off has nothing on our Year 6 bakers!",
    "Amazing Grace was performed by the Junior Choir.",
    "New Forest trip photos are on the website.",
    "The Lower School will use the East Gate on Friday.",
]


# Capitalised places and organisations for negative text ({P}); training-only word lists.
PLACES = ["Brighton", "Hove", "Lewes", "Worthing", "Eastbourne", "Oxford", "Cambridge",
          "Windsor", "Bath", "York", "Canterbury", "Rottingdean", "Shoreham", "Preston",
          "Kensington", "Camden", "Greenwich", "Richmond", "Hampton", "Chester", "Durham",
          "Leeds", "Manchester", "Stanmer", "Devil's Dyke", "Seven Sisters", "Beachy Head",
          "Elm", "Station", "Victoria", "Albert", "Kings", "Queens", "Church", "Mill", "Park",
          "Grange", "Marine", "Western", "Lansdowne", "Sackville", "Montpelier", "Clifton"]
PLACE_WORDS = ["Road", "Street", "Station", "Museum", "Gallery", "Theatre", "Leisure Centre",
               "Park", "Gardens", "Beach", "Castle", "Pier", "Cathedral", "Library", "Zoo",
               "Aquarium", "Stadium", "Hall", "Sailing Club", "Watersports", "Lido", "Farm",
               "Lane", "Avenue", "Close", "Drive", "Crescent", "Square", "Academy", "College",
               "Primary School", "Football Club", "Market", "Hotel", "Downs", "Harbour"]
PLACE_TEMPLATES = [
    "See you at {P} at 9am sharp.", "Thanks to {P} for a great day out!",
    "Our trip to {P} was fun.", "Meet outside {P} after lunch.",
    "The coach leaves {P} at 4pm.", "We walked from {P} to {P} in the sunshine.",
    "Lovely afternoon at {P} with the Elementary class.", "{P} was packed today!",
    "Huge thanks to the staff at {P}.", "Next Saturday's excursion: {P} and {P}.",
    "{N} loved the visit to {P}.", "Well done {N} on your swim at {P}!",
]


def _place(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(PLACE_WORDS)}"


def _split(names: list[str], rng: random.Random, frac: float) -> tuple[list[str], list[str]]:
    shuffled = names[:]
    rng.shuffle(shuffled)
    cut = int(len(shuffled) * frac)
    return shuffled[cut:], shuffled[:cut]


def _full_name(rng: random.Random, firsts: list[str], lasts: list[str]) -> str:
    roll = rng.random()
    first = rng.choice(firsts)
    last = rng.choice(lasts)
    if roll < 0.08:
        return f"{first} {rng.choice(firsts)} {last}"  # middle name
    if roll < 0.14:
        return f"{first} {last}-{rng.choice(lasts)}"  # double-barrelled
    if roll < 0.17:
        return f"{first} {rng.choice(['de', 'van', 'da', 'di', 'del', 'bin', 'al'])} {last}"
    return f"{first} {last}"


def _make(rng: random.Random, nlp: spacy.language.Language, n: int, firsts: list[str],
          lasts: list[str]) -> list[spacy.tokens.Doc]:
    docs = []
    for _ in range(n):
        roll = rng.random()
        template = rng.choice(
            POSITIVE if roll < 0.5 else NEGATIVE if roll < 0.8 else PLACE_TEMPLATES)
        text = ""
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(template):
            if template.startswith("{N}", i):
                name = _full_name(rng, firsts, lasts)
                spans.append((len(text), len(text) + len(name)))
                text += name
                i += 3
            elif template.startswith("{S}", i):
                name = rng.choice(lasts)
                text += name
                i += 3
            elif template.startswith("{P}", i):
                text += _place(rng)
                i += 3
            elif template.startswith("{F}", i):
                text += rng.choice(firsts)
                i += 3
            else:
                text += template[i]
                i += 1
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label="PERSON", alignment_mode="expand") for s, e in spans]
        doc.ents = [e for e in ents if e is not None]
        docs.append(doc)
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--train", type=int, default=6000)
    ap.add_argument("--dev", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    nlp = spacy.blank("en")
    firsts_train, firsts_dev = _split(_lexicon("first_names.txt"), rng, 0.2)
    lasts_train, lasts_dev = _split(_lexicon("surnames.txt"), rng, 0.2)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name, n, f, s in (("train", args.train, firsts_train, lasts_train),
                          ("dev", args.dev, firsts_dev, lasts_dev)):
        DocBin(docs=_make(rng, nlp, n, f, s)).to_disk(args.outdir / f"{name}.spacy")
        print(f"{name}: {n} docs -> {args.outdir / (name + '.spacy')}")


if __name__ == "__main__":
    main()
