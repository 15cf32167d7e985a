"""Train the harm model and export it for numpy inference (run by `make harm-model`).

    python models/train/harm/train.py [--out src/postguard/data/harm] [--check]

One-vs-rest logistic regression per harm category over the n-gram features of
`postguard.detectors.harm.features`, each feature scaled by its naive-Bayes log-count ratio
for that category (NBSVM-style: an n-gram seen mostly in that harm weighs more; the scale is
folded into the exported weights, so inference stays one linear model), trained on the texts
under `models/train/harm/texts/` except the held-out split (`dataset.is_held_out`), plus one
variant of each training text as people also type it (`augment.py`: text-speak, no
punctuation, no accents, misspellings, an emoji). Each category's threshold is chosen on
out-of-fold scores of the training split's original texts (folds by minimal pair): the lowest
threshold that raises at most HARMLESS_RAISED of the harmless texts (most are the harmful
texts' twins) with a precision of at least PRECISION_FLOOR.
Fixed seeds and sorted inputs: the same texts give the same files.

Writes `harm-keys.npy` (the sorted 64-bit n-gram keys kept), `harm-weights.npy` (float16,
a row per key, columns = categories, last row = bias) and `harm-model.json` (categories,
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

from augment import variants  # noqa: E402
from dataset import CATEGORIES, group_of, is_held_out, read_texts  # noqa: E402

from postguard.detectors.harm.features import FEATURE_VERSION, text_keys  # noqa: E402

MIN_DF = 2
# Harmless notices and public posts are what postguard reads most, and the writers' texts are
# mostly messages: each counts this many times in training (the deployment's register prior).
NOTICE_WEIGHT = 3.0
NOTICE_REGISTERS = frozenset({"staff_post", "news", "notice", "staff_note", "newsletter"})
C = 16.0
# The naive-Bayes smoothing of the log-count ratios that scale the features (NBSVM).
NB_ALPHA = 0.5
# A variant of a training text counts this much beside its original.
VARIANT_WEIGHT = 1.0
# A text in another language than English counts this much: they are a tenth of the texts,
# and the model reads them less well (held-out grooming recall 0.53 against 0.87 in English).
LANG_WEIGHT = 2.0
# Each category may raise at most this share of the harmless training texts (out of fold; most
# are the harmful texts' minimal-pair twins, far harder than what postguard reads each day) ...
HARMLESS_RAISED = 0.015
# ... and, among the texts it raises, at least this share must carry that harm. Chosen on
# benchmarks/holdout5 (seen) among 0.01-0.02 x 0.7-0.8: 0.0075 and 0.8 (the rule before) left
# 34 of 202 block posts allowed; 0.015 and 0.75 left 24, with 7 of 250 benign traps given a
# harm finding and 3 of 150 harmless staff messages raised; 0.02 and 0.7 left 21 but raised 5
# staff messages (the target is at most 3%).
PRECISION_FLOOR = 0.75
# Over-familiarity is where a warm notice and a grooming message share the most words (the
# register trap of the trial in issue 12): the model needs more certainty there.
PRECISION_FLOOR_BY_CATEGORY = {"over_familiar": 0.8}
CONVERSATION_LEAN = 0.05
MAX_FEATURES = 250_000
DEFAULT_OUT = ROOT / "src" / "postguard" / "data" / "harm"


def featurise(texts: list[str], known: np.ndarray | None = None
              ) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The feature matrix of `texts` over the sorted keys `known` (built from `texts`, keys in
    at least MIN_DF texts, when None)."""
    occ = [text_keys(t) for t in texts]
    if known is None:
        distinct = np.concatenate([np.unique(k) for k in occ])
        uniq, df = np.unique(distinct, return_counts=True)
        known = uniq[df >= MIN_DF]
    rows, cols, vals = [], [], []
    for r, k in enumerate(occ):
        if not len(k):
            continue
        at = np.minimum(np.searchsorted(known, k), len(known) - 1)
        hit = at[known[at] == k]
        col, n = np.unique(hit, return_counts=True)
        rows.append(np.full(len(col), r))
        cols.append(col)
        vals.append(n / math.sqrt(len(k)))
    x = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                          shape=(len(texts), len(known)), dtype=np.float64)
    return x, known


