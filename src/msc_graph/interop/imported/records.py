"""The records of an import: built row by row, written to disk once, and the provenance record format.

Storage (``<cache>/graphs/NAME/``, written into a temporary sibling folder and
renamed into place, so a killed import leaves no half-written graph)::

    meta.json                 name, format, sources, counts, code tables
    nodes.json                ids, labels, category names, synonyms, xrefs, is-a parents (JSON: no code)
    nodes.categories          uint16 category code of each node
    names.json                the resolver's name index (views/resolve.py NameIndex)
    edges.subjects/.objects   int32 node indices, one per edge record
    edges.slugs               uint8 code of our predicate (vocabulary.py)
    edges.predicates          uint16 code of the predicate as written in the source
    edges.lines               int32 line of the source file the edge was read from
    edges.provenance(.offsets) KGX provenance per edge: id, source, publications, text, level, qualifier
    store/                    pyoxigraph (RocksDB), opened read-only
    network/                  compact CSR (out and in rows), written by the import itself

An edge's provenance is one record of tab-separated fields (PROVENANCE_FIELDS);
:func:`encode_provenance` writes it and :func:`decode_provenance` reads it
(the viz page's script reads the same bytes, see ``render/html/viz.py``).
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter
from collections.abc import Container, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypedDict

from msc_graph.errors import GraphImportError
from msc_graph.interop.imported.biolink import CATEGORY_TYPES
from msc_graph.model import Basis
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.views.compact import write_file
from msc_graph.views.resolve import SECTIONS, NameIndex

if TYPE_CHECKING:
    import pyarrow

IMPORT_VERSION = 5
"""Bump when the records or their meta change: graphs of another version must be imported again
(5: predicate_counts of an import that spilled its records counted only the last ones)."""
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""What a graph name may be, matched whole (``fullmatch``: ``$`` would let a final newline through)."""
BASIS_VALUES = frozenset(b.value for b in Basis)
SPOOL_BYTES = 64 << 20
"""Provenance bytes an import keeps in memory before they go to a file in its own folder."""
SPILL_EDGES = 1 << 20
"""Edge records a columnar import holds before appending them to their files (~23 MiB)."""
EDGE_COLUMNS = ("subjects", "objects", "slugs", "predicates", "lines", "provenance.offsets")
"""The edge record files (``edges.<name>``), in the order of :meth:`RecordBuilder.edge_arrays`."""
PROVENANCE_FIELDS = ("id", "source", "publications", "text", "level", "direction", "bases", "units")
"""The tab-separated fields of an edge's provenance record, in order (``bases`` and ``units``
align with ``publications``: our own exports write each publication's basis and support unit)."""


def encode_provenance(*values: str) -> bytes:
    """Return one edge's provenance record (the fields of PROVENANCE_FIELDS, tab-joined)."""
    return "\t".join(values).encode("utf-8")


def decode_provenance(record: bytes) -> list[str]:
    """Return the fields of a provenance record, missing trailing ones as ""."""
    fields = record.decode("utf-8").split("\t") if record else []
    return (fields + [""] * len(PROVENANCE_FIELDS))[: len(PROVENANCE_FIELDS)]


def string_cells(cells: pyarrow.Array) -> tuple[Any, memoryview]:
    """Return (cell end offsets counted from 0, the cells' bytes one after another) of a string column.

    No copy and no per-cell Python: the column's own offset and data
    buffers, sliced to the cells it holds (a sliced column starts inside them).
    The offsets have one more entry than the cells, the first 0.
    """
    import numpy

    if len(cells) == 0:
        return numpy.zeros(1, dtype=numpy.int64), memoryview(b"")
    _validity, offsets, data = cells.buffers()
    bounds = numpy.frombuffer(offsets, dtype=numpy.int32)[cells.offset : cells.offset + len(cells) + 1]
    start = int(bounds[0])
    return bounds.astype(numpy.int64) - start, memoryview(data)[start : int(bounds[-1])]


def best_basis(first: str | None, second: str) -> str:
    """Return the stronger of two basis values (stated > hedged > inferred); unknown values lose."""
    known = [Basis(v) for v in (first, second) if v in BASIS_VALUES]
    return Basis.strongest(known).value if known else Basis.STATED.value


def split_list(value: str) -> list[str]:
    """Return the items of a ``|``-separated list value (a KGX list cell, a provenance field)."""
    return [item.strip() for item in value.split("|") if item.strip()] if value else []


def check_graph_name(name: str) -> str:
    """Return ``name`` when it can name a folder safely (letters, digits, ``.``, ``_``, ``-``).

    Raises:
        GraphImportError: it cannot.
    """
    if not NAME_PATTERN.fullmatch(name):
        raise GraphImportError(
            f"graph name {name!r}: use letters, digits, '.', '_' or '-' "
            "(at most 64, starting with a letter or digit)"
        )
    return name


