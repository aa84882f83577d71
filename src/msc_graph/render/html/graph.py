r"""Interactive, self-contained HTML pages of the graph: vis-network, offline, evidence on demand.

Researchers open the page from a file, often on a laptop without network, so
the page loads nothing from outside: vis-network's JavaScript is read from the
copy the pyvis package ships and inlined (pyvis's Python is never imported),
the page, its style and its script are our own (``static/page.css`` and
``static/app.js``; pyvis's template links Bootstrap and other CDNs), and the
page shell's Content-Security-Policy allows only the inline scripts whose
hashes the page itself declares.

What the page draws travels as one JSON block, a :class:`VizGraph`: node and
edge columns, and each edge's evidence as indexes into shared tables of
studies and evidence rows. The page's script builds a tooltip or the details
panel only when the reader hovers or clicks, with ``createElement`` and
``textContent``: no value from the data is ever parsed as HTML, so every
name, synonym and quote (the fixture graph has an entity labelled
``<script>...``) stays text, and links are made only for http(s) IRIs. The
block writes ``<``, ``>`` and ``&`` as ``\u003c``-style escapes, so no value
can close it.

Why columns and tooltips built on demand: a 10,000-node, 30,000-edge import
used to spend most of ``mscgraph viz`` writing 40,000 escaped HTML tooltips
(a 30 MiB page). :func:`build_imported_viz_graph` copies an import's record
arrays into columns instead and passes each edge's provenance as stored; the
page formats it on hover into the evidence ``ImportedGraph.get_evidence``
gives (tests/test_browser.py compares the two).

Layout (:func:`choose_layout`): a focus or paths page is placed by the page in
columns, one step of the mechanism each (FLOW_LEVELS: source → secretome
fraction → factor → pathway → process → cell → disease / outcome). A whole
graph of more than :data:`OVERVIEW_NODES` nodes opens folded: its
best-connected nodes drawn, the rest of each type one group node (vis-network
clustering) that opens on click. Up to :data:`LARGE_GRAPH` nodes,
vis-network's physics stabilises the layout (a capped number of iterations),
then physics is switched off so the page stops using CPU. Above it, the page
places nodes itself (type sectors, linear time) and physics stays off until
the reader asks for a re-layout, which is capped the same way and ends with
physics off again. Below LARGE_GRAPH the page draws node labels itself, a
fixed size on screen and never over one another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msc_graph.model import EntityType, GraphModel, SourceKind
from msc_graph.query.subgraph import VizFocus, select_subgraph
from msc_graph.render.html.shell import encode_json, read_static, render_page
from msc_graph.render.html.viz import (
    BASES,
    EDGE_STYLES,
    FLOW_LEVELS,
    REPORTS,
    STUDY_GROUP,
    TYPE_STYLES,
    ImportRecords,
    PageBuilder,
    VizGraph,
    describe_predicate,
    expand_xrefs,
    study_entry,
)

if TYPE_CHECKING:
    from msc_graph.interop.imported import ImportedGraph

LARGE_GRAPH = 1000
"""Node count above which the page places nodes itself and physics starts switched off."""
IMPROVED_LAYOUT_MAX = 150
"""vis-network's improvedLayout (Kamada-Kawai seeding) gets slow above this many nodes."""
HEAVY_EDGES = 3000
"""Above this many edges (or LARGE_GRAPH nodes) edges are drawn solid and straight, for speed."""
FLOW_MAX = 300
"""A focus or paths page of up to this many nodes is laid out in FLOW_LEVELS columns."""
OVERVIEW_NODES = 150
"""A page of more nodes (up to LARGE_GRAPH) opens on an overview: most nodes folded, one group a type."""
OVERVIEW_EXPANDED = 90
"""How many of the best-connected nodes an overview keeps unfolded (plus a type's lone leftover)."""


# --- graphs ------------------------------------------------------------------------------


