"""A read-only SPARQL 1.1 protocol endpoint over the built graph, with a minimal query page.

Served from Python (``http.server.ThreadingHTTPServer``) rather than the
``oxigraph`` server binary behind a checking proxy: one command, no data
directory to load and keep in step, and every request goes through the guard
of :mod:`msc_graph.query.sparql` (updates, SERVICE and remote FROM refused),
its deadline and its row cap. Queries run in a pool of worker processes
(:class:`~msc_graph.query.sparql.workers.WorkerPool`): each opens the store
itself, may use a bounded amount of memory, and is killed and replaced at the
deadline, so a runaway query costs one worker, never the server; one worker
is kept for short queries while long ones hold the rest.

The standard library's server was kept over a WSGI/ASGI server: the
protocol is two routes, and what hardening needs (strict framing, an idle
timeout, a listen backlog, Host checks, escaped logs) is a few lines here;
the work that needs isolating runs in the workers either way.

Routes: ``GET /`` the query page (its script and style at ``/query-page.js`` and
``/query-page.css``, so the Content-Security-Policy allows scripts from this
server only and no inline code); ``GET /named`` the named queries and their
parameters as JSON; ``GET /named/NAME?PARAM=VALUE`` the query NAME with its
parameters bound as ``mscgraph query NAME --param`` binds them, PREFIX lines
included (what ``--show`` prints); ``GET /query?query=...`` and ``POST /query``
(``application/sparql-query`` body, or form-encoded ``query=``) per the SPARQL
1.1 protocol (``/sparql`` is an alias). Results are negotiated from ``Accept``
(or a ``format=`` parameter): SPARQL JSON by default, CSV, TSV; Turtle or
N-Triples for graphs. Errors: 400 syntax or a malformed request, 403 refused
(updates, SERVICE, a Host not allowed), 411 a body without Content-Length,
413 a body over the cap, 503 timeout, memory or busy, with the message as
plain text.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from msc_graph.config import Project
from msc_graph.errors import MscGraphError, QueryError
from msc_graph.model.names import escape_controls
from msc_graph.query.sparql import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_RUNNING,
    QueryBusyError,
    QueryTimeoutError,
    RefusedQueryError,
    Resolve,
    iter_named_queries,
    prepare_query,
)
from msc_graph.query.sparql.workers import DEFAULT_MEMORY_MIB, Opener, QueryMemoryError, Request, WorkerPool

if TYPE_CHECKING:
    import pyoxigraph

MAX_BODY_BYTES = 1_000_000
"""Largest request body accepted (a query, not an upload)."""
IDLE_TIMEOUT_S = 20.0
"""A connection that sends nothing for this long is closed (half-open clients cannot pile up)."""
LISTEN_BACKLOG = 1024
"""Connections the kernel queues before the server accepts them (a burst of clients waits, not fails)."""
QUERY_PATHS = ("/query", "/sparql")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
NAMED_PATH = "/named"
PAGE_FILES = {
    "/": ("query-page.html", "text/html; charset=utf-8"),
    "/index.html": ("query-page.html", "text/html; charset=utf-8"),
    "/query-page.js": ("query-page.js", "text/javascript; charset=utf-8"),
    "/query-page.css": ("query-page.css", "text/css; charset=utf-8"),
}
"""The query page's files (``msc_graph/static/``) by the path they are served at."""
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # the page runs only its own script and style, talks only to this server, cannot be framed
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",  # a result link followed out does not tell where it came from
}


@cache
def read_page_file(name: str) -> bytes:
    """Return a file of the query page (``msc_graph/static/NAME``), read once."""
    from importlib.resources import files

    return files("msc_graph").joinpath("static", name).read_bytes()


