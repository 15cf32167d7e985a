"""postguard's person-name pipeline at run time: loading it, and running it fast on a window.

The pipeline (`models/postguard_en`, tok2vec + ner, trained by `make model`) is loaded once
per process. It is tiny, yet a spaCy call on a 20-token window costs about 1 ms: thinc walks
some forty layers per call, and its BLIS matrix products are slow at this size. `FastTagger`
computes the same entities with a few numpy operations on the pipeline's own weights: the
tok2vec (hashed embeddings, maxout, layer norm, window encoder) and the NER's greedy
transition decoding (BILUO moves and their validity rules as spaCy's `ner.pyx` has them,
for a fresh document: no preset entities). When it is built it checks itself against spaCy
on probe sentences; a difference, or an architecture it does not know, and `load_tagger`
keeps spaCy. Long windows also go to spaCy (the decoding loop is Python).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import PluginError

log = logging.getLogger(__name__)

MODEL_NAME = "postguard_en"
MAX_FAST_TOKENS = 256  # longer windows go through spaCy (its decoding loop is C)
_MNK = 1_000_000  # multiply-adds per matrix product that OpenBLAS runs on one thread

Entity = tuple[int, int, str]  # start, end (characters into the text), label
_SURROGATE = re.compile("[\ud800-\udfff]")
Tagger = Callable[[str], list[Entity]]

_LEAVES = frozenset({"extract_features", "list2ragged", "ragged2list", "ints-getitem",
                     "hashembed", "maxout", "layernorm", "dropout", "expand_window"})
# Sentences the fast path must read exactly as spaCy does before it is used.
_PROBES = (
    "Well done to Amelia Hartley-Brown and Tom Okafor in Year 6!",
    "Congratulations to María José García López, who won the poetry prize.",
    "Mrs Patel took 7C to Brighton Dome; Zhang Wei  and\nOliwia Żółkiewska sang.",
    "Huge thanks to Keira O'Donoghue",
    "Tom",
    "Our trip to Milton Keynes with Year 10 was brilliant. Ivo Kristensen led the quiz",
)


def model_path() -> Path:
    """Where the shipped pipeline lives (inside the installed package)."""
    import postguard.models as models_pkg

    return Path(models_pkg.__file__).resolve().parent / MODEL_NAME


_lock = threading.Lock()
_nlp: Any = None
_taggers: dict[Path | None, Tagger] = {}


def load_pipeline(path: Path | None = None) -> Any:
    """The spaCy pipeline, loaded once per process. A missing or corrupt folder raises a
    PluginError that names the path and how to rebuild it."""
    global _nlp
    if _nlp is not None and path is None:
        return _nlp
    with _lock:
        if _nlp is not None and path is None:
            return _nlp
        where = path or model_path()
        if not (where / "meta.json").is_file():
            raise PluginError(
                f"the person-name model is missing at {where}; rebuild it with `make model`",
                detector="person_name",
            )
        try:
            import spacy

            nlp = spacy.load(where)
        except Exception as exc:
            raise PluginError(
                f"the person-name model at {where} could not be loaded "
                f"({type(exc).__name__}); rebuild it with `make model`",
                detector="person_name",
            ) from exc
        if path is None:
            _nlp = nlp
        return nlp


def spacy_entities(doc: Any) -> list[Entity]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def encodable(text: str) -> str:
    """The text with lone surrogates (which spaCy cannot hash) as U+FFFD: one character for
    one, so offsets stay right."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def load_tagger(path: Path | None = None) -> Tagger:
    """text -> entities: the fast path when it reads the probes as spaCy does, else spaCy.
    One per model folder and process."""
    key = path  # None: the shipped model
    tagger = _taggers.get(key)
    if tagger is not None:
        return tagger
    nlp = load_pipeline(path)
    with _lock:
        tagger = _taggers.get(key)
        if tagger is None:
            try:
                tagger = FastTagger(nlp)
            except Unsupported as exc:
                log.info("person-name model: spaCy reads every window (%s)", exc)
                tagger = _SpacyTagger(nlp)
            _taggers[key] = tagger
    return tagger


class Unsupported(Exception):
    """The pipeline is not one FastTagger knows how to run exactly."""


class _SpacyTagger:
    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str) -> list[Entity]:
        return spacy_entities(self.nlp(encodable(text)))


def _leaves(model: Any) -> list[Any]:
    return [n for n in model.walk() if not n.layers]


def _find(model: Any, name: str) -> list[Any]:
    return [n for n in model.walk() if n.name == name]


