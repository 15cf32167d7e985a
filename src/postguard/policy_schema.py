"""The policy file's schema: which tables and keys exist and what type each value has.

A policy file is checked against it before it is merged over the default, so a mistyped table
(`[actoins]`), a mistyped key (`phone =`) or a value of the wrong type (`phones = "01273
555010"`, a string where a list belongs) is a `ConfigurationError` naming the file, the key
and, when there is one, the nearest valid name ("did you mean [actions]?"), never a setting
silently ignored. `[actions]` and `[thresholds]` take category names (checked by `policy`);
`[detectors.NAME]` takes a detector's own settings: built-in ones are listed here; an installed
plugin's section is checked against the registry's names by the Screener (`check_sections`).

To add a setting: add its key and type here (and read it with `Policy.section`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ConfigurationError

# A type is a tag: "str", "bool", "number", "list[str]", "list[table]", "str|list[str]",
# "str|bool", "list[name]" (detector names), "list[term]" (tone terms, TERM), "table" (any
# table), or a dict of keys (a table with exactly those keys).
Schema = dict[str, Any]

_LIST_KINDS = ("phones", "email_domains", "handles", "websites", "schools", "staff",
               "addresses")

_AUDIENCES: Schema = {"children_audiences": "list[str]", "adult_audiences": "list[str]"}

#: One inline tone term (docs/lexicons.md).
TERM: Schema = {"term": "str", "category": "str", "severity": "str", "code": "str",
                "rewrite": "str", "flags": "list[str]"}

#: Settings of built-in detectors and detector families, under [detectors.NAME].
DETECTOR_SECTIONS: dict[str, Schema] = {
    "tone": {"official_channel": "str", "extra_lexicon": "str|list[str]",
             "terms": "list[term]", "remove_terms": "list[str]", "allow_phrases": "list[str]",
             "names": "list[str]"},
    "out_of_hours": _AUDIENCES,
    "personal_account": _AUDIENCES,
    "date_of_birth": {"ages_next_to_names": "bool"},
}

SCHEMA: Schema = {
    "organisation": {"name": "str", **{k: "list[str]" for k in _LIST_KINDS}},
    "allow": {k: "list[str]" for k in _LIST_KINDS},
    "actions": "table",     # category -> action or {severity: action}: checked by policy
    "thresholds": "table",  # "default" or category -> number: checked by policy
    "detectors": {"enabled": "list[name]", "disabled": "list[name]"},
    "office_hours": {"timezone": "str", "days": "list[str]", "start": "str", "end": "str",
                     "bank_holidays": "str|bool", "closed_dates": "list[str]"},
    # The casebook (docs/casebook.md); value ranges are checked by casebook.settings.
    "casebook": {"two_person_rule": "bool", "reporting_procedure": "str",
                 "lockout_after": "number", "lockout_minutes": "number",
                 "session_hours": "number",
                 "notify": {"smtp_host": "str", "smtp_port": "number", "starttls": "bool",
                            "username": "str", "password": "str", "sender": "str",
                            "recipients": "list[str]", "base_url": "str"}},
}

_TAGS: dict[str, tuple[type, ...]] = {
    "str": (str,), "bool": (bool,), "table": (Mapping,), "list[str]": (list,),
    "list[table]": (list,), "list[term]": (list,), "number": (int, float), "list[name]": (list,),
}
_NAMES = {"str": "a string", "bool": "true or false",
          "table": "a table", "list[str]": "a list of strings (e.g. [\"a\", \"b\"])",
          "list[table]": "a list of tables", "list[term]": "a list of tables", "number": "a number",
          "list[name]": "a list of names (e.g. [\"phone\", \"email\"])"}


def _file(source: str) -> str:
    return f"policy {source}" if source.startswith("<") else f"policy file {source}"


def nearest(name: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to a mistyped one, or None when nothing is close."""
    found = difflib.get_close_matches(name, list(valid), n=1, cutoff=0.6)
    return found[0] if found else None


def _unknown(source: str, what: str, name: str, valid: Iterable[str], shown: str) -> None:
    valid = sorted(valid)
    near = nearest(name, valid)
    hint = f"did you mean {shown.format(near)}?" if near else (
        "valid names: " + ", ".join(shown.format(v) for v in valid))
    raise ConfigurationError(f"{_file(source)}: unknown {what}; {hint}")


def _type_ok(value: Any, tag: str) -> bool:
    for alt in tag.split("|"):
        if alt == "number" and isinstance(value, bool):
            continue
        if not isinstance(value, _TAGS[alt]):
            continue
        items: list[Any] = value if isinstance(value, list) else []
        if alt in ("list[str]", "list[name]") and not all(isinstance(v, str) for v in items):
            continue
        if alt in ("list[table]", "list[term]") and not all(
                isinstance(v, Mapping) for v in items):
            continue
        return True
    return False


