"""One piece of evidence as text: the lines `paths`, `show` and `studies` print under a claim.

The basis is always on the first line, so an inference never reads like a
finding: a stated record shows its quote, a hedged one says "hedged:" before
it, an inferred one says "inferred:" with what it was inferred from and the
cells or sentences read. The second line is the merged context in one short
line (species · model · source · preparation · route), "general" when the
evidence states none; a caveat gets a line of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msc_graph.model.names import escape_controls

CONTEXT_LINE_FIELDS = ("species", "disease_model", "msc_source", "preparation", "route")
"""The fields of the one-line context, in the order the line prints them."""


EVIDENCE_COLUMNS = ["study", "read_in", "locator", "quote", "basis", "inferred_from"]
"""The columns a table of one row per piece of evidence ends with (``show`` and ``neighbours`` TSV)."""


def evidence_cells(item: Mapping[str, Any]) -> list[str]:
    """Return the :data:`EVIDENCE_COLUMNS` cells of one evidence payload."""
    return [
        item["citation"],
        item["read_in"],
        item["locator"],
        item["quote"],
        item["basis"],
        item["inferred_from"] or "",
    ]


def format_claim(item: Mapping[str, Any]) -> str:
    """Return what the evidence says, prefixed by its basis unless stated (JSON evidence record in)."""
    quote = f'"{item["quote"]}"'
    if item["basis"] == "inferred":
        return f"inferred: {item['inferred_from']} (read: {quote})"
    if item["basis"] == "hedged":
        return f"hedged: {quote}"
    return quote


def format_context(item: Mapping[str, Any]) -> str:
    """Return the merged context in one line, or "general" when it names no species, model, source ..."""
    context = item["context"]
    values = []
    for name in CONTEXT_LINE_FIELDS:
        value = context.get(name)
        if value is None and name == "disease_model" and context.get("healthy"):
            value = "healthy"
        if value is not None:
            values.append(str(value))
    return " · ".join(values) if values else "general (no species, model, source, preparation or route)"


def format_evidence_lines(number: int, item: Mapping[str, Any], indent: str = "    ") -> list[str]:
    """Return the numbered lines of one evidence record: source and claim, context, caveat."""
    identifier = next((label for label, _ in item.get("links") or []), None)
    cited = f"{item['citation']} ({identifier}; " if identifier else f"{item['citation']} ("
    lines = [
        f"{indent}[{number}] {cited}read in {item['read_in']}; {item['locator']}): {format_claim(item)}",
        f"{indent}    {format_context(item)}",
    ]
    if item.get("caveat"):
        lines.append(f"{indent}    caveat: {item['caveat']}")
    return [escape_controls(line) for line in lines]
