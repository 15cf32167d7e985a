"""Training-time variants of the harm model's texts: the same message as people also type it.

Each training text may get one variant (never a held-out text: the split is decided first),
made by fixed rules with a seeded random generator, so `make harm-model` stays reproducible:

- English text-speak ("you" -> "u", "your" -> "ur", "please" -> "pls", "right now" -> "rn"),
  each rule taken with a fixed chance;
- punctuation and apostrophes dropped;
- accents dropped in the Latin-script languages ("não" -> "nao", "żeby" -> "zeby"), as
  people type on a phone without the right keyboard;
- one or two misspelt words (a letter dropped, two swapped, or one doubled);
- an emoji at the end.

A variant keeps its text's labels and pair (it falls on the same side of every fold).
"""

from __future__ import annotations

import random
import re
import unicodedata
from typing import Any

# (pattern, replacement): common English text-speak, applied word by word.
TEXT_SPEAK = (
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\byou'?re\b", "ur"), (r"\bare\b", "r"),
    (r"\bplease\b", "pls"), (r"\bbecause\b", "cos"), (r"\btonight\b", "tonite"),
    (r"\bokay\b", "ok"), (r"\breally\b", "rly"), (r"\bdon'?t\b", "dont"), (r"\bi'?m\b", "im"),
    (r"\bcan'?t\b", "cant"), (r"\bwon'?t\b", "wont"), (r"\bthanks\b", "thx"),
    (r"\bwhat\b", "wat"), (r"\bto\b", "2"), (r"\bfor\b", "4"), (r"\bbefore\b", "b4"),
    (r"\bpeople\b", "ppl"), (r"\bthough\b", "tho"), (r"\bsomeone\b", "sum1"),
    (r"\bwith\b", "w"), (r"\bpictures?\b", "pics"), (r"\bphotos?\b", "pics"),
    (r"\bmessage\b", "msg"), (r"\bright now\b", "rn"), (r"\bi don'?t know\b", "idk"),
    (r"\bto be honest\b", "tbh"), (r"\bgoing to\b", "gonna"), (r"\bwant to\b", "wanna"),
    (r"\bgot to\b", "gotta"), (r"\bi'll\b", "ill"), (r"\bit's\b", "its"),
    (r"\bthat's\b", "thats"), (r"\bseriously\b", "srsly"), (r"\btomorrow\b", "tmrw"),
)
_TEXT_SPEAK = tuple((re.compile(p, re.IGNORECASE), r) for p, r in TEXT_SPEAK)
EMOJI = ("😂", "😉", "🥺", "😭", "😘", "🙂", "😏", "💀", "🔥", "❤️", "😳", "🙏", "😡")
_PUNCT = re.compile(r"[.,!?;:'\"’“”()\-]")
LATIN_SCRIPT = frozenset({"en", "fr", "de", "es", "it", "pt", "pl", "tr"})
SEED = 12


def text_speak(text: str, rnd: random.Random) -> str:
    for pattern, short in _TEXT_SPEAK:
        if rnd.random() < 0.8:
            text = pattern.sub(short, text)
    return text


def without_accents(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).replace("ł", "l").replace("Ł", "L") \
        .replace("ı", "i")


def misspelt(text: str, rnd: random.Random, words: int = 2) -> str:
    parts = text.split(" ")
    long_words = [i for i, w in enumerate(parts) if len(w) > 3 and w.isalpha()]
    for i in rnd.sample(long_words, min(words, len(long_words))):
        w = parts[i]
        j = rnd.randrange(1, len(w) - 1)
        op = rnd.random()
        if op < 0.33:
            w = w[:j] + w[j + 1:]
        elif op < 0.66:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        else:
            w = w[:j] + w[j] + w[j:]
        parts[i] = w
    return " ".join(parts)


def variant(rec: dict[str, Any], rnd: random.Random) -> str:
    """One variant of `rec`'s text (may equal it)."""
    text, lang = rec["text"], rec.get("lang", "en")
    if lang == "en":
        text = text_speak(text, rnd)
    if rnd.random() < 0.7:
        text = _PUNCT.sub("", text)
    if lang in LATIN_SCRIPT:
        if lang != "en" and rnd.random() < 0.7:
            text = without_accents(text)
        if rnd.random() < 0.6:
            text = misspelt(text, rnd)
    if rnd.random() < 0.3:
        text = f"{text} {rnd.choice(EMOJI)}"
    return text


def variants(recs: list[dict[str, Any]], seed: int = SEED) -> list[tuple[int, str]]:
    """(index into `recs`, variant text) for each record whose variant differs from it."""
    rnd = random.Random(seed)
    out = []
    for i, rec in enumerate(recs):
        text = variant(rec, rnd)
        if text != rec["text"] and text.strip():
            out.append((i, text))
    return out
