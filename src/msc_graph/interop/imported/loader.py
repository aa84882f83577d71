"""The threaded bulk loader that fills an import's RDF store from chunks of N-Triples.

Chunks of CHUNK_BYTES are loaded LOADER_THREADS at a time, which bounds memory
(one bulk load of a 1M-triple file peaks near 800 MiB) and keeps both cores
busy (one bulk load runs mostly on one).
"""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING

from msc_graph.errors import GraphImportError

if TYPE_CHECKING:
    import pyarrow
    import pyoxigraph

CHUNK_BYTES = 16 << 20
"""Bytes of RDF handed to one bulk load (bounds the loader's memory at ~300 MiB)."""
LOADER_THREADS = 2
"""Chunks bulk-loaded at once (the issue's machines have two cores; more threads only wait)."""


def valid_iri(iri: str) -> bool:
    """Return whether the store's strict parser takes ``iri`` (pyoxigraph's own IRI check, ~0.4 µs).

    A chunk whose every IRI passed can be loaded ``lenient`` (:meth:`StoreLoader.put`).
    """
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


_IRI_CHARS = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})"
PLAIN_IRI_TERM = (
    rf"^<https?://[A-Za-z0-9.-]+(?:/{_IRI_CHARS}*)?(?:\?(?:{_IRI_CHARS}|\?)*)?(?:#(?:{_IRI_CHARS}|\?)*)?>$"
)
"""An ``<IRI>`` term of plain characters only, which is always valid (a pattern both re and RE2 read)."""


def valid_terms(terms: pyarrow.Array) -> bool:
    """Return whether every ``<IRI>`` term of a string column is valid (:func:`valid_iri`).

    Why a pattern first: an import checks millions of node and publication
    IRIs; those of plain characters (nearly all) are valid by
    PLAIN_IRI_TERM, matched in C; only the others, each distinct one once,
    go through :func:`valid_iri`.
    """
    import pyarrow.compute as pc

    rest = pc.unique(terms.filter(pc.invert(pc.match_substring_regex(terms, PLAIN_IRI_TERM))))
    return all(valid_iri(term[1:-1]) for term in rest.to_pylist())


class StoreLoader:
    """Bulk-loads N-Triples chunks into a store on LOADER_THREADS worker threads.

    pyoxigraph releases the GIL while it loads, so parsing the next chunk
    overlaps loading this one, and two chunks load at once (each bulk load
    parses and sorts its chunk on one core; RocksDB takes concurrent
    ingestion). Chunk order does not matter: blank nodes are skolemized
    first. At most two chunks wait, which bounds memory.
    """

    def __init__(self, store: pyoxigraph.Store) -> None:
        self._store = store
        self._queue: queue.Queue[tuple[bytes, str, bool] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._threads = [
            threading.Thread(target=self._run, name="mscgraph-bulk-load", daemon=True)
            for _ in range(LOADER_THREADS)
        ]
        for thread in self._threads:
            thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if self._error is None:
                    self._load(*item)
            finally:
                self._queue.task_done()  # what is_busy counts

    def _load(self, data: bytes, where: str, lenient: bool) -> None:
        import pyoxigraph

        try:
            self._store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=lenient)
        except (SyntaxError, ValueError, OSError) as error:
            self._error = self._error or GraphImportError(f"{where}: {error}")
        except BaseException as error:  # anything else too: a dead thread would hang the queue
            self._error = self._error or GraphImportError(
                f"{where}: the store failed to load this part ({type(error).__name__}: {error})"
            )

    def put(self, data: bytes, where: str, *, lenient: bool = False) -> None:
        """Queue one chunk of complete N-Triples lines; ``where`` locates it for error messages.

        ``lenient``: the caller has checked every IRI of the chunk as the
        store's parser would, so the parser skips that check (pyoxigraph's
        ``lenient``, which checks everything else as before).
        """
        self._raise()
        if data:
            self._queue.put((data, where, lenient))

    def is_busy(self) -> bool:
        """Return whether every loader thread has a chunk (a new chunk would wait for one to finish)."""
        return self._queue.unfinished_tasks >= LOADER_THREADS

    def close(self) -> None:
        """Wait for every queued chunk to be loaded; raise the first loading error.

        Every error of a loader thread, of any kind, fails the import here: a
        partial store is never reported as a success.
        """
        if any(thread.is_alive() for thread in self._threads):
            for _ in self._threads:
                self._queue.put(None)
            for thread in self._threads:
                thread.join()
            self._store = None  # type: ignore[assignment]  # frames of a failed import may outlive us
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
