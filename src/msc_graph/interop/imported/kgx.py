"""KGX TSV pairs read column by column into records, with the RDF of the same rows for the store loader.

Why columns: a Hetionet-sized file is millions of rows, and per-row Python
(splitting, dict look-ups, string formatting) was nearly all of an import's
time. pyarrow's CSV reader splits and checks whole blocks in C; node ids
become integers by dictionary-encoding each block (Python touches only the
distinct ids), and the N-Triples of a block are joined from whole columns.
pyarrow is imported here only, so commands that do not import stay light.

Rows stay located: the reader is strict (no quoting, no blank lines, every
row as wide as the header, UTF-8), and when it refuses a block the file is
scanned again row by row (:func:`_iter_tsv`) to name the file and line. A
file the row scan accepts but the reader does not (blank lines, a lone CR,
a row longer than a block) is read row by row into the same columns
(:class:`ColumnarReadError` restarts the import that way).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from msc_graph.errors import GraphImportError
from msc_graph.interop.imported.biolink import ASSERTED_LEVEL, SUBCLASS_PREDICATES, map_predicate
from msc_graph.interop.imported.loader import StoreLoader, valid_iri, valid_terms
from msc_graph.interop.imported.prefixes import IRI_UNSAFE, Curies
from msc_graph.interop.imported.records import RecordBuilder, split_list, string_cells
from msc_graph.interop.imported.source import Progress, iter_line_blocks, iter_lines, open_binary
from msc_graph.views.namespaces import BASE_IRI, BIOLINK, OBO_IN_OWL, RDF, RDFS, SKOS, VOCAB_IRI
from msc_graph.views.rdf import escape_literal, predicate_local

if TYPE_CHECKING:
    import numpy
    import pyarrow

IMPORT_IRI = BASE_IRI + "import/"
ROWS_PER_BLOCK = 20_000
"""Rows per block when a file is read row by row."""
NODE_COLUMNS = ("id", "category", "name", "synonym", "xref")
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "object_direction_qualifier",
    "primary_knowledge_source",
    "publications",
    "supporting_text",
    "knowledge_level",
    "msc_basis",
    "msc_unit",
)
Block = tuple["numpy.ndarray[Any, Any]", dict[str, "pyarrow.Array"]]
"""(line number of each row, column name → string cells) of one block of rows."""


PROVENANCE_COLUMNS = (
    "id",
    "primary_knowledge_source",
    "publications",
    "supporting_text",
    "knowledge_level",
    "object_direction_qualifier",
    "msc_basis",
    "msc_unit",
)
"""The KGX columns of records.PROVENANCE_FIELDS, in its order; an edge whose first six are all
empty has no provenance record."""


class _Slot(NamedTuple):
    """What one (predicate, direction qualifier) pair as written becomes."""

    slug_code: int
    predicate_code: int
    term: str
    """The predicate as written, as an N-Triples term."""
    signed_term: str
    """Our signed predicate's term when the qualifier signs it, else ""."""
    subclass: bool
    """An is-a link (the resolver expands names through it)."""
    valid: bool
    """Whether the store's strict parser takes its terms' IRIs (:func:`valid_iri`)."""


class ColumnarReadError(Exception):
    """The columnar reader refused a file the row scan accepts: import it again row by row."""


def _read_header(path: Path, required: Sequence[str]) -> list[str]:
    """Return the header cells of a KGX TSV file (stripped), checking it names the ``required`` columns.

    Raises:
        GraphImportError: the file is empty, starts with a blank line or lacks a required column.
    """
    raw, stream = open_binary(path)
    with raw, stream:
        _first, lines = next(iter_lines(stream, path.name), (1, []))
    if not lines:
        raise GraphImportError(f"{path.name}: empty file (a KGX file starts with a header row)")
    if not lines[0].strip():
        raise GraphImportError(f"{path.name} line 1: blank (a KGX file starts with a header row)")
    header = [column.strip() for column in lines[0].split("\t")]
    missing = [column for column in required if column not in header]
    if missing:
        raise GraphImportError(f"{path.name} line 1: missing KGX column(s) {', '.join(missing)}")
    return header


