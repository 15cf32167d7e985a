"""At INFO (`-v`) nothing a post says reaches the log: not its text, not the text read in its
photos, not its metadata, not a malformed line's content (only -vv, debug, may show them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

EXE = os.path.join(os.path.dirname(sys.executable), "postguard")
SECRETS = ("Quorvexa", "Blintzholm", "07911 123456", "Zephyrine", "Wobblecrest")


def _photo(path: Path) -> None:
    im = Image.new("RGB", (900, 240), "white")
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 44)
    except OSError:
        font = ImageFont.load_default()
    ImageDraw.Draw(im).text((20, 90), "Blintzholm 07911 123456", fill="black", font=font)
    im.save(path)


def _run(*argv: str, cwd: Path) -> str:
    run = subprocess.run([EXE, *argv], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert run.returncode in (1, 2), run.stderr
    return run.stderr


def test_verbose_logs_hold_no_post_content(tmp_path: Path) -> None:
    _photo(tmp_path / "p.png")
    (tmp_path / "d.txt").write_text("Quorvexa ring 07911 123456 xx")
    (tmp_path / "m.json").write_text(json.dumps({"audience": "Zephyrine", "account": "x"}))
    (tmp_path / "cut.jpg").write_bytes((tmp_path / "p.png").read_bytes()[:300])
    lines = [
        {"id": "a", "text": "Quorvexa ring 07911 123456", "images": ["p.png"],
         "metadata": {"audience": "Zephyrine"}},
        {"id": "b", "text": "Wobblecrest", "images": ["cut.jpg", "gone.jpg"]},
        {"id": "c", "txt": "Wobblecrest"},
    ]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines)
                                       + '{"id": "d", "text": "Wobblecrest" oops}\n')
    (tmp_path / "in.csv").write_bytes(b"id,text\n1,Wobblecrest, Quorvexa\n2,\"Wobblecrest\n")
    err = _run("-v", "scan", "d.txt", "--image", "p.png", "--image", "cut.jpg",
               "--metadata", "m.json", "--redact-out", "out", cwd=tmp_path)
    err += _run("batch", "in.jsonl", "--out", "r.jsonl", "--html", "r.html", "--csv", "r.csv",
                "--workers", "2", "-v", cwd=tmp_path)
    err += _run("batch", "in.csv", "--out", "r2.jsonl", "-v", cwd=tmp_path)
    assert "INFO" in err  # -v did log
    for secret in SECRETS:
        assert secret not in err, (secret, err)
