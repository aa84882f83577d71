"""KGX TSV pairs read into records, with the RDF of the same rows written to the store loader."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from msc_graph.errors import GraphImportError
from msc_graph.interop.imported.biolink import SUBCLASS_PREDICATES, map_predicate
from msc_graph.interop.imported.loader import CHUNK_BYTES, StoreLoader
from msc_graph.interop.imported.prefixes import IRI_UNSAFE, Curies
from msc_graph.interop.imported.records import RecordBuilder, split_list
from msc_graph.interop.imported.source import Progress, iter_lines, open_binary
from msc_graph.views.namespaces import BASE_IRI, BIOLINK, OBO_IN_OWL, RDF, RDFS, SKOS, VOCAB_IRI
from msc_graph.views.rdf import escape_literal, predicate_local

IMPORT_IRI = BASE_IRI + "import/"


def _iter_tsv(
    path: Path, progress: Progress | None, required: Sequence[str], wanted: Sequence[str]
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Yield (line, the ``wanted`` cells) for each data row of a KGX TSV file (absent columns: "").

    KGX TSV has no quoting (KGX reads it with ``csv.QUOTE_NONE``): a cell is
    everything between two tabs, quotes included, and a row is one line.
    Blank lines are skipped.

    Raises:
        GraphImportError: the file is empty, lacks a ``required`` column, has a row with more
            or fewer cells than its header, or is not UTF-8 (with file and line), or its gzip
            is broken or too large (see :func:`open_binary`).
    """
    from operator import itemgetter

    raw, stream = open_binary(path)
    name = path.name
    with raw, stream:
        blocks = iter_lines(stream, name)
        first, lines = next(blocks, (1, []))
        if not lines:
            raise GraphImportError(f"{name}: empty file (a KGX file starts with a header row)")
        if not lines[0].strip():
            raise GraphImportError(f"{name} line 1: blank (a KGX file starts with a header row)")
        header = lines[0].split("\t")
        columns = {column.strip(): index for index, column in enumerate(header)}
        missing = [column for column in required if column not in columns]
        if missing:
            raise GraphImportError(f"{name} line 1: missing KGX column(s) {', '.join(missing)}")
        width = len(header)
        pick = itemgetter(*(columns.get(column, width) for column in wanted))  # width: the "" appended
        reported = 0
        block: tuple[int, list[str]] | None = (first + 1, lines[1:])
        while block is not None:
            first, lines = block
            for number, line in enumerate(lines, first):
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
            block = next(blocks, None)


class _RdfWriter:
    """Collects N-Triples lines and hands them to the loader in CHUNK_BYTES pieces."""

    def __init__(self, loader: StoreLoader, file_name: str) -> None:
        self._loader = loader
        self._file_name = file_name
        self._lines: list[str] = []
        self._size = 0
        self._first_line = 1

    def add(self, text: str, line: int) -> None:
        self._lines.append(text)
        self._size += len(text)
        if self._size >= CHUNK_BYTES:
            self.flush(line)

    def flush(self, line: int) -> None:
        if self._lines:
            self._loader.put(
                "".join(self._lines).encode("utf-8"), f"{self._file_name} lines {self._first_line}-{line}"
            )
        self._lines, self._size, self._first_line = [], 0, line + 1


