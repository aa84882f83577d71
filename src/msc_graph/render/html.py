r"""Interactive, self-contained HTML pages of the graph: vis-network, offline, evidence on demand.

Researchers open the page from a file, often on a laptop without network, so
the page loads nothing from outside: vis-network's JavaScript is read from the
copy the pyvis package ships and inlined (pyvis's Python is never imported),
the page and its script are our own (pyvis's template links Bootstrap and
other CDNs), and a Content-Security-Policy allows only the inline scripts
whose hashes the page itself declares.

What the page draws travels as one JSON block, a :class:`VizGraph`: node and
edge columns, and each edge's evidence as indexes into shared tables of
studies and evidence rows. The page's script builds a tooltip or the details
panel only when the reader hovers or clicks, with ``createElement`` and
``textContent``: no value from the data is ever parsed as HTML, so every
name, synonym and quote (the fixture graph has an entity labelled
``<script>...``) stays text, and links are made only for http(s) IRIs. The
block writes ``<``, ``>`` and ``&`` as ``\u003c``-style escapes, so no value
can close it.

Why columns and tooltips built on demand: a 10,000-node, 30,000-edge import
used to spend most of ``mscgraph viz`` writing 40,000 escaped HTML tooltips
(a 30 MiB page). :func:`build_imported_viz_graph` copies an import's record
arrays into columns instead and passes each edge's provenance as stored; the
page formats it on hover into the evidence ``ImportedGraph.get_evidence``
gives (tests/test_browser.py compares the two).

Layout: up to :data:`LARGE_GRAPH` nodes, vis-network's physics stabilises the
layout (a capped number of iterations), then physics is switched off so the
page stops using CPU. Above it, the page places nodes itself (type sectors,
linear time) and physics stays off until the reader asks for a re-layout,
which is capped the same way and ends with physics off again.
"""

from __future__ import annotations

import base64
import hashlib
import json
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from msc_graph.filters import EvidenceFilter
from msc_graph.model import FACTOR_TYPES, Context, EntityType, Evidence, GraphModel, SourceKind, Study
from msc_graph.payloads import context_payload
from msc_graph.render.paths import net_arrow
from msc_graph.vocabulary import PREDICATES

if TYPE_CHECKING:
    from msc_graph.imports import ImportedGraph
    from msc_graph.paths import PathSearch

LARGE_GRAPH = 1000
"""Node count above which the page places nodes itself and physics starts switched off."""
IMPROVED_LAYOUT_MAX = 150
"""vis-network's improvedLayout (Kamada-Kawai seeding) gets slow above this many nodes."""
HEAVY_EDGES = 3000
"""Above this many edges (or LARGE_GRAPH nodes) edges are drawn solid and straight, for speed."""
STUDY_PREFIX = "study:"
"""Node id prefix of study nodes (only drawn with include_studies), so they never clash with entities."""
STUDY_GROUP = "study"
REPORTS = "reports"
"""The predicate slug of the edges from a study node to the entities it reports on."""


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
    "cell-source": TypeStyle("non-MSC cell source", "hexagon", "#cab2d6", "⬢"),
    "cell-preparation": TypeStyle("cells (not secretome)", "diamond", "#fdbf6f", "◆"),
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
"""Entity type slug (plus "study") → style; the legend and the large-graph layout list types in this order."""


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
    "descriptive": EdgeStyle(
        "descriptive: marker of, model of, derived from, associated with", "#b5b5b5", (2, 4)
    ),
    "reports": EdgeStyle("study reports on (with --include-studies)", "#d0d0d0", (1, 3)),
}
"""Edge kind → style, in legend order."""

SIGN_TEXT = {1: "↑ increases", -1: "↓ decreases", 0: "no change"}


