"""The command line: `main(argv) -> int` over the library's own functions.

Exit codes (DESIGN.md): 0 verdict below --fail-on, 1 at or above it, 2 usage, configuration
or input error (one line on stderr; also a scan or a batch in which any post could not be
fully screened, see `render.not_screened`, and I/O errors such as a full disk), 3 internal
error.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from .errors import InputError, PostguardError
from .model import Verdict

EXIT_OK, EXIT_FLAGGED, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
log = logging.getLogger(__name__)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="postguard", description="Screen social-media drafts against the "
                "organisation's online safety policy.")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="log progress to stderr (-vv for debug, which may show post text)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = sub.add_parser("scan", help="screen one draft (file, - for stdin) and its photos")
    s.add_argument("file", nargs="?", help="the draft text file, or - for standard input")
    s.add_argument("--image", action="append", default=[], metavar="PATH",
                   help="an attached photo (repeat for several)")
    s.add_argument("--metadata", metavar="FILE", help="post metadata as a JSON file")
    s.add_argument("--id", help="the post id to put in the report")
    _common(s)
    s.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people (default) or the JSON report")
    s.add_argument("--redact-out", metavar="DIR",
                   help="write the redacted text (and images) into DIR")

    b = sub.add_parser("batch", help="screen every post of archives and exports, one report "
                       "per line")
    b.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSONL, CSV, a folder of drafts, or an X/Facebook/Instagram/WordPress "
                   "export (a file, a folder or the .zip the platform hands out)")
    b.add_argument("--out", default="-", metavar="FILE", help="reports as JSONL (default stdout)")
    b.add_argument("--input-format", metavar="FORMAT",
                   choices=("jsonl", "csv", "folder", "draft", "twitter", "facebook",
                            "instagram", "wordpress"),
                   help="the inputs' format (default: detected)")
    b.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes to screen with, this one included (default 1)")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted run: skip the posts already in --out FILE")
    b.add_argument("--html", metavar="FILE", help="also write an offline HTML report")
    b.add_argument("--csv", metavar="FILE", help="also write a CSV summary, one row per post")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: an existing scheduler (default: a LocalCluster)")
    b.add_argument("--no-progress", action="store_true",
                   help="no progress bar even on a terminal")
    b.add_argument("--casebook", metavar="URL",
                   help="also file every screened post into this casebook (its queue)")
    _common(b)

    v = sub.add_parser("serve", help="run the HTTP service and the staff review page")
    v.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    v.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    v.add_argument("--policy", metavar="FILE", help="a policy TOML file (default: shipped)")
    v.add_argument("--max-body-mb", type=float, default=64.0, metavar="MB",
                   help="largest request body accepted (default 64: a few phone photos)")
    v.add_argument("--max-pixels", type=int, default=40_000_000, metavar="N",
                   help="largest image accepted, in pixels (default 40 million)")
    v.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time allowed per request (default 30)")
    v.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes (default 1)")
    v.add_argument("--casebook", metavar="URL",
                   help="run the casebook on this database (sqlite:///postguard.db or "
                   "postgresql://...): the queue at /, sign-in on every path")

    d = sub.add_parser("detectors", help="list the installed detectors")
    d.add_argument("--policy", metavar="FILE", help="a policy TOML file (default: shipped)")

    e = sub.add_parser("explain", help="explain a finding code, e.g. PG101")
    e.add_argument("code", help="a finding code such as PG101 (any case)")
    from .casebook.commands import add_parser as add_casebook_parser

    add_casebook_parser(sub)
    for command in sub.choices.values():  # -v after the command works too
        command.add_argument("-v", "--verbose", action="count", default=0, dest="sub_verbose",
                             help="log progress to stderr (-vv for debug, which may show "
                             "post text)")
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--policy", metavar="FILE", help="a policy TOML file (default: shipped)")
    p.add_argument("--fail-on", choices=("review", "block"), default="block",
                   help="exit 1 when the verdict is at or above this (default block)")


def _screener(policy: str | None) -> Any:
    from .screener import Screener

    return Screener(policy)


def _load_metadata(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    from .inputs import read_text

    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg})", source=path) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: metadata must be a JSON object", source=path)
    return data


def _cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    from .inputs import read_text
    from .model import Post
    from .render import not_screened, safe, to_json, to_text

    if args.file is None and not args.image:
        raise _UsageError("postguard scan: give a draft FILE, - for stdin, or --image PATH")
    text = read_text(args.file) if args.file is not None else ""
    if not text.strip() and not args.image:  # `cat missing | postguard scan -`: never allow
        where = "standard input" if args.file == "-" else args.file
        raise InputError(f"{where}: the draft is empty: nothing to screen", source=args.file)
    metadata = _load_metadata(args.metadata)
    for img in args.image:
        if os.path.isdir(img):
            raise InputError(f"{img}: is a folder, not an image file", source=img)
        if not os.path.isfile(img):
            raise InputError(f"{img}: no such image file", source=img)
    if args.redact_out:  # checked before screening, not after
        _redact_folder(args.redact_out)
    screener = _screener(args.policy)
    name = args.file if args.file not in (None, "-") else "<stdin>" if args.file else ""
    post = Post(text=text, images=tuple(args.image), id=args.id or (name or None),
                metadata=metadata)
    report = screener.screen(post)
    # One rule for what could not be screened (a photo or a metadata field that cannot be
    # read, a detector that failed), here, in batch and in the API: the report is given
    # (verdict at least review, the cause in `errors` or a detector_error finding); the CLI
    # then exits 2, as batch does, and the API answers 200.
    unscreened = not_screened(report)
    if args.format == "json":
        out.write(to_json(report) + "\n")
    else:
        colour = out.isatty() and os.environ.get("NO_COLOR") is None
        out.write(safe(to_text(report, text, name=name, colour=colour)) + "\n")
    if args.redact_out:
        _write_redacted(args, report, post)
    if unscreened:
        more = f" (and {len(unscreened) - 1} more in the report)" if len(unscreened) > 1 else ""
        print(f"postguard: error: not fully screened: {unscreened[0]}{more}", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_FLAGGED if report.verdict.rank >= Verdict(args.fail_on).rank else EXIT_OK


def _redact_folder(out_dir: str) -> None:
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise InputError(f"{out_dir}: --redact-out needs a folder, and this is a file",
                         source=out_dir)
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise InputError(f"{out_dir}: cannot write ({os.strerror(errno.EACCES)})", source=out_dir)


def _write_redacted(args: argparse.Namespace, report: Any, post: Any) -> None:
    out_dir = args.redact_out
    _redact_folder(out_dir)
    if args.file is not None:
        name = "draft.txt" if args.file == "-" else os.path.basename(args.file)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8",
                  errors="surrogateescape") as fh:
            fh.write(report.redacted_text)
    if post.images:
        try:
            from .images.redact import redact_images
        except ImportError:
            return
        redact_images(post, report, out_dir)


def _cmd_batch(args: argparse.Namespace, out: TextIO) -> int:
    import signal

    from .batch import run_batch

    if args.workers < 1:
        raise _UsageError("postguard batch: --workers must be 1 or more")
    if args.resume and args.out == "-":
        raise _UsageError("postguard batch: --resume needs --out FILE")
    if args.scheduler and args.engine != "dask":
        raise _UsageError("postguard batch: --scheduler needs --engine dask")

    batch_pid = os.getpid()

    def terminated(signum: int, frame: Any) -> None:
        if os.getpid() != batch_pid:  # a worker, forked before it set its own handler
            os._exit(128 + signum)
        raise KeyboardInterrupt  # stop the workers; what is written stays

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        summary = run_batch(
            args.inputs, out if args.out == "-" else args.out, policy=args.policy,
            workers=args.workers, resume=args.resume, input_format=args.input_format,
            html=args.html, csv=args.csv, engine=args.engine, scheduler=args.scheduler,
            progress=False if args.no_progress else None, casebook=args.casebook,
        )
    finally:
        signal.signal(signal.SIGTERM, previous)
    for line in summary.lines():
        print(line, file=sys.stderr)
    if summary.errors:  # a post not (fully) screened is never a silent pass: exit 2
        return EXIT_INPUT
    return EXIT_FLAGGED if summary.worst.rank >= Verdict(args.fail_on).rank else EXIT_OK


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from .server import Limits, serve

    for bad, why in ((not 1 <= args.port <= 65535, "--port must be from 1 to 65535"),
                     (args.workers < 1, "--workers must be 1 or more"),
                     (not args.timeout > 0, "--timeout must be more than 0 seconds"),
                     (not 0 < args.max_body_mb < float("inf"),
                      "--max-body-mb must be more than 0 (a number of MB)"),
                     (args.max_pixels < 1, "--max-pixels must be 1 or more")):
        if bad:
            raise _UsageError(f"postguard serve: {why}")
    if not args.verbose:  # where it listens, and one line a request (never a body)
        logging.basicConfig(format="postguard: %(message)s")
        logging.getLogger("postguard.server").setLevel(logging.INFO)
    serve(args.host, args.port, policy=args.policy, workers=args.workers, casebook=args.casebook,
          limits=Limits(max_body=int(args.max_body_mb * 2**20), max_pixels=args.max_pixels,
                        timeout=args.timeout))
    return EXIT_OK


def _cmd_detectors(args: argparse.Namespace, out: TextIO) -> int:
    screener = _screener(args.policy)
    active = set(screener.detector_names)
    for name in screener.registry.names():
        cls = screener.registry.get(name)
        cats = ", ".join(c.value for c in cls.categories)
        state = "on " if name in active else "off"
        out.write(f"{state} {name:<18} {cats:<40} {cls.description}\n")
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from .codes import code_table, explain

    info = explain(args.code)
    if info is None:
        raise _UsageError(
            f"postguard explain: unknown code '{args.code}'; known codes: "
            + ", ".join(sorted(code_table()))
        )
    out.write(f"{info.code}  {info.title}  (category: {info.category.value})\n\n"
              f"Why: {info.why}\n\nWhat to do: {info.fix}\n")
    return EXIT_OK


def _cmd_casebook(args: argparse.Namespace, out: TextIO) -> int:
    from .casebook.commands import run as run_casebook

    return run_casebook(args, out)


COMMANDS = {"scan": _cmd_scan, "batch": _cmd_batch, "serve": _cmd_serve,
            "detectors": _cmd_detectors, "explain": _cmd_explain, "casebook": _cmd_casebook}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"postguard: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.version:
        from . import __version__

        out.write(f"postguard {__version__}\n")
        return EXIT_OK
    args.verbose += getattr(args, "sub_verbose", 0)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG if args.verbose > 1 else logging.INFO,
                            format="postguard: %(levelname)s %(name)s: %(message)s")
    if args.command is None:
        _parser().print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return COMMANDS[args.command](args, out)
    except _UsageError as exc:
        print(f"postguard: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except PostguardError as exc:
        print(f"postguard: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("postguard: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a full disk, a read-only folder: the user's to fix, in the OS's words
        where = exc.filename if exc.filename is not None else "standard output"
        print(f"postguard: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # never a traceback, never a silent 0
        log.debug("internal error", exc_info=True)
        # The exception's text may quote the post, so only its type is shown.
        print(f"postguard: internal error: {type(exc).__name__} "
              "(run with -vv for details and report it)", file=sys.stderr)
        return EXIT_INTERNAL


#: Numeric libraries run on one thread in the command's process (and the batch workers it
#: forks): postguard's matrices are small (the name model keeps each product on one thread),
#: batches parallelise across posts, and OpenBLAS starting a thread per core costs ~40 ms of
#: every cold start. Set only where unset, and only for the command, not for importers.
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def run() -> NoReturn:
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    sys.exit(main())
