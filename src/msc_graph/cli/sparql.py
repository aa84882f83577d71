"""SPARQL commands: sparql, query (named queries), serve (an endpoint) and export.

Every query, typed or named, on the curated graph, on an imported one
(``--graph NAME``) or sent to ``--endpoint``, passes the read-only guard of
:mod:`msc_graph.query.sparql` first; results are capped at ``--limit`` rows and
stopped at ``--timeout`` seconds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from msc_graph.cli.options import basis_option, chosen_project, open_views, text_width, width_option
from msc_graph.errors import UsageError
from msc_graph.interop.export import EXPORT_FORMATS
from msc_graph.query.sparql import DEFAULT_LIMIT, DEFAULT_TIMEOUT_S, MAX_RUNNING, RESULT_FORMATS
from msc_graph.query.sparql.workers import DEFAULT_MEMORY_MIB

if TYPE_CHECKING:
    from msc_graph.config import Project
    from msc_graph.query.sparql import NamedQuery, QueryResult
    from msc_graph.query.sparql.terms import UnknownTerm
    from msc_graph.views.graphs import Views

F = TypeVar("F", bound=Callable[..., Any])


def bound_options(limit_help: str, timeout_help: str, memory_help: str) -> Callable[[F], F]:
    """Return the --limit, --timeout and --memory-limit options every query runs under.

    ``sparql``, ``query`` and ``serve`` share them, each with its own help.
    """
    options = [
        click.option(
            "--limit",
            type=click.IntRange(min=0),
            default=DEFAULT_LIMIT,
            show_default=True,
            help=limit_help,
        ),
        click.option(
            "--timeout",
            "timeout_s",
            type=click.FloatRange(min=0),
            default=DEFAULT_TIMEOUT_S,
            show_default=True,
            help=timeout_help,
        ),
        click.option(
            "--memory-limit",
            "memory_mib",
            type=click.IntRange(min=0),
            default=DEFAULT_MEMORY_MIB,
            show_default=True,
            metavar="MIB",
            help=memory_help,
        ),
    ]

    def decorate(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def query_options(function: F) -> F:
    """Add the options shared by ``sparql`` and ``query``: format, width, bounds, endpoint, graph."""
    function = click.option(
        "--graph",
        "graph_name",
        metavar="NAME",
        help="Query the persistent store of "
        "an imported graph (mscgraph import) instead of the curated graph.",
    )(function)
    function = click.option(
        "--endpoint",
        metavar="URL",
        help="Send the query to this SPARQL 1.1 endpoint over HTTP instead of querying the local graph.",
    )(function)
    function = bound_options(
        "Most rows (or triples) to return (0: no cap); a note says when the result was cut.",
        "Stop the query after this many seconds (0: no deadline).",
        "Stop a local query that needs more than this much memory, in MiB (0: no limit).",
    )(function)
    function = width_option(function)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(RESULT_FORMATS),
        default=None,
        help="Output format: text (table), json (SPARQL 1.1 results JSON), csv, tsv; "
        "ttl or nt for CONSTRUCT / DESCRIBE (default: text, or ttl for graphs).",
    )(function)


def _project_prefixes(ctx: click.Context) -> dict[str, str]:
    """Return the project's prefix map, or the built-in one when no project is at hand."""
    from msc_graph.query.sparql import DEFAULT_PREFIXES

    prefixes: dict[str, str] = chosen_project(ctx).read_prefixes(default=DEFAULT_PREFIXES)
    return prefixes


def _read_query_argument(query: str) -> str:
    """Return the query text of QUERY: itself, stdin for ``-``, a file's content for ``@file``."""
    if query == "-":
        return sys.stdin.read()
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot read query file {path}: {error.strerror}") from None
    return query


def _open_local(ctx: click.Context, graph_name: str | None, endpoint: str | None) -> Views | None:
    """Return the views a query runs on: an imported graph's, the curated graph's, or None for --endpoint.

    Raises:
        UsageError: both --graph and --endpoint were given.
        UnknownGraphError: no graph is imported under ``graph_name`` (the message lists those there are).
    """
    if endpoint:
        if graph_name:
            raise UsageError("give --graph NAME or --endpoint URL, not both")
        return None
    if graph_name:
        return _open_imported(graph_name, chosen_project(ctx))
    views: Views = open_views(ctx)
    return views


