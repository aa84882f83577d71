"""The views stage: every view of the model, each built from it and never from another.

RDF (``rdf``), networkx (``network``), compact networks (``compact``), the
name resolver (``resolve``) and the cache (``cache``); ``open_graph`` opens
the curated graph. Imported graphs open through
``msc_graph.interop.imported.open_imported``.
"""

from msc_graph.views.graphs import GraphViews, open_graph

__all__ = ["GraphViews", "open_graph"]
