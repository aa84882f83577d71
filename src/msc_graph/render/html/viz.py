"""What a page of the graph draws: a :class:`VizGraph` of node and edge columns, and its styles.

The graph page (:mod:`~msc_graph.render.html.graph`) and the paths page
(:mod:`~msc_graph.render.html.paths`) fill a VizGraph, through a
:class:`PageBuilder`, from model records; the page's script
(``static/app.js``) reads it as one JSON block. No pyvis or networkx object
is ever part of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from msc_graph.model import Context, Evidence, GraphModel, Study
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.query.payloads import context_payload, study_links

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

FLOW_LEVELS: dict[str, int] = {
    "msc-source": 0,
    "cell-source": 0,
    "species": 0,
    "secretome-component": 1,
    "cell-preparation": 1,
    "route": 1,
    "factor": 2,
    "growth-factor": 2,
    "cytokine": 2,
    "chemokine": 2,
    "enzyme": 2,
    "receptor": 2,
    "microrna": 2,
    "marker": 2,
    "chemical": 2,
    "external": 2,
    "pathway": 3,
    "process": 4,
    "cell-type": 5,
    "tissue": 5,
    "disease-model": 6,
    "disease": 6,
    "phenotype": 6,
    STUDY_GROUP: 7,
}
"""Entity type → column of a flow layout, left to right in the order a mechanism is told:
source → secretome fraction → factor → pathway → process → cell → disease / outcome.
Species and route are context, drawn beside the source and the preparation they qualify."""

BASES = ("stated", "hedged", "inferred")
"""Evidence bases in the order the page's basis filter lists them."""


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
    """Tab-separated (interop.imported.records.PROVENANCE_FIELDS): edge id, knowledge source,
    publications (|-separated), text, level, qualifier, bases and support units (|-separated, one per
    publication)."""


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
    flow: bool = False
    """Lay nodes out in FLOW_LEVELS columns (a focus or a paths page), not by forces."""

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

    def count_bases(self) -> dict[str, int]:
        """Return, per basis, how many edges have at least one piece of evidence of it (imports: none)."""
        counts = dict.fromkeys(BASES, 0)
        if self.records is not None:
            return counts
        for refs in self.edges.evidence:
            rows = [self.evidence[k] for k in ([refs] if isinstance(refs, int) else refs)]
            for basis in {row[5] for row in rows}:
                counts[basis] = counts.get(basis, 0) + 1
        return counts

    def edge_kind(self, index: int) -> str:
        """Return the EDGE_STYLES key edge ``index`` is drawn with."""
        return describe_predicate(self.edges.predicates[index])[2]


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


def expand_xrefs(curies: Iterable[str], prefixes: Mapping[str, str] | None) -> list[list[str | None]]:
    """Return [CURIE, http(s) IRI or None] for each cross-reference."""
    from msc_graph.views.namespaces import expand_curie

    return [[curie, _web_iri(expand_curie(curie, prefixes)) if prefixes else None] for curie in curies]


def study_entry(study: Study | None, study_id: str) -> list[Any]:
    """Return a row of VizGraph.studies (an unknown id stands for itself, without links)."""
    if study is None:
        return [study_id, study_id, False, None, "", []]
    links = study_links(study)
    where = ", ".join(str(v) for v in (study.journal, study.year, study.volume, study.pages) if v)
    return [study.id, study.citation, study.review, study.title, where, links]


def plain_label(model: GraphModel, entity_id: str) -> str:
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
            details["xref"] = expand_xrefs(entity.xrefs, self.prefixes)
        elif entity.no_xref:
            details["noXref"] = entity.no_xref
        if entity.is_a:
            details["isA"] = [plain_label(self.model, parent) for parent in entity.is_a]
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
            self.graph.studies.append(study_entry(self.model.studies.get(study_id), study_id))
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
