"""Named schools, UK and abroad: the school words (`words`), the spans they make (`spans`) and
the extra shapes read from data files (`extra`)."""

from .detector import SchoolDetector

__all__ = ["SchoolDetector"]
