"""Tone detectors: kisses, slang, profanity, sexual content, over-familiar wording and
private contact. See `analysis.py` for how one shared analysis feeds all six, and
docs/lexicons.md for the lexicon format and how an organisation adds its own terms."""

from .detectors import (
    KissesDetector,
    OverFamiliarDetector,
    PrivateContactDetector,
    ProfanityDetector,
    SexualContentDetector,
    SlangDetector,
)

__all__ = [
    "KissesDetector", "OverFamiliarDetector", "PrivateContactDetector", "ProfanityDetector",
    "SexualContentDetector", "SlangDetector",
]
