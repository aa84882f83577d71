"""Gaps: combinations the graph shows as untested, each asked as a question, ranked by support.

The graph only holds what the seeds report, so a missing edge means "not
reported here", never "false". Each gap is therefore phrased as a question and
comes with the evidence that makes it worth asking. Four kinds:

``factor-untested-in-pain-model``
    A secretome preparation carries a factor and was tested in pain models,
    but no stated assertion shows that factor (or anything below it) acting
    in a pain model. Classes of factors ("growth factors", anything with
    narrower entities) are left out: their members are asked about one by
    one. A pain model is a disease model that ``model-of`` an entity below
    the outcome (``pain`` unless the caller names another; the kind keeps
    its name), or anything below such a model.
``effect-one-preparation``
    An effect (↑ or ↓, stated) on some target is shown for one family of
    preparations (e.g. extracellular vesicles, with exosomes below) and never
    for another (e.g. full secretome), on that target or anything is-a related.
    Families are the secretome components directly below the umbrella
    ``secretome`` (a component with two or more children and no parent), or
    the top-most components where there is no umbrella; claims about the
    umbrella itself say nothing about a family and are ignored here.
``effect-one-species``
    An effect (↑ or ↓, stated) whose evidence states exactly one species,
    while the graph holds evidence in other species (those where the subject
    was studied are named when there are any).
``model-one-study``
    A disease model (with the models below it) whose evidence comes from one
    primary study only.

Ranking: a gap's score is its support, the number of distinct studies behind
the evidence that makes it plausible, a study counting as its best basis
(stated 1, hedged 0.5, inferred 0.25), and at most 0.5 when the study is a
review speaking for itself. Ties are broken by the kind, in the
order above (mechanism gaps before replication gaps), then by the number of
pieces of evidence, then by the question's text, so the order is stable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict

from msc_graph.analysis.contradictions import EvidenceRef, Hierarchy, is_signed
from msc_graph.model import Assertion, Basis, EntityType, GraphModel, Sign
from msc_graph.query.payloads import EntityRef, KeyedEvidencePayload, entity_ref, evidence_payload

DEFAULT_OUTCOME = "pain"
"""Entity id of the outcome whose disease models the first kind asks about, unless one is named."""
VERBS = {
    "increases": "increase",
    "activates": "activate",
    "decreases": "decrease",
    "inhibits": "inhibit",
    "ameliorates": "ameliorate",
    "targets": "target",
}
"""Predicate slug → the verb a question uses ("Does X also decrease Y?")."""
STRUCTURAL_TYPES = frozenset(
    {
        EntityType.MSC_SOURCE,
        EntityType.SECRETOME_COMPONENT,
        EntityType.SPECIES,
        EntityType.ROUTE,
        EntityType.DISEASE_MODEL,
        EntityType.STUDY,
    }
)
"""Object types that are settings rather than targets of an effect."""


class GapKind(StrEnum):
    """The kinds of gap, in ranking tie-break order."""

    FACTOR_IN_PAIN_MODEL = "factor-untested-in-pain-model"
    ONE_PREPARATION = "effect-one-preparation"
    ONE_SPECIES = "effect-one-species"
    ONE_STUDY_MODEL = "model-one-study"


KIND_ORDER = {kind: index for index, kind in enumerate(GapKind)}


@dataclass(frozen=True)
class Gap:
    """An untested combination: the question, the entities it is about and why it is plausible."""

    kind: GapKind
    question: str
    entities: tuple[str, ...]
    evidence: tuple[EvidenceRef, ...]
    untested: tuple[str, ...] = ()
    """Entity ids the question asks about (pain models, preparations, species, ...)."""

    def support(self, model: GraphModel) -> float:
        """Return the score: per study its best basis weight (stated 1, hedged 0.5, inferred 0.25).

        A review's own statement counts as hedged at best: it reports no experiment.
        """
        best: dict[str, float] = {}
        for ref in self.evidence:
            item = ref.evidence
            study = model.studies.get(item.study)
            weight = item.basis.weight
            if study is not None and study.review:
                weight = min(weight, Basis.HEDGED.weight)
            best[item.study] = max(best.get(item.study, 0.0), weight)
        return sum(best.values())


def find_gaps(
    model: GraphModel, kinds: Iterable[GapKind] | None = None, outcome: str = DEFAULT_OUTCOME
) -> list[Gap]:
    """Return the gaps of ``model``, best first (see the module docstring for the ranking).

    ``outcome`` is the entity id whose disease models ``factor-untested-in-pain-model``
    asks about (none when the graph lacks it).
    Cost: linear in assertions and evidence for each kind, plus is-a look-ups.
    """
    wanted = set(kinds) if kinds is not None else set(GapKind)
    hierarchy = Hierarchy(model)
    gaps: list[Gap] = []
    if GapKind.FACTOR_IN_PAIN_MODEL in wanted:
        gaps.extend(_factor_gaps(model, hierarchy, outcome))
    if GapKind.ONE_PREPARATION in wanted:
        gaps.extend(_preparation_gaps(model, hierarchy))
    if GapKind.ONE_SPECIES in wanted:
        gaps.extend(_species_gaps(model, hierarchy))
    if GapKind.ONE_STUDY_MODEL in wanted:
        gaps.extend(_model_gaps(model, hierarchy))
    return sorted(gaps, key=lambda g: (-g.support(model), KIND_ORDER[g.kind], -len(g.evidence), g.question))


def _label(model: GraphModel, entity_id: str) -> str:
    entity = model.entities.get(entity_id)
    return entity.label if entity else entity_id


def _citations(model: GraphModel, refs: Iterable[EvidenceRef], most: int = 3) -> str:
    studies = list(dict.fromkeys(ref.evidence.study for ref in refs))
    names = [model.studies[s].citation if s in model.studies else s for s in studies]
    return "; ".join(names[:most]) + (f"; +{len(names) - most} more" if len(names) > most else "")


def _phrase(predicate: str, object_label: str) -> str:
    if predicate == "no-change":
        return f"leave {object_label} unchanged"
    return f"{VERBS.get(predicate, predicate)} {object_label}"


def _listing(labels: list[str], conjunction: str = "or") -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} {conjunction} {labels[-1]}"


def _effects(model: GraphModel) -> list[Assertion]:
    """Return the signed assertions with a change (↑ or ↓): what the gaps call an effect."""
    return [a for a in model.assertions if is_signed(a) and a.sign is not Sign.NO_CHANGE]


def find_outcome_models(
    model: GraphModel, hierarchy: Hierarchy, outcome: str = DEFAULT_OUTCOME
) -> frozenset[str]:
    """Return the disease models of ``outcome``: ``model-of`` an entity below it, and models below those."""
    if outcome not in model.entities:
        return frozenset()
    below = hierarchy.descendants(outcome)
    direct = {a.subject for a in model.assertions if a.predicate == "model-of" and a.object in below}
    return frozenset(item for found in direct for item in hierarchy.descendants(found))


def _factor_gaps(model: GraphModel, hierarchy: Hierarchy, outcome: str) -> list[Gap]:
    """A factor carried by a preparation tested in models of ``outcome``, with no tested mechanism there."""
    pain_models = find_outcome_models(model, hierarchy, outcome)
    if not pain_models:
        return []
    effects = [a for a in model.assertions if is_signed(a)]
    in_pain: dict[str, list[EvidenceRef]] = {}
    for assertion in effects:
        for index, item in enumerate(assertion.evidence):
            if item.context.disease_model in pain_models:
                in_pain.setdefault(assertion.subject, []).append(EvidenceRef(assertion, index))
    gaps = []
    for carry in model.assertions:
        subject, factor = model.entities[carry.subject], model.entities[carry.object]
        if (
            carry.predicate != "carries"
            or subject.type is not EntityType.SECRETOME_COMPONENT
            or not factor.type.is_factor
            or len(hierarchy.descendants(factor.id)) > 1
        ):
            continue
        tested = [
            ref
            for item in hierarchy.descendants(factor.id)
            for ref in in_pain.get(item, ())
            if ref.evidence.basis is Basis.STATED
        ]
        if tested:
            continue
        preparation_refs = [
            ref for item in hierarchy.descendants(subject.id) for ref in in_pain.get(item, ())
        ]
        models = sorted(
            {ref.evidence.context.disease_model or "" for ref in preparation_refs} - {""},
            key=lambda m: _label(model, m),
        )
        if not models:
            continue
        suggested = [ref for item in hierarchy.descendants(factor.id) for ref in in_pain.get(item, ())]
        carried = [EvidenceRef(carry, index) for index in range(len(carry.evidence))]
        names = [_label(model, m) for m in models]
        question = (
            f"Would {factor.label}, carried by {subject.label} ({_citations(model, carried)}), "
            f"act through a mechanism that could be tested in {_listing(names)}, where "
            f"{subject.label} was tested?"
        )
        gaps.append(
            Gap(
                GapKind.FACTOR_IN_PAIN_MODEL,
                question,
                (factor.id, subject.id),
                (*carried, *suggested),
                tuple(models),
            )
        )
    return gaps


def preparation_families(model: GraphModel, hierarchy: Hierarchy) -> dict[str, str]:
    """Return each secretome component's family (see the module docstring); umbrellas have none."""

    def is_component(ident: str) -> bool:
        return ident in model.entities and model.entities[ident].type is EntityType.SECRETOME_COMPONENT

    components = [e.id for e in model.entities.values() if e.type is EntityType.SECRETOME_COMPONENT]
    roots = [item for item in components if not any(is_component(p) for p in model.entities[item].is_a)]
    heads = []
    for root in roots:
        below = [child for child in model.children.get(root, ()) if is_component(child)]
        heads.extend(below if len(below) >= 2 else [root])
    families: dict[str, str] = {}
    for head in sorted(heads):
        for item in hierarchy.descendants(head):
            families.setdefault(item, head)
    return families


