"""Videos attached where photos go (`.mp4 .mov .m4v .webm .3gp`), decoded with PyAV (extra
`video`).

Modules: `load` (recognising a video, opening it within limits, the failures as one line
naming the file), `frames` (about one frame a second plus scene changes, capped, as
`LoadedImage`s carrying their `time`), `metadata` (GPS in the udta `xyz` atom, the Apple
`com.apple.quicktime.location.ISO6709` key or XMP; device, owner, creation time). The
detector that uses them is `postguard.detectors.video`.
"""

from .load import VIDEO_EXTS, VideoLoadError, is_video

__all__ = ["VIDEO_EXTS", "VideoLoadError", "is_video"]
