"""Free text → entity ids: ids, CURIEs, names, spelling variants, parts of composites, close matches.

Researchers type whatever name they know ("IL-1 beta", "IL1B", "HGNC:5992",
"NF-kB", "hUC-MSC", "tumour necrosis factor", "ADSC", "mTOR"); all must land
on the entity meant, and a miss must say what was meant. Tiers, best first:

1. the id, or a cross-reference CURIE;
2. a label or synonym, normalised (case, hyphens, Greek letters: :func:`normalise_name`);
3. a spelling variant (:func:`match_key`: British spellings, a plural);
4. an abbreviation pattern of the field, tried on the typed text only:
   ``hX-MSC`` → ``X-MSC``, ``XSC`` → ``X-MSC`` (ADSC, BMSC), and ``MSC-`` or
   ``MSC-derived`` before a fraction (MSC-EVs, MSC-Exos, MSC-CM);
5. a part of a composite label (mTOR → the PI3K/AKT/mTOR pathway): where
   several composites share it, all are answers, the one with more evidence
   first (``paths`` searches from all of them);
6. close names, ranked by rapidfuzz on the normalised text, never sharing
   nothing with what was typed (they must share a trigram).

The index is built once per model (linear in names).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from msc_graph.errors import AmbiguousEntityError, MscGraphError, UnknownEntityError
from msc_graph.model import Entity, GraphModel, Study
from msc_graph.model.names import match_key, normalise_name, normalise_names, variant_key, variant_keys

MATCH_SCORES = {
    "id": 1.0,
    "curie": 1.0,
    "label": 0.95,
    "synonym": 0.9,
    "variant": 0.85,
    "abbreviation": 0.8,
    "component": 0.75,
}
"""Score of each kind of match; close matches score their similarity × 0.7."""
CLOSE_CUTOFF = 72.0
"""Least rapidfuzz score (0-100) for a close match to be offered."""
_FRACTION_PREFIX = re.compile(r"^h?mscs?(?:derived)?(?=[a-z]{2,})")
"""``MSC-`` / ``hMSC-`` / ``MSC-derived`` before a fraction's name, in a normalised key."""


@dataclass(frozen=True)
class Match:
    """One entity a name resolved to, how, and how well (1.0 = exact id)."""

    id: str
    label: str
    type: str
    matched: str
    how: str
    score: float


Entries = dict[str, list[tuple[str, str, str]]]
"""Key → [(entity id, how, name as written)]."""
SECTIONS = ("exact", "curies", "variants", "components", "weights")
"""The parts of a :class:`NameIndex`, in the order its JSON holds them."""
NAME_BLOCK = 65_536
"""Names keyed at a time by :meth:`NameIndex.add_names`."""