def is_loopback(host: str) -> bool:
    """Return True for an address or name that only this machine can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_store(project: Project, graph_name: str | None = None) -> pyoxigraph.Store:
    """Open the store a worker queries: an imported graph's (read-only) or the curated graph's.

    A module-level function, so ``functools.partial(open_store, project, name)``
    can be handed to spawned workers.
    """
    if graph_name:
        from msc_graph.interop.imported import open_imported

        return open_imported(graph_name, project).store
    from msc_graph.views import open_graph

    return open_graph(project).store


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server that holds the worker pool and the limits its handlers use."""

    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        prefixes: Mapping[str, str],
        *,
        limit: int = DEFAULT_LIMIT,
        allow_hosts: Iterable[str] = (),
        resolve: Resolve | None = None,
    ) -> None:
        import socket

        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)
        self.pool = pool
        self.prefixes = dict(prefixes)
        self.limit = limit
        self.allowed_hosts = frozenset(
            h.lower().strip("[]") for h in (*LOOPBACK_NAMES, address[0], *allow_hosts)
        )
        self.named = {q.name: q for q in iter_named_queries()}
        self.resolve = resolve
        self.resolve_lock = threading.Lock()  # the name index is not promised to be thread-safe

    def bind_named(self, name: str, values: Mapping[str, str]) -> str:
        """Return the named query ``name`` bound as ``mscgraph query NAME --show`` prints it.

        Parameters are resolved with the graph's names when the server was
        given ``resolve`` (as `serve` does), else read as ids, CURIEs or IRIs
        (as ``query --endpoint`` does); PREFIX lines for the prefixes it uses
        come first, so the text runs here and on any other endpoint.

        Raises:
            MscGraphError: an unknown parameter, or a value that names nothing.
        """
        with self.resolve_lock:
            text = self.named[name].bind(values, self.prefixes, self.resolve)
        return prepare_query(text, self.prefixes).text

    @property
    def url(self) -> str:
        """Return the base URL the server listens on (``http://host:port/``)."""
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def server_close(self) -> None:
        """Stop listening, then stop the workers."""
        super().server_close()
        self.pool.close()


