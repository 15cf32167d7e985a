"""Where the harm model reads: a text's sentences and clauses, and the text with its web links
blanked (a link is not language). Positions always hold: blanked text keeps its length."""

from __future__ import annotations

import re

# Sentence ends: . ! ? ; … followed by a space or the end (not inside 06.2025, cie.org.uk or
# an email), the full-width and Arabic ones anywhere, and line breaks.
_BREAK = re.compile(r"[.!?;…]+(?=\s|$)|[。！？؟；]+|\n+")
_HAS_WORD = re.compile(r"\w")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WWW = re.compile(r"www\.", re.IGNORECASE)


def without_links(text: str) -> str:
    """`text` with each web link blanked out (spaces, the same length: positions hold). A
    link is not language: its letters and digits read as chance n-grams (a meeting link's
    digit runs read as the coded numbers of extremism), and the meeting and contact detectors
    judge links."""
    if "://" not in text and _WWW.search(text) is None:
        return text
    return _LINK.sub(lambda m: " " * len(m.group()), text)
_MIN_CLAUSE = 12
_MAX_CLAUSE = 1000


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or clause of `text`, spaces trimmed; a piece shorter than
    a few words joins the next, one longer than _MAX_CLAUSE is cut. Pieces with no letter or
    digit are left out."""
    cuts = [m.end() for m in _BREAK.finditer(text)]
    if not cuts or cuts[-1] != len(text):
        cuts.append(len(text))
    out: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= _MIN_CLAUSE or cut == len(text):
            if e - s <= _MAX_CLAUSE:  # one piece (nearly every clause)
                if _HAS_WORD.search(text, s, e):
                    out.append((s, e))
            else:
                out.extend(p for p in _pieces(text, s, e)
                           if _HAS_WORD.search(text, p[0], p[1]))
            start = cut
    return out


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) cut at spaces into pieces of at most _MAX_CLAUSE characters (a hard cut where a
    piece has no space): a run-on text never becomes one huge clause."""
    out = []
    while e - s > _MAX_CLAUSE:
        cut = text.rfind(" ", s + _MAX_CLAUSE // 2, s + _MAX_CLAUSE)
        cut = cut if cut > s else s + _MAX_CLAUSE
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out
