"""Parts of composite names: which spellings name one part, and their ``components:`` cross-references.

A composite entity ("PI3K/AKT/mTOR pathway") names its parts in its label and,
for a pathway, in its spelled-out synonyms ("phosphoinositide 3-kinase/protein
kinase B/mechanistic target of rapamycin pathway"). Two names of one entity
with as many "/"-separated slots name the same parts in the same order, so
slot by slot they pair a long form with its short one; a slot written "long
form (ABBR)" pairs the two itself; and one spelling (after
:func:`~msc_graph.model.names.match_key`) is one part across every entity.
Each part then carries every spelling found for it, on every composite that
names it: "protein kinase B", spelled out only by the PI3K/AKT/mTOR pathway,
names AKT of the PI3K/Akt pathway too. No list of long forms is kept by hand.

The ``components:`` section (graph_data/xrefs.yaml) grounds parts by name:
``name: [CURIE, ...]`` or ``name: {no_xref: reason}``; the name must be a
spelling of some composite's part, and each part is grounded once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from msc_graph.curation.load import Located
from msc_graph.curation.validate.checker import Checker, suggest
from msc_graph.model import Component, Entity, EntityType
from msc_graph.model.names import match_key, split_component_slots


class _Parts:
    """Union-find over the match keys of part spellings, remembering each spelling in order seen."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.spellings: dict[str, list[str]] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, spellings: Iterable[str]) -> None:
        """Record that ``spellings`` name one part."""
        roots = []
        for spelling in spellings:
            key = match_key(spelling)
            if not key:
                continue
            names = self.spellings.setdefault(key, [])
            if spelling not in names:
                names.append(spelling)
            roots.append(self.find(key))
        for root in roots[1:]:
            first, other = self.find(roots[0]), self.find(root)
            if first != other:
                self.parent[other] = first

    def groups(self) -> dict[str, list[str]]:
        """Return root key → every spelling of that part, in the order first seen."""
        found: dict[str, list[str]] = {}
        for key, names in self.spellings.items():
            group = found.setdefault(self.find(key), [])
            group.extend(name for name in names if name not in group)
        return found


def _iter_slots(entity: Entity) -> Iterable[tuple[str, ...]]:
    """Yield the spellings of each slot an entity's names give, paired with the reference name's slots.

    The reference is the first composite name (the label, usually); another
    name with as many slots adds its spellings to the reference's slot at
    the same position, any other name's slots stand alone. A part named only
    in a curated ``components:`` list stands alone too.
    """
    spaced = entity.type is EntityType.PATHWAY
    names = (entity.label, *entity.synonyms) if spaced else (entity.label,)
    reference: list[list[str]] = []
    alone: list[tuple[str, ...]] = []
    for name in names:
        slots = split_component_slots(name, spaced=spaced)
        if not slots:
            continue
        if not reference:
            reference = [list(slot) for slot in slots]
        elif len(slots) == len(reference):
            for position, slot in enumerate(slots):
                reference[position].extend(slot)
        else:
            alone.extend(slots)
    yield from (tuple(slot) for slot in reference)
    yield from alone
    yield from ((name,) for name in entity.components)


def _read_sections(
    check: Checker, sections: list[tuple[Located, str]], root_of: Mapping[str, str], spellings: list[str]
) -> dict[str, tuple[str, tuple[str, ...], str | None]]:
    """Return part root → (name as grounded, CURIEs, no-xref reason) from the ``components:`` sections."""
    grounded: dict[str, tuple[str, tuple[str, ...], str | None]] = {}
    places: dict[str, tuple[str, int]] = {}
    for section, name in sections:
        where, field_name = section.where(name), f"components.{name}"
        root = root_of.get(match_key(name)) if isinstance(name, str) else None
        if root is None:
            check.report(
                where,
                field_name,
                f"unknown component {name!r}: no composite entity names it as a part"
                f"{suggest(str(name), spellings)}",
            )
            continue
        if root in grounded:
            other = grounded[root][0]
            file, line = places[root]
            message = f"{name!r} names the same part as {other!r} ({file}:{line}); ground it once"
            check.report(where, field_name, message)
            continue
        value = section[name]
        if isinstance(value, Located) and set(value) == {"no_xref"}:
            grounded[root] = (name, (), check.text(value, "no_xref", required=True))
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            curies = tuple(dict.fromkeys(v.strip() for v in value))
            for curie in curies:
                check.curie(where, field_name, curie)
            grounded[root] = (name, curies, None)
        else:
            check.report(where, field_name, "must be a list of CURIEs or {no_xref: reason}")
            continue
        places[root] = (section.file, where[1])
    return grounded


def validate_components(
    check: Checker, entities: Mapping[str, Entity], sections: list[tuple[Located, str]]
) -> tuple[dict[str, Entity], dict[str, Component]]:
    """Return the entities, each composite naming every spelling of its parts, and the parts by name.

    Cost: linear in the composites' names and the ``components:`` entries.
    """
    parts = _Parts()
    for entity in entities.values():
        for slot in _iter_slots(entity):
            parts.join(slot)
    groups = parts.groups()
    root_of = {key: parts.find(key) for key in parts.spellings}
    spellings = [name for names in groups.values() for name in names]
    grounded = _read_sections(check, sections, root_of, spellings)

    expanded: dict[str, Entity] = {}
    for ident, entity in entities.items():
        if not entity.components:
            expanded[ident] = entity
            continue
        names = list(entity.components)
        for own in entity.components:
            names.extend(groups[root_of[match_key(own)]] if match_key(own) in root_of else ())
        expanded[ident] = replace(entity, components=tuple(dict.fromkeys(names)))

    components: dict[str, Component] = {}
    for entity in expanded.values():
        for own in entity.components:
            root = root_of.get(match_key(own))
            if root is None:
                continue
            written, xrefs, no_xref = grounded.get(root, (groups[root][0], (), None))
            name = next((s for s in groups[root] if s == written), None) or next(
                s for s in groups[root] if match_key(s) == match_key(written)
            )
            if name not in components:
                others = [spelling for spelling in groups[root] if spelling != name]
                components[name] = Component(name, (name, *others), xrefs, no_xref)
    return expanded, components
