"""The HTML renderer without a browser: what is drawn, how it is escaped, that it is self-contained.

Counts are worked out by hand from tests/data/fixture/graph_data/fixture.yaml
(16 entities, 13 assertions, studies alpha-2020, beta-2021 and the review
ferrini-2025; every piece of evidence was read in ferrini-2025).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from msc_graph.cache import Project
from msc_graph.cli import cli
from msc_graph.filters import EvidenceFilter, build_filter
from msc_graph.model import Context, Entity, EntityType, Evidence, GraphModel, SourceKind, Study
from msc_graph.paths import find_paths
from msc_graph.render.html import (
    LARGE_GRAPH,
    TooltipBuilder,
    VizEdge,
    VizFocus,
    VizGraph,
    VizNode,
    build_paths_graph,
    build_vis_data,
    build_viz_graph,
    expand_types,
    render_graph_html,
    render_paths_html,
)
from msc_graph.views import GraphViews, open_graph

XSS = "<script>alert(1)</script>"


@pytest.fixture()
def views(fixture_project: Project) -> GraphViews:
    return open_graph(fixture_project)


def _draw(views: GraphViews, **focus: object) -> VizGraph:
    return build_viz_graph(views.model, views.network, views.prefixes, VizFocus(**focus))  # type: ignore[arg-type]


def _counts(graph: VizGraph) -> tuple[int, int]:
    return len(graph.nodes), len(graph.edges)


# --- what is drawn ----------------------------------------------------------------------


def test_whole_graph_draws_every_entity_and_one_edge_per_assertion(views: GraphViews) -> None:
    graph = _draw(views)
    # 16 entities (rat, mouse and cci only appear in contexts but are still entities),
    # 13 assertions, each its own subject-predicate-object.
    assert _counts(graph) == (16, 13)
    assert not any(node.group == "study" for node in graph.nodes)
    assert len({edge.id for edge in graph.edges}) == 13


def test_include_studies_adds_a_node_per_study_linked_to_the_entities_it_reports(
        views: GraphViews) -> None:
    graph = _draw(views, include_studies=True)
    # alpha-2020: ev, mir, pw, auto, exo, gfap             = 6 links
    # beta-2021:  pw, auto, micro, fs, gfap, np            = 6 links
    # ferrini-2025: micro, cyt, np, gfap, astro, pain, xss = 7 links
    # 16 + 3 nodes, 13 + 19 edges
    assert _counts(graph) == (19, 32)
    studies = {node.id for node in graph.nodes if node.group == "study"}
    assert studies == {"study:alpha-2020", "study:beta-2021", "study:ferrini-2025"}


def test_around_walks_both_directions_up_to_depth(views: GraphViews) -> None:
    # depth 1 from autophagy: pw -> auto, ev -> auto, auto -> micro.
    assert _counts(_draw(views, around="auto", depth=1)) == (4, 3)
    # depth 2 adds mir, cyt, np; edges among the 7: ev>mir, mir>pw, pw>auto, auto>micro,
    # micro>cyt, cyt>np, ev>auto, micro>np = 8.
    graph = _draw(views, around="auto", depth=2)
    assert _counts(graph) == (7, 8)
    assert {n.id for n in graph.nodes} == {"auto", "pw", "micro", "ev", "mir", "cyt", "np"}


def test_types_keep_nodes_of_those_types_and_factor_means_every_factor_type(
        views: GraphViews) -> None:
    assert expand_types(["factor"]) >= {"factor", "cytokine", "microrna", "marker"}
    # mir (microrna), cyt (cytokine), gfap (marker), xss (factor); no edge joins two of them.
    assert _counts(_draw(views, types=expand_types(["factor"]))) == (4, 0)
    # auto, micro, pain, np; auto -> micro, micro -/- np.
    assert _counts(_draw(views, types=expand_types(["process", "phenotype"]))) == (4, 2)


def test_study_filter_keeps_edges_with_evidence_from_that_study(views: GraphViews) -> None:
    focus_filter = build_filter(views.resolver, {"study": "beta-2021"})
    graph = _draw(views, evidence_filter=focus_filter)
    # beta-2021 supports pw>auto, auto>micro, fs -/- gfap, micro -/- np.
    assert _counts(graph) == (6, 4)
    shared = next(e for e in graph.edges if e.id == "pw|decreases|auto")
    assert "Beta et al., 2021" in shared.html
    assert "Alpha et al., 2020" not in shared.html  # only matching evidence is listed
    assert "1 more piece of evidence outside the filters" in shared.html


def test_seed_and_context_filters(views: GraphViews) -> None:
    ferrini = EvidenceFilter(read_in=frozenset({"ferrini-2025"}))
    # every edge was read in ferrini-2025; rat, mouse and cci lose their (absent) edges.
    assert _counts(_draw(views, evidence_filter=ferrini)) == (13, 13)
    zidan = EvidenceFilter(read_in=frozenset({"zidan-2023"}))
    assert _counts(_draw(views, evidence_filter=zidan)) == (0, 0)
    rat = build_filter(views.resolver, {"species": "rat"})
    # rat evidence: ev>mir, mir>pw, pw>auto, ev>auto, fs -/- gfap.
    assert _counts(_draw(views, evidence_filter=rat)) == (6, 5)
    # around autophagy within the rat evidence: pw and ev.
    assert _counts(_draw(views, evidence_filter=rat, around="auto")) == (3, 2)


def test_edge_kind_follows_sign_and_role_and_width_follows_studies(views: GraphViews) -> None:
    kinds = {edge.id: edge.kind for edge in _draw(views).edges}
    assert kinds["ev|carries|mir"] == "carrier"
    assert kinds["mir|inhibits|pw"] == "decrease"
    assert kinds["micro|increases|cyt"] == "increase"
    assert kinds["fs|no-change|gfap"] == "no-change"
    assert kinds["gfap|marker-of|astro"] == "descriptive"
    data = build_vis_data(_draw(views))
    edges = {edge["id"]: edge for edge in data["edges"]}
    assert edges["pw|decreases|auto"]["n"] == 2
    assert edges["pw|decreases|auto"]["width"] > edges["mir|inhibits|pw"]["width"]
    assert edges["fs|no-change|gfap"]["dashes"]
    assert "dashes" not in edges["mir|inhibits|pw"]


def test_edge_tooltip_lists_predicate_sign_citation_review_locator_and_quote(
        views: GraphViews) -> None:
    edge = next(e for e in _draw(views).edges if e.id == "ev|carries|mir")
    for text in ("contains / carries", "Alpha et al., 2020", "read in Ferrini et al., 2025",
                 "¶1", "Vesicles carry the small RNA", "rat · chronic constriction injury"):
        assert text in edge.html
    hedged = next(e for e in _draw(views).edges if e.id == "cyt|increases|np")
    assert "↑ increases" in hedged.html and "hedged" in hedged.html


# --- escaping ---------------------------------------------------------------------------


def test_fixture_script_label_is_escaped_everywhere(views: GraphViews) -> None:
    graph = _draw(views, include_studies=True)
    node = next(n for n in graph.nodes if n.id == "xss")
    assert node.label == XSS  # plain text for the canvas, never inserted as HTML
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in node.html
    for item in [*graph.nodes, *graph.edges]:
        assert "<script" not in item.html.lower()
    page = render_graph_html(graph)
    # The only script elements are the page's own three (data, vis-network, app).
    assert _script_tags(page) == 3
    assert XSS not in page


def test_tooltips_escape_every_value_and_link_only_http_iris() -> None:
    hostile = '"><img src=x onerror=alert(1)>'
    model = GraphModel(
        entities={
            "a": Entity("a", f"A {hostile}", EntityType.FACTOR, synonyms=(hostile,),
                        xrefs=("GO:0001", "EVIL:1", f"GO:{hostile}"), is_a=("b",)),
            "b": Entity("b", f"B {hostile}", EntityType.PROCESS),
        },
        studies={"s": Study("s", f"S {hostile}", title=hostile, doi=f"10.1/{hostile}",
                            pmid="1&2")},
        assertions=(),
    )
    tips = TooltipBuilder(model, {"GO": "http://purl.obolibrary.org/obo/GO_",
                                  "EVIL": "javascript:alert(1)//"})
    evidence = Evidence("s", "s", SourceKind.PROSE, hostile, f"quote {hostile} </script>",
                        context=Context(strain=hostile, species="b"))
    fragments = [tips.entity("a", 1), tips.study("s", 1),
                 tips.edge("a", "increases", "b", 1, "causal", (evidence,))]
    for fragment in fragments:
        assert "<img" not in fragment and "</script" not in fragment
        assert "javascript:" not in fragment
    entity_html = fragments[0]
    assert '<a href="http://purl.obolibrary.org/obo/GO_0001"' in entity_html
    assert "EVIL:1" in entity_html  # shown, but not as a link
    hrefs = re.findall(r'href="([^"]*)"', "".join(fragments))
    assert hrefs and all(h.startswith(("http://", "https://")) and "<" not in h for h in hrefs)


def test_graph_data_json_cannot_close_its_script_block() -> None:
    graph = VizGraph("t", (VizNode("n", "</script><script>alert(1)</script>&", "factor",
                                   "<b>x</b>", ("\u2028",)),), ())
    page = render_graph_html(graph)
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page,
                      re.S)
    assert block is not None
    assert not set(block.group(1)) & {"<", ">", "&", "\u2028"}
    data = json.loads(block.group(1))
    assert data["nodes"][0]["label"] == "</script><script>alert(1)</script>&"


# --- self-contained ---------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _script_tags(page: str) -> int:
    parser = _Tags()
    parser.feed(page)
    return sum(tag == "script" for tag, _attrs in parser.tags)


def _external(value: str) -> bool:
    return bool(re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", value, re.I)) and not value.startswith(
        "data:")


@pytest.mark.parametrize("include_studies", [False, True])
def test_page_loads_nothing_from_outside(views: GraphViews, include_studies: bool) -> None:
    page = render_graph_html(_draw(views, include_studies=include_studies))
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in {"link", "iframe", "img", "object", "embed", "base"}, tag
        for name in ("src", "href", "srcset", "data", "action", "poster"):
            value = attrs.get(name)
            assert value is None or not _external(value), (tag, name, value)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert styles and not any(re.search(r"@import|url\(\s*['\"]?(https?:|//)", s) for s in styles)
    for marker in ("cdn.", "cdnjs", "jsdelivr", "unpkg", "googleapis", "bootstrap", "sourceMappingURL"):
        assert marker not in page
    # The CSP allows exactly the two inline scripts, by hash, and nothing from outside.
    policy = next(a["content"] for t, a in parser.tags
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy and "unsafe" not in policy.split(
        "style-src")[0]
    for source in parser.scripts[1:]:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_large_graph_gets_precomputed_positions_and_no_physics() -> None:
    n = LARGE_GRAPH + 200
    nodes = tuple(VizNode(f"n{i}", f"node {i}", ("factor", "process", "pathway")[i % 3], "x")
                  for i in range(n))
    edges = tuple(VizEdge(f"e{i}", f"n{i}", f"n{(i * 7 + 1) % n}", "no-change", 1, "x")
                  for i in range(n))
    data = build_vis_data(VizGraph("big", nodes, edges))
    assert data["large"] and not data["options"]["physics"]["enabled"]
    assert all("x" in node and "y" in node for node in data["nodes"])
    assert len({(node["x"], node["y"]) for node in data["nodes"]}) == n
    assert not any("dashes" in edge for edge in data["edges"])
    small = build_vis_data(VizGraph("small", nodes[:50], ()))
    assert small["options"]["physics"]["stabilization"]["enabled"]
    assert not any("x" in node for node in small["nodes"])


# --- paths page and CLI -----------------------------------------------------------------


def test_paths_page_draws_only_the_chains(views: GraphViews) -> None:
    targets = list(views.resolver.iter_descendants(["pain"]))
    search = find_paths(views.network, ["ev"], targets, max_hops=6)
    assert search.paths
    graph = build_paths_graph(views.model, search, views.prefixes)
    chain_nodes = {n for path in search.paths for n in path.nodes}
    chain_hops = {(h.subject, h.predicate, h.object) for path in search.paths for h in path.hops}
    assert {node.id for node in graph.nodes} == chain_nodes
    assert {tuple(edge.id.split("|")) for edge in graph.edges} == chain_hops
    assert len(graph.chains) == len(search.paths)
    assert {n.role for n in graph.nodes if n.id == "ev"} == {"source"}
    assert render_paths_html(views.model, search).startswith("<!DOCTYPE html>")


def test_viz_command_writes_the_page(fixture_project: Project, runner: CliRunner,
                                     tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.html"
    result = runner.invoke(cli, ["viz", "-o", str(out), "--around", "autophagy", "--depth", "1",
                                 "--type", "process", "--type", "pathway",
                                 "--type", "secretome-component", "--seed", "ferrini-2025"])
    assert result.exit_code == 0, result.output
    assert "(4 nodes, 3 edges)" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_viz_command_fails_cleanly_and_leaves_no_file(fixture_project: Project, runner: CliRunner,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pages"
    out = folder / "graph.html"
    result = runner.invoke(cli, ["viz", "-o", str(out), "--around", "no such thing"])
    assert result.exit_code == 2 and not out.exists()
    folder.mkdir(exist_ok=True)
    out.write_text("old page", encoding="utf-8")

    def broken(payload: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("msc_graph.render.html._encode_json", broken)
    result = runner.invoke(cli, ["viz", "-o", str(out)])
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in folder.iterdir()] == ["graph.html"]  # no temporary left behind


def test_real_graph_page_draws_the_whole_network(real_project: Project) -> None:
    views = open_graph(real_project)
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    assert len(graph.nodes) == views.network.number_of_nodes()
    assert len(graph.edges) == views.network.number_of_edges()
    assert _script_tags(render_graph_html(graph)) == 3


def test_viz_draws_a_neighbourhood_of_an_imported_graph(fixture_project: Project,
                                                        runner: CliRunner,
                                                        tmp_path: Path) -> None:
    # Imported graphs open as a compact network, not networkx; viz walks it the same way.
    kgx = tmp_path / "kgx"
    kgx.mkdir()
    (kgx / "nodes.tsv").write_text("id\tname\tcategory\nHGNC:1\tVEGFA\tbiolink:Gene\n"
                                   f"HGNC:2\t{XSS}\tbiolink:Gene\n"
                                   "MONDO:1\tpain disorder\tbiolink:Disease\n", encoding="utf-8")
    (kgx / "edges.tsv").write_text("subject\tpredicate\tobject\tprimary_knowledge_source\n"
                                   "HGNC:1\tbiolink:positively_correlated_with\tHGNC:2\tinfores:x\n"
                                   "HGNC:2\tbiolink:causes\tMONDO:1\tinfores:x\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(kgx), "--name", "tiny", "--quiet"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "tiny.html"
    result = runner.invoke(cli, ["viz", "--graph", "tiny", "--around", "HGNC:1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "(2 nodes, 1 edge)" in result.output
    page = out.read_text(encoding="utf-8")
    assert XSS not in page and _script_tags(page) == 3
