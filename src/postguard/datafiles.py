"""The data files shipped in `postguard.data` (lexicons, patterns, the default policy, the
codes table), read as text or as TOML. Callers cache what they build from them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from .tomlcompat import tomllib


def read_data(name: str) -> str:
    """The text of the data file `name` (a path inside `postguard/data/`)."""
    return resources.files("postguard.data").joinpath(name).read_text("utf-8")


def load_toml(name: str) -> dict[str, Any]:
    """The data file `name`, parsed as TOML (a new dict on every call)."""
    data: dict[str, Any] = tomllib.loads(read_data(name))
    return data


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of a data file's words, escaped, longest first (so that a longer
    word wins over its own prefix), without repeats."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
