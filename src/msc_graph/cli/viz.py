"""The viz command: an interactive, offline HTML page of the graph or of a focus on it."""

from __future__ import annotations

import click

from msc_graph.cli.options import context_filter_options, graph_options, open_chosen_views
from msc_graph.model import EntityType

TYPE_CHOICES = [t.value for t in EntityType if t not in (EntityType.STUDY, EntityType.EXTERNAL)]


@click.command()
@click.option(
    "-o",
    "--output",
    default="graph.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Write the page to this file.",
)
@click.option(
    "--around",
    metavar="ENTITY",
    help="Draw only the neighbourhood of this entity (name, synonym, id or CURIE).",
)
@click.option(
    "--depth",
    default=1,
    show_default=True,
    type=click.IntRange(1, 10),
    help="Neighbourhood radius for --around, in edges (either direction).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(TYPE_CHOICES),
    help="Draw only nodes of this type (repeatable; 'factor' includes every factor type).",
)
@click.option(
    "--seed",
    metavar="REVIEW",
    help="Only evidence read in this seed review (a review id; an unknown one is refused with the list).",
)
@click.option(
    "--include-studies",
    is_flag=True,
    help="Also draw studies, linked to the entities their evidence is about.",
)
@graph_options("Draw (use --around on large ones)")
@context_filter_options
@click.pass_context
def viz(
    ctx: click.Context,
    /,
    output: str,
    around: str | None,
    depth: int,
    types: tuple[str, ...],
    seed: str | None,
    include_studies: bool,
    graph_name: str | None,
    with_curated: bool,
    **filters: str | None,
) -> None:
    """Write an interactive HTML page of the graph that works offline.

    Nodes are coloured and shaped by type; edges are green (increase), red
    (decrease), grey dashed (no change) or neutral (carriers, descriptions),
    as wide as the number of studies behind them. Click a node to fade all
    but it and its neighbours, an edge for every quote behind it (the panel
    on the right). Filters: node type, edge kind, basis and study; a search
    box. The whole graph opens folded by type (click a group to open it);
    focus views read left to right, source to outcome. The page loads
    nothing from the network.

    With context filters (--species, --source, --preparation, --model,
    --route, --study, --seed) an edge is drawn when at least one of its
    pieces of evidence matches, and its tooltip lists only those.
    """
    from dataclasses import replace
    from pathlib import Path

    from msc_graph.query.filters import build_filter
    from msc_graph.query.subgraph import VizFocus, expand_types
    from msc_graph.render.html import build_imported_viz_graph, build_viz_graph, render_graph_html
    from msc_graph.views.cache import write_atomic

    views = open_chosen_views(ctx, graph_name, with_curated)
    resolver = views.resolver
    evidence_filter = build_filter(resolver, filters)
    if seed:  # any review of the data: works even before that review's evidence is curated
        from msc_graph.query.filters import resolve_review

        evidence_filter = replace(evidence_filter, read_in=frozenset(resolve_review(views.model, seed)))
    describe = []
    around_id = None
    if around:
        match = resolver.resolve(around)
        around_id = match.id
        describe.append(f"around {match.label}, depth {depth}")
    if types:
        describe.append("types: " + ", ".join(types))
    describe.extend(f"{name}: {', '.join(values)}" for name, values in evidence_filter.as_dict().items())
    focus = VizFocus(
        evidence_filter=evidence_filter,
        types=expand_types(types) if types else None,
        around=around_id,
        depth=depth,
        include_studies=include_studies,
        describe=tuple(describe),
    )
    from msc_graph.interop.imported import ImportedViews

    if isinstance(views, ImportedViews) and views.curated is None:  # straight from the import's records
        graph = build_imported_viz_graph(views.graph, views.prefixes, focus)
    else:
        graph = build_viz_graph(views.model, views.network, views.prefixes, focus)
    write_atomic(Path(output), render_graph_html(graph).encode("utf-8"))
    nodes, edges = len(graph.nodes), len(graph.edges)
    click.echo(f"wrote {output} ({nodes} node{'s' * (nodes != 1)}, {edges} edge{'s' * (edges != 1)})")


COMMANDS = [viz]
