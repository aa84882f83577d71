"""An imported graph and its views, under the attribute names views.GraphViews uses; open_imported."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from msc_graph.config import Project, find_project
from msc_graph.interop.imported.graph import ImportedGraph, open_imported_graph
from msc_graph.interop.imported.merge import MergedResolver, find_aliases, merge_models
from msc_graph.views import GraphViews, open_graph

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

    from msc_graph.interop.imported.graph import ImportedModel
    from msc_graph.views.compact import CompactNetwork, OverlayNetwork
    from msc_graph.views.resolve import Resolver


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
        return find_aliases(self.curated.model, self.graph) if self.curated else {}

    @cached_property
    def model(self) -> ImportedModel:
        """Return the model: entities from the node table, the import's study, no assertions."""
        if self.curated is None:
            return self.graph.model

        return merge_models(self.curated.model, self.graph.model, self.aliases)

    @cached_property
    def network(self) -> CompactNetwork | OverlayNetwork:
        """Return the compact network (built from the edge records on first use, then cached)."""
        if self.curated is None:
            return self.graph.network
        from msc_graph.views.compact import OverlayNetwork

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

        return MergedResolver(self.model, self.curated.resolver, self.graph.resolver, self.aliases)

    studies_are_records = False

    def entity_iri(self, entity_id: str) -> str:
        """Return the IRI the import stored a node under (a curated entity's own IRI over the overlay)."""
        if self.curated is not None and entity_id in self.curated.model.entities:
            return self.curated.entity_iri(entity_id)
        return self.graph.get_iri(entity_id)

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
    project = project or find_project()
    graph = open_imported_graph(project.cache_dir, name)
    return ImportedViews(project, graph, open_graph(project) if with_curated else None)