def build_server(
    opener: Opener,
    prefixes: Mapping[str, str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
    max_running: int = MAX_RUNNING,
    memory_mib: int = DEFAULT_MEMORY_MIB,
    allow_hosts: Iterable[str] = (),
    resolve: Resolve | None = None,
) -> SparqlServer:
    """Return a bound, not yet serving, SPARQL endpoint whose workers have opened the store.

    ``opener`` opens the store in each worker (picklable: a module-level
    function or a partial of one, e.g. ``partial(open_store, project)``);
    ``max_running`` workers take queries, one more is the reserve for short
    ones; each may use ``memory_mib`` beyond its store. Port 0 picks a free
    port. Requests whose Host header is not this machine, the bound address
    or one of ``allow_hosts`` are refused (DNS rebinding). ``resolve`` binds
    the named queries' parameters from names (:func:`resolve_parameter`).

    Raises:
        OSError: the address cannot be bound (port in use, unknown host).
        QueryError: a worker could not open the store.
    """
    pool = WorkerPool(opener, prefixes, size=max_running, timeout_s=timeout_s, memory_mib=memory_mib)
    try:
        return SparqlServer(
            (host, port), pool, prefixes, limit=limit, allow_hosts=allow_hosts, resolve=resolve
        )
    except BaseException:
        pool.close()
        raise


class SparqlHandler(BaseHTTPRequestHandler):
    """Answers the SPARQL 1.1 protocol's query operation; refuses the update operation."""

    server: SparqlServer
    server_version = "msc-graph"
    timeout = IDLE_TIMEOUT_S

    def _host_allowed(self) -> bool:
        """Refuse a request whose Host header names another machine (DNS rebinding); say why."""
        host = self.headers.get("Host")
        if host is None:
            return True  # HTTP/1.0 clients may omit it; a browser never does
        name = host.strip().lower()
        name = name[1 : name.index("]")] if name.startswith("[") and "]" in name else name.rsplit(":", 1)[0]
        if name in self.server.allowed_hosts:
            return True
        self._send_text(
            HTTPStatus.FORBIDDEN, f"Host {host!r} is not served here (serve --allow-host names more)"
        )
        return False

    def do_GET(self) -> None:
        """Serve the query page at ``/``, named queries at ``/named``, queries at ``/query?query=...``."""
        if not self._host_allowed():
            return
        parts = urlsplit(self.path)
        if parts.path in PAGE_FILES:
            name, media = PAGE_FILES[parts.path]
            self._send(HTTPStatus.OK, read_page_file(name), media)
            return
        if parts.path == NAMED_PATH or parts.path.startswith(NAMED_PATH + "/"):
            self._answer_named(unquote(parts.path[len(NAMED_PATH) + 1 :]), parts.query)
            return
        if parts.path not in QUERY_PATHS:
            self._send_text(HTTPStatus.NOT_FOUND, f"no such page: {parts.path}")
            return
        params = parse_qs(parts.query, keep_blank_values=True)
        if "update" in params:
            self._send_text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
            return
        self._answer(params.get("query", [""])[0], params)

    def _answer_named(self, name: str, query: str) -> None:
        """Send the named queries (no name) or the query ``name`` bound to the query string's values.

        The list has the shape of ``mscgraph query --list -f json``, under
        ``queries``, with the predeclared ``prefixes`` the page shortens IRIs with.
        """
        named = self.server.named
        if not name:
            queries = [{k: v for k, v in asdict(q).items() if k != "text"} for q in named.values()]
            self._send_json({"prefixes": self.server.prefixes, "queries": queries})
            return
        if name not in named:
            self._send_text(HTTPStatus.NOT_FOUND, f"no named query {name!r} (GET {NAMED_PATH} lists them)")
            return
        values = {key: items[-1] for key, items in parse_qs(query, keep_blank_values=True).items()}
        try:
            text = self.server.bind_named(name, values)
        except MscGraphError as error:
            self._send_text(HTTPStatus.BAD_REQUEST, str(error))
            return
        self._send_json({"name": name, "query": text})

    def _read_body(self) -> bytes | None:
        """Return the request body, or answer the error and return None.

        Only a Content-Length of digits within MAX_BODY_BYTES is read; a
        chunked or otherwise framed body is refused, never guessed at.
        """
        if self.headers.get("Transfer-Encoding") is not None:
            self.close_connection = True
            self._send_text(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length, not chunked")
            return None
        declared = self.headers.get_all("Content-Length") or []
        if len(declared) != 1 or not declared[0].strip().isdigit() or not declared[0].strip().isascii():
            self.close_connection = True
            self._send_text(HTTPStatus.LENGTH_REQUIRED, "Content-Length must be one number of bytes")
            return None
        length = int(declared[0])
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes")
            return None
        body = self.rfile.read(length)
        if len(body) != length:
            self.close_connection = True
            self._send_text(HTTPStatus.BAD_REQUEST, "the body ended before its Content-Length")
            return None
        return body

    def do_POST(self) -> None:
        """Answer a query posted directly or form-encoded; refuse updates with 403."""
        if not self._host_allowed():
            return
        parts = urlsplit(self.path)
        if parts.path not in QUERY_PATHS:
            self.close_connection = True
            self._send_text(HTTPStatus.NOT_FOUND, f"no such endpoint: {parts.path}")
            return
        raw = self._read_body()
        if raw is None:
            return
        body = raw.decode("utf-8", "replace")
        media = (self.headers.get_content_type() or "").lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._send_text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
            return
        if media == "application/sparql-query":
            self._answer(body, params)
            return
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                self._send_text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
                return
            self._answer(form.get("query", [""])[0], {**params, **form})
            return
        self._send_text(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a form-encoded query="
        )

    def _answer(self, query: str, params: Mapping[str, list[str]]) -> None:
        if not query.strip():
            self._send_text(HTTPStatus.BAD_REQUEST, "missing query (give query=...)")
            return
        server = self.server
        request = Request(
            query,
            server.limit,
            serialize=True,
            requested=next(iter(params.get("format") or []), None),
            accept=self.headers.get("Accept", ""),
        )
        try:
            reply = server.pool.ask(request)
            if reply.error is not None:
                raise reply.error
        except RefusedQueryError as error:
            self._send_text(HTTPStatus.FORBIDDEN, str(error))
            return
        except (QueryTimeoutError, QueryBusyError, QueryMemoryError) as error:
            self._send_text(HTTPStatus.SERVICE_UNAVAILABLE, str(error))
            return
        except QueryError as error:
            self._send_text(HTTPStatus.BAD_REQUEST, str(error))
            return
        headers = {}
        if reply.truncated_at is not None:
            headers["X-Result-Truncated"] = f"capped at {reply.truncated_at} rows"
        self._send(HTTPStatus.OK, reply.body, reply.media, headers)

    def _send_json(self, payload: object) -> None:
        self._send(HTTPStatus.OK, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json")

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(
        self, status: HTTPStatus, payload: bytes, media: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Log one line per request on stderr, control characters escaped (stdout stays for the URL)."""
        import sys

        sys.stderr.write(escape_controls(f"{self.address_string()} {format % args}") + "\n")
