"""The words of several OCR passes made one text: merging duplicate readings, filling gaps with
plate-panel readings, splitting words one pass glued, and laying words out as lines with
offsets (`build_text`). Pure geometry on `Word` boxes, no OCR engine: `ocr` runs the passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MIN_CONFIDENCE = 50.0


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    conf: float
    box: tuple[float, float, float, float]  # analysis pixels
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class OcrText:
    text: str
    words: tuple[Word, ...]

    def span_box(self, start: int, end: int) -> tuple[float, float, float, float] | None:
        """The union of the boxes of the words that overlap text[start:end]."""
        hit = [w for w in self.words if w.start < end and start < w.end]
        if not hit:
            return None
        return (min(w.box[0] for w in hit), min(w.box[1] for w in hit),
                max(w.box[2] for w in hit), max(w.box[3] for w in hit))


def fill_gaps(kept: list[Word], extra: list[Word]) -> list[Word]:
    """`kept` plus the good words of `extra` where `kept` has none (panel readings fill what
    the whole-photo passes missed; they never replace those passes' words)."""
    out = list(kept)
    for w in extra:
        if _good(w) and not any(_overlap(k.box, w.box) > 0.5 for k in out):
            out.append(w)
    return out


def pin(kept: list[Word], pinned: list[Word]) -> list[Word]:
    """`kept` with each pinned word in place of the words it overlaps."""
    if not pinned:
        return kept
    rest = [k for k in kept if not any(_overlap(k.box, p.box) > 0.5 for p in pinned)]
    return rest + pinned


def split_glued(kept: list[Word], per_mode: Sequence[list[Word]]) -> list[Word]:
    """Where one pass glued words that other passes read apart ("Tel0113" against "Tel" and
    "0113", the same characters), keep them apart when more passes read them apart than
    glued, or as many and each cut is between a letter and a digit: detectors need the
    space. ("Pri mary" read once against "Primary" read four times stays one word, and so
    does "jo.bloggs@g mail.com" read as often as "jo.bloggs@gmail.com".)"""
    out: list[Word] = []
    for k in kept:
        pieces: list[Word] | None = None
        if len(k.text) >= 4:
            split_votes = glued_votes = 0
            for words in per_mode:
                inside = sorted((w for w in words if _good(w) and _overlap(k.box, w.box) > 0.5),
                                key=lambda w: w.box[0])
                if len(inside) >= 2 and "".join(w.text for w in inside) == k.text:
                    split_votes += 1
                    pieces = pieces or inside
                elif any(w.text == k.text for w in inside):
                    glued_votes += 1
            if pieces and (split_votes < glued_votes or (
                    split_votes == glued_votes and not _class_change(pieces))):
                pieces = None
        out.extend(pieces or [k])
    return out


def _class_change(pieces: list[Word]) -> bool:
    """Whether every cut between consecutive pieces separates a letter from a digit."""
    return all(a.text[-1:].isdigit() != b.text[:1].isdigit()
               and a.text[-1:].isalnum() and b.text[:1].isalnum()
               for a, b in zip(pieces, pieces[1:], strict=False))


def _good(w: Word) -> bool:
    return w.conf >= MIN_CONFIDENCE and any(c.isalnum() for c in w.text)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Intersection over the smaller box's area."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    small = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return inter / small if small > 0 else 0.0


def merge_words(per_mode: Iterable[list[Word]]) -> list[Word]:
    """Union of several OCR passes: a word overlapping one already kept is a duplicate."""
    kept: list[Word] = []
    for words in per_mode:
        for w in words:
            if not _good(w):
                continue
            dups = [i for i, k in enumerate(kept) if _overlap(k.box, w.box) > 0.5]
            if not dups:
                kept.append(w)
                continue
            # Passes often read part of a word ("Mil" for "Mill"): the longest good reading
            # of a place wins, a clearly more confident one of the same length too.
            old = [kept[i] for i in dups]
            longest = max(len(k.text) for k in old)
            if len(w.text) > longest or (
                len(w.text) == longest and w.conf > max(k.conf for k in old) + 10
            ):
                for i in reversed(dups):
                    del kept[i]
                kept.append(w)
    return kept


def build_text(words: list[Word]) -> OcrText:
    """Group words into lines by geometry and lay them out as text with offsets."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        cy = (w.box[1] + w.box[3]) / 2
        best, best_dist = None, float("inf")
        for line in lines[-6:]:
            for ref in line[-3:]:
                rcy = (ref.box[1] + ref.box[3]) / 2
                # Same line when either word's middle lies within the other's height (a
                # tilted line, or a box tesseract stretched over a stray mark).
                if ref.box[1] <= cy <= ref.box[3] or w.box[1] <= rcy <= w.box[3]:
                    dist = abs(cy - rcy)
                    if dist < best_dist:
                        best, best_dist = line, dist
        if best is not None:
            best.append(w)
        else:
            lines.append([w])
    # Split a line where a wide gap separates two text blocks side by side.
    split: list[list[Word]] = []
    for line in lines:
        line.sort(key=lambda w: w.box[0])
        cur = [line[0]]
        for w in line[1:]:
            prev = cur[-1]
            height = max(prev.box[3] - prev.box[1], w.box[3] - w.box[1], 1.0)
            if w.box[0] - prev.box[2] > 2.5 * height:
                split.append(cur)
                cur = [w]
            else:
                cur.append(w)
        split.append(cur)
    split.sort(key=lambda ln: (min(w.box[1] for w in ln), ln[0].box[0]))
    parts: list[str] = []
    placed_words: list[Word] = []
    pos = 0
    for li, line in enumerate(split):
        if li:
            parts.append("\n")
            pos += 1
        for wi, w in enumerate(line):
            if wi:
                parts.append(" ")
                pos += 1
            parts.append(w.text)
            placed_words.append(Word(w.text, w.conf, w.box, pos, pos + len(w.text)))
            pos += len(w.text)
    return OcrText("".join(parts), tuple(placed_words))
