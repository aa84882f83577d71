"""`paths --endpoint` and `query --endpoint` against a real Oxigraph server (issue 20).

The server is Oxigraph's own (``oxigraph serve-read-only``, the binary of the
``oxigraph`` package in the test extras), loaded with ``mscgraph export -f
nt``, or with an imported graph's store as N-Triples: the chains must be
the local search's, in the same order with the same scores.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.interop.endpoint import EndpointNetwork, find_endpoint_paths
from msc_graph.query.paths import find_paths

from .conftest import ROOT


def _load_bench():  # benchmarks/ is not a package: load the server helper from its file
    spec = importlib.util.spec_from_file_location("bench_endpoint", ROOT / "benchmarks" / "endpoint.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_endpoint"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _load_bench()


@pytest.fixture(scope="module")
def oxigraph() -> str:
    binary = BENCH.find_oxigraph()
    if binary is None:
        pytest.skip("no oxigraph binary (the oxigraph package of the test extras)")
    return str(binary)


@pytest.fixture(scope="module")
def curated_endpoint(
    oxigraph: str, seeds_dir: Path, real_cache: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Oxigraph serving `mscgraph export -f nt` of the curated graph; stopped when the module ends."""
    from msc_graph.interop.export import export_files
    from msc_graph.views import open_graph

    folder = tmp_path_factory.mktemp("curated-endpoint")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSC_GRAPH_CACHE", str(real_cache))
        (exported,) = export_files(open_graph(Project(ROOT)), "nt")
    (folder / "graph.nt").write_bytes(exported.data)
    process, url = BENCH.start_oxigraph(folder / "graph.nt", folder, oxigraph)
    yield url
    process.terminate()
    process.wait(timeout=10)


def _invoke(runner, *args: str) -> Any:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


def _normalised(paths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the paths JSON with measured_in sorted: RDF keeps no order among a context's places."""
    for path in paths:
        for hop in path["hops"]:
            for item in hop["evidence"]:
                item["context"]["measured_in"] = sorted(item["context"]["measured_in"], key=str)
    return paths


PAIRS = [
    ("VEGF", "pain", []),
    ("extracellular vesicles", "pain", []),
    ("secretome", "microglial activation", []),
    ("extracellular vesicles", "pain", ["--basis", "stated", "--max-hops", "4", "--sign", "down"]),
    ("secretome", "pain", ["--species", "rat", "--max-paths", "5"]),
]


@pytest.mark.parametrize(("source", "target", "options"), PAIRS)
def test_endpoint_gives_the_local_chains_on_the_curated_graph(
    curated_endpoint: str, real_project: Project, runner, source: str, target: str, options: list[str]
) -> None:
    local = _invoke(runner, "paths", source, target, "-f", "json", *options)
    remote = _invoke(runner, "paths", source, target, "-f", "json", *options, "--endpoint", curated_endpoint)
    assert local["paths"], "a pair with no chain proves nothing"
    assert _normalised(remote["paths"]) == _normalised(local["paths"])  # order, hops, evidence, flags
    assert (remote["source"], remote["target"]) == (local["source"], local["target"])
    assert remote["truncated"] == local["truncated"]
    assert remote["limits"] == {**local["limits"], "endpoint": curated_endpoint}


def test_endpoint_scores_match_to_the_last_digit(curated_endpoint: str, real_project: Project) -> None:
    from msc_graph.views import open_graph

    views = open_graph(real_project)
    resolver = views.resolver
    search, _model = find_endpoint_paths(
        curated_endpoint,
        "extracellular vesicles",
        "pain",
        views.prefixes,
        resolver=resolver,
        model=views.model,
    )
    local = find_paths(views.path_network, search.sources, search.targets, model=views.model)
    assert [p.nodes for p in search.paths] == [p.nodes for p in local.paths]
    for remote_path, local_path in zip(search.paths, local.paths, strict=True):
        assert remote_path.score == pytest.approx(local_path.score, rel=0, abs=1e-9)
        assert [h.predicate for h in remote_path.hops] == [h.predicate for h in local_path.hops]


def test_a_frontier_is_one_request(curated_endpoint: str, real_project: Project) -> None:
    """The neighbours of many nodes come in one query, both ways; rows fetched are kept."""
    network = EndpointNetwork(curated_endpoint, {}, timeout_s=30)
    before = network.requests
    nodes = ["vegf", "pain", "microglia", "extracellular-vesicles", "autophagy"]
    network.prefetch(nodes)
    assert network.requests == before + 1
    assert network.out_degree("vegf") > 0 and network.in_degree("pain") > 0
    assert set(network.succ["vegf"]) and network.requests == before + 1  # held, not asked again
    small = EndpointNetwork(curated_endpoint, {}, timeout_s=30, batch_nodes=2)
    start = small.requests
    small.prefetch(nodes)
    assert small.requests == start + 3  # ceil(5 / 2)


def test_names_resolve_on_the_endpoint_without_a_local_graph(
    curated_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner
) -> None:
    monkeypatch.setenv("MSC_GRAPH_HOME", str(tmp_path))  # no graph_data/ here: labels are read remotely
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(tmp_path / "cache"))
    found = _invoke(runner, "paths", "VEGF", "pain", "-f", "json", "--endpoint", curated_endpoint)
    assert found["paths"] and found["source"] == [{"id": "vegf", "label": "VEGF", "type": "growth-factor"}]
    assert "mechanical-allodynia" in {t["id"] for t in found["target"]}  # expanded through skos:broader
    refused = runner.invoke(
        cli, ["paths", "VEGF", "pain", "--species", "rat", "--endpoint", curated_endpoint]
    )
    assert refused.exit_code == 2 and "curated graph" in refused.stderr


