"""Every export format, read back with a real parser; counts worked out from the fixture
(17 entities, 16 assertions, 18 pieces of evidence: one evidence lists two studies)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx
import pytest
import rdflib

from msc_graph.cli import cli

ENTITY = "https://w3id.org/msc-graph/entity/"
MSC = "https://w3id.org/msc-graph/vocab#"


def _export(runner, fmt: str, path: Path) -> None:
    result = runner.invoke(cli, ["export", "-f", fmt, "-o", str(path)])
    assert result.exit_code == 0, result.output


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph and warns about it
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_formats_parse_and_hold_the_direct_triple(fmt, parser, runner, fixture_project, tmp_path) -> None:
    path = tmp_path / f"graph.{fmt}"
    _export(runner, fmt, path)
    graph = rdflib.Graph().parse(path, format=parser)
    triple = (rdflib.URIRef(ENTITY + "pw"), rdflib.URIRef(MSC + "decreases"), rdflib.URIRef(ENTITY + "auto"))
    assert triple in graph
    assertions = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(MSC + "Assertion")))
    assert len(assertions) == 16


def test_graphml_reads_back_with_networkx(runner, fixture_project, tmp_path) -> None:
    path = tmp_path / "graph.graphml"
    _export(runner, "graphml", path)
    network = networkx.read_graphml(path, force_multigraph=True)
    assert (network.number_of_nodes(), network.number_of_edges()) == (17, 16)
    assert network.nodes["auto"]["label"] == "autophagy"
    (edge,) = network.get_edge_data("pw", "auto").values()
    assert edge["sign"] == "-1" and edge["studies"] == "alpha-2020|beta-2021"


def test_kgx_has_biolink_columns_and_provenance(runner, fixture_project, tmp_path) -> None:
    _export(runner, "kgx", tmp_path / "graph")
    with (tmp_path / "graph_nodes.tsv").open(newline="") as stream:
        nodes = list(csv.DictReader(stream, delimiter="\t"))
    with (tmp_path / "graph_edges.tsv").open(newline="") as stream:
        edges = list(csv.DictReader(stream, delimiter="\t"))
    assert len(nodes) == 17 and len(edges) == 16
    assert {"id", "category", "name"} <= set(nodes[0])
    assert all(n["category"].startswith("biolink:") for n in nodes)
    decreases = next(e for e in edges if e["id"] == "pw--decreases--auto")
    assert decreases["predicate"] == "biolink:affects"
    assert decreases["object_direction_qualifier"] == "decreased"
    assert decreases["primary_knowledge_source"] == "infores:msc-graph"
    assert decreases["publications"] == "msc-study:alpha-2020|msc-study:beta-2021"
    assert decreases["supporting_text"] == "The pathway lowers autophagy"
    carries = next(e for e in edges if e["id"] == "ev--carries--mir")
    assert carries["predicate"] == "biolink:has_part" and carries["object_direction_qualifier"] == ""


def test_cytoscape_json(runner, fixture_project, tmp_path) -> None:
    path = tmp_path / "graph.json"
    _export(runner, "cytoscape", path)
    elements = json.loads(path.read_text())["elements"]
    assert len(elements["nodes"]) == 17 and len(elements["edges"]) == 16
    edge = next(e["data"] for e in elements["edges"] if e["data"]["id"] == "ev--increases--auto")
    assert (edge["source"], edge["target"], edge["sign"]) == ("ev", "auto", 1)


def test_flat_csv_has_a_row_per_evidence(runner, fixture_project, tmp_path) -> None:
    path = tmp_path / "graph.csv"
    _export(runner, "csv", path)
    with path.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 18
    inferred = [r for r in rows if r["basis"] == "inferred"]
    assert [(r["assertion"], r["study"], r["eco"]) for r in inferred] == [
        ("fs--increases--tgf", "alpha-2020", "ECO:0000305")
    ]
    assert inferred[0]["inferred_from"].startswith("row 2 lists the medium")
    assert {r["eco"] for r in rows if r["study"] == "ferrini-2025"} == {"ECO:0000303"}  # the review itself
    row = next(r for r in rows if r["assertion"] == "exo--increases--gfap")
    assert (row["species"], row["healthy"], row["setting"]) == ("mouse", "true", "ex-vivo")
    assert row["quote"] == "exosomes raised GFAP in healthy mice"


ROUND_TRIPS = [
    ("kgx", "graph", "graph_edges.tsv", "MSCG:"),
    ("nt", "graph.nt", "graph.nt", "entity:"),
    ("ttl", "graph.ttl", "graph.ttl", "entity:"),
]


@pytest.mark.parametrize(("fmt", "output", "imported_file", "prefix"), ROUND_TRIPS)
def test_export_then_import_keeps_counts_and_paths(
    fmt, output, imported_file, prefix, runner, fixture_project, tmp_path
) -> None:
    _export(runner, fmt, tmp_path / output)
    imported = runner.invoke(cli, ["import", str(tmp_path / imported_file), "--name", "roundtrip"])
    assert imported.exit_code == 0, imported.output
    listed = json.loads(runner.invoke(cli, ["graphs", "-f", "json"]).output)
    entry = next(g for g in listed if g["name"] == "roundtrip")
    assert (entry["format"], entry["nodes"], entry["edges"]) == (fmt, 17, 16)

    def chains(args: list[str]) -> list[dict]:
        result = runner.invoke(cli, ["paths", *args, "--max-hops", "6", "-f", "json"])
        assert result.exit_code == 0, result.output
        return [
            {
                "nodes": [n["id"].removeprefix(prefix) for n in p["nodes"]],
                "sign": p["net_sign"],
                "predicates": [h["predicate"] for h in p["hops"]],
                "score": p["score"],
                "studies": [
                    sorted(e["study"].removeprefix("study:") for e in h["evidence"]) for h in p["hops"]
                ],
            }
            for p in json.loads(result.output)["paths"]
        ]

    curated = chains(["ev", "np"])
    back = chains(["--graph", "roundtrip", f"{prefix}ev", f"{prefix}np"])
    # the same two chains (4 and 6 hops, both -1) as the curated fixture gives
    assert [(c["nodes"], c["sign"]) for c in back] == [(c["nodes"], c["sign"]) for c in curated]
    assert [len(c["nodes"]) - 1 for c in curated] == [4, 6]
    # each publication's basis comes back (KGX msc_basis, RDF msc:basis): alpha's record of
    # fs -increases-> tgf is inferred, beta's stated; the score counts 1 + 0.25 units either way
    (medium,) = json.loads(
        runner.invoke(
            cli, ["paths", "--graph", "roundtrip", f"{prefix}fs", f"{prefix}tgf", "-f", "json"]
        ).output
    )["paths"]
    bases = {
        e["study"].removeprefix("study:").removeprefix("msc-study:"): e["basis"]
        for e in medium["hops"][0]["evidence"]
    }
    assert bases == {"alpha-2020": "inferred", "beta-2021": "stated"}
    (original,) = json.loads(runner.invoke(cli, ["paths", "fs", "tgf", "-f", "json"]).output)["paths"]
    assert medium["score"] == original["score"]
    if fmt == "kgx":
        return
    # RDF keeps our predicates, every study and each evidence's basis, so the scores too; and labels and
    # the is-a hierarchy (skos:broader): "pain" reaches neuropathic pain only through it.
    assert back == curated
    by_name = chains(["--graph", "roundtrip", "vesicles", "pain"])
    assert by_name == chains(["vesicles", "pain"])
    assert by_name and {c["nodes"][-1] for c in by_name} == {"np"}


def test_kgx_cells_are_written_unquoted_and_read_back_as_written(fixture_project, tmp_path) -> None:
    """KGX TSV has no quoting: a label with quotes comes back as it was, a tab in it as a space."""
    from dataclasses import replace

    from msc_graph.interop.export import write_kgx
    from msc_graph.interop.imported import find_import_source, import_graph, open_imported_graph
    from msc_graph.views import open_graph

    model = open_graph(fixture_project).model
    label = 'GFAP "glial fibrillary"\tacidic protein'
    entities = {**model.entities, "gfap": replace(model.entities["gfap"], label=label)}
    files = write_kgx(replace(model, entities=entities))
    folder = tmp_path / "kgx"
    folder.mkdir()
    for name, data in files.items():
        (folder / f"graph_{name}").write_bytes(data)
    assert b'"glial fibrillary" acidic' in files["nodes.tsv"] and b'""' not in files["nodes.tsv"]
    cache = tmp_path / "cache"
    import_graph(find_import_source(folder), "back", cache)
    back = open_imported_graph(cache, "back").model.entities["MSCG:gfap"]
    assert back.label == 'GFAP "glial fibrillary" acidic protein'
