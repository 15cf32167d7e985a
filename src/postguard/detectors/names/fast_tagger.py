"""`FastTagger`: the person-name pipeline's tok2vec and NER computed in numpy on the pipeline's
own weights (hashed embeddings, maxout, layer norm, window encoder; greedy BILUO decoding with
spaCy's validity rules), checked against spaCy on probe sentences before it is used. See
`names.model` for how it is loaded and when spaCy reads instead."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from .weights import Unsupported

MAX_FAST_TOKENS = 256  # tokens per chunk of a window
_HASHED_LIMIT = 20_000  # tokens' embedding rows kept (a full cache is emptied)
_LOOKAHEAD = 16  # tokens scored at a time while an entity is open
_MNK = 1_000_000  # multiply-adds per matrix product that OpenBLAS runs on one thread

Entity = tuple[int, int, str]  # start, end (characters into the text), label
_SURROGATE = re.compile("[\ud800-\udfff]")
# text -> (start, end) of each token, and its NORM, PREFIX, SUFFIX and SHAPE keys and whether
# it is whitespace (IS_SPACE, 0 or 1)
Row = tuple[int, ...]
Featurizer = Callable[[str], tuple[list[tuple[int, int]], list[Row]]]

# Sentences the fast path must read exactly as spaCy does before it is used.
_PROBES = (
    "Well done to Amelia Hartley-Brown and Tom Okafor in Year 6!",
    "Congratulations to María José García López, who won the poetry prize.",
    "Mrs Patel took 7C to Brighton Dome; Zhang Wei  and\nOliwia Żółkiewska sang.",
    "Huge thanks to Keira O'Donoghue",
    "Tom",
    "Our trip to Milton Keynes with Year 10 was brilliant. Ivo Kristensen led the quiz",
    "Don't miss it!! Email j.smith@school.org.uk or see https://example.com/a-b?x=1 :) 🎉",
    "Mr. O’Neill's class (7B) raised £1,250 — a.m. & p.m. sessions…",
)


def spacy_entities(doc: Any) -> list[Entity]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def encodable(text: str) -> str:
    """The text with lone surrogates (which spaCy cannot hash) as U+FFFD: one character for
    one, so offsets stay right."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


class _SpacyFeatures:
    """A featurizer over spaCy's own tokenizer and lexemes."""

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import IS_SPACE, NORM, PREFIX, SHAPE, SUFFIX

        self._nlp = nlp
        self._cols = [NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE]

    def __call__(self, text: str) -> tuple[list[tuple[int, int]], list[Row]]:
        doc = self._nlp.make_doc(text)
        return ([(t.idx, t.idx + len(t)) for t in doc],
                [tuple(r) for r in doc.to_array(self._cols).tolist()])


def spacy_probes(nlp: Any, texts: Sequence[str] = _PROBES) -> list[dict[str, Any]]:
    """What spaCy makes of the probe texts: tokens, entities, tensor row sums."""
    out = []
    for text in texts:
        doc = nlp(text)
        out.append({"text": text, "tokens": [[t.idx, t.idx + len(t)] for t in doc],
                    "entities": [list(e) for e in spacy_entities(doc)],
                    "rowsums": [float(r) for r in doc.tensor.sum(axis=1)]})
    return out