NAMED = [
    ("evidence-for-entity", ["-p", "entity=gfap"]),
    ("intrathecal-studies", []),
    ("decreases-cytokine", []),
    ("hedged-claims", []),
]


@pytest.mark.parametrize(("name", "params"), NAMED)
def test_named_queries_on_oxigraph_give_the_local_rows(
    curated_endpoint: str, real_project: Project, runner, name: str, params: list[str]
) -> None:
    local = _invoke(runner, "query", name, *params, "-f", "json")
    remote = _invoke(runner, "query", name, *params, "-f", "json", "--endpoint", curated_endpoint)
    assert local["results"]["bindings"], "a query with no rows proves nothing"
    assert remote["head"] == local["head"]
    assert remote["results"]["bindings"] == local["results"]["bindings"]


SMALL = textwrap.dedent("""\
    <http://example.org/drug> <http://www.w3.org/2000/01/rdf-schema#label> "drug one" .
    <http://example.org/drug> <http://purl.obolibrary.org/obo/RO_0002212> <http://example.org/g1> .
    <http://example.org/drug> <https://w3id.org/biolink/vocab/similar_to> <http://example.org/g2> .
    <http://example.org/g1> <http://www.w3.org/2000/01/rdf-schema#label> "gene one" .
    <http://example.org/g1> <https://w3id.org/biolink/vocab/negatively_regulates> <http://example.org/g2> .
    <http://example.org/g1> <https://w3id.org/biolink/vocab/affects> <http://example.org/g2> .
    <http://example.org/g1> <https://w3id.org/biolink/vocab/causes> <http://example.org/sub> .
    <http://example.org/g2> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/sub> .
    <http://example.org/g2> <https://w3id.org/biolink/vocab/contributes_to> <http://example.org/sub> .
    <http://example.org/g3> <https://w3id.org/biolink/vocab/part_of> <http://example.org/drug> .
    <http://example.org/g3> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/disease> .
    <http://example.org/sub> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://example.org/disease> .
    <http://example.org/sub> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/biolink/vocab/Disease> .
    <http://example.org/disease> <http://www.w3.org/2000/01/rdf-schema#label> "some disease" .
    <http://example.org/sub> <http://www.w3.org/2000/01/rdf-schema#label> "sub disease" .
    """)
