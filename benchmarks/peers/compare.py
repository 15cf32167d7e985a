"""postguard against its peers on the same posts, in one sitting: a markdown table.

    bash benchmarks/peers/setup_peers.sh               # once, by hand (not part of make test)
    python benchmarks/images/generate.py               # once, for the image rows
    .venv/bin/python benchmarks/peers/compare.py [--no-images] [--cold-repeats 5]

Runs, one process at a time, each tool on the corpus (benchmarks/corpus/*.jsonl) with the
runners of this folder, then scores every tool's predictions with benchmarks/corpus_lib.py
(the scorer of benchmarks/accuracy.py: span overlap, per category), on the categories the
peer covers, against postguard's predictions on the same posts:
- Presidio analyzer (offline, UK recognizers on) on every corpus post;
- better_profanity and glin-profanity on the tone posts (tone.jsonl; with --files and no
  tone.jsonl among them, every post of the files), where every flag is a
  `profanity` prediction; scored per span (see run_profanity.py for how spans are recovered),
  per post (a flagged post is one prediction), and with profanity and sexual_content merged
  (the filters' lists hold sexual words too);
- the Presidio image redactor and postguard's image pipeline on benchmarks/out/images/.
Cold start: wall and CPU time of a fresh process that imports, sets up and analyses one post
(`postguard scan -` for postguard), the runs interleaved, median of --cold-repeats.
Writes benchmarks/out/peers/results.md and results.json (raw runner outputs in run/).
Written by the postguard project.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(HERE))

from corpus_lib import CorpusPost, Scores, Span  # noqa: E402
from peerlib import COLD_POST, MODEL_POST, corpus_files, load_posts  # noqa: E402
from speed import compile_bytecode  # noqa: E402

PEERS_DIR = BENCH / "out" / "peers"
RUN_DIR = PEERS_DIR / "run"
PG_PY = REPO / ".venv" / "bin" / "python"
PG_CLI = REPO / ".venv" / "bin" / "postguard"
PRESIDIO_CATS = ("phone", "email", "address", "vehicle_plate", "social_handle", "person_name",
                 "location")
PRESIDIO_NOTES = {
    "address": "postcodes only (UK_POSTCODE)",
    "social_handle": "URL on a social platform's host",
    "person_name": "PERSON: needs a statistical spaCy model (none offline)",
    "location": "LOCATION: needs a statistical spaCy model (none offline)",
}


def peer_python(name: str) -> Path:
    return PEERS_DIR / name / "bin" / "python"


def require_peer(name: str, tool: str) -> Path | None:
    """A peer venv's python, or None after saying (as `tool`) how to install it."""
    python = peer_python(name)
    if python.is_file():
        return python
    print(f"{tool}: no {name} venv; run benchmarks/peers/setup_peers.sh", file=sys.stderr)
    return None


def run_json(cmd: list[str], out: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    print(f"compare: {' '.join(str(c) for c in cmd)}", file=sys.stderr, flush=True)
    subprocess.run([*cmd, "--out", str(out)], check=True, env=env, cwd=REPO)
    data: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return data


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cold_once(cmd: list[str], stdin: str | None) -> tuple[float, float]:
    c0, t0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"compare: cold start of {cmd[0]} failed ({proc.returncode}): "
                         f"{proc.stderr.strip()[-300:]}")
    return wall, children_cpu() - c0


def cold_starts(cmds: dict[str, tuple[list[str], str | None]], repeats: int
                ) -> dict[str, dict[str, Any]]:
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeats):  # interleaved, so a burst of load hits every tool alike
        for name, (cmd, stdin) in cmds.items():
            w, c = cold_once(cmd, stdin)
            walls[name].append(w)
            cpus[name].append(c)
    return {k: {"wall_s": [round(x, 3) for x in walls[k]],
                "cpu_s": [round(x, 3) for x in cpus[k]],
                "median_wall_s": round(statistics.median(walls[k]), 3),
                "median_cpu_s": round(statistics.median(cpus[k]), 3)} for k in cmds}


