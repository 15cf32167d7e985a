"""`ApiError`: an HTTP error with a status, a stable code and a message, raised by the service's
handlers and by the casebook's (kept apart from `app` so the casebook need not import it)."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
