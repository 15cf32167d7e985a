"""postguard's person-name pipeline at run time: loading it, and running it fast on a window.

The pipeline (`models/postguard_en`, tok2vec + ner, trained by `make model`) is tiny, yet
`import spacy` alone costs about a second and a spaCy call on a 20-token window about 1 ms
(thinc walks some forty layers per call). `FastTagger` computes the same entities with a few
numpy operations on the pipeline's own weights: the tok2vec (hashed embeddings, maxout, layer
norm, window encoder) and the NER's greedy transition decoding (BILUO moves and their validity
rules as spaCy's `ner.pyx` has them, for a fresh document: no preset entities).
It runs from two files `make model` exports next to the pipeline (`fast.npz`, `fast.json`, see
`name_export`), with `name_tokenizer.NameTokenizer` splitting the text as spaCy's tokenizer
does, so a scan imports neither spaCy nor thinc. When it is built it checks itself on probe
sentences against what spaCy made of them at export time. Missing, stale or corrupt files, or a
failed check, and `load_tagger` loads spaCy: the numpy layers then read spaCy's tokens, and if
they too differ from spaCy on the probes, spaCy reads every window.
Long windows are read in chunks of MAX_FAST_TOKENS tokens (the encoder sees `pad` tokens
either side, so a chunk's tensor is exact), in time and memory linear in their length.
"""

from __future__ import annotations

import json
import logging
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...errors import PluginError
from .fast_tagger import (
    MAX_FAST_TOKENS,
    Entity,
    FastTagger,
    Featurizer,
    Row,
    encodable,
    spacy_entities,
    spacy_probes,
    thinc_hash,
)
from .weights import Unsupported

log = logging.getLogger(__name__)

MODEL_NAME = "postguard_en"
FAST_FORMAT = 1
# Pipeline files the exported ones are made from: a checksum of each is kept at export time.
SOURCE_FILES = ("config.cfg", "tokenizer", "tok2vec/model", "ner/model", "ner/moves")

Tagger = Callable[[str], list[Entity]]

def model_path() -> Path:
    """Where the shipped pipeline lives (inside the installed package)."""
    import postguard.models as models_pkg

    return Path(models_pkg.__file__).resolve().parent / MODEL_NAME


_lock = threading.RLock()
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


def load_tagger(path: Path | None = None) -> Tagger:
    """text -> entities, one per model folder and process: the exported files when they are
    sound, else spaCy's pipeline (with the numpy layers when they read the probes as spaCy
    does)."""
    key = path  # None: the shipped model
    tagger = _taggers.get(key)
    if tagger is not None:
        return tagger
    with _lock:
        tagger = _taggers.get(key)
        if tagger is None:
            tagger = _build_tagger(path)
            _taggers[key] = tagger
    return tagger


def _build_tagger(path: Path | None) -> Tagger:
    folder = path or model_path()
    try:
        return FastTagger(*load_fast_files(folder))
    except Unsupported as exc:
        log.info("person-name model: not using the exported files in %s (%s); loading spaCy",
                 folder, exc)
    except Exception as exc:  # a fault in the fast path must not cost the detector
        log.warning("person-name model: the fast path failed in %s (%s); loading spaCy",
                    folder, type(exc).__name__)
    nlp = load_pipeline(path)
    try:
        return FastTagger.from_pipeline(nlp)
    except Unsupported as exc:
        log.info("person-name model: spaCy reads every window (%s)", exc)
        return _SpacyTagger(nlp)


class _SpacyTagger:
    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def __call__(self, text: str) -> list[Entity]:
        return spacy_entities(self.nlp(encodable(text)))


def source_checksums(folder: Path) -> dict[str, int]:
    """CRC-32 of each pipeline file the exported files are made from."""
    return {name: zlib.crc32((folder / name).read_bytes()) for name in SOURCE_FILES}


def load_fast_files(folder: Path, sources: Path | None = None) -> tuple[
        dict[str, Any], dict[str, Any], Featurizer, list[dict[str, Any]]]:
    """(arrays, meta, featurizer, probes) from `fast.npz` and `fast.json` in `folder`, made
    from the pipeline in `sources` (default: the same folder). Unsupported when they are
    missing, corrupt, of another format or older than the pipeline."""
    try:
        info = json.loads((folder / "fast.json").read_text(encoding="utf-8"))
        if info.get("format") != FAST_FORMAT:
            raise Unsupported(f"format {info.get('format')!r}")
        if info["sources"] != source_checksums(sources or folder):
            raise Unsupported("the pipeline changed after the export")
        import numpy as np

        from .tokenizer import NameTokenizer

        with open(folder / "fast.npz", "rb") as fh, np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        tokenizer = NameTokenizer(info["tokenizer"])
        meta, probes = dict(info["model"]), list(info["probes"])
    except Unsupported:
        raise
    except Exception as exc:  # any damage to the files: spaCy reads the pipeline instead
        raise Unsupported(f"unreadable exported files ({type(exc).__name__})") from exc
    return arrays, meta, _TextFeatures(tokenizer), probes


class _TextFeatures:
    """A featurizer over NameTokenizer (no spaCy)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> tuple[list[tuple[int, int]], list[Row]]:
        return self.tokenizer.analyse(text)  # type: ignore[no-any-return]


__all__ = ["FAST_FORMAT", "MAX_FAST_TOKENS", "MODEL_NAME", "SOURCE_FILES", "Entity", "FastTagger",
           "Featurizer", "Row", "Tagger", "encodable", "load_fast_files", "load_pipeline",
           "load_tagger", "model_path", "source_checksums", "spacy_entities", "spacy_probes",
           "thinc_hash"]
