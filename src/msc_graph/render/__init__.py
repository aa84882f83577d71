"""Renderers: plain records in, text out. Maps a format name to its renderer.

Commands hand a renderer a :class:`Table` (for text and tsv) and a JSON-ready
payload (for json); they never pass click or pyvis objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msc_graph.errors import UsageError
from msc_graph.render.json import render_json
from msc_graph.render.table import Table
from msc_graph.render.text import render_text
from msc_graph.render.tsv import render_tsv

__all__ = ["FORMATS", "Table", "render", "render_json", "render_text", "render_tsv"]

FORMATS = ("text", "json", "tsv")

_RENDERERS: dict[str, Callable[[Table, Any, int | None], str]] = {
    "text": lambda table, payload, width: render_text(table, width),
    "json": lambda table, payload, width: render_json(payload),
    "tsv": lambda table, payload, width: render_tsv(table),
}


def render(fmt: str, table: Table, payload: Any, width: int | None = None) -> str:
    """Render a command's result in ``fmt`` (text, json or tsv); text fits ``width`` (default 100)."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(_RENDERERS)}") from None
    return renderer(table, payload, width)
