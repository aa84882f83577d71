"""A read-only SPARQL 1.1 protocol endpoint over the built graph, with a minimal query page.

Served from Python (``http.server.ThreadingHTTPServer``) over the same
in-memory pyoxigraph store the CLI queries, rather than the ``oxigraph``
server binary behind a checking proxy: one process, no data directory to
load and keep in step, and every request goes through the guard of
:mod:`msc_graph.query.sparql` (updates, SERVICE and remote FROM refused), its
deadline and its row cap. pyoxigraph releases the GIL while it evaluates, so
requests run in parallel; at most ``max_running`` queries run at once, a
timed-out query still finishing included, so abandoned queries cannot pile up.

Routes: ``GET /`` the query page; ``GET /query?query=...`` and ``POST /query``
(``application/sparql-query`` body, or form-encoded ``query=``) per the SPARQL
1.1 protocol (``/sparql`` is an alias). Results are negotiated from ``Accept``
(or a ``format=`` parameter): SPARQL JSON by default, CSV, TSV; Turtle or
N-Triples for graphs. Errors: 400 syntax, 403 refused (updates, SERVICE),
503 timeout or busy, with the message as plain text.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from msc_graph.errors import QueryError
from msc_graph.query.sparql import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_RUNNING,
    MEDIA_TYPES,
    QueryBusyError,
    QueryTimeoutError,
    RefusedQueryError,
    prepare_query,
    run_prepared,
    serialize_result,
)

if TYPE_CHECKING:
    import pyoxigraph

MAX_BODY_BYTES = 1_000_000
"""Largest request body accepted (a query, not an upload)."""
QUERY_PATHS = ("/query", "/sparql")


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server that holds the store and the query limits its handlers use."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        store: pyoxigraph.Store,
        prefixes: Mapping[str, str],
        *,
        timeout_s: float | None = DEFAULT_TIMEOUT_S,
        limit: int = DEFAULT_LIMIT,
        max_running: int = MAX_RUNNING,
    ) -> None:
        import socket

        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)
        self.store = store
        self.prefixes = dict(prefixes)
        self.timeout_s = timeout_s
        self.limit = limit
        self.slots = threading.BoundedSemaphore(max_running)

    @property
    def url(self) -> str:
        """Return the base URL the server listens on (``http://host:port/``)."""
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


def build_server(
    store: pyoxigraph.Store,
    prefixes: Mapping[str, str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
    max_running: int = MAX_RUNNING,
) -> SparqlServer:
    """Return a bound, not yet serving, SPARQL endpoint (port 0 picks a free port).

    Raises:
        OSError: the address cannot be bound (port in use, unknown host).
    """
    return SparqlServer(
        (host, port), store, prefixes, timeout_s=timeout_s, limit=limit, max_running=max_running
    )


def _choose_format(accept: str, requested: str | None, is_graph: bool) -> str:
    """Pick a result format from ``format=`` or the Accept header (first match in its order)."""
    aliases = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "sparql-json": "json"}
    if requested:
        chosen = aliases.get(requested, requested)
        if chosen in MEDIA_TYPES:
            return chosen
    by_type = {media: fmt for fmt, media in MEDIA_TYPES.items()}
    by_type.update(
        {"application/json": "json", "text/plain": "nt" if is_graph else "tsv", "application/x-turtle": "ttl"}
    )
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        fmt = by_type.get(media)
        if fmt is not None and (fmt in ("ttl", "nt")) == is_graph:
            return fmt
    return "ttl" if is_graph else "json"


class SparqlHandler(BaseHTTPRequestHandler):
    """Answers the SPARQL 1.1 protocol's query operation; refuses the update operation."""

    server: SparqlServer
    server_version = "msc-graph"

    def do_GET(self) -> None:
        """Serve the query page at ``/`` and queries at ``/query?query=...``."""
        parts = urlsplit(self.path)
        if parts.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, QUERY_PAGE.encode("utf-8"), "text/html; charset=utf-8")
            return
        if parts.path not in QUERY_PATHS:
            self._send_text(HTTPStatus.NOT_FOUND, f"no such page: {parts.path}")
            return
        params = parse_qs(parts.query, keep_blank_values=True)
        if "update" in params:
            self._send_text(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: the graph is read-only")
            return
        self._answer(params.get("query", [""])[0], params)

    def do_POST(self) -> None:
        """Answer a query posted directly or form-encoded; refuse updates with 403."""
        parts = urlsplit(self.path)
        if parts.path not in QUERY_PATHS:
            self._send_text(HTTPStatus.NOT_FOUND, f"no such endpoint: {parts.path}")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
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
        try:
            prepared = prepare_query(query, server.prefixes)
            result = run_prepared(
                server.store, prepared, timeout_s=server.timeout_s, limit=server.limit, slots=server.slots
            )
            fmt = _choose_format(
                self.headers.get("Accept", ""),
                next(iter(params.get("format") or []), None),
                prepared.is_graph,
            )
            payload = serialize_result(result, fmt, server.prefixes).encode("utf-8")
        except RefusedQueryError as error:
            self._send_text(HTTPStatus.FORBIDDEN, str(error))
            return
        except (QueryTimeoutError, QueryBusyError) as error:
            self._send_text(HTTPStatus.SERVICE_UNAVAILABLE, str(error))
            return
        except QueryError as error:
            self._send_text(HTTPStatus.BAD_REQUEST, str(error))
            return
        headers = {}
        if result.truncated:
            headers["X-Result-Truncated"] = f"capped at {result.limit} rows"
        media = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "json" else "")
        self._send(HTTPStatus.OK, payload, media, headers)

    def _send_text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(
        self, status: HTTPStatus, payload: bytes, media: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        """Log one line per request on stderr (stdout stays for the URL)."""
        import sys

        sys.stderr.write(f"{self.address_string()} {format % args}\n")


QUERY_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>msc-graph SPARQL</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 1.5rem; max-width: 70rem; }
 textarea { width: 100%; height: 14rem; font-family: ui-monospace, monospace; font-size: 0.9rem; }
 table { border-collapse: collapse; margin-top: 1rem; font-size: 0.85rem; }
 th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
 th { background: #f3f3f3; }
 pre { background: #f7f7f7; padding: 0.5rem; overflow: auto; }
 .error { color: #a00; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>msc-graph SPARQL</h1>
<p>Read-only endpoint at <code>/query</code> (SPARQL 1.1 protocol). Prefixes msc:, entity:,
study:, assertion:, evidence:, rdf:, rdfs:, skos:, dcterms: &hellip; are predeclared.</p>
<form id="form">
<textarea id="query" name="query" spellcheck="false">SELECT ?label ?type (COUNT(?node) AS ?count)
WHERE {
  ?node a ?class .
  ?class rdfs:label ?label ; msc:typeSlug ?type .
}
GROUP BY ?label ?type
ORDER BY DESC(?count)</textarea>
<p><label>Format
<select id="format">
 <option value="json">table</option><option value="csv">CSV</option>
 <option value="tsv">TSV</option><option value="ttl">Turtle (graphs)</option>
 <option value="nt">N-Triples (graphs)</option>
</select></label>
<button type="submit">Run</button> <span id="status"></span></p>
</form>
<div id="result"></div>
<script>
const form = document.getElementById("form");
const result = document.getElementById("result");
const status = document.getElementById("status");
function cell(term) {
  if (!term) return "";
  return term.type === "literal" && term["xml:lang"] ? term.value + "@" + term["xml:lang"] : term.value;
}
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  result.textContent = "";
  status.textContent = "running...";
  const format = document.getElementById("format").value;
  const body = new URLSearchParams({query: document.getElementById("query").value, format});
  const started = performance.now();
  const response = await fetch("query", {method: "POST", body});
  const text = await response.text();
  const capped = response.headers.get("X-Result-Truncated");
  status.textContent = response.status + " in " + Math.round(performance.now() - started) + " ms"
    + (capped ? " (" + capped + ")" : "");
  if (!response.ok) {
    const error = document.createElement("p");
    error.className = "error";
    error.textContent = text;
    result.appendChild(error);
    return;
  }
  if (!(response.headers.get("Content-Type") || "").startsWith("application/sparql-results+json")) {
    const pre = document.createElement("pre");
    pre.textContent = text;
    result.appendChild(pre);
    return;
  }
  const data = JSON.parse(text);
  if ("boolean" in data) {
    result.textContent = String(data.boolean);
    return;
  }
  const table = document.createElement("table");
  const head = table.insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  for (const binding of data.results.bindings) {
    const row = table.insertRow();
    for (const name of data.head.vars) row.insertCell().textContent = cell(binding[name]);
  }
  result.appendChild(table);
  const count = document.createElement("p");
  count.textContent = data.results.bindings.length + " row(s)";
  result.appendChild(count);
});
</script>
</body>
</html>
"""
