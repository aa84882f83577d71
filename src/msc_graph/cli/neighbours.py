"""The neighbours command: what acts on an entity, directly or through what stands for it."""

from __future__ import annotations

import click

from msc_graph.cli.options import context_filter_options, emit, format_option, open_views
from msc_graph.model.vocabulary import PREDICATES


@click.command()
@click.argument("entity")
@click.option(
    "--direction",
    type=click.Choice(["in", "out", "both"]),
    default="both",
    show_default=True,
    help="in: edges into the entity and what stands for it (what acts on it); out: edges from them "
    "to the rest of the graph; both: either.",
)
@click.option(
    "--predicate",
    "predicates",
    multiple=True,
    type=click.Choice(sorted(PREDICATES)),
    metavar="PREDICATE",
    help=f"Only edges with this predicate; repeat for several ({', '.join(sorted(PREDICATES))}).",
)
@context_filter_options
@format_option()
@click.pass_context
def neighbours(
    ctx: click.Context,
    /,
    entity: str,
    direction: str,
    predicates: tuple[str, ...],
    fmt: str,
    **filters: str | None,
) -> None:
    """List the edges that reach ENTITY: direct, through its markers, its processes and its subtypes.

    "Which factors act on microglia?" is mostly answered by edges to IBA1
    and CD68 (markers of microglia) and to microglial activation (a process
    that happens in microglia). Every row says how it reaches ENTITY:
    direct, via marker IBA1, via process microglial activation, via subtype
    Y (below ENTITY in the is-a hierarchy), and keeps its own sign (↓ IBA1
    is a fall in the marker, not a claim about the cells). `mscgraph
    neighbors` works too.
    """
    from msc_graph.query.filters import build_filter
    from msc_graph.query.neighbours import iter_neighbours, neighbours_payload
    from msc_graph.render.neighbours import neighbours_table, render_neighbours_text

    views = open_views(ctx)
    model = views.model
    match = views.resolver.resolve(entity)
    evidence_filter = build_filter(views.resolver, filters)
    chosen = frozenset(predicates) if predicates else None
    rows = list(iter_neighbours(model, match.id, direction, chosen, evidence_filter))
    payload = neighbours_payload(model, match.id, rows, direction, chosen, evidence_filter)
    if fmt == "text":
        click.echo(render_neighbours_text(payload))
        return
    emit(fmt, neighbours_table(payload), payload)


COMMANDS = [neighbours]
