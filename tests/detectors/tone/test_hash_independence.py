"""The tone analysis gives the same findings whatever the process's string hashing: a token's
spellings are a set, and the first hit of a span is the one kept ("xxx" is both the plain
kiss and a disguised "xx"; the plain reading must win every time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TEXTS = [
    "Thanks for a brilliant term everyone, have a restful break xxx",
    "Bloody brilliant show Year 9, tbh you were sick xxx",
    "sooo proud of u all!!! xx",
    "Keep this between us, nobody else needs to know x",
    "you are soooo gorgeous babe, dm me on snap",
]

CODE = """
import json, sys
from postguard import Screener
s = Screener()
out = [[(f.category.value, f.start, f.end, f.score, f.message) for f in s.screen(t).findings]
       for t in json.loads(sys.argv[1])]
print(json.dumps(out))
"""


def _findings(seed: str) -> object:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run([sys.executable, "-c", CODE, json.dumps(TEXTS)], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_same_findings_under_every_hash_seed() -> None:
    first = _findings("1")
    assert any(first), "the texts must raise findings for the test to mean anything"
    for seed in ("2", "3", "17", "12345"):
        assert _findings(seed) == first, f"findings change with PYTHONHASHSEED={seed}"
    kisses = [f for f in first[0] if f[0] == "kisses"]  # type: ignore[index]
    assert kisses and kisses[0][3] == 0.95 and "disguised" not in kisses[0][4]
