"""Raw records → model. Every rule of the curated data lives here.

All problems of all files are collected in one pass and raised together as a
single DataError, each located as ``file:line:column: field: message``, so a
curator fixes everything in one round instead of one error per run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from msc_graph.curation.load import Located, LocatedList, RawFile
from msc_graph.errors import DataError, Problem
from msc_graph.model import (
    CONTEXT_FIELDS,
    Assertion,
    Basis,
    Context,
    Entity,
    EntityType,
    Evidence,
    GraphModel,
    Setting,
    SourceKind,
    Study,
    get_reviews,
)
from msc_graph.model.names import normalise_name
from msc_graph.model.vocabulary import PREDICATES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_.]*):(\S+)$")
TOP_LEVEL = {"review", "entities", "studies", "contexts", "assertions", "xrefs"}
ENTITY_KEYS = {"id", "label", "type", "synonyms", "xrefs", "is_a", "no_xref", "found_in"}
PLACE_TYPES = frozenset({EntityType.TISSUE, EntityType.CELL_TYPE})
"""Entity types that are places of measurement (context measured_in) and may say where they lie."""
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
    "ref",
    "review",
    "seed",
    "context",
}
ASSERTION_KEYS = {"subject", "predicate", "object", "evidence", "sign", "note"}
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
}
CONTEXT_KEYS = set(CONTEXT_FIELDS) | {"use", "inherit"}
CONTEXT_TYPES: dict[str, frozenset[EntityType]] = {
    "species": frozenset({EntityType.SPECIES}),
    "disease_model": frozenset({EntityType.DISEASE_MODEL}),
    "msc_source": frozenset({EntityType.MSC_SOURCE, EntityType.CELL_SOURCE}),
    "preparation": frozenset({EntityType.SECRETOME_COMPONENT, EntityType.CELL_PREPARATION}),
    "route": frozenset({EntityType.ROUTE}),
    "measured_in": frozenset({EntityType.TISSUE, EntityType.CELL_TYPE}),
}


@dataclass
class _Checker:
    """Collects problems while turning located raw records into model records."""

    prefixes: Mapping[str, str]
    quote_lookup: Any = None  # callable(quote, seed file) -> list of missing parts, or None
    problems: list[Problem] = field(default_factory=list)
    reviews: dict[str, Study] = field(default_factory=dict)
    """The reviews evidence may be read in (id → study with its seed), known once studies are read."""
    seed_places: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Review id → where its ``seed:`` is written (a missing seed text is reported there)."""

    def report(self, where: tuple[str, int, int], field_name: str, message: str) -> None:
        file, line, column = where
        self.problems.append(Problem(file, line, column, field_name, message))

    def text(self, record: Located, key: str, *, required: bool = False) -> str | None:
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

    def unknown_keys(self, record: Located, allowed: set[str], what: str) -> None:
        for key in record:
            if key not in allowed:
                hint = _suggest(key, allowed)
                self.report(record.where_key(key), key, f"unknown field in {what}{hint}")


def _is_key(value: object, choices: Iterable[str] | Mapping[str, Any]) -> bool:
    """Return True when ``value`` is a string among ``choices`` (YAML may give lists or maps)."""
    return isinstance(value, str) and value in choices


