"""`postguard casebook init|add-user|verify|export --db URL` (wired in `postguard.cli`).

Each returns the exit code: 0 done (verify: intact), 1 verify found tampering, and errors
raise `PostguardError` (the CLI prints one line and exits 2).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ..errors import InputError
from . import require
from .rules import ROLES


def add_parser(sub: Any) -> None:
    c = sub.add_parser("casebook", help="the safeguarding casebook: init, add-user, verify, "
                       "export")
    cs = c.add_subparsers(dest="casebook_command", required=True, parser_class=type(c),
                          metavar="{init,add-user,verify,export}")
    for name, what in (("init", "create or upgrade the casebook's database"),
                       ("add-user", "add a user; prints the API token (once) as the last "
                        "line"),
                       ("verify", "check the audit chain: exit 0 intact, 1 tampered"),
                       ("export", "write items, decisions and the audit log as JSONL")):
        p = cs.add_parser(name, help=what)
        p.add_argument("--db", required=True, metavar="URL",
                       help="sqlite:///postguard.db or postgresql://user@host/db")
        if name == "add-user":
            p.add_argument("name", help="the user's sign-in name")
            p.add_argument("--role", required=True, choices=ROLES,
                           help="designated (decides held items), dsl (the designated "
                           "safeguarding lead: escalated items too) or admin")
            p.add_argument("--email", help="where escalation emails go (dsl users)")
            p.add_argument("--password-stdin", action="store_true",
                           help="read a password for the page's sign-in from stdin")
        if name == "export":
            p.add_argument("--out", default="-", metavar="FILE",
                           help="the JSONL file (default stdout)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    require()
    from .schema import init_schema, shown
    from .store import Casebook

    if args.casebook_command == "init":
        revision = init_schema(args.db)
        out.write(f"casebook {shown(args.db)}: schema at revision {revision}\n")
        return 0
    book = Casebook(args.db)
    try:
        if args.casebook_command == "add-user":
            password = None
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\r\n")
                if not password:
                    raise InputError("--password-stdin: no password on standard input")
            token = book.add_user(args.name, args.role, email=args.email, password=password)
            out.write(f"added {args.role} user {args.name}; their API token (shown once, "
                      "only its hash is kept):\n")
            out.write(token + "\n")
            return 0
        if args.casebook_command == "verify":
            result = book.verify()
            (out if result.ok else sys.stderr).write(result.line() + "\n")
            return 0 if result.ok else 1
        if args.out == "-":
            counts = book.export(out)
        else:
            try:
                with open(args.out, "w", encoding="utf-8") as fh:
                    counts = book.export(fh)
            except OSError as exc:
                raise InputError(f"{args.out}: cannot write ({exc.strerror})") from None
        print(f"exported {counts['item']} items, {counts['decision']} decisions, "
              f"{counts['audit']} audit entries", file=sys.stderr)
        return 0
    finally:
        book.close()
