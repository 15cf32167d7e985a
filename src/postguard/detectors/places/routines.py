"""A routine that says where a named child will be and when (DESIGN.md `location`: "a
routine (a place and a regular time) where a named child can be found"): "Every Tuesday at
4pm Ellie waits outside the Co-op", "Jake has swimming at Aireborough Leisure Centre every
Thursday at 5", "Sami walks home past the library each day at 3.15".

Three things in one sentence: a regular time ("every Tuesday", "each day", "on Mondays",
"Thursdays at 5", "daily"), a place ("at/outside/near/past/by/from" and a capitalised name,
or a common meeting place such as "the bus stop", "the park gates") and a child's first name
(the triangle's reading, `names.first_names`: not staff with a title, not a character). The
place is the finding. A routine of a group ("the choir sings at St Anne's every Sunday") or
of an adult names no child: no finding; but the students of the organisation as a group
("our Chinese students catch the bus outside the Co-op each day", "the Spanish group trains
at Roundhay Park every Tuesday") can be found there too: a `medium` finding, reviewed.
Every window is one sentence: time is linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...lazy_patterns import lazy_compile
from ...model import Category, Severity
from ...scans import gated_search
from ..names.context import common_words, lexicons, titles
from ..names.first_names import child_first_names
from .areas import area_words
from .clues import location_clues, searched_sentences
from .homes import Place

_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_REGULAR = lazy_compile(
    rf"\b(?:(?:every|each)[ \t]+(?:other[ \t]+)?(?:{_DAYS}|day|morning|afternoon|evening|night|"
    r"week|weekday|weekend|lunchtime|break(?:time)?|school[ \t]+day)|"
    rf"on[ \t]+{_DAYS}s|{_DAYS}s[ \t]+at|daily|every[ \t]+week|"
    rf"(?:on[ \t]+)?{_DAYS}[ \t]+(?:mornings|afternoons|evenings|nights))\b",
    re.IGNORECASE)
# "in" and "on" place a named child only ("walks her dog in Roundhay Park every evening"):
# a group "in the library" or "in Roundhay" is a room or where they stay, read elsewhere
_PLACE_WORD = r"(?:at|outside|near|past|by|from|behind|opposite|in front of|next to|(?P<io>in|on))"
_NAMED_PLACE = lazy_compile(
    rf"\b(?:{_PLACE_WORD}|to)[ \t]+"
    rf"(?P<place>(?:the[ \t]+)?[A-Z][\w'\u2019&-]*(?:[ \t]+(?:of|on|the|&|"
    rf"(?!{_DAYS}s?\b)[A-Z][\w'\u2019&-]*)){{0,5}})")
_COMMON_PLACE = lazy_compile(
    rf"\b(?:{_PLACE_WORD}|to)[ \t]+"
    r"(?P<place>the[ \t]+(?:bus[ \t]+stop|park(?:[ \t]+gates)?|library|"
    r"corner[ \t]+shop|leisure[ \t]+centre|swimming[ \t]+pool|pool|station|playground|"
    r"rec|skate[ \t]*park|shops|chip[ \t]+shop|newsagents?|sports[ \t]+centre|church|"
    r"mosque|community[ \t]+centre|youth[ \t]+club|football[ \t]+ground|school[ \t]+gates|"
    r"church|temple|gurdwara|synagogue|velodrome|sports[ \t]+hall|gym|lido|rink|stables|"
    r"village[ \t]+green|green|bus[ \t]+station|rec(?:reation)?[ \t]+ground|allotments?|"
    r"canal[ \t]+path|towpath|beach|boxing[ \t]+gym|dance[ \t]+studio|scout[ \t]+hut)"
    r"(?:[ \t]+(?:on|in|at)[ \t]+[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2})?)")
# a name the lexicons may not hold, as the subject of a routine's verb ("Dev has karate")
_SUBJECT = re.compile(
    r"(?<![\w'\u2019-])([A-Z][a-z]{1,15})[ \t]+(?:has|have|goes|walks|waits|catches|gets|takes|"
    r"attends|does|plays|trains|swims|cycles|meets|visits|sees|leaves|will|runs|races|"
    r"dances|sings|competes|performs|rides|walks)\b")
_NOT_PLACE = re.compile(rf"(?:the[ \t]+)?(?:{_DAYS}s?|Year|Reception|Easter|Christmas|"
                        r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Coach|Father|Rev|Imam|Rabbi)\b\.?|"
                        r"January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Half[ \t-]term)\b")


def routine_places(text: str) -> list[Place]:
    """A named child's routine in English, and the clues of other languages (`clues`)."""
    out = [Place(s, e, "PG214", Category.LOCATION, Severity.HIGH, 0.7,
                 "a named child's routine: a place and a regular time") if named else
           Place(s, e, "PG214", Category.LOCATION, Severity.MEDIUM, 0.6,
                 "a group's routine: a place and a regular time")
           for s, e, named in english_routines(text)] if any(w in text for w in _CHEAP) else []
    if "day" in text:
        out += [Place(s, e, "PG214", Category.LOCATION, Severity.HIGH, 0.7,
                      "where a named child will be: a venue, a day and a time")
                for s, e in english_events(text)]
    return out + location_clues(text)


# one day and a time, where a named child will be ("cheer on Maisie at the Grangeford pool
# this Sunday from 10am"): an event they take part in (the policy's "locations of events
# they are taking part in"); a past day ("last Sunday") tells where no one will be
_EVENT_DAY = lazy_compile(rf"\b(?:[Tt]his|[Nn]ext|[Oo]n)[ \t]+{_DAYS}\b")
_CLOCK = re.compile(r"\b(?:[01]?\d(?:[:.][0-5]\d)?[ \t]?(?:am|pm)|[012]?\d[:.][0-5]\d)\b",
                    re.IGNORECASE)


