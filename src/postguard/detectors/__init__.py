"""Built-in detectors. Each family lives in its own module and is registered through the
`postguard.detectors` entry-point group in pyproject.toml, exactly like a third-party plugin."""

from .base import Detector, TextDetector

__all__ = ["Detector", "TextDetector"]
