"""What the tone lexicons find per language, on a labelled set with a `language` field.

    .venv/bin/python benchmarks/tone_languages.py benchmarks/holdout5/harm5.jsonl
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/tone_languages.py FILE   # an older tree

For each language: posts labelled with a tone category (profanity, sexual_content,
over_familiar, private_contact, slang, kisses) whose report has a finding of the six tone
detectors in one of their labelled categories, and benign posts (no labels) that get any tone
finding. The default Screener runs (all detectors, the item's metadata), so inbound rules apply;
only the tone detectors' findings are counted. Written by the postguard project. Use it on sets
already seen; a blind set is scored once, with its own script.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="JSONL: text, metadata, labels, language")
    args = ap.parse_args(argv)
    import postguard

    screener = postguard.Screener()
    found: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    benign: Counter[str] = Counter()
    with args.path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            lang = str(item.get("language") or "en")
            cats = {lab["category"] for lab in item.get("labels", [])}
            report = screener.screen(postguard.Post(text=item["text"],
                                                    metadata=item.get("metadata") or {}))
            tone = {f.category.value for f in report.findings if f.detector in TONE}
            if cats & set(TONE):
                labelled[lang] += 1
                found[lang] += bool(cats & tone)
            elif not cats:
                benign[lang] += 1
                flagged[lang] += bool(tone)
    if not labelled and not benign:
        print("no items", file=sys.stderr)
        return 2
    print(f"{'language':8} {'found':>9} {'benign flagged':>15}")
    for lang in sorted(set(labelled) | set(benign)):
        print(f"{lang:8} {found[lang]:>4}/{labelled[lang]:<4} {flagged[lang]:>9}/{benign[lang]:<4}")
    other = [x for x in set(labelled) | set(benign) if x != "en"]
    print(f"{'not en':8} {sum(found[x] for x in other):>4}/{sum(labelled[x] for x in other):<4} "
          f"{sum(flagged[x] for x in other):>9}/{sum(benign[x] for x in other):<4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
