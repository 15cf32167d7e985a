"""Issue 14, point 2: a policy file is checked against a schema. Unknown tables and keys are
errors naming the file, the key and the nearest valid name; wrong types are errors; exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import postguard
from postguard.cli import main
from postguard.datafiles import load_toml
from postguard.errors import ConfigurationError
from postguard.policy import Policy
from postguard.registry import DetectorRegistry
from postguard.tomlcompat import tomllib

REPO = Path(__file__).resolve().parent.parent

BAD = [
    ('[actoins]\nphone = "review"\n', r"unknown table \[actoins\]; did you mean \[actions\]\?"),
    ('[organisation]\nphone = ["01273 555010"]\n',
     r"unknown key 'phone' in \[organisation\]; did you mean 'phones'\?"),
    ('[office_hours]\nstrat = "08:00"\n',
     r"unknown key 'strat' in \[office_hours\]; did you mean 'start'\?"),
    ('[organisation]\nphones = "01273 555010"\n',
     r"\[organisation\] phones must be a list of strings .*not a string"),
    ('[allow]\nphones = [999]\n', r"\[allow\] phones must be a list of strings"),
    ('[detectors]\ndisable = ["slang"]\n',
     r"unknown key 'disable' in \[detectors\]; did you mean 'disabled'\?"),
    ('[detectors]\nenabled = "phone"\n', r"\[detectors\] enabled must be a list of names"),
    ('[detectors.tone]\nofficial_chanel = "x"\n',
     r"unknown key 'official_chanel' in \[detectors.tone\]; did you mean 'official_channel'"),
    ('[detectors.tone]\nterms = [{ term = "x", categroy = "slang" }]\n',
     r"unknown key 'categroy' in \[detectors.tone\] terms\[0\]; did you mean 'category'"),
    ('[detectors.phnoe]\nx = 1\n', r"unknown table \[detectors.phnoe\]; did you mean "
     r"\[detectors.phone\]\?"),
    ('[tone]\nnames = ["Sexton"]\n', r"unknown table \[tone\]; did you mean \[detectors.tone\]"),
    ('[detectors.out_of_hours]\nchildren_audiences = "kids"\n',
     r"children_audiences must be a list of strings"),
    ('[office_hours]\nstart = 8\n', r"\[office_hours\] start must be a string, not a number"),
    ('[office_hours]\nbank_holidays = 1\n', r"bank_holidays must be a string or true or false"),
    ('[actions]\nphnoe = "block"\n', r"unknown category 'phnoe'; did you mean 'phone'\?"),
    ('[thresholds]\nphnoe = 0.4\n', r"unknown category 'phnoe'; did you mean 'phone'\?"),
    # A finding code where a category belongs (explain PG462 says "category: bullying").
    ('[actions]\nPG462 = "allow"\n', r"\[actions\] has unknown category 'PG462'; PG462 is a "
     r"finding code: \[actions\] and \[thresholds\] take categories, and PG462 is 'bullying'"),
    ('[thresholds]\npg423 = 0.9\n', r"\[thresholds\] has unknown category 'pg423'; PG423 is a "
     r"finding code: .* PG423 is 'profanity'"),
    ('organisation = "CIE"\n', r"\[organisation\] must be a table"),
    ('[zzzz]\n', r"unknown table \[zzzz\]; tables are: \[organisation\]"),
    ('[detectors]\ndisabled = ["slangg"]\n',
     r"\[detectors\] disabled: unknown detector 'slangg'; did you mean 'slang'\?"),
    ('[detectors]\nenabled = ["phone", "zzzz"]\n',
     r"\[detectors\] enabled: unknown detector 'zzzz'; available: address, "),
    ('timezone = "Europe/London"\n',
     r"unknown key 'timezone' outside any table; did you mean \[office_hours\] timezone\?"),
]


@pytest.mark.parametrize(("toml", "message"), BAD)
def test_bad_policy_files_are_exit_2_naming_file_and_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str) -> None:
    policy = tmp_path / "ours.toml"
    policy.write_text(toml, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Lovely day at the farm", encoding="utf-8")
    assert main(["scan", str(draft), "--policy", str(policy)]) == 2
    err = capsys.readouterr().err
    assert f"policy file {policy}: " in err and re.search(message, err), err
    assert err.count("\n") == 1  # one line


GOOD = [
    '[organisation]\nphones = ["01273 555010"]\nname = "Riverside"\n',
    '[allow]\nstaff = ["Jo Bloggs"]\n',
    '[office_hours]\nbank_holidays = false\nend = "24:00"\n',
    '[detectors.tone]\nextra_lexicon = "ours.tsv"\nremove_terms = ["bloody"]\n'
    'terms = [{ term = "wazzock", category = "profanity", severity = "low", flags = [] }]\n',
    '[detectors.personal_account]\nadult_audiences = ["governors"]\n',
    '[actions]\nmeeting_link = "review"\nbullying = { low = "allow", high = "block" }\n',
    '[thresholds]\ndefault = 0.6\nphone = 1\n',
]


@pytest.mark.parametrize("toml", GOOD)
def test_valid_settings_are_accepted(toml: str) -> None:
    Policy.from_dict(tomllib.loads(toml), source="ours.toml")


def test_the_default_policy_and_documented_examples_are_valid() -> None:
    Policy.from_dict(load_toml("default-policy.toml"), source="default-policy.toml")
    for doc in ("README.md", "docs/lexicons.md"):
        text = (REPO / doc).read_text(encoding="utf-8")
        blocks = re.findall(r"```toml\n(.*?)```", text, re.S)
        assert blocks, doc
        for block in blocks:
            data = tomllib.loads(block)
            data.get("detectors", {}).get("tone", {}).pop("extra_lexicon", None)  # a file
            postguard.Screener(Policy.from_dict(data, source=doc))


def test_commented_sections_of_the_default_policy_are_valid() -> None:
    # The default policy shows [detectors.out_of_hours] and [detectors.tone] commented out.
    text = (REPO / "src/postguard/data/default-policy.toml").read_text(encoding="utf-8")
    shown = "\n".join(line[2:] for line in text.splitlines()
                      if re.match(r"# (\[detectors\.|[a-z_]+ = )", line)
                      and "enabled" not in line)
    data = tomllib.loads(shown)
    assert set(data["detectors"]) == {"out_of_hours", "tone"}
    postguard.Screener(Policy.from_dict(data))


class _PluginDetector:
    name = "our_plugin"
    codes = ("XX900",)

    def detect(self, post: object) -> list[object]:
        return []


def test_plugin_sections_are_their_own() -> None:
    # A section named after an installed plugin passes to it; any other name is an error.
    registry = DetectorRegistry(extra={"our_plugin": _PluginDetector})  # type: ignore[dict-item]
    postguard.Screener(Policy.from_dict({"detectors": {"our_plugin": {"anything": 1}}}),
                       registry=registry)
    with pytest.raises(ConfigurationError, match=r"did you mean \[detectors.email\]"):
        postguard.Screener(Policy.from_dict({"detectors": {"emial": {"x": 1}}}))


# A built-in detector's table takes only the settings it reads: `[detectors.insults] enabled =
# false` (or any key under a detector that has no settings) was accepted and did nothing.
BUILT_IN_BAD = [
    ({"insults": {"enabled": False}},
     r"unknown key 'enabled' in \[detectors.insults\]; \[detectors.insults\] takes no "
     r"settings \(to turn it off: \[detectors\] disabled = \[\"insults\"\]\)"),
    ({"phone": {"anything": 1}}, r"unknown key 'anything' in \[detectors.phone\]"),
    ({"profanity": {"severity": "low"}}, r"unknown key 'severity' in \[detectors.profanity\]"),
    ({"date_of_birth": {"ages_next_to_name": True}},
     r"unknown key 'ages_next_to_name' in \[detectors.date_of_birth\]; did you mean "
     r"'ages_next_to_names'\?"),
    ({"date_of_birth": {"ages_next_to_names": "yes"}},
     r"\[detectors.date_of_birth\] ages_next_to_names must be true or false"),
]


@pytest.mark.parametrize(("detectors", "message"), BUILT_IN_BAD)
def test_built_in_detector_tables_take_only_their_settings(
        detectors: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        postguard.Screener(Policy.from_dict({"detectors": detectors}, source="ours.toml"))


def test_built_in_detector_settings_that_exist_are_accepted() -> None:
    postguard.Screener(Policy.from_dict(
        {"detectors": {"date_of_birth": {"ages_next_to_names": True},
                       "out_of_hours": {"children_audiences": ["pupils"]}}}))


def test_casebook_tables_are_part_of_the_schema(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[casebook]\ntwo_person_rule = false\nlockout_after = 3\n'
                    '[casebook.notify]\nsmtp_host = "localhost"\nsmtp_port = 2525\n'
                    'recipients = ["dsl@example.org"]\n')
    Policy.load(good)
    bad = tmp_path / "bad.toml"
    bad.write_text('[casebook]\ntwo_person_rul = false\n')
    with pytest.raises(ConfigurationError, match="two_person_rule"):
        Policy.load(bad)
    bad.write_text('[casebook.notify]\nrecipients = "dsl@example.org"\n')
    with pytest.raises(ConfigurationError, match="recipients"):
        Policy.load(bad)
