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

from .model import source_checksums, spacy_probes
from .weights import Unsupported, pipeline_weights

__all__ = ["pipeline_weights", "tokenizer_spec", "write_fast_files"]

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

    from .tokenizer import (
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

    from .model import FAST_FORMAT, FastTagger, load_fast_files

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
