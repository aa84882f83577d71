"""The one tabular record every text and TSV renderer takes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """Columns and rows of strings, with an optional title and footer lines."""

    columns: list[str]
    rows: list[list[str]]
    title: str | None = None
    footer: list[str] = field(default_factory=list)
