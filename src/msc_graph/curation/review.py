"""Accept, edit or reject the drafts of one curated file, in place, keeping every other byte.

``curate review`` walks a file's drafts (:mod:`msc_graph.curation.drafts`)
and each decision rewrites the file's text, not a re-dump of its parsed
data: accepting deletes the ``status: draft`` line, rejecting deletes the
record's lines, editing puts the curator's text in the record's place. So
comments, order, quoting and flow style survive as written. A YAML
round-trip library (ruamel.yaml) was tried and dropped: deleting a list item
with it also deletes the comment written above the next item, which it
stores on the item before. Every edit is checked by parsing the new text
with the project's own loader, and every accepted record by validating the
whole project with it (:class:`ProjectCheck`), before anything is written.

A record's lines run from its ``- `` to the last line before the next item or
the next key of lower indentation; blank and comment lines at its end belong
to what follows.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from msc_graph.config import Project
from msc_graph.curation.drafts import DRAFT_SECTIONS, is_draft
from msc_graph.curation.load import Located, LocatedList, RawFile, iter_data_files, load_file
from msc_graph.errors import DataError, MscGraphError, Problem

_STATUS_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>- )?status:\s*draft\s*(?:#.*)?$")
_STATUS_FLOW = re.compile(r"\bstatus:\s*draft\s*,\s*|,\s*status:\s*draft\b")


@dataclass(frozen=True)
class DraftRecord:
    """One draft of a file as it stands now: where its lines are and what it holds."""

    section: str
    index: int
    """Its position in the section's list."""
    start: int
    """0-based index of its first line (the one with its ``- ``)."""
    end: int
    """0-based index one past its last line."""
    dash: int
    """Column of its ``- ``."""
    record: Located


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _is_filler(line: str) -> bool:
    """Return True for a blank or comment-only line."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _span(lines: Sequence[str], record: Located, path: Path) -> tuple[int, int, int]:
    """Return (first line, one past the last line, column of the dash) of a list item."""
    start = record.line - 1
    dash = lines[start].rfind("-", 0, record.column - 1)
    if dash < 0 or lines[start][dash + 1 : record.column - 1].strip():
        raise MscGraphError(
            f"{path}:{record.line}: cannot review this draft in place; "
            "write it as a block list item (- key: ...)"
        )
    end = start + 1
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if not _is_filler(line) and len(line) - len(line.lstrip(" ")) <= dash:
            break
        end = index + 1
    while end > start + 1 and _is_filler(lines[end - 1]):
        end -= 1
    return start, end, dash


def _parse(path: Path, text: str) -> RawFile:
    return load_file(path, text.encode("utf-8"))


def find_draft_records(path: Path, text: str) -> list[DraftRecord]:
    """Return the drafts of ``text`` (the file at ``path``) in file order.

    Raises:
        DataError: the text is not a curated YAML file.
        MscGraphError: a draft is not written as a block list item.
    """
    raw = _parse(path, text)
    lines = _lines(text)
    found = []
    for section in DRAFT_SECTIONS:
        records = raw.data.get(section)
        if not isinstance(records, LocatedList):
            continue
        for index, record in enumerate(records):
            if isinstance(record, Located) and is_draft(record):
                start, end, dash = _span(lines, record, path)
                found.append(DraftRecord(section, index, start, end, dash, record))
    found.sort(key=lambda draft: draft.start)
    return found


def _record_at(path: Path, text: str, section: str, index: int) -> Located:
    """Return the record at ``section[index]`` of ``text``; the check that an edit kept the file sound."""
    records = _parse(path, text).data.get(section)
    if (
        not isinstance(records, LocatedList)
        or index >= len(records)
        or not isinstance(records[index], Located)
    ):
        raise MscGraphError(f"{path}: the edit lost {section}[{index + 1}]; the file was not changed")
    record: Located = records[index]
    return record


def _plain(record: object) -> object:
    """Return ``record`` as plain dicts and lists, for comparing what two texts hold."""
    if isinstance(record, dict):
        return {key: _plain(value) for key, value in record.items()}
    if isinstance(record, list):
        return [_plain(value) for value in record]
    return record


def _without_status(record: Located) -> dict[str, object]:
    return {key: _plain(value) for key, value in record.items() if key != "status"}


def accept(path: Path, text: str, draft: DraftRecord) -> str:
    """Return ``text`` with ``draft`` accepted: its ``status: draft`` removed, ``proposed_by`` kept.

    Raises:
        MscGraphError: the status could not be removed in place (the text is then unchanged).
    """
    lines = _lines(text)
    for number in range(draft.start, draft.end):
        match = _STATUS_LINE.match(lines[number].rstrip("\n"))
        if match is None:
            continue
        if match.group("dash"):  # the record's first key: the next key takes over its "- "
            following = next(
                (i for i in range(number + 1, draft.end) if not _is_filler(lines[i])),
                None,
            )
            if following is None:
                break
            lines[following] = lines[number][: draft.dash + 2] + lines[following][draft.dash + 2 :]
        del lines[number]
        break
    else:
        for number in range(draft.start, draft.end):
            changed = _STATUS_FLOW.sub("", lines[number], count=1)
            if changed != lines[number]:
                lines[number] = changed
                break
    new_text = "".join(lines)
    if _plain(_record_at(path, new_text, draft.section, draft.index)) != _without_status(draft.record):
        raise MscGraphError(
            f"{path}:{draft.start + 1}: could not remove status: draft in place; remove it by hand"
        )
    return new_text


def reject(text: str, draft: DraftRecord) -> str:
    """Return ``text`` without ``draft``'s lines (comments above and below it stay)."""
    lines = _lines(text)
    del lines[draft.start : draft.end]
    return "".join(lines)


