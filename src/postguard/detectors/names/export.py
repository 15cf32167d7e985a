"""Reading the person-name pipeline out of spaCy, for the run-time path that needs no spaCy.

`make model` (through `models/export_fast.py`) calls `write_fast_files`: the weights of the
tok2vec and NER layers go into `fast.npz`, and everything else `FastTagger` and
`NameTokenizer` need into `fast.json`: the tokenizer's rules, the lexeme NORM table, spaCy's
symbol ids, the hashing seeds and feature columns, the NER moves, a checksum of each pipeline
file the export read (stale files are refused), and the probes with what spaCy made of them
(tokens, entities, tensor row sums), so the self-check at load time needs no spaCy.
`load_tagger` also uses `pipeline_weights` when those files are missing: the numpy layers then
read spaCy's own tokens. Everything here imports spaCy or thinc; nothing here runs at scan time
while the files are sound.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .name_model import Unsupported, source_checksums, spacy_probes

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


def _pattern(fn: Any) -> list[Any] | None:
    """[pattern, flags] of a tokenizer callable that is a compiled regex's bound method."""
    if fn is None:
        return None
    owner = getattr(fn, "__self__", None)
    if not isinstance(owner, re.Pattern) or not isinstance(owner.pattern, str):
        raise Unsupported("a tokenizer rule is not a regular expression")
    return [owner.pattern, int(owner.flags)]


def tokenizer_spec(nlp: Any) -> dict[str, Any]:
    """The tokenizer's rules and the lexical tables NameTokenizer needs."""
    from spacy.attrs import NORM, ORTH, PREFIX, SHAPE, SUFFIX, intify_attrs
    from spacy.lang import lex_attrs
    from spacy.symbols import IDS
    from spacy.util import _get_attr_unless_lookup

    from .name_tokenizer import (
        _PATTERNS,
        NameTokenizer,
        compiled_regex,
        matcher_patterns,
        regex_platform,
    )

    tok = nlp.tokenizer
    getters = nlp.vocab.lex_attr_getters
    if (getters.get(PREFIX) is not lex_attrs.prefix or getters.get(SUFFIX) is not lex_attrs.suffix
            or getters.get(SHAPE) is not lex_attrs.word_shape):
        raise Unsupported("lexical attribute getters")
    norm = getters.get(NORM)
    if getattr(norm, "func", None) is not _get_attr_unless_lookup or norm.args[0] is not \
            lex_attrs.lower or norm.keywords:
        raise Unsupported("the NORM getter")
    norms: dict[str, str] = {}
    for table in reversed(norm.args[1]):  # the first table that has a string wins
        norms.update({str(k): str(v) for k, v in dict(table).items()})
    specials = {}
    for key, pieces in tok.rules.items():
        attrs = [intify_attrs(p, _do_deprecated=True) for p in pieces]
        if any(set(a) - {ORTH, NORM} for a in attrs):
            raise Unsupported("a special case sets more than ORTH and NORM")
        specials[key] = [[a[ORTH], a.get(NORM) or None] for a in attrs]
    spec: dict[str, Any] = {
        "prefix": _pattern(tok.prefix_search), "suffix": _pattern(tok.suffix_search),
        "infix": _pattern(tok.infix_finditer), "token_match": _pattern(tok.token_match),
        "url_match": _pattern(tok.url_match), "specials": specials, "norms": norms,
        "symbols": dict(IDS),
    }
    compiled = {}
    for name in _PATTERNS:
        if spec[name] is not None:
            code = compiled_regex(*spec[name])
            if code is not None:
                compiled[spec[name][0]] = code
    spec["compiled"] = {"platform": regex_platform(), "patterns": compiled}
    spec["matcher"] = matcher_patterns(NameTokenizer(spec), bool(tok.faster_heuristics),
                                       specials)
    return spec


def write_fast_files(folder: Path) -> None:
    """Export the pipeline in `folder` into `folder/fast.npz` and `folder/fast.json`, after
    checking that FastTagger reads the probes from them exactly as spaCy does."""
    import numpy as np
    import spacy

    from .name_model import FAST_FORMAT, FastTagger, load_fast_files

    nlp = spacy.load(folder)
    arrays, meta = pipeline_weights(nlp)
    info = {"format": FAST_FORMAT, "spacy": version("spacy"), "model": meta,
            "tokenizer": tokenizer_spec(nlp), "sources": source_checksums(folder),
            "probes": spacy_probes(nlp)}
    tmp = Path(tempfile.mkdtemp(dir=folder.parent))  # never left inside the pipeline
    try:
        np.savez(tmp / "fast.npz", **arrays)
        (tmp / "fast.json").write_text(json.dumps(info, ensure_ascii=False, sort_keys=True),
                                       encoding="utf-8")
        FastTagger(*load_fast_files(tmp, sources=folder))  # raises Unsupported on a difference
        for name in ("fast.npz", "fast.json"):
            os.replace(tmp / name, folder / name)
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
