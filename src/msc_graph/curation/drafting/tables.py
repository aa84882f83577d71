"""The claims a table row states: arrows of effect, the row's cells as its context."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from msc_graph.curation.coverage import Sentence, TableRow
from msc_graph.curation.drafting.lexicon import DISEASE_TYPES
from msc_graph.curation.drafting.mentions import MAX_SPAN_TOKENS, Names, guess_type
from msc_graph.curation.drafting.phrases import names_cover
from msc_graph.curation.drafting.records import Draft, DraftEvidence, Mention, Reference
from msc_graph.curation.drafting.references import find_cited
from msc_graph.model import EntityType
from msc_graph.model.names import normalise_name
from msc_graph.model.records import CONTEXT_TYPES

_ARROW_ITEM = re.compile(r"([↓↑])\s*([^↓↑]+)")


def _row_context(
    names: Names,
    mentions_by_cell: list[list[Mention]],
    header: list[str],
    source: str | None,
    agent: str | None,
) -> dict[str, Any]:
    """Return the context a table row names in its own cells: its model, species, MSC source, preparation.

    A table of studies (Ferrini's Table 1) gives each row one named context;
    a cell's entity becomes the context field whose types hold it
    (``CONTEXT_TYPES``, the validator's table), the first one per field.
    Effects after arrows and the factors column are claims, not context.
    """
    context: dict[str, Any] = {}
    if source is not None:
        context["msc_source"] = source
    if agent is not None and names.type_of(agent) in CONTEXT_TYPES["preparation"]:
        context["preparation"] = agent
    for head, mentions in zip(header, mentions_by_cell, strict=False):
        if "factor" in head or "mechanism" in head or "effect" in head or "reference" in head:
            continue
        for mention in mentions:
            kind = names.type_of(mention.entity)
            for name, types in CONTEXT_TYPES.items():
                if kind in types and name != "measured_in":
                    context.setdefault(name, mention.entity)
    return context


def _name_cell(names: Names, cell: str, kind: EntityType) -> str | None:
    """Return the entity a short cell names under a column of diseases or models (``kind``), if any.

    The column says what its cells are. A cell no single known name covers
    whole ("L5/6 spinal nerve ligation", where only "L5" looks like a symbol)
    is proposed as a new entity of the column's kind; a name the drafter
    itself proposed with a type guessed from its words ("disk degeneration",
    guessed a process) takes the column's kind; under a model column, a
    known disease names the animal model of that disease ("Spinal cord
    injury" → a proposed "Spinal cord injury model"), since a row's model is
    its context and a disease is no model.
    """
    mentions = names.scan(cell)
    if len(mentions) != 1 or not names_cover(mentions, cell):
        return names.propose(cell, kind)
    entity_id = mentions[0].entity
    current = names.type_of(entity_id)
    if current is kind:
        return entity_id
    if names.retype(entity_id, kind):
        return entity_id
    if kind is EntityType.DISEASE_MODEL and current in (EntityType.DISEASE, EntityType.PHENOTYPE):
        return names.lookup(f"{cell} model") or names.propose(f"{cell} model", kind)
    return None


def propose_row(
    names: Names,
    row: TableRow,
    sentences: list[Sentence],
    draft: Draft,
    by_author: dict[tuple[str, str], Reference],
    by_number: dict[int, Reference],
    study_of: Callable[[list[Reference]], str],
) -> bool:
    """Propose what one table row states; return True when it proposed anything.

    The row's agent is the preparation it names (a secretome component), or
    else what the table's legend names; arrows (↓ X, ↑ Y) are its effects,
    a "factor" column the factors it carries.
    """
    header = [h.lower() for h in row.header] + [""] * max(0, len(row.cells) - len(row.header))
    cells = list(row.cells)
    legend = next((s for s in sentences if s.section == f"Table {row.table} legend"), None)
    reference_cell = next((c for c, h in zip(cells, header, strict=False) if "reference" in h and c), "")
    cited = find_cited(reference_cell, by_author)
    if not cited and reference_cell.strip().isdigit() and int(reference_cell) in by_number:
        cited = [by_number[int(reference_cell)]]
    label = reference_cell if re.search(r"[A-Za-z]", reference_cell) else next((c for c in cells if c), "")
    locator = f"Table {row.table}, row {row.row} ({label})"
    study = study_of(cited)
    mentions_by_cell = []
    for cell, head in zip(cells, header, strict=False):
        short = bool(cell) and len(cell.split()) <= MAX_SPAN_TOKENS and not re.search(r"[,;↓↑]", cell)
        if short and re.search(r"disease|disorder|\bmsd|model", head):
            # "Animal model of pain": the row's model (its context), else a disease the row names
            column = EntityType.DISEASE_MODEL if "model" in head else EntityType.DISEASE
            named = _name_cell(names, cell, column)
            if named is not None:
                mentions_by_cell.append([Mention(named, 0, len(cell))])
                continue
        mentions_by_cell.append(names.scan(cell))
    agent: str | None = None
    source: str | None = None
    for cell, head, mentions in zip(cells, header, mentions_by_cell, strict=False):
        if re.search(r"source|origin", head) and "msc" in normalise_name(head):
            # "Bone marrow" under "Source of MSCs" names the MSCs of the bone marrow
            source = names.lookup(f"{cell} MSCs") or names.lookup(f"{cell}-derived MSCs") or source
            if source is None and cell and not re.search(r"[,;↓↑]", cell):
                source = names.propose(f"{cell} MSCs", EntityType.MSC_SOURCE)
        for mention in mentions:
            if names.type_of(mention.entity) is EntityType.SECRETOME_COMPONENT:
                agent = agent or mention.entity
    agent = agent or source
    context = _row_context(names, mentions_by_cell, header, source, agent)
    if agent is None and legend is not None:
        for mention in names.scan(legend.text):
            if names.type_of(mention.entity) in (EntityType.SECRETOME_COMPONENT, EntityType.MSC_SOURCE):
                agent = mention.entity
                break
    proposed = False
    factors = [
        (cell, mention)
        for cell, head, mentions in zip(cells, header, mentions_by_cell, strict=False)
        if "factor" in head
        for mention in mentions
    ]
    effects: list[tuple[str, int, str]] = []  # (item text, sign, entity)
    for cell in cells:
        for arrow, item in _ARROW_ITEM.findall(cell):
            item = item.strip()
            entity = names.lookup(item)
            scanned = names.scan(item)
            if entity is None and not (scanned and names_cover(scanned, item)) and len(item.split()) <= 5:
                entity = names.propose(item, guess_type(item, EntityType.PROCESS))  # one effect per arrow
            found = [entity] if entity else [m.entity for m in scanned]
            for entity_id in found:
                effects.append((f"{arrow} {item}", 1 if arrow == "↑" else -1, entity_id))
    if agent is not None:
        for cell, mention in factors:
            draft.add(
                agent,
                "carries",
                mention.entity,
                DraftEvidence(study, "table", locator, cell, context=context, row=(row.table, row.row)),
            )
            proposed = True
        for item, sign, entity_id in effects:
            kind = names.type_of(entity_id)
            predicate = ("activates" if sign > 0 else "inhibits") if kind is EntityType.PATHWAY else None
            predicate = predicate or ("increases" if sign > 0 else "decreases")
            draft.add(
                agent,
                predicate,
                entity_id,
                DraftEvidence(study, "table", locator, item, context=context, row=(row.table, row.row)),
            )
            proposed = True
    single = {mention.entity for _cell, mention in factors}
    # "VEGF, HGF", or "ADAM10 annexin clusterin" with only ADAM10 known: several factors, no inference
    listed = any(not names_cover([mention], cell) for cell, mention in factors)
    if len(single) == 1 and not listed and effects:  # one factor: a curator's inference, said in words
        factor = next(iter(single))
        for item, sign, entity_id in effects:
            predicate = "increases" if sign > 0 else "decreases"
            if names.type_of(entity_id) is EntityType.PATHWAY:
                predicate = "activates" if sign > 0 else "inhibits"
            evidence = DraftEvidence(
                study,
                "table",
                locator,
                item,
                basis="inferred",
                inferred_from=f"the row names {factor} as its only identified factor and {item} as an effect",
                context=context,
                row=(row.table, row.row),
            )
            draft.add(factor, predicate, entity_id, evidence)
    if not proposed and agent is not None:  # a row that pairs its agent with a disease: no direction stated
        for mentions in mentions_by_cell:
            for mention in mentions:
                if names.type_of(mention.entity) in DISEASE_TYPES and mention.entity != agent:
                    evidence = DraftEvidence(
                        study, "table", locator, row.text, context=context, row=(row.table, row.row)
                    )
                    draft.add(agent, "associated-with", mention.entity, evidence)
                    proposed = True
    return proposed
