"""One graph and its views, each built on first use and cached by input hash.

The CLI and the Python API open a graph here; every view (networkx, rdflib,
pyoxigraph, resolver) is built from the same model, never from another view.

Imported graphs (``mscgraph import``) open here too, with the same attribute
names: ``model`` (entities from the node table, no curated assertions),
``network`` (a memory-mapped compact.CompactNetwork), ``resolver`` and
``store`` (the persistent pyoxigraph store, opened read-only in milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from msc_graph.cache import Project, build_model, find_project
from msc_graph.model import GraphModel
from msc_graph.network import build_network
from msc_graph.resolve import Resolver

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    import rdflib

    from msc_graph.compact import CompactNetwork, DictNetwork, OverlayNetwork
    from msc_graph.interop.imported import ImportedGraph, ImportedModel
    from msc_graph.rdf import Triple


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
        from msc_graph.compact import DictNetwork
        from msc_graph.network import iter_network_edges

        return DictNetwork(self.model.entities, iter_network_edges(self.model))

    @cached_property
    def resolver(self) -> Resolver:
        """Return the name resolver over this model's entities."""
        return Resolver(self.model)

    @property
    def prefixes(self) -> dict[str, str]:
        """Return the committed CURIE prefix map."""
        if self._prefixes is None:
            self._prefixes = self.project.read_prefixes()
        return self._prefixes

    @cached_property
    def triples(self) -> list[Triple]:
        """Return every triple of the model (without the ontology)."""
        from msc_graph.rdf import iter_triples

        return list(iter_triples(self.model, self.prefixes))

    @cached_property
    def rdflib_graph(self) -> rdflib.Graph:
        """Return an rdflib Graph of the model plus the ontology."""
        from msc_graph.rdf import build_rdflib_graph

        return build_rdflib_graph(self.triples, self.project.ontology_files())

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """Return an in-memory pyoxigraph Store of the model plus the ontology."""
        import pyoxigraph

        from msc_graph.rdf import to_oxigraph_quads

        store = pyoxigraph.Store()
        store.bulk_extend(to_oxigraph_quads(self.triples))
        for path in self.project.ontology_files():
            with path.open("rb") as stream:
                store.bulk_load(stream, pyoxigraph.RdfFormat.TURTLE)
        return store


@dataclass
class ImportedViews:
    """An imported graph and its views, under the attribute names GraphViews uses.

    Opening costs one small JSON read; every view loads on first use and
    none is built from another: model, resolver and network come from the
    records parsed at import time, the store was bulk-loaded in that same pass.

    With ``curated`` set, model, network and resolver are the curated graph
    laid over the imported one (interop.imported.merge.find_aliases says which nodes are the
    same); the store stays the imported graph's.
    """

    project: Project
    graph: ImportedGraph
    curated: GraphViews | None = None

    @property
    def name(self) -> str:
        """Return the graph's name."""
        return self.graph.name

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Return imported node id → curated entity id (empty without the curated overlay)."""
        from msc_graph.interop.imported import find_aliases

        return find_aliases(self.curated.model, self.graph) if self.curated else {}

    @cached_property
    def model(self) -> ImportedModel:
        """Return the model: entities from the node table, the import's study, no assertions."""
        if self.curated is None:
            return self.graph.model
        from msc_graph.interop.imported import merge_models

        return merge_models(self.curated.model, self.graph.model, self.aliases)

    @cached_property
    def network(self) -> CompactNetwork | OverlayNetwork:
        """Return the compact network (built from the edge records on first use, then cached)."""
        if self.curated is None:
            return self.graph.network
        from msc_graph.compact import OverlayNetwork

        return OverlayNetwork(self.curated.network, self.graph.network, self.aliases)

    @property
    def path_network(self) -> CompactNetwork | OverlayNetwork:
        """Return the network path search runs on (the same as ``network`` here)."""
        return self.network

    @cached_property
    def resolver(self) -> Resolver:
        """Return the resolver over the name index built at import time."""
        if self.curated is None:
            return self.graph.resolver
        from msc_graph.interop.imported import MergedResolver

        return MergedResolver(self.model, self.curated.resolver, self.graph.resolver, self.aliases)

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """Return the imported graph's persistent pyoxigraph store, opened read-only."""
        return self.graph.open_store()

    @property
    def prefixes(self) -> dict[str, str]:
        """Return the project's CURIE prefix map (as GraphViews does; none when there is no project map)."""
        return self.project.read_prefixes(default={})

    @property
    def rdflib_graph(self) -> rdflib.Graph:
        """Refuse: an imported graph's RDF lives in its store; rdflib would hold it all in memory.

        Raises:
            UsageError: always.
        """
        from msc_graph.errors import UsageError

        raise UsageError(
            f"graph {self.name!r} is imported: query its pyoxigraph store (.store); "
            "no rdflib view is built for imported graphs"
        )


def open_imported(name: str, project: Project | None = None, *, with_curated: bool = False) -> ImportedViews:
    """Open the imported graph ``name`` of ``project`` (default: the one found from the working dir).

    Args:
        name: the name given to ``mscgraph import``.
        project: the project whose cache holds it.
        with_curated: lay the project's curated graph over it (paths then
            cross from curated entities into the imported graph and back).

    Raises:
        UnknownGraphError: no graph of that name was imported.
        DataError: ``with_curated`` and the curated data has problems.
    """
    from msc_graph.interop.imported import open_imported_graph

    project = project or find_project()
    graph = open_imported_graph(project.cache_dir, name)
    return ImportedViews(project, graph, open_graph(project) if with_curated else None)


def open_graph(project: Project | None = None, *, use_cache: bool = True) -> GraphViews:
    """Open the curated graph of ``project`` (default: the one found from the working dir).

    Raises:
        DataError: the curated data has problems.
    """
    project = project or find_project()
    return GraphViews(project, build_model(project, use_cache=use_cache))
