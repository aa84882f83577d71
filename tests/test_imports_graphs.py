"""Imported graphs: KGX and N-Triples parsed once, signs and provenance kept, stores reopened, atomic.

The small KGX pair below is written by hand; every mapped predicate, sign and
evidence record asserted here can be read off its rows.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import typing
from array import array
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.interop.imported import (
    GraphImportError,
    UnknownGraphError,
    find_import_source,
    import_graph,
    importer,
    list_graphs,
    map_predicate,
    ntriples,
    open_imported,
    open_imported_graph,
)
from msc_graph.interop.imported.records import GraphPayload
from msc_graph.model import Basis, SourceKind
from msc_graph.query.paths import count_support, find_paths
from msc_graph.views.namespaces import VOCAB_IRI

from .conftest import ROOT, load_file_module

NODES = """\
id\tcategory\tname\tsynonym\txref\tprovided_by
CHEBI:1\tbiolink:SmallMolecule\tdrug one\tD1|drug-1\t\tinfores:test
NCBIGene:10\tbiolink:Gene\tGENE10\t\tHGNC:10\tinfores:test
NCBIGene:11\tbiolink:Gene|biolink:NamedThing\tGENE11\t\t\tinfores:test
DOID:1\tbiolink:Disease\tsome disease\t\t\tinfores:test
DOID:2\tbiolink:Disease\tsub disease\t\t\tinfores:test
GO:1\tbiolink:BiologicalProcess\tsome process\t\t\tinfores:test
"""
# Rows (line numbers in the file): 2 drug one -affects(decreased)-> GENE10 [PMID:1, PMID:2; text]
# 3 GENE10 -negatively_regulates-> GENE11, 4 GENE11 -contributes_to-> sub disease (prediction),
# 5 GENE10 -interacts_with-> GENE11, 6 drug one -similar_to-> GENE11, 7 GENE11 -participates_in-> GO:1,
# 8 sub disease -subclass_of-> some disease, 9 drug one -unknown_predicate-> DOID:1
EDGES = """\
id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tprimary_knowledge_source\tpublications\tsupporting_text\tknowledge_level\textra
{quoted_row}
e2\tNCBIGene:10\tbiolink:negatively_regulates\tNCBIGene:11\t\tinfores:string\t\t\t\t
e3\tNCBIGene:11\tbiolink:contributes_to\tDOID:2\t\tinfores:disgenet\t\t\tprediction\t
e4\tNCBIGene:10\tbiolink:interacts_with\tNCBIGene:11\t\tinfores:string\t\t\t\t
e5\tCHEBI:1\tbiolink:similar_to\tNCBIGene:11\t\t\t\t\t\t
e6\tNCBIGene:11\tbiolink:participates_in\tGO:1\t\tinfores:go\t\t\t\t
e7\tDOID:2\tbiolink:subclass_of\tDOID:1\t\t\t\t\t\t
e8\tCHEBI:1\tex:unknown_predicate\tDOID:1\t\t\t\t\t\t
""".format(
    quoted_row="\t".join(
        (  # KGX TSV has no quoting: a cell that starts with a quote is text like any other
            "e1",
            "CHEBI:1",
            "biolink:affects",
            "NCBIGene:10",
            "decreased",
            "infores:lincs",
            "PMID:1|PMID:2",
            '"drug one" lowers GENE10, "strongly"',
            "knowledge_assertion",
            "x",
        )
    )
)


def _write_kgx(folder: Path, nodes: str = NODES, edges: str = EDGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test_nodes.tsv").write_text(nodes, encoding="utf-8")
    (folder / "test_edges.tsv").write_text(edges, encoding="utf-8")
    return folder / "test_edges.tsv"


@pytest.fixture()
def kgx_graph(tmp_path: Path, isolated_cache: Path):
    import_graph(find_import_source(_write_kgx(tmp_path / "in")), "test", isolated_cache)
    return open_imported_graph(isolated_cache, "test")


def test_predicates_keep_their_sign_and_role() -> None:
    assert map_predicate("biolink:affects", "increased") == "increases"
    assert map_predicate("biolink:regulates", "downregulated") == "decreases"
    assert map_predicate("biolink:positively_regulates") == "increases"
    assert map_predicate("RO:0002212") == "decreases"
    assert map_predicate("biolink:treats") == "ameliorates"
    assert map_predicate("biolink:affects") == "acts-on"  # unsigned but mechanistic: transmits
    assert map_predicate("biolink:expresses") == "carries"
    # taking part is no composition: unknown direction, never "the pathway does what its gene does"
    assert map_predicate("biolink:participates_in") == "acts-on"
    assert map_predicate("biolink:part_of") == "part-of"
    assert map_predicate("biolink:similar_to", "increased") == "associated-with"  # no sign from a description
    assert map_predicate("msc:noChange") == "no-change"  # our own exports come back as they were


def test_kgx_records_nodes_signs_and_hierarchy(kgx_graph) -> None:
    model = kgx_graph.model
    assert kgx_graph.meta["nodes"] == 6 and kgx_graph.meta["edges"] == 8
    drug = model.entities["CHEBI:1"]
    assert (drug.label, drug.type.value, drug.synonyms) == ("drug one", "chemical", ("D1", "drug-1"))
    assert model.entities["NCBIGene:11"].type.value == "factor"  # the typed category wins
    assert model.entities["NCBIGene:10"].xrefs == ("HGNC:10",)
    assert list(model.iter_descendants("DOID:1")) == ["DOID:1", "DOID:2"]  # subclass_of → is-a
    succ = kgx_graph.network.succ
    assert set(succ["CHEBI:1"]["NCBIGene:10"]) == {"decreases"}  # affects + decreased
    assert set(succ["NCBIGene:10"]["NCBIGene:11"]) == {"decreases", "acts-on"}
    assert succ["NCBIGene:10"]["NCBIGene:11"]["decreases"]["sign"] == -1
    assert set(succ["CHEBI:1"]["DOID:1"]) == {"associated-with"}
    assert kgx_graph.resolver.resolve("D1").id == "CHEBI:1"
    assert kgx_graph.resolver.resolve("HGNC:10").id == "NCBIGene:10"


def test_kgx_evidence_keeps_the_provenance_it_came_with(kgx_graph) -> None:
    evidence = kgx_graph.network.succ["CHEBI:1"]["NCBIGene:10"]["decreases"]["evidence"]
    assert [e.study for e in evidence] == ["PMID:1", "PMID:2"]  # one record per publication
    first = evidence[0]
    assert first.read_in == "import:test" and first.read_in in kgx_graph.model.studies
    assert first.source_kind is SourceKind.TABLE
    assert first.locator == "test_edges.tsv line 2, id e1; biolink:affects (decreased); infores:lincs"
    assert first.quote == '"drug one" lowers GENE10, "strongly"'  # verbatim, quotes and all
    assert first.basis is Basis.STATED
    (predicted,) = kgx_graph.network.succ["NCBIGene:11"]["DOID:2"]["increases"]["evidence"]
    # a foreign "prediction" is read as hedged, as before; no publication: the source is the study
    assert predicted.basis is Basis.HEDGED and predicted.study == "infores:disgenet"
    assert predicted.quote == "NCBIGene:11 biolink:contributes_to DOID:2"
    (bare,) = kgx_graph.network.succ["CHEBI:1"]["NCBIGene:11"]["associated-with"]["evidence"]
    assert bare.study == "import:test"  # neither publication nor source: the import itself


def test_kgx_paths_follow_signs_through_the_hierarchy(kgx_graph) -> None:
    # drug ⊣ GENE10 ⊣ GENE11 → sub disease: (−1)(−1)(+1) = +1; GENE10 acts-on GENE11 (biolink:affects
    # with no direction) makes the net sign unknown: None, never a guessed −1.
    sources = ["CHEBI:1"]
    targets = list(kgx_graph.resolver.iter_descendants(["DOID:1"]))
    search = find_paths(kgx_graph.network, sources, targets, max_hops=4)
    found = {(p.nodes, tuple(h.predicate for h in p.hops), p.net_sign) for p in search.paths}
    assert found == {
        (("CHEBI:1", "NCBIGene:10", "NCBIGene:11", "DOID:2"), ("decreases", "decreases", "increases"), 1),
        (("CHEBI:1", "NCBIGene:10", "NCBIGene:11", "DOID:2"), ("decreases", "acts-on", "increases"), None),
    }
    assert search.paths[-1].net_sign is None  # ranked below the signed chain


def test_kgx_rdf_has_the_direct_triples_and_the_provenance(kgx_graph) -> None:
    store = kgx_graph.open_store()
    ask = """PREFIX biolink: <https://w3id.org/biolink/vocab/>
    ASK { ?s biolink:affects ?o ; <https://w3id.org/msc-graph/vocab#decreases> ?o .
          ?e <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; biolink:publications ?p ;
             biolink:supporting_text ?t }"""
    assert bool(store.query(ask))
    # a bare triple reads as asserted: a row whose knowledge level says otherwise has its statement node,
    # an asserted row with nothing else to say has none
    levels = """PREFIX biolink: <https://w3id.org/biolink/vocab/>
    SELECT ?s ?level WHERE { ?e <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
                                biolink:knowledge_level ?level }"""
    assert sorted((r[0].value.rsplit("/", 1)[-1], r[1].value) for r in store.query(levels)) == [
        ("CHEBI:1", "knowledge_assertion"),  # e1: it has publications, so its node says its level too
        ("NCBIGene:11", "prediction"),  # e3: only its level, and that is not an assertion
    ]
    rows = list(store.query("SELECT ?l WHERE { ?n <http://www.w3.org/2000/01/rdf-schema#label> ?l }"))
    assert len(rows) == 6


def _triples(graph) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in graph.open_store()}


@pytest.mark.parametrize("blank_line", [False, True], ids=["columns", "rows"])  # rows: the row reader
def test_without_store_provenance_only_the_statement_nodes_are_left_out(
    tmp_path: Path, isolated_cache: Path, blank_line: bool
) -> None:
    edges = EDGES.replace("\ne2\t", "\n\ne2\t") if blank_line else EDGES
    source = find_import_source(_write_kgx(tmp_path / "in", edges=edges))
    import_graph(source, "full", isolated_cache)
    import_graph(source, "plain", isolated_cache, store_provenance=False)
    full, plain = open_imported_graph(isolated_cache, "full"), open_imported_graph(isolated_cache, "plain")
    assert (full.store_provenance, plain.store_provenance) == (True, False)
    assert plain.meta["store_provenance"] is False
    statement = "<https://w3id.org/msc-graph/import/full/edge/"
    left_out = {t for t in _triples(full) if t[0].startswith(statement)}
    # rows e1 (publications, text, qualifier) and e3 (a prediction); the others hold no provenance
    assert {t[0] for t in left_out} == {statement + "e1>", statement + "e3>"}
    published = {t[2] for t in left_out if t[1] == "<https://w3id.org/biolink/vocab/publications>"}
    assert len(published) == 2  # PMID:1, PMID:2
    assert _triples(plain) == _triples(full) - left_out  # the edges, signed twins, labels, types all stay
    # the records (what paths and their evidence read) are the same bytes
    for path in sorted((full.folder).glob("edges.*")) + sorted((full.folder / "network").iterdir()):
        twin = plain.folder / path.relative_to(full.folder)
        assert path.read_bytes() == twin.read_bytes(), path.name
    evidence = plain.network.succ["CHEBI:1"]["NCBIGene:10"]["decreases"]["evidence"]
    assert [e.study for e in evidence] == ["PMID:1", "PMID:2"]


def test_store_provenance_is_left_out_only_for_kgx(tmp_path: Path, isolated_cache: Path, runner) -> None:
    path = tmp_path / "g.nt"
    path.write_text(NTRIPLES, encoding="utf-8")
    with pytest.raises(GraphImportError, match=r"g\.nt: leaving provenance out of the store applies to KGX"):
        import_graph(find_import_source(path), "nt", isolated_cache, store_provenance=False)
    assert list_graphs(isolated_cache) == []
    result = runner.invoke(cli, ["import", str(path), "--name", "nt", "--no-store-provenance"])
    assert result.exit_code == 2 and "applies to KGX input only" in result.stderr


def test_the_cli_says_where_a_store_holds_no_provenance(tmp_path: Path, isolated_cache: Path, runner) -> None:
    source = str(_write_kgx(tmp_path / "in"))
    for name, flag in (("full", "--store-provenance"), ("plain", "--no-store-provenance")):
        result = runner.invoke(cli, ["import", source, "--name", name, "--quiet", flag])
        assert result.exit_code == 0, result.output
        assert ("holds no edge provenance" in result.stdout) is (name == "plain")
    listed = json.loads(runner.invoke(cli, ["graphs", "-f", "json"]).stdout)
    assert [(g["name"], g["store_provenance"]) for g in listed] == [("full", True), ("plain", False)]
    assert all(set(g) == set(typing.get_type_hints(GraphPayload)) for g in listed)  # as documented
    text = runner.invoke(cli, ["graphs"]).stdout  # columns or, when too wide, one record per graph
    assert text.count("all triples") == text.count("no provenance") == 1
    assert text.index("full") < text.index("all triples") < text.index("plain") < text.index("no provenance")
    ask = "ASK { ?e <https://w3id.org/biolink/vocab/publications> ?p }"
    answers = {}
    for name in ("full", "plain"):
        result = runner.invoke(cli, ["sparql", ask, "--graph", name, "-f", "json"])
        assert result.exit_code == 0, result.output
        answers[name] = (json.loads(result.stdout)["boolean"], "--no-store-provenance" in result.stderr)
    assert answers == {"full": (True, False), "plain": (False, True)}  # the empty answer comes with a note


NTRIPLES = textwrap.dedent("""\
    # a comment line
    <http://purl.obolibrary.org/obo/DOID_1> <http://www.w3.org/2000/01/rdf-schema#label> "pain \\"like\\" disease"@en .
    <http://purl.obolibrary.org/obo/DOID_1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/biolink/vocab/Disease> .
    <https://identifiers.org/hgnc:5> <http://www.w3.org/2000/01/rdf-schema#label> "GENE\\u00C55" .
    <https://identifiers.org/hgnc:5> <http://purl.obolibrary.org/obo/RO_0002213> <http://purl.obolibrary.org/obo/DOID_1> .
    _:b1 <http://purl.obolibrary.org/obo/RO_0002212> <https://identifiers.org/hgnc:5> .
    <https://identifiers.org/hgnc:5> <http://example.org/weight> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
    _:b1 <http://www.w3.org/2000/01/rdf-schema#label> "anonymous inhibitor" .
    <https://identifiers.org/hgnc:5> <http://www.w3.org/2004/02/skos/core#altLabel> "G5" .
    """)


def test_ntriples_import_agrees_with_a_plain_load_across_chunks(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph

    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 200)  # the blank node's two triples land in two chunks
    path = tmp_path / "small.nt"
    path.write_text(NTRIPLES, encoding="utf-8")
    prefixes = json.loads((ROOT / "ontology" / "prefixes.json").read_text())
    summary = import_graph(find_import_source(path), "small", isolated_cache, prefixes=prefixes)
    assert (summary.nodes, summary.edges) == (3, 2)
    graph = open_imported_graph(isolated_cache, "small")
    plain = pyoxigraph.Store()
    plain.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(graph.open_store()) == len(plain) == 8
    entities = graph.model.entities
    assert entities["DOID:1"].label == 'pain "like" disease' and entities["DOID:1"].type.value == "disease"
    assert entities["HGNC:5"].label == "GENE\u00c55" and entities["HGNC:5"].synonyms == ("G5",)
    blank = graph.resolver.resolve("anonymous inhibitor").id
    assert set(graph.network.succ[blank]["HGNC:5"]) == {"decreases"}  # one node across chunks
    search = find_paths(graph.network, [blank], ["DOID:1"])
    assert [p.net_sign for p in search.paths] == [-1]
    (evidence,) = search.paths[0].hops[1].evidence
    assert evidence.locator == "small.nt line 5; RO:0002213"


OURS = (
    "\n".join(
        line.format(
            e="https://w3id.org/msc-graph/entity/",
            v="https://w3id.org/msc-graph/vocab#",
            a="https://w3id.org/msc-graph/assertion/",
            ev="https://w3id.org/msc-graph/evidence/",
            s="https://w3id.org/msc-graph/study/",
            rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            label="<http://www.w3.org/2000/01/rdf-schema#label>",
            skos="http://www.w3.org/2004/02/skos/core#",
            b="^^<http://www.w3.org/2001/XMLSchema#boolean>",
        )
        for line in (
            "<{e}a> <{rdf}type> <{v}Factor> .",  # 1
            '<{e}a> {label} "factor A" .',
            '<{e}a> <http://www.geneontology.org/formats/oboInOwl#hasDbXref> "HGNC:1" .',
            "<{e}a> <{skos}exactMatch> <https://identifiers.org/hgnc:1> .",
            "<{e}b> <{rdf}type> <{v}Pathway> .",  # 5
            '<{e}b> {label} "pathway B" .',
            "<{e}b> <{skos}broader> <{e}c> .",
            "<{e}c> <{rdf}type> <{v}Pathway> .",
            '<{e}c> {label} "pathways" .',
            "<{e}a> <{v}inhibits> <{e}b> .",  # 10: the direct triple of ...
            "<{a}a-inhibits-b> <{rdf}type> <{rdf}Statement> .",
            "<{a}a-inhibits-b> <{rdf}type> <{v}Assertion> .",
            "<{a}a-inhibits-b> <{rdf}subject> <{e}a> .",  # 13: ... this assertion
            "<{a}a-inhibits-b> <{rdf}predicate> <{v}inhibits> .",
            "<{a}a-inhibits-b> <{rdf}object> <{e}b> .",  # 15
            '<{a}a-inhibits-b> <{v}predicateSlug> "inhibits" .',
            "<{a}a-inhibits-b> <{v}evidence> <{ev}a-inhibits-b-1> .",
            "<{a}a-inhibits-b> <{v}evidence> <{ev}a-inhibits-b-2> .",
            "<{ev}a-inhibits-b-1> <{rdf}type> <{v}Evidence> .",
            "<{ev}a-inhibits-b-1> <{v}study> <{s}alpha> .",  # 20
            "<{ev}a-inhibits-b-1> <{v}readIn> <{s}review> .",
            '<{ev}a-inhibits-b-1> <{v}quote> "A holds\\tB down" .',
            '<{ev}a-inhibits-b-1> <{v}basis> "hedged" .',
            "<{ev}a-inhibits-b-1> <{v}species> <{e}rat> .",
            "<{ev}a-inhibits-b-2> <{rdf}type> <{v}Evidence> .",  # 25
            "<{ev}a-inhibits-b-2> <{v}study> <{s}beta> .",
            "<{ev}a-inhibits-b-2> <{v}readIn> <{s}review> .",
            '<{ev}a-inhibits-b-2> <{v}quote> "B is held down by A" .',
            '<{ev}a-inhibits-b-2> <{v}basis> "stated" .',
            "<{a}b-increases-a> <{rdf}type> <{v}Assertion> .",  # 30: no direct triple
            "<{a}b-increases-a> <{rdf}subject> <{e}b> .",
            "<{a}b-increases-a> <{rdf}predicate> <{v}increases> .",
            "<{a}b-increases-a> <{rdf}object> <{e}a> .",
            "<{a}b-increases-a> <{v}evidence> <{ev}b-increases-a-1> .",
            "<{ev}b-increases-a-1> <{rdf}type> <{v}Evidence> .",  # 35
            "<{ev}b-increases-a-1> <{v}study> <{s}alpha> .",
            '<{ev}b-increases-a-1> <{v}quote> "B may raise A" .',
            '<{ev}b-increases-a-1> <{v}basis> "hedged" .',
            "<{s}alpha> <{rdf}type> <{v}Study> .",
            '<{s}alpha> {label} "Alpha et al., 2020" .',  # 40
            "<{s}alpha> <http://www.w3.org/2002/07/owl#sameAs> <https://doi.org/10.1/alpha> .",
            "<{e}rat> <{rdf}type> <{v}Species> .",
            '<{e}rat> {label} "rat" .',
            "<{e}c> <{v}associatedWith> <{e}rat> .",  # 44: direct, never reified
        )
    )
    + "\n"
)


@pytest.mark.parametrize("as_turtle", [False, True])
def test_our_rdf_folds_assertions_into_edges_with_their_evidence(
    as_turtle: bool, tmp_path: Path, isolated_cache: Path
) -> None:
    import pyoxigraph

    path = tmp_path / "ours.nt"
    path.write_text(OURS, encoding="utf-8")
    if as_turtle:  # the same triples as Turtle; "lines" are then triples in file order, here the same
        turtle = pyoxigraph.serialize(
            pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES),
            format=pyoxigraph.RdfFormat.TURTLE,
            prefixes={"msc": VOCAB_IRI},
        )
        path = tmp_path / "ours.ttl"
        path.write_bytes(turtle)
    prefixes = json.loads((ROOT / "ontology" / "prefixes.json").read_text())
    summary = import_graph(find_import_source(path), "ours", isolated_cache, prefixes=prefixes)
    graph = open_imported_graph(isolated_cache, "ours")
    # entities a, b, c, rat; no assertion, evidence, study, DOI, HGNC IRI or predicate node
    assert sorted(graph.node_ids) == ["entity:a", "entity:b", "entity:c", "entity:rat"]
    # a ⊣ b once (the direct triple of line 10 and the assertion are one edge), b → a (reified only),
    # c associated with rat (direct only); skos:broader is is-a, not an edge
    assert summary.edges == 3 and summary.predicates == {"associated-with": 1, "increases": 1, "inhibits": 1}
    assert len(graph.open_store()) == 44  # the store holds every triple, reification and all
    entities = graph.model.entities
    assert (entities["entity:a"].type.value, entities["entity:b"].type.value) == ("factor", "pathway")
    assert entities["entity:a"].xrefs == ("HGNC:1",)  # hasDbXref and exactMatch, once
    assert entities["entity:b"].is_a == ("entity:c",)
    assert graph.resolver.resolve("HGNC:1").id == "entity:a"
    assert list(graph.model.iter_descendants("entity:c")) == ["entity:c", "entity:b"]
    succ = graph.network.succ
    assert (
        set(succ["entity:a"]["entity:b"]) == {"inhibits"}
        and succ["entity:a"]["entity:b"]["inhibits"]["sign"] == -1
    )
    unit = "triple" if as_turtle else "line"
    first, second = succ["entity:a"]["entity:b"]["inhibits"]["evidence"]
    assert (first.study, second.study) == ("study:alpha", "study:beta")
    assert first.read_in == "import:ours"
    assert first.quote == "A holds B down | B is held down by A"  # tab folded to a space
    # each publication keeps its own basis; two quotes, so two support units (named in the locator)
    assert (first.basis, second.basis) == (Basis.HEDGED, Basis.STATED)
    if not as_turtle:  # Turtle numbers triples in the order its writer grouped them
        assert first.locator == (
            "ours.nt line 13, id assertion:a-inhibits-b; msc:inhibits; study:review; unit study:alpha"
        )
    assert count_support([first, second]) == 1.5
    (only,) = succ["entity:b"]["entity:a"]["increases"]["evidence"]
    assert only.basis is Basis.HEDGED and only.quote == "B may raise A" and only.study == "study:alpha"
    assert only.locator.startswith(f"ours.{path.suffix[1:]} {unit} ")
    search = find_paths(graph.network, ["entity:a"], ["entity:rat"], max_hops=3)
    assert search.paths == []  # associated-with ends a chain: nothing transmits into rat


def test_without_our_classes_nothing_is_folded(tmp_path: Path, isolated_cache: Path) -> None:
    lines = OURS.splitlines()
    path = tmp_path / "plain.nt"  # the broader link, the direct triple and the assertion's three parts
    path.write_text("\n".join(lines[i - 1] for i in (7, 10, 13, 14, 15)) + "\n", encoding="utf-8")
    summary = import_graph(find_import_source(path), "plain", isolated_cache)
    assert (summary.nodes, summary.edges) == (5, 5)
    assert summary.predicates == {"associated-with": 4, "inhibits": 1}


def test_the_import_writes_the_network_the_first_paths_call_needs(kgx_graph) -> None:
    """The compact network is part of the import (the first `paths --graph` was building it)."""
    from .test_compact import csr_rows

    network = kgx_graph.folder / "network"
    assert network.is_dir() and not list(kgx_graph.folder.glob(".network.tmp-*"))
    assert kgx_graph.build_network() == network  # found as it is, not rebuilt
    columns = kgx_graph.edge_columns
    subjects, objects = list(columns["subjects"]), list(columns["objects"])
    offsets, _targets, _records = csr_rows(subjects, objects, len(kgx_graph.node_ids))
    assert (network / "out.offsets").read_bytes() == array("q", offsets).tobytes()


def test_reopening_reads_no_input(kgx_graph, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("an imported graph must not be parsed again")

    monkeypatch.setattr(importer, "read_kgx", refuse)
    monkeypatch.setattr(importer, "read_ntriples", refuse)
    reopened = open_imported(kgx_graph.name)
    assert reopened.resolver.resolve("GENE11").id == "NCBIGene:11"
    assert reopened.network.out_degree("NCBIGene:10") == 2
    assert len(reopened.store) > 0
    assert (kgx_graph.folder / "network" / "out.offsets").is_file()


def test_stored_tables_are_data_and_answer_as_a_fresh_index(kgx_graph) -> None:
    """The node table and name index are JSON (nothing in them can run code); the stored index
    answers every name exactly as an index built from the model does (one NameIndex, two sources)."""
    from msc_graph.views.resolve import Resolver

    files = {path.name for path in kgx_graph.folder.iterdir()}
    assert {"nodes.json", "names.json"} <= files
    assert not [name for name in files if name.endswith(".pickle")]
    fresh = Resolver(kgx_graph.model)  # built from the entities, not read from names.json
    for text in ("D1", "drug one", "DRUG-1", "hgnc:10", "GENE11", "gene eleven", "drug tw"):
        assert kgx_graph.resolver.find_matches(text) == fresh.find_matches(text), text
        assert kgx_graph.resolver.search(text) == fresh.search(text), text


def test_the_name_index_written_a_section_at_a_time_is_the_whole_index(kgx_graph) -> None:
    """names.json is written one section's index at a time: its bytes are one dump of the whole index."""
    from msc_graph.views.resolve import NameIndex

    model = kgx_graph.model
    whole = NameIndex()
    for entity in model.entities.values():
        whole.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    assert whole.exact and whole.variants and whole.curies  # the fixture fills every section it can
    assert (kgx_graph.folder / "names.json").read_bytes() == whole.to_json()
    loaded = json.loads(whole.to_json())
    assert list(loaded) == ["exact", "curies", "variants", "components", "weights"]
    assert loaded["curies"] == whole.curies and len(loaded["exact"]) == len(whole.exact)


