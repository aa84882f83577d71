"""Free text → entity ids: ids, CURIEs, labels, synonyms, normalised forms, then close matches.

Researchers type whatever name they know ("IL-1 beta", "IL1B", "HGNC:5992",
"NF-kB", "hUC-MSC"); all must land on the same entity, and a miss must say
what was meant. The index is built once per model (linear in names).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

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


class NameIndex:
    """Normalised name → [(entity id, how, name as written)], and CURIE (casefolded) → entity id.

    The one index every resolver searches: built from a model's entities here,
    or at import time from the node records and stored as JSON (a format that
    cannot carry code, unlike a pickle), so an imported graph's names load
    without building anything.
    """

    def __init__(
        self, exact: dict[str, list[tuple[str, str, str]]] | None = None, curies: dict[str, str] | None = None
    ) -> None:
        self.exact: dict[str, list[tuple[str, str, str]]] = exact if exact is not None else {}
        self.curies: dict[str, str] = curies if curies is not None else {}
        self._keys: list[str] | None = None

    @classmethod
    def of_model(cls, model: GraphModel) -> NameIndex:
        """Return the index of a model's entities (linear in their names)."""
        index = cls()
        for entity in model.entities.values():
            index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
        return index

    def add(self, entity_id: str, label: str | None, synonyms: Iterable[str], xrefs: Iterable[str]) -> None:
        """Index one entity's label, synonyms and cross-references."""
        names = [(label, "label")] if label else []
        for name, how in [*names, *((synonym, "synonym") for synonym in synonyms)]:
            entries = self.exact.setdefault(normalise_name(name), [])
            if all(existing[0] != entity_id for existing in entries):
                entries.append((entity_id, how, name))
        for xref in xrefs:
            self.curies[xref.casefold()] = entity_id
        self._keys = None

    @property
    def keys(self) -> list[str]:
        """Return the normalised names, sorted (what close matches are drawn from)."""
        if self._keys is None:
            self._keys = sorted(self.exact)
        return self._keys

    def to_json(self) -> bytes:
        """Return the index as JSON bytes."""
        return json.dumps({"exact": self.exact, "curies": self.curies}, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, payload: bytes) -> NameIndex:
        """Return the index written by :meth:`to_json`."""
        data = json.loads(payload)
        exact = {key: [(i, how, name) for i, how, name in entries] for key, entries in data["exact"].items()}
        return cls(exact, dict(data["curies"]))


class Resolves(Protocol):
    """What every resolver offers (curated, imported, or the two merged): the CLI and queries need no more."""

    model: Any

    def find_matches(self, text: str, limit: int = 10) -> list[Match]:
        """Return the exact matches of ``text``, best first, or else the closest names."""
        ...

    def find_close(self, text: str, limit: int = 5) -> list[Match]:
        """Return the entities whose names are closest to ``text``."""
        ...

    def resolve(self, text: str) -> Match:
        """Return the one entity ``text`` names, or raise."""
        ...

    def search(self, text: str, limit: int = 25) -> list[Match]:
        """Return the entities whose names contain ``text``."""
        ...

    def iter_descendants(self, entity_ids: Iterable[str]) -> Iterator[str]:
        """Yield each id and everything below it in the is-a hierarchy."""
        ...


class Resolver:
    """Name look-ups over one model's entities, through a :class:`NameIndex`.

    ``load_index`` gives the index on first use (an imported graph reads its
    stored one); by default it is built from the model. An exact entity id
    resolves without it.
    """

    def __init__(self, model: GraphModel, load_index: Callable[[], NameIndex] | None = None) -> None:
        self.model = model
        self._load_index = load_index or (lambda: NameIndex.of_model(model))
        self._index: NameIndex | None = None

    @property
    def index(self) -> NameIndex:
        """Return the name index, loading or building it on first use."""
        if self._index is None:
            self._index = self._load_index()
        return self._index

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
        curie = self.index.curies.get(text.casefold())
        if curie:
            return [self._match(curie, text, "curie", MATCH_SCORES["curie"])]
        exact = self.index.exact.get(normalise_name(text), [])
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
        for candidate in difflib.get_close_matches(key, self.index.keys, n=limit * 3, cutoff=0.6):
            ratio = difflib.SequenceMatcher(None, key, candidate).ratio()
            for entity_id, _how, name in self.index.exact[candidate]:
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
            for candidate in self.index.keys:
                if key in candidate:
                    for entity_id, _how, name in self.index.exact[candidate]:
                        score = 0.5 + 0.4 * len(key) / len(candidate)
                        if entity_id not in results or results[entity_id].score < score:
                            results[entity_id] = self._match(entity_id, name, "contains", score)
            for curie, entity_id in self.index.curies.items():
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