def thinc_hash(ids: Any, seeds: Any) -> Any:
    """thinc's `NumpyOps.hash` (MurmurHash3 x64 128 of one uint64 key, as four uint32) for
    every key of `ids` (n x k) with the seed of its column (k): n x k x 4."""
    import numpy as np

    u = np.uint64
    h1 = ids * u(0x87C37B91114253D5)
    h1 = (h1 << u(31)) | (h1 >> u(33))
    h1 *= u(0x4CF5AD432745937F)
    h2 = np.broadcast_to(seeds.astype(np.uint64) ^ u(8), h1.shape)
    h1 ^= h2
    h1 += h2
    h2 = h2 + h1
    for h in (h1, h2):
        h ^= h >> u(33)
        h *= u(0xFF51AFD7ED558CCD)
        h ^= h >> u(33)
        h *= u(0xC4CEB9FE1A85EC53)
        h ^= h >> u(33)
    h1 += h2
    h2 += h1
    out = np.empty(ids.shape + (2, 2), dtype=np.uint32)
    out[..., 0, 0] = h1 & u(0xFFFFFFFF)
    out[..., 0, 1] = h1 >> u(32)
    out[..., 1, 0] = h2 & u(0xFFFFFFFF)
    out[..., 1, 1] = h2 >> u(32)
    return out.reshape(ids.shape + (4,))


