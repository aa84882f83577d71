"""`mscgraph query NAME --show` prints a query that runs as it stands on any SPARQL endpoint.

The shown text is run by pyoxigraph with no prefixes given (pyoxigraph
predeclares none, unlike rdflib, whose parser binds its own namespaces), on
the same store `query NAME` runs on, and must return the same rows.
"""

from __future__ import annotations

import json

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.query.sparql import iter_named_queries

NAMED = sorted(q.name for q in iter_named_queries())


def _rows_of_json(output: str) -> list[dict[str, str]]:
    data = json.loads(output)
    return [{name: term["value"] for name, term in row.items()} for row in data["results"]["bindings"]]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMED)
def test_shown_query_runs_without_predeclared_prefixes_and_gives_the_same_rows(
    name: str, real_project: Project, runner
) -> None:
    from msc_graph.views import open_graph

    shown = runner.invoke(cli, ["query", name, "--show"])
    assert shown.exit_code == 0, shown.output
    ran = runner.invoke(cli, ["query", name, "-f", "json", "--limit", "0"])
    assert ran.exit_code == 0, ran.output

    solutions = open_graph(real_project).store.query(shown.stdout)  # no prefixes passed
    names = [variable.value for variable in solutions.variables]
    rows = [{n: row[n].value for n in names if row[n] is not None} for row in solutions]
    assert rows == _rows_of_json(ran.stdout)
    assert rows, f"{name} returns no rows on the curated graph: the comparison would prove nothing"


def test_shown_query_declares_exactly_the_prefixes_it_uses(fixture_project: Project, runner) -> None:
    shown = runner.invoke(cli, ["query", "evidence-for-entity", "--show", "-p", "entity=gfap"])
    assert shown.exit_code == 0, shown.output
    declared = [line.split()[1] for line in shown.stdout.splitlines() if line.startswith("PREFIX ")]
    assert declared == ["dcterms:", "msc:", "rdf:", "rdfs:"]
    assert "VALUES ?entity { <https://w3id.org/msc-graph/entity/gfap> }" in shown.stdout
