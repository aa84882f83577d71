"""Queries run in worker processes that can be stopped: a memory limit each, a hard kill at the deadline.

A thread cannot be stopped: a query stuck inside one long engine step, or one
that grows a string until memory runs out, would hold its thread and its
memory until the process ends. So every local query runs in a worker
process: it opens the store itself (a pyoxigraph store must not cross a
``fork`` it was not made for), limits its own data segment to what it holds
after opening plus ``memory_mib`` (RLIMIT_DATA, which counts heap and
anonymous maps but not a memory-mapped store), checks and runs queries one at
a time, and answers over a pipe. The caller waits on the pipe until the
deadline, then kills the worker with SIGKILL; a worker that runs out of
memory dies (pyoxigraph aborts) and the caller reports it. Either way one
worker is lost, never the caller.

``mscgraph sparql`` / ``query`` run one worker forked for the query (the CLI
is single-threaded when it forks); ``serve`` keeps a :class:`WorkerPool` of
workers started ahead (a process start per query would cap throughput near
10-20 queries a second on two cores), replaces a killed one in the
background, and keeps one worker in reserve with a short deadline so simple
queries are answered while long ones hold every other worker.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from msc_graph.errors import QueryError
from msc_graph.query.sparql.engine import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_RUNNING,
    QueryBusyError,
    QueryTimeoutError,
    evaluate_local,
)
from msc_graph.query.sparql.guard import prepare_query
from msc_graph.query.sparql.results import MEDIA_TYPES, QueryResult, choose_format, serialize_result

if TYPE_CHECKING:
    import pyoxigraph

DEFAULT_MEMORY_MIB = 1024
"""Memory one query may take beyond what its worker holds after opening the store."""
RESERVE_DEADLINE_S = 2.0
"""Deadline of a query sent to the reserve worker (the others all busy): long queries never hold it."""
START_TIMEOUT_S = 120.0
"""Longest a worker may take to open its store before the caller gives up on it."""

Opener = Callable[[], "pyoxigraph.Store"]
"""Opens the store in the worker; for ``serve`` it is pickled (a module-level function or a partial)."""


class QueryMemoryError(QueryError):
    """The query needed more memory than its worker may use, and the worker was stopped."""


@dataclass(frozen=True)
class Request:
    """One query for a worker: the text, and the output wanted.

    ``serialize`` None asks for the :class:`QueryResult` itself (the CLI
    formats it); otherwise the worker serializes it for HTTP, choosing the
    format from ``requested`` (a ``format=`` parameter) or ``accept``.
    """

    text: str
    limit: int = DEFAULT_LIMIT
    serialize: bool = False
    requested: str | None = None
    accept: str = ""


@dataclass(frozen=True)
class Reply:
    """A worker's answer: a result or a serialized body, or the error that stopped the query."""

    result: QueryResult | None = None
    body: bytes = b""
    media: str = ""
    truncated_at: int | None = None
    error: QueryError | None = None


# --- in the worker --------------------------------------------------------------------------


def _data_bytes() -> int:
    """Return this process's data segment (VmData), the quantity RLIMIT_DATA bounds; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _limit_memory(memory_mib: int) -> None:
    """Let the data segment grow ``memory_mib`` beyond its size now (0: no limit)."""
    if memory_mib <= 0:
        return
    import resource

    soft = _data_bytes() + memory_mib * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def answer(store: pyoxigraph.Store, prefixes: Mapping[str, str], request: Request) -> Reply:
    """Check and run one query on ``store``; every failure comes back as ``Reply.error``."""
    try:
        prepared = prepare_query(request.text, prefixes)
        result = evaluate_local(store, prepared, request.limit)
        if not request.serialize:
            return Reply(result=result)
        fmt = choose_format(request.accept, request.requested, prepared.is_graph)
        body = serialize_result(result, fmt, prefixes).encode("utf-8")
        media = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "json" else "")
        return Reply(body=body, media=media, truncated_at=result.limit if result.truncated else None)
    except QueryError as error:
        return Reply(error=error)
    except MemoryError:
        return Reply(error=QueryMemoryError("the query needed more memory than a query may use"))


def _serve_requests(opener: Opener, prefixes: Mapping[str, str], memory_mib: int, pipe: Connection) -> None:
    """Worker main: open the store, limit memory, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        store = opener()
        prepare_query("ASK {}", prefixes)  # loads the guard's parser now, not within a query's deadline
    except Exception as error:  # reported to the parent, which says what failed
        pipe.send(f"{type(error).__name__}: {error}")
        return
    _limit_memory(memory_mib)
    # From here a crash (pyoxigraph aborts when an allocation fails) is reported by the caller in
    # one line; the engine's own backtrace on stderr would only bury it.
    import faulthandler

    faulthandler.disable()  # an embedding program's (pytest enables it) would print on that abort too
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    pipe.send("ready")
    while True:
        try:
            request = pipe.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        pipe.send(answer(store, prefixes, request))


