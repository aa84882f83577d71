"""The columnar KGX reader gives exactly what the row reader gives: records, network and store.

The row reader (one Python step per row) is the reference; the columnar one
(pyarrow blocks) must agree on every record file and every triple, for
clean files, for files only the row reader reads (blank lines: the import
restarts row by row), and for every CURIE the prefix map expands.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msc_graph.interop.imported import find_import_source, import_graph, open_imported_graph
from msc_graph.interop.imported import importer as importer_module
from msc_graph.interop.imported.prefixes import Curies

from .test_imports_graphs import EDGES, NODES

RECORD_FILES = (
    "nodes.json",
    "nodes.categories",
    "names.json",
    "edges.subjects",
    "edges.objects",
    "edges.slugs",
    "edges.predicates",
    "edges.lines",
    "edges.provenance",
    "edges.provenance.offsets",
    "network/out.offsets",
    "network/out.neighbours",
    "network/out.edges",
    "network/in.offsets",
    "network/in.neighbours",
    "network/in.edges",
    "network/out.degree",
    "network/in.degree",
)


def _pair(folder: Path, nodes: str, edges: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "nodes.tsv").write_text(nodes, encoding="utf-8")
    (folder / "edges.tsv").write_text(edges, encoding="utf-8")
    return folder


def _import_both(folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Import ``folder`` once as it comes (columns) and once forced row by row; return both folders."""
    import_graph(find_import_source(folder), "columns", cache)
    original = importer_module._import_locked

    def by_rows(*args, **kwargs):
        return original(*args, **{**kwargs, "by_rows": True})

    monkeypatch.setattr(importer_module, "_import_locked", by_rows)
    import_graph(find_import_source(folder), "rows", cache)
    return cache / "graphs" / "columns", cache / "graphs" / "rows"


def _triples(cache: Path, name: str) -> set[str]:
    store = open_imported_graph(cache, name).open_store()
    return {str(quad.triple).replace(f"/import/{name}/", "/import/NAME/") for quad in store}


def _assert_same_graph(cache: Path, columns: Path, rows: Path) -> None:
    for name in RECORD_FILES:
        assert (columns / name).read_bytes() == (rows / name).read_bytes(), name
    for key in ("nodes", "edges", "slugs", "predicates", "predicate_counts"):
        assert (
            json.loads((columns / "meta.json").read_text())[key]
            == json.loads((rows / "meta.json").read_text())[key]
        ), key
    assert _triples(cache, "columns") == _triples(cache, "rows")


def _random_kgx(rng: random.Random, n_nodes: int, n_edges: int) -> tuple[str, str]:
    """A KGX pair with what real files hold: lists, qualifiers, quotes, escapes, unknown prefixes."""
    prefixes = ["NCBIGene", "CHEBI", "GO", "DOID", "foo", "http://example.org/x"]
    ids = [f"{rng.choice(prefixes)}:{n}" if n % 9 else f"GO:{n} with space" for n in range(n_nodes)]
    nodes = ["id\tcategory\tname\tsynonym\txref"]
    for n, node in enumerate(ids[: n_nodes - 3]):  # the last three appear only in edges: bare nodes
        nodes.append(f'{node}\tbiolink:Gene|biolink:NamedThing\tname "{n}"\\\tsyn{n}|alt {n}\tX:{n}')
    predicates = [
        "biolink:affects",
        "biolink:regulates",
        "biolink:subclass_of",
        "biolink:related_to",
        "ex:odd",
    ]
    edges = [
        "id\tsubject\tpredicate\tobject\tobject_direction_qualifier\tprimary_knowledge_source"
        "\tpublications\tsupporting_text\tknowledge_level"
    ]
    for n in range(n_edges):
        edges.append(
            "\t".join(
                (
                    rng.choice(["", f"e{n}", f"e {n}/x"]),
                    rng.choice(ids),
                    rng.choice(predicates),
                    rng.choice(ids),
                    rng.choice(["", "", "increased", "decreased"]),
                    rng.choice(["", "infores:a", "infores:b"]),
                    rng.choice(["", "PMID:1", f"PMID:{n}| doi:10.1/{n} |", "|"]),
                    rng.choice(["", 'said "so"\\n', "plain"]),
                    rng.choice(["", "knowledge_assertion", "prediction"]),
                )
            )
        )
    return "\n".join(nodes) + "\n", "\n".join(edges) + "\n"


