"""Latency of `postguard serve` for text-only screens under concurrent clients on loopback.

    python benchmarks/serve_latency.py [--clients 20] [--requests 50] [--policy FILE]
                                       [--server-workers 1]

Target (issue 5): median <= 20 ms for POST /v1/screen with a ~40-word draft, 20 concurrent
clients. Each client keeps one HTTP/1.1 connection and sends its requests one after
another (bounded loop); the load generator is a minimal asyncio HTTP client so that the
client itself costs little CPU next to the server on the same 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proctree import tree_cpu  # noqa: E402

DRAFTS = [
    "Brilliant afternoon at the club with the under twelves, proud of every one of them. "
    "Training is at the usual time next week, bring water, boots and a coat please.",
    "Thank you to all the volunteers who ran the tea stall on Saturday, we raised enough for "
    "new goal nets. Any questions call the office on 0117 496 0123.",
    "Reminder: the summer trip forms are due on Friday. Parents can email info@example.org "
    "if anything is unclear. See you all at the match on Sunday morning!",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(policy: str | None, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    cmd = [exe, "serve", "--port", str(port)]
    if policy:
        cmd += ["--policy", policy]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


async def client(port: int, n: int, bodies: list[bytes], out: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for i in range(n):
            body = bodies[i % len(bodies)]
            head = (f"POST /v1/screen HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
            t = time.perf_counter()
            writer.write(head.encode() + body)
            await writer.drain()
            headers = await reader.readuntil(b"\r\n\r\n")
            status = headers.split(b" ", 2)[1]
            length = 0
            for line in headers.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            out.append(time.perf_counter() - t)
            if status != b"200":
                raise SystemExit(f"HTTP {status.decode()}")
    finally:
        writer.close()


async def load(port: int, clients: int, requests: int) -> tuple[list[float], float]:
    bodies = [json.dumps({"text": d, "id": f"d{i}"}).encode() for i, d in enumerate(DRAFTS)]
    await asyncio.gather(*(client(port, 20, bodies, []) for _ in range(4)))  # warm up
    latencies: list[float] = []
    t = time.perf_counter()
    await asyncio.gather(*(client(port, requests, bodies, latencies) for _ in range(clients)))
    return latencies, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="requests per client")
    ap.add_argument("--policy")
    ap.add_argument("--server-workers", type=int, default=1)
    args = ap.parse_args()
    proc, port = start(args.policy, args.server_workers)
    try:
        cpu = tree_cpu(proc.pid)
        latencies, seconds = asyncio.run(load(port, args.clients, args.requests))
        cpu = tree_cpu(proc.pid) - cpu
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    ms = sorted(x * 1000 for x in latencies)
    print(f"{len(ms)} requests, {args.clients} concurrent clients, "
          f"{args.server_workers} server process(es), {len(ms) / seconds:,.0f} requests/s, "
          f"load average {os.getloadavg()[0]:.1f}")
    per_request = cpu * 1000 / (len(ms) + 80)
    print(f"server CPU per request (warm-up included): {per_request:.2f} ms")
    # With every client waiting on a saturated server, a request waits for the ones ahead
    # of it (Little's law): on idle cores the median is about clients x CPU per request /
    # server processes. On a busy machine the measured latency mostly shows the neighbours.
    print(f"CPU-bound estimate on idle cores: median ~"
          f"{args.clients * per_request / args.server_workers:.1f} ms")
    print(f"latency ms: median {statistics.median(ms):.1f}, p90 {ms[int(len(ms) * 0.9)]:.1f}, "
          f"p99 {ms[int(len(ms) * 0.99)]:.1f}, max {ms[-1]:.1f} (target: median <= 20)")


if __name__ == "__main__":
    main()
