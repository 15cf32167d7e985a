"""Random strings in every script through the screener and `postguard scan`: no crash, offsets
right, the report's JSON read back unchanged.

    .venv/bin/python benchmarks/fuzz_text.py                    # 20,000 strings, 200 via scan
    .venv/bin/python benchmarks/fuzz_text.py --count 2000 --cli 20 --seed 7

Each string is built (fixed seed) from one of these shapes: code points drawn from all of
Unicode (controls, lone surrogates and private use included), words of mixed scripts (Latin,
Cyrillic, Greek, Arabic, Hebrew, CJK, Hangul, Devanagari, Thai) with right-to-left and
zero-width marks, combining marks piled on letters, full-width digits and letters, emoji
sequences, and the same shapes with a known value planted (a phone number, an email address,
a postcode, each in ASCII or in full-width digits). For every string the default Screener (what
`scan` runs) must return a report whose text findings lie inside the text, whose JSON reads
back equal, whose redaction is a string and, where a value was planted between spaces, whose
findings cover exactly that value and whose redaction no longer holds it. `--cli` strings are
also given to `postguard scan FILE --format json` (as files, UTF-8 with surrogates escaped):
its exit code must be 0, 1 or 2, never 3, stderr never holds a traceback, and the printed
report equals the library's. Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import postguard
from postguard import Report
from postguard.inputs import read_text

_WORDS = [
    "hello", "Привет", "Ελλάδα", "مرحبا", "الطلاب", "שלום", "学生", "今日は", "학교", "नमस्ते",
    "สวัสดี", "İstanbul", "straße", "ǅemal", "ﬁne", "Year 9", "trip", "xx", "lol", "3-2",
    "£12.50", "12/05/2024", "10:30", "😀", "👨‍👩‍👧", "🇬🇧", "e\u0301", "a\u0308\u0323",
]
_MARKS = ["\u200f", "\u200e", "\u202e", "\u202c", "\u2067", "\u2069", "\u200b", "\u200d",
          "\ufeff", "\u061c"]
_COMBINING = [chr(c) for c in range(0x300, 0x36F)]
_PAIR = re.compile("[\ud800-\udbff](?=[\udc00-\udfff])")
_FULL_DIGITS = "０１２３４５６７８９"
_PLANTS = [
    ("phone", "07911 123456"), ("phone", "+44 7911 123456"), ("email", "jo.bloggs@gmail.com"),
    ("address", "BN2 4GH"), ("phone", "０７９１１ １２３４５６"),
]


def _any_code_points(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 60)):
        plane = rng.random()
        if plane < 0.5:
            out.append(chr(rng.randint(0, 0x2FF)))
        elif plane < 0.9:
            out.append(chr(rng.randint(0x300, 0xFFFF)))
        else:
            out.append(chr(rng.randint(0x10000, 0x10FFFF)))
    # Lone surrogates stay (JSON can carry them); a high one before a low one would be read
    # back from JSON as one astral character, a text no input can hold.
    return _PAIR.sub("x", "".join(out))


def _mixed_words(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 25)):
        r = rng.random()
        if r < 0.6:
            parts.append(rng.choice(_WORDS))
        elif r < 0.75:
            parts.append(rng.choice(_MARKS))
        elif r < 0.85:
            parts.append(rng.choice("abcdefghij") + "".join(
                rng.choice(_COMBINING) for _ in range(rng.randint(1, 6))))
        elif r < 0.95:
            parts.append("".join(rng.choice(_FULL_DIGITS) for _ in range(rng.randint(1, 12))))
        else:
            parts.append(chr(0xFF21 + rng.randint(0, 25)) * rng.randint(1, 4))
    sep = rng.choice([" ", " ", "\n", "\u3000", "، ", "。"])
    return sep.join(parts)


def make_case(rng: random.Random) -> tuple[str, tuple[str, str] | None]:
    """A random string and, when one was planted, (category, value)."""
    shape = rng.random()
    text = _any_code_points(rng) if shape < 0.3 else _mixed_words(rng)
    if rng.random() < 0.3:
        category, value = rng.choice(_PLANTS)
        before = _mixed_words(rng) if rng.random() < 0.8 else ""
        after = _mixed_words(rng) if rng.random() < 0.8 else ""
        # A value stands between spaces (the words around it must not join it).
        return f"{before} Call me on {value} {after}", (category, value)
    return text, None


def check(report: Report, text: str, planted: tuple[str, str] | None) -> list[str]:
    problems = []
    for f in report.findings:
        if f.source == "text" and f.start is not None and (
                f.end is None or not 0 <= f.start < f.end <= len(text)):
            problems.append(f"span {f.start}..{f.end} outside a text of {len(text)}")
    if Report.from_dict(json.loads(json.dumps(report.to_dict()))) != report:
        problems.append("the JSON report does not read back equal")
    if not isinstance(report.redacted_text, str):
        problems.append("redacted text is not a string")
    if planted is not None:
        category, value = planted
        at = text.index(f" Call me on {value} ") + len(" Call me on ")
        spans = [(f.start, f.end) for f in report.findings
                 if f.category.value == category and f.source == "text"]
        if (at, at + len(value)) not in spans:
            problems.append(f"planted {category} at {at}..{at + len(value)} not found "
                            f"there (found {spans})")
        if value in report.redacted_text:
            problems.append(f"planted {category} still in the redacted text")
    return problems


def run_cli(texts: list[str], exe: str) -> tuple[Counter[int], list[str]]:
    codes: Counter[int] = Counter()
    problems = []
    screener = postguard.Screener()
    with tempfile.TemporaryDirectory() as tmp:
        for n, text in enumerate(texts):
            path = Path(tmp) / f"post{n}.txt"
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            run = subprocess.run([exe, "scan", str(path), "--format", "json", "--id", "p"],
                                 capture_output=True, text=True, timeout=120,
                                 env={**os.environ, "NO_COLOR": "1"})
            codes[run.returncode] += 1
            if run.returncode not in (0, 1, 2) or "Traceback" in run.stderr:
                problems.append(f"scan of string {n}: exit {run.returncode}: "
                                f"{run.stderr.strip()[-200:]}")
                continue
            if run.returncode == 2 and not run.stdout:
                continue  # refused whole (an empty draft, bytes that are not UTF-8): one line
            read_back = read_text(str(path))  # as scan reads it (a leading BOM dropped)
            want = screener.screen(postguard.Post(text=read_back, id="p")).to_dict()
            if json.loads(run.stdout) != want:
                problems.append(f"scan of string {n}: the printed report is not the library's")
    return codes, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=20_000)
    ap.add_argument("--cli", type=int, default=200, help="how many also through `scan`")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = [make_case(rng) for _ in range(args.count)]
    screener = postguard.Screener()
    problems: list[str] = []
    start = time.process_time()
    for n, (text, planted) in enumerate(cases):
        try:
            report = screener.screen(text)
        except Exception as exc:  # a crash is what this looks for
            problems.append(f"string {n}: {type(exc).__name__} raised")
            continue
        problems += [f"string {n}: {p}" for p in check(report, text, planted)]
    took = time.process_time() - start
    planted_n = sum(1 for _, p in cases if p)
    print(f"{args.count:,} strings ({planted_n:,} with a planted value) screened in "
          f"{took:.1f} s CPU: {len(problems)} problems")
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    if args.cli:
        picked = rng.sample(range(len(cases)), min(args.cli, len(cases)))
        codes, cli_problems = run_cli([cases[i][0] for i in picked], exe)
        print(f"{len(picked)} through `postguard scan`: exit codes {dict(sorted(codes.items()))}, "
              f"{len(cli_problems)} problems")
        problems += cli_problems
    for p in problems[:40]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
