"""Leave-one-out benchmark of ``mscgraph curate draft``: draft each seed as if new, compare with our curation.

For each review, the drafter gets a name index WITHOUT the entities only
that review's curation uses, and without the synonyms only its quotes use
(entities other reviews also use stay, with their other names), so it meets
the review as it would meet a new one. Its draft is compared with the
curated assertions of that review at the level of (sentence or table row,
subject, object, sign): the sentence is the coverage audit's (a curated
quote covers it by the audit's rule), entities match when they share a name
(label, synonym or cross-reference, compared by the resolver's spelling key),
so a newly proposed entity counts when its names are the curated entity's.

Reported per review and overall: precision and recall on prose (main-text
sentences and figure/table legends; reference titles are drafted but not
scored), the share of table rows proposed for, precision and recall on
table rows, the share of draft quotes that are verbatim parts of the seed
(asserted: 100%), and the seconds to draft. Writes
benchmarks/results/draft-loo.json and draft-loo.md (with examples of misses).

Run: ``python benchmarks/draft_loo.py`` (``make bench`` runs it); needs the
seeds ($MSC_GRAPH_SEEDS). About ten seconds.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from msc_graph.config import find_project
from msc_graph.curation.coverage import TableRow, find_sentences, read_coverage_config, segment_seed
from msc_graph.curation.drafting import Draft, draft_review
from msc_graph.curation.seeds import normalise_text, read_normalised_seed, read_seed
from msc_graph.model import GraphModel, SourceKind
from msc_graph.model.names import match_key, normalise_name
from msc_graph.model.vocabulary import get_predicate
from msc_graph.views.cache import build_model
from msc_graph.views.resolve import NameIndex

RESULTS = Path(__file__).resolve().parent / "results"
TARGETS = {"recall": 0.60, "precision": 0.50, "cells": 0.90}
EMPTY_CELLS = {"", "–", "-", "—", "n.a.", "na"}
"""Cells that name nothing: not counted."""
EXAMPLES = 8

Unit = tuple[tuple[Any, ...], str, str, int | None]
"""(place: ("s", sentence) or ("r", table, row), subject, object, sign)."""


def _sign(predicate: str) -> int | None:
    sign = get_predicate(predicate).sign
    return None if sign is None else int(sign)


def _users(model: GraphModel) -> dict[str, set[str]]:
    """Return entity id → the reviews whose evidence uses it (as an end or in its context)."""
    users: dict[str, set[str]] = defaultdict(set)
    for assertion in model.assertions:
        for item in assertion.evidence:
            for entity in (assertion.subject, assertion.object):
                users[entity].add(item.read_in)
            context = item.context
            for value in (context.species, context.disease_model, context.msc_source, context.preparation):
                if value:
                    users[value].add(item.read_in)
            for value in context.measured_in:
                users[value].add(item.read_in)
    return users


def _quotes(model: GraphModel, reviews: Iterable[str]) -> str:
    wanted = set(reviews)
    return "|".join(
        normalise_name(item.quote)
        for assertion in model.assertions
        for item in assertion.evidence
        if item.read_in in wanted
    )


HOLD_OUT = {
    "names": "the leave-one-out: entities and synonyms only this review's curation uses held out",
    "entities": "entities only this review's curation uses held out, every synonym of the others kept",
    "none": "every name of the curated graph known (no leave-one-out: the rules with a perfect vocabulary)",
}
"""What the drafter's name index lacks, per run; "names" is the benchmark, the others tell misses apart."""


def held_out_index(model: GraphModel, review: str, hold_out: str = "names") -> tuple[NameIndex, set[str]]:
    """Return the name index without what only ``review``'s curation uses, and the kept entity ids.

    ``hold_out`` is a key of :data:`HOLD_OUT`. A synonym is "used only by
    this review" when its spelling occurs in this review's quotes and in no
    other review's.
    """
    users = _users(model)
    kept = {e for e in model.entities if hold_out == "none" or users.get(e, set()) != {review}}
    others = [r for r in model.reviews if r != review]
    own_quotes, other_quotes = _quotes(model, [review]), _quotes(model, others)
    index = NameIndex()
    for entity_id in sorted(kept):
        entity = model.entities[entity_id]
        synonyms = [
            s
            for s in entity.synonyms
            if hold_out != "names"
            or not (normalise_name(s) in own_quotes and normalise_name(s) not in other_quotes)
        ]
        index.add(entity.id, entity.label, synonyms, entity.xrefs, entity.components)
    for assertion in model.assertions:
        if any(item.read_in != review for item in assertion.evidence):
            for end in (assertion.subject, assertion.object):
                index.weights[end] = index.weights.get(end, 0) + 1
    return index, kept