def get_graphs_dir(cache_dir: Path) -> Path:
    """Return the folder that holds every imported graph of a project cache."""
    return cache_dir / "graphs"


class GraphPayload(TypedDict):
    """One imported graph as `graphs -f json` lists it (its ``meta.json``, in part)."""

    name: str
    format: str
    nodes: int
    edges: int
    source_names: list[str]
    imported_at: str
    store_provenance: bool
    """False for a KGX graph imported with --no-store-provenance: its store holds no edge provenance."""


def stores_provenance(meta: Mapping[str, Any]) -> bool:
    """Whether a graph's store holds its edges' provenance, from its ``meta.json``.

    Graphs imported before ``--no-store-provenance`` existed have no key, and all of them do.
    """
    return bool(meta.get("store_provenance", True))


def list_graphs(cache_dir: Path) -> list[str]:
    """Return the names of the complete imported graphs (temporary and old folders excluded)."""
    folder = get_graphs_dir(cache_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.iterdir() if not p.name.startswith(".") and (p / "meta.json").is_file()
    )


class RecordBuilder:
    """The records of one import, filled row by row (node table and edge arrays).

    Memory: about 23 bytes per edge held (a columnar KGX import appends them to
    their files every SPILL_EDGES records, :meth:`spill`), plus the strings of
    the node table; the provenance goes to a file past SPOOL_BYTES, and the
    input itself is never held whole.
    """

    def __init__(self, name: str, spool_dir: Path | None = None) -> None:
        self.name = name
        self.spool_dir = spool_dir
        """Where the provenance records go once they pass SPOOL_BYTES (the import's own folder)."""
        self.node_index: dict[str, int] = {}
        self.node_ids: list[str] = []
        self.labels: list[str | None] = []
        self.categories = array("H")
        self.category_names: list[str] = [""]
        self._category_codes: dict[str, int] = {"": 0}
        self.synonyms: dict[int, list[str]] = {}
        self.xrefs: dict[int, list[str]] = {}
        self.parents: dict[int, list[int]] = {}
        self.subjects = array("i")
        self.objects = array("i")
        self.slug_codes = array("B")
        self.predicate_codes = array("H")
        self.lines = array("i")
        self.provenance_offsets = array("q", [0])
        self.provenance = self._spool()
        self.slugs = list(PREDICATES)
        self._slug_codes = {slug: code for code, slug in enumerate(self.slugs)}
        self.predicates: list[str] = []
        self._predicate_codes: dict[str, int] = {}
        self.source_names: list[str] = []
        self._spilled = 0
        """Edge records already appended to their files in ``spool_dir``."""
        self._spilled_slug_counts: Counter[int] = Counter()
        """Records of each of our predicates (by code) among those appended to their files."""

    @property
    def edge_count(self) -> int:
        """Return how many edge records there are (those appended to their files included)."""
        return self._spilled + len(self.subjects)

    def slug_counts(self) -> dict[str, int]:
        """Return how many edge records each of our predicates has, those appended to their files included.

        ``meta.json`` keeps it as ``predicate_counts``, and a search walks only
        the predicates it lists: a count of the records still in memory alone
        would drop every predicate seen only before the last :meth:`spill`.
        """
        counts = self._spilled_slug_counts + _count_codes(self.slug_codes)
        return {self.slugs[code]: counts[code] for code in sorted(counts, key=lambda c: self.slugs[c])}

    def edge_arrays(self) -> tuple[array[int], ...]:
        """Return the edge columns held in memory, in ``EDGE_COLUMNS`` order.

        The provenance offsets start with a 0 until the first spill writes it
        (the file holds one offset more than there are records).
        """
        return (
            self.subjects,
            self.objects,
            self.slug_codes,
            self.predicate_codes,
            self.lines,
            self.provenance_offsets,
        )

    def _check_in_memory(self) -> None:
        if self._spilled:
            raise ValueError("the edge records were appended to their files: they cannot be rewritten")

    def spill(self) -> None:
        """Append the edge records held in memory to their files in ``spool_dir`` once there are many.

        Why: ten times Hetionet holds 22.5M records, ~520 MB, at the peak of
        the import (beside the store's loader); appended to the files
        :meth:`write` would write, they cost ~23 MB. Only the columnar KGX
        import spills: folding our own RDF needs its records in memory.
        """
        if self.spool_dir is None or len(self.subjects) < SPILL_EDGES:
            return
        for name, values in zip(EDGE_COLUMNS, self.edge_arrays(), strict=True):
            # not write_file: no sync per spill; :meth:`write` syncs each file once it is whole
            with (self.spool_dir / f"edges.{name}").open("ab") as stream:
                stream.write(values)
        self._spilled_slug_counts.update(_count_codes(self.slug_codes))
        self._spilled += len(self.subjects)
        for column in (self.subjects, self.objects, self.slug_codes, self.predicate_codes, self.lines):
            del column[:]  # in place: a parser's bound append stays valid
        del self.provenance_offsets[:]

    def get_node(self, node_id: str) -> int:
        """Return the index of ``node_id``, adding a bare node (label = id) the first time."""
        index = self.node_index.get(node_id)
        if index is None:
            index = self.node_index[node_id] = len(self.node_ids)
            self.node_ids.append(node_id)
            self.labels.append(None)
            self.categories.append(0)
        return index

    def set_category(self, index: int, category: str) -> None:
        """Record ``category`` for a node; a typed category (CATEGORY_TYPES) wins over an untyped one."""
        code = self._category_codes.get(category)
        if code is None:
            code = self._category_codes[category] = len(self.category_names)
            self.category_names.append(category)
        current = self.category_names[self.categories[index]]
        if not current or (current not in CATEGORY_TYPES and category in CATEGORY_TYPES):
            self.categories[index] = code

    def get_predicate_code(self, predicate: str) -> int:
        """Return the code of a predicate as written in the source."""
        code = self._predicate_codes.get(predicate)
        if code is None:
            code = self._predicate_codes[predicate] = len(self.predicates)
            self.predicates.append(predicate)
        return code

    def find_predicate_code(self, predicate: str) -> int:
        """Return the code of a predicate as written, or -1 when no record used it."""
        return self._predicate_codes.get(predicate, -1)

    def get_slug_code(self, slug: str) -> int:
        """Return the code of one of our predicate slugs (vocabulary.py)."""
        return self._slug_codes[slug]

    def add_edges(
        self,
        subjects: Any,
        objects: Any,
        slug_codes: Any,
        predicate_codes: Any,
        lines: Any,
        provenance: pyarrow.Array,
    ) -> None:
        """Append a block of edge records: numpy columns (int32, int32, uint8, uint16, int32) and strings.

        The columnar twin of :meth:`add_edge`: the arrays are appended as
        bytes and the provenance records with their offsets, no per-row work.
        """
        import numpy

        self.subjects.frombytes(numpy.asarray(subjects, dtype=numpy.int32).tobytes())
        self.objects.frombytes(numpy.asarray(objects, dtype=numpy.int32).tobytes())
        self.slug_codes.frombytes(numpy.asarray(slug_codes, dtype=numpy.uint8).tobytes())
        self.predicate_codes.frombytes(numpy.asarray(predicate_codes, dtype=numpy.uint16).tobytes())
        self.lines.frombytes(numpy.asarray(lines, dtype=numpy.int32).tobytes())
        ends, data = string_cells(provenance)
        base = self.provenance.tell()
        self.provenance.write(data)
        self.provenance_offsets.frombytes((ends[1:] + base).tobytes())

    def add_edge(
        self, subject: int, predicate_code: int, slug: str, obj: int, line: int, provenance: bytes = b""
    ) -> None:
        """Append one edge record."""
        self.subjects.append(subject)
        self.objects.append(obj)
        self.slug_codes.append(self._slug_codes[slug])
        self.predicate_codes.append(predicate_code)
        self.lines.append(line)
        if provenance:
            self.provenance.write(provenance)
        self.provenance_offsets.append(self.provenance.tell())

    def clear_edges(self) -> None:
        """Start the edge records afresh (the node table stays)."""
        self._check_in_memory()
        self.subjects, self.objects, self.lines = array("i"), array("i"), array("i")
        self.slug_codes, self.predicate_codes = array("B"), array("H")
        self.provenance.close()
        self.provenance_offsets, self.provenance = array("q", [0]), self._spool()

    def _spool(self) -> IO[bytes]:
        """Return the file the provenance records are written to: memory, then disk past SPOOL_BYTES.

        Why: provenance is ~70 bytes per KGX edge, 1.6 GB for ten times
        Hetionet; only the offsets (8 bytes per edge) stay in memory.
        """
        import tempfile

        folder = None if self.spool_dir is None else str(self.spool_dir)
        return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, dir=folder, prefix=".provenance-")

    def keep_nodes(self, keep: Sequence[bool]) -> None:
        """Drop the nodes not kept and number the rest in order; no edge may touch a dropped node."""
        self._check_in_memory()
        kept = [index for index, wanted in enumerate(keep) if wanted]
        renumber = [-1] * len(keep)
        for new, old in enumerate(kept):
            renumber[old] = new
        self.node_ids = [self.node_ids[index] for index in kept]
        self.node_index = {node_id: index for index, node_id in enumerate(self.node_ids)}
        self.labels = [self.labels[index] for index in kept]
        self.categories = array("H", [self.categories[index] for index in kept])
        self.synonyms = {renumber[k]: v for k, v in self.synonyms.items() if keep[k]}
        self.xrefs = {renumber[k]: v for k, v in self.xrefs.items() if keep[k]}
        parents = {
            renumber[k]: [renumber[p] for p in v if keep[p]] for k, v in self.parents.items() if keep[k]
        }
        self.parents = {k: v for k, v in parents.items() if v}
        self.subjects = array("i", [renumber[index] for index in self.subjects])
        self.objects = array("i", [renumber[index] for index in self.objects])

    def add_parent(self, child: int, parent: int) -> None:
        """Record an is-a link (the resolver expands a name through it)."""
        known = self.parents.setdefault(child, [])
        if parent not in known:
            known.append(parent)

    def build_name_index(self, sections: Container[str] = SECTIONS) -> NameIndex:
        """Return the resolver's name index over the node records (labels, synonyms, xrefs).

        ``sections``: only those parts of it (see :meth:`NameIndex.iter_json`).
        Only the sections that can hold something are walked: nodes have no
        components and no weights, and only some have cross-references.
        """
        index = NameIndex()
        index.add_names(self._name_rows(), sections)
        if "curies" in sections:
            for node in sorted(self.xrefs):  # node order: a later node's same xref wins, as in one pass
                index.add(self.node_ids[node], None, (), self.xrefs[node], sections=("curies",))
        return index

    def _name_rows(self) -> Iterator[tuple[str, str, str]]:
        """Yield (node id, "label" or "synonym", name) for every name of every node, in node order."""
        labels, synonyms = self.labels, self.synonyms
        for node, node_id in enumerate(self.node_ids):
            label = labels[node]
            if label:
                yield node_id, "label", label
            if node in synonyms:
                for name in synonyms[node]:
                    yield node_id, "synonym", name

    def write(self, folder: Path, meta: Mapping[str, Any]) -> None:
        """Write every record file into ``folder``; ``meta.json`` last (it marks the folder complete)."""
        nodes = {
            "ids": self.node_ids,
            "labels": self.labels,
            "category_names": self.category_names,
            "synonyms": _by_index(self.synonyms),
            "xrefs": _by_index(self.xrefs),
            "parents": _by_index(self.parents),
        }
        write_file(folder / "nodes.json", json.dumps(nodes, ensure_ascii=False).encode("utf-8"))
        write_file(folder / "nodes.categories", self.categories.tobytes())
        # a section at a time: a third of the memory
        write_file(
            folder / "names.json", NameIndex.iter_json(lambda section: self.build_name_index((section,)))
        )
        if self._spilled and folder != self.spool_dir:
            raise ValueError("spilled edge records are written in their spool folder")
        for name, values in zip(EDGE_COLUMNS, self.edge_arrays(), strict=True):
            # no copy (180 MiB at 22.5M offsets); after a spill, the rest goes after what was appended
            write_file(folder / f"edges.{name}", memoryview(values), append=bool(self._spilled))
        self.provenance.seek(0)
        write_file(folder / "edges.provenance", iter(partial(self.provenance.read, 1 << 20), b""))
        write_file(folder / "meta.json", json.dumps(meta, indent=2).encode("utf-8"))

    def close(self) -> None:
        """Close the provenance spool (its file on disk, if it grew past SPOOL_BYTES, goes with it)."""
        self.provenance.close()

    def release_written(self) -> None:
        """Free the edge columns once :meth:`write` has written them (the count stays).

        The import builds the network from the record files (memory-mapped),
        so it does not hold the columns a second time.
        """
        self._spilled = self.edge_count
        self.subjects, self.objects, self.lines = array("i"), array("i"), array("i")
        self.slug_codes, self.predicate_codes, self.provenance_offsets = array("B"), array("H"), array("q")


def _count_codes(codes: array[int]) -> Counter[int]:
    """Return how often each code occurs in a uint8 column (numpy: a Counter of 22.5M items takes seconds)."""
    import numpy

    found = numpy.bincount(numpy.frombuffer(codes, dtype=numpy.uint8), minlength=1)
    return Counter({int(code): int(found[code]) for code in numpy.flatnonzero(found)})


def _by_index(values: Mapping[int, Sequence[Any]]) -> dict[str, list[Any]]:
    """Return node index → values with the index as a JSON key (a string; read back with ``int``)."""
    return {str(index): list(items) for index, items in values.items()}
