"""What a draft holds: mentions, references, and the proposed records in the project's format."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from msc_graph.model.names import fold_greek

PROPOSED_BY = "curate-draft"

NameLookup = Callable[[str], Sequence[str]]
"""Text → ids of the entities it names, best first (``NameIndex.named``)."""


@dataclass(frozen=True)
class Mention:
    """One entity named in a text, where (character offsets in that text)."""

    entity: str
    start: int
    end: int


@dataclass(frozen=True)
class Reference:
    """One entry of the seed's reference list, as far as the drafter can read it."""

    surname: str
    year: str
    """The year with its letter, as cited ("2023a")."""
    authors: tuple[str, ...]
    title: str | None
    number: int | None
    text: str


@dataclass
class DraftEvidence:
    """Where a proposal was read: study, kind, locator, verbatim quote, basis, context."""

    study: str
    source_kind: str
    locator: str
    quote: str
    basis: str = "stated"
    context: dict[str, Any] = field(default_factory=dict)
    inferred_from: str | None = None
    sentence: int | None = None
    """Index of the audited sentence (benchmarks compare by it); None for rows and titles."""
    row: tuple[int, int] | None = None

    def context_values(self) -> list[str]:
        """Return the values its context names, listed or single (entity ids, and the setting)."""
        return [
            str(v) for value in self.context.values() for v in (value if isinstance(value, list) else [value])
        ]


@dataclass
class DraftAssertion:
    """A proposed assertion with its evidence."""

    subject: str
    predicate: str
    object: str
    evidence: list[DraftEvidence] = field(default_factory=list)


@dataclass
class Draft:
    """Everything proposed for one review."""

    review: str
    studies: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    assertions: dict[tuple[str, str, str], DraftAssertion] = field(default_factory=dict)
    rows_total: int = 0
    rows_proposed: int = 0
    dropped_quotes: int = 0
    """Proposals dropped because their quote was not a verbatim span of the seed."""

    def add(self, subject: str, predicate: str, obj: str, evidence: DraftEvidence) -> None:
        """Add one evidence, merging proposals of the same triple."""
        key = (subject, predicate, obj)
        found = self.assertions.setdefault(key, DraftAssertion(subject, predicate, obj))
        if all((e.locator, e.quote) != (evidence.locator, evidence.quote) for e in found.evidence):
            found.evidence.append(evidence)

    def as_data(self) -> dict[str, Any]:
        """Return the draft in the project's YAML layout (graph_data/<review>.yaml), every record a draft."""
        mark = {"status": "draft", "proposed_by": PROPOSED_BY}
        assertions = []
        for item in self.assertions.values():
            evidence = []
            for e in item.evidence:
                record: dict[str, Any] = {
                    "study": e.study,
                    "source_kind": e.source_kind,
                    "locator": e.locator,
                    "quote": e.quote,
                }
                if e.basis != "stated":
                    record["basis"] = e.basis
                if e.inferred_from:
                    record["inferred_from"] = e.inferred_from
                if e.context:
                    record["context"] = e.context
                evidence.append(record)
            assertions.append(
                {"subject": item.subject, "predicate": item.predicate, "object": item.object, **mark}
                | {"evidence": evidence}
            )
        return {
            "review": self.review,
            "studies": [record | mark for record in self.studies.values()],
            "entities": [record | mark for record in self.entities.values()],
            "assertions": assertions,
        }


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug of ``text`` ("Sendon-Lago" → "sendon-lago", "IFN-γ" → "ifn-g").

    Greek letters become the Latin letters names use for them (the graph's
    own ids: tnf-a, ifn-g), so two members of a family keep two ids.
    """
    ascii_text = unicodedata.normalize("NFKD", fold_greek(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
