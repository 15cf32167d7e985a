"""Tone detectors: kisses, slang, profanity, sexual content, over-familiar wording, private
contact, insults and coded extremist signals. See `analysis.py` for how one shared analysis
feeds all eight, and docs/lexicons.md for the lexicon format and how an organisation adds its
own terms."""

from .detectors import (
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
    "ExtremistSignalDetector",
    "InsultDetector", "KissesDetector", "OverFamiliarDetector", "PrivateContactDetector",
    "ProfanityDetector", "SexualContentDetector", "SlangDetector",
]
