"""Typed, immutable records of the curated graph: the one model both views are built from.

Standard library only: importing this module must stay cheap and must not pull
in rdflib, networkx, pyvis or click.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum, IntEnum, StrEnum
from functools import cached_property


class EntityType(StrEnum):
    """The closed set of node types (OWL classes in ontology/msc.ttl)."""

    MSC_SOURCE = "msc-source"
    SECRETOME_COMPONENT = "secretome-component"
    FACTOR = "factor"
    GROWTH_FACTOR = "growth-factor"
    CYTOKINE = "cytokine"
    CHEMOKINE = "chemokine"
    ENZYME = "enzyme"
    RECEPTOR = "receptor"
    MICRORNA = "microrna"
    MARKER = "marker"
    CHEMICAL = "chemical"
    PATHWAY = "pathway"
    PROCESS = "process"
    CELL_TYPE = "cell-type"
    TISSUE = "tissue"
    DISEASE_MODEL = "disease-model"
    DISEASE = "disease"
    PHENOTYPE = "phenotype"
    SPECIES = "species"
    ROUTE = "route"
    CELL_SOURCE = "cell-source"
    CELL_PREPARATION = "cell-preparation"
    STUDY = "study"
    EXTERNAL = "external"

    @property
    def is_factor(self) -> bool:
        """Return True for the molecule types grouped as "factor" (OWL subclasses of Factor)."""
        return self in FACTOR_TYPES


FACTOR_TYPES = frozenset(
    {
        EntityType.FACTOR,
        EntityType.GROWTH_FACTOR,
        EntityType.CYTOKINE,
        EntityType.CHEMOKINE,
        EntityType.ENZYME,
        EntityType.RECEPTOR,
        EntityType.MICRORNA,
        EntityType.MARKER,
        EntityType.CHEMICAL,
    }
)


class Sign(IntEnum):
    """Direction of an effect: the product of signs along a chain is its net effect."""

    DECREASES = -1
    NO_CHANGE = 0
    INCREASES = 1

    @property
    def arrow(self) -> str:
        """Return the arrow the seeds' tables use for this sign."""
        return {Sign.DECREASES: "↓", Sign.NO_CHANGE: "-", Sign.INCREASES: "↑"}[self]


class SourceKind(StrEnum):
    """Where in a review a claim was read."""

    PROSE = "prose"
    TABLE = "table"
    FIGURE = "figure"
    REFERENCE_TITLE = "reference-title"


class Basis(StrEnum):
    """How far the source carries a claim (DESIGN.md, Assertions).

    ``stated``: the sentence, row or title asserts it (an author's explicit
    causal connective, "thus", "which in turn", "by", included); ``hedged``:
    the author asserts it with may / might / suggests; ``inferred``: our
    reading, e.g. two cells of one table row paired, never the author's words.
    """

    STATED = "stated"
    HEDGED = "hedged"
    INFERRED = "inferred"

    @property
    def weight(self) -> float:
        """Return what one support unit with this basis adds to a hop's evidence count."""
        return BASIS_WEIGHTS[self]

    @property
    def rank(self) -> int:
        """Return 0 for stated, 1 for hedged, 2 for inferred (lower is stronger)."""
        return list(Basis).index(self)

    @staticmethod
    def strongest(bases: Iterable[Basis]) -> Basis:
        """Return the strongest of ``bases`` (stated > hedged > inferred): what a unit or a group rests on."""
        return min(bases, key=lambda basis: basis.rank)

    @staticmethod
    def weakest(bases: Iterable[Basis]) -> Basis:
        """Return the weakest of ``bases``: a conflict is no firmer than its weaker claim."""
        return max(bases, key=lambda basis: basis.rank)


BASIS_WEIGHTS = {Basis.STATED: 1.0, Basis.HEDGED: 0.5, Basis.INFERRED: 0.25}
"""Support weight per basis: the path score's n sums these per support unit."""


class Setting(StrEnum):
    """The experimental setting of a piece of evidence."""

    IN_VIVO = "in-vivo"
    IN_VITRO = "in-vitro"
    EX_VIVO = "ex-vivo"
    CLINICAL = "clinical"


