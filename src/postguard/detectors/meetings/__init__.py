"""Video-conference links, meeting ids and passcodes (category `meeting_link`).

`patterns` finds them in a text (link forms and wordings in `data/meetings.toml`);
`detector` holds `MeetingLinkDetector`, which grades them by the post's audience. It is a
text detector, so it also runs on the text read in photos and video frames.
"""

from .detector import MeetingLinkDetector

__all__ = ["MeetingLinkDetector"]
