"""Train the harm model and export it for numpy inference (run by `make harm-model`).

    python models/train/harm/train.py [--out src/postguard/data/harm] [--check]

One-vs-rest logistic regression per harm category over the n-gram features of
`postguard.detectors.harm.features`, trained on the texts under `models/train/harm/texts/`
except the held-out split (`dataset.is_held_out`). Each category's threshold is chosen on
out-of-fold scores of the training split (5 folds by minimal pair): the lowest threshold whose
precision reaches the target. Fixed seeds and sorted inputs: the same texts give the same files.

Writes `harm-vocab.txt` (one n-gram a line after a header line), `harm-weights.npy` (float16,
rows = vocabulary, columns = categories, last row = bias) and `harm-model.json` (categories,
thresholds, feature version, file digests, counts and held-out scores). scikit-learn is a
build-time dependency only (the `dev` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from dataset import CATEGORIES, group_of, is_held_out, read_texts  # noqa: E402

from postguard.detectors.harm.features import FEATURE_VERSION, grams  # noqa: E402

MIN_DF = 2
C = 4.0
PRECISION_TARGET = 0.9
MAX_FEATURES = 250_000
DEFAULT_OUT = ROOT / "src" / "postguard" / "data" / "harm"


def featurise(texts: list[str], vocab: dict[str, int] | None = None
              ) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """The feature matrix of `texts` (building the vocabulary when none is given)."""
    occ = [grams(t) for t in texts]
    if vocab is None:
        df: Counter[str] = Counter()
        for g in occ:
            df.update(set(g))
        kept = sorted(g for g, n in df.items() if n >= MIN_DF)
        vocab = {g: i for i, g in enumerate(kept)}
    rows, cols, vals = [], [], []
    for r, g in enumerate(occ):
        counts = Counter(x for x in g if x in vocab)
        norm = 1.0 / math.sqrt(max(1, len(g)))
        for x, n in sorted(counts.items()):
            rows.append(r)
            cols.append(vocab[x])
            vals.append(n * norm)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)), dtype=np.float64)
    return x, vocab


def fit(x: sparse.csr_matrix, y: np.ndarray) -> tuple[np.ndarray, float]:
    clf = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=200,
                             random_state=0)
    clf.fit(x, y)
    return clf.coef_[0].astype(np.float64), float(clf.intercept_[0])


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def choose_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The lowest threshold whose out-of-fold precision reaches the target (0.5 at least when
    precision never gets there; clamped to 0.3..0.95)."""
    best = None
    for t in np.arange(0.30, 0.951, 0.01):
        flagged = p >= t
        if flagged.sum() and y[flagged].mean() >= PRECISION_TARGET:
            best = float(t)
            break
    return round(best if best is not None else 0.5, 2)


