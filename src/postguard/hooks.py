"""Pre-publish hooks: other tools ask postguard "publish or hold?" before a post goes out.

From Python (a CMS plugin, a scheduling tool, a bot):

    from postguard.hooks import check

    decision = check("Well done team! Ring me on 07911 123456", images=["match.jpg"],
                     metadata={"audience": "children", "account": "organisation"})
    if not decision.publish:
        hold_for_review(decision.reasons)      # ("PG101 phone (block) in the text at 33-45: ...",)
    decision.action                            # "publish" or "hold"
    decision.report.to_dict()                  # the full DESIGN.md report

`hold_on` says from which verdict a post is held: "block" (the default, like
`postguard scan --fail-on`) or "review" (hold everything a person should look at). Reasons
name the code, category, action and place of each finding, never the matched text. Pass a
long-lived `screener=postguard.Screener(policy)` when checking many posts.

From git, for drafts kept in a repository, `.pre-commit-hooks.yaml` runs
`python -m postguard.hooks [--policy FILE] [--hold-on review|block] FILE...`: each draft is
screened with its photos (`draft.jpg`, `draft.1.png` next to it) and `draft.json` metadata;
the commit is held (exit 1) when one needs action, and exit 2 means a draft could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Post, Report, Verdict

__all__ = ["Decision", "check", "main"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What a pre-publish hook needs: publish or hold, why, and the full report."""

    publish: bool
    verdict: Verdict
    reasons: tuple[str, ...]
    report: Report

    @property
    def action(self) -> str:
        return "publish" if self.publish else "hold"

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "verdict": self.verdict.value,
                "reasons": list(self.reasons), "report": self.report.to_dict()}


def _reasons(report: Report) -> tuple[str, ...]:
    from .render import source_label

    out = []
    for f in report.findings:
        action = (f.action or Verdict.REVIEW).value
        if f.source == "text" and f.start is not None:
            where = f"in the text at {f.start}-{f.end}"
        elif f.source.startswith("image:") and f.source[6:].isdigit():
            where = f"in photo {int(f.source[6:]) + 1}"
        else:
            where = f"in the {f.source}"
        reason = f"{f.code} {f.category.value} ({action}) {where}: {f.message}"
        if f.suggestion is not None:
            reason += f"; suggest {f.suggestion.action.value}"
        out.append(reason)
    out.extend(f"not screened: {source_label(e.source)}: {e.message}" for e in report.errors)
    return tuple(out)


def check(
    post: Post | str,
    *,
    images: Iterable[Any] = (),
    metadata: Mapping[str, Any] | None = None,
    id: str | None = None,
    policy: Any = None,
    hold_on: str | Verdict = Verdict.BLOCK,
    screener: Any = None,
) -> Decision:
    """Screen a draft (a `Post`, or its text with `images` and `metadata`) and decide."""
    from .batch import check_images
    from .screener import Screener

    threshold = Verdict(hold_on)
    if threshold is Verdict.ALLOW:
        raise ValueError("hold_on must be 'review' or 'block'")
    if isinstance(post, str):
        post = Post(text=post, images=tuple(images), id=id, metadata=dict(metadata or {}))
    screener = screener or Screener(policy)
    report = check_images(post, screener.screen(post))
    return Decision(publish=report.verdict.rank < threshold.rank, verdict=report.verdict,
                    reasons=_reasons(report), report=report)


def main(argv: Sequence[str] | None = None) -> int:
    """The pre-commit hook: 0 all drafts may be published, 1 one is held, 2 one could not be
    read or not fully screened (a photo it cannot read, a detector that failed)."""
    from .archives.simple import draft_post
    from .errors import PostguardError
    from .render import not_screened, safe, to_text
    from .screener import Screener

    p = argparse.ArgumentParser(prog="postguard-hook",
                                description="Hold drafts that break the online safety policy.")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--policy", metavar="FILE")
    p.add_argument("--hold-on", choices=("review", "block"), default="block")
    args = p.parse_args(argv)
    try:
        screener = Screener(args.policy)
        held = unreadable = 0
        for path in args.files:
            _, item = draft_post(path, path)
            if not isinstance(item, Post):
                print(f"postguard: error: {item}", file=sys.stderr)
                unreadable += 1
                continue
            decision = check(item, screener=screener, hold_on=args.hold_on)
            unscreened = not_screened(decision.report)
            if not decision.publish or unscreened:
                print(safe(to_text(decision.report, item.text, name=path)) + "\n")
            if unscreened:  # a photo it cannot read, a detector that failed: as scan, exit 2
                print(f"postguard: error: {path}: not fully screened: {unscreened[0]}",
                      file=sys.stderr)
                unreadable += 1
            elif not decision.publish:
                held += 1
    except PostguardError as exc:
        print(f"postguard: error: {exc}", file=sys.stderr)
        return 2
    if held:
        print(f"postguard: {held} of {len(args.files)} drafts held: fix them or ask for a "
              "review before publishing", file=sys.stderr)
    return 2 if unreadable else 1 if held else 0


if __name__ == "__main__":
    sys.exit(main())
