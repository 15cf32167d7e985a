from __future__ import annotations

import pytest

from postguard.detectors.names import PersonNameDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> PersonNameDetector:
    """The person-name detector under the default policy."""
    return PersonNameDetector(Policy.default())
