"""Coverage audit: which sentences and table rows of each seed the curated quotes come from.

The denominator is every sentence of a seed's main text (from its first
section after the abstract up to the references) and of its figure and table
legends, plus every table row. Author information, dates, acknowledgements,
the abstract and the reference list are outside it. Where each seed's main
text starts and ends, and which of its lines are front or back matter, is
written in ``coverage/seeds.yaml`` beside the exclusions: sentences that state
no mechanism, each with its reason. Which seeds there are is the project's
data (its reviews, :func:`msc_graph.model.get_reviews`): a review without an
entry in ``coverage/seeds.yaml`` is audited whole, with no exclusions, from
the day it is added.

A sentence counts as covered when the quote of a prose or figure evidence
read in that seed overlaps it by at least 20 characters (or wholly, for
shorter quotes). Table rows count as covered through their locator
("Table 1, row 3 ..."), because their quotes are short cell texts that also
occur in the prose. A sentence or row that only drafts cover (records with
``status: draft``, which the model leaves out) is "draft-only": neither
covered nor uncovered, so a new review's proposals show from the first run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from msc_graph.curation.drafts import Draft
from msc_graph.curation.load import Located, LocatedList, load_file
from msc_graph.curation.seeds import normalise_text, read_seed, split_quote
from msc_graph.errors import DataError, Problem, SeedNotFoundError
from msc_graph.model import GraphModel, SourceKind
from msc_graph.model.names import normalise_name

TABLE_TITLE = re.compile(r"^\*\*Table (\d+)\s*[|:]")
FIGURE_TITLE = re.compile(r"^\*\*Fig(?:ure|\.)\s*(\d+)\s*[|:]")
HEADING = re.compile(r"^(#+ |[A-Z][^.:]{0,60}:\s*$)")
ROW_LOCATOR = re.compile(r"^Table (\d+), row (\d+)\b")
ABBREVIATIONS = ("et al.", "e.g.", "i.e.", "Fig.", "vs.", "approx.", "No.", "Dr.", "al.")
# A sentence ends at . ! ? before a capital or an opening bracket, unless the
# bracket is a citation that belongs to the sentence before it: "... (Ma et al., 2021)".
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[]|\((?![^)]*\d{4}[a-z]?\)))")
MIN_OVERLAP = 20
# Why a sentence may leave the denominator; each exclusion names one, so the
# audit can say what the excluded sentences are, not just how many.
EXCLUSION_KINDS = {
    "background": "background on the field or the disease, and the article's aims",
    "outlook": "outlook, summary, recommendation or call for research",
    "methods": "methods of a study, or of secretome analysis",
    "pointer": "a pointer to a table or figure, or legend matter (titles, abbreviations, credits)",
    "caveat": "safety, storage, manufacture or comparison with cell therapy; no predicate applies",
}


REGION_KEYS = ("start", "end", "skip", "exclusions")
EXCLUSION_KEYS = ("starts", "kind", "reason")


@dataclass(frozen=True)
class Exclusion:
    """A sentence that states no mechanism, left out of the denominator with its kind and reason."""

    starts: str
    kind: str
    reason: str


@dataclass(frozen=True)
class SeedRegion:
    """What of one seed is audited: an entry of ``coverage/seeds.yaml``, or the defaults.

    The defaults (no entry) audit the whole text: from its first line to its
    last, nothing skipped, nothing excluded.
    """

    start: str | None = None
    """Prefix of the first line of the main text (None: the first line)."""
    end: str | None = None
    """Prefix of the first line after it, e.g. "References" (None: the text runs to its end)."""
    skip: tuple[str, ...] = ()
    """Prefixes of lines of front or back matter inside the main text."""
    exclusions: tuple[Exclusion, ...] = ()
    name: str = "region"
    """The entry's field path in errors (``seeds.REVIEW``)."""
    places: Mapping[str, tuple[str, int, int]] = field(default_factory=dict, compare=False)
    """``start`` and ``end`` → (file, line, column) where they are written, for errors."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a seed's audited text, with where it sits."""

    text: str
    section: str
    start: int
    end: int
    paragraph: int = 1
    """The paragraph's number within its section (the curated locators' "¶N")."""