def nb_ratio(x: sparse.csr_matrix, y: np.ndarray) -> np.ndarray:
    """Each feature's log-count ratio: how much more often (smoothed by NB_ALPHA) it occurs in
    the texts of the category than in the others."""
    present = (x > 0).astype(np.float64)
    p = np.asarray(present[y == 1].sum(axis=0)).ravel() + NB_ALPHA
    q = np.asarray(present[y == 0].sum(axis=0)).ravel() + NB_ALPHA
    ratio: np.ndarray = np.log((p / p.sum()) / (q / q.sum()))
    return ratio


def fit(x: sparse.csr_matrix, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights over the raw features (the NB scale folded in) and the bias."""
    ratio = nb_ratio(x, y)
    clf = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=200,
                             tol=1e-3, random_state=0)
    clf.fit(x @ sparse.diags(ratio), y, sample_weight=weight)
    return clf.coef_[0].astype(np.float64) * ratio, float(clf.intercept_[0])


def run_all(problems: list[tuple[sparse.csr_matrix, np.ndarray, np.ndarray]], jobs: int
            ) -> list[tuple[np.ndarray, float]]:
    """`fit` on each (x, y, weight), in `jobs` processes; the same results in any number."""
    if jobs <= 1:
        return [fit(*p) for p in problems]
    from joblib import Parallel, delayed

    out: list[tuple[np.ndarray, float]] = Parallel(n_jobs=jobs)(delayed(fit)(*p)
                                                                for p in problems)
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def choose_threshold(y: np.ndarray, p: np.ndarray, harmless: np.ndarray,
                     precision_floor: float = PRECISION_FLOOR) -> float:
    """The lowest threshold (0.05..0.97, in steps of 0.01) at which, out of fold, at most
    HARMLESS_RAISED of the harmless texts score at or above it and the precision is at least
    `precision_floor`: recall is what is left to gain."""
    for t in np.arange(0.05, 0.971, 0.01):
        flagged = p >= t
        if not flagged.any():
            break
        if (p[harmless] >= t).mean() <= HARMLESS_RAISED and \
                y[flagged].mean() >= precision_floor:
            return round(float(t), 2)
    return 0.97


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
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="processes fitting the categories "
                    "(the result does not depend on it)")
    ap.add_argument("--max-features", type=int, default=MAX_FEATURES,
                    help="n-grams kept in the exported model (largest weights first)")
    ap.add_argument("--lang-weight", type=float, default=LANG_WEIGHT,
                    help="weight of a text in another language than English (a trial)")
    ap.add_argument("--oof", type=Path, help="also save the out-of-fold scores here (.npz), to "
                    "study threshold rules without retraining")
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

    y_orig, y_held = labels(train), labels(held)
    w_orig = np.array([(NOTICE_WEIGHT if not r["labels"] and (
        r.get("register") in NOTICE_REGISTERS or r.get("behaviour") == "benign_notice")
        else 1.0) * (args.lang_weight if r.get("lang", "en") != "en" else 1.0) for r in train])
    extra = variants(train)
    source = np.concatenate([np.arange(len(train)), np.array([i for i, _ in extra], int)])
    original = np.arange(len(source)) < len(train)
    y_train = y_orig[source]
    weight = np.where(original, w_orig[source], w_orig[source] * VARIANT_WEIGHT)
    x_train, known = featurise([r["text"] for r in train] + [t for _, t in extra])
    groups = np.array([group_of(train[i]) for i in source])
    print(f"{len(extra)} variants added to training", file=sys.stderr)

    # Thresholds from out-of-fold scores of the training split (folds by minimal pair).
    oof = np.zeros(y_train.shape, dtype=np.float64)
    folds = list(GroupKFold(n_splits=args.folds).split(x_train, groups=groups))
    tasks = [(f, k) for f in range(len(folds)) for k in range(len(CATEGORIES))
             if y_train[folds[f][0], k].min() != y_train[folds[f][0], k].max()]
    x_fold = [x_train[fit_idx] for fit_idx, _ in folds]  # one copy per fold, shared
    fitted = run_all([(x_fold[f], y_train[folds[f][0], k], weight[folds[f][0]])
                      for f, k in tasks], args.jobs)
    del x_fold
    for (f, k), (w, b) in zip(tasks, fitted, strict=True):
        val_idx = folds[f][1]
        oof[val_idx, k] = sigmoid(x_train[val_idx] @ w + b)
    oof = oof[original]  # thresholds are read on the texts as written
    if args.oof is not None:
        np.savez(args.oof, oof=oof, y=y_orig)
    harmless = y_orig.sum(axis=1) == 0
    thresholds = {c: choose_threshold(y_orig[:, k], oof[:, k], harmless,
                                      PRECISION_FLOOR_BY_CATEGORY.get(c, PRECISION_FLOOR))
                  for k, c in enumerate(CATEGORIES)}
    oof_scores = {c: scores(y_orig[:, k], oof[:, k], thresholds[c])
                  for k, c in enumerate(CATEGORIES)}
    # A message "leans" towards a category in a conversation when it scores above what all but
    # CONVERSATION_LEAN of the harmless texts score (out of fold); three leaning messages of
    # one author among their last eight make a conversation finding (by chance, for harmless
    # messages: about 56 x 0.05**3 = 0.7%).
    leaning = {c: round(min(thresholds[c], math.ceil(float(np.quantile(
        oof[harmless, k], 1 - CONVERSATION_LEAN)) * 100) / 100), 2)
        for k, c in enumerate(CATEGORIES)}

    weights = np.zeros((len(known), len(CATEGORIES)), dtype=np.float64)
    bias = np.full(len(CATEGORIES), -20.0)  # a category without examples is never found
    present = [k for k in range(len(CATEGORIES)) if y_train[:, k].min() != y_train[:, k].max()]
    for k, (w, b) in zip(present, run_all([(x_train, y_train[:, k], weight) for k in present],
                                          args.jobs), strict=True):
        weights[:, k], bias[k] = w, b

    # Keep the n-grams that matter most (largest weight in any category), in vocabulary order.
    strength = np.abs(weights).max(axis=1)
    keep = np.sort(np.argsort(-strength, kind="stable")[:args.max_features])
    keep = keep[strength[keep] > 1e-4]
    kept_keys = known[keep]
    table = np.vstack([weights[keep], bias[None, :]]).astype(np.float16)

    # Held-out scores with the exported (pruned, float16) model, computed as inference does.
    x_held, _ = featurise([r["text"] for r in held], kept_keys)
    w16 = table.astype(np.float32)
    p_held = sigmoid(np.asarray(x_held @ w16[:-1]) + w16[-1])
    held_scores = {c: scores(y_held[:, k], p_held[:, k], thresholds[c])
                   for k, c in enumerate(CATEGORIES)}
    harmless_121 = [i for i, r in enumerate(held) if not r["labels"]]
    raised = sum(
        1 for i in harmless_121
        if any(p_held[i, k] >= thresholds[c] for k, c in enumerate(CATEGORIES)))

    args.out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name, arr in (("harm-keys.npy", kept_keys), ("harm-weights.npy", table)):
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=False)
        (args.out / name).write_bytes(buf.getvalue())
        digests[name] = hashlib.sha256(buf.getvalue()).hexdigest()
    (args.out / "harm-vocab.txt").unlink(missing_ok=True)  # the layout of features version 1
    meta = {
        "about": "postguard's harm model (models/train/harm/train.py; rebuild with "
                 "`make harm-model`): one-vs-rest logistic regression (naive-Bayes scaled "
                 "features) over character 2-5-grams and word 1-2-grams, trained on texts "
                 "written by the project and their typed variants",
        "feature_version": FEATURE_VERSION,
        "categories": list(CATEGORIES),
        "thresholds": thresholds,
        "conversation_thresholds": leaning,
        "files": digests,
        "features": len(kept_keys),
        "texts": {"train": len(train), "held_out": len(held), "variants": len(extra),
                  "harmful_train": int((y_orig.sum(axis=1) > 0).sum())},
        "held_out": held_scores,
        "held_out_harmless_raised": f"{raised}/{len(harmless_121)}",
        "out_of_fold": oof_scores,
        "settings": {"min_df": MIN_DF, "C": C, "nb_alpha": NB_ALPHA,
                     "variant_weight": VARIANT_WEIGHT, "lang_weight": args.lang_weight,
                     "notice_weight": NOTICE_WEIGHT,
                     "harmless_raised": HARMLESS_RAISED,
                     "precision_floor": PRECISION_FLOOR,
                     "precision_floor_by_category": PRECISION_FLOOR_BY_CATEGORY,
                     "folds": args.folds,
                     "max_features": args.max_features},
    }
    (args.out / "harm-model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: meta[k] for k in ("thresholds", "held_out", "held_out_harmless_raised",
                                           "features")}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
