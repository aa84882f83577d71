"""The studies command: primary studies with contexts, factors and effects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from msc_graph.cli.options import context_filter_options, emit, format_option, open_views
from msc_graph.render import Table

if TYPE_CHECKING:
    from msc_graph.query.studies import EffectPayload


@click.command()
@context_filter_options
@click.option("--factor", help="Only studies whose preparation carries this factor (includes narrower ones).")
@click.option(
    "--read-in",
    "read_in",
    metavar="REVIEW",
    help="Only evidence read in this review (an id or citation; an unknown one is refused with the list).",
)
@format_option()
@click.pass_context
def studies(ctx: click.Context, /, fmt: str, factor: str | None, **filters: str | None) -> None:
    """List primary studies with their contexts, identified factors and effects.

    `--read-in REVIEW -f tsv` lists the primary studies read in one review in
    the columns of a review's summary table (model, species, MSC origin, FS or
    EV, factors, mechanism, reference), rebuilt from the graph.
    """
    from msc_graph.query.filters import build_filter
    from msc_graph.query.studies import iter_study_rows, study_row_payload

    views = open_views(ctx)
    model = views.model
    evidence_filter = build_filter(views.resolver, filters)
    factor_ids = None
    if factor:
        match = views.resolver.resolve(factor)
        factor_ids = frozenset(views.resolver.iter_descendants([match.id]))
    rows = iter_study_rows(model, evidence_filter, factor_ids)
    payload = [study_row_payload(model, row) for row in rows]

    def join(values: list[str | None]) -> str:
        return "; ".join(dict.fromkeys(v for v in values if v))

    table_rows = []
    for item in payload:
        contexts = item["contexts"]
        table_rows.append(
            [
                join([c["disease_model"] for c in contexts]),
                join([" ".join(filter(None, [c["strain"], c["species"]])) for c in contexts]),
                join([c["msc_source"] for c in contexts]),
                join([c["preparation"] for c in contexts]),
                join([c["route"] for c in contexts]),
                ", ".join(item["factors"]) or "–",
                " ".join(dict.fromkeys(_effect_text(e) for e in item["effects"])),
                item["citation"],
            ]
        )
    columns = ["model", "species", "msc_source", "preparation", "route", "factors", "effects", "reference"]
    emit(fmt, Table(columns, table_rows), payload)


def _effect_text(effect: EffectPayload) -> str:
    """Return "↓ GFAP", with the basis after it unless stated ("(inferred: ...)")."""
    text = f"{('↓', '-', '↑')[effect['sign'] + 1]} {effect['target']}"
    if effect["basis"] == "inferred":
        return f"{text} (inferred: {effect['inferred_from']})"
    return text if effect["basis"] == "stated" else f"{text} (hedged)"


COMMANDS = [studies]
