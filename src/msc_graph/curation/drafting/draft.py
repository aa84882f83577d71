"""Draft a whole review: sentences in order with the paragraph's subject, then rows and reference titles."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

from msc_graph.curation.coverage import SeedRegion, Sentence, TableRow, segment_seed
from msc_graph.curation.drafting.constructions import HOLDER_TYPES
from msc_graph.curation.drafting.mentions import ABBREVIATION, WORD, Names, find_long_form
from msc_graph.curation.drafting.records import Draft, DraftEvidence, NameLookup, Reference, slugify
from msc_graph.curation.drafting.references import (
    find_cited,
    find_references_start,
    find_superscripts,
    format_citation,
    read_references,
)
from msc_graph.curation.drafting.sentences import BOTH_TREATMENTS, propose_from_text
from msc_graph.curation.drafting.tables import propose_row
from msc_graph.curation.seeds import normalise_text
from msc_graph.curation.terms import TermDictionary
from msc_graph.model import Entity


def _cell_stems(word: str) -> list[str]:
    """Return the spellings of the cells a word or its adjective names ("microglial", "astrocytic")."""
    return [word, word[:-1] if word.endswith("al") else "", f"{word[:-2]}e" if word.endswith("ic") else ""]


_FOOTNOTE_PAIR = re.compile(r"(?:^|;\s*)([^:;]{1,20}?):\s*([^;]+)")


def _is_footnote(sentence: Sentence) -> bool:
    """Return True for a table's abbreviation footnote ("EV: extracellular vesicle; FS: full secretome")."""
    return sentence.section.startswith("Table") and len(_FOOTNOTE_PAIR.findall(sentence.text)) >= 2


def _learn_abbreviations(names: Names, texts: Iterator[str]) -> None:
    for text in texts:
        for match in ABBREVIATION.finditer(text):
            short = match.group(1)
            if not re.search(r"[A-Z]", short):
                continue
            long_form = find_long_form(text[: match.start()].rstrip(), short)
            if long_form:
                names.learn(long_form, short)


