"""Conduct rules read from a post's metadata: posts to children outside office hours (with bank
holidays computed offline) and posts to children from a staff member's personal account."""

from .detectors import OutOfHoursDetector, PersonalAccountDetector, bank_holidays

__all__ = ["OutOfHoursDetector", "PersonalAccountDetector", "bank_holidays"]
