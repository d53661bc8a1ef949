"""The exception hierarchy: every error pccplan raises on purpose derives from `PccplanError`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from pccplan.finding import FindingsOf, Severity, common_json

__all__ = [
    "DocumentReadError",
    "MissingProgramError",
    "PccplanError",
    "PlanFileError",
    "Problem",
    "RenderError",
    "StatuteError",
    "UnknownAreaError",
    "UnknownFieldError",
    "ValidationError",
]


def _show(value: object, limit: int = 80) -> str:
    """A short, safe representation of a bad value for an error message (a date as it is written)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where it is, what was found and why it is refused.

    `path` is a dotted field path such as ``themes[2].outcomes[0].statement``; the empty
    string means the whole object. `value` is the offending value (``None`` when a required
    field is missing altogether). It is one of the family of findings (`pccplan.finding`):
    its `code` is 'invalid', its `severity` `Severity.ERROR` and its `message` the `reason`.
    """

    path: str
    reason: str
    value: object = None
    owner: str | None = None
    """The class whose field `path` starts from, when no parent path is known (e.g. 'Theme')."""

    @property
    def where(self) -> str:
        """The full place: ``Theme.name`` when built directly, ``themes[2].name`` from a file."""
        if self.owner:
            return f"{self.owner}.{self.path}" if self.path else self.owner
        return self.path or "(the whole object)"

    code = "invalid"
    """The family's stable id for a refused value (`pccplan.finding`)."""
    severity = Severity.ERROR
    """A refused input is always an error: the object or file is not built."""

    @property
    def message(self) -> str:
        """The family's name for `reason`."""
        return self.reason

    def __str__(self) -> str:
        return f"{self.where}: {self.reason} (got {_show(self.value)})"

    def to_json(self) -> dict[str, object]:
        """The problem as a JSON object: code, severity, message, where, then its path and value.

        The value is shown as the message shows it (a short repr; a date as written), since
        any Python object may have been refused.
        """
        return {**common_json(self), "path": self.path, "value": _show(self.value)}

    def under(self, prefix: str) -> Problem:
        """The same problem seen from a parent object whose field `prefix` holds this one."""
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix, owner=None)
        joiner = "" if self.path.startswith("[") else "."
        return attrs.evolve(self, path=f"{prefix}{joiner}{self.path}", owner=None)


class PccplanError(Exception):
    """The root of every error that pccplan raises on purpose."""


class ValidationError(PccplanError, ValueError):
    """A value was refused when an object was built: the message names the field and the value.

    `problems` lists every problem found (usually one), as a `FindingsOf` tuple (so
    ``error.problems.to_json()`` gives them as JSON); `path`, `value` and `reason` are those of
    the first, for convenience.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("ValidationError needs at least one problem")
        self.problems: FindingsOf[Problem] = FindingsOf(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, path: str, reason: str, value: object = None, owner: str | None = None) -> ValidationError:
        """An error for a single problem."""
        return cls([Problem(path=path, reason=reason, value=value, owner=owner)])

    @property
    def path(self) -> str:
        """The field path of the first problem."""
        return self.problems[0].path

    @property
    def value(self) -> object:
        """The offending value of the first problem."""
        return self.problems[0].value

    @property
    def reason(self) -> str:
        """Why the first problem's value was refused."""
        return self.problems[0].reason

    def under(self, prefix: str) -> ValidationError:
        """The same error with every path seen from a parent field `prefix`."""
        return type(self)([p.under(prefix) for p in self.problems])


class UnknownFieldError(ValidationError, TypeError):
    """A field that the class does not have was given as a keyword argument.

    Each problem names the unknown field, its value and the class's fields closest to it. It is
    also a `TypeError`, the error Python itself raises for an unexpected keyword argument.
    """


class PlanFileError(PccplanError):
    """A plan file (YAML or JSON) could not be read, parsed, turned into objects or written.

    The message names the file, then each problem with its path inside the file (a field path
    such as ``themes[0].aim``, or a line and column where the text itself is at fault).
    `problems` holds them as a `FindingsOf` tuple, as `ValidationError.problems` does.
    """

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        self.file = file
        self.problems: FindingsOf[Problem] = FindingsOf(problems)
        lines = [f"{file}: {len(self.problems)} problem(s)"]
        lines += [f"  {_in_file(p)}" for p in self.problems]
        super().__init__("\n".join(lines))


def _in_file(problem: Problem) -> str:
    """A problem as a file error lists it; one with the file itself or its text has no value to show."""
    if problem.value is None and (not problem.path or problem.path.startswith("line ")):
        return f"{problem.path}: {problem.reason}" if problem.path else problem.reason
    return str(problem)


class UnknownAreaError(PccplanError, LookupError):
    """No police area matches a name or slug; `suggestions` lists the closest matches."""

    def __init__(self, query: str, suggestions: Sequence[str], detail: str = "") -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = detail or f"no police area matches {query!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)


class StatuteError(PccplanError, ValueError):
    """A date or choice that the law does not allow, such as a start day PLAN-9 refuses."""


class RenderError(PccplanError):
    """A document could not be rendered or written (bad template, unwritable path)."""


class MissingProgramError(RenderError):
    """An outside program needed for a job (such as LibreOffice for PDF) is not installed."""


class DocumentReadError(PccplanError):
    """A document could not be read: not a .docx, damaged, hostile or beyond the reader's limits."""