class NameIndex:
    """Every name of every entity, under three keys: exact, variant and component; and CURIEs.

    The one index every resolver searches: built from a model's entities here,
    or at import time from the node records and stored as JSON (a format that
    cannot carry code, unlike a pickle), so an imported graph's names load
    without building anything. ``weights`` (entity id → assertions touching
    it) order several composites sharing a component.
    """

    def __init__(
        self,
        exact: Entries | None = None,
        curies: dict[str, str] | None = None,
        variants: Entries | None = None,
        components: Entries | None = None,
        weights: dict[str, int] | None = None,
    ) -> None:
        self.exact: Entries = exact if exact is not None else {}
        self.curies: dict[str, str] = curies if curies is not None else {}
        self.variants: Entries = variants if variants is not None else {}
        self.components: Entries = components if components is not None else {}
        self.weights: dict[str, int] = weights if weights is not None else {}
        self._keys: list[str] | None = None

    @classmethod
    def of_model(cls, model: GraphModel) -> NameIndex:
        """Return the index of a model's entities (linear in their names and assertions)."""
        index = cls()
        for entity in model.entities.values():
            index.add(entity.id, entity.label, entity.synonyms, entity.xrefs, entity.components)
        for assertion in model.assertions:
            for end in (assertion.subject, assertion.object):
                index.weights[end] = index.weights.get(end, 0) + 1
        return index

    def add(
        self,
        entity_id: str,
        label: str | None,
        synonyms: Iterable[str],
        xrefs: Iterable[str],
        components: Iterable[str] = (),
        sections: Container[str] = SECTIONS,
    ) -> None:
        """Index one entity's label, synonyms, cross-references and component names.

        ``sections`` limits what is indexed (an import writes its index a
        section at a time: :meth:`iter_json`).
        """
        names = [(label, "label")] if label else []
        exact, variants = "exact" in sections, "variants" in sections
        if exact or variants:
            for name, how in [*names, *((synonym, "synonym") for synonym in synonyms)]:
                key = normalise_name(name)
                if exact:
                    _put(self.exact, key, (entity_id, how, name))
                if variants:
                    _put(self.variants, variant_key(key), (entity_id, how, name))
        if "components" in sections:
            for component in components:
                _put(self.components, match_key(component), (entity_id, "component", component))
        if "curies" in sections:
            for xref in xrefs:
                self.curies[xref.casefold()] = entity_id
        self._keys = None

    def add_names(self, rows: Iterable[tuple[str, str, str]], sections: Container[str] = SECTIONS) -> None:
        """Index (entity id, "label" or "synonym", name) rows as :meth:`add` would, in that order.

        Why: an import indexes every node's names; here they are keyed a
        block at a time (:func:`normalise_names`), ~10x faster than one by
        one, holding one block's keys beside the index.
        """
        exact, variants = "exact" in sections, "variants" in sections
        if not (exact or variants):
            return
        iterator = iter(rows)
        while block := list(itertools.islice(iterator, NAME_BLOCK)):
            keys = normalise_names([name for _id, _how, name in block])
            if exact:
                _put_all(self.exact, keys, block)
            if variants:
                _put_all(self.variants, variant_keys(keys), block)
        self._keys = None

    def named(self, text: str) -> list[str]:
        """Return the ids of the entities ``text`` names by their own names, best supported first.

        The resolver's name tiers only (label or synonym, spelling variant,
        abbreviation pattern): no CURIEs, no parts of composites, no close
        names, because the drafter scans every span of a sentence and a close
        name or a part would turn ordinary words into entities.
        """
        rows = self.exact.get(normalise_name(text)) or self.variants.get(match_key(text))
        if not rows:
            for key in abbreviation_keys(text):
                rows = self.exact.get(key) or self.variants.get(key)
                if rows:
                    break
        ids = [entity_id for entity_id, _how, _name in rows or ()]
        return sorted(ids, key=lambda i: -self.weights.get(i, 0))

    @property
    def keys(self) -> list[str]:
        """Return the normalised names, sorted (what close matches are drawn from)."""
        if self._keys is None:
            self._keys = sorted(self.exact)
        return self._keys

    def to_json(self) -> bytes:
        """Return the index as JSON bytes."""
        return b"".join(self.iter_json(lambda section: self))

    @staticmethod
    def iter_json(index_of: Callable[[str], NameIndex]) -> Iterator[bytes]:
        """Yield the JSON of an index in pieces, each section from ``index_of(section)``.

        Why: the name index of half a million imported nodes is ~360 MB of
        Python objects and its JSON ~80 MB more; built and written a section
        at a time (an index holding only that section), the import holds a
        third of it. The bytes are those of one ``json.dumps`` of the whole.
        """
        yield b"{"
        for number, section in enumerate(SECTIONS):
            # one expression, no local: the section's index and its text are gone once the piece is yielded
            head = f'{", " if number else ""}"{section}": '
            yield (head + json.dumps(getattr(index_of(section), section), ensure_ascii=False)).encode()
        yield b"}"

    @classmethod
    def from_json(cls, payload: bytes) -> NameIndex:
        """Return the index written by :meth:`to_json`."""
        data = json.loads(payload)

        def entries(name: str) -> Entries:
            return {
                key: [(i, how, text) for i, how, text in rows] for key, rows in data.get(name, {}).items()
            }

        return cls(
            entries("exact"),
            dict(data["curies"]),
            entries("variants"),
            entries("components"),
            {k: int(v) for k, v in data.get("weights", {}).items()},
        )


def _put(entries: Entries, key: str, entry: tuple[str, str, str]) -> None:
    _put_all(entries, (key,), (entry,))


def _put_all(entries: Entries, keys: Iterable[str], new: Iterable[tuple[str, str, str]]) -> None:
    """File each entry under its key (none under an empty key), once per entity and key, in order."""
    for key, entry in zip(keys, new, strict=True):
        if not key:
            continue
        rows = entries.get(key)
        if rows is None:  # a new key: most of an import's names
            entries[key] = [entry]
        elif all(row[0] != entry[0] for row in rows):
            rows.append(entry)


