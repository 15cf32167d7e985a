"""A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temporary
folder, listening on a loopback port only, trust authentication for its own superuser.

`initdb` and `postgres` refuse to run as root, so as root they run as the `postgres` user
(`runuser -u postgres --`), which Debian's `postgresql` package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass


def find_bindir() -> str | None:
    """The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl, or None."""
    found = [os.path.dirname(p) for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")
             if os.path.exists(os.path.join(os.path.dirname(p), "pg_ctl"))]
    found.sort(key=lambda d: int(d.split("/")[-2]) if d.split("/")[-2].isdigit() else 0)
    return found[-1] if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ThrowawayPostgres:
    bindir: str
    base: str
    port: int
    as_user: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def stop(self) -> None:
        subprocess.run([*self.as_user, os.path.join(self.bindir, "pg_ctl"), "-D",
                        os.path.join(self.base, "data"), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60, check=False)
        shutil.rmtree(self.base, ignore_errors=True)


def start(*, durable: bool = False) -> ThrowawayPostgres:
    """Start a server; `durable=False` turns fsync off (tests: faster, and a lost temp folder
    loses nothing). Raises RuntimeError with the server's log when it does not come up."""
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL is not installed (/usr/lib/postgresql/*/bin); "
                                "scripts/setup.sh installs Debian's postgresql")
    base = tempfile.mkdtemp(prefix="pg-casebook-")
    as_user: tuple[str, ...] = ()
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        as_user = ("runuser", "-u", "postgres", "--")
    data, log = os.path.join(base, "data"), os.path.join(base, "server.log")
    init = subprocess.run([*as_user, os.path.join(bindir, "initdb"), "-D", data, "-U",
                           "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions",
                           *(() if durable else ("--no-sync",))],
                          capture_output=True, text=True, timeout=180, check=False)
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stderr.strip()[-500:]}")
    port = free_port()
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c max_connections=100"
               + ("" if durable else " -c fsync=off -c synchronous_commit=off"))
    ctl = subprocess.run([*as_user, os.path.join(bindir, "pg_ctl"), "-D", data, "-l", log,
                          "-w", "-t", "60", "-o", options, "start"],
                         capture_output=True, text=True, timeout=120, check=False)
    server = ThrowawayPostgres(bindir, base, port, as_user)
    if ctl.returncode != 0:
        try:
            with open(log, encoding="utf-8", errors="replace") as fh:
                tail = fh.read()[-800:]
        except OSError:
            tail = ctl.stderr
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {tail.strip()}")
    return server
