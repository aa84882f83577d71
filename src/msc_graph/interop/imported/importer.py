"""The import itself: one pass over the input into records and store, made visible by one rename.

Storage (``<cache>/graphs/NAME/``, written into a temporary sibling folder and
renamed into place, so a killed import leaves no half-written graph): the
record files of :mod:`msc_graph.interop.imported.records` and ``store/``.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from msc_graph.errors import GraphImportError, UnknownGraphError
from msc_graph.interop.imported.kgx import read_kgx
from msc_graph.interop.imported.loader import StoreLoader
from msc_graph.interop.imported.ntriples import read_ntriples
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import (
    IMPORT_VERSION,
    RecordBuilder,
    check_graph_name,
    get_graphs_dir,
    list_graphs,
)
from msc_graph.interop.imported.source import ImportSource, Progress


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


def _remove_stale(graphs_dir: Path, name: str) -> None:
    """Remove temporary and old folders of ``name`` left by killed imports (their process is gone)."""
    for path in graphs_dir.glob(f".{name}.*-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _is_running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _is_running(pid: int) -> bool:
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
) -> ImportSummary:
    """Import ``source`` as graph ``name`` under ``cache_dir``: records and RDF store in one pass.

    Everything is written into ``graphs/.NAME.tmp-PID`` and renamed to
    ``graphs/NAME`` at the end, so an import killed at any point leaves either
    the previous graph or none, never half of one (the next import of the
    name removes the leftovers). Replacing an existing graph renames it aside
    first, then removes it.

    Cost: one read of the input; memory bounded by the records (~20 bytes per
    edge) plus four 16 MiB chunks in the loader (two loading, two waiting).
    The records are written while the loader loads the last chunks.

    Raises:
        GraphImportError: bad name, the graph exists (without ``replace``), or malformed input.
    """
    import pyoxigraph

    check_graph_name(name)
    graphs_dir = get_graphs_dir(cache_dir)
    final = graphs_dir / name
    if final.exists() and not replace:
        raise GraphImportError(f"graph {name!r} is already imported; pass --replace to import it again")
    graphs_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale(graphs_dir, name)
    started = time.perf_counter()
    # Unique per attempt (a failed attempt's store may hold its lock until collected); the pid
    # last, so a later import can tell a dead import's leftovers from a running one's.
    temporary = graphs_dir / f".{name}.tmp-{uuid.uuid4().hex[:8]}-{os.getpid()}"
    temporary.mkdir()
    try:
        records = RecordBuilder(name)
        curies = Curies(prefixes or {})
        store = pyoxigraph.Store(str(temporary / "store"))
        loader = StoreLoader(store)
        try:
            if source.format in ("nt", "ttl"):
                read_ntriples(
                    source.files[0], records, loader, curies, progress, turtle=source.format == "ttl"
                )
            else:
                read_kgx(source.files[0], source.files[1], records, loader, curies, progress)
            counts = {records.slugs[code]: n for code, n in Counter(records.slug_codes).items()}
            meta = {
                "version": IMPORT_VERSION,
                "name": name,
                "format": source.format,
                "sources": [{"file": str(p.resolve()), "bytes": p.stat().st_size} for p in source.files],
                "source_names": records.source_names,
                "nodes": len(records.node_ids),
                "edges": len(records.subjects),
                "slugs": records.slugs,
                "predicates": records.predicates,
                "prefixes": curies.prefixes,
                "predicate_counts": dict(sorted(counts.items())),
                "imported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            records.write(temporary, meta)  # while the loader still loads the last chunks
            loader.close()
            store.flush()
        finally:
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
        len(records.subjects),
        time.perf_counter() - started,
        dict(sorted(counts.items())),
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

    Raises:
        UnknownGraphError: there is no graph of that name.
    """
    folder = get_graphs_dir(cache_dir) / check_graph_name(name)
    if not (folder / "meta.json").is_file():
        raise UnknownGraphError(name, list_graphs(cache_dir))
    old = folder.with_name(f".{name}.old-{os.getpid()}")
    os.rename(folder, old)
    shutil.rmtree(old, ignore_errors=True)
