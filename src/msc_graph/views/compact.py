"""A compact, memory-mapped network: what paths.find_paths needs, at a fraction of networkx's cost.

Why: a networkx MultiDiGraph of Hetionet's size (~50k nodes, ~2M edges)
takes tens of seconds and gigabytes to build, and unpickling it still costs
seconds. Path search only needs, per node, its out- and in-neighbours with the
predicate of each edge, plus degrees. This module keeps exactly that as
compressed sparse rows (CSR) in flat binary files that are memory-mapped, so
opening a 2M-edge network costs milliseconds and pages in only the rows a
search touches.

Format (native byte order, one file per array, all in one folder):

- ``out.offsets`` (int64, n + 1), ``out.neighbours`` (int32, m),
  ``out.edges`` (int32, m): the out-edges of node ``i`` are positions
  ``offsets[i]:offsets[i + 1]``, in edge-record order; ``edges`` points back
  into the edge records (predicate, provenance).
- ``in.offsets`` / ``in.neighbours`` / ``in.edges``: the same, by object.
- ``out.degree`` / ``in.degree`` (int32, n): each node's degree, counting
  one edge per distinct (subject, predicate slug, object) however many
  records repeat it (the one degree definition of every network view).

Rows are read by Python-level traversal (one row at a time), where a
``memoryview`` slice's ``tolist()`` returns plain ints faster than numpy
scalars. numpy does the whole-array work of an import: building the rows and
degrees (:func:`write_network`, :func:`count_degrees`). A search does not
import it (the import costs ~70 ms, more than most searches): the distance
pass reads the levels the search asks for (:class:`NodeDepths`) row by row,
and only a level of over ``NUMPY_LEVEL`` entries on whole arrays.

Interface (what ``paths.find_paths`` uses, networkx-compatible):
``succ`` / ``pred`` (node → {neighbour: {predicate slug: attrs}}),
``out_degree(n)``, ``in_degree(n)`` (distinct (neighbour, predicate slug) pairs),
``n in network``; attrs carry ``predicate``, ``sign``, ``role``, ``evidence``
(built lazily, only when read) and ``n_studies`` as in network.py. Edges with
the same subject, object and predicate slug are one edge whose evidence is the
union of theirs (networkx keys edges by predicate the same way).
"""

from __future__ import annotations

import copy
import mmap
import os
import struct
import sys
from array import array
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence
from itertools import compress
from pathlib import Path
from typing import Any, Literal

from msc_graph.model import Evidence
from msc_graph.model.vocabulary import PREDICATES

CSR_FILES = ("out.offsets", "out.neighbours", "out.edges", "in.offsets", "in.neighbours", "in.edges")
"""The row files of one compact network folder."""
DEGREE_FILES = ("out.degree", "in.degree")
"""The degree files of one compact network folder (int32 per node)."""
_ITEM = struct.Struct("=i")
"""One item of a neighbour row (native int32), as ``edges_between`` searches for it."""
DEPTH_RANGE = 1 << 15
"""Depths are int16 (at most 32767; -1 for a node not reached)."""
NUMPY_LEVEL = 300_000
"""Row entries in one distance level above which numpy reads it (its import, ~70 ms, costs
about as much as reading this many entries one by one in Python)."""
GATHER = 1 << 20
"""Row entries a network build gathers and writes at a time (4 MiB per int32 column)."""
ROW_CACHE_SIZE = 4096
"""How many neighbour rows a network keeps built (a depth-first search revisits the same rows)."""

IntCode = Literal["b", "B", "h", "H", "i", "I", "q", "Q"]
"""The integer typecodes the record and CSR files use."""
EvidenceLookup = Callable[[int], tuple[Evidence, ...]]
"""Edge record index → the evidence of that record."""


