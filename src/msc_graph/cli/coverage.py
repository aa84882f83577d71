"""The coverage command: how much of each seed the curated quotes account for."""

from __future__ import annotations

import html
from typing import Any

import click

from msc_graph.cli.options import emit, format_option, open_views
from msc_graph.render import Table


@click.command()
@click.option(
    "--seed",
    "seeds",
    multiple=True,
    metavar="REVIEW",
    help="Only this review (a review id; an unknown one is refused with the list of reviews); repeatable.",
)
@click.option(
    "--details",
    is_flag=True,
    help="Also list every sentence and row: uncovered, excluded (with the reason), covered or draft-only, "
    "with the assertions (or drafts) and quotes that cover it (text, json and html).",
)
@format_option("html")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write html to this file.")
@click.pass_context
def coverage(
    ctx: click.Context, /, seeds: tuple[str, ...], details: bool, fmt: str, output: str | None
) -> None:
    """Audit every table row and main-text sentence of each seed against the curated quotes.

    The seeds are the project's reviews (the studies with review: true, each
    naming its seed text). The denominator and the reviewed exclusions
    (sentences that state no mechanism, each with its kind and reason) are in
    coverage/seeds.yaml; a review without an entry there is audited whole,
    with no exclusions. JSON gives per seed rows_covered, rows_total,
    sentences_covered, sentences_total (the mechanistic sentences: all minus
    exclusions), excluded_by_kind and the uncovered ones; with --details also
    sentences and rows, each with its status and covered_by (the assertion,
    evidence key, claim, locator and quote of every evidence that covers it).
    rows_draft_only, sentences_draft_only, draft_only_rows and
    draft_only_sentences give what only drafts (status: draft, left out of the
    graph) cover.
    """
    from msc_graph.curation.coverage import EXCLUSION_KINDS, compute_coverage, read_coverage_config
    from msc_graph.curation.drafts import read_drafts
    from msc_graph.curation.seeds import require_seeds_dir
    from msc_graph.query.filters import resolve_review

    require_seeds_dir()  # before the graph is opened: say at once how to point to them
    views = open_views(ctx)
    model = views.model
    wanted = [review for text in seeds for review in resolve_review(model, text)] if seeds else None
    config = read_coverage_config(views.project.coverage_path, model.reviews)
    drafts = read_drafts(views.project.data_dir)
    results = [c.as_dict(details) for c in compute_coverage(model, config, reviews=wanted, drafts=drafts)]
    if fmt == "html":
        from pathlib import Path

        from msc_graph.views.cache import write_atomic

        path = Path(output or "coverage.html")
        write_atomic(path, _render_html(results, details).encode("utf-8"))
        click.echo(f"wrote {path}")
        return
    rows = [
        [
            r["review"],
            f"{r['rows_covered']}/{r['rows_total']}",
            f"{r['sentences_covered']}/{r['sentences_total']}",
            _percent(r["sentences_covered"], r["sentences_total"]),
            str(r["sentences_excluded"]),
        ]
        for r in results
    ]
    footer = []
    if fmt == "text" and any(r["rows_draft_only"] or r["sentences_draft_only"] for r in results):
        footer.append(
            "draft-only (covered only by drafts, which build leaves out; `mscgraph curate review`): "
            + ", ".join(
                f"{r['review']} {r['rows_draft_only']} rows, {r['sentences_draft_only']} sentences"
                for r in results
                if r["rows_draft_only"] or r["sentences_draft_only"]
            )
        )
    if fmt == "text":
        totals = {kind: sum(r["excluded_by_kind"][kind] for r in results) for kind in EXCLUSION_KINDS}
        footer.append(
            "excluded, by kind: "
            + ", ".join(f"{kind} {n}" for kind, n in totals.items())
            + " (coverage/seeds.yaml gives each sentence's reason)"
        )
    if details and fmt == "text":
        for r in results:
            footer += ["", _headline(r)]
            for s in r["sentences"]:
                footer.append(f"  [{s['section']}] {s['text']}")
                if s["status"] != "covered":
                    footer.append(
                        f"    {s['status'].upper()}" + (f", {s['kind']}: {s['reason']}" if s["kind"] else "")
                    )
                footer += _cover_lines(s["covered_by"])
            for x in r["rows"]:
                footer.append(f"  Table {x['table']} row {x['row']}: {x['text']}")
                if x["status"] != "covered":
                    footer.append(f"    {x['status'].upper()}")
                footer += _cover_lines(x["covered_by"])
    emit(fmt, Table(["seed", "rows", "sentences", "covered", "excluded"], rows, footer=footer), results)


