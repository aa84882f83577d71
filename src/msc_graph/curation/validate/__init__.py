"""Raw records → model. Every rule of the curated data lives in this package.

All problems of all files are collected in one pass and raised together as a
single DataError, each located as ``file:line:column: field: message``, so a
curator fixes everything in one round instead of one error per run.

The rules sit by record: ``checker`` (the problem collector and the fields each
record may have), ``entities``, ``components`` (the parts composite names
name, and their cross-references), ``studies`` (with seeds and contexts) and
``assertions`` (with evidence and basis).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from msc_graph.curation.load import Located, RawFile
from msc_graph.curation.validate.assertions import validate_assertions
from msc_graph.curation.validate.checker import TOP_LEVEL, Checker, is_key, known_reviews, suggest
from msc_graph.curation.validate.components import validate_components
from msc_graph.curation.validate.entities import validate_entities
from msc_graph.curation.validate.studies import validate_context, validate_studies
from msc_graph.errors import DataError
from msc_graph.model import GraphModel, Study, get_reviews

__all__ = ["find_warnings", "validate_files"]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def validate_files(
    files: Iterable[RawFile],
    prefixes: Mapping[str, str],
    quote_lookup: Any = None,
    *,
    reviews: Mapping[str, Study] | None = None,
    terms: Collection[str] | None = None,
) -> GraphModel:
    """Check raw files and build the model; raise one DataError listing every problem.

    Which reviews exist is data: the studies marked ``review: true`` in
    ``files`` (each naming its ``seed`` text), plus ``reviews``.

    Args:
        files: loaded curated files.
        prefixes: the CURIE prefix map; xrefs must use one of its prefixes.
        quote_lookup: ``f(quote, seed file) -> missing parts``; None skips the
            quote check (used when the seed texts are not available).
        reviews: reviews defined outside ``files`` (id → study), for checking
            some files of a project without the rest; ``files`` may redefine them.
        terms: the CURIEs of the committed term tables (``Project.read_terms``);
            every xref must be one. None skips the check.
    """
    check = Checker(prefixes, quote_lookup, terms=terms)
    files = list(files)
    entity_records: dict[str, Located] = {}
    study_records: dict[str, Located] = {}
    context_records: dict[str, Located] = {}
    overlays: list[tuple[Located, str]] = []
    parts: list[tuple[Located, str]] = []
    for raw in files:
        data = raw.data
        for section, keyed_by, found in (
            ("xrefs", "entity id", overlays),
            ("components", "component name", parts),
        ):
            grounding = data.get(section)
            if grounding is None:
                continue
            if isinstance(grounding, Located):
                found.extend((grounding, key) for key in grounding)
            else:
                check.report(
                    data.where(section),
                    section,
                    f"must be a mapping of {keyed_by} → list of CURIEs or {{no_xref: reason}}",
                )
        for key in data:
            if key not in TOP_LEVEL:
                check.report(data.where_key(key), key, f"unknown section{suggest(key, TOP_LEVEL)}")
        for kind, records, registry in (
            ("entities", check.records(data, "entities"), entity_records),
            ("studies", check.records(data, "studies"), study_records),
        ):
            for record in records:
                ident = record.get("id")
                if not isinstance(ident, str) or not SLUG.match(ident):
                    check.report(
                        record.where("id"),
                        "id",
                        f"must be a slug (lowercase letters, digits, hyphens), not {ident!r}",
                    )
                    continue
                if ident in registry:
                    first = registry[ident]
                    check.report(
                        record.where("id"),
                        "id",
                        f"duplicate id {ident!r} ({kind}); first defined at {first.file}:{first.line}",
                    )
                    continue
                registry[ident] = record
        contexts = data.get("contexts")
        if contexts is not None:
            if not isinstance(contexts, Located):
                check.report(data.where("contexts"), "contexts", "must be a mapping of name → context")
            else:
                for name, record in contexts.items():
                    if not isinstance(record, Located):
                        check.report(contexts.where(name), name, "a named context must be a mapping")
                    elif name in context_records:
                        check.report(contexts.where(name), name, f"duplicate context name {name!r}")
                    else:
                        context_records[name] = record

    entities, components = validate_components(
        check, validate_entities(check, entity_records, overlays), parts
    )
    contexts_by_name = {
        name: validate_context(check, record, entities, context_records, allow_use=False)
        for name, record in context_records.items()
    }
    studies = validate_studies(check, study_records, entities, context_records)
    check.reviews = {**(reviews or {}), **get_reviews(studies)}
    for raw in files:
        review = raw.data.get("review")
        if review is not None and not is_key(review, check.reviews):
            check.report(
                raw.data.where("review"),
                "review",
                f"unknown review {review!r}{known_reviews(check.reviews)}",
            )
    assertions = validate_assertions(check, files, entities, studies, contexts_by_name, context_records)
    if check.problems:
        raise DataError(sorted(set(check.problems), key=lambda p: (p.file, p.line, p.column)))
    return GraphModel(entities=entities, studies=studies, assertions=assertions, components=components)


def find_warnings(model: GraphModel) -> list[str]:
    """Return same-study inconsistencies: one study described with different contexts.

    Not errors: the seeds do describe one study differently in prose, table and
    title (Shiue 2019 is conditioned medium, EV and exosomes), and the graph
    keeps each as read. This lists them so a curator can see each one.
    """
    seen: dict[str, dict[str, dict[object, set[str]]]] = {}
    for assertion in model.assertions:
        for item in assertion.evidence:
            per_field = seen.setdefault(item.study, {})
            for name, value in item.context.items():
                if name == "measured_in":
                    continue
                per_field.setdefault(name, {}).setdefault(value, set()).add(item.locator)
    warnings = []
    for study, per_field in sorted(seen.items()):
        for name, values in sorted(per_field.items()):
            if len(values) > 1:
                described = "; ".join(
                    f"{value} ({', '.join(sorted(locators)[:2])})"
                    for value, locators in sorted(values.items(), key=lambda kv: str(kv[0]))
                )
                warnings.append(f"{study}: {name} differs across evidence: {described}")
    return warnings
