"""Import external graphs (KGX TSV, N-Triples, Turtle): parse once into compact records, load RDF in bulk.

Imported graphs are what DESIGN.md's "Scale" section asks for: Hetionet-sized
graphs (~50k nodes, ~2M edges) that users bring, queried with the same
``paths`` and SPARQL as the curated graph. They skip the curation rules
(quotes, locators) but keep the provenance they came with.

One pass over the input, two views, neither built from the other:

- the parser turns every row (KGX) or line (N-Triples) into records: a node
  table and integer edge arrays (subject, object, predicate, provenance);
  Turtle is first turned into N-Triples by pyoxigraph's parser, piece by
  piece, and then read as N-Triples (Turtle files are small in practice;
  large graphs come as N-Triples or KGX);
- the RDF view is bulk-loaded into a persistent pyoxigraph store from the same
  pass: for N-Triples the very bytes the parser read, for KGX triples written
  from the records; chunks of 16 MiB are loaded two at a time, which bounds
  memory (one bulk load of a 1M-triple file peaks near 800 MiB) and keeps
  both cores busy (one bulk load runs mostly on one);
- the network view (:mod:`msc_graph.views.compact`) is built from the records on
  first use and cached beside them.

Modules, each importing only those above it:

- ``prefixes``: the prefix map and CURIE ↔ IRI conversion (``Curies``);
- ``biolink``: Biolink, RO and BFO terms mapped to ours (``map_predicate``);
- ``records``: the record builder, the files of an imported graph, the provenance record;
- ``source``: what to import (``find_import_source``) and reading it with progress;
- ``loader``: the threaded bulk loader of the RDF store;
- ``fold``: our own RDF folded back into the graph it was written from;
- ``ntriples`` / ``kgx``: the readers;
- ``importer``: ``import_graph``, atomic and locked, ``remove_graph`` and ``remove_stale``;
- ``graph``: an imported graph opened from disk (``ImportedGraph``);
- ``merge``: the curated graph laid over an imported one;
- ``views``: an imported graph and its views under GraphViews' names (``open_imported``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msc_graph.lazy import make_getattr

if TYPE_CHECKING:
    from msc_graph.errors import GraphImportError, UnknownGraphError
    from msc_graph.interop.imported.biolink import CATEGORY_TYPES, HEDGED_LEVELS, map_predicate
    from msc_graph.interop.imported.fold import fold_our_rdf
    from msc_graph.interop.imported.graph import (
        ImportedEntities,
        ImportedGraph,
        ImportedModel,
        NodeTable,
        open_imported_graph,
    )
    from msc_graph.interop.imported.importer import ImportSummary, import_graph, remove_graph, remove_stale
    from msc_graph.interop.imported.kgx import read_kgx
    from msc_graph.interop.imported.merge import MergedResolver, find_aliases, merge_models
    from msc_graph.interop.imported.ntriples import read_ntriples
    from msc_graph.interop.imported.prefixes import Curies
    from msc_graph.interop.imported.records import (
        IMPORT_VERSION,
        PROVENANCE_FIELDS,
        check_graph_name,
        decode_provenance,
        encode_provenance,
        get_graphs_dir,
        list_graphs,
    )
    from msc_graph.interop.imported.source import FORMATS, ImportSource, find_import_source
    from msc_graph.interop.imported.views import ImportedViews, open_imported

_MODULE_OF = {
    "CATEGORY_TYPES": "msc_graph.interop.imported.biolink",
    "Curies": "msc_graph.interop.imported.prefixes",
    "FORMATS": "msc_graph.interop.imported.source",
    "GraphImportError": "msc_graph.errors",
    "HEDGED_LEVELS": "msc_graph.interop.imported.biolink",
    "IMPORT_VERSION": "msc_graph.interop.imported.records",
    "ImportSource": "msc_graph.interop.imported.source",
    "ImportSummary": "msc_graph.interop.imported.importer",
    "ImportedEntities": "msc_graph.interop.imported.graph",
    "ImportedGraph": "msc_graph.interop.imported.graph",
    "ImportedModel": "msc_graph.interop.imported.graph",
    "NodeTable": "msc_graph.interop.imported.graph",
    "ImportedViews": "msc_graph.interop.imported.views",
    "MergedResolver": "msc_graph.interop.imported.merge",
    "PROVENANCE_FIELDS": "msc_graph.interop.imported.records",
    "UnknownGraphError": "msc_graph.errors",
    "check_graph_name": "msc_graph.interop.imported.records",
    "decode_provenance": "msc_graph.interop.imported.records",
    "encode_provenance": "msc_graph.interop.imported.records",
    "find_aliases": "msc_graph.interop.imported.merge",
    "find_import_source": "msc_graph.interop.imported.source",
    "fold_our_rdf": "msc_graph.interop.imported.fold",
    "get_graphs_dir": "msc_graph.interop.imported.records",
    "import_graph": "msc_graph.interop.imported.importer",
    "list_graphs": "msc_graph.interop.imported.records",
    "map_predicate": "msc_graph.interop.imported.biolink",
    "merge_models": "msc_graph.interop.imported.merge",
    "open_imported": "msc_graph.interop.imported.views",
    "open_imported_graph": "msc_graph.interop.imported.graph",
    "read_kgx": "msc_graph.interop.imported.kgx",
    "read_ntriples": "msc_graph.interop.imported.ntriples",
    "remove_graph": "msc_graph.interop.imported.importer",
    "remove_stale": "msc_graph.interop.imported.importer",
}

__all__ = [
    "CATEGORY_TYPES",
    "FORMATS",
    "HEDGED_LEVELS",
    "IMPORT_VERSION",
    "PROVENANCE_FIELDS",
    "Curies",
    "GraphImportError",
    "ImportSource",
    "ImportSummary",
    "ImportedEntities",
    "ImportedGraph",
    "ImportedModel",
    "ImportedViews",
    "MergedResolver",
    "NodeTable",
    "UnknownGraphError",
    "check_graph_name",
    "decode_provenance",
    "encode_provenance",
    "find_aliases",
    "find_import_source",
    "fold_our_rdf",
    "get_graphs_dir",
    "import_graph",
    "list_graphs",
    "map_predicate",
    "merge_models",
    "open_imported",
    "open_imported_graph",
    "read_kgx",
    "read_ntriples",
    "remove_graph",
    "remove_stale",
]


__getattr__ = make_getattr(__name__, _MODULE_OF, globals())  # opening a graph loads no reader
