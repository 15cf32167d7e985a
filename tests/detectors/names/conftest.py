from __future__ import annotations

import pytest

from postguard import Screener
from postguard.detectors.names import PersonNameDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> PersonNameDetector:
    """The person-name detector under the default policy."""
    return PersonNameDetector(Policy.default())


@pytest.fixture(scope="module")
def screener() -> Screener:
    """A screener with every detector, under the default policy."""
    return Screener()