def _headline(result: dict[str, Any]) -> str:
    """Return "REVIEW: every sentence and row is covered", or how many of each are not.

    Said outright, because a list of uncovered items that happens to be empty
    reads as if the whole seed were uncovered.
    """
    sentences, rows = len(result["uncovered_sentences"]), len(result["uncovered_rows"])
    drafted = result["sentences_draft_only"] + result["rows_draft_only"]
    pending = (
        f"; {_count(drafted, 'sentence or row', 'sentences or rows')} only drafts cover" if drafted else ""
    )
    if not sentences and not rows:
        return f"{result['review']}: every sentence and row is covered{pending}"
    return f"{result['review']}: {_count(sentences, 'sentence')} and {_count(rows, 'row')} uncovered{pending}"


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _cover_lines(covers: list[dict[str, str]]) -> list[str]:
    """Return a line per quote covering a sentence or row, after the claims read from it."""
    claims: dict[str, dict[str, None]] = {}
    for cover in covers:  # one quote often carries several claims (a list of factors)
        claims.setdefault(cover["quote"], {})[cover["claim"]] = None
    return [f'    ← {"; ".join(read)}: "{quote}"' for quote, read in claims.items()]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _render_html(results: list[dict[str, Any]], details: bool = False) -> str:
    """Return a self-contained page listing each seed's coverage, every text escaped.

    With ``details`` each seed also lists every sentence and row with what covers it.
    """
    parts = [
        "<!doctype html><meta charset='utf-8'><title>msc-graph coverage</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "li.un{color:#a00}li.dr{color:#a60}li.ex{color:#777}ul.by{font-size:90%}</style>"
        "<h1>Coverage of the seed reviews</h1>",
    ]
    for r in results:
        parts.append(
            f"<h2>{html.escape(r['review'])}</h2><p>rows {r['rows_covered']}/"
            f"{r['rows_total']}, mechanistic sentences {r['sentences_covered']}/"
            f"{r['sentences_total']} ({_percent(r['sentences_covered'], r['sentences_total'])})"
            f"</p><p class='headline'>{html.escape(_headline(r))}</p><ul>"
        )
        parts += [
            f"<li class='un'>uncovered: {html.escape(s['text'])}</li>" for s in r["uncovered_sentences"]
        ]
        parts += [
            f"<li class='un'>uncovered row: Table {x['table']} row {x['row']}: {html.escape(x['text'])}</li>"
            for x in r["uncovered_rows"]
        ]
        parts += [
            f"<li class='dr'>draft-only: {html.escape(s['text'])}</li>" for s in r["draft_only_sentences"]
        ]
        parts += [
            f"<li class='dr'>draft-only row: Table {x['table']} row {x['row']}: {html.escape(x['text'])}</li>"
            for x in r["draft_only_rows"]
        ]
        parts += [
            f"<li class='ex'>excluded, {html.escape(e['kind'])} ({html.escape(e['reason'])}): "
            f"{html.escape(e['text'])}</li>"
            for e in r["excluded"]
        ]
        parts.append("</ul>")
        if details:
            parts.append("<h3>Every sentence and row, and what covers it</h3><ol class='details'>")
            for item in [*r["sentences"], *r["rows"]]:
                where = item["section"] if "section" in item else f"Table {item['table']} row {item['row']}"
                status = item["status"]
                if status == "excluded":
                    status = f"excluded, {item['kind']}: {item['reason']}"
                css = {"covered": "co", "uncovered": "un", "draft-only": "dr"}.get(item["status"], "ex")
                parts.append(
                    f"<li class='{css}'>[{html.escape(where)}] {html.escape(item['text'])} "
                    f"<em>({html.escape(status)})</em><ul class='by'>"
                )
                parts += [
                    f"<li>{html.escape(c['claim'])}: “{html.escape(c['quote'])}” "
                    f"({html.escape(c['locator'])}; {html.escape(c['evidence'])})</li>"
                    for c in item["covered_by"]
                ]
                parts.append("</ul></li>")
            parts.append("</ol>")
    return "".join(parts)


COMMANDS = [coverage]