def build_viz_graph(
    model: GraphModel,
    network: Any,
    prefixes: Mapping[str, str] | None,
    focus: VizFocus | None = None,
    title: str | None = None,
) -> VizGraph:
    """Return what a page of the network (or of a focus on it) draws.

    Cost: linear in the drawn nodes, edges and their evidence: about 35 µs
    an edge on an imported graph, whose Entity and Evidence records are built
    as they are read (:func:`build_imported_viz_graph` draws a whole import
    from its records, about 2 µs an edge).
    """
    focus = focus or VizFocus()
    graph = VizGraph(
        title or f"msc-graph: {model.name}",
        subtitle="; ".join(focus.describe),
        empty_message="No node matches these filters.",
    )
    page = PageBuilder(model, prefixes, graph)
    node_ids, selected = select_subgraph(model, network, focus)
    if focus.types is not None and focus.around is None:
        # A type filter cuts the chains that ran through the other types; what it leaves unlinked
        # would be a field of isolated dots, so it is counted, not drawn.
        touched = {item.subject for item in selected} | {item.object for item in selected}
        unlinked = len(node_ids) - len(touched)
        node_ids = [node for node in node_ids if node in touched]
        if unlinked:
            graph.subtitle = "; ".join(
                [*focus.describe, f"{unlinked} node(s) with no edge among these types not drawn"]
            )
    graph.flow = bool(
        focus.around is not None
        or focus.types is not None
        or (focus.evidence_filter is not None and focus.evidence_filter.active)
    )
    for node in node_ids:
        page.add_entity(node, "source" if node == focus.around else None)
    for item in selected:
        page.add_edge(item.subject, item.predicate, item.object, item.evidence, item.hidden)
    if focus.include_studies:
        reports: dict[str, set[str]] = defaultdict(set)
        for item in selected:
            for evidence in item.evidence:
                reports[evidence.study].update((item.subject, item.object))
        for study_id in sorted(reports):
            if study_id in model.studies:
                node = page.add_study(study_id)
                for entity_id in sorted(reports[study_id]):
                    page.add_edge(node, REPORTS, entity_id)
    return graph