def draft_review(
    raw: str,
    review: str,
    names: NameLookup,
    entities: Mapping[str, Entity],
    region: SeedRegion | None = None,
    progress: Callable[[str], None] | None = None,
    studies: Collection[str] = (),
    terms: TermDictionary | None = None,
) -> Draft:
    """Draft the curation of the seed text ``raw`` as review ``review``.

    Args:
        raw: the seed text, as in the seeds folder.
        review: the review's id (the ``review:`` of the draft, the study of uncited sentences).
        names: the resolver's name look-up (``NameIndex.named``).
        entities: the known entities (their types decide subjects, objects and context).
        region: what of the seed is main text (``coverage/seeds.yaml``); without
            one, the text up to its reference list.
        progress: called with a line of progress now and then.
        studies: the ids of the studies the graph has: cited, never proposed again.
        terms: the full term dictionary new entities are looked up in, for their xrefs;
            without one they have none.
    """
    references_line = find_references_start(raw)
    if region is None:
        end = raw.splitlines()[references_line].strip() if references_line is not None else None
        region = SeedRegion(end=end)
    sentences, rows = segment_seed(raw, region)
    references = read_references(raw)
    by_author = {(r.surname.casefold(), r.year): r for r in references}
    by_number = {r.number: r for r in references if r.number is not None}
    seed_text = normalise_text(raw)
    draft = Draft(review)
    lookup = Names(names, entities, terms)
    lookup.spelled = {word.lower() for word in WORD.findall(seed_text)}
    # "Musculoskeletal disorders (MSDs)" in the abstract, or in a sentence the audit leaves out, still
    # defines "MSDs" for the main text: the whole text up to the region's end is read for them
    whole, _whole_rows = segment_seed(raw, SeedRegion(end=region.end))
    _learn_abbreviations(lookup, (s.text for s in whole))
    footnotes = {i for i, s in enumerate(sentences) if _is_footnote(s)}
    for index in footnotes:
        for pair in _FOOTNOTE_PAIR.finditer(sentences[index].text):
            lookup.learn(pair.group(2), pair.group(1))
    superscripts = find_superscripts(raw, references_line)

    def study_of(cited: list[Reference]) -> str:
        if not cited:
            return review
        reference = cited[0]
        study_id = f"{slugify(reference.surname)}-{reference.year}"
        record: dict[str, Any] = {"id": study_id, "citation": format_citation(reference)}
        year = re.match(r"\d{4}", reference.year)
        if year:
            record["year"] = int(year.group())
        if reference.title:
            record["title"] = reference.title
        if reference.number is not None:
            record["ref"] = reference.number
        if study_id not in studies:
            draft.studies.setdefault(study_id, record)
        return study_id

    paragraph: tuple[str, int] = ("", 0)
    carried: str | None = None  # the last subject of the paragraph so far
    referents: list[str] = []  # the previous sentence's objects
    topic: str | None = None  # what the previous sentence named first (an agent)
    named_before: list[str] = []  # what the previous sentence named
    said_before: list[str] = []  # the paragraph's sentences so far
    for number, sentence in enumerate(sentences):
        if progress and number % 50 == 0:
            progress(f"{review}: sentence {number + 1}/{len(sentences)}")
        if number in footnotes:  # "GFAP: glial fibrillary acidic protein; ...": names, not claims
            continue
        cited = find_cited(sentence.text, by_author)
        numbers = [n for prefix, ns in superscripts if prefix[-25:] in sentence.text for n in ns]
        cited += [by_number[n] for n in dict.fromkeys(numbers) if n in by_number]
        locator = _locator(sentence, list(dict.fromkeys(numbers)))
        kind = "figure" if sentence.section.startswith("Figure") else "prose"
        if sentence.section.startswith("Table"):
            kind = "table"

        def place(
            quote: str,
            index: int = number,
            cited: list[Reference] = cited,
            kind: str = kind,
            locator: str = locator,
        ) -> DraftEvidence:
            return DraftEvidence(study_of(cited), kind, locator, quote, sentence=index)

        here = (sentence.section, sentence.paragraph)
        subject, objects, first, named = propose_from_text(
            lookup,
            sentence.text,
            place,
            draft,
            seed_text,
            carried if here == paragraph else None,
            referents if here == paragraph else (),
            topic if here == paragraph else None,
            named_before if here == paragraph else (),
            _paired_before(lookup, sentence.text, said_before if here == paragraph else []),
        )
        said_before = (said_before if here == paragraph else []) + [sentence.text]
        topic = first
        if here != paragraph:
            paragraph, carried = here, None
        named_before = named
        carried = subject or carried
        referents = objects
    draft.rows_total = len(rows)
    previous: TableRow | None = None
    for row in rows:
        if previous is not None and previous.table == row.table:  # an empty cell repeats the one above
            cells = tuple(
                c or (previous.cells[i] if i < len(previous.cells) else "") for i, c in enumerate(row.cells)
            )
            row = TableRow(row.table, row.row, row.text, cells, row.header)
        if propose_row(lookup, row, sentences, draft, by_author, by_number, study_of):
            draft.rows_proposed += 1
        previous = row
    for reference in references:
        if reference.title:
            locator = (
                f"Reference {reference.number}"
                if reference.number is not None
                else f"References, {reference.surname} et al. ({reference.year})"
            )
            title = reference.title

            def place_title(
                quote: str, reference: Reference = reference, locator: str = locator
            ) -> DraftEvidence:
                return DraftEvidence(study_of([reference]), "reference-title", locator, quote)

            propose_from_text(lookup, title, place_title, draft, seed_text)
    used = {entity_id for key in draft.assertions for entity_id in key[::2]}
    # a row's model or source is proposed as context: its record goes with it
    used |= {
        v
        for assertion in draft.assertions.values()
        for item in assertion.evidence
        for v in item.context_values()
    }
    draft.entities = {entity_id: record for entity_id, record in lookup.proposed.items() if entity_id in used}
    if progress:
        progress(
            f"{review}: {len(draft.assertions)} assertions proposed, {draft.rows_proposed}/{len(rows)} rows"
        )
    return draft


_AND_THEIRS = re.compile(
    r",?\s+and\s+(?:their|its)\s+(?:secret(?:ory|ed)\s+|paracrine\s+)?(?:molecules|factors|products|secretions)\b",
    re.I,
)


def _paired_before(names: Names, text: str, before: Sequence[str]) -> list[str]:
    """Return the two treatments "In both the cases" (opening ``text``) names: the last pair ``before``."""
    if not BOTH_TREATMENTS.match(text):
        return []
    for sentence in reversed(before):
        pair = _treatment_pair(names, sentence)
        if pair:
            return pair
    return []


def _treatment_pair(names: Names, text: str) -> list[str]:
    """Return the two treatments a sentence names joined by "and", else none.

    "the effects of ADSCs and their secretory molecules were evaluated":
    the cells and their secretome; "MSCs and their conditioned medium were
    given": both names. A preparation and its source ("the secretome of
    MSCs") are one treatment, not two.
    """
    mentions = names.scan(text)
    held = [m for m in mentions if names.type_of(m.entity) in HOLDER_TYPES]
    secretome = names.lookup("secretome")
    for first, second in itertools.pairwise(held):
        if re.fullmatch(r",?\s+and\s+(?:the\s+|their\s+|its\s+)?", text[first.end : second.start], re.I):
            return [first.entity, second.entity] if first.entity != second.entity else []
    for mention in held:
        if secretome is not None and mention.entity != secretome and _AND_THEIRS.match(text, mention.end):
            return [mention.entity, secretome]
    return []


def _locator(sentence: Sentence, numbers: list[int]) -> str:
    """Return the curated locator of a sentence: "§ Section, ¶N[, ref N]", or its legend."""
    if sentence.section.endswith("legend"):
        return sentence.section
    locator = f"§ {sentence.section}, ¶{sentence.paragraph}"
    if numbers:
        locator += f", {'refs' if len(numbers) > 1 else 'ref'} {', '.join(map(str, numbers))}"
    return locator