def test_names_sources_and_replacing(tmp_path: Path, isolated_cache: Path) -> None:
    source = find_import_source(_write_kgx(tmp_path / "in"))
    assert find_import_source(tmp_path / "in") == source  # a folder holding the pair
    assert find_import_source(tmp_path / "in" / "test_nodes.tsv") == source
    with pytest.raises(GraphImportError, match="letters, digits"):
        import_graph(source, "../escape", isolated_cache)
    import_graph(source, "twice", isolated_cache)
    with pytest.raises(GraphImportError, match="--replace"):
        import_graph(source, "twice", isolated_cache)
    import_graph(source, "twice", isolated_cache, replace=True)
    assert list_graphs(isolated_cache) == ["twice"]
    with pytest.raises(UnknownGraphError, match="twice"):
        open_imported_graph(isolated_cache, "other")
    with pytest.raises(GraphImportError, match="format"):
        find_import_source(tmp_path / "in" / "test_nodes.tsv", "rdfxml")
    with pytest.raises(GraphImportError, match="ttl import needs a file"):
        find_import_source(tmp_path / "in", "ttl")
    (tmp_path / "graph.TTL.gz").write_bytes(b"")
    assert find_import_source(tmp_path / "graph.TTL.gz").format == "ttl"


def test_gzipped_inputs_import_the_same(tmp_path: Path, isolated_cache: Path) -> None:
    import gzip

    folder = tmp_path / "gz"
    folder.mkdir()
    (folder / "test_nodes.tsv.gz").write_bytes(gzip.compress(NODES.encode()))
    (folder / "test_edges.tsv.gz").write_bytes(gzip.compress(EDGES.encode()))
    (folder / "small.nt.gz").write_bytes(gzip.compress(NTRIPLES.encode()))
    (folder / "small.ttl.gz").write_bytes(gzip.compress(NTRIPLES.encode()))  # N-Triples is Turtle too
    kgx = import_graph(find_import_source(folder / "test_edges.tsv.gz"), "kgxgz", isolated_cache)
    nt = import_graph(find_import_source(folder / "small.nt.gz"), "ntgz", isolated_cache)
    ttl = import_graph(find_import_source(folder / "small.ttl.gz"), "ttlgz", isolated_cache)
    assert (kgx.nodes, kgx.edges, nt.nodes, nt.edges, ttl.nodes, ttl.edges) == (6, 8, 3, 2, 3, 2)


