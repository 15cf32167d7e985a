"""The command sets its numeric libraries to one thread, without overriding the user's choice,
and only in the command's own process (importing postguard changes no environment)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from postguard import cli


@pytest.mark.parametrize(("preset", "expected"), [(None, "1"), ("4", "4")])
def test_run_sets_one_thread_unless_set(monkeypatch: pytest.MonkeyPatch, preset: str | None,
                                        expected: str) -> None:
    for name in cli._ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    if preset is not None:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", preset)
    monkeypatch.setattr(cli, "main", lambda: 0)
    with pytest.raises(SystemExit) as stop:
        cli.run()
    assert stop.value.code == 0
    assert os.environ["OPENBLAS_NUM_THREADS"] == expected
    assert os.environ["OMP_NUM_THREADS"] == "1" and os.environ["MKL_NUM_THREADS"] == "1"


def test_importing_postguard_sets_no_thread_variables() -> None:
    env = {k: v for k, v in os.environ.items() if k not in cli._ONE_THREAD}
    code = ("import os, postguard; s = postguard.Screener(); s.screen('draft'); "
            "print(sorted(k for k in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', "
            "'MKL_NUM_THREADS') if k in os.environ))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"
