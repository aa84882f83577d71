"""Drafts: records a tool proposed (``status: draft``) that wait for a curator.

A draft is written in the project's own format, in any graph_data file
(``curate draft`` writes ``graph_data/<review>.draft.yaml``), with
``status: draft`` and ``proposed_by: TOOL`` on a study, an entity or an
assertion. The validator leaves drafts out of the model
(:meth:`~msc_graph.curation.validate.checker.Checker.records`), so no view,
query or export sees one; this module lists them for the curator
(``validate`` prints them as warnings, ``coverage`` shows what only drafts
cover) and ``curate review`` turns them into data or removes them.

The status sits on whole records, never on one evidence: a draft assertion
is proposed with its evidence, and accepted or rejected with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from msc_graph.curation.load import Located, LocatedList, RawFile, iter_data_files, load_files, read_file
from msc_graph.errors import DataError

DRAFT = "draft"
DRAFT_SECTIONS = {"studies": "study", "entities": "entity", "assertions": "assertion"}
"""The sections whose records may be drafts (section → what one record is), in the order to accept them."""


@dataclass(frozen=True)
class DraftQuote:
    """Where one piece of a draft's evidence was read: what coverage needs to mark a sentence or row."""

    read_in: str
    source_kind: str
    locator: str
    quote: str


@dataclass(frozen=True)
class Draft:
    """One proposed record, where it is written and what it says in a line."""

    file: str
    line: int
    section: str
    summary: str
    proposed_by: str | None
    quotes: tuple[DraftQuote, ...] = ()

    def __str__(self) -> str:
        by = f" (proposed by {self.proposed_by})" if self.proposed_by else ""
        return f"{self.file}:{self.line}: draft {DRAFT_SECTIONS[self.section]}: {self.summary}{by}"


def is_draft(record: object) -> bool:
    """Return True for a mapping that says ``status: draft``."""
    return isinstance(record, dict) and record.get("status") == DRAFT


def summarise(section: str, record: dict[str, object]) -> str:
    """Return a record in one line: an assertion's subject, predicate and object, else its id."""
    if section == "assertions":
        return " ".join(str(record.get(key, "?")) for key in ("subject", "predicate", "object"))
    return str(record.get("id", "?"))


def iter_drafts(files: Iterable[RawFile]) -> Iterator[Draft]:
    """Yield the drafts of ``files``, file by file, in the order they are written.

    Cost: one pass over the records of the three draftable sections.
    """
    for raw in files:
        default_review = raw.data.get("review")
        for section in DRAFT_SECTIONS:
            records = raw.data.get(section)
            if not isinstance(records, LocatedList):
                continue
            for record in records:
                if not isinstance(record, Located) or not is_draft(record):
                    continue
                by = record.get("proposed_by")
                yield Draft(
                    file=str(raw.path),
                    line=record.line,
                    section=section,
                    summary=summarise(section, record),
                    proposed_by=by if isinstance(by, str) else None,
                    quotes=tuple(_iter_quotes(record, default_review)),
                )


def _iter_quotes(record: Located, default_review: object) -> Iterator[DraftQuote]:
    evidence = record.get("evidence")
    if not isinstance(evidence, list):
        return
    for item in evidence:
        if not isinstance(item, dict):
            continue
        quote = item.get("quote")
        text = " … ".join(quote) if isinstance(quote, list) else quote
        read_in = item.get("read_in", default_review)
        if isinstance(text, str) and isinstance(read_in, str):
            yield DraftQuote(read_in, str(item.get("source_kind", "")), str(item.get("locator", "")), text)


def read_drafts(data_dir: Path) -> list[Draft]:
    """Return the drafts of every curated file in ``data_dir``.

    Only files whose text says ``status:`` are parsed, so a project without
    drafts costs a read of its files, not a parse. Unreadable or invalid
    files are skipped here: ``validate`` and ``build`` report them.
    """
    paths = []
    for path in iter_data_files(data_dir):
        try:
            if b"status:" in read_file(path):
                paths.append(path)
        except DataError:  # reported by validate, with its line
            continue
    try:
        return list(iter_drafts(load_files(paths)))
    except DataError:
        return []
