"""Paths results → the JSON contract and a readable text rendering."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict

from msc_graph.model import GraphModel
from msc_graph.model.names import escape_controls
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.query.paths import Hop, PathSearch
from msc_graph.query.payloads import EntityRef, EvidencePayload, entity_ref, evidence_payload
from msc_graph.render.evidence import format_evidence_lines

ARROWS = {1: "⟶", -1: "⊣", None: "⟶"}


def net_arrow(net_sign: int | None) -> str:
    """Return ↓, ↑ or ? (a hop states no direction) for a chain's net sign."""
    if net_sign is None:
        return "?"
    return "↓" if net_sign < 0 else "↑"


def get_relation(hop: Hop) -> str:
    """Return the hop's relation along the chain ("has-part" for a part-of edge walked whole → part)."""
    inverse = PREDICATES[hop.predicate].inverse
    return inverse if hop.reversed and inverse else hop.predicate


class HopPayload(TypedDict):
    """One hop of a chain in the paths JSON contract (README, "Paths")."""

    subject: str
    predicate: str
    object: str
    sign: int | None
    reversed: bool
    relation: str
    evidence: list[EvidencePayload]


class PathPayload(TypedDict):
    """One chain: nodes, hops, net sign (None when a hop states no direction), score, flags."""

    nodes: list[EntityRef]
    hops: list[HopPayload]
    net_sign: int | None
    net_effect: str
    score: float
    flags: list[str]


class PathsPayload(TypedDict):
    """The whole ``paths -f json`` answer, with the bounds that applied."""

    source: list[EntityRef]
    target: list[EntityRef]
    paths: list[PathPayload]
    truncated: bool
    truncated_because: list[str]
    limits: dict[str, Any]


SCORE_DIGITS = 4
"""Significant digits of a chain's score in the payload."""


def significant(score: float) -> float:
    """Return ``score`` to SCORE_DIGITS significant digits.

    Why not decimals: hub damping makes a 3- or 4-hop chain on a large graph
    score ~1e-7, which six decimals wrote as 0.0, a score no evidence would
    give, and ranks a consumer could no longer tell apart.
    """
    return float(f"{score:.{SCORE_DIGITS}g}")


def build_paths_payload(model: GraphModel, search: PathSearch) -> PathsPayload:
    """Return the paths JSON contract documented in the README."""
    return {
        "source": [entity_ref(model, i) for i in search.sources],
        "target": [entity_ref(model, i) for i in search.targets],
        "paths": [
            {
                "nodes": [entity_ref(model, n) for n in path.nodes],
                "hops": [
                    {
                        "subject": hop.subject,
                        "predicate": hop.predicate,
                        "object": hop.object,
                        "sign": hop.sign,
                        "reversed": hop.reversed,
                        "relation": get_relation(hop),
                        "evidence": [evidence_payload(model, e) for e in hop.evidence],
                    }
                    for hop in path.hops
                ],
                "net_sign": path.net_sign,
                "net_effect": f"{net_arrow(path.net_sign)} {model.entities[path.nodes[-1]].label}",
                "score": significant(path.score),
                "flags": list(path.flags),
            }
            for path in search.paths
        ],
        "truncated": search.truncated,
        "truncated_because": search.reasons,
        "limits": search.limits,
    }


def render_paths_text(payload: PathsPayload, hints: Sequence[str] = ()) -> str:
    """Return one readable block per chain, evidence numbered under each hop.

    ``hints`` follow "no chain found" when there is none: what the caller
    knows would help (the other direction, a bound or a filter that was set).
    """
    sources = ", ".join(s["label"] for s in payload["source"][:3])
    targets = ", ".join(t["label"] for t in payload["target"][:6])
    more = len(payload["target"]) - 6
    lines = [
        f"{len(payload['paths'])} chain(s) from {sources} to {targets}"
        + (f" (+{more} more)" if more > 0 else "")
    ]
    if payload["truncated"]:
        lines.append("search cut short: " + "; ".join(payload["truncated_because"]))
    labels = {n["id"]: n["label"] for p in payload["paths"] for n in p["nodes"]}
    for number, path in enumerate(payload["paths"], 1):
        chain = labels[path["hops"][0]["subject"]]
        for hop in path["hops"]:
            chain += f" {ARROWS[hop['sign']]}[{hop['relation']}] {labels[hop['object']]}"
        lines += [
            "",
            f"#{number}  {path['net_effect']}  (score {path['score']:.3g}, {len(path['hops'])} hops)",
            f"  {chain}",
        ]
        lines.extend(f"  ! {flag}" for flag in path["flags"])
        for step, hop in enumerate(path["hops"], 1):
            lines.append(f"  hop {step}: {labels[hop['subject']]} {hop['relation']} {labels[hop['object']]}")
            for index, item in enumerate(hop["evidence"], 1):
                lines.extend(format_evidence_lines(index, item))
    if not payload["paths"]:
        lines.append(
            f"no chain found within the limits (max hops {payload['limits']['max_hops']})"
            + "".join(f"; {hint}" for hint in hints)
        )
    return escape_controls("\n".join(lines))
