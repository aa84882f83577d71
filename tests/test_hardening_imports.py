"""Imports refuse what they cannot read faithfully, and two processes never corrupt one graph.

Every defect below is one small input written by the test; each failure must
be a GraphImportError (exit 2 from the CLI, never "internal error") naming the
file and, where there is one, the line, and must leave nothing behind: no
graph, no temporary folder, no lock file.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msc_graph.cli import cli
from msc_graph.interop.imported import (
    GraphImportError,
    check_graph_name,
    find_import_source,
    import_graph,
    list_graphs,
    ntriples,
    open_imported_graph,
    remove_stale,
    source,
)
from msc_graph.interop.imported.importer import lock_graph

from .test_imports_graphs import EDGES, NODES, NTRIPLES

KGX_EDGES = "subject\tpredicate\tobject\nA\tbiolink:related_to\tB\n"


def _kgx(folder: Path, nodes: str | bytes, edges: str | bytes = KGX_EDGES, suffix: str = "") -> Path:
    """Write a KGX pair (text as UTF-8, bytes as they are; ``suffix`` ".gz": gzipped); return its folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (("nodes.tsv", nodes), ("edges.tsv", edges)):
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"{name}{suffix}").write_bytes(gzip.compress(data) if suffix else data)
    return folder


def _import(path: Path, cache: Path, name: str = "g") -> None:
    import_graph(find_import_source(path), name, cache)


def _assert_nothing_left(cache: Path) -> None:
    graphs_dir = cache / "graphs"
    assert not graphs_dir.exists() or sorted(p.name for p in graphs_dir.iterdir()) == []


# 1. KGX TSV has no quoting: a cell starting with " does not swallow the rows after it


def test_a_cell_starting_with_a_quote_swallows_no_row(tmp_path: Path, isolated_cache: Path) -> None:
    # csv's default quoting read row 2's '"x' as an open quoted cell running to the end of the file:
    # four node rows came in as one (A), plus B from the edge.
    nodes = 'id\tname\nA\t"x\nB\tb "bee"\nC\t"c"\nD\td\n'
    edges = 'subject\tpredicate\tobject\tsupporting_text\nA\tbiolink:related_to\tB\t"A, B" together\n'
    _import(_kgx(tmp_path / "in", nodes, edges), isolated_cache)
    graph = open_imported_graph(isolated_cache, "g")
    assert (graph.meta["nodes"], graph.meta["edges"]) == (4, 1)
    labels = {node: graph.model.entities[node].label for node in "ABCD"}
    assert labels == {"A": '"x', "B": 'b "bee"', "C": '"c"', "D": "d"}  # verbatim
    (evidence,) = graph.network.succ["A"]["B"]["associated-with"]["evidence"]
    assert evidence.quote == '"A, B" together'


def test_rows_read_in_tiny_blocks_are_the_same_rows(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the reader decodes a block at a time; lines cut across blocks, CRLF line ends and a last line
    # without its end must give the same rows and line numbers as one block
    folder = _kgx(tmp_path / "in", NODES.replace("\n", "\r\n"), EDGES.rstrip("\n"))
    _import(folder, isolated_cache, "whole")
    monkeypatch.setattr(source, "LINE_BLOCK_BYTES", 7)
    _import(folder, isolated_cache, "blocks")
    whole, blocks = (open_imported_graph(isolated_cache, name) for name in ("whole", "blocks"))
    assert whole.meta["nodes"] == blocks.meta["nodes"] == 6
    assert whole.meta["edges"] == blocks.meta["edges"] == 8
    assert list(blocks.edge_columns["lines"]) == list(whole.edge_columns["lines"]) == list(range(2, 10))
    assert blocks.model.entities["CHEBI:1"].synonyms == ("D1", "drug-1")  # no \r left on a cell


# 2. a row with more or fewer cells than the header is an error, not padded or cut


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [
        ("id\tname\tx\nA\ta\tb\nB\tb\n", KGX_EDGES, r"^nodes\.tsv line 3: 2 cells, the header has 3$"),
        ("id\tname\nA\ta\nB\tb\tc\td\n", KGX_EDGES, r"^nodes\.tsv line 3: 4 cells, the header has 2$"),
        ("id\tname\nA\ta\n", KGX_EDGES + "B\tbiolink:related_to\n", r"^edges\.tsv line 3: 2 cells"),
        ("id\tname\nA\ta\n", KGX_EDGES + "B\tx\tC\t\n", r"^edges\.tsv line 3: 4 cells, the header has 3$"),
        ("id\tname\nA\ta\n\tb\n", KGX_EDGES, r"^nodes\.tsv line 3: the id cell is empty"),
        ("id\tname\nA\ta\n", KGX_EDGES + "B\t\tC\n", r"^edges\.tsv line 3: empty predicate"),
    ],
    ids=[
        "nodes-fewer",
        "nodes-more",
        "edges-fewer",
        "edges-trailing-tab",
        "node-without-id",
        "edge-without-predicate",
    ],
)
def test_ragged_rows_are_refused_with_file_and_line(
    nodes: str, edges: str, message: str, tmp_path: Path, isolated_cache: Path
) -> None:
    with pytest.raises(GraphImportError, match=message):
        _import(_kgx(tmp_path / "in", nodes, edges), isolated_cache)
    _assert_nothing_left(isolated_cache)


