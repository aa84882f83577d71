"""Model → networkx MultiDiGraph: the view paths, neighbourhoods and stats run on.

Built from the model directly, never from the RDF. Attribute names are
documented here once:

Node attributes (node key = entity id):
    ``label`` (str), ``type`` (entity type slug), ``synonyms`` (tuple of str),
    ``xrefs`` (tuple of CURIEs), ``is_a`` (tuple of ids).

Edge attributes (edge key = predicate slug; one edge per subject, predicate, object):
    ``predicate`` (slug), ``sign`` (-1, 0, 1 or None), ``role`` (causal / carrier /
    descriptive), ``assertion`` (assertion id), ``evidence`` (tuple of
    model.Evidence), ``n_studies`` (number of distinct studies behind it).

Studies are not nodes of this view: they are the evidence on its edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from msc_graph.model import GraphModel
from msc_graph.model.vocabulary import PREDICATES

if TYPE_CHECKING:
    import networkx


Adjacency = Mapping[str, Mapping[str, Mapping[str, Any]]]
"""node → neighbour → predicate slug → edge attributes (the names above), as networkx's succ / pred."""


class PathNetwork(Protocol):
    """What path search reads of a network: adjacency both ways, degrees, membership.

    networkx's MultiDiGraph has it, and so do the networks of compact.py
    (DictNetwork, CompactNetwork, OverlayNetwork); paths.find_paths takes any.
    """

    @property
    def succ(self) -> Adjacency:
        """Return the out-edges, by subject."""

    @property
    def pred(self) -> Adjacency:
        """Return the in-edges, by object."""

    def out_degree(self, node: str) -> int:
        """Return the number of distinct edges leaving ``node`` (one per neighbour and predicate slug)."""

    def in_degree(self, node: str) -> int:
        """Return the number of distinct edges entering ``node`` (one per neighbour and predicate slug)."""

    def __contains__(self, node: object) -> bool:
        """Return True when ``node`` is a node of the network."""


@runtime_checkable
class KnowsPredicates(Protocol):
    """A network that can say which predicates its edges use (so search can skip a walk it needs not)."""

    predicate_slugs: set[str] | None


@runtime_checkable
class ComputesDistances(Protocol):
    """A network with its own reverse breadth-first search (compact.CompactNetwork, on integer rows)."""

    def compute_distances(
        self, targets: Iterable[str], max_hops: int, *, lazy: bool = False
    ) -> Mapping[str, int]:
        """Return each node's hop distance to the nearest target (≤ ``max_hops``; lazily: see Deepens)."""


@runtime_checkable
class Deepens(Protocol):
    """Distances found a level at a time (compact.NodeDepths): the search asks for the levels it needs."""

    def deepen(self, radius: int) -> None:
        """Find every distance up to ``radius``."""


@runtime_checkable
class HasEdgesBetween(Protocol):
    """An adjacency that finds the edges between two nodes without building the first one's row."""

    def edges_between(self, node: str, neighbour: str) -> Mapping[str, Mapping[str, Any]] | None:
        """Return the edges from ``node`` to ``neighbour`` keyed by predicate, or None."""


@runtime_checkable
class HasNearRows(Protocol):
    """An adjacency of a focused network: rows cut to the nodes within ``limit`` hops of a target."""

    def within(self, limit: int) -> Adjacency:
        """Return the rows holding only neighbours at most ``limit`` hops from a target."""


@runtime_checkable
class Focuses(Protocol):
    """A network that can cut its rows to the nodes within reach of the targets (compact.CompactNetwork).

    After the distance pass a chain only steps to nodes with a distance, so
    path search asks for the focused network and never builds the rest of a row.
    """

    def focus(self, distances: Mapping[str, int]) -> PathNetwork:
        """Return the network with rows that hold only the nodes of ``distances``."""


@runtime_checkable
class Prefetches(Protocol):
    """A network whose rows live elsewhere (a SPARQL endpoint): search asks for a whole frontier at once.

    Path search calls these before it reads the rows of a breadth-first
    level (or the evidence of the edges it may step across), so a remote
    network answers a level in a few batched requests instead of one per
    node; a network holding its rows in memory needs neither.
    """

    def prefetch(self, nodes: Iterable[str]) -> None:
        """Fetch the rows, both ways, of the ``nodes`` not held yet."""

    def prefetch_evidence(self, edges: Iterable[tuple[str, str, str]]) -> None:
        """Fetch the evidence of ``edges`` (subject, predicate slug, object) not held yet."""


def iter_network_nodes(model: GraphModel) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (entity id, node attributes) for every entity: the one place node attributes are made."""
    for entity in model.entities.values():
        yield (
            entity.id,
            {
                "label": entity.label,
                "type": entity.type.value,
                "synonyms": entity.synonyms,
                "xrefs": entity.xrefs,
                "is_a": entity.is_a,
            },
        )


def iter_network_edges(model: GraphModel) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Yield (subject, object, key, edge attributes) per assertion: the one place edge attributes are made."""
    for assertion in model.assertions:
        yield (
            assertion.subject,
            assertion.object,
            assertion.predicate,
            {
                "predicate": assertion.predicate,
                "sign": None if assertion.sign is None else int(assertion.sign),
                "role": PREDICATES[assertion.predicate].role.value,
                "assertion": assertion.id,
                "evidence": assertion.evidence,
                "n_studies": len(assertion.studies),
            },
        )


def build_network(model: GraphModel) -> networkx.MultiDiGraph:
    """Return the MultiDiGraph view of ``model``. Cost: linear in entities + assertions."""
    import networkx

    network = networkx.MultiDiGraph(name=model.name)
    network.add_nodes_from(iter_network_nodes(model))
    network.add_edges_from(iter_network_edges(model))
    return network
