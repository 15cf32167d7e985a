"""The harm model's training texts: reading them, and the fixed held-out split.

Every `*.jsonl` file under `texts/` (written by the project: several writers with different
briefs, one folder each) holds one text a line:
`{"text", "labels": [...], "behaviour", "register", "lang", "pair", "severity"?}`. `labels` are
harm categories (empty for a harmless text); `pair` ties a harmful text to its harmless twin.

The held-out split is by pair (a text and its twin fall on the same side) with a stable hash,
so training, thresholds and the accuracy floors in tests/test_harm_model.py agree on it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TEXTS = Path(__file__).resolve().parent / "texts"
# Labels added after review: {"pair", "starts" (the text's beginning), "add": [...]} a line
# (the first line is a header); applied as the texts are read.
RELABEL = Path(__file__).resolve().parent / "relabel.jsonl"
CATEGORIES = ("private_contact", "over_familiar", "sexual_content", "bullying", "self_harm",
              "disclosure", "extremism", "violence")
HELD_OUT_PERCENT = 15


def relabels(path: Path = RELABEL) -> list[dict[str, Any]]:
    """The reviewed label additions (see RELABEL); none when the file is missing."""
    if not path.exists():
        return []
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if "add" in r]


def read_texts(root: Path = TEXTS) -> Iterator[dict[str, Any]]:
    """Each valid record of every `*.jsonl` under `root`, files in sorted order, with the
    reviewed label additions of RELABEL. A line that is not a record with a text and known
    labels is skipped with a note on stderr."""
    import sys

    added = relabels() if root == TEXTS else []

    for path in sorted(root.rglob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    text, labels = rec["text"], rec["labels"]
                except (ValueError, KeyError, TypeError):
                    print(f"{path}:{n}: not a training record, skipped", file=sys.stderr)
                    continue
                if not isinstance(text, str) or not text.strip() or not isinstance(labels, list) \
                        or set(labels) - set(CATEGORIES):
                    print(f"{path}:{n}: bad text or labels, skipped", file=sys.stderr)
                    continue
                rec["file"] = str(path.relative_to(root))
                for fix in added:
                    if rec.get("pair") == fix["pair"] and text.startswith(fix["starts"]):
                        rec["labels"] = [*labels, *(c for c in fix["add"] if c not in labels)]
                yield rec


def group_of(rec: dict[str, Any]) -> str:
    """The key that keeps a text and its minimal-pair twin together."""
    return f"{rec['file'].split('/')[0]}:{rec.get('pair') or rec['text']}"


def is_held_out(rec: dict[str, Any]) -> bool:
    return zlib.crc32(group_of(rec).encode("utf-8")) % 100 < HELD_OUT_PERCENT
