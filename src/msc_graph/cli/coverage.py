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
@click.option("--details", is_flag=True, help="Text: also list uncovered and draft-only sentences and rows.")
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
    exclusions), excluded_by_kind and the uncovered ones; rows_draft_only,
    sentences_draft_only, draft_only_rows and draft_only_sentences give what
    only drafts (status: draft, left out of the graph) cover.
    """
    from msc_graph.curation.coverage import EXCLUSION_KINDS, compute_coverage, read_coverage_config
    from msc_graph.curation.drafts import read_drafts
    from msc_graph.curation.seeds import get_seeds_dir
    from msc_graph.query.filters import resolve_review

    views = open_views(ctx)
    if get_seeds_dir() is None:
        raise click.ClickException("seed texts not found: set MSC_GRAPH_SEEDS")
    model = views.model
    wanted = [review for text in seeds for review in resolve_review(model, text)] if seeds else None
    config = read_coverage_config(views.project.coverage_path, model.reviews)
    drafts = read_drafts(views.project.data_dir)
    results = [c.as_dict() for c in compute_coverage(model, config, reviews=wanted, drafts=drafts)]
    if fmt == "html":
        from pathlib import Path

        from msc_graph.views.cache import write_atomic

        path = Path(output or "coverage.html")
        write_atomic(path, _render_html(results).encode("utf-8"))
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
            footer += (
                [f"\n{r['review']}: uncovered"]
                + [f"  - [{s['section']}] {s['text']}" for s in r["uncovered_sentences"]]
                + [f"  - Table {x['table']} row {x['row']}: {x['text']}" for x in r["uncovered_rows"]]
            )
            footer += [f"  - draft-only: [{s['section']}] {s['text']}" for s in r["draft_only_sentences"]]
            footer += [f"  - draft-only: Table {x['table']} row {x['row']}" for x in r["draft_only_rows"]]
    emit(fmt, Table(["seed", "rows", "sentences", "covered", "excluded"], rows, footer=footer), results)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _render_html(results: list[dict[str, Any]]) -> str:
    """Return a self-contained page listing each seed's coverage, every text escaped."""
    parts = [
        "<!doctype html><meta charset='utf-8'><title>msc-graph coverage</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "li.un{color:#a00}li.dr{color:#a60}li.ex{color:#777}</style><h1>Coverage of the seed reviews</h1>",
    ]
    for r in results:
        parts.append(
            f"<h2>{html.escape(r['review'])}</h2><p>rows {r['rows_covered']}/"
            f"{r['rows_total']}, mechanistic sentences {r['sentences_covered']}/"
            f"{r['sentences_total']} ({_percent(r['sentences_covered'], r['sentences_total'])})"
            "</p><ul>"
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
            f"<li class='ex'>excluded, {html.escape(e['kind'])} ({html.escape(e['reason'])}): "
            f"{html.escape(e['text'])}</li>"
            for e in r["excluded"]
        ]
        parts.append("</ul>")
    return "".join(parts)


COMMANDS = [coverage]
