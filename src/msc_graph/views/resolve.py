"""Free text → entity ids: ids, CURIEs, labels, synonyms, normalised forms, then close matches.

Researchers type whatever name they know ("IL-1 beta", "IL1B", "HGNC:5992",
"NF-kB", "hUC-MSC"); all must land on the same entity, and a miss must say
what was meant. The index is built once per model (linear in names).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from msc_graph.errors import AmbiguousEntityError, UnknownEntityError
from msc_graph.model import Entity, GraphModel
from msc_graph.model.names import normalise_name

MATCH_SCORES = {"id": 1.0, "curie": 1.0, "label": 0.95, "synonym": 0.9}
"""Score of each kind of exact match; close matches score their similarity × 0.8."""


@dataclass(frozen=True)
class Match:
    """One entity a name resolved to, how, and how well (1.0 = exact id)."""

    id: str
    label: str
    type: str
    matched: str
    how: str
    score: float


class Resolver:
    """Name look-ups over one model's entities."""

    def __init__(self, model: GraphModel) -> None:
        self.model = model
        self._exact: dict[str, list[tuple[str, str, str]]] = {}
        self._curies: dict[str, str] = {}
        for entity in model.entities.values():
            self._add(entity.label, entity.id, "label")
            for synonym in entity.synonyms:
                self._add(synonym, entity.id, "synonym")
            for xref in entity.xrefs:
                self._curies[xref.casefold()] = entity.id
        self._keys = sorted(self._exact)

    def _add(self, name: str, entity_id: str, how: str) -> None:
        entries = self._exact.setdefault(normalise_name(name), [])
        if all(existing[0] != entity_id for existing in entries):
            entries.append((entity_id, how, name))

    def _match(self, entity_id: str, matched: str, how: str, score: float) -> Match:
        entity: Entity = self.model.entities[entity_id]
        return Match(entity.id, entity.label, entity.type.value, matched, how, round(score, 3))

    def find_matches(self, text: str, limit: int = 10) -> list[Match]:
        """Return every exact match of ``text`` (best first), or else the closest names.

        Exact kinds, in order: id, CURIE, label, synonym (all after normalisation).
        """
        text = text.strip()
        if not text:
            return []
        if text in self.model.entities:
            return [self._match(text, text, "id", MATCH_SCORES["id"])]
        curie = self._curies.get(text.casefold())
        if curie:
            return [self._match(curie, text, "curie", MATCH_SCORES["curie"])]
        exact = self._exact.get(normalise_name(text), [])
        if exact:
            matches = [self._match(i, name, how, MATCH_SCORES[how]) for i, how, name in exact]
            return sorted(matches, key=lambda m: (-m.score, m.label))
        return self.find_close(text, limit)

    def find_close(self, text: str, limit: int = 5) -> list[Match]:
        """Return the entities whose names are closest to ``text`` (similarity-ranked)."""
        key = normalise_name(text)
        if not key:
            return []
        found: dict[str, Match] = {}
        for candidate in difflib.get_close_matches(key, self._keys, n=limit * 3, cutoff=0.6):
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            for entity_id, _how, name in self._exact[candidate]:
                if entity_id not in found or found[entity_id].score < ratio * 0.8:
                    found[entity_id] = self._match(entity_id, name, "close", ratio * 0.8)
        return sorted(found.values(), key=lambda m: (-m.score, m.label))[:limit]

    def resolve(self, text: str) -> Match:
        """Return the one entity ``text`` names.

        Raises:
            UnknownEntityError: nothing matches exactly (with the closest names).
            AmbiguousEntityError: several entities match equally well.
        """
        matches = self.find_matches(text)
        exact = [m for m in matches if m.how != "close"]
        if not exact:
            raise UnknownEntityError(text, [f"{m.label} ({m.id})" for m in matches])
        best = [m for m in exact if m.score == exact[0].score]
        if len(best) > 1:
            raise AmbiguousEntityError(text, [f"{m.label} ({m.id}, {m.type})" for m in best])
        return best[0]

    def search(self, text: str, limit: int = 25) -> list[Match]:
        """Return entities whose id, label, synonym or CURIE contains ``text`` (normalised).

        Exact matches come first, then substring matches, then close matches.
        """
        results: dict[str, Match] = {m.id: m for m in self.find_matches(text, limit) if m.how != "close"}
        key = normalise_name(text)
        if key:
            for candidate in self._keys:
                if key in candidate:
                    for entity_id, _how, name in self._exact[candidate]:
                        score = 0.5 + 0.4 * len(key) / len(candidate)
                        if entity_id not in results or results[entity_id].score < score:
                            results[entity_id] = self._match(entity_id, name, "contains", score)
            for curie, entity_id in self._curies.items():
                if text.casefold() in curie and entity_id not in results:
                    results[entity_id] = self._match(entity_id, curie.upper(), "contains", 0.5)
        if not results:
            results = {m.id: m for m in self.find_close(text, limit)}
        return sorted(results.values(), key=lambda m: (-m.score, m.label))[:limit]

    def iter_descendants(self, entity_ids: Iterable[str]) -> Iterator[str]:
        """Yield each id and everything below it in the is-a hierarchy, once each."""
        seen: set[str] = set()
        for entity_id in entity_ids:
            for descendant in self.model.iter_descendants(entity_id):
                if descendant not in seen:
                    seen.add(descendant)
                    yield descendant
