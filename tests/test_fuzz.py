"""Fuzzing: arbitrary input makes the loader, validator, resolver and path search fail only
with MscGraphError subclasses, and the CLI never prints a traceback."""

from __future__ import annotations

import contextlib
import string
from pathlib import Path

import networkx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.curation.load import load_file
from msc_graph.curation.validate import validate_files
from msc_graph.errors import MscGraphError
from msc_graph.model import GraphModel
from msc_graph.query.paths import find_paths
from msc_graph.views import open_graph
from msc_graph.views.resolve import Resolver

from .conftest import ROOT

pytestmark = pytest.mark.slow  # hypothesis runs hundreds of examples a test: the full suite's

PREFIXES = Project(ROOT).read_prefixes()
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

yaml_like = st.text(alphabet=string.printable + "αβκ–↓↑…\x00\x85", max_size=400)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(text=yaml_like)
def test_loader_and_validator_raise_only_our_errors_on_any_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with contextlib.suppress(MscGraphError):
        validate_files([load_file(path)], PREFIXES, None)


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_loader_raises_only_our_errors_on_any_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    with contextlib.suppress(MscGraphError):
        load_file(path)


@SETTINGS
@given(
    data=st.dictionaries(
        st.sampled_from(["entities", "studies", "contexts", "assertions", "review", "xrefs", "other"]),
        json_values,
        max_size=5,
    )
)
def test_validator_raises_only_our_errors_on_any_structure(tmp_path: Path, data: dict) -> None:
    import yaml

    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True) or "{}\n")
    with contextlib.suppress(MscGraphError):
        validate_files([load_file(path)], PREFIXES, None)


def _fixture_model(tmp_path: Path) -> GraphModel:
    from .conftest import FIXTURE

    return validate_files([load_file(FIXTURE / "graph_data" / "fixture.yaml")], PREFIXES, None)


@SETTINGS
@given(text=st.text(max_size=60))
def test_resolver_raises_only_our_errors(tmp_path: Path, text: str) -> None:
    resolver = Resolver(_fixture_model(tmp_path))
    with contextlib.suppress(MscGraphError):
        resolver.resolve(text)
    resolver.search(text)


@SETTINGS
@given(
    edges=st.lists(
        st.tuples(
            st.integers(0, 12),
            st.integers(0, 12),
            st.sampled_from(
                ["increases", "decreases", "carries", "no-change", "marker-of", "unknown-predicate"]
            ),
        ),
        max_size=60,
    ),
    sources=st.lists(st.integers(0, 14), max_size=3),
    targets=st.lists(st.integers(0, 14), max_size=3),
    max_hops=st.integers(1, 6),
    max_paths=st.integers(1, 20),
)
def test_path_search_never_crashes_and_respects_bounds(edges, sources, targets, max_hops, max_paths) -> None:
    network = networkx.MultiDiGraph()
    for u, v, predicate in edges:
        network.add_edge(str(u), str(v), predicate, evidence=())
    result = find_paths(
        network,
        [str(s) for s in sources],
        [str(t) for t in targets],
        max_hops=max_hops,
        max_paths=max_paths,
        timeout_s=5,
    )
    assert len(result.paths) <= max_paths
    for path in result.paths:
        assert len(path.hops) <= max_hops
        assert len(set(path.nodes)) == len(path.nodes)  # simple chains only
        assert all(hop.predicate in {"increases", "decreases", "carries"} for hop in path.hops)


@SETTINGS
@given(
    words=st.lists(
        st.text(alphabet=string.ascii_letters + "-αβ <>&\"'", min_size=1, max_size=12), min_size=1, max_size=2
    )
)
def test_cli_never_prints_a_traceback(words, runner, fixture_project) -> None:
    open_graph(fixture_project)
    for command in (
        ["resolve", *words[:1]],
        ["show", *words[:1]],
        ["paths", words[0], words[-1]],
        ["search", *words[:1]],
        ["studies", "--species", words[0]],
    ):
        result = runner.invoke(cli, command)
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert "Traceback" not in result.output
        if result.exit_code:
            # our errors say "error: ...", click's usage errors "Error: ..." (both one line)
            assert (
                result.output.lower().lstrip().startswith(("error:", "usage:")) or "\nError:" in result.output
            ), result.output


sparql_like = st.lists(
    st.sampled_from(
        [
            "SELECT",
            "ASK",
            "CONSTRUCT",
            "DESCRIBE",
            "WHERE",
            "{",
            "}",
            "?x",
            "?y",
            "<urn:a>",
            "msc:sign",
            "INSERT",
            "DELETE",
            "DATA",
            "LOAD",
            "CLEAR",
            "DROP",
            "SERVICE",
            "FROM",
            "NAMED",
            "OPTIONAL",
            '"INSERT"',
            "'''x'''",
            "# DROP\n",
            "\\u0053ERVICE",
            "PREFIX",
            "p:",
            "<http://x>",
            ".",
            ";",
            "(",
            ")",
            "*",
            "FILTER",
            "1",
            "\n",
            "LIMIT",
            "a",
        ]
    ),
    max_size=25,
).map(" ".join) | st.text(max_size=120)


@SETTINGS
@given(text=sparql_like)
def test_sparql_guard_and_engine_raise_only_our_errors(text: str, tmp_path: Path) -> None:
    import pyoxigraph

    from msc_graph.query.sparql import run_query

    with contextlib.suppress(MscGraphError):
        run_query(
            pyoxigraph.Store(), text, {"msc": "https://w3id.org/msc-graph/vocab#"}, timeout_s=5, limit=10
        )