def _preparation_gaps(model: GraphModel, hierarchy: Hierarchy) -> list[Gap]:
    """An effect shown for one preparation family and never for another."""
    families = preparation_families(model, hierarchy)
    if len(set(families.values())) < 2:
        return []
    shown: dict[str, dict[str, list[EvidenceRef]]] = {}
    touched: dict[str, set[str]] = {}
    for assertion in model.assertions:
        family = families.get(assertion.subject)
        if family is None or not is_signed(assertion):
            continue
        touched.setdefault(assertion.object, set()).add(family)
        if assertion.sign is Sign.NO_CHANGE or model.entities[assertion.object].type in STRUCTURAL_TYPES:
            continue
        for index, item in enumerate(assertion.evidence):
            if item.basis is Basis.STATED:
                per_family = shown.setdefault(assertion.object, {})
                per_family.setdefault(family, []).append(EvidenceRef(assertion, index))
    all_families = sorted(set(families.values()))
    gaps = []
    for target, per_family in shown.items():
        tested = {family for item in hierarchy.lineage(target) for family in touched.get(item, ())}
        for family, refs in per_family.items():
            for other in all_families:
                if other in tested:
                    continue
                predicates = [ref.assertion.predicate for ref in refs]
                signs = {ref.assertion.sign for ref in refs}
                target_label, family_label = _label(model, target), _label(model, family)
                if len(signs) == 1:
                    verb = max(set(predicates), key=predicates.count)
                    question = (
                        f"Would {_label(model, other)} also {_phrase(verb, target_label)}, as "
                        f"shown for {family_label} ({_citations(model, refs)})?"
                    )
                else:
                    question = (
                        f"Would {_label(model, other)} act on {target_label}, which {family_label} "
                        f"was reported both to raise and to lower ({_citations(model, refs)})?"
                    )
                gaps.append(Gap(GapKind.ONE_PREPARATION, question, (target, family), tuple(refs), (other,)))
    return gaps