def build_imported_viz_graph(
    imported: ImportedGraph, prefixes: Mapping[str, str] | None = None, focus: VizFocus | None = None
) -> VizGraph:
    """Return what a page of an imported graph draws, straight from its records when it can.

    A focus that draws every edge among the kept types with all its evidence
    (no ``around``, evidence filter or studies) is read from the import's
    node table and edge arrays: labels, types and endpoints are copied into
    columns, edges with the same subject, predicate and object are merged
    (as the network view merges them), and each edge record's provenance
    goes to the page as stored, to be formatted only when hovered. No Entity
    or Evidence is built, which is what :func:`build_viz_graph` spends most
    of its time on for a whole import. Other focuses go through
    :func:`build_viz_graph`.

    Reads ImportedGraph's record columns (its typed ``node_table`` and ``edge_columns``);
    tests/test_html.py and tests/test_browser.py check that both routes draw
    the same page.

    Cost: linear in nodes and edge records, about 2 µs a record (0.05 s for
    10,000 nodes and 30,000 records).
    """
    focus = focus or VizFocus()
    if (
        focus.around is not None
        or focus.include_studies
        or (focus.evidence_filter is not None and focus.evidence_filter.active)
    ):
        return build_viz_graph(imported.model, imported.network, prefixes, focus)
    from msc_graph.interop.imported import CATEGORY_TYPES, HEDGED_LEVELS

    ids, labels, categories, category_names, synonyms, xrefs, parents = imported.node_table
    group_of = [CATEGORY_TYPES.get(name, EntityType.EXTERNAL).value for name in category_names]
    all_groups = [group_of[code] for code in categories]
    kept = (
        range(len(ids))
        if focus.types is None
        else [i for i, group in enumerate(all_groups) if group in focus.types]
    )
    position = {old: new for new, old in enumerate(kept)}
    graph = VizGraph(
        f"msc-graph: {imported.name}",
        subtitle="; ".join(focus.describe),
        empty_message="No node matches these filters.",
    )
    nodes = graph.nodes
    nodes.ids = [ids[i] for i in kept]
    nodes.labels = [labels[i] or ids[i] for i in kept]
    nodes.groups = [all_groups[i] for i in kept]
    details = nodes.details
    for old, names in synonyms.items():
        if old in position:
            details.setdefault(position[old], {})["syn"] = list(names)
    for old, curies in xrefs.items():
        if old in position:
            details.setdefault(position[old], {})["xref"] = list(expand_xrefs(curies, prefixes))
    for old, parent_nodes in parents.items():
        if old in position:
            details.setdefault(position[old], {})["isA"] = [labels[p] or ids[p] for p in parent_nodes]

    columns = imported.edge_columns
    slugs: list[str] = imported.meta["slugs"]
    keys = list(zip(*(columns[name].tolist() for name in ("subjects", "objects", "slugs")), strict=True))
    used = (
        range(len(keys))
        if focus.types is None
        else [r for r, key in enumerate(keys) if key[0] in position and key[1] in position]
    )
    drawn = [keys[r] for r in used]
    # Records with the same subject, object and predicate are one edge, as in the network view.
    edge_keys: Iterable[tuple[int, int, int]] = drawn
    evidence: list[int | list[int]] = list(range(len(drawn)))  # each edge's index(es) into ``used``
    if len(set(drawn)) < len(drawn):  # some edge has several records: group them (rare, slower)
        edge_of: dict[tuple[int, int, int], int] = {}
        evidence = []
        for index, key in enumerate(drawn):
            edge = edge_of.setdefault(key, len(evidence))
            if edge == len(evidence):
                evidence.append(index)
            else:
                previous = evidence[edge]
                evidence[edge] = [*previous, index] if isinstance(previous, list) else [previous, index]
        edge_keys = edge_of
    edges = graph.edges
    edges.sources = [position[key[0]] for key in edge_keys]
    edges.targets = [position[key[1]] for key in edge_keys]
    edges.predicates = [slugs[key[2]] for key in edge_keys]
    edges.evidence = evidence
    blob = bytes(columns["provenance"])
    offsets, lines, written = (columns[key].tolist() for key in ("provenance.offsets", "lines", "predicates"))
    graph.studies.append(study_entry(imported.study, imported.study_id))
    graph.records = ImportRecords(
        origin=imported.record_origin,
        study=imported.study_id,
        read_in=0,
        source_kind=SourceKind.TABLE.value,
        hedged_levels=sorted(HEDGED_LEVELS),
        predicates=list(imported.meta["predicates"]),
        lines=[lines[r] for r in used],
        predicate_codes=[written[r] for r in used],
        provenance=[blob[offsets[r] : offsets[r + 1]].decode("utf-8") for r in used],
    )
    return graph


# --- the page ----------------------------------------------------------------------------


def is_heavy(graph: VizGraph) -> bool:
    """Return True when the page should trade styling for drawing speed.

    Dashed lines are the slowest thing vis-network draws (a 10,000-node,
    30,000-edge page redraws in about 5 s with dashes, 1 s without, in
    software rendering), so large pages draw every edge solid and straight.
    """
    return len(graph.nodes) > LARGE_GRAPH or len(graph.edges) > HEAVY_EDGES


def choose_layout(graph: VizGraph) -> str:
    """Return how the page places its nodes: "sectors", "flow", "overview" or "force".

    A large graph is placed in type sectors (linear time, no physics). A
    focus or paths page reads left to right along the mechanism (FLOW_LEVELS
    columns), which a force layout scatters. A whole graph of more than
    OVERVIEW_NODES nodes is a hairball at any zoom that shows it all, so it
    opens folded: the best-connected nodes stay, the rest of each type is one
    group node that opens on click. Anything smaller is laid out by forces.
    """
    n_nodes = len(graph.nodes)
    if n_nodes > LARGE_GRAPH:
        return "sectors"
    if graph.flow and n_nodes <= FLOW_MAX:
        return "flow"
    return "overview" if n_nodes > OVERVIEW_NODES else "force"


