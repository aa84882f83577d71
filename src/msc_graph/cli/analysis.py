"""Analysis commands: contradictions between studies, context comparisons, untested gaps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from msc_graph.cli.options import (
    basis_option,
    context_filter_options,
    echo_progress,
    format_option,
    open_views,
    text_width,
)
from msc_graph.render import Table, render

BY_CHOICES = ["source", "preparation", "species", "model", "route"]
GAP_KINDS = [
    "factor-untested-in-pain-model",
    "effect-one-preparation",
    "effect-one-species",
    "model-one-study",
]


def _output_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        help="Write the result to this file (atomically) instead of printing it.",
    )(function)


def _write(text: str, output: str | None) -> None:
    """Print ``text``, or write it to ``output`` and say so on stderr (stdout stays clean)."""
    if output is None:
        click.echo(text)
        return
    from pathlib import Path

    from msc_graph.views.cache import write_atomic

    write_atomic(Path(output), (text + "\n").encode("utf-8"))
    echo_progress(f"wrote {output}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _join(values: list[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v)) or "–"


@click.command()
@click.option(
    "--about", metavar="ENTITY", help="Only assertions whose subject or object is this entity or below it."
)
@click.option(
    "--no-hedged",
    is_flag=True,
    help="Same as --basis stated: leave out hedged and inferred evidence.",
)
@context_filter_options
@format_option("html")
@_output_option
@click.pass_context
def contradictions(
    ctx: click.Context,
    /,
    fmt: str,
    about: str | None,
    no_hedged: bool,
    output: str | None,
    **filters: Any,
) -> None:
    """List evidence from different studies that disagrees on comparable claims.

    Two signed assertions disagree when one raises and the other lowers, or
    one reports a change and the other none. Objects are compared through the
    is-a hierarchy (and a marker through what it marks); subjects when equal,
    is-a related, or both secretome preparations (full secretome, EVs,
    exosomes: the preparation then shows up as a differing field). Each group
    lists both sides with their evidence and, evidence pair by evidence pair,
    the context fields that differ (species, strain, MSC source, preparation,
    route, disease model, disease state, setting) and those that agree.

    Differences within one study (one study on both sides, or one study
    described differently in prose, table and title) are listed in a section
    of their own: they are not contradictions between studies.
    """
    from msc_graph.analysis.contradiction_payloads import SidePayload, report_payload
    from msc_graph.analysis.contradictions import COMPARED_FIELDS, find_contradictions
    from msc_graph.query.filters import build_filter
    from msc_graph.render.html.contradictions import render_contradictions_html

    views = open_views(ctx)
    model = views.model
    scope = None
    if about:
        match = views.resolver.resolve(about)
        scope = frozenset(views.resolver.iter_descendants([match.id]))
    if no_hedged:
        filters["basis"] = ("stated",)
    report = find_contradictions(model, about=scope, evidence_filter=build_filter(views.resolver, filters))
    payload = report_payload(model, report)
    if fmt == "html":
        _write(render_contradictions_html(payload), output)
        return

    def side_text(side: SidePayload) -> str:
        citations = [
            e["citation"] for a in side["assertions"] for e in a["evidence"] if e["study"] in side["studies"]
        ]
        return f"{side['arrow']} {_join(citations)}"

    group_rows = [
        [
            group["label"],
            group["conflict"] + ("" if group["basis"] == "stated" else f" ({group['basis']})"),
            side_text(group["sides"][0]),
            side_text(group["sides"][1]),
            ", ".join(group["fields"]["differing"]) or "–",
            ", ".join(group["fields"]["always_differing"]) or "–",
            ", ".join(group["fields"]["agreeing"]) or "–",
        ]
        for group in payload["groups"]
    ]
    within_rows = [
        [
            study["citation"],
            pair["kind"],
            pair["left_claim"] + f" ({pair['left_evidence']['locator']})",
            pair["right_claim"] + f" ({pair['right_evidence']['locator']})",
            "; ".join(f"{name}: {v[0]} ≠ {v[1]}" for name, v in pair["differing"].items()) or "–",
        ]
        for study in payload["within_study"]
        for pair in study["pairs"]
    ]
    groups = Table(
        ["claims", "conflict", "side 1", "side 2", "differs", "always differs", "agrees"],
        group_rows,
        title=f"Contradictions between studies ({_count(len(group_rows), 'group')})",
        footer=["", f"Fields compared: {', '.join(COMPARED_FIELDS)}."],
    )
    within = Table(
        ["study", "kind", "first", "second", "differs"],
        within_rows,
        title=f"Differences within one study ({_count(len(within_rows), 'pair')})",
    )
    if fmt == "text":
        width = text_width()
        _write(
            render("text", groups, payload, width) + "\n\n" + render("text", within, payload, width), output
        )
    elif fmt == "tsv":
        combined = Table(
            [
                "section",
                "claims",
                "conflict_or_kind",
                "first",
                "second",
                "differs",
                "always_differs",
                "agrees",
            ],
            [["between-studies", *row] for row in group_rows]
            + [["within-study", row[0], row[1], row[2], row[3], row[4], "", ""] for row in within_rows],
        )
        _write(render("tsv", combined, payload), output)
    else:
        _write(render(fmt, groups, payload, text_width()), output)


@click.command()
@click.argument("entity")
@click.option(
    "--by",
    type=click.Choice(BY_CHOICES),
    default="preparation",
    show_default=True,
    help="Context field of each evidence to split the effects by "
    "(source = MSC source, model = disease model).",
)
@click.option(
    "--no-hedged", is_flag=True, help="Same as --basis stated: leave out hedged and inferred evidence."
)
@context_filter_options
@format_option("html")
@_output_option
@click.pass_context
def compare(
    ctx: click.Context, /, entity: str, by: str, no_hedged: bool, fmt: str, output: str | None, **filters: Any
) -> None:
    """Compare the effects reported on or by ENTITY across one context field.

    One row per signed effect in which ENTITY (or anything below it) is the
    subject or the object, one column per value of the chosen field of each
    piece of evidence, and in each cell the number of distinct studies. With
    `-f html -o FILE` it writes a self-contained heat map (no scripts, no
    network). Example: `mscgraph compare GFAP --by species`.
    """
    from msc_graph.analysis.compare import build_comparison, comparison_payload
    from msc_graph.query.filters import build_filter
    from msc_graph.render.html.heatmap import render_heatmap_html

    views = open_views(ctx)
    model = views.model
    match = views.resolver.resolve(entity)
    if no_hedged:
        filters["basis"] = ("stated",)
    evidence_filter = build_filter(views.resolver, filters)
    comparison = build_comparison(model, match.id, by, evidence_filter=evidence_filter)
    payload = comparison_payload(model, comparison)
    if fmt == "html":
        _write(render_heatmap_html(payload), output)
        return
    columns = ["effect", *(str(c["label"]) for c in payload["columns"]), "all"]
    rows = [
        [row["effect"], *(str(c["count"]) if c["count"] else "" for c in row["cells"]), str(row["total"])]
        for row in payload["rows"]
    ]
    table = Table(columns, rows, title=f"Effects on or by {match.label}, by {by} (distinct studies per cell)")
    _write(render(fmt, table, payload, text_width()), output)


@click.command()
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(GAP_KINDS),
    help="Only gaps of this kind (repeatable).",
)
@click.option(
    "--outcome",
    metavar="ENTITY",
    help="The outcome whose disease models factor-untested-in-pain-model asks about "
    "(name, synonym, id or CURIE; default: pain). The kind keeps its name.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Show at most this many gaps (0: all).",
)
@basis_option
@format_option()
@_output_option
@click.pass_context
def gaps(
    ctx: click.Context,
    /,
    kinds: tuple[str, ...],
    outcome: str | None,
    limit: int,
    basis: tuple[str, ...],
    fmt: str,
    output: str | None,
) -> None:
    """Ask what the graph shows as untested, best-supported questions first.

    Kinds: a factor carried by a preparation with no tested mechanism in a
    pain model (a disease model of pain, or of the --outcome named) where
    that preparation was tested; an effect shown for one preparation family
    (EVs) but never for another (full secretome); an effect shown in one
    species only; a disease model with one study only. Each gap
    is a question, never a finding, with the evidence that makes it
    plausible. Score: distinct studies behind that evidence, each weighing as
    its best basis (stated 1, hedged 0.5, inferred 0.25; a review speaking
    for itself at most 0.5), ties broken by kind, then evidence count.
    """
    from msc_graph.analysis.gaps import DEFAULT_OUTCOME, GapKind, find_gaps, gap_payload
    from msc_graph.query.filters import build_filter, filter_model

    views = open_views(ctx)
    # named: resolved, so an unknown name fails with suggestions; the default is quiet where absent
    outcome_id = views.resolver.resolve(outcome).id if outcome else DEFAULT_OUTCOME
    model = filter_model(views.model, build_filter(views.resolver, {"basis": basis}))
    found = find_gaps(model, [GapKind(k) for k in kinds] if kinds else None, outcome_id)
    if limit:
        found = found[:limit]
    payload = [gap_payload(model, gap, rank) for rank, gap in enumerate(found, 1)]
    rows = [[str(item["rank"]), f"{item['score']:g}", item["kind"], item["question"]] for item in payload]
    table = Table(["rank", "score", "kind", "question"], rows, title=f"Untested combinations ({len(rows)})")
    _write(render(fmt, table, payload, text_width()), output)


COMMANDS = [contradictions, compare, gaps]
