"""Neighbours: every edge that reaches an entity, each saying how it reaches it.

"Which secretome factors act on microglia?" is rarely answered by edges to
microglia themselves: the seeds report ↓ IBA1 and ↓ CD68 (markers of
microglia) and ⊣ microglial activation (a process that happens in microglia).
So the neighbourhood of an entity is the entity and the nodes that stand for
it, each with its route:

- the entity itself (direct), and everything below it in the is-a hierarchy
  (via subtype Y);
- for each of those, its markers (the subjects of ``marker-of`` assertions
  whose object it is: via marker IBA1), and the processes and phenotypes
  that happen in it (entities whose curated ``occurs_in`` names it: via
  process microglial activation).

An edge comes "in" when its object is in the neighbourhood and goes "out"
when its subject is and its object is not, so an edge between two members
("IBA1 marker of microglia") is listed once, as an edge in. Every row keeps
its route, so an edge to a marker never reads like an edge to the cell, and
its sign is the edge's own (↓ IBA1), never carried over to the cell.
Standard library only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypedDict

from msc_graph.model import Assertion, GraphModel, iter_subtree
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.payloads import AssertionPayload, EntityRef, assertion_payload, entity_ref

DIRECTIONS = ("in", "out", "both")
"""Which edges to list: into the neighbourhood, out of it, or both."""


class Reach(StrEnum):
    """One step from an entity to a node that stands for it."""

    SUBTYPE = "subtype"
    MARKER = "marker"
    PROCESS = "process"


Route = tuple[tuple[Reach, str], ...]
"""The steps from the entity to a node (empty: the entity itself), e.g. ((SUBTYPE, a), (MARKER, b))."""


@dataclass(frozen=True)
class Neighbour:
    """One edge of the neighbourhood: the assertion (evidence filtered), its direction and its route."""

    assertion: Assertion
    direction: str
    """"in" (its object is in the neighbourhood) or "out" (its subject is, its object is not)."""
    route: Route


def find_routes(model: GraphModel, entity_id: str) -> dict[str, Route]:
    """Return every node of ``entity_id``'s neighbourhood with the route that reaches it.

    The entity and its is-a descendants first, then their markers and
    processes; a node reached two ways keeps the first, shorter route.
    Cost: one pass over the assertions and one over the entities, plus the subtree.
    """
    places: dict[str, Route] = {}
    for place in iter_subtree(model.children, entity_id):
        places[place] = () if place == entity_id else ((Reach.SUBTYPE, place),)
    routes = dict(places)
    markers = [a for a in model.assertions if a.predicate == "marker-of" and a.object in places]
    for assertion in sorted(markers, key=lambda a: (len(places[a.object]), a.subject)):
        routes.setdefault(assertion.subject, (*places[assertion.object], (Reach.MARKER, assertion.subject)))
    happenings = [
        (place, entity.id)
        for entity in model.entities.values()
        for place in entity.occurs_in
        if place in places
    ]
    for place, happening in sorted(happenings, key=lambda pair: (len(places[pair[0]]), pair[1])):
        routes.setdefault(happening, (*places[place], (Reach.PROCESS, happening)))
    return routes


def iter_neighbours(
    model: GraphModel,
    entity_id: str,
    direction: str = "both",
    predicates: Collection[str] | None = None,
    evidence_filter: EvidenceFilter | None = None,
) -> Iterator[Neighbour]:
    """Yield the edges into and out of ``entity_id``'s neighbourhood: in before out, nearest routes first.

    ``predicates`` keeps only those predicate slugs; ``evidence_filter``
    keeps only matching evidence, and an edge left with none is dropped. The
    routes are found on the whole model, so a filter never hides how a node
    stands for the entity (the Ferrini sentence naming IBA1 a microglial
    marker is a review's, not the study's a --study filter asks for).
    Cost: linear in the assertions, then a sort of the rows.

    Raises:
        UsageError: ``direction`` is none of in, out, both.
    """
    if direction not in DIRECTIONS:
        from msc_graph.errors import UsageError

        raise UsageError(f"unknown direction {direction!r}; use one of {', '.join(DIRECTIONS)}")
    routes = find_routes(model, entity_id)
    found = []
    for assertion in model.assertions:
        if predicates is not None and assertion.predicate not in predicates:
            continue
        if assertion.object in routes:
            side, route = "in", routes[assertion.object]
        elif assertion.subject in routes:
            side, route = "out", routes[assertion.subject]
        else:
            continue
        if direction not in (side, "both"):
            continue
        if evidence_filter is not None and evidence_filter.active:
            evidence = tuple(e for e in assertion.evidence if evidence_filter.matches(e))
            if not evidence:
                continue
            assertion = replace(assertion, evidence=evidence)
        found.append(Neighbour(assertion, side, route))

    def order(row: Neighbour) -> tuple[str, int, list[tuple[str, str]], str, str, str]:
        steps = [(str(kind), model.entities[node].label.lower()) for kind, node in row.route]
        other = row.assertion.subject if row.direction == "in" else row.assertion.object
        label = model.entities[other].label.lower()
        return (row.direction, len(row.route), steps, row.assertion.predicate, label, row.assertion.id)

    yield from sorted(found, key=order)


def describe_route(model: GraphModel, route: Route) -> str:
    """Return how a row reaches the entity: "direct", "via marker IBA1", "via subtype a, marker b"."""
    if not route:
        return "direct"
    return "via " + ", ".join(f"{kind} {model.entities[node].label}" for kind, node in route)


class StepPayload(TypedDict):
    """One step of a route: how the next node stands for the one before (subtype, marker, process)."""

    relation: str
    entity: EntityRef


class NeighbourPayload(AssertionPayload):
    """``neighbours -f json``: one edge, its direction and how it reaches the entity."""

    direction: str
    via: str
    """The route in words: "direct", "via marker IBA1", "via subtype microglia, process ..."."""
    route: list[StepPayload]
    """The route step by step (empty: the edge touches the entity itself)."""


class NeighboursPayload(TypedDict):
    """``neighbours -f json``: the entity, what was asked, and every edge found."""

    entity: EntityRef
    direction: str
    predicates: list[str] | None
    filters: dict[str, list[str]]
    neighbours: list[NeighbourPayload]


def neighbour_payload(model: GraphModel, row: Neighbour) -> NeighbourPayload:
    """Return one row as the JSON contract has it: the assertion with evidence, direction and route."""
    return NeighbourPayload(
        **assertion_payload(model, row.assertion),
        direction=row.direction,
        via=describe_route(model, row.route),
        route=[{"relation": str(kind), "entity": entity_ref(model, node)} for kind, node in row.route],
    )


def neighbours_payload(
    model: GraphModel,
    entity_id: str,
    rows: list[Neighbour],
    direction: str,
    predicates: Collection[str] | None,
    evidence_filter: EvidenceFilter | None,
) -> NeighboursPayload:
    """Return the whole answer of ``neighbours``: the entity, the question's options and the rows."""
    return {
        "entity": entity_ref(model, entity_id),
        "direction": direction,
        "predicates": sorted(predicates) if predicates is not None else None,
        "filters": evidence_filter.as_dict() if evidence_filter is not None else {},
        "neighbours": [neighbour_payload(model, row) for row in rows],
    }
