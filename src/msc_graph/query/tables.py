"""A review's summary table of studies, rebuilt row by row from the evidence read from that table.

Ferrini et al. 2025, Table 1 lists nine studies: for each, the animal model,
species, MSC origin, full secretome or EVs, the factors identified and the
spinal mechanisms, and the reference. ``mscgraph studies --read-in`` lists
every primary study read anywhere in a review (prose included), which is not
that table; :func:`rebuild_table` is. It reads only evidence whose locator
is a row of the table ("Table 1, row 9 (Gao et al., 2023a,b)"), so a row is
what its cells were curated as, and studies cited together in one row stay
one row ("Gao et al., 2023a,b").

Which tables can be rebuilt is read from the data, never listed in code: a
table of a review is a study table when every one of its rows has evidence
that states, in the row itself (not inherited from the study), the
preparation given and the disease model it was given in. A review added
with such a table can be rebuilt the day its YAML is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypedDict, TypeVar

from msc_graph.curation.coverage import ROW_LOCATOR
from msc_graph.errors import UsageError
from msc_graph.model import Evidence, GraphModel, SourceKind
from msc_graph.model.vocabulary import PREDICATES, Role

TABLE_COLUMNS = ["model", "species", "msc_origin", "preparation", "factors", "mechanism", "reference"]
"""The columns of a study table, in the order of Ferrini's Table 1: animal model of pain,
animal species, MSC origin, FS or purified EV, identified factor, spinal mechanism, reference."""

T = TypeVar("T")
_LETTERED = re.compile(r"^(.*\b\d{4})([a-z])$")


@dataclass(frozen=True)
class TableRef:
    """A table of a review: ``ferrini-2025-table-1`` is Table 1 of ferrini-2025."""

    review: str
    number: int

    @property
    def id(self) -> str:
        """Return the table's id, the review id and the table number: ``ferrini-2025-table-1``."""
        return f"{self.review}-table-{self.number}"


@dataclass(frozen=True)
class StudyTableRow:
    """One row of a study table, every field an entity id (or study id), in the order first read."""

    number: int
    disease_models: tuple[str, ...]
    species: tuple[tuple[str | None, str], ...]
    """(strain, species) pairs."""
    msc_sources: tuple[str, ...]
    preparations: tuple[str, ...]
    """What the row's own evidence says was given (one, in every table seen so far)."""
    factors: tuple[str, ...]
    mechanisms: tuple[tuple[int, str], ...]
    """(sign, target) of each signed effect of the row's preparations."""
    studies: tuple[str, ...]
    reference: str
    """The studies' citations, those of one author and year merged: "Gao et al., 2023a,b"."""


class MechanismPayload(TypedDict):
    """A signed effect of a row's preparation: -1, 0 or +1 and the target's label."""

    sign: int
    target: str


class TableRowPayload(TypedDict):
    """``studies --table ID -f json``: one row, entity-valued cells as labels."""

    row: int
    model: list[str]
    species: list[str]
    msc_origin: list[str]
    preparation: list[str]
    factors: list[str]
    mechanism: list[MechanismPayload]
    studies: list[str]
    reference: str


def _iter_row_evidence(model: GraphModel) -> Iterator[tuple[TableRef, int, str, Evidence]]:
    """Yield (table, row number, assertion id, evidence) for every evidence read from a table row."""
    for assertion in model.assertions:
        for item in assertion.evidence:
            match = ROW_LOCATOR.match(item.locator)
            if item.source_kind is SourceKind.TABLE and match:
                yield TableRef(item.read_in, int(match.group(1))), int(match.group(2)), assertion.id, item


def find_tables(model: GraphModel, studies_only: bool = True) -> list[TableRef]:
    """Return the tables of the model's reviews that evidence was read from, in review and table order.

    With ``studies_only`` (the default), only the study tables: those whose
    every row has evidence stating its own preparation and disease model
    (see the module docstring).
    Cost: one pass over all evidence.
    """
    rows: dict[TableRef, dict[int, bool]] = {}
    for table, number, _assertion, item in _iter_row_evidence(model):
        own = {"preparation", "disease_model"}.isdisjoint(item.inherited)
        stated = own and item.context.preparation is not None and item.context.disease_model is not None
        seen = rows.setdefault(table, {})
        seen[number] = seen.get(number, False) or stated
    order = list(model.reviews)
    return sorted(
        (t for t, seen in rows.items() if t.review in order and (all(seen.values()) or not studies_only)),
        key=lambda t: (order.index(t.review), t.number),
    )


