"""Compare: the effects reported on or by one entity, split by one context field of the evidence.

A researcher asking "does the secretome lower GFAP in rats as in mice?" wants
one table: a row per effect (``full secretome ↓ GFAP``), a column per value
of the chosen field (species, MSC source, preparation, disease model, route)
and in each cell the number of distinct studies whose evidence reports that
effect in that context. Each piece of evidence is counted under its own
context, because one study can be described differently in prose and table.

The entity includes everything below it in the is-a hierarchy
("extracellular vesicles" also counts exosome evidence). The preparation and
MSC source of a piece of evidence fall back to the assertion's subject when
the context does not state them (see :func:`~msc_graph.analysis.contradictions.described_context`);
``--by model`` gives healthy tissue a column of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypedDict

from msc_graph.analysis.contradictions import described_context, is_signed
from msc_graph.model import GraphModel, Sign
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.payloads import EntityRef, entity_ref

BY_FIELDS = {
    "source": "msc_source",
    "preparation": "preparation",
    "species": "species",
    "model": "disease_model",
    "route": "route",
}
"""``--by`` choice → the context field it splits on."""
UNSTATED = ":unstated"
"""Column key of evidence that does not state the field (never an entity id: ids have no colon)."""
HEALTHY_TISSUE = ":healthy"
"""Column key, with ``--by model``, of evidence in healthy tissue."""


@dataclass(frozen=True)
class EffectRow:
    """One effect (subject, sign, object) with the studies behind it per column key."""

    subject: str
    object: str
    sign: Sign
    predicates: tuple[str, ...]
    cells: Mapping[str, frozenset[str]]

    @property
    def studies(self) -> frozenset[str]:
        """Return every study behind this effect, in any column."""
        return frozenset().union(*self.cells.values())


@dataclass(frozen=True)
class Comparison:
    """The effects on or by an entity (and what is below it), split by one context field."""

    entity: str
    included: tuple[str, ...]
    by: str
    field: str
    columns: tuple[str, ...]
    rows: tuple[EffectRow, ...]

    def column_studies(self, column: str) -> frozenset[str]:
        """Return every study with evidence in ``column``."""
        return frozenset().union(*(row.cells.get(column, frozenset()) for row in self.rows))


def build_comparison(
    model: GraphModel, entity_id: str, by: str, *, evidence_filter: EvidenceFilter | None = None
) -> Comparison:
    """Return the effects on or by ``entity_id`` split by the ``by`` field of each evidence.

    Rows are signed (causal) assertions whose subject or object is the entity
    or below it; assertions with the same subject, object and sign (increases
    and activates) share a row. Rows are sorted by their number of studies,
    columns likewise, with "unstated" last.

    Raises:
        KeyError: ``by`` is not one of BY_FIELDS (the CLI offers only those).

    Cost: one pass over the assertions and their evidence.
    """
    field = BY_FIELDS[by]
    included = tuple(model.iter_descendants(entity_id))
    members = frozenset(included)
    cells: dict[tuple[str, str, Sign], dict[str, set[str]]] = {}
    predicates: dict[tuple[str, str, Sign], dict[str, None]] = {}
    for assertion in model.assertions:
        if assertion.sign is None or not is_signed(assertion):
            continue
        if assertion.subject not in members and assertion.object not in members:
            continue
        key = (assertion.subject, assertion.object, assertion.sign)
        for item in assertion.evidence:
            if evidence_filter is not None and not evidence_filter.matches(item):
                continue
            value = described_context(model, assertion, item)[field]
            if value is None:
                value = HEALTHY_TISSUE if field == "disease_model" and item.context.healthy else UNSTATED
            cells.setdefault(key, {}).setdefault(value, set()).add(item.study)
            predicates.setdefault(key, {})[assertion.predicate] = None
    rows = [
        EffectRow(
            subject,
            obj,
            sign,
            tuple(predicates[(subject, obj, sign)]),
            {column: frozenset(studies) for column, studies in per_column.items()},
        )
        for (subject, obj, sign), per_column in cells.items()
    ]
    rows.sort(key=lambda r: (-len(r.studies), _label(model, r.subject), _label(model, r.object), -r.sign))
    totals: dict[str, set[str]] = {}
    for row in rows:
        for column, studies in row.cells.items():
            totals.setdefault(column, set()).update(studies)
    columns = sorted(totals, key=lambda c: (c == UNSTATED, -len(totals[c]), column_label(model, c)))
    return Comparison(entity_id, included, by, field, tuple(columns), tuple(rows))


def _label(model: GraphModel, entity_id: str) -> str:
    entity = model.entities.get(entity_id)
    return entity.label.casefold() if entity else entity_id


def column_label(model: GraphModel, column: str) -> str:
    """Return the label of a column key (an entity, healthy tissue or unstated)."""
    if column == UNSTATED:
        return "(unstated)"
    if column == HEALTHY_TISSUE:
        return "(healthy tissue)"
    entity = model.entities.get(column)
    return entity.label if entity else column


def effect_label(model: GraphModel, row: EffectRow) -> str:
    """Return ``subject ↑ object`` for a row."""
    return f"{column_label(model, row.subject)} {row.sign.arrow} {column_label(model, row.object)}"


class ColumnPayload(TypedDict):
    """A column of the comparison: a context value's key (None for unstated) and label."""

    key: str | None
    label: str


class CellPayload(TypedDict):
    """How many studies report an effect in one column's context, and which."""

    count: int
    studies: list[str]


class EffectRowPayload(TypedDict):
    """An effect (subject, sign, object) and its cells, one per column in order."""

    effect: str
    subject: EntityRef
    object: EntityRef
    sign: int
    arrow: str
    predicates: list[str]
    cells: list[CellPayload]
    total: int


class ComparisonPayload(TypedDict):
    """``compare -f json``: the entity, what it includes, the field compared, columns and rows."""

    entity: EntityRef
    includes: list[EntityRef]
    by: str
    field: str
    columns: list[ColumnPayload]
    rows: list[EffectRowPayload]


def comparison_payload(model: GraphModel, comparison: Comparison) -> ComparisonPayload:
    """Return the JSON contract of ``mscgraph compare`` (documented in the README).

    Every row has every column, with count 0 where no study reports the
    effect in that context, so a consumer can draw the matrix directly.
    """
    columns: list[ColumnPayload] = [
        {"key": None if c == UNSTATED else c, "label": column_label(model, c)} for c in comparison.columns
    ]
    rows: list[EffectRowPayload] = []
    for row in comparison.rows:
        rows.append(
            {
                "effect": effect_label(model, row),
                "subject": entity_ref(model, row.subject),
                "object": entity_ref(model, row.object),
                "sign": int(row.sign),
                "arrow": row.sign.arrow,
                "predicates": list(row.predicates),
                "cells": [
                    {"count": len(row.cells.get(c, ())), "studies": sorted(row.cells.get(c, ()))}
                    for c in comparison.columns
                ],
                "total": len(row.studies),
            }
        )
    return {
        "entity": entity_ref(model, comparison.entity),
        "includes": [entity_ref(model, i) for i in comparison.included],
        "by": comparison.by,
        "field": comparison.field,
        "columns": columns,
        "rows": rows,
    }
