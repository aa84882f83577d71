"""A part of the network to draw: the nodes and edges a focus keeps.

A focus keeps what lies around an entity, of some types, under an evidence filter.

The graph page draws what :func:`select_subgraph` returns; the selection is a
question asked of the network, so it lives here and not in ``render/``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from msc_graph.model import FACTOR_TYPES, EntityType, Evidence, GraphModel
from msc_graph.query.filters import EvidenceFilter


@dataclass(frozen=True)
class VizFocus:
    """Which part of the network a page shows (all fields optional: the whole graph).

    Attributes:
        evidence_filter: keep an edge when at least one of its evidence matches;
            tooltips then list only the matching evidence.
        types: keep only nodes of these entity type slugs (see :func:`expand_types`).
        around: an entity id; keep only nodes within ``depth`` edges of it,
            following edges in both directions.
        depth: neighbourhood radius for ``around``.
        include_studies: also draw one node per study, linked to every entity
            its (matching) evidence is about.
    """

    evidence_filter: EvidenceFilter | None = None
    types: frozenset[str] | None = None
    around: str | None = None
    depth: int = 1
    include_studies: bool = False
    describe: tuple[str, ...] = field(default=())
    """Human-readable lines naming the focus, shown under the page title."""


@dataclass(frozen=True)
class SelectedEdge:
    """An edge kept by :func:`select_subgraph`, with the evidence that still counts."""

    subject: str
    predicate: str
    object: str
    sign: int | None
    role: str
    evidence: tuple[Evidence, ...]
    hidden: int
    """How many pieces of evidence the filter left out."""


def expand_types(names: Iterable[str]) -> frozenset[str]:
    """Return the entity type slugs ``names`` ask for; ``factor`` means every factor type.

    Why: the ontology groups growth factors, cytokines, microRNAs ... under
    Factor, and a reader asking for factors means all of them.
    """
    types: set[str] = set()
    for name in names:
        if name == EntityType.FACTOR.value:
            types.update(t.value for t in FACTOR_TYPES)
        else:
            types.add(name)
    return frozenset(types)


def select_subgraph(model: GraphModel, network: Any, focus: VizFocus) -> tuple[list[str], list[SelectedEdge]]:
    """Return the entity ids and edges a page of ``focus`` draws.

    Rules: an edge is kept when both ends are of the asked ``types`` (the
    ``around`` entity counts as allowed) and at least one of its evidence
    matches the filter (every edge, without a filter). With a filter, only
    nodes that keep an edge are drawn (plus the ``around`` entity); without
    one, every allowed entity is. ``around`` keeps the nodes within ``depth``
    kept edges of it, either direction, and every kept edge among them.

    ``network`` is anything with networkx's adjacency interface: iterating
    gives node ids, ``succ`` / ``pred`` map node → {neighbour: {predicate:
    attrs}} (a networkx MultiDiGraph, or compact.CompactNetwork for imported
    graphs). Cost: linear in nodes + edges for the whole graph; with
    ``around``, linear in the edges within ``depth`` of it, so a
    neighbourhood of a 2M-edge graph stays cheap.
    """
    evidence_filter = focus.evidence_filter
    if evidence_filter is not None and not evidence_filter.active:
        evidence_filter = None
    entities = model.entities

    def allowed(node: str) -> bool:
        if focus.types is None or node == focus.around:
            return True
        entity = entities.get(node)
        return entity is not None and entity.type.value in focus.types

    def iter_kept(
        subject: str, row: Mapping[str, Mapping[str, Any]], reverse: bool = False
    ) -> Iterable[SelectedEdge]:
        for neighbour, keyed in row.items():
            if not allowed(neighbour):
                continue
            for predicate, attrs in keyed.items():
                evidence: tuple[Evidence, ...] = attrs.get("evidence", ())
                kept = evidence
                if evidence_filter is not None:
                    kept = tuple(e for e in evidence if evidence_filter.matches(e))
                    if not kept:
                        continue
                source, target = (neighbour, subject) if reverse else (subject, neighbour)
                yield SelectedEdge(
                    source,
                    predicate,
                    target,
                    attrs.get("sign"),
                    attrs.get("role", "descriptive"),
                    kept,
                    len(evidence) - len(kept),
                )

    if focus.around is not None:
        reached = {focus.around: 0}
        queue = deque([focus.around])
        while queue:
            current = queue.popleft()
            if reached[current] >= focus.depth:
                continue
            for edge in (
                *iter_kept(current, network.succ.get(current, {})),
                *iter_kept(current, network.pred.get(current, {}), reverse=True),
            ):
                neighbour = edge.object if edge.subject == current else edge.subject
                if neighbour not in reached:
                    reached[neighbour] = reached[current] + 1
                    queue.append(neighbour)
        candidates: Iterable[str] = sorted(reached, key=lambda n: (reached[n], n))
        inside: Callable[[str], bool] = reached.__contains__
    else:
        candidates = (node for node in network if allowed(node))
        inside = allowed
    nodes: list[str] = []
    edges: list[SelectedEdge] = []
    for node in candidates:
        nodes.append(node)
        edges.extend(e for e in iter_kept(node, network.succ.get(node, {})) if inside(e.object))
    if evidence_filter is not None:
        touched = {e.subject for e in edges} | {e.object for e in edges}
        nodes = [node for node in nodes if node in touched or node == focus.around]
    return nodes, edges
