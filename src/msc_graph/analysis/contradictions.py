"""Contradictions: evidence from different studies whose signs disagree on comparable claims.

Two signed (causal) assertions disagree when their signs are opposite (↑ vs ↓)
or when one reports a change and the other no change (↑ or ↓ vs -). They are
about the same thing when both their subjects and their objects are comparable:

- objects: the same entity, or one is-a the other (an assertion on microglial
  activation meets one on glial activation); a marker stands for what it
  marks (``marker-of``) and two markers of one cell type stand for each other,
  labelled ``marker`` so a reader can discount that match;
- subjects: the same entity, one is-a the other, or both secretome
  preparations (type ``secretome-component``). Full secretome, extracellular
  vesicles, exosomes and "the secretome" are different subjects, but every
  one is a fraction of what MSCs secrete, and whether the fraction explains a
  disagreement is exactly what a reader wants to see: the preparation is
  reported as a context field that differs, and the match is labelled
  ``preparation``. Factors, pathways or cells are never compared with a
  preparation.

Sides are compared evidence by evidence, because each piece of evidence has
its own context: for each pair the context fields (species, strain, MSC
source, preparation, route, disease model, disease state, setting) that
differ, agree, or are not stated on both sides. A pair from
one study (one study on both sides, or one study described differently in
prose, table and title) is not a contradiction between studies: it is
reported in its own ``within_study`` section, and a group is reported only
when at least one pair comes from two different studies. Same-sign pairs of
one study are listed there only when a context field differs and the claims
match without the marker bridge (two markers of one cell are two
measurements, not two descriptions of one).

Standard library only (plus model-level modules), so it can run anywhere the
model loads. The report's JSON payload is built in ``contradiction_payloads``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from msc_graph.model import Assertion, Basis, EntityType, Evidence, GraphModel, Sign, iter_reachable
from msc_graph.model.vocabulary import PREDICATES, Role
from msc_graph.query.filters import EvidenceFilter, measured_in_compatible

COMPARED_FIELDS = (
    "species",
    "strain",
    "msc_source",
    "preparation",
    "route",
    "disease_model",
    "disease_state",
    "setting",
)
"""Context fields compared between two pieces of evidence, in report order.