def english_events(text: str) -> list[tuple[int, int]]:
    """Named venues in sentences with one coming day and a clock time that name a child
    (the triangle's first-name reading): where that child will be."""
    if _EVENT_DAY.search(text) is None:
        return []
    out: list[tuple[int, int]] = []
    for lo, hi in searched_sentences(_EVENT_DAY, text):
        if _CLOCK.search(text, lo, hi) is None:
            continue
        places = [_trimmed(m) for m in _NAMED_PLACE.finditer(text, lo, hi)
                  if _NOT_PLACE.match(m.group("place")) is None and not _person(m.group("place"))
                  and not _wide_venue(m.group("place"))]
        if places and (child_first_names(text, lo, hi, places) or
                       _subject(text, lo, hi, places)):
            out.extend(sorted(set(places)))
    return out


def _wide_venue(place: str) -> bool:
    """A town or a county alone ("at Leeds this Sunday"): where no one in particular is."""
    words = place.split()
    if words[0].lower() == "the":
        words = words[1:]
    return not words or " ".join(words).lower() in area_words().wide


# words one of which a routine's regular time holds (a substring test costs next to nothing)
_CHEAP = ("every", "Every", "each", "Each", "days", "daily", "mornings", "afternoons",
          "evenings")


# the organisation's students as a group: "our students", "the Year 9 pupils", "the Japanese
# group"; not a choir, a team or a club (a group of no one in particular)
_GROUP = re.compile(
    r"\b(?:students|pupils|boarders|learners|(?:[Oo]ur|[Tt]he)[ \t]+[A-Z][a-z]+[ \t]+"
    r"(?:group|class|boys|girls|kids|children)|"
    # a team of the organisation's children by age ("our under-9s", "the U11s") and a
    # year group's club ("Our Year 9 dog walkers", "the Year 6 runners")
    r"(?:[Oo]ur|[Tt]he)[ \t]+(?:under[ -]?\d{1,2}s|U\d{1,2}s)|"
    # people, not a trip or an event: "dog walkers", "chess players", "cyclists", "musicians"
    r"(?:[Oo]ur|[Tt]he)[ \t]+Year[ \t]+\d{1,2}[ \t]+(?:[a-z]+[ \t]+)?[a-z]+(?:ers|ists|ians))\b")


def english_routines(text: str) -> list[tuple[int, int, bool]]:
    """Spans of the places in sentences that give a routine of a named child (True) or of
    the students as a group (False)."""
    if gated_search(_REGULAR, text) is None:
        return []
    out: list[tuple[int, int, bool]] = []
    for lo, hi in searched_sentences(_REGULAR, text):
        found = [(_trimmed(m), m.group("io") is not None)
                 for m in _NAMED_PLACE.finditer(text, lo, hi)
                 if _NOT_PLACE.match(m.group("place")) is None and not _person(m.group("place"))]
        found += [(m.span("place"), m.group("io") is not None)
                  for m in _COMMON_PLACE.finditer(text, lo, hi)]
        places = [span for span, _ in found]
        if not places:
            continue
        if child_first_names(text, lo, hi, places) or _subject(text, lo, hi, places):
            out.extend((s, e, True) for s, e in sorted(set(places)))
        elif _GROUP.search(text, lo, hi) is not None:
            out.extend((s, e, False) for s, e in sorted({span for span, in_on in found
                                                          if not in_on}))
    return out


_TRAILING_JOINER = re.compile(r"(?:[ \t]+(?:of|on|the|&))+$")


def _trimmed(m: re.Match[str]) -> tuple[int, int]:
    """The place's span without a joiner it ends on ("the Swim School on" + "Mondays")."""
    s, e = m.span("place")
    tail = _TRAILING_JOINER.search(m.group("place"))
    return s, e - (len(tail.group()) if tail else 0)


def _person(place: str) -> bool:
    """A "place" that is a person ("talks to Amir every day", "goes to Grandma's") or that
    is too wide to find anyone in ("goes to Leeds every week")."""
    words = place.split()
    first = words[0].rstrip("'\u2019s").lower()
    return (len(words) == 1 and first in lexicons()[0]) or first in _FAMILY or \
        " ".join(place.lower().split()) in area_words().wide  # "goes to Leeds": no one


_FAMILY = frozenset({"grandma", "grandad", "granny", "grandpa", "nan", "nana", "gran",
                     "auntie", "aunt", "uncle", "mum", "dad", "mam", "mummy", "daddy"})


def _subject(text: str, lo: int, hi: int,
             places: Sequence[tuple[int, int]] = ()) -> bool:
    """A capitalised subject of a routine's verb that no list calls a word, a title, a
    place or an organisation: a child named by a name the lexicons may not hold."""
    _, _, _, not_names = lexicons()
    common = common_words()
    title_words = titles()
    for m in _SUBJECT.finditer(text, lo, hi):
        if any(s <= m.start(1) < e for s, e in places):
            continue  # the place itself ("boarders in Kirkstall have breakfast")
        key = m.group(1).lower()
        if key in common or key in not_names or key in title_words or key in _NOT_SUBJECTS \
                or key in area_words().wide:
            continue  # a word, a title, a group; a town's team ("Leeds will be at ...")
        before = text[max(lo, m.start() - 12):m.start()].split()
        if before and before[-1].lower().rstrip(".") in title_words | {"the", "a", "an"}:
            continue
        return True
    return False


_NOT_SUBJECTS = frozenset({"everyone", "everybody", "nobody", "someone", "he", "she", "it",
                           "they", "we", "who", "this", "that", "there", "each", "every",
                           "year", "class", "group", "team", "choir", "club", "squad"})
