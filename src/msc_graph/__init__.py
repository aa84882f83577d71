"""msc-graph: an evidence-first knowledge graph of how MSC secretomes act.

The public Python API. Open the curated graph, resolve names, find chains and
list studies; the model and its views (networkx, rdflib, pyoxigraph) hang off
the object ``open_graph`` returns. Imports are light: heavy libraries load
when a view is first used.
"""

from msc_graph.errors import (
    AmbiguousEntityError,
    DataError,
    MscGraphError,
    QueryError,
    UnknownEntityError,
)
from msc_graph.filters import EvidenceFilter, build_filter
from msc_graph.model import Assertion, Context, Entity, Evidence, GraphModel, Sign, Study
from msc_graph.paths import PathResult, PathSearch, find_paths
from msc_graph.resolve import Match, Resolver
from msc_graph.studies import StudyRow, iter_study_rows
from msc_graph.views import GraphViews, open_graph

__all__ = [
    "AmbiguousEntityError",
    "Assertion",
    "Context",
    "DataError",
    "Entity",
    "Evidence",
    "EvidenceFilter",
    "GraphModel",
    "GraphViews",
    "Match",
    "MscGraphError",
    "PathResult",
    "PathSearch",
    "QueryError",
    "Resolver",
    "Sign",
    "Study",
    "StudyRow",
    "UnknownEntityError",
    "build_filter",
    "find_paths",
    "iter_study_rows",
    "open_graph",
]
