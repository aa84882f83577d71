r"""Interactive, self-contained HTML pages of the graph: vis-network, offline, evidence on demand.

Researchers open the page from a file, often on a laptop without network, so
the page loads nothing from outside: vis-network's JavaScript is read from the
copy the pyvis package ships and inlined, the page and its small search /
type-filter script are our own (pyvis's template links Bootstrap and other
CDNs), and a Content-Security-Policy allows only the inline scripts whose
hashes the page itself declares.

Every name, synonym, quote and cross-reference is curated text and may hold
anything (the fixture graph has an entity labelled ``<script>...``), so:

- tooltip and details HTML is built here, with every value passed through
  :func:`html.escape`; the page inserts only these strings as HTML;
- node labels stay plain text (vis-network draws them on a canvas), and the
  page's search box and legend set text with ``textContent`` only;
- the graph data travels as JSON in a ``<script type="application/json">``
  block with ``<``, ``>`` and ``&`` written as ``\u003c``-style escapes, so no
  value can close that block.

Layout: up to :data:`LARGE_GRAPH` nodes, vis-network's physics stabilises the
layout, then physics is switched off so the page stops using CPU. Above it,
positions are precomputed here (type sectors, linear time) and physics stays
off until the reader asks for a re-layout, so 10,000-node pages still open in
seconds. vis-network's own ``add_node`` / ``add_edge`` in pyvis check every
insertion against a list (quadratic), so the vis data is generated here in
one pass instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from msc_graph.filters import EvidenceFilter
from msc_graph.model import FACTOR_TYPES, Context, EntityType, Evidence, GraphModel
from msc_graph.payloads import context_payload
from msc_graph.vocabulary import PREDICATES

if TYPE_CHECKING:
    from msc_graph.paths import PathSearch

LARGE_GRAPH = 1000
"""Node count above which the layout is precomputed and physics starts switched off."""
IMPROVED_LAYOUT_MAX = 150
"""vis-network's improvedLayout (Kamada-Kawai seeding) gets slow above this many nodes."""
HEAVY_EDGES = 3000
"""Above this many edges (or LARGE_GRAPH nodes) edges are drawn solid and straight, for speed."""
STUDY_PREFIX = "study:"
"""Node id prefix of study nodes (only drawn with include_studies), so they never clash with entities."""
STUDY_GROUP = "study"


@dataclass(frozen=True)
class TypeStyle:
    """How one node type is drawn: legend name, vis-network shape, colour, legend symbol."""

    name: str
    shape: str
    color: str
    symbol: str


