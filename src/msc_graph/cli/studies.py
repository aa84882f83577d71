"""The studies command: primary studies with contexts, factors and effects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from msc_graph.cli.options import context_filter_options, emit, format_option, open_views
from msc_graph.render import Table

if TYPE_CHECKING:
    from msc_graph.model import GraphModel
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
@click.option(
    "--table",
    "table_id",
    metavar="TABLE",
    help="Rebuild a review's table of studies from the evidence read from its rows, e.g. "
    "ferrini-2025-table-1 (an unknown one is refused with the list); takes no filters.",
)
@format_option()
@click.pass_context
def studies(
    ctx: click.Context, /, fmt: str, factor: str | None, table_id: str | None, **filters: str | None
) -> None:
    """List primary studies with their contexts, identified factors and effects.

    Each study collects everything the graph holds about it, prose included:
    `--read-in REVIEW` lists every primary study read anywhere in one review,
    which is more than the review's own table. `--table ferrini-2025-table-1`
    rebuilds that table itself, one line per row as the paper prints it
    (studies cited together in a row stay one row), from the evidence whose
    locator is a row of the table: model, species, MSC origin, preparation
    (FS or EV), identified factors, mechanism, reference.
    """
    from msc_graph.query.filters import build_filter
    from msc_graph.query.studies import iter_study_rows, study_row_payload

    views = open_views(ctx)
    model = views.model
    if table_id is not None:
        if factor or _filtered(filters):
            raise click.UsageError("--table rebuilds a whole table: it takes no filters")
        _emit_table(fmt, model, table_id)
        return
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


def _filtered(filters: dict[str, Any]) -> bool:
    """Return True when a filter is given (--basis only when it leaves a basis out: its default names all)."""
    from msc_graph.cli.options import BASES

    narrowed = set(filters.get("basis") or BASES) != set(BASES)
    return narrowed or any(value for name, value in filters.items() if name != "basis")


def _emit_table(fmt: str, model: GraphModel, table_id: str) -> None:
    """Print the rows of a review's study table rebuilt from its row evidence."""
    from msc_graph.model import Sign
    from msc_graph.query.tables import TABLE_COLUMNS, find_table, rebuild_table, table_row_payload

    table = find_table(model, table_id)
    payload = [table_row_payload(model, row) for row in rebuild_table(model, table)]
    rows = [
        [
            "; ".join(item["model"]),
            "; ".join(item["species"]),
            "; ".join(item["msc_origin"]),
            "; ".join(item["preparation"]),
            ", ".join(item["factors"]) or "–",
            " ".join(f"{Sign(m['sign']).arrow} {m['target']}" for m in item["mechanism"]),
            item["reference"],
        ]
        for item in payload
    ]
    title = f"{table.id}, rebuilt from the evidence read from its rows"
    emit(fmt, Table(TABLE_COLUMNS, rows, title=title), payload)


def _effect_text(effect: EffectPayload) -> str:
    """Return "↓ GFAP", with the basis after it unless stated ("(inferred: ...)")."""
    text = f"{('↓', '-', '↑')[effect['sign'] + 1]} {effect['target']}"
    if effect["basis"] == "inferred":
        return f"{text} (inferred: {effect['inferred_from']})"
    return text if effect["basis"] == "stated" else f"{text} (hedged)"


COMMANDS = [studies]
