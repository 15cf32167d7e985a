"""Build benchmarks/corpus/tone.jsonl, the labelled tone and conduct corpus.

Written by the postguard project. Every post below was written by hand for this corpus; the
script only turns inline markup into labels, derives the conduct labels from metadata, and
checks the file before writing it.

Markup: a flagged span is written ``[[code:text]]`` inside a post, where ``code`` is one of
k kisses, s slang, p profanity, x sexual_content, f over_familiar, c private_contact,
ph phone, h social_handle. The markup is stripped and the label records the span's text and,
when that text occurs more than once in the post, its 0-based ``occurrence`` (counted over every
starting position of the text in the post).

Conduct labels (out_of_hours, personal_account) are computed from the metadata with the default
policy's rules (Monday-Friday 08:00-18:00 Europe/London, England and Wales bank holidays closed,
audience "children"; personal account to audience "children") and must agree with what each
entry declares in ``conduct``.

Run: ``python benchmarks/corpus_tools/tone_corpus.py`` (writes the file and prints counts).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tone_posts import POSTS

CODES = {
    "k": "kisses",
    "s": "slang",
    "p": "profanity",
    "x": "sexual_content",
    "f": "over_familiar",
    "c": "private_contact",
    "ph": "phone",
    "h": "social_handle",
}
VERDICTS = {"A": "allow", "R": "review", "B": "block"}
BLOCKING = {"private_contact", "sexual_content", "personal_account", "phone"}
LONDON = ZoneInfo("Europe/London")
# England and Wales bank holidays (gov.uk), the years the corpus uses.
BANK_HOLIDAYS = {
    date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 5, 6),
    date(2024, 5, 27), date(2024, 8, 26), date(2024, 12, 25), date(2024, 12, 26),
    date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5),
    date(2025, 5, 26), date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
    date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
}
MARK = re.compile(r"\[\[(k|s|p|x|f|c|ph|h):(.+?)\]\]")
OUT = Path(__file__).resolve().parents[1] / "corpus" / "tone.jsonl"


def out_of_hours(meta: dict[str, str]) -> bool:
    when = meta.get("scheduled_at")
    if when is None or meta.get("audience") != "children":
        return False
    moment = datetime.fromisoformat(when)
    assert moment.tzinfo is not None, when
    local = moment.astimezone(LONDON)
    if local.weekday() >= 5 or local.date() in BANK_HOLIDAYS:
        return True
    minutes = local.hour * 60 + local.minute
    return not (8 * 60 <= minutes < 18 * 60)


def personal_account(meta: dict[str, str]) -> bool:
    return meta.get("account") == "personal" and meta.get("audience") == "children"


def starts(text: str, needle: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(needle, i)]


def build(entry: tuple) -> dict:
    verdict, marked, note, *rest = entry
    extra = rest[0] if rest else {}
    meta = dict(extra.get("meta", {}))
    conduct = set(extra.get("conduct", ()))
    text_parts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        text_parts.append(before)
        length += len(before)
        spans.append((CODES[m.group(1)], length, length + len(m.group(2))))
        text_parts.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    text_parts.append(marked[pos:])
    text = "".join(text_parts)
    assert "[[" not in text and "]]" not in text, marked
    labels: list[dict] = []
    for cat, s, e in spans:
        piece = text[s:e]
        found = starts(text, piece)
        label: dict = {"category": cat, "text": piece}
        if len(found) > 1:
            label["occurrence"] = found.index(s)
        labels.append(label)
    computed = set()
    if out_of_hours(meta):
        computed.add("out_of_hours")
    if personal_account(meta):
        computed.add("personal_account")
    declared = {{"o": "out_of_hours", "pa": "personal_account"}[c] for c in conduct}
    assert computed == declared, (marked, computed, declared)
    for cat in sorted(computed):
        labels.append({"category": cat})
    cats = {lab["category"] for lab in labels}
    v = VERDICTS[verdict]
    if not cats:
        assert v == "allow", marked
        assert note.startswith("trap:"), marked
    elif cats & BLOCKING and not note.startswith("sexual_content: a quoted title"):
        assert v == "block", marked  # (a sexual word in a song or film title: review)
    else:
        assert v in ("review", "block"), marked
    return {"text": text, "metadata": meta, "labels": labels, "expected_verdict": v,
            "note": note}


def main() -> int:
    rows = [build(e) for e in POSTS]
    seen: set[str] = set()
    for row in rows:
        assert row["text"] not in seen, row["text"]
        seen.add(row["text"])
    with OUT.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(rows, 1):
            line = {"id": f"tone-{n:04d}", **row}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    positives = sum(1 for r in rows if r["labels"])
    traps = sum(1 for r in rows if not r["labels"])
    per_cat = Counter(lab["category"] for r in rows for lab in r["labels"])
    posts_per_cat = Counter(c for r in rows for c in {lab["category"] for lab in r["labels"]})
    trap_cat = Counter(r["note"].split("—")[0].replace("trap:", "").strip()
                       for r in rows if not r["labels"])
    verdicts = Counter(r["expected_verdict"] for r in rows)
    print(f"{len(rows)} posts: {positives} with labels, {traps} traps; verdicts {dict(verdicts)}")
    for cat in sorted(posts_per_cat):
        print(f"  {cat:18} {posts_per_cat[cat]:3} posts {per_cat[cat]:3} labels "
              f"{trap_cat.get(cat, 0):3} traps")
    for cat in sorted(set(trap_cat) - set(posts_per_cat)):
        print(f"  trap only: {cat} {trap_cat[cat]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