TYPE_STYLES: dict[str, TypeStyle] = {
    "msc-source": TypeStyle("MSC source", "hexagon", "#6a3d9a", "⬢"),
    "secretome-component": TypeStyle("secretome component", "diamond", "#ff7f00", "◆"),
    "factor": TypeStyle("factor", "dot", "#1f78b4", "●"),
    "growth-factor": TypeStyle("growth factor", "dot", "#6baed6", "●"),
    "cytokine": TypeStyle("cytokine", "dot", "#e377c2", "●"),
    "chemokine": TypeStyle("chemokine", "dot", "#f7b6d2", "●"),
    "enzyme": TypeStyle("enzyme", "dot", "#8c564b", "●"),
    "receptor": TypeStyle("receptor", "square", "#17becf", "■"),
    "microrna": TypeStyle("microRNA", "triangle", "#bcbd22", "▲"),
    "marker": TypeStyle("marker", "triangleDown", "#9edae5", "▼"),
    "chemical": TypeStyle("chemical", "square", "#c49c94", "■"),
    "pathway": TypeStyle("pathway", "star", "#ffbb00", "★"),
    "process": TypeStyle("biological process", "square", "#c5b0d5", "■"),
    "cell-type": TypeStyle("cell type", "triangle", "#98df8a", "▲"),
    "tissue": TypeStyle("tissue", "triangleDown", "#dbdb8d", "▼"),
    "disease-model": TypeStyle("disease model", "diamond", "#7f7f7f", "◆"),
    "disease": TypeStyle("disease", "diamond", "#ad494a", "◆"),
    "phenotype": TypeStyle("phenotype / outcome", "star", "#ff9896", "★"),
    "species": TypeStyle("species", "square", "#393b79", "■"),
    "route": TypeStyle("route of administration", "triangleDown", "#8c6d31", "▼"),
    "external": TypeStyle("external", "dot", "#cccccc", "●"),
    STUDY_GROUP: TypeStyle("study", "box", "#ffffff", "▭"),
}
"""Entity type slug (plus "study") → style; the legend lists types in this order."""


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of edge is drawn: legend name, colour and dash pattern."""

    name: str
    color: str
    dashes: tuple[int, ...] | None = None


EDGE_STYLES: dict[str, EdgeStyle] = {
    "increase": EdgeStyle("increases / activates", "#1a9850"),
    "decrease": EdgeStyle("decreases / inhibits / targets / ameliorates", "#d73027"),
    "no-change": EdgeStyle("no change", "#9e9e9e", (8, 6)),
    "carrier": EdgeStyle("carries / part of / acts on", "#6b6b6b"),
    "descriptive": EdgeStyle("descriptive: marker of, model of, derived from, associated with",
                             "#b5b5b5", (2, 4)),
    "reports": EdgeStyle("study reports on (with --include-studies)", "#d0d0d0", (1, 3)),
}
"""Edge kind → style, in legend order."""

SIGN_TEXT = {1: "↑ increases", -1: "↓ decreases", 0: "no change"}


@dataclass(frozen=True)
class VizNode:
    """A node as the page draws it; ``html`` is the escaped tooltip / details text."""

    id: str
    label: str
    group: str
    html: str
    synonyms: tuple[str, ...] = ()
    role: str | None = None
    """"source" or "target" in a paths page (drawn emphasised), else None."""


@dataclass(frozen=True)
class VizEdge:
    """An edge as the page draws it: one per subject, predicate and object."""

    id: str
    source: str
    target: str
    kind: str
    """A key of EDGE_STYLES."""
    n_studies: int
    html: str
    label: str = ""


@dataclass(frozen=True)
class VizChain:
    """One chain of a paths page, listed in the side panel; clicking it highlights it."""

    text: str
    nodes: tuple[str, ...]
    edges: tuple[str, ...]


@dataclass(frozen=True)
class VizGraph:
    """Everything a page draws: plain records, no pyvis or networkx objects."""

    title: str
    nodes: tuple[VizNode, ...]
    edges: tuple[VizEdge, ...]
    subtitle: str = ""
    chains: tuple[VizChain, ...] = ()
    empty_message: str = "Nothing to draw."


@dataclass(frozen=True)
class VizFocus:
    """Which part of the network a page shows (all fields optional: the whole graph).

    Attributes:
        evidence_filter: keep an edge when at least one of its evidence matches;
            tooltips then list only the matching evidence.
        types: keep only nodes of these entity type slugs (see :func:`expand_types`).
        around: an entity id; keep only nodes within ``depth`` edges of it,
            following edges in both directions.
        depth: neighbourhood radius for ``around``.
        include_studies: also draw one node per study, linked to every entity
            its (matching) evidence is about.
    """

    evidence_filter: EvidenceFilter | None = None
    types: frozenset[str] | None = None
    around: str | None = None
    depth: int = 1
    include_studies: bool = False
    describe: tuple[str, ...] = field(default=())
    """Human-readable lines naming the focus, shown under the page title."""


@dataclass(frozen=True)
class SelectedEdge:
    """An edge kept by :func:`select_subgraph`, with the evidence that still counts."""

    subject: str
    predicate: str
    object: str
    sign: int | None
    role: str
    evidence: tuple[Evidence, ...]
    hidden: int
    """How many pieces of evidence the filter left out."""


def expand_types(names: Iterable[str]) -> frozenset[str]:
    """Return the entity type slugs ``names`` ask for; ``factor`` means every factor type.

    Why: the ontology groups growth factors, cytokines, microRNAs ... under
    Factor, and a reader asking for factors means all of them.
    """
    types: set[str] = set()
    for name in names:
        if name == EntityType.FACTOR.value:
            types.update(t.value for t in FACTOR_TYPES)
        else:
            types.add(name)
    return frozenset(types)


def select_subgraph(
    model: GraphModel, network: Any, focus: VizFocus
) -> tuple[list[str], list[SelectedEdge]]:
    """Return the entity ids and edges a page of ``focus`` draws.

    Rules: an edge is kept when both ends are of the asked ``types`` (the
    ``around`` entity counts as allowed) and at least one of its evidence
    matches the filter (every edge, without a filter). With a filter, only
    nodes that keep an edge are drawn (plus the ``around`` entity); without
    one, every allowed entity is. ``around`` keeps the nodes within ``depth``
    kept edges of it, either direction, and every kept edge among them.

    ``network`` is anything with networkx's adjacency interface: iterating
    gives node ids, ``succ`` / ``pred`` map node → {neighbour: {predicate:
    attrs}} (a networkx MultiDiGraph, or compact.CompactNetwork for imported
    graphs). Cost: linear in nodes + edges for the whole graph; with
    ``around``, linear in the edges within ``depth`` of it, so a
    neighbourhood of a 2M-edge graph stays cheap.
    """
    evidence_filter = focus.evidence_filter
    if evidence_filter is not None and not evidence_filter.active:
        evidence_filter = None
    entities = model.entities

    def allowed(node: str) -> bool:
        if focus.types is None or node == focus.around:
            return True
        entity = entities.get(node)
        return entity is not None and entity.type.value in focus.types

    def iter_kept(subject: str, row: Mapping[str, Mapping[str, Any]],
                  reverse: bool = False) -> Iterable[SelectedEdge]:
        for neighbour, keyed in row.items():
            if not allowed(neighbour):
                continue
            for predicate, attrs in keyed.items():
                evidence: tuple[Evidence, ...] = attrs.get("evidence", ())
                kept = evidence
                if evidence_filter is not None:
                    kept = tuple(e for e in evidence if evidence_filter.matches(e))
                    if not kept:
                        continue
                source, target = (neighbour, subject) if reverse else (subject, neighbour)
                yield SelectedEdge(source, predicate, target, attrs.get("sign"),
                                   attrs.get("role", "descriptive"), kept,
                                   len(evidence) - len(kept))

    if focus.around is not None:
        reached = {focus.around: 0}
        queue = deque([focus.around])
        while queue:
            current = queue.popleft()
            if reached[current] >= focus.depth:
                continue
            for edge in (*iter_kept(current, network.succ.get(current, {})),
                         *iter_kept(current, network.pred.get(current, {}), reverse=True)):
                neighbour = edge.object if edge.subject == current else edge.subject
                if neighbour not in reached:
                    reached[neighbour] = reached[current] + 1
                    queue.append(neighbour)
        candidates: Iterable[str] = sorted(reached, key=lambda n: (reached[n], n))
        inside: Callable[[str], bool] = reached.__contains__
    else:
        candidates = (node for node in network if allowed(node))
        inside = allowed
    nodes: list[str] = []
    edges: list[SelectedEdge] = []
    for node in candidates:
        nodes.append(node)
        edges.extend(e for e in iter_kept(node, network.succ.get(node, {})) if inside(e.object))
    if evidence_filter is not None:
        touched = {e.subject for e in edges} | {e.object for e in edges}
        nodes = [node for node in nodes if node in touched or node == focus.around]
    return nodes, edges


def get_edge_kind(sign: int | None, role: str) -> str:
    """Return the EDGE_STYLES key of an edge: by sign when causal, else by role."""
    if role == "causal" and sign is not None:
        return {1: "increase", -1: "decrease"}.get(sign, "no-change")
    return "carrier" if role == "carrier" else "descriptive"


# --- escaped HTML fragments -------------------------------------------------------------


def _link(iri: str | None, text: str) -> str:
    """Return an escaped link to an http(s) IRI, or the escaped text when there is none."""
    if iri and iri.startswith(("https://", "http://")):
        return (f'<a href="{escape(iri, quote=True)}" target="_blank" '
                f'rel="noopener noreferrer">{escape(text)}</a>')
    return escape(text)


def _plain_label(model: GraphModel, entity_id: str) -> str:
    """Return an entity's label as plain text (for canvas labels and textContent only)."""
    entity = model.entities.get(entity_id)
    return entity.label if entity else entity_id


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class TooltipBuilder:
    """Builds the escaped HTML of tooltips for one model, caching what repeats.

    Why a class: on a 10,000-node graph the same labels, studies and contexts
    recur in tens of thousands of tooltips, and escaping them once each
    halves the build time. Every value that comes from the data passes
    through :func:`html.escape` here; nothing else in the page becomes HTML.
    """

    def __init__(self, model: GraphModel, prefixes: Mapping[str, str] | None = None) -> None:
        self.model = model
        self.prefixes = prefixes
        self._labels: dict[str, str] = {}
        self._studies: dict[str, str] = {}
        self._contexts: dict[Context, str] = {}

    def label(self, entity_id: str) -> str:
        """Return the escaped label of an entity (its escaped id when unknown)."""
        found = self._labels.get(entity_id)
        if found is None:
            entity = self.model.entities.get(entity_id)
            found = self._labels[entity_id] = escape(entity.label if entity else entity_id)
        return found

    def entity(self, entity_id: str, degree: int) -> str:
        """Return the tooltip of an entity: label, type, id, synonyms, xrefs as links, parents."""
        from msc_graph.rdf import expand_curie

        entity = self.model.entities[entity_id]
        style = TYPE_STYLES.get(entity.type.value, TYPE_STYLES["external"])
        parts = [f'<div class="tip-title">{self.label(entity_id)}</div>',
                 f'<div class="tip-meta">{escape(style.name)} · <code>{escape(entity.id)}</code>'
                 f" · {_plural(degree, 'edge', 'edges')} drawn</div>"]
        if entity.synonyms:
            parts.append("<div><b>Synonyms:</b> "
                         + "; ".join(escape(s) for s in entity.synonyms) + "</div>")
        if entity.xrefs:
            links = [_link(expand_curie(x, self.prefixes) if self.prefixes else None, x)
                     for x in entity.xrefs]
            parts.append("<div><b>Cross-references:</b> " + ", ".join(links) + "</div>")
        elif entity.no_xref:
            parts.append(f"<div><b>No cross-reference:</b> {escape(entity.no_xref)}</div>")
        if entity.is_a:
            parts.append("<div><b>Is a:</b> "
                         + ", ".join(self.label(p) for p in entity.is_a) + "</div>")
        return "".join(parts)

    def _study_links(self, study_id: str) -> str:
        study = self.model.studies.get(study_id)
        if study is None:
            return ""
        links = []
        if study.doi:
            links.append(_link("https://doi.org/" + quote(study.doi, safe="/:;()._-"),
                               f"doi:{study.doi}"))
        if study.pmid:
            links.append(_link(f"https://pubmed.ncbi.nlm.nih.gov/{quote(study.pmid)}/",
                               f"PMID:{study.pmid}"))
        return " ".join(links)

    def citation(self, study_id: str) -> str:
        """Return a study's escaped citation in bold, followed by DOI / PMID links."""
        found = self._studies.get(study_id)
        if found is None:
            study = self.model.studies.get(study_id)
            found = f"<b>{escape(study.citation if study else study_id)}</b>"
            links = self._study_links(study_id)
            if links:
                found += " " + links
            self._studies[study_id] = found
        return found

    def study(self, study_id: str, degree: int) -> str:
        """Return the tooltip of a study node: citation, title, journal, DOI / PMID links."""
        study = self.model.studies[study_id]
        parts = [f'<div class="tip-title">{escape(study.citation)}</div>',
                 f'<div class="tip-meta">{"review" if study.review else "study"} · '
                 f"<code>{escape(study.id)}</code> · reports on "
                 f"{_plural(degree, 'drawn entity', 'drawn entities')}</div>"]
        if study.title:
            parts.append(f"<div><i>{escape(study.title)}</i></div>")
        where = ", ".join(escape(str(v)) for v in
                          (study.journal, study.year, study.volume, study.pages) if v)
        if where:
            parts.append(f"<div>{where}</div>")
        links = self._study_links(study_id)
        if links:
            parts.append(f"<div>{links}</div>")
        return "".join(parts)

    def context(self, context: Context) -> str:
        """Return one escaped line naming a context: species, model, source, preparation ..."""
        found = self._contexts.get(context)
        if found is None:
            fields = context_payload(self.model, context)
            species = " ".join(v for v in (fields["strain"], fields["species"]) if v)
            values = [species, fields["disease_model"], "healthy" if fields["healthy"] else None,
                      fields["msc_source"], fields["preparation"], fields["route"],
                      ", ".join(v for v in fields["measured_in"] if v) or None, fields["setting"]]
            found = " · ".join(escape(str(v)) for v in values if v)
            self._contexts[context] = found
        return found

    def evidence(self, evidence: Iterable[Evidence], hidden: int = 0) -> str:
        """Return an ordered list of evidence: citation, review, locator, quote, context."""
        items = []
        for item in evidence:
            hedge = ' · <span class="hedged">hedged</span>' if item.hedged else ""
            context = self.context(item.context)
            items.append(
                f"<li><div>{self.citation(item.study)}</div>"
                f'<div class="tip-meta">read in {self._review(item.read_in)} · '
                f"{escape(item.source_kind.value)} {escape(item.locator)}{hedge}</div>"
                f"<blockquote>“{escape(item.quote)}”</blockquote>"
                + (f'<div class="ctx">{context}</div>' if context else "") + "</li>")
        more = (f'<div class="tip-meta">{_plural(hidden, "more piece", "more pieces")} of '
                "evidence outside the filters</div>") if hidden else ""
        return f'<ol class="evidence">{"".join(items)}</ol>{more}'

    def _review(self, review_id: str) -> str:
        review = self.model.studies.get(review_id)
        return escape(review.citation if review else review_id)

    def edge(self, subject: str, predicate: str, obj: str, sign: int | None, role: str,
             evidence: tuple[Evidence, ...], hidden: int = 0) -> str:
        """Return the tooltip of an edge: predicate, sign and every piece of evidence."""
        known = PREDICATES.get(predicate)
        name = known.label if known else predicate
        effect = SIGN_TEXT.get(sign, role) if sign is not None else role
        studies = len({e.study for e in evidence})
        return (f'<div class="tip-title">{self.label(subject)} '
                f'<span class="pred">{escape(name)}</span> {self.label(obj)}</div>'
                f'<div class="tip-meta">{escape(effect)} · '
                f"{_plural(studies, 'study', 'studies')}</div>"
                + self.evidence(evidence, hidden))