def test_malformed_input_fails_located_and_leaves_nothing(tmp_path: Path, isolated_cache: Path) -> None:
    path = tmp_path / "bad.nt"
    path.write_text("<http://a> <http://b> <http://c> .\n<http://a> <http://b> oops .\n", encoding="utf-8")
    with pytest.raises(GraphImportError, match=r"bad\.nt lines 1-"):
        import_graph(find_import_source(path), "bad", isolated_cache)
    turtle = tmp_path / "bad.ttl"
    turtle.write_text('@prefix a: <http://x/> .\na:b a:c a:d ;\n  a:e "x .\n', encoding="utf-8")
    with pytest.raises(GraphImportError, match=r"bad\.ttl: .*line 3"):
        import_graph(find_import_source(turtle), "bad", isolated_cache)
    missing = _write_kgx(tmp_path / "nocol", edges="subject\tobject\nA\tB\n")
    with pytest.raises(GraphImportError, match="missing KGX column"):
        import_graph(find_import_source(missing), "bad", isolated_cache)
    graphs_dir = isolated_cache / "graphs"
    assert list(graphs_dir.iterdir()) == []


KILLED_IMPORT = """
import sys, time
from pathlib import Path
from msc_graph.interop.imported import find_import_source, import_graph

def progress(n):
    print("started", flush=True)
    time.sleep(60)

import_graph(find_import_source(Path(sys.argv[1])), "killed", Path(sys.argv[2]), progress=progress)
"""


