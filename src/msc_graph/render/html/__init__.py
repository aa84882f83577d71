"""HTML pages: one page shell (shell.py), one module per page, their CSS and JavaScript in static/.

Pages: the graph (graph.py, drawing a :class:`VizGraph` of viz.py), the
chains of a path search (paths.py), contradictions between studies
(contradictions.py) and the compare heat map (heatmap.py). Every page is one
self-contained file: :func:`render_page` inlines its style and scripts under
a Content-Security-Policy that loads nothing from outside.
"""

from msc_graph.render.html.contradictions import render_contradictions_html
from msc_graph.render.html.graph import (
    FLOW_MAX,
    HEAVY_EDGES,
    IMPROVED_LAYOUT_MAX,
    LARGE_GRAPH,
    OVERVIEW_NODES,
    build_imported_viz_graph,
    build_vis_data,
    build_vis_options,
    build_viz_graph,
    choose_layout,
    is_heavy,
    read_vis_js,
    render_graph_html,
)
from msc_graph.render.html.heatmap import render_heatmap_html
from msc_graph.render.html.paths import build_paths_graph, render_paths_html
from msc_graph.render.html.shell import render_page
from msc_graph.render.html.viz import (
    BASES,
    EDGE_STYLES,
    FLOW_LEVELS,
    REPORTS,
    SIGN_TEXT,
    STUDY_GROUP,
    STUDY_PREFIX,
    TYPE_STYLES,
    EdgeColumns,
    EdgeStyle,
    ImportRecords,
    NodeColumns,
    PageBuilder,
    TypeStyle,
    VizChain,
    VizGraph,
    describe_predicate,
    get_edge_kind,
)

__all__ = [
    "BASES",
    "EDGE_STYLES",
    "FLOW_LEVELS",
    "FLOW_MAX",
    "HEAVY_EDGES",
    "IMPROVED_LAYOUT_MAX",
    "LARGE_GRAPH",
    "OVERVIEW_NODES",
    "REPORTS",
    "SIGN_TEXT",
    "STUDY_GROUP",
    "STUDY_PREFIX",
    "TYPE_STYLES",
    "EdgeColumns",
    "EdgeStyle",
    "ImportRecords",
    "NodeColumns",
    "PageBuilder",
    "TypeStyle",
    "VizChain",
    "VizGraph",
    "build_imported_viz_graph",
    "build_paths_graph",
    "build_vis_data",
    "build_vis_options",
    "build_viz_graph",
    "choose_layout",
    "describe_predicate",
    "get_edge_kind",
    "is_heavy",
    "read_vis_js",
    "render_contradictions_html",
    "render_graph_html",
    "render_heatmap_html",
    "render_page",
    "render_paths_html",
]