def _check_value(source: str, where: str, value: Any, tag: str) -> None:
    if not _type_ok(value, tag):
        want = " or ".join(_NAMES[t] for t in tag.split("|"))
        raise ConfigurationError(
            f"{_file(source)}: {where} must be {want}, not {_describe(value)}")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list holding something else" if value else "a list"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _check_table(source: str, table: str, data: Any, schema: Schema) -> None:
    if not isinstance(data, Mapping):
        raise ConfigurationError(
            f"{_file(source)}: {table} must be a table, not {_describe(data)}")
    for key, value in data.items():
        if key not in schema:
            _unknown(source, f"key '{key}' in {table}", key, schema, "'{}'")
        if isinstance(schema[key], dict):  # a nested table ([casebook.notify])
            _check_table(source, f"[{table.strip('[]')}.{key}]", value, schema[key])
            continue
        _check_value(source, f"{table} {key}", value, schema[key])
        if schema[key] == "list[term]":
            for i, item in enumerate(value):
                _check_table(source, f"{table} {key}[{i}]", item, TERM)


def check_policy(data: Mapping[str, Any], source: str) -> None:
    """Raise `ConfigurationError` for the first unknown table or key, or wrongly typed value,
    of a policy file's contents (before they are merged over the default)."""
    for table, body in data.items():
        if table not in SCHEMA and not isinstance(body, Mapping):  # a key before any table
            home = next((t for t, spec in SCHEMA.items()
                         if isinstance(spec, dict) and table in spec), None)
            hint = (f"did you mean [{home}] {table}?" if home else
                    "every setting belongs in a table such as [organisation]")
            raise ConfigurationError(
                f"{_file(source)}: unknown key '{table}' outside any table; {hint}")
        if table not in SCHEMA:
            near = nearest(table, SCHEMA) or (
                f"detectors.{table}" if table in DETECTOR_SECTIONS else None)
            hint = f"did you mean [{near}]?" if near else (
                "tables are: " + ", ".join(f"[{t}]" for t in SCHEMA))
            raise ConfigurationError(f"{_file(source)}: unknown table [{table}]; {hint}")
        spec = SCHEMA[table]
        if isinstance(spec, str):
            _check_value(source, f"[{table}]", body, spec)
            continue
        if table == "detectors" and isinstance(body, Mapping):
            plain = {k: v for k, v in body.items() if not isinstance(v, Mapping)}
            _check_table(source, "[detectors]", plain, spec)
            for name, section in body.items():
                if isinstance(section, Mapping) and name in DETECTOR_SECTIONS:
                    _check_table(source, f"[detectors.{name}]", section,
                                 DETECTOR_SECTIONS[name])
            continue
        _check_table(source, f"[{table}]", body, spec)


def check_detector_names(source: str, lists: Mapping[str, Iterable[str]],
                         detectors: Iterable[str]) -> None:
    """Each name in [detectors] enabled and disabled is an installed detector."""
    available = sorted(detectors)
    for key, names in lists.items():
        for name in names:
            if name not in available:
                near = nearest(name, available)
                hint = f"did you mean '{near}'?" if near else (
                    "available: " + ", ".join(available))
                raise ConfigurationError(
                    f"{_file(source)}: [detectors] {key}: unknown detector '{name}'; {hint}")


def check_sections(raw: Mapping[str, Any], source: str, detectors: Iterable[str],
                   builtins: Iterable[str] = ()) -> None:
    """Each [detectors.NAME] table names a built-in section or an installed detector. A
    plugin's settings are its own to check; a built-in detector (one of `builtins`) that has
    no section in DETECTOR_SECTIONS reads no settings, so any key under it is an error."""
    det = raw.get("detectors", {})
    if not isinstance(det, Mapping):
        return
    valid = set(DETECTOR_SECTIONS) | set(detectors)
    own = set(builtins)
    for name, section in det.items():
        if not isinstance(section, Mapping):
            continue
        if name not in valid:
            _unknown(source, f"table [detectors.{name}]", name, valid, "[detectors.{}]")
        if name in own and name not in DETECTOR_SECTIONS and section:
            key = next(iter(section))
            raise ConfigurationError(
                f"{_file(source)}: unknown key '{key}' in [detectors.{name}]; "
                f"[detectors.{name}] takes no settings "
                f"(to turn it off: [detectors] disabled = [\"{name}\"])")


__all__ = ["DETECTOR_SECTIONS", "SCHEMA", "check_detector_names", "check_policy",
           "check_sections", "nearest"]
