"""Headless Debian Chromium for the browser tests (the HTML report, the review page, the
casebook), started as this machine's closed network needs it. Importing this module skips the
importing test module when chromium, chromium-driver or selenium is missing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("chromium and chromium-driver are not installed (scripts/setup.sh installs "
                "them)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a dev dependency")
from selenium.webdriver.chrome.service import Service  # noqa: E402


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driver with a throwaway profile and no background networking."""
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager fetch anything
    profile = tempfile.mkdtemp(prefix="pg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