class FastTagger:
    """tok2vec + ner of the pipeline in numpy, for one text at a time."""

    def __init__(self, arrays: Mapping[str, Any], meta: Mapping[str, Any],
                 featurize: Featurizer, probes: Sequence[Mapping[str, Any]]) -> None:
        import numpy as np

        self._np = np
        self.featurize = featurize
        self._hashed: dict[Row, bytes] = {}  # a token's features -> its embedding rows
        try:
            self._load(arrays, meta)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
            raise Unsupported(f"unexpected model layout ({type(exc).__name__})") from exc
        try:
            self._check(probes)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
            raise Unsupported(f"unreadable probes ({type(exc).__name__})") from exc

    @classmethod
    def from_pipeline(cls, nlp: Any) -> FastTagger:
        """The numpy layers over spaCy's tokens, checked against spaCy on the probes."""
        from .weights import pipeline_weights

        arrays, meta = pipeline_weights(nlp)
        return cls(arrays, meta, _SpacyFeatures(nlp), spacy_probes(nlp))

    # -- weights ----------------------------------------------------------------------
    def _load(self, arrays: Mapping[str, Any], meta: Mapping[str, Any]) -> None:
        np = self._np
        f32 = np.float32
        tables = meta["tables"]
        embeds = [np.asarray(arrays[f"embed{i}"], dtype=f32) for i in range(len(tables))]
        width = {e.shape[1] for e in embeds}
        if len(tables) != 4 or len(width) != 1:
            raise ValueError("embedding tables")
        self._cols = [int(c) for c, _ in tables]
        self._seeds = np.array([int(s) for _, s in tables], dtype=np.uint64)
        self._sizes = np.array([e.shape[0] for e in embeds], dtype=np.uint64)
        self._offsets = np.cumsum([0] + [e.shape[0] for e in embeds[:-1]]).astype(np.intp)
        self._embed = np.ascontiguousarray(np.concatenate(embeds))

        def layer(prefix: str, dims: Sequence[int]) -> tuple[Any, ...]:
            n_out, n_pieces = int(dims[0]), int(dims[1])
            w, b = arrays[prefix + "W"], arrays[prefix + "b"]
            if w.shape[1] != n_out * n_pieces or b.shape != (n_out * n_pieces,):
                raise ValueError(prefix)
            return (w, b, n_out, n_pieces), (arrays[prefix + "G"], arrays[prefix + "Gb"])

        self._reduce = layer("reduce_", meta["reduce"])
        self._blocks = [layer(f"block{k}_", dims) for k, dims in enumerate(meta["blocks"])]
        self._pad = int(meta["pad"])
        if not self._blocks or self._pad != len(self._blocks):
            raise ValueError("encoder depth")
        self._proj = (arrays["proj_W"], arrays["proj_b"])
        self._lower = arrays["lower"]
        self._lower_pad = arrays["lower_pad"]
        self._lower_b = arrays["lower_b"]
        n_feats, n_hidden, n_pieces = (int(v) for v in meta["shape"])
        if n_feats != 3 or self._lower.shape[1] != n_feats * n_hidden * n_pieces:
            raise ValueError("ner features")
        self._shape = (n_feats, n_hidden, n_pieces)
        self._upper = (arrays["upper_W"], arrays["upper_b"])
        self._moves = [(str(kind), str(label)) for kind, label in meta["moves"]]
        if len(self._moves) != self._upper[1].shape[0] or any(
                kind not in "BILUO" or len(kind) != 1 for kind, _ in self._moves):
            raise ValueError("ner moves")
        labelled = np.array([label != "" for _, label in self._moves])
        # Boolean rows over the moves: which are B/I/L/U with a label, or O.
        self._kinds = {k: np.array([kind == k for kind, _ in self._moves]) & (labelled | (k == "O"))
                       for k in "BILUO"}
        self._same_label = [np.array([label == lb for _, lb in self._moves]) & labelled
                            for _, label in self._moves]

    def _check(self, probes: Sequence[Mapping[str, Any]]) -> None:
        np = self._np
        if not probes:
            raise Unsupported("no probes to check against")
        for probe in probes:
            text = probe["text"]
            spans, rows = self.featurize(text)
            if [list(s) for s in spans] != [list(t) for t in probe["tokens"]]:
                raise Unsupported("tokens differ from spaCy on a probe")
            if not np.allclose(self.tensor(rows).sum(axis=1), probe["rowsums"], atol=1e-3):
                raise Unsupported("tok2vec differs from spaCy on a probe")
            if self(text) != [tuple(e) for e in probe["entities"]]:
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

    def embedding_rows(self, ids: Any) -> Any:
        """Where each feature key of `ids` (n x 4 uint64, the model's columns) is hashed to
        in the embedding tables (4 rows a feature): n x 4 x 4 indices into `_embed`."""
        np = self._np
        keys = thinc_hash(np.ascontiguousarray(ids[:, self._cols]), self._seeds)
        keys %= self._sizes[:, None].astype(np.uint32)
        return keys.astype(np.intp) + self._offsets[:, None]

    def _embed_rows(self, rows: Sequence[Row]) -> Any:
        """Hashed embeddings of each token (4 rows per feature, summed), then the maxout and
        layer norm that reduce them. Where a token's features hash to is kept per process."""
        np = self._np
        cache = self._hashed
        found = [cache.get(r) for r in rows]
        if None in found:
            missing = list({r for r, f in zip(rows, found, strict=True) if f is None})
            where = self.embedding_rows(np.array([r[:4] for r in missing], dtype=np.uint64))
            new = {r: w.tobytes() for r, w in zip(missing, where, strict=True)}
            found = [f if f is not None else new[r] for r, f in zip(rows, found, strict=True)]
            if len(cache) + len(new) > _HASHED_LIMIT:
                cache.clear()
            cache.update(new)
        joined = b"".join(cast("list[bytes]", found))
        index = np.frombuffer(joined, dtype=np.intp).reshape(len(rows), 4, 4)
        vecs = self._embed[index]
        summed = vecs[:, :, 0] + vecs[:, :, 1]
        summed += vecs[:, :, 2]
        summed += vecs[:, :, 3]
        return self._layer(summed.reshape(len(rows), -1), *self._reduce)

    def tensor(self, rows: Sequence[Row], lo: int = 0, hi: int | None = None) -> Any:
        """Rows lo..hi of the tok2vec output of a text whose tokens' features are `rows`
        (what spaCy puts in doc.tensor). Each encoder block widens a token's view by one
        token on either side, so rows lo..hi need the tokens `pad` beyond them."""
        np = self._np
        n = len(rows)
        hi = n if hi is None else hi
        pad = self._pad
        # Rows of the padded sequence (pad empty rows, the n tokens, pad empty rows).
        a, b = lo, min(n + 2 * pad, hi + 2 * pad)
        t0, t1 = max(0, a - pad), min(n, b - pad)
        x = self._embed_rows(rows[t0:t1])
        z = np.zeros((b - a, x.shape[1]), dtype=x.dtype)
        z[t0 + pad - a:t1 + pad - a] = x
        width = x.shape[1]
        for maxout, norm in self._blocks:
            win = np.zeros((z.shape[0], 3 * width), dtype=z.dtype)
            win[1:, :width] = z[:-1]
            win[:, width:2 * width] = z
            win[:-1, 2 * width:] = z[1:]
            z = z + self._layer(win, maxout, norm)
        return z[lo + pad - a:hi + pad - a]

    def __call__(self, text: str) -> list[Entity]:
        text = encodable(text)
        spans, rows = self.featurize(text)
        return [(spans[s][0], spans[e - 1][1], self._moves[move][1])
                for s, e, move in self._decode(rows)]

    def _pre(self, rows: Sequence[Row], lo: int, hi: int) -> Any:
        """The NER's per-token feature rows (before summing and the bias) of tokens lo..hi:
        hi - lo x 3 (as the token read, as an entity's start, as the token before)."""
        w, b = self._proj
        x = self._mm(self.tensor(rows, lo, hi), w) + b
        return self._mm(x, self._lower).reshape(hi - lo, 3, -1)

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

    def _decode(self, rows: Sequence[Row]) -> list[tuple[int, int, int]]:
        """Greedy BILUO decoding, as spaCy's parser does it for a doc without presets (a
        fresh doc starts no sentence after its first token): (first token, end token, index
        of the B or U move) of each entity, a chunk of tokens at a time."""
        np = self._np
        n = len(rows)
        if n == 0:
            return []
        space = np.array([r[4] for r in rows], dtype=bool)
        kinds = self._kinds
        spans: list[tuple[int, int, int]] = []
        lo = 0
        while lo < n:
            hi = min(n, lo + MAX_FAST_TOKENS)
            pre = self._pre(rows, lo, hi)
            # An entity may go on past a token unless it is the last one.
            next_ok = np.arange(lo, hi) < n - 1
            # Every token read with no entity open: features (token, none, none).
            closed = pre[:, 0] + self._lower_pad[1]
            closed += self._lower_pad[2]
            free = ~space[lo:hi]
            valid = ((kinds["B"] & (next_ok & free)[:, None]) | (kinds["U"] & free[:, None])
                     | kinds["O"])
            plan = self._best(closed, valid)
            t = lo
            while t < hi:
                move = plan[t - lo]
                kind = self._moves[move][0]
                if kind == "U":
                    spans.append((t, t + 1, move))
                elif kind == "B":
                    last = self._entity_end(rows, t, move, pre, lo, hi)
                    spans.append((t, last + 1, move))
                    t = last
                t += 1
            lo = t
        return spans

    def _entity_end(self, rows: Sequence[Row], t: int, move: int, pre: Any, lo: int,
                    hi: int) -> int:
        """The last token of the entity a B move opens at token t: while it is open, token u
        reads (u, entity start, u - 1); the first L move closes it."""
        np = self._np
        n = len(rows)
        kinds, same = self._kinds, self._same_label[move]
        start, prev = pre[t - lo, 1], pre[t - lo, 2]
        u = t + 1
        while u < n:
            if u >= hi:  # the entity goes on into the next chunk
                lo, hi = u, min(n, u + MAX_FAST_TOKENS)
                pre = self._pre(rows, lo, hi)
            end = min(hi, u + _LOOKAHEAD)
            state = pre[u - lo:end - lo, 0] + start
            state[0] += prev
            state[1:] += pre[u - lo:end - lo - 1, 2]
            next_ok = np.arange(u, end) < n - 1
            steps = self._best(state, (kinds["I"] & same & next_ok[:, None]) | (kinds["L"] & same))
            for k, step in enumerate(steps):
                if self._moves[step][0] == "L":
                    return u + k
            prev = pre[end - 1 - lo, 2]
            u = end
        return n - 1  # no L before the end: spaCy cannot get here either
