"""One graph and its views, each built on first use and cached by input hash.

The CLI and the Python API open a graph here; every view (networkx, rdflib,
pyoxigraph, resolver) is built from the same model, never from another view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from msc_graph.cache import Project, build_model, cached_view, find_project
from msc_graph.model import GraphModel
from msc_graph.network import build_network
from msc_graph.rdf import Triple, build_rdflib_graph, iter_triples, to_oxigraph_quads
from msc_graph.resolve import Resolver

if TYPE_CHECKING:
    import networkx
    import pyoxigraph
    import rdflib


@dataclass
class GraphViews:
    """The curated model of one project and its lazily built views."""

    project: Project
    model: GraphModel
    _prefixes: dict[str, str] | None = field(default=None, repr=False)

    @cached_property
    def network(self) -> networkx.MultiDiGraph:
        """Return the networkx view (cached on disk beside the model)."""
        return cached_view(self.project, "network", lambda: build_network(self.model))

    @cached_property
    def resolver(self) -> Resolver:
        """Return the name resolver over this model's entities."""
        return Resolver(self.model)

    @property
    def prefixes(self) -> dict[str, str]:
        """Return the committed CURIE prefix map."""
        if self._prefixes is None:
            import json

            self._prefixes = json.loads(self.project.prefixes_path.read_text(encoding="utf-8"))
        return self._prefixes

    @cached_property
    def triples(self) -> list[Triple]:
        """Return every triple of the model (without the ontology)."""
        return list(iter_triples(self.model, self.prefixes))

    @cached_property
    def rdflib_graph(self) -> rdflib.Graph:
        """Return an rdflib Graph of the model plus the ontology."""
        return build_rdflib_graph(self.triples, self.project.ontology_files())

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """Return an in-memory pyoxigraph Store of the model plus the ontology."""
        import pyoxigraph

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
    project = project or find_project()
    return GraphViews(project, build_model(project, use_cache=use_cache))
