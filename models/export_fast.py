"""Export the person-name pipeline for the run-time path that needs no spaCy.

Run by `make model` after the trained pipeline is copied into `models/postguard_en`:

    python models/export_fast.py [pipeline folder]

It writes `fast.npz` (the tok2vec and NER weights) and `fast.json` (tokenizer rules, lexical
tables, NER moves, probes with spaCy's readings, checksums of the pipeline files) into the
folder, once FastTagger reads the probes from them exactly as spaCy does
(see `postguard.detectors.names.export`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from postguard.detectors.names.export import write_fast_files


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parent / "postguard_en"
    write_fast_files(folder)
    sizes = {p.name: p.stat().st_size for p in sorted(folder.glob("fast.*"))}
    print(f"exported {folder}: " + ", ".join(f"{k} {v:,} bytes" for k, v in sizes.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
