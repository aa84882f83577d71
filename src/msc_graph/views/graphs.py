"""The curated graph and its views, each built on first use and cached by input hash.

The CLI and the Python API open a graph here; every view (networkx, rdflib,
pyoxigraph, resolver) is built from the same model, never from another view.
Imported graphs open with the same attribute names through
``msc_graph.interop.imported.open_imported`` (interop/imported/views.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from msc_graph.config import Project, find_project
from msc_graph.model import GraphModel
from msc_graph.views.namespaces import ENTITY_IRI
from msc_graph.views.network import build_network
from msc_graph.views.resolve import Resolver, Resolves

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    import rdflib

    from msc_graph.views.compact import DictNetwork
    from msc_graph.views.network import PathNetwork
    from msc_graph.views.rdf import Triple


class Views(Protocol):
    """What every opened graph offers under the same names; commands take a ``Views``.

    The curated graph's GraphViews and an imported graph's ImportedViews
    (interop/imported/views.py) both have it.
    """

    @property
    def model(self) -> GraphModel:
        """Return the model (entities, studies, assertions)."""

    @property
    def resolver(self) -> Resolves:
        """Return the name resolver."""

    @property
    def network(self) -> Any:
        """Return the network view (networkx for the curated graph, CSR for an import)."""

    @property
    def path_network(self) -> PathNetwork:
        """Return the network path search runs on."""

    @property
    def store(self) -> pyoxigraph.Store:
        """Return the pyoxigraph store SPARQL runs on."""

    @property
    def prefixes(self) -> dict[str, str]:
        """Return the CURIE prefix map."""

    @property
    def studies_are_records(self) -> bool:
        """Return True when every study the graph cites is a record in ``model.studies``.

        So in the curated graph; an imported graph's publications are CURIEs in
        its provenance, not records.
        """

    def entity_iri(self, entity_id: str) -> str:
        """Return the IRI the store holds the entity under."""


@dataclass
class GraphViews:
    """The curated model of one project and its lazily built views."""

    project: Project
    model: GraphModel
    _prefixes: dict[str, str] | None = field(default=None, repr=False)

    @cached_property
    def network(self) -> networkx.MultiDiGraph:
        """Return the networkx view, built from the cached model.

        Building it from the model (~10 ms for the curated graph) is cheaper
        than unpickling a stored copy, which repeats every evidence record
        (~25 ms) and hashes the inputs a second time.
        """
        return build_network(self.model)

    @cached_property
    def path_network(self) -> DictNetwork:
        """Return the network as plain dicts for path search: the same edges, no networkx import.

        ``mscgraph paths`` uses it so a warm call does not pay ~0.2 s for
        importing networkx to walk ~1,000 edges; results are identical.
        """
        from msc_graph.views.compact import DictNetwork
        from msc_graph.views.network import iter_network_edges

        return DictNetwork(self.model.entities, iter_network_edges(self.model))

    @cached_property
    def resolver(self) -> Resolver:
        """Return the name resolver over this model's entities."""
        return Resolver(self.model)

    studies_are_records = True

    def entity_iri(self, entity_id: str) -> str:
        """Return the entity's IRI (``entity:`` + its id)."""
        return ENTITY_IRI + entity_id

    @property
    def prefixes(self) -> dict[str, str]:
        """Return the committed CURIE prefix map."""
        if self._prefixes is None:
            self._prefixes = self.project.read_prefixes()
        return self._prefixes

    @cached_property
    def triples(self) -> list[Triple]:
        """Return every triple of the model (without the ontology)."""
        from msc_graph.views.rdf import iter_triples

        return list(iter_triples(self.model, self.prefixes))

    @cached_property
    def rdflib_graph(self) -> rdflib.Graph:
        """Return an rdflib Graph of the model plus the ontology."""
        from msc_graph.views.rdf import build_rdflib_graph

        return build_rdflib_graph(self.triples, self.project.ontology_files())

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """Return an in-memory pyoxigraph Store of the model plus the ontology."""
        import pyoxigraph

        from msc_graph.views.rdf import to_oxigraph_quads

        store = pyoxigraph.Store()
        store.bulk_extend(to_oxigraph_quads(self.triples))
        for path in self.project.ontology_files():
            with path.open("rb") as stream:
                store.bulk_load(stream, pyoxigraph.RdfFormat.TURTLE)
        return store


def open_graph(project: Project | None = None, *, use_cache: bool = True) -> GraphViews:
    """Open the curated graph of ``project`` (default: the one found from the working dir).

    Raises:
        DataError: the curated data has problems.
    """
    # here, not at the top: an imported graph's views import this module but never build a model,
    # and the cache's modules (hashlib with OpenSSL, pickle, secrets) are ~25 ms of a `paths --graph`
    from msc_graph.views.cache import build_model

    project = project or find_project()
    return GraphViews(project, build_model(project, use_cache=use_cache))
