"""The fast path of the person-name model (name_model.FastTagger) reads every text exactly as
spaCy reads it with the shipped pipeline, from the exported files and without importing spaCy
or thinc; it falls back to spaCy when those files are missing, damaged or stale."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postguard.detectors.names import model as name_model
from postguard.detectors.names.export import pipeline_weights, write_fast_files
from postguard.detectors.names.model import (
    FastTagger,
    Unsupported,
    load_fast_files,
    load_pipeline,
    load_tagger,
    model_path,
    spacy_entities,
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="module")
def fast():  # type: ignore[no-untyped-def]
    return FastTagger(*load_fast_files(model_path()))


@pytest.fixture(scope="module")
def copy(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A copy of the shipped pipeline folder, exported files included."""
    folder = tmp_path_factory.mktemp("model") / "postguard_en"
    shutil.copytree(model_path(), folder)
    return folder


# One row a case: names the model must find next to traps it must not, and odd shapes of text
# (whitespace tokens, newlines, emoji, a name at the very end, a single word).
TEXTS = [
    ("two names", "Well done to Amelia Hartley-Brown and Tom Okafor in Year 6!"),
    ("four-part name", "María José García López won our short story competition."),
    ("family name first", "Thanks to Chen Yutong, Liu Zimo and Zhou Ruoxi for the tour."),
    ("name at the end", "Huge congratulations to Rosa Pennycook"),
    ("name at the start", "Ivo Kristensen has learnt 200 digits of pi."),
    ("particles", "Goals from Daan van der Berg and Salim bin Nasser Al-Harthy."),
    ("apostrophes", "Thanks to Keira O'Donoghue and Seán O’Brien-Walsh's dad"),
    ("place trap", "Year 12 geographers are off to the Jurassic Coast tomorrow."),
    ("venue trap", "The choir sang at the Brighton Dome on 3 April."),
    ("book trap", "Book club this month: The Curious Incident of the Dog in the Night-Time."),
    ("org trap", "A safety talk this morning from Sussex Police."),
    ("double spaces", "Zhang Wei  and  Oliwia Żółkiewska sang."),
    ("newlines", "Winners:\nTendai Moyo\n\nPrecious Mutasa\n"),
    ("tabs", "Team:\tZorblat Quexington\tand\tMira Okonkwo-Hale"),
    ("emoji", "🎉 Bravo Maëlys Garnier 🎉 and Bastien Leclercq 👏"),
    ("url and email", "Well done Ada Lovelace! https://example.com/ada or ada@example.org"),
    ("titles", "Mrs. Patel and Dr. Rhys Evans met Mr Tom Hughes at 9a.m."),
    ("contractions", "Don't miss Priya Raman's talk, it's at 3 p.m. (Hall B)"),
    ("numbers", "Kofi Mensah raised £1,250 — that's 1,000+ pounds!"),
    ("non-Latin", "Привет Иван Петров и 王伟 and Μαρία Παπαδοπούλου"),
    ("one word", "Tom"),
    ("punctuation only", "!!! ... ???"),
    ("empty", ""),
    ("spaces only", "   "),
]


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c for c, _ in TEXTS])
def test_same_entities_as_spacy(nlp, fast, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert fast(text) == spacy_entities(nlp(text))


@pytest.mark.parametrize(("case", "text"), TEXTS[:-2], ids=[c for c, _ in TEXTS[:-2]])
def test_same_tensor_as_spacy(nlp, fast, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    _, rows = fast.featurize(text)
    assert np.allclose(fast.tensor(rows), nlp(text).tensor, atol=1e-4)


def test_finds_the_names_and_not_the_traps(fast) -> None:  # type: ignore[no-untyped-def]
    text = "Well done Ivo Kristensen and Rosa Pennycook at the Brighton Dome!"
    found = [text[s:e] for s, e, label in fast(text) if label == "PERSON"]
    assert found == ["Ivo Kristensen", "Rosa Pennycook"]


_NAMES = ["Amelia Hartley", "Zorblat Quexington", "Keira O'Donoghue", "Jean-Luc Picard",
          "Tendai Moyo", "Chen Yutong", "María José García", "Rosa Pennycook"]
_FILLERS = ["Well done to", "Thanks", "and", "in Year 6", "at the Brighton Dome", "!", ",",
            "won the prize", "🎉", "\n", "(photo)", "https://x.co/a", "Don't", "Mrs.", "a.m.",
            "1,000", "\"great\"", "the", "Sussex Police", "Year", "10", "...", "’s"]


def _sentences(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(_NAMES if rng.random() < 0.25 else _FILLERS)
                 for _ in range(rng.randint(1, 25))]
        out.append("".join(w + rng.choice([" ", " ", " ", "", "  ", "\n"]) for w in words))
    return out


def test_thousands_of_sentences_read_the_same(nlp, fast) -> None:  # type: ignore[no-untyped-def]
    texts = _sentences(2000, seed=6)
    wrong = [t for t, doc in zip(texts, nlp.pipe(texts), strict=True)
             if fast(t) != spacy_entities(doc)]
    assert wrong == []


@pytest.mark.parametrize("chunk", [3, 8, 256])
def test_long_windows_are_read_in_chunks_exactly(nlp, fast, monkeypatch, chunk: int) -> None:  # type: ignore[no-untyped-def]
    """Chunks of any size, entities across their boundaries included, read as one doc."""
    monkeypatch.setattr(name_model, "MAX_FAST_TOKENS", chunk)
    texts = [t for _, t in TEXTS] + _sentences(200, seed=chunk)
    texts.append("Well done Ivo Kristensen. " + "We had a lovely day out with Tom Okafor. " * 40)
    wrong = [t for t, doc in zip(texts, nlp.pipe(texts), strict=True)
             if fast(t) != spacy_entities(doc)]
    assert wrong == []


@pytest.mark.parametrize(("lo", "hi"), [(0, 1), (0, 5), (3, 9), (10, 30), (38, 40), (0, 40)])
def test_tensor_rows_of_a_chunk_are_the_rows_of_the_whole(fast, lo: int, hi: int) -> None:  # type: ignore[no-untyped-def]
    _, rows = fast.featurize(" ".join(["Well done Ivo Kristensen and Rosa Pennycook!"] * 5))
    assert len(rows) == 40
    assert np.allclose(fast.tensor(rows, lo, hi), fast.tensor(rows)[lo:hi], atol=1e-5)


@pytest.mark.parametrize("rows", [1, 17, 27, 28, 300])
def test_matrix_products_in_blocks_are_the_same(fast, rows: int) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(rows)
    x = rng.random((rows, 192), dtype=np.float32)
    w = rng.random((192, 192), dtype=np.float32)
    assert np.allclose(fast._mm(x, w), x @ w, rtol=1e-5)


_WORDS = ["Well", "done", "to", "Tom", "Okafor", "Amelia", "Hartley-Brown", "and", "the",
          "Brighton", "Dome", "Year", "6", "in", "María", "José", "van", "der", "Berg", "!",
          ",", ".", "\n", "  ", "🎉", "Zhou", "Ruoxi", "from", "Keio", "School", "ǅ", "\u0301",
          "O'Neill", "Don't", "a.m.", "Mrs.", "(", ")", "\"", "https://a.b/c", "x@y.org"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=40))
def test_any_text_reads_the_same(nlp, fast, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    assert fast(text) == spacy_entities(nlp(name_model.encodable(text)))


# -- no spaCy at run time ----------------------------------------------------------------
def test_the_run_time_path_imports_neither_spacy_nor_thinc() -> None:
    code = """if True:
        import sys
        from postguard import Screener
        from postguard.detectors.names import model as name_model
        report = Screener(detectors=["person_name"]).screen(
            "Well done to Zorblat Quexington in Year 6")
        tagger = name_model.load_tagger()
        assert type(tagger).__name__ == "FastTagger", type(tagger)
        assert type(tagger.featurize).__name__ == "_TextFeatures"
        assert tagger("Well done Zorblat Quexington!") == [(10, 28, "PERSON")]
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc"))
        print(len(report.findings), heavy)
    """
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1", "[]"]


# -- the exported files and the fallback --------------------------------------------------
def test_the_shipped_files_are_what_the_export_writes(copy) -> None:  # type: ignore[no-untyped-def]
    """`make model` exports after training: the files in the package match the pipeline."""
    shipped = json.loads((model_path() / "fast.json").read_text(encoding="utf-8"))
    (copy / "fast.json").unlink()
    (copy / "fast.npz").unlink()
    write_fast_files(copy)
    assert json.loads((copy / "fast.json").read_text(encoding="utf-8")) == shipped
    mine, theirs = _arrays(copy), _arrays(model_path())
    assert sorted(mine) == sorted(theirs)
    assert all(np.array_equal(mine[k], theirs[k]) for k in mine)
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in
                                                            model_path().iterdir())


def _arrays(folder: Path) -> dict[str, np.ndarray]:
    with np.load(folder / "fast.npz") as npz:
        return dict(npz)


def _damage(folder: Path, how: str) -> None:
    info_path = folder / "fast.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    if how == "no npz":
        (folder / "fast.npz").unlink()
    elif how == "no json":
        info_path.unlink()
    elif how == "truncated npz":
        data = (folder / "fast.npz").read_bytes()
        (folder / "fast.npz").write_bytes(data[: len(data) // 2])
    elif how == "json not json":
        info_path.write_text("{not json", encoding="utf-8")
    elif how == "missing array":
        arrays = _arrays(folder)
        del arrays["upper_W"]
        np.savez(folder / "fast.npz", **arrays)
    elif how == "wrong shape":
        arrays = _arrays(folder)
        arrays["lower"] = arrays["lower"][:, :-1]
        np.savez(folder / "fast.npz", **arrays)
    elif how == "other weights":
        arrays = _arrays(folder)
        arrays["block0_W"] = arrays["block0_W"] * 1.5
        np.savez(folder / "fast.npz", **arrays)
    else:
        if how == "format":
            info["format"] = 99
        elif how == "stale":
            info["sources"]["ner/model"] += 1
        elif how == "probe entities":
            info["probes"][0]["entities"] = []
        elif how == "tokenizer rule":
            del info["tokenizer"]["specials"]["Don't"]
        elif how == "probes not probes":
            info["probes"] = [1, "two"]
        elif how == "specials not a table":
            info["tokenizer"]["specials"] = ["Don't"]
        info_path.write_text(json.dumps(info), encoding="utf-8")


DAMAGE = ["no npz", "no json", "truncated npz", "json not json", "missing array", "wrong shape",
          "other weights", "format", "stale", "probe entities", "tokenizer rule",
          "probes not probes", "specials not a table"]


@pytest.mark.parametrize("how", DAMAGE)
def test_damaged_files_are_refused(copy, tmp_path: Path, how: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "postguard_en"
    shutil.copytree(copy, folder)
    FastTagger(*load_fast_files(folder))  # sound before the damage
    _damage(folder, how)
    with pytest.raises(Unsupported):
        FastTagger(*load_fast_files(folder))


@pytest.mark.parametrize("how", ["no npz", "truncated npz", "stale"])
def test_load_tagger_falls_back_to_spacy(nlp, copy, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                         how: str) -> None:
    folder = tmp_path / "postguard_en"
    shutil.copytree(copy, folder)
    _damage(folder, how)
    monkeypatch.setattr(name_model, "_taggers", {})
    tagger = load_tagger(folder)
    assert isinstance(tagger, FastTagger)
    assert type(tagger.featurize).__name__ == "_SpacyFeatures"  # spaCy's tokens
    text = "Well done Ivo Kristensen and Zorblat Quexington!"
    assert tagger(text) == spacy_entities(nlp(text))
    assert load_tagger(folder) is tagger  # one per folder and process


def test_a_fault_in_the_fast_path_falls_back_to_spacy(nlp, copy, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fault(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(name_model, "load_fast_files", fault)
    monkeypatch.setattr(name_model, "_taggers", {})
    tagger = load_tagger(copy)
    text = "Well done Ivo Kristensen!"
    assert type(tagger.featurize).__name__ == "_SpacyFeatures"  # type: ignore[attr-defined]
    assert tagger(text) == spacy_entities(nlp(text))


def test_spacy_reads_every_window_when_the_layers_differ(nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    def refuse(cls, _nlp):  # type: ignore[no-untyped-def]
        raise Unsupported("test")

    monkeypatch.setattr(FastTagger, "from_pipeline", classmethod(refuse))
    monkeypatch.setattr(name_model, "_taggers", {})
    monkeypatch.setattr(name_model, "load_pipeline", lambda path=None: nlp)
    tagger = load_tagger(tmp_path)  # no exported files there
    text = "Well done Ivo Kristensen!"
    assert not isinstance(tagger, FastTagger)
    assert tagger(text) == spacy_entities(nlp(text))


def test_unknown_pipeline_is_unsupported() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    with pytest.raises(Unsupported):
        pipeline_weights(blank)


def test_the_numpy_layers_over_spacys_tokens_read_the_same(nlp) -> None:  # type: ignore[no-untyped-def]
    tagger = FastTagger.from_pipeline(nlp)
    for _, text in TEXTS:
        assert tagger(text) == spacy_entities(nlp(text))


# Lone surrogates: spaCy cannot hash them; the tagger reads them as U+FFFD (one character for
# one), so a post that carries one still has its names found at the right offsets.
SURROGATES = [
    ("before the name", "Well done \ud800 Ivo Kristensen!", ["Ivo Kristensen"]),
    ("inside a trap", "Trip to the Brighton \udfff Dome", []),
    ("at the end", "Congratulations to Rosa Pennycook \udc00", ["Rosa Pennycook"]),
]


@pytest.mark.parametrize(("case", "text", "names"), SURROGATES, ids=[c for c, *_ in SURROGATES])
def test_lone_surrogates_are_read(case: str, text: str, names: list[str]) -> None:
    from postguard import Screener
    from postguard.model import Category

    assert name_model.encodable(text) != text and len(name_model.encodable(text)) == len(text)
    report = Screener(detectors=["person_name"]).screen(text)
    assert [text[f.start:f.end] for f in report.findings
            if f.category is Category.PERSON_NAME] == names
    assert all(f.category is Category.PERSON_NAME for f in report.findings)  # no PG001