@pytest.mark.parametrize("seed", range(3))
def test_random_kgx_files_give_the_same_graph_by_columns_and_by_rows(
    seed: int, tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nodes, edges = _random_kgx(random.Random(seed), 60, 400)
    folder = _pair(tmp_path / "in", nodes, edges)
    _assert_same_graph(isolated_cache, *_import_both(folder, isolated_cache, monkeypatch))


def test_the_fixture_pair_gives_the_same_graph_by_columns_and_by_rows(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pair(tmp_path / "in", NODES, EDGES)
    _assert_same_graph(isolated_cache, *_import_both(folder, isolated_cache, monkeypatch))


def test_a_file_with_blank_lines_is_read_again_by_rows_with_its_own_line_numbers(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the columnar reader refuses blank lines; the row reader skips them: the import restarts by rows
    blank = EDGES.replace("\n", "\n\n", 2)
    folder = _pair(tmp_path / "in", NODES, blank)
    calls: list[bool] = []
    original = importer_module._import_locked

    def spy(*args, **kwargs):
        calls.append(kwargs.get("by_rows", False))
        return original(*args, **kwargs)

    monkeypatch.setattr(importer_module, "_import_locked", spy)
    import_graph(find_import_source(folder), "g", isolated_cache)
    assert calls == [False, True]
    graph = open_imported_graph(isolated_cache, "g")
    lines = [number for number, line in enumerate(blank.split("\n"), 1) if line][1:]
    assert list(graph.edge_columns["lines"]) == lines  # the lines as the file numbers them
    assert not list((isolated_cache / "graphs").glob(".g.*"))  # the first attempt left nothing


PREFIX_MAP = json.loads((Path(__file__).parent.parent / "ontology" / "prefixes.json").read_text())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(
                r"(GO|CHEBI|PMID|MESH|foo|KEGG\.PATHWAY|http|urn)?:?[ -~\u00e9\n]{0,12}", fullmatch=True
            ),
            st.text(max_size=12),
        ),
        max_size=30,
    )
)
def test_a_column_expands_exactly_as_each_curie_does(values: list[str]) -> None:
    curies = Curies(PREFIX_MAP)
    assert curies.expand_column(pyarrow.array(values, pyarrow.string())).to_pylist() == [
        Curies(PREFIX_MAP).expand(value) for value in values
    ]


def test_provenance_past_the_spool_bound_goes_to_disk_and_reads_back_the_same(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ten times Hetionet holds ~1.6 GB of provenance: past SPOOL_BYTES it is written to a file
    from msc_graph.interop.imported import records as records_module

    nodes, edges = _random_kgx(random.Random(5), 40, 300)
    folder = _pair(tmp_path / "in", nodes, edges)
    import_graph(find_import_source(folder), "memory", isolated_cache)
    monkeypatch.setattr(records_module, "SPOOL_BYTES", 100)
    import_graph(find_import_source(folder), "spooled", isolated_cache)
    graphs = isolated_cache / "graphs"
    for name in ("edges.provenance", "edges.provenance.offsets"):
        assert (graphs / "spooled" / name).read_bytes() == (graphs / "memory" / name).read_bytes()
    assert (graphs / "spooled" / "edges.provenance").stat().st_size > 100
    assert not list((graphs / "spooled").glob(".provenance-*"))  # the spool file left nothing behind


def test_records_appended_to_their_files_during_the_import_give_the_same_graph(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten times Hetionet spills its edge records to their files as it reads: the files must not change."""
    from msc_graph.interop.imported import records as records_module
    from msc_graph.interop.imported import source as source_module

    nodes, edges = _random_kgx(random.Random(8), 40, 300)
    folder = _pair(tmp_path / "in", nodes, edges)
    import_graph(find_import_source(folder), "memory", isolated_cache)
    monkeypatch.setattr(source_module, "LINE_BLOCK_BYTES", 2000)  # many blocks, each a few rows
    monkeypatch.setattr(records_module, "SPILL_EDGES", 7)
    spilled: list[int] = []
    spill = records_module.RecordBuilder.spill

    def counting(self) -> None:
        before = self.edge_count - len(self.subjects)
        spill(self)
        if self.edge_count - len(self.subjects) > before:
            spilled.append(self.edge_count)

    monkeypatch.setattr(records_module.RecordBuilder, "spill", counting)
    import_graph(find_import_source(folder), "spilled", isolated_cache)
    assert len(spilled) > 3  # it did spill, several times
    graphs = isolated_cache / "graphs"
    for name in RECORD_FILES:
        assert (graphs / "spilled" / name).read_bytes() == (graphs / "memory" / name).read_bytes(), name
    meta = json.loads((graphs / "spilled" / "meta.json").read_text())
    assert meta["edges"] == 300
    # every record's predicate is counted, those appended before the last spill too (a search walks
    # only the predicates counted there); the count is the written slug file's own
    slugs = (graphs / "spilled" / "edges.slugs").read_bytes()
    assert meta["predicate_counts"] == {
        meta["slugs"][code]: slugs.count(bytes([code]))
        for code in sorted(set(slugs), key=lambda c: meta["slugs"][c])
    }
    assert (
        meta["predicate_counts"]
        == json.loads((graphs / "memory" / "meta.json").read_text())["predicate_counts"]
    )
    first, second = (open_imported_graph(isolated_cache, name) for name in ("memory", "spilled"))

    def read(graph, edge: int) -> list[tuple]:
        study = graph.study_id  # an edge without a source is read in the import itself
        return [
            (e.study.replace(study, "IMPORT"), e.locator, e.quote, e.basis) for e in graph.get_evidence(edge)
        ]

    assert [read(second, edge) for edge in range(300)] == [read(first, edge) for edge in range(300)]
