"""The HTML pages in a real browser: Debian's chromium driven by playwright, fully offline.

Every request that is not file:// is aborted and recorded; each test asserts
none was attempted, no console error was logged and no dialog opened. Counts
are the hand-worked ones of tests/test_html.py (fixture: 16 entities, 13
assertions, 3 studies).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from msc_graph.cache import Project
from msc_graph.paths import find_paths
from msc_graph.render.html import VizFocus, build_viz_graph, render_graph_html, render_paths_html
from msc_graph.views import open_graph

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: browser tests need Debian's chromium (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


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
        page.wait_for_timeout(150)
        if page.locator("#tooltip").is_visible():
            return str(page.locator("#tooltip").text_content())
    return ""


def test_fixture_page_draws_every_node_and_edge_offline(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (16, 13)
    assert (drawn["dataNodes"], drawn["dataEdges"]) == (16, 13)
    assert "study" not in drawn["groups"]
    assert opened.page.locator("#status").text_content() == "16 nodes, 13 edges"
    # physics settled, then was switched off so the page stops working
    assert opened.evaluate("() => window.mscGraph.network.physics.physicsEnabled") is False
    opened.assert_clean()


def test_studies_are_drawn_only_when_asked(fixture_project: Project, tmp_path: Path,
                                           open_page: Any) -> None:
    views = open_graph(fixture_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes,
                            VizFocus(include_studies=True))
    opened = open_page(_write(tmp_path, "studies.html", render_graph_html(graph)))
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (19, 32)
    assert "study" in drawn["groups"]
    opened.assert_clean()


def test_edge_tooltip_shows_its_quote_on_hover(fixture_page: Path, open_page: Any) -> None:
    opened = open_page(fixture_page)
    edge_id = "ev|carries|mir"
    assert "Vesicles carry the small RNA" in opened.evaluate(
        "(id) => window.mscGraph.edges.get(id).html", edge_id)
    ends = opened.evaluate("() => window.mscGraph.network.getPositions(['ev', 'mir'])")
    a, b = ends["ev"], ends["mir"]
    points = [{"x": a["x"] + (b["x"] - a["x"]) * t, "y": a["y"] + (b["y"] - a["y"]) * t}
              for t in (0.5, 0.4, 0.6, 0.3, 0.7)]
    text = _hover(opened, points)
    assert "Vesicles carry the small RNA" in text
    assert "Alpha et al., 2020" in text and "¶1" in text
    opened.assert_clean()


def test_script_label_renders_as_text_and_runs_nothing(fixture_page: Path,
                                                       open_page: Any) -> None:
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
    page.wait_for_timeout(600)
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
    page.wait_for_timeout(600)
    assert opened.evaluate("() => window.mscGraph.network.getSelectedNodes()") == ["pw"]
    # hiding processes hides autophagy, microglial activation and their 5 edges
    # (pw>auto, ev>auto, auto>micro, micro>cyt, micro -/- np)
    page.uncheck("#types input[data-type=process]")
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (14, 8)
    page.check("#types input[data-type=process]")
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (16, 13)
    opened.assert_clean()


def test_paths_page_draws_and_highlights_the_chains(fixture_project: Project, tmp_path: Path,
                                                    open_page: Any) -> None:
    views = open_graph(fixture_project)
    targets = list(views.resolver.iter_descendants(["pain"]))
    search = find_paths(views.network, ["ev"], targets, max_hops=6)
    opened = open_page(_write(tmp_path, "paths.html", render_paths_html(views.model, search)))
    nodes = {n for path in search.paths for n in path.nodes}
    hops = {(h.subject, h.predicate, h.object) for path in search.paths for h in path.hops}
    drawn = opened.evaluate(DRAWN)
    assert (drawn["nodes"], drawn["edges"]) == (len(nodes), len(hops))
    assert opened.page.locator("#chains li").count() == len(search.paths)
    opened.page.wait_for_timeout(200)
    selected = opened.evaluate("() => window.mscGraph.network.getSelectedNodes()")
    assert set(selected) == set(search.paths[0].nodes)
    opened.assert_clean()


def test_real_graph_page_draws_the_whole_network(real_project: Project, tmp_path: Path,
                                                 open_page: Any) -> None:
    views = open_graph(real_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    opened = open_page(_write(tmp_path, "real.html", render_graph_html(graph)))
    drawn = opened.evaluate(DRAWN)
    assert drawn["nodes"] == views.network.number_of_nodes()
    assert drawn["edges"] == views.network.number_of_edges()
    opened.assert_clean()


def test_harness_catches_outside_requests_and_dialogs(tmp_path: Path, open_page: Any) -> None:
    # Guard the guard: a page that loads from outside and opens a dialog must be caught.
    page = _write(tmp_path, "bad.html",
                  '<img src="https://example.invalid/x.png"><script>alert("hi");'
                  'document.body.setAttribute("data-ready", "true")</script>')
    opened = open_page(page)
    opened.page.wait_for_timeout(300)
    assert opened.outside == ["https://example.invalid/x.png"]
    assert opened.dialogs == ["hi"]
