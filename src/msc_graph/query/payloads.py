"""Model records → JSON-ready dicts: the stable output shapes documented in the README.

One place decides how an entity, a study, a context and a piece of evidence
look in every JSON output (show, studies, paths, contradictions ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from msc_graph.model.records import Assertion, Context, Entity, Evidence, GraphModel, Study
from msc_graph.views.resolve import Match


class EntityRef(TypedDict):
    """An entity as every JSON output names it."""

    id: str
    label: str
    type: str


class ContextPayload(TypedDict):
    """A merged context, entity-valued fields as labels (None when unstated)."""

    species: str | None
    strain: str | None
    disease_model: str | None
    healthy: bool | None
    msc_source: str | None
    preparation: str | None
    route: str | None
    measured_in: list[str | None]
    setting: str | None


class EvidencePayload(TypedDict):
    """One piece of evidence in the JSON contract (README, "Paths")."""

    study: str
    citation: str
    read_in: str
    source_kind: str
    locator: str
    quote: str
    basis: str
    inferred_from: str | None
    eco: str
    caveat: str | None
    context: ContextPayload
    inherited: list[str]
    general: bool
    links: list[list[str]]
    """The study's [label, URL] pairs: its PubMed page, then its DOI (none for a study without either)."""


class KeyedEvidencePayload(EvidencePayload):
    """A piece of evidence with its stable key (``<assertion id>-<n>``), where outputs refer to it."""

    key: str


class XrefPayload(TypedDict):
    """A cross-reference: the CURIE and its IRI (None for an unknown prefix)."""

    curie: str
    iri: str | None


class ComponentPayload(TypedDict):
    """A part a composite entity names (PI3K of the PI3K/AKT/mTOR pathway), with its cross-references."""

    name: str
    spellings: list[str]
    """Every name the graph gives the part, ``name`` first (PI3K, phosphoinositide 3-kinase, P13K)."""
    xrefs: list[XrefPayload]
    no_xref: str | None


class EntityPayload(TypedDict):
    """An entity in full (``show``): names, cross-references, parts, parents and children."""

    id: str
    label: str
    type: str
    synonyms: list[str]
    xrefs: list[XrefPayload]
    no_xref: str | None
    components: list[ComponentPayload]
    """The parts a composite names, in the order it names them (none for any other entity)."""
    is_a: list[EntityRef]
    children: list[EntityRef]


class AssertionPayload(TypedDict):
    """An assertion with its evidence (``show``)."""

    id: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    sign: int | None
    evidence: list[EvidencePayload]


class KeyedAssertionPayload(TypedDict):
    """An assertion whose evidence carries keys (``contradictions``, whose pairs name them)."""

    id: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    sign: int | None
    evidence: list[KeyedEvidencePayload]


class ShowPayload(TypedDict):
    """``show -f json``: an entity and every assertion touching it."""

    entity: EntityPayload
    assertions: list[AssertionPayload]


class MatchPayload(TypedDict):
    """``search -f json``: one entity a name matched, how and how well."""

    id: str
    label: str
    type: str
    matched: str
    how: str
    score: float


class ResolvePayload(MatchPayload):
    """``resolve -f json``: the match, others the name fits as well, and everything below it."""

    also: list[MatchPayload]
    """Other composites sharing the component typed (PI3K: two pathways), less evidence first."""
    descendants: list[EntityRef]


def study_links(study: Study | None) -> list[list[str]]:
    """Return [label, URL] for the study's PubMed page and DOI, where known (the one rule for links)."""
    from urllib.parse import quote

    if study is None:
        return []
    links = []
    if study.pmid:
        links.append([f"PMID:{study.pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{quote(study.pmid)}/"])
    if study.doi:
        links.append([f"doi:{study.doi}", "https://doi.org/" + quote(study.doi, safe="/:;()._-")])
    return links


def entity_ref(model: GraphModel, entity_id: str) -> EntityRef:
    """Return ``{id, label, type}`` for an entity id."""
    entity = model.entities[entity_id]
    return {"id": entity.id, "label": entity.label, "type": entity.type.value}


def get_label(model: GraphModel, entity_id: str | None) -> str | None:
    """Return the label of an entity id (None stays None; unknown ids are returned as-is)."""
    if entity_id is None:
        return None
    entity = model.entities.get(entity_id)
    return entity.label if entity else entity_id


