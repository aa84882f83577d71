"""The column-wise N-Triples pass gives exactly the records the line-by-line pass gives.

The line-by-line pass (one Python step per line) is the reference. A chunk
whose every line is canonical (``S <P> O .``, one space between terms) is read
column by column instead; the two must agree on every node, its number, label,
synonyms, category and parents, and on every edge record in order, whatever
mix of terms, literals and chunk boundaries the file has.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msc_graph.interop.imported import ntriples
from msc_graph.interop.imported.loader import StoreLoader
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import RecordBuilder

from .conftest import ROOT

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PREDICATES = (
    RDF_TYPE,
    "<http://www.w3.org/2000/01/rdf-schema#label>",
    "<http://www.w3.org/2004/02/skos/core#altLabel>",
    "<http://www.w3.org/2000/01/rdf-schema#subClassOf>",
    "<http://purl.obolibrary.org/obo/RO_0002213>",  # negatively regulates: a signed edge
    "<https://w3id.org/biolink/vocab/interacts_with>",
    "<http://example.org/unmapped>",
    "<http://www.geneontology.org/formats/oboInOwl#hasDbXref>",  # a literal kept aside
    "<u:p>",  # a predicate of at most 12 bytes: its view holds it inline
)
SUBJECTS = (
    "<u:a>",  # short terms, held inline in their views
    "<u:bb>",
    "<https://identifiers.org/hgnc:5>",
    "<http://purl.obolibrary.org/obo/DOID_1>",
    "<http://example.org/a/very/long/term/with/many/parts/1234567890>",
    "_:b1",
    "_:blank.two",
)
OBJECTS = (
    *SUBJECTS,
    "<https://w3id.org/biolink/vocab/Disease>",
    "<https://w3id.org/biolink/vocab/Gene>",
    '"plain"',
    '"two words . and a dot"',
    '"escaped \\"quote\\" and \\t tab"@en',
    '"caf\\u00E9"',
    '"GENEÅ5"',
    '"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '""',
)
ODD_LINES = ("", "# a comment", "<u:a>\t<u:p> <u:bb> .", "<u:a> <u:p> <u:bb> .\r", "<u:a> <u:p> <u:bb>  .")
"""Lines only the line-by-line pass reads: a chunk holding one is read that way whole."""

terms = st.one_of(st.sampled_from(SUBJECTS), st.integers(0, 40).map(lambda n: f"<http://example.org/n{n}>"))
canonical_lines = st.builds(
    lambda s, p, o: f"{s} {p} {o} .",
    terms,
    st.sampled_from(PREDICATES),
    st.one_of(st.sampled_from(OBJECTS), terms),
)


class Loader:
    """Stands in for the store's loader: the test compares records, not stores."""

    def __init__(self) -> None:
        self.lenient: list[bool] = []

    def is_busy(self) -> bool:
        return True  # as a busy loader: each chunk is read before it is handed over

    def put(self, data: bytes, where: str, *, lenient: bool = False) -> None:
        assert data
        self.lenient.append(lenient)


def _records(path: Path, monkeypatch: pytest.MonkeyPatch, *, by_lines: bool) -> dict[str, object]:
    with monkeypatch.context() as patch:
        if by_lines:
            patch.setattr(ntriples, "_split_canonical", lambda chunk: None)
        records = RecordBuilder("test")
        curies = Curies(json.loads((ROOT / "ontology" / "prefixes.json").read_text()))
        try:
            ntriples.read_ntriples(path, records, Loader(), curies)  # type: ignore[arg-type]
        finally:
            records.close()
    return {
        "ids": records.node_ids,
        "labels": records.labels,
        "categories": [records.category_names[code] for code in records.categories],
        "synonyms": records.synonyms,
        "parents": records.parents,
        "predicates": records.predicates,
        **{
            name: list(column)
            for name, column in zip(
                ("s", "o", "slug", "p", "line", "offset"), records.edge_arrays(), strict=True
            )
        },
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lines=st.lists(
        st.one_of(canonical_lines, canonical_lines, canonical_lines, st.sampled_from(ODD_LINES)),
        min_size=1,
        max_size=40,
    ),
    chunk=st.integers(min_value=60, max_value=400),
    final_newline=st.booleans(),
)
def test_columns_read_what_lines_read(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    lines: list[str],
    chunk: int,
    final_newline: bool,
) -> None:
    if not any(line.strip() and not line.startswith("#") for line in lines):
        lines = [*lines, "<u:a> <u:p> <u:bb> ."]
    path = tmp_path_factory.mktemp("nt") / "mixed.nt"
    path.write_text("\n".join(lines) + ("\n" if final_newline else ""), encoding="utf-8")
    monkeypatch.setattr(ntriples, "CHUNK_BYTES", chunk)  # many chunks, some canonical, some not
    assert _records(path, monkeypatch, by_lines=False) == _records(path, monkeypatch, by_lines=True)


