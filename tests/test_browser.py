"""The HTML pages in a real browser: Debian's chromium driven by playwright, fully offline.

Every request that is not file:// is aborted and recorded; each test asserts
none was attempted, no console error was logged and no dialog opened. Counts
are the hand-worked ones of tests/test_html.py (fixture: 17 entities, 16
assertions, 3 studies).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.interop.imported import open_imported
from msc_graph.model import Basis, Context, Entity, EntityType, Evidence, GraphModel, SourceKind, Study
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.paths import find_paths
from msc_graph.query.subgraph import VizFocus
from msc_graph.render.html import (
    FLOW_LEVELS,
    LARGE_GRAPH,
    PageBuilder,
    VizGraph,
    build_viz_graph,
    render_graph_html,
    render_paths_html,
)
from msc_graph.views import open_graph

pytestmark = pytest.mark.browser

XSS = "<script>alert(1)</script>"


@dataclass
class Opened:
    """A page opened offline, with everything it tried to do that it should not."""

    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests outside the file: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                opened.outside.append(route.request.url)
                route.abort()

        def dialog(item: Any) -> None:
            opened.dialogs.append(item.message)
            item.dismiss()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def _write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture()
def fixture_page(fixture_project: Project, tmp_path: Path) -> Path:
    views = open_graph(fixture_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    return _write(tmp_path, "graph.html", render_graph_html(graph))


DRAWN = """() => {
  const net = window.mscGraph.network;
  return {nodes: net.body.nodeIndices.length, edges: net.body.edgeIndices.length,
          dataNodes: window.mscGraph.nodes.length, dataEdges: window.mscGraph.edges.length,
          groups: [...new Set(window.mscGraph.nodes.get().map(n => n.group))]};
}"""


def _hover(opened: Opened, canvas_points: list[dict[str, float]]) -> str:
    """Move the real mouse over each canvas point until the tooltip shows; return its text."""
    page = opened.page
    box = page.locator("#graph").bounding_box()
    for point in canvas_points:
        dom = opened.evaluate("(p) => window.mscGraph.network.canvasToDOM(p)", point)
        page.mouse.move(box["x"] + dom["x"] - 30, box["y"] + dom["y"] - 30)
        page.mouse.move(box["x"] + dom["x"], box["y"] + dom["y"], steps=3)
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:  # a hover shows the tooltip within the next frames, or this point missed the item
            page.locator("#tooltip").wait_for(state="visible", timeout=500)
        except PlaywrightTimeout:
            continue
        return str(page.locator("#tooltip").text_content())
    return ""


def test_fixture_page_draws_every_node_and_edge_offline(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (17, 16)
    assert (drawn["dataNodes"], drawn["dataEdges"]) == (17, 16)
    assert "study" not in drawn["groups"]
    assert opened.page.locator("#status").text_content() == "17 nodes, 16 edges"
    # physics settled, then was switched off so the page stops working
    assert opened.evaluate("() => window.mscGraph.network.physics.physicsEnabled") is False
    opened.assert_clean()


def test_studies_are_drawn_only_when_asked(fixture_project: Project, tmp_path: Path, open_page: Any) -> None:
    views = open_graph(fixture_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes, VizFocus(include_studies=True))
    opened = open_page(_write(tmp_path, "studies.html", render_graph_html(graph)))
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (20, 39)  # as tests/test_html.py works out
    assert "study" in drawn["groups"]
    opened.assert_clean()


def test_inferred_only_edges_are_faded_and_can_be_hidden(
    fixture_project: Project, tmp_path: Path, open_page: Any
) -> None:
    # Under --basis inferred, fs -increases-> tgf keeps only alpha's inferred record: the one edge
    # that rests on inferred evidence alone, drawn faded with a round head, hidden by the checkbox.
    views = open_graph(fixture_project)
    focus = VizFocus(evidence_filter=EvidenceFilter(basis=frozenset({Basis.INFERRED})))
    graph = build_viz_graph(views.model, views.network, views.prefixes, focus)
    assert graph.count_inferred_edges() == 1
    opened = open_page(_write(tmp_path, "inferred.html", render_graph_html(graph)))
    edge = opened.evaluate("() => window.mscGraph.edges.get('fs|increases|tgf')")
    assert (
        edge["inferred"] is True and edge["color"]["opacity"] < 1 and edge["arrows"]["to"]["type"] == "circle"
    )
    tip = opened.evaluate("(id) => window.mscGraph.describe(id).textContent", "fs|increases|tgf")
    assert "inferred: row 2 lists the medium among the preparations" in tip
    assert opened.evaluate(DRAWN)["edges"] == 1
    opened.page.uncheck("#bases input[data-basis=inferred]")  # the basis filter hides it
    assert (opened.evaluate(DRAWN)["nodes"], opened.evaluate(DRAWN)["edges"]) == (0, 0)
    opened.assert_clean()


def test_edge_tooltip_shows_its_quote_on_hover(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    edge_id = "ev|carries|mir"
    assert "Vesicles carry the small RNA" in opened.evaluate(
        "(id) => window.mscGraph.describe(id).textContent", edge_id
    )
    ends = opened.evaluate("() => window.mscGraph.network.getPositions(['ev', 'mir'])")
    a, b = ends["ev"], ends["mir"]
    points = [
        {"x": a["x"] + (b["x"] - a["x"]) * t, "y": a["y"] + (b["y"] - a["y"]) * t}
        for t in (0.5, 0.4, 0.6, 0.3, 0.7)
    ]
    text = _hover(opened, points)
    assert "Vesicles carry the small RNA" in text
    assert "Alpha et al., 2020" in text and "¶1" in text
    opened.assert_clean()


def test_edges_are_styled_by_kind_and_widened_by_studies(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    edges = opened.evaluate(
        "() => Object.fromEntries(window.mscGraph.edges.get().map("
        "e => [e.id, {n: e.n, width: e.width, dashes: e.dashes || null}]))"
    )
    # pw -> auto has two studies (alpha, beta): 1 + 1.5 * 2 = 4; mir -> pw one: 2.5
    assert (edges["pw|decreases|auto"]["n"], edges["pw|decreases|auto"]["width"]) == (2, 4)
    assert (edges["mir|inhibits|pw"]["n"], edges["mir|inhibits|pw"]["width"]) == (1, 2.5)
    assert edges["fs|no-change|gfap"]["dashes"] == [8, 6]
    assert edges["mir|inhibits|pw"]["dashes"] is None
    opened.assert_clean()


def test_script_label_renders_as_text_and_runs_nothing(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    page = opened.page
    assert opened.evaluate("() => window.mscGraph.nodes.get('xss').label") == XSS
    # hover it: the tooltip shows the label literally
    position = opened.evaluate("() => window.mscGraph.network.getPositions(['xss']).xss")
    assert XSS in _hover(opened, [position])
    # click it: the details panel shows it literally
    box = page.locator("#graph").bounding_box()
    dom = opened.evaluate("(p) => window.mscGraph.network.canvasToDOM(p)", position)
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    assert XSS in str(page.locator("#details").text_content())
    # search for it: suggestions and focus treat it as text
    page.fill("#search", "<script>")
    assert XSS in str(page.locator("#suggestions li").first.text_content())
    page.press("#search", "Enter")
    page.wait_for_function("() => window.mscGraph.network.getSelectedNodes().length > 0")
    assert opened.evaluate("() => window.mscGraph.network.getSelectedNodes()") == ["xss"]
    # nothing was injected: still only the page's own three script elements, no <img> etc.
    assert opened.evaluate("() => document.querySelectorAll('script').length") == 3
    assert opened.evaluate("() => document.querySelectorAll('img, iframe, object').length") == 0
    opened.assert_clean()


def test_search_by_synonym_and_type_filter(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    page = opened.page
    page.fill("#search", "PI3K/AKT")  # a synonym of "the pathway"
    page.press("#search", "Enter")
    page.wait_for_function("() => window.mscGraph.network.getSelectedNodes().length > 0")
    assert opened.evaluate("() => window.mscGraph.network.getSelectedNodes()") == ["pw"]
    # hiding processes hides autophagy, microglial activation and their 5 edges
    # (pw>auto, ev>auto, auto>micro, micro>cyt, micro -/- np): 17 - 2 nodes, 16 - 5 edges
    page.uncheck("#types input[data-type=process]")
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (15, 11)
    page.check("#types input[data-type=process]")
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (17, 16)
    opened.assert_clean()


OPACITY = """() => ({
  nodes: Object.fromEntries(window.mscGraph.nodes.get().map(n => [n.id, n.opacity === undefined ? 1 : n.opacity])),
  edges: Object.fromEntries(window.mscGraph.edges.get().map(e => [e.id, e.color.opacity / e.base]))})"""


def test_clicking_a_node_leaves_only_its_neighbourhood_at_full_opacity(
    fixture_page: Path, open_page: Any
) -> None:
    opened = open_page(fixture_page)
    page = opened.page
    box = page.locator("#graph").bounding_box()
    at = opened.evaluate(
        "() => window.mscGraph.network.canvasToDOM(window.mscGraph.network.getPosition('pw'))"
    )
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_function("() => window.mscGraph.state.highlighted")
    # the pathway's edges: mir -| pw and pw -> auto
    opacity = opened.evaluate(OPACITY)
    assert {n for n, o in opacity["nodes"].items() if o == 1} == {"pw", "mir", "auto"}
    assert {e for e, o in opacity["edges"].items() if o == 1} == {"mir|inhibits|pw", "pw|decreases|auto"}
    assert max(o for n, o in opacity["nodes"].items() if n not in {"pw", "mir", "auto"}) < 0.3
    assert "the pathway" in str(page.locator("#details").text_content())
    # a click on empty canvas (a corner, far from the fitted graph) puts everything back
    page.mouse.click(box["x"] + 3, box["y"] + 3)
    page.wait_for_function("() => !window.mscGraph.state.highlighted")
    opacity = opened.evaluate(OPACITY)
    assert set(opacity["nodes"].values()) == {1} and set(opacity["edges"].values()) == {1}
    opened.assert_clean()


def test_edge_kind_basis_and_study_filters_hide_what_they_should(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    page = opened.page

    def shown() -> tuple[int, int]:
        drawn = opened.evaluate(DRAWN)
        return drawn["nodes"], drawn["edges"]

    # descriptive: gfap marker-of astro, cyt associated-with pain -> 16 - 2 edges; pain loses its
    # only edge, and rat, mouse, cci never had one: 17 - 4 nodes
    page.uncheck("#kinds input[data-kind=descriptive]")
    assert shown() == (13, 14)
    assert "cyt|associated-with|pain" not in opened.evaluate(SHOWN)["edges"]
    page.check("#kinds input[data-kind=descriptive]")
    assert shown() == (17, 16)
    # inferred only: fs -> tgf keeps alpha's inferred record (beta's is stated)
    page.uncheck("#bases input[data-basis=stated]")
    page.uncheck("#bases input[data-basis=hedged]")
    assert opened.evaluate(SHOWN) == {"nodes": ["fs", "tgf"], "edges": ["fs|increases|tgf"]}
    # hedged only: "which may drive neuropathic pain"
    page.check("#bases input[data-basis=hedged]")
    page.uncheck("#bases input[data-basis=inferred]")
    assert opened.evaluate(SHOWN) == {"nodes": ["cyt", "np"], "edges": ["cyt|increases|np"]}
    page.check("#bases input[data-basis=stated]")
    page.check("#bases input[data-basis=inferred]")
    # beta-2021 supports pw>auto, auto>micro, fs -/- gfap, micro -/- np, fs>tgf, tgf>astro
    # (as --study beta-2021 draws it, tests/test_html.py)
    page.select_option("#study-filter", "beta-2021")
    assert shown() == (8, 6)
    # a study and a basis must hold for one same piece of evidence: beta's fs>tgf record is stated
    page.uncheck("#bases input[data-basis=stated]")
    page.uncheck("#bases input[data-basis=hedged]")
    assert shown() == (0, 0)
    page.select_option("#study-filter", "")
    page.check("#bases input[data-basis=stated]")
    page.check("#bases input[data-basis=hedged]")
    assert shown() == (17, 16)
    opened.assert_clean()


def _columns(opened: Opened) -> list[tuple[int, float, str]]:
    """Return (flow level of its type, x, id) of every drawn node."""
    return [
        (FLOW_LEVELS[group], x, node)
        for node, group, x in opened.evaluate(
            """() => { const net = window.mscGraph.network, pos = net.getPositions();
            return net.body.nodeIndices.map(id => [id, window.mscGraph.nodes.get(id).group, pos[id].x]); }"""
        )
    ]


def _assert_flows_left_to_right(columns: list[tuple[int, float, str]]) -> None:
    # every node of an earlier step lies left of every node of a later one (a step may take
    # several columns when it holds many nodes)
    for level, x, node in columns:
        for other_level, other_x, other in columns:
            if level < other_level:
                assert x < other_x, (node, other)


def test_focus_and_paths_pages_follow_the_mechanism_left_to_right(
    fixture_project: Project, tmp_path: Path, open_page: Any
) -> None:
    views = open_graph(fixture_project)
    focus = VizFocus(around="auto", depth=3)
    opened = open_page(
        _write(
            tmp_path,
            "around.html",
            render_graph_html(build_viz_graph(views.model, views.network, views.prefixes, focus)),
        )
    )
    assert opened.evaluate("() => window.mscGraph.layout") == "flow"
    columns = _columns(opened)
    # vesicles (secretome) -> small RNA (microRNA) -> pathway -> autophagy -> ... -> neuropathic pain
    assert {node for _, _, node in columns} >= {"ev", "mir", "pw", "auto", "micro", "np"}
    _assert_flows_left_to_right(columns)
    opened.assert_clean()

    targets = list(views.resolver.iter_descendants(["pain"]))
    search = find_paths(views.network, ["ev"], targets, max_hops=6)
    opened = open_page(_write(tmp_path, "paths.html", render_paths_html(views.model, search)))
    _assert_flows_left_to_right(_columns(opened))
    opened.assert_clean()
    # the whole fixture graph is no focus: laid out by forces
    whole = open_page(
        _write(
            tmp_path,
            "whole.html",
            render_graph_html(build_viz_graph(views.model, views.network, views.prefixes)),
        )
    )
    assert whole.evaluate("() => window.mscGraph.layout") == "force"


def test_paths_page_draws_and_highlights_the_chains(
    fixture_project: Project, tmp_path: Path, open_page: Any
) -> None:
    views = open_graph(fixture_project)
    targets = list(views.resolver.iter_descendants(["pain"]))
    search = find_paths(views.network, ["ev"], targets, max_hops=6)
    opened = open_page(_write(tmp_path, "paths.html", render_paths_html(views.model, search)))
    nodes = {n for path in search.paths for n in path.nodes}
    hops = {(h.subject, h.predicate, h.object) for path in search.paths for h in path.hops}
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (len(nodes), len(hops))
    assert opened.page.locator("#chains li").count() == len(search.paths)
    opened.page.wait_for_function("() => window.mscGraph.network.getSelectedNodes().length > 0")
    selected = opened.evaluate("() => window.mscGraph.network.getSelectedNodes()")
    assert set(selected) == set(search.paths[0].nodes)
    # the first chain is highlighted: the other chains fade, and their predicate labels go with them
    fonts = opened.evaluate(
        "() => window.mscGraph.edges.get().map(e => [e.color.opacity, (e.font || {}).color || null])"
    )
    faded = [color for opacity, color in fonts if opacity < 0.4]
    kept = [color for opacity, color in fonts if opacity >= 0.4]
    assert kept and all(color != "rgba(0, 0, 0, 0)" for color in kept)
    assert faded and set(faded) == {"rgba(0, 0, 0, 0)"}  # the fixture has chains off the first one
    opened.assert_clean()


SHOWN = """() => {
  const net = window.mscGraph.network;
  return {nodes: [...net.body.nodeIndices].sort(),
          edges: net.body.edgeIndices.map(id => net.body.edges[id]).filter(e => e.options.id)
                   .map(e => e.options.id).sort()};
}"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["w"]
        and b["x"] < a["x"] + a["w"]
        and a["y"] < b["y"] + b["h"]
        and b["y"] < a["y"] + a["h"]
    )