def scores(y: np.ndarray, p: np.ndarray, t: float) -> dict[str, float]:
    flagged = p >= t
    tp = int((flagged & (y == 1)).sum())
    prec = tp / max(1, int(flagged.sum()))
    rec = tp / max(1, int(y.sum()))
    auc = float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")
    return {"precision": round(prec, 3), "recall": round(rec, 3), "auc": round(auc, 4),
            "positives": int(y.sum())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)

    seen: set[str] = set()
    recs: list[dict[str, Any]] = []
    for rec in read_texts():
        if rec["text"] in seen:
            continue
        seen.add(rec["text"])
        recs.append(rec)
    train = [r for r in recs if not is_held_out(r)]
    held = [r for r in recs if is_held_out(r)]
    print(f"{len(recs)} texts: {len(train)} to train, {len(held)} held out", file=sys.stderr)

    def labels(rs: list[dict[str, Any]]) -> np.ndarray:
        return np.array([[c in r["labels"] for c in CATEGORIES] for r in rs], dtype=np.int8)

    y_train, y_held = labels(train), labels(held)
    x_train, vocab = featurise([r["text"] for r in train])
    groups = np.array([group_of(r) for r in train])

    # Thresholds from out-of-fold scores of the training split (folds by minimal pair).
    oof = np.zeros(y_train.shape, dtype=np.float64)
    for fit_idx, val_idx in GroupKFold(n_splits=args.folds).split(x_train, groups=groups):
        for k in range(len(CATEGORIES)):
            yk = y_train[fit_idx, k]
            if yk.min() == yk.max():
                continue
            w, b = fit(x_train[fit_idx], yk)
            oof[val_idx, k] = sigmoid(x_train[val_idx] @ w + b)
    thresholds = {c: choose_threshold(y_train[:, k], oof[:, k]) for k, c in enumerate(CATEGORIES)}

    weights = np.zeros((len(vocab), len(CATEGORIES)), dtype=np.float64)
    bias = np.zeros(len(CATEGORIES), dtype=np.float64)
    for k in range(len(CATEGORIES)):
        if y_train[:, k].min() == y_train[:, k].max():
            bias[k] = -20.0
            continue
        weights[:, k], bias[k] = fit(x_train, y_train[:, k])

    # Keep the n-grams that matter most (largest weight in any category), in vocabulary order.
    strength = np.abs(weights).max(axis=1)
    keep = np.sort(np.argsort(-strength, kind="stable")[:MAX_FEATURES])
    keep = keep[strength[keep] > 1e-4]
    inverse = sorted(vocab, key=vocab.__getitem__)
    kept_grams = [inverse[i] for i in keep]
    table = np.vstack([weights[keep], bias[None, :]]).astype(np.float16)

    # Held-out scores with the exported (pruned, float16) model, computed as inference does.
    x_held, _ = featurise([r["text"] for r in held], {g: i for i, g in enumerate(kept_grams)})
    w16 = table.astype(np.float32)
    p_held = sigmoid(np.asarray(x_held @ w16[:-1]) + w16[-1])
    held_scores = {c: scores(y_held[:, k], p_held[:, k], thresholds[c])
                   for k, c in enumerate(CATEGORIES)}
    harmless_121 = [i for i, r in enumerate(held) if not r["labels"]]
    raised = sum(
        1 for i in harmless_121
        if any(p_held[i, k] >= thresholds[c] for k, c in enumerate(CATEGORIES)))

    args.out.mkdir(parents=True, exist_ok=True)
    vocab_text = ("# postguard harm model vocabulary (written by models/train/harm/train.py): "
                  "one n-gram a line, in weight-table row order\n" + "\n".join(kept_grams))
    (args.out / "harm-vocab.txt").write_text(vocab_text, encoding="utf-8")
    buf = io.BytesIO()
    np.save(buf, table, allow_pickle=False)
    (args.out / "harm-weights.npy").write_bytes(buf.getvalue())
    meta = {
        "about": "postguard's harm model (models/train/harm/train.py; rebuild with "
                 "`make harm-model`): one-vs-rest logistic regression over character 2-5-grams "
                 "and word 1-2-grams, trained on texts written by the project",
        "feature_version": FEATURE_VERSION,
        "categories": list(CATEGORIES),
        "thresholds": thresholds,
        "files": {
            "harm-vocab.txt": hashlib.sha256(vocab_text.encode("utf-8")).hexdigest(),
            "harm-weights.npy": hashlib.sha256(buf.getvalue()).hexdigest(),
        },
        "features": len(kept_grams),
        "texts": {"train": len(train), "held_out": len(held),
                  "harmful_train": int((y_train.sum(axis=1) > 0).sum())},
        "held_out": held_scores,
        "held_out_harmless_raised": f"{raised}/{len(harmless_121)}",
        "settings": {"min_df": MIN_DF, "C": C, "precision_target": PRECISION_TARGET,
                     "folds": args.folds, "max_features": MAX_FEATURES},
    }
    (args.out / "harm-model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: meta[k] for k in ("thresholds", "held_out", "held_out_harmless_raised",
                                           "features")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
