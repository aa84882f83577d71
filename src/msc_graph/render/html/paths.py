"""The paths page: only the nodes and hops of the chains a path search found, each chain listed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from msc_graph.model import Evidence, GraphModel
from msc_graph.render.html.graph import render_graph_html
from msc_graph.render.html.viz import PageBuilder, VizChain, VizGraph, plain_label
from msc_graph.render.paths import net_arrow

if TYPE_CHECKING:
    from msc_graph.query.paths import PathSearch


def build_paths_graph(
    model: GraphModel,
    search: PathSearch,
    prefixes: Mapping[str, str] | None = None,
    hints: Sequence[str] = (),
) -> VizGraph:
    """Return a page of only the nodes and hops of the found chains, each chain listed.

    ``hints`` follow "No chain found" when there is none, as in the text output.
    """
    hops: dict[str, tuple[str, str, str]] = {}
    hop_evidence: dict[str, list[Evidence]] = {}
    order: list[str] = []
    chains = []
    for path in search.paths:
        edge_ids = []
        for hop in path.hops:
            # drawn as the assertion reads: a part-of hop walked whole → part points part → whole
            edge = (
                (hop.object, hop.predicate, hop.subject)
                if hop.reversed
                else (hop.subject, hop.predicate, hop.object)
            )
            edge_id = "|".join(edge)
            edge_ids.append(edge_id)
            hops.setdefault(edge_id, edge)
            known_evidence = hop_evidence.setdefault(edge_id, [])
            known_evidence.extend(e for e in hop.evidence if e not in known_evidence)
        for node in path.nodes:
            if node not in order:
                order.append(node)
        arrow = net_arrow(path.net_sign)
        chain = " → ".join(plain_label(model, n) for n in path.nodes)
        chains.append(
            VizChain(
                f"{arrow} {plain_label(model, path.nodes[-1])} (score {path.score:.3g}): {chain}",
                path.nodes,
                tuple(edge_ids),
            )
        )
    sources = ", ".join(plain_label(model, s) for s in search.sources[:3])
    targets = ", ".join(plain_label(model, t) for t in search.targets[:3])
    subtitle = f"{len(search.paths)} chain(s) from {sources} to {targets}"
    if search.truncated:
        subtitle += " (search cut short: " + "; ".join(search.reasons) + ")"
    graph = VizGraph(
        f"msc-graph paths: {sources} → {targets}",
        subtitle=subtitle,
        chains=tuple(chains),
        edge_labels=True,
        flow=True,
        empty_message="No chain found within the limits" + "".join(f"; {hint}" for hint in hints) + ".",
    )
    page = PageBuilder(model, prefixes, graph)
    starts = {path.nodes[0] for path in search.paths}
    ends = {path.nodes[-1] for path in search.paths}
    for node in order:
        page.add_entity(node, "source" if node in starts else "target" if node in ends else None)
    for edge_id, (subject, predicate, obj) in hops.items():
        page.add_edge(subject, predicate, obj, hop_evidence[edge_id])
    return graph


def render_paths_html(
    model: GraphModel,
    search: PathSearch,
    prefixes: Mapping[str, str] | None = None,
    hints: Sequence[str] = (),
) -> str:
    """Return a page drawing only the nodes and hops of the found chains.

    Sources and targets are drawn with a heavy border, the chains are listed
    in the side panel (the best one selected once the layout settles), and
    every hop's tooltip lists the evidence that survived the search's filters.
    ``prefixes`` turns cross-references into links (plain CURIEs without it).
    """
    return render_graph_html(build_paths_graph(model, search, prefixes, hints))
