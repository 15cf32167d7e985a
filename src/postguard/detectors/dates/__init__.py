"""Dates of birth and ages that identify a child: full dates near a birth cue, and ages with
a birthday (`ages`), over the date wordings of `words`."""

from .detector import DateOfBirthDetector

__all__ = ["DateOfBirthDetector"]
