"""The import itself: one pass over the input into records and store, made visible by one rename.

Storage (``<cache>/graphs/NAME/``, written into a temporary sibling folder and
renamed into place, so a killed import leaves no half-written graph): the
record files of :mod:`msc_graph.interop.imported.records` and ``store/``.

Beside the graphs, while a process works on one: ``.NAME.lock`` (its lock,
holding the pid and what it does), ``.NAME.tmp-XXXXXXXX-PID`` (an import
being written) and ``.NAME.old-PID`` (a graph being replaced or removed).
Those of a process that is gone are removed by the next import, removal or
listing of any graph (:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from msc_graph.errors import GraphImportError, UnknownGraphError
from msc_graph.interop.imported.kgx import ColumnarReadError, read_kgx
from msc_graph.interop.imported.loader import StoreLoader
from msc_graph.interop.imported.ntriples import read_ntriples
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import (
    IMPORT_VERSION,
    NAME_PATTERN,
    RecordBuilder,
    check_graph_name,
    get_graphs_dir,
    list_graphs,
)
from msc_graph.interop.imported.source import ImportSource, Progress, Stage
from msc_graph.views.compact import map_array, write_network


@dataclass(frozen=True)
class ImportSummary:
    """What an import produced."""

    name: str
    format: str
    folder: Path
    nodes: int
    edges: int
    seconds: float
    predicates: dict[str, int] = field(default_factory=dict)


_TEMPORARY = re.compile(rf"\.(?P<name>{NAME_PATTERN.pattern})\.(?:tmp-[0-9a-f]+|old)-(?P<pid>[0-9]+)")
_LOCK = re.compile(rf"\.(?P<name>{NAME_PATTERN.pattern})\.lock")


def _try_lock(graphs_dir: Path, name: str, action: str) -> tuple[int | None, str]:
    """Take graph ``name``'s lock without waiting: (its descriptor, "") or (None, who holds it)."""
    import fcntl

    path = graphs_dir / f".{name}.lock"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").split()
            os.close(fd)
            if len(holder) == 2 and holder[0].isdigit():
                return None, f"being {holder[1]} by another process (pid {holder[0]})"
            return None, "being imported or removed by another process"
        opened = os.fstat(fd)
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        if current is not None and (current.st_dev, current.st_ino) == (opened.st_dev, opened.st_ino):
            break
        os.close(fd)  # the holder removed the file between our open and our lock: lock the new one
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()} {action}\n".encode("ascii"), 0)
    return fd, ""


@contextlib.contextmanager
def lock_graph(graphs_dir: Path, name: str, action: str = "imported") -> Iterator[None]:
    """Hold graph ``name``'s lock (``graphs/.NAME.lock``, an exclusive ``flock``) for the block.

    Imports and removals of one name take it, so two of them never run at
    once (each would report success while one undid the other). It is taken
    without waiting: the second is refused at once, told who holds it. The
    kernel drops the lock when its process dies, so a killed import never
    leaves the name locked. The lock file holds the holder's pid and
    ``action`` ("imported", "removed") for that message, and is removed on
    release (the next locker checks that it locked the file still there).

    Raises:
        GraphImportError: another process holds it.
    """
    fd, holder = _try_lock(graphs_dir, name, action)
    if fd is None:
        raise GraphImportError(f"graph {name} is {holder}")
    try:
        yield
    finally:
        _unlock(graphs_dir, name, fd)