# --- graphs ------------------------------------------------------------------------------


def build_viz_graph(model: GraphModel, network: Any,
                    prefixes: Mapping[str, str] | None, focus: VizFocus | None = None,
                    title: str | None = None) -> VizGraph:
    """Return what a page of the network (or of a focus on it) draws.

    Cost: linear in the drawn nodes, edges and their evidence.
    """
    focus = focus or VizFocus()
    tips = TooltipBuilder(model, prefixes)
    node_ids, selected = select_subgraph(model, network, focus)
    degree: Counter[str] = Counter()
    edges = []
    for item in selected:
        degree[item.subject] += 1
        degree[item.object] += 1
        kind = get_edge_kind(item.sign, item.role)
        edges.append(VizEdge(
            f"{item.subject}|{item.predicate}|{item.object}", item.subject, item.object, kind,
            len({e.study for e in item.evidence}),
            tips.edge(item.subject, item.predicate, item.object, item.sign, item.role,
                      item.evidence, item.hidden)))
    nodes = []
    for node in node_ids:
        entity = model.entities.get(node)
        if entity is None:  # a node the model does not know (an imported network)
            nodes.append(VizNode(node, node, "external", f"<code>{escape(node)}</code>"))
            continue
        nodes.append(VizNode(node, entity.label, entity.type.value,
                             tips.entity(node, degree[node]), entity.synonyms,
                             "source" if node == focus.around else None))
    if focus.include_studies:
        reports: dict[str, set[str]] = defaultdict(set)
        for item in selected:
            for evidence in item.evidence:
                reports[evidence.study].update((item.subject, item.object))
        for study_id in sorted(reports):
            if study_id not in model.studies:
                continue
            node = STUDY_PREFIX + study_id
            nodes.append(VizNode(node, model.studies[study_id].citation, STUDY_GROUP,
                                 tips.study(study_id, len(reports[study_id]))))
            for entity_id in sorted(reports[study_id]):
                edges.append(VizEdge(
                    f"{node}|reports|{entity_id}", node, entity_id, "reports", 1,
                    f'<div class="tip-title">{escape(model.studies[study_id].citation)} '
                    f'<span class="pred">reports on</span> '
                    f"{tips.label(entity_id)}</div>"))
    subtitle = "; ".join(focus.describe)
    return VizGraph(title or f"msc-graph: {model.name}", tuple(nodes), tuple(edges), subtitle,
                    empty_message="No node matches these filters.")