def test_real_graph_opens_on_a_readable_overview(
    real_project: Project, tmp_path: Path, open_page: Any
) -> None:
    # The whole curated graph (538 nodes) opens folded: the best-connected nodes drawn, the rest of
    # each type one group node; labels 13 px on screen, none on another, all inside the canvas.
    views = open_graph(real_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    opened = open_page(_write(tmp_path, "real.html", render_graph_html(graph)))
    page = opened.page
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 1", timeout=60_000)
    drawn = opened.evaluate(DRAWN)
    assert (drawn["dataNodes"], drawn["dataEdges"]) == (
        views.network.number_of_nodes(),
        views.network.number_of_edges(),
    )
    folded = opened.evaluate("() => window.mscGraph.folded()")
    expanded = drawn["nodes"] - len(folded)
    assert folded and expanded <= 150, (expanded, len(folded))
    view = opened.evaluate(
        """() => { const net = window.mscGraph.network, box = document.getElementById('graph');
        const probe = document.createElement('canvas').getContext('2d');
        return {width: box.clientWidth, height: box.clientHeight, scale: net.getScale(),
                labels: window.mscGraph.labels().map(l => {
                  const node = net.body.nodes[l.id], at = net.canvasToDOM({x: node.x, y: node.y});
                  probe.font = l.px + 'px sans-serif';
                  return Object.assign({}, l, {nodeX: at.x, nodeY: at.y, cluster: !!node.isCluster,
                    measured: probe.measureText(l.text).width,
                    label: node.isCluster ? node.options.label : window.mscGraph.nodes.get(l.id).label});
                })}; }"""
    )
    labels = view["labels"]
    assert len(labels) >= 30, len(labels)  # a readable overview names many of its nodes
    for label in labels:
        assert label["px"] >= 12  # on screen, whatever the zoom (vis-network's own would be px × scale)
        assert label["label"].startswith(label["text"].rstrip("…"))
        assert label["w"] >= label["measured"]  # the box holds the text as the browser measures it
        assert label["x"] - 1 <= label["nodeX"] <= label["x"] + label["w"] + 1  # beside its node
        assert label["x"] >= 0 and label["x"] + label["w"] <= view["width"]
        assert label["y"] >= 0 and label["y"] + label["h"] <= view["height"]
    for n, first in enumerate(labels):
        for second in labels[n + 1 :]:
            assert not _overlap(first, second), (first["text"], second["text"])
    # vis-network's own labels (px × scale, unreadable at this zoom) are not drawn at all
    assert (
        opened.evaluate(
            "() => window.mscGraph.network.body.nodes[window.mscGraph.labels()[0].id]"
            ".labelModule.elementOptions.scaling.label.drawThreshold"
        )
        > 1000
    )

    # A filter on the overview folds again what is left, and undone gives the same overview
    # (vis-network alone would dissolve the groups that lose members and add them back unplaced).
    page.uncheck("#kinds input[data-kind=descriptive]")
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 2", timeout=60_000)
    page.check("#kinds input[data-kind=descriptive]")
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 3", timeout=60_000)
    assert sorted(opened.evaluate("() => window.mscGraph.folded()")) == sorted(folded)
    assert opened.evaluate(DRAWN)["nodes"] == drawn["nodes"]

    # A group opens on a click: it is gone and its members are drawn.
    group = folded[0]
    inside = opened.evaluate("(id) => window.mscGraph.network.getNodesInCluster(id)", group)
    box = page.locator("#graph").bounding_box()
    at = opened.evaluate(
        "(id) => window.mscGraph.network.canvasToDOM(window.mscGraph.network.getPosition(id))", group
    )
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 4", timeout=60_000)
    shown = set(opened.evaluate(SHOWN)["nodes"])
    assert group not in shown and set(inside) <= shown
    # Opening every group draws the whole network.
    page.click("#expand")
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 5", timeout=60_000)
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (
        views.network.number_of_nodes(),
        views.network.number_of_edges(),
    )
    opened.assert_clean()


def test_side_panel_stays_in_view_beside_the_long_legend(
    real_project: Project, tmp_path: Path, open_page: Any
) -> None:
    views = open_graph(real_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    opened = open_page(_write(tmp_path, "real.html", render_graph_html(graph)))
    edge = max(
        (f"{a.subject}|{a.predicate}|{a.object}" for a in views.model.assertions),
        key=lambda key: len(
            views.network.succ[key.split("|")[0]][key.split("|")[2]][key.split("|")[1]]["evidence"]
        ),
    )
    boxes = opened.evaluate(
        """(id) => { window.mscGraph.showDetails(id);
        const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                               return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
        const filters = document.getElementById('filters');
        return {panel: box('#panel'), details: box('#details'), graph: box('#graph'),
                legendOverflows: filters.scrollHeight > filters.clientHeight,
                width: window.innerWidth, height: window.innerHeight}; }""",
        edge,
    )
    panel, details = boxes["panel"], boxes["details"]
    # the panel starts at the top and ends inside the window ...
    assert 0 <= panel["top"] < 80 and panel["bottom"] <= boxes["height"], panel
    assert panel["left"] >= boxes["graph"]["right"] - 1 and panel["right"] <= boxes["width"]
    assert details["top"] < 120  # the evidence is readable without scrolling the page
    assert boxes["legendOverflows"]  # ... beside a legend longer than the window
    text = str(opened.page.locator("#details").text_content())
    assert "stated" in text and "read in" in text
    opened.assert_clean()


def test_a_gao_2023a_edge_links_to_its_pubmed_page(
    real_project: Project, tmp_path: Path, open_page: Any
) -> None:
    views = open_graph(real_project)
    gao = views.model.studies["gao-2023a"]
    edge = next(
        f"{a.subject}|{a.predicate}|{a.object}"
        for a in views.model.assertions
        if any(e.study == "gao-2023a" for e in a.evidence)
    )
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    opened = open_page(_write(tmp_path, "real.html", render_graph_html(graph)))
    hrefs = opened.evaluate(
        """(id) => { window.mscGraph.showDetails(id);
        return [...document.querySelectorAll('#details a')].map(a => a.getAttribute('href')); }""",
        edge,
    )
    assert f"https://pubmed.ncbi.nlm.nih.gov/{gao.pmid}/" in hrefs
    opened.assert_clean()


def test_harness_catches_outside_requests_and_dialogs(tmp_path: Path, open_page: Any) -> None:
    # Guard the guard: a page that loads from outside and opens a dialog must be caught.
    page = _write(
        tmp_path,
        "bad.html",
        '<img src="https://example.invalid/x.png"><script>alert("hi");'
        'document.body.setAttribute("data-ready", "true")</script>',
    )
    opened = open_page(page)
    for _ in range(250):  # the aborted request and the dialog are reported by events: wait for both
        if opened.outside and opened.dialogs:
            break
        opened.page.wait_for_timeout(20)
    assert opened.outside == ["https://example.invalid/x.png"]
    assert opened.dialogs == ["hi"]


HOSTILE = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)>'


def test_hostile_values_show_as_text_and_links_are_only_http(tmp_path: Path, open_page: Any) -> None:
    model = GraphModel(
        entities={
            "a": Entity(
                "a", HOSTILE, EntityType.FACTOR, synonyms=(HOSTILE,), xrefs=("GO:0001", "EVIL:1"), is_a=("b",)
            ),
            "b": Entity("b", f"B {HOSTILE}", EntityType.PROCESS),
        },
        studies={"s": Study("s", f"S {HOSTILE}", title=HOSTILE, doi=f"10.1/{HOSTILE}")},
        assertions=(),
    )
    graph = VizGraph("hostile")
    page = PageBuilder(
        model, {"GO": "http://purl.obolibrary.org/obo/GO_", "EVIL": "javascript:alert(3)//"}, graph
    )
    for entity in ("a", "b"):
        page.add_entity(entity)
    evidence = Evidence(
        "s",
        "s",
        SourceKind.PROSE,
        HOSTILE,
        f"quote {HOSTILE} </script>",
        context=Context(strain=HOSTILE, species="b"),
    )
    page.add_edge("a", "increases", "b", (evidence,))
    opened = open_page(_write(tmp_path, "hostile.html", render_graph_html(graph)))
    texts = opened.evaluate("""() => ['a', 'b', 'a|increases|b'].map(id => {
      window.mscGraph.showDetails(id);
      const details = document.getElementById('details');
      return {text: details.textContent, elements: [...details.querySelectorAll('*')].map(e => e.tagName),
              hrefs: [...details.querySelectorAll('a')].map(a => a.getAttribute('href'))};
    })""")
    node, _, edge = texts
    assert HOSTILE in node["text"] and "Synonyms: " + HOSTILE in node["text"]
    assert "Is a: B " + HOSTILE in node["text"]
    assert node["hrefs"] == ["http://purl.obolibrary.org/obo/GO_0001"]  # EVIL:1 is text only
    assert f"quote {HOSTILE} </script>" in edge["text"] and f"S {HOSTILE}" in edge["text"]
    assert all(h.startswith("https://doi.org/") for h in edge["hrefs"]) and edge["hrefs"]
    for item in texts:  # only the elements the tooltip builder makes
        assert set(item["elements"]) <= {"DIV", "B", "CODE", "A", "SPAN", "OL", "LI", "BLOCKQUOTE", "I"}
    assert opened.evaluate("() => document.querySelectorAll('script').length") == 3
    assert opened.evaluate("() => document.querySelectorAll('img, iframe, object').length") == 0
    opened.assert_clean()


def _write_large_kgx(folder: Path, n_nodes: int, n_edges: int) -> None:
    """Write a seeded KGX pair: node 0 has a hostile label, edges 0-2 are one edge (same s, p, o)."""
    rng = random.Random(7)
    categories = ("biolink:Gene", "biolink:Disease", "biolink:BiologicalProcess", "biolink:Pathway")
    nodes = ["id\tname\tcategory\tsynonym"]
    nodes += [
        f"X:{i}\t{HOSTILE if i == 0 else f'node {i}'}\t{categories[i % 4]}\tsyn {i}" for i in range(n_nodes)
    ]
    (folder / "nodes.tsv").write_text("\n".join(nodes) + "\n", encoding="utf-8")
    predicates = (
        "biolink:positively_regulates",
        "biolink:negatively_regulates",
        "biolink:interacts_with",
        "biolink:related_to",
    )
    edges = [
        "id\tsubject\tpredicate\tobject\tpublications\tsupporting_text\tknowledge_level\t"
        "primary_knowledge_source\tmsc_basis\tmsc_unit"
    ]
    for k in range(n_edges):
        subject, obj = (0, 1) if k < 3 else (rng.randrange(n_nodes), rng.randrange(n_nodes))
        publications = "|".join(f"PMID:{rng.randrange(50)}" for _ in range(k % 3))
        text = f'<b>bold</b> "said" {k}' if k % 2 else ""
        level = "prediction" if k % 5 == 0 else "knowledge_assertion"
        source = "infores:x" if k % 4 else ""
        # rows with two publications say each one's basis and support unit, as our own exports do
        cited = publications.split("|") if publications else []
        bases = (
            "|".join(("stated", "hedged", "inferred")[(k + n) % 3] for n in range(len(cited)))
            if k % 3 == 2
            else ""
        )
        units = "|".join(f"u{(k + n) % 2}" for n in range(len(cited))) if k % 3 == 2 else ""
        edges.append(
            f"e{k}\tX:{subject}\t{predicates[0 if k < 3 else k % 4]}\tX:{obj}\t"
            f"{publications}\t{text}\t{level}\t{source}\t{bases}\t{units}"
        )
    (folder / "edges.tsv").write_text("\n".join(edges) + "\n", encoding="utf-8")


def test_large_imported_page_shows_record_evidence_as_text_and_physics_stops(
    fixture_project: Project, tmp_path: Path, open_page: Any
) -> None:
    # 2,500 nodes: above LARGE_GRAPH, so the page places nodes itself and starts without physics.
    n_nodes, n_edges = 2500, 5000
    assert n_nodes > LARGE_GRAPH
    kgx = tmp_path / "kgx"
    kgx.mkdir()
    _write_large_kgx(kgx, n_nodes, n_edges)
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(kgx), "--name", "big", "--quiet"]).exit_code == 0
    out = tmp_path / "big.html"
    result = runner.invoke(cli, ["viz", "--graph", "big", "-o", str(out)])
    assert result.exit_code == 0, result.output
    opened = open_page(out)
    page = opened.page
    drawn = opened.evaluate(DRAWN)
    assert drawn["nodes"] == n_nodes
    assert opened.evaluate("() => window.mscGraph.network.physics.physicsEnabled") is False
    positions = opened.evaluate(
        "() => Object.values(window.mscGraph.network.getPositions())"
        ".map(p => p.x.toFixed(1) + ',' + p.y.toFixed(1))"
    )
    assert len(set(positions)) == n_nodes  # every node placed, none on top of another

    # Evidence formatted in the page from the stored records = ImportedGraph.get_evidence.
    views = open_imported("big", fixture_project)
    edge_ids = opened.evaluate("() => window.mscGraph.edges.getIds()")
    assert len(edge_ids) == drawn["edges"] and "X:0|increases|X:1" in edge_ids
    for edge_id in ["X:0|increases|X:1", *edge_ids[::250]]:
        subject, slug, obj = edge_id.split("|")
        expected = [
            {
                "study": e.study,
                "readIn": views.model.studies[e.read_in].citation,
                "kind": e.source_kind.value,
                "locator": e.locator,
                "quote": e.quote,
                "basis": e.basis.value,
            }
            for e in views.network.succ[subject][obj][slug]["evidence"]
        ]
        shown = opened.evaluate(
            """(id) => window.mscGraph.evidence(id).map(r => ({
            study: r.study.id, readIn: r.readIn, kind: r.kind, locator: r.locator, quote: r.quote,
            basis: r.basis}))""",
            edge_id,
        )
        assert shown == expected, edge_id
    # three records merged into one edge; its hover text keeps the hostile label and quote as text
    tip = opened.evaluate("() => window.mscGraph.describe('X:0|increases|X:1').textContent")
    assert tip.startswith(HOSTILE + " increases node 1")
    assert '“<b>bold</b> "said" 1”' in tip
    # one of its records is inferred by its own basis column, which names nothing it was read from
    assert "inferred" in tip and "null" not in tip

    # Search finds the hostile node by its label; the details panel and the hover show it as text.
    page.fill("#search", "<script>")
    page.press("#search", "Enter")
    # focusing zooms in to scale 1.2 (animated; frames are slow with 5,000 edges)
    page.wait_for_function("() => window.mscGraph.network.getScale() >= 1.19", timeout=30_000)
    # ... and the focus animation has also finished moving the view (two polls 200 ms apart agree),
    # or the node's canvas position maps to a stale screen point and the hover lands on an edge
    page.wait_for_function(
        """() => { const p = window.mscGraph.network.getViewPosition();
        const key = p.x.toFixed(2) + ',' + p.y.toFixed(2) + ',' + window.mscGraph.network.getScale();
        const same = window.__lastView === key; window.__lastView = key; return same; }""",
        polling=200,
        timeout=30_000,
    )
    assert opened.evaluate("() => window.mscGraph.network.getSelectedNodes()") == ["X:0"]
    assert str(page.locator("#details").text_content()).startswith(HOSTILE)
    position = opened.evaluate("() => window.mscGraph.network.getPositions(['X:0'])['X:0']")
    assert _hover(opened, [position]).startswith(HOSTILE)
    assert opened.evaluate("() => document.querySelectorAll('script').length") == 3
    assert opened.evaluate("() => document.querySelectorAll('img, iframe, object').length") == 0

    # Re-run layout: one capped batch of physics, after which physics is off again.
    page.click("#relayout")
    page.wait_for_function("() => window.mscGraph.state.stabilized >= 1", timeout=60_000)
    assert opened.evaluate("() => window.mscGraph.network.physics.physicsEnabled") is False
    opened.assert_clean()
