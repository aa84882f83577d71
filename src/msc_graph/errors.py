"""The errors msc-graph raises: everything below the CLI fails with an MscGraphError."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class MscGraphError(Exception):
    """Base of every error msc-graph raises on purpose; the CLI prints it in one line."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One defect in the curated data, located as precisely as the input allows."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


class DataError(MscGraphError):
    """The curated data has one or more problems; all are collected before raising."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = "\n".join(str(problem) for problem in self.problems)
        super().__init__(f"{head}\n{count} problem{'s' if count != 1 else ''} in the curated data")


class UnknownEntityError(MscGraphError):
    """A name resolved to no entity; carries the closest names to suggest."""

    exit_code = 2

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown entity {name!r}{hint}")


class AmbiguousEntityError(MscGraphError):
    """A name matches several entities equally well; carries every candidate."""

    exit_code = 2

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = list(candidates)
        super().__init__(
            f"{name!r} is ambiguous; candidates: {', '.join(self.candidates)} (give an id or a CURIE)"
        )


class QueryError(MscGraphError):
    """A SPARQL query is malformed, refused, or took too long."""

    exit_code = 2

    def __init__(
        self, message: str, line: int | None = None, column: int | None = None, hint: str = ""
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"{message}{where}{f'; {hint}' if hint else ''}")

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, int | None, int | None, str]]:
        """Pickle with the position and hint (a query worker sends its errors to the caller)."""
        return type(self), (self.message, self.line, self.column, self.hint)


class SeedNotFoundError(MscGraphError, FileNotFoundError):
    """A review's seed text (or the seeds folder) is not where the project says it is."""

    exit_code = 2


class UsageError(MscGraphError):
    """An option or argument value makes no sense (bad filter value, bad format)."""

    exit_code = 2


class GraphImportError(MscGraphError):
    """An import cannot start or its input is malformed (the message names the file and line)."""

    exit_code = 2


class UnknownGraphError(MscGraphError):
    """No imported graph of that name (lists the ones there are)."""

    exit_code = 2

    def __init__(self, name: str, known: Sequence[str]) -> None:
        hint = f"; imported graphs: {', '.join(known)}" if known else "; none imported yet (mscgraph import)"
        super().__init__(f"no imported graph named {name!r}{hint}")
