"""Regular expressions compiled on first use, for a faster start.

Building the detectors compiles several hundred patterns; a short post needs only some of them
(a pattern for postcodes waits for a digit, one for Korean names for Hangul). `lazy_compile`
returns an object that stands for the compiled pattern and compiles it the first time any of
its attributes is read; from then on its methods are the compiled pattern's own bound methods,
kept on the object, so a search costs what it cost before. It is typed as `re.Pattern[str]`:
use it only where a pattern's methods and attributes are read, never where `re` functions are
given a pattern object (`re.sub(p, ...)`) or its type is tested.
"""

from __future__ import annotations

import re
from typing import Any, cast

_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
           "scanner", "flags", "groups", "groupindex")


class LazyPattern:
    """A pattern's source, compiled the first time one of its attributes is read."""

    def __init__(self, source: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = source
        self._flags = flags
        self.pattern = source  # what the compiled pattern's `pattern` is: read without compiling

    def __getattr__(self, name: str) -> Any:  # only for attributes not yet on the object
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for attr in _COPIED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self._source, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done when the pattern is first used (see the module)."""
    return cast("re.Pattern[str]", LazyPattern(source, flags))
