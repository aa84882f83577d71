"""Text renderer for people: aligned columns that fit a width, or one block per record.

A table is first laid out with every column as wide as its longest cell (at
most 60 characters). When that is wider than the width asked for, long
columns give up room in proportion to how much they would take, down to
their longest word; when even that does not fit (too many columns for the
width), each row is printed as a block of "column: value" lines instead.
Words are never broken unless one alone is wider than the room it has, and
never at hyphens, because hyphens belong to names here (TNF-α, IL-1β,
bone marrow-derived).
"""

from __future__ import annotations

import textwrap

from msc_graph.model.names import escape_controls
from msc_graph.render.table import Table

MAX_WIDTH = 60
"""The widest a column grows, however much room there is: longer cells wrap."""
DEFAULT_WIDTH = 100
"""The width a renderer assumes when it is given none."""
GAP = "  "
MIN_VALUE_WIDTH = 10
"""The narrowest a value of a record block wraps to, whatever the width (labels may push it over)."""


def render_text(table: Table, width: int | None = None) -> str:
    """Return the table as text whose lines fit in ``width`` characters (default 100).

    Control characters in cells are escaped (:func:`escape_controls`): cells
    hold text from data. No word of any cell is dropped; a table too wide
    for ``width`` even with its columns narrowed to their longest word is
    printed as one block of "column: value" lines per row.
    Cost: linear in the text of the table.
    """
    width = width or DEFAULT_WIDTH
    cells = [[escape_controls(str(cell)) for cell in row] for row in table.rows]
    out = _wrap_lines([table.title, ""], width) if table.title else []
    widths = _fit_columns(table.columns, cells, width - len(GAP) * (len(table.columns) - 1))
    if widths is None:
        out += _render_records(table.columns, cells, width)
    else:
        out += _render_columns(table.columns, cells, widths)
    if not table.rows:
        out.append("(none)")
    out += _wrap_lines(table.footer, width)
    return "\n".join(out)


def _wrap(text: str, width: int) -> list[str]:
    """Return ``text`` wrapped to ``width``, hyphenated names kept whole; [""] for an empty cell."""
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _fit_columns(columns: list[str], cells: list[list[str]], room: int) -> list[int] | None:
    """Return the width of each column so that they fit ``room``, or None when they cannot.

    Each column wants its longest cell (at most MAX_WIDTH) and needs at least
    its header and its longest word. Columns that want no more than an even
    share of the room keep what they want (a citation stays on one line);
    the long ones share what is left in proportion to how much more than
    they need each wants.
    """
    wanted, needed = [], []
    for index, header in enumerate(columns):
        texts = [" ".join(row[index].split()) for row in cells]
        longest_word = max((len(word) for text in texts for word in text.split()), default=0)
        need = max(len(header), min(longest_word, MAX_WIDTH))
        needed.append(need)
        wanted.append(max(need, min(max((len(text) for text in texts), default=0), MAX_WIDTH)))
    if sum(wanted) <= room:
        return wanted
    if sum(needed) > room:
        return None
    widths = dict.fromkeys(range(len(columns)), 0)
    short = [0]
    while short:  # an even share grows as short columns take less than it
        rest = [i for i, w in widths.items() if not w]
        share = (room - sum(widths.values())) / len(rest)
        short = [i for i in rest if wanted[i] <= share]
        for index in short:
            widths[index] = wanted[index]
    long = [i for i, w in widths.items() if not w]  # not empty: together they want more than the room
    if room - sum(widths.values()) < sum(needed[i] for i in long):
        widths, long = dict.fromkeys(range(len(columns)), 0), list(widths)
    spare = room - sum(widths.values()) - sum(needed[i] for i in long)
    total = sum(wanted[i] - needed[i] for i in long)  # > spare, since they do not all fit
    for index in long:
        widths[index] = needed[index] + spare * (wanted[index] - needed[index]) // total
    # the rounding left a few characters: give them to the columns still short of the most
    left = room - sum(widths.values())
    for index in sorted(long, key=lambda i: widths[i] - wanted[i])[:left]:
        widths[index] += 1
    return list(widths.values())


def _render_columns(columns: list[str], cells: list[list[str]], widths: list[int]) -> list[str]:
    """Return the header, its rule and each row with its cells wrapped to their column's width."""
    out = [GAP.join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out.append(GAP.join("-" * w for w in widths))
    for row in cells:
        wrapped = [_wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
        for line_no in range(max(len(lines) for lines in wrapped)):
            parts = [lines[line_no] if line_no < len(lines) else "" for lines in wrapped]
            out.append(GAP.join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip())
    return out


def _render_records(columns: list[str], cells: list[list[str]], width: int) -> list[str]:
    """Return one block of "column: value" lines per row, blocks parted by a blank line."""
    label_width = max(len(column) for column in columns) + 1  # with its colon
    value_width = max(width - label_width - 1, MIN_VALUE_WIDTH)
    out: list[str] = []
    for number, row in enumerate(cells):
        if number:
            out.append("")
        for column, cell in zip(columns, row, strict=True):
            label = f"{column}:".ljust(label_width)
            for line_no, line in enumerate(_wrap(cell, value_width)):
                out.append(f"{label if line_no == 0 else ' ' * label_width} {line}".rstrip())
    return out


def _wrap_lines(lines: list[str], width: int) -> list[str]:
    """Return title or footer lines wrapped to ``width``, each keeping its indent (blank lines kept)."""
    out = []
    for text in lines:
        for line in escape_controls(text).split("\n"):
            if len(line) <= width:
                out.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip())]
            out += textwrap.wrap(
                line,
                width,
                subsequent_indent=indent + "  ",
                break_on_hyphens=False,
                drop_whitespace=True,
            )
    return out
