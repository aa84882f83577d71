"""N-Triples and Turtle (through pyoxigraph's parser) read into records, the same triples loaded.

Blank nodes become IRIs under SKOLEM_IRI before a chunk is loaded, so chunks
loaded apart agree. Literals are unescaped here (their one escaper is
:func:`msc_graph.views.rdf.escape_literal`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from msc_graph.errors import GraphImportError
from msc_graph.interop.imported.biolink import (
    LABEL_PREDICATES,
    SUBCLASS_PREDICATES,
    SYNONYM_PREDICATES,
    TYPE_PREDICATES,
    map_predicate,
)
from msc_graph.interop.imported.fold import NODE_ROLES, NOTED_LITERALS, RdfNotes, fold_our_rdf
from msc_graph.interop.imported.loader import CHUNK_BYTES, StoreLoader, valid_iri
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import RecordBuilder
from msc_graph.interop.imported.source import MAX_LINE_BYTES, Progress, check_utf8, open_binary
from msc_graph.views.namespaces import BASE_IRI, VOCAB_IRI

if TYPE_CHECKING:
    import numpy
    import pyarrow

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


def _iter_ntriples_chunks(stream: IO[bytes], name: str, first_line: Callable[[], int]) -> Iterator[bytes]:
    """Yield an N-Triples stream in pieces of about CHUNK_BYTES, each ending at a line end.

    A piece is a block and the rest of its last line, joined: one copy of it.
    ``first_line()`` is the number of the next piece's first line (the reader
    counts them; only an error here needs it).

    Raises:
        GraphImportError: a line is longer than MAX_LINE_BYTES (not N-Triples; holding it
            would only use up memory).
    """
    while block := stream.read(CHUNK_BYTES):
        if not block.endswith(b"\n"):
            start = block.rfind(b"\n") + 1
            tail = stream.readline(MAX_LINE_BYTES + 1)
            if len(block) - start + len(tail.rstrip(b"\n")) > MAX_LINE_BYTES:
                line = first_line() + block.count(b"\n", 0, start)
                raise GraphImportError(
                    f"{name} line {line}: longer than "
                    f"{MAX_LINE_BYTES >> 20} MiB without a line end (not N-Triples?)"
                )
            block += tail
        yield block


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


_EDGE, _TYPE, _SUBCLASS = 1, 2, 3
"""What a triple with an IRI object is, by its predicate (0: the predicate has none)."""
_WHITESPACE = b" \t\n\r\x0b\x0c"
"""What ``bytes.rstrip()`` strips (the per-line path strips it from an object)."""


class _Lines(NamedTuple):
    """Where the terms of each line of a canonical chunk are (see :func:`_split_canonical`)."""

    starts: numpy.ndarray
    space1: numpy.ndarray
    """The space after the subject."""
    space2: numpy.ndarray
    """The space after the predicate."""
    ends: numpy.ndarray
    """The line end (the newline, or the chunk's end)."""
    blank_nodes: bool
    """Whether a subject or object is a blank node (the chunk is skolemized first)."""


def _split_canonical(chunk: bytes) -> _Lines | None:
    """Return where the terms of each line of a canonical chunk are, else None.

    Canonical: every line is ``S <P> O .`` with one space between terms and
    nothing after the dot, S an IRI or blank node (what our exports and most
    serialisers write). Such a chunk is read column by column in C
    (:meth:`_Reader.read_canonical`); any other (blank lines, comments, tabs,
    CR) goes line by line, where the full pattern judges each line. Blank
    nodes are found here on the split terms: searching the bytes for ``_:``
    costs more than the split (``_`` and ``:`` fill identifiers.org and OBO IRIs).
    """
    import numpy

    data = numpy.frombuffer(chunk, dtype=numpy.uint8)
    ends = numpy.flatnonzero(data == 10)
    if not chunk.endswith(b"\n"):
        ends = numpy.append(ends, len(chunk))
    if not len(ends):
        return None
    starts = numpy.empty_like(ends)
    starts[:1] = 0
    starts[1:] = ends[:-1] + 1
    spaces = numpy.append(numpy.flatnonzero(data == 32), [len(chunk), len(chunk)])
    first = numpy.searchsorted(spaces, starts)
    space1, space2 = spaces[first], spaces[numpy.minimum(first + 1, len(spaces) - 1)]

    def at(index: numpy.ndarray) -> numpy.ndarray:
        return data.take(index, mode="clip")

    whitespace = numpy.zeros(256, dtype=bool)
    whitespace[list(_WHITESPACE)] = True
    subject, obj = at(starts), at(space2 + 1)
    canonical = (
        (space2 + 3 < ends)
        & ((subject == ord("<")) | (subject == ord("_")))
        & (space2 - space1 >= 3)
        & (at(space1 + 1) == ord("<"))
        & (at(space2 - 1) == ord(">"))
        & (at(ends - 2) == ord(" "))
        & (at(ends - 1) == ord("."))
        & ~whitespace[at(ends - 3)]
    )
    if not canonical.all():
        return None
    blank_nodes = bool((subject == ord("_")).any() or (obj == ord("_")).any())
    return _Lines(starts, space1, space2, ends, blank_nodes)


def _views(data: bytes, starts: numpy.ndarray, lengths: numpy.ndarray) -> pyarrow.Array:
    """Return the tokens ``data[start:start + length]`` as a binary-view column, without copying them.

    Why: dictionary-encoding the column numbers a chunk's tokens in C. A view
    is 16 bytes (Arrow's BinaryView layout): the length, then the token itself
    when it has at most 12 bytes, else its first 4 bytes, buffer 0 and its
    offset into ``data``.
    """
    import numpy
    import pyarrow

    count = len(starts)
    views = numpy.zeros((count, 4), dtype=numpy.int32)
    views[:, 0] = lengths
    raw = numpy.frombuffer(data, dtype=numpy.uint8)
    short = lengths <= 12
    if short.any() and len(raw):  # (empty data: every token is empty, its view all zeros)
        inline = raw.take(starts[short, None] + numpy.arange(12), mode="clip")
        views.view(numpy.uint8).reshape(count, 16)[short, 4:] = numpy.where(
            numpy.arange(12) < lengths[short, None], inline, 0
        )
    if not short.all():  # then data holds a token of 13 bytes or more, so at least 4
        long_starts = starts[~short]
        # the 4 bytes from each offset, read as one int32 each: a view of data with a stride of one byte
        windows = numpy.ndarray((len(data) - 3,), dtype=numpy.int32, buffer=data, strides=(1,))
        views[~short, 1] = windows[long_starts]
        views[~short, 3] = long_starts
    return pyarrow.Array.from_buffers(
        pyarrow.binary_view(), count, [None, pyarrow.py_buffer(views), pyarrow.py_buffer(data)]
    )


def _valid_iri(term: bytes) -> bool:
    """Return whether ``term`` is an IRI in brackets that the store's strict parser accepts.

    The same check as the parser's (:func:`valid_iri`). A term with an escape (a backslash) or a
    blank node returns False: the store checks those itself.
    """
    if term[:1] != b"<" or term[-1:] != b">" or b"\\" in term:
        return False
    try:
        return valid_iri(term[1:-1].decode("utf-8"))
    except UnicodeDecodeError:
        return False


class _Reader:
    """The records of one N-Triples pass: node and predicate numbering, and what each triple adds."""

    def __init__(self, records: RecordBuilder, curies: Curies) -> None:
        self.records = records
        self.curies = curies
        self.interned: dict[bytes, int] = {}
        """Each term as written (``<iri>`` or a blank node) → its node index."""
        self.slots: dict[bytes, tuple[int, int, int]] = {}
        """Predicate IRI → (our slug's code, the written predicate's code, _EDGE / _TYPE / _SUBCLASS)."""
        self.literal_predicates = {p.encode(): True for p in LABEL_PREDICATES}
        """Literal predicates that name a node → True for a label, False for a synonym."""
        self.literal_predicates.update({p.encode(): False for p in SYNONYM_PREDICATES})
        self.noted_literals = {p.encode(): name for p, name in NOTED_LITERALS.items()}
        self.notes = RdfNotes()
        self._categories: dict[bytes, tuple[str, str]] = {}
        """A type's object as written → (its IRI, its CURIE): a file repeats a few types."""
        self.checked: set[bytes] = set()
        """IRI terms naming no node (predicates, types, subjects of other literals) that passed
        :func:`_valid_iri`, and the language tags that passed pyoxigraph's check."""

    def node(self, token: bytes) -> int:
        """Return the index of a term, adding its node (id compacted to a CURIE) the first time."""
        index = self.interned.get(token)
        if index is None:
            text = token.decode("utf-8")
            node_id = self.curies.compact(text[1:-1]) if text[0] == "<" else text
            index = self.interned[token] = self.records.get_node(node_id)
        return index

    def slot(self, predicate: bytes) -> tuple[int, int, int]:
        """Return (slug code, written predicate code, kind) of a predicate with IRI objects."""
        slot = self.slots.get(predicate)
        if slot is None:
            iri = predicate.decode()
            written = self.curies.compact(iri)
            kind = _TYPE if iri in TYPE_PREDICATES else _SUBCLASS if written in SUBCLASS_PREDICATES else _EDGE
            slot = self.slots[predicate] = (
                self.records.slugs.index(map_predicate(written)),
                self.records.get_predicate_code(written),
                kind,
            )
        return slot

    def add_other(self, subject: bytes, predicate: bytes, obj: bytes) -> None:
        """Record a triple that is not an edge: a label, synonym or noted literal, a type, an is-a link."""
        records = self.records
        if obj[0] == 34:  # a literal: only labels, synonyms and the noted ones matter here
            if predicate in self.literal_predicates:
                value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                index = self.node(subject)
                if self.literal_predicates[predicate] and records.labels[index] is None:
                    records.labels[index] = value
                else:
                    records.synonyms.setdefault(index, []).append(value)
            elif predicate in self.noted_literals:
                value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                self.notes.literals.setdefault(subject, {}).setdefault(
                    self.noted_literals[predicate], []
                ).append(value)
            return
        if self.slot(predicate)[2] == _TYPE:
            index = self.node(subject)
            known = self._categories.get(obj)
            if known is None:
                iri = obj[1:-1].decode()
                known = self._categories[obj] = (iri, self.curies.compact(iri))
            category, curie = known
            records.set_category(index, curie)
            role = NODE_ROLES.get(category)
            if role is not None:
                self.notes.roles[index] = role
            if category.startswith(VOCAB_IRI):
                self.notes.ours = True
        else:
            records.add_parent(self.node(subject), self.node(obj))

    def read_lines(self, lines: list[bytes], first: int) -> None:
        """Read lines one at a time (``first`` is the first one's number): any spacing, comments, CR."""
        records, interned, slots, node, add_other = (
            self.records,
            self.interned,
            self.slots,
            self.node,
            self.add_other,
        )
        add_subject, add_object, add_slug, add_predicate, add_line, add_offset = (
            records.subjects.append,
            records.objects.append,
            records.slug_codes.append,
            records.predicate_codes.append,
            records.lines.append,
            records.provenance_offsets.append,
        )
        for number, text_line in enumerate(lines, first):
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
            if not obj:
                continue  # "<s> <p>  ." is malformed: the store's parser reports it
            slot = None if obj[0] == 34 else slots.get(predicate) or self.slot(predicate)
            if slot is None or slot[2] != _EDGE:  # a literal, a type or an is-a link
                add_other(subject, predicate, obj)
                continue
            # N-Triples carry no provenance, so every edge's provenance record is empty (offset 0).
            known = interned.get(subject)  # inline hit: no call for the common case
            add_subject(node(subject) if known is None else known)
            known = interned.get(obj)
            add_object(node(obj) if known is None else known)
            add_slug(slot[0])
            add_predicate(slot[1])
            add_line(number)
            add_offset(0)

    def read_canonical(self, chunk: bytes, columns: _Lines, first: int) -> bool:
        """Read a canonical chunk (:func:`_split_canonical`) column by column, as :meth:`read_lines` would.

        Why: at ~1.8 µs a line in Python, the pass cost more CPU than the
        store's own load, which it shares two cores with. Here each token is
        found with numpy and numbered by pyarrow's dictionary encoding (each
        distinct token once per chunk, in order of first appearance, so nodes
        are numbered as the line-by-line pass numbers them); only the lines
        that are not edges (types, labels, is-a) go through Python.

        Returns whether every IRI and language tag of the chunk passed
        pyoxigraph's own checks (each distinct one checked once per import,
        as it is first seen): the store may then load the chunk without
        checking them again (``lenient``), which saves ~8% of its CPU. A
        chunk with a typed literal (its datatype's IRI is not split out here)
        or a CR (lenient takes one raw in a literal) returns False.
        """
        import numpy
        import pyarrow.compute as pc

        starts, space1, space2, ends, _blank_nodes = columns
        data = numpy.frombuffer(chunk, dtype=numpy.uint8)
        literal = data[space2 + 1] == 34
        encoded = pc.dictionary_encode(_views(chunk, space1 + 2, space2 - space1 - 3))
        codes = encoded.indices.to_numpy()
        predicates: list[bytes] = encoded.dictionary.to_pylist()
        kinds = numpy.zeros(len(predicates), dtype=numpy.int8)
        slugs = numpy.zeros(len(predicates), dtype=numpy.uint8)
        written = numpy.zeros(len(predicates), dtype=numpy.uint16)
        iri_codes = codes[~literal]
        used, firsts = numpy.unique(iri_codes, return_index=True)
        for code in used[numpy.argsort(firsts)]:  # numbered in order of first use, as line by line
            slugs[code], written[code], kinds[code] = self.slot(predicates[code])
        naming = numpy.array([p in self.literal_predicates for p in predicates], dtype=bool)
        noted = numpy.array([p in self.noted_literals for p in predicates], dtype=bool)
        kind = numpy.where(literal, 0, kinds[codes])
        # the terms that name nodes, in line order: every subject but a literal's that names
        # nothing, and every IRI object but a type's
        subject_named = numpy.where(literal, naming[codes], True)
        object_named = (kind == _EDGE) | (kind == _SUBCLASS)
        named = numpy.stack([subject_named, object_named], axis=1).ravel()
        all_starts = numpy.stack([starts, space2 + 1], axis=1).ravel()
        all_ends = numpy.stack([space1, ends - 2], axis=1).ravel()
        terms = pc.dictionary_encode(_views(chunk, all_starts[named], all_ends[named] - all_starts[named]))
        interned, node, checked = self.interned, self.node, self.checked
        tokens = terms.dictionary.to_pylist()
        found = list(map(interned.get, tokens))  # in C; the new ones in order of first appearance
        # a typed literal ends with its datatype's IRI: ">" before " ." (a plain one ends with '"' or a tag);
        # lenient also skips the check of language tags and takes a raw CR in a literal
        last = data[ends - 3]
        tagged = literal & (last != ord('"'))  # a tag, or a datatype when the last byte is ">"
        valid = (
            not (tagged & (last == ord(">"))).any()
            and b"\r" not in chunk
            and all(p in checked or self._check(b"<" + p + b">") for p in predicates)
            and self._check_tags(chunk, space2[tagged], ends[tagged])
        )
        if None in found:
            for at, number in enumerate(found):
                if number is None:
                    found[at] = node(tokens[at])
                    valid = valid and _valid_iri(tokens[at])
        # the IRIs that name no node: types, and subjects of literals that name nothing
        unnamed = numpy.stack([~subject_named, kind == _TYPE], axis=1).ravel()
        if valid and unnamed.any():
            rest = _views(chunk, all_starts[unnamed], all_ends[unnamed] - all_starts[unnamed])
            valid = all(t in interned or t in checked or self._check(t) for t in pc.unique(rest).to_pylist())
        numbers = numpy.array(found, dtype=numpy.int32)
        term_nodes = numbers[terms.indices.to_numpy()]
        position = numpy.cumsum(named) - 1
        edges = numpy.flatnonzero(kind == _EDGE)
        records = self.records
        records.subjects.frombytes(term_nodes[position[2 * edges]].tobytes())
        records.objects.frombytes(term_nodes[position[2 * edges + 1]].tobytes())
        records.slug_codes.frombytes(slugs[codes[edges]].tobytes())
        records.predicate_codes.frombytes(written[codes[edges]].tobytes())
        records.lines.frombytes((edges + first).astype(numpy.int32).tobytes())
        records.provenance_offsets.frombytes(numpy.zeros(len(edges), dtype=numpy.int64).tobytes())
        others = numpy.flatnonzero(numpy.where(literal, naming[codes] | noted[codes], kind != _EDGE))
        for line in others.tolist():
            self.add_other(
                chunk[starts[line] : space1[line]],
                predicates[codes[line]],
                chunk[space2[line] + 1 : ends[line] - 2],
            )
        return valid

    def _check_tags(self, chunk: bytes, space2: numpy.ndarray, ends: numpy.ndarray) -> bool:
        """Return whether the language tags of these literal lines are valid (each distinct tag once)."""
        import pyoxigraph

        for space, end in zip(space2.tolist(), ends.tolist(), strict=True):
            tag = chunk[chunk.rindex(b'"', space + 1, end - 2) + 2 : end - 2]
            if tag not in self.checked:
                try:
                    pyoxigraph.Literal("", language=tag.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    return False
                self.checked.add(tag)
        return True

    def _check(self, term: bytes) -> bool:
        """Return whether ``term`` (an IRI as written, in brackets) is valid, remembering it if so."""
        if _valid_iri(term):
            self.checked.add(term)
            return True
        return False


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
    Cost: one read of the file; a chunk of canonical lines ~0.4 µs a line
    (numpy and pyarrow), any other ~1.8 µs a line in Python, overlapping the load.

    Raises:
        GraphImportError: the file holds no triple (blank lines and comments only), is not
            UTF-8 (with its line), or is malformed (the chunk's lines, and the parser's line
            within it); or its gzip is broken or too large (see :func:`open_binary`).
    """
    raw, stream = open_binary(path)
    file_name = path.name
    unit = "triples" if turtle else "lines"
    reader = _Reader(records, curies)
    with raw, stream:
        line = 1
        reported = 0
        empty = True  # until a line holds more than blanks and comments
        for chunk in (
            _iter_turtle_chunks(stream, path)
            if turtle
            else _iter_ntriples_chunks(stream, file_name, lambda: line)  # noqa: B023 (the line reached, read late)
        ):
            if not turtle:
                check_utf8(chunk, file_name, line)  # before the loader reports it within the chunk
            columns = _split_canonical(chunk)
            if b"_:" in chunk if columns is None else columns.blank_nodes:
                chunk = _skolemize(chunk, records.name)
                columns = _split_canonical(chunk)  # the same lines, each still canonical or not
            if columns is None:
                lines = chunk.split(b"\n")
                if not lines[-1]:
                    lines.pop()
            count = len(lines) if columns is None else len(columns.starts)
            where = f"{file_name} {unit} {line}-{line + count - 1}"
            if columns is None:
                loader.put(chunk, where)
                if empty:
                    empty = all(not text.strip() or text.lstrip().startswith(b"#") for text in lines)
                reader.read_lines(lines, line)
            else:
                empty = False
                if loader.is_busy():  # each loader thread has a chunk: read first, then hand it over checked
                    loader.put(chunk, where, lenient=reader.read_canonical(chunk, columns, line))
                else:  # the loader would wait for the read (a thread is free): hand it over at once
                    loader.put(chunk, where)
                    reader.read_canonical(chunk, columns, line)
            line += count
            if progress is not None:
                progress(raw.count - reported)
                reported = raw.count
    if empty:
        raise GraphImportError(f"{file_name}: no triples (an empty graph is not imported)")
    if reader.notes.ours:
        fold_our_rdf(records, reader.notes, reader.interned, curies)
    records.source_names.append(file_name)