@dataclass(frozen=True)
class Entity:
    """A node: a stable slug id, a preferred label, a type and what grounds it."""

    id: str
    label: str
    type: EntityType
    synonyms: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    is_a: tuple[str, ...] = ()
    no_xref: str | None = None
    components: tuple[str, ...] = ()
    """For a composite (the PI3K/AKT/mTOR pathway): the names of its parts (PI3K, AKT, mTOR).

    Names, not entities: a researcher typing "mTOR" finds the pathway, SPARQL
    sees them (``msc:component``), and chains never walk them (a part-of edge
    would make the pathway do what each part does). Every spelling of each
    part is listed, long forms paired with short ones by rule
    (:mod:`msc_graph.curation.validate.components`); the parts themselves, with
    their cross-references, are :attr:`GraphModel.components`.
    """
    found_in: tuple[str, ...] = ()
    """For cells and tissues: the tissues they lie in (microglia in the central nervous system).

    Anatomy, read only when deciding whether two places of measurement can
    match (filters.measured_in_compatible); never an edge, never walked by chains.
    """
    occurs_in: tuple[str, ...] = ()
    """For processes and phenotypes: the cells or tissues they happen in (microglial activation: microglia).

    What lets ``neighbours`` answer "what acts on microglia" with the factors
    that act on microglial activation, each row saying it reached microglia
    through that process; never an edge, never walked by chains.
    """
    proposed_by: str | None = None
    """The tool whose draft of this entity a curator accepted (None: a curator wrote it)."""


@dataclass(frozen=True)
class Component:
    """One part that composite names name (PI3K of the PI3K/AKT/mTOR pathway), with what grounds it.

    A name, never an entity and never an edge: chains do not walk parts.
    ``spellings`` are every name the graph gives this part, ``name`` first
    (PI3K, phosphoinositide 3-kinase, P13K); ``xrefs`` ground the part itself,
    a family or complex (FamPlex) where the part is one, a gene (HGNC) where
    it is one gene; ``no_xref`` says why a part has none.
    """

    name: str
    spellings: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    no_xref: str | None = None


@dataclass(frozen=True)
class Study:
    """A publication: a primary study, or one of the reviews the graph was read in."""

    id: str
    citation: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    volume: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    no_pmid: str | None = None
    """Why no PMID is recorded (not found by title, not indexed ...): never a guess in its place."""
    ref: int | None = None
    review: bool = False
    context: Context = field(default_factory=lambda: Context())
    """What the sentences citing it, its table row and its title state; evidence inherits it."""
    seed: str | None = None
    """A review's seed text: a file name in the seeds folder (``$MSC_GRAPH_SEEDS``)."""
    proposed_by: str | None = None
    """The tool whose draft of this study a curator accepted (None: a curator wrote it)."""


@dataclass(frozen=True)
class Context:
    """The experimental setting one piece of evidence describes (all fields optional).

    Entity-valued fields hold entity ids (species, disease_model, msc_source,
    preparation, route, measured_in).
    """

    species: str | None = None
    strain: str | None = None
    disease_model: str | None = None
    healthy: bool | None = None
    msc_source: str | None = None
    preparation: str | None = None
    route: str | None = None
    measured_in: tuple[str, ...] = ()
    setting: Setting | None = None

    def items(self) -> Iterator[tuple[str, object]]:
        """Yield (field, value) for every field that is set, in declaration order."""
        for item in fields(self):
            value = getattr(self, item.name)
            if value not in (None, ()):
                yield item.name, value.value if isinstance(value, Enum) else value

    def overlay(self, own: Context) -> tuple[Context, tuple[str, ...]]:
        """Return this (a study's) context overridden by ``own``, and the fields kept from this one.

        A field ``own`` states wins; every other field is inherited.
        """
        merged = {name: value for name, value in vars(self).items() if value not in (None, ())}
        stated = {name: value for name, value in vars(own).items() if value not in (None, ())}
        inherited = tuple(name for name in merged if name not in stated)
        merged.update(stated)
        return Context(**merged), inherited


