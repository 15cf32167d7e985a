"""Vehicle number plates (UK formats) in text and in the OCR text of photos."""

from .plates import VehiclePlateDetector, plate_lexicon

__all__ = ["VehiclePlateDetector", "plate_lexicon"]
