"""The client for ``--endpoint``: a query sent to a SPARQL 1.1 endpoint over HTTP."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msc_graph.errors import QueryError
from msc_graph.query.sparql.engine import DEFAULT_LIMIT, DEFAULT_TIMEOUT_S, call_with_deadline
from msc_graph.query.sparql.guard import PreparedQuery, prepare_query
from msc_graph.query.sparql.results import QueryResult, from_oxigraph, read_json_results

MAX_ANSWER_BYTES = 64 * 1024 * 1024
"""Most bytes read from an endpoint's answer; a larger one is refused as it streams in, never buffered."""


def run_remote(
    endpoint: str,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Send a query to a SPARQL 1.1 endpoint over HTTP (the protocol's form-encoded POST).

    The read-only guard runs here, client-side, before anything is sent.
    Table results are asked for as SPARQL JSON, graphs as N-Triples (Turtle
    accepted); both are cut at ``limit``.

    Raises:
        RefusedQueryError: the guard refused the query.
        QueryError: the endpoint is unreachable, answered with an error, or sent an unreadable
            result.
        QueryTimeoutError: the deadline passed.
    """
    check_endpoint(endpoint)
    prepared = prepare_query(text, prefixes)
    return call_with_deadline(
        lambda cancelled: _fetch_remote(endpoint, prepared, timeout_s, limit), timeout_s
    )


def check_endpoint(endpoint: str) -> None:
    """Refuse an endpoint that is not an http(s) URL (file:, ftp: ... are never opened).

    Raises:
        QueryError: it is not.
    """
    from urllib.parse import urlsplit

    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise QueryError(f"endpoint {endpoint!r} is not an http(s) URL")


def select_remote(endpoint: str, text: str, *, timeout_s: float | None) -> QueryResult:
    """Send a SELECT query the package wrote itself to an endpoint; return every row.

    For the queries of :mod:`msc_graph.interop.endpoint` (path search asking
    for neighbours): they hold no text of the user's but IRIs and escaped
    literals, so the read-only guard (and its rdflib parse, ~0.3 s to import)
    is skipped; the answer is still capped at MAX_ANSWER_BYTES and the call
    at ``timeout_s``.

    Raises:
        QueryError: as :func:`run_remote`.
        QueryTimeoutError: the deadline passed.
    """
    check_endpoint(endpoint)
    prepared = PreparedQuery(text, "SELECT")
    return call_with_deadline(lambda cancelled: _fetch_remote(endpoint, prepared, timeout_s, 0), timeout_s)


def _fetch_remote(endpoint: str, prepared: PreparedQuery, timeout_s: float | None, limit: int) -> QueryResult:
    import urllib.error
    import urllib.parse
    import urllib.request

    accept = (
        "application/n-triples, text/turtle;q=0.9" if prepared.is_graph else "application/sparql-results+json"
    )
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": prepared.text}).encode("utf-8"),
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "msc-graph",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s or None) as response:
            body = _read_capped(response, endpoint)
            media_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip()[:500]
        raise QueryError(f"endpoint answered HTTP {error.code}: {detail or error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise QueryError(f"cannot reach endpoint {endpoint}: {error}") from None
    if prepared.is_graph:
        return _read_remote_graph(body, media_type, prepared.form, limit)
    return read_json_results(body, prepared.form, limit)


def _read_capped(response: Any, endpoint: str) -> bytes:
    """Read an answer of at most MAX_ANSWER_BYTES, stopping as soon as it is over (whatever it declares)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise QueryError(
                f"{endpoint} sent more than {MAX_ANSWER_BYTES // (1024 * 1024)} MiB; "
                "narrow the query or add a LIMIT to it"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _read_remote_graph(body: bytes, media_type: str, form: str, limit: int) -> QueryResult:
    import pyoxigraph

    rdf_format = (
        pyoxigraph.RdfFormat.TURTLE if media_type == "text/turtle" else pyoxigraph.RdfFormat.N_TRIPLES
    )
    try:
        quads = list(pyoxigraph.parse(body, format=rdf_format))
    except (SyntaxError, ValueError) as error:
        raise QueryError(f"the endpoint sent an unreadable graph ({error})") from None
    triples = [
        (from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object))
        for q in quads[: limit or None]
    ]
    return QueryResult(form, triples=triples, truncated=bool(limit) and len(quads) > limit, limit=limit)
