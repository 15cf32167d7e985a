"""Score postguard on a blind set of messages (run once, at first sight, by whoever holds it).

    .venv/bin/python benchmarks/harm_blind.py PATH [--json OUT] [--misses] [--model DIR]

PATH is JSONL in the corpus format (`id`, `text`, `metadata`, `labels: [{category, text}]`,
`expected_verdict`) plus `expected_escalate` (bool), `language` and, for conversations,
`metadata.thread`. Items are screened in file order by one Screener, so the messages of a
thread are judged together as they would stream. Prints:

- post-level recall per category: a labelled post counts as found when the report has a
  finding of that category that the policy acts on (review or block);
- messages a lead would block (`expected_verdict` block) given `allow`;
- benign traps flagged: posts without labels given anything but `allow`, and those given a
  harm finding (a finding of a labelled-harm category);
- harmless one-to-one staff messages raised by the learned layer: outbound items by `staff`
  without labels that get any finding of the `harm` detector;
- escalation: recall on posts labelled self_harm or disclosure, recall on `expected_escalate`,
  and escalations of posts that expected none;
- per language: recall of grooming, secrecy and sexual posts (private_contact, over_familiar,
  sexual_content labels), and of any harm label.

Written by the postguard project. Never train or tune on a blind set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from postguard import Screener  # noqa: E402
from postguard.model import Post, Report  # noqa: E402

HARM = ("private_contact", "over_familiar", "sexual_content", "profanity", "bullying",
        "self_harm", "disclosure", "extremism", "violence")
GROOMING = {"private_contact", "over_familiar", "sexual_content"}


def acting(report: Report) -> set[str]:
    return {f.category.value for f in report.findings
            if f.action is None or f.action.rank > 0}


def ratio(n: int, d: int) -> dict[str, Any]:
    return {"rate": round(n / d, 3) if d else None, "n": n, "of": d}


def score(items: list[dict[str, Any]], reports: list[Report]) -> dict[str, Any]:
    per_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    lang: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    bga = [0, 0]
    traps = [0, 0, 0]
    staff = [0, 0]
    esc_sd = [0, 0]
    esc_all = [0, 0]
    esc_false = [0, 0]
    misses: list[str] = []
    for item, rep in zip(items, reports, strict=True):
        labels = {lab["category"] for lab in item.get("labels", [])}
        got = acting(rep)
        meta = item.get("metadata") or {}
        for cat in labels & set(HARM):
            per_cat[cat][1] += 1
            if cat in got:
                per_cat[cat][0] += 1
            else:
                misses.append(f"FN {cat:15} {item.get('id')}")
        language = str(item.get("language") or meta.get("language") or "?")
        if labels & GROOMING:
            lang[language]["grooming"][1] += 1
            lang[language]["grooming"][0] += bool(labels & GROOMING & got)
        if labels & set(HARM):
            lang[language]["any_harm"][1] += 1
            lang[language]["any_harm"][0] += bool(labels & set(HARM) & got)
        if item.get("expected_verdict") == "block":
            bga[1] += 1
            bga[0] += rep.verdict.value == "allow"
        if not labels:
            traps[2] += 1
            traps[0] += rep.verdict.value != "allow"
            traps[1] += bool(got & set(HARM))
            if rep.verdict.value != "allow":
                misses.append(f"FP {','.join(sorted(got)):15} {item.get('id')}")
            outbound = str(meta.get("direction", "outbound")).lower() == "outbound"
            if outbound and str(meta.get("author", "")).lower() == "staff":
                staff[1] += 1
                staff[0] += any(f.detector == "harm" for f in rep.findings)
        if labels & {"self_harm", "disclosure"}:
            esc_sd[1] += 1
            esc_sd[0] += rep.escalate
        if item.get("expected_escalate") is True:
            esc_all[1] += 1
            esc_all[0] += rep.escalate
        elif item.get("expected_escalate") is False:
            esc_false[1] += 1
            esc_false[0] += rep.escalate
    return {
        "items": len(items),
        "recall_per_category": {c: ratio(*per_cat[c]) for c in HARM if per_cat[c][1]},
        "block_given_allow": ratio(*bga),
        "benign_flagged": ratio(traps[0], traps[2]),
        "benign_given_a_harm_finding": ratio(traps[1], traps[2]),
        "staff_one_to_one_raised_by_harm_layer": ratio(*staff),
        "escalated_self_harm_or_disclosure": ratio(*esc_sd),
        "escalated_when_expected": ratio(*esc_all),
        "escalated_when_not_expected": ratio(*esc_false),
        "per_language": {lg: {k: ratio(*v) for k, v in sorted(d.items())}
                         for lg, d in sorted(lang.items())},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--misses", action="store_true", help="list the ids of misses")
    ap.add_argument("--policy", type=Path, help="a policy file (e.g. one disabling 'harm', to "
                    "measure the lexicons alone)")
    ap.add_argument("--model", type=Path, help="a harm model folder (default: the shipped "
                    "one), e.g. a candidate built by train.py --out")
    args = ap.parse_args(argv)
    if args.model is not None:
        from postguard.detectors.harm.detector import HarmDetector

        HarmDetector.model_folder = args.model
    items = [json.loads(x) for x in args.path.read_text(encoding="utf-8").splitlines()
             if x.strip()]
    screener = Screener(policy=args.policy)
    reports = [screener.screen(Post(text=str(it.get("text", "")), id=it.get("id"),
                                    metadata=dict(it.get("metadata") or {})))
               for it in items]
    result = score(items, reports)
    shown = dict(result) if args.misses else {k: v for k, v in result.items() if k != "misses"}
    print(json.dumps(shown, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
