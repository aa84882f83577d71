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
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.interop.imported import open_imported
from msc_graph.model import Context, Entity, EntityType, Evidence, GraphModel, SourceKind, Study
from msc_graph.query.filters import EvidenceFilter, build_filter
from msc_graph.query.paths import find_paths
from msc_graph.query.subgraph import VizFocus, expand_types
from msc_graph.render.html import (
    FLOW_MAX,
    LARGE_GRAPH,
    OVERVIEW_NODES,
    NodeColumns,
    PageBuilder,
    VizGraph,
    build_imported_viz_graph,
    build_paths_graph,
    build_vis_data,
    build_viz_graph,
    choose_layout,
    describe_predicate,
    render_contradictions_html,
    render_graph_html,
    render_heatmap_html,
    render_page,
    render_paths_html,
)
from msc_graph.views import GraphViews, open_graph

from .conftest import ROOT

XSS = "<script>alert(1)</script>"


@pytest.fixture()
def views(fixture_project: Project) -> GraphViews:
    return open_graph(fixture_project)


def _draw(views: GraphViews, **focus: object) -> VizGraph:
    return build_viz_graph(views.model, views.network, views.prefixes, VizFocus(**focus))  # type: ignore[arg-type]


def _counts(graph: VizGraph) -> tuple[int, int]:
    return len(graph.nodes), len(graph.edges)


def _edge_ids(graph: VizGraph) -> list[str]:
    return [graph.edge_id(i) for i in range(len(graph.edges))]


def _evidence(graph: VizGraph, edge_id: str) -> list[dict[str, object]]:
    """The evidence rows one edge's tooltip lists, with study and review citations resolved."""
    refs = graph.edges.evidence[_edge_ids(graph).index(edge_id)]
    rows = [graph.evidence[k] for k in (refs if isinstance(refs, list) else [refs])]
    return [
        {
            "citation": graph.studies[r[0]][1],
            "read_in": graph.studies[r[1]][1],
            "kind": r[2],
            "locator": r[3],
            "quote": r[4],
            "basis": r[5],
            "context": r[6],
            "inferred_from": r[7],
        }
        for r in rows
    ]


# --- what is drawn ----------------------------------------------------------------------


def test_whole_graph_draws_every_entity_and_one_edge_per_assertion(views: GraphViews) -> None:
    graph = _draw(views)
    # 17 entities (rat, mouse and cci only appear in contexts but are still entities),
    # 16 assertions, each its own subject-predicate-object.
    assert _counts(graph) == (17, 16)
    assert "study" not in graph.nodes.groups
    assert len(set(_edge_ids(graph))) == 16


def test_include_studies_adds_a_node_per_study_linked_to_the_entities_it_reports(views: GraphViews) -> None:
    graph = _draw(views, include_studies=True)
    # alpha-2020: ev, mir, pw, auto, exo, gfap, fs, tgf               = 8 links
    # beta-2021:  pw, auto, micro, fs, gfap, np, tgf, astro             = 8 links
    # ferrini-2025: micro, cyt, np, gfap, astro, pain, xss              = 7 links
    # 17 + 3 nodes, 16 + 23 edges
    assert _counts(graph) == (20, 39)
    studies = {i for i, group in zip(graph.nodes.ids, graph.nodes.groups, strict=True) if group == "study"}
    assert studies == {"study:alpha-2020", "study:beta-2021", "study:ferrini-2025"}
    # a study node's tooltip is its study record; its edges carry no evidence of their own
    alpha = graph.nodes.ids.index("study:alpha-2020")
    assert graph.studies[graph.nodes.details[alpha]["study"]][:2] == ["alpha-2020", "Alpha et al., 2020"]
    assert graph.edges.evidence[_edge_ids(graph).index("study:alpha-2020|reports|mir")] == []


def test_around_walks_both_directions_up_to_depth(views: GraphViews) -> None:
    # depth 1 from autophagy: pw -> auto, ev -> auto, auto -> micro.
    assert _counts(_draw(views, around="auto", depth=1)) == (4, 3)
    # depth 2 adds mir, cyt, np; edges among the 7: ev>mir, mir>pw, pw>auto, auto>micro,
    # micro>cyt, cyt>np, ev>auto, micro>np = 8.
    graph = _draw(views, around="auto", depth=2)
    assert _counts(graph) == (7, 8)
    assert set(graph.nodes.ids) == {"auto", "pw", "micro", "ev", "mir", "cyt", "np"}
    assert graph.nodes.details[graph.nodes.ids.index("auto")]["role"] == "source"


