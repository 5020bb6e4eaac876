"""The library's errors: plain exceptions, turned into exit codes only by the CLI."""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitStatus(IntEnum):
    """Exit codes, as grep has them."""

    SUCCESS = 0
    NO_MATCH = 1
    ERROR = 2
    INTERRUPTED = 130


class OtsfactsError(Exception):
    """Base class of every error otsfacts reports to a user in one line."""

    exit_status = ExitStatus.ERROR


class NothingFound(OtsfactsError):
    """Nothing matched or answered: not an error, so its message goes without ``error:``."""

    exit_status = ExitStatus.NO_MATCH


class Problem(NamedTuple):  # a leaf record, on every command's start-up path: 0.06 ms, not 0.5
    """One thing to report about a fact file (an error, or a warning of ``check``): where, which
    entry, which field, what."""

    path: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return self.describe()

    def describe(self, severity: str | None = None, path: str | None = None) -> str:
        """``path:line:column: [severity: ]entry: field: message``, the path as given or as ``path``."""
        where = self.path if path is None else path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where, severity, self.entry, self.field]
        return ": ".join(p for p in parts if p) + ": " + self.message


class FactBaseError(OtsfactsError):
    """The fact files could not be loaded; every problem found is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid fact base"
        more = ""
        if len(problems) > 1:
            files = list(dict.fromkeys(p.path for p in problems))
            more = (f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''}: "
                    f"'otsfacts check {' '.join(files[:3])}{' ...' if len(files) > 3 else ''}' lists them all)")
        super().__init__(first + more)


class UnknownNameError(OtsfactsError):
    """A fact, topic or source id that the base does not hold."""

    def __init__(self, what: str, name: str, suggestions: list[str], hint: str | None = None) -> None:
        self.what, self.name, self.suggestions = what, name, suggestions
        message = f"unknown {what} {name!r}"
        if hint:  # the name is another kind of thing: say which, and what to run
            message = hint
        elif suggestions:
            message += "; did you mean " + ", ".join(suggestions) + "?"
        super().__init__(message)


class QueryError(OtsfactsError):
    """A search query that cannot be searched (empty, only stop words and punctuation...)."""


class ArchiveError(OtsfactsError):
    """A source's archived text is missing or unreadable."""


class FieldError(OtsfactsError):
    """A ``--fields`` name that the records do not have; lists the ones they do."""

    def __init__(self, what: str, name: str, valid: list[str]) -> None:
        self.what, self.name, self.valid = what, name, valid
        shown = f"unknown field {name!r}" if name.strip() else "no field named in --fields"
        super().__init__(f"{shown} for {what}; valid fields: {', '.join(valid)}")


class CitationError(OtsfactsError):
    """A citation request that names nothing to cite, or both ids and --all."""