def build_paths_graph(model: GraphModel, search: PathSearch,
                      prefixes: Mapping[str, str] | None = None) -> VizGraph:
    """Return a page of only the nodes and hops of the found chains, each chain listed."""
    tips = TooltipBuilder(model, prefixes)
    hops: dict[str, tuple[str, str, str, int | None]] = {}
    hop_evidence: dict[str, list[Evidence]] = {}
    order: list[str] = []
    chains = []
    for path in search.paths:
        edge_ids = []
        for hop in path.hops:
            edge_id = f"{hop.subject}|{hop.predicate}|{hop.object}"
            edge_ids.append(edge_id)
            hops.setdefault(edge_id, (hop.subject, hop.predicate, hop.object, hop.sign))
            known_evidence = hop_evidence.setdefault(edge_id, [])
            known_evidence.extend(e for e in hop.evidence if e not in known_evidence)
        for node in path.nodes:
            if node not in order:
                order.append(node)
        arrow = "↓" if path.net_sign < 0 else "↑"
        chain = " → ".join(_plain_label(model, n) for n in path.nodes)
        chains.append(VizChain(f"{arrow} {_plain_label(model, path.nodes[-1])} "
                               f"(score {path.score:.3g}): {chain}", path.nodes, tuple(edge_ids)))
    degree: Counter[str] = Counter()
    edges = []
    for edge_id, (subject, predicate, obj, sign) in hops.items():
        evidence = tuple(hop_evidence[edge_id])
        degree[subject] += 1
        degree[obj] += 1
        known = PREDICATES.get(predicate)
        role = known.role.value if known else "descriptive"
        edges.append(VizEdge(edge_id, subject, obj, get_edge_kind(sign, role),
                             len({e.study for e in evidence}),
                             tips.edge(subject, predicate, obj, sign, role, evidence),
                             known.label if known else predicate))
    starts = {path.nodes[0] for path in search.paths}
    ends = {path.nodes[-1] for path in search.paths}
    nodes = []
    for node in order:
        entity = model.entities[node]
        end = "source" if node in starts else "target" if node in ends else None
        nodes.append(VizNode(node, entity.label, entity.type.value,
                             tips.entity(node, degree[node]), entity.synonyms, end))
    sources = ", ".join(_plain_label(model, s) for s in search.sources[:3])
    targets = ", ".join(_plain_label(model, t) for t in search.targets[:3])
    subtitle = f"{len(search.paths)} chain(s) from {sources} to {targets}"
    if search.truncated:
        subtitle += " (search cut short: " + "; ".join(search.reasons) + ")"
    return VizGraph(f"msc-graph paths: {sources} → {targets}", tuple(nodes), tuple(edges),
                    subtitle, tuple(chains),
                    empty_message="No chain found within the limits; try --max-hops or fewer "
                                  "filters.")