def _unlock(graphs_dir: Path, name: str, fd: int) -> None:
    """Remove the lock file, then release the lock (in that order: see :func:`_try_lock`)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(graphs_dir / f".{name}.lock")
    os.close(fd)


def remove_stale(cache_dir: Path) -> list[str]:
    """Remove what killed imports and removals left beside the graphs; return the folders removed.

    Every import, removal and listing calls it (see the module docstring).
    """
    return _remove_stale(get_graphs_dir(cache_dir))


def _remove_stale(graphs_dir: Path, held: str | None = None) -> list[str]:
    """Remove the temporary folders and lock files of processes that are gone.

    A temporary folder is stale when the process named by its pid suffix is
    not running and its graph's lock is free (so a live import is never
    touched, even one whose pid this process cannot see, as from another
    container); ``held`` is the name whose lock the caller holds. A lock file
    is stale when its lock is free.
    """
    if not graphs_dir.is_dir():
        return []
    removed = []
    for path in sorted(graphs_dir.iterdir()):
        temporary = _TEMPORARY.fullmatch(path.name)
        lock = _LOCK.fullmatch(path.name)
        if temporary is not None:
            if is_running(int(temporary["pid"])):
                continue
            name = temporary["name"]
        elif lock is not None:
            name = lock["name"]
        else:
            continue
        if name == held:
            if temporary is not None:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
            continue
        fd, _ = _try_lock(graphs_dir, name, "cleaned up")
        if fd is None:
            continue  # being imported or removed right now
        try:
            if temporary is not None:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
        finally:
            _unlock(graphs_dir, name, fd)  # a stale lock file goes with it
    return removed


def is_running(pid: int) -> bool:
    """Return True while process ``pid`` exists (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def import_graph(
    source: ImportSource,
    name: str,
    cache_dir: Path,
    *,
    prefixes: Mapping[str, str] | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    stage: Stage | None = None,
    store_provenance: bool = True,
) -> ImportSummary:
    """Import ``source`` as graph ``name`` under ``cache_dir``: records and RDF store in one pass.

    ``progress`` is told the input bytes read; ``stage`` what follows the
    reading (writing the network, then the store merging what it loaded),
    which a progress bar at 100% would otherwise hide.

    Everything is written into ``graphs/.NAME.tmp-XXXXXXXX-PID`` and renamed
    to ``graphs/NAME`` at the end, so an import killed at any point leaves
    either the previous graph or none, never half of one (the next import,
    removal or listing removes the leftovers), and a failed one leaves
    nothing. Replacing an existing graph renames it aside first, then
    removes it. The import holds the name's lock (:func:`lock_graph`)
    throughout: a second import of the name fails at once.

    ``store_provenance=False`` (KGX only) leaves each edge's provenance out of
    the store, not out of the records: `paths` shows the same evidence, and
    SPARQL sees the graph's own triples only. The statement nodes are most
    of a KGX graph's store, and loading them most of its import's time.

    Cost: one read of the input; memory bounded by the records (~20 bytes per
    edge) plus four 16 MiB chunks in the loader (two loading, two waiting).
    The records are written while the loader loads the last chunks.

    Raises:
        GraphImportError: bad name, the graph exists (without ``replace``), another process
            imports or removes it, the input is malformed, empty or not UTF-8, or
            ``store_provenance=False`` is asked of an N-Triples or Turtle file.
    """
    check_graph_name(name)
    if not store_provenance and source.format != "kgx":
        raise GraphImportError(
            f"{source.files[0].name}: leaving provenance out of the store applies to KGX input only "
            "(an N-Triples or Turtle file's store keeps every triple the file holds)"
        )
    graphs_dir = get_graphs_dir(cache_dir)
    graphs_dir.mkdir(parents=True, exist_ok=True)
    with lock_graph(graphs_dir, name, "imported"):
        _remove_stale(graphs_dir, held=name)
        if (graphs_dir / name).exists() and not replace:
            raise GraphImportError(f"graph {name!r} is already imported; pass --replace to import it again")
        try:
            return _import_locked(source, name, graphs_dir, prefixes, progress, stage, store_provenance)
        except ColumnarReadError:  # a KGX file only the row reader reads (blank lines, ...): again, by rows
            return _import_locked(
                source, name, graphs_dir, prefixes, progress, stage, store_provenance, by_rows=True
            )


def _import_locked(
    source: ImportSource,
    name: str,
    graphs_dir: Path,
    prefixes: Mapping[str, str] | None,
    progress: Progress | None,
    stage: Stage | None,
    store_provenance: bool,
    *,
    by_rows: bool = False,
) -> ImportSummary:
    """Import ``source`` as ``graphs_dir/name`` (the caller holds the name's lock)."""
    import pyoxigraph

    final = graphs_dir / name
    started = time.perf_counter()
    # Unique per attempt (a failed attempt's store may hold its lock until collected); the pid
    # last, so a later import can tell a dead import's leftovers from a running one's.
    temporary = graphs_dir / f".{name}.tmp-{uuid.uuid4().hex[:8]}-{os.getpid()}"
    temporary.mkdir()
    try:
        curies = Curies(prefixes or {})
        store = pyoxigraph.Store(str(temporary / "store"))
        loader = StoreLoader(store)
        records = RecordBuilder(name, spool_dir=temporary)
        try:
            if source.format in ("nt", "ttl"):
                read_ntriples(
                    source.files[0], records, loader, curies, progress, turtle=source.format == "ttl"
                )
            else:
                read_kgx(
                    source.files[0],
                    source.files[1],
                    records,
                    loader,
                    curies,
                    progress,
                    by_rows=by_rows,
                    store_provenance=store_provenance,
                )
            if stage is not None:
                stage("input read; writing the records and the network")
            counts = records.slug_counts()
            meta = {
                "version": IMPORT_VERSION,
                "name": name,
                "format": source.format,
                "sources": [{"file": str(p.resolve()), "bytes": p.stat().st_size} for p in source.files],
                "source_names": records.source_names,
                "nodes": len(records.node_ids),
                "edges": records.edge_count,
                "slugs": records.slugs,
                "predicates": records.predicates,
                "prefixes": curies.prefixes,
                "store_provenance": store_provenance,
                "predicate_counts": counts,
                "imported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            records.write(temporary, meta)  # while the loader still loads the last chunks
            records.release_written()
            # the compact network the first `paths --graph` would build: built here, beside the loader
            (temporary / "network").mkdir()
            write_network(  # from the record files: a large import spilled its records there
                temporary / "network",
                map_array(temporary / "edges.subjects", "i"),
                map_array(temporary / "edges.objects", "i"),
                map_array(temporary / "edges.slugs", "B"),
                len(records.node_ids),
            )
            loader.close()
            if stage is not None:
                stage("the store merges the files it loaded (RocksDB compaction; longer for larger graphs)")
            # flush waits until RocksDB has merged enough of the loaded files to take writes without
            # stalling: the layout every query of this read-only store reads (2M KGX edges: 10-13 s
            # of waiting, 18-36 files left instead of ~215, and a join over the edges' provenance
            # answered in 7 s instead of 85 s)
            store.flush()
        finally:
            records.close()  # first: the loader's close raises its error
            loader.close()
            del store, loader  # release RocksDB's lock now, even while an error propagates
        _swap_into_place(temporary, final)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return ImportSummary(
        name,
        source.format,
        final,
        len(records.node_ids),
        records.edge_count,
        time.perf_counter() - started,
        counts,
    )


def _swap_into_place(temporary: Path, final: Path) -> None:
    """Rename ``temporary`` to ``final``; an existing ``final`` is renamed aside, then removed."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.rename(final, old)
    os.rename(temporary, final)
    shutil.rmtree(old, ignore_errors=True)


def remove_graph(cache_dir: Path, name: str) -> None:
    """Remove an imported graph (renamed aside first, so readers never see half of it).

    Takes the name's lock (an import of it cannot run meanwhile) and removes
    what killed imports left (:func:`remove_stale`).

    Raises:
        UnknownGraphError: there is no graph of that name.
        GraphImportError: another process imports or removes it.
    """
    graphs_dir = get_graphs_dir(cache_dir)
    folder = graphs_dir / check_graph_name(name)
    if not (folder / "meta.json").is_file():
        _remove_stale(graphs_dir)
        raise UnknownGraphError(name, list_graphs(cache_dir))
    with lock_graph(graphs_dir, name, "removed"):
        _remove_stale(graphs_dir, held=name)
        if not (folder / "meta.json").is_file():  # another process removed it just now
            raise UnknownGraphError(name, list_graphs(cache_dir))
        old = folder.with_name(f".{name}.old-{os.getpid()}")
        os.rename(folder, old)
        shutil.rmtree(old, ignore_errors=True)
