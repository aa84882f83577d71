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

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from msc_graph.model import GraphModel
from msc_graph.vocabulary import PREDICATES

if TYPE_CHECKING:
    import networkx


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
