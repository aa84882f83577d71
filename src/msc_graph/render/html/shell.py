r"""The one page shell every HTML page uses: doctype, head with its Content-Security-Policy, body.

Every page is a single file that loads nothing from outside: its style and
scripts are inlined, and the policy allows no source but those inline scripts
(each by its hash, computed here from exactly the text inlined) and inline
styles. The page's own CSS and JavaScript live as files in ``static/``,
shipped as package data and read with :mod:`importlib.resources`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any


@cache
def read_static(name: str) -> str:
    """Return the text of ``static/NAME`` (the pages' CSS and JavaScript), read once."""
    return files("msc_graph.render.html").joinpath("static", name).read_text(encoding="utf-8")


def script_hash(source: str) -> str:
    """Return the Content-Security-Policy source (``'sha256-...'``) that allows one inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def encode_json(payload: Any) -> str:
    r"""Return JSON safe to put inside a <script> block: no character can end the block.

    ``<``, ``>``, ``&`` and the two JavaScript line terminators are written
    as ``\u003c``-style escapes, so no value can close the block.
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_page(
    title: str, body: str, *, style: str, scripts: Sequence[str] = (), data_images: bool = False
) -> str:
    """Return a complete, self-contained page: ``body`` (markup, already escaped), then ``scripts``.

    Each of ``style`` and ``scripts`` is inlined as a newline and the text;
    the policy allows each script by the hash of that inlined text, so a
    script changed anywhere is refused rather than run. ``data_images``
    also allows ``data:`` images (the graph pages' policy always has);
    nothing is ever loaded from outside the file.

    Raises:
        ValueError: a script or the style holds a sequence that would end its block early.
    """
    inlined = ["\n" + source for source in scripts]
    if any("</script" in source.lower() or "<!--" in source for source in inlined):
        raise ValueError("an inline script holds </script or <!--")
    if "</style" in style.lower():
        raise ValueError("the inline style holds </style")
    policy = "; ".join(
        [
            "default-src 'none'",
            *(["script-src " + " ".join(script_hash(s) for s in inlined)] if inlined else []),
            "style-src 'unsafe-inline'",
            *(["img-src data:"] if data_images else []),
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        + body
        + "".join(f"<script>{source}</script>\n" for source in inlined)
        + "</body>\n</html>\n"
    )
