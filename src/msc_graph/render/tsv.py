"""TSV renderer: one header line, tabs and newlines inside cells replaced by spaces."""

from __future__ import annotations

from msc_graph.render.table import Table


def _cell(value: str) -> str:
    return " ".join(str(value).split())


def render_tsv(table: Table) -> str:
    """Return the table as tab-separated values with a header row."""
    lines = ["\t".join(table.columns)]
    lines.extend("\t".join(_cell(value) for value in row) for row in table.rows)
    return "\n".join(lines)
