"""Counts of the graph: entities per type, assertions per predicate, evidence per study and review."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TypedDict

from msc_graph.model import GraphModel


class StatsPayload(TypedDict):
    """``stats -f json``: totals, and counts per type, predicate, study and review."""

    entities: int
    studies: int
    assertions: int
    evidence: int
    per_type: dict[str, int]
    per_predicate: dict[str, int]
    per_study: dict[str, int]
    per_review: dict[str, int]


@dataclass(frozen=True)
class GraphStats:
    """Totals and per-category counts, each sorted by count then name."""

    entities: int
    studies: int
    assertions: int
    evidence: int
    per_type: dict[str, int]
    per_predicate: dict[str, int]
    per_study: dict[str, int]
    per_review: dict[str, int]

    def as_payload(self) -> StatsPayload:
        """Return the counts as ``stats -f json`` prints them."""
        return {
            "entities": self.entities,
            "studies": self.studies,
            "assertions": self.assertions,
            "evidence": self.evidence,
            "per_type": self.per_type,
            "per_predicate": self.per_predicate,
            "per_study": self.per_study,
            "per_review": self.per_review,
        }


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def compute_stats(model: GraphModel) -> GraphStats:
    """Return the counts of ``model``. Cost: one pass over entities and evidence."""
    per_study: Counter[str] = Counter()
    per_review: Counter[str] = Counter()
    evidence = 0
    for assertion in model.assertions:
        for item in assertion.evidence:
            evidence += 1
            per_study[item.study] += 1
            per_review[item.read_in] += 1
    return GraphStats(
        entities=len(model.entities),
        studies=len(model.studies),
        assertions=len(model.assertions),
        evidence=evidence,
        per_type=_sorted(Counter(e.type.value for e in model.entities.values())),
        per_predicate=_sorted(Counter(a.predicate for a in model.assertions)),
        per_study=_sorted(per_study),
        per_review=_sorted(per_review),
    )
