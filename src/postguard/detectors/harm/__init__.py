"""Harm judged by meaning: a learned n-gram model (`weights`, built by `make harm-model` from
`models/train/harm/`) scores each text and its clauses for private contact, over-familiarity,
sexual content, bullying, self-harm, disclosures, extremism and violence, and threads as
conversations. It runs beside the tone lexicons, on post text and OCR text alike."""

from .detector import HarmDetector
from .weights import ModelUnavailable

__all__ = ["HarmDetector", "ModelUnavailable"]