@dataclass
class NodeColumns:
    """The nodes of a page, one list per attribute (position ``i`` is one node)."""

    ids: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    """Plain text: drawn on the canvas and set as ``textContent``, never parsed as HTML."""
    groups: list[str] = field(default_factory=list)
    """Entity type slug, ``"study"`` for study nodes, ``"external"`` for nodes the model lacks."""
    details: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Position → what only the tooltip shows, for the nodes that have any: ``syn`` (synonyms),
    ``xref`` ([CURIE, http(s) IRI or None]), ``noXref``, ``isA`` (parent labels), ``role``
    ("source" / "target" on a paths page) and ``study`` (index into VizGraph.studies)."""

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class EdgeColumns:
    """The edges of a page, one list per attribute: one edge per subject, predicate and object."""

    sources: list[int] = field(default_factory=list)
    """Node position of each edge's subject."""
    targets: list[int] = field(default_factory=list)
    predicates: list[str] = field(default_factory=list)
    """Predicate slug (vocabulary.py), or :data:`REPORTS` for a study's edges."""
    evidence: list[int | list[int]] = field(default_factory=list)
    """Index (or indexes) into VizGraph.evidence, or into VizGraph.records when it is set."""
    hidden: dict[int, int] = field(default_factory=dict)
    """Edge position → pieces of evidence the filters left out (only edges that lost some)."""

    def __len__(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class ImportRecords:
    """An import's edge records as stored, for the page to format into evidence on hover.

    The page turns record ``k`` into what ``ImportedGraph.get_evidence(k)``
    returns: one piece of evidence per publication (else the knowledge
    source, else ``study``), read in ``read_in``, the locator "ORIGIN N,
    id ID; PREDICATE (QUALIFIER); SOURCE", the supporting text as quote (else
    the row's own subject, predicate and object) and as basis the record's own
    per-publication basis where it has one, else hedged for the knowledge
    levels listed here and stated otherwise.
    """

    origin: str
    """``ImportedGraph.record_origin``: the file and its unit ("edges.tsv line", "graph.ttl triple")."""
    study: str
    read_in: int
    """Index into VizGraph.studies of the import's own study record."""
    source_kind: str
    hedged_levels: list[str]
    predicates: list[str]
    """Predicate code → the predicate as written in the source."""
    lines: list[int]
    predicate_codes: list[int]
    provenance: list[str]
    """Tab-separated (imports.PROVENANCE_FIELDS): edge id, knowledge source, publications
    (|-separated), text, level, qualifier, bases and support units (|-separated, one per publication)."""


@dataclass(frozen=True)
class VizChain:
    """One chain of a paths page, listed in the side panel; clicking it highlights it."""

    text: str
    nodes: tuple[str, ...]
    edges: tuple[str, ...]


@dataclass
class VizGraph:
    """Everything a page draws, as plain columns and tables (no pyvis or networkx objects).

    Why columns rather than one record per node and edge: a 30,000-edge
    import then costs a few lists, not 40,000 objects.
    """

    title: str
    nodes: NodeColumns = field(default_factory=NodeColumns)
    edges: EdgeColumns = field(default_factory=EdgeColumns)
    studies: list[list[Any]] = field(default_factory=list)
    """[id, citation, is a review, title, "journal, year, volume, pages", [[text, http(s) IRI]]]."""
    evidence: list[list[Any]] = field(default_factory=list)
    """[study, read in (both indexes into studies), source kind, locator, quote, basis, context,
    inferred from (or None), caveat (or None)]."""
    records: ImportRecords | None = None
    subtitle: str = ""
    chains: tuple[VizChain, ...] = ()
    edge_labels: bool = False
    """Write the predicate on each edge (paths pages, where edges are few)."""
    empty_message: str = "Nothing to draw."

    def edge_id(self, index: int) -> str:
        """Return the page's id of edge ``index``: ``subject|predicate|object``."""
        edges, ids = self.edges, self.nodes.ids
        return f"{ids[edges.sources[index]]}|{edges.predicates[index]}|{ids[edges.targets[index]]}"

    def count_inferred_edges(self) -> int:
        """Return how many edges rest on inferred evidence only (the page fades them and can hide them).

        Imported records are counted by the page itself (their bases are decoded there).
        """
        if self.records is not None:
            return 0
        count = 0
        for refs in self.edges.evidence:
            rows = [self.evidence[k] for k in ([refs] if isinstance(refs, int) else refs)]
            count += bool(rows) and all(row[5] == "inferred" for row in rows)
        return count

    def edge_kind(self, index: int) -> str:
        """Return the EDGE_STYLES key edge ``index`` is drawn with."""
        return describe_predicate(self.edges.predicates[index])[2]


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


def select_subgraph(model: GraphModel, network: Any, focus: VizFocus) -> tuple[list[str], list[SelectedEdge]]:
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

    def iter_kept(
        subject: str, row: Mapping[str, Mapping[str, Any]], reverse: bool = False
    ) -> Iterable[SelectedEdge]:
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
                yield SelectedEdge(
                    source,
                    predicate,
                    target,
                    attrs.get("sign"),
                    attrs.get("role", "descriptive"),
                    kept,
                    len(evidence) - len(kept),
                )

    if focus.around is not None:
        reached = {focus.around: 0}
        queue = deque([focus.around])
        while queue:
            current = queue.popleft()
            if reached[current] >= focus.depth:
                continue
            for edge in (
                *iter_kept(current, network.succ.get(current, {})),
                *iter_kept(current, network.pred.get(current, {}), reverse=True),
            ):
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


def describe_predicate(slug: str) -> tuple[str, str, str, str]:
    """Return (slug, label, EDGE_STYLES key, effect text) of a predicate, as tooltips show it."""
    if slug == REPORTS:
        return slug, "reports on", REPORTS, ""
    known = PREDICATES.get(slug)
    if known is None:
        return slug, slug, "descriptive", "descriptive"
    sign = None if known.sign is None else int(known.sign)
    role = known.role.value
    effect = SIGN_TEXT.get(sign, role) if sign is not None else role
    return slug, known.label, get_edge_kind(sign, role), effect


def _web_iri(iri: str | None) -> str | None:
    """Return ``iri`` when it is http(s), else None: only those become links in the page."""
    return iri if iri and iri.startswith(("https://", "http://")) else None


def _expand_xrefs(curies: Iterable[str], prefixes: Mapping[str, str] | None) -> list[list[str | None]]:
    """Return [CURIE, http(s) IRI or None] for each cross-reference."""
    from msc_graph.rdf import expand_curie

    return [[curie, _web_iri(expand_curie(curie, prefixes)) if prefixes else None] for curie in curies]


def _study_entry(study: Study | None, study_id: str) -> list[Any]:
    """Return a row of VizGraph.studies (an unknown id stands for itself, without links)."""
    if study is None:
        return [study_id, study_id, False, None, "", []]
    links = []
    if study.doi:
        links.append([f"doi:{study.doi}", "https://doi.org/" + quote(study.doi, safe="/:;()._-")])
    if study.pmid:
        links.append([f"PMID:{study.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{quote(study.pmid)}/"])
    where = ", ".join(str(v) for v in (study.journal, study.year, study.volume, study.pages) if v)
    return [study.id, study.citation, study.review, study.title, where, links]


def _plain_label(model: GraphModel, entity_id: str) -> str:
    """Return an entity's label as plain text (for canvas labels and textContent only)."""
    entity = model.entities.get(entity_id)
    return entity.label if entity else entity_id


class PageBuilder:
    """Fills a :class:`VizGraph` from model records, sharing studies and evidence rows.

    Why a class: studies, contexts and evidence recur across edges; each is
    written to the page once and referenced by index.
    """

    def __init__(self, model: GraphModel, prefixes: Mapping[str, str] | None, graph: VizGraph) -> None:
        self.model = model
        self.prefixes = prefixes
        self.graph = graph
        self.positions: dict[str, int] = {}
        self._studies: dict[str, int] = {}
        self._evidence: dict[Evidence, int] = {}
        self._contexts: dict[Context, str] = {}

    def add_node(self, node_id: str, label: str, group: str, details: dict[str, Any]) -> None:
        """Append a node (``details``: see NodeColumns.details)."""
        nodes = self.graph.nodes
        self.positions[node_id] = len(nodes.ids)
        if details:
            nodes.details[len(nodes.ids)] = details
        nodes.ids.append(node_id)
        nodes.labels.append(label)
        nodes.groups.append(group)

    def add_entity(self, entity_id: str, role: str | None = None) -> None:
        """Append an entity of the model with its synonyms, cross-references and parents."""
        entity = self.model.entities.get(entity_id)
        if entity is None:  # a node the model does not know (an imported network)
            self.add_node(entity_id, entity_id, "external", {"role": role} if role else {})
            return
        details: dict[str, Any] = {}
        if entity.synonyms:
            details["syn"] = list(entity.synonyms)
        if entity.xrefs:
            details["xref"] = _expand_xrefs(entity.xrefs, self.prefixes)
        elif entity.no_xref:
            details["noXref"] = entity.no_xref
        if entity.is_a:
            details["isA"] = [_plain_label(self.model, parent) for parent in entity.is_a]
        if role:
            details["role"] = role
        self.add_node(entity.id, entity.label, entity.type.value, details)

    def add_study(self, study_id: str) -> str:
        """Append a study node (its tooltip: citation, title, journal, DOI / PMID links); return its id."""
        node = STUDY_PREFIX + study_id
        self.add_node(
            node, self.model.studies[study_id].citation, STUDY_GROUP, {"study": self.study(study_id)}
        )
        return node

    def add_edge(
        self, subject: str, predicate: str, obj: str, evidence: Iterable[Evidence] = (), hidden: int = 0
    ) -> None:
        """Append an edge between two appended nodes, with the evidence its tooltip lists."""
        edges = self.graph.edges
        if hidden:
            edges.hidden[len(edges.sources)] = hidden
        edges.sources.append(self.positions[subject])
        edges.targets.append(self.positions[obj])
        edges.predicates.append(predicate)
        edges.evidence.append([self.evidence(item) for item in evidence])

    def study(self, study_id: str) -> int:
        """Return the index of a study in VizGraph.studies, adding it the first time."""
        found = self._studies.get(study_id)
        if found is None:
            found = self._studies[study_id] = len(self.graph.studies)
            self.graph.studies.append(_study_entry(self.model.studies.get(study_id), study_id))
        return found

    def evidence(self, item: Evidence) -> int:
        """Return the index of a piece of evidence in VizGraph.evidence, adding it the first time."""
        found = self._evidence.get(item)
        if found is None:
            found = self._evidence[item] = len(self.graph.evidence)
            self.graph.evidence.append(
                [
                    self.study(item.study),
                    self.study(item.read_in),
                    item.source_kind.value,
                    item.locator,
                    item.quote,
                    item.basis.value,
                    self.context(item.context),
                    item.inferred_from,
                    item.caveat,
                ]
            )
        return found

    def context(self, context: Context) -> str:
        """Return one plain line naming a context: species, model, source, preparation ..."""
        found = self._contexts.get(context)
        if found is None:
            fields = context_payload(self.model, context)
            species = " ".join(v for v in (fields["strain"], fields["species"]) if v)
            values = [
                species,
                fields["disease_model"],
                "healthy" if fields["healthy"] else None,
                fields["msc_source"],
                fields["preparation"],
                fields["route"],
                ", ".join(v for v in fields["measured_in"] if v) or None,
                fields["setting"],
            ]
            found = self._contexts[context] = " · ".join(str(v) for v in values if v)
        return found


# --- graphs ------------------------------------------------------------------------------


def build_viz_graph(
    model: GraphModel,
    network: Any,
    prefixes: Mapping[str, str] | None,
    focus: VizFocus | None = None,
    title: str | None = None,
) -> VizGraph:
    """Return what a page of the network (or of a focus on it) draws.

    Cost: linear in the drawn nodes, edges and their evidence: about 35 µs
    an edge on an imported graph, whose Entity and Evidence records are built
    as they are read (:func:`build_imported_viz_graph` draws a whole import
    from its records, about 2 µs an edge).
    """
    focus = focus or VizFocus()
    graph = VizGraph(
        title or f"msc-graph: {model.name}",
        subtitle="; ".join(focus.describe),
        empty_message="No node matches these filters.",
    )
    page = PageBuilder(model, prefixes, graph)
    node_ids, selected = select_subgraph(model, network, focus)
    for node in node_ids:
        page.add_entity(node, "source" if node == focus.around else None)
    for item in selected:
        page.add_edge(item.subject, item.predicate, item.object, item.evidence, item.hidden)
    if focus.include_studies:
        reports: dict[str, set[str]] = defaultdict(set)
        for item in selected:
            for evidence in item.evidence:
                reports[evidence.study].update((item.subject, item.object))
        for study_id in sorted(reports):
            if study_id in model.studies:
                node = page.add_study(study_id)
                for entity_id in sorted(reports[study_id]):
                    page.add_edge(node, REPORTS, entity_id)
    return graph


def build_paths_graph(
    model: GraphModel, search: PathSearch, prefixes: Mapping[str, str] | None = None
) -> VizGraph:
    """Return a page of only the nodes and hops of the found chains, each chain listed."""
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
        chain = " → ".join(_plain_label(model, n) for n in path.nodes)
        chains.append(
            VizChain(
                f"{arrow} {_plain_label(model, path.nodes[-1])} (score {path.score:.3g}): {chain}",
                path.nodes,
                tuple(edge_ids),
            )
        )
    sources = ", ".join(_plain_label(model, s) for s in search.sources[:3])
    targets = ", ".join(_plain_label(model, t) for t in search.targets[:3])
    subtitle = f"{len(search.paths)} chain(s) from {sources} to {targets}"
    if search.truncated:
        subtitle += " (search cut short: " + "; ".join(search.reasons) + ")"
    graph = VizGraph(
        f"msc-graph paths: {sources} → {targets}",
        subtitle=subtitle,
        chains=tuple(chains),
        edge_labels=True,
        empty_message="No chain found within the limits; try --max-hops or fewer filters.",
    )
    page = PageBuilder(model, prefixes, graph)
    starts = {path.nodes[0] for path in search.paths}
    ends = {path.nodes[-1] for path in search.paths}
    for node in order:
        page.add_entity(node, "source" if node in starts else "target" if node in ends else None)
    for edge_id, (subject, predicate, obj) in hops.items():
        page.add_edge(subject, predicate, obj, hop_evidence[edge_id])
    return graph


def build_imported_viz_graph(
    imported: ImportedGraph, prefixes: Mapping[str, str] | None = None, focus: VizFocus | None = None
) -> VizGraph:
    """Return what a page of an imported graph draws, straight from its records when it can.

    A focus that draws every edge among the kept types with all its evidence
    (no ``around``, evidence filter or studies) is read from the import's
    node table and edge arrays: labels, types and endpoints are copied into
    columns, edges with the same subject, predicate and object are merged
    (as the network view merges them), and each edge record's provenance
    goes to the page as stored, to be formatted only when hovered. No Entity
    or Evidence is built, which is what :func:`build_viz_graph` spends most
    of its time on for a whole import. Other focuses go through
    :func:`build_viz_graph`.

    Reads ImportedGraph's record columns (``node_table``, ``edge_columns``);
    tests/test_html.py and tests/test_browser.py check that both routes draw
    the same page.

    Cost: linear in nodes and edge records, about 2 µs a record (0.05 s for
    10,000 nodes and 30,000 records).
    """
    focus = focus or VizFocus()
    if (
        focus.around is not None
        or focus.include_studies
        or (focus.evidence_filter is not None and focus.evidence_filter.active)
    ):
        return build_viz_graph(imported.model, imported.network, prefixes, focus)
    from msc_graph.imports import CATEGORY_TYPES, HEDGED_LEVELS

    ids, labels, categories, category_names, synonyms, xrefs, parents = imported.node_table
    group_of = [CATEGORY_TYPES.get(name, EntityType.EXTERNAL).value for name in category_names]
    all_groups = [group_of[code] for code in array("H", categories)]
    kept = (
        range(len(ids))
        if focus.types is None
        else [i for i, group in enumerate(all_groups) if group in focus.types]
    )
    position = {old: new for new, old in enumerate(kept)}
    graph = VizGraph(
        f"msc-graph: {imported.name}",
        subtitle="; ".join(focus.describe),
        empty_message="No node matches these filters.",
    )
    nodes = graph.nodes
    nodes.ids = [ids[i] for i in kept]
    nodes.labels = [labels[i] or ids[i] for i in kept]
    nodes.groups = [all_groups[i] for i in kept]
    for name, table in (("syn", synonyms), ("xref", xrefs), ("isA", parents)):
        for old, values in table.items():
            new = position.get(old)
            if new is None:
                continue
            if name == "xref":
                values = _expand_xrefs(values, prefixes)
            elif name == "isA":
                values = [labels[p] or ids[p] for p in values]
            nodes.details.setdefault(new, {})[name] = list(values)

    columns = imported.edge_columns
    slugs: list[str] = imported.meta["slugs"]
    keys = list(zip(*(columns[name].tolist() for name in ("subjects", "objects", "slugs")), strict=True))
    used = (
        range(len(keys))
        if focus.types is None
        else [r for r, key in enumerate(keys) if key[0] in position and key[1] in position]
    )
    drawn = [keys[r] for r in used]
    # Records with the same subject, object and predicate are one edge, as in the network view.
    edge_keys: Iterable[tuple[int, int, int]] = drawn
    evidence: list[int | list[int]] = list(range(len(drawn)))  # each edge's index(es) into ``used``
    if len(set(drawn)) < len(drawn):  # some edge has several records: group them (rare, slower)
        edge_of: dict[tuple[int, int, int], int] = {}
        evidence = []
        for index, key in enumerate(drawn):
            edge = edge_of.setdefault(key, len(evidence))
            if edge == len(evidence):
                evidence.append(index)
            else:
                previous = evidence[edge]
                evidence[edge] = [*previous, index] if isinstance(previous, list) else [previous, index]
        edge_keys = edge_of
    edges = graph.edges
    edges.sources = [position[key[0]] for key in edge_keys]
    edges.targets = [position[key[1]] for key in edge_keys]
    edges.predicates = [slugs[key[2]] for key in edge_keys]
    edges.evidence = evidence
    blob = bytes(columns["provenance"])
    offsets, lines, written = (columns[key].tolist() for key in ("provenance.offsets", "lines", "predicates"))
    graph.studies.append(_study_entry(imported.study, imported.study_id))
    graph.records = ImportRecords(
        origin=imported.record_origin,
        study=imported.study_id,
        read_in=0,
        source_kind=SourceKind.TABLE.value,
        hedged_levels=sorted(HEDGED_LEVELS),
        predicates=list(imported.meta["predicates"]),
        lines=[lines[r] for r in used],
        predicate_codes=[written[r] for r in used],
        provenance=[blob[offsets[r] : offsets[r + 1]].decode("utf-8") for r in used],
    )
    return graph


# --- the page ----------------------------------------------------------------------------


def is_heavy(graph: VizGraph) -> bool:
    """Return True when the page should trade styling for drawing speed.

    Dashed lines are the slowest thing vis-network draws (a 10,000-node,
    30,000-edge page redraws in about 5 s with dashes, 1 s without, in
    software rendering), so large pages draw every edge solid and straight.
    """
    return len(graph.nodes) > LARGE_GRAPH or len(graph.edges) > HEAVY_EDGES


def build_vis_data(graph: VizGraph) -> dict[str, Any]:
    """Return the JSON block the page's script reads (:class:`VizGraph`, groups and predicates as indexes).

    The script makes vis-network's node and edge items from it (sizes by
    degree, widths by distinct studies, colours and dashes by kind, and
    positions for large graphs) and the tooltips on demand. Cost: linear in
    nodes and edges, a few lists.
    """
    groups = list(dict.fromkeys(graph.nodes.groups))
    group_index = {group: index for index, group in enumerate(groups)}
    predicates = list(dict.fromkeys(graph.edges.predicates))
    predicate_index = {slug: index for index, slug in enumerate(predicates)}
    nodes, edges = graph.nodes, graph.edges
    return {
        "nodes": {
            "id": nodes.ids,
            "label": nodes.labels,
            "group": [group_index[group] for group in nodes.groups],
            "more": nodes.details,
        },
        "groups": groups,
        "types": {key: style.name for key, style in TYPE_STYLES.items()},
        "edges": {
            "from": edges.sources,
            "to": edges.targets,
            "pred": [predicate_index[slug] for slug in edges.predicates],
            "ev": edges.evidence,
            "hidden": edges.hidden,
        },
        "predicates": [describe_predicate(slug) for slug in predicates],
        "kinds": {
            key: [style.color, list(style.dashes) if style.dashes else None]
            for key, style in EDGE_STYLES.items()
        },
        "studies": graph.studies,
        "evidence": graph.evidence,
        "records": vars(graph.records) if graph.records else None,  # asdict() would deep-copy
        "chains": [{"text": c.text, "nodes": list(c.nodes), "edges": list(c.edges)} for c in graph.chains],
        "edgeLabels": graph.edge_labels,
        "options": build_vis_options(len(nodes), len(nodes) > LARGE_GRAPH),
        "large": len(nodes) > LARGE_GRAPH,
        "heavy": is_heavy(graph),
        "empty": "" if len(nodes) else graph.empty_message,
    }


def build_vis_options(n_nodes: int, large: bool) -> dict[str, Any]:
    """Return vis-network options: stabilise then stop for small graphs, no physics for large.

    Small graphs run forceAtlas2 until stable and the page then turns
    physics off. Large graphs start from the page's own positions with
    physics off and hide edges while dragging; "Re-run layout" runs one
    capped batch of Barnes-Hut and turns physics off again. The cap is 1,000
    iterations, falling with size (150 at 1,000 nodes, where one costs about
    20 ms) to 50: a 3,000-node iteration costs about 50 ms in headless
    chromium even with the coarser Barnes-Hut (theta 1, no overlap
    avoidance: 4× faster than vis-network's defaults).
    """
    groups = {
        key: {
            "shape": style.shape,
            "color": {
                "background": style.color,
                "border": "#333333",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
        }
        for key, style in TYPE_STYLES.items()
    }
    groups[STUDY_GROUP]["font"] = {"size": 11}
    iterations = max(50, min(1000, 150_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,
            "selectionWidth": 2,
            "font": {"size": 10, "face": "sans-serif", "align": "middle"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "keyboard": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": True,
        },
        "layout": {"improvedLayout": n_nodes <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
        "physics": {
            "enabled": not large,
            "solver": "barnesHut" if large else "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -110,
                "centralGravity": 0.008,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.8,
            },
            "barnesHut": {
                "gravitationalConstant": -3000,
                "springLength": 120,
                "avoidOverlap": 0,
                "theta": 1.0,
            },
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": not large,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _encode_json(payload: Any) -> str:
    """Return JSON safe to put inside a <script> block: no character can end the block."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --- the page markup -----------------------------------------------------------------------


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
    text = "\n".join(line for line in text.split("\n") if not line.startswith("//# sourceMappingURL"))
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{found[-1]} cannot be inlined safely")
    return text


def _script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend_html(graph: VizGraph) -> str:
    counts = Counter(graph.nodes.groups)
    rows = []
    for key, style in TYPE_STYLES.items():
        if not counts.get(key):
            continue
        rows.append(
            f'<label class="type-row"><input type="checkbox" checked '
            f'data-type="{escape(key, quote=True)}">'
            f'<span class="sym" style="color:{escape(style.color, quote=True)}">'
            f"{style.symbol}</span> {escape(style.name)} "
            f'<span class="count">{counts[key]}</span></label>'
        )
    for key in sorted(set(counts) - set(TYPE_STYLES)):
        rows.append(
            f'<label class="type-row"><input type="checkbox" checked '
            f'data-type="{escape(key, quote=True)}"><span class="sym">●</span> '
            f'{escape(key)} <span class="count">{counts[key]}</span></label>'
        )
    kinds: Counter[str] = Counter()
    for slug, count in Counter(graph.edges.predicates).items():
        kinds[describe_predicate(slug)[2]] += count
    lines = []
    heavy = is_heavy(graph)
    for key, edge_style in EDGE_STYLES.items():
        if not kinds.get(key):
            continue
        dash = (
            f' stroke-dasharray="{",".join(str(d) for d in edge_style.dashes)}"'
            if edge_style.dashes and not heavy
            else ""
        )
        lines.append(
            f'<div class="edge-row"><svg width="34" height="10" aria-hidden="true">'
            f'<line x1="1" y1="5" x2="26" y2="5" stroke="{edge_style.color}" '
            f'stroke-width="2.5"{dash}/><path d="M26 1 L33 5 L26 9 Z" '
            f'fill="{edge_style.color}"/></svg> {escape(edge_style.name)} '
            f'<span class="count">{kinds[key]}</span></div>'
        )
    inferred = graph.count_inferred_edges()
    if inferred:
        lines.append(
            '<label class="edge-row"><input type="checkbox" id="show-inferred" checked> '
            '<svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" '
            'stroke="#6b6b6b" stroke-opacity="0.45" stroke-width="2.5"/>'
            '<circle cx="30" cy="5" r="3.5" fill="#6b6b6b" fill-opacity="0.45"/></svg> '
            "inferred only: our reading of a table row, never the author's words "
            f'<span class="count">{inferred}</span></label>'
        )
    if heavy:
        lines.append(
            '<div class="note">Large graph: dashes are off (they slow drawing); '
            "edge kinds differ by colour.</div>"
        )
    if graph.edges:
        lines.append('<div class="note">Line width: number of distinct studies behind an edge.</div>')
    return (
        '<div id="legend"><h2>Node types</h2><div id="types">'
        + "".join(rows)
        + "</div><h2>Edges</h2>"
        + "".join(lines)
        + "</div>"
    )


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
.inferred { color: #7b3294; font-style: italic; }
.caveat { color: #a40; font-size: 12px; }
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
  var ids = data.nodes.id, labels = data.nodes.label, more = data.nodes.more;
  var from = data.edges.from, to = data.edges.to, records = data.records;
  var typeNames = new Map(Object.entries(data.types));
  var groupOf = data.nodes.group.map(function (g) { return data.groups[g]; });
  var nodeCount = ids.length, edgeCount = from.length;
  var degree = new Array(nodeCount).fill(0);
  for (var e = 0; e < edgeCount; e++) { degree[from[e]] += 1; degree[to[e]] += 1; }

  // --- evidence, as tooltips show it -----------------------------------------------------
  function predicateOf(e) { return data.predicates[data.edges.pred[e]]; }  // slug, label, kind, effect
  function edgeId(e) { return ids[from[e]] + "|" + predicateOf(e)[0] + "|" + ids[to[e]]; }
  function studyAt(k) {
    var s = data.studies[k];
    return {id: s[0], citation: s[1], review: s[2], title: s[3], where: s[4], links: s[5]};
  }
  // One import record as ImportedGraph.get_evidence reads it (see ImportRecords).
  function recordEvidence(k, e) {
    var fields = records.provenance[k] ? records.provenance[k].split("\t") : [];
    while (fields.length < 8) { fields.push(""); }
    var edgeName = fields[0], source = fields[1], text = fields[3], level = fields[4];
    var qualifier = fields[5] ? " (" + fields[5] + ")" : "";
    var predicate = records.predicates[records.predicate_codes[k]];
    var locator = records.origin + " " + records.lines[k] + (edgeName ? ", id " + edgeName : "") +
      "; " + predicate + qualifier + (source ? "; " + source : "");
    var quote = text || ids[from[e]] + " " + predicate + qualifier + " " + ids[to[e]];
    var studies = fields[2].split("|").map(function (s) { return s.trim(); }).filter(Boolean);
    if (!studies.length) { studies = [source || records.study]; }
    var bases = fields[6].split("|").map(function (s) { return s.trim(); });
    var units = fields[7].split("|").map(function (s) { return s.trim(); }).filter(Boolean);
    var several = new Set(units).size > 1;
    var fallback = records.hedged_levels.indexOf(level) >= 0 ? "hedged" : "stated";
    return studies.map(function (s, n) {
      var basis = ["stated", "hedged", "inferred"].indexOf(bases[n]) >= 0 ? bases[n] : fallback;
      var place = several && n < units.length ? locator + "; unit " + units[n] : locator;
      return {study: {id: s, citation: s, links: []}, readIn: studyAt(records.read_in).citation,
              kind: records.source_kind, locator: place, quote: quote,
              basis: basis, context: "", inferredFrom: null, caveat: null};
    });
  }
  function evidenceOf(e) {
    var rows = [];
    [].concat(data.edges.ev[e]).forEach(function (k) {
      if (records) { rows = rows.concat(recordEvidence(k, e)); return; }
      var r = data.evidence[k];
      rows.push({study: studyAt(r[0]), readIn: studyAt(r[1]).citation, kind: r[2], locator: r[3],
                 quote: r[4], basis: r[5], context: r[6], inferredFrom: r[7], caveat: r[8]});
    });
    return rows;
  }
  function studyCount(rows) { return new Set(rows.map(function (r) { return r.study.id; })).size; }

  // --- tooltips: built on demand, text only (createElement / textContent, never innerHTML) --
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function add(parent, tag, className, text) { return parent.appendChild(el(tag, className, text)); }
  function link(text, iri) {
    if (typeof iri !== "string" || !/^https?:\/\//i.test(iri)) { return document.createTextNode(text); }
    var a = el("a", null, text);
    a.href = iri;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function field(parent, name, items, separator) {
    var row = add(parent, "div");
    add(row, "b", null, name + ": ");
    items.forEach(function (item, n) {
      if (n) { row.append(separator); }
      row.append(item);
    });
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function describeStudy(box, i, s) {
    add(box, "div", "tip-title", s.citation);
    var meta = add(box, "div", "tip-meta", (s.review ? "review" : "study") + " · ");
    add(meta, "code", null, s.id);
    meta.append(" · reports on " + plural(degree[i], "drawn entity", "drawn entities"));
    if (s.title) { add(add(box, "div"), "i", null, s.title); }
    if (s.where) { add(box, "div", null, s.where); }
    if (s.links.length) {
      var row = add(box, "div");
      s.links.forEach(function (l, n) { if (n) { row.append(" "); } row.append(link(l[0], l[1])); });
    }
  }
  function describeNode(i) {
    var box = el("div"), extra = more[i] || {};
    if (extra.study !== undefined) { describeStudy(box, i, studyAt(extra.study)); return box; }
    add(box, "div", "tip-title", labels[i]);
    var meta = add(box, "div", "tip-meta", (typeNames.get(groupOf[i]) || groupOf[i]) + " · ");
    add(meta, "code", null, ids[i]);
    meta.append(" · " + plural(degree[i], "edge", "edges") + " drawn");
    if (extra.syn) { field(box, "Synonyms", extra.syn, "; "); }
    if (extra.xref) {
      field(box, "Cross-references", extra.xref.map(function (x) { return link(x[0], x[1]); }), ", ");
    } else if (extra.noXref) {
      field(box, "No cross-reference", [extra.noXref], "");
    }
    if (extra.isA) { field(box, "Is a", extra.isA, ", "); }
    return box;
  }
  function describeEdge(e) {
    var box = el("div"), p = predicateOf(e);
    var title = add(box, "div", "tip-title", labels[from[e]] + " ");
    add(title, "span", "pred", p[1]);
    title.append(" " + labels[to[e]]);
    if (p[2] === "reports") { return box; }
    var rows = evidenceOf(e);
    add(box, "div", "tip-meta", p[3] + " · " + plural(studyCount(rows), "study", "studies"));
    var list = add(box, "ol", "evidence");
    rows.forEach(function (r) {
      var item = add(list, "li");
      var cite = add(item, "div");
      add(cite, "b", null, r.study.citation);
      r.study.links.forEach(function (l) { cite.append(" "); cite.append(link(l[0], l[1])); });
      var meta = add(item, "div", "tip-meta", "read in " + r.readIn + " · " + r.kind + " " + r.locator);
      if (r.basis !== "stated") { meta.append(" · "); add(meta, "span", r.basis, r.basis); }
      if (r.basis === "inferred") { add(item, "div", "inferred", "inferred: " + r.inferredFrom); }
      add(item, "blockquote", null, (r.basis === "inferred" ? "read: " : "") + "“" + r.quote + "”");
      if (r.context) { add(item, "div", "ctx", r.context); }
      if (r.caveat) { add(item, "div", "caveat", "caveat: " + r.caveat); }
    });
    var hidden = data.edges.hidden[e];
    if (hidden) {
      add(box, "div", "tip-meta", plural(hidden, "more piece", "more pieces") +
          " of evidence outside the filters");
    }
    return box;
  }

  // --- vis-network items -----------------------------------------------------------------
  // Large graphs: one pie sector per type (legend order), hubs near the centre, even density,
  // so 10,000 nodes open at once instead of waiting minutes for physics.
  function sectorLayout() {
    var members = new Map(), positions = new Array(nodeCount);
    for (var i = 0; i < nodeCount; i++) {
      if (!members.has(groupOf[i])) { members.set(groupOf[i], []); }
      members.get(groupOf[i]).push(i);
    }
    var order = Array.from(typeNames.keys()).filter(function (g) { return members.has(g); })
      .concat(Array.from(members.keys()).filter(function (g) { return !typeNames.has(g); }).sort());
    var radius = 45 * Math.sqrt(Math.max(nodeCount, 1) / Math.PI) * 1.6;
    var golden = (Math.sqrt(5) - 1) / 2, start = 0;
    order.forEach(function (group) {
      var list = members.get(group).sort(function (a, b) {
        return degree[b] - degree[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
      });
      var width = 2 * Math.PI * list.length / nodeCount;
      list.forEach(function (node, k) {
        var r = radius * Math.sqrt((k + 0.5) / list.length);
        var angle = start + width * (0.05 + 0.9 * ((k * golden) % 1));
        positions[node] = [r * Math.cos(angle), r * Math.sin(angle)];
      });
      start += width;
    });
    return positions;
  }
  var positions = data.large ? sectorLayout() : null;
  var nodeItems = ids.map(function (id, i) {
    var item = {id: id, label: labels[i], group: groupOf[i], i: i,
                size: Math.round(10 * (10 + 4 * Math.log2(1 + degree[i]))) / 10};
    if (more[i] && more[i].role) {
      item.role = more[i].role;
      item.borderWidth = 4;
      item.size += 6;
      item.font = {size: 18};
    }
    if (positions) { item.x = positions[i][0]; item.y = positions[i][1]; }
    return item;
  });
  var siblings = new Map();
  // An edge whose every piece of evidence is inferred (our reading, not the author's) is drawn
  // faded with a round head: a style no other kind uses (dashes mean no change or descriptive).
  function inferredOnly(rows) {
    return rows.length > 0 && rows.every(function (r) { return r.basis === "inferred"; });
  }
  var edgeItems = from.map(function (source, e) {
    var p = predicateOf(e), style = data.kinds[p[2]], rows = evidenceOf(e), n = studyCount(rows);
    var item = {id: edgeId(e), from: ids[source], to: ids[to[e]], i: e, kind: p[2], n: n,
                color: {color: style[0], highlight: style[0], hover: style[0]},
                width: Math.round(10 * (1 + (data.heavy ? 0.75 : 1.5) * Math.min(n, 6))) / 10};
    if (style[1] && !data.heavy) { item.dashes = style[1]; }
    if (inferredOnly(rows)) {
      item.inferred = true;
      item.color.opacity = 0.45;
      item.arrows = {to: {enabled: true, type: "circle"}};
    }
    if (data.edgeLabels) { item.label = p[1]; }
    if (!data.heavy) {  // parallel edges between one pair curve apart
      var pair = Math.min(source, to[e]) + " " + Math.max(source, to[e]);
      if (!siblings.has(pair)) { siblings.set(pair, []); }
      siblings.get(pair).push(item);
    }
    return item;
  });
  siblings.forEach(function (items) {
    if (items.length < 2) { return; }
    items.forEach(function (item, k) {
      item.smooth = {enabled: true, type: "curvedCW", roundness: 0.15 + 0.2 * k};
    });
  });

  var hiddenTypes = new Set();
  var groupById = new Map();
  ids.forEach(function (id, i) { groupById.set(id, groupOf[i]); });
  function shown(id) { return !hiddenTypes.has(groupById.get(id)); }
  var showInferred = true;
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(n.id); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return shown(e.from) && shown(e.to) && (showInferred || !e.inferred);
  }});
  var state = {ready: false};
  function describe(id) {
    var node = nodes.get(id);
    if (node) { return describeNode(node.i); }
    var edge = edges.get(id);
    return edge ? describeEdge(edge.i) : null;
  }
  var api = {nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, state: state,
             hiddenTypes: hiddenTypes, network: null, describe: describe,
             evidence: function (id) { return evidenceOf(edges.get(id).i); }};
  window.mscGraph = api;

  function markReady() {
    if (state.ready) { return; }
    state.ready = true;
    status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
    document.body.setAttribute("data-ready", "true");
  }
  if (data.empty) {
    add(wrap, "div", "empty", data.empty);
  }
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  api.network = network;

  function freeze() {
    network.setOptions({physics: {enabled: false}});
    state.stabilized = (state.stabilized || 0) + 1;
    markReady();
    status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges";
  }
  network.on("stabilizationIterationsDone", freeze);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (!data.options.physics.enabled || nodeCount === 0) {
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
  function showTip(id) {
    tooltip.replaceChildren(describe(id));
    tooltip.style.display = "block";
    place();
  }
  function hideTip() { tooltip.style.display = "none"; }
  network.on("hoverNode", function (p) { showTip(p.node); });
  network.on("hoverEdge", function (p) { showTip(p.edge); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  function showDetails(id) {
    var content = describe(id);
    if (content) { details.replaceChildren(content); }
  }
  api.showDetails = showDetails;
  network.on("click", function (p) {
    if (p.nodes.length) { showDetails(p.nodes[0]); }
    else if (p.edges.length) { showDetails(p.edges[0]); }
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

  var inferredBox = document.getElementById("show-inferred");
  if (inferredBox) {
    inferredBox.addEventListener("change", function () {
      showInferred = inferredBox.checked;
      edgeView.refresh();
      status.textContent = nodeView.length + " nodes, " + edgeView.length + " edges shown";
    });
  }

  var relayout = document.getElementById("relayout");
  relayout.addEventListener("click", function () {
    var iterations = data.options.physics.stabilization.iterations;
    status.textContent = "laying out";
    network.setOptions({physics: {enabled: true,
      stabilization: {enabled: true, iterations: iterations, updateInterval: 10}}});
    network.stabilize(iterations);
  });

  var index = [];
  ids.forEach(function (id, i) {
    index.push({key: labels[i].toLowerCase(), id: id, label: labels[i], why: ""});
    ((more[i] && more[i].syn) || []).forEach(function (s) {
      index.push({key: s.toLowerCase(), id: id, label: labels[i], why: s});
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
    var type = groupById.get(id);
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
    showDetails(id);
    suggestions.textContent = "";
  }
  api.focusNode = focusNode;
  api.findMatches = findMatches;
  search.addEventListener("input", function () {
    suggestions.textContent = "";
    findMatches(search.value).forEach(function (entry) {
      var item = add(suggestions, "li", null, entry.label);
      if (entry.why) { add(item, "span", "why", " (" + entry.why + ")"); }
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        search.value = entry.label;
        focusNode(entry.id);
      });
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
  data.chains.forEach(function (chain) {
    var item = add(chainList, "li", null, chain.text);
    item.addEventListener("click", function () {
      chainList.querySelectorAll("li").forEach(function (li) { li.classList.remove("active"); });
      item.classList.add("active");
      network.setSelection({nodes: chain.nodes, edges: chain.edges}, {highlightEdges: false});
      network.fit({nodes: chain.nodes, animation: {duration: 400}});
    });
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
    data: images. Cost: linear in nodes and edges; the vis-network script
    adds about 470 kB, a 10,000-node, 30,000-edge import about 4 MB.
    """
    vis_js = read_vis_js()
    payload = _encode_json(build_vis_data(graph))
    policy = (
        "default-src 'none'; "
        f"script-src {_script_hash(vis_js)} {_script_hash(APP_JS)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    chains = '<h2>Chains</h2><ol id="chains"></ol>' if graph.chains else '<ol id="chains" hidden></ol>'
    subtitle = f'<span id="subtitle">{escape(graph.subtitle)}</span>' if graph.subtitle else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
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
        f'<aside>{chains}{_legend_html(graph)}<h2>Details</h2><div id="details">Hover or '
        "click a node or an edge for its evidence.</div></aside></main>\n"
        f'<script type="application/json" id="graph-data">{payload}</script>\n'
        f"<script>{vis_js}</script>\n<script>{APP_JS}</script>\n</body>\n</html>\n"
    )


def render_paths_html(
    model: GraphModel, search: PathSearch, prefixes: Mapping[str, str] | None = None
) -> str:
    """Return a page drawing only the nodes and hops of the found chains.

    Sources and targets are drawn with a heavy border, the chains are listed
    in the side panel (the best one selected once the layout settles), and
    every hop's tooltip lists the evidence that survived the search's filters.
    ``prefixes`` turns cross-references into links (plain CURIEs without it).
    """
    return render_graph_html(build_paths_graph(model, search, prefixes))