@dataclass(frozen=True)
class TableRow:
    """One row of a seed table."""

    table: int
    row: int
    text: str
    cells: tuple[str, ...] = ()
    """The row's cells, each normalised (``text`` joins them with spaces)."""
    header: tuple[str, ...] = ()
    """The table's header cells, normalised."""


@dataclass(frozen=True)
class Cover:
    """One piece of evidence that accounts for a sentence or a row: its assertion and its quote.

    Kept so that the audit can say what covers a sentence, not only that
    something does: a curator checking a seed wants to see which claims were
    read from it.
    """

    assertion: str
    evidence: str
    """The evidence's key (:meth:`Assertion.evidence_key`)."""
    claim: str
    """Subject, predicate and object, as labels: "extracellular vesicles carries miR-99b-3p"."""
    locator: str
    quote: str

    def as_dict(self) -> dict[str, str]:
        """Return the JSON record of this cover."""
        return {
            "assertion": self.assertion,
            "evidence": self.evidence,
            "claim": self.claim,
            "locator": self.locator,
            "quote": self.quote,
        }


@dataclass
class SeedCoverage:
    """The audit of one seed."""

    review: str
    sentences: list[Sentence]
    rows: list[TableRow]
    sentence_covers: dict[int, list[Cover]] = field(default_factory=dict)
    """Sentence index → the evidence whose quote overlaps it."""
    excluded_sentences: dict[int, tuple[str, str]] = field(default_factory=dict)  # index -> (kind, reason)
    row_covers: dict[tuple[int, int], list[Cover]] = field(default_factory=dict)
    """(table, row) → the evidence whose locator names that row."""
    unused_exclusions: list[str] = field(default_factory=list)
    draft_sentence_covers: dict[int, list[Cover]] = field(default_factory=dict)
    """Sentence index → the drafts (``status: draft``) whose quote overlaps it, where nothing else does."""
    draft_row_covers: dict[tuple[int, int], list[Cover]] = field(default_factory=dict)
    """(table, row) → the drafts read from that row, where nothing else is."""

    @property
    def covered_sentences(self) -> set[int]:
        """Return the indexes of the sentences some evidence covers."""
        return set(self.sentence_covers)

    @property
    def covered_rows(self) -> set[tuple[int, int]]:
        """Return the (table, row) pairs some evidence covers."""
        return set(self.row_covers)

    @property
    def mechanistic_total(self) -> int:
        """Return the sentences in the denominator (all minus the reviewed exclusions)."""
        return len(self.sentences) - len(self.excluded_sentences)

    def iter_sentence_details(self) -> Iterator[dict[str, Any]]:
        """Yield every audited sentence in seed order: its status and the evidence that covers it.

        Status is ``excluded`` (with kind and reason; it may still be covered),
        ``covered``, ``draft-only`` (only drafts cover it; ``covered_by`` lists
        them) or ``uncovered``.
        """
        for index, sentence in enumerate(self.sentences):
            covers = self.sentence_covers.get(index, [])
            drafts = self.draft_sentence_covers.get(index, [])
            excluded = self.excluded_sentences.get(index)
            status = (
                "excluded" if excluded else "covered" if covers else "draft-only" if drafts else "uncovered"
            )
            yield {
                "section": sentence.section,
                "text": sentence.text,
                "status": status,
                "kind": excluded[0] if excluded else None,
                "reason": excluded[1] if excluded else None,
                "covered_by": [cover.as_dict() for cover in covers or drafts],
            }

    def iter_row_details(self) -> Iterator[dict[str, Any]]:
        """Yield every table row in seed order: its status and the evidence (or drafts) read from it."""
        for row in self.rows:
            covers = self.row_covers.get((row.table, row.row), [])
            drafts = self.draft_row_covers.get((row.table, row.row), [])
            yield {
                "table": row.table,
                "row": row.row,
                "text": row.text,
                "status": "covered" if covers else "draft-only" if drafts else "uncovered",
                "covered_by": [cover.as_dict() for cover in covers or drafts],
            }

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        """Return the JSON record of this seed's audit; ``details`` adds every sentence and row.

        A sentence or row only drafts cover is neither covered nor uncovered:
        it is counted and listed as draft-only.
        """
        excluded = set(self.excluded_sentences)
        covered_mech = len(self.covered_sentences - excluded)
        drafted = set(self.draft_sentence_covers) - excluded
        record = {
            "review": self.review,
            "rows_covered": len(self.covered_rows),
            "rows_total": len(self.rows),
            "sentences_covered": covered_mech,
            "sentences_total": self.mechanistic_total,
            "sentences_all": len(self.sentences),
            "sentences_excluded": len(self.excluded_sentences),
            "rows_draft_only": len(self.draft_row_covers),
            "sentences_draft_only": len(drafted),
            "uncovered_sentences": [
                {"section": s.section, "text": s.text}
                for i, s in enumerate(self.sentences)
                if i not in self.covered_sentences and i not in excluded and i not in drafted
            ],
            "uncovered_rows": [
                {"table": r.table, "row": r.row, "text": r.text}
                for r in self.rows
                if (r.table, r.row) not in self.covered_rows and (r.table, r.row) not in self.draft_row_covers
            ],
            "draft_only_sentences": [
                {"section": s.section, "text": s.text} for i, s in enumerate(self.sentences) if i in drafted
            ],
            "draft_only_rows": [
                {"table": r.table, "row": r.row, "text": r.text}
                for r in self.rows
                if (r.table, r.row) in self.draft_row_covers
            ],
            "excluded": [
                {"text": self.sentences[i].text, "kind": kind, "reason": reason}
                for i, (kind, reason) in sorted(self.excluded_sentences.items())
            ],
            "excluded_by_kind": {
                kind: sum(k == kind for k, _reason in self.excluded_sentences.values())
                for kind in EXCLUSION_KINDS
            },
            "unused_exclusions": self.unused_exclusions,
        }
        if details:
            record["sentences"] = list(self.iter_sentence_details())
            record["rows"] = list(self.iter_row_details())
        return record