def context_payload(model: GraphModel, context: Context) -> ContextPayload:
    """Return every context field, entity-valued ones as labels (None when unstated)."""
    return {
        "species": get_label(model, context.species),
        "strain": context.strain,
        "disease_model": get_label(model, context.disease_model),
        "healthy": context.healthy,
        "msc_source": get_label(model, context.msc_source),
        "preparation": get_label(model, context.preparation),
        "route": get_label(model, context.route),
        "measured_in": [get_label(model, i) for i in context.measured_in],
        "setting": context.setting.value if context.setting else None,
    }


def evidence_payload(model: GraphModel, evidence: Evidence) -> EvidencePayload:
    """Return the evidence record of the JSON contract."""
    from msc_graph.model.vocabulary import get_eco_term

    study = model.studies.get(evidence.study)
    return {
        "study": evidence.study,
        "citation": study.citation if study else evidence.study,
        "read_in": evidence.read_in,
        "source_kind": evidence.source_kind.value,
        "locator": evidence.locator,
        "quote": evidence.quote,
        "basis": evidence.basis.value,
        "inferred_from": evidence.inferred_from,
        "eco": get_eco_term(evidence.basis, cites_primary=not (study and study.review)),
        "caveat": evidence.caveat,
        "context": context_payload(model, evidence.context),
        "inherited": list(evidence.inherited),
        "general": evidence.is_general,
        "links": study_links(study),
    }


def entity_payload(model: GraphModel, entity: Entity, prefixes: Mapping[str, str]) -> EntityPayload:
    """Return an entity with synonyms, xrefs (CURIE and IRI), parts, parents and children."""
    from msc_graph.views.namespaces import expand_curie

    children = sorted(model.children.get(entity.id, ()))
    parts = model.get_components(entity.id) if entity.components else []
    return {
        "id": entity.id,
        "label": entity.label,
        "type": entity.type.value,
        "synonyms": list(entity.synonyms),
        "xrefs": [{"curie": x, "iri": expand_curie(x, prefixes)} for x in entity.xrefs],
        "no_xref": entity.no_xref,
        "components": [
            {
                "name": part.name,
                "spellings": list(part.spellings),
                "xrefs": [{"curie": x, "iri": expand_curie(x, prefixes)} for x in part.xrefs],
                "no_xref": part.no_xref,
            }
            for part in parts
        ],
        "is_a": [entity_ref(model, p) for p in entity.is_a],
        "children": [entity_ref(model, c) for c in children],
    }


def assertion_payload(model: GraphModel, assertion: Assertion) -> AssertionPayload:
    """Return an assertion with its evidence."""
    return {
        "id": assertion.id,
        "subject": entity_ref(model, assertion.subject),
        "predicate": assertion.predicate,
        "object": entity_ref(model, assertion.object),
        "sign": None if assertion.sign is None else int(assertion.sign),
        "evidence": [evidence_payload(model, item) for item in assertion.evidence],
    }


def keyed_assertion_payload(model: GraphModel, assertion: Assertion) -> KeyedAssertionPayload:
    """Return an assertion with its evidence, each piece with its stable key."""
    plain = assertion_payload(model, assertion)
    return {
        "id": plain["id"],
        "subject": plain["subject"],
        "predicate": plain["predicate"],
        "object": plain["object"],
        "sign": plain["sign"],
        "evidence": [
            KeyedEvidencePayload(key=assertion.evidence_key(index), **record)
            for index, record in enumerate(plain["evidence"])
        ],
    }


def show_payload(model: GraphModel, entity_id: str, prefixes: Mapping[str, str]) -> ShowPayload:
    """Return ``show``'s record of an entity: the entity in full and every assertion touching it."""
    return {
        "entity": entity_payload(model, model.entities[entity_id], prefixes),
        "assertions": [
            assertion_payload(model, a) for a in model.assertions if entity_id in (a.subject, a.object)
        ],
    }


def match_payload(match: Match) -> MatchPayload:
    """Return a name match as ``search`` prints it."""
    return {
        "id": match.id,
        "label": match.label,
        "type": match.type,
        "matched": match.matched,
        "how": match.how,
        "score": match.score,
    }


def resolve_payload(
    model: GraphModel, matches: Sequence[Match], descendants: Sequence[str]
) -> ResolvePayload:
    """Return ``resolve``'s record: the best match, the others as good, and the entities below it."""
    return ResolvePayload(
        **match_payload(matches[0]),
        also=[match_payload(m) for m in matches[1:]],
        descendants=[entity_ref(model, i) for i in descendants],
    )