def test_types_keep_nodes_of_those_types_and_factor_means_every_factor_type(views: GraphViews) -> None:
    assert expand_types(["factor"]) >= {"factor", "cytokine", "microrna", "marker"}
    # mir (microrna), cyt and tgf (cytokines), gfap (marker), xss (factor); no edge joins two of
    # them, so none is drawn (a page of isolated dots shows nothing) and the subtitle says so.
    factors = _draw(views, types=expand_types(["factor"]))
    assert _counts(factors) == (0, 0)
    assert "5 node(s) with no edge among these types not drawn" in factors.subtitle
    # auto, micro, pain, np; auto -> micro, micro -/- np: pain has no edge among them.
    graph = _draw(views, types=expand_types(["process", "phenotype"]))
    assert _counts(graph) == (3, 2) and set(graph.nodes.ids) == {"auto", "micro", "np"}
    assert graph.flow  # a focus page: laid out in mechanism columns


def test_study_filter_keeps_edges_with_evidence_from_that_study(views: GraphViews) -> None:
    focus_filter = build_filter(views.resolver, {"study": "beta-2021"})
    graph = _draw(views, evidence_filter=focus_filter)
    # beta-2021 supports pw>auto, auto>micro, fs -/- gfap, micro -/- np, fs>tgf, tgf>astro.
    assert _counts(graph) == (8, 6)
    shared = _evidence(graph, "pw|decreases|auto")
    assert [row["citation"] for row in shared] == ["Beta et al., 2021"]  # only matching evidence
    # 1 left out of each: alpha's record of pw>auto, alpha's inferred record of fs>tgf
    assert graph.edges.hidden == {
        _edge_ids(graph).index("pw|decreases|auto"): 1,
        _edge_ids(graph).index("fs|increases|tgf"): 1,
    }


def test_seed_and_context_filters(views: GraphViews) -> None:
    ferrini = EvidenceFilter(read_in=frozenset({"ferrini-2025"}))
    # every edge was read in ferrini-2025; rat, mouse and cci lose their (absent) edges.
    assert _counts(_draw(views, evidence_filter=ferrini)) == (14, 16)
    zidan = EvidenceFilter(read_in=frozenset({"zidan-2023"}))
    assert _counts(_draw(views, evidence_filter=zidan)) == (0, 0)
    rat = build_filter(views.resolver, {"species": "rat"})
    # rat evidence: ev>mir, mir>pw, pw>auto, ev>auto, fs -/- gfap; and the general evidence,
    # which states no context at all and so passes: micro>cyt, cyt>np, micro -/- np,
    # cyt~pain, gfap>astro, xss>astro, exo part-of fs, fs>tgf, tgf>astro (14 edges). Left out:
    # auto>micro (mouse) and exo>gfap (healthy mouse). Nodes: all but rat, mouse and cci.
    assert _counts(_draw(views, evidence_filter=rat)) == (14, 14)
    # around autophagy within the rat evidence: pw and ev (auto>micro is mouse only).
    assert _counts(_draw(views, evidence_filter=rat, around="auto")) == (3, 2)


def test_edge_kind_follows_sign_and_role(views: GraphViews) -> None:
    graph = _draw(views)
    kinds = {graph.edge_id(i): graph.edge_kind(i) for i in range(len(graph.edges))}
    assert kinds["ev|carries|mir"] == "carrier"
    assert kinds["mir|inhibits|pw"] == "decrease"
    assert kinds["micro|increases|cyt"] == "increase"
    assert kinds["fs|no-change|gfap"] == "no-change"
    assert kinds["gfap|marker-of|astro"] == "descriptive"
    assert describe_predicate("cyt-is-not-a-predicate")[2] == "descriptive"
    # two studies behind pw -> auto (the page draws it wider), one behind mir -> pw
    assert {row["citation"] for row in _evidence(graph, "pw|decreases|auto")} == {
        "Alpha et al., 2020",
        "Beta et al., 2021",
    }
    assert len(_evidence(graph, "mir|inhibits|pw")) == 1


