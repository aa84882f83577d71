"""`mscgraph serve`: the SPARQL 1.1 protocol on loopback, read-only, with deadlines and caps.

One test starts the real command as a subprocess on a free port (``--port 0``
prints the one it got) and talks to it over HTTP, as a user's client would;
the others run the server in-process on a generated graph.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.query.sparql import DEFAULT_PREFIXES

from .conftest import make_cycle_store

pytestmark = pytest.mark.slow  # each test starts a server and its worker processes: the full suite's

START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10
SELECT = "SELECT ?e ?label WHERE { ?e a msc:Phenotype ; rdfs:label ?label } ORDER BY ?e"


def _request(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _bindings(body: bytes) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(body)["results"]["bindings"]]


@contextlib.contextmanager
def _serving(tmp_path: Path, *args: str) -> Iterator[str]:
    """Start `mscgraph serve --port 0 ARGS`; yield its base URL; stop it and check it stopped cleanly."""
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_graph", "serve", "--port", "0", "--timeout", "10", *args],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=dict(os.environ),
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stdout or []], daemon=True)
    reader.start()
    try:
        try:
            first = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            pytest.fail("mscgraph serve printed no URL within 60 s")
        assert first.startswith("serving SPARQL at http://127.0.0.1:"), first
        yield first.split(" at ", 1)[1].split("query", 1)[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT_S)
        reader.join(STOP_TIMEOUT_S)  # it ends at end of output; close the pipe only then
        if process.stdout:
            process.stdout.close()
        log.close()
    assert process.returncode == 0, (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "stopped" in (tmp_path / "serve.log").read_text(encoding="utf-8")


@pytest.fixture()
def served(fixture_project, tmp_path) -> Iterator[str]:
    """`mscgraph serve` on the fixture graph."""
    with _serving(tmp_path) as url:
        yield url


def test_serve_answers_get_and_post_and_refuses_updates(served: str, runner) -> None:
    endpoint = served + "query"
    status, headers, body = _request(
        endpoint + "?" + urllib.parse.urlencode({"query": SELECT}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    rows = _bindings(body)
    assert {"e": "https://w3id.org/msc-graph/entity/np", "label": "neuropathic pain"} in rows

    status, _, body = _request(endpoint, SELECT.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and _bindings(body) == rows
    status, _, body = _request(
        endpoint,
        urllib.parse.urlencode({"query": SELECT}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200 and _bindings(body) == rows

    status, headers, body = _request(
        endpoint, SELECT.encode(), {"Content-Type": "application/sparql-query", "Accept": "text/csv"}
    )
    assert status == 200 and body.decode().splitlines()[0] == "e,label"

    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for data, media in (
        (update.encode(), "application/sparql-update"),
        (update.encode(), "application/sparql-query"),
        (urllib.parse.urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
    ):
        status, _, body = _request(endpoint, data, {"Content-Type": media})
        assert status == 403, body
        assert b"read-only" in body
    service = "SELECT * WHERE { OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }"
    status, _, body = _request(endpoint + "?" + urllib.parse.urlencode({"query": service}))
    assert status == 403 and b"SERVICE is refused" in body
    status, _, body = _request(
        endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE {\n ?s ?p }"})
    )
    assert status == 400 and b"line 2, column" in body

    status, headers, body = _request(served)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"<textarea" in body

    # the same rows through `mscgraph sparql --endpoint` as from the local graph
    local = runner.invoke(cli, ["sparql", SELECT, "-f", "json"])
    remote = runner.invoke(cli, ["sparql", SELECT, "-f", "json", "--endpoint", endpoint])
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    named_local = runner.invoke(cli, ["query", "evidence-for-entity", "-p", "entity=gfap", "-f", "json"])
    named_remote = runner.invoke(
        cli, ["query", "evidence-for-entity", "-p", "entity=gfap", "-f", "json", "--endpoint", endpoint]
    )
    assert named_remote.exit_code == 0, named_remote.output
    assert json.loads(named_remote.stdout) == json.loads(named_local.stdout)
    graph = "CONSTRUCT { ?s skos:broader ?o } WHERE { ?s skos:broader ?o }"
    local_graph = runner.invoke(cli, ["sparql", graph, "-f", "nt"])
    remote_graph = runner.invoke(cli, ["sparql", graph, "-f", "nt", "--endpoint", endpoint])
    assert sorted(remote_graph.stdout.splitlines()) == sorted(local_graph.stdout.splitlines())
    # the guard runs client-side too: nothing is sent
    refused = runner.invoke(cli, ["sparql", "insert data { <urn:a> <urn:b> 1 }", "--endpoint", endpoint])
    assert refused.exit_code == 2 and "read-only" in refused.stderr


def test_endpoint_must_be_http(runner) -> None:
    result = runner.invoke(cli, ["sparql", "ASK {}", "--endpoint", "file:///etc/passwd"])
    assert result.exit_code == 2 and "not an http(s) URL" in result.stderr


# ---------------------------------------------------------------------------------------------
# in-process server on a generated graph: deadlines and caps


@pytest.fixture()
def generated_server() -> Iterator[str]:
    from msc_graph.server import build_server

    server = build_server(make_cycle_store, DEFAULT_PREFIXES, port=0, timeout_s=0.3, limit=4, max_running=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url + "query"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(STOP_TIMEOUT_S)


def test_serve_caps_rows_and_says_so(generated_server: str) -> None:
    status, headers, body = _request(
        generated_server + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    )
    assert status == 200 and len(_bindings(body)) == 4
    assert headers["X-Result-Truncated"] == "capped at 4 rows"


def test_serve_stops_slow_queries_with_503(generated_server: str) -> None:
    # COUNT over 25 million pairs: one long engine step (~3 s of CPU, no memory growth)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }"
    status, _, body = _request(generated_server + "?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and b"stopped after 0.3 s" in body


def test_serve_listens_on_loopback_by_default() -> None:
    import pyoxigraph

    from msc_graph.server import build_server

    server = build_server(pyoxigraph.Store, DEFAULT_PREFIXES, port=0, max_running=1)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        server.server_close()


def test_query_page_writes_results_as_text() -> None:
    from msc_graph.server import read_page_file

    # results are written with textContent, never innerHTML: a label cannot inject markup
    script = read_page_file("query-page.js").decode("utf-8")
    assert "innerHTML" not in script and "outerHTML" not in script and "textContent" in script
    assert "<script>" not in read_page_file("query-page.html").decode("utf-8")  # no inline code


def test_query_page_ships_as_package_data() -> None:
    import tomllib
    from fnmatch import fnmatch

    root = Path(__file__).resolve().parent.parent
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["msc_graph"]
    package = root / "src" / "msc_graph"
    names = {path.name for path in (package / "static").iterdir()}
    assert names == {"query-page.html", "query-page.js", "query-page.css"}
    for name in names:
        assert any(fnmatch(f"static/{name}", pattern) for pattern in globs), name


def test_serve_lists_the_named_queries_and_binds_them_as_query_show_does(served: str, runner) -> None:
    from dataclasses import asdict

    from msc_graph.query.sparql import iter_named_queries

    status, headers, body = _request(served + "named")
    assert status == 200 and headers["Content-Type"] == "application/json"
    listed = json.loads(body)
    expected = [{k: v for k, v in asdict(q).items() if k != "text"} for q in iter_named_queries()]
    # every query, with each parameter's name, default and meaning
    assert listed["queries"] == json.loads(json.dumps(expected))
    assert {"name": "entity", "default": "mir-99b-3p"}.items() <= next(
        q for q in listed["queries"] if q["name"] == "evidence-for-entity"
    )["params"][0].items()
    assert listed["prefixes"]["entity"] == "https://w3id.org/msc-graph/entity/"

    # a label is resolved as `query NAME --param` resolves it, and the PREFIX lines come with it
    status, _, body = _request(
        served + "named/evidence-for-entity?" + urllib.parse.urlencode({"entity": "GFAP"})
    )
    assert status == 200
    shown = runner.invoke(cli, ["query", "evidence-for-entity", "--show", "-p", "entity=GFAP"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(body) == {"name": "evidence-for-entity", "query": shown.stdout}
    status, _, body = _request(served + "named/studies-read-in-review")  # defaults
    assert status == 200 and "<https://w3id.org/msc-graph/study/ferrini-2025>" in json.loads(body)["query"]

    status, _, body = _request(served + "named/evidence-for-entity?entity=no-such-thing")
    assert status == 400 and b"no-such-thing" in body
    status, _, body = _request(served + "named/evidence-for-entity?colour=red")
    assert status == 400 and b"no parameter colour" in body
    status, _, body = _request(served + "named/no-such-query")
    assert status == 404

    # the page runs only its own files: no inline script, nothing from elsewhere
    status, headers, body = _request(served)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    for name in ("query-page.js", "query-page.css"):
        status, headers, _ = _request(served + name)
        assert status == 200 and headers["X-Content-Type-Options"] == "nosniff"


def test_serve_graph_serves_an_imported_store_read_only(fixture_project, tmp_path, runner) -> None:
    source = tmp_path / "small.nt"
    source.write_text(
        "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        "<http://example.org/b> <http://example.org/p> <http://example.org/c> .\n",
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["import", str(source), "--name", "small", "--quiet"]).exit_code == 0
    with _serving(tmp_path, "--graph", "small") as url:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://example.org/p> ?o }"
        status, _, body = _request(
            url + "query", count.encode(), {"Content-Type": "application/sparql-query"}
        )
        assert status == 200 and _bindings(body) == [{"n": "2"}]
        update = b"INSERT DATA { <http://example.org/x> <http://example.org/p> <http://example.org/y> }"
        status, _, _ = _request(url + "query", update, {"Content-Type": "application/sparql-query"})
        assert status == 403
    result = runner.invoke(cli, ["serve", "--graph", "nope"])
    assert result.exit_code == 2 and "small" in result.output


def test_serve_graph_says_when_the_store_holds_no_provenance(fixture_project, tmp_path, runner) -> None:
    folder = tmp_path / "kgx"
    folder.mkdir()
    (folder / "g_nodes.tsv").write_text("id\tname\nCHEBI:1\tdrug\nNCBIGene:1\tgene\n", encoding="utf-8")
    (folder / "g_edges.tsv").write_text(
        "subject\tpredicate\tobject\tpublications\nCHEBI:1\tbiolink:affects\tNCBIGene:1\tPMID:1\n",
        encoding="utf-8",
    )
    published = "ASK { ?e <https://w3id.org/biolink/vocab/publications> ?p }"
    for name, flag in (("full", "--store-provenance"), ("plain", "--no-store-provenance")):
        imported = runner.invoke(
            cli, ["import", str(folder / "g_edges.tsv"), "--name", name, "--quiet", flag]
        )
        assert imported.exit_code == 0, imported.output
        with _serving(tmp_path, "--graph", name) as url:
            status, _, body = _request(
                url + "query", published.encode(), {"Content-Type": "application/sparql-query"}
            )
            assert status == 200 and json.loads(body)["boolean"] is (name == "full")
        noted = "--no-store-provenance" in (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert noted is (name == "plain")  # the empty answer's reason is on the server's stderr
