"""The name tokenizer's regex patterns stored as compiled sre code: `compiled_regex` writes a
pattern's code at export time, `compile_pattern` loads it again when this interpreter and sre
engine made it (`regex_platform`), else compiles the pattern with `re`.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Mapping
from typing import Any


def regex_platform() -> list[Any]:
    """What compiled regex code depends on: the interpreter, its version, the sre engine."""
    sre = importlib.import_module("_sre")
    return [sys.implementation.name, *sys.version_info[:2], sre.MAGIC, sre.CODESIZE]


def compiled_regex(pattern: str, flags: int) -> dict[str, Any] | None:
    """The sre code of a pattern, to be stored at export time: compiling spaCy's affix
    patterns (30 kB of character classes) costs ~40 ms a process, loading their code ~0.1 ms.
    None where the interpreter has no `re._parser` (then patterns are compiled at load)."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
    except ImportError:
        return None
    tree = parser.parse(pattern, flags)
    names = tree.state.groupdict
    index: list[str | None] = [None] * tree.state.groups
    for name, i in names.items():
        index[i] = name
    return {"flags": flags | tree.state.flags, "code": list(compiler._code(tree, flags)),
            "groups": tree.state.groups - 1, "groupindex": dict(names), "indexgroup": index}


def compile_pattern(entry: Any, cache: Mapping[str, Any] | None) -> Any:
    """A [pattern, flags] pair from the spec as a compiled pattern (None stays None): from
    its stored code when that was made by this interpreter and engine, else by `re`."""
    if entry is None:
        return None
    pattern, flags = entry
    if not isinstance(pattern, str) or not isinstance(flags, int):
        raise ValueError("a tokenizer pattern is not [pattern, flags]")
    code = (cache or {}).get("patterns", {}).get(pattern)
    if code is not None and cache is not None and cache.get("platform") == regex_platform():
        try:
            return importlib.import_module("_sre").compile(
                pattern, code["flags"], code["code"], code["groups"], code["groupindex"],
                tuple(code["indexgroup"]))
        except (RuntimeError, TypeError, ValueError, KeyError, OverflowError):
            pass  # a damaged cache: compile the pattern itself
    return re.compile(pattern, flags)