# --- in the caller --------------------------------------------------------------------------


class Worker:
    """One worker process and the caller's end of its pipe; used by one caller at a time."""

    def __init__(
        self,
        context: multiprocessing.context.BaseContext,
        opener: Opener,
        prefixes: Mapping[str, str],
        memory_mib: int,
    ) -> None:
        self.memory_mib = memory_mib
        self._stopping = threading.Lock()
        self.pipe, child = context.Pipe()
        self.process: Any = context.Process(  # type: ignore[attr-defined]
            target=_serve_requests, args=(opener, dict(prefixes), memory_mib, child), daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout_s: float = START_TIMEOUT_S) -> None:
        """Wait until the worker has opened its store.

        Raises:
            QueryError: the worker could not open the store, died, or took longer than ``timeout_s``.
        """
        try:
            message = self.pipe.recv() if self.pipe.poll(timeout_s) else "no answer"
        except (EOFError, OSError):
            message = "it exited"  # or it was stopped while starting (the pool closed)
        if message != "ready":
            self.kill()
            raise QueryError(f"a query worker could not open the graph: {message}")

    def ask(self, request: Request, timeout_s: float | None) -> Reply:
        """Send ``request`` and return the reply; kill the worker at the deadline or if it dies.

        Raises:
            QueryTimeoutError: the deadline passed (the worker is killed).
            QueryMemoryError: the worker died while answering (out of memory; the worker is gone).
        """
        try:
            self.pipe.send(request)
            if not self.pipe.poll(timeout_s if timeout_s and timeout_s > 0 else None):
                self.kill()
                raise QueryTimeoutError(
                    f"query stopped after {timeout_s:g} s (raise --timeout to allow longer, "
                    "or narrow the query)"
                )
            reply: Reply = self.pipe.recv()
            return reply
        except (EOFError, OSError):
            self.kill()
            limit = f"{self.memory_mib} MiB" if self.memory_mib > 0 else "the machine's memory"
            raise QueryMemoryError(
                f"the query was stopped: it needed more memory than a query may use ({limit}; "
                "see --memory-limit), or crashed its worker"
            ) from None

    @property
    def alive(self) -> bool:
        """Return True while the worker process runs."""
        return bool(self.process.is_alive())

    def close(self) -> None:
        """Ask the worker to end, then make sure it has."""
        with contextlib.suppress(OSError):
            self.pipe.send(None)
        self.process.join(1)
        self.kill()

    def kill(self) -> None:
        """Stop the worker at once (SIGKILL) and reap it; safe to call again, from any thread."""
        with self._stopping:
            if self.process.is_alive():
                with contextlib.suppress(OSError):
                    os.kill(self.process.pid, signal.SIGKILL)
            self.process.join(5)
            if not self.pipe.closed:
                self.pipe.close()


def run_isolated(
    opener: Opener,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
    memory_mib: int = DEFAULT_MEMORY_MIB,
) -> QueryResult:
    """Run one query in a worker forked for it (the CLI): killed at the deadline or past its memory.

    The worker opens the store through ``opener`` after the fork, so the
    caller need not hold it. The deadline starts once the store is open.

    Raises:
        RefusedQueryError: an update, SERVICE or non-local FROM.
        QueryError: a syntax error (with line and column) or engine failure.
        QueryTimeoutError: the deadline passed.
        QueryMemoryError: the query needed more than ``memory_mib``.
    """
    if limit < 0:
        raise QueryError("--limit must be 0 or more")
    prepare_query(text, prefixes)  # refuse before any process starts
    worker = Worker(multiprocessing.get_context("fork"), opener, prefixes, memory_mib)
    try:
        worker.wait_ready()
        reply = worker.ask(Request(text, limit), timeout_s)
    finally:
        worker.close()
    if reply.error is not None:
        raise reply.error
    assert reply.result is not None
    return reply.result


