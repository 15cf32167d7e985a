"""The 40-word harmless posts that harm_speed.py and harm_instructions.py time (one module, no
side effects: importing it puts no tree's src on the path)."""

from __future__ import annotations

import random

_SENTENCES = ("the trip to the museum leaves at nine on friday please bring a packed lunch and a "
              "raincoat your group leader will meet you at the front gate well done to everyone "
              "in class four for the reading challenge we are proud of you see you on monday "
              "thanks for your help with the poster it looks great the office is closed at five")
WORDS = _SENTENCES.split(" ")


def posts(n: int, words: int = 40, seed: int = 7) -> list[str]:
    """`n` posts of `words` words, two sentences each, the same for a seed."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        ws = [rng.choice(WORDS) for _ in range(words)]
        out.append(" ".join(ws[:20]).capitalize() + ". " + " ".join(ws[20:]).capitalize() + ".")
    return out