# --- layout and vis-network data -----------------------------------------------------------


def compute_sector_layout(nodes: Iterable[VizNode], degree: Mapping[str, int],
                          spacing: float = 45.0) -> dict[str, tuple[float, float]]:
    """Return positions for a large graph: one pie sector per type, hubs near the centre.

    Why: vis-network's physics needs minutes to settle 10,000 nodes from
    random positions; this linear-time layout puts each type in its own
    sector (the legend colours read as regions) at an even density, and the
    reader can still ask the page for a physics re-layout.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        groups[node.group].append(node.id)
    total = sum(len(ids) for ids in groups.values()) or 1
    radius = spacing * math.sqrt(total / math.pi) * 1.6
    golden = (math.sqrt(5) - 1) / 2
    positions: dict[str, tuple[float, float]] = {}
    start = 0.0
    order = [g for g in TYPE_STYLES if g in groups] + sorted(set(groups) - set(TYPE_STYLES))
    for group in order:
        ids = sorted(groups[group], key=lambda i: (-degree.get(i, 0), i))
        width = 2 * math.pi * len(ids) / total
        for index, node_id in enumerate(ids):
            r = radius * math.sqrt((index + 0.5) / len(ids))
            angle = start + width * (0.05 + 0.9 * ((index * golden) % 1.0))
            positions[node_id] = (round(r * math.cos(angle), 1), round(r * math.sin(angle), 1))
        start += width
    return positions


def is_heavy(graph: VizGraph) -> bool:
    """Return True when the page should trade styling for drawing speed.

    Dashed lines are the slowest thing vis-network draws (a 10,000-node,
    30,000-edge page redraws in about 5 s with dashes, 1 s without, in
    software rendering), so large pages draw every edge solid and straight.
    """
    return len(graph.nodes) > LARGE_GRAPH or len(graph.edges) > HEAVY_EDGES


def build_vis_data(graph: VizGraph) -> dict[str, Any]:
    """Return the JSON the page script reads: vis nodes, vis edges, options, chains.

    One pass over nodes and edges (no per-insertion checks), so 10,000 nodes
    take well under a second.
    """
    large = len(graph.nodes) > LARGE_GRAPH
    degree: Counter[str] = Counter()
    pairs: dict[frozenset[str], list[int]] = defaultdict(list)
    for index, edge in enumerate(graph.edges):
        degree[edge.source] += 1
        degree[edge.target] += 1
        pairs[frozenset((edge.source, edge.target))].append(index)
    positions = compute_sector_layout(graph.nodes, degree) if large else {}
    nodes: list[dict[str, Any]] = []
    for node in graph.nodes:
        item: dict[str, Any] = {"id": node.id, "label": node.label, "group": node.group,
                                "html": node.html,
                                "size": round(10 + 4 * math.log2(1 + degree[node.id]), 1)}
        if node.synonyms:
            item["syn"] = list(node.synonyms)
        if node.role:
            item["role"] = node.role
            item["borderWidth"] = 4
            item["size"] = item["size"] + 6
            item["font"] = {"size": 18}
        if node.id in positions:
            item["x"], item["y"] = positions[node.id]
        nodes.append(item)
    heavy = is_heavy(graph)
    edges: list[dict[str, Any]] = []
    for index, edge in enumerate(graph.edges):
        style = EDGE_STYLES[edge.kind]
        item = {"id": edge.id, "from": edge.source, "to": edge.target, "kind": edge.kind,
                "n": edge.n_studies, "html": edge.html,
                "color": {"color": style.color, "highlight": style.color, "hover": style.color},
                "width": round(1 + (0.75 if heavy else 1.5) * min(edge.n_studies, 6), 1)}
        if style.dashes and not heavy:
            item["dashes"] = list(style.dashes)
        if edge.label:
            item["label"] = edge.label
        siblings = pairs[frozenset((edge.source, edge.target))]
        if not heavy and len(siblings) > 1:
            item["smooth"] = {"enabled": True, "type": "curvedCW",
                              "roundness": 0.15 + 0.2 * siblings.index(index)}
        edges.append(item)
    return {
        "nodes": nodes,
        "edges": edges,
        "chains": [{"text": c.text, "nodes": list(c.nodes), "edges": list(c.edges)}
                   for c in graph.chains],
        "options": build_vis_options(len(graph.nodes), large),
        "large": large,
        "empty": graph.empty_message if not graph.nodes else "",
    }


def build_vis_options(n_nodes: int, large: bool) -> dict[str, Any]:
    """Return vis-network options: stabilise then stop for small graphs, no physics for large.

    Small graphs run forceAtlas2 until stable (at most 1,000 iterations, down
    to 150 at 1,000 nodes: each costs about 20 ms there) and the page then
    turns physics off; large graphs
    start from precomputed positions with physics off, hide edges while
    dragging, and can be re-laid out on request.
    """
    groups = {key: {"shape": style.shape,
                    "color": {"background": style.color, "border": "#333333",
                              "highlight": {"background": style.color, "border": "#000000"},
                              "hover": {"background": style.color, "border": "#000000"}}}
              for key, style in TYPE_STYLES.items()}
    groups[STUDY_GROUP]["font"] = {"size": 11}
    iterations = max(150, min(1000, 150_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": False, "selectionWidth": 2,
                  "font": {"size": 10, "face": "sans-serif", "align": "middle"}},
        "interaction": {"hover": True, "tooltipDelay": 100, "keyboard": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "multiselect": True},
        "layout": {"improvedLayout": n_nodes <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
        "physics": {
            "enabled": not large,
            "solver": "barnesHut" if large else "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -110, "centralGravity": 0.008,
                                 "springLength": 140, "springConstant": 0.06,
                                 "avoidOverlap": 0.8},
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 120,
                          "avoidOverlap": 0.2},
            "minVelocity": 1.0,
            "stabilization": {"enabled": not large, "iterations": iterations,
                              "updateInterval": 25, "fit": True},
        },
    }


# --- the page ----------------------------------------------------------------------------


def _encode_json(payload: Any) -> str:
    """Return JSON safe to put inside a <script> block: no character can end the block."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def read_vis_js() -> str:
    """Return vis-network's minified JavaScript from the copy pyvis ships (newest version).

    The package is located, not imported (importing pyvis pulls in IPython);
    the source-map comment is dropped so no devtools fetch is ever triggered.

    Raises:
        RuntimeError: pyvis or its vis-network files are missing, or the file
            holds a sequence that would end an inline script block.
    """
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: pip install pyvis")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in path.parent.name.removeprefix("vis-").split(".") if p.isdigit())

    found = sorted(lib.glob("vis-*/vis-network.min.js"), key=version)
    if not found:
        raise RuntimeError(f"vis-network not found under {lib}")
    text = found[-1].read_text(encoding="utf-8")
    # split("\n"), not splitlines(): the file holds U+2028 and friends inside string literals
    text = "\n".join(line for line in text.split("\n")
                     if not line.startswith("//# sourceMappingURL"))
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{found[-1]} cannot be inlined safely")
    return text


