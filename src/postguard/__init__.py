"""postguard: screen social-media drafts against an online safety policy for children.

    >>> import postguard
    >>> report = postguard.screen("Any problems, text me on 07911 123456")
    >>> report.verdict.value
    'block'

`import postguard` is cheap: detectors and their dependencies load on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigurationError,
    InputError,
    MissingDependencyError,
    PluginError,
    PostguardError,
)
from .model import (
    Action,
    Category,
    ErrorEntry,
    Finding,
    Post,
    Report,
    Severity,
    Suggestion,
    Verdict,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .policy import Policy
    from .screener import Screener, screen

_LAZY = {"Screener": "screener", "screen": "screener", "Policy": "policy"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'postguard' has no attribute {name!r}")


__all__ = [
    "Action", "Category", "ConfigurationError", "ErrorEntry", "Finding", "InputError",
    "MissingDependencyError", "PluginError", "Policy", "Post", "PostguardError", "Report",
    "Screener", "Severity", "Suggestion", "Verdict", "screen", "__version__",
]
