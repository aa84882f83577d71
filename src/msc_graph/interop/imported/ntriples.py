"""N-Triples and Turtle (through pyoxigraph's parser) read into records, the same triples loaded.

Blank nodes become IRIs under SKOLEM_IRI before a chunk is loaded, so chunks
loaded apart agree. Literals are unescaped here (their one escaper is
:func:`msc_graph.views.rdf.escape_literal`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from msc_graph.errors import GraphImportError
from msc_graph.interop.imported.biolink import (
    LABEL_PREDICATES,
    SUBCLASS_PREDICATES,
    SYNONYM_PREDICATES,
    TYPE_PREDICATES,
    map_predicate,
)
from msc_graph.interop.imported.fold import NODE_ROLES, NOTED_LITERALS, RdfNotes, fold_our_rdf
from msc_graph.interop.imported.loader import CHUNK_BYTES, StoreLoader
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import RecordBuilder
from msc_graph.interop.imported.source import MAX_LINE_BYTES, Progress, check_utf8, open_binary
from msc_graph.views.namespaces import BASE_IRI, VOCAB_IRI

TURTLE_TRIPLES = 100_000
"""Triples of a Turtle file turned into N-Triples at a time (~15 MiB, a chunk's worth)."""
SKOLEM_IRI = BASE_IRI + ".well-known/genid/"
"""Blank nodes become IRIs under this base (RDF 1.1 §3.5) so that chunks loaded apart agree."""
_NT_LINE = re.compile(
    rb'^[ \t]*(<[^>]*>|_:\S+)[ \t]+<([^>]*)>[ \t]+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*")'
    rb"(?:\^\^<[^>]*>|@[a-zA-Z0-9-]+)?[ \t]*\.[ \t]*(?:#.*)?\r?$",
    re.MULTILINE,
)
_BNODE_SUBJECT = re.compile(rb"^([ \t]*)_:([^\s.]+(?:\.[^\s.]+)*)", re.MULTILINE)
_BNODE_OBJECT = re.compile(rb"^([ \t]*\S+[ \t]+<[^>]*>[ \t]+)_:([^\s.]+(?:\.[^\s.]+)*)", re.MULTILINE)
_NT_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_NT_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value

    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _NT_ESCAPES.get(match.group(3), match.group(3))

    return _NT_ESCAPE.sub(replace, value)


def _skolemize(chunk: bytes, name: str) -> bytes:
    base = (SKOLEM_IRI + name + "/").encode()
    chunk = _BNODE_SUBJECT.sub(lambda m: m.group(1) + b"<" + base + m.group(2) + b">", chunk)
    return _BNODE_OBJECT.sub(lambda m: m.group(1) + b"<" + base + m.group(2) + b">", chunk)


def _iter_ntriples_chunks(stream: IO[bytes], name: str) -> Iterator[bytes]:
    """Yield an N-Triples stream in pieces of about CHUNK_BYTES, each ending at a line end.

    Raises:
        GraphImportError: a line is longer than MAX_LINE_BYTES (not N-Triples; holding it
            would only use up memory).
    """
    rest = b""
    lines = 1
    while True:
        block = stream.read(CHUNK_BYTES)
        if not block:
            if rest:
                yield rest
            return
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            if len(block) > MAX_LINE_BYTES:
                raise GraphImportError(
                    f"{name} line {lines}: longer than {MAX_LINE_BYTES >> 20} MiB without a line end "
                    "(not N-Triples?)"
                )
            rest = block
            continue
        rest = block[cut:]
        lines += block.count(b"\n", 0, cut)
        yield block[:cut]


def _iter_turtle_chunks(stream: IO[bytes], path: Path) -> Iterator[bytes]:
    """Yield a Turtle stream as N-Triples, TURTLE_TRIPLES triples at a time (pyoxigraph parses it).

    Raises:
        GraphImportError: the Turtle is malformed (pyoxigraph's message gives line and column).
    """
    import itertools

    import pyoxigraph

    try:
        triples = pyoxigraph.parse(stream, pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        while chunk := pyoxigraph.serialize(
            itertools.islice(triples, TURTLE_TRIPLES), format=pyoxigraph.RdfFormat.N_TRIPLES
        ):
            yield chunk
    except (SyntaxError, ValueError) as error:
        raise GraphImportError(f"{path.name}: {error}") from None


def read_ntriples(
    path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None = None,
    *,
    turtle: bool = False,
) -> None:
    """Parse an N-Triples (or Turtle) file into ``records`` and hand the same triples to ``loader``.

    IRI objects become edges; ``rdf:type`` / ``biolink:category`` set the node
    category, labels and synonyms come from their literal triples, and
    ``rdfs:subClassOf`` / ``biolink:subclass_of`` become is-a links. Other
    literal triples are in the store only. Lines the pattern does not
    recognise are left to the store's parser, which reports malformed ones.
    A file in our own RDF layout is then folded (:func:`fold_our_rdf`).
    Turtle goes through pyoxigraph's parser into N-Triples first; its
    "lines" are then triples, counted in file order.
    Cost: one read of the file; ~1.5 µs per triple in Python, overlapping the load.

    Raises:
        GraphImportError: the file holds no triple (blank lines and comments only), is not
            UTF-8 (with its line), or is malformed (the chunk's lines, and the parser's line
            within it); or its gzip is broken or too large (see :func:`open_binary`).
    """
    raw, stream = open_binary(path)
    file_name = path.name
    unit = "triples" if turtle else "lines"
    interned: dict[bytes, int] = {}
    predicate_slots: dict[bytes, tuple[int, int, str]] = {}
    get_node = records.get_node
    literal_predicates = {p.encode(): True for p in LABEL_PREDICATES}
    literal_predicates.update({p.encode(): False for p in SYNONYM_PREDICATES})
    noted_literals = {p.encode(): name for p, name in NOTED_LITERALS.items()}
    notes = RdfNotes()
    # N-Triples carry no provenance, so every edge's provenance record is empty (offset 0).
    add_subject, add_object, add_slug, add_predicate, add_line, add_offset = (
        records.subjects.append,
        records.objects.append,
        records.slug_codes.append,
        records.predicate_codes.append,
        records.lines.append,
        records.provenance_offsets.append,
    )

    def node(token: bytes) -> int:
        index = interned.get(token)
        if index is None:
            text = token.decode("utf-8")
            index = interned[token] = get_node(curies.compact(text[1:-1]) if text[0] == "<" else text)
        return index

    with raw, stream:
        line = 1
        reported = 0
        empty = True  # until a line holds more than blanks and comments
        for chunk in (
            _iter_turtle_chunks(stream, path) if turtle else _iter_ntriples_chunks(stream, file_name)
        ):
            if not turtle:
                check_utf8(chunk, file_name, line)  # before the loader reports it within the chunk
            if b"_:" in chunk:
                chunk = _skolemize(chunk, records.name)
            lines = chunk.split(b"\n")
            if not lines[-1]:
                lines.pop()
            if empty:
                empty = all(not text.strip() or text.lstrip().startswith(b"#") for text in lines)
            loader.put(chunk, f"{file_name} {unit} {line}-{line + len(lines) - 1}")
            for number, text_line in enumerate(lines, line):
                # Canonical N-Triples (one space between terms, " ." at the end) split in C;
                # anything else (tabs, comments, CR, odd spacing) goes through the full pattern.
                parts = text_line.split(b" ", 2)
                if (
                    len(parts) == 3
                    and parts[1][:1] == b"<"
                    and parts[1][-1:] == b">"
                    and parts[2][-2:] == b" ."
                    and parts[0][:1] in (b"<", b"_")
                ):
                    subject, predicate, obj = parts[0], parts[1][1:-1], parts[2][:-2].rstrip()
                else:
                    match = _NT_LINE.match(text_line)
                    if match is None:
                        continue  # blank, comment or malformed: the store's parser judges it
                    subject, predicate, obj = match.groups()
                if obj[0] == 34:  # a literal: only labels and synonyms matter here
                    if predicate in literal_predicates:
                        value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                        index = node(subject)
                        if literal_predicates[predicate] and records.labels[index] is None:
                            records.labels[index] = value
                        else:
                            records.synonyms.setdefault(index, []).append(value)
                    elif predicate in noted_literals:
                        value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                        notes.literals.setdefault(subject, {}).setdefault(
                            noted_literals[predicate], []
                        ).append(value)
                    continue
                slot = predicate_slots.get(predicate)
                if slot is None:
                    iri = predicate.decode()
                    written = curies.compact(iri)
                    kind = (
                        "type"
                        if iri in TYPE_PREDICATES
                        else "subclass"
                        if written in SUBCLASS_PREDICATES
                        else "edge"
                    )
                    slot = predicate_slots[predicate] = (
                        records.slugs.index(map_predicate(written)),
                        records.get_predicate_code(written),
                        kind,
                    )
                slug_code, code, kind = slot
                if kind == "edge":
                    known = interned.get(subject)  # inline hit: no call for the common case
                    add_subject(node(subject) if known is None else known)
                    known = interned.get(obj)
                    add_object(node(obj) if known is None else known)
                    add_slug(slug_code)
                    add_predicate(code)
                    add_line(number)
                    add_offset(0)
                elif kind == "type":
                    index, category = node(subject), obj[1:-1].decode()
                    records.set_category(index, curies.compact(category))
                    role = NODE_ROLES.get(category)
                    if role is not None:
                        notes.roles[index] = role
                    if category.startswith(VOCAB_IRI):
                        notes.ours = True
                else:
                    records.add_parent(node(subject), node(obj))
            line += len(lines)
            if progress is not None:
                progress(raw.count - reported)
                reported = raw.count
    if empty:
        raise GraphImportError(f"{file_name}: no triples (an empty graph is not imported)")
    if notes.ours:
        fold_our_rdf(records, notes, interned, curies)
    records.source_names.append(file_name)