def test_a_killed_import_leaves_no_graph(tmp_path: Path, isolated_cache: Path) -> None:
    source = _write_kgx(tmp_path / "in")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(source), str(isolated_cache)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "started"  # mid-import: store open, records half-built
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert list_graphs(isolated_cache) == []
    assert not (isolated_cache / "graphs" / "killed").exists()
    leftovers = {p.name for p in (isolated_cache / "graphs").iterdir()}
    # its half-written folder, and the file of its lock (the kernel released the lock itself)
    assert len(leftovers) == 2 and ".killed.lock" in leftovers
    assert all(name.startswith(".killed.tmp-") for name in leftovers - {".killed.lock"})
    import_graph(find_import_source(source), "killed", isolated_cache)  # and it cleans up after it
    assert [p.name for p in (isolated_cache / "graphs").iterdir()] == ["killed"]


def test_cli_import_shows_progress_then_paths_and_graphs_work(
    tmp_path: Path, isolated_cache: Path, runner
) -> None:
    source = _write_kgx(tmp_path / "in")
    result = runner.invoke(cli, ["import", str(source), "--name", "cli"])
    assert result.exit_code == 0, result.output
    # the bytes read (a line per tenth, stderr being no terminal), then a line per step after the reading
    lines = [line for line in result.stderr.splitlines() if line.startswith("importing cli: ")]
    steps = [line for line in lines if "%" not in line]
    assert lines[: -len(steps)] and lines[len(lines) - len(steps) - 1].startswith("importing cli: 100% (")
    assert [step.split(";")[0] for step in steps] == [
        "importing cli: input read",
        "importing cli: the store merges the files it loaded (RocksDB compaction",
    ]
    quiet = runner.invoke(cli, ["import", str(source), "--name", "cli", "--replace", "--quiet"])
    assert quiet.exit_code == 0 and "importing" not in quiet.stderr
    assert "imported cli (kgx): 6 nodes, 8 edges" in result.stdout
    result = runner.invoke(cli, ["paths", "--graph", "cli", "drug one", "some disease", "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [p["net_sign"] for p in payload["paths"]] == [1, None]  # signed first, then acts-on
    assert payload["paths"][0]["hops"][0]["evidence"][0]["read_in"] == "import:cli"
    listed = json.loads(runner.invoke(cli, ["graphs", "-f", "json"]).stdout)
    assert [(g["name"], g["nodes"], g["edges"]) for g in listed] == [("cli", 6, 8)]
    assert runner.invoke(cli, ["paths", "--graph", "nope", "a", "b"]).exit_code == 2
    assert runner.invoke(cli, ["paths", "--with-curated", "a", "b"]).exit_code == 2
    assert runner.invoke(cli, ["graphs", "--remove", "cli"]).exit_code == 0
    assert list_graphs(isolated_cache) == []


CURATED_BRIDGE = """\
subject\tpredicate\tobject\tprimary_knowledge_source
NCBIGene:7\tbiolink:positively_regulates\tHGNC:12680\tinfores:test
"""


def test_with_curated_joins_the_curated_graph_through_its_xrefs(tmp_path: Path, real_project, runner) -> None:
    # VEGF is curated with xref HGNC:12680; the imported edge NCBIGene:7 → HGNC:12680 lands on it,
    # so chains run NCBIGene:7 ⟶ VEGF, then on through the curated VEGF edges to pain.
    nodes = "id\tname\nNCBIGene:7\tGENE7\nHGNC:12680\tVEGFA imported\n"
    source = _write_kgx(tmp_path / "in", nodes=nodes, edges=CURATED_BRIDGE)
    assert runner.invoke(cli, ["import", str(source), "--name", "bridge", "--quiet"]).exit_code == 0
    alone = runner.invoke(cli, ["paths", "--graph", "bridge", "GENE7", "pain", "-f", "json"])
    assert alone.exit_code == 2  # pain is not in the imported graph
    result = runner.invoke(
        cli, ["paths", "--graph", "bridge", "--with-curated", "GENE7", "pain", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    chains = [[n["id"] for n in p["nodes"]] for p in json.loads(result.stdout)["paths"]]
    assert chains and all(chain[:2] == ["NCBIGene:7", "vegf"] for chain in chains)
    # viz draws the same overlay: around GENE7, one edge out reaches the curated VEGF node
    page = tmp_path / "bridge.html"
    args = ["viz", "--graph", "bridge", "--around", "GENE7", "--depth", "2", "-o", str(page)]
    result = runner.invoke(cli, [*args, "--with-curated"])
    assert result.exit_code == 0, result.output
    data = page.read_text(encoding="utf-8")
    assert '"vegf"' in data and "VEGF" in data and '"NCBIGene:7"' in data
    assert runner.invoke(cli, args).exit_code == 0  # alone: the imported nodes only
    assert '"vegf"' not in page.read_text(encoding="utf-8")
    assert runner.invoke(cli, ["viz", "--with-curated", "-o", str(page)]).exit_code == 2


@pytest.mark.slow
def test_import_of_a_100k_edge_kgx_graph_then_paths(tmp_path: Path, isolated_cache: Path, runner) -> None:
    generate = load_file_module(ROOT / "benchmarks" / "generate.py")
    files = generate.generate(100_000, seed=7, out_dir=tmp_path)
    result = runner.invoke(cli, ["import", str(files["edges"]), "--name", "hetio100k"])
    assert result.exit_code == 0, result.output
    # stderr is not a terminal here, so progress is a line per further tenth of the input's bytes
    shown = [int(p) for p in re.findall(r"^importing hetio100k: (\d+)% \(", result.stderr, re.MULTILINE)]
    assert len(shown) >= 3 and shown == sorted(set(shown)) and shown[-1] == 100, result.stderr
    graph = open_imported_graph(isolated_cache, "hetio100k")
    assert graph.meta["edges"] > 90_000  # a few small edge types saturate
    treats = next(
        line.split("\t") for line in files["edges"].read_text().splitlines() if "\tbiolink:treats\t" in line
    )
    result = runner.invoke(
        cli,
        [
            "paths",
            "--graph",
            "hetio100k",
            treats[1],
            treats[3],
            "--max-hops",
            "3",
            "--max-paths",
            "20",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["paths"] and payload["paths"][0]["nodes"][0]["id"] == treats[1]
    assert all(p["nodes"][-1]["id"] == treats[3] for p in payload["paths"])


def test_our_export_concatenated_with_an_external_file_is_one_queryable_graph(
    tmp_path: Path, real_project, runner
) -> None:
    # SPARQL over the curated graph and someone else's together: export ours as N-Triples, append
    # theirs, import the one file. Our assertions fold back into edges; theirs stay as written.
    ours = tmp_path / "ours.nt"
    assert runner.invoke(cli, ["export", "-f", "nt", "-o", str(ours)]).exit_code == 0
    theirs = (
        "<http://example.org/NCBIGene_7> <https://w3id.org/biolink/vocab/positively_regulates> "
        "<https://w3id.org/msc-graph/entity/vegf> .\n"
    )
    both = tmp_path / "both.nt"
    both.write_text(ours.read_text(encoding="utf-8") + theirs, encoding="utf-8")
    result = runner.invoke(cli, ["import", str(both), "--name", "both", "--quiet"])
    assert result.exit_code == 0, result.output
    query = "SELECT ?s WHERE { ?s <https://w3id.org/biolink/vocab/positively_regulates> entity:vegf }"
    rows = json.loads(runner.invoke(cli, ["sparql", "--graph", "both", query, "-f", "json"]).stdout)
    assert json.dumps(rows).count("http://example.org/NCBIGene_7") == 1
    result = runner.invoke(
        cli, ["paths", "--graph", "both", "http://example.org/NCBIGene_7", "pain", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    chains = [[n["id"] for n in p["nodes"]] for p in json.loads(result.stdout)["paths"]]
    assert chains and all(chain[:2] == ["http://example.org/NCBIGene_7", "entity:vegf"] for chain in chains)


def test_on_a_terminal_the_bar_is_finished_before_the_steps_after_the_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from msc_graph.cli.imports import _feedback

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with _feedback("big", 1000, quiet=False) as feedback:
        assert feedback is not None
        feedback.read(400)
        feedback.read(600)
        feedback.stage("input read; writing the records and the network")
        feedback.stage("the store merges the files it loaded")
    shown = terminal.getvalue()
    last_bar = shown.rindex("100%")
    first_step = shown.index("importing big: input read")
    assert shown.index("importing big  [") < last_bar < first_step  # the bar, ended, then the steps
    assert shown[first_step:].splitlines() == [
        "importing big: input read; writing the records and the network",
        "importing big: the store merges the files it loaded",
    ]


def test_paths_on_an_imported_graph_loads_no_cache_store_or_array_library(kgx_graph) -> None:
    # the search reads the record files and the written network: the curated graph's model cache
    # (pickle, hashlib with OpenSSL), the store and numpy are start-up time it does not need
    code = (
        "import sys\n"
        "sys.argv = ['mscgraph', 'paths', '--graph', 'test', 'drug one', 'some disease', '-f', 'json']\n"
        "from msc_graph.cli import cli\n"
        "try:\n    cli(prog_name='mscgraph')\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print(' '.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "net_sign" in out.stdout  # the search did run
    assert not loaded & {"msc_graph.views.cache", "pickle", "_hashlib", "pyoxigraph", "numpy", "networkx"}


def test_a_tiny_score_on_a_hub_heavy_graph_keeps_its_digits(
    tmp_path: Path, isolated_cache: Path, runner
) -> None:
    """Hub damping makes a 3-hop chain through hubs score ~1e-7: the JSON keeps four significant digits.

    Written to six decimals, as before, it was 0.0: a score no evidence gives,
    and chains a consumer could no longer rank.
    """
    nodes = "id\tcategory\tname\n" + "".join(
        f"{node}\tbiolink:Gene\t{node}\n" for node in ("NCBIGene:1", "NCBIGene:2", "NCBIGene:3", "NCBIGene:4")
    )
    rows = ["id\tsubject\tpredicate\tobject\tpublications"]
    chain = [("NCBIGene:1", "NCBIGene:2"), ("NCBIGene:2", "NCBIGene:3"), ("NCBIGene:3", "NCBIGene:4")]
    rows += [f"c{n}\t{s}\tbiolink:positively_regulates\t{o}\tPMID:{n + 1}" for n, (s, o) in enumerate(chain)]
    for n in range(300):  # hubs: every node of the chain has 300 more edges out and in
        for node in ("NCBIGene:1", "NCBIGene:2", "NCBIGene:3", "NCBIGene:4"):
            rows.append(f"o{node}-{n}\t{node}\tbiolink:related_to\tNCBIGene:{1000 + n}\t")
            rows.append(f"i{node}-{n}\tNCBIGene:{2000 + n}\tbiolink:related_to\t{node}\t")
    source = _write_kgx(tmp_path / "in", nodes, "\n".join(rows) + "\n")
    assert runner.invoke(cli, ["import", str(source), "--name", "hubs", "--quiet"]).exit_code == 0
    result = runner.invoke(cli, ["paths", "--graph", "hubs", "NCBIGene:1", "NCBIGene:4", "-f", "json"])
    assert result.exit_code == 0, result.output
    (path,) = json.loads(result.stdout)["paths"]
    # each hop: one study (1 - 0.5) x (out-degree 301 x in-degree 301) ** -0.4
    expected = (0.5 * (301 * 301) ** -0.4) ** 3
    assert expected < 5e-7 and path["score"] == float(f"{expected:.4g}")