def record_text(text: str, draft: DraftRecord) -> str:
    """Return ``draft``'s own YAML, dedented to a mapping, for a curator to edit."""
    lines = _lines(text)[draft.start : draft.end]
    width = draft.dash + 2
    own = [lines[0][width:]]
    own += [line[width:] if line[:width].strip() == "" else line.lstrip(" ") for line in lines[1:]]
    return "".join(own).rstrip("\n") + "\n"


def replace(path: Path, text: str, draft: DraftRecord, edited: str) -> str:
    """Return ``text`` with ``draft`` replaced by the curator's ``edited`` mapping, accepted.

    Raises:
        DataError: ``edited`` is not a YAML mapping.
        MscGraphError: the file would not hold it as one record (the text is then unchanged).
    """
    mapping = load_file(Path("<edited draft>"), edited.encode("utf-8")).data
    width = draft.dash + 2
    own = edited.rstrip().splitlines()
    first = next(index for index, line in enumerate(own) if not _is_filler(line))  # a mapping has one
    # comments the curator wrote above the record stay above its "- "
    indented = [(" " * draft.dash + line.strip()) if line.strip() else "" for line in own[:first]]
    indented.append(" " * draft.dash + "- " + own[first])
    indented += [(" " * width + line) if line.strip() else "" for line in own[first + 1 :]]
    lines = _lines(text)
    lines[draft.start : draft.end] = [line + "\n" for line in indented]
    new_text = "".join(lines)
    placed = _record_at(path, new_text, draft.section, draft.index)
    if _plain(placed) != _plain(mapping):
        raise MscGraphError(
            f"{path}:{draft.start + 1}: the edited record does not fit in place; nothing written"
        )
    if is_draft(placed):
        start, end, dash = _span(_lines(new_text), placed, path)
        new_text = accept(path, new_text, DraftRecord(draft.section, draft.index, start, end, dash, placed))
    return new_text


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file renamed over it), keeping its mode.

    A review quit or killed between two decisions leaves the file as of the
    last decision, never half written.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ProjectCheck:
    """Validates the project with one file's text replaced, parsing every other file once.

    A review session validates after each accept or edit; parsing the
    project's YAML is most of a validation's cost, and only the file under
    review changes, so the other files are parsed on first use and kept.
    Quotes are checked against the seeds when they are found, as ``validate``
    does, and each quote is looked up once per session.
    """

    def __init__(self, project: Project, path: Path) -> None:
        self.project = project
        self.path = path
        self._others: list[RawFile] | None = None
        self._before: set[Problem] | None = None
        self._lookup: Callable[[str, str], list[str]] | None = None

    def _prepare(self) -> list[RawFile]:
        from msc_graph.curation.load import load_files
        from msc_graph.curation.seeds import get_seeds_dir, make_quote_lookup

        if self._others is None:
            own = self.path.resolve()
            others = [p for p in iter_data_files(self.project.data_dir) if p.resolve() != own]
            self._others = load_files(others)  # a file that does not parse stops the review: fix it first
            lookup = make_quote_lookup(get_seeds_dir())
            self._lookup = cache(lookup) if lookup is not None else None
        return self._others

    def find_problems(self, text: str) -> list[Problem]:
        """Return the problems of the project's data with ``text`` as the content of the file under review.

        Cost: one parse of ``text`` and one validation (the other files are parsed once per session).
        """
        from msc_graph.curation.validate import validate_files

        others = self._prepare()
        files = sorted([*others, _parse(self.path, text)], key=lambda raw: raw.path.name)
        try:
            validate_files(files, self.project.read_prefixes(), self._lookup, terms=self.project.read_terms())
        except DataError as error:
            return list(error.problems)
        return []

    def find_new_problems(self, old_text: str, text: str, draft: DraftRecord) -> list[Problem]:
        """Return the problems that accepting ``draft`` (``text``: the file with it accepted) brings.

        Those written inside the record's lines, and those elsewhere (a duplicate
        id reported where it was first defined) that ``old_text`` did not have.
        """
        if self._before is None:
            self._before = set(self.find_problems(old_text))
        start, end = draft.start + 1, draft.end
        records = _parse(self.path, text).data.get(draft.section)  # the accepted record's lines, found again
        if isinstance(records, LocatedList) and draft.index < len(records):
            record = records[draft.index]
            if isinstance(record, Located):
                first, last, _dash = _span(_lines(text), record, self.path)
                start, end = first + 1, last
        own = self.path.resolve()
        return [
            problem
            for problem in self.find_problems(text)
            if (Path(problem.file).resolve() == own and start <= problem.line <= end)
            or (Path(problem.file).resolve() != own and problem not in self._before)
        ]