CONTEXT_FIELDS = tuple(item.name for item in fields(Context))


def assign_support_units(cited: Iterable[tuple[str, Hashable]]) -> dict[str, str]:
    """Return study → the study naming its support unit, from (study, place where it was cited) pairs.

    Studies cited together at one place count once: a study cited on its own
    somewhere is a unit of its own; a study only ever cited beside others
    joins the unit of one it was cited with, and studies only ever cited
    together form one unit. So three table rows and a sentence citing all
    three rows' studies are three units, while "Gao et al., 2023a,b" is one.
    Exports write the result so that an import of them counts the same.
    Cost: linear in the pairs.
    """
    places: dict[Hashable, list[str]] = {}
    for study, place in cited:
        studies = places.setdefault(place, [])
        if study not in studies:
            studies.append(study)
    alone = {studies[0] for studies in places.values() if len(studies) == 1}
    parents: dict[str, str] = {}
    for studies in places.values():
        anchor = next((s for s in studies if s in alone), studies[0])
        for study in studies:
            if study not in alone:
                _join_units(parents, alone, anchor, study)
    return {study: _find_unit(parents, study) for studies in places.values() for study in studies}


def _find_unit(parents: dict[str, str], study: str) -> str:
    """Return the study that names a study's unit (union-find with path halving)."""
    parents.setdefault(study, study)
    while parents[study] != study:
        parents[study] = parents[parents[study]]
        study = parents[study]
    return study


def _join_units(parents: dict[str, str], alone: set[str], first: str, second: str) -> None:
    """Merge the units of two studies unless each already holds a study cited on its own.

    A unit's root is kept on a study cited on its own where the unit has
    one, so one look at the roots tells whether both do.
    """
    left, right = _find_unit(parents, first), _find_unit(parents, second)
    if left == right or (left in alone and right in alone):
        return
    if right in alone:
        left, right = right, left
    parents[right] = left


ENTITY_CONTEXT_FIELDS = ("species", "disease_model", "msc_source", "preparation", "route")

CONTEXT_TYPES: dict[str, frozenset[EntityType]] = {
    "species": frozenset({EntityType.SPECIES}),
    "disease_model": frozenset({EntityType.DISEASE_MODEL}),
    "msc_source": frozenset({EntityType.MSC_SOURCE, EntityType.CELL_SOURCE}),
    "preparation": frozenset({EntityType.SECRETOME_COMPONENT, EntityType.CELL_PREPARATION}),
    "route": frozenset({EntityType.ROUTE}),
    "measured_in": frozenset({EntityType.TISSUE, EntityType.CELL_TYPE}),
}
"""The entity types each entity-valued context field holds (the validator and the context filters check)."""


@dataclass(frozen=True)
class Evidence:
    """One place a claim was read: study, review, locator, verbatim quote, basis and context.

    ``context`` is the merged context: the study's own, overridden field by
    field where this evidence's sentence or row says otherwise; ``inherited``
    names the fields taken from the study. ``inferred_from`` says in words what
    an inferred record was read from; ``caveat`` is a curator's doubt about
    what the review says, shown beside the evidence everywhere; ``proposed_by``
    names the tool whose accepted draft this was.
    """

    study: str
    read_in: str
    source_kind: SourceKind
    locator: str
    quote: str
    basis: Basis = Basis.STATED
    context: Context = field(default_factory=Context)
    inferred_from: str | None = None
    caveat: str | None = None
    inherited: tuple[str, ...] = ()
    proposed_by: str | None = None
    """The tool that proposed this record (``curate draft``) when a curator accepted its draft; None
    when a curator wrote it. Drafts themselves never reach the model."""

    @property
    def is_general(self) -> bool:
        """Return True when no filterable context field is known (a review's general statement).

        General evidence passes every context filter, marked as general.
        """
        return all(getattr(self.context, name) is None for name in ENTITY_CONTEXT_FIELDS)

    @property
    def place(self) -> tuple[str, str, str, str]:
        """Return the place this evidence was read (review, kind, locator, quote).

        Studies cited together at one place ("Gao et al., 2023a,b") share it,
        which is how support counting tells them apart from separate findings.
        """
        return (self.read_in, self.source_kind.value, self.locator, self.quote)


