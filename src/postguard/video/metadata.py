"""What a video's container says about where, when and with what it was filmed.

FFmpeg exposes QuickTime/MP4 metadata as tags: Android writes the place as ISO 6709 text
(`+50.8225-000.1372/`) in the udta `xyz` atom (tag `location`, `location-eng`), iPhones in
the `com.apple.quicktime.location.ISO6709` key; XMP (`exif:GPSLatitude`) comes as the `xmp`
tag when the file is opened with `export_xmp`. Device and owner names and free text go
through the text detectors like a photo's metadata text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_ISO6709 = re.compile(r"^\s*([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)")
_XMP_GPS = re.compile(r"exif:GPS(?:Latitude|Longitude)\s*(?:=\s*\"[^\"]+\"|>[^<]+<)")
#: Tags naming a place in words.
_PLACE_TAGS = ("com.apple.quicktime.location.name", "location.name", "com.android.location.name")
#: Tags whose text may carry a name or other details: screened by the text detectors.
_TEXT_TAGS = ("title", "comment", "description", "artist", "author", "copyright", "album",
              "com.apple.quicktime.author", "com.apple.quicktime.description",
              "com.apple.quicktime.comment", "com.apple.quicktime.title",
              "com.apple.quicktime.displayname", "com.apple.quicktime.artist",
              "com.apple.quicktime.location.name", "keywords", "synopsis")
_DEVICE_TAGS = ("com.apple.quicktime.make", "com.apple.quicktime.model", "com.android.manufacturer",
                "com.android.model", "make", "model")


@dataclass(frozen=True)
class VideoMetadata:
    gps: tuple[str, ...]  # where a position was found ("udta xyz", "Apple ISO 6709", "XMP")
    places: tuple[str, ...]  # tags naming a place
    text: tuple[tuple[str, str], ...]  # (tag, value) free text to screen
    device: str | None
    created: str | None

    @property
    def identifying(self) -> bool:
        return bool(self.gps or self.places or self.text or self.device or self.created)


def _tags(container: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    sources: list[Mapping[str, Any]] = [container.metadata]
    sources += [s.metadata for s in container.streams]
    for m in sources:
        for k, v in dict(m).items():
            if isinstance(v, str) and v.strip():
                tags.setdefault(str(k).lower(), v)
    return tags


def position(text: str) -> tuple[float, float] | None:
    """The latitude and longitude of ISO 6709 text, when it is a real position."""
    m = _ISO6709.match(text)
    if not m:
        return None
    lat, lon = float(m.group(1)), float(m.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lat, lon


def read(container: Any) -> VideoMetadata:
    tags = _tags(container)
    gps: list[str] = []
    for key, label in (("location", "udta xyz"), ("location-eng", "udta xyz"),
                       ("com.apple.quicktime.location.iso6709", "Apple ISO 6709")):
        value = tags.get(key)
        if value and position(value) and label not in gps:
            gps.append(label)
    xmp = tags.get("xmp", "")
    if xmp and len(_XMP_GPS.findall(xmp)) >= 2:
        gps.append("XMP")
    places = tuple(k for k in _PLACE_TAGS if k in tags)
    text = tuple((k, tags[k]) for k in _TEXT_TAGS if k in tags)
    device = " ".join(dict.fromkeys(tags[k] for k in _DEVICE_TAGS if k in tags)) or None
    created = tags.get("com.apple.quicktime.creationdate") or tags.get("creation_time")
    return VideoMetadata(tuple(gps), places, text, device, created)