# 3. bytes that are not UTF-8: a located GraphImportError, never a UnicodeDecodeError


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (
            lambda d: _kgx(d, "id\tname\nA\ta\nB\tcaf\xe9\n".encode("latin-1")),
            r"^nodes\.tsv line 3: not UTF-8 text \(byte 0xe9 at column 6\)",
        ),
        (
            lambda d: _kgx(d, "id\tname\nA\tcaf\xe9\n".encode("latin-1"), suffix=".gz"),
            r"^nodes\.tsv\.gz line 2: not UTF-8",
        ),
        (
            lambda d: _kgx(d, "id\tname\nA\tcafé\n", KGX_EDGES + "B\tbiolink:x\tÉ\n"),
            None,  # the control: the same letters written as UTF-8 import
        ),
        (
            lambda d: _kgx(d, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
            r"^nodes\.tsv line 1: not UTF-8 text \(byte 0x89 at column 1\)",
        ),
        (
            lambda d: _kgx(d, "id\tname\nA\ta\n", (KGX_EDGES + "A\tbiolink:x\tcaf\xe9\n").encode("latin-1")),
            r"^edges\.tsv line 3: not UTF-8",
        ),
        (
            lambda d: _write(
                d / "bad.nt", NTRIPLES.encode() + '<http://a> <http://b> "caf\xe9" .\n'.encode("latin-1")
            ),
            r"^bad\.nt line 10: not UTF-8 text",  # the file's line, not the line within a loader chunk
        ),
        (
            lambda d: _write(
                d / "bad.ttl", '@prefix a: <http://x/> .\na:b a:c "caf\xe9" .\n'.encode("latin-1")
            ),
            r"^bad\.ttl: .*line 2.*UTF-8",
        ),
    ],
    ids=["kgx-latin1", "kgx-gz-latin1", "kgx-utf8-accent", "kgx-binary", "kgx-edges", "nt", "ttl"],
)
def test_bytes_that_are_not_utf8_are_refused_with_file_and_line(
    write, message: str | None, tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 200)  # the bad N-Triples line sits in a later chunk
    path = write(tmp_path / "in")
    if message is None:
        _import(path, isolated_cache)
        assert list_graphs(isolated_cache) == ["g"]
        return
    with pytest.raises(GraphImportError, match=message):
        _import(path, isolated_cache)
    _assert_nothing_left(isolated_cache)


# 3b. a line without an end (no text, or a bomb of one byte) stops at a bound


def test_a_line_without_an_end_stops_at_the_bound(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a bomb of one byte repeated has no line end: without a bound the reader would hold all of it
    monkeypatch.setattr(source, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(source, "LINE_BLOCK_BYTES", 100)
    monkeypatch.setattr(ntriples, "MAX_LINE_BYTES", 1000)
    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 100)
    folder = _kgx(tmp_path / "kgx", "id\tname\nA\t" + "a" * 5000 + "\n")
    with pytest.raises(GraphImportError, match=r"^nodes\.tsv line 2: longer than"):
        _import(folder, isolated_cache)
    path = _write(tmp_path / "long.nt", b"<http://a> <http://b> <http://c> .\n" + b"\0" * 5000)
    with pytest.raises(GraphImportError, match=r"^long\.nt line 2: longer than"):
        _import(path, isolated_cache)
    _assert_nothing_left(isolated_cache)


# 4. gzip: data that is no gzip is named; a bomb stops as soon as it passes the bound


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("graph.nt.gz", b"not gzip at all\n"),
        ("graph.ttl.gz", b"not gzip at all\n"),
        ("graph.nt.gz", gzip.compress(NTRIPLES.encode())[:-12]),  # cut short: no end-of-stream marker
        ("kgx/nodes.tsv.gz", b"not gzip at all\n"),
    ],
    ids=["nt", "ttl", "nt-truncated", "kgx"],
)
def test_a_file_that_is_no_gzip_is_refused_by_name(
    name: str, data: bytes, tmp_path: Path, isolated_cache: Path
) -> None:
    path = _write(tmp_path / name, data)
    if name.startswith("kgx/"):
        (path.parent / "edges.tsv").write_text(KGX_EDGES, encoding="utf-8")
    file_name = path.name.replace(".", r"\.")
    with pytest.raises(GraphImportError, match=rf"^{file_name}: not readable gzip data"):
        _import(path.parent if name.startswith("kgx/") else path, isolated_cache)
    _assert_nothing_left(isolated_cache)


