"""Bounded, signed mechanism chains from source entities to target entities.

A chain follows edges in the direction of mechanism over causal and carrier
predicates only: descriptive predicates (marker of, model of, derived from,
associated with) transmit nothing, and a "no change" edge stops a chain.
"B part of A" is walked A → B only (the whole does what its part does), like
"A carries B". The net sign of a chain is the product of its hops' signs,
carriers counting as +1 (EVs carrying miR-99b-3p do what miR-99b-3p does); a
hop whose direction is unstated ("acts on") makes the net sign unknown
(None), and such chains rank below every signed chain.

Search (cost and bound): first a reverse breadth-first search from the
targets, at most ``max_hops`` deep, gives every node's distance to the
nearest target (linear in the edges within that radius). Then a depth-first
search from the sources steps only to nodes that can still reach a target
within the remaining hops, shortest lengths first (iterative deepening). So
it never enumerates the simple paths that cannot end on a target, and it
stops at ``max_paths`` × 4 candidates or ``timeout_s`` seconds, whichever
comes first, reporting that it was cut. The candidates are then scored and
the best ``max_paths`` returned.

Score (higher is better), the product over hops of::

    evidence(hop) × consistency(hop) × (out_degree(u) × in_degree(v)) ** -0.4

where evidence = 1 − 0.5 ** n and n sums one weight per distinct support unit
behind the hop (:func:`count_support`): studies cited together at one place
("Gao et al., 2023a,b") are one unit, and a unit weighs as its best basis,
stated 1, hedged 0.5, inferred 0.25. consistency = 0.5 when a
parallel edge between the same two nodes carries the opposite sign (else 1),
and the degree term damps hubs as Hetionet's degree-weighted path count does
(damping exponent 0.4). Every factor is at most 1, so shorter chains score
higher unless a longer one is much better evidenced.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from msc_graph.config import DEFAULT_MAX_HOPS, DEFAULT_MAX_PATHS, DEFAULT_TIMEOUT_S
from msc_graph.model import Evidence, GraphModel, Sign, assign_support_units
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.query.filters import EvidenceFilter, measured_in_compatible
from msc_graph.views.network import (
    ComputesDistances,
    Deepens,
    Focuses,
    HasEdgesBetween,
    HasNearRows,
    KnowsPredicates,
    PathNetwork,
    Prefetches,
)

DAMPING = 0.4
"""Hub damping exponent (Hetionet's DWPC uses 0.4)."""
CANDIDATE_FACTOR = 4
"""How many candidates per returned path the search collects before ranking."""


@dataclass(frozen=True)
class Hop:
    """One edge of a chain with the evidence that still counts after filtering.

    ``subject`` → ``object`` is the chain's direction. ``reversed`` marks an
    edge walked against its assertion ("object part of subject" read as
    "subject has part object").
    """

    subject: str
    predicate: str
    object: str
    sign: int | None
    evidence: tuple[Evidence, ...]
    reversed: bool = False

    @property
    def factor(self) -> int | None:
        """Return what this hop multiplies the chain's net sign by (None: direction unstated)."""
        return PREDICATES[self.predicate].chain_factor


@dataclass(frozen=True)
class PathResult:
    """A chain: its nodes, hops, net sign (None when a hop states no direction), score, warnings."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]
    net_sign: int | None
    score: float
    flags: tuple[str, ...] = ()


@dataclass
class PathSearch:
    """The answer to one paths question, with the bounds that applied."""

    sources: list[str]
    targets: list[str]
    paths: list[PathResult]
    truncated: bool
    reasons: list[str] = field(default_factory=list)
    limits: dict[str, Any] = field(default_factory=dict)


REVERSED_PREDICATES = frozenset(slug for slug, p in PREDICATES.items() if p.reversed_in_chain)
"""Predicates a chain walks object → subject ("part of")."""


def _walks(predicate: str, backward: bool) -> bool:
    """Return True when a chain may cross ``predicate`` read from this side of the edge."""
    known = PREDICATES.get(predicate)
    return known is not None and known.transmits and known.reversed_in_chain == backward


def _has_reversed(network: PathNetwork) -> bool:
    """Return False only when the network is known to hold no edge a chain walks backwards.

    Saves reading the second adjacency on every step of a large imported
    graph without part-of edges; a network that cannot tell is searched both ways.
    """
    slugs = network.predicate_slugs if isinstance(network, KnowsPredicates) else None
    return slugs is None or not REVERSED_PREDICATES.isdisjoint(slugs)


HopEvidence = tuple[Evidence, ...] | Mapping[str, Any]
"""A usable edge's evidence under a filter (what matched), else its attribute mapping, unread."""


def iter_usable_edges(
    forward: Mapping[str, Mapping[str, Mapping[str, Any]]],
    backward: Mapping[str, Mapping[str, Mapping[str, Any]]] | None,
    node: str,
    evidence_filter: EvidenceFilter | None,
    keep: Callable[[str], bool] | None = None,
) -> Iterator[tuple[str, str, HopEvidence, bool]]:
    """Yield (neighbour, predicate, evidence, reversed) for the edges of ``node`` a chain may use.

    ``forward`` holds the edges read subject → object for the direction of
    travel (``succ`` when walking chains, ``pred`` for the reverse search);
    ``backward`` the other adjacency, of which only predicates walked against
    the assertion (part of) are used; None skips it. An edge is usable when
    its predicate transmits and, under a filter, at least one of its pieces of
    evidence matches. ``keep`` tests a neighbour before any evidence is read,
    so edges the caller would skip cost nothing (on an imported graph evidence
    is built on read). Without a filter, evidence is not read: the edge's
    attribute mapping stands in its place, unread, for walks that only need
    the neighbours and for a search that reads the evidence of the hops it
    keeps only (:func:`_read_hop`).
    """
    active = evidence_filter is not None and evidence_filter.active
    sides = ((forward, False),) if backward is None else ((forward, False), (backward, True))
    for adjacency, reverse in sides:
        for neighbour, keyed in adjacency.get(node, {}).items():
            if keep is not None and not keep(neighbour):
                continue
            for predicate, attrs in keyed.items():
                if not _walks(predicate, reverse):
                    continue
                evidence: HopEvidence = attrs
                if active and evidence_filter is not None:
                    evidence = tuple(e for e in attrs.get("evidence", ()) if evidence_filter.matches(e))
                    if not evidence:
                        continue
                yield neighbour, predicate, evidence, reverse


def compute_distances(
    network: PathNetwork,
    targets: Iterable[str],
    max_hops: int,
    evidence_filter: EvidenceFilter | None = None,
    *,
    lazy: bool = False,
) -> Mapping[str, int]:
    """Return each node's hop distance to the nearest target, for distances ≤ ``max_hops``.

    Reverse breadth-first search over usable edges. Cost: linear in the edges
    within ``max_hops`` of the targets. A network that offers its own
    ``compute_distances(targets, max_hops)`` (compact.CompactNetwork, on
    integer rows) answers for it when no evidence filter applies: the same
    distances without building an attribute mapping per edge; with ``lazy``
    it reads each level only when the search asks for it (:class:`Deepens`). A network that
    fetches its rows (:class:`~msc_graph.views.network.Prefetches`, a SPARQL
    endpoint) is asked for each level's rows, and under a filter for their
    edges' evidence, before the level is read.
    """
    active = evidence_filter is not None and evidence_filter.active
    if isinstance(network, ComputesDistances) and not active:
        return network.compute_distances(targets, max_hops, lazy=lazy)
    remote = network if isinstance(network, Prefetches) else None
    targets = list(targets)
    if remote is not None:
        remote.prefetch(targets)
    distances = {t: 0 for t in targets if t in network}
    frontier = list(distances)
    pred, succ = network.pred, (network.succ if _has_reversed(network) else None)
    for depth in range(1, max_hops + 1):
        if not frontier:
            break
        if remote is not None:
            remote.prefetch(frontier)
            if active:
                remote.prefetch_evidence(_iter_edges(pred, succ, frontier))
        reached = []
        for node in frontier:
            for previous, _predicate, _evidence, _reversed in iter_usable_edges(
                pred, succ, node, evidence_filter
            ):
                if previous not in distances:
                    distances[previous] = depth
                    reached.append(previous)
        frontier = reached
    return distances


def _iter_edges(
    forward: Mapping[str, Mapping[str, Mapping[str, Any]]],
    backward: Mapping[str, Mapping[str, Mapping[str, Any]]] | None,
    nodes: Iterable[str],
) -> Iterator[tuple[str, str, str]]:
    """Yield (subject, predicate, object), as asserted, of the edges the reverse search takes into ``nodes``.

    ``forward`` is ``pred`` and ``backward`` ``succ`` (or None), as
    :func:`compute_distances` passes them to :func:`iter_usable_edges`.
    """
    for node in nodes:
        for neighbour, predicate, _evidence, backwards in iter_usable_edges(forward, backward, node, None):
            yield (node, predicate, neighbour) if backwards else (neighbour, predicate, node)


def _prefetch_walk(
    remote: Prefetches,
    network: PathNetwork,
    sources: Iterable[str],
    distances: Mapping[str, int],
    target_set: set[str],
    max_hops: int,
) -> None:
    """Fetch the rows and evidence the depth-first search will read, one breadth-first level at a time.

    Level k holds the nodes k steps from a source that can still reach a
    target in the hops left (every node the search may step on, with the
    most hops it can have left there); their rows are fetched together, then
    the evidence of their edges that lead nearer a target. Cost: at most
    ``max_hops`` levels, each a few batched requests.
    """
    succ, pred = network.succ, (network.pred if _has_reversed(network) else None)
    budgets = {s: max_hops for s in sources if s not in target_set}
    frontier = dict(budgets)
    while frontier:
        remote.prefetch(frontier)
        edges: list[tuple[str, str, str]] = []
        reached: dict[str, int] = {}
        for node, budget in frontier.items():

            def near(neighbour: str, budget: int = budget) -> bool:
                return distances.get(neighbour, max_hops + 1) <= budget - 1

            for neighbour, predicate, _evidence, backwards in iter_usable_edges(succ, pred, node, None, near):
                edges.append((neighbour, predicate, node) if backwards else (node, predicate, neighbour))
                if budget > 1 and neighbour not in budgets and neighbour not in target_set:
                    budgets[neighbour] = reached[neighbour] = budget - 1
        remote.prefetch_evidence(edges)
        frontier = reached


_Step = tuple[str, str, str, Sign | None, HopEvidence, bool]
"""A hop as the search walks it: (node, predicate, neighbour, the predicate's sign, evidence or the
edge's unread attributes (:func:`iter_usable_edges`), reversed)."""


def _read_hop(step: _Step) -> Hop:
    """Return the Hop of a step of a candidate chain, reading its evidence if it is not read yet."""
    node, predicate, neighbour, fixed, evidence, reverse = step
    if not isinstance(evidence, tuple):
        evidence = evidence.get("evidence", ())
    return Hop(node, predicate, neighbour, None if fixed is None else int(fixed), evidence, reverse)


def count_support(evidence: Iterable[Evidence]) -> float:
    """Return n, the weighted number of distinct support units behind one hop.

    Units are model.assign_support_units over the places the evidence was
    read (review, kind, locator, quote): studies cited together at one place
    count once. A unit weighs as its best basis (stated 1, hedged 0.5,
    inferred 0.25), so an inference of ours counts for a quarter of a
    finding. Cost: linear in the evidence.
    """
    items = list(evidence)
    units = assign_support_units((item.study, item.place) for item in items)
    best: dict[str, float] = {}
    for item in items:
        unit = units[item.study]
        best[unit] = max(best.get(unit, 0.0), item.basis.weight)
    return sum(best.values())


def score_hop(network: PathNetwork, hop: Hop) -> float:
    """Return one hop's factor of the path score: evidence × consistency × hub damping (module docstring)."""
    weight = count_support(hop.evidence)
    evidence = 1.0 - 0.5**weight if weight else 0.25
    opposite = -(hop.sign or 0)
    edge_subject, edge_object = (hop.object, hop.subject) if hop.reversed else (hop.subject, hop.object)
    conflicting = False
    if opposite:  # a hop of no stated direction has no opposite to conflict with
        succ = network.succ
        parallel = (
            succ.edges_between(edge_subject, edge_object)
            if isinstance(succ, HasEdgesBetween)
            else succ[edge_subject].get(edge_object)
        ) or {}
        conflicting = any(a.get("sign") == opposite for a in parallel.values())
    consistency = 0.5 if conflicting else 1.0
    degrees = max(network.out_degree(edge_subject), 1) * max(network.in_degree(edge_object), 1)
    factor: float = evidence * consistency * degrees**-DAMPING  # (a float power is typed Any)
    return factor


def score_path(
    network: PathNetwork, hops: Iterable[Hop], factors: dict[tuple[str, str, str, bool], float] | None = None
) -> float:
    """Return the path score described in the module docstring: the product of its hops' factors.

    ``factors`` keeps each hop's factor across the chains of one search:
    its candidates share most of their hops, and a hop's evidence (so its
    factor) is the same in each of them.
    """
    score = 1.0
    for hop in hops:
        key = (hop.subject, hop.predicate, hop.object, hop.reversed)
        factor = None if factors is None else factors.get(key)
        if factor is None:
            factor = score_hop(network, hop)
            if factors is not None:
                factors[key] = factor
        score *= factor
    return score


def get_net_sign(hops: Iterable[Hop]) -> int | None:
    """Return the product of the hops' signs, or None when a hop states no direction."""
    net = 1
    for hop in hops:
        factor = hop.factor
        if factor is None:
            return None
        net *= factor
    return net


def find_context_flags(hops: Iterable[Hop], model: GraphModel | None = None) -> tuple[str, ...]:
    """Return warnings for chains whose hops come from incompatible merged contexts.

    A chain is flagged when the hops that state a species (or a disease model)
    share none: e.g. one hop seen only in rats and another only in mice; and,
    given the model, when two hops were measured only in tissues or cells
    that cannot match (a rat spinal-cord hop beside one measured in cultured
    chondrocytes; see filters.measured_in_compatible).
    """
    hops = list(hops)
    flags = []
    for name, label in (("species", "species"), ("disease_model", "disease models")):
        per_hop = []
        for hop in hops:
            values = {getattr(e.context, name) for e in hop.evidence} - {None}
            if values:
                per_hop.append(values)
        if len(per_hop) > 1 and not set.intersection(*per_hop):
            seen = sorted(set().union(*per_hop))
            flags.append(
                f"mixed {label}: {', '.join(seen)} (no single {name.replace('_', ' ')} supports every hop)"
            )
    if model is not None:
        places = [{e.context.measured_in for e in hop.evidence if e.context.measured_in} for hop in hops]
        for index, first in enumerate(places):
            for second in places[index + 1 :]:
                if (
                    first
                    and second
                    and not any(measured_in_compatible(model, a, b) for a in first for b in second)
                ):
                    seen = sorted({label for group in (*first, *second) for label in group})
                    flags.append(
                        f"mixed tissues or cells: {', '.join(seen)} (measured in places that cannot match)"
                    )
                    return tuple(flags)
    return tuple(flags)


def find_paths(
    network: PathNetwork,
    sources: Iterable[str],
    targets: Iterable[str],
    *,
    max_hops: int = DEFAULT_MAX_HOPS,
    max_paths: int = DEFAULT_MAX_PATHS,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    evidence_filter: EvidenceFilter | None = None,
    sign: int | None = None,
    clock: Callable[[], float] = time.monotonic,
    model: GraphModel | None = None,
) -> PathSearch:
    """Return the best-scoring chains from any source to any target, within the bounds.

    Args:
        network: the networkx view (edge attributes as documented in network.py).
        sources: entity ids where chains start (already expanded through is-a).
        targets: entity ids where chains end (already expanded through is-a).
        max_hops: longest chain, in edges.
        max_paths: most chains returned (the search collects up to 4× as many
            candidates before ranking).
        timeout_s: wall-clock bound on the search.
        evidence_filter: only evidence matching it counts; hops left without
            evidence are dropped.
        sign: keep only chains with this net sign (+1 or −1).
        clock: the time source for the timeout (tests pass a fake one).
        model: the graph's model, for the tissue and cell check of the context flags.

    Cost: O(edges within max_hops of the targets) for the distance pass, then
    at most ``4 × max_paths`` chains or ``timeout_s`` seconds of search.
    """
    sources, targets = list(dict.fromkeys(sources)), list(dict.fromkeys(targets))
    limits = {"max_hops": max_hops, "max_paths": max_paths, "timeout_s": timeout_s}
    result = PathSearch(sources, targets, [], False, [], limits)
    target_set = set(targets)
    distances = compute_distances(network, target_set, max_hops, evidence_filter, lazy=True)
    deepens = distances if isinstance(distances, Deepens) else None
    focused = False
    if isinstance(network, Focuses):  # rows cut to the nodes a chain may still step to
        network, focused = network.focus(distances), True
    if isinstance(network, Prefetches):
        reached = [s for s in sources if s in distances]
        _prefetch_walk(network, network, reached, distances, target_set, max_hops)
    deadline = clock() + timeout_s
    cap = max_paths * CANDIDATE_FACTOR
    candidates: list[tuple[Hop, ...]] = []
    succ, pred = network.succ, (network.pred if _has_reversed(network) else None)
    steps = 0

    # The edges out of a node that can still reach a target within a budget, in row order:
    # found once per (node, budget), since iterative deepening and sibling trails revisit them.
    # Their evidence is read only for the hops of a candidate chain (most edges walked end in none).
    near_edges: dict[tuple[str, int], list[_Step]] = {}

    def iter_near_edges(node: str, budget: int) -> list[_Step]:
        found = near_edges.get((node, budget))
        if found is None:

            def near(neighbour: str) -> bool:
                return distances.get(neighbour, max_hops + 1) <= budget - 1

            if focused and isinstance(succ, HasNearRows) and (pred is None or isinstance(pred, HasNearRows)):
                forward, backward = succ.within(budget - 1), None if pred is None else pred.within(budget - 1)
                usable = iter_usable_edges(forward, backward, node, evidence_filter)
            else:
                usable = iter_usable_edges(succ, pred, node, evidence_filter, near)
            found = near_edges[node, budget] = [
                (node, predicate, neighbour, PREDICATES[predicate].sign, evidence, reverse)
                for neighbour, predicate, evidence, reverse in usable
            ]
        return found

    def extend(node: str, trail: list[_Step], visited: set[str], budget: int) -> bool:
        """Depth-first step; return False to stop the whole search."""
        nonlocal steps
        for step in iter_near_edges(node, budget):
            steps += 1
            if steps % 512 == 0 and clock() > deadline:
                result.truncated = True
                result.reasons.append(f"timeout: stopped after {timeout_s:g} s")
                return False
            neighbour = step[2]
            if neighbour in visited:
                continue
            trail.append(step)
            if neighbour in target_set:
                if len(trail) == length:
                    candidates.append(tuple(map(_read_hop, trail)))
                    if len(candidates) >= cap:
                        result.truncated = True
                        result.reasons.append(f"max paths: stopped after {cap} candidate chains")
                        return False
            elif budget > 1:
                visited.add(neighbour)
                if not extend(neighbour, trail, visited, budget - 1):
                    return False
                visited.discard(neighbour)
            trail.pop()
        return True

    # a lazy pass does not know yet which sources are in reach: each search from one finds out
    reachable = [s for s in sources if (s in network if deepens else s in distances)]
    length = 1
    for length in range(1, max_hops + 1):
        if deepens is not None:
            deepens.deepen(length - 1)  # a chain of `length` hops steps only to nodes this near
        stopped = False
        for source in reachable:
            if source in target_set:
                continue
            if not extend(source, [], {source}, length):
                stopped = True
                break
        if stopped:
            break

    ranked = []
    factors: dict[tuple[str, str, str, bool], float] = {}
    for hops in candidates:
        net = get_net_sign(hops)
        if sign is not None and net != sign:
            continue
        nodes = (hops[0].subject, *(hop.object for hop in hops))
        ranked.append(
            PathResult(nodes, hops, net, score_path(network, hops, factors), find_context_flags(hops, model))
        )
    ranked.sort(key=lambda p: (p.net_sign is None, -p.score, len(p.hops), p.nodes))
    result.paths = ranked[:max_paths]
    if len(ranked) > max_paths and not result.truncated:
        result.truncated = True
        result.reasons.append(f"max paths: {len(ranked)} chains found, best {max_paths} shown")
    return result