# -- scoring ---------------------------------------------------------------------------------
def spans_of(rows: Iterable[list[Any]]) -> list[Span]:
    return [Span(c, s, e) for c, s, e in rows]


def score(posts: list[CorpusPost], predictions: dict[str, list[list[Any]]],
          categories: Iterable[str], post_level: bool = False,
          merge: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Per-category scores with corpus_lib's scorer; `merge` renames categories (labels and
    predictions alike), `post_level` turns the predictions into one span-less finding per
    category per post."""
    cats = frozenset(categories)
    rename: Callable[[str], str] = (lambda c: merge.get(c, c)) if merge else (lambda c: c)
    scores = Scores()
    for p in posts:
        labels = tuple(dataclasses.replace(g, category=rename(g.category)) for g in p.labels)
        pred = [dataclasses.replace(s, category=rename(s.category))
                for s in spans_of(predictions.get(p.id, []))]
        if post_level:
            pred = [Span(c) for c in sorted({s.category for s in pred})]
        scores.add(dataclasses.replace(p, labels=labels), pred, None,
                   frozenset(rename(c) for c in cats))
    return scores.to_dict()["categories"]


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if not a or not b else f"{a / b:.2f}x"


def beats(pg: dict[str, Any], peer: dict[str, Any]) -> str:
    """'yes' when postguard does at least as well as the peer on this category (ties count).

    With labels: recall first; precision is compared only when both predicted something
    (a tool that predicts nothing has no precision, and its recall of 0 says the rest).
    Without labels: every prediction is a false positive, so fewer is better.
    """
    if not pg.get("gold", peer.get("gold", 0)):
        return "yes" if pg.get("predicted", 0) <= peer.get("predicted", 0) else "**no**"
    ok = float(pg.get("recall") or 0) >= float(peer.get("recall") or 0)
    if pg.get("predicted") and peer.get("predicted"):
        ok = ok and float(pg.get("precision") or 0) >= float(peer.get("precision") or 0)
    return "yes" if ok else "**no**"


def category_rows(pg: dict[str, Any], peer: dict[str, Any], cats: Iterable[str],
                  notes: dict[str, str] | None = None) -> list[str]:
    rows = []
    for c in cats:
        a, b = pg.get(c, {}), peer.get(c, {})
        gold = a.get("gold", b.get("gold", 0))
        rows.append(f"| {c} | {gold} | {a.get('predicted', 0)} | {fmt(a.get('precision'))} | "
                    f"{fmt(a.get('recall'))} | "
                    f"{b.get('predicted', 0)} | {fmt(b.get('precision'))} | "
                    f"{fmt(b.get('recall'))} | {beats(a, b)} | {(notes or {}).get(c, '')} |")
    return rows


CAT_HEAD = ["| category | gold | postguard found | postguard P | postguard R | peer found | "
            "peer P | peer R | postguard >= peer | note |",
            "|---|---|---|---|---|---|---|---|---|---|"]


def main() -> int:
    ap = argparse.ArgumentParser(description="postguard vs its peers, one sitting.")
    ap.add_argument("--runs", type=int, default=3, help="timed passes per text tool")
    ap.add_argument("--cold-repeats", type=int, default=5)
    ap.add_argument("--no-images", action="store_true")
    ap.add_argument("--image-limit", type=int, default=0, help="only the first N images")
    ap.add_argument("--files", nargs="+", metavar="FILE",
                    help="corpus files (paths or names; default every benchmarks/corpus/*.jsonl)"
                    ", e.g. benchmarks/holdout/holdout.jsonl")
    ap.add_argument("--report-only", action="store_true",
                    help="re-score the last run's saved outputs (run/all.json), run nothing")
    args = ap.parse_args()
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    images_dir = BENCH / "out" / "images"
    # Outputs of a run on other files than the default corpus get the files' names.
    tag = "-".join(Path(f).stem for f in args.files) if args.files else ""
    suffix = f"-{tag}" if tag else ""
    if args.report_only:
        res = json.loads((RUN_DIR / f"all{suffix}.json").read_text("utf-8"))
        md = report(res, images_dir)
        (PEERS_DIR / f"results{suffix}.md").write_text(md, encoding="utf-8")
        print(md)
        return 0
    have = {n: peer_python(n).is_file() for n in ("presidio", "better_profanity",
                                                  "glin_profanity")}
    if not any(have.values()):
        print("compare: no peer venv under benchmarks/out/peers/; run setup_peers.sh",
              file=sys.stderr)
        return 2
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    runs = str(args.runs)
    # The corpus files are fixed now: every runner gets the same list, even if a file is added
    # while the comparison runs.
    files = [str(f) for f in corpus_files(args.files)]
    # The profanity filters run on the tone posts: tone.jsonl when it is among the files,
    # otherwise every post of the files (a mixed set such as the held-out one).
    tone = [f for f in files if Path(f).name == "tone.jsonl"] or files
    res: dict[str, Any] = {"started": started, "files": [str(f) for f in files],
                           "tone_files": [str(f) for f in tone], "runs": {}}
    R = res["runs"]
    R["postguard_all"] = run_json([str(PG_PY), str(HERE / "run_postguard.py"), "--runs", runs,
                                   "--files", *files], RUN_DIR / "postguard_all.json", env)
    R["postguard_bulk"] = run_json([str(PG_PY), str(HERE / "run_postguard.py"), "--runs", runs,
                                    "--bulk", "--files", *files],
                                   RUN_DIR / "postguard_bulk.json", env)
    R["postguard_tone"] = run_json([str(PG_PY), str(HERE / "run_postguard.py"), "--runs", runs,
                                    "--files", *tone], RUN_DIR / "postguard_tone.json", env)
    if have["presidio"]:
        R["presidio"] = run_json([str(peer_python("presidio")), str(HERE / "run_presidio.py"),
                                  "--runs", runs, "--files", *files],
                                 RUN_DIR / "presidio.json", env)
    for name in ("better_profanity", "glin_profanity"):
        if have[name]:
            # better_profanity screens ~25 posts/s: one timed pass is enough
            n = "1" if name == "better_profanity" else runs
            R[name] = run_json([str(peer_python(name)), str(HERE / "run_profanity.py"),
                                "--peer", name, "--files", *tone, "--runs", n],
                               RUN_DIR / f"{name}.json", env)

    # Bytecode first, as an installed wheel (and Presidio's site-packages) has it: with
    # PYTHONDONTWRITEBYTECODE=1 an editable install would compile every module each time.
    compile_bytecode()
    cmds: dict[str, tuple[list[str], str | None]] = {
        "postguard": ([str(PG_CLI), "scan", "-"], COLD_POST),
        "postguard_model": ([str(PG_CLI), "scan", "-"], MODEL_POST)}
    if have["presidio"]:
        cmds["presidio"] = ([str(peer_python("presidio")), str(HERE / "run_presidio.py"),
                             "--cold"], None)
    for name in ("better_profanity", "glin_profanity"):
        if have[name]:
            cmds[name] = ([str(peer_python(name)), str(HERE / "run_profanity.py"), "--peer",
                           name, "--cold"], None)
    res["cold"] = cold_starts(cmds, args.cold_repeats)

    if not args.no_images and (images_dir / "labels.json").is_file():
        lim = ["--limit", str(args.image_limit)] if args.image_limit else []
        R["images_postguard"] = run_json([str(PG_PY), str(HERE / "run_images.py"), "--peer",
                                          "postguard", *lim], RUN_DIR / "images_pg.json", env)
        if have["presidio"]:
            R["images_presidio"] = run_json(
                [str(peer_python("presidio")), str(HERE / "run_images.py"), "--peer",
                 "presidio", *lim], RUN_DIR / "images_presidio.json", env)

    (RUN_DIR / f"all{suffix}.json").write_text(json.dumps(res), encoding="utf-8")
    md = report(res, images_dir)
    (PEERS_DIR / f"results{suffix}.md").write_text(md, encoding="utf-8")
    slim = {k: v for k, v in res.items() if k != "runs"}
    slim["runs"] = {k: {kk: vv for kk, vv in v.items() if kk not in ("predictions",)}
                    for k, v in R.items()}
    (PEERS_DIR / f"results{suffix}.json").write_text(json.dumps(slim, indent=1),
                                                     encoding="utf-8")
    print(md)
    return 0


def report(res: dict[str, Any], images_dir: Path) -> str:
    R = res["runs"]
    # Score only the posts every text tool saw (the files were fixed at the start).
    seen = set(R["postguard_all"]["predictions"])
    all_posts = [p for p in load_posts(res["files"]) if p.id in seen]
    tone_ids = set(R["postguard_tone"]["predictions"])
    tone_posts = [p for p in all_posts if p.id in tone_ids]
    out = [f"Run {res['started']}, one machine, one sitting "
           f"(`.venv/bin/python benchmarks/peers/compare.py`); corpus files: "
           f"{', '.join(Path(f).name for f in res['files'])}.", ""]
    pg_all, pg_tone = R["postguard_all"], R["postguard_tone"]

    # speed and memory
    cold = res["cold"]
    out += ["#### Speed and memory (text)", "",
            "| tool | posts | posts/s (median) | posts per CPU-s | postguard / tool (posts/s) | "
            "cold start wall | cold CPU | tool / postguard (cold wall) | peak RSS MB |",
            "|---|---|---|---|---|---|---|---|---|"]

    def speed_row(label: str, run: dict[str, Any], pg: dict[str, Any], key: str) -> str:
        t, tp = run["throughput"], pg["throughput"]
        c, cp = cold.get(key, {}), cold["postguard"]
        is_pg = run is pg
        return (f"| {label} | {t['posts']} | {t['median_posts_per_s']:.0f} | "
                f"{t.get('median_posts_per_cpu_s') or 0:.0f} | "
                f"{'–' if is_pg else ratio(tp['median_posts_per_s'], t['median_posts_per_s'])}"
                f" | {c.get('median_wall_s', 0):.2f} s | {c.get('median_cpu_s', 0):.2f} s | "
                f"{'–' if is_pg else ratio(c.get('median_wall_s'), cp['median_wall_s'])} | "
                f"{run['max_rss_mb']:.0f} |")

    out.append(speed_row("postguard (all posts, every detector)", pg_all, pg_all, "postguard"))
    if "presidio" in R:
        out.append(speed_row("Presidio analyzer (all posts)", R["presidio"], pg_all,
                             "presidio"))
    if "postguard_bulk" in R:
        bulk = R["postguard_bulk"]
        out.append(speed_row("postguard screen_many (all posts, archive path)", bulk, bulk,
                             "postguard"))
        if "presidio" in R:
            out.append(speed_row("Presidio analyzer vs postguard screen_many", R["presidio"],
                                 bulk, "presidio"))
    out.append(speed_row("postguard (tone posts)", pg_tone, pg_tone, "postguard"))
    for name, label in (("better_profanity", "better_profanity"),
                        ("glin_profanity", "glin-profanity")):
        if name in R:
            out.append(speed_row(f"{label} (tone posts)", R[name], pg_tone, name))
    if "postguard_model" in cold:
        m, p = cold["postguard_model"], cold.get("presidio")
        out += ["", f"Cold start of a post only the person-name model can decide "
                f"(`postguard scan -` of {MODEL_POST.strip()!r}): {m['median_wall_s']:.2f} s "
                f"wall, {m['median_cpu_s']:.2f} s CPU"
                + (f"; Presidio / postguard {ratio(p['median_wall_s'], m['median_wall_s'])}"
                   if p else "") + "."]
    out.append("")

    if "presidio" in R:
        pg_s = score(all_posts, pg_all["predictions"], PRESIDIO_CATS)
        pr_s = score(all_posts, R["presidio"]["predictions"], PRESIDIO_CATS)
        out += ["#### Presidio analyzer vs postguard, all posts "
                f"({len(all_posts)}; span overlap)", "", *CAT_HEAD,
                *category_rows(pg_s, pr_s, PRESIDIO_CATS, PRESIDIO_NOTES), ""]
        um = R["presidio"].get("unmapped", {})
        out += ["Presidio results with no postguard category (not scored): "
                + (", ".join(f"{k} {v}" for k, v in sorted(um.items())) or "none"), ""]
        res["scores_presidio"] = {"postguard": pg_s, "presidio": pr_s}

    for name, label in (("better_profanity", "better_profanity"),
                        ("glin_profanity", "glin-profanity")):
        if name not in R:
            continue
        preds = R[name]["predictions"]
        merge = {"sexual_content": "profanity"}
        rows = []
        got = {}
        for method, kw in (("span", {}), ("post", {"post_level": True}),
                           ("span, profanity+sexual_content merged", {"merge": merge})):
            a = score(tone_posts, pg_tone["predictions"], ["profanity"], **kw)
            b = score(tone_posts, preds, ["profanity"], **kw)
            got[method] = {"postguard": a, name: b}
            rows += [r.replace("| profanity |", f"| profanity ({method}) |", 1)
                     for r in category_rows(a, b, ["profanity"])]
        res[f"scores_{name}"] = got
        out += [f"#### {label} vs postguard, tone posts ({len(tone_posts)})", "", *CAT_HEAD,
                *rows, ""]

    if "images_postguard" in R:
        out += image_section(R, images_dir)
    return "\n".join(out) + "\n"


def image_section(R: dict[str, Any], images_dir: Path) -> list[str]:
    labels = {i["file"]: set(i["categories"])
              for i in json.loads((images_dir / "labels.json").read_text("utf-8"))}
    runs = [("postguard", R["images_postguard"])]
    if "images_presidio" in R:
        runs.append(("Presidio image redactor", R["images_presidio"]))
    cats = sorted({c for v in labels.values() for c in v})

    def per_cat(run: dict[str, Any]) -> dict[str, dict[str, float | None]]:
        out: dict[str, dict[str, float | None]] = {}
        for c in [*cats, "all"]:
            tp = fp = fn = 0
            for f, v in run["per_image"].items():
                got, want = set(v["categories"]), labels.get(f, set())
                if c != "all":
                    got, want = got & {c}, want & {c}
                tp += len(got & want)
                fp += len(got - want)
                fn += len(want - got)
            out[c] = {"precision": tp / (tp + fp) if tp + fp else None,
                      "recall": tp / (tp + fn) if tp + fn else None, "found": tp + fp}
        return out

    scored = {name: per_cat(run) for name, run in runs}
    pg = R["images_postguard"]
    lines = ["#### Images (benchmarks/out/images/, per-image categories)", "",
             "| tool | images | images/s (wall) | images per CPU-s | postguard / tool (wall) | "
             "postguard / tool (CPU) | peak RSS MB |", "|---|---|---|---|---|---|---|"]
    for name, run in runs:
        own = run is pg
        lines.append(f"| {name} | {run['images']} | {run['images_per_s']:.2f} | "
                     f"{run['images_per_cpu_s']:.2f} | "
                     f"{'–' if own else ratio(pg['images_per_s'], run['images_per_s'])} | "
                     f"{'–' if own else ratio(pg['images_per_cpu_s'], run['images_per_cpu_s'])}"
                     f" | {run['max_rss_mb']:.0f} |")
    lines += ["", "| category | " + " | ".join(f"{n} P | {n} R" for n, _ in runs) + " |",
              "|---|" + "---|---|" * len(runs)]
    for c in [*cats, "all"]:
        cells = " | ".join(f"{fmt(scored[n][c]['precision'])} | {fmt(scored[n][c]['recall'])}"
                           for n, _ in runs)
        lines.append(f"| {c} | {cells} |")
    lines.append("")
    R["images_scores"] = scored
    return lines


if __name__ == "__main__":
    sys.exit(main())