def test_a_gzip_bomb_stops_at_the_bound(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 4 MiB of line ends compress to ~4 KiB (ratio ~1000); the bound is then max(1 MiB, 100 x 4 KiB) = 1 MiB
    monkeypatch.setattr(source, "MIN_GZIP_LIMIT", 1 << 20)
    bomb = _write(tmp_path / "bomb" / "nodes.tsv.gz", gzip.compress(b"id\tname\nA\ta\n" + b"\n" * (4 << 20)))
    (bomb.parent / "edges.tsv").write_text(KGX_EDGES, encoding="utf-8")
    assert source.get_gzip_limit(bomb) == 1 << 20
    raw, stream = source.open_binary(bomb)
    delivered = 0
    with (
        raw,
        stream,
        pytest.raises(GraphImportError, match=r"nodes\.tsv\.gz: decompresses to more than 1 MiB"),
    ):
        while block := stream.read(64 << 10):
            delivered += len(block)
    assert delivered <= 1 << 20  # nothing past the bound reached the reader
    assert raw.count < bomb.stat().st_size  # and the rest of the file was never inflated
    with pytest.raises(GraphImportError, match=rf"over 100 times .* set {source.GZIP_RATIO_ENV}"):
        _import(bomb.parent, isolated_cache)
    _assert_nothing_left(isolated_cache)
    monkeypatch.setenv(source.GZIP_RATIO_ENV, "0")  # no bound: the same file imports
    _import(bomb.parent, isolated_cache)
    assert open_imported_graph(isolated_cache, "g").meta["nodes"] == 2
    monkeypatch.setenv(source.GZIP_RATIO_ENV, "lots")
    with pytest.raises(GraphImportError, match="whole number"):
        _import(bomb.parent, isolated_cache, "h")


# 5. an input with nothing in it is refused, not imported as an empty graph


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda d: _write(d / "e.nt", b""), r"^e\.nt: no triples"),
        (lambda d: _write(d / "e.nt", b"# only a comment\n\n   \n"), r"^e\.nt: no triples"),
        (lambda d: _write(d / "e.nt.gz", gzip.compress(b"")), r"^e\.nt\.gz: no triples"),
        (lambda d: _write(d / "e.ttl", b"@prefix a: <http://x/> .\n"), r"^e\.ttl: no triples"),
        (lambda d: _kgx(d, ""), r"^nodes\.tsv: empty file"),
        (lambda d: _kgx(d, "id\tname\nA\ta\n", ""), r"^edges\.tsv: empty file"),
        (
            lambda d: _kgx(d, "id\tname\n", "subject\tpredicate\tobject\n\n"),
            r"^nodes\.tsv, edges\.tsv: no nodes and no edges",
        ),
    ],
    ids=["nt", "nt-comments", "nt-gz", "ttl-prefixes", "kgx-nodes-empty", "kgx-edges-empty", "kgx-headers"],
)
def test_empty_inputs_are_refused(write, message: str, tmp_path: Path, isolated_cache: Path) -> None:
    with pytest.raises(GraphImportError, match=message):
        _import(write(tmp_path / "in"), isolated_cache)
    _assert_nothing_left(isolated_cache)


def test_nodes_without_edges_are_a_graph(tmp_path: Path, isolated_cache: Path) -> None:
    # a node list (names, synonyms, cross-references) is worth resolving and querying on its own
    _import(
        _kgx(tmp_path / "in", "id\tname\tsynonym\nA\talpha\ta1\nB\tbeta\t\n", "subject\tpredicate\tobject\n"),
        isolated_cache,
    )
    graph = open_imported_graph(isolated_cache, "g")
    assert (graph.meta["nodes"], graph.meta["edges"]) == (2, 0)
    assert graph.resolver.resolve("a1").id == "A"