def _suggest(name: str, choices: Iterable[str], limit: int = 3) -> str:
    close = difflib.get_close_matches(name, list(choices), n=limit, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _known(reviews: Mapping[str, Study]) -> str:
    """Return which reviews there are, to follow "unknown review X"."""
    if not reviews:
        return "; no review is defined (a review is a study with review: true and a seed: text)"
    return f"; use one of {', '.join(reviews)}"


def validate_files(
    files: Iterable[RawFile],
    prefixes: Mapping[str, str],
    quote_lookup: Any = None,
    *,
    reviews: Mapping[str, Study] | None = None,
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
    """
    check = _Checker(prefixes, quote_lookup)
    files = list(files)
    entity_records: dict[str, Located] = {}
    study_records: dict[str, Located] = {}
    context_records: dict[str, Located] = {}
    overlays: list[tuple[Located, str]] = []
    for raw in files:
        data = raw.data
        grounding = data.get("xrefs")
        if grounding is not None:
            if isinstance(grounding, Located):
                overlays.extend((grounding, ident) for ident in grounding)
            else:
                check.report(
                    data.where("xrefs"),
                    "xrefs",
                    "must be a mapping of entity id → list of CURIEs or {no_xref: reason}",
                )
        for key in data:
            if key not in TOP_LEVEL:
                check.report(data.where_key(key), key, f"unknown section{_suggest(key, TOP_LEVEL)}")
        for kind, records, registry in (
            ("entities", check.mappings(data, "entities"), entity_records),
            ("studies", check.mappings(data, "studies"), study_records),
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

    entities = _validate_entities(check, entity_records, overlays)
    contexts_by_name = {
        name: _validate_context(check, record, entities, context_records, allow_use=False)
        for name, record in context_records.items()
    }
    studies = _validate_studies(check, study_records, entities, context_records)
    check.reviews = {**(reviews or {}), **get_reviews(studies)}
    for raw in files:
        review = raw.data.get("review")
        if review is not None and not _is_key(review, check.reviews):
            check.report(
                raw.data.where("review"),
                "review",
                f"unknown review {review!r}{_known(check.reviews)}",
            )
    assertions = _validate_assertions(check, files, entities, studies, contexts_by_name, context_records)
    if check.problems:
        raise DataError(sorted(set(check.problems), key=lambda p: (p.file, p.line, p.column)))
    return GraphModel(entities=entities, studies=studies, assertions=assertions)


def _read_overlays(
    check: _Checker, overlays: list[tuple[Located, str]], records: Mapping[str, Located]
) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Return entity id → (CURIEs, no-xref reason) from the ``xrefs:`` sections."""
    grounded: dict[str, tuple[tuple[str, ...], str | None]] = {}
    for section, ident in overlays:
        value = section[ident]
        if ident not in records:
            check.report(
                section.where(ident), f"xrefs.{ident}", f"unknown entity {ident!r}{_suggest(ident, records)}"
            )
            continue
        if ident in grounded:
            check.report(section.where(ident), f"xrefs.{ident}", "grounded twice")
            continue
        if isinstance(value, Located) and set(value) == {"no_xref"}:
            grounded[ident] = ((), check.text(value, "no_xref", required=True))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            grounded[ident] = (tuple(v.strip() for v in value), None)
        else:
            check.report(
                section.where(ident), f"xrefs.{ident}", "must be a list of CURIEs or {no_xref: reason}"
            )
    return grounded


def _validate_entities(
    check: _Checker, records: Mapping[str, Located], overlays: list[tuple[Located, str]]
) -> dict[str, Entity]:
    grounded = _read_overlays(check, overlays, records)
    entities: dict[str, Entity] = {}
    types = {item.value for item in EntityType} - {"study", "external"}
    labels: dict[str, tuple[str, Located]] = {}
    for ident, record in records.items():
        check.unknown_keys(record, ENTITY_KEYS, "entity")
        label = check.text(record, "label", required=True) or ident
        type_name = record.get("type")
        if not _is_key(type_name, types):
            check.report(
                record.where("type"),
                "type",
                f"unknown entity type {type_name!r}{_suggest(str(type_name), types)}",
            )
            continue
        xrefs = check.texts(record, "xrefs")
        extra, reason = grounded.get(ident, ((), None))
        xrefs = tuple(dict.fromkeys((*xrefs, *extra)))
        for xref in xrefs:
            match = CURIE.match(xref)
            if not match:
                check.report(record.where("xrefs"), "xrefs", f"{xref!r} is not a CURIE (PREFIX:id)")
            elif match.group(1) not in check.prefixes:
                check.report(
                    record.where("xrefs"),
                    "xrefs",
                    f"unknown CURIE prefix {match.group(1)!r} in {xref!r}"
                    f"{_suggest(match.group(1), check.prefixes)} "
                    "(prefixes are in ontology/prefixes.json)",
                )
        key = normalise_name(label)
        if key in labels and labels[key][0] != ident:
            other, other_record = labels[key]
            check.report(
                record.where("label"),
                "label",
                f"{label!r} is the same name as entity {other!r} "
                f"({other_record.file}:{other_record.line}); merge the two entities",
            )
        labels.setdefault(key, (ident, record))
        entities[ident] = Entity(
            id=ident,
            label=label,
            type=EntityType(str(type_name)),
            synonyms=check.texts(record, "synonyms"),
            xrefs=xrefs,
            is_a=check.texts(record, "is_a"),
            no_xref=check.text(record, "no_xref") or reason,
            found_in=check.texts(record, "found_in"),
        )
    for ident, entity in entities.items():
        if entity.found_in and entity.type not in PLACE_TYPES:
            check.report(
                records[ident].where("found_in"),
                "found_in",
                f"only cells and tissues say where they lie; {ident!r} is a {entity.type.value}",
            )
        for place in entity.found_in:
            found = entities.get(place)
            if found is None:
                check.report(
                    records[ident].where("found_in"),
                    "found_in",
                    f"unknown tissue {place!r}{_suggest(place, entities)}",
                )
            elif found.type is not EntityType.TISSUE:
                check.report(
                    records[ident].where("found_in"),
                    "found_in",
                    f"{place!r} is a {found.type.value}; found_in names tissues",
                )
        for parent in entity.is_a:
            if parent not in entities:
                check.report(
                    records[ident].where("is_a"),
                    "is_a",
                    f"unknown parent {parent!r}{_suggest(parent, entities)}",
                )
    for ident in _find_cycle_members(entities):
        check.report(records[ident].where("is_a"), "is_a", f"{ident!r} is its own ancestor (cycle in is-a)")
    return entities


def _find_cycle_members(entities: Mapping[str, Entity]) -> list[str]:
    """Return the ids that lie on an is-a cycle (depth-first search with colours)."""
    state: dict[str, int] = {}
    on_cycle: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        trail.append(node)
        for parent in entities[node].is_a if node in entities else ():
            if parent not in entities:
                continue
            if state.get(parent) == 1:
                on_cycle.update(trail[trail.index(parent) :])
            elif parent not in state:
                visit(parent, trail)
        trail.pop()
        state[node] = 2

    for ident in sorted(entities):
        if ident not in state:
            visit(ident, [])
    return sorted(on_cycle)


def _validate_studies(
    check: _Checker,
    records: Mapping[str, Located],
    entities: Mapping[str, Entity],
    context_records: Mapping[str, Located],
) -> dict[str, Study]:
    studies: dict[str, Study] = {}
    for ident, record in records.items():
        context = Context()
        context_record = record.get("context")
        if isinstance(context_record, Located):
            context = _validate_context(check, context_record, entities, context_records)
        elif context_record is not None:
            check.report(record.where("context"), "context", "must be a mapping, e.g. {species: rat}")
        check.unknown_keys(record, STUDY_KEYS, "study")
        year = record.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            check.report(record.where("year"), "year", f"must be a year (integer), not {year!r}")
            year = None
        ref = record.get("ref")
        if ref is not None and (not isinstance(ref, int) or isinstance(ref, bool)):
            check.report(record.where("ref"), "ref", f"must be a reference number, not {ref!r}")
            ref = None
        review = record.get("review", False)
        if not isinstance(review, bool):
            check.report(record.where("review"), "review", "must be true or false")
            review = False
        seed = _validate_seed(check, record, review)
        studies[ident] = Study(
            id=ident,
            citation=check.text(record, "citation", required=True) or ident,
            authors=check.texts(record, "authors"),
            year=year,
            title=check.text(record, "title"),
            journal=check.text(record, "journal"),
            volume=check.text(record, "volume"),
            pages=check.text(record, "pages"),
            doi=check.text(record, "doi"),
            pmid=check.text(record, "pmid"),
            ref=ref,
            review=review,
            context=context,
            seed=seed,
        )
    return studies


def _validate_seed(check: _Checker, record: Located, review: bool) -> str | None:
    """Return a review's seed file name: required on a review, refused on any other study."""
    if not review:
        if "seed" in record:
            check.report(record.where("seed"), "seed", "only a review has a seed text (add review: true)")
        return None
    if "seed" not in record:
        check.report(
            record.where("id"),
            "seed",
            "a review names the seed text it is read from (seed: FILE, a file in the seeds folder)",
        )
        return None
    seed = check.text(record, "seed")
    check.seed_places[str(record.get("id"))] = record.where("seed")
    if seed is not None and (seed in (".", "..") or any(mark in seed for mark in "/\\")):
        check.report(record.where("seed"), "seed", f"must be a file name in the seeds folder, not {seed!r}")
        return None
    return seed


def _validate_context(
    check: _Checker,
    record: Located,
    entities: Mapping[str, Entity],
    named: Mapping[str, Located],
    *,
    allow_use: bool = True,
) -> Context:
    check.unknown_keys(record, CONTEXT_KEYS if allow_use else set(CONTEXT_FIELDS), "context")
    values: dict[str, Any] = {}
    base = record.get("use")
    if base is not None:
        if not _is_key(base, named):
            check.report(
                record.where("use"), "use", f"unknown named context {base!r}{_suggest(str(base), named)}"
            )
        else:
            values.update(_context_values(check, named[base], entities))
    values.update(_context_values(check, record, entities))
    return Context(**values)


def _context_values(check: _Checker, record: Located, entities: Mapping[str, Entity]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, allowed in CONTEXT_TYPES.items():
        if name not in record:
            continue
        ids = check.texts(record, name) if name == "measured_in" else (check.text(record, name),)
        for ident in ids:
            if ident is None:
                continue
            entity = entities.get(ident)
            if entity is None:
                check.report(
                    record.where(name),
                    f"context.{name}",
                    f"unknown entity {ident!r}{_suggest(ident, entities)}",
                )
            elif entity.type not in allowed:
                check.report(
                    record.where(name),
                    f"context.{name}",
                    f"{ident!r} is a {entity.type.value}, expected "
                    f"{' or '.join(sorted(t.value for t in allowed))}",
                )
        values[name] = tuple(i for i in ids if i) if name == "measured_in" else ids[0]
    if "strain" in record:
        values["strain"] = check.text(record, "strain")
    if "healthy" in record:
        healthy = record.get("healthy")
        if isinstance(healthy, bool):
            values["healthy"] = healthy
        else:
            check.report(record.where("healthy"), "context.healthy", "must be true or false")
    if "setting" in record:
        setting = record.get("setting")
        try:
            values["setting"] = Setting(str(setting))
        except ValueError:
            choices = [s.value for s in Setting]
            check.report(
                record.where("setting"),
                "context.setting",
                f"unknown setting {setting!r}; use one of {', '.join(choices)}",
            )
    return values


def _validate_assertions(
    check: _Checker,
    files: Iterable[RawFile],
    entities: Mapping[str, Entity],
    studies: Mapping[str, Study],
    contexts: Mapping[str, Context],
    context_records: Mapping[str, Located],
) -> tuple[Assertion, ...]:
    merged: dict[tuple[str, str, str], list[Evidence]] = {}
    for raw in files:
        default_review = raw.data.get("review")
        for record in check.mappings(raw.data, "assertions"):
            check.unknown_keys(record, ASSERTION_KEYS, "assertion")
            subject = check.text(record, "subject", required=True)
            obj = check.text(record, "object", required=True)
            predicate = check.text(record, "predicate", required=True)
            ok = True
            for name, ident in (("subject", subject), ("object", obj)):
                if ident is not None and ident not in entities:
                    check.report(
                        record.where(name), name, f"unknown entity {ident!r}{_suggest(ident, entities)}"
                    )
                    ok = False
            if predicate is not None and predicate not in PREDICATES:
                check.report(
                    record.where("predicate"),
                    "predicate",
                    f"unknown predicate {predicate!r}{_suggest(predicate, PREDICATES)}",
                )
                ok = False
            if "sign" in record and predicate in PREDICATES:
                fixed = PREDICATES[predicate].sign
                given = record.get("sign")
                if fixed is not None and given != int(fixed):
                    message = (
                        f"sign {given!r} contradicts {predicate!r}, which fixes it at "
                        f"{int(fixed):+d}; remove sign: or change the predicate"
                    )
                else:
                    message = f"the predicate {predicate!r} fixes the sign; remove sign:"
                check.report(record.where("sign"), "sign", message)
            evidence = _validate_evidence(
                check, record, default_review, studies, entities, contexts, context_records
            )
            if not evidence and "evidence" in record:
                continue
            if subject and obj and predicate and ok:
                merged.setdefault((subject, predicate, obj), []).extend(evidence)
    assertions = []
    for (subject, predicate, obj), evidence in merged.items():
        assertions.append(
            Assertion(
                id=f"{subject}--{predicate}--{obj}",
                subject=subject,
                predicate=predicate,
                object=obj,
                sign=PREDICATES[predicate].sign,
                evidence=tuple(evidence),
            )
        )
    return tuple(assertions)


def _validate_evidence(
    check: _Checker,
    record: Located,
    default_review: Any,
    studies: Mapping[str, Study],
    entities: Mapping[str, Entity],
    contexts: Mapping[str, Context],
    context_records: Mapping[str, Located],
) -> list[Evidence]:
    items = check.mappings(record, "evidence")
    if not items:
        if "evidence" not in record or not record.get("evidence"):
            check.report(record.where(), "evidence", "every assertion needs at least one evidence")
        return []
    result: list[Evidence] = []
    for item in items:
        check.unknown_keys(item, EVIDENCE_KEYS | {"hedged"}, "evidence")
        study_ids = check.texts(item, "study")
        if not study_ids:
            check.report(item.where(), "evidence.study", "missing (required): the study that says it")
        for ident in study_ids:
            if ident not in studies:
                check.report(
                    item.where("study"),
                    "evidence.study",
                    f"unknown study {ident!r}{_suggest(ident, studies)}",
                )
        read_in = item.get("read_in", default_review)
        if not _is_key(read_in, check.reviews):
            check.report(
                item.where("read_in"),
                "evidence.read_in",
                f"unknown review {read_in!r}{_known(check.reviews)} (or set review: at the top of the file)",
            )
        kind = item.get("source_kind")
        try:
            source_kind = SourceKind(str(kind))
        except ValueError:
            choices = ", ".join(k.value for k in SourceKind)
            check.report(
                item.where("source_kind"),
                "evidence.source_kind",
                f"unknown or missing source kind {kind!r}; use one of {choices}",
            )
            source_kind = SourceKind.PROSE
        locator = check.text(item, "locator", required=True)
        quote_value = item.get("quote")
        if isinstance(quote_value, list) and all(isinstance(q, str) for q in quote_value):
            quote = " … ".join(part.strip() for part in quote_value)
        elif isinstance(quote_value, str) and quote_value.strip():
            quote = quote_value.strip()
        else:
            check.report(
                item.where("quote") if "quote" in item else item.where(),
                "evidence.quote",
                "missing: every evidence needs a short verbatim quote from the seed",
            )
            quote = ""
        seed = check.reviews[read_in].seed if _is_key(read_in, check.reviews) else None
        if quote and check.quote_lookup is not None and seed is not None:
            try:
                missing = check.quote_lookup(quote, seed)
            except FileNotFoundError as error:  # reported once: the same problem is kept once
                check.report(check.seed_places.get(str(read_in), item.where("quote")), "seed", str(error))
                missing = []
            for part in missing:
                check.report(
                    item.where("quote"), "evidence.quote", f"not found verbatim in {read_in}: {part[:80]!r}"
                )
        basis = _validate_basis(check, item)
        inferred_from = check.text(item, "inferred_from")
        if basis is Basis.INFERRED and inferred_from is None and "inferred_from" not in item:
            check.report(
                item.where("basis"),
                "evidence.inferred_from",
                "an inferred record must say in words what it was inferred from (inferred_from: ...)",
            )
        elif basis is not Basis.INFERRED and "inferred_from" in item:
            check.report(
                item.where("inferred_from"),
                "evidence.inferred_from",
                f"only inferred records say what they were inferred from; this one is {basis.value}",
            )
        caveat = check.text(item, "caveat")
        context_record = item.get("context")
        inherit = True
        if context_record is None:
            context = Context()
        elif isinstance(context_record, Located):
            context = _validate_context(check, context_record, entities, context_records)
            inherit = context_record.get("inherit", True)
            if not isinstance(inherit, bool):
                check.report(context_record.where("inherit"), "context.inherit", "must be true or false")
                inherit = True
        else:
            check.report(
                item.where("context"),
                "evidence.context",
                "must be a mapping, e.g. {use: NAME} or {species: rat}",
            )
            context = Context()
        for ident in study_ids:
            study = studies.get(ident)
            # a review's general sentence that cites a study is not about its experiment: inherit: false
            merged, inherited = study.context.overlay(context) if study and inherit else (context, ())
            result.append(
                Evidence(
                    study=ident,
                    read_in=str(read_in),
                    source_kind=source_kind,
                    locator=locator or "",
                    quote=quote,
                    basis=basis,
                    context=merged,
                    inferred_from=inferred_from,
                    caveat=caveat,
                    inherited=inherited,
                )
            )
    return result


def _validate_basis(check: _Checker, item: Located) -> Basis:
    """Return the evidence's basis (stated when unset); point old ``hedged:`` files to ``basis:``."""
    if "hedged" in item:
        check.report(
            item.where("hedged"),
            "evidence.hedged",
            "hedged: is replaced by basis: (stated, hedged or inferred); write basis: hedged",
        )
    value = item.get("basis", Basis.STATED.value)
    try:
        return Basis(str(value))
    except ValueError:
        choices = ", ".join(b.value for b in Basis)
        check.report(item.where("basis"), "evidence.basis", f"unknown basis {value!r}; use one of {choices}")
        return Basis.STATED


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
