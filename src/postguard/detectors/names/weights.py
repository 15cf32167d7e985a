"""The weights of the person-name pipeline read out of spaCy's tok2vec and NER layers
(`pipeline_weights`), and `Unsupported`, raised for any layout the numpy tagger cannot run
exactly. Used by `export` (`make model`) and by `model` when the exported files are missing;
it imports nothing of this package, so neither of them imports the other.
"""

from __future__ import annotations

from typing import Any


class Unsupported(Exception):
    """The pipeline or its exported files are not something FastTagger can run exactly."""


_LEAVES = frozenset({"extract_features", "list2ragged", "ragged2list", "ints-getitem",
                     "hashembed", "maxout", "layernorm", "dropout", "expand_window"})


def _find(model: Any, name: str) -> list[Any]:
    return [n for n in model.walk() if n.name == name]


def _maxout(node: Any, norm: Any, prefix: str, arrays: dict[str, Any]) -> list[int]:
    """A maxout layer with its pieces side by side (X @ W + b, then the max of nP blocks of
    nO columns) and the layer norm after it, under `prefix`; returns [nO, nP]."""
    import numpy as np

    w, b = node.get_param("W"), node.get_param("b")
    n_out, n_pieces, n_in = w.shape
    arrays[prefix + "W"] = np.ascontiguousarray(
        w.transpose(2, 1, 0).reshape(n_in, n_pieces * n_out))
    arrays[prefix + "b"] = np.ascontiguousarray(b.T.reshape(n_pieces * n_out))
    arrays[prefix + "G"] = norm.get_param("G")
    arrays[prefix + "Gb"] = norm.get_param("b")
    return [int(n_out), int(n_pieces)]


def _tok2vec(model: Any, arrays: dict[str, Any], meta: dict[str, Any]) -> None:
    unknown = {n.name for n in model.walk() if not n.layers} - _LEAVES
    if unknown or len(model.layers) != 2:
        raise Unsupported(f"tok2vec layers {sorted(unknown)}")
    embed, encode = model.layers
    meta["columns"] = list(_find(embed, "extract_features")[0].attrs["columns"])
    tables = []
    for i, pair in enumerate(_find(embed, "ints-getitem>>hashembed")):
        getitem, hashembed = pair.layers
        arrays[f"embed{i}"] = hashembed.get_param("E")
        tables.append([int(getitem.attrs["index"][1]), int(hashembed.attrs["seed"])])
    if len(tables) != len(meta["columns"]):
        raise Unsupported("embedding tables")
    meta["tables"] = tables
    (mo,), (ln,) = _find(embed, "maxout"), _find(embed, "layernorm")
    meta["reduce"] = _maxout(mo, ln, "reduce_", arrays)
    meta["pad"] = int(encode.attrs.get("pad", 0))
    blocks = [n for n in encode.walk() if n.name.startswith("residual(") and
              len(n.layers) == 1 and not _find(n.layers[0], "residual")]
    meta["blocks"] = []
    for k, block in enumerate(blocks):
        (win,), (mo,), (ln,) = (_find(block, "expand_window"), _find(block, "maxout"),
                                _find(block, "layernorm"))
        if win.attrs["window_size"] != 1:
            raise Unsupported("window size")
        meta["blocks"].append(_maxout(mo, ln, f"block{k}_", arrays))
    if not blocks or meta["pad"] != len(blocks):
        raise Unsupported("encoder depth")


def _ner(ner: Any, arrays: dict[str, Any], meta: dict[str, Any]) -> None:
    import numpy as np

    model = ner.model
    if model.attrs.get("unseen_classes") or not model.attrs.get("has_upper"):
        raise Unsupported("ner output layer")
    t2v, lower, upper = model.layers
    (linear,) = _find(t2v, "linear")
    arrays["proj_W"] = linear.get_param("W").T.copy()
    arrays["proj_b"] = linear.get_param("b")
    w = lower.get_param("W")
    n_feats, n_hidden, n_pieces, n_in = w.shape
    if n_feats != 3:
        raise Unsupported("ner features")
    # Pieces side by side (piece-major), as in _maxout: the max is over nP blocks.
    arrays["lower"] = np.ascontiguousarray(
        w.transpose(0, 2, 1, 3).reshape(n_feats * n_pieces * n_hidden, n_in).T)
    arrays["lower_pad"] = np.ascontiguousarray(
        lower.get_param("pad")[0].transpose(0, 2, 1).reshape(n_feats, -1))
    arrays["lower_b"] = np.ascontiguousarray(lower.get_param("b").T.reshape(-1))
    meta["shape"] = [int(n_feats), int(n_hidden), int(n_pieces)]
    arrays["upper_W"] = upper.get_param("W").T.copy()
    arrays["upper_b"] = upper.get_param("b")
    moves = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    if len(moves) != arrays["upper_b"].shape[0]:
        raise Unsupported("ner moves")
    meta["moves"] = []
    for name in moves:
        kind, _, label = name.partition("-")
        if kind not in ("B", "I", "L", "U", "O"):
            raise Unsupported(f"ner move {kind}")
        meta["moves"].append([kind, label])


def pipeline_weights(nlp: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(arrays, meta) of a tok2vec + ner pipeline, or Unsupported for any other layout."""
    if list(nlp.pipe_names) != ["tok2vec", "ner"]:
        raise Unsupported(f"pipeline {nlp.pipe_names}")
    arrays: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    try:
        _tok2vec(nlp.get_pipe("tok2vec").model, arrays, meta)
        _ner(nlp.get_pipe("ner"), arrays, meta)
    except (KeyError, ValueError, AttributeError, IndexError) as exc:
        raise Unsupported(f"unexpected model layout ({type(exc).__name__})") from exc
    if meta["columns"] != ["NORM", "PREFIX", "SUFFIX", "SHAPE"]:
        raise Unsupported(f"feature columns {meta['columns']}")
    return arrays, meta