def _protect(text: str) -> str:
    for abbreviation in ABBREVIATIONS:
        text = text.replace(abbreviation, abbreviation.replace(".", "\x01"))
    return text


def split_sentences(paragraph: str) -> list[str]:
    """Split a normalised paragraph into sentences, keeping "et al." and "e.g." whole."""
    parts = _SENTENCE_END.split(_protect(paragraph))
    return [part.replace("\x01", ".").strip() for part in parts if part.strip()]


def _starts_with(line: str, prefixes: Iterable[str]) -> bool:
    return any(line.startswith(prefix) for prefix in prefixes)


def _find_line(lines: list[str], prefix: str, first: int, region: SeedRegion, key: str) -> int:
    """Return the index of the first line from ``first`` on that starts with ``prefix``.

    Raises:
        DataError: no line does, located at the region's ``key`` in coverage/seeds.yaml.
    """
    found = next((i for i in range(first, len(lines)) if lines[i].startswith(prefix)), None)
    if found is None:
        file, line, column = region.places.get(key, ("coverage/seeds.yaml", 1, 1))
        message = f"no line of the seed starts with {prefix!r}"
        raise DataError([Problem(file, line, column, f"{region.name}.{key}", message)])
    return found


def segment_seed(text: str, region: SeedRegion | None = None) -> tuple[list[Sentence], list[TableRow]]:
    """Return the audited sentences and the table rows of a seed's raw text.

    ``region`` gives ``start`` and ``end`` (the first line of the main text
    and of the back matter) and ``skip`` (line prefixes of front or back
    matter inside the main text); without it, or without ``start`` or
    ``end``, the text is audited from its first line or to its last.

    Raises:
        DataError: ``start`` or ``end`` matches no line of the text.
    """
    region = region or SeedRegion()
    lines = text.splitlines()
    start = 0 if region.start is None else _find_line(lines, region.start, 0, region, "start")
    end = len(lines) if region.end is None else _find_line(lines, region.end, start + 1, region, "end")
    skip = list(region.skip)
    paragraphs: list[tuple[str, str]] = []  # (section, text)
    rows: list[TableRow] = []
    section = "main text"
    index = start
    while index < end:
        line = lines[index].strip()
        table = TABLE_TITLE.match(line)
        figure = FIGURE_TITLE.match(line)
        if not line or _starts_with(line, skip):
            index += 1
            continue
        if table:
            number = int(table.group(1))
            paragraphs.append((f"Table {number} legend", line))
            index += 1
            while index < end and not lines[index].strip():
                index += 1
            header: tuple[str, ...] | None = None
            row = 0
            while index < end and "\t" in lines[index]:
                cells = tuple(normalise_text(cell) for cell in lines[index].split("\t"))
                if header is not None:
                    row += 1
                    rows.append(TableRow(number, row, normalise_text(lines[index]), cells, header))
                else:
                    header = cells
                index += 1
            # a footnote right after the table (abbreviations) belongs to its legend
            while index < end and not lines[index].strip():
                index += 1
            if index < end and re.match(r"^[A-Z][A-Za-z0-9-]*: ", lines[index]) and ";" in lines[index]:
                paragraphs.append((f"Table {number} legend", lines[index].strip()))
                index += 1
            continue
        if figure:
            legend = line
            index += 1
            if line.endswith("**"):  # a bold title alone on its line: the legend text follows
                while index < end and not lines[index].strip():
                    index += 1
                if index < end:
                    legend += " " + lines[index].strip()
                    index += 1
            paragraphs.append((f"Figure {figure.group(1)} legend", legend))
            continue
        if HEADING.match(line):
            section = line.strip("#* :")
            index += 1
            continue
        # a paragraph broken by a page, a table or a figure carries on after it
        previous = next(
            (i for i in range(len(paragraphs) - 1, -1, -1) if not paragraphs[i][0].endswith("legend")), None
        )
        if (
            previous is not None
            and paragraphs[previous][0] == section
            and _continues(paragraphs[previous][1], line)
        ):
            paragraphs[previous] = (section, paragraphs[previous][1] + " " + line)
        else:
            paragraphs.append((section, line))
        index += 1
    sentences: list[Sentence] = []
    offset = 0
    numbers: dict[str, int] = {}
    for where, paragraph in paragraphs:
        numbers[where] = numbers.get(where, 0) + 1
        for sentence in split_sentences(normalise_text(paragraph)):
            sentences.append(Sentence(sentence, where, offset, offset + len(sentence), numbers[where]))
            offset += len(sentence) + 1
    return sentences, rows