def _script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend_html(graph: VizGraph) -> str:
    counts = Counter(node.group for node in graph.nodes)
    rows = []
    for key, style in TYPE_STYLES.items():
        if not counts.get(key):
            continue
        rows.append(f'<label class="type-row"><input type="checkbox" checked '
                    f'data-type="{escape(key, quote=True)}">'
                    f'<span class="sym" style="color:{escape(style.color, quote=True)}">'
                    f"{style.symbol}</span> {escape(style.name)} "
                    f'<span class="count">{counts[key]}</span></label>')
    for key in sorted(set(counts) - set(TYPE_STYLES)):
        rows.append(f'<label class="type-row"><input type="checkbox" checked '
                    f'data-type="{escape(key, quote=True)}"><span class="sym">●</span> '
                    f'{escape(key)} <span class="count">{counts[key]}</span></label>')
    kinds = Counter(edge.kind for edge in graph.edges)
    lines = []
    heavy = is_heavy(graph)
    for key, edge_style in EDGE_STYLES.items():
        if not kinds.get(key):
            continue
        dash = (f' stroke-dasharray="{",".join(str(d) for d in edge_style.dashes)}"'
                if edge_style.dashes and not heavy else "")
        lines.append(f'<div class="edge-row"><svg width="34" height="10" aria-hidden="true">'
                     f'<line x1="1" y1="5" x2="26" y2="5" stroke="{edge_style.color}" '
                     f'stroke-width="2.5"{dash}/><path d="M26 1 L33 5 L26 9 Z" '
                     f'fill="{edge_style.color}"/></svg> {escape(edge_style.name)} '
                     f'<span class="count">{kinds[key]}</span></div>')
    if heavy:
        lines.append('<div class="note">Large graph: dashes are off (they slow drawing); '
                     "edge kinds differ by colour.</div>")
    if graph.edges:
        lines.append('<div class="note">Line width: number of distinct studies behind an '
                     "edge.</div>")
    return ('<div id="legend"><h2>Node types</h2><div id="types">' + "".join(rows)
            + '</div><h2>Edges</h2>' + "".join(lines) + "</div>")