def test_edge_evidence_has_predicate_sign_citation_review_locator_quote_and_context(
    views: GraphViews,
) -> None:
    graph = _draw(views)
    assert describe_predicate("carries")[1:] == ("contains / carries", "carrier", "carrier")
    assert _evidence(graph, "ev|carries|mir") == [
        {
            "citation": "Alpha et al., 2020",
            "read_in": "Ferrini et al., 2025",
            "kind": "prose",
            "locator": "¶1",
            "quote": "Vesicles carry the small RNA",
            "basis": "stated",
            "context": "rat · chronic constriction injury · vesicles · in-vivo",
            "inferred_from": None,
        }
    ]
    assert describe_predicate("increases")[3] == "↑ increases"
    assert _evidence(graph, "cyt|increases|np")[0]["basis"] == "hedged"
    inferred = [row for row in _evidence(graph, "fs|increases|tgf") if row["basis"] == "inferred"]
    assert [row["inferred_from"] for row in inferred] == [
        "row 2 lists the medium among the preparations and TGF-beta among the effects"
    ]
    # no edge rests on inferred evidence alone here (fs>tgf has beta's stated record too)
    assert graph.count_inferred_edges() == 0
    # evidence shared by edges is written once: rows are referenced, not repeated
    assert len(graph.evidence) == len({tuple(map(str, row)) for row in graph.evidence})


# --- escaping ---------------------------------------------------------------------------


def test_fixture_script_label_is_escaped_everywhere(views: GraphViews) -> None:
    graph = _draw(views, include_studies=True)
    # plain text in the data: the canvas draws it and the page sets it as textContent
    assert graph.nodes.labels[graph.nodes.ids.index("xss")] == XSS
    page = render_graph_html(graph)
    # The only script elements are the page's own three (data, vis-network, app).
    assert _script_tags(page) == 3
    assert XSS not in page
    # the app script builds tooltips with createElement / textContent: nothing is parsed as HTML
    app = page.split("<script>")[-1]
    assert "createElement" in app
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", app)