def _continues(previous: str, line: str) -> bool:
    """Return True when ``line`` carries on a paragraph broken by a page or figure."""
    ends_open = not re.search(r"[.!?:]\**\s*$|\)\.?\s*$", previous.strip())
    return ends_open or line[:1].islower() or line.startswith("(")


def find_sentences(sentences: Sequence[Sentence], quote: str, document: str | None = None) -> set[int]:
    """Return the indices of the sentences a quote covers (the audit's one rule, also the drafts' benchmark).

    A sentence is covered when a part of the quote overlaps it by at least
    ``MIN_OVERLAP`` characters, or wholly (shorter quotes, shorter sentences).
    ``document`` is the sentences joined by spaces, when the caller has it.
    """
    document = document if document is not None else " ".join(s.text for s in sentences)
    found: set[int] = set()
    for part in split_quote(quote):
        needle = normalise_text(part)
        if not needle:
            continue
        need = min(MIN_OVERLAP, len(needle))
        position = document.find(needle)
        while position != -1:
            stop = position + len(needle)
            for index, sentence in enumerate(sentences):
                overlap = min(stop, sentence.end) - max(position, sentence.start)
                if overlap >= need or (overlap > 0 and overlap >= len(sentence.text)):
                    found.add(index)
            position = document.find(needle, position + 1)
    return found


def _mark(sentences: Sequence[Sentence], covers: Iterable[Cover], into: dict[int, list[Cover]]) -> None:
    """Record each cover in ``into`` against every sentence its quote overlaps (once, found twice or not)."""
    document = " ".join(s.text for s in sentences)
    for cover in covers:
        for index in sorted(find_sentences(sentences, cover.quote, document)):
            found = into.setdefault(index, [])
            if cover not in found:
                found.append(cover)


def _mark_rows(
    rows: Iterable[TableRow], covers: Iterable[Cover], into: dict[tuple[int, int], list[Cover]]
) -> None:
    """Record each cover in ``into`` against the row its locator ("Table 1, row 3") names."""
    known = {(r.table, r.row) for r in rows}
    for cover in covers:
        match = ROW_LOCATOR.match(cover.locator)
        if match and (int(match.group(1)), int(match.group(2))) in known:
            into.setdefault((int(match.group(1)), int(match.group(2))), []).append(cover)


