"""Precision and recall per category of postguard's default Screener on the labelled corpus.

    .venv/bin/python benchmarks/accuracy.py                       # every corpus/*.jsonl
    .venv/bin/python benchmarks/accuracy.py --files core --misses # one file, list the misses
    .venv/bin/python benchmarks/accuracy.py --categories phone,email --json out.json

Scoring (benchmarks/README.md): a finding of category C is a true positive when its span
overlaps a labelled span of C; a labelled span is recalled when some finding of C overlaps it.
Also reports how often the verdict equals the lead's, and the posts the lead would block that
postguard allows (the target is 0). Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_lib import (  # noqa: E402
    VERDICTS,
    CorpusError,
    CorpusPost,
    Scores,
    Span,
    corpus_files,
    load_corpus,
)


def predicted_spans(report: Any) -> list[Span]:
    """The report's findings as spans; findings without a text span match by category only.
    Findings the policy allows (action "allow", e.g. a staff member's name) flag nothing to
    the author, so they are not predictions."""
    out = []
    for f in report.findings:
        if f.action is not None and f.action.value == "allow":
            continue
        cat = f.category.value
        if f.source == "text" and f.start is not None and f.end is not None:
            out.append(Span(cat, f.start, f.end))
        else:
            out.append(Span(cat))
    return out


def evaluate(
    posts: list[CorpusPost], categories: frozenset[str] | None = None, screener: Any = None
) -> Scores:
    import postguard

    screener = screener or postguard.Screener()
    scores = Scores()
    for p in posts:
        report = screener.screen(postguard.Post(text=p.text, metadata=dict(p.metadata), id=p.id))
        scores.add(p, predicted_spans(report), report.verdict.value, categories)
    return scores


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def print_table(scores: Scores, out: Any = sys.stdout) -> None:
    print(f"{'category':16} {'gold':>5} {'pred':>5} {'TP':>5} {'recalled':>8} "
          f"{'precision':>9} {'recall':>7}", file=out)
    for cat, s in sorted(scores.per_category.items()):
        print(f"{cat:16} {s.gold:5} {s.predicted:5} {s.tp:5} {s.recalled:8} "
              f"{_fmt(s.precision):>9} {_fmt(s.recall):>7}", file=out)
    print(file=out)
    agree = scores.verdict_agreement
    print(f"posts: {scores.posts}   verdict agreement: "
          f"{'-' if agree is None else f'{agree:.3f}'}", file=out)
    print("verdicts (rows expected, columns given):", file=out)
    print(f"  {'':8}" + "".join(f"{g:>8}" for g in VERDICTS), file=out)
    for e in VERDICTS:
        row = "".join(f"{scores.verdicts.get((e, g), 0):8}" for g in VERDICTS)
        print(f"  {e:8}{row}", file=out)
    print(f"expected block but given allow: {scores.block_given_allow} (target 0)", file=out)


def print_misses(scores: Scores, out: Any = sys.stdout) -> None:
    print("\nmisses (FN: labelled, not found; FP: found, not labelled):", file=out)
    for m in sorted(scores.misses, key=lambda m: (m.category, m.kind, m.post_id)):
        print(f"  {m.kind} {m.category:14} {m.post_id:12} {m.text!r}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Precision/recall per category of postguard on benchmarks/corpus/*.jsonl."
    )
    ap.add_argument("--files", nargs="+", metavar="FILE",
                    help="corpus files (paths or names such as 'core'); default: all")
    ap.add_argument("--categories", help="comma-separated categories to score (default: all)")
    ap.add_argument("--misses", action="store_true",
                    help="print every false negative and false positive")
    ap.add_argument("--json", metavar="FILE", help="write the numbers as JSON to FILE")
    ap.add_argument("--policy", metavar="FILE",
                    help="a policy file (e.g. the organisation's own contacts of a held-out set)")
    args = ap.parse_args(argv)

    files = corpus_files(args.files)
    missing = [str(f) for f in files if not f.is_file()]
    if missing or not files:
        print(f"accuracy: no corpus file {', '.join(missing) or 'in benchmarks/corpus/'}",
              file=sys.stderr)
        return 2
    try:
        posts = load_corpus(files)
    except CorpusError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    cats = frozenset(c.strip() for c in args.categories.split(",")) if args.categories else None

    screener = None
    if args.policy:
        import postguard

        screener = postguard.Screener(policy=args.policy)
    scores = evaluate(posts, cats, screener)
    print(f"corpus: {', '.join(f.name for f in files)}")
    print_table(scores)
    if args.misses:
        print_misses(scores)
    if args.json:
        data = scores.to_dict()
        data["files"] = [f.name for f in files]
        data["categories_filter"] = sorted(cats) if cats else None
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
