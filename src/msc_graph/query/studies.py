"""Study rows: each study with its contexts, the factors it identified and the effects it reports.

This is what ``mscgraph studies`` lists: everything the graph holds about a
study, its prose included, so it is not a review's table; the table itself,
row by row, is :mod:`msc_graph.query.tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from msc_graph.model import Basis, Context, EntityType, GraphModel
from msc_graph.model.vocabulary import PREDICATES, Role
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.payloads import context_payload, get_label, study_links

EFFECT_SUBJECT_TYPES = frozenset(
    {
        EntityType.SECRETOME_COMPONENT,
        EntityType.CELL_PREPARATION,
        EntityType.MSC_SOURCE,
        EntityType.CELL_SOURCE,
    }
)
"""An effect of a study is a signed assertion whose subject is a preparation or an MSC source."""


class StudyContextPayload(TypedDict):
    """A context of a study (``studies``): entity-valued fields as labels, None when unstated."""

    species: str | None
    strain: str | None
    disease_model: str | None
    msc_source: str | None
    preparation: str | None
    route: str | None
    setting: str | None
    healthy: bool | None


class EffectPayload(TypedDict):
    """An effect a study reports (``studies``), subject and target as labels."""

    subject: str | None
    predicate: str
    target: str | None
    sign: int
    locator: str
    basis: str
    inferred_from: str | None


class StudyRowPayload(TypedDict):
    """``studies -f json``: one study, its contexts, the factors it identified and its effects."""

    id: str
    citation: str
    year: int | None
    title: str | None
    doi: str | None
    pmid: str | None
    links: list[list[str]]
    read_in: list[str]
    contexts: list[StudyContextPayload]
    factors: list[str]
    effects: list[EffectPayload]


@dataclass(frozen=True)
class Effect:
    """One reported effect of a study's preparation on a target."""

    subject: str
    predicate: str
    target: str
    sign: int
    locator: str
    basis: Basis = Basis.STATED
    inferred_from: str | None = None


@dataclass(frozen=True)
class StudyRow:
    """A study with everything the graph holds about it."""

    id: str
    citation: str
    year: int | None
    title: str | None
    doi: str | None
    pmid: str | None
    read_in: tuple[str, ...]
    contexts: tuple[Context, ...]
    factors: tuple[str, ...]
    effects: tuple[Effect, ...]


def iter_study_rows(
    model: GraphModel, evidence_filter: EvidenceFilter | None = None, factor_ids: frozenset[str] | None = None
) -> list[StudyRow]:
    """Return one row per study that has evidence passing the filter (reviews excluded).

    ``factor_ids`` keeps only studies whose evidence shows one of those factors
    being carried. Under a context filter a study is listed for evidence that
    states the asked context (its own or inherited from the study), never for
    general evidence: the question is which studies were done in that context.
    Cost: one pass over all evidence.
    """
    evidence_filter = evidence_filter or EvidenceFilter()
    by_context = evidence_filter.constrains_context
    per_study: dict[str, dict[str, dict[object, None]]] = {}
    for assertion in model.assertions:
        predicate = PREDICATES[assertion.predicate]
        subject_type = model.entities[assertion.subject].type
        for item in assertion.evidence:
            if not evidence_filter.matches(item) or (by_context and item.is_general):
                continue
            row = per_study.setdefault(
                item.study, {"read_in": {}, "contexts": {}, "factors": {}, "effects": {}}
            )
            row["read_in"][item.read_in] = None
            if item.context != Context():
                row["contexts"][item.context] = None
            if predicate.slug == "carries" and subject_type in EFFECT_SUBJECT_TYPES:
                row["factors"][assertion.object] = None
            elif (
                predicate.role is Role.CAUSAL
                and assertion.sign is not None
                and subject_type in EFFECT_SUBJECT_TYPES
            ):
                effect = Effect(
                    assertion.subject,
                    assertion.predicate,
                    assertion.object,
                    int(assertion.sign),
                    item.locator,
                    item.basis,
                    item.inferred_from,
                )
                row["effects"][effect] = None
    rows = []
    for study_id, parts in per_study.items():
        study = model.studies[study_id]
        if study.review:
            continue
        if factor_ids is not None and not factor_ids & set(parts["factors"]):
            continue
        rows.append(
            StudyRow(
                id=study.id,
                citation=study.citation,
                year=study.year,
                title=study.title,
                doi=study.doi,
                pmid=study.pmid,
                read_in=tuple(sorted(parts["read_in"])),  # type: ignore[arg-type]
                contexts=tuple(parts["contexts"]),  # type: ignore[arg-type]
                factors=tuple(parts["factors"]),  # type: ignore[arg-type]
                effects=tuple(parts["effects"]),  # type: ignore[arg-type]
            )
        )
    return sorted(rows, key=lambda r: (r.year or 0, r.citation))


def study_row_payload(model: GraphModel, row: StudyRow) -> StudyRowPayload:
    """Return a study row as ``studies -f json`` prints it (entity-valued fields as labels)."""
    contexts: list[StudyContextPayload] = []
    for context in row.contexts:
        fields = context_payload(model, context)
        contexts.append(
            {
                "species": fields["species"],
                "strain": fields["strain"],
                "disease_model": fields["disease_model"],
                "msc_source": fields["msc_source"],
                "preparation": fields["preparation"],
                "route": fields["route"],
                "setting": fields["setting"],
                "healthy": fields["healthy"],
            }
        )
    return {
        "id": row.id,
        "citation": row.citation,
        "year": row.year,
        "title": row.title,
        "doi": row.doi,
        "pmid": row.pmid,
        "links": study_links(model.studies[row.id]),
        "read_in": list(row.read_in),
        "contexts": contexts,
        "factors": [model.entities[f].label for f in row.factors],
        "effects": [
            {
                "subject": get_label(model, e.subject),
                "predicate": e.predicate,
                "target": get_label(model, e.target),
                "sign": e.sign,
                "locator": e.locator,
                "basis": e.basis.value,
                "inferred_from": e.inferred_from,
            }
            for e in row.effects
        ],
    }
