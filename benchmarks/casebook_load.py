"""Load on the casebook: concurrent clients filing text items over HTTP on loopback, and a
`kill -9` of the server in the middle of it.

    python benchmarks/casebook_load.py [--db sqlite|postgresql] [--items 5000] [--clients 20]
                                       [--kill-after N]

Targets (issue 15): 20 concurrent clients filing 5,000 text items with POST /v1/items:
>= 200 items/s on SQLite, p95 <= 100 ms; the same run on PostgreSQL recorded. With
--kill-after N the server (a `postguard serve --casebook` process) gets SIGKILL once N items
got their 201; it is restarted and every item that got a 201 must be in the casebook, and
`postguard casebook verify` must pass. The run is bounded: each client stops when the shared
count of items is reached, or at the first failed connection after the kill.

SQLite lives in a temporary folder; PostgreSQL is a throwaway server (initdb + pg_ctl on a
loopback port) with fsync on, as in production. The load generator is a minimal asyncio
HTTP/1.1 client (one keep-alive connection per client) so that it costs little CPU next to
the server on the same cores. Items are synthetic staff drafts and comments.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import Any

from postguard.casebook import init_schema, open_casebook, throwaway_pg

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proctree import tree_cpu  # noqa: E402

TEMPLATES = [
    "Brilliant afternoon at the club with the under twelves, proud of every one of them #{n}",
    "Training is at the usual time next week, bring water, boots and a coat please ({n})",
    "Any questions about fixture {n} call the office on 0117 496 0123",
    "Reminder {n}: trip forms are due on Friday, parents can email info@example.org",
    "Ring me on 07911 {n:06d} tonight if you need a lift",
    "great game today lol, see u all at practice {n}",
]


def start_server(url: str) -> tuple[subprocess.Popen[bytes], int]:
    port = throwaway_pg.free_port()
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--casebook", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode()[-500:]}"
                             if proc.stderr else "the server stopped")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


class Load:
    def __init__(self, port: int, token: str, items: int, kill_after: int | None,
                 proc: subprocess.Popen[bytes]) -> None:
        self.port, self.token, self.items = port, token, items
        self.kill_after, self.proc = kill_after, proc
        self.counter = itertools.count()
        self.latencies: list[float] = []
        self.filed: list[str] = []  # item ids that got a 201
        self.failures: dict[str, int] = {}
        self.killed_at: float | None = None
        self.cpu_probe = lambda: 0.0
        self.cpu_start = 0.0

    def body(self, n: int) -> bytes:
        text = TEMPLATES[n % len(TEMPLATES)].format(n=n)
        meta = {"direction": "inbound", "author": "parent"} if n % 3 == 0 else {}
        return json.dumps({"id": f"load-{n}", "text": text, "metadata": meta}).encode()

    async def client(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            while (n := next(self.counter)) < self.items:
                body = self.body(n)
                head = (f"POST /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                        f"Bearer {self.token}\r\nContent-Type: application/json\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n")
                t = time.perf_counter()
                try:
                    writer.write(head.encode() + body)
                    await writer.drain()
                    headers = await reader.readuntil(b"\r\n\r\n")
                    length = next(int(line.split(b":", 1)[1]) for line in headers.split(
                        b"\r\n") if line.lower().startswith(b"content-length:"))
                    payload = await reader.readexactly(length)
                except (OSError, asyncio.IncompleteReadError, StopIteration):
                    if self.killed_at is None:
                        raise
                    self.failures["connection lost after the kill"] = (
                        self.failures.get("connection lost after the kill", 0) + 1)
                    return
                status = headers.split(b" ", 2)[1].decode()
                if status != "201":
                    self.failures[status] = self.failures.get(status, 0) + 1
                    continue
                self.latencies.append(time.perf_counter() - t)
                self.filed.append(json.loads(payload)["item_id"])
                if self.kill_after is not None and len(self.filed) >= self.kill_after \
                        and self.killed_at is None:
                    self.killed_at = time.perf_counter()
                    os.kill(self.proc.pid, signal.SIGKILL)
        finally:
            writer.close()

    async def run(self, clients: int, warmup: int) -> float:
        if warmup:  # first requests load lazily-built pieces: not part of the measure
            measured, self.items = self.items, warmup
            await asyncio.gather(*(self.client() for _ in range(clients)))
            self.items, self.counter = measured, itertools.count()
            self.latencies.clear()
        self.cpu_start = self.cpu_probe()
        t = time.perf_counter()
        await asyncio.gather(*(self.client() for _ in range(clients)))
        return time.perf_counter() - t


def check_after_restart(url: str, filed: list[str]) -> None:
    proc, _ = start_server(url)  # the restart: the schema check and recovery must pass
    proc.terminate()
    proc.wait(timeout=30)
    book = open_casebook(url)
    try:
        with book.engine.connect() as conn:
            present = {r[0] for r in conn.exec_driver_sql("SELECT id FROM items")}
        missing = [i for i in filed if i not in present]
        result = book.verify()
    finally:
        book.close()
    print(f"after kill -9 and restart: {len(filed)} items got a 201, "
          f"{len(filed) - len(missing)} of them present, {len(missing)} missing; "
          f"{len(present)} items in the casebook; verify: {result.line()}")
    if missing or not result.ok:
        raise SystemExit(1)


def _postmaster(pg: Any) -> int | None:
    try:
        with open(os.path.join(pg.base, "data", "postmaster.pid")) as fh:
            return int(fh.readline())
    except (OSError, ValueError):
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=200,
                    help="items filed first, not measured (default 200)")
    ap.add_argument("--kill-after", type=int, metavar="N",
                    help="SIGKILL the server once N items got their 201, then check")
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="pg-casebook-load-")
    pg: Any = None
    try:
        if args.db == "sqlite":
            url = f"sqlite:///{folder}/casebook.db"
        else:
            pg = throwaway_pg.start(durable=True)
            url = pg.create_database("load")
        init_schema(url)
        book = open_casebook(url)
        token = book.add_user("cms", "designated")
        book.close()
        proc, port = start_server(url)
        db_pid = _postmaster(pg) if pg is not None else None
        try:
            load = Load(port, token, args.items, args.kill_after, proc)
            load.cpu_probe = lambda: tree_cpu(proc.pid) + (tree_cpu(db_pid) if db_pid else 0.0)
            seconds = asyncio.run(load.run(args.clients, args.warmup))
            cpu = load.cpu_probe() - load.cpu_start
        finally:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(timeout=30)
        ms = sorted(x * 1000 for x in load.latencies)
        print(f"{args.db}: {len(ms)} items filed (201, after the warm-up) by {args.clients} "
              f"concurrent clients in {seconds:.1f} s = {len(ms) / seconds:,.0f} items/s; "
              f"load average {os.getloadavg()[0]:.1f}; other answers: {load.failures or 'none'}")
        if args.kill_after is None and ms:
            # The machine is shared: CPU per item (server, and database server) says what
            # the cores would give when idle.
            per_item = cpu / len(ms)
            print(f"server{' + PostgreSQL' if db_pid else ''} CPU per item: "
                  f"{per_item * 1000:.2f} ms (one server process: at most "
                  f"~{1 / per_item:,.0f} items/s on an idle core)")
        if ms:
            print(f"latency ms: median {ms[len(ms) // 2]:.1f}, p95 {ms[int(len(ms) * 0.95)]:.1f}"
                  f", p99 {ms[int(len(ms) * 0.99)]:.1f}, max {ms[-1]:.1f} "
                  f"(targets: >= 200 items/s, p95 <= 100 ms)")
        if args.kill_after is not None:
            check_after_restart(url, load.filed)
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
