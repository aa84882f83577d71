"""The curated graph laid over an imported one: aliases, and the merged model and resolver."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from msc_graph.interop.imported.graph import ImportedGraph, ImportedModel
from msc_graph.model import Entity, GraphModel
from msc_graph.views.resolve import NameIndex, Resolver


class _MergedEntities(Mapping[str, Entity]):
    """The curated entities, then the imported ones that are not aliases of a curated entity."""

    def __init__(
        self, first: Mapping[str, Entity], second: Mapping[str, Entity], aliases: Mapping[str, str]
    ) -> None:
        self._first = first
        self._second = second
        self._aliases = aliases

    def __getitem__(self, entity_id: str) -> Entity:
        if entity_id in self._first:
            return self._first[entity_id]
        if entity_id in self._aliases:
            raise KeyError(entity_id)
        return self._second[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._first or (entity_id in self._second and entity_id not in self._aliases)

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        yield from (e for e in self._second if e not in self._aliases and e not in self._first)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class MergedResolver(Resolver):
    """Name look-ups over two resolvers: the curated one's answers first, aliases folded together.

    It has no index of its own (its look-ups ask both resolvers); ``resolve``
    and ``iter_descendants`` are Resolver's, over these look-ups and the merged model.
    """

    def __init__(
        self, model: GraphModel, first: Resolver, second: Resolver, aliases: Mapping[str, str]
    ) -> None:
        super().__init__(model, load_index=NameIndex)
        self._first = first
        self._second = second
        self._aliases = aliases

    def _fold(self, matches: Sequence[Any]) -> list[Any]:
        from dataclasses import replace

        best: dict[str, Any] = {}
        for match in matches:
            if match.id in self._aliases:
                curated = self.model.entities[self._aliases[match.id]]
                match = replace(match, id=curated.id, label=curated.label, type=curated.type.value)
            if match.id not in best or best[match.id].score < match.score:
                best[match.id] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.label))

    def find_matches(self, text: str, limit: int = 10) -> list[Any]:
        """Return the exact matches of both graphs (best first), else the closest names of both."""
        both = [*self._first.find_matches(text, limit), *self._second.find_matches(text, limit)]
        exact = [m for m in both if m.how != "close"]
        return self._fold(exact or both)[:limit]

    def find_close(self, text: str, limit: int = 5) -> list[Any]:
        """Return the closest names of both graphs."""
        return self._fold([*self._first.find_close(text, limit), *self._second.find_close(text, limit)])[
            :limit
        ]

    def search(self, text: str, limit: int = 25) -> list[Any]:
        """Return the search hits of both graphs, best first."""
        return self._fold([*self._first.search(text, limit), *self._second.search(text, limit)])[:limit]


def find_aliases(curated: GraphModel, graph: ImportedGraph) -> dict[str, str]:
    """Return imported node id → curated entity id, for curated entities whose xrefs name an imported node.

    That is the one rule for "the same node": a curated entity cross-referenced
    to ``HGNC:12680`` is the imported node ``HGNC:12680``. Cost: linear in the
    curated xrefs.
    """
    index = graph.node_index
    aliases: dict[str, str] = {}
    for entity in curated.entities.values():
        for xref in entity.xrefs:
            if xref in index and xref not in aliases:
                aliases[xref] = entity.id
    return aliases


def merge_models(curated: GraphModel, imported: ImportedModel, aliases: Mapping[str, str]) -> ImportedModel:
    """Return one model over both: curated entities, studies and assertions, then the imported ones."""
    children: dict[str, list[str]] = {}
    for entity in curated.entities.values():
        for parent in entity.is_a:
            children.setdefault(parent, []).append(entity.id)
    for parent, kids in imported.children.items():
        children.setdefault(aliases.get(parent, parent), []).extend(aliases.get(k, k) for k in kids)
    return ImportedModel(
        _MergedEntities(curated.entities, imported.entities, aliases),
        {**imported.studies, **curated.studies},
        curated.assertions,
        f"{curated.name}+{imported.name}",
        components=curated.components,
        children={k: tuple(v) for k, v in children.items()},
    )
