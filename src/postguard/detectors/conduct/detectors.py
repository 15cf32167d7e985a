"""Conduct read from a post's metadata: posts to children outside office hours (PG501) and
posts from a staff member's personal account (PG502).

Metadata fields (DESIGN.md): `audience` (a string such as "students" or "parents, pupils", or
a list of strings), `account` ("organisation" or "personal") and `scheduled_at` (ISO 8601 with
a time zone; for archive sweeps `published_at` or `posted_at` is read when it is absent).

An audience is *children* when any part of it names children ("students", "Year 7",
"everyone"), *adults* when every part names adults ("parents", "staff"), and *unknown*
otherwise, including when it is missing or "public":

- `out_of_hours` checks only posts whose audience is children; a post without a time is not
  checked (nothing says when it goes out).
- `personal_account` reports a personal account posting to children (high), and to an unknown
  audience too (medium): nothing says the post cannot reach children, so it fails closed.

A field that is present but unreadable (a time without a time zone, a number where a string
belongs) is a PG002 finding whose message names the field; it never raises. The office hours
come from the policy's [office_hours] table; UK bank holidays are computed offline (Easter by
the Gregorian computus, substitute days by rule, one-off and moved days from
`data/bank_holidays.toml`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ...datafiles import load_toml
from ...errors import ConfigurationError
from ...model import Action, Category, Finding, Post, Severity, Suggestion
from ...policy import Policy
from ..base import Detector

_DAY = dt.timedelta(days=1)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS = {n.lower(): i for i, n in enumerate(_DAY_NAMES)} | {
    n[:3].lower(): i for i, n in enumerate(_DAY_NAMES)} | {"tues": 1, "thur": 3, "thurs": 3}
REGIONS = ("england-and-wales", "scotland", "northern-ireland", "none")
_REGION_ALIASES = {"england": "england-and-wales", "wales": "england-and-wales",
                   "england and wales": "england-and-wales", "ni": "northern-ireland",
                   "northern ireland": "northern-ireland", "": "none", "false": "none"}
_TIME_FIELDS = ("scheduled_at", "published_at", "posted_at")
_CHILDREN, _ADULTS, _UNKNOWN = "children", "adults", "unknown"
_SPLIT = re.compile(r"\s*(?:[,;/&+|]|\band\b)\s*")
_REVIEW = Suggestion(Action.REVIEW)
_DATE_ONLY = re.compile(r"[0-9]{4}-?[0-9]{2}-?[0-9]{2}")


@functools.cache
def _data(name: str) -> dict[str, Any]:
    return load_toml(name)


# ------------------------------------------------------------------------- bank holidays
def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _first_monday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + (7 - first.weekday()) % 7 * _DAY


def _last_monday(year: int, month: int) -> dt.date:
    last = dt.date(year + month // 12, month % 12 + 1, 1) - _DAY
    return last - last.weekday() * _DAY


def _substituted(days: Iterable[dt.date], taken: set[dt.date]) -> None:
    """Fixed-date holidays on a weekend move to the next free weekday (Christmas on a
    Saturday is kept on Monday 27th and Boxing Day on Tuesday 28th)."""
    for day in days:
        while day.weekday() >= 5 or day in taken:
            day += _DAY
        taken.add(day)


@functools.lru_cache(maxsize=256)
def bank_holidays(region: str, year: int) -> frozenset[dt.date]:
    """The bank holidays of a UK region ("england-and-wales", "scotland",
    "northern-ireland", or "none") in a year."""
    if region == "none":
        return frozenset()
    if region not in REGIONS:
        raise ValueError(f"unknown bank holiday region {region!r}")
    easter = easter_sunday(year)
    days: set[dt.date] = set()
    scotland = region == "scotland"
    _substituted([dt.date(year, 1, 1), *([dt.date(year, 1, 2)] if scotland else [])], days)
    days.add(easter - 2 * _DAY)
    if not scotland:
        days.add(easter + _DAY)
    days.update({_first_monday(year, 5), _last_monday(year, 5),
                 _first_monday(year, 8) if scotland else _last_monday(year, 8)})
    if region == "northern-ireland":
        _substituted([dt.date(year, 3, 17)], days)
        _substituted([dt.date(year, 7, 12)], days)
    if scotland:
        _substituted([dt.date(year, 11, 30)], days)
    _substituted([dt.date(year, 12, 25), dt.date(year, 12, 26)], days)
    data = _data("bank_holidays.toml")
    for table in ("all", region):
        for usual, moved in data.get("moved", {}).get(table, {}).items():
            usual_day, moved_day = dt.date.fromisoformat(usual), dt.date.fromisoformat(moved)
            if usual_day.year == year and usual_day in days:
                days.discard(usual_day)
                days.add(moved_day)
        for extra in data.get("one_off", {}).get(table, []):
            day = dt.date.fromisoformat(extra)
            if day.year == year:
                days.add(day)
    return frozenset(days)


# ---------------------------------------------------------------------------- metadata
def _error(detector: Detector, field: str, why: str) -> Finding:
    return detector.finding("PG002", Category.DETECTOR_ERROR, Severity.MEDIUM,
                            f"metadata field '{field}' {why}; {detector.name} not checked",
                            score=1.0, source="metadata", suggestion=_REVIEW)


class _Audiences:
    """Classifies the `audience` field as children, adults or unknown."""

    def __init__(self, policy: Policy, detector: str) -> None:
        data = _data("conduct.toml")
        own = policy.section(detector)

        def words(key: str) -> frozenset[str]:
            values = own.get(key, data[key])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigurationError(
                    f"{policy.source}: [detectors.{detector}] {key} must be a list of strings")
            return frozenset(_norm(v) for v in values)

        self.children = words("children_audiences")
        self.adults = words("adult_audiences")
        self.patterns = tuple(re.compile(p) for p in data["children_patterns"])

    def classify(self, value: object) -> str | None:
        """children / adults / unknown, or None when the value is not a string or a list of
        strings."""
        if value is None:
            return _UNKNOWN
        if isinstance(value, str):
            items = [value]
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            items = list(value)
        else:
            return None
        kinds = [self._part(p) for item in items for p in self._parts(_norm(item))]
        if _CHILDREN in kinds:
            return _CHILDREN
        if kinds and all(k == _ADULTS for k in kinds):
            return _ADULTS
        return _UNKNOWN

    def _parts(self, text: str) -> list[str]:
        if text in self.children or text in self.adults:
            return [text]
        return [p for p in _SPLIT.split(text) if p]

    def _part(self, part: str) -> str:
        if part in self.adults:
            return _ADULTS
        if part in self.children:
            return _CHILDREN
        tokens = part.split()
        if any(t in self.adults for t in tokens):
            return _ADULTS  # "parents of year 7"
        if any(t in self.children for t in tokens) or any(p.search(part) for p in self.patterns):
            return _CHILDREN
        return _UNKNOWN


def _norm(value: str) -> str:
    return " ".join(value.lower().replace("_", " ").replace("-", " ").split())


def _metadata(post: Post) -> Mapping[str, Any] | None:
    meta = post.metadata
    return meta if isinstance(meta, Mapping) else None


def _parse_time(value: object) -> dt.datetime | str:
    """An aware datetime, or why the value is not one."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        text = value.strip()
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        if _DATE_ONLY.fullmatch(text):
            return "has a date but no time of day"
        try:
            moment = dt.datetime.fromisoformat(text)
        except (ValueError, TypeError):
            return "is not an ISO 8601 date-time (e.g. 2025-03-14T19:30:00+00:00)"
    else:
        return f"must be an ISO 8601 date-time string, not {type(value).__name__}"
    return moment  # naive: the caller reads it in the policy's time zone


