"""The places family's fixtures, defined once for its test files: the address detector (which
also reports locations) and a screener, both under the default policy."""

from __future__ import annotations

import pytest

from postguard import Screener
from postguard.detectors.places import AddressDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> AddressDetector:
    """The address detector under the default policy."""
    return AddressDetector(Policy.default())


@pytest.fixture(scope="module")
def screener() -> Screener:
    """A screener with every detector, under the default policy."""
    return Screener()