PAGE_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; color: #222;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 16px;
  align-items: center; flex-wrap: wrap; }
header h1 { font-size: 16px; margin: 0; }
#subtitle { color: #555; font-size: 12px; }
#status { color: #777; font-size: 12px; margin-left: auto; }
main { flex: 1; display: flex; min-height: 0; }
#graph-wrap { flex: 1; position: relative; min-width: 0; background: #fff; }
#graph { position: absolute; inset: 0; }
#graph-wrap .empty { position: absolute; top: 40%; width: 100%; text-align: center;
  color: #777; font-size: 18px; }
aside { width: 340px; border-left: 1px solid #ddd; overflow: auto; padding: 8px 12px;
  background: #fafafa; }
aside h2 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase;
  letter-spacing: .04em; color: #555; }
.type-row { display: block; font-size: 13px; white-space: nowrap; }
.edge-row { font-size: 13px; padding-left: 40px; text-indent: -40px; }
.sym { display: inline-block; width: 1.2em; text-align: center; font-size: 15px;
  text-shadow: 0 0 1px #333; }
.count { color: #888; font-size: 11px; }
.note { color: #666; font-size: 12px; margin-top: 4px; }
#search-box { position: relative; }
#search { width: 260px; padding: 4px 6px; font-size: 14px; }
#suggestions { position: absolute; z-index: 20; background: #fff; border: 1px solid #ccc;
  list-style: none; margin: 0; padding: 0; width: 360px; max-height: 320px; overflow: auto; }
#suggestions:empty { display: none; }
#suggestions li { padding: 3px 6px; cursor: pointer; }
#suggestions li:hover { background: #e8f0fe; }
#suggestions .why { color: #888; font-size: 12px; }
button { font-size: 12px; }
#tooltip { position: absolute; z-index: 10; display: none; max-width: 420px;
  max-height: 60vh; overflow: hidden; background: #fff; border: 1px solid #aaa;
  border-radius: 4px; padding: 6px 8px; box-shadow: 0 2px 8px rgba(0, 0, 0, .2);
  font-size: 12px; pointer-events: none; }
.tip-title { font-weight: 600; font-size: 13px; }
.tip-meta { color: #666; font-size: 12px; }
.pred { color: #555; font-style: italic; font-weight: 400; }
ol.evidence { padding-left: 18px; margin: 4px 0; }
ol.evidence li { margin-bottom: 6px; }
blockquote { margin: 2px 0; padding-left: 6px; border-left: 3px solid #ccc; color: #333; }
.ctx { color: #2a6; font-size: 12px; }
.hedged { color: #b60; }
#details { font-size: 13px; overflow-wrap: anywhere; }
#chains li { cursor: pointer; font-size: 12px; margin-bottom: 4px; }
#chains li:hover, #chains li.active { background: #e8f0fe; }
"""

APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var container = document.getElementById("graph");
  var wrap = document.getElementById("graph-wrap");
  var tooltip = document.getElementById("tooltip");
  var details = document.getElementById("details");
  var status = document.getElementById("status");
  var search = document.getElementById("search");
  var suggestions = document.getElementById("suggestions");
  var hiddenTypes = new Set();
  var groupOf = new Map();
  data.nodes.forEach(function (n) { groupOf.set(n.id, n.group); });
  function shown(id) { return !hiddenTypes.has(groupOf.get(id)); }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(n.id); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return shown(e.from) && shown(e.to); }});
  var state = {ready: false};
  var api = {nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, state: state,
             hiddenTypes: hiddenTypes, network: null};
  window.mscGraph = api;

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
    document.body.setAttribute("data-ready", "true");
  }
  if (data.empty) {
    var message = document.createElement("div");
    message.className = "empty";
    message.textContent = data.empty;
    wrap.appendChild(message);
  }
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  api.network = network;

  function freeze() { network.setOptions({physics: {enabled: false}}); markReady(); }
  network.on("stabilizationIterationsDone", freeze);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (!data.options.physics.enabled || data.nodes.length === 0) {
    network.once("afterDrawing", markReady);
    window.setTimeout(markReady, 0);
  }

  var pointer = {x: 0, y: 0};
  container.addEventListener("mousemove", function (event) {
    var box = container.getBoundingClientRect();
    pointer.x = event.clientX - box.left;
    pointer.y = event.clientY - box.top;
    if (tooltip.style.display === "block") { place(); }
  });
  function place() {
    var x = pointer.x + 14, y = pointer.y + 14;
    if (x + tooltip.offsetWidth > container.clientWidth) {
      x = Math.max(0, pointer.x - tooltip.offsetWidth - 14);
    }
    if (y + tooltip.offsetHeight > container.clientHeight) {
      y = Math.max(0, pointer.y - tooltip.offsetHeight - 14);
    }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function showTip(html) {
    tooltip.innerHTML = html;  // built and escaped by msc_graph.render.html
    tooltip.style.display = "block";
    place();
  }
  function hideTip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(nodes.get(p.node).html); });
  network.on("hoverEdge", function (p) { showTip(edges.get(p.edge).html); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  function showDetails(html) { details.innerHTML = html; }  // escaped server-side
  api.showDetails = function (id) {
    var item = nodes.get(id) || edges.get(id);
    if (item) { showDetails(item.html); }
  };
  network.on("click", function (p) {
    if (p.nodes.length) { showDetails(nodes.get(p.nodes[0]).html); }
    else if (p.edges.length) { showDetails(edges.get(p.edges[0]).html); }
  });

  document.querySelectorAll("#types input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      var type = box.getAttribute("data-type");
      if (box.checked) { hiddenTypes.delete(type); } else { hiddenTypes.add(type); }
      nodeView.refresh();
      edgeView.refresh();
      status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges shown";
    });
  });

  var relayout = document.getElementById("relayout");
  relayout.addEventListener("click", function () {
    status.textContent = "laying out";
    network.setOptions({physics: {enabled: true,
      stabilization: {enabled: true, iterations: data.large ? 150 : 400, updateInterval: 10}}});
    network.stabilize(data.large ? 150 : 400);
  });

  var index = [];
  data.nodes.forEach(function (n) {
    index.push({key: n.label.toLowerCase(), id: n.id, label: n.label, why: ""});
    (n.syn || []).forEach(function (s) {
      index.push({key: s.toLowerCase(), id: n.id, label: n.label, why: s});
    });
  });
  function findMatches(text) {
    var query = text.trim().toLowerCase();
    if (!query) { return []; }
    var exact = [], starts = [], contains = [], seen = new Set();
    index.forEach(function (entry) {
      if (entry.key === query) { exact.push(entry); }
      else if (entry.key.indexOf(query) === 0) { starts.push(entry); }
      else if (entry.key.indexOf(query) > 0) { contains.push(entry); }
    });
    return exact.concat(starts, contains).filter(function (entry) {
      if (seen.has(entry.id)) { return false; }
      seen.add(entry.id);
      return true;
    }).slice(0, 15);
  }
  function focusNode(id) {
    var type = groupOf.get(id);
    if (hiddenTypes.has(type)) {
      hiddenTypes.delete(type);
      document.querySelectorAll("#types input[type=checkbox]").forEach(function (box) {
        if (box.getAttribute("data-type") === type) { box.checked = true; }
      });
      nodeView.refresh();
      edgeView.refresh();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400}});
    showDetails(nodes.get(id).html);
    suggestions.textContent = "";
  }
  api.focusNode = focusNode;
  api.findMatches = findMatches;
  search.addEventListener("input", function () {
    suggestions.textContent = "";
    findMatches(search.value).forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.label;
      if (entry.why) {
        var why = document.createElement("span");
        why.className = "why";
        why.textContent = " (" + entry.why + ")";
        item.appendChild(why);
      }
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        search.value = entry.label;
        focusNode(entry.id);
      });
      suggestions.appendChild(item);
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = findMatches(search.value);
      if (found.length) { focusNode(found[0].id); }
      else { status.textContent = "no node matches"; }
    } else if (event.key === "Escape") {
      suggestions.textContent = "";
    }
  });
  search.addEventListener("blur", function () { suggestions.textContent = ""; });

  var chainList = document.getElementById("chains");
  data.chains.forEach(function (chain, number) {
    var item = document.createElement("li");
    item.textContent = chain.text;
    item.addEventListener("click", function () {
      chainList.querySelectorAll("li").forEach(function (li) { li.classList.remove("active"); });
      item.classList.add("active");
      network.setSelection({nodes: chain.nodes, edges: chain.edges}, {highlightEdges: false});
      network.fit({nodes: chain.nodes, animation: {duration: 400}});
    });
    chainList.appendChild(item);
  });
  if (data.chains.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setSelection({nodes: data.chains[0].nodes, edges: data.chains[0].edges},
                           {highlightEdges: false});
      chainList.firstChild.classList.add("active");
    });
  }
})();
"""


def render_graph_html(graph: VizGraph) -> str:
    """Return a complete, self-contained HTML page drawing ``graph``.

    Nothing is loaded from outside the file: the Content-Security-Policy
    allows no source but the two inline scripts (by hash), inline styles and
    data: images. Cost: linear in nodes, edges and tooltip text; the
    vis-network script adds about 470 kB.
    """
    vis_js = read_vis_js()
    payload = _encode_json(build_vis_data(graph))
    policy = ("default-src 'none'; "
              f"script-src {_script_hash(vis_js)} {_script_hash(APP_JS)}; "
              "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    chains = ('<h2>Chains</h2><ol id="chains"></ol>' if graph.chains
              else '<ol id="chains" hidden></ol>')
    subtitle = f'<span id="subtitle">{escape(graph.subtitle)}</span>' if graph.subtitle else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(graph.title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(graph.title)}</h1>{subtitle}"
        '<div id="search-box"><input id="search" type="search" autocomplete="off" '
        'placeholder="Find a node (label or synonym)" aria-label="Find a node">'
        '<ul id="suggestions"></ul></div>'
        '<button id="relayout" type="button">Re-run layout</button>'
        '<span id="status">loading</span></header>\n'
        '<main><div id="graph-wrap"><div id="graph"></div><div id="tooltip"></div></div>\n'
        f"<aside>{chains}{_legend_html(graph)}<h2>Details</h2><div id=\"details\">Hover or "
        "click a node or an edge for its evidence.</div></aside></main>\n"
        f'<script type="application/json" id="graph-data">{payload}</script>\n'
        f"<script>{vis_js}</script>\n<script>{APP_JS}</script>\n</body>\n</html>\n"
    )


def render_paths_html(model: GraphModel, search: PathSearch,
                      prefixes: Mapping[str, str] | None = None) -> str:
    """Return a page drawing only the nodes and hops of the found chains.

    Sources and targets are drawn with a heavy border, the chains are listed
    in the side panel (the best one selected once the layout settles), and
    every hop's tooltip lists the evidence that survived the search's filters.
    ``prefixes`` turns cross-references into links (plain CURIEs without it).
    """
    return render_graph_html(build_paths_graph(model, search, prefixes))