def test_links_are_only_http_iris_and_hostile_values_stay_data() -> None:
    hostile = '"><img src=x onerror=alert(1)>'
    model = GraphModel(
        entities={
            "a": Entity(
                "a",
                f"A {hostile}",
                EntityType.FACTOR,
                synonyms=(hostile,),
                xrefs=("GO:0001", "EVIL:1", f"GO:{hostile}"),
                is_a=("b",),
            ),
            "b": Entity("b", f"B {hostile}", EntityType.PROCESS),
        },
        studies={"s": Study("s", f"S {hostile}", title=hostile, doi=f"10.1/{hostile}", pmid="1&2")},
        assertions=(),
    )
    graph = _hostile_graph(model)
    xrefs = graph.nodes.details[0]["xref"]
    assert xrefs[0] == ["GO:0001", "http://purl.obolibrary.org/obo/GO_0001"]
    assert xrefs[1] == ["EVIL:1", None]  # shown, but not as a link: its IRI is javascript:
    links = [iri for _, iri in graph.studies[graph.nodes.details[2]["study"]][5]]
    assert links == [  # PubMed first, then the DOI (query.payloads.study_links)
        "https://pubmed.ncbi.nlm.nih.gov/1%262/",
        "https://doi.org/10.1/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    ]
    # the page sets these as an <a>'s href property (never as markup): only the scheme matters
    iris = [iri for _, iri in xrefs if iri] + links
    assert len(iris) == 4 and all(i.startswith(("http://", "https://")) for i in iris)
    page = render_graph_html(graph)
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert block is not None and "javascript:" not in block.group(1)
    assert "<img" not in page and _script_tags(page) == 3


def _hostile_graph(model: GraphModel) -> VizGraph:
    """Nodes a, b, the study s, and one edge whose every evidence field is hostile."""
    hostile = '"><img src=x onerror=alert(1)>'
    graph = VizGraph("hostile")
    page = PageBuilder(
        model, {"GO": "http://purl.obolibrary.org/obo/GO_", "EVIL": "javascript:alert(1)//"}, graph
    )
    page.add_entity("a")
    page.add_entity("b")
    page.add_study("s")
    evidence = Evidence(
        "s",
        "s",
        SourceKind.PROSE,
        hostile,
        f"quote {hostile} </script>",
        context=Context(strain=hostile, species="b"),
    )
    page.add_edge("a", "increases", "b", (evidence,))
    return graph


def test_graph_data_json_cannot_close_its_script_block() -> None:
    graph = VizGraph(
        "t", NodeColumns(["n"], ["</script><script>alert(1)</script>&"], ["factor"], {0: {"syn": ["\u2028"]}})
    )
    page = render_graph_html(graph)
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert block is not None
    assert not set(block.group(1)) & {"<", ">", "&", "\u2028"}
    data = json.loads(block.group(1))
    assert data["nodes"]["label"] == ["</script><script>alert(1)</script>&"]


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
    return bool(re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", value, re.I)) and not value.startswith("data:")


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
    policy = next(
        a["content"]
        for t, a in parser.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert (
        policy is not None and "default-src 'none'" in policy and "unsafe" not in policy.split("style-src")[0]
    )
    for source in parser.scripts[1:]:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_every_page_is_drawn_in_the_one_page_shell(views: GraphViews) -> None:
    from msc_graph.analysis.compare import build_comparison, comparison_payload
    from msc_graph.analysis.contradiction_payloads import report_payload
    from msc_graph.analysis.contradictions import find_contradictions

    model = views.model
    search = find_paths(views.network, ["ev"], list(views.resolver.iter_descendants(["pain"])), max_hops=6)
    gfap = views.resolver.resolve("GFAP").id
    pages = {
        "graph": render_graph_html(_draw(views)),
        "paths": render_paths_html(model, search),
        "contradictions": render_contradictions_html(report_payload(model, find_contradictions(model))),
        "heat map": render_heatmap_html(comparison_payload(model, build_comparison(model, gfap, "species"))),
    }
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; '
    )
    for name, page in pages.items():
        assert page.startswith(head) and page.endswith("</body>\n</html>\n"), name
        assert page.count("<style>") == 1 and page.count("<body>") == 1, name
    # The analysis pages run no script, and their policy allows none.
    for name in ("contradictions", "heat map"):
        assert _script_tags(pages[name]) == 0 and "script-src" not in pages[name], name


def test_page_shell_refuses_text_that_would_end_its_block() -> None:
    assert "<b>" in render_page("t", "<b>fine</b>\n", style="b { color: red; }\n", scripts=["var a = 1;"])
    with pytest.raises(ValueError):
        render_page("t", "", style="", scripts=["var a = '</SCRIPT>';"])
    with pytest.raises(ValueError):
        render_page("t", "", style="b {} </style><script>alert(1)</script>")


def test_page_style_and_script_ship_as_package_data() -> None:
    import tomllib

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["msc_graph"]
    package = ROOT / "src" / "msc_graph"
    static = sorted((package / "render" / "html" / "static").iterdir())
    assert {"app.js", "page.css"} <= {path.name for path in static}
    for path in static:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in globs), relative


def test_layout_follows_what_the_page_draws(views: GraphViews) -> None:
    assert choose_layout(_draw(views)) == "force"  # 17 nodes, the whole graph
    assert choose_layout(_draw(views, around="auto")) == "flow"
    n = OVERVIEW_NODES + 1
    whole = VizGraph("whole", NodeColumns([f"n{i}" for i in range(n)], ["x"] * n, ["factor"] * n))
    assert choose_layout(whole) == "overview"
    whole.flow = True  # a focus of up to FLOW_MAX nodes reads left to right ...
    assert choose_layout(whole) == "flow"
    many = VizGraph("many", NodeColumns([f"n{i}" for i in range(FLOW_MAX + 1)], ["x"] * (FLOW_MAX + 1)))
    many.nodes.groups = ["factor"] * (FLOW_MAX + 1)
    many.flow = True  # ... a larger one opens folded, like the whole graph
    assert choose_layout(many) == "overview"
    assert build_vis_data(many)["layout"] == "overview"
    flow = build_vis_data(whole)  # placed by the page: no physics, no stabilisation
    assert flow["layout"] == "flow" and not flow["options"]["physics"]["enabled"]


def test_large_graph_starts_without_physics_and_draws_edges_plainly() -> None:
    n = LARGE_GRAPH + 200
    graph = VizGraph(
        "big",
        NodeColumns(
            [f"n{i}" for i in range(n)],
            [f"node {i}" for i in range(n)],
            [("factor", "process", "pathway")[i % 3] for i in range(n)],
        ),
    )
    graph.edges.sources = list(range(n))
    graph.edges.targets = [(i * 7 + 1) % n for i in range(n)]
    graph.edges.predicates = ["no-change"] * n
    graph.edges.evidence = [[] for _ in range(n)]
    data = build_vis_data(graph)
    # the page places the nodes itself (tests/test_browser.py) and never starts physics
    assert data["large"] and data["heavy"] and not data["options"]["physics"]["enabled"]
    assert not data["options"]["physics"]["stabilization"]["enabled"]
    # a re-layout is one capped batch: 1,200 nodes -> 150,000 // 1,200 = 125 iterations
    assert data["options"]["physics"]["stabilization"]["iterations"] == 125
    small = build_vis_data(VizGraph("small", NodeColumns(["a"], ["a"], ["factor"])))
    assert not small["large"] and small["options"]["physics"]["enabled"]
    assert small["options"]["physics"]["stabilization"]["iterations"] == 1000


# --- paths page and CLI -----------------------------------------------------------------


def test_paths_page_draws_only_the_chains(views: GraphViews) -> None:
    targets = list(views.resolver.iter_descendants(["pain"]))
    search = find_paths(views.network, ["ev"], targets, max_hops=6)
    assert search.paths
    graph = build_paths_graph(views.model, search, views.prefixes)
    chain_nodes = {n for path in search.paths for n in path.nodes}
    chain_hops = {(h.subject, h.predicate, h.object) for path in search.paths for h in path.hops}
    assert set(graph.nodes.ids) == chain_nodes
    assert {tuple(edge_id.split("|")) for edge_id in _edge_ids(graph)} == chain_hops
    assert len(graph.chains) == len(search.paths)
    assert {e for chain in graph.chains for e in chain.edges} <= set(_edge_ids(graph))
    assert graph.nodes.details[graph.nodes.ids.index("ev")]["role"] == "source"
    assert graph.edge_labels
    assert render_paths_html(views.model, search).startswith("<!DOCTYPE html>")


def test_viz_command_writes_the_page(fixture_project: Project, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.html"
    result = runner.invoke(
        cli,
        [
            "viz",
            "-o",
            str(out),
            "--around",
            "autophagy",
            "--depth",
            "1",
            "--type",
            "process",
            "--type",
            "pathway",
            "--type",
            "secretome-component",
            "--seed",
            "ferrini-2025",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "(4 nodes, 3 edges)" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_viz_command_fails_cleanly_and_leaves_no_file(
    fixture_project: Project, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "pages"
    out = folder / "graph.html"
    result = runner.invoke(cli, ["viz", "-o", str(out), "--around", "no such thing"])
    assert result.exit_code == 2 and not out.exists()
    folder.mkdir(exist_ok=True)
    out.write_text("old page", encoding="utf-8")

    def broken(payload: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr("msc_graph.render.html.graph.encode_json", broken)
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


def test_viz_draws_a_neighbourhood_of_an_imported_graph(
    fixture_project: Project, runner: CliRunner, tmp_path: Path
) -> None:
    # Imported graphs open as a compact network, not networkx; viz walks it the same way.
    kgx = tmp_path / "kgx"
    kgx.mkdir()
    (kgx / "nodes.tsv").write_text(
        "id\tname\tcategory\nHGNC:1\tVEGFA\tbiolink:Gene\n"
        f"HGNC:2\t{XSS}\tbiolink:Gene\n"
        "MONDO:1\tpain disorder\tbiolink:Disease\n",
        encoding="utf-8",
    )
    (kgx / "edges.tsv").write_text(
        "subject\tpredicate\tobject\tprimary_knowledge_source\n"
        "HGNC:1\tbiolink:positively_correlated_with\tHGNC:2\tinfores:x\n"
        "HGNC:2\tbiolink:causes\tMONDO:1\tinfores:x\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["import", str(kgx), "--name", "tiny", "--quiet"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "tiny.html"
    result = runner.invoke(cli, ["viz", "--graph", "tiny", "--around", "HGNC:1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "(2 nodes, 1 edge)" in result.output
    page = out.read_text(encoding="utf-8")
    assert XSS not in page and _script_tags(page) == 3


def _import_kgx(runner: CliRunner, tmp_path: Path, name: str = "kgx") -> None:
    """Import three nodes and four edge records, two of which are one edge (same s, p, o)."""
    kgx = tmp_path / "kgx"
    kgx.mkdir()
    (kgx / "nodes.tsv").write_text(
        "id\tname\tcategory\tsynonym\n"
        "HGNC:1\tVEGFA\tbiolink:Gene\tVEGF\n"
        f"HGNC:2\t{XSS}\tbiolink:Gene\t\n"
        "MONDO:1\tpain disorder\tbiolink:Disease\t\n",
        encoding="utf-8",
    )
    (kgx / "edges.tsv").write_text(
        "id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tpublications\tsupporting_text\t"
        "knowledge_level\tprimary_knowledge_source\n"
        "e1\tHGNC:1\tbiolink:affects\tHGNC:2\tincreased\tPMID:1|PMID:2\tVEGFA raises it\t"
        "prediction\tinfores:x\n"
        "e2\tHGNC:1\tbiolink:affects\tHGNC:2\tincreased\t\t\tknowledge_assertion\tinfores:y\n"
        "e3\tHGNC:2\tbiolink:causes\tMONDO:1\t\t\t\t\tinfores:x\n"
        "e4\tMONDO:1\tbiolink:related_to\tHGNC:1\t\t\t\t\t\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["import", str(kgx), "--name", name, "--quiet"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("name", "origin"), [("graph.ttl", "graph.ttl triple"), ("graph.nt", "graph.nt line")]
)
def test_page_records_locate_like_get_evidence(
    name: str, origin: str, fixture_project: Project, runner: CliRunner, tmp_path: Path
) -> None:
    # The page formats each record's locator itself; it starts from the import's record_origin,
    # so a Turtle import counts triples on the page as get_evidence does (it once said "line").
    source = tmp_path / name
    if name.endswith(".ttl"):
        source.write_text("@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\n", encoding="utf-8")
    else:
        source.write_text("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    assert runner.invoke(cli, ["import", str(source), "--name", "one", "--quiet"]).exit_code == 0
    views = open_imported("one", fixture_project)
    records = build_imported_viz_graph(views.graph, views.prefixes).records
    assert records is not None and records.origin == origin
    (evidence,) = views.graph.get_evidence(0)
    assert evidence.locator.startswith(f"{records.origin} {records.lines[0]};")
    assert "records.origin + " in render_graph_html(build_imported_viz_graph(views.graph, views.prefixes))


def test_imported_graph_from_records_draws_what_the_network_route_draws(
    fixture_project: Project, runner: CliRunner, tmp_path: Path
) -> None:
    _import_kgx(runner, tmp_path)
    views = open_imported("kgx", fixture_project)
    for focus in (VizFocus(), VizFocus(types=frozenset({"factor"}))):
        fast = build_imported_viz_graph(views.graph, views.prefixes, focus)
        slow = build_viz_graph(views.model, views.network, views.prefixes, focus)
        assert fast.records is not None and slow.records is None
        for graph in (fast, slow):  # both routes: the same nodes and edges, in any order
            graph.title = ""
        assert sorted(zip(fast.nodes.ids, fast.nodes.labels, fast.nodes.groups, strict=True)) == sorted(
            zip(slow.nodes.ids, slow.nodes.labels, slow.nodes.groups, strict=True)
        )
        assert sorted(_edge_ids(fast)) == sorted(_edge_ids(slow))
    whole = build_imported_viz_graph(views.graph, views.prefixes)
    # 4 records, 3 edges: e1 and e2 are both HGNC:1 affects (increased) -> increases HGNC:2
    assert _counts(whole) == (3, 3)
    assert whole.edges.evidence == [[0, 1], 2, 3]
    assert whole.records is not None and whole.records.lines == [2, 3, 4, 5]
    assert (
        whole.records.provenance[0]
        == "e1\tinfores:x\tPMID:1|PMID:2\tVEGFA raises it\tprediction\tincreased\t\t"  # no bases, no units
    )
    assert whole.nodes.details[0] == {"syn": ["VEGF"]}
    # only the factor types: the disease and its two edges go
    factors = build_imported_viz_graph(views.graph, views.prefixes, VizFocus(types=expand_types(["factor"])))
    assert _counts(factors) == (2, 1) and factors.records is not None
    assert factors.records.lines == [2, 3]
    # a focus that needs each piece of evidence goes through the network route
    around = build_imported_viz_graph(views.graph, views.prefixes, VizFocus(around="HGNC:1"))
    assert around.records is None and _counts(around) == (3, 3)
    assert {row["quote"] for row in _evidence(around, "HGNC:1|increases|HGNC:2")} == {
        "VEGFA raises it",
        "HGNC:1 biolink:affects (increased) HGNC:2",
    }