def abbreviation_keys(text: str) -> list[str]:
    """Return the keys the field's abbreviation patterns make of typed ``text`` (see the module docstring).

    >>> abbreviation_keys("ADSC"), abbreviation_keys("hUC-MSC"), abbreviation_keys("MSC-EVs")
    (['admsc'], ['ucmsc'], ['ev'])
    """
    key = match_key(text)
    found: list[str] = []
    if key.endswith("msc") and len(key) > 4:
        found.append(key[1:] if key.startswith("h") else "h" + key)
    if key.endswith("sc") and not key.endswith("msc") and len(key) > 3:
        found.append(key[:-2] + "msc")
    stripped = _FRACTION_PREFIX.sub("", key)
    if stripped != key:
        found.append(stripped)
    return [k for k in dict.fromkeys(found) if k and k != key]


def name_studies(studies: Mapping[str, Study], text: str) -> list[str]:
    """Return the ids of the studies whose whole id or citation ``text`` is (compared normalised)."""
    if text in studies:
        return [text]
    key = normalise_name(text)
    if not key:
        return []
    return [s.id for s in studies.values() if key in (normalise_name(s.citation), normalise_name(s.id))]


def find_studies(studies: Mapping[str, Study], text: str) -> tuple[list[str], list[str]]:
    """Return the ids of the studies ``text`` names, and close matches when it names none.

    The one rule for finding a study by what a user types: its id, its
    citation as the review writes it ("Gao et al., 2023a"), or a part of the
    citation ("Gao et al., 2023" finds both Gao papers); names are compared
    normalised (case, hyphens, Greek letters).
    """
    import difflib

    found = name_studies(studies, text)
    if not found:
        key = normalise_name(text)
        found = [s.id for s in studies.values() if key and key in normalise_name(s.citation)]
    if found:
        return found, []
    return [], difflib.get_close_matches(text, [*studies, *(s.citation for s in studies.values())])


class StudyNameError(UnknownEntityError):
    """A name asked for as an entity names a study; the message points to the study."""

    def __init__(self, name: str, study: Study) -> None:
        self.study = study
        MscGraphError.__init__(
            self,
            f"{name!r} is a study, not an entity: {study.citation}"
            + (f", {study.title}" if study.title else "")
            + f"; its evidence: mscgraph studies --study {study.id}",
        )
        self.name = name
        self.suggestions = []


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)} or {text}


def find_close_keys(
    key: str, keys: Sequence[str], limit: int, *, loose: bool = False
) -> list[tuple[str, float]]:
    """Return up to ``limit`` of ``keys`` close to ``key`` (both normalised), with their similarity 0-1.

    Ranked by rapidfuzz; a candidate must share a trigram with ``key``, so
    "mTOR" never suggests "tumor formation" for the sake of a few letters in
    common; a short key (five letters or fewer, where a typo breaks every
    trigram: VEFG), or any key when ``loose``, may instead share its first
    letter with a key of about its length. Cost: one rapidfuzz pass over ``keys``.
    """
    from rapidfuzz import fuzz, process

    wanted, short = _trigrams(key), loose or len(key) <= 5
    close = []
    for candidate, score, _ in process.extract(
        key, keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=CLOSE_CUTOFF
    ):
        alike = short and candidate[0] == key[0] and len(candidate) <= len(key) + 2
        if alike or wanted & _trigrams(candidate):
            close.append((candidate, score / 100))
    return close


