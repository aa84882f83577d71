"""The views stage: every view of the model, each built from it and never from another.

RDF (``rdf``), networkx (``network``), compact networks (``compact``), the
name resolver (``resolve``) and the cache (``cache``); ``open_graph`` opens
the curated graph. Imported graphs open through
``msc_graph.interop.imported.open_imported``. The two names below load on
first access (PEP 562), so importing one view module does not load them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msc_graph.lazy import make_getattr

if TYPE_CHECKING:
    from msc_graph.views.graphs import GraphViews, open_graph

__all__ = ["GraphViews", "open_graph"]

__getattr__ = make_getattr(__name__, dict.fromkeys(__all__, "msc_graph.views.graphs"), globals())
