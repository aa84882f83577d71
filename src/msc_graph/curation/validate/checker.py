"""The checker every rule reports to, and the fields each kind of record may have.

A ``Checker`` collects problems instead of raising at the first, each with its
file, line, column and field, so ``validate_files`` can report every problem
of every file in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from msc_graph.curation.load import Located, LocatedList
from msc_graph.errors import Problem
from msc_graph.model import CONTEXT_FIELDS, Study

TOP_LEVEL = {"review", "entities", "studies", "contexts", "assertions", "xrefs", "components"}
CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_.]*):(\S+)$")
DRAFT_KEYS = {"status", "proposed_by"}
"""What a tool's proposal carries (``status: draft``, ``proposed_by: TOOL``); accepting drops ``status``."""
STATUSES = ("draft",)
"""The record statuses there are: a draft is a proposal ``build`` leaves out until a curator accepts it."""
ENTITY_KEYS = {
    "id",
    "label",
    "type",
    "synonyms",
    "xrefs",
    "is_a",
    "no_xref",
    "found_in",
    "occurs_in",
    "components",
} | DRAFT_KEYS
STUDY_KEYS = {
    "id",
    "citation",
    "authors",
    "year",
    "title",
    "journal",
    "volume",
    "pages",
    "doi",
    "pmid",
    "no_pmid",
    "ref",
    "review",
    "seed",
    "context",
} | DRAFT_KEYS
ASSERTION_KEYS = {"subject", "predicate", "object", "evidence", "sign", "note"} | DRAFT_KEYS
EVIDENCE_KEYS = {
    "study",
    "read_in",
    "source_kind",
    "locator",
    "quote",
    "basis",
    "inferred_from",
    "caveat",
    "context",
    "proposed_by",
}
CONTEXT_KEYS = set(CONTEXT_FIELDS) | {"use", "inherit"}


@dataclass
class Checker:
    """Collects problems while turning located raw records into model records."""

    prefixes: Mapping[str, str]
    quote_lookup: Any = None  # callable(quote, seed file) -> list of missing parts, or None
    problems: list[Problem] = field(default_factory=list)
    reviews: dict[str, Study] = field(default_factory=dict)
    """The reviews evidence may be read in (id → study with its seed), known once studies are read."""
    seed_places: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Review id → where its ``seed:`` is written (a missing seed text is reported there)."""
    terms: Collection[str] | None = None
    """The CURIEs of the committed term tables (ontology/terms/*.tsv); None skips that check."""

    def report(self, where: tuple[str, int, int], field_name: str, message: str) -> None:
        """Record one problem at ``where`` (file, line, column)."""
        file, line, column = where
        self.problems.append(Problem(file, line, column, field_name, message))

    def curie(self, where: tuple[str, int, int], field_name: str, curie: str) -> bool:
        """Report ``curie`` unless it has a known prefix and (when terms are given) is a committed term."""
        match = CURIE.match(curie)
        if not match:
            self.report(where, field_name, f"{curie!r} is not a CURIE (PREFIX:id)")
        elif match.group(1) not in self.prefixes:
            self.report(
                where,
                field_name,
                f"unknown CURIE prefix {match.group(1)!r} in {curie!r}"
                f"{suggest(match.group(1), self.prefixes)} "
                "(prefixes are in ontology/prefixes.json)",
            )
        elif self.terms is not None and curie not in self.terms:
            self.report(
                where,
                field_name,
                f"{curie!r} is in no term table (ontology/terms/*.tsv): add it with "
                "scripts/make_term_tables.py, or verify it by hand into manual.tsv",
            )
        else:
            return True
        return False

    def text(self, record: Located, key: str, *, required: bool = False) -> str | None:
        """Return the stripped string at ``key`` (a number as its text), None when absent or wrong."""
        value = record.get(key)
        if value is None:
            if required:
                self.report(record.where(), key, "missing (required)")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.report(record.where(key), key, f"must be a non-empty string, not {value!r}")
            return None
        return value.strip()

    def texts(self, record: Located, key: str) -> tuple[str, ...]:
        """Return the strings at ``key`` (one string or a list of them), () when absent or wrong."""
        value = record.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.report(record.where(key), key, "must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)

    def mappings(self, data: Located, key: str) -> list[Located]:
        """Return the mappings listed at ``key``, reporting each item that is not one."""
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, LocatedList):
            self.report(data.where(key), key, "must be a list of mappings (each item starts with -)")
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, Located):
                items.append(item)
            else:
                line, column = value.marks[index]
                self.report((value.file, line, column), key, f"item {index + 1} must be a mapping")
        return items

    def records(self, data: Located, key: str) -> list[Located]:
        """Return the mappings listed at ``key`` that are not drafts; report unknown statuses.

        Drafts (``status: draft``) are proposals, not data: they are left out
        here, before ids are registered, so nothing downstream sees them and a
        draft that repeats an accepted id is no duplicate (``validate`` lists
        drafts as warnings; accepting one makes it data like any other).
        """
        kept = []
        for record in self.mappings(data, key):
            status = record.get("status")
            if status is None:
                kept.append(record)
            elif status not in STATUSES:
                self.report(
                    record.where("status"),
                    "status",
                    f"unknown status {status!r}; the only status is draft (a proposal build leaves out); "
                    "remove status: to accept the record",
                )
        return kept

    def proposed_by(self, record: Located) -> str | None:
        """Return the tool that proposed ``record`` (``proposed_by:``), reporting a value that is no name."""
        if "proposed_by" not in record:
            return None
        return self.text(record, "proposed_by")

    def unknown_keys(self, record: Located, allowed: set[str], what: str) -> None:
        """Report every field of ``record`` not in ``allowed``, with close matches."""
        for key in record:
            if key not in allowed:
                hint = suggest(key, allowed)
                self.report(record.where_key(key), key, f"unknown field in {what}{hint}")


def is_key(value: object, choices: Iterable[str] | Mapping[str, Any]) -> bool:
    """Return True when ``value`` is a string among ``choices`` (YAML may give lists or maps)."""
    return isinstance(value, str) and value in choices


def suggest(name: str, choices: Iterable[str], limit: int = 3) -> str:
    """Return "; did you mean ...?" with up to ``limit`` close matches, or "" when none is close."""
    close = difflib.get_close_matches(name, list(choices), n=limit, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def known_reviews(reviews: Mapping[str, Study]) -> str:
    """Return which reviews there are, to follow "unknown review X"."""
    if not reviews:
        return "; no review is defined (a review is a study with review: true and a seed: text)"
    return f"; use one of {', '.join(reviews)}"
