"""SPARQL: the read-only guard, error positions, deadlines and caps, named queries, CLI commands.

Every shipped named query is run on the curated graph (it must return rows)
and on both engines, pyoxigraph and rdflib, which must agree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.errors import QueryError
from msc_graph.query.sparql import (
    DEFAULT_PREFIXES,
    QueryTimeoutError,
    RefusedQueryError,
    bind_parameters,
    find_named_query,
    iter_named_queries,
    iter_tokens,
    prepare_query,
    run_query,
    serialize_result,
)

from .conftest import make_cycle_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "data" / "fixture"
NAMED = sorted(q.name for q in iter_named_queries())


# ---------------------------------------------------------------------------------------------
# graphs shared by the module (building the rdflib view of the curated graph takes seconds)


@pytest.fixture(scope="module")
def fixture_views(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from msc_graph.config import Project
    from msc_graph.views import open_graph

    root = tmp_path_factory.mktemp("sparql-fixture")
    shutil.copytree(FIXTURE / "graph_data", root / "graph_data")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    with pytest.MonkeyPatch.context() as patch:  # undone before other fixtures read the env
        patch.setenv("MSC_GRAPH_SEEDS", str(FIXTURE / "seeds"))
        patch.setenv("MSC_GRAPH_CACHE", str(root / "cache"))
        views = open_graph(Project(root))
    yield views


@pytest.fixture(scope="module")
def real_views(seeds_dir: Path, real_cache: Path) -> Iterator[object]:
    from msc_graph.config import Project
    from msc_graph.views import open_graph

    # the curated data ships with the checkout: if it fails to validate, that is a failure, not a skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSC_GRAPH_CACHE", str(real_cache))
        patch.setenv("MSC_GRAPH_SEEDS", str(seeds_dir))
        views = open_graph(Project(ROOT))
    yield views


@pytest.fixture()
def slow_store():
    """A generated graph on which a two-way cross product takes seconds."""
    return make_cycle_store()


# ---------------------------------------------------------------------------------------------
# tokenizer and guard


def test_tokenizer_keeps_keywords_in_strings_iris_and_comments_out() -> None:
    text = (
        "SELECT * WHERE { ?s ?p \"INSERT\" , '''DROP\nALL''' , <http://x/SERVICE> , "
        "ex:SERVICE , ?delete } # LOAD <http://evil>"
    )
    keywords = {t.keyword for t in iter_tokens(text)} - {None}
    assert keywords == {"SELECT", "WHERE"}
    comment = [t for t in iter_tokens(text) if t.kind == "comment"]
    assert comment and comment[0].text.startswith("# LOAD")


def test_tokenizer_positions_are_one_based_lines_and_columns() -> None:
    tokens = list(iter_tokens("SELECT *\nWHERE {\n  ?s ?p ?o }"))
    where = next(t for t in tokens if t.keyword == "WHERE")
    var = next(t for t in tokens if t.text == "?p")
    assert (where.line, where.column) == (2, 1)
    assert (var.line, var.column) == (3, 6)


REFUSED = {
    "insert-data": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "lowercase-insert-data": "insert data { <urn:a> <urn:b> <urn:c> }",
    "delete-data": "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "delete-where": "DELETE WHERE { ?s ?p ?o }",
    "modify": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "with": "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "load": "LOAD <http://example.org/data.ttl>",
    "clear": "CLEAR ALL",
    "drop": "DROP GRAPH <urn:g>",
    "create": "CREATE GRAPH <urn:g>",
    "add": "ADD DEFAULT TO <urn:g>",
    "move": "MOVE DEFAULT TO <urn:g>",
    "copy": "COPY DEFAULT TO <urn:g>",
    "query-then-update": "SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { <urn:a> <urn:b> 1 }",
    "prefix-then-update": "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }",
    "service": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "service-silent": "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
    "service-in-optional": "SELECT * WHERE { ?s ?p ?o OPTIONAL { service <http://x/q> { ?s ?p ?o } } }",
    "service-in-ask": "ASK { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "service-after-dot": "SELECT * WHERE { ?s ?p ?o .SERVICE <http://x/q> { ?s ?p ?o } }",
    "service-escaped": r"SELECT * WHERE { \u0053ERVICE <http://x/q> { ?s ?p ?o } }",
    "service-variable": "SELECT * WHERE { VALUES ?e { <http://x/q> } SERVICE ?e { ?s ?p ?o } }",
    "from-http": "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "from-file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "from-named": "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "from-prefixed": "PREFIX ex: <http://example.org/>\nSELECT * FROM ex:data WHERE { ?s ?p ?o }",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_guard_refuses_updates_service_and_remote_from(name: str) -> None:
    with pytest.raises(RefusedQueryError) as caught:
        prepare_query(REFUSED[name], DEFAULT_PREFIXES)
    assert "refused" in str(caught.value)


def test_guard_names_the_refused_keyword_and_its_position() -> None:
    with pytest.raises(RefusedQueryError) as caught:
        prepare_query(
            "# a comment\nSELECT * WHERE {\n  OPTIONAL { SERVICE <http://x/q> { ?s ?p ?o } } }",
            DEFAULT_PREFIXES,
        )
    assert (caught.value.line, caught.value.column) == (3, 14)
    with pytest.raises(RefusedQueryError, match=r"Update \(INSERT\)"):
        prepare_query("insert data { <urn:a> <urn:b> 1 }", DEFAULT_PREFIXES)


ALLOWED = {
    "keyword-in-string": 'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "INSERT DATA { } ; DROP ALL") }',
    "service-in-string": "SELECT ?s WHERE { ?s ?p ?o FILTER(?o != 'SERVICE <http://x/q> { }') }",
    "keyword-in-long-string": 'SELECT ?s WHERE { ?s ?p ?o FILTER(?o != """\nDELETE\nWHERE""") }',
    "keyword-in-comment": "SELECT ?s # INSERT DATA, SERVICE, DROP ALL\nWHERE { ?s ?p ?o }",
    "keyword-in-iri": "SELECT ?s WHERE { ?s <http://example.org/SERVICE/INSERT> ?o }",
    "keyword-as-variable": "SELECT ?insert ?service WHERE { ?insert ?service ?load }",
    "keyword-as-local-name": "PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s ex:SERVICE ex:DROP }",
    "keyword-as-language-tag": 'SELECT ?s WHERE { ?s ?p "x"@service }',
    "from-local-graph-name": "SELECT * FROM <urn:x-msc:graph> WHERE { ?s ?p ?o }",
    "less-than": "SELECT ?s WHERE { ?s msc:sign ?x FILTER(?x < 0 && ?x <= 1) }",
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_guard_lets_look_alikes_through_and_they_run(name: str, fixture_views) -> None:
    prepared = prepare_query(ALLOWED[name], fixture_views.prefixes)
    assert prepared.form == "SELECT"
    run_query(fixture_views.store, ALLOWED[name], fixture_views.prefixes)


def test_guard_refuses_an_update_on_every_local_entry_point(fixture_views) -> None:
    before = len(fixture_views.store)
    for text in REFUSED.values():
        with pytest.raises(RefusedQueryError):
            run_query(fixture_views.store, text, fixture_views.prefixes)
    assert len(fixture_views.store) == before


def test_predeclared_prefixes_are_prepended_only_when_used_and_undeclared() -> None:
    prepared = prepare_query("SELECT * WHERE { ?s skos:broader entity:pain }", DEFAULT_PREFIXES)
    assert prepared.text.splitlines()[:2] == [
        f"PREFIX entity: <{DEFAULT_PREFIXES['entity']}>",
        f"PREFIX skos: <{DEFAULT_PREFIXES['skos']}>",
    ]
    assert prepared.shift == 2
    own = "PREFIX skos: <http://example.org/mine#>\nSELECT * WHERE { ?s skos:broader ?o }"
    assert prepare_query(own, DEFAULT_PREFIXES).text == own


def test_syntax_error_reports_line_and_column_of_the_users_text(fixture_views) -> None:
    # the bad LIMIT stands at line 5, column 7 of the user's text; pyoxigraph sees line 7,
    # after the two PREFIX lines (msc:, rdfs:) prepended for it
    text = "SELECT ?s\nWHERE {\n  ?s msc:sign ?x .\n  ?s rdfs:label ?l }\nLIMIT x"
    assert prepare_query(text, fixture_views.prefixes).shift == 2
    with pytest.raises(QueryError) as caught:
        run_query(fixture_views.store, text, fixture_views.prefixes)
    assert (caught.value.line, caught.value.column) == (5, 7)
    assert "syntax error" in str(caught.value)
    assert str(caught.value).endswith("at line 5, column 7")


def test_not_a_query_is_reported() -> None:
    with pytest.raises(QueryError, match="expected SELECT"):
        prepare_query("PREFIX ex: <http://example.org/>\nHELLO", DEFAULT_PREFIXES)


# ---------------------------------------------------------------------------------------------
# deadlines and caps


def test_timeout_stops_a_query_that_keeps_producing_rows(slow_store) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match=r"stopped after 0\.3 s"):
        run_query(slow_store, "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }", {}, timeout_s=0.3, limit=0)
    assert time.monotonic() - started < 3


def test_timeout_returns_control_while_the_engine_is_inside_one_long_step(slow_store) -> None:
    # COUNT over 25 million pairs is one step for pyoxigraph (~3 s); the caller is back at 0.3 s
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        run_query(slow_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }", {}, timeout_s=0.3)
    assert time.monotonic() - started < 2


def test_results_are_capped_and_the_cap_is_reported(fixture_views) -> None:
    text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    capped = run_query(fixture_views.store, text, fixture_views.prefixes, limit=5)
    assert len(capped.rows) == 5 and capped.truncated
    whole = run_query(fixture_views.store, text, fixture_views.prefixes, limit=0)
    assert len(whole.rows) == len(fixture_views.store) and not whole.truncated
    graph = run_query(fixture_views.store, "CONSTRUCT WHERE { ?s ?p ?o }", fixture_views.prefixes, limit=3)
    assert len(graph.triples) == 3 and graph.truncated


# ---------------------------------------------------------------------------------------------
# parameters


def test_string_parameters_are_escaped_literals_not_spliced_text(fixture_views) -> None:
    text = 'SELECT ?x WHERE { VALUES ?x { "default" } }'
    hostile = 'a" } } ; DROP ALL ; SELECT * WHERE { "\\'
    bound = bind_parameters(text, {"x": hostile}, DEFAULT_PREFIXES)
    result = run_query(fixture_views.store, bound, fixture_views.prefixes)
    assert result.records() == [{"x": hostile}]


def test_iri_parameters_are_checked_and_resolved(fixture_views) -> None:
    text = "SELECT ?e WHERE { VALUES ?e { entity:pain } }"
    assert "<https://w3id.org/msc-graph/entity/np>" in bind_parameters(text, {"e": "np"}, DEFAULT_PREFIXES)
    assert "<http://example.org/x>" in bind_parameters(text, {"e": "http://example.org/x"}, DEFAULT_PREFIXES)
    assert "<https://w3id.org/msc-graph/vocab#Cytokine>" in bind_parameters(
        text, {"e": "msc:Cytokine"}, DEFAULT_PREFIXES
    )
    for hostile in ("pain> } } DROP ALL #", 'a"b', "a b", "x{y}"):
        with pytest.raises(QueryError, match="not a valid IRI"):
            bind_parameters(text, {"e": hostile}, DEFAULT_PREFIXES)
    resolved = bind_parameters(
        text, {"e": "neuropathic pain"}, DEFAULT_PREFIXES, lambda name, namespace: namespace + "np"
    )
    assert "entity/np>" in resolved


def test_a_parameter_without_a_values_clause_cannot_be_bound() -> None:
    with pytest.raises(QueryError, match="no one-value VALUES"):
        bind_parameters('SELECT * WHERE { ?s ?p ?o } # VALUES ?x { "a" }', {"x": "b"}, DEFAULT_PREFIXES)


# ---------------------------------------------------------------------------------------------
# named queries


def test_at_least_fifteen_named_queries_ship() -> None:
    assert len(NAMED) >= 15


@pytest.mark.parametrize("name", NAMED)
def test_named_query_header_and_parameters(name: str) -> None:
    query = find_named_query(name)
    assert query.title and query.description
    text = query.text
    assert text.startswith("# title: ")
    for param in query.params:
        assert param.meaning, param.name
        # the default of the header is the one the VALUES clause holds, as an id or a string
        assert (
            f'VALUES ?{param.name} {{ "{param.default}" }}' in text
            or f"VALUES ?{param.name} {{ entity:{param.default} }}" in text
            or f"VALUES ?{param.name} {{ study:{param.default} }}" in text
        ), param.name
    bound = query.bind()
    prepare_query(bound, DEFAULT_PREFIXES)


@pytest.mark.parametrize("name", NAMED)
def test_named_query_runs_on_the_fixture_graph(name: str, fixture_views) -> None:
    run_query(fixture_views.store, find_named_query(name).bind(), fixture_views.prefixes)


@pytest.mark.parametrize("name", NAMED)
def test_named_query_returns_rows_on_the_curated_graph(name: str, real_views) -> None:
    result = run_query(real_views.store, find_named_query(name).bind(), real_views.prefixes)
    assert result.rows, f"{name} returned no rows on the curated graph"


def test_unknown_named_query_suggests_close_names() -> None:
    with pytest.raises(QueryError, match="did you mean: intrathecal-studies"):
        find_named_query("intrathecal-study")


def test_intrathecal_studies_include_zhang_shiue_and_gao(real_views) -> None:
    records = run_query(
        real_views.store, find_named_query("intrathecal-studies").bind(), real_views.prefixes
    ).records()
    assert {"zhang-2022", "shiue-2019", "gao-2023a", "gao-2023b"} <= {r["study"] for r in records}


def test_everything_that_decreases_il1b_includes_the_full_secretome(real_views) -> None:
    query = find_named_query("decreases-cytokine")
    text = query.bind({"cytokine": "il-1b"}, real_views.prefixes)
    records = run_query(real_views.store, text, real_views.prefixes).records()
    assert records and all(r["object"] == "IL-1β" for r in records)
    assert "full secretome" in {r["subject"] for r in records}


# ---------------------------------------------------------------------------------------------
# pyoxigraph and rdflib agree on every named query

RDFLIB_BUDGET_S = 20


def _cell(value: str) -> str:
    # GROUP_CONCAT's order is unspecified: compare its parts as a sorted list
    return "; ".join(sorted(value.split("; ")))


def _oxigraph_rows(views, text: str) -> set[frozenset]:
    result = run_query(views.store, text, views.prefixes, limit=0)
    return {
        frozenset(
            (name, _cell(term.value))
            for name, term in zip(result.variables, row, strict=True)
            if term is not None
        )
        for row in result.rows
    }


def _rdflib_rows(views, text: str) -> set[frozenset]:
    # rdflib runs in a forked child that is killed at the budget: an alarm raised inside rdflib
    # can be swallowed (it catches exceptions while evaluating a FILTER), which once left
    # `make test` waiting on one query for minutes.
    import multiprocessing

    graph = views.rdflib_graph  # built here; the child shares it through fork
    query = prepare_query(text, views.prefixes).text

    def answer(sender) -> None:
        try:
            rows = {
                frozenset((str(name), _cell(str(value))) for name, value in row.asdict().items())
                for row in graph.query(query)
            }
            sender.send(("rows", rows))
        except Exception as error:  # reported to the parent, which fails the test with it
            sender.send(("error", repr(error)))

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=answer, args=(sender,), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(RDFLIB_BUDGET_S):
            pytest.skip(f"rdflib's engine needs more than {RDFLIB_BUDGET_S} s for this query")
        kind, payload = receiver.recv()
    finally:
        child.kill()
        child.join()
        receiver.close()
    assert kind == "rows", payload
    return payload


@pytest.mark.parametrize("name", NAMED)
def test_engines_agree_on_the_fixture_graph(name: str, fixture_views) -> None:
    text = find_named_query(name).bind()
    assert _oxigraph_rows(fixture_views, text) == _rdflib_rows(fixture_views, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMED)
def test_engines_agree_on_the_curated_graph(name: str, real_views) -> None:
    text = find_named_query(name).bind()
    oxigraph = _oxigraph_rows(real_views, text)
    assert oxigraph
    assert oxigraph == _rdflib_rows(real_views, text)


# ---------------------------------------------------------------------------------------------
# result formats


def test_result_formats_follow_the_w3c_shapes(fixture_views) -> None:
    text = "SELECT ?e ?label WHERE { ?e rdfs:label ?label ; a msc:Phenotype } ORDER BY ?label"
    result = run_query(fixture_views.store, text, fixture_views.prefixes)
    payload = json.loads(serialize_result(result, "json", fixture_views.prefixes))
    assert payload["head"]["vars"] == ["e", "label"]
    assert payload["results"]["bindings"][0] == {
        "e": {"type": "uri", "value": "https://w3id.org/msc-graph/entity/np"},
        "label": {"type": "literal", "value": "neuropathic pain"},
    }
    csv_lines = serialize_result(result, "csv", fixture_views.prefixes).split("\r\n")
    assert csv_lines[:2] == ["e,label", "https://w3id.org/msc-graph/entity/np,neuropathic pain"]
    tsv_lines = serialize_result(result, "tsv", fixture_views.prefixes).splitlines()
    assert tsv_lines[:2] == ["?e\t?label", '<https://w3id.org/msc-graph/entity/np>\t"neuropathic pain"']
    ask = run_query(fixture_views.store, "ASK { entity:np skos:broader entity:pain }", fixture_views.prefixes)
    assert json.loads(serialize_result(ask, "json", {})) == {"head": {}, "boolean": True}
    with pytest.raises(QueryError, match="needs a CONSTRUCT"):
        serialize_result(result, "ttl", {})


def test_graph_results_serialise_as_turtle_and_ntriples(fixture_views) -> None:
    import pyoxigraph

    text = "CONSTRUCT { ?s skos:broader ?o } WHERE { ?s skos:broader ?o }"
    result = run_query(fixture_views.store, text, fixture_views.prefixes)
    turtle = serialize_result(result, "ttl", fixture_views.prefixes)
    assert "@prefix entity:" in turtle and "entity:np skos:broader entity:pain" in turtle
    ntriples = serialize_result(result, "nt", fixture_views.prefixes)
    assert len(list(pyoxigraph.parse(ntriples.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES))) == 2
    assert len(list(pyoxigraph.parse(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE))) == 2


# ---------------------------------------------------------------------------------------------
# CLI


def test_cli_sparql_json_from_text_stdin_and_file(runner, fixture_project, tmp_path: Path) -> None:
    text = "SELECT ?label WHERE { entity:np rdfs:label ?label }"
    outputs = [runner.invoke(cli, ["sparql", text, "-f", "json"])]
    outputs.append(runner.invoke(cli, ["sparql", "-", "-f", "json"], input=text))
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    outputs.append(runner.invoke(cli, ["sparql", f"@{tmp_path / 'q.rq'}", "-f", "json"]))
    for output in outputs:
        assert output.exit_code == 0, output.output
        payload = json.loads(output.stdout)
        assert payload["results"]["bindings"] == [{"label": {"type": "literal", "value": "neuropathic pain"}}]


def test_cli_sparql_text_csv_tsv_and_graph_defaults(runner, fixture_project) -> None:
    text = "SELECT ?e WHERE { ?e a msc:Phenotype } ORDER BY ?e"
    table = runner.invoke(cli, ["sparql", text])
    assert table.exit_code == 0 and "entity:np" in table.stdout and "2 row(s)" in table.stdout
    csv_out = runner.invoke(cli, ["sparql", text, "-f", "csv"])
    assert csv_out.stdout.splitlines()[0] == "e"
    graph = runner.invoke(cli, ["sparql", "CONSTRUCT WHERE { ?s skos:broader ?o }"])
    assert graph.exit_code == 0 and "@prefix" in graph.stdout
    nt = runner.invoke(cli, ["sparql", "DESCRIBE entity:np", "-f", "nt"])
    assert nt.exit_code == 0 and nt.stdout.rstrip().endswith(".")


def test_cli_sparql_notes_a_capped_result_on_stderr(runner, fixture_project) -> None:
    result = runner.invoke(cli, ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--limit", "3", "-f", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 3
    assert "capped at 3 rows" in result.stderr


@pytest.mark.parametrize(
    "text,message",
    [
        ("INSERT DATA { <urn:a> <urn:b> 1 }", "refused"),
        ("SELECT * WHERE { SERVICE <http://x/q> { ?s ?p ?o } }", "SERVICE is refused"),
        ("SELECT * WHERE {\n ?s ?p }", "line 2, column"),
    ],
)
def test_cli_sparql_errors_are_one_line_with_exit_code_2(
    runner, fixture_project, text: str, message: str
) -> None:
    result = runner.invoke(cli, ["sparql", text])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_cli_query_list_json(runner) -> None:
    result = runner.invoke(cli, ["query", "--list", "-f", "json"])
    assert result.exit_code == 0
    listing = {item["name"]: item for item in json.loads(result.stdout)}
    assert set(listing) == set(NAMED)
    assert listing["intrathecal-studies"]["params"] == [
        {
            "name": "route",
            "default": "intrathecal",
            "meaning": "the route of administration (entity id, label, synonym or IRI)",
        }
    ]


def test_cli_query_binds_parameters_by_name(runner, fixture_project) -> None:
    result = runner.invoke(cli, ["query", "evidence-for-entity", "-p", "entity=GFAP", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert {r["quote"]["value"] for r in rows} >= {"GFAP marks astrocytes."}
    unknown = runner.invoke(cli, ["query", "evidence-for-entity", "-p", "entity=no such thing"])
    assert unknown.exit_code == 2 and "unknown entity" in unknown.stderr
    wrong = runner.invoke(cli, ["query", "evidence-for-entity", "-p", "nope=1"])
    assert wrong.exit_code == 2 and "no parameter nope" in wrong.stderr
    shown = runner.invoke(cli, ["query", "evidence-for-entity", "-p", "entity=GFAP", "--show"])
    assert "VALUES ?entity { <https://w3id.org/msc-graph/entity/gfap> }" in shown.stdout


def test_study_parameters_name_a_study_as_studies_does(runner, fixture_project) -> None:
    """A study parameter takes what `studies` takes (id, citation as written, normalised, or a
    part of it): one rule, views.resolve.find_studies; two hits are ambiguous, a miss suggests."""

    def bound(value: str):
        return runner.invoke(cli, ["query", "studies-read-in-review", "-p", f"review={value}", "--show"])

    iri = "<https://w3id.org/msc-graph/study/ferrini-2025>"
    for value in ("ferrini-2025", "study:ferrini-2025", "Ferrini et al., 2025", "ferrini et al 2025"):
        result = bound(value)
        assert result.exit_code == 0 and f"VALUES ?review {{ {iri} }}" in result.stdout, (
            value,
            result.output,
        )
    two = bound("et al., 202")  # part of every citation
    assert two.exit_code == 2 and "ambiguous" in two.stderr.lower(), two.output
    miss = bound("Ferini et al., 2025")
    assert miss.exit_code == 2 and "Ferrini et al., 2025" in miss.stderr, miss.output


def test_cli_export_ntriples_and_turtle(runner, fixture_project, tmp_path: Path) -> None:
    import pyoxigraph

    nt_path, ttl_path = tmp_path / "graph.nt", tmp_path / "graph.ttl"
    assert runner.invoke(cli, ["export", "-f", "nt", "-o", str(nt_path)]).exit_code == 0
    assert runner.invoke(cli, ["export", "-f", "ttl", "-o", str(ttl_path)]).exit_code == 0
    lines = nt_path.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    first = nt_path.read_bytes()
    runner.invoke(cli, ["export", "-f", "nt", "-o", str(nt_path)])
    assert nt_path.read_bytes() == first  # stable
    parsed = list(pyoxigraph.parse(ttl_path.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(parsed) > len(lines)  # Turtle carries the ontology too
    assert not list(tmp_path.glob("*.tmp"))


# ---------------------------------------------------------------------------------------------
# imported graphs (mscgraph import): the same commands on their persistent stores


@pytest.fixture()
def imported_turtle(runner, fixture_project, tmp_path: Path) -> str:
    """The fixture graph exported as Turtle (ontology included) and imported as graph "rt"."""
    path = tmp_path / "graph.ttl"
    assert runner.invoke(cli, ["export", "-f", "ttl", "-o", str(path)]).exit_code == 0
    result = runner.invoke(cli, ["import", str(path), "--name", "rt", "--quiet"])
    assert result.exit_code == 0, result.output
    return "rt"


def test_every_named_query_answers_the_same_on_the_imported_export(imported_turtle, fixture_project) -> None:
    from msc_graph.interop.imported import open_imported
    from msc_graph.views import open_graph

    curated, imported = open_graph(fixture_project), open_imported(imported_turtle, fixture_project)
    assert len(imported.store) == len(curated.store)  # graph and ontology, every triple back
    answered = 0
    for name in NAMED:
        text = find_named_query(name).bind()

        def rows(views, text=text) -> list[str]:
            result = run_query(views.store, text, views.prefixes, limit=0)
            # GROUP_CONCAT's order is unspecified (the shipped queries join with "; "): compare as sets
            return sorted(
                json.dumps({k: "; ".join(sorted(v.split("; "))) for k, v in record.items()}, sort_keys=True)
                for record in result.records()
            )

        expected = rows(curated)
        assert rows(imported) == expected, name
        answered += bool(expected)
    assert answered >= 10  # most queries have rows on the fixture, so the comparison says something


def test_cli_sparql_and_query_take_an_imported_graph(runner, imported_turtle) -> None:
    count = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a msc:Assertion }"
    result = runner.invoke(cli, ["sparql", count, "--graph", "rt", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "16"

    def bindings(args: list[str]) -> list[str]:
        answer = runner.invoke(cli, ["query", "evidence-for-entity", *args, "-f", "json"])
        assert answer.exit_code == 0, answer.output
        return sorted(json.dumps(b, sort_keys=True) for b in json.loads(answer.stdout)["results"]["bindings"])

    # the parameter resolves by label among the imported nodes, to the IRI the import stored
    on_curated = bindings(["-p", "entity=GFAP"])
    assert on_curated and bindings(["--graph", "rt", "-p", "entity=GFAP"]) == on_curated
    assert bindings(["--graph", "rt", "-p", "entity=entity:gfap"]) == on_curated
    shown = runner.invoke(
        cli, ["query", "evidence-for-entity", "--graph", "rt", "-p", "entity=GFAP", "--show"]
    )
    assert "VALUES ?entity { <https://w3id.org/msc-graph/entity/gfap> }" in shown.stdout
    unknown = runner.invoke(
        cli, ["query", "evidence-for-entity", "--graph", "rt", "-p", "entity=no such thing"]
    )
    assert unknown.exit_code == 2 and "unknown entity" in unknown.stderr


def test_cli_sparql_on_an_imported_graph_keeps_the_guard_and_the_cap(runner, imported_turtle) -> None:
    refused = runner.invoke(cli, ["sparql", "INSERT DATA { <urn:a> <urn:b> 1 }", "--graph", "rt"])
    assert refused.exit_code == 2 and "refused" in refused.stderr
    capped = runner.invoke(
        cli, ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--graph", "rt", "--limit", "3", "-f", "json"]
    )
    assert capped.exit_code == 0
    assert len(json.loads(capped.stdout)["results"]["bindings"]) == 3
    assert "capped at 3 rows" in capped.stderr
    for command in (["sparql", "ASK {}"], ["query", "hedged-claims"]):
        unknown = runner.invoke(cli, [*command, "--graph", "nope"])
        assert unknown.exit_code == 2
        assert unknown.stderr == "error: no imported graph named 'nope'; imported graphs: rt\n"
    both = runner.invoke(cli, ["sparql", "ASK {}", "--graph", "rt", "--endpoint", "http://127.0.0.1:9/"])
    assert both.exit_code == 2 and "not both" in both.stderr


def test_cli_sparql_on_an_imported_graph_stops_at_the_timeout(runner, tmp_path: Path, isolated_cache) -> None:
    import pyoxigraph

    path = tmp_path / "cycle.nt"
    path.write_bytes(
        make_cycle_store().dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    )
    assert runner.invoke(cli, ["import", str(path), "--name", "cycle", "--quiet"]).exit_code == 0
    result = runner.invoke(
        cli,
        [
            "sparql",
            "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }",
            "--graph",
            "cycle",
            "--timeout",
            "0.3",
            "--limit",
            "0",
        ],
    )
    assert result.exit_code == 2 and "stopped after 0.3 s" in result.stderr


@pytest.mark.parametrize("command", ["sparql", "query", "serve", "export"])
def test_help_of_sparql_commands_loads_no_rdf_library(command: str) -> None:
    code = (
        "import sys\nfrom msc_graph.cli import cli\n"
        f"try:\n    cli(['{command}', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'pyparsing') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_the_guard_parses_safely_from_many_threads_at_once() -> None:
    # rdflib's grammar is one pyparsing object with shared state; under `serve` overlapping parses
    # once killed a handler without an answer. Distinct texts, so none is answered from the cache.
    import threading

    failures: list[BaseException] = []

    def client(number: int) -> None:
        for limit in range(60):
            text = f"SELECT ?s WHERE {{ ?s rdfs:label ?l FILTER(STRLEN(?l) > {number}) }} LIMIT {limit + 1}"
            try:
                prepare_query(text, DEFAULT_PREFIXES)
            except BaseException as error:  # anything at all is a failure here
                failures.append(error)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