def _species_gaps(model: GraphModel, hierarchy: Hierarchy) -> list[Gap]:
    """An effect whose stated evidence states one species only, while the graph holds others.

    The question names the species in which the subject (or anything is-a
    related to it) has evidence of any kind, when there are such; otherwise
    every other species of the graph.
    """
    species_of: dict[str, set[str]] = {}
    for assertion in model.assertions:
        for item in assertion.evidence:
            if item.context.species is not None:
                species_of.setdefault(assertion.subject, set()).add(item.context.species)
    all_species = set().union(*species_of.values()) if species_of else set()
    gaps = []
    for assertion in _effects(model):
        refs = [
            EvidenceRef(assertion, index)
            for index, item in enumerate(assertion.evidence)
            if item.basis is Basis.STATED and item.context.species is not None
        ]
        species = {ref.evidence.context.species for ref in refs}
        if len(species) != 1:
            continue
        (only,) = species
        others = sorted((s for s in all_species - species if s is not None), key=lambda s: _label(model, s))
        if not others:
            continue
        lineage = hierarchy.lineage(assertion.subject)
        nearer = [
            s
            for s in others
            if s in species_of.get(assertion.subject, set())
            or any(s in species_of.get(item, set()) for item in lineage)
        ]
        others = nearer or others
        question = (
            f"Would {_label(model, assertion.subject)} also "
            f"{_phrase(assertion.predicate, _label(model, assertion.object))} in "
            f"{_listing([_label(model, s) for s in others])}, as in {_label(model, str(only))} "
            f"({_citations(model, refs)})?"
        )
        gaps.append(
            Gap(
                GapKind.ONE_SPECIES,
                question,
                (assertion.subject, assertion.object),
                tuple(refs),
                tuple(others),
            )
        )
    return gaps