def test_a_canonical_file_is_read_by_columns_and_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [f"{s} {p} {o} ." for s in SUBJECTS for p in PREDICATES for o in OBJECTS]
    random.Random(7).shuffle(lines)  # nodes first named by every kind of line: label, type, edge, is-a
    path = tmp_path / "all.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 4096)
    read = []
    original = ntriples._Reader.read_canonical

    def counting(self: ntriples._Reader, chunk: bytes, columns: tuple, first: int) -> None:
        read.append(first)
        original(self, chunk, columns, first)

    monkeypatch.setattr(ntriples._Reader, "read_canonical", counting)
    by_columns = _records(path, monkeypatch, by_lines=False)
    assert len(read) > 1 and read[0] == 1  # every chunk went by columns, numbered from line 1
    assert by_columns == _records(path, monkeypatch, by_lines=True)
    assert len(by_columns["s"]) > 0 and len(by_columns["synonyms"]) > 0


def test_nodes_are_numbered_in_order_of_first_mention(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (
        '<http://example.org/n1> <http://www.w3.org/2000/01/rdf-schema#label> "one" .',
        "<http://example.org/n2> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n3> .",
        f"<http://example.org/n4> {RDF_TYPE} <https://w3id.org/biolink/vocab/Gene> .",
        "<http://example.org/n5> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://example.org/n6> .",
        '<http://example.org/n7> <http://example.org/unmapped> "a literal names no node" .',
        '<http://example.org/n8> <http://www.geneontology.org/formats/oboInOwl#hasDbXref> "X:1" .',
        '<http://example.org/n9> <http://www.w3.org/2004/02/skos/core#altLabel> "nine" .',
        "<http://example.org/n2> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n1> .",
    )
    path = tmp_path / "order.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = _records(path, monkeypatch, by_lines=False)
    assert records["ids"] == [f"http://example.org/n{n}" for n in (1, 2, 3, 4, 5, 6, 9)]
    assert (records["s"], records["o"], records["line"]) == ([1, 1], [2, 0], [2, 8])
    assert records["labels"][0] == "one" and records["synonyms"] == {6: ["nine"]}
    assert records["parents"] == {4: [5]} and records["categories"][3] == "biolink:Gene"


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (b"<a> <p> <o> .\n", True),
        (b"<a> <p> <o> .", True),  # the last line of a file without a final newline
        (b'_:b <p> "x y ." .\n', True),
        (b"<a> <p> <o> .\n\n", False),  # a blank line
        (b"# comment\n<a> <p> <o> .\n", False),
        (b"<a>\t<p> <o> .\n", False),
        (b"<a> <p> <o> .\r\n", False),
        (b"<a> <p> <o>  .\n", False),  # two spaces before the dot: the line pass strips them
        (b"<a> <p> <o> . # note\n", False),
        (b" <a> <p> <o> .\n", False),
        (b"<a> p <o> .\n", False),
        (b"<a> <p>\n", False),
    ],
)
def test_only_canonical_chunks_go_by_columns(text: bytes, canonical: bool) -> None:
    assert (ntriples._split_canonical(text) is not None) is canonical