def build_vis_data(graph: VizGraph) -> dict[str, Any]:
    """Return the JSON block the page's script reads (:class:`VizGraph`, groups and predicates as indexes).

    The script makes vis-network's node and edge items from it (sizes by
    degree, widths by distinct studies, colours and dashes by kind, and
    positions for large graphs) and the tooltips on demand. Cost: linear in
    nodes and edges, a few lists.
    """
    groups = list(dict.fromkeys(graph.nodes.groups))
    group_index = {group: index for index, group in enumerate(groups)}
    predicates = list(dict.fromkeys(graph.edges.predicates))
    predicate_index = {slug: index for index, slug in enumerate(predicates)}
    nodes, edges = graph.nodes, graph.edges
    layout = choose_layout(graph)
    return {
        "nodes": {
            "id": nodes.ids,
            "label": nodes.labels,
            "group": [group_index[group] for group in nodes.groups],
            "more": nodes.details,
        },
        "groups": groups,
        "types": {key: style.name for key, style in TYPE_STYLES.items()},
        "edges": {
            "from": edges.sources,
            "to": edges.targets,
            "pred": [predicate_index[slug] for slug in edges.predicates],
            "ev": edges.evidence,
            "hidden": edges.hidden,
        },
        "predicates": [describe_predicate(slug) for slug in predicates],
        "kinds": {
            key: [style.color, list(style.dashes) if style.dashes else None]
            for key, style in EDGE_STYLES.items()
        },
        "studies": graph.studies,
        "evidence": graph.evidence,
        "records": vars(graph.records) if graph.records else None,  # asdict() would deep-copy
        "chains": [{"text": c.text, "nodes": list(c.nodes), "edges": list(c.edges)} for c in graph.chains],
        "edgeLabels": graph.edge_labels,
        "options": build_vis_options(
            len(nodes), len(nodes) > LARGE_GRAPH, flow=layout == "flow", overview=layout == "overview"
        ),
        "large": len(nodes) > LARGE_GRAPH,
        "layout": layout,
        "levels": FLOW_LEVELS,
        "expanded": OVERVIEW_EXPANDED,
        "heavy": is_heavy(graph),
        "empty": "" if len(nodes) else graph.empty_message,
    }