def _iter_tsv(
    path: Path, progress: Progress | None, required: Sequence[str], wanted: Sequence[str]
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Yield (line, the ``wanted`` cells) for each data row of a KGX TSV file (absent columns: "").

    KGX TSV has no quoting (KGX reads it with ``csv.QUOTE_NONE``): a cell is
    everything between two tabs, quotes included, and a row is one line.
    Blank lines are skipped. The row-by-row reading: the rescan that locates
    what the columnar reader refused, and the reader of files it cannot read.

    Raises:
        GraphImportError: the file is empty, lacks a ``required`` column, has a row with more
            or fewer cells than its header, or is not UTF-8 (with file and line), or its gzip
            is broken or too large (see :func:`open_binary`).
    """
    from operator import itemgetter

    header = _read_header(path, required)
    columns = {column: index for index, column in enumerate(header)}
    width = len(header)
    pick = itemgetter(*(columns.get(column, width) for column in wanted))  # width: the "" appended
    raw, stream = open_binary(path)
    name = path.name
    with raw, stream:
        reported = 0
        for first, lines in iter_lines(stream, name):
            for number, line in enumerate(lines, first):
                if number == 1:
                    continue
                cells = line.split("\t")
                if len(cells) != width:
                    if not line:
                        continue
                    raise GraphImportError(
                        f"{name} line {number}: {len(cells)} cell{'s' * (len(cells) != 1)}, "
                        f"the header has {width}"
                    )
                cells.append("")
                yield number, pick(cells)
            if progress is not None:
                progress(raw.count - reported)
                reported = raw.count


def _iter_blocks(
    path: Path, progress: Progress | None, required: Sequence[str], wanted: Sequence[str], by_rows: bool
) -> Iterator[Block]:
    """Yield the data rows of a KGX TSV file in blocks of string columns (absent columns: "").

    Raises:
        GraphImportError: what :func:`_iter_tsv` raises, found by a rescan when the columnar
            reader refuses a block.
        ColumnarReadError: the columnar reader refused a file the rescan accepts.
    """
    import numpy
    import pyarrow

    if by_rows:
        yield from _iter_row_blocks(path, progress, required, wanted)
        return
    import pyarrow.csv

    header = _read_header(path, required)
    present = [column for column in wanted if column in header]
    parse = pyarrow.csv.ParseOptions(
        delimiter="\t", quote_char=False, escape_char=False, ignore_empty_lines=False
    )
    convert = pyarrow.csv.ConvertOptions(
        column_types={column: pyarrow.string() for column in present},
        include_columns=present,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    raw, stream = open_binary(path)
    reported = 0
    with raw, stream:
        for first, block in iter_line_blocks(stream, path.name):
            body = block
            if first == 1:  # the header, read above
                _header, _end, body = block.partition(b"\n")
                first = 2
            if not body:
                continue
            if _has_blank_line(body):  # the reader would take it for a row: the row reader skips it
                raise ColumnarReadError(f"{path.name}: a blank line in lines {first}-")
            rows = body.count(b"\n") + 1
            try:
                table = pyarrow.csv.read_csv(
                    pyarrow.py_buffer(body),
                    read_options=pyarrow.csv.ReadOptions(column_names=header, block_size=len(body) + 1),
                    parse_options=parse,
                    convert_options=convert,
                )
            except pyarrow.ArrowException as error:
                for _row in _iter_tsv(path, None, required, wanted):  # raises with the file and line
                    pass
                raise ColumnarReadError(f"{path.name}: {error}") from None
            if table.num_rows != rows:  # a lone CR ends a row for the reader, not for the row scan
                raise ColumnarReadError(f"{path.name}: {table.num_rows} rows read in lines {first}-")
            empty = pyarrow.repeat("", rows)
            columns = {
                column: table.column(column).combine_chunks() if column in present else empty
                for column in wanted
            }
            yield numpy.arange(first, first + rows, dtype=numpy.int32), columns
            if progress is not None:
                progress(raw.count - reported)
                reported = raw.count


def _has_blank_line(body: bytes) -> bool:
    r"""Return True when a block of lines (its last line end cut off) holds an empty line.

    Substring tests (memchr speed), not a regular expression: a block is a megabyte.

    >>> [_has_blank_line(b) for b in (b"a\nb", b"a\n\nb", b"\r\na", b"a\n", b"a\n\r\nb")]
    [False, True, True, True, True]
    """
    return (
        b"\n\n" in body
        or b"\n\r\n" in body
        or body.startswith((b"\n", b"\r\n"))
        or body.endswith((b"\n", b"\n\r"))
        or body == b"\r"
    )


def _iter_row_blocks(
    path: Path, progress: Progress | None, required: Sequence[str], wanted: Sequence[str]
) -> Iterator[Block]:
    """Yield the rows of :func:`_iter_tsv` gathered into blocks of columns."""
    import numpy
    import pyarrow

    lines: list[int] = []
    rows: list[tuple[str, ...]] = []

    def block() -> Block:
        cells = list(zip(*rows, strict=True)) if rows else [() for _ in wanted]
        return numpy.array(lines, dtype=numpy.int32), {
            column: pyarrow.array(values, type=pyarrow.string())
            for column, values in zip(wanted, cells, strict=True)
        }

    for number, row in _iter_tsv(path, progress, required, wanted):
        lines.append(number)
        rows.append(row)
        if len(rows) >= ROWS_PER_BLOCK:
            yield block()
            lines, rows = [], []
    if rows:
        yield block()


def _first_empty(columns: dict[str, pyarrow.Array], names: Sequence[str]) -> tuple[int, list[str]] | None:
    """Return (row, the ``names`` whose cell is empty) of the first row with an empty cell, or None."""
    import numpy
    import pyarrow.compute as pc

    masks = [pc.equal(columns[name], "").to_numpy(zero_copy_only=False) for name in names]
    rows = numpy.flatnonzero(numpy.logical_or.reduce(masks))
    if not len(rows):
        return None
    row = int(rows[0])
    return row, [name for name, mask in zip(names, masks, strict=True) if mask[row]]


def _concat(arrays: Sequence[pyarrow.Array]) -> bytes:
    """Return the cells of string arrays one after another, as bytes (no per-row Python)."""
    return b"".join(string_cells(cells)[1] for cells in arrays)


def _triples(subject: pyarrow.Array, predicate: Any, obj: Any) -> pyarrow.Array:
    """Return the N-Triples lines of columns (or scalars) already written as RDF terms."""
    import pyarrow.compute as pc

    return pc.binary_join_element_wise(subject, predicate, obj, ".\n", " ")


def _literal(values: pyarrow.Array) -> pyarrow.Array:
    """Return string cells as quoted N-Triples literals (escaped as :func:`escape_literal` does)."""
    import pyarrow.compute as pc

    for plain, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r")):
        values = pc.replace_substring(values, plain, escaped)
    return pc.binary_join_element_wise('"', values, '"', "")


class _EdgeBlocks:
    """Turns blocks of KGX edge rows into edge records and N-Triples (the state blocks share)."""

    def __init__(
        self, records: RecordBuilder, curies: Curies, loader: StoreLoader, file_name: str, statements: bool
    ) -> None:
        self.records = records
        self.curies = curies
        self.loader = loader
        self.file_name = file_name
        self.edge_base = f"<{IMPORT_IRI}{records.name}/edge/"
        self.statements = statements
        """Whether an edge's provenance goes to the store too (as an ``rdf:Statement`` node)."""
        self.slots: dict[str, _Slot] = {}
        """"predicate\tdirection" as written → its slot."""
        self.terms = {
            name: f"<{iri}>"
            for name, iri in (
                ("subject", f"{RDF}subject"),
                ("predicate", f"{RDF}predicate"),
                ("object", f"{RDF}object"),
                *(
                    (field, f"{BIOLINK}{field}")
                    for field in (
                        "primary_knowledge_source",
                        "publications",
                        "supporting_text",
                        "object_direction_qualifier",
                        "knowledge_level",
                    )
                ),
            )
        }

    def add(self, lines: numpy.ndarray[Any, Any], columns: dict[str, pyarrow.Array]) -> None:
        """Add one block: its records to the builder, its N-Triples to the loader."""
        import numpy
        import pyarrow
        import pyarrow.compute as pc

        records, n = self.records, len(lines)
        empty = _first_empty(columns, ("subject", "predicate", "object"))
        if empty is not None:
            row, names = empty
            raise GraphImportError(
                f"{self.file_name} line {lines[row]}: empty {', '.join(names)} (a row is never skipped)"
            )
        # nodes: subjects and objects interleaved, so new nodes are numbered in row order
        both = pyarrow.concat_arrays([columns["subject"], columns["object"]])
        order = numpy.empty(2 * n, dtype=numpy.int64)
        order[0::2], order[1::2] = numpy.arange(n), numpy.arange(n, 2 * n)
        encoded = pc.dictionary_encode(both.take(order))
        ids = encoded.dictionary.to_pylist()
        known = len(records.node_ids)
        codes = numpy.fromiter(map(records.get_node, ids), dtype=numpy.int32, count=len(ids))
        positions = encoded.indices.to_numpy()
        subjects, objects = codes[positions[0::2]], codes[positions[1::2]]
        node_terms = self._terms(encoded.dictionary)
        valid = valid_terms(node_terms.filter(codes >= known))  # a node's IRI is checked when it is new
        subject_terms = node_terms.take(positions[0::2])
        object_terms = node_terms.take(positions[1::2])
        # predicates: one slot per (predicate, direction qualifier) as written
        direction = columns["object_direction_qualifier"]
        keyed = pc.dictionary_encode(pc.binary_join_element_wise(columns["predicate"], direction, "\t"))
        slots = [self._slot(key) for key in keyed.dictionary.to_pylist()]
        valid = valid and all(slot.valid for slot in slots)
        slot_of = keyed.indices.to_numpy()
        slug_codes = numpy.array([slot.slug_code for slot in slots], dtype=numpy.uint8)[slot_of]
        predicate_codes = numpy.array([slot.predicate_code for slot in slots], dtype=numpy.uint16)[slot_of]
        predicate_terms = pyarrow.array([slot.term for slot in slots]).take(slot_of)
        subclass = numpy.array([slot.subclass for slot in slots])[slot_of]
        for position in numpy.flatnonzero(subclass).tolist():
            records.add_parent(int(subjects[position]), int(objects[position]))
        given = {
            name: pc.not_equal(columns[name], "").to_numpy(zero_copy_only=False)
            for name in PROVENANCE_COLUMNS[:6]
        }
        fields = [columns[name] for name in PROVENANCE_COLUMNS]
        provenance = pc.if_else(
            numpy.logical_or.reduce(list(given.values())), pc.binary_join_element_wise(*fields, "\t"), ""
        )
        records.add_edges(subjects, objects, slug_codes, predicate_codes, lines, provenance)
        records.spill()
        pieces = [_triples(subject_terms, predicate_terms, object_terms)]
        signed = numpy.array([bool(slot.signed_term) for slot in slots])[slot_of]
        if signed.any():
            pieces.append(
                _triples(
                    subject_terms.filter(signed),
                    pyarrow.array([slot.signed_term for slot in slots]).take(slot_of[signed]),
                    object_terms.filter(signed),
                )
            )
        if self.statements:
            # a triple alone reads as asserted: any other knowledge level needs its statement node
            level = pc.not_equal(columns["knowledge_level"], ASSERTED_LEVEL).to_numpy(zero_copy_only=False)
            stated = (
                given["publications"]
                | given["supporting_text"]
                | given["object_direction_qualifier"]
                | (given["knowledge_level"] & level)
            )
            if stated.any():
                statements, checked = self._statements(
                    lines[stated],
                    {name: cells.filter(stated) for name, cells in columns.items()},
                    subject_terms.filter(stated),
                    predicate_terms.filter(stated),
                    object_terms.filter(stated),
                )
                pieces.extend(statements)
                valid = valid and checked
        self.loader.put(_concat(pieces), f"{self.file_name} lines {lines[0]}-{lines[-1]}", lenient=valid)

    def _terms(self, ids: pyarrow.Array) -> pyarrow.Array:
        """Return ``<IRI>`` terms for CURIEs or IRIs (:meth:`Curies.expand_column`)."""
        import pyarrow.compute as pc

        return pc.binary_join_element_wise("<", self.curies.expand_column(ids), ">", "")

    def _slot(self, key: str) -> _Slot:
        found = self.slots.get(key)
        if found is None:
            predicate, direction = key.split("\t")
            slug = map_predicate(predicate, direction)
            signed_by_qualifier = slug != map_predicate(predicate)
            term = f"<{self.curies.expand(predicate)}>"
            signed = f"<{VOCAB_IRI}{predicate_local(slug)}>" if signed_by_qualifier else ""
            found = self.slots[key] = _Slot(
                self.records.get_slug_code(slug),
                self.records.get_predicate_code(predicate),
                term,
                signed,
                predicate in SUBCLASS_PREDICATES,
                all(valid_iri(t[1:-1]) for t in (term, signed) if t),
            )
        return found

    def _statements(
        self,
        lines: numpy.ndarray[Any, Any],
        columns: dict[str, pyarrow.Array],
        subjects: pyarrow.Array,
        predicates: pyarrow.Array,
        objects: pyarrow.Array,
    ) -> tuple[list[pyarrow.Array], bool]:
        """Return the N-Triples of the ``rdf:Statement`` nodes of the rows that carry provenance.

        And whether their IRIs (nodes, sources, publications) are valid
        (:func:`valid_terms`).
        """
        import numpy
        import pyarrow
        import pyarrow.compute as pc

        terms = self.terms
        local = pc.if_else(
            pc.equal(columns["id"], ""), pyarrow.array(lines).cast(pyarrow.string()), columns["id"]
        )
        unsafe = pc.match_substring_regex(local, IRI_UNSAFE.pattern).to_numpy(zero_copy_only=False)
        if unsafe.any():
            from urllib.parse import quote

            values = local.to_pylist()
            for row in numpy.flatnonzero(unsafe):
                values[row] = quote(values[row], safe="")
            local = pyarrow.array(values, type=pyarrow.string())
        node = pc.binary_join_element_wise(self.edge_base, local, ">", "")
        valid = valid_terms(node)
        pieces = [
            _triples(node, terms["subject"], subjects),
            _triples(node, terms["predicate"], predicates),
            _triples(node, terms["object"], objects),
        ]
        source = columns["primary_knowledge_source"]
        named = pc.not_equal(source, "")
        if pc.any(named).as_py():
            encoded = pc.dictionary_encode(source.filter(named))
            sources = self._terms(encoded.dictionary)
            valid = valid and valid_terms(sources)
            pieces.append(
                _triples(node.filter(named), terms["primary_knowledge_source"], sources.take(encoded.indices))
            )
        cells = pc.split_pattern(columns["publications"], "|")
        publications = pc.utf8_trim_whitespace(pc.list_flatten(cells))
        owners = pc.list_parent_indices(cells)
        cited = pc.not_equal(publications, "")
        if pc.any(cited).as_py():
            encoded = pc.dictionary_encode(publications.filter(cited))
            cited_terms = self._terms(encoded.dictionary)
            valid = valid and valid_terms(cited_terms)
            pieces.append(
                _triples(
                    node.take(owners.filter(cited)), terms["publications"], cited_terms.take(encoded.indices)
                )
            )
        for name in ("supporting_text", "object_direction_qualifier", "knowledge_level"):
            given = pc.not_equal(columns[name], "")
            if pc.any(given).as_py():
                pieces.append(
                    _triples(node.filter(given), terms[name], _literal(columns[name].filter(given)))
                )
        return pieces, valid


def read_kgx(
    nodes_path: Path,
    edges_path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None = None,
    *,
    by_rows: bool = False,
    store_provenance: bool = True,
) -> None:
    """Parse a KGX TSV pair into ``records`` and write its RDF to ``loader`` from the same rows.

    Nodes: ``id`` (required), ``category``, ``name``, ``synonym``, ``xref``
    (lists separated by ``|``). Edges: ``subject``, ``predicate``, ``object``
    (required), ``id``, ``object_direction_qualifier``,
    ``primary_knowledge_source``, ``publications``, ``supporting_text``,
    ``knowledge_level``; other columns are ignored.

    RDF written per node: ``rdf:type`` its Biolink categories, ``rdfs:label``,
    ``skos:altLabel``, ``oboInOwl:hasDbXref``. Per edge: the triple with the
    predicate as written; when a direction qualifier signs it, also the triple
    with our signed predicate (``msc:increases`` / ``msc:decreases``); when it
    has publications, supporting text, a qualifier or a knowledge level other
    than ``knowledge_assertion`` (a bare triple reads as asserted, so a
    prediction must say so), an ``rdf:Statement`` node
    (``IMPORT_IRI/NAME/edge/ID``) carrying them with Biolink's property names.
    Without ``store_provenance`` the statement nodes are left out of the RDF
    (they are most of it: 5.3M of a 2M-edge Hetionet-shaped graph's 7.8M
    triples); the records keep every edge's provenance either way.
    A pair with nodes and no edges is imported (its names resolve, SPARQL
    reads its labels); a pair with neither is refused.

    ``by_rows`` reads both files row by row (see :class:`ColumnarReadError`).
    Cost: linear in rows; about 1 µs per edge row in Python plus pyarrow's
    columnar work, overlapping the store's load.

    Raises:
        GraphImportError: a file is malformed (see ``_iter_tsv``) or the pair holds no node.
        ColumnarReadError: the columnar reader refused a file the row scan accepts.
    """
    _read_nodes(nodes_path, records, loader, curies, progress, by_rows)
    records.source_names.append(nodes_path.name)
    edges = _EdgeBlocks(records, curies, loader, edges_path.name, store_provenance)
    for lines, columns in _iter_blocks(
        edges_path, progress, ("subject", "predicate", "object"), EDGE_COLUMNS, by_rows
    ):
        if len(lines):
            edges.add(lines, columns)
    records.source_names.append(edges_path.name)
    if not records.node_ids:  # nodes without edges are a graph (names to resolve and query); nothing is not
        raise GraphImportError(
            f"{nodes_path.name}, {edges_path.name}: no nodes and no edges below the headers "
            "(an empty graph is not imported)"
        )


def _read_nodes(
    path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None,
    by_rows: bool,
) -> None:
    """Read the node file into the node table, and its RDF (types, labels, synonyms, xrefs) to ``loader``.

    Nodes are few (Hetionet: one per 45 edges), so each row is handled in
    Python; their terms are still expanded a column at a time.
    """
    import pyarrow.compute as pc

    iri = curies.expand
    label_iri, alt_iri, type_iri = f"<{RDFS}label>", f"<{SKOS}altLabel>", f"<{RDF}type>"
    xref_iri = f"<{OBO_IN_OWL}hasDbXref>"
    get_node, labels, synonyms, xrefs = (records.get_node, records.labels, records.synonyms, records.xrefs)
    for lines, columns in _iter_blocks(path, progress, ("id",), NODE_COLUMNS, by_rows):
        if not len(lines):
            continue
        empty = _first_empty(columns, ("id",))
        if empty is not None:
            raise GraphImportError(
                f"{path.name} line {lines[empty[0]]}: the id cell is empty (a row is never skipped)"
            )
        expanded = curies.expand_column(columns["id"])
        terms = expanded.to_pylist()
        valid = valid_terms(pc.binary_join_element_wise("<", expanded, ">", ""))
        categories_seen: set[str] = set()
        triples: list[str] = []
        add = triples.append
        for node_id, term, categories, label, synonym_cell, xref_cell in zip(
            columns["id"].to_pylist(),
            terms,
            *(columns[name].to_pylist() for name in ("category", "name", "synonym", "xref")),
            strict=True,
        ):
            index = get_node(node_id)
            node = f"<{term}>"
            for category in split_list(categories):
                records.set_category(index, category)
                categories_seen.add(category)
                add(f"{node} {type_iri} <{iri(category)}> .\n")
            if label:
                labels[index] = label
                add(f'{node} {label_iri} "{escape_literal(label)}" .\n')
            for synonym in split_list(synonym_cell):
                synonyms.setdefault(index, []).append(synonym)
                add(f'{node} {alt_iri} "{escape_literal(synonym)}" .\n')
            for xref in split_list(xref_cell):
                xrefs.setdefault(index, []).append(xref)
                add(f'{node} {xref_iri} "{escape_literal(xref)}" .\n')
        valid = valid and all(valid_iri(iri(category)) for category in categories_seen)
        loader.put(
            "".join(triples).encode("utf-8"), f"{path.name} lines {lines[0]}-{lines[-1]}", lenient=valid
        )
