"""The policy: which detectors run, what each category asks for, allowlists, office hours.

A policy file is TOML. It is merged over the shipped default (`data/default-policy.toml`),
so an organisation's file only holds what it changes.
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .codes import code_table
from .datafiles import load_toml
from .errors import ConfigurationError
from .model import Category, Severity, Verdict
from .policy_schema import check_policy, nearest
from .tomlcompat import tomllib

_SEVERITIES = tuple(Severity)


@functools.cache
def _default_raw() -> dict[str, Any]:
    return load_toml("default-policy.toml")


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _code_hint(key: str) -> str | None:
    """When a finding code stands where a category belongs ([actions] PG462 = ...), say so."""
    info = code_table().get(key.strip().upper())
    if info is None:
        return None
    return (f"{info.code} is a finding code: [actions] and [thresholds] take categories, "
            f"and {info.code} is '{info.category.value}'")


def _parse_actions(raw: Mapping[str, Any], where: str) -> dict[Category, dict[Severity, Verdict]]:
    actions: dict[Category, dict[Severity, Verdict]] = {}
    valid_cats = ", ".join(c.value for c in Category)
    for key, value in raw.items():
        try:
            cat = Category(key)
        except ValueError:
            near = nearest(key, (c.value for c in Category))
            raise ConfigurationError(
                f"{where}: [actions] has unknown category '{key}'; " + (
                    _code_hint(key) or (f"did you mean '{near}'?" if near
                                        else f"categories are: {valid_cats}"))
            ) from None
        try:
            if isinstance(value, str):
                actions[cat] = {s: Verdict(value) for s in _SEVERITIES}
            elif isinstance(value, Mapping):
                per = {Severity(k): Verdict(v) for k, v in value.items()}
                missing = [s for s in _SEVERITIES if s not in per]
                if missing:
                    fallback = max(per.values(), key=lambda v: v.rank)
                    per.update({s: fallback for s in missing})
                actions[cat] = per
            else:
                raise ValueError(value)
        except ValueError:
            raise ConfigurationError(
                f"{where}: [actions] {key} must be allow, review or block, or a table of "
                "them by severity (low, medium, high)"
            ) from None
    return actions


@dataclass(frozen=True)
class Policy:
    """A validated policy. Build it with `Policy.default()`, `Policy.load(path)` or
    `Policy.from_dict(mapping)`; detectors read their own settings with `section(name)`."""

    actions: Mapping[Category, Mapping[Severity, Verdict]]
    thresholds: Mapping[str, float]
    enabled: tuple[str, ...] | None
    disabled: tuple[str, ...]
    raw: Mapping[str, Any] = field(repr=False)
    source: str = "<default>"

    @classmethod
    def default(cls) -> Policy:
        return cls.from_dict({})

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Policy:
        p = os.fspath(path)
        try:
            with open(p, "rb") as fh:
                data = tomllib.load(fh)
        except FileNotFoundError:
            raise ConfigurationError(f"policy file {p}: not found") from None
        except OSError as exc:
            raise ConfigurationError(f"policy file {p}: cannot read ({exc.strerror})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigurationError(f"policy file {p}: not valid TOML ({exc})") from None
        return cls.from_dict(data, source=p)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> Policy:
        check_policy(data, source)  # unknown tables and keys, wrong types: errors
        where = f"policy {source}" if source.startswith("<") else f"policy file {source}"
        raw = _merge(_default_raw(), data)
        actions = _parse_actions(raw.get("actions", {}), where)
        missing = [c.value for c in Category if c not in actions]
        if missing:  # pragma: no cover - the default policy names every category
            raise ConfigurationError(f"{source}: [actions] lacks {', '.join(missing)}")
        thresholds: dict[str, float] = {}
        for key, value in raw.get("thresholds", {}).items():
            if not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ConfigurationError(
                    f"{where}: [thresholds] {key} must be a number from 0 to 1"
                )
            if key != "default":
                try:
                    Category(key)
                except ValueError:
                    near = nearest(key, ["default", *(c.value for c in Category)])
                    hint = _code_hint(key) or (f"did you mean '{near}'?" if near else "")
                    raise ConfigurationError(
                        f"{where}: [thresholds] has unknown category '{key}'"
                        + (f"; {hint}" if hint else "")
                    ) from None
            thresholds[key] = float(value)
        det = raw.get("detectors", {})
        enabled = det.get("enabled")
        disabled = det.get("disabled", [])
        for name, value in (("enabled", enabled), ("disabled", disabled)):
            if value is not None and (
                not isinstance(value, list) or not all(isinstance(v, str) for v in value)
            ):
                raise ConfigurationError(f"{where}: [detectors] {name} must be a list of names")
        return cls(
            actions=actions,
            thresholds=thresholds,
            enabled=tuple(enabled) if enabled is not None else None,
            disabled=tuple(disabled),
            raw=raw,
            source=source,
        )

    def action_for(self, category: Category, severity: Severity) -> Verdict:
        return self.actions[category][severity]

    def threshold_for(self, category: Category) -> float:
        return self.thresholds.get(category.value, self.thresholds.get("default", 0.5))

    def section(self, name: str) -> Mapping[str, Any]:
        """A table of the policy (e.g. "organisation", "allow", "office_hours", or a
        detector's own settings under [detectors.NAME]); empty when absent."""
        if name in self.raw and isinstance(self.raw[name], Mapping):
            return self.raw[name]  # type: ignore[no-any-return]
        det = self.raw.get("detectors", {})
        value = det.get(name) if isinstance(det, Mapping) else None
        return value if isinstance(value, Mapping) else {}

    def allowlist(self, kind: str) -> tuple[str, ...]:
        """The organisation's own values plus the public allowlist for a kind
        ("phones", "email_domains", "handles", "websites")."""
        org = self.section("organisation").get(kind, [])
        pub = self.section("allow").get(kind, [])
        values: list[str] = []
        for v in [*org, *pub]:
            if not isinstance(v, str):
                raise ConfigurationError(f"{self.source}: allowlist {kind} must hold strings")
            values.append(v)
        return tuple(values)