The tissue or cell measured (``measured_in``) is shown with each piece of
evidence but not compared: "spinal cord" and "microglia" are not alternatives.
"""
ENTITY_FIELDS = frozenset({"species", "msc_source", "preparation", "route", "disease_model"})
"""Fields holding one entity id: values that are is-a related agree (bone marrow MSCs ⊇ rat's)."""
HEALTHY = "healthy"
DISEASE_MODEL = "disease model"


class Match(StrEnum):
    """How two subjects or two objects were found comparable."""

    SAME = "same"
    IS_A = "is-a"
    PREPARATION = "preparation"
    MARKER = "marker"


class Status(StrEnum):
    """How one context field compares between two pieces of evidence."""

    AGREE = "agree"
    DIFFER = "differ"
    UNSTATED = "unstated"


class Hierarchy:
    """is-a and marker-of look-ups over one model, each computed once and cached.

    Cost: building is linear in entities + assertions; each look-up is linear
    in the size of the lineage it returns, then constant.
    """

    def __init__(self, model: GraphModel) -> None:
        self.model = model
        self._children = model.children
        self._marks: dict[str, set[str]] = {}
        self._markers: dict[str, set[str]] = {}
        for assertion in model.assertions:
            if assertion.predicate == "marker-of":
                self._marks.setdefault(assertion.subject, set()).add(assertion.object)
                self._markers.setdefault(assertion.object, set()).add(assertion.subject)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._descendants: dict[str, frozenset[str]] = {}
        self._objects: dict[str, dict[str, Match]] = {}

    def ancestors(self, entity_id: str) -> frozenset[str]:
        """Return ``entity_id`` and every entity above it in the is-a hierarchy."""
        found = self._ancestors.get(entity_id)
        if found is None:
            found = frozenset(iter_reachable(entity_id, lambda i: self._parents(i)))
            self._ancestors[entity_id] = found
        return found

    def descendants(self, entity_id: str) -> frozenset[str]:
        """Return ``entity_id`` and every entity below it in the is-a hierarchy."""
        found = self._descendants.get(entity_id)
        if found is None:
            found = frozenset(iter_reachable(entity_id, lambda i: self._children.get(i, ())))
            self._descendants[entity_id] = found
        return found

    def lineage(self, entity_id: str) -> frozenset[str]:
        """Return every entity is-a related to ``entity_id`` (above, below, itself)."""
        return self.ancestors(entity_id) | self.descendants(entity_id)

    def related(self, first: str, second: str) -> bool:
        """Return True when the two are equal or one is-a the other."""
        return first in self.ancestors(second) or second in self.ancestors(first)

    def subject_match(self, first: str, second: str) -> Match | None:
        """Return how two assertion subjects are comparable, or None when they are not."""
        if first == second:
            return Match.SAME
        if self.related(first, second):
            return Match.IS_A
        entities = self.model.entities
        if (
            entities[first].type is EntityType.SECRETOME_COMPONENT
            and entities[second].type is EntityType.SECRETOME_COMPONENT
        ):
            return Match.PREPARATION
        return None

    def object_matches(self, object_id: str) -> Mapping[str, Match]:
        """Return every object comparable with ``object_id``, with how it matches.

        A marker is matched with what it marks (and its is-a lineage), with
        other markers of that, and a marked entity with its markers; symmetric.
        """
        found = self._objects.get(object_id)
        if found is not None:
            return found
        found = {}
        lineage = self.lineage(object_id)
        marked = {target for item in lineage for target in self._marks.get(item, ())}
        for target in marked:
            for item in self.lineage(target):
                found[item] = Match.MARKER
                for marker in self._markers.get(item, ()):
                    found[marker] = Match.MARKER
        for item in lineage:
            for marker in self._markers.get(item, ()):
                found[marker] = Match.MARKER
        for item in lineage:
            found[item] = Match.IS_A
        found[object_id] = Match.SAME
        self._objects[object_id] = found
        return found

    def _parents(self, entity_id: str) -> tuple[str, ...]:
        entity = self.model.entities.get(entity_id)
        return entity.is_a if entity else ()


def is_signed(assertion: Assertion) -> bool:
    """Return True for causal assertions with a sign: the only ones that can disagree."""
    return assertion.sign is not None and PREDICATES[assertion.predicate].role is Role.CAUSAL


def signs_conflict(first: Sign, second: Sign) -> bool:
    """Return True for ↑ vs ↓ and for a change vs no change (distinct signs, product ≤ 0)."""
    return first != second and int(first) * int(second) <= 0


def described_context(model: GraphModel, assertion: Assertion, evidence: Evidence) -> dict[str, Any]:
    """Return the compared context fields of one piece of evidence (None when unstated).

    Two values are derived, because the text states them without a context field:
    ``preparation`` (``msc_source``) falls back to the assertion's subject when
    the subject is a secretome preparation (an MSC source), since "conditioned
    medium decreased GFAP" names the preparation; ``disease_state`` is
    ``healthy`` for healthy tissue and ``disease model`` when a model is named
    (or ``healthy`` is false).
    """
    context = evidence.context
    subject_type = model.entities[assertion.subject].type
    preparation = context.preparation
    if preparation is None and subject_type is EntityType.SECRETOME_COMPONENT:
        preparation = assertion.subject
    msc_source = context.msc_source
    if msc_source is None and subject_type is EntityType.MSC_SOURCE:
        msc_source = assertion.subject
    if context.disease_model is not None or context.healthy is False:
        state: str | None = DISEASE_MODEL
    elif context.healthy:
        state = HEALTHY
    else:
        state = None
    return {
        "species": context.species,
        "strain": context.strain,
        "msc_source": msc_source,
        "preparation": preparation,
        "route": context.route,
        "disease_model": context.disease_model,
        "disease_state": state,
        "setting": context.setting.value if context.setting else None,
    }


def compare_contexts(
    hierarchy: Hierarchy, first: Mapping[str, Any], second: Mapping[str, Any]
) -> dict[str, Status]:
    """Return the status of every compared field between two described contexts.

    Entity values that are is-a related agree (a broader description does not
    contradict a narrower one); free-text values agree only when equal.
    """
    result = {}
    for name in COMPARED_FIELDS:
        left, right = first.get(name), second.get(name)
        if left is None or right is None:
            status = Status.UNSTATED
        elif name in ENTITY_FIELDS:
            status = Status.AGREE if hierarchy.related(left, right) else Status.DIFFER
        else:
            status = Status.AGREE if left == right else Status.DIFFER
        result[name] = status
    return result


@dataclass(frozen=True)
class EvidenceRef:
    """One piece of evidence of one assertion (index 0-based)."""

    assertion: Assertion
    index: int

    @property
    def evidence(self) -> Evidence:
        """Return the evidence record."""
        return self.assertion.evidence[self.index]

    @property
    def key(self) -> str:
        """Return the stable key ``<assertion id>-<n>`` (see :meth:`Assertion.evidence_key`)."""
        return self.assertion.evidence_key(self.index)


@dataclass(frozen=True)
class EvidencePair:
    """Two pieces of evidence on comparable claims, with their context compared field by field.

    In a contradiction, ``left`` is the side with the higher sign.
    """

    left: EvidenceRef
    right: EvidenceRef
    subject_match: Match
    object_match: Match
    fields: Mapping[str, Status]
    left_values: Mapping[str, Any]
    right_values: Mapping[str, Any]

    def named(self, status: Status) -> tuple[str, ...]:
        """Return the fields with ``status``, in report order."""
        return tuple(name for name in COMPARED_FIELDS if self.fields[name] is status)

    @property
    def same_study(self) -> bool:
        """Return True when both pieces of evidence come from one study."""
        return self.left.evidence.study == self.right.evidence.study

    @property
    def basis(self) -> Basis:
        """Return the weaker basis of the two sides: a conflict is no firmer than its weaker claim."""
        return Basis.weakest((self.left.evidence.basis, self.right.evidence.basis))


@dataclass(frozen=True)
class ContradictionGroup:
    """Assertions with one sign against comparable assertions with another, and their pairs.

    ``pairs`` holds only pairs from two different studies (at least one).
    """

    id: str
    left_sign: Sign
    right_sign: Sign
    left: tuple[Assertion, ...]
    right: tuple[Assertion, ...]
    pairs: tuple[EvidencePair, ...]

    @property
    def conflict(self) -> str:
        """Return ``opposite signs`` or ``change vs no change``."""
        return "opposite signs" if int(self.left_sign) * int(self.right_sign) < 0 else "change vs no change"

    @property
    def subjects(self) -> tuple[str, ...]:
        """Return the subjects on both sides, in first-seen order."""
        return tuple(dict.fromkeys(a.subject for a in (*self.left, *self.right)))

    @property
    def objects(self) -> tuple[str, ...]:
        """Return the objects on both sides, in first-seen order."""
        return tuple(dict.fromkeys(a.object for a in (*self.left, *self.right)))

    def side_studies(self, side: str) -> tuple[str, ...]:
        """Return the studies of the ``left`` or ``right`` evidence that takes part in a pair."""
        refs = (p.left if side == "left" else p.right for p in self.pairs)
        return tuple(dict.fromkeys(ref.evidence.study for ref in refs))

    @property
    def basis(self) -> Basis:
        """Return the group's strongest pair basis (a pair is as strong as its weaker side)."""
        return Basis.strongest(p.basis for p in self.pairs)

    def fields_with(self, kind: str) -> tuple[str, ...]:
        """Return the group-level field list ``kind``.

        ``differing``: differs in at least one pair; ``always_differing``:
        differs in every pair that states it on both sides (the candidate
        explanations); ``agreeing``: agrees in every pair that states it;
        ``unstated``: no pair states it on both sides.
        """
        found = []
        for name in COMPARED_FIELDS:
            statuses = [p.fields[name] for p in self.pairs]
            stated = [s for s in statuses if s is not Status.UNSTATED]
            if kind == "differing":
                keep = Status.DIFFER in stated
            elif kind == "always_differing":
                keep = bool(stated) and all(s is Status.DIFFER for s in stated)
            elif kind == "agreeing":
                keep = bool(stated) and all(s is Status.AGREE for s in stated)
            else:
                keep = not stated
            if keep:
                found.append(name)
        return tuple(found)


@dataclass(frozen=True)
class WithinStudyDifference:
    """Two pieces of evidence from one study that disagree in sign or in context.

    ``kind`` is ``opposite-signs`` (one study on both sides of a conflict) or
    ``context-differs`` (same sign, a context field differs).
    """

    study: str
    kind: str
    pair: EvidencePair


@dataclass(frozen=True)
class ContradictionReport:
    """Every contradiction between studies, and every difference within one study."""

    groups: tuple[ContradictionGroup, ...]
    within_study: tuple[WithinStudyDifference, ...]


def find_contradictions(
    model: GraphModel, *, about: frozenset[str] | None = None, evidence_filter: EvidenceFilter | None = None
) -> ContradictionReport:
    """Return the contradiction groups and within-study differences of ``model``.

    Two claims are compared only when the tissues or cells they were measured
    in are compatible (:func:`filters.measured_in_compatible`): Choi's ↓
    collagen in intestinal fibrosis is not the opposite of ↑ collagen type II
    in cartilage.

    Args:
        model: the graph.
        about: keep only assertions whose subject or object is one of these ids.
        evidence_filter: only evidence it matches (basis and merged context) is compared.

    Cost: for each signed assertion, a look-up of the assertions on each
    comparable object, then every evidence pair of each comparable assertion
    pair: quadratic within a family of comparable objects, linear elsewhere.
    """
    hierarchy = Hierarchy(model)
    signs = {
        a.id: a.sign
        for a in model.assertions
        if a.sign is not None and is_signed(a) and (about is None or a.subject in about or a.object in about)
    }
    signed = [a for a in model.assertions if a.id in signs]
    position = {a.id: index for index, a in enumerate(signed)}
    by_object: dict[str, list[Assertion]] = {}
    for assertion in signed:
        by_object.setdefault(assertion.object, []).append(assertion)
    described: dict[tuple[str, int], dict[str, Any]] = {}

    def context_of(ref: EvidenceRef) -> dict[str, Any]:
        key = (ref.assertion.id, ref.index)
        if key not in described:
            described[key] = described_context(model, ref.assertion, ref.evidence)
        return described[key]

    between: dict[tuple[str, str], list[EvidencePair]] = {}
    within: list[WithinStudyDifference] = []
    for first in signed:
        for other_object, object_match in hierarchy.object_matches(first.object).items():
            for second in by_object.get(other_object, ()):
                if position[second.id] < position[first.id]:
                    continue
                subject_match = hierarchy.subject_match(first.subject, second.subject)
                if subject_match is None:
                    continue
                conflict = signs_conflict(signs[first.id], signs[second.id])
                if not conflict and not first.studies & second.studies:
                    continue
                left, right = (first, second) if signs[first.id] >= signs[second.id] else (second, first)
                for i, left_item in enumerate(left.evidence):
                    for j, right_item in enumerate(right.evidence):
                        if left is right and j <= i:
                            continue
                        if evidence_filter is not None and not (
                            evidence_filter.matches(left_item) and evidence_filter.matches(right_item)
                        ):
                            continue
                        if not measured_in_compatible(
                            model, left_item.context.measured_in, right_item.context.measured_in
                        ):
                            continue
                        same_study = left_item.study == right_item.study
                        if not conflict and not same_study:
                            continue
                        left_ref, right_ref = EvidenceRef(left, i), EvidenceRef(right, j)
                        left_values, right_values = context_of(left_ref), context_of(right_ref)
                        pair = EvidencePair(
                            left_ref,
                            right_ref,
                            subject_match,
                            object_match,
                            compare_contexts(hierarchy, left_values, right_values),
                            left_values,
                            right_values,
                        )
                        if not same_study:
                            between.setdefault((left.id, right.id), []).append(pair)
                        elif conflict:
                            within.append(WithinStudyDifference(left_item.study, "opposite-signs", pair))
                        elif object_match is not Match.MARKER and pair.named(Status.DIFFER):
                            within.append(WithinStudyDifference(left_item.study, "context-differs", pair))
    groups = _build_groups(signs, between)
    within.sort(key=lambda w: (w.study, w.kind, w.pair.left.key, w.pair.right.key))
    return ContradictionReport(tuple(groups), tuple(within))


def _build_groups(
    signs: Mapping[str, Sign], between: Mapping[tuple[str, str], list[EvidencePair]]
) -> list[ContradictionGroup]:
    """Join conflicting assertions into components, then split each by its pair of signs.

    Components follow conflicts, so the assertions on GFAP of full secretome,
    EVs and exosomes meet in one component, while those of a factor (VEGF on
    GFAP) form their own; each present pair of signs (↑ vs ↓, ↑ vs -, - vs ↓)
    becomes one group.
    """
    parent = {assertion_id: assertion_id for assertion_id in signs}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for left_id, right_id in between:
        parent[root(left_id)] = root(right_id)
    parts: dict[tuple[str, Sign, Sign], list[EvidencePair]] = {}
    for (left_id, right_id), pairs in between.items():
        parts.setdefault((root(left_id), signs[left_id], signs[right_id]), []).extend(pairs)
    groups = []
    used: set[str] = set()
    for (_component, left_sign, right_sign), pairs in parts.items():
        pairs.sort(key=lambda p: (p.left.key, p.right.key))
        left = tuple(dict.fromkeys(p.left.assertion for p in pairs))
        right = tuple(dict.fromkeys(p.right.assertion for p in pairs))
        subjects = sorted({a.subject for a in (*left, *right)})
        objects = sorted({a.object for a in (*left, *right)})
        base = (
            f"{'+'.join(subjects)}--{'+'.join(objects)}--{_sign_name(left_sign)}-vs-{_sign_name(right_sign)}"
        )
        group_id, count = base, 1
        while group_id in used:
            count += 1
            group_id = f"{base}-{count}"
        used.add(group_id)
        groups.append(ContradictionGroup(group_id, left_sign, right_sign, left, right, tuple(pairs)))
    return sorted(
        groups, key=lambda g: (g.basis.rank, -len({*g.side_studies("left"), *g.side_studies("right")}), g.id)
    )


def _sign_name(sign: Sign) -> str:
    return sign.name.lower().replace("_", "-")