def read_kgx(
    nodes_path: Path,
    edges_path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None = None,
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
    has publications, supporting text or a qualifier, an ``rdf:Statement`` node
    (``IMPORT_IRI/NAME/edge/ID``) carrying them with Biolink's property names.
    A pair with nodes and no edges is imported (its names resolve, SPARQL
    reads its labels); a pair with neither is refused.
    Cost: linear in rows; ~5 µs per edge in Python, overlapping the load.

    Raises:
        GraphImportError: a file is malformed (see ``_iter_tsv``) or the pair holds no node.
    """
    rdf = _RdfWriter(loader, nodes_path.name)
    iri = curies.expand
    label_iri, alt_iri, type_iri = f"<{RDFS}label>", f"<{SKOS}altLabel>", f"<{RDF}type>"
    xref_iri = f"<{OBO_IN_OWL}hasDbXref>"
    line = 0
    get_node, labels, synonyms, xrefs = (records.get_node, records.labels, records.synonyms, records.xrefs)
    for line, (node_id, categories, label, synonym_cell, xref_cell) in _iter_tsv(
        nodes_path, progress, ("id",), ("id", "category", "name", "synonym", "xref")
    ):
        if not node_id:
            raise GraphImportError(
                f"{nodes_path.name} line {line}: the id cell is empty (a row is never skipped)"
            )
        index = get_node(node_id)
        node = f"<{iri(node_id)}>"
        for category in split_list(categories):
            records.set_category(index, category)
            rdf.add(f"{node} {type_iri} <{iri(category)}> .\n", line)
        if label:
            labels[index] = label
            rdf.add(f'{node} {label_iri} "{escape_literal(label)}" .\n', line)
        for synonym in split_list(synonym_cell):
            synonyms.setdefault(index, []).append(synonym)
            rdf.add(f'{node} {alt_iri} "{escape_literal(synonym)}" .\n', line)
        for xref in split_list(xref_cell):
            xrefs.setdefault(index, []).append(xref)
            rdf.add(f'{node} {xref_iri} "{escape_literal(xref)}" .\n', line)
    rdf.flush(line)
    records.source_names.append(nodes_path.name)

    from urllib.parse import quote

    rdf = _RdfWriter(loader, edges_path.name)
    edge_base = f"{IMPORT_IRI}{records.name}/edge/"
    statement = (f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>")
    properties = {
        name: f"<{BIOLINK}{name}>"
        for name in (
            "primary_knowledge_source",
            "publications",
            "supporting_text",
            "object_direction_qualifier",
            "knowledge_level",
        )
    }
    slots: dict[tuple[str, str], tuple[str, int, str, str]] = {}
    add_edge, add_rdf = records.add_edge, rdf.add
    node_iris: dict[str, str] = {}
    wanted = (
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
    for line, (
        edge_id,
        subject_id,
        predicate,
        object_id,
        direction,
        source,
        publications,
        text,
        level,
        bases,
        units,
    ) in _iter_tsv(edges_path, progress, ("subject", "predicate", "object"), wanted):
        if not (subject_id and predicate and object_id):
            empty = [
                name
                for name, cell in zip(
                    ("subject", "predicate", "object"), (subject_id, predicate, object_id), strict=True
                )
                if not cell
            ]
            raise GraphImportError(
                f"{edges_path.name} line {line}: empty {', '.join(empty)} (a row is never skipped)"
            )
        slot = slots.get((predicate, direction))
        if slot is None:
            slug = map_predicate(predicate, direction)
            signed_by_qualifier = slug != map_predicate(predicate)
            slot = slots[(predicate, direction)] = (
                slug,
                records.get_predicate_code(predicate),
                f"<{iri(predicate)}>",
                f"<{VOCAB_IRI}{predicate_local(slug)}>" if signed_by_qualifier else "",
            )
        slug, code, predicate_iri, signed_iri = slot
        subject, obj = get_node(subject_id), get_node(object_id)
        if predicate in SUBCLASS_PREDICATES:
            records.add_parent(subject, obj)
        if edge_id or source or publications or text or level or direction:
            provenance = (  # the fields of PROVENANCE_FIELDS, inline: one call fewer per row
                f"{edge_id}\t{source}\t{publications}\t{text}\t{level}\t{direction}\t{bases}\t{units}"
            ).encode()
        else:
            provenance = b""
        add_edge(subject, code, slug, obj, line, provenance)
        s = node_iris.get(subject_id)
        if s is None:
            s = node_iris[subject_id] = f"<{iri(subject_id)}>"
        o = node_iris.get(object_id)
        if o is None:
            o = node_iris[object_id] = f"<{iri(object_id)}>"
        triples = f"{s} {predicate_iri} {o} .\n"
        if signed_iri:
            triples += f"{s} {signed_iri} {o} .\n"
        if publications or text or direction:
            local = edge_id or str(line)
            node = f"<{edge_base}{quote(local, safe='') if IRI_UNSAFE.search(local) else local}>"
            triples += (
                f"{node} {statement[0]} {s} .\n{node} {statement[1]} {predicate_iri} .\n"
                f"{node} {statement[2]} {o} .\n"
            )
            if source:
                triples += f"{node} {properties['primary_knowledge_source']} <{iri(source)}> .\n"
            for publication in split_list(publications):
                triples += f"{node} {properties['publications']} <{iri(publication)}> .\n"
            for name, value in (
                ("supporting_text", text),
                ("object_direction_qualifier", direction),
                ("knowledge_level", level),
            ):
                if value:
                    triples += f'{node} {properties[name]} "{escape_literal(value)}" .\n'
        add_rdf(triples, line)
    rdf.flush(line)
    records.source_names.append(edges_path.name)
    if not records.node_ids:  # nodes without edges are a graph (names to resolve and query); nothing is not
        raise GraphImportError(
            f"{nodes_path.name}, {edges_path.name}: no nodes and no edges below the headers "
            "(an empty graph is not imported)"
        )
