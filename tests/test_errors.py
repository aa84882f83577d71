"""Mistakes users make get one line that says what was meant: exit code 2, or a warning where the answer stands.

One test per mistake of issue 21: a mistyped command or option, an unknown
SPARQL prefix, a mistyped vocabulary term (a warning: the query still runs),
a context filter given an entity of the wrong type, `paths` finding no chain,
and `coverage` without the seed texts.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.errors import QueryError
from msc_graph.query.sparql import DEFAULT_PREFIXES, iter_named_queries, prepare_query, run_query

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real_views(seeds_dir: Path, real_cache: Path) -> Iterator[object]:
    from msc_graph.config import Project
    from msc_graph.views import open_graph

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSC_GRAPH_CACHE", str(real_cache))
        patch.setenv("MSC_GRAPH_SEEDS", str(seeds_dir))
        yield open_graph(Project(ROOT))


def _run(runner, args: list[str]):
    return runner.invoke(cli, args, prog_name="mscgraph")


def _first_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr  # one line, no usage block, no traceback
    return lines[0]


# ---------------------------------------------------------------------------------------------
# commands and options


def test_an_unknown_command_names_the_closest_commands(runner) -> None:
    line = _first_error_line(_run(runner, ["path", "VEGF", "pain"]))
    assert line == "error: no such command 'path'; did you mean paths?"
    line = _first_error_line(_run(runner, ["qurey", "hedged-claims"]))
    assert line == "error: no such command 'qurey'; did you mean query?"
    # a swap of two letters breaks every trigram; in a list this short the first letter and length do
    line = _first_error_line(_run(runner, ["serach", "IL-1"]))
    assert line == "error: no such command 'serach'; did you mean search?"
    line = _first_error_line(_run(runner, ["xyzzy"]))
    assert line == "error: no such command 'xyzzy'; see `mscgraph --help`"


def test_an_unknown_option_names_the_closest_options_of_its_command(runner) -> None:
    # click suggested these too, but in four lines ("Usage: ...", "Try ...", "Error: ...")
    line = _first_error_line(_run(runner, ["paths", "--max-hop", "3", "VEGF", "pain"]))
    assert line == "error: no such option '--max-hop' for mscgraph paths; did you mean --max-hops?"
    line = _first_error_line(_run(runner, ["studies", "--specis", "rat"]))
    assert line == "error: no such option '--specis' for mscgraph studies; did you mean --species?"
    line = _first_error_line(_run(runner, ["sparql", "--zzz", "ASK {}"]))
    assert line == "error: no such option '--zzz' for mscgraph sparql; see `mscgraph sparql --help`"


# ---------------------------------------------------------------------------------------------
# SPARQL: an unknown prefix


def test_an_unknown_prefix_is_named_with_its_position_and_the_prefixes_it_may_mean(
    runner, fixture_project
) -> None:
    line = _first_error_line(_run(runner, ["sparql", "SELECT * WHERE { ?s foo:bar ?o }"]))
    assert line == (
        "error: unknown prefix foo: at line 1, column 21; declare it (PREFIX foo: <IRI>) or use a "
        "predeclared prefix: msc:, entity:, study:, assertion:, evidence:, component:, rdf:, rdfs: "
        f"... ({len(fixture_project.read_prefixes())} in all)"
    )
    mistyped = "SELECT ?s\nWHERE {\n  ?s skso:broader entity:pain }"
    line = _first_error_line(_run(runner, ["sparql", mistyped]))
    assert line == (
        "error: unknown prefix skso: at line 3, column 6; did you mean skos:? "
        "(else declare it: PREFIX skso: <IRI>)"
    )


def test_an_unknown_prefix_is_left_to_an_endpoint_and_survives_the_worker() -> None:
    import pyoxigraph

    # an endpoint may predeclare prefixes of its own (Virtuoso does): the guard lets the query pass
    prepared = prepare_query("SELECT * WHERE { ?s dbo:birthPlace ?o }", DEFAULT_PREFIXES)
    assert prepared.unknown_prefix is not None
    with pytest.raises(QueryError) as caught:
        run_query(pyoxigraph.Store(), "SELECT * WHERE { ?s dbo:birthPlace ?o }", DEFAULT_PREFIXES)
    assert (caught.value.line, caught.value.column) == (1, 21)
    assert str(caught.value).startswith("unknown prefix dbo: at line 1, column 21; declare it")
    # a query worker pickles its error to the caller: the hint comes along
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)
    # another syntax error still gives its own position
    with pytest.raises(QueryError, match=r"^syntax error: .* at line 1, column 41$"):
        run_query(pyoxigraph.Store(), "SELECT * WHERE { ?s msc:sign ?o } LIMIT x", DEFAULT_PREFIXES)


# ---------------------------------------------------------------------------------------------
# SPARQL: a term the graph does not have


def test_a_mistyped_term_is_warned_about_and_the_query_still_runs(runner, fixture_project) -> None:
    text = "SELECT ?s WHERE { ?s msc:sign ?x OPTIONAL { ?s msc:decrease ?o . ?o a msc:Species } }"
    result = _run(runner, ["sparql", "-f", "json", text])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "warning: msc:decrease (line 1, column 48) names nothing in the graph; did you mean msc:decreases?"
    ]
    # the rows are the query's own, warning or not
    plain = _run(runner, ["sparql", "-f", "json", "SELECT ?s WHERE { ?s msc:sign ?x }"])
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert rows and rows == json.loads(plain.stdout)["results"]["bindings"]
    # on the curated graph an entity id is checked too
    result = _run(runner, ["sparql", "SELECT * WHERE { ?s msc:markerOf entity:GFAP }"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "warning: entity:GFAP (line 1, column 34) names nothing in the graph; did you mean entity:gfap?"
    ]
    # a prefix the query declares itself is its own namespace, not ours
    own = "PREFIX msc: <http://example.org/> SELECT * WHERE { ?s msc:decrease ?o }"
    assert _run(runner, ["sparql", own]).stderr == ""


def test_the_named_query_command_warns_too(runner, fixture_project) -> None:
    # an IRI given as a parameter is taken as written: one the graph lacks is warned about
    result = runner.invoke(
        cli, ["query", "decreases-cytokine", "-p", "cytokine=<https://w3id.org/msc-graph/entity/il1b>"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "warning: <https://w3id.org/msc-graph/entity/il1b> (line 9, column 22) names nothing in the graph"
    )


def test_no_shipped_query_and_no_written_term_is_warned_about(real_views) -> None:
    from msc_graph.query.sparql import resolve_parameter
    from msc_graph.query.sparql.terms import find_unknown_terms, read_vocabulary
    from msc_graph.views.namespaces import VOCAB_IRI
    from msc_graph.views.rdf import Iri

    vocabulary = read_vocabulary(real_views.project.ontology_files())
    written = {
        term.value.removeprefix(VOCAB_IRI)
        for triple in real_views.triples
        for term in triple
        if isinstance(term, Iri) and term.value.startswith(VOCAB_IRI)
    }
    assert written <= vocabulary, written - vocabulary
    entities = real_views.model.entities
    for named in iter_named_queries():
        for text in (named.text, named.bind({}, real_views.prefixes, resolve_parameter(real_views))):
            assert find_unknown_terms(text, real_views.prefixes, vocabulary, entities) == [], named.name


# ---------------------------------------------------------------------------------------------
# context filters


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        (
            "--species",
            "astrocytes",
            "names astrocytes, a cell-type; --species takes species entities: mouse, rat",
        ),
        (
            "--source",
            "rat",
            "names rat, a species; --source takes cell-source or msc-source entities: none in this graph",
        ),
        (
            "--preparation",
            "GFAP",
            "names GFAP, a marker; --preparation takes cell-preparation or secretome-component entities: "
            "conditioned medium, exosomes, vesicles",
        ),
        (
            "--model",
            "rat",
            "names rat, a species; --model takes disease-model entities (or a disease that one is a model "
            "of): chronic constriction injury",
        ),
        ("--route", "rat", "names rat, a species; --route takes route entities: none in this graph"),
    ],
)
def test_a_context_filter_of_the_wrong_type_lists_the_values_of_the_right_type(
    runner, fixture_project, option: str, value: str, expected: str
) -> None:
    for command in (["studies"], ["paths", "EV", "pain"]):
        line = _first_error_line(_run(runner, [*command, option, value]))
        assert line == f"error: {option} {value!r} {expected}"


def test_bone_marrow_is_no_species_in_the_real_graph(runner, real_project) -> None:
    line = _first_error_line(_run(runner, ["paths", "VEGF", "pain", "--species", "bone marrow"]))
    assert line == (
        "error: --species 'bone marrow' names bone marrow, a tissue; --species takes species entities: "
        "dog, human, mouse, pig, rabbit, rat"
    )
    line = _first_error_line(_run(runner, ["paths", "VEGF", "pain", "--source", "bone marrow"]))
    # the sources whose names hold what was typed come first
    assert line.startswith(
        "error: --source 'bone marrow' names bone marrow, a tissue; --source takes cell-source or "
        "msc-source entities: rat bone marrow MSCs, bone marrow-derived MSCs,"
    )


# ---------------------------------------------------------------------------------------------
# paths without a chain


def _no_chain_line(runner, *args: str) -> str:
    result = _run(runner, ["paths", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[-1]


def test_paths_without_a_chain_says_only_what_applies(runner, fixture_project, tmp_path) -> None:
    # chains run from the vesicles to pain, not back
    assert _no_chain_line(runner, "pain", "EV") == (
        "no chain found within the limits (max hops 5); chains exist the other way: "
        "`mscgraph paths EV pain`; try a larger --max-hops"
    )
    assert _no_chain_line(runner, "neuropathic pain", "GFAP", "--max-hops", "10") == (
        "no chain found within the limits (max hops 10)"
    )
    assert _no_chain_line(runner, "pain", "GFAP", "--species", "rat", "--sign", "up") == (
        "no chain found within the limits (max hops 5); try a larger --max-hops or without --species, --sign"
    )
    assert _no_chain_line(runner, "pain", "small RNA", "--max-hops", "10") == (
        "no chain found within the limits (max hops 10); chains exist the other way: "
        "`mscgraph paths 'small RNA' pain`"
    )
    assert _no_chain_line(runner, "small RNA", "pain", "--basis", "stated") == (
        "no chain found within the limits (max hops 5); try a larger --max-hops or without --basis"
    )
    # the page says the same
    page = tmp_path / "paths.html"
    result = runner.invoke(cli, ["paths", "pain", "EV", "--max-hops", "10", "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "No chain found within the limits; chains exist the other way: " in page.read_text()


# ---------------------------------------------------------------------------------------------
# coverage without the seed texts


def test_coverage_without_the_seeds_says_how_to_point_to_them(
    runner, fixture_project, tmp_path, monkeypatch
) -> None:
    missing = tmp_path / "no-seeds"
    monkeypatch.setenv("MSC_GRAPH_SEEDS", str(missing))
    line = _first_error_line(_run(runner, ["coverage"]))
    assert line == (
        f"error: seed texts not found: $MSC_GRAPH_SEEDS is '{missing}', which is not a folder; point "
        "MSC_GRAPH_SEEDS at the folder of the seed reviews' .md files (export MSC_GRAPH_SEEDS=/path/to/seeds)"
    )