class FastTagger:
    """tok2vec + ner of the pipeline in numpy, for one short text at a time."""

    def __init__(self, nlp: Any) -> None:
        import numpy as np
        from thinc.api import NumpyOps

        self._np = np
        self._ops = NumpyOps()
        self._nlp = nlp
        if list(nlp.pipe_names) != ["tok2vec", "ner"]:
            raise Unsupported(f"pipeline {nlp.pipe_names}")
        try:
            self._load_tok2vec(nlp.get_pipe("tok2vec").model)
            self._load_ner(nlp.get_pipe("ner"))
        except (KeyError, ValueError, AttributeError, IndexError) as exc:
            raise Unsupported(f"unexpected model layout ({type(exc).__name__})") from exc
        self._check(_PROBES)

    # -- weights ----------------------------------------------------------------------
    def _maxout(self, node: Any) -> tuple[Any, Any, int, int]:
        """Maxout weights with the pieces side by side: X @ W + b, then the max of nP
        blocks of nO columns."""
        np = self._np
        w, b = node.get_param("W"), node.get_param("b")
        n_out, n_pieces, n_in = w.shape
        wr = np.ascontiguousarray(w.transpose(2, 1, 0).reshape(n_in, n_pieces * n_out))
        br = np.ascontiguousarray(b.T.reshape(n_pieces * n_out))
        return wr, br, n_out, n_pieces

    def _load_tok2vec(self, model: Any) -> None:
        leaves = _leaves(model)
        unknown = {n.name for n in leaves} - _LEAVES
        if unknown or len(model.layers) != 2:
            raise Unsupported(f"tok2vec layers {sorted(unknown)}")
        embed, encode = model.layers
        self._columns = _find(embed, "extract_features")[0].attrs["columns"]
        self._tables = []
        for pair in _find(embed, "ints-getitem>>hashembed"):
            getitem, hashembed = pair.layers
            col = getitem.attrs["index"][1]
            self._tables.append((col, hashembed.get_param("E"), hashembed.attrs["seed"]))
        if len(self._tables) != len(self._columns):
            raise Unsupported("embedding tables")
        (mo,), (ln,) = _find(embed, "maxout"), _find(embed, "layernorm")
        self._reduce = (self._maxout(mo), (ln.get_param("G"), ln.get_param("b")))
        self._pad = int(encode.attrs.get("pad", 0))
        blocks = [n for n in encode.walk() if n.name.startswith("residual(") and
                  len(n.layers) == 1 and not _find(n.layers[0], "residual")]
        self._blocks = []
        for block in blocks:
            (win,), (mo,), (ln,) = (_find(block, "expand_window"), _find(block, "maxout"),
                                    _find(block, "layernorm"))
            if win.attrs["window_size"] != 1:
                raise Unsupported("window size")
            self._blocks.append((self._maxout(mo), (ln.get_param("G"), ln.get_param("b"))))
        if not self._blocks or self._pad != len(self._blocks):
            raise Unsupported("encoder depth")

    def _load_ner(self, ner: Any) -> None:
        model = ner.model
        if model.attrs.get("unseen_classes") or not model.attrs.get("has_upper"):
            raise Unsupported("ner output layer")
        t2v, lower, upper = model.layers
        (linear,) = _find(t2v, "linear")
        self._proj = (linear.get_param("W").T.copy(), linear.get_param("b"))
        w = lower.get_param("W")
        n_feats, n_hidden, n_pieces, n_in = w.shape
        if n_feats != 3:
            raise Unsupported("ner features")
        # Pieces side by side (piece-major), as in _maxout: the max is over nP blocks.
        np = self._np
        self._lower = np.ascontiguousarray(
            w.transpose(0, 2, 1, 3).reshape(n_feats * n_pieces * n_hidden, n_in).T)
        self._lower_pad = np.ascontiguousarray(
            lower.get_param("pad")[0].transpose(0, 2, 1).reshape(n_feats, -1))
        self._lower_b = np.ascontiguousarray(lower.get_param("b").T.reshape(-1))
        self._shape = (n_feats, n_hidden, n_pieces)
        self._upper = (upper.get_param("W").T.copy(), upper.get_param("b"))
        moves = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        if len(moves) != self._upper[1].shape[0]:
            raise Unsupported("ner moves")
        self._moves: list[tuple[str, str]] = []
        for name in moves:
            kind, _, label = name.partition("-")
            if kind not in ("B", "I", "L", "U", "O"):
                raise Unsupported(f"ner move {kind}")
            self._moves.append((kind, label))
        np = self._np
        labelled = np.array([label != "" for _, label in self._moves])
        # Boolean rows over the moves: which are B/I/L/U with a label, or O.
        self._kinds = {k: np.array([kind == k for kind, _ in self._moves]) & (labelled | (k == "O"))
                       for k in "BILUO"}
        self._same_label = [np.array([label == lb for _, lb in self._moves]) & labelled
                            for _, label in self._moves]

    def _check(self, probes: Sequence[str]) -> None:
        np = self._np
        for text in probes:
            doc = self._nlp(text)
            mine = self._nlp.make_doc(text)
            if not np.allclose(self.tensor(mine), doc.tensor, atol=1e-4):
                raise Unsupported("tok2vec differs from spaCy on a probe")
            if self(text) != spacy_entities(doc):
                raise Unsupported("entities differ from spaCy on a probe")

    # -- running ----------------------------------------------------------------------
    def _mm(self, x: Any, w: Any) -> Any:
        """x @ w in row blocks of at most _MNK multiply-adds: above that, OpenBLAS starts
        threads, which costs ten times more CPU at these sizes."""
        rows = max(1, _MNK // (w.shape[0] * w.shape[1]))
        if x.shape[0] <= rows:
            return x @ w
        out = self._np.empty((x.shape[0], w.shape[1]), dtype=x.dtype)
        for i in range(0, x.shape[0], rows):
            self._np.matmul(x[i:i + rows], w, out=out[i:i + rows])
        return out

    def _layer(self, x: Any, maxout: tuple[Any, Any, int, int], norm: tuple[Any, Any]) -> Any:
        """Maxout then layer norm (the same arithmetic as thinc's mean and var)."""
        wr, br, n_out, n_pieces = maxout
        y = self._mm(x, wr)
        y += br
        h = y.reshape(-1, n_pieces, n_out).max(axis=1)
        d = h - h.sum(axis=1, keepdims=True) / n_out
        var = (d * d).sum(axis=1, keepdims=True) / n_out + 1e-08
        return d * var ** (-1.0 / 2.0) * norm[0] + norm[1]

    def tensor(self, doc: Any) -> Any:
        """The tok2vec output of a doc (what spaCy puts in doc.tensor)."""
        np, ops = self._np, self._ops
        ids = doc.to_array(self._columns)
        parts = [ops.gather_add(table, ops.hash(np.ascontiguousarray(ids[:, col]), seed)
                                % table.shape[0])
                 for col, table, seed in self._tables]
        x = self._layer(np.hstack(parts), *self._reduce)
        n, width = x.shape
        pad = self._pad
        z = np.zeros((n + 2 * pad, width), dtype=x.dtype)
        z[pad:pad + n] = x
        for maxout, norm in self._blocks:
            win = np.zeros((z.shape[0], 3 * width), dtype=z.dtype)
            win[1:, :width] = z[:-1]
            win[:, width:2 * width] = z
            win[:-1, 2 * width:] = z[1:]
            z = z + self._layer(win, maxout, norm)
        return z[pad:pad + n]

    def __call__(self, text: str) -> list[Entity]:
        text = encodable(text)
        doc = self._nlp.make_doc(text)
        n = len(doc)
        if n == 0:
            return []
        if n > MAX_FAST_TOKENS:
            return spacy_entities(self._nlp(text))
        out = []
        for s, e, label in self._decode(doc, n):
            last = doc[e - 1]
            out.append((doc[s].idx, last.idx + len(last), self._moves[label][1]))
        return out

    def _best(self, rows: Any, valid: Any) -> list[int]:
        """The best valid move of each state whose summed feature rows (before the bias)
        are `rows`: the first highest score, as spaCy's arg_max_if_valid picks."""
        np = self._np
        _, n_hidden, n_pieces = self._shape
        u = rows + self._lower_b
        h = u.reshape(-1, n_pieces, n_hidden).max(axis=1)
        w, b = self._upper
        scores = self._mm(h, w) + b
        return np.where(valid, scores, -np.inf).argmax(axis=1).tolist()  # type: ignore[no-any-return]

    def _decode(self, doc: Any, n: int) -> list[tuple[int, int, int]]:
        """Greedy BILUO decoding, as spaCy's parser does it for a doc without presets:
        (first token, end token, index of the B or U move) of each entity."""
        np = self._np
        from spacy.attrs import IS_SPACE, SENT_START

        flags = doc.to_array([SENT_START, IS_SPACE])
        sent_start = flags[:, 0] == 1
        space = flags[:, 1] != 0
        # next_ok[t]: an entity may go on past token t (not the last token, and the next one
        # does not start a sentence).
        next_ok = np.zeros(n, dtype=bool)
        next_ok[:-1] = ~sent_start[1:]
        kinds = self._kinds
        w, b = self._proj
        x = self._mm(self.tensor(doc), w) + b
        pre = self._mm(x, self._lower).reshape(n, 3, -1)
        # Every token read with no entity open: features (token, none, none).
        closed = pre[:, 0] + self._lower_pad[1]
        closed += self._lower_pad[2]
        valid = ((kinds["B"] & (next_ok & ~space)[:, None]) | (kinds["U"] & ~space[:, None])
                 | kinds["O"])
        plan = self._best(closed, valid)
        spans: list[tuple[int, int, int]] = []
        t = 0
        while t < n:
            move = plan[t]
            kind = self._moves[move][0]
            if kind == "U":
                spans.append((t, t + 1, move))
            elif kind == "B":
                # While this entity is open, token u reads (u, entity start, u - 1).
                rest = pre[t + 1:, 0] + pre[t, 1]
                rest += pre[t:n - 1, 2]
                same = self._same_label[move]
                inside = self._best(rest, (kinds["I"] & same & next_ok[t + 1:, None])
                                    | (kinds["L"] & same))
                for k, step in enumerate(inside):
                    if self._moves[step][0] == "L":
                        spans.append((t, t + k + 2, move))
                        t += k + 1
                        break
                else:  # no L before the end: spaCy cannot get here either
                    return spans
            t += 1
        return spans
