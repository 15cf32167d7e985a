"""Resources of a process and its descendants, read from /proc (Linux). Written by the
postguard project for the benchmarks."""

from __future__ import annotations

import os


def tree_sum(root: int, fields_value: tuple[int, ...], scale: float) -> float:
    """Sum of /proc/PID/stat fields `fields_value` (0-based, counted after the command name),
    times `scale`, over `root` and all its live descendants."""
    children: dict[int, list[int]] = {}
    value: dict[int, float] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)
        value[pid] = sum(int(fields[i]) for i in fields_value) * scale
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += value.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of `root` and its descendants."""
    return int(tree_sum(root, (21,), os.sysconf("SC_PAGE_SIZE")))


def tree_cpu(root: int) -> float:
    """User + system CPU seconds of `root` and its live descendants."""
    return tree_sum(root, (11, 12), 1 / os.sysconf("SC_CLK_TCK"))
