"""Neighbours results → readable text and a table of one row per piece of evidence.

The text groups the edges by direction and route ("in, via marker IBA1"),
so how an edge reaches the entity heads the edges it applies to, and lists
each edge's evidence as ``show`` does.
"""

from __future__ import annotations

from itertools import groupby

from msc_graph.model.names import escape_controls
from msc_graph.query.neighbours import NeighbourPayload, NeighboursPayload
from msc_graph.render.evidence import EVIDENCE_COLUMNS, evidence_cells, format_evidence_lines
from msc_graph.render.table import Table

SIGN_ARROWS = {1: "↑", -1: "↓", 0: "-"}
"""The seeds' arrows for an edge's sign (none for edges that state no direction)."""

COLUMNS = [
    "direction",
    "via",
    "subject",
    "predicate",
    "object",
    "sign",
    *EVIDENCE_COLUMNS,
]


def neighbours_table(payload: NeighboursPayload) -> Table:
    """Return one row per piece of evidence (TSV), each with the edge's direction and route."""
    rows = [
        [
            row["direction"],
            row["via"],
            row["subject"]["label"],
            row["predicate"],
            row["object"]["label"],
            SIGN_ARROWS.get(row["sign"], "") if row["sign"] is not None else "",
            *evidence_cells(evidence),
        ]
        for row in payload["neighbours"]
        for evidence in row["evidence"]
    ]
    return Table(COLUMNS, rows)


def format_edge(row: NeighbourPayload) -> str:
    """Return "full secretome —decreases→ IBA1  ↓": the edge and its own sign."""
    arrow = SIGN_ARROWS.get(row["sign"], "") if row["sign"] is not None else ""
    edge = f"{row['subject']['label']} —{row['predicate']}→ {row['object']['label']}"
    return f"{edge}  {arrow}" if arrow else edge


def render_neighbours_text(payload: NeighboursPayload) -> str:
    """Return the entity, a count, then the edges grouped by direction and route, with evidence."""
    entity = payload["entity"]
    rows = payload["neighbours"]
    ins = sum(1 for row in rows if row["direction"] == "in")
    lines = [
        f"{entity['label']}  [{entity['type']}]  id: {entity['id']}",
        f"{len(rows)} edge(s): {ins} in, {len(rows) - ins} out; each under how it reaches "
        f"{entity['label']}, with the edge's own sign",
    ]
    if not rows:
        lines.append("(none)")
    for (direction, via), group in groupby(rows, key=lambda row: (row["direction"], row["via"])):
        lines.append(f"\n{direction}, {via}:")
        for row in group:
            lines.append(f"\n  {format_edge(row)}")
            for number, item in enumerate(row["evidence"], 1):
                lines.extend(format_evidence_lines(number, item))
    return "\n".join(escape_controls(line) for line in lines)
