"""Write seed.jsonl from seed.txt (pipe-separated lines, see its header)."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
out = []
for line in (HERE / "seed.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    pair, labels, behaviour, register, text = (p.strip() for p in line.split("|", 4))
    out.append({"text": text, "labels": [x for x in labels.split(",") if x], "behaviour": behaviour,
                "register": register, "lang": "en", "pair": "seed-" + pair, "source": "hand"})
(HERE / "seed.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out),
                                 encoding="utf-8")
print(len(out), "texts")
