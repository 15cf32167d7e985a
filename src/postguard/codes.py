"""The table of finding codes, loaded from `data/codes.toml` once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .model import Category
from .tomlcompat import tomllib


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    category: Category
    title: str
    why: str
    fix: str


@functools.cache
def code_table() -> dict[str, CodeInfo]:
    raw = tomllib.loads(resources.files("postguard.data").joinpath("codes.toml").read_text("utf-8"))
    return {
        code: CodeInfo(code, Category(v["category"]), v["title"], v["why"], v["fix"])
        for code, v in raw.items()
    }


def explain(code: str) -> CodeInfo | None:
    return code_table().get(code.strip().upper())
