"""The casebook's settings, read from the policy file's `[casebook]` table.

    [casebook]
    two_person_rule = true          # publishing a `block` item needs two designated users
    reporting_procedure = "..."     # shown with every escalated item (default below)
    lockout_after = 5               # failed sign-ins before an account is locked ...
    lockout_minutes = 15            # ... for this long
    session_hours = 8

    [casebook.notify]               # email to the safeguarding lead on escalation
    smtp_host = "mail.example.org"  # no host: no email (the queue still shows the item)
    smtp_port = 25
    starttls = false
    username = ""                   # SMTP login, when the server wants one
    password = ""
    sender = "postguard@example.org"
    recipients = ["dsl@example.org"]  # default: the email addresses of the `dsl` users
    base_url = "https://postguard.example.org"  # for the link in the email
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigurationError

DEFAULT_PROCEDURE = (
    "Handle this as a face-to-face disclosure: do not investigate or contact the people "
    "involved yourself; record what you saw; tell the designated safeguarding lead and the "
    "Principal today. If a child is in immediate danger call 999. Advice: NSPCC helpline "
    "0808 800 5000; children can call Childline on 0800 1111."
)


@dataclass(frozen=True)
class NotifySettings:
    smtp_host: str | None = None
    smtp_port: int = 25
    starttls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "postguard@localhost"
    recipients: tuple[str, ...] = ()
    base_url: str = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class CasebookSettings:
    two_person_rule: bool = True
    reporting_procedure: str = DEFAULT_PROCEDURE
    lockout_after: int = 5
    lockout_minutes: float = 15.0
    session_hours: float = 8.0
    notify: NotifySettings = NotifySettings()


def _get(raw: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any,
         where: str) -> Any:
    value = raw.get(key, default)
    if value is default:
        return value
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ConfigurationError(f"policy [{where}] {key} must be a {name}")
    return value


def settings_from_policy(policy: Any) -> CasebookSettings:
    """Settings from a `Policy`, a policy file's path, or None (the defaults)."""
    if isinstance(policy, (str, os.PathLike)):
        from ..policy import Policy

        policy = Policy.load(policy)
    raw: Mapping[str, Any] = policy.section("casebook") if policy is not None else {}
    n = raw.get("notify", {})
    if not isinstance(n, Mapping):
        raise ConfigurationError("policy [casebook] notify must be a table")
    recipients = _get(n, "recipients", list, [], "casebook.notify")
    if not all(isinstance(r, str) for r in recipients):
        raise ConfigurationError("policy [casebook.notify] recipients must be a list of strings")
    notify = NotifySettings(
        smtp_host=_get(n, "smtp_host", str, None, "casebook.notify") or None,
        smtp_port=_get(n, "smtp_port", int, 25, "casebook.notify"),
        starttls=_get(n, "starttls", bool, False, "casebook.notify"),
        username=_get(n, "username", str, None, "casebook.notify") or None,
        password=_get(n, "password", str, None, "casebook.notify") or None,
        sender=_get(n, "sender", str, "postguard@localhost", "casebook.notify"),
        recipients=tuple(recipients),
        base_url=_get(n, "base_url", str, "http://127.0.0.1:8000",
                      "casebook.notify").rstrip("/"),
    )
    settings = CasebookSettings(
        two_person_rule=_get(raw, "two_person_rule", bool, True, "casebook"),
        reporting_procedure=_get(raw, "reporting_procedure", str, DEFAULT_PROCEDURE,
                                 "casebook"),
        lockout_after=_get(raw, "lockout_after", int, 5, "casebook"),
        lockout_minutes=float(_get(raw, "lockout_minutes", (int, float), 15.0, "casebook")),
        session_hours=float(_get(raw, "session_hours", (int, float), 8.0, "casebook")),
        notify=notify,
    )
    if settings.lockout_after < 1:
        raise ConfigurationError("policy [casebook] lockout_after must be 1 or more")
    return settings
