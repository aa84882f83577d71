"""Full term dictionaries, read so the drafter can propose a new entity with its cross-reference.

The committed tables under ontology/terms/ hold only the terms the graph
already uses. A new review names entities the graph has never seen; where
such a name is exactly a term of HGNC, miRBase, GO, CL, UBERON, MONDO or
MeSH, the draft can say so (``xrefs: [CURIE]``) and the curator checks one
identifier instead of searching for it. The dictionary is one TSV
(``curie``, ``label``, ``synonyms`` pipe-separated), the layout of the term
tables, written offline by ``scripts/make_term_tables.py --draft-vocabulary``
from packages that ship the vocabularies in their wheels; it is large and
never committed, so this stage only reads a file the user passes.

Matching is deliberately narrow, since a wrong identifier costs the curator
more than a missing one:

- exact matches only, after :func:`msc_graph.model.names.normalise_name`;
  names whose key is shorter than 3 characters are never looked up;
- HGNC matches on the approved symbol or the approved name only (the first
  synonym, as the script writes it): alias and previous symbols are too
  often other genes' symbols or English words; a symbol matches only where
  the text writes it with a capital or a digit ("CLOCK", not "clock");
- synonyms match only for MeSH (entry terms) and miRBase: the ontologies'
  files here do not say which synonyms are exact, and their broad and
  narrow ones name other things (GO's "JNK" is "JUN kinase activity");
- a name that two terms of one vocabulary share, at the same rank (label
  before synonym), gives nothing from that vocabulary;
- a gene-like symbol that HGNC has gets the HGNC term alone.

Cost: reading the full dictionary (about 500 000 terms, 40 MB) takes some
seconds and a few hundred MB; each look-up is a dict access.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from msc_graph.errors import MscGraphError
from msc_graph.model.names import normalise_name

PREFIX_ORDER = ("HGNC", "MIRBASE", "GO", "CL", "UBERON", "MONDO", "MESH")
"""The order cross-references are proposed in; another prefix goes after these."""
MIN_KEY = 3
SYNONYM_PREFIXES = ("MESH", "MIRBASE")
"""Vocabularies whose synonyms may match (see the module's rules)."""
_LABEL, _NAME, _SYNONYM = 0, 1, 2
"""Ranks of a match: on the label, on HGNC's approved name, on another synonym."""
_SYMBOL_LIKE = re.compile(r"\S*[A-Z0-9]\S*")


@dataclass(frozen=True)
class TermMatch:
    """One term a name matched: its CURIE, its label, and what of it matched (``_LABEL`` ...)."""

    curie: str
    label: str
    rank: int

    @property
    def prefix(self) -> str:
        """Return the CURIE's prefix ("HGNC" of "HGNC:5992")."""
        return self.curie.partition(":")[0]


class TermDictionary:
    """Normalised name → the terms that carry it, over every vocabulary of one TSV."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[TermMatch]] = {}

    def add(self, curie: str, label: str, synonyms: list[str]) -> None:
        """Index one term under its label and the synonyms that may match (see the module's rules)."""
        hgnc = curie.startswith("HGNC:")
        names = [(label, _LABEL)]
        if hgnc:
            names += [(synonyms[0], _NAME)] if synonyms else []
        elif curie.partition(":")[0] in SYNONYM_PREFIXES:
            names += [(name, _SYNONYM) for name in synonyms]
        seen: set[str] = set()
        for name, rank in names:
            key = normalise_name(name)
            if len(key) >= MIN_KEY and key not in seen:
                seen.add(key)
                self._by_key.setdefault(key, []).append(TermMatch(curie, label, rank))

    def find(self, name: str) -> list[TermMatch]:
        """Return the terms ``name`` names: at most one per vocabulary, in ``PREFIX_ORDER``.

        A symbol-like name (one word with a capital or a digit) that HGNC has
        returns the HGNC term only; a lower-case word never matches an HGNC
        symbol.
        """
        key = normalise_name(name)
        if len(key) < MIN_KEY:
            return []
        symbol_like = bool(_SYMBOL_LIKE.fullmatch(name.strip()))
        by_prefix: dict[str, list[TermMatch]] = {}
        for match in self._by_key.get(key, []):
            if match.prefix == "HGNC" and match.rank == _LABEL and not symbol_like:
                continue
            by_prefix.setdefault(match.prefix, []).append(match)
        found = []
        for matches in by_prefix.values():
            best = min(m.rank for m in matches)
            top = [m for m in matches if m.rank == best]
            if len({m.curie for m in top}) == 1:
                found.append(top[0])
        order = {prefix: index for index, prefix in enumerate(PREFIX_ORDER)}
        found.sort(key=lambda m: (order.get(m.prefix, len(order)), m.prefix))
        hgnc = [m for m in found if m.prefix == "HGNC"]
        return hgnc if symbol_like and hgnc else found


def read_term_dictionary(path: Path) -> TermDictionary:
    """Read a dictionary TSV (``curie``, ``label``, ``synonyms``) as written by make_term_tables.py.

    Raises:
        MscGraphError: the file does not start with those columns.
    """
    dictionary = TermDictionary()
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream, delimiter="\t")
        header = next(reader, [])
        if header[:3] != ["curie", "label", "synonyms"]:
            raise MscGraphError(
                f"{path}: expected the columns curie, label, synonyms "
                "(scripts/make_term_tables.py --draft-vocabulary writes them)"
            )
        for row in reader:
            if len(row) >= 2 and row[0]:
                synonyms = [s for s in row[2].split("|") if s] if len(row) > 2 else []
                dictionary.add(row[0], row[1], synonyms)
    return dictionary
