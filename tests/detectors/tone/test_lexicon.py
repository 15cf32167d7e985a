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
    # bullying: insults; extremism, self_harm, disclosure: coded and distress signals
    assert {e.category.value for e in entries} == {
        *TONE, "bullying", "extremism", "self_harm", "disclosure"}


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
                              tone.PrivateContactDetector, tone.InsultDetector,
                              tone.ExtremistSignalDetector, tone.DistressSignalDetector)
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
    ("$ word\tslang\tlow\n", "cannot come first"),
    ("word $ other\tslang\tlow\n", "can only come last"),
    ("word\tslang\t High \n", "severity must be"),  # values are exact, as Severity() reads
    ("word\tSlang\tlow\n", "category must be one of"),
]


def test_terms_sharing_words_parse_as_written() -> None:
    """A plain word's slot is made once and shared; an optional word, a macro word, a gap or
    an end mark written the same way elsewhere stays what it is there."""
    entries = parse_tsv(
        "%greet\thello|hi\n"
        "meet me\tprivate_contact\tmedium\n"
        "me meet?\tprivate_contact\tmedium\n"
        "meet ~2 me $\tprivate_contact\tmedium\n"
        "%greet meet\tprivate_contact\tmedium\n"
        "meet me\tslang\tlow\n", "ours.tsv")
    got = [[(sorted(sl.words), sl.optional, sl.gap) for sl in e.slots] for e in entries]
    assert got == [
        [(["meet"], False, 0), (["me"], False, 0)],
        [(["me"], False, 0), (["meet"], True, 0)],
        [(["meet"], False, 0), ([], False, 2), (["me"], False, 0), (["$"], False, -1)],
        [(["hello", "hi"], False, 0), (["meet"], False, 0)],
        [(["meet"], False, 0), (["me"], False, 0)],
    ]
    assert entries[0].slots[0] is entries[4].slots[0]  # shared, and immutable


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


def test_slot_uses_count_every_slot_word_of_every_phrase() -> None:
    """The phrase pre-check's word counts (counted per shared slot) equal a count word by
    word over every phrase."""
    from postguard.detectors.tone.analysis import analyser_for

    analyser = analyser_for(Policy.default())
    want: dict[str, int] = {}
    for entries in analyser.lexicon.phrases.values():
        for e in entries:
            for sl in e.slots:
                for w in sl.words:
                    want[w] = want.get(w, 0) + 1
    assert analyser._slot_uses() == want
    assert want["you"] > 10  # the count is of the shipped phrases, not empty


def test_remove_terms_drops_what_a_term_by_term_filter_drops() -> None:
    """`remove_terms` (base forms found once per term) leaves every index as filtering each
    entry by its term's base form does; with nothing to remove, the lexicon is the shipped one."""
    from postguard.detectors.tone.lexicon import Entry, build_lexicon
    from postguard.detectors.tone.normalise import base_form

    full = build_lexicon({}, "<default>")
    terms = ["bloody", "Babe", "sh*t", "send nudes"]
    cut = build_lexicon({"remove_terms": terms}, "<default>")
    drop = {base_form(t) for t in terms}

    def kept(e: Entry) -> bool:
        return base_form(e.term) not in drop

    assert cut.words == {k: [e for e in v if kept(e)] for k, v in full.words.items()}
    assert cut.phrases == {k: [e for e in v if kept(e)] for k, v in full.phrases.items()}
    assert cut.masks == {n: [(w, e) for w, e in v if kept(e)] for n, v in full.masks.items()}
    assert cut.prefixes == {k: [(w, e) for w, e in v if kept(e)]
                            for k, v in full.prefixes.items()}
    assert cut.infix == {k: [(w, e) for w, e in v if kept(e)] for k, v in full.infix.items()}
    assert sum(map(len, cut.words.values())) < sum(map(len, full.words.values()))


@pytest.mark.parametrize(("category", "hint"), [("bulying", "did you mean 'bullying'?"),
                                                ("profanty", "did you mean 'profanity'?")])
def test_a_mistyped_term_category_names_the_nearest(category: str, hint: str) -> None:
    # An inline term whose category is mistyped says which category was meant (issue 14).
    term = {"term": "wazzock", "category": category, "severity": "low"}
    with pytest.raises(ConfigurationError, match=re.escape(hint)):
        Screener({"detectors": {"tone": {"terms": [term]}}}, detectors=("insults",)).screen("x")
