"""`--engine dask` and `screen_bag`: the same reports as the local engine, on a LocalCluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.distributed", reason="needs the 'dask' extra")
import dask.bag as db  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

from postguard.batch import run_batch  # noqa: E402
from postguard.cli import main  # noqa: E402
from postguard.dask_engine import screen_bag  # noqa: E402
from postguard.model import Post  # noqa: E402
from postguard.policy import Policy  # noqa: E402
from postguard.screener import Screener  # noqa: E402

POLICY = {"detectors": {"enabled": ["phone"]}}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as c, Client(c):
        yield c


def test_cli_dask_engine_matches_local(cluster: Any, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"p{i}", "text": f"call 07911 12345{i % 10}"
                                       if i % 4 == 0 else "hello"}) + "\n"
                           for i in range(1200)) + "{bad\n")
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([str(src)], str(local), policy=str(policy))
    code = main(["batch", str(src), "--out", str(dask_out), "--policy", str(policy),
                 "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert code == 2  # the "{bad" line could not be screened (issue 14: exit 2)
    assert dask_out.read_bytes() == local.read_bytes()


def test_screen_bag_matches_the_screener(cluster: Any) -> None:
    elements: list[Any] = [
        "ring 07911 123456",
        {"id": "r1", "text": "nothing here"},
        Post(text="07911 123456", id="post"),
        {"id": "bad", "text": 5},
        {"text": "call 07911 654321", "metadata": {"audience": "children"}},
    ]
    bag = db.from_sequence(elements, npartitions=3)
    got = screen_bag(bag, Policy.from_dict(POLICY)).compute()
    assert [r["id"] for r in got] == [None, "r1", "post", "bad", None]
    assert [r["verdict"] for r in got] == ["block", "allow", "block", "review", "block"]
    screener = Screener(POLICY)
    assert got[0] == screener.screen("ring 07911 123456").to_dict()