"""A small foreign graph: drug ⊣ gene one ⊣/acts on gene two → sub disease (is-a some disease);
drug has part g3 (part of, walked whole → part), which raises some disease."""


def test_endpoint_gives_the_local_chains_on_an_imported_graphs_export(
    oxigraph: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner
) -> None:
    monkeypatch.setenv("MSC_GRAPH_HOME", str(tmp_path))  # no curated graph: the import's own prefixes
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "small.nt"
    source.write_text(SMALL, encoding="utf-8")
    imported = runner.invoke(cli, ["import", str(source), "--name", "small"])
    assert imported.exit_code == 0, imported.output + imported.stderr
    dump = runner.invoke(
        cli, ["sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "--graph", "small", "-f", "nt", "--limit", "0"]
    )
    assert dump.exit_code == 0, dump.stderr
    (tmp_path / "export.nt").write_text(dump.stdout, encoding="utf-8")
    process, url = BENCH.start_oxigraph(tmp_path / "export.nt", tmp_path, oxigraph)
    try:
        for options in ([], ["--max-hops", "2"], ["--sign", "up"], ["--exact"]):
            local = _invoke(
                runner, "paths", "drug one", "some disease", "-f", "json", "--graph", "small", *options
            )
            remote = _invoke(
                runner, "paths", "drug one", "some disease", "-f", "json", "--endpoint", url, *options
            )
            assert local["paths"] or options == ["--exact"]

            def chains(answer: dict[str, Any]) -> list[tuple[Any, ...]]:
                return [
                    (
                        tuple(n["id"] for n in p["nodes"]),
                        tuple((h["predicate"], h["reversed"]) for h in p["hops"]),
                        p["net_sign"],
                        p["score"],
                        tuple(tuple(e["basis"] for e in h["evidence"]) for h in p["hops"]),
                    )
                    for p in answer["paths"]
                ]

            assert chains(remote) == chains(local), options
            assert (
                [n["label"] for n in remote["paths"][0]["nodes"]]
                == [n["label"] for n in local["paths"][0]["nodes"]]
                if local["paths"]
                else True
            )
            assert {t["id"] for t in remote["target"]} == {t["id"] for t in local["target"]}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_unreachable_or_wrong_endpoint_is_a_clear_error(
    curated_endpoint: str, real_project: Project, runner
) -> None:
    port = BENCH.free_port()
    for url, says in (
        (f"http://127.0.0.1:{port}/query", "cannot reach endpoint"),
        (curated_endpoint.removesuffix("query") + "nothing-here", "HTTP 404"),
        ("file:///etc/passwd", "not an http(s) URL"),
    ):
        result = runner.invoke(cli, ["paths", "VEGF", "pain", "--endpoint", url])
        assert result.exit_code == 2, (url, result.output)
        assert result.stderr.startswith("error: ") and says in result.stderr, result.stderr
        assert "Traceback" not in result.output + result.stderr
    both = runner.invoke(cli, ["paths", "VEGF", "pain", "--graph", "x", "--endpoint", curated_endpoint])
    assert both.exit_code == 2 and "not both" in both.stderr


def test_the_timeout_is_an_overall_deadline(curated_endpoint: str, real_project: Project) -> None:
    from msc_graph.query.sparql import QueryTimeoutError

    ticks = iter(range(0, 10_000, 5))  # every clock reading is 5 s after the last: the second request is late
    network = EndpointNetwork(curated_endpoint, {}, timeout_s=8, clock=lambda: float(next(ticks)))
    with pytest.raises(QueryTimeoutError, match="ran past --timeout 8 s"):
        network.prefetch(["vegf"])
        network.prefetch(["pain"])