# every failure through the CLI: exit 2 and one line naming the file, never an internal error


@pytest.mark.parametrize(
    ("write", "named"),
    [
        (lambda d: _kgx(d, "id\tname\nA\ta\tb\n"), "nodes.tsv line 2"),
        (lambda d: _kgx(d, "id\tname\nA\tcaf\xe9\n".encode("latin-1")), "nodes.tsv line 2"),
        (lambda d: _write(d / "x.nt.gz", b"plain text"), "x.nt.gz"),
        (lambda d: _write(d / "x.nt", b""), "x.nt"),
    ],
    ids=["ragged", "latin1", "fake-gz", "empty"],
)
def test_cli_reports_import_failures_in_one_line_with_exit_2(
    write, named: str, tmp_path: Path, isolated_cache: Path, runner
) -> None:
    path = write(tmp_path / "in")
    result = runner.invoke(cli, ["import", str(path), "--name", "g", "--quiet"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {named}") and "internal error" not in result.stderr
    _assert_nothing_left(isolated_cache)


# 6. one import of a name at a time; 7. leftovers of dead processes go, a live import's stay


def _dead_pid() -> int:
    """Return the pid of a process that has exited (reaped, so no process has it now)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


PAUSED_IMPORT = """
import sys
from pathlib import Path
from msc_graph.interop.imported import find_import_source, import_graph

paused = False

def progress(count):
    global paused
    if not paused:  # once, mid-import: the store is open, the records half-built
        paused = True
        print("started", flush=True)
        sys.stdin.readline()

import_graph(find_import_source(Path(sys.argv[1])), sys.argv[3], Path(sys.argv[2]), progress=progress)
print("done", flush=True)
"""


def test_a_second_import_of_a_name_is_refused_while_the_first_runs(
    tmp_path: Path, isolated_cache: Path, runner
) -> None:
    folder = _kgx(tmp_path / "in", "id\tname\nA\ta\nB\tb\n")
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSED_IMPORT, str(folder), str(isolated_cache), "busy"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "started"
        graphs_dir = isolated_cache / "graphs"
        (live,) = [p for p in graphs_dir.iterdir() if p.name.startswith(".busy.tmp-")]
        for args in (
            ["import", str(folder), "--name", "busy", "--quiet"],
            ["import", str(folder), "--name", "busy", "--replace", "--quiet"],
        ):
            result = runner.invoke(cli, args)
            assert result.exit_code == 2, result.output
            assert (
                result.stderr.strip()
                == f"error: graph busy is being imported by another process (pid {child.pid})"
            )
        # a listing and an import of another name clean up, but leave a live import's folder alone
        assert runner.invoke(cli, ["graphs"]).exit_code == 0
        assert runner.invoke(cli, ["import", str(folder), "--name", "other", "--quiet"]).exit_code == 0
        assert live.is_dir()
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "done"
        assert child.wait(timeout=60) == 0
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
        child.stdout.close()
    # the first import finished undisturbed, and nothing but the two graphs is left
    assert open_imported_graph(isolated_cache, "busy").meta["nodes"] == 2
    assert sorted(p.name for p in (isolated_cache / "graphs").iterdir()) == ["busy", "other"]


@pytest.mark.parametrize(
    ("command", "graphs"),
    [
        (["graphs"], ["other"]),
        (["graphs", "--remove", "other"], []),
        (["import", "{folder}", "--name", "third", "--quiet"], ["other", "third"]),
    ],
    ids=["graphs", "graphs-remove", "import-other-name"],
)
def test_leftovers_of_dead_imports_are_removed_and_live_ones_kept(
    command: list[str], graphs: list[str], tmp_path: Path, isolated_cache: Path, runner
) -> None:
    folder = _kgx(tmp_path / "in", "id\tname\nA\ta\n")
    _import(folder, isolated_cache, "other")
    graphs_dir = isolated_cache / "graphs"
    dead, alive = _dead_pid(), os.getpid()
    stale = [f".dead.tmp-0123abcd-{dead}", f".dead.old-{dead}", f".other.tmp-89abcdef-{dead}"]
    kept = [f".live.tmp-0123abcd-{alive}", f".held.tmp-0123abcd-{dead}"]
    for name in stale + kept:
        (graphs_dir / name / "store").mkdir(parents=True)
    (graphs_dir / ".dead.lock").write_text(f"{dead} imported\n")  # its holder is gone: the lock is free
    # ".held": its pid looks dead here, but its lock is held (as by a process in another pid namespace)
    with lock_graph(graphs_dir, "held"):
        result = runner.invoke(cli, [part.format(folder=folder) for part in command])
        assert result.exit_code == 0, result.output
        left = sorted(p.name for p in graphs_dir.iterdir())
    assert left == sorted([*graphs, *kept, ".held.lock"])


def test_the_library_sweep_reports_what_it_removed(isolated_cache: Path) -> None:
    graphs_dir = isolated_cache / "graphs"
    dead = _dead_pid()
    (graphs_dir / f".gone.tmp-00000000-{dead}").mkdir(parents=True)
    (graphs_dir / f".gone.tmp-00000000-{os.getpid()}").mkdir()
    assert remove_stale(isolated_cache) == [f".gone.tmp-00000000-{dead}"]
    assert [p.name for p in graphs_dir.iterdir()] == [f".gone.tmp-00000000-{os.getpid()}"]


def test_a_killed_network_builds_leftovers_go_when_the_network_is_built(
    tmp_path: Path, isolated_cache: Path
) -> None:
    _import(_kgx(tmp_path / "in", "id\tname\nA\ta\n"), isolated_cache)
    graph = open_imported_graph(isolated_cache, "g")
    import shutil

    shutil.rmtree(graph.folder / "network")  # the import writes it; a graph without one builds it on use
    dead, alive = _dead_pid(), os.getpid()
    (graph.folder / f".network.tmp-{dead}-1" / "x").mkdir(parents=True)
    (graph.folder / f".network.tmp-{alive}-999").mkdir()  # a build running in this process: kept
    graph.build_network()
    left = sorted(p.name for p in graph.folder.iterdir() if p.name.startswith(".network"))
    assert left == [f".network.tmp-{alive}-999"] and (graph.folder / "network").is_dir()


# 8. a graph name is matched whole: a final newline is not a name


@pytest.mark.parametrize("name", ["name\n", "name\nx", "\nname", "na me", ".hidden", "a" * 65])
def test_names_with_a_newline_or_other_characters_are_refused(
    name: str, tmp_path: Path, isolated_cache: Path, runner
) -> None:
    with pytest.raises(GraphImportError, match="letters, digits"):
        check_graph_name(name)
    folder = _kgx(tmp_path / "in", "id\tname\nA\ta\n")
    result = runner.invoke(cli, ["import", str(folder), "--name", name, "--quiet"])
    assert result.exit_code == 2 and "letters, digits" in result.stderr
    _assert_nothing_left(isolated_cache)


# 9. viz --graph N --with-curated without --around was a TypeError: it draws the merged graph


def test_viz_with_curated_without_around_draws_both_graphs(tmp_path: Path, real_project, runner) -> None:
    # HGNC:12680 is VEGF's curated xref: the imported node is drawn as the curated VEGF, once
    nodes = "id\tname\nNCBIGene:7\tGENE7\nHGNC:12680\tVEGFA imported\n"
    edges = "subject\tpredicate\tobject\nNCBIGene:7\tbiolink:positively_regulates\tHGNC:12680\n"
    source = _kgx(tmp_path / "in", nodes, edges)
    assert runner.invoke(cli, ["import", str(source), "--name", "g", "--quiet"]).exit_code == 0
    page = tmp_path / "page.html"
    result = runner.invoke(cli, ["viz", "--graph", "g", "--with-curated", "-o", str(page)])
    assert result.exit_code == 0, result.output
    import json
    import re

    block = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', page.read_text("utf-8"), re.S
    )
    assert block is not None
    ids = json.loads(block.group(1))["nodes"]["id"]
    assert {"NCBIGene:7", "vegf", "pain"} <= set(ids)  # imported and curated nodes on one page
    assert "HGNC:12680" not in ids and len(ids) == len(set(ids))  # the alias is VEGF, drawn once


# the store loader's threads: any failure fails the import, never a silent partial store


def test_any_loader_thread_failure_fails_the_import_and_leaves_nothing(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph

    real_store = pyoxigraph.Store

    class FailingStore:
        """A real store whose bulk loads fail with an error the loader did not expect."""

        def __init__(self, *args: object) -> None:
            self._store = real_store(*args)

        def bulk_load(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("disk quota exceeded")

        def __getattr__(self, name: str) -> object:
            return getattr(self._store, name)

    monkeypatch.setattr(pyoxigraph, "Store", FailingStore)
    with pytest.raises(
        GraphImportError, match=r"failed to load this part \(RuntimeError: disk quota exceeded\)"
    ):
        _import(_kgx(tmp_path / "in", "id\tname\nA\ta\nB\tb\n"), isolated_cache)
    _assert_nothing_left(isolated_cache)


KGX_FULL_EDGES = (
    "id\tsubject\tpredicate\tobject\tprimary_knowledge_source\tpublications\tsupporting_text\n"
    "e1\tA\tbiolink:related_to\tB\tinfores:x\tPMID:1|PMID:2\tA relates to B\n"
)


@pytest.mark.parametrize(
    ("nodes", "edges"),
    [
        ("id\tname\nX:a%zz\ta\nB\tb\n", KGX_EDGES),  # a node id: bad percent-encoding
        ("id\tname\tcategory\nA\ta\tbiolink:%zz\nB\tb\t\n", KGX_EDGES),  # a category
        (
            "id\tname\nA\ta\nB\tb\n",
            "subject\tpredicate\tobject\nA\tbiolink:related_to\thttp://h:xx/\n",
        ),  # a port
        ("id\tname\nA\ta\nB\tb\n", "subject\tpredicate\tobject\nA\tbiolink:%zz\tB\n"),  # a predicate
        ("id\tname\nA\ta\nB\tb\n", KGX_FULL_EDGES.replace("infores:x", "infores:%zz")),  # a knowledge source
        ("id\tname\nA\ta\nB\tb\n", KGX_FULL_EDGES.replace("PMID:2", "PMID:%zz")),  # a publication
        (
            "id\tname\nA\ta\nB\tb\n",
            KGX_FULL_EDGES.replace("e1\t", "e%zz\t"),
        ),  # an edge id, in its statement's IRI
    ],
    ids=["node", "category", "object", "predicate", "source", "publication", "edge-id"],
)
def test_an_invalid_iri_in_a_kgx_pair_still_fails_the_import(
    nodes: str, edges: str, tmp_path: Path, isolated_cache: Path
) -> None:
    """The store loads a chunk without its own IRI check only when every IRI passed ours."""
    with pytest.raises(GraphImportError, match=r"\.tsv lines \d+-\d+: Parser error"):
        _import(_kgx(tmp_path / "in", nodes, edges), isolated_cache)
    _assert_nothing_left(isolated_cache)


def test_a_valid_kgx_pair_is_loaded_without_the_stores_iri_check(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_graph.interop.imported.loader import StoreLoader

    calls: list[bool] = []
    put = StoreLoader.put

    def recording(self: StoreLoader, data: bytes, where: str, *, lenient: bool = False) -> None:
        calls.append(lenient)
        put(self, data, where, lenient=lenient)

    monkeypatch.setattr(StoreLoader, "put", recording)
    _import(
        _kgx(tmp_path / "in", "id\tname\tcategory\nA\ta\tbiolink:Gene\nB\tb\t\n", KGX_FULL_EDGES),
        isolated_cache,
    )
    assert calls == [True, True]
    graph = open_imported_graph(isolated_cache, "g")
    assert graph.meta["edges"] == 1


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("http://", "https://", "a", "Z", "0", ".", "-", "/", ":", "@", "%41", "%g1", "%", "?", "#"),
                *("~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "_", "[", "]", " ", "é", "<"),
            ]
        ),
        max_size=10,
    ).map("".join)
)
def test_an_iri_of_plain_characters_is_one_the_store_takes(text: str) -> None:
    """What PLAIN_IRI_TERM lets through unchecked, pyoxigraph's own IRI check passes."""
    import re

    import pyarrow
    import pyarrow.compute as pc

    from msc_graph.interop.imported.loader import PLAIN_IRI_TERM, valid_iri

    for iri in (text, "http://" + text, "https://a.org/" + text):
        plain = re.fullmatch(PLAIN_IRI_TERM, f"<{iri}>") is not None
        assert pc.match_substring_regex(pyarrow.array([f"<{iri}>"]), PLAIN_IRI_TERM)[0].as_py() == plain
        if plain:
            assert valid_iri(iri), iri
