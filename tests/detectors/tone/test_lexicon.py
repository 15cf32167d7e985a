"""Tone lexicons: the shipped files load and are documented; an organisation's policy can add
terms (a TSV file or inline), remove terms, add allow-phrases and names; bad lexicons give a
clear error that names the file and line."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from postguard.codes import code_table
from postguard.detectors.tone.lexicon import SHIPPED_FILES, parse_tsv, shipped_entries
from postguard.errors import ConfigurationError
from postguard.policy import Policy
from postguard.screener import Screener

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")


def spans(screener: Screener, text: str) -> set[tuple[str, str]]:
    return {(f.category.value, text[f.start:f.end]) for f in screener.screen(text).findings}


def test_shipped_entries_use_documented_codes_of_their_category() -> None:
    entries = shipped_entries()
    assert len(entries) > 300
    table = code_table()
    for e in entries:
        assert table[e.code].category is e.category, e.where
    assert {e.category.value for e in entries} == {*TONE, "bullying"}  # bullying: insults


@pytest.mark.parametrize("name", [*SHIPPED_FILES, "allow-phrases.txt", "names.txt",
                                  "context.toml", "normalise.toml"])
def test_data_files_say_what_they_are_and_who_wrote_them(name: str) -> None:
    text = resources.files("postguard.data").joinpath(f"tone/{name}").read_text("utf-8")
    head = "\n".join(text.splitlines()[:4])
    assert head.startswith("#") and "postguard project" in " ".join(head.replace("#", "").split())


def test_every_tone_code_in_the_table_is_declared_by_a_detector() -> None:
    from postguard.detectors import tone

    declared = {c for cls in (tone.KissesDetector, tone.SlangDetector, tone.ProfanityDetector,
                              tone.SexualContentDetector, tone.OverFamiliarDetector,
                              tone.PrivateContactDetector, tone.InsultDetector)
                for c in cls.codes}
    in_table = {c for c in code_table() if c.startswith("PG4")}
    assert declared == in_table


def test_extra_lexicon_file_relative_to_the_policy(tmp_path: Path) -> None:
    (tmp_path / "ours.tsv").write_text(
        "# our own terms\n"
        "wazzock\tprofanity\tlow\t\t-\t\n"
        "%app\tbebo|myspace\n"
        "find me on %app\tprivate_contact\thigh\tPG451\tcontact the office\t\n",
        encoding="utf-8",
    )
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('[detectors.tone]\nextra_lexicon = "ours.tsv"\n', encoding="utf-8")
    s = Screener(Policy.load(policy_file), detectors=TONE)
    assert spans(s, "what a wazzock") == {("profanity", "wazzock")}
    assert spans(s, "w4zz0ck") == {("profanity", "w4zz0ck")}  # normalisation applies too
    report = s.screen("find me on bebo")
    assert [f.code for f in report.findings] == ["PG451"]
    assert report.findings[0].suggestion is not None
    assert report.findings[0].suggestion.replacement == "contact the office"


def test_inline_terms_remove_terms_allow_phrases_and_names() -> None:
    s = Screener({"detectors": {"tone": {
        "terms": [{"term": "jeepers", "category": "slang", "severity": "low",
                   "rewrite": "goodness"},
                  {"term": "meet at the chippy", "category": "private_contact",
                   "severity": "high", "code": "PG454"}],
        "remove_terms": ["bloody"],
        "allow_phrases": ["Bloody Brilliant Books"],
        "names": ["Sexy"],
    }}}, detectors=TONE)
    assert spans(s, "jeepers!") == {("slang", "jeepers")}
    assert spans(s, "meet at the chippy") == {("private_contact", "meet at the chippy")}
    assert spans(s, "bloody awful") == set()
    assert spans(s, "Mrs Sexy from the office") == set()
    assert spans(s, "you look sexy") != set()


def test_allow_phrase_clears_a_word_the_policy_keeps() -> None:
    s = Screener({"detectors": {"tone": {"allow_phrases": ["Bugger Lane Farm"]}}},
                 detectors=TONE)
    assert spans(s, "Trip to Bugger Lane Farm on Friday") == set()
    assert spans(s, "Bugger, the bus is late") == {("profanity", "Bugger")}


BAD_LINES = [
    ("word\tnot_a_category\tlow\n", "category must be one of"),
    ("word\tslang\tbad\n", "severity must be"),
    ("word\tslang\tlow\tPG101\n", "not a documented slang code"),
    ("word\tslang\tlow\t\t-\tshouty\n", "unknown flag"),
    ("word\n", "separated by tabs"),
    ("~2 word\tslang\tlow\n", "gap ~N"),
    ("word ~2\tslang\tlow\n", "must start and end"),
    ("%nope word\tslang\tlow\n", "unknown macro"),
]


@pytest.mark.parametrize("line,why", BAD_LINES)
def test_bad_lexicon_lines_name_file_and_line(line: str, why: str) -> None:
    with pytest.raises(ConfigurationError, match=why) as info:
        parse_tsv("# header\n" + line, "ours.tsv")
    assert "ours.tsv:2" in str(info.value)


def test_missing_extra_lexicon_is_a_configuration_error() -> None:
    s = Screener({"detectors": {"tone": {"extra_lexicon": "/nonexistent/ours.tsv"}}},
                 detectors=("slang",))
    with pytest.raises(ConfigurationError, match="extra_lexicon"):
        s.screen("hello")


@pytest.mark.parametrize("settings", [{"terms": "nope"}, {"names": [1]},
                                      {"extra_lexicon": 3}])
def test_malformed_tone_settings_are_configuration_errors(settings: dict[str, object]) -> None:
    # Checked against the policy schema when the Screener is built (issue 14).
    with pytest.raises(ConfigurationError, match=r"\[detectors.tone\]"):
        Screener({"detectors": {"tone": settings}}, detectors=("slang",)).screen("hello")


def _example(entry: object) -> str:
    """A plain sentence for an entry: the alphabetically first word of each slot."""
    words = [sorted(s.words)[0] for s in entry.slots  # type: ignore[attr-defined]
             if s.gap == 0 and not s.optional]
    text = " ".join(words)
    flags = entry.flags  # type: ignore[attr-defined]
    if "upper" in flags:
        return text.upper()
    if "elongated" in flags:
        return text + text[-1] * 3  # "so" -> "soooo"
    return text


def test_every_shipped_entry_finds_its_own_example() -> None:
    from postguard.detectors.tone.analysis import analyser_for

    analyser = analyser_for(Policy.default())
    missed = []
    for e in shipped_entries():
        if "confirm" in e.flags:
            continue  # ambiguous words need a confirming context, tested in test_tone.py
        text = _example(e)
        if not any(f.category is e.category for f in analyser.analyse(text)):
            missed.append(f"{e.where}: {text!r}")
    assert missed == []


@pytest.mark.parametrize(("category", "hint"), [("bulying", "did you mean 'bullying'?"),
                                                ("profanty", "did you mean 'profanity'?")])
def test_a_mistyped_term_category_names_the_nearest(category: str, hint: str) -> None:
    # An inline term whose category is mistyped says which category was meant (issue 14).
    term = {"term": "wazzock", "category": category, "severity": "low"}
    with pytest.raises(ConfigurationError, match=re.escape(hint)):
        Screener({"detectors": {"tone": {"terms": [term]}}}, detectors=("insults",)).screen("x")