def count_degrees(
    rows: Sequence[Any], slug_codes: Sequence[int], n_columns: int, block: int = 1 << 21
) -> tuple[array[int], array[int]]:
    """Return each row's degree and each neighbour's: distinct (row, neighbour, predicate slug) edges.

    Why distinct: records that repeat an edge (two rows citing two papers)
    are one edge with more evidence, as in the curated views, so a node's
    hub damping does not depend on how many rows a source wrote per edge.
    Why both at once: the distinct edges of the out rows give the in-degrees
    too (a neighbour's count over every row), so the network build sorts
    them once, not once per direction. Rows are taken a block of about
    ``block`` entries at a time (whole rows), so the sort that finds the
    repeats holds ~50 MB, not the whole graph.

    >>> rows = ([0, 3, 4], [1, 1, 1, 0], [0, 1, 2, 3])  # node 0 → 1 three times, node 1 → 0
    >>> [list(degrees) for degrees in count_degrees(rows, [3, 3, 4, 3], 2)]
    [[2, 1], [1, 2]]
    """
    import numpy

    offsets, neighbours, edges = (numpy.asarray(part) for part in rows)
    codes = numpy.asarray(slug_codes)
    n_rows = len(offsets) - 1
    degrees = numpy.zeros(n_rows, dtype=numpy.int32)
    column_degrees = numpy.zeros(n_columns, dtype=numpy.int64)
    first = 0
    while first < n_rows:
        last = min(int(numpy.searchsorted(offsets, offsets[first] + block, side="right")), n_rows)
        last = max(last, first + 1)
        start, stop = int(offsets[first]), int(offsets[last])
        if stop > start:
            lengths = numpy.diff(offsets[first : last + 1])
            local = numpy.repeat(numpy.arange(last - first, dtype=numpy.int64), lengths)
            width = max(n_columns, 1) * 256
            keys = local * width + neighbours[start:stop].astype(numpy.int64) * 256 + codes[edges[start:stop]]
            keys.sort()  # a sort and a comparison: numpy.unique's hash table is ~10x slower here
            distinct = keys[numpy.concatenate(([True], keys[1:] != keys[:-1]))]
            degrees[first:last] = numpy.bincount(distinct // width, minlength=last - first)
            column_degrees += numpy.bincount(distinct % width // 256, minlength=n_columns)
        first = last
    return array("i", degrees.tobytes()), array("i", column_degrees.astype(numpy.int32).tobytes())


def write_network(
    folder: Path, subjects: Sequence[int], objects: Sequence[int], slug_codes: Sequence[int], n_nodes: int
) -> None:
    """Write the CSR and degree files of both directions into ``folder`` (which must exist and be private).

    The caller makes the folder appear atomically (write into a temporary
    folder, then rename). One direction's rows are built and written before
    the other's (:func:`_write_rows`); both directions' degrees are counted
    on the out rows (:func:`count_degrees`). Cost: two sorts of the edges
    and one of the distinct edges, and 40 bytes per edge plus 8 per node on disk.
    """
    out_rows = _write_rows(folder, CSR_FILES[:3], subjects, objects, n_nodes)
    out_degrees, in_degrees = count_degrees(out_rows, slug_codes, n_nodes)
    _drop_pages(*out_rows[1:], slug_codes)
    write_file(folder / DEGREE_FILES[0], out_degrees.tobytes())
    _write_rows(folder, CSR_FILES[3:], objects, subjects, n_nodes)
    write_file(folder / DEGREE_FILES[1], in_degrees.tobytes())


def _write_rows(
    folder: Path, names: Sequence[str], keys: Sequence[int], values: Sequence[int], n_nodes: int
) -> tuple[Any, memoryview, memoryview]:
    """Write one direction's rows (``values`` grouped by ``keys``, each row in record order); return them.

    Returned as (offsets, neighbours, edges), the last two mapped from
    their files. Why in pieces: at ten times Hetionet the whole rows and an
    argsort's order and buffer were ~560 MB on top of the import's store.
    Here the rows go to their files GATHER entries at a time: the sorted
    (key, record) pairs (8 bytes per edge, sorted in place) are the only
    whole array held.
    """
    import numpy

    offsets_name, neighbours_name, edges_name = names
    key_array = numpy.asarray(keys, dtype=numpy.int32)  # no copy of an array or a mapped file
    value_array = numpy.asarray(values, dtype=numpy.int32)
    counts = numpy.zeros(n_nodes, dtype=numpy.int64)
    for start in range(0, len(key_array), GATHER):  # bincount copies its input to int64: a piece at a time
        counts += numpy.bincount(key_array[start : start + GATHER], minlength=n_nodes)
    offsets = numpy.zeros(n_nodes + 1, dtype=numpy.int64)
    numpy.cumsum(counts, out=offsets[1:])
    # key in the high half, record index in the low: one in-place sort gives the stable order
    # (a row keeps its records' order) with no argsort buffer beside it
    order = key_array.astype(numpy.uint64)
    del key_array
    _drop_pages(keys)  # read whole once; the other direction maps it again
    order <<= numpy.uint64(32)
    for start in range(0, len(order), GATHER):  # in place, a piece at a time: no second whole array
        stop = min(start + GATHER, len(order))
        order[start:stop] |= numpy.arange(start, stop, dtype=numpy.uint64)
    order.sort()
    low = numpy.uint64(0xFFFFFFFF)
    with (folder / neighbours_name).open("wb") as neighbours, (folder / edges_name).open("wb") as edges:
        for start in range(0, len(order), GATHER):
            records = (order[start : start + GATHER] & low).astype(numpy.int32)
            neighbours.write(value_array[records].tobytes())
            edges.write(records.tobytes())
        for stream in (neighbours, edges):
            stream.flush()
            os.fsync(stream.fileno())
    del order, value_array
    _drop_pages(values)
    write_file(folder / offsets_name, offsets.tobytes())
    return offsets, map_array(folder / neighbours_name, "i"), map_array(folder / edges_name, "i")


def _drop_pages(*views: Any) -> None:
    """Let the kernel drop the pages of file-mapped ``views`` now (their files are unchanged).

    Why: a mapped page, once read, counts in the process's resident memory
    until the mapping goes; a network build reads each record column whole,
    and the import's memory bound counts them all. Views of anything but a
    mapped file are left alone.
    """
    for view in views:
        mapped = view.obj if isinstance(view, memoryview) else None
        if isinstance(mapped, mmap.mmap) and len(mapped):
            mapped.madvise(mmap.MADV_DONTNEED)


def write_file(
    path: Path, payload: bytes | memoryview | Iterable[bytes | memoryview], *, append: bool = False
) -> None:
    """Write (or append) ``payload`` to ``path`` and sync it (the caller renames its folder into place).

    ``payload`` may come in pieces (an iterable), so a large file is never held whole.
    """
    with path.open("ab" if append else "wb") as stream:
        for piece in (payload,) if isinstance(payload, bytes | bytearray | memoryview) else payload:
            stream.write(piece)
        stream.flush()
        os.fsync(stream.fileno())


def map_array(path: Path, typecode: IntCode) -> memoryview[int]:
    """Return the file at ``path`` as a read-only memoryview of ``typecode`` items (no copy).

    The mapping stays valid as long as the returned view lives. An empty file
    gives an empty view (mmap refuses zero-length files).
    """
    size = path.stat().st_size
    if size == 0:
        return memoryview(array(typecode)).toreadonly()
    with path.open("rb") as stream:
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(mapped).cast(typecode)


class EdgeAttrs(Mapping[str, Any]):
    """The attributes of one edge (network.py's names); evidence is built only when read."""

    __slots__ = ("_edges", "_evidence", "_lookup", "_slug")

    def __init__(self, slug: str, edges: tuple[int, ...], lookup: EvidenceLookup) -> None:
        self._slug = slug
        self._edges = edges
        self._lookup = lookup
        self._evidence: tuple[Evidence, ...] | None = None

    @property
    def edges(self) -> tuple[int, ...]:
        """Return the edge record indices merged into this edge."""
        return self._edges

    def _get_evidence(self) -> tuple[Evidence, ...]:
        if self._evidence is None:
            if len(self._edges) == 1:
                self._evidence = self._lookup(self._edges[0])
            else:
                self._evidence = tuple(e for edge in self._edges for e in self._lookup(edge))
        return self._evidence

    def __getitem__(self, key: str) -> Any:
        if key == "evidence":
            return self._get_evidence()
        if key == "predicate":
            return self._slug
        if key == "sign":
            sign = PREDICATES[self._slug].sign
            return None if sign is None else int(sign)
        if key == "role":
            return PREDICATES[self._slug].role.value
        if key == "n_studies":
            return len({e.study for e in self._get_evidence()})
        if key == "edges":
            return self._edges
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(("predicate", "sign", "role", "evidence", "n_studies", "edges"))

    def __len__(self) -> int:
        return 6

    def __repr__(self) -> str:
        return f"EdgeAttrs({self._slug!r}, edges={self._edges!r})"


class KeyedEdges(Mapping[str, EdgeAttrs]):
    """The edges from one node to one neighbour, keyed by predicate slug (attrs built on first read).

    A row holds one of these per neighbour; a search that skips the neighbour
    (too far from every target) never pays for grouping its edges or for
    their attribute mappings.
    """

    __slots__ = ("_attrs", "_edges", "_network")

    def __init__(self, network: CompactNetwork, edges: list[int]) -> None:
        self._network = network
        self._edges = edges
        self._attrs: dict[str, EdgeAttrs] | None = None

    def _build(self) -> dict[str, EdgeAttrs]:
        if self._attrs is None:
            network = self._network
            slugs, codes = network.slugs, network.slug_codes
            grouped: dict[str, list[int]] = {}
            for edge in self._edges:
                grouped.setdefault(slugs[codes[edge]], []).append(edge)
            self._attrs = {
                slug: EdgeAttrs(slug, tuple(edges), network.evidence_lookup)
                for slug, edges in grouped.items()
            }
        return self._attrs

    def __getitem__(self, slug: str) -> EdgeAttrs:
        return self._build()[slug]

    def __iter__(self) -> Iterator[str]:
        return iter(self._build())

    def __len__(self) -> int:
        return len(self._build())

    def items(self) -> ItemsView[str, EdgeAttrs]:
        """Return (slug, attrs) pairs (the dict's own view: fast)."""
        return self._build().items()

    def __repr__(self) -> str:
        return f"KeyedEdges({self._build()!r})"


Row = dict[str, KeyedEdges]


class AdjacencyView(Mapping[str, Row]):
    """``network.succ`` or ``network.pred``: node → {neighbour: {predicate slug: attrs}}.

    Rows are built on access (linear in the row) and the last
    ``ROW_CACHE_SIZE`` are kept.
    """

    def __init__(
        self,
        network: CompactNetwork,
        offsets: memoryview,
        neighbours: memoryview,
        edges: memoryview,
        depths: Any = None,
        limit: int = 0,
    ) -> None:
        self._network = network
        self._offsets = offsets
        self._neighbours = neighbours
        self._edges = edges
        self._depths = depths
        """None, or a depth per node index (-1: out of reach): rows hold only the neighbours at
        depth 0 to ``limit`` (see ``CompactNetwork.focus`` and :meth:`within`)."""
        self._limit = limit
        # depth → kept, for every int16 depth; -1 (not reached) reads the last byte: not kept
        self._near = None if depths is None else bytes([1]) * (limit + 1) + bytes(DEPTH_RANGE - limit - 1)
        self._within: dict[int, AdjacencyView] = {}
        self._rows: dict[int, Row] = {}

    def within(self, limit: int) -> AdjacencyView:
        """Return the rows cut to the neighbours at most ``limit`` hops from a target (a focused view).

        Why: a chain with k hops left steps only to nodes within k - 1 hops
        of a target, so the search asks for exactly those rows.
        """
        if self._depths is None or limit >= self._limit:
            return self
        found = self._within.get(limit)
        if found is None:
            found = self._within[limit] = AdjacencyView(
                self._network, self._offsets, self._neighbours, self._edges, self._depths, limit
            )
        return found

    def row(self, index: int) -> Row:
        """Return the row of the node at ``index``."""
        cached = self._rows.get(index)
        if cached is not None:
            return cached
        network = self._network
        names = network.node_ids
        start, stop = self._offsets[index], self._offsets[index + 1]
        row: Row = {}
        # tolist() copies a row slice in C: iterating it beats indexing the mapped arrays per item
        neighbours, edges = self._neighbours[start:stop].tolist(), self._edges[start:stop].tolist()
        pairs: Iterable[tuple[int, int]] = zip(neighbours, edges, strict=True)
        if self._near is not None:  # keep the neighbours at depth 0 to limit; maps run in C
            pairs = compress(pairs, map(self._near.__getitem__, map(self._depths.__getitem__, neighbours)))
        for neighbour, edge in pairs:
            name = names[neighbour]
            keyed = row.get(name)
            if keyed is None:
                row[name] = KeyedEdges(network, [edge])
            else:
                keyed._edges.append(edge)
        if len(self._rows) >= ROW_CACHE_SIZE:
            del self._rows[next(iter(self._rows))]
        self._rows[index] = row
        return row

    def __getitem__(self, node: str) -> Row:
        return self.row(self._network.node_index[node])

    def edges_between(self, node: str, neighbour: str) -> KeyedEdges | None:
        """Return the edges from ``node`` to ``neighbour`` (None when there are none).

        Scoring a chain asks this of each hop; scanning the row in C is
        ~10 µs even for a hub, where building the hub's row is milliseconds.
        """
        index, other = self._network.node_index.get(node), self._network.node_index.get(neighbour)
        if index is None or other is None:
            return None
        cached = self._rows.get(index)
        if cached is not None:
            return cached.get(neighbour)
        start, stop = self._offsets[index], self._offsets[index + 1]
        # bytes.find scans the row in C; a match must start on an item boundary
        items, needle, size = self._neighbours[start:stop].tobytes(), _ITEM.pack(other), _ITEM.size
        found, at = [], items.find(needle)
        while at >= 0:
            if at % size == 0:
                found.append(self._edges[start + at // size])
            at = items.find(needle, at + 1)
        return KeyedEdges(self._network, found) if found else None

    def __iter__(self) -> Iterator[str]:
        return iter(self._network.node_ids)

    def __len__(self) -> int:
        return len(self._network.node_ids)

    def __contains__(self, node: object) -> bool:
        return node in self._network.node_index

    def iter_row_indices(self, index: int) -> Iterator[tuple[int, int]]:
        """Yield (neighbour index, edge record index) of one row, without building names or attrs."""
        start, stop = self._offsets[index], self._offsets[index + 1]
        return zip(self._neighbours[start:stop], self._edges[start:stop], strict=True)


class CompactNetwork:
    """A read-only directed multigraph over memory-mapped CSR arrays (see the module docstring)."""

    def __init__(
        self,
        node_ids: Sequence[str],
        node_index: Mapping[str, int],
        slugs: Sequence[str],
        slug_codes: Sequence[int],
        evidence_lookup: EvidenceLookup,
        arrays: Sequence[memoryview],
        name: str = "imported",
        used_slugs: Iterable[str] | None = None,
    ) -> None:
        """Wrap prepared arrays; use :func:`open_network` to open a folder.

        Args:
            node_ids: node index → node id.
            node_index: node id → node index.
            slugs: predicate code → predicate slug (vocabulary.py).
            slug_codes: edge record index → predicate code.
            evidence_lookup: edge record index → its evidence (called lazily).
            arrays: the six CSR arrays in ``CSR_FILES`` order, then the two of ``DEGREE_FILES``.
            name: the graph's name.
            used_slugs: the predicate slugs some edge has (None: every slug of ``slugs``);
                a walk over a predicate no edge has is skipped (an import lists the
                whole vocabulary in ``slugs`` but, often, no part-of edge).
        """
        self.name = name
        self.node_ids = node_ids
        self.node_index = node_index
        self.slugs = slugs
        self.slug_codes = slug_codes
        self.evidence_lookup = evidence_lookup
        self.succ = AdjacencyView(self, arrays[0], arrays[1], arrays[2])
        self.pred = AdjacencyView(self, arrays[3], arrays[4], arrays[5])
        self._out_degrees, self._in_degrees = arrays[6:8]
        self.predicate_slugs = set(slugs) if used_slugs is None else set(used_slugs)
        """The predicate slugs of the edges (paths skips the backward walk when none reverses)."""
        used = self.predicate_slugs
        # per predicate code: walked against an in-edge (subject → object) or along an out-edge (part of)
        self._forward = bytes(
            1 if slug in used and PREDICATES[slug].transmits and not PREDICATES[slug].reversed_in_chain else 0
            for slug in slugs
        )
        self._backward = bytes(
            1 if slug in used and PREDICATES[slug].transmits and PREDICATES[slug].reversed_in_chain else 0
            for slug in slugs
        )

    def __contains__(self, node: object) -> bool:
        return node in self.node_index

    def __len__(self) -> int:
        return len(self.node_ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self.node_ids)

    def has_node(self, node: str) -> bool:
        """Return True when ``node`` is a node id of this network."""
        return node in self.node_index

    def number_of_nodes(self) -> int:
        """Return the number of nodes."""
        return len(self.node_ids)

    def number_of_edges(self) -> int:
        """Return the number of edge records (parallel edges counted)."""
        return len(self.slug_codes)

    def out_degree(self, node: str) -> int:
        """Return the number of distinct edges leaving ``node`` (O(1); see :func:`count_degrees`)."""
        return int(self._out_degrees[self.node_index[node]])

    def in_degree(self, node: str) -> int:
        """Return the number of distinct edges entering ``node`` (O(1); see :func:`count_degrees`)."""
        return int(self._in_degrees[self.node_index[node]])

    def compute_distances(self, targets: Iterable[str], max_hops: int, *, lazy: bool = False) -> NodeDepths:
        """Return each node's hop distance to the nearest target over transmitting edges (≤ ``max_hops``).

        The same answer as ``paths.compute_distances`` without an evidence
        filter. With ``lazy``, no level is read yet: the search asks for the
        levels it needs (:meth:`NodeDepths.deepen`) as it lengthens its chains.
        Why: on a Hetionet-sized graph the third level back from a disease
        reads over a million edges, and a search that has its chains by
        length three never needs it.
        """
        depths = NodeDepths(self, targets, max_hops)
        if not lazy:
            depths.deepen(max_hops)
        return depths

    def focus(self, distances: Mapping[str, int]) -> CompactNetwork:
        """Return this network with rows that hold only the nodes of ``distances`` (degrees unchanged).

        Why: a chain only steps to a node that can still reach a target, so
        after the distance pass the search never reads the rest of a row; on
        a hub (tens of thousands of neighbours) building it whole was most of
        a search. Degrees, which score the hops, stay those of the whole network.
        Rows are cut when first read, so depths a lazy pass finds later are
        seen by every row of a depth it has already reached.
        """
        if isinstance(distances, NodeDepths) and distances.network is self:
            depths, limit = distances.by_index, distances.max_hops
        else:
            depths = array("h", [-1]) * len(self.node_ids)
            for node, depth in distances.items():
                if node in self.node_index:
                    depths[self.node_index[node]] = depth
            limit = max(depths, default=0)
        focused = copy.copy(self)
        for side in ("succ", "pred"):
            rows: AdjacencyView = getattr(self, side)
            view = AdjacencyView(focused, rows._offsets, rows._neighbours, rows._edges, depths, limit)
            setattr(focused, side, view)
        return focused


class NodeDepths(Mapping[str, int]):
    """Hop distances of a compact network's nodes to the nearest target, found a level at a time.

    Path search reads it as the dict ``paths.compute_distances`` returns: a
    depth per node index (-1: not reached) costs no dict of a hundred
    thousand names. :meth:`deepen` reads the next levels back from the
    targets; a depth, once found, is final (breadth-first).
    """

    def __init__(self, network: CompactNetwork, targets: Iterable[str], max_hops: int) -> None:
        self.network = network
        self.max_hops = max_hops
        self.by_index = array("h", [-1]) * len(network.node_ids)
        index = network.node_index
        self._frontier = list(dict.fromkeys(index[t] for t in targets if t in index))
        for node in self._frontier:
            self.by_index[node] = 0
        self.radius = 0
        """Depths up to this one are all found."""
        # a chain reaches a node from its in-neighbours, and from its out-neighbours over part-of
        self._sides = [(network.pred, network._forward)]
        if any(network._backward):
            self._sides.append((network.succ, network._backward))

    def deepen(self, radius: int) -> None:
        """Find every depth up to ``radius`` (at most ``max_hops``)."""
        while self.radius < min(radius, self.max_hops) and self._frontier:
            self.radius += 1
            cost = sum(
                rows._offsets[n + 1] - rows._offsets[n] for rows, _ in self._sides for n in self._frontier
            )
            if cost > NUMPY_LEVEL or (cost > NUMPY_LEVEL // 16 and "numpy" in sys.modules):
                self._frontier = self._level_numpy()
            else:
                self._frontier = self._level_python()

    def _level_python(self) -> list[int]:
        """Read one level row by row (no import: cheaper for a few hundred thousand entries)."""
        values, radius, codes = self.by_index, self.radius, self.network.slug_codes
        reached = []
        for rows, usable in self._sides:
            offsets, neighbours, edges = rows._offsets, rows._neighbours, rows._edges
            for node in self._frontier:
                start, stop = offsets[node], offsets[node + 1]
                if start == stop:
                    continue
                for neighbour, edge in zip(
                    neighbours[start:stop].tolist(), edges[start:stop].tolist(), strict=True
                ):
                    if values[neighbour] < 0 and usable[codes[edge]]:
                        values[neighbour] = radius
                        reached.append(neighbour)
        return reached

    def _level_numpy(self) -> list[int]:
        """Read one level on whole arrays (numpy): a few ns per entry once numpy is imported."""
        import numpy

        network = self.network
        values = numpy.frombuffer(self.by_index, dtype=numpy.int16)
        frontier = numpy.asarray(self._frontier, dtype=numpy.int64)
        codes = numpy.asarray(network.slug_codes)
        marked = numpy.zeros(len(values), dtype=bool)  # a mask, not numpy.unique: O(nodes), no hashing
        for rows, usable in self._sides:
            offsets = numpy.asarray(rows._offsets)
            starts, lengths = offsets[frontier], offsets[frontier + 1] - offsets[frontier]
            total = int(lengths.sum())
            if not total:
                continue
            # the positions of every row of the frontier, one after another
            positions = numpy.repeat(starts - (numpy.cumsum(lengths) - lengths), lengths) + numpy.arange(
                total
            )
            neighbours = numpy.asarray(rows._neighbours)[positions]
            keep = numpy.frombuffer(usable, dtype=numpy.uint8).astype(bool)
            marked[neighbours[keep[codes[numpy.asarray(rows._edges)[positions]]]]] = True
        reached = numpy.flatnonzero(marked & (values < 0))
        values[reached] = self.radius
        return reached.tolist()

    def get(self, node: str, default: Any = None) -> Any:
        """Return the depth of ``node``, or ``default`` when it is not within reach (fast: no exception)."""
        position = self.network.node_index.get(node)
        if position is None:
            return default
        depth = self.by_index[position]
        return default if depth < 0 else depth

    def __getitem__(self, node: str) -> int:
        depth = self.get(node)
        if depth is None:
            raise KeyError(node)
        return int(depth)

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self.get(node) is not None

    def __iter__(self) -> Iterator[str]:
        names = self.network.node_ids
        return (names[position] for position, depth in enumerate(self.by_index) if depth >= 0)

    def __len__(self) -> int:
        return sum(1 for depth in self.by_index if depth >= 0)


def open_network(
    folder: Path,
    node_ids: Sequence[str],
    node_index: Mapping[str, int],
    slugs: Sequence[str],
    slug_codes: Sequence[int],
    evidence_lookup: EvidenceLookup,
    name: str = "imported",
    used_slugs: Iterable[str] | None = None,
) -> CompactNetwork:
    """Memory-map the CSR files of ``folder`` into a :class:`CompactNetwork` (milliseconds)."""
    arrays = [
        map_array(folder / file_name, "q")
        if file_name.endswith("offsets")
        else map_array(folder / file_name, "i")
        for file_name in (*CSR_FILES, *DEGREE_FILES)
    ]
    return CompactNetwork(node_ids, node_index, slugs, slug_codes, evidence_lookup, arrays, name, used_slugs)


class _OverlayAdjacency(Mapping[str, dict[str, dict[str, Any]]]):
    """The rows of two adjacency mappings merged, the second's node ids renamed through aliases."""

    def __init__(
        self,
        first: Mapping[str, Any],
        second: Mapping[str, Any],
        aliases: Mapping[str, str],
        reverse: Mapping[str, str],
    ) -> None:
        self._first = first
        self._second = second
        self._aliases = aliases
        self._reverse = reverse

    def __getitem__(self, node: str) -> dict[str, dict[str, Any]]:
        row: dict[str, dict[str, Any]] = {}
        found = False
        if node in self._first:
            found = True
            row = {neighbour: dict(keyed) for neighbour, keyed in self._first[node].items()}
        other = self._reverse.get(node, node)
        if other in self._second and not (other == node and node in self._aliases):
            found = True
            for neighbour, keyed in self._second[other].items():
                merged = row.setdefault(self._aliases.get(neighbour, neighbour), {})
                for slug, attrs in keyed.items():
                    if slug in merged:
                        merged[slug] = {
                            **merged[slug],
                            "evidence": (*merged[slug]["evidence"], *attrs["evidence"]),
                        }
                    else:
                        merged[slug] = attrs
        if not found:
            raise KeyError(node)
        return row

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        for node in self._second:
            if node not in self._aliases and node not in self._first:
                yield node

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, node: object) -> bool:
        if node in self._first:
            return True
        return node in self._second and node not in self._aliases


class OverlayNetwork:
    """Two networks as one (e.g. the curated graph over an imported one), for paths.find_paths.

    A node of ``second`` listed in ``aliases`` (second id → first id) is the
    same node as that node of ``first``: its rows are merged into the first's,
    and parallel edges with the same predicate pool their evidence. There is
    no integer fast path across two networks, so path search uses the generic
    breadth-first search (it builds rows as dicts: seconds, not milliseconds,
    on a 2M-edge graph).
    """

    def __init__(self, first: Any, second: Any, aliases: Mapping[str, str]) -> None:
        self.first = first
        self.second = second
        self.aliases = dict(aliases)
        reverse = {target: source for source, target in self.aliases.items()}
        self._reverse = reverse
        self.succ = _OverlayAdjacency(first.succ, second.succ, self.aliases, reverse)
        self.pred = _OverlayAdjacency(first.pred, second.pred, self.aliases, reverse)
        slugs = [getattr(network, "predicate_slugs", None) for network in (first, second)]
        self.predicate_slugs: set[str] | None = (
            None if None in slugs else set().union(*slugs)  # type: ignore[arg-type]
        )

    def __contains__(self, node: object) -> bool:
        return node in self.succ

    def __iter__(self) -> Iterator[str]:
        """Yield every node once: the first network's, then the second's that are not the same node."""
        yield from self.first
        for node in self.second:
            if node not in self.aliases and node not in self.first:
                yield node

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _other(self, node: str) -> str | None:
        other = self._reverse.get(node, node)
        if other in self.second and not (other == node and node in self.aliases):
            return other
        return None

    def out_degree(self, node: str) -> int:
        """Return the number of distinct edges leaving ``node`` in the merged network.

        A node in only one network keeps that network's degree (O(1) on a
        compact one); a node in both counts its merged row, so an edge both
        networks hold (same neighbour and predicate) counts once.
        """
        return self._degree(node, self.succ, "out_degree")

    def in_degree(self, node: str) -> int:
        """Return the number of distinct edges entering ``node`` in the merged network."""
        return self._degree(node, self.pred, "in_degree")

    def _degree(self, node: str, adjacency: _OverlayAdjacency, method: str) -> int:
        other = self._other(node)
        if other is None:
            return int(getattr(self.first, method)(node))
        if node not in self.first:
            return int(getattr(self.second, method)(other))
        return sum(len(keyed) for keyed in adjacency[node].values())


class DictNetwork:
    """A small networkx-compatible multigraph in plain dicts, for path search without networkx.

    ``mscgraph paths`` on the curated graph (~1,000 edges) spends more time
    importing networkx (~0.2 s) than searching; this holds the same nodes,
    keys and edge attributes (network.iter_network_edges) as the
    MultiDiGraph view, with the interface paths.find_paths uses. Cost:
    linear in edges to build; a degree counts one edge per (neighbour, predicate slug).
    """

    def __init__(self, nodes: Iterable[str], edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
        self.succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.predicate_slugs: set[str] = set()
        """Every predicate slug on an edge (paths skips the backward walk when none reverses)."""
        for node in nodes:
            self.succ.setdefault(node, {})
            self.pred.setdefault(node, {})
        for subject, obj, key, attrs in edges:
            self.predicate_slugs.add(key)
            self.succ.setdefault(subject, {}).setdefault(obj, {})[key] = attrs
            self.pred.setdefault(obj, {}).setdefault(subject, {})[key] = attrs
            self.succ.setdefault(obj, {})
            self.pred.setdefault(subject, {})

    def __contains__(self, node: object) -> bool:
        return node in self.succ

    def __len__(self) -> int:
        return len(self.succ)

    def __iter__(self) -> Iterator[str]:
        return iter(self.succ)

    def number_of_edges(self) -> int:
        """Return the number of edges (parallel edges counted)."""
        return sum(len(keyed) for row in self.succ.values() for keyed in row.values())

    def out_degree(self, node: str) -> int:
        """Return the number of distinct edges leaving ``node`` (one per neighbour and slug)."""
        return sum(len(keyed) for keyed in self.succ[node].values())

    def in_degree(self, node: str) -> int:
        """Return the number of distinct edges entering ``node`` (one per neighbour and slug)."""
        return sum(len(keyed) for keyed in self.pred[node].values())
