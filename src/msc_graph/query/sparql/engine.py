"""Running a prepared query on pyoxigraph with a deadline and a row cap.

Queries run on pyoxigraph (or over HTTP, see :mod:`msc_graph.query.sparql.remote`)
in a thread with a deadline. pyoxigraph has no native timeout but releases the
GIL while it evaluates, so the caller regains control at the deadline and the
thread stops at its next row; a query stuck inside one long step (a big sort or
aggregate) is abandoned and finishes in the background. That is fine for the
Python API and the HTTP client; the CLI and ``serve`` run queries in worker
processes that can be killed (:mod:`msc_graph.query.sparql.workers`). Results
are capped at ``limit`` rows; ``QueryResult.truncated`` says when the cap cut them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from msc_graph.errors import QueryError
from msc_graph.query.sparql.guard import PreparedQuery, prepare_query
from msc_graph.query.sparql.results import QueryResult, RowValues, TripleValues, from_oxigraph

if TYPE_CHECKING:
    import pyoxigraph

T = TypeVar("T")

DEFAULT_LIMIT = 10_000
"""Most result rows (or triples) a query returns unless ``--limit`` says otherwise (0: no cap)."""
DEFAULT_TIMEOUT_S = 30.0
"""Seconds a query may run unless ``--timeout`` says otherwise (0 disables the deadline)."""
MAX_RUNNING = 4
"""Worker processes ``serve`` runs queries in, besides the one kept for short queries."""


class QueryTimeoutError(QueryError):
    """The query ran past its deadline and was stopped."""


class QueryBusyError(QueryError):
    """Every ``serve`` worker stayed busy (see workers.WorkerPool); the caller should retry later."""


def call_with_deadline(work: Callable[[threading.Event], T], timeout_s: float | None) -> T:
    """Run ``work(cancelled)`` in a thread and return its value, or stop at the deadline.

    At the deadline ``cancelled`` is set (the thread checks it between rows)
    and QueryTimeoutError is raised at once; a thread stuck inside one long
    engine step is abandoned and ends in the background.

    Raises:
        QueryTimeoutError: the deadline passed.
    """
    cancelled, done = threading.Event(), threading.Event()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work(cancelled)
        except BaseException as error:  # handed to the caller below
            box["error"] = error
        finally:
            done.set()

    threading.Thread(target=target, name="msc-graph-query", daemon=True).start()
    if not done.wait(timeout_s if timeout_s and timeout_s > 0 else None):
        cancelled.set()
        raise QueryTimeoutError(
            f"query stopped after {timeout_s:g} s (raise --timeout to allow longer, or narrow the query)"
        )
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


_POSITION_RE = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def _syntax_error(error: SyntaxError, shift: int) -> QueryError:
    message = str(error)
    match = _POSITION_RE.match(message)
    if not match:
        return QueryError(f"syntax error: {message}")
    line = max(1, int(match.group(1)) - shift)
    return QueryError(f"syntax error: {match.group(3)}", line, int(match.group(2)))


class _CancelledError(Exception):
    """The caller gave up on this query; the worker stops reading rows."""


def evaluate_local(
    store: pyoxigraph.Store, prepared: PreparedQuery, limit: int, cancelled: threading.Event | None = None
) -> QueryResult:
    """Evaluate on pyoxigraph, reading at most ``limit`` + 1 rows (to tell if more exist).

    ``limit`` 0 means no cap. pyoxigraph's result iterators may only be dropped
    on the thread that made them, so every reference to them is cleared here,
    in the worker, before a result or an error leaves.
    """
    import pyoxigraph

    answer: Any = None
    item: Any = None
    try:
        answer = store.query(prepared.text)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer))
        if isinstance(answer, pyoxigraph.QueryTriples):
            triples: list[TripleValues] = []
            for item in answer:
                if cancelled is not None and cancelled.is_set():
                    raise _CancelledError
                if limit and len(triples) == limit:
                    return QueryResult(prepared.form, triples=triples, truncated=True, limit=limit)
                triples.append(
                    (
                        from_oxigraph(item.subject),
                        from_oxigraph(item.predicate),
                        from_oxigraph(item.object),
                    )
                )
            return QueryResult(prepared.form, triples=triples, limit=limit)
        variables = [v.value for v in answer.variables]
        rows: list[RowValues] = []
        for item in answer:
            if cancelled is not None and cancelled.is_set():
                raise _CancelledError
            if limit and len(rows) == limit:
                return QueryResult("SELECT", variables, rows, truncated=True, limit=limit)
            rows.append([None if v is None else from_oxigraph(v) for v in item])
        return QueryResult("SELECT", variables, rows, limit=limit)
    except SyntaxError as error:
        raise prepared.unknown_prefix or _syntax_error(error, prepared.shift) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None
    finally:
        answer = item = None


def run_prepared(
    store: pyoxigraph.Store,
    prepared: PreparedQuery,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Run a prepared query on a pyoxigraph store, bounded by ``timeout_s`` and ``limit`` rows.

    ``timeout_s`` 0 or None means no deadline; ``limit`` 0 no row cap.

    Cost: whatever the query costs, cut at the deadline; memory for at most ``limit`` rows.

    Raises:
        QueryError: syntax error (with line and column of the user's text) or engine failure.
        QueryTimeoutError: the deadline passed.
    """
    if limit < 0:
        raise QueryError("--limit must be 0 or more")
    return call_with_deadline(lambda cancelled: evaluate_local(store, prepared, limit, cancelled), timeout_s)


def run_query(
    store: pyoxigraph.Store,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Check and run a query on a pyoxigraph store (see :func:`prepare_query`, :func:`run_prepared`).

    Raises:
        RefusedQueryError: an update, SERVICE or non-local FROM.
        QueryError: a syntax error (with line and column) or engine failure.
        QueryTimeoutError: the deadline passed.
    """
    return run_prepared(store, prepare_query(text, prefixes), timeout_s=timeout_s, limit=limit)
