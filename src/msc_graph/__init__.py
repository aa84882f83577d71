"""msc-graph: an evidence-first knowledge graph of how MSC secretomes act.

The public Python API. Open the curated graph (or an imported one), resolve
names, find chains and list studies; the model and its views (networkx,
rdflib, pyoxigraph) hang off the object ``open_graph`` returns.

Every name below is loaded on first access (PEP 562), so ``import msc_graph``
and the CLI's ``--help`` cost only what they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msc_graph.lazy import make_getattr

if TYPE_CHECKING:
    from msc_graph.errors import (
        AmbiguousEntityError,
        DataError,
        MscGraphError,
        QueryError,
        UnknownEntityError,
    )
    from msc_graph.interop.imported import ImportedViews, open_imported
    from msc_graph.model import (
        Assertion,
        Basis,
        Context,
        Entity,
        EntityType,
        Evidence,
        GraphModel,
        Sign,
        Study,
    )
    from msc_graph.query.filters import EvidenceFilter, build_filter
    from msc_graph.query.neighbours import Neighbour, iter_neighbours
    from msc_graph.query.paths import PathResult, PathSearch, find_paths
    from msc_graph.query.payloads import get_label
    from msc_graph.query.sparql import QueryResult, run_query
    from msc_graph.query.stats import compute_stats
    from msc_graph.query.studies import StudyRow, iter_study_rows
    from msc_graph.views import GraphViews, open_graph
    from msc_graph.views.resolve import Match, Resolver

_SOURCES = {
    "msc_graph.errors": (
        "AmbiguousEntityError",
        "DataError",
        "MscGraphError",
        "QueryError",
        "UnknownEntityError",
    ),
    "msc_graph.query.filters": ("EvidenceFilter", "build_filter"),
    "msc_graph.model": (
        "Assertion",
        "Basis",
        "Context",
        "Entity",
        "EntityType",
        "Evidence",
        "GraphModel",
        "Sign",
        "Study",
    ),
    "msc_graph.query.payloads": ("get_label",),
    "msc_graph.query.neighbours": ("Neighbour", "iter_neighbours"),
    "msc_graph.query.stats": ("compute_stats",),
    "msc_graph.query.paths": ("PathResult", "PathSearch", "find_paths"),
    "msc_graph.views.resolve": ("Match", "Resolver"),
    "msc_graph.query.sparql": ("QueryResult", "run_query"),
    "msc_graph.query.studies": ("StudyRow", "iter_study_rows"),
    "msc_graph.interop.imported": ("ImportedViews", "open_imported"),
    "msc_graph.views": ("GraphViews", "open_graph"),
}
_MODULE_OF = {name: module for module, names in _SOURCES.items() for name in names}


__getattr__ = make_getattr(__name__, _MODULE_OF, globals())


__all__ = [
    "AmbiguousEntityError",
    "Assertion",
    "Basis",
    "Context",
    "DataError",
    "Entity",
    "EntityType",
    "Evidence",
    "EvidenceFilter",
    "GraphModel",
    "GraphViews",
    "ImportedViews",
    "Match",
    "MscGraphError",
    "Neighbour",
    "PathResult",
    "PathSearch",
    "QueryError",
    "QueryResult",
    "Resolver",
    "Sign",
    "Study",
    "StudyRow",
    "UnknownEntityError",
    "build_filter",
    "compute_stats",
    "find_paths",
    "get_label",
    "iter_neighbours",
    "iter_study_rows",
    "open_graph",
    "open_imported",
    "run_query",
]
