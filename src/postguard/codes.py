"""The table of finding codes, loaded once per process from `data/codes.toml` and the
family tables in `data/codes/*.toml` (one file a detector family, same layout)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

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
    raw = dict(load_toml("codes.toml"))
    folder = resources.files("postguard.data").joinpath("codes")
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                for code, v in load_toml(f"codes/{entry.name}").items():
                    if code in raw:
                        raise ValueError(f"finding code {code} is documented twice")
                    raw[code] = v
    return {
        code: CodeInfo(code, Category(v["category"]), v["title"], v["why"], v["fix"])
        for code, v in raw.items()
    }


def explain(code: str) -> CodeInfo | None:
    return code_table().get(code.strip().upper())
