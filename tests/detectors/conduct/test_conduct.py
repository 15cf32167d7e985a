"""Conduct from metadata: out_of_hours (PG501) and personal_account (PG502)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import postguard
from postguard.detectors.conduct.detectors import (
    OutOfHoursDetector,
    PersonalAccountDetector,
    bank_holidays,
    easter_sunday,
)
from postguard.errors import ConfigurationError
from postguard.model import Category, Post
from postguard.policy import Policy

DEFAULT = Policy.default()
HOURS = OutOfHoursDetector(DEFAULT)
PERSONAL = PersonalAccountDetector(DEFAULT)


def codes(detector, **metadata) -> list[str]:
    return [f.code for f in detector.detect(Post(text="Swimming tonight", metadata=metadata))]


# ------------------------------------------------------------------------ bank holidays
@pytest.mark.parametrize(
    ("year", "easter"),
    [(2000, "2000-04-23"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
     (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25"), (2285, "2285-03-22")],
)
def test_easter(year: int, easter: str) -> None:
    assert easter_sunday(year) == dt.date.fromisoformat(easter)


# The published England and Wales lists for these years (substitute days included).
@pytest.mark.parametrize(
    ("region", "year", "expected"),
    [
        ("england-and-wales", 2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28"),
        ("england-and-wales", 2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28"),
        ("england-and-wales", 2022,
         "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27"),
        ("england-and-wales", 2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26"),
        ("england-and-wales", 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28"),
        ("scotland", 2022,
         "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27"),
        ("scotland", 2023, "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26"),
        ("northern-ireland", 2020,
         "01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28"),
        ("northern-ireland", 2026,
         "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28"),
        ("none", 2026, ""),
    ],
)
def test_bank_holidays(region: str, year: int, expected: str) -> None:
    want = {dt.date.fromisoformat(f"{year}-{md}") for md in expected.split()}
    assert bank_holidays(region, year) == want


# ------------------------------------------------------------------------- out_of_hours
# Default: Monday-Friday 08:00-18:00 Europe/London, England and Wales bank holidays closed.
OUT_OF_HOURS = [
    # (scheduled_at, audience, flagged?)
    ("2024-05-11T21:30:00+01:00", "children", True),       # Saturday
    ("2024-05-13T19:30:00+01:00", "students", True),       # Monday evening
    ("2024-05-13T07:59:00+01:00", "pupils", True),         # before 08:00
    ("2024-05-13T18:00:00+01:00", "pupils", True),         # end is exclusive
    ("2024-05-13T17:59:59+01:00", "pupils", False),
    ("2024-05-13T08:00:00+01:00", "pupils", False),
    ("2024-05-13T12:00:00Z", "students", False),           # 13:00 in London
    ("2024-05-13T17:30:00Z", "students", True),            # 18:30 BST
    ("2024-01-15T17:30:00Z", "students", False),           # 17:30 GMT
    ("2024-05-13T16:00:00-04:00", "students", True),       # 21:00 in London
    ("2024-05-14T02:00:00+09:00", "students", True),       # Monday 18:00 in London
    ("2024-05-06T10:00:00+01:00", "students", True),       # early May bank holiday
    ("2022-09-19T10:00:00+01:00", "students", True),       # state funeral (one-off)
    ("2023-05-08T10:00:00+01:00", "students", True),       # coronation (one-off)
    ("2022-06-03T10:00:00+01:00", "students", True),       # platinum jubilee
    ("2022-05-30T10:00:00+01:00", "students", False),      # spring holiday moved to 2 June
    ("2021-12-28T10:00:00+00:00", "students", True),       # substitute Boxing Day
    ("2024-05-11T21:30:00+01:00", ["parents", "students"], True),
    ("2024-05-11T21:30:00+01:00", "Year 7", True),
    ("2024-05-11T21:30:00+01:00", "everyone", True),
    ("2024-05-11T21:30:00+01:00", "parents", False),
    ("2024-05-11T21:30:00+01:00", "parents of year 7", False),
    ("2024-05-11T21:30:00+01:00", "public", False),
    ("2024-05-11T21:30:00+01:00", None, False),
    ("2024-05-11T21:30:00+01:00", ["staff", "governors"], False),
]


@pytest.mark.parametrize(("when", "audience", "flagged"), OUT_OF_HOURS)
def test_out_of_hours(when: str, audience: object, flagged: bool) -> None:
    meta = {"scheduled_at": when} if audience is None else {"scheduled_at": when,
                                                           "audience": audience}
    assert codes(HOURS, **meta) == (["PG501"] if flagged else [])


def test_out_of_hours_finding_shape_and_verdict() -> None:
    report = postguard.screen("Swimming tonight", metadata={
        "audience": "students", "scheduled_at": "2024-05-11T21:30:00+01:00"})
    (f,) = report.findings
    assert f.category is Category.OUT_OF_HOURS and f.source == "metadata"
    assert f.start is None and f.end is None
    assert "Saturday" in f.message and "Mon-Fri 08:00-18:00" in f.message
    assert report.verdict.value == "review"


def test_aware_datetime_objects_are_accepted() -> None:
    london = dt.timezone(dt.timedelta(hours=1))
    assert codes(HOURS, audience="students",
                 scheduled_at=dt.datetime(2024, 5, 11, 21, 30, tzinfo=london)) == ["PG501"]


def test_archive_times_are_read_when_there_is_no_schedule() -> None:
    assert codes(HOURS, audience="students", published_at="2024-05-11T21:30:00Z") == ["PG501"]
    assert codes(HOURS, audience="students") == []


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("scheduled_at", "2024-05-11", "no time of day"),
        ("scheduled_at", "next tuesday", "not an ISO 8601"),
        ("scheduled_at", "2024-13-45T99:00+01:00", "not an ISO 8601"),
        ("scheduled_at", 1715459400, "must be an ISO 8601"),
        ("scheduled_at", "\ud800", "not an ISO 8601"),
        ("published_at", "yesterday", "not an ISO 8601"),
        ("audience", 7, "must be a string or a list"),
    ],
)
def test_unreadable_metadata_is_pg002_naming_the_field(field: str, value: object,
                                                       says: str) -> None:
    meta = {"audience": "students", "scheduled_at": "2024-05-13T10:00:00+01:00"}
    if field == "published_at":
        del meta["scheduled_at"]
    meta[field] = value
    (f,) = HOURS.detect(Post(text="x", metadata=meta))
    assert f.code == "PG002" and f.category is Category.DETECTOR_ERROR
    assert f.source == "metadata" and f"'{field}'" in f.message and says in f.message
    report = postguard.screen("x", metadata=meta)
    assert report.verdict.value == "review" and report.errors


@pytest.mark.parametrize(("when", "hits"), [
    # No time zone: read in the policy's (Europe/London), not refused (issue 14).
    ("2024-05-11T21:30:00", True),                  # a Saturday evening
    (dt.datetime(2024, 5, 11, 21, 30), True),
    ("2024-05-13T10:00:00", False),                 # Monday 10:00 in London
    ("2024-05-13T17:30:00", False),                 # 17:30 BST: open until 18:00
    ("2024-05-13T18:30:00", True),
    ("2024-05-13T17:30:00+00:00", True),            # 18:30 BST: a zone given is kept
])
def test_a_time_without_a_zone_is_read_in_the_policy_zone(when: object, hits: bool) -> None:
    found = HOURS.detect(Post(metadata={"audience": "students", "scheduled_at": when}))
    assert [f.code for f in found] == (["PG501"] if hits else [])


@pytest.mark.parametrize(("audience", "hits"), [
    # Fail closed: an audience postguard does not recognise may be children (issue 14).
    ("under-11s", True), ("U11s", True), ("ages 8 to 12", True), ("8-12 year olds", True),
    ("the Sunday club", True), (["parents", "mystery group"], True),
    # Traps: adults stay adults; no audience stated stays as before (not flagged).
    ("parents", False), ("staff and governors", False), (None, False), ("", False),
])
def test_unknown_audiences_are_treated_as_possibly_children(audience: object,
                                                            hits: bool) -> None:
    meta = {"scheduled_at": "2024-05-11T21:30:00+01:00", "audience": audience}
    found = HOURS.detect(Post(metadata=meta))
    assert [f.code for f in found] == (["PG501"] if hits else [])


def test_metadata_that_is_not_a_table_is_pg002() -> None:
    post = Post(text="x", metadata=["audience", "students"])  # type: ignore[arg-type]
    assert [f.code for f in HOURS.detect(post)] == ["PG002"]
    assert [f.code for f in PERSONAL.detect(post)] == ["PG002"]


@pytest.mark.parametrize(
    ("hours", "when", "flagged"),
    [
        ({"days": ["mon", "tue", "wed", "thu", "fri", "sat"]}, "2024-05-11T10:00+01:00", False),
        ({"start": "09:00", "end": "17:00"}, "2024-05-13T08:30+01:00", True),
        ({"start": "09:00", "end": "17:00"}, "2024-05-13T16:59+01:00", False),
        ({"end": "24:00"}, "2024-05-13T23:30+01:00", False),
        ({"timezone": "Asia/Dubai"}, "2024-05-13T19:00+01:00", True),   # 22:00 in Dubai
        ({"timezone": "Asia/Dubai"}, "2024-05-13T06:00+01:00", False),  # 09:00 in Dubai
        ({"bank_holidays": "none"}, "2024-05-06T10:00+01:00", False),
        ({"bank_holidays": "scotland"}, "2024-08-05T10:00+01:00", True),   # first Mon Aug
        ({"bank_holidays": "scotland"}, "2024-08-26T10:00+01:00", False),  # E&W summer
        ({"bank_holidays": "northern-ireland"}, "2024-07-12T10:00+01:00", True),
        ({"bank_holidays": "england-and-wales"}, "2024-11-29T10:00Z", False),
        ({"closed_dates": ["2024-05-14"]}, "2024-05-14T10:00+01:00", True),
    ],
)
def test_policy_changes_office_hours(hours: dict, when: str, flagged: bool) -> None:
    det = OutOfHoursDetector(Policy.from_dict({"office_hours": hours}))
    assert codes(det, audience="students", scheduled_at=when) == (["PG501"] if flagged else [])


@pytest.mark.parametrize(
    ("hours", "says"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"days": ["mon", "funday"]}, "days"),
        ({"days": "mon"}, "days"),
        ({"start": "8am"}, "start"),
        ({"start": "18:00", "end": "08:00"}, "end must be later"),
        ({"bank_holidays": "wales-only"}, "bank_holidays"),
        ({"closed_dates": ["someday"]}, "closed_dates"),
    ],
)
def test_bad_office_hours_are_configuration_errors(hours: dict, says: str) -> None:
    with pytest.raises(ConfigurationError, match=says):
        OutOfHoursDetector(Policy.from_dict({"office_hours": hours}))


def test_policy_can_replace_the_children_audiences() -> None:
    policy = Policy.from_dict({"detectors": {"out_of_hours": {
        "children_audiences": ["homestay students"]}}})
    det = OutOfHoursDetector(policy)
    when = "2024-05-11T21:30:00+01:00"
    assert codes(det, audience="homestay students", scheduled_at=when) == ["PG501"]
    assert codes(det, audience="parents", scheduled_at=when) == []
    # Not in the policy's list: unknown, so possibly children (fail closed).
    (f,) = det.detect(Post(metadata={"audience": "children", "scheduled_at": when}))
    assert "may include children" in f.message


# --------------------------------------------------------------------- personal_account
PERSONAL_ROWS = [
    # (account, audience, expected severity or None)
    ("personal", "children", "high"),
    ("Personal", ["parents", "students"], "high"),
    ("personal", "Year 10", "high"),
    ("private", "pupils", "high"),
    ("personal", None, "medium"),          # unknown audience: may reach children
    ("personal", "public", None),           # a post to the public is not to children
    ("personal", "followers", "medium"),
    ("personal", "parents", None),
    ("personal", "staff and governors", None),
    ("organisation", "children", None),
    ("official", None, None),
    (None, "children", None),
]


@pytest.mark.parametrize(("account", "audience", "severity"), PERSONAL_ROWS)
def test_personal_account(account: object, audience: object, severity: str | None) -> None:
    meta = {k: v for k, v in (("account", account), ("audience", audience)) if v is not None}
    found = list(PERSONAL.detect(Post(text="Well done!", metadata=meta)))
    if severity is None:
        assert found == []
    else:
        (f,) = found
        assert f.code == "PG502" and f.severity.value == severity
        assert f.category is Category.PERSONAL_ACCOUNT and f.source == "metadata"


def test_personal_account_blocks_by_default() -> None:
    report = postguard.screen("Well done!", metadata={"account": "personal",
                                                      "audience": "students"})
    assert report.verdict.value == "block"


@pytest.mark.parametrize(("field", "value"), [("account", 3), ("audience", {"a": 1}),
                                              ("audience", ["students", 5])])
def test_personal_account_unreadable_fields(field: str, value: object) -> None:
    meta: dict[str, object] = {"account": "personal", "audience": "students"}
    meta[field] = value
    (f,) = PERSONAL.detect(Post(text="x", metadata=meta))
    assert f.code == "PG002" and f"'{field}'" in f.message


# --------------------------------------------------------------------------- invariants
_VALUES = st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(),
                    st.lists(st.text(max_size=10), max_size=3), st.datetimes(),
                    st.datetimes(timezones=st.timezones()))


@settings(max_examples=200, deadline=None)
@given(audience=_VALUES, account=_VALUES, when=_VALUES)
def test_never_raises_on_any_metadata(audience: object, account: object, when: object) -> None:
    post = Post(text="", metadata={"audience": audience, "account": account,
                                   "scheduled_at": when})
    for det in (HOURS, PERSONAL):
        for f in det.detect(post):
            assert f.code in det.codes and f.source == "metadata"


@settings(max_examples=100, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1980, 1, 1), max_value=dt.datetime(2100, 1, 1),
                    timezones=st.timezones()))
def test_time_zone_conversion_matches_london_wall_clock(moment: dt.datetime) -> None:
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo("Europe/London"))
    inside = (local.weekday() < 5 and dt.time(8) <= local.time() < dt.time(18)
              and local.date() not in bank_holidays("england-and-wales", local.year))
    assert (HOURS.closed_reason(moment) is None) == inside


def test_personal_account_to_an_unstated_audience_is_review() -> None:
    for audience in ("followers", None):
        meta = {"account": "personal"} | ({"audience": audience} if audience else {})
        assert postguard.screen("Well done!", metadata=meta).verdict.value == "review"
