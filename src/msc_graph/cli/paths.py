"""The paths command: signed mechanism chains with the evidence of every hop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from msc_graph.cli.options import (
    chosen_project,
    context_filter_options,
    emit,
    format_option,
    graph_options,
    open_chosen_views,
    open_views,
)
from msc_graph.config import DEFAULT_MAX_HOPS, DEFAULT_MAX_PATHS, DEFAULT_TIMEOUT_S
from msc_graph.errors import UsageError
from msc_graph.render import Table

if TYPE_CHECKING:
    from msc_graph.model import Basis


MOST_HOPS = 10
"""The largest --max-hops."""


def _no_chain_hints(
    source: str, target: str, max_hops: int, sign: str | None, filters: dict[str, Any], reverse: bool
) -> list[str]:
    """Return what could find a chain where none was found: only what applies to this call."""
    import shlex

    hints = []
    if reverse:
        hints.append(
            f"chains exist the other way: `mscgraph paths {shlex.quote(target)} {shlex.quote(source)}`"
        )
    given = [
        "--source" if name == "msc_source" else f"--{name}"
        for name, value in filters.items()
        if value and name != "basis"
    ]
    given += ["--basis"] if _bases(filters) else []
    given += ["--sign"] if sign else []
    tries = (["a larger --max-hops"] if max_hops < MOST_HOPS else []) + (
        [f"without {', '.join(given)}"] if given else []
    )
    return hints + ([f"try {' or '.join(tries)}"] if tries else [])


def _bases(filters: dict[str, Any]) -> frozenset[Basis] | None:
    """Return the --basis choice as an EvidenceFilter holds it (None: every basis)."""
    from msc_graph.model import Basis

    chosen = frozenset(Basis(b) for b in filters.get("basis") or ())
    return None if not chosen or chosen == frozenset(Basis) else chosen


@click.command()
@click.argument("source")
@click.argument("target")
@click.option(
    "--max-hops",
    default=DEFAULT_MAX_HOPS,
    show_default=True,
    type=click.IntRange(1, MOST_HOPS),
    help="Longest chain, in edges.",
)
@click.option(
    "--max-paths",
    default=DEFAULT_MAX_PATHS,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Most chains to show.",
)
@click.option(
    "--timeout",
    "timeout_s",
    default=DEFAULT_TIMEOUT_S,
    show_default=True,
    type=click.FloatRange(0.01, 3600),
    help="Stop searching after this many seconds.",
)
@click.option(
    "--sign",
    type=click.Choice(["up", "down"]),
    help="Keep only chains whose net effect on the target is up (↑) or down (↓).",
)
@click.option("--exact", is_flag=True, help="Do not expand SOURCE and TARGET to narrower entities.")
@graph_options("Search")
@click.option(
    "--endpoint",
    metavar="URL",
    help="Search the graph a SPARQL 1.1 endpoint holds (our export, or any RDF) instead of a local one.",
)
@context_filter_options
@format_option("html")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (html).")
@click.pass_context
def paths(
    ctx: click.Context,
    /,
    source: str,
    target: str,
    max_hops: int,
    max_paths: int,
    timeout_s: float,
    sign: str | None,
    exact: bool,
    graph_name: str | None,
    with_curated: bool,
    endpoint: str | None,
    fmt: str,
    output: str | None,
    **filters: str | None,
) -> None:
    r"""Find how SOURCE could reach TARGET: signed chains, each hop with its evidence.

    SOURCE and TARGET are names, synonyms, ids or CURIEs; each is expanded to
    everything below it in the is-a hierarchy ("pain" reaches neuropathic pain
    and mechanical allodynia; "extracellular vesicles" includes exosomes).
    Chains follow causal and carrier edges in the direction of mechanism; a
    "no change" edge stops a chain; "B part of A" is walked A → B only (the
    whole does what its part does). The net sign is the product of hop signs
    (carriers pass the cargo's effect) and is shown as ↓ TARGET or ↑ TARGET;
    a hop of unstated direction ("acts on") makes it unknown, "? TARGET",
    ranked below signed chains and left out by --sign.

    Every piece of evidence shows its basis: stated (the source says it),
    hedged (the author hedges) or inferred (our reading, with what it was
    inferred from); --basis narrows the evidence to some of them.

    \b
    Score (higher first), a product over hops of:
      evidence: 1 - 0.5^n, n summing per support unit (studies cited
        together count once) its best basis: stated 1, hedged 0.5, inferred 0.25
      consistency: 0.5 when a parallel edge carries the opposite sign
      hub damping: (out-degree(u) x in-degree(v))^-0.4, as Hetionet's DWPC
    so short, well-evidenced, sign-consistent chains come first.

    With --graph NAME the search runs over an imported graph; its evidence is
    the provenance each edge was imported with (publication or knowledge
    source, file and line, supporting text).

    With --endpoint URL the same search runs against a SPARQL 1.1 endpoint,
    which is asked for the neighbours of a whole frontier per query; the
    bounds are the same and --timeout is also the deadline of every request
    (past it: an error, exit code 2). On msc-graph RDF (`export -f nt`)
    SOURCE and TARGET are resolved in the local curated graph when there is
    one and it knows them, else on the endpoint: an IRI, a CURIE, or a whole
    rdfs:label or skos:altLabel (any case), expanded through skos:broader and
    rdfs:subClassOf. Context filters need the local curated graph; --basis
    does not.
    """
    from msc_graph.query.filters import EvidenceFilter, build_filter
    from msc_graph.render.paths import build_paths_payload, render_paths_text

    bounds: dict[str, Any] = {
        "max_hops": max_hops,
        "max_paths": max_paths,
        "timeout_s": timeout_s,
        "sign": {"up": 1, "down": -1}.get(sign or ""),
    }
    reverse = False
    if endpoint:
        from msc_graph.interop.endpoint import find_endpoint_paths

        if graph_name or with_curated:
            raise UsageError("give --graph NAME or --endpoint URL, not both")
        project = chosen_project(ctx)
        local = open_views(ctx) if project.root.joinpath("graph_data").is_dir() else None
        if local is None and any(value for name, value in filters.items() if name != "basis"):
            raise UsageError("context filters with --endpoint need the local curated graph to resolve them")
        evidence_filter = (
            build_filter(local.resolver, filters) if local else EvidenceFilter(basis=_bases(filters))
        )
        prefixes = local.prefixes if local else project.read_prefixes(default={})
        search, model = find_endpoint_paths(
            endpoint,
            source,
            target,
            prefixes,
            resolver=local.resolver if local else None,
            exact=exact,
            evidence_filter=evidence_filter,
            model=local.model if local else None,
            **bounds,
        )
    else:
        from msc_graph.query.paths import find_paths

        views = open_chosen_views(ctx, graph_name, with_curated)
        resolver = views.resolver
        # a component shared by composites (PI3K) names them all: the search starts from each
        source_ids = [m.id for m in resolver.resolve_all(source)]
        target_ids = [m.id for m in resolver.resolve_all(target)]
        sources = source_ids if exact else list(resolver.iter_descendants(source_ids))
        targets = target_ids if exact else list(resolver.iter_descendants(target_ids))
        evidence_filter = build_filter(resolver, filters)
        search = find_paths(
            views.path_network,
            sources,
            targets,
            evidence_filter=evidence_filter,
            model=views.model,
            **bounds,
        )
        model, prefixes = views.model, views.prefixes
        if fmt in ("text", "html") and not search.paths and not search.truncated:
            # one more bounded search, for the hint that chains run the other way
            other_way = {**bounds, "max_paths": 1, "sign": None}
            found = find_paths(
                views.path_network, targets, sources, evidence_filter=evidence_filter, **other_way
            )
            reverse = bool(found.paths)
    search.limits["filters"] = evidence_filter.as_dict()
    payload = build_paths_payload(model, search)
    hints = _no_chain_hints(source, target, max_hops, sign, filters, reverse) if not search.paths else []
    if fmt == "html":
        from msc_graph.render.html import render_paths_html

        html = render_paths_html(model, search, prefixes=prefixes, hints=hints)
        path = output or "paths.html"
        from pathlib import Path

        from msc_graph.views.cache import write_atomic

        write_atomic(Path(path), html.encode("utf-8"))
        click.echo(f"wrote {path} ({len(search.paths)} chains)")
        return
    if fmt == "text":
        click.echo(render_paths_text(payload, hints))
        return
    rows = [
        [
            str(number),
            f"{p['score']:.4g}",
            str(p["net_sign"]),
            " > ".join(n["label"] for n in p["nodes"]),
            " ; ".join(f"{h['subject']} {h['predicate']} {h['object']}" for h in p["hops"]),
        ]
        for number, p in enumerate(payload["paths"], 1)
    ]
    emit(fmt, Table(["rank", "score", "net_sign", "nodes", "hops"], rows), payload)


COMMANDS = [paths]