def _open_imported(graph_name: str, project: Project) -> Views:
    """Open an imported graph for SPARQL, saying on stderr when its store holds no provenance.

    Without that note, a query over a graph imported with
    --no-store-provenance would answer "no publications" where the source
    gave some.
    """
    from msc_graph.interop.imported import open_imported

    views = open_imported(graph_name, project)
    if not views.graph.store_provenance:
        click.echo(
            f"note: {graph_name} was imported with --no-store-provenance: its store holds the "
            "graph's own triples, not the edges' provenance (publications, knowledge sources, "
            "supporting text); import it again without the flag to query those",
            err=True,
        )
    return views


def _execute(
    ctx: click.Context,
    text: str,
    endpoint: str | None,
    timeout_s: float,
    limit: int,
    memory_mib: int,
    views: Views | None,
) -> tuple[QueryResult, dict[str, str]]:
    """Run the query on --endpoint, or locally in a worker process that opens the store itself.

    Terms it names that the graph does not have are warned about once it has run (see
    :func:`_find_unknown_terms`).
    """
    from msc_graph.model.names import escape_controls
    from msc_graph.query.sparql import run_remote
    from msc_graph.query.sparql.workers import run_isolated

    if views is None:
        prefixes = _project_prefixes(ctx)
        unknown = _find_unknown_terms(ctx, text, prefixes, None)
        result = run_remote(str(endpoint), text, prefixes, timeout_s=timeout_s, limit=limit)
    else:
        opened, prefixes = views, views.prefixes
        unknown = _find_unknown_terms(ctx, text, prefixes, views)
        result = run_isolated(
            lambda: opened.store, text, prefixes, timeout_s=timeout_s, limit=limit, memory_mib=memory_mib
        )
    for term in unknown:
        click.echo(escape_controls(f"warning: {term}"), err=True)
    return result, prefixes


def _find_unknown_terms(
    ctx: click.Context, text: str, prefixes: dict[str, str], views: Views | None
) -> list[UnknownTerm]:
    """Return the msc: terms, and on the curated graph the entity ids, the query names that do not exist.

    A typo there (msc:decrease) is valid SPARQL that silently matches nothing;
    the query still runs. Without the project's ontology there is nothing to check against.
    """
    from msc_graph.query.sparql.terms import find_unknown_terms, read_vocabulary
    from msc_graph.views.graphs import GraphViews

    vocabulary = read_vocabulary(chosen_project(ctx).ontology_files())
    if not vocabulary:
        return []
    entities = views.model.entities if isinstance(views, GraphViews) else None
    return find_unknown_terms(text, prefixes, vocabulary, entities)


def _emit_result(result: QueryResult, fmt: str | None, prefixes: dict[str, str]) -> None:
    from msc_graph.query.sparql import serialize_result

    fmt = fmt or ("ttl" if result.is_graph else "text")
    note = (
        f"note: result capped at {result.limit} rows; raise --limit to see more" if result.truncated else None
    )
    if fmt != "text":
        click.echo(serialize_result(result, fmt, prefixes), nl=False)
        if note:
            click.echo(note, err=True)
        return
    from msc_graph.render import Table
    from msc_graph.render.text import render_text

    columns, rows = result.table()
    cells = [["" if term is None else term.compact(prefixes) for term in row] for row in rows]
    footer = [f"\n{len(rows)} row(s)"] + ([note] if note else [])
    click.echo(render_text(Table(columns, cells, footer=footer), text_width()))


