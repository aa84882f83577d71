"""Model records → JSON-ready dicts: the stable output shapes documented in the README.

One place decides how an entity, a study, a context and a piece of evidence
look in every JSON output (show, studies, paths, contradictions ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from msc_graph.model.records import Context, Entity, Evidence, GraphModel


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
    }


def entity_payload(model: GraphModel, entity: Entity, prefixes: Mapping[str, str]) -> dict[str, Any]:
    """Return an entity with synonyms, xrefs (CURIE and IRI), parents and children."""
    from msc_graph.views.namespaces import expand_curie

    children = sorted(model.children.get(entity.id, ()))
    return {
        "id": entity.id,
        "label": entity.label,
        "type": entity.type.value,
        "synonyms": list(entity.synonyms),
        "xrefs": [{"curie": x, "iri": expand_curie(x, prefixes)} for x in entity.xrefs],
        "no_xref": entity.no_xref,
        "is_a": [entity_ref(model, p) for p in entity.is_a],
        "children": [entity_ref(model, c) for c in children],
    }


def study_payload(model: GraphModel, study_id: str) -> dict[str, Any]:
    """Return a study's bibliographic record."""
    study = model.studies[study_id]
    return {
        "id": study.id,
        "citation": study.citation,
        "authors": list(study.authors),
        "year": study.year,
        "title": study.title,
        "journal": study.journal,
        "volume": study.volume,
        "pages": study.pages,
        "doi": study.doi,
        "pmid": study.pmid,
        "review": study.review,
    }
