"""Text renderer: aligned columns for people, long cells wrapped."""

from __future__ import annotations

import textwrap

from msc_graph.model.names import escape_controls
from msc_graph.render.table import Table

MAX_WIDTH = 60


def render_text(table: Table) -> str:
    """Return the table with aligned columns; cells longer than 60 characters wrap.

    Control characters in cells are escaped (:func:`escape_controls`): cells hold text from data.
    """
    wrapped = [
        [textwrap.wrap(escape_controls(str(cell)), MAX_WIDTH) or [""] for cell in row] for row in table.rows
    ]
    widths = [len(column) for column in table.columns]
    for row in wrapped:
        for index, lines in enumerate(row):
            widths[index] = max(widths[index], *(len(line) for line in lines))
    out = []
    if table.title:
        out += [table.title, ""]
    out.append("  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip())
    out.append("  ".join("-" * w for w in widths))
    for row in wrapped:
        height = max(len(lines) for lines in row)
        for line_no in range(height):
            cells = [lines[line_no] if line_no < len(lines) else "" for lines in row]
            out.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    if not table.rows:
        out.append("(none)")
    out.extend(table.footer)
    return "\n".join(out)