class WorkerPool:
    """Workers started ahead for ``serve``; a query takes a free one, a killed one is replaced.

    ``size`` workers take any query up to ``timeout_s``; one more, the
    reserve, takes a query only when all of them are busy, with a deadline of
    RESERVE_DEADLINE_S, so runaway queries holding every regular worker cannot
    make a simple one wait for them. A query that finds no worker free waits
    for whichever comes free first, up to the deadline. Workers are spawned:
    the server has threads, and forking a threaded process is unsafe (a
    program that builds a pool itself needs the ``if __name__ == "__main__":``
    guard that spawned processes require).
    """

    def __init__(
        self,
        opener: Opener,
        prefixes: Mapping[str, str],
        *,
        size: int = MAX_RUNNING,
        timeout_s: float | None = DEFAULT_TIMEOUT_S,
        memory_mib: int = DEFAULT_MEMORY_MIB,
    ) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._opener = opener
        self._prefixes = dict(prefixes)
        self.timeout_s = timeout_s
        self.memory_mib = memory_mib
        self._changed = threading.Condition()
        self._free: list[Worker] = []
        self._spare: list[Worker] = []
        self._all: set[Worker] = set()
        self._closed = False
        started = [self._start() for _ in range(size + 1)]
        try:
            for worker in started:
                worker.wait_ready()
        except QueryError:
            for worker in started:
                worker.kill()
            raise
        self._free.extend(started[:-1])
        self._spare.append(started[-1])

    def _start(self) -> Worker:
        worker = Worker(self._context, self._opener, self._prefixes, self.memory_mib)
        with self._changed:
            self._all.add(worker)
        return worker

    def _give_back(self, worker: Worker, spare: bool) -> None:
        with self._changed:
            (self._spare if spare else self._free).append(worker)
            self._changed.notify()

    def _take(self, wait_s: float | None) -> tuple[Worker, bool]:
        """Return a free worker, a regular one first, and whether it is the reserve."""
        import time

        end = None if wait_s is None else time.monotonic() + wait_s
        with self._changed:
            while True:
                if self._free:
                    return self._free.pop(), False
                if self._spare:
                    return self._spare.pop(), True
                remaining = None if end is None else end - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise QueryBusyError("too many queries are running; try again in a moment")
                self._changed.wait(remaining)

    def _replace(self, spare: bool) -> None:
        """Start a worker in the background, in a killed one's place."""

        def start() -> None:
            try:
                worker = self._start()
                worker.wait_ready()
            except QueryError as error:
                if not self._closed:
                    sys.stderr.write(f"serve: {error}\n")
                return
            if self._closed:
                worker.close()
            else:
                self._give_back(worker, spare)

        threading.Thread(target=start, name="msc-graph-worker-start", daemon=True).start()

    def ask(self, request: Request) -> Reply:
        """Run ``request`` on a free worker (waiting for one up to the deadline).

        Raises:
            QueryTimeoutError: the deadline passed (that worker is replaced).
            QueryMemoryError: the query took too much memory (that worker is replaced).
            QueryBusyError: no worker came free in time, or only the reserve did and the
                query outran its short deadline.
        """
        deadline = self.timeout_s if self.timeout_s and self.timeout_s > 0 else None
        worker, spare = self._take(deadline)
        if spare:
            deadline = min(deadline or RESERVE_DEADLINE_S, RESERVE_DEADLINE_S)
        try:
            reply = worker.ask(request, deadline)
        except (QueryTimeoutError, QueryMemoryError) as error:
            with self._changed:
                self._all.discard(worker)
            self._replace(spare)
            if spare and isinstance(error, QueryTimeoutError):
                raise QueryBusyError(
                    f"the server is busy with long queries, and this one did not finish in "
                    f"{deadline:g} s; try again in a moment"
                ) from None
            raise
        self._give_back(worker, spare)
        return reply

    @property
    def pids(self) -> set[int]:
        """Return the process ids of the live workers."""
        with self._changed:
            return {worker.process.pid for worker in self._all if worker.alive}

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._changed:
            workers = list(self._all)
        for worker in workers:
            worker.close()