@click.command()
@click.argument("query")
@query_options
@click.pass_context
def sparql(
    ctx: click.Context,
    query: str,
    fmt: str | None,
    limit: int,
    timeout_s: float,
    memory_mib: int,
    endpoint: str | None,
    graph_name: str | None,
) -> None:
    """Run a read-only SPARQL query: QUERY is the text, - for stdin, or @file.rq.

    SELECT, ASK, CONSTRUCT and DESCRIBE run on the local graph (Oxigraph), on
    an imported graph's store (--graph NAME) or on --endpoint. Prefixes msc:,
    entity:, study:, assertion:, evidence:, rdfs:, skos:, dcterms: ...
    (ontology/prefixes.json) are predeclared. Updates, SERVICE and FROM with a
    non-local IRI are refused; a syntax error shows its line and column. A
    local query runs in a process of its own, stopped at --timeout or when it
    needs more than --memory-limit. Exit code 2 for a refused, malformed,
    timed-out or too large query, or an unknown graph.
    """
    text = _read_query_argument(query)
    views = _open_local(ctx, graph_name, endpoint)
    result, prefixes = _execute(ctx, text, endpoint, timeout_s, limit, memory_mib, views)
    _emit_result(result, fmt, prefixes)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {item!r}: expected KEY=VALUE")
        values[key.strip()] = value
    return values


def _list_queries(fmt: str | None) -> None:
    from dataclasses import asdict

    from msc_graph.query.sparql import iter_named_queries
    from msc_graph.render import Table, render

    queries = list(iter_named_queries())
    if fmt in ("ttl", "nt", "csv"):
        raise UsageError("--list prints text, json or tsv")
    payload = [{k: v for k, v in asdict(q).items() if k != "text"} for q in queries]
    rows = [[q.name, q.title, ", ".join(f"{p.name}={p.default}" for p in q.params)] for q in queries]
    click.echo(render(fmt or "text", Table(["name", "title", "params"], rows), payload, text_width()))