def _model_gaps(model: GraphModel, hierarchy: Hierarchy) -> list[Gap]:
    """A disease model (with the models below it) whose evidence comes from one primary study."""
    per_model: dict[str, list[EvidenceRef]] = {}
    for assertion in model.assertions:
        for index, item in enumerate(assertion.evidence):
            if item.context.disease_model is not None:
                per_model.setdefault(item.context.disease_model, []).append(EvidenceRef(assertion, index))
    gaps = []
    for disease_model in sorted(per_model):
        refs = [ref for item in hierarchy.descendants(disease_model) for ref in per_model.get(item, ())]
        primary = {
            ref.evidence.study
            for ref in refs
            if ref.evidence.study in model.studies and not model.studies[ref.evidence.study].review
        }
        if len(primary) != 1:
            continue
        (study,) = primary
        own = [ref for ref in refs if ref.evidence.study == study]
        effects = list(
            dict.fromkeys(
                f"{ref.assertion.sign.arrow} {_label(model, ref.assertion.object)}"
                for ref in own
                if ref.assertion.sign is not None and is_signed(ref.assertion)
            )
        )
        shown = f", e.g. {_listing(effects[:3], 'and')}" if effects else ""
        citation = model.studies[study].citation
        question = (
            f"Would a second study in {_label(model, disease_model)} reproduce what {citation} "
            f"reports there ({len(own)} piece{'s' if len(own) != 1 else ''} of evidence{shown})?"
        )
        gaps.append(Gap(GapKind.ONE_STUDY_MODEL, question, (disease_model,), tuple(own), ()))
    return gaps


class GapEvidencePayload(KeyedEvidencePayload):
    """A piece of evidence a gap rests on, with its assertion and claim."""

    assertion: str
    claim: str


class GapPayload(TypedDict):
    """``gaps -f json``: one gap, ranked, with what it asks about and the evidence around it."""

    rank: int
    kind: str
    question: str
    score: float
    entities: list[EntityRef]
    untested: list[EntityRef]
    evidence: list[GapEvidencePayload]


def gap_payload(model: GraphModel, gap: Gap, rank: int) -> GapPayload:
    """Return one gap in the JSON contract of ``mscgraph gaps`` (documented in the README)."""
    return {
        "rank": rank,
        "kind": gap.kind.value,
        "question": gap.question,
        "score": gap.support(model),
        "entities": [entity_ref(model, e) for e in gap.entities],
        "untested": [entity_ref(model, e) for e in gap.untested],
        "evidence": [
            GapEvidencePayload(
                key=ref.key,
                assertion=ref.assertion.id,
                claim=f"{_label(model, ref.assertion.subject)} {ref.assertion.predicate} "
                f"{_label(model, ref.assertion.object)}",
                **evidence_payload(model, ref.evidence),
            )
            for ref in gap.evidence
        ],
    }