def find_close_names(text: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Return the ``names`` closest to ``text``, best first: the resolver's rule for any list of names.

    For a mistyped command, option, vocabulary term or prefix, so every "did
    you mean" in the CLI suggests by one rule. Names are compared normalised
    (case, hyphens: :func:`normalise_name`), so ``msc:Decreases`` finds
    ``decreases``. The lists are short, so the first-letter rule holds at any
    length: a swap of two letters breaks every trigram of "search" ("serach").
    """
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(normalise_name(name), []).append(name)
    key = normalise_name(text)
    if not key:
        return []
    close = find_close_keys(key, list(by_key), limit * 3, loose=True)
    return [name for candidate, _ in close for name in by_key[candidate]][:limit]


class Resolves(Protocol):
    """What every resolver offers (curated, imported, or the two merged): the CLI and queries need no more."""

    model: Any

    def find_matches(self, text: str, limit: int = 10) -> list[Match]:
        """Return the matches of ``text``, best first, or else the closest names."""
        ...

    def find_close(self, text: str, limit: int = 5) -> list[Match]:
        """Return the entities whose names are closest to ``text``."""
        ...

    def study_named(self, text: str) -> Study | None:
        """Return the study whose whole id or citation ``text`` is, if any."""
        ...

    def resolve(self, text: str) -> Match:
        """Return the one entity ``text`` names, or raise."""
        ...

    def resolve_all(self, text: str) -> list[Match]:
        """Return every entity ``text`` names equally well (a shared component), best first."""
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

    def _from(self, rows: list[tuple[str, str, str]], how: str | None = None) -> list[Match]:
        matches = [self._match(i, name, how or kind, MATCH_SCORES[how or kind]) for i, kind, name in rows]
        weights = self.index.weights
        return sorted(matches, key=lambda m: (-m.score, -weights.get(m.id, 0), m.label))

    def find_matches(self, text: str, limit: int = 10) -> list[Match]:
        """Return the matches of ``text`` from the best tier that has any, or else the closest names.

        Tiers: id, CURIE, label or synonym, spelling variant, abbreviation
        pattern, component of a composite (see the module docstring).
        """
        text = text.strip()
        if not text:
            return []
        if text in self.model.entities:
            return [self._match(text, text, "id", MATCH_SCORES["id"])]
        index = self.index
        curie = index.curies.get(text.casefold())
        if curie:
            return [self._match(curie, text, "curie", MATCH_SCORES["curie"])]
        exact = index.exact.get(normalise_name(text))
        if exact:
            return self._from(exact)
        variant = index.variants.get(match_key(text))
        if variant:
            return self._from(variant, "variant")
        for key in abbreviation_keys(text):
            rows = index.exact.get(key) or index.variants.get(key)
            if rows:
                return self._from(rows, "abbreviation")
        component = index.components.get(match_key(text))
        if component:
            return self._from(component)
        return self.find_close(text, limit)

    def find_close(self, text: str, limit: int = 5) -> list[Match]:
        """Return the entities whose names are closest to ``text`` (by :func:`find_close_keys`)."""
        key = normalise_name(text)
        if not key:
            return []
        found: dict[str, Match] = {}
        for candidate, similarity in find_close_keys(key, self.index.keys, limit * 6):
            for entity_id, _how, name in self.index.exact[candidate]:
                if entity_id not in found or found[entity_id].score < similarity * 0.7:
                    found[entity_id] = self._match(entity_id, name, "close", similarity * 0.7)
        return sorted(found.values(), key=lambda m: (-m.score, m.label))[:limit]

    def resolve_all(self, text: str) -> list[Match]:
        """Return every entity ``text`` names: one, or several composites sharing a component.

        Raises:
            StudyNameError: no entity, but one study has that id or citation.
            UnknownEntityError: nothing matches (with the closest names).
            AmbiguousEntityError: several entities match equally well by their own names.
        """
        matches = self.find_matches(text)
        named = [m for m in matches if m.how != "close"]
        if not named:
            study = self.study_named(text)
            if study is not None:
                raise StudyNameError(text, study)
            raise UnknownEntityError(text, [f"{m.label} ({m.id})" for m in matches])
        best = [m for m in named if m.score == named[0].score]
        if len(best) > 1 and best[0].how != "component":
            raise AmbiguousEntityError(text, [f"{m.label} ({m.id}, {m.type})" for m in best])
        return best

    def study_named(self, text: str) -> Study | None:
        """Return the study whose whole id or citation ``text`` is (never a part of one), if any."""
        studies: Mapping[str, Study] = self.model.studies
        named = name_studies(studies, text.strip())
        return studies[named[0]] if named else None

    def resolve(self, text: str) -> Match:
        """Return the one entity ``text`` names (of several sharing a component, the best supported).

        Raises:
            UnknownEntityError: nothing matches (with the closest names).
            AmbiguousEntityError: several entities match equally well by their own names.
        """
        return self.resolve_all(text)[0]

    def search(self, text: str, limit: int = 25) -> list[Match]:
        """Return entities whose id, label, synonym or CURIE contains ``text`` (normalised).

        Named matches come first, then substring matches, then close matches.
        """
        results: dict[str, Match] = {m.id: m for m in self.find_matches(text, limit) if m.how != "close"}
        key = normalise_name(text)
        index = self.index
        if key:
            for candidate in index.keys:
                if key in candidate:
                    for entity_id, _how, name in index.exact[candidate]:
                        score = 0.5 + 0.4 * len(key) / len(candidate)
                        if entity_id not in results or results[entity_id].score < score:
                            results[entity_id] = self._match(entity_id, name, "contains", score)
            for curie, entity_id in index.curies.items():
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
