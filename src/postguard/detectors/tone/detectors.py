"""The nine tone detectors. Each is thin: they share one cached `ToneAnalyser` per policy, so
a post is analysed once, and each reports the findings of its own category."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Category, Finding
from ...policy import Policy
from ..base import TextDetector
from .analysis import analyser_for


class _ToneDetector(TextDetector):
    """Reports the shared analysis's findings of its one category (`categories[0]`)."""

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._analyser = analyser_for(policy)
        self._category = self.categories[0]

    def detect_text(self, text: str) -> Iterable[Finding]:
        found = self._analyser.analyse(text)
        if not found:  # most posts: no tone finding at all
            return ()
        cat = self._category
        return [self.finding(f.code, f.category, f.severity, f.message, score=f.score,
                             start=f.start, end=f.end, suggestion=f.suggestion)
                for f in found if f.category is cat]


class KissesDetector(_ToneDetector):
    name = "kisses"
    codes = ("PG401", "PG402")
    categories = (Category.KISSES,)
    description = "kisses as sign-offs (x, xx, Xx, xoxo, kiss emoji), never 'Year X' or '6 x 4'"


class SlangDetector(_ToneDetector):
    name = "slang"
    codes = ("PG411", "PG412")
    categories = (Category.SLANG,)
    description = "text-speak and slang (lol, gr8, ur, innit), ambiguous slang in context"


class ProfanityDetector(_ToneDetector):
    name = "profanity"
    codes = ("PG421", "PG422", "PG423")
    categories = (Category.PROFANITY,)
    description = "swearing, mild to strong, including disguised spellings (sh1t, f*ck, F U C K)"


class SexualContentDetector(_ToneDetector):
    name = "sexual_content"
    codes = ("PG431", "PG432")
    categories = (Category.SEXUAL_CONTENT,)
    description = "sexual words and requests; educational framing lowers clinical terms"


class OverFamiliarDetector(_ToneDetector):
    name = "over_familiar"
    codes = ("PG441", "PG442", "PG443")
    categories = (Category.OVER_FAMILIAR,)
    description = "pet names and flattery; grooming flattery ('mature for your age') blocks"


class PrivateContactDetector(_ToneDetector):
    name = "private_contact"
    codes = ("PG451", "PG452", "PG453", "PG454", "PG455", "PG456")
    categories = (Category.PRIVATE_CONTACT,)
    description = "moves to private channels, secrecy, image requests, meeting alone"


class InsultDetector(_ToneDetector):
    name = "insults"
    codes = ("PG461", "PG462", "PG463", "PG464", "PG465")
    categories = (Category.BULLYING,)
    description = ("insults aimed at a person (you're such a loser, you fat pig, kys), "
                   "dehumanising words; never a quoted word in an anti-bullying lesson")


class ExtremistSignalDetector(_ToneDetector):
    name = "extremist_signals"
    codes = ("PG471", "PG472")
    categories = (Category.EXTREMISM,)
    description = ("coded extremist numbers, slogans and greetings (14 words, 88 from the lads), "
                   "calls to kill a group; never named in a lesson, history talk or news report")


class DistressSignalDetector(_ToneDetector):
    """Reports both categories of the distress lexicon (self-harm and neglect)."""

    name = "distress_signals"
    codes = ("PG481", "PG482")
    categories = (Category.SELF_HARM, Category.DISCLOSURE)
    description = ("short distress messages: restricting food, giving belongings away, asking "
                   "how many pills is too many, a child not fed or left alone at home")

    def detect_text(self, text: str) -> Iterable[Finding]:
        for f in self._analyser.analyse(text):
            if f.category in self.categories:
                yield self.finding(f.code, f.category, f.severity, f.message, score=f.score,
                                   start=f.start, end=f.end, suggestion=f.suggestion)