# ------------------------------------------------------------------------- office hours
class OutOfHoursDetector(Detector):
    name = "out_of_hours"
    codes = ("PG501", "PG002")
    categories = (Category.OUT_OF_HOURS, Category.DETECTOR_ERROR)
    description = "posts to children scheduled outside the policy's office hours"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        hours = policy.section("office_hours")
        where = f"{policy.source}: [office_hours]"
        tz_name = hours.get("timezone", "Europe/London")
        try:
            self.tz = ZoneInfo(str(tz_name))
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ConfigurationError(
                f"{where} timezone '{tz_name}' is not a known time zone (e.g. Europe/London)"
            ) from None
        self.tz_name = str(tz_name)
        days = hours.get("days", ["mon", "tue", "wed", "thu", "fri"])
        if not isinstance(days, list) or not all(
            isinstance(d, str) and d.strip().lower() in _DAYS for d in days
        ):
            raise ConfigurationError(f"{where} days must be a list of day names (mon ... sun)")
        self.days = frozenset(_DAYS[d.strip().lower()] for d in days)
        self.start = self._clock(hours.get("start", "08:00"), f"{where} start")
        end = hours.get("end", "18:00")
        # "24:00" closes at midnight: None means no end-of-day limit.
        self.end = None if str(end).strip() == "24:00" else self._clock(end, f"{where} end")
        if self.end is not None and self.end <= self.start:
            raise ConfigurationError(f"{where} end must be later than start")
        region = hours.get("bank_holidays", "england-and-wales")
        region = "none" if region is False else _REGION_ALIASES.get(
            str(region).strip().lower(), str(region).strip().lower())
        if region not in REGIONS:
            raise ConfigurationError(
                f"{where} bank_holidays must be one of {', '.join(REGIONS)}")
        self.region = region
        closed = hours.get("closed_dates", [])
        try:
            self.closed = frozenset(dt.date.fromisoformat(str(d)) for d in closed)
        except (ValueError, TypeError):
            raise ConfigurationError(
                f"{where} closed_dates must be a list of dates (YYYY-MM-DD)") from None
        self.audiences = _Audiences(policy, self.name)

    @staticmethod
    def _clock(value: object, where: str) -> dt.time:
        try:
            return dt.time.fromisoformat(str(value).strip())
        except ValueError:
            raise ConfigurationError(f"{where} must be a time such as 08:00") from None

    def _hours_text(self) -> str:
        days = sorted(self.days)
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            span = f"{_DAY_NAMES[days[0]][:3]}-{_DAY_NAMES[days[-1]][:3]}"
        else:
            span = ", ".join(_DAY_NAMES[d][:3] for d in days)
        end = self.end.strftime("%H:%M") if self.end is not None else "24:00"
        return f"{span} {self.start.strftime('%H:%M')}-{end} {self.tz_name}"

    def closed_reason(self, moment: dt.datetime) -> str | None:
        """Why `moment` is outside office hours, or None when it is inside."""
        local = moment.astimezone(self.tz)
        day = local.date()
        if local.weekday() not in self.days:
            return f"on a {_DAY_NAMES[local.weekday()]}"
        if day in bank_holidays(self.region, day.year):
            return "on a bank holiday"
        if day in self.closed:
            return "on a day the organisation is closed"
        clock = local.time().replace(tzinfo=None)
        if clock < self.start or (self.end is not None and clock >= self.end):
            return f"at {local.strftime('%H:%M')}"
        return None

    def detect(self, post: Post) -> Iterable[Finding]:
        meta = _metadata(post)
        if meta is None:
            return [_error(self, "metadata", "is not a table of fields")]
        field = next((f for f in _TIME_FIELDS if meta.get(f) not in (None, "")), None)
        if field is None:
            audience = self.audiences.classify(meta.get("audience"))
            return [] if audience is not None else [
                _error(self, "audience", "must be a string or a list of strings")]
        moment = _parse_time(meta[field])
        if isinstance(moment, str):
            return [_error(self, field, moment)]
        if moment.tzinfo is None or moment.utcoffset() is None:
            moment = moment.replace(tzinfo=self.tz)  # no zone given: the policy's own
        audience = self.audiences.classify(meta.get("audience"))
        if audience is None:
            return [_error(self, "audience", "must be a string or a list of strings")]
        stated = meta.get("audience") not in (None, "", [])
        # Fail closed: an audience named in words postguard does not know may be children.
        if audience == _ADULTS or (audience == _UNKNOWN and not stated):
            return []
        try:
            why = self.closed_reason(moment)
            local = moment.astimezone(self.tz)
        except (OverflowError, ValueError):
            return [_error(self, field, "is outside the range of dates that can be checked")]
        if why is None:
            return []
        when = local.strftime("%a %Y-%m-%d %H:%M")
        who = "children" if audience == _CHILDREN else (
            "an audience that may include children (not one postguard recognises)")
        return [self.finding(
            "PG501", Category.OUT_OF_HOURS, Severity.MEDIUM,
            f"post to {who} scheduled {why} ({when}), outside office hours "
            f"({self._hours_text()})",
            score=0.95, source="metadata", suggestion=_REVIEW)]


