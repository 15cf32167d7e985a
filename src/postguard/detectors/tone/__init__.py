"""Tone detectors: kisses, slang, profanity, sexual content, over-familiar wording, private
contact and insults. See `analysis.py` for how one shared analysis feeds all seven, and
docs/lexicons.md for the lexicon format and how an organisation adds its own terms."""

from .detectors import (
    InsultDetector,
    KissesDetector,
    OverFamiliarDetector,
    PrivateContactDetector,
    ProfanityDetector,
    SexualContentDetector,
    SlangDetector,
)

__all__ = [
    "InsultDetector", "KissesDetector", "OverFamiliarDetector", "PrivateContactDetector",
    "ProfanityDetector", "SexualContentDetector", "SlangDetector",
]
