"""Build `casual-chat.jsonl` from the hand-written lines in `src/*.txt`.

    python3 build.py

Source format: one text a line; a line `# register=R behaviour=B` sets the register and
behaviour of the lines after it; blank lines are skipped. Every line is harmless
(`labels: []`) and stands alone, so each gets its own pair id `cc-NNNN` (files in sorted
order, lines in file order). A text seen twice (case and spacing ignored) is kept once.
Output is the same on every run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for path in sorted((HERE / "src").glob("*.txt")):
        register = behaviour = ""
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("# "):
                fields = dict(part.split("=", 1) for part in line[2:].split())
                register, behaviour = fields["register"], fields["behaviour"]
                continue
            if not register:
                print(f"{path.name}:{n}: text before any header", file=sys.stderr)
                return 1
            key = " ".join(line.lower().split())
            if key in seen:
                continue
            seen.add(key)
            out.append({"text": line, "labels": [], "behaviour": behaviour,
                        "register": register, "lang": "en",
                        "pair": f"cc-{len(out) + 1:04d}", "source": "hand"})
    with (HERE / "casual-chat.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
