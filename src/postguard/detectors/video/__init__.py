"""Videos attached to a post: frames through the photo pipeline, container metadata.

`VideoDetector` (module `detector`) decodes each video attachment (`postguard.video`), runs
the Screener's photo detectors (text read in frames, QR codes, faces and consent) on sampled
frames and reads the container's GPS, place, device and text tags.
"""

from .detector import VideoDetector

__all__ = ["VideoDetector"]
