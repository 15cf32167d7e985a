from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def screener():
    import postguard

    return postguard.Screener()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"public test data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def zip_policy(tmp_path: Path) -> str:
    """Phone, QR and metadata detectors only: fast, and each flags one of the archive
    tests' photos (tests/archive_media.py)."""
    p = tmp_path / "policy.toml"
    p.write_text('[detectors]\nenabled = ["phone", "qr_code", "image_metadata"]\n')
    return str(p)