def _split_covers(covers: Iterable[tuple[str, Cover]]) -> tuple[list[Cover], list[Cover]]:
    """Return (quote covers, row covers) of (source kind, cover) pairs; a row is named by its locator."""
    quotes, rows = [], []
    for kind, cover in covers:
        if kind == SourceKind.TABLE.value and ROW_LOCATOR.match(cover.locator):
            rows.append(cover)
        else:  # prose, figure, title, and table legends ("Table 2 legend")
            quotes.append(cover)
    return quotes, rows


def _iter_evidence_covers(model: GraphModel, review: str) -> Iterator[tuple[str, Cover]]:
    """Yield (source kind, cover) for every evidence of the graph read in ``review``."""
    for assertion in model.assertions:
        subject, target = (model.entities[e].label for e in (assertion.subject, assertion.object))
        claim = f"{subject} {assertion.predicate} {target}"
        for number, item in enumerate(assertion.evidence):
            if item.read_in == review:
                cover = Cover(assertion.id, assertion.evidence_key(number), claim, item.locator, item.quote)
                yield item.source_kind.value, cover


def _iter_draft_covers(drafts: Iterable[Draft], review: str) -> Iterator[tuple[str, Cover]]:
    """Yield (source kind, cover) for every quote of a draft read in ``review``, named by its place."""
    for draft in drafts:
        for quote in draft.quotes:
            if quote.read_in == review:
                place = f"draft {draft.file}:{draft.line}"
                yield quote.source_kind, Cover(place, "", draft.summary, quote.locator, quote.quote)


def compute_coverage(
    model: GraphModel,
    config: Mapping[str, SeedRegion],
    seeds_dir: Path | None = None,
    reviews: Iterable[str] | None = None,
    drafts: Sequence[Draft] = (),
) -> list[SeedCoverage]:
    """Audit each review's seed: sentences and rows, what covers them, and the reviewed exclusions.

    The seeds are the model's reviews (in the order they are defined), each
    with its entry of ``config`` or, without one, the defaults of
    :class:`SeedRegion`; ``reviews`` keeps only these. ``drafts``
    (:func:`msc_graph.curation.drafts.read_drafts`) mark what only they cover.
    Cost: linear in seed text × quotes (small: a few reviews, hundreds of quotes).

    Raises:
        SeedNotFoundError: a review's seed text is not in the seeds folder.
        DataError: a region's start or end matches no line of its seed.
    """
    wanted = set(reviews) if reviews is not None else None
    results = []
    for review, study in model.reviews.items():
        if study.seed is None or (wanted is not None and review not in wanted):
            continue
        region = config.get(review, SeedRegion())
        try:
            text = read_seed(study.seed, seeds_dir)
        except SeedNotFoundError as error:
            raise SeedNotFoundError(f"review {review!r}: {error}") from None
        sentences, rows = segment_seed(text, region)
        coverage = SeedCoverage(review, sentences, rows)
        quotes, row_covers = _split_covers(_iter_evidence_covers(model, review))
        _mark(sentences, quotes, coverage.sentence_covers)
        _mark_rows(rows, row_covers, coverage.row_covers)
        drafted: dict[int, list[Cover]] = {}
        drafted_rows: dict[tuple[int, int], list[Cover]] = {}
        quotes, row_covers = _split_covers(_iter_draft_covers(drafts, review))
        _mark(sentences, quotes, drafted)
        _mark_rows(rows, row_covers, drafted_rows)
        covered, covered_rows = coverage.sentence_covers, coverage.row_covers
        coverage.draft_sentence_covers = {i: c for i, c in drafted.items() if i not in covered}
        coverage.draft_row_covers = {k: c for k, c in drafted_rows.items() if k not in covered_rows}
        for exclusion in region.exclusions:
            key = normalise_name(exclusion.starts)
            hits = [i for i, s in enumerate(sentences) if normalise_name(s.text).startswith(key)]
            if not hits:
                coverage.unused_exclusions.append(exclusion.starts)
            for index in hits:
                coverage.excluded_sentences[index] = (exclusion.kind, exclusion.reason)
        results.append(coverage)
    return results


