"""Entities: ids, labels, types, CURIE xrefs (and the ``xrefs:`` sections), places and is-a."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from msc_graph.curation.load import Located
from msc_graph.curation.validate.checker import ENTITY_KEYS, Checker, is_key, suggest
from msc_graph.model import Entity, EntityType
from msc_graph.model.names import normalise_name, split_components

PLACE_TYPES = frozenset({EntityType.TISSUE, EntityType.CELL_TYPE})
"""Entity types that are places of measurement (context measured_in) and may say where they lie."""
HAPPENING_TYPES = frozenset({EntityType.PROCESS, EntityType.PHENOTYPE})
"""Entity types that may say which cells or tissues they happen in (``occurs_in``)."""


def _read_overlays(
    check: Checker, overlays: list[tuple[Located, str]], records: Mapping[str, Located]
) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Return entity id → (CURIEs, no-xref reason) from the ``xrefs:`` sections."""
    grounded: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for section, ident in overlays:
        value = section[ident]
        if ident not in records:
            check.report(
                section.where(ident), f"xrefs.{ident}", f"unknown entity {ident!r}{suggest(ident, records)}"
            )
            continue
        if ident in grounded:
            check.report(section.where(ident), f"xrefs.{ident}", "grounded twice")
            continue
        if isinstance(value, Located) and set(value) == {"no_xref"}:
            grounded[ident] = ((), check.text(value, "no_xref", required=True))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            grounded[ident] = (tuple(v.strip() for v in value), None)
        else:
            check.report(
                section.where(ident), f"xrefs.{ident}", "must be a list of CURIEs or {no_xref: reason}"
            )
    return grounded


def validate_entities(
    check: Checker, records: Mapping[str, Located], overlays: list[tuple[Located, str]]
) -> dict[str, Entity]:
    """Return the entities, with the CURIEs of the ``xrefs:`` sections; check places and is-a."""
    grounded = _read_overlays(check, overlays, records)
    entities: dict[str, Entity] = {}
    types = {item.value for item in EntityType} - {"study", "external"}
    labels: dict[str, tuple[str, Located]] = {}
    for ident, record in records.items():
        check.unknown_keys(record, ENTITY_KEYS, "entity")
        label = check.text(record, "label", required=True) or ident
        type_name = record.get("type")
        if not is_key(type_name, types):
            check.report(
                record.where("type"),
                "type",
                f"unknown entity type {type_name!r}{suggest(str(type_name), types)}",
            )
            continue
        xrefs = check.texts(record, "xrefs")
        extra, reason = grounded.get(ident, ((), None))
        xrefs = tuple(dict.fromkeys((*xrefs, *extra)))
        for xref in xrefs:
            check.curie(record.where("xrefs"), "xrefs", xref)
        key = normalise_name(label)
        if key in labels and labels[key][0] != ident:
            other, other_record = labels[key]
            check.report(
                record.where("label"),
                "label",
                f"{label!r} is the same name as entity {other!r} "
                f"({other_record.file}:{other_record.line}); merge the two entities",
            )
        labels.setdefault(key, (ident, record))
        entities[ident] = Entity(
            id=ident,
            label=label,
            type=EntityType(str(type_name)),
            synonyms=check.texts(record, "synonyms"),
            xrefs=xrefs,
            is_a=check.texts(record, "is_a"),
            no_xref=check.text(record, "no_xref") or reason,
            components=(
                check.texts(record, "components")
                if "components" in record
                else _derived_components(label, check.texts(record, "synonyms"), EntityType(str(type_name)))
            ),
            found_in=check.texts(record, "found_in"),
            proposed_by=check.proposed_by(record),
            occurs_in=check.texts(record, "occurs_in"),
        )
    for ident, entity in entities.items():
        for rule in PLACE_RULES:
            _check_places(check, records[ident], entity, entities, rule)
        for parent in entity.is_a:
            if parent not in entities:
                check.report(
                    records[ident].where("is_a"),
                    "is_a",
                    f"unknown parent {parent!r}{suggest(parent, entities)}",
                )
    for ident in _find_cycle_members(entities):
        check.report(records[ident].where("is_a"), "is_a", f"{ident!r} is its own ancestor (cycle in is-a)")
    return entities


@dataclass(frozen=True)
class _PlaceRule:
    """Which entities may carry a place field, what it may name, and how its messages say so."""

    field: str
    carriers: frozenset[EntityType]
    carriers_say: str
    """Who may carry the field, as its message says it: cells and tissues say where they lie."""
    places: frozenset[EntityType]
    place_noun: str
    """One place, as in: unknown tissue 'x'."""
    places_noun: str
    """Places, as in: found_in names tissues."""


PLACE_RULES = (
    _PlaceRule(
        "found_in",
        PLACE_TYPES,
        "cells and tissues say where they lie",
        frozenset({EntityType.TISSUE}),
        "tissue",
        "tissues",
    ),
    _PlaceRule(
        "occurs_in",
        HAPPENING_TYPES,
        "processes and phenotypes say where they happen",
        PLACE_TYPES,
        "cell or tissue",
        "cells and tissues",
    ),
)
"""found_in (where a cell or tissue lies) and occurs_in (where a process happens): one check serves both."""


def _check_places(
    check: Checker, record: Located, entity: Entity, entities: Mapping[str, Entity], rule: _PlaceRule
) -> None:
    """Report a place field on an entity that may not carry it, or naming anything but its kind of place."""
    values: tuple[str, ...] = getattr(entity, rule.field)
    if values and entity.type not in rule.carriers:
        check.report(
            record.where(rule.field),
            rule.field,
            f"only {rule.carriers_say}; {entity.id!r} is a {entity.type.value}",
        )
    for place in values:
        found = entities.get(place)
        if found is None:
            check.report(
                record.where(rule.field),
                rule.field,
                f"unknown {rule.place_noun} {place!r}{suggest(place, entities)}",
            )
        elif found.type not in rule.places:
            check.report(
                record.where(rule.field),
                rule.field,
                f"{place!r} is a {found.type.value}; {rule.field} names {rule.places_noun}",
            )


def _derived_components(label: str, synonyms: tuple[str, ...], kind: EntityType) -> tuple[str, ...]:
    """Return a composite's part names: from its label, and for a pathway from its long synonyms too.

    A pathway's synonyms spell its parts out ("phosphoinositide 3-kinase/protein
    kinase B/..."); other composites' synonyms are not read, where a "/" may join
    two words of one name.
    """
    names = (label, *synonyms) if kind is EntityType.PATHWAY else (label,)
    found = [part for name in names for part in split_components(name, spaced=kind is EntityType.PATHWAY)]
    return tuple(dict.fromkeys(found))


def _find_cycle_members(entities: Mapping[str, Entity]) -> list[str]:
    """Return the ids that lie on an is-a cycle (depth-first search with colours)."""
    state: dict[str, int] = {}
    on_cycle: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        trail.append(node)
        for parent in entities[node].is_a if node in entities else ():
            if parent not in entities:
                continue
            if state.get(parent) == 1:
                on_cycle.update(trail[trail.index(parent) :])
            elif parent not in state:
                visit(parent, trail)
        trail.pop()
        state[node] = 2

    for ident in sorted(entities):
        if ident not in state:
            visit(ident, [])
    return sorted(on_cycle)