PREFIX_MAP = json.loads((ROOT / "ontology" / "prefixes.json").read_text())
NAMESPACES = sorted({*PREFIX_MAP.values(), *Curies(PREFIX_MAP).prefixes.values()})
iris = st.one_of(
    st.builds(
        lambda namespace, local: namespace + local,
        st.sampled_from(NAMESPACES),
        st.text(st.sampled_from("aZ09_:/#.-é"), max_size=10),
    ),
    st.builds(
        lambda namespace, cut, local: namespace[:cut] + local,  # a namespace cut short, then more
        st.sampled_from(NAMESPACES),
        st.integers(0, 60),
        st.text(st.sampled_from("aZ09_:/#"), max_size=6),
    ),
    st.text(max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(iris, max_size=40))
def test_compacting_by_stems_is_compacting_by_the_trie(values: list[str]) -> None:
    curies = Curies(PREFIX_MAP)
    converter = curies._converter
    assert [curies.compact(iri) for iri in values] == [converter.compress(iri) or iri for iri in values]


def test_a_namespace_ending_mid_word_is_compacted_by_the_trie() -> None:
    curies = Curies({**PREFIX_MAP, "EXAB": "http://example.org/ab"})  # ends inside a local name
    assert curies._stems is None
    assert curies.compact("http://example.org/abc") == "EXAB:c"
    assert Curies(PREFIX_MAP).compact("http://example.org/abc") == "http://example.org/abc"


@given(st.lists(st.binary(max_size=30), min_size=1, max_size=30))
def test_views_are_valid_arrow_columns_of_the_tokens(tokens: list[bytes]) -> None:
    data = b"".join(tokens)
    ends = numpy.cumsum([len(token) for token in tokens])
    column = ntriples._views(
        data, ends - [len(token) for token in tokens], numpy.array([len(t) for t in tokens])
    )
    column.validate(full=True)  # Arrow checks each view's length, inline bytes and 4-byte prefix
    assert column.to_pylist() == tokens


GOOD = (
    f"<http://example.org/n1> {RDF_TYPE} <https://w3id.org/biolink/vocab/Gene> .",
    '<http://example.org/n1> <http://www.w3.org/2000/01/rdf-schema#label> "one" .',
    '<http://example.org/n9> <http://example.org/unmapped> "names no node" .',
    "<http://example.org/n1> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n2> .",
)
BAD_IRI = "<http://example.org/{bad}>"
"""An IRI the store's strict parser refuses (``{`` is no IRI character); pyoxigraph's lenient mode takes it."""


@pytest.mark.parametrize(
    "bad",
    [
        f"{BAD_IRI} <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n2> .",  # edge subject
        f"<http://example.org/n1> <http://purl.obolibrary.org/obo/RO_0002213> {BAD_IRI} .",  # edge object
        f"<http://example.org/n1> {BAD_IRI} <http://example.org/n2> .",  # predicate
        f"<http://example.org/n1> {RDF_TYPE} {BAD_IRI} .",  # a type: no node
        f'{BAD_IRI} <http://example.org/unmapped> "a literal naming nothing" .',  # a subject naming no node
        f'{BAD_IRI} <http://www.w3.org/2000/01/rdf-schema#label> "a label" .',  # a label's subject
        '<http://example.org/n1> <http://example.org/unmapped> "x"^^<relative> .',  # a datatype
        "<relative> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n2> .",  # no scheme
        '<http://example.org/n1> <http://example.org/unmapped> "x"@abcdefghijk .',  # a language tag
        '<http://example.org/n1> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en-a-b .',  # a label's tag
        '<http://example.org/n1> <http://example.org/unmapped> "a raw\rCR" .',  # lenient takes it raw
        "<http://example.org/n1> <http://example.org/unmapped> <<( <a> <http://example.org/p> <http://o> )>> .",
        "<http://example.org/%zz> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n2> .",
        "<http://example.org/\\u0020> <http://purl.obolibrary.org/obo/RO_0002213> <http://example.org/n2> .",
    ],
)
def test_what_only_lenient_takes_in_a_canonical_chunk_still_fails_the_import(
    bad: str, tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_graph.interop.imported import GraphImportError, find_import_source, import_graph

    # the bad line in the second chunk, after the good lines named every good term once; every chunk
    # read before the store gets it, as when the loader is busy (a chunk it would wait for goes unchecked)
    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 256)
    monkeypatch.setattr(StoreLoader, "is_busy", lambda self: True)
    path = tmp_path / "bad.nt"
    path.write_text("\n".join([*GOOD, *GOOD, bad, *GOOD]) + "\n", encoding="utf-8")
    chunks = path.read_bytes().split(b"\n")
    assert ntriples._split_canonical(b"\n".join(chunks[len(GOOD) :])) is not None  # read by columns
    with pytest.raises(GraphImportError, match=r"bad\.nt lines \d+-\d+: "):
        import_graph(find_import_source(path), "g", isolated_cache)
    assert not (isolated_cache / "graphs" / "g").exists()


def _lenient(path: Path, lines: list[str]) -> list[bool]:
    """Return, for each chunk of ``lines`` written to ``path``, whether the store may skip its IRI check."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loader, records = Loader(), RecordBuilder("g")
    try:
        ntriples.read_ntriples(path, records, loader, Curies({}))  # type: ignore[arg-type]
    finally:
        records.close()
    return loader.lenient


def test_a_chunk_whose_iris_are_all_checked_is_loaded_leniently(tmp_path: Path) -> None:
    assert _lenient(tmp_path / "good.nt", [*GOOD]) == [True]
    # a datatype's IRI is not split out, nor an escaped IRI checked: the store checks those chunks
    typed = '<http://example.org/n1> <http://example.org/w> "1"^^<http://example.org/int> .'
    assert _lenient(tmp_path / "typed.nt", [*GOOD, typed]) == [False]
    escaped = "<http://example.org/\\u0041> <http://example.org/w> <http://example.org/n1> ."
    assert _lenient(tmp_path / "escaped.nt", [*GOOD, escaped]) == [False]
    assert _lenient(tmp_path / "odd.nt", [*GOOD, "# a comment"]) == [False]  # read line by line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:/%2F?#[]@!$&'()*+,;=<>{}|^`\"\\ \x01é.-_~")), max_size=12))
def test_an_iri_passes_the_check_exactly_when_the_strict_parser_takes_it(text: str) -> None:
    import pyoxigraph

    for iri in (text, "http://example.org/" + text):
        term = f"<{iri}>".encode()
        try:
            pyoxigraph.Store().bulk_load(
                term + b" <http://example.org/p> <http://example.org/o> .\n",
                format=pyoxigraph.RdfFormat.N_TRIPLES,
            )
            strict = True
        except SyntaxError:
            strict = False
        # never more than the parser takes; less only for escapes, which the store then checks
        assert ntriples._valid_iri(term) == (strict and b"\\" not in term)


def _mostly(usual: list[str], odd: list[str]) -> st.SearchStrategy[str]:
    """Draw a usual piece three times as often as an odd one, so many whole chunks are valid but one odd piece."""
    return st.one_of(
        st.sampled_from(usual), st.sampled_from(usual), st.sampled_from(usual), st.sampled_from(odd)
    )


iris = st.one_of(
    st.sampled_from(["http://example.org/a", "u:p", "http://x.org/b#c"]),
    st.lists(_mostly([*"ab/.-_~é:", "%2F"], [*'%[]{}|^`\\ <>"\x7f\x01']), max_size=6)
    .map("".join)
    .map("http://e.org/".__add__),
)
literal_texts = st.lists(
    _mostly([*"ab \té'", "\\n", "\\u0041", '\\"'], ["\r", '"', "\\", "\\q", "\x7f"]), max_size=5
)
tags = st.sampled_from(
    ["", "@en", "@en-GB", "@abcdefghijk", "@en-a-b", "@x-private", "@en--ltr", "@1a", "@de-1901-1901"]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(iris.map(lambda i: f"<{i}>"), st.sampled_from(["_:b1", "_:b.2"])),
            st.one_of(
                st.sampled_from(PREDICATES),
                iris.map(lambda i: f"<{i}>"),
            ),
            st.one_of(
                iris.map(lambda i: f"<{i}>"),
                st.builds(lambda text, tag: f'"{"".join(text)}"{tag}', literal_texts, tags),
                st.builds(lambda text, tag: f'"{"".join(text)}"{tag}', literal_texts, tags),
                iris.map(lambda i: f'"1"^^<{i}>'),
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_chunk_checked_for_lenient_loading_loads_as_the_strict_parser_loads_it(
    lines: list[tuple[str, str, str]],
) -> None:
    """A chunk our checks pass loads leniently exactly as strictly: the same triples, or the same refusal."""
    import pyoxigraph

    chunk = "".join(f"{s} {p} {o} .\n" for s, p, o in lines).encode("utf-8")
    columns = ntriples._split_canonical(chunk)
    if columns is None or columns.blank_nodes:
        return  # read line by line, or skolemized first: loaded strictly
    records = RecordBuilder("g")
    try:
        lenient = ntriples._Reader(records, Curies({})).read_canonical(chunk, columns, 1)
    finally:
        records.close()

    def load(lenient: bool) -> set[str] | None:
        store = pyoxigraph.Store()
        try:
            store.bulk_load(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=lenient)
        except SyntaxError:
            return None
        return {str(quad) for quad in store}

    if lenient:
        assert load(True) == load(False)