def find_table(model: GraphModel, table_id: str) -> TableRef:
    """Return the study table ``table_id`` names.

    Raises:
        UsageError: it names none; the message lists the study tables, and
            says so when it names a table that is not one of them.
    """
    tables = find_tables(model)
    wanted = table_id.strip().lower()
    for table in tables:
        if table.id == wanted:
            return table
    known = ", ".join(t.id for t in tables) or "none"
    if any(t.id == wanted for t in find_tables(model, studies_only=False)):
        raise UsageError(
            f"table {table_id!r} is not a table of studies: its rows do not each state a "
            f"preparation and a disease model (the study tables of this graph: {known})"
        )
    raise UsageError(f"unknown table {table_id!r} (the study tables of this graph: {known})")


def rebuild_table(model: GraphModel, table: TableRef) -> list[StudyTableRow]:
    """Return the rows of ``table`` rebuilt from the evidence whose locator is one of its rows.

    Each row's preparation is the one its evidence states; its factors are
    what that preparation carries and its mechanism the signed effects of
    that preparation, both as read from the row (an inferred record whose
    subject is a factor of the row, "miR-99b-3p ⊣ PI3K/AKT/mTOR", is not a
    cell of the table). Rows come in table order.
    Cost: one pass over all evidence.
    """
    assertions = {assertion.id: assertion for assertion in model.assertions}
    found: dict[int, list[tuple[str, Evidence]]] = {}
    for ref, number, assertion_id, item in _iter_row_evidence(model):
        if ref == table:
            found.setdefault(number, []).append((assertion_id, item))
    rows = []
    for number in sorted(found):
        evidence = found[number]
        contexts = [item.context for _, item in evidence]
        preparations = _unique(i.context.preparation for _, i in evidence if "preparation" not in i.inherited)
        factors: list[str] = []
        mechanisms: list[tuple[int, str]] = []
        for assertion_id, _item in evidence:
            assertion = assertions[assertion_id]
            if assertion.subject not in preparations:
                continue
            predicate = PREDICATES[assertion.predicate]
            if predicate.slug == "carries":
                factors.append(assertion.object)
            elif predicate.role is Role.CAUSAL and assertion.sign is not None:
                mechanisms.append((int(assertion.sign), assertion.object))
        studies = _unique(item.study for _, item in evidence)
        rows.append(
            StudyTableRow(
                number=number,
                disease_models=_unique(c.disease_model for c in contexts),
                species=_unique((c.strain, c.species) for c in contexts if c.species),
                msc_sources=_unique(c.msc_source for c in contexts),
                preparations=preparations,
                factors=_unique(factors),
                mechanisms=_unique(mechanisms),
                studies=studies,
                reference=merge_citations([model.studies[s].citation for s in studies]),
            )
        )
    return rows


def _unique(values: Iterable[T | None]) -> tuple[T, ...]:
    """Return the values that are set, each once, in the order first seen."""
    return tuple(dict.fromkeys(v for v in values if v is not None))


def merge_citations(citations: list[str]) -> str:
    """Return citations joined by "; ", those of one author and year merged as a table prints them.

    >>> merge_citations(["Gao et al., 2023a", "Gao et al., 2023b"])
    'Gao et al., 2023a,b'
    >>> merge_citations(["Amodeo et al., 2021"])
    'Amodeo et al., 2021'
    """
    merged: dict[str, list[str]] = {}
    for citation in citations:
        match = _LETTERED.match(citation)
        base, letter = (match.group(1), match.group(2)) if match else (citation, "")
        merged.setdefault(base, []).append(letter)
    return "; ".join(base + ",".join(sorted(letters)) for base, letters in merged.items())


def table_row_payload(model: GraphModel, row: StudyTableRow) -> TableRowPayload:
    """Return a row as ``studies --table ID -f json`` prints it (entity-valued cells as labels)."""
    entities = model.entities
    return {
        "row": row.number,
        "model": [entities[e].label for e in row.disease_models],
        "species": [" ".join(filter(None, (strain, entities[s].label))) for strain, s in row.species],
        "msc_origin": [entities[e].label for e in row.msc_sources],
        "preparation": [entities[e].label for e in row.preparations],
        "factors": [entities[e].label for e in row.factors],
        "mechanism": [{"sign": sign, "target": entities[t].label} for sign, t in row.mechanisms],
        "studies": list(row.studies),
        "reference": row.reference,
    }
