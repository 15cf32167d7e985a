"""Tone detectors: kisses, slang, profanity, sexual content, over-familiar wording, private
contact, insults, coded extremist signals and short distress signals. See `analysis.py` for how
one shared analysis feeds all nine, and docs/lexicons.md for the lexicon format and how an
organisation adds its own terms."""

from .detectors import (
    DistressSignalDetector,
    ExtremistSignalDetector,
    InsultDetector,
    KissesDetector,
    OverFamiliarDetector,
    PrivateContactDetector,
    ProfanityDetector,
    SexualContentDetector,
    SlangDetector,
)

__all__ = [
    "DistressSignalDetector",
    "ExtremistSignalDetector",
    "InsultDetector", "KissesDetector", "OverFamiliarDetector", "PrivateContactDetector",
    "ProfanityDetector", "SexualContentDetector", "SlangDetector",
]
