"""The core: data model, policy, registry, screener contract checks, escalation, redaction."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pytest

import postguard
from postguard import Category, Finding, Post, Report, Severity, Suggestion, Verdict
from postguard.codes import code_table
from postguard.detectors.base import TextDetector
from postguard.errors import ConfigurationError, PluginError
from postguard.model import Action, strongest
from postguard.policy import Policy
from postguard.redaction import redact_text
from postguard.registry import DetectorRegistry
from postguard.screener import Screener


# -- helper detectors for contract tests --------------------------------------------------
class WordDetector(TextDetector):
    """Flags every occurrence of the word 'secretword' as a phone, for contract tests."""

    name = "word"
    codes = ("PG101",)
    categories = (Category.PHONE,)

    def detect_text(self, text: str) -> Iterable[Finding]:
        start = text.find("secretword")
        while start != -1:
            yield self.finding("PG101", Category.PHONE, Severity.HIGH, "test", start=start,
                               end=start + 10,
                               suggestion=Suggestion(Action.REMOVE, "[phone removed]"))
            start = text.find("secretword", start + 1)


class RaisingDetector(TextDetector):
    name = "raiser"
    codes = ("PG101",)

    def detect_text(self, text: str) -> Iterable[Finding]:
        raise RuntimeError("boom " + text)


class OutOfBoundsDetector(TextDetector):
    name = "oob"
    codes = ("PG101",)

    def detect_text(self, text: str) -> Iterable[Finding]:
        yield self.finding("PG101", Category.PHONE, Severity.HIGH, "x", start=0,
                           end=len(text) + 5)


class UndeclaredCodeDetector(TextDetector):
    name = "undeclared"
    codes = ("PG101",)

    def detect_text(self, text: str) -> Iterable[Finding]:
        yield self.finding("PG111", Category.EMAIL, Severity.HIGH, "x", start=0, end=1)


def _screener(*classes: type[TextDetector], policy: object = None) -> Screener:
    reg = DetectorRegistry(use_entry_points=False)
    for cls in classes:
        reg.register(cls.name, cls)
    return Screener(policy, registry=reg)  # type: ignore[arg-type]


# -- verdicts and the model ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([], Verdict.ALLOW),
        ([Verdict.ALLOW], Verdict.ALLOW),
        ([Verdict.REVIEW, Verdict.ALLOW], Verdict.REVIEW),
        ([Verdict.REVIEW, Verdict.BLOCK, Verdict.ALLOW], Verdict.BLOCK),
    ],
)
def test_strongest(verdicts: list[Verdict], expected: Verdict) -> None:
    assert strongest(verdicts) is expected


def test_finding_is_frozen() -> None:
    f = Finding("PG101", "x", Category.PHONE, Severity.HIGH, 0.9, "m")
    with pytest.raises(AttributeError):
        f.code = "PG102"  # type: ignore[misc]


def test_report_json_matches_design_contract() -> None:
    report = _screener(WordDetector).screen("Any problems, text me on secretword", id="p1")
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) >= {"id", "verdict", "findings", "redacted_text", "errors"}
    assert data["id"] == "p1" and data["verdict"] == "block"
    f = data["findings"][0]
    assert set(f) >= {"code", "detector", "category", "severity", "score", "source", "start",
                      "end", "box", "message", "suggestion"}
    assert (f["start"], f["end"], f["source"], f["box"]) == (25, 35, "text", None)
    assert f["suggestion"] == {"action": "remove", "replacement": "[phone removed]"}
    assert data["redacted_text"] == "Any problems, text me on [phone removed]"
    assert Report.from_dict(data) == report


# -- screener ---------------------------------------------------------------------------
def test_empty_post_is_allow() -> None:
    report = postguard.screen("")
    assert report.verdict is Verdict.ALLOW and report.findings == () and report.errors == ()


def test_raising_detector_fails_closed_without_leaking_text(caplog) -> None:
    s = _screener(RaisingDetector)
    with caplog.at_level("INFO"):
        report = s.screen("the child's private words")
    assert report.verdict is Verdict.REVIEW
    (f,) = report.findings
    assert f.category is Category.DETECTOR_ERROR and f.code == "PG001"
    assert "raiser" in f.message and "private words" not in f.message
    assert "private words" not in caplog.text


@pytest.mark.parametrize("cls", [OutOfBoundsDetector, UndeclaredCodeDetector])
def test_contract_breaches_become_detector_errors(cls: type[TextDetector]) -> None:
    report = _screener(cls).screen("hello")
    assert [f.category for f in report.findings] == [Category.DETECTOR_ERROR]
    assert cls.name in report.findings[0].message
    assert report.verdict is Verdict.REVIEW


def test_policy_changes_action_and_threshold() -> None:
    s = _screener(WordDetector, policy={"actions": {"phone": "review"}})
    assert s.screen("secretword").verdict is Verdict.REVIEW
    s = _screener(WordDetector, policy={"thresholds": {"phone": 0.95}})
    assert s.screen("secretword").verdict is Verdict.ALLOW


def test_policy_can_disable_detectors() -> None:
    s = _screener(WordDetector, policy={"detectors": {"disabled": ["word"]}})
    assert s.screen("secretword").verdict is Verdict.ALLOW


def test_unknown_detector_lists_available() -> None:
    with pytest.raises(ConfigurationError, match="available: .*phone"):
        Screener({"detectors": {"enabled": ["nope"]}})


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"actions": {"phone": "maybe"}}, "phone must be"),
        ({"actions": {"telepathy": "block"}}, "unknown category 'telepathy'"),
        ({"thresholds": {"phone": 2}}, "from 0 to 1"),
        ({"detectors": {"enabled": "phone"}}, "list of names"),
    ],
)
def test_bad_policy_values(data: dict, match: str) -> None:
    with pytest.raises(ConfigurationError, match=match):
        Policy.from_dict(data)


def test_policy_file_errors(tmp_path) -> None:
    with pytest.raises(ConfigurationError, match="not found"):
        Policy.load(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[actions\nphone=", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not valid TOML"):
        Policy.load(bad)


def test_policy_severity_table_and_default_matches_design() -> None:
    p = Policy.default()
    assert p.action_for(Category.PHONE, Severity.LOW) is Verdict.BLOCK
    assert p.action_for(Category.LOCATION, Severity.MEDIUM) is Verdict.REVIEW
    assert p.action_for(Category.LOCATION, Severity.HIGH) is Verdict.BLOCK
    assert p.action_for(Category.PROFANITY, Severity.LOW) is Verdict.REVIEW
    assert p.action_for(Category.DETECTOR_ERROR, Severity.HIGH) is Verdict.REVIEW
    assert "0808 800 5000" in p.allowlist("phones") and "0800 1111" in p.allowlist("phones")


# -- registry ---------------------------------------------------------------------------
def test_registry_rejects_misnamed_and_codeless() -> None:
    reg = DetectorRegistry(use_entry_points=False)
    with pytest.raises(PluginError, match="calls itself"):
        reg.register("other", WordDetector)

    class NoCodes(TextDetector):
        name = "nocodes"

    with pytest.raises(PluginError, match="no finding codes"):
        reg.register("nocodes", NoCodes)


def test_builtins_come_from_entry_points() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="postguard.detectors")}
    assert {"phone", "email", "social_handle"} <= names
    reg = DetectorRegistry()
    assert names <= set(reg.names())
    for name in names:
        cls = reg.get(name)
        assert cls.name == name


def test_every_declared_code_is_documented() -> None:
    table = code_table()
    reg = DetectorRegistry()
    for name in reg.names():
        cls = reg.get(name)
        for code in cls.codes:
            assert code in table, f"{name} declares undocumented {code}"
            assert table[code].category in (*cls.categories, Category.DETECTOR_ERROR) or \
                not cls.categories, f"{code} category not among {name}'s categories"


def test_codes_table_is_well_formed() -> None:
    for code, info in code_table().items():
        assert code.startswith("PG") and len(code) == 5 and code[2:].isdigit()
        assert info.title and info.why and info.fix


# -- escalation -------------------------------------------------------------------------
class SchoolStub(TextDetector):
    name = "schoolstub"
    codes = ("PG301",)

    def detect_text(self, text: str) -> Iterable[Finding]:
        i = text.find("Hill Academy")
        if i >= 0:
            yield self.finding("PG301", Category.SCHOOL, Severity.MEDIUM, "named school",
                               start=i, end=i + 12)


def test_school_alone_reviews_and_blocks_with_a_photo() -> None:
    s = _screener(SchoolStub)
    assert s.screen("Well done Hill Academy").verdict is Verdict.REVIEW
    report = s.screen(Post("Well done Hill Academy", images=(b"fake",)))
    assert report.verdict is Verdict.BLOCK
    assert "photo" in report.findings[0].message


# -- redaction --------------------------------------------------------------------------
def _f(start: int, end: int, repl: str | None, action: Action = Action.REMOVE,
       severity: Severity = Severity.HIGH) -> Finding:
    return Finding("PG101", "t", Category.PHONE, severity, 0.9, "m", start=start, end=end,
                   suggestion=Suggestion(action, repl))


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        ("call 0123", [_f(5, 9, "[phone removed]")], "call [phone removed]"),
        ("a bc d", [_f(2, 4, None)], "a d"),
        ("abcdef", [_f(1, 4, "[X]"), _f(2, 5, "[Y]")], "a[X]f"),
        ("abcdef", [_f(1, 3, "[X]", severity=Severity.LOW), _f(2, 5, "[Y]")], "a[Y]f"),
        ("ab", [_f(0, 1, "[X]", action=Action.REVIEW)], "ab"),
        ("😀 ok gr8 👍🏽", [_f(5, 8, "great", Action.REPHRASE)], "😀 ok great 👍🏽"),
        ("שלום call 07", [_f(5, 12, "[p]")], "שלום [p]"),
    ],
)
def test_redact_text(text: str, findings: list[Finding], expected: str) -> None:
    assert redact_text(text, findings) == expected


def test_post_text_and_images_api() -> None:
    report = postguard.screen("hello", metadata={"audience": "parents"}, id="x")
    assert report.id == "x" and report.verdict is Verdict.ALLOW
    with pytest.raises(TypeError):
        Screener().screen(42)  # type: ignore[arg-type]


# -- batching -----------------------------------------------------------------------------
class ManyDetector(WordDetector):
    """Finds like WordDetector, and says when it was called in bulk."""

    name = "many"
    calls: list[int] = []

    def detect_many(self, posts):  # type: ignore[no-untyped-def]
        self.calls.append(len(posts))
        return [list(self.detect(p)) for p in posts]


class BrokenManyDetector(WordDetector):
    name = "brokenmany"

    def detect_many(self, posts):  # type: ignore[no-untyped-def]
        raise RuntimeError("bulk path broken")


def test_screen_many_matches_screen_and_batches() -> None:
    texts = ["secretword here", "nothing", "", "two secretword secretword"] * 5
    s = _screener(ManyDetector)
    ManyDetector.calls.clear()
    many = list(s.screen_many([Post(t, id=str(i)) for i, t in enumerate(texts)], chunk=8))
    assert ManyDetector.calls == [8, 8, 4]
    single = [s.screen(Post(t, id=str(i))) for i, t in enumerate(texts)]
    assert many == single


def test_screen_many_falls_back_per_post_when_bulk_fails() -> None:
    s = _screener(BrokenManyDetector)
    reports = list(s.screen_many(["secretword", "clean"]))
    assert [r.verdict for r in reports] == [Verdict.BLOCK, Verdict.ALLOW]


def test_screen_many_with_real_detectors_equals_screen(screener) -> None:
    texts = [
        "Well done Amelia Hartley-Brown and Tomasz Wrzesniewski of Year 6!",
        "Trip to the Royal Pavilion with Kasia Nowicka on Friday",
        "Text me on 07911 123456 xx", "", "Sports Day moved to Wednesday",
    ]
    many = list(screener.screen_many([Post(t, id=str(i)) for i, t in enumerate(texts)]))
    assert many == [screener.screen(Post(t, id=str(i))) for i, t in enumerate(texts)]


def test_every_documented_code_is_declared_by_a_detector() -> None:
    reg = DetectorRegistry()
    declared = {"PG001", "PG002"}
    for name in reg.names():
        declared.update(reg.get(name).codes)
    stale = sorted(set(code_table()) - declared)
    assert not stale, f"codes documented but emitted by no detector: {stale}"


@pytest.mark.parametrize("action", [None, Verdict.ALLOW, Verdict.REVIEW, Verdict.BLOCK])
def test_with_action_is_replace_for_every_field(action: Verdict | None) -> None:
    """`Finding.with_action` spells out every field: a field added to Finding and not to it
    makes this fail."""
    import dataclasses

    from postguard.model import Action, Category, Finding, Severity, Suggestion

    f = Finding("PG101", "phone", Category.PHONE, Severity.HIGH, 0.9, "m", source="image:1",
                start=3, end=9, box=(1, 2, 3, 4), suggestion=Suggestion(Action.BLUR),
                action=Verdict.REVIEW)
    values = {fl.name: getattr(f, fl.name) for fl in dataclasses.fields(Finding)}
    assert len(set(map(repr, values.values()))) == len(values)  # every field set apart
    assert f.with_action(action) == dataclasses.replace(f, action=action)
