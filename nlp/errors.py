"""Error and warning codes. Messages say what went wrong and how to fix it.

A code is searchable: users quote "[E101] ..." in bug reports.
"""
from __future__ import annotations


class ZhieError(Exception):
    """Base error; ``str(err)`` is ``"[Ennn] message"``."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None):
        self.code = code or self.code
        super().__init__(f"[{self.code}] {message}")


class ConfigError(ZhieError):
    code = "E001"


class InputError(ZhieError):
    """A record could not be read (bad JSON line, missing field, unreadable file)."""

    code = "E101"


class DecodeError(ZhieError):
    code = "E102"


class LimitError(ZhieError):
    """A record exceeded a configured size or time limit."""

    code = "E103"


class StageError(ZhieError):
    """A stage raised while processing one record."""

    code = "E301"


class ModelError(ZhieError):
    code = "E401"


def format_exception(exc: BaseException, *, stage: str | None = None) -> str:
    """Render any exception as a coded one-line message for an error record."""
    if isinstance(exc, ZhieError):
        return str(exc)
    where = f" in stage '{stage}'" if stage else ""
    msg = str(exc).splitlines()[0] if str(exc) else ""
    return f"[{StageError.code}] {type(exc).__name__}{where}: {msg}"[:500]