def build_vis_options(
    n_nodes: int, large: bool, flow: bool = False, overview: bool = False
) -> dict[str, Any]:
    """Return vis-network options: stabilise then stop for small graphs, no physics for large.

    A flow page has no physics: the page places each node in the columns of
    its type's FLOW_LEVELS step, left to right. An overview pushes nodes further
    apart, so the labels of more of them fit between their neighbours.

    Small graphs run forceAtlas2 until stable and the page then turns
    physics off. Large graphs start from the page's own positions with
    physics off and hide edges while dragging; "Re-run layout" runs one
    capped batch of Barnes-Hut and turns physics off again. The cap is 1,000
    iterations, falling with size (150 at 1,000 nodes, where one costs about
    20 ms) to 50: a 3,000-node iteration costs about 50 ms in headless
    chromium even with the coarser Barnes-Hut (theta 1, no overlap
    avoidance: 4× faster than vis-network's defaults).
    """
    groups = {
        key: {
            "shape": style.shape,
            "color": {
                "background": style.color,
                "border": "#333333",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
        }
        for key, style in TYPE_STYLES.items()
    }
    groups[STUDY_GROUP]["font"] = {"size": 11}
    iterations = max(50, min(1000, 150_000 // max(n_nodes, 1)))
    options: dict[str, Any] = {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,
            "selectionWidth": 2,
            "font": {"size": 10, "face": "sans-serif", "align": "middle"},
            # a predicate written on an edge (paths pages) is drawn once it is 9 px or more
            "scaling": {"label": {"drawThreshold": 9}},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "keyboard": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": True,
        },
        "layout": {"improvedLayout": n_nodes <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
        "physics": {
            "enabled": not large,
            "solver": "barnesHut" if large else "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -110,
                "centralGravity": 0.008,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.8,
            },
            "barnesHut": {
                "gravitationalConstant": -3000,
                "springLength": 120,
                "avoidOverlap": 0,
                "theta": 1.0,
            },
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": not large,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }
    if overview:
        options["physics"]["forceAtlas2Based"].update(
            gravitationalConstant=-220, springLength=200, centralGravity=0.012, avoidOverlap=1
        )
    if flow:  # the page places the nodes in columns (static/app.js, flowLayout)
        options["layout"] = {"improvedLayout": False}
        options["physics"]["enabled"] = False
        options["physics"]["stabilization"]["enabled"] = False
        options["edges"]["smooth"] = {"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.4}
    return options


# --- the page markup -----------------------------------------------------------------------


def read_vis_js() -> str:
    """Return vis-network's minified JavaScript from the copy pyvis ships (newest version).

    The package is located, not imported (importing pyvis pulls in IPython);
    the source-map comment is dropped so no devtools fetch is ever triggered.

    Raises:
        RuntimeError: pyvis or its vis-network files are missing, or the file
            holds a sequence that would end an inline script block.
    """
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: pip install pyvis")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in path.parent.name.removeprefix("vis-").split(".") if p.isdigit())

    found = sorted(lib.glob("vis-*/vis-network.min.js"), key=version)
    if not found:
        raise RuntimeError(f"vis-network not found under {lib}")
    text = found[-1].read_text(encoding="utf-8")
    # split("\n"), not splitlines(): the file holds U+2028 and friends inside string literals
    text = "\n".join(line for line in text.split("\n") if not line.startswith("//# sourceMappingURL"))
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{found[-1]} cannot be inlined safely")
    return text


def _swatch(color: str, dashes: str = "", opacity: str = "", head: str = "arrow") -> str:
    """Return a small SVG of an edge as the page draws it (legend rows)."""
    tip = (
        f'<circle cx="30" cy="5" r="3.5" fill="{color}"{opacity.replace("stroke", "fill")}/>'
        if head == "circle"
        else f'<path d="M26 1 L33 5 L26 9 Z" fill="{color}"/>'
    )
    return (
        f'<svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="26" y2="5" '
        f'stroke="{color}" stroke-width="2.5"{dashes}{opacity}/>{tip}</svg>'
    )


def _filters_html(graph: VizGraph) -> str:
    """Return the left column: one checkbox per node type, edge kind and basis, and a study menu.

    The legend is the filter: each row shows how a type or a kind is drawn
    and hides it when unticked. Every value from the data is escaped.
    """
    counts = Counter(graph.nodes.groups)
    rows = []
    for key, style in TYPE_STYLES.items():
        if not counts.get(key):
            continue
        rows.append(
            f'<label class="type-row"><input type="checkbox" checked '
            f'data-type="{escape(key, quote=True)}">'
            f'<span class="sym" style="color:{escape(style.color, quote=True)}">'
            f"{style.symbol}</span> {escape(style.name)} "
            f'<span class="count">{counts[key]}</span></label>'
        )
    for key in sorted(set(counts) - set(TYPE_STYLES)):
        rows.append(
            f'<label class="type-row"><input type="checkbox" checked '
            f'data-type="{escape(key, quote=True)}"><span class="sym">●</span> '
            f'{escape(key)} <span class="count">{counts[key]}</span></label>'
        )
    kinds: Counter[str] = Counter()
    for slug, count in Counter(graph.edges.predicates).items():
        kinds[describe_predicate(slug)[2]] += count
    lines = []
    heavy = is_heavy(graph)
    for key, edge_style in EDGE_STYLES.items():
        if not kinds.get(key):
            continue
        dash = (
            f' stroke-dasharray="{",".join(str(d) for d in edge_style.dashes)}"'
            if edge_style.dashes and not heavy
            else ""
        )
        lines.append(
            f'<label class="edge-row"><input type="checkbox" checked data-kind="{key}"> '
            f"{_swatch(edge_style.color, dash)} {escape(edge_style.name)} "
            f'<span class="count">{kinds[key]}</span></label>'
        )
    bases = []
    if graph.edges:
        counts_by_basis = graph.count_bases()
        names = {
            "stated": "stated: the source asserts it",
            "hedged": "hedged: asserted with may / might / suggests",
            "inferred": "inferred: our reading, not the authors' words",
        }
        for basis in BASES:
            count = counts_by_basis.get(basis, 0)
            shown = f' <span class="count">{count}</span>' if graph.records is None else ""
            bases.append(
                f'<label class="edge-row"><input type="checkbox" checked data-basis="{basis}"> '
                f"{escape(names[basis])}{shown}</label>"
            )
        inferred = graph.count_inferred_edges()
        if inferred:
            faded = _swatch("#6b6b6b", opacity=' stroke-opacity="0.45"', head="circle")
            bases.append(
                f'<div class="note">{faded} inferred evidence only: drawn faded '
                f'<span class="count">{inferred}</span></div>'
            )
        bases.append(
            '<div class="note">An edge is drawn while any of its evidence passes the basis and '
            "study filters; a node while it keeps an edge.</div>"
        )
    study_menu = ""
    if graph.records is None and graph.evidence:
        cited = Counter(row[0] for row in graph.evidence)
        options = sorted(cited, key=lambda k: str(graph.studies[k][1]).lower())
        study_menu = (
            '<h2>Study</h2><select id="study-filter" aria-label="Only edges with evidence from this study">'
            '<option value="">every study</option>'
            + "".join(
                f'<option value="{escape(str(graph.studies[k][0]), quote=True)}">'
                f"{escape(str(graph.studies[k][1]))} ({cited[k]})</option>"
                for k in options
            )
            + "</select>"
        )
    notes = []
    if heavy:
        notes.append(
            '<div class="note">Large graph: dashes are off (they slow drawing); '
            "edge kinds differ by colour.</div>"
        )
    if graph.edges:
        notes.append('<div class="note">Line width: number of distinct studies behind an edge.</div>')
    return (
        '<h2>Node types</h2><div id="types">'
        + "".join(rows)
        + '</div><h2>Edges</h2><div id="kinds">'
        + "".join(lines)
        + "</div>"
        + ('<h2>Basis</h2><div id="bases">' + "".join(bases) + "</div>" if bases else "")
        + study_menu
        + "".join(notes)
    )


def render_graph_html(graph: VizGraph) -> str:
    """Return a complete, self-contained HTML page drawing ``graph``.

    Nothing is loaded from outside the file: the Content-Security-Policy
    allows no source but the two inline scripts (vis-network and
    ``static/app.js``, by hash), inline styles and data: images. Cost: linear
    in nodes and edges; the vis-network script adds about 470 kB, a
    10,000-node, 30,000-edge import about 4 MB.
    """
    payload = encode_json(build_vis_data(graph))
    chains = '<h2>Chains</h2><ol id="chains"></ol>' if graph.chains else '<ol id="chains" hidden></ol>'
    subtitle = f'<span id="subtitle">{escape(graph.subtitle)}</span>' if graph.subtitle else ""
    body = (
        f"<header><h1>{escape(graph.title)}</h1>{subtitle}"
        '<div id="search-box"><input id="search" type="search" autocomplete="off" '
        'placeholder="Find a node (label or synonym)" aria-label="Find a node">'
        '<ul id="suggestions"></ul></div>'
        '<button id="expand" type="button" hidden>Open every group</button>'
        '<button id="relayout" type="button">Re-run layout</button>'
        '<span id="status">loading</span></header>\n'
        f'<main><nav id="filters">{chains}{_filters_html(graph)}</nav>\n'
        '<div id="graph-wrap"><div id="graph"></div><div id="tooltip"></div></div>\n'
        '<aside id="panel"><h2>Details</h2><div id="details">Click a node for it and its '
        "neighbours, an edge for its evidence; click the background to see everything again."
        "</div></aside></main>\n"
        f'<script type="application/json" id="graph-data">{payload}</script>\n'
    )
    return render_page(
        graph.title,
        body,
        style=read_static("page.css"),
        scripts=(read_vis_js(), read_static("app.js")),
        data_images=True,
    )
