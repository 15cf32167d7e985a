"""A harm model folder written by a test: the shipped categories, given keys and weight rows,
thresholds 0.5, the files' hashes in harm-model.json (what `HarmWeights` checks on load)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np

from postguard.detectors.harm import features
from postguard.detectors.harm.weights import HarmWeights, load_weights


def write_model(folder: Path, keys: np.ndarray, table: np.ndarray) -> HarmWeights:
    """Write keys and weight rows as a model in `folder` and load it."""
    cats = list(load_weights().categories)
    files = {}
    for name, arr in (("harm-keys.npy", keys), ("harm-weights.npy", table)):
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=False)
        (folder / name).write_bytes(buf.getvalue())
        files[name] = hashlib.sha256(buf.getvalue()).hexdigest()
    meta = {"categories": cats, "thresholds": {c: 0.5 for c in cats},
            "feature_version": features.FEATURE_VERSION, "files": files}
    (folder / "harm-model.json").write_text(json.dumps(meta), "utf-8")
    return HarmWeights(folder)