@dataclass(frozen=True)
class Assertion:
    """A signed edge, subject-predicate-object, with every piece of evidence behind it.

    ``sign`` is fixed by the predicate (see vocabulary.py): None for predicates
    that carry or describe rather than cause.
    """

    id: str
    subject: str
    predicate: str
    object: str
    sign: Sign | None
    evidence: tuple[Evidence, ...]

    @property
    def studies(self) -> frozenset[str]:
        """Return the ids of the studies behind this assertion."""
        return frozenset(item.study for item in self.evidence)

    def evidence_key(self, index: int) -> str:
        """Return the stable key of evidence ``index`` (0-based): ``<assertion id>-<n>``, n 1-based.

        The one rule for naming a piece of evidence: its IRI's local name in
        the RDF and its ``key`` in the JSON outputs.
        """
        return f"{self.id}-{index + 1}"


@dataclass(frozen=True)
class GraphModel:
    """The whole curated graph: entities, studies and assertions, keyed by id."""

    entities: Mapping[str, Entity]
    studies: Mapping[str, Study]
    assertions: tuple[Assertion, ...]
    name: str = "curated"
    components: Mapping[str, Component] = field(default_factory=dict)
    """The parts composite entities name (name → part), with their cross-references."""

    @property
    def reviews(self) -> dict[str, Study]:
        """Return the reviews the graph was read in (see :func:`get_reviews`)."""
        return get_reviews(self.studies)

    @cached_property
    def children(self) -> Mapping[str, tuple[str, ...]]:
        """Return the is-a index, parent id → child ids: the one index every hierarchy walk reads.

        Cost: one pass over the entities, once per model (cached).
        """
        children: dict[str, list[str]] = {}
        for entity in self.entities.values():
            for parent in entity.is_a:
                children.setdefault(parent, []).append(entity.id)
        return {parent: tuple(kids) for parent, kids in children.items()}

    def get_components(self, entity_id: str) -> list[Component]:
        """Return the parts an entity's components name, in the order it names them, each once.

        Cost: linear in the model's parts (once per call; used by ``show``).
        """
        by_spelling = {spelling: part for part in self.components.values() for spelling in part.spellings}
        found = [by_spelling[name] for name in self.entities[entity_id].components if name in by_spelling]
        return list({part.name: part for part in found}.values())

    def iter_descendants(self, entity_id: str) -> Iterator[str]:
        """Yield ``entity_id`` and every entity below it in the is-a hierarchy.

        Cost: linear in the size of the subtree (after the index, built once).
        """
        return iter_subtree(self.children, entity_id)


def get_reviews(studies: Mapping[str, Study]) -> dict[str, Study]:
    """Return the reviews among ``studies`` (id → study), in the order they were defined.

    The one place that says which reviews exist: a review is a study with
    ``review: true`` in the curated data, and its ``seed`` names the text it
    is read from. Adding a review is data (a study and a seed text), never code.

    >>> found = get_reviews({"r": Study("r", "R", review=True, seed="r.md"), "s": Study("s", "S")})
    >>> {ident: study.seed for ident, study in found.items()}
    {'r': 'r.md'}
    """
    return {ident: study for ident, study in studies.items() if study.review}


def iter_subtree(children: Mapping[str, Iterable[str]], root: str) -> Iterator[str]:
    """Yield ``root`` and every node below it in ``children``, once each, depth first.

    Cost: linear in the size of the subtree; is-a cycles (refused by curation/validate,
    possible in imported graphs) end the walk instead of looping.
    """
    return iter_reachable(root, lambda node: sorted(children.get(node, ()), reverse=True))


def iter_reachable(start: str, step: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """Yield ``start`` and every node ``step`` leads to, once each, depth first (cycles end the walk).

    The one graph walk behind the is-a subtree, the hierarchy's ancestors and
    the anatomy of a place. Cost: linear in the nodes and steps reached.
    """
    seen: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        stack.extend(step(current))
