"""Email to the designated safeguarding lead when an item is escalated.

The message carries the item's id, its categories, why it was escalated (the report's one
line, which never quotes the post) and a link to the item: never the post's text. Mail goes
out from a background thread so filing never waits on the mail server; the outcome is written
to the audit log (`notified` or `notification_failed`).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from email.message import EmailMessage

from .settings import CasebookSettings

log = logging.getLogger(__name__)


def escalation_message(settings: CasebookSettings, recipients: Sequence[str], item_id: str,
                       categories: Sequence[str], why: str | None) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"[postguard] escalated item {item_id}: {', '.join(categories) or 'none'}"
    msg["From"] = settings.notify.sender
    msg["To"] = ", ".join(recipients)
    link = f"{settings.notify.base_url}/items/{item_id}"
    msg.set_content(
        f"An item needs the designated safeguarding lead.\n\n"
        f"Item: {item_id}\nCategories: {', '.join(categories) or 'none'}\n"
        f"Why: {why or 'escalated by a designated member of staff'}\n"
        f"Open it: {link}\n\n"
        f"Reporting procedure: {settings.reporting_procedure}\n\n"
        "The post itself is not in this email: open the link and sign in.\n")
    return msg


class Notifier:
    """Sends escalation emails in the background; `record(outcome, detail)` audits each."""

    def __init__(self, settings: CasebookSettings,
                 record: Callable[[str, str, dict[str, object]], None]) -> None:
        self.settings = settings
        self._record = record
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-casebook-mail")
        self._pending: list[Future[None]] = []

    @property
    def enabled(self) -> bool:
        return self.settings.notify.smtp_host is not None

    def escalated(self, item_id: str, categories: Sequence[str], why: str | None,
                  recipients: Sequence[str]) -> None:
        if not self.enabled:
            return
        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(self._pool.submit(self._send, item_id, list(categories), why,
                                               list(recipients)))

    def _send(self, item_id: str, categories: list[str], why: str | None,
              recipients: list[str]) -> None:
        n = self.settings.notify
        if not recipients:
            self._record("notification_failed", item_id,
                         {"why": "no recipients: set [casebook.notify] recipients or give "
                          "the dsl users an email address"})
            return
        msg = escalation_message(self.settings, recipients, item_id, categories, why)
        try:
            with smtplib.SMTP(n.smtp_host or "", n.smtp_port, timeout=20) as smtp:
                if n.starttls:
                    smtp.starttls()
                if n.username:
                    smtp.login(n.username, n.password or "")
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("casebook: escalation email for item %s failed: %s", item_id,
                        type(exc).__name__)
            self._record("notification_failed", item_id,
                         {"to": recipients, "error": type(exc).__name__})
            return
        self._record("notified", item_id, {"to": recipients, "how": "email"})

    def flush(self, timeout: float = 30.0) -> None:
        """Wait for the emails already queued (tests, and a clean shutdown)."""
        for f in list(self._pending):
            f.result(timeout=timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
