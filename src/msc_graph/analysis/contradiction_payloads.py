"""Contradiction reports → JSON-ready dicts: the contract of ``mscgraph contradictions --format json``.

``render/html/contradictions.py`` draws the same payload as a page.
"""

from __future__ import annotations

from typing import Any, TypedDict

from msc_graph.analysis.contradictions import (
    ENTITY_FIELDS,
    ContradictionGroup,
    ContradictionReport,
    EvidencePair,
    Status,
)
from msc_graph.model import Assertion, GraphModel
from msc_graph.query.payloads import (
    EntityRef,
    EvidencePayload,
    KeyedAssertionPayload,
    entity_ref,
    evidence_payload,
    get_label,
    keyed_assertion_payload,
)


class PairPayload(TypedDict):
    """Two pieces of evidence compared.

    Their keys, studies and claims, how they matched, and the context fields
    that differ (left and right value), agree (the value) or are unstated.
    """

    left: str
    right: str
    left_study: str
    right_study: str
    left_claim: str
    right_claim: str
    subject_match: str
    object_match: str
    basis: str
    differing: dict[str, list[Any]]
    agreeing: dict[str, Any]
    unstated: list[str]


class SidePayload(TypedDict):
    """One side of a contradiction: its sign, its studies and its assertions (evidence keyed)."""

    sign: int
    arrow: str
    studies: list[str]
    assertions: list[KeyedAssertionPayload]


class FieldsPayload(TypedDict):
    """The context fields of a group's pairs, by how they compare."""

    differing: list[str]
    always_differing: list[str]
    agreeing: list[str]
    unstated: list[str]


class GroupPayload(TypedDict):
    """One contradiction: subjects and objects, the two sides, the fields and every pair."""

    id: str
    label: str
    conflict: str
    basis: str
    subjects: list[EntityRef]
    objects: list[EntityRef]
    sides: list[SidePayload]
    fields: FieldsPayload
    pairs: list[PairPayload]


class WithinPairPayload(PairPayload):
    """A difference within one study: its kind, the pair, and both pieces of evidence in full."""

    kind: str
    left_evidence: EvidencePayload
    right_evidence: EvidencePayload


class WithinStudyPayload(TypedDict):
    """The differences found within one study."""

    study: str
    citation: str
    pairs: list[WithinPairPayload]


class ReportPayload(TypedDict):
    """``contradictions -f json``: the groups, and the differences within single studies."""

    groups: list[GroupPayload]
    within_study: list[WithinStudyPayload]


def _value_label(model: GraphModel, name: str, value: Any) -> Any:
    """Return a compared value for output: entity ids as labels, other values as they are."""
    if name in ENTITY_FIELDS:
        return get_label(model, value)
    return value


def pair_payload(model: GraphModel, pair: EvidencePair) -> PairPayload:
    """Return one evidence pair: keys, studies, how it matched, and its fields by status."""
    return {
        "left": pair.left.key,
        "right": pair.right.key,
        "left_study": pair.left.evidence.study,
        "right_study": pair.right.evidence.study,
        "left_claim": _claim(model, pair.left.assertion),
        "right_claim": _claim(model, pair.right.assertion),
        "subject_match": pair.subject_match.value,
        "object_match": pair.object_match.value,
        "basis": pair.basis.value,
        "differing": {
            name: [
                _value_label(model, name, pair.left_values[name]),
                _value_label(model, name, pair.right_values[name]),
            ]
            for name in pair.named(Status.DIFFER)
        },
        "agreeing": {
            name: _value_label(model, name, pair.left_values[name]) for name in pair.named(Status.AGREE)
        },
        "unstated": list(pair.named(Status.UNSTATED)),
    }


def _claim(model: GraphModel, assertion: Assertion) -> str:
    sign = assertion.sign.arrow if assertion.sign is not None else ""
    return f"{get_label(model, assertion.subject)} {sign} {get_label(model, assertion.object)}"


def group_label(model: GraphModel, group: ContradictionGroup) -> str:
    """Return ``subjects → objects: ↑ vs ↓`` for a group."""
    subjects = " / ".join(str(get_label(model, s)) for s in group.subjects)
    objects = " / ".join(str(get_label(model, o)) for o in group.objects)
    return f"{subjects} → {objects}: {group.left_sign.arrow} vs {group.right_sign.arrow}"


def report_payload(model: GraphModel, report: ContradictionReport) -> ReportPayload:
    """Return the JSON contract of ``mscgraph contradictions`` (documented in the README)."""
    groups: list[GroupPayload] = []
    for group in report.groups:
        sides: list[SidePayload] = []
        for side, sign, assertions in (
            ("left", group.left_sign, group.left),
            ("right", group.right_sign, group.right),
        ):
            sides.append(
                {
                    "sign": int(sign),
                    "arrow": sign.arrow,
                    "studies": list(group.side_studies(side)),
                    "assertions": [keyed_assertion_payload(model, a) for a in assertions],
                }
            )
        groups.append(
            {
                "id": group.id,
                "label": group_label(model, group),
                "conflict": group.conflict,
                "basis": group.basis.value,
                "subjects": [entity_ref(model, s) for s in group.subjects],
                "objects": [entity_ref(model, o) for o in group.objects],
                "sides": sides,
                "fields": {
                    "differing": list(group.fields_with("differing")),
                    "always_differing": list(group.fields_with("always_differing")),
                    "agreeing": list(group.fields_with("agreeing")),
                    "unstated": list(group.fields_with("unstated")),
                },
                "pairs": [pair_payload(model, p) for p in group.pairs],
            }
        )
    per_study: dict[str, list[WithinPairPayload]] = {}
    for item in report.within_study:
        per_study.setdefault(item.study, []).append(
            WithinPairPayload(
                kind=item.kind,
                **pair_payload(model, item.pair),
                left_evidence=evidence_payload(model, item.pair.left.evidence),
                right_evidence=evidence_payload(model, item.pair.right.evidence),
            )
        )
    within: list[WithinStudyPayload] = []
    for study_id, pairs in per_study.items():
        study = model.studies.get(study_id)
        within.append({"study": study_id, "citation": study.citation if study else study_id, "pairs": pairs})
    return {"groups": groups, "within_study": within}