def _names(model: GraphModel, draft: Draft, entity_id: str) -> set[str]:
    """Return the spelling keys of an entity: the model's, or a proposed entity's."""
    entity = model.entities.get(entity_id)
    if entity is not None:
        names = [entity.label, *entity.synonyms]
        return {match_key(n) for n in names} | {x.casefold() for x in entity.xrefs} | {entity_id}
    record = draft.entities.get(entity_id, {})
    return {match_key(n) for n in [record.get("label", entity_id), *record.get("synonyms", [])]}


def evaluate(model: GraphModel, review: str, hold_out: str = "names") -> dict[str, Any]:
    """Draft ``review`` as if new (its own names held out) and score the draft against its curation."""
    project = find_project()
    study = model.reviews[review]
    assert study.seed is not None
    raw = read_seed(study.seed)
    region = read_coverage_config(project.coverage_path, model.reviews).get(review)
    sentences, rows = segment_seed(raw, region)
    index, kept = held_out_index(model, review, hold_out)
    entities = {e: model.entities[e] for e in kept}
    started = time.perf_counter()
    draft = draft_review(raw, review, index.named, entities, region)
    seconds = time.perf_counter() - started

    seed_text = read_normalised_seed(study.seed)
    quotes = [e.quote for a in draft.assertions.values() for e in a.evidence]
    verbatim = sum(normalise_text(q) in seed_text for q in quotes)
    assert verbatim == len(quotes), f"{review}: {len(quotes) - verbatim} draft quotes are not verbatim"

    curated: set[Unit] = set()
    document = " ".join(s.text for s in sentences)
    for assertion in model.assertions:
        sign = _sign(assertion.predicate)
        for item in assertion.evidence:
            if item.read_in != review or item.source_kind is SourceKind.REFERENCE_TITLE:
                continue
            if (
                item.source_kind is SourceKind.TABLE
                and item.locator.startswith("Table ")
                and ", row " in item.locator
            ):
                table, row = item.locator.removeprefix("Table ").split(", row ")
                place: tuple[Any, ...] = ("r", int(table), int(row.split()[0]))
                curated.add((place, assertion.subject, assertion.object, sign))
                continue
            for number in find_sentences(sentences, item.quote, document):
                curated.add((("s", number), assertion.subject, assertion.object, sign))
    drafted: set[Unit] = set()
    for assertion in draft.assertions.values():
        sign = _sign(assertion.predicate)
        for item in assertion.evidence:
            if item.sentence is not None:
                drafted.add((("s", item.sentence), assertion.subject, assertion.object, sign))
            elif item.row is not None:
                drafted.add((("r", *item.row), assertion.subject, assertion.object, sign))

    names: dict[str, set[str]] = {}

    def names_of(entity_id: str) -> set[str]:
        if entity_id not in names:
            names[entity_id] = _names(model, draft, entity_id)
        return names[entity_id]

    def same(a: Unit, b: Unit) -> bool:
        return (
            a[0] == b[0]
            and a[3] == b[3]
            and bool(names_of(a[1]) & names_of(b[1]))
            and bool(names_of(a[2]) & names_of(b[2]))
        )

    by_place: dict[tuple[Any, ...], list[Unit]] = defaultdict(list)
    for unit in curated:
        by_place[unit[0]].append(unit)
    hit_draft = {d for d in drafted if any(same(d, c) for c in by_place.get(d[0], []))}
    hit_curated = {c for c in curated if any(same(d, c) for d in drafted if d[0] == c[0])}

    def score(kind: str) -> dict[str, Any]:
        d = [u for u in drafted if u[0][0] == kind]
        c = [u for u in curated if u[0][0] == kind]
        hd, hc = sum(u in hit_draft for u in d), sum(u in hit_curated for u in c)
        return {
            "drafted": len(d),
            "curated": len(c),
            "precision": hd / len(d) if d else 0.0,
            "recall": hc / len(c) if c else 0.0,
            "matched_drafted": hd,
            "matched_curated": hc,
        }

    rows_with = {u[0][1:] for u in drafted if u[0][0] == "r"}
    cells_total, cells_proposed = _count_cells(rows, draft, names_of)

    # in sentence order, then by claim: a set's order changes with the hash seed, the examples must not
    def order(unit: Unit) -> tuple[Any, ...]:
        return (unit[0][1], str(unit[1]), str(unit[2]), str(unit[3]))

    misses = sorted((c for c in curated if c not in hit_curated and c[0][0] == "s"), key=order)
    wrong = sorted((d for d in drafted if d not in hit_draft and d[0][0] == "s"), key=order)

    def show(unit: Unit) -> dict[str, Any]:
        sign = {1: "+", -1: "-", 0: "0", None: "·"}[unit[3]]
        return {"sentence": sentences[unit[0][1]].text, "claim": f"{unit[1]} {sign} {unit[2]}"}

    held = len(model.entities) - len(kept)
    return {
        "review": review,
        "seconds": round(seconds, 3),
        "entities_held_out": held,
        "entities_proposed": len(draft.entities),
        "studies_proposed": len(draft.studies),
        "assertions_proposed": len(draft.assertions),
        "prose": score("s"),
        "table": score("r")
        | {
            "rows_total": len(rows),
            "rows_proposed": len(rows_with & {(r.table, r.row) for r in rows}),
            "cells_total": cells_total,
            "cells_proposed": cells_proposed,
        },
        "quotes": len(quotes),
        "quotes_verbatim": verbatim,
        "quotes_dropped": draft.dropped_quotes,
        "missed_examples": [show(u) for u in misses[:: max(1, len(misses) // EXAMPLES)][:EXAMPLES]],
        "wrong_examples": [show(u) for u in wrong[:: max(1, len(wrong) // EXAMPLES)][:EXAMPLES]],
    }


def _count_cells(
    rows: Sequence[TableRow], draft: Draft, names_of: Callable[[str], set[str]]
) -> tuple[int, int]:
    """Return (cells that name something, cells the draft proposed something from) over ``rows``.

    A cell is proposed when a draft of its row names an entity whose name is
    in the cell (subject, object or a context value: "C57BL/6J mouse" is a
    species in the evidence's context), or, for a reference cell, when the
    row's drafts cite a study. Names are compared as match keys: the same
    key, or one inside the other when both have three letters or more
    ("osteoarthritic pain" and "osteoarthritis pain model" do not match: the
    cell counts as missed).
    """
    by_row: dict[tuple[int, int], list[Any]] = defaultdict(list)
    for assertion in draft.assertions.values():
        for item in assertion.evidence:
            if item.row is not None:
                by_row[item.row].append((assertion, item))
    total = proposed = 0
    for row in rows:
        drafts = by_row.get((row.table, row.row), [])
        ids = {e for a, item in drafts for e in (a.subject, a.object, *item.context_values())}
        keys = {key for e in ids for key in names_of(e)}
        cited = any(item.study for _a, item in drafts)
        headers = row.header or ("",) * len(row.cells)
        for header, cell in zip(headers, row.cells, strict=False):
            if cell.strip().casefold() in EMPTY_CELLS:
                continue
            total += 1
            if "reference" in header.casefold():
                proposed += cited
                continue
            cell_key = match_key(cell)
            # the same name ("FS"), or a name inside the other once both are words, not letters
            proposed += cell_key in keys or any(
                min(len(key), len(cell_key)) >= 3 and (key in cell_key or cell_key in key) for key in keys
            )
    return total, proposed


def _overall(results: list[dict[str, Any]], kind: str) -> dict[str, float]:
    drafted = sum(r[kind]["drafted"] for r in results)
    curated = sum(r[kind]["curated"] for r in results)
    return {
        "precision": sum(r[kind]["matched_drafted"] for r in results) / drafted if drafted else 0.0,
        "recall": sum(r[kind]["matched_curated"] for r in results) / curated if curated else 0.0,
    }


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def render_markdown(data: dict[str, Any]) -> str:
    """Return the results as Markdown: the table the README shows, then examples of misses."""
    lines = [
        "| review | prose precision | prose recall | table rows proposed | table cells proposed "
        "| table precision | table recall | quotes verbatim | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in data["reviews"]:
        t = r["table"]
        rows = f"{t['rows_proposed']}/{t['rows_total']}" if t["rows_total"] else "–"
        cells = f"{t['cells_proposed']}/{t['cells_total']}" if t["cells_total"] else "–"
        table_p = _percent(t["precision"]) if t["drafted"] else "–"
        table_r = _percent(t["recall"]) if t["curated"] else "–"
        lines.append(
            f"| {r['review']} | {_percent(r['prose']['precision'])} | {_percent(r['prose']['recall'])} | "
            f"{rows} | {cells} | {table_p} | {table_r} | {r['quotes_verbatim']}/{r['quotes']} | "
            f"{r['seconds']:.2f} |"
        )
    o = data["overall"]
    lines.append(
        f"| **overall** | {_percent(o['prose']['precision'])} | {_percent(o['prose']['recall'])} | "
        f"{o['rows_proposed']}/{o['rows_total']} | {o['cells_proposed']}/{o['cells_total']} "
        f"({_percent(o['cells_proposed'] / o['cells_total'])}) | {_percent(o['table']['precision'])} | "
        f"{_percent(o['table']['recall'])} | {o['quotes_verbatim']}/{o['quotes']} | {o['seconds']:.2f} |"
    )
    lines += [
        "",
        "Targets: prose recall ≥ 60% and precision ≥ 50% per review, ≥ 90% of table cells proposed, "
        "100% verbatim.",
    ]
    lines += ["", "The same rules with more of the graph's names known (prose precision / recall):", ""]
    for mode, runs in data["other_hold_outs"].items():
        figures = ", ".join(
            f"{review} {_percent(k['prose']['precision'])} / {_percent(k['prose']['recall'])}"
            for review, k in runs.items()
        )
        lines.append(f"- {HOLD_OUT[mode]}: {figures}")
    for r in data["reviews"]:
        lines += ["", f"## {r['review']}", ""]
        lines.append(
            f"{r['entities_held_out']} entities held out; drafted {r['assertions_proposed']} assertions, "
            f"{r['studies_proposed']} studies, {r['entities_proposed']} new entities; "
            f"{r['quotes_dropped']} proposals dropped for a quote that was not verbatim."
        )
        lines += ["", "Curated, not drafted (examples):", ""]
        lines += [f"- `{m['claim']}`: {m['sentence']}" for m in r["missed_examples"]]
        lines += ["", "Drafted, not curated (examples):", ""]
        lines += [f"- `{m['claim']}`: {m['sentence']}" for m in r["wrong_examples"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    model = build_model()
    results = []
    for review in model.reviews:
        print(f"drafting {review} ...", file=sys.stderr)
        results.append(evaluate(model, review))
    overall = {
        "prose": _overall(results, "prose"),
        "table": _overall(results, "table"),
        "rows_total": sum(r["table"]["rows_total"] for r in results),
        "rows_proposed": sum(r["table"]["rows_proposed"] for r in results),
        "cells_total": sum(r["table"]["cells_total"] for r in results),
        "cells_proposed": sum(r["table"]["cells_proposed"] for r in results),
        "quotes": sum(r["quotes"] for r in results),
        "quotes_verbatim": sum(r["quotes_verbatim"] for r in results),
        "seconds": round(sum(r["seconds"] for r in results), 3),
    }
    others: dict[str, Any] = {}
    for mode in ("entities", "none"):
        runs = [evaluate(model, review, hold_out=mode) for review in model.reviews]
        others[mode] = {r["review"]: {"prose": r["prose"], "table": r["table"]} for r in runs} | {
            "overall": {"prose": _overall(runs, "prose"), "table": _overall(runs, "table")}
        }
    data = {"targets": TARGETS, "reviews": results, "overall": overall, "other_hold_outs": others}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "draft-loo.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    markdown = render_markdown(data)
    (RESULTS / "draft-loo.md").write_text(markdown, encoding="utf-8")
    print(markdown.split("\n\n## ")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
