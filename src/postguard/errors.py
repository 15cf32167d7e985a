"""The exceptions postguard raises.

    PostguardError            base of everything below; catch this one to catch them all
    ├── ConfigurationError    a policy file that is missing, not TOML, or has a bad value
    ├── PluginError           a detector that cannot be found or loaded, or broke its contract
    ├── MissingDependencyError an optional back end that is not installed (says which extra)
    ├── InputError            input that cannot be read: a file, an image, a batch line
    └── ScreeningTimeout      screening passed the deadline it was given (the service's limit)

Messages name the thing at fault (file, detector, field, post id) and say how to fix it. They
never contain the text of a post or a matched value.
"""

from __future__ import annotations


class PostguardError(Exception):
    """Base class of postguard's errors."""


class ConfigurationError(PostguardError):
    """The policy (or another setting) is invalid."""


class PluginError(PostguardError):
    """A detector could not be loaded, or returned something that breaks the contract."""

    def __init__(self, message: str, *, detector: str | None = None) -> None:
        super().__init__(message)
        self.detector = detector


class MissingDependencyError(PostguardError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the '{package}' package: pip install 'postguard[{extra}]'"
        )
        self.package = package
        self.extra = extra


class InputError(PostguardError):
    """Input that cannot be read or understood."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class ScreeningTimeout(PostguardError):
    """Screening stopped at the deadline it was given (`Screener.screen(deadline=...)`)."""
