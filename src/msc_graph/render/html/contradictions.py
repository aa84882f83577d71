"""The contradictions page: groups of disagreeing evidence between studies, then differences within one."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from msc_graph.render.html.shell import read_static, render_page


def render_contradictions_html(payload: Mapping[str, Any]) -> str:
    """Return a self-contained HTML report of a contradictions payload (``report_payload``).

    No scripts and no external resources (the page shell's
    Content-Security-Policy forbids them); every value is passed through
    :func:`html.escape`, since labels and quotes are curated text that may
    hold anything.
    """

    def cell(value: Any) -> str:
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        return escape("–" if value is None else str(value))

    def differences(pair: Mapping[str, Any]) -> str:
        return "; ".join(
            f"{escape(name)}: {cell(v[0])} ≠ {cell(v[1])}" for name, v in pair["differing"].items()
        )

    out = ["<h1>Contradictions between studies</h1>"]
    if not payload["groups"]:
        out.append("<p>None found.</p>")
    for group in payload["groups"]:
        fields = group["fields"]
        out.append(f"<section><h2>{escape(group['label'])}</h2>")
        out.append(
            f"<p class=meta>{escape(group['conflict'])}"
            f"{'' if group['basis'] == 'stated' else ' · ' + group['basis'] + ' evidence'} · differs: "
            f"{escape(', '.join(fields['differing']) or '–')} · always differs: "
            f"{escape(', '.join(fields['always_differing']) or '–')} · agrees: "
            f"{escape(', '.join(fields['agreeing']) or '–')}</p>"
        )
        for side in group["sides"]:
            out.append(f"<h3>{escape(side['arrow'])} ({escape(', '.join(side['studies']))})</h3><ul>")
            for assertion in side["assertions"]:
                for item in assertion["evidence"]:
                    out.append(
                        f"<li><b>{escape(assertion['subject']['label'])} "
                        f"{escape(assertion['predicate'])} {escape(assertion['object']['label'])}"
                        f"</b> · {escape(item['citation'])} · {escape(item['locator'])}: "
                        f"<q>{escape(item['quote'])}</q></li>"
                    )
            out.append("</ul>")
        out.append("<table><tr><th>left</th><th>right</th><th>differs</th><th>agrees</th></tr>")
        for pair in group["pairs"]:
            out.append(
                f"<tr><td>{escape(pair['left_study'])}</td><td>{escape(pair['right_study'])}</td>"
                f"<td>{differences(pair) or '–'}</td>"
                f"<td>{escape(', '.join(pair['agreeing'])) or '–'}</td></tr>"
            )
        out.append("</table></section>")
    out.append("<h1>Differences within one study</h1>")
    if not payload["within_study"]:
        out.append("<p>None found.</p>")
    for study in payload["within_study"]:
        out.append(f"<section><h2>{escape(study['citation'])}</h2><ul>")
        for pair in study["pairs"]:
            differing = differences(pair)
            out.append(
                f"<li>{escape(pair['kind'])}: {escape(pair['left_claim'])} "
                f"({escape(pair['left_evidence']['locator'])}) vs {escape(pair['right_claim'])} "
                f"({escape(pair['right_evidence']['locator'])}){': ' + differing if differing else ''}"
                "</li>"
            )
        out.append("</ul></section>")
    return render_page(
        "MSC graph: contradictions",
        "".join(line + "\n" for line in out),
        style=read_static("report.css") + read_static("contradictions.css"),
    )