# ----------------------------------------------------------------------- personal account
class PersonalAccountDetector(Detector):
    name = "personal_account"
    codes = ("PG502", "PG002")
    categories = (Category.PERSONAL_ACCOUNT, Category.DETECTOR_ERROR)
    description = "posts to children (or an unstated audience) from a personal account"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self.audiences = _Audiences(policy, self.name)
        self.personal = frozenset(_norm(v) for v in _data("conduct.toml")["personal_accounts"])

    def detect(self, post: Post) -> Iterable[Finding]:
        meta = _metadata(post)
        if meta is None:
            return [_error(self, "metadata", "is not a table of fields")]
        account = meta.get("account")
        if account is None:
            return []
        if not isinstance(account, str):
            return [_error(self, "account", "must be a string such as 'organisation'")]
        if _norm(account) not in self.personal:
            return []
        audience = self.audiences.classify(meta.get("audience"))
        if audience is None:
            return [_error(self, "audience", "must be a string or a list of strings")]
        if audience == _ADULTS:
            return []
        if audience == _CHILDREN:
            return [self.finding("PG502", Category.PERSONAL_ACCOUNT, Severity.HIGH,
                                 "post to children from a staff member's personal account",
                                 score=0.95, source="metadata", suggestion=_REVIEW)]
        return [self.finding("PG502", Category.PERSONAL_ACCOUNT, Severity.MEDIUM,
                             "post from a staff member's personal account to an audience that "
                             "may include children (none stated, or public)",
                             score=0.8, source="metadata", suggestion=_REVIEW)]
