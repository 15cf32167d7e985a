"""Contact details: phone numbers, email addresses, personal social-media handles.

One family, one package: `phone`, `emails` and `social` each hold one detector; the entry
points name them through this package (`postguard.detectors.contact:PhoneDetector`). Cue
words, trap words and the social sites are data (`data/contact.toml`,
`data/social_sites.toml`). Each detector starts with a cheap pre-filter (digits, "@", a site
name) so that a clean post costs a few microseconds.
"""

from .emails import EmailDetector
from .phone import PhoneDetector
from .social import SocialHandleDetector

__all__ = ["EmailDetector", "PhoneDetector", "SocialHandleDetector"]
