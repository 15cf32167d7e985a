"""Screening on Dask (extra `dask`): the same batch beyond one machine.

From the command line, `postguard batch ... --engine dask` runs the batch on a LocalCluster
(`--workers` processes) or on an existing cluster (`--scheduler tcp://host:8786`). Posts are
read and reports written by the client exactly as with the local engine (input order,
`--resume`, flat memory); chunks of posts are screened on the workers, each of which builds
its Screener once.

From Python, screen a Dask bag of posts; each element is a `Post`, a record
`{"id", "text", "images", "metadata"}` or a plain string, and becomes its report as a dict
(the DESIGN.md JSON):

    import dask.bag as db
    from postguard.dask_engine import screen_bag

    reports = screen_bag(db.read_text("archive-*.jsonl").map(json.loads), policy="policy.toml")
    blocked = reports.filter(lambda r: r["verdict"] == "block").compute()

A Dask dataframe with `id` and `text` columns goes through the same call:
`screen_bag(df.to_bag(format="dict"))`. Image paths must be readable by the workers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from .batch import (
    Chunk,
    Screened,
    check_images,
    error_report,
    ordered_window,
    policy_key,
    screen_chunk,
)
from .batch import worker_screener as _worker_screener
from .errors import InputError, MissingDependencyError
from .model import Post
from .policy import Policy


def _policy(policy: Policy | str | None) -> Policy:
    if isinstance(policy, Policy):
        return policy
    return Policy.load(policy) if policy else Policy.default()


class DaskEngine:
    """The `--engine dask` back end of `batch.run_batch`."""

    chunk_size = 500

    def __init__(self, policy: Policy, *, workers: int = 1, scheduler: str | None = None,
                 cluster_kwargs: dict[str, Any] | None = None) -> None:
        try:
            import dask.distributed
        except ImportError:
            raise MissingDependencyError("dask", "dask", "--engine dask") from None
        self.policy = policy
        self.key = policy_key(policy)
        self.cluster: Any = None
        # dask's own classes are untyped: reach them through Any.
        Client: Any = dask.distributed.Client
        LocalCluster: Any = dask.distributed.LocalCluster
        if scheduler:
            try:
                self.client: Any = Client(scheduler, timeout=30)
            except (OSError, TimeoutError) as exc:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler} "
                                 f"({type(exc).__name__})") from None
        else:
            kwargs = {"n_workers": max(1, workers), "threads_per_worker": 1,
                      "processes": True, "dashboard_address": None}
            kwargs.update(cluster_kwargs or {})
            self.cluster = LocalCluster(**kwargs)
            self.client = Client(self.cluster)
        n = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = 2 * n + 2

    def map(self, chunks: Iterator[Chunk], html: bool) -> Iterator[list[Screened]]:
        client = self.client
        policy = client.scatter(self.policy, broadcast=True)

        def submit(chunk: Chunk) -> Any:
            return client.submit(screen_chunk, policy, self.key, chunk, html, pure=False)

        yield from ordered_window(submit, lambda fut: fut.result(), chunks, self.in_flight)

    def close(self, *, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _screen_partition(items: Iterable[Any], policy: Policy, key: str) -> list[dict[str, Any]]:
    from .inputs import post_from_record

    screener = _worker_screener(policy, key)
    out = []
    for element in items:
        if isinstance(element, Post):
            post = element
        elif isinstance(element, str):
            post = Post(text=element)
        else:
            try:
                post = post_from_record(element, "a bag element", "")
            except InputError as exc:
                pid = element.get("id") if isinstance(element, dict) else None
                out.append(error_report(str(pid) if pid is not None else "", exc).to_dict())
                continue
            if post.id == "":  # no id in the record: the report's id is null, as for a str
                post = dataclasses.replace(post, id=None)
        out.append(check_images(post, screener.screen(post)).to_dict())
    return out


def screen_bag(bag: Any, policy: Policy | str | None = None) -> Any:
    """A bag of report dicts, one per element of `bag`, in the bag's order."""
    pol = _policy(policy)
    return bag.map_partitions(_screen_partition, pol, policy_key(pol))


__all__ = ["DaskEngine", "screen_bag"]
