"""The heat map page of ``mscgraph compare``: effects by context value, coloured by sign and study count."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from msc_graph.render.html.shell import read_static, render_page

SIGN_COLOURS = {1: (26, 152, 80), -1: (215, 48, 39), 0: (120, 120, 120)}
"""RGB of each sign in the heat map: green ↑, red ↓, grey no change (as in ``viz``)."""


def render_heatmap_html(payload: Mapping[str, Any]) -> str:
    """Return a self-contained HTML heat map of a comparison payload (``comparison_payload``).

    One row per effect, one column per context value; a cell's colour is the
    sign's hue, its opacity the cell's study count over the largest count.
    The page has inline CSS only, no script and no external resource (the
    page shell's Content-Security-Policy forbids them), and every label, id
    and title is passed through :func:`html.escape`, since curated names may
    hold anything.
    """
    entity = payload["entity"]["label"]
    title = f"Effects on or by {entity}, by {payload['by']}"
    largest = max((cell["count"] for row in payload["rows"] for cell in row["cells"]), default=0) or 1
    out = [
        f"<h1>{escape(title)}</h1>",
        "<p>Each cell counts the distinct studies whose evidence reports the effect in that context; "
        "the stronger the colour, the more studies.</p>",
        "<p class=legend>"
        + "".join(
            f'<span style="background:rgb{SIGN_COLOURS[s]}">{escape(a)}</span>'
            for s, a in ((1, "↑ increases"), (-1, "↓ decreases"), (0, "- no change"))
        )
        + "</p>",
        "<table><thead><tr><th>effect</th>",
    ]
    out.extend(f"<th class=col scope=col>{escape(str(c['label']))}</th>" for c in payload["columns"])
    out.append("<th class=col scope=col>all</th></tr></thead><tbody>")
    for row in payload["rows"]:
        red, green, blue = SIGN_COLOURS[row["sign"]]
        out.append(f"<tr><td class=e>{escape(row['effect'])}</td>")
        for cell in row["cells"]:
            count = cell["count"]
            if count:
                alpha = round(0.15 + 0.85 * count / largest, 3)
                studies = escape(", ".join(cell["studies"]), quote=True)
                out.append(
                    f'<td class=n title="{studies}" '
                    f'style="background:rgba({red},{green},{blue},{alpha})">{count}</td>'
                )
            else:
                out.append("<td class=n></td>")
        out.append(f"<td class=n><b>{row['total']}</b></td></tr>")
    out.append("</tbody></table>")
    if not payload["rows"]:
        out.append("<p>No signed effects on or by this entity.</p>")
    return render_page(
        title,
        "".join(line + "\n" for line in out),
        style=read_static("report.css") + read_static("heatmap.css"),
    )
