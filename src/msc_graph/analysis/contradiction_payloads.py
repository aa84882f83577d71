"""Contradiction reports → JSON-ready dicts: the contract of ``mscgraph contradictions --format json``.

``render/html/contradictions.py`` draws the same payload as a page.
"""

from __future__ import annotations

from typing import Any

from msc_graph.analysis.contradictions import (
    ENTITY_FIELDS,
    ContradictionGroup,
    ContradictionReport,
    EvidencePair,
    EvidenceRef,
    Status,
)
from msc_graph.model import Assertion, GraphModel
from msc_graph.query.payloads import entity_ref, evidence_payload, get_label


def _value_label(model: GraphModel, name: str, value: Any) -> Any:
    """Return a compared value for output: entity ids as labels, other values as they are."""
    if name in ENTITY_FIELDS:
        return get_label(model, value)
    return value


def pair_payload(model: GraphModel, pair: EvidencePair) -> dict[str, Any]:
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


def assertion_payload(model: GraphModel, assertion: Assertion) -> dict[str, Any]:
    """Return an assertion with its evidence, each evidence record carrying its stable key."""
    return {
        "id": assertion.id,
        "subject": entity_ref(model, assertion.subject),
        "predicate": assertion.predicate,
        "object": entity_ref(model, assertion.object),
        "sign": int(assertion.sign) if assertion.sign is not None else None,
        "evidence": [
            {"key": EvidenceRef(assertion, index).key} | evidence_payload(model, item)
            for index, item in enumerate(assertion.evidence)
        ],
    }


def group_label(model: GraphModel, group: ContradictionGroup) -> str:
    """Return ``subjects → objects: ↑ vs ↓`` for a group."""
    subjects = " / ".join(str(get_label(model, s)) for s in group.subjects)
    objects = " / ".join(str(get_label(model, o)) for o in group.objects)
    return f"{subjects} → {objects}: {group.left_sign.arrow} vs {group.right_sign.arrow}"


def report_payload(model: GraphModel, report: ContradictionReport) -> dict[str, Any]:
    """Return the JSON contract of ``mscgraph contradictions`` (documented in the README)."""
    groups = []
    for group in report.groups:
        sides = []
        for side, sign, assertions in (
            ("left", group.left_sign, group.left),
            ("right", group.right_sign, group.right),
        ):
            sides.append(
                {
                    "sign": int(sign),
                    "arrow": sign.arrow,
                    "studies": list(group.side_studies(side)),
                    "assertions": [assertion_payload(model, a) for a in assertions],
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
                    kind: list(group.fields_with(kind))
                    for kind in ("differing", "always_differing", "agreeing", "unstated")
                },
                "pairs": [pair_payload(model, p) for p in group.pairs],
            }
        )
    per_study: dict[str, list[dict[str, Any]]] = {}
    for item in report.within_study:
        per_study.setdefault(item.study, []).append(
            {"kind": item.kind}
            | pair_payload(model, item.pair)
            | {
                "left_evidence": evidence_payload(model, item.pair.left.evidence),
                "right_evidence": evidence_payload(model, item.pair.right.evidence),
            }
        )
    within = []
    for study_id, pairs in per_study.items():
        study = model.studies.get(study_id)
        within.append({"study": study_id, "citation": study.citation if study else study_id, "pairs": pairs})
    return {"groups": groups, "within_study": within}
