"""The table of finding codes, loaded from `data/codes.toml` once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .datafiles import load_toml
from .model import Category


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    category: Category
    title: str
    why: str
    fix: str


@functools.cache
def code_table() -> dict[str, CodeInfo]:
    raw = load_toml("codes.toml")
    return {
        code: CodeInfo(code, Category(v["category"]), v["title"], v["why"], v["fix"])
        for code, v in raw.items()
    }


def explain(code: str) -> CodeInfo | None:
    return code_table().get(code.strip().upper())