@click.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Set a parameter of the query (repeatable); see --list for each query's.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option(
    "--show",
    is_flag=True,
    help="Print the query with its parameters bound, and the PREFIX lines it uses, instead of running it.",
)
@query_options
@click.pass_context
def query(
    ctx: click.Context,
    name: str | None,
    params: tuple[str, ...],
    list_queries: bool,
    show: bool,
    fmt: str | None,
    limit: int,
    timeout_s: float,
    memory_mib: int,
    endpoint: str | None,
    graph_name: str | None,
) -> None:
    """Run the named query NAME (shipped as msc_graph/queries/NAME.rq).

    It runs on the curated graph, on an imported graph's store (--graph NAME;
    the queries expect our vocabulary, as `export -f nt|ttl` then `import`
    keeps it) or on --endpoint. Parameters are bound as SPARQL terms, never
    spliced as text: an entity parameter takes an id, label, synonym or CURIE
    (resolved like `mscgraph resolve`, among the imported graph's nodes with
    --graph; with --endpoint an id, CURIE or IRI), a text parameter any
    string. `mscgraph query --list` lists the queries, their parameters and
    defaults (-f json for machines).
    """
    from msc_graph.query.sparql import find_named_query, prepare_query, resolve_parameter

    if list_queries:
        _list_queries(fmt)
        return
    if not name:
        raise UsageError("give a query NAME, or --list to see them")
    named: NamedQuery = find_named_query(name)
    values = _parse_params(params)
    views = _open_local(ctx, graph_name, endpoint)
    if views is None:
        text = named.bind(values, _project_prefixes(ctx))
    else:
        text = named.bind(values, views.prefixes, resolve_parameter(views))
    if show:
        # the text the engine runs: PREFIX lines for the prefixes it uses, so it runs anywhere
        shown = prepare_query(text, _project_prefixes(ctx) if views is None else views.prefixes).text
        click.echo(shown, nl=not shown.endswith("\n"))
        return
    result, prefixes = _execute(ctx, text, endpoint, timeout_s, limit, memory_mib, views)
    _emit_result(result, fmt, prefixes)


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; anything but loopback needs --public.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Allow --host to be an address other machines can reach (the graph is then theirs to query).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (repeatable); by default only this "
    "machine's names and the bound address are answered, against DNS rebinding.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7878,
    show_default=True,
    help="Port to listen on (0 picks a free one).",
)
@bound_options(
    "Most rows (or triples) one query returns (0: no cap).",
    "Stop each query after this many seconds (0: no deadline); its worker is killed and replaced.",
    "Memory one query may use beyond its worker's store, in MiB (0: no limit); past it the "
    "query is stopped with 503 and the worker replaced.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=MAX_RUNNING,
    show_default=True,
    help="Queries run at once, each in a worker process (one more is kept for short queries).",
)
@click.option(
    "--graph",
    "graph_name",
    metavar="NAME",
    help="Serve the persistent store of an imported graph (mscgraph import) instead of the curated graph.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    public: bool,
    allow_hosts: tuple[str, ...],
    port: int,
    limit: int,
    timeout_s: float,
    memory_mib: int,
    workers: int,
    graph_name: str | None,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint, with a query page at /.

    Queries go to /query (GET ?query=, POST application/sparql-query or
    form-encoded). Updates are refused with HTTP 403, as are SERVICE and FROM
    with a non-local IRI; each query stops at --timeout and returns at most
    --limit rows. Queries run in --workers worker processes; one that runs past
    --timeout or --memory-limit is stopped and its worker replaced, so it
    costs one worker, never the server. Listens on 127.0.0.1; another --host
    needs --public. Ctrl-C stops.
    """
    import signal
    from functools import partial

    from msc_graph.query.sparql import resolve_parameter
    from msc_graph.server import build_server, is_loopback, open_store

    if not is_loopback(host) and not public:
        raise UsageError(
            f"--host {host} lets other machines query the graph; add --public if that is what you want"
        )
    project = chosen_project(ctx)
    if graph_name:
        views: Views = _open_imported(graph_name, project)
    else:
        views = open_views(ctx)  # the curated data is checked here, before any worker starts
    try:
        server = build_server(
            partial(open_store, project, graph_name),
            views.prefixes,
            host=host,
            port=port,
            timeout_s=timeout_s,
            limit=limit,
            max_running=workers,
            memory_mib=memory_mib,
            allow_hosts=allow_hosts,
            resolve=resolve_parameter(views),  # the query page binds parameters as `query --param` does
        )
    except OSError as error:
        raise UsageError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    if not is_loopback(host):
        click.echo(f"warning: listening on {host}: other machines can query the graph", err=True)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    click.echo(f"serving SPARQL at {server.url}query (query page {server.url}); Ctrl-C stops")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    click.echo("stopped", err=True)


@click.command()
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="ttl",
    show_default=True,
    help="ttl: graph and ontology as Turtle; nt: the graph's own triples, sorted "
    "(diff-friendly); jsonld: JSON-LD with our prefixes as context; graphml: the network "
    "view; kgx: KGX TSV (PATH_nodes.tsv and PATH_edges.tsv) with Biolink categories, "
    "predicates and provenance columns; cytoscape: Cytoscape.js JSON; csv: one row per "
    "piece of evidence.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write (- for stdout); replaced atomically. For kgx, the stem of the two files.",
)
@basis_option
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str, basis: tuple[str, ...]) -> None:
    """Export the graph as RDF, GraphML, KGX TSV, Cytoscape.js JSON or a flat CSV.

    Every format keeps each evidence's basis (RDF msc:basis and its ECO class,
    the CSV's basis column, KGX has_evidence and msc_basis); --basis exports
    only the evidence of those bases (assertions left without any go).
    """
    from msc_graph.interop.export import export_files
    from msc_graph.query.filters import build_filter, filter_model
    from msc_graph.views import GraphViews
    from msc_graph.views.cache import write_atomic

    views = open_views(ctx)
    narrowed = filter_model(views.model, build_filter(views.resolver, {"basis": basis}))
    if narrowed is not views.model:
        views = GraphViews(views.project, narrowed)
    files = export_files(views, fmt)
    if len(files) > 1 and output == "-":
        raise click.UsageError(f"{fmt} writes {len(files)} files: give -o PATH (the stem of their names)")
    for file in files:
        if output == "-":
            click.echo(file.data.decode("utf-8"), nl=False)
            continue
        stem = Path(output)
        target = stem.with_name(stem.name.removesuffix(".tsv") + file.suffix) if file.suffix else stem
        write_atomic(target, file.data)
        click.echo(f"wrote {file.holds} to {target}", err=True)


COMMANDS = [sparql, query, serve, export]