def read_coverage_config(path: Path, reviews: Collection[str] | None = None) -> dict[str, SeedRegion]:
    """Read ``coverage/seeds.yaml``: review id → the region of its seed that is audited.

    Read by the loader of ``graph_data/`` (:func:`msc_graph.curation.load.load_file`),
    so every problem carries file:line:column. Every exclusion must give its
    starts, its kind and an honest reason. A missing file means every review
    gets the defaults; so does a review without an entry.

    Args:
        path: the file (``Project.coverage_path``).
        reviews: the project's review ids; an entry for any other is refused.

    Raises:
        DataError: every problem of the file, located.
    """
    if not path.is_file():
        return {}
    data = load_file(path).data
    problems: list[Problem] = []

    def report(where: tuple[str, int, int], field_name: str, message: str) -> None:
        problems.append(Problem(*where, field_name, message))

    for key in data:
        if key != "seeds":
            report(data.where_key(key), key, f"unknown section{_suggest(key, ['seeds'])}")
    seeds = data.get("seeds")
    regions: dict[str, SeedRegion] = {}
    if seeds is not None and not isinstance(seeds, Located):
        report(data.where("seeds"), "seeds", "must be a mapping of review id → region")
    elif seeds is not None:
        for review, entry in seeds.items():
            where = f"seeds.{review}"
            if reviews is not None and review not in reviews:
                known = ", ".join(reviews) or "none"
                report(
                    seeds.where_key(review),
                    where,
                    f"unknown review {review!r}{_suggest(review, reviews)} (the reviews: {known})",
                )
            if entry is None:  # an entry with nothing in it: the defaults
                regions[review] = SeedRegion()
            elif not isinstance(entry, Located):
                report(seeds.where(review), where, "must be a mapping with start, end, skip, exclusions")
            else:
                regions[review] = _read_region(entry, where, report)
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.line, p.column)))
    return regions


def _read_region(
    entry: Located, where: str, report: Callable[[tuple[str, int, int], str, str], None]
) -> SeedRegion:
    """Return one entry of ``coverage/seeds.yaml`` as a region, reporting what is wrong with it."""
    for key in entry:
        if key not in REGION_KEYS:
            report(entry.where_key(key), f"{where}.{key}", f"unknown field{_suggest(key, REGION_KEYS)}")
    texts: dict[str, str | None] = {}
    for key in ("start", "end"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, str) or not value):
            report(
                entry.where(key), f"{where}.{key}", f"must be the start of a line of the seed, not {value!r}"
            )
            value = None
        texts[key] = value
    skip = entry.get("skip") or []
    if not isinstance(skip, list) or not all(isinstance(item, str) and item for item in skip):
        report(entry.where("skip"), f"{where}.skip", "must be a list of line starts")
        skip = []
    exclusions = []
    items = entry.get("exclusions")
    if items is None:
        items = LocatedList()
    elif not isinstance(items, LocatedList):
        report(entry.where("exclusions"), f"{where}.exclusions", "must be a list of {starts, kind, reason}")
        items = LocatedList()
    for number, exclusion in enumerate(items, 1):
        name = f"{where}.exclusions[{number}]"
        if not isinstance(exclusion, Located):
            line, column = items.marks[number - 1]
            report((items.file, line, column), name, "must be a mapping {starts, kind, reason}")
            continue
        for key in exclusion:
            if key not in EXCLUSION_KEYS:
                report(
                    exclusion.where_key(key), f"{name}.{key}", f"unknown field{_suggest(key, EXCLUSION_KEYS)}"
                )
        starts, kind, reason = (exclusion.get(key) for key in EXCLUSION_KEYS)
        if not isinstance(starts, str) or not starts or not isinstance(reason, str) or not reason:
            report(exclusion.where(), name, "an exclusion needs `starts` and an honest `reason`")
        if not isinstance(kind, str) or kind not in EXCLUSION_KINDS:
            report(
                exclusion.where("kind"),
                f"{name}.kind",
                f"kind must be one of {', '.join(EXCLUSION_KINDS)}, not {kind!r}",
            )
        exclusions.append(Exclusion(str(starts), str(kind), str(reason)))
    return SeedRegion(
        start=texts["start"],
        end=texts["end"],
        skip=tuple(skip),
        exclusions=tuple(exclusions),
        name=where,
        places={key: entry.where(key) for key in ("start", "end") if key in entry},
    )


def _suggest(name: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""
