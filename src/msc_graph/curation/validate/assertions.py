"""Assertions, their evidence (study, review, quote checked against the seed, context) and basis."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from msc_graph.curation.load import Located, RawFile
from msc_graph.curation.validate.checker import (
    ASSERTION_KEYS,
    EVIDENCE_KEYS,
    Checker,
    is_key,
    known_reviews,
    suggest,
)
from msc_graph.curation.validate.studies import validate_context
from msc_graph.model import Assertion, Basis, Context, Entity, Evidence, SourceKind, Study
from msc_graph.model.vocabulary import PREDICATES


def validate_assertions(
    check: Checker,
    files: Iterable[RawFile],
    entities: Mapping[str, Entity],
    studies: Mapping[str, Study],
    contexts: Mapping[str, Context],
    context_records: Mapping[str, Located],
) -> tuple[Assertion, ...]:
    """Return the assertions of every file, evidence for one subject, predicate and object merged."""
    merged: dict[tuple[str, str, str], list[Evidence]] = {}
    for raw in files:
        default_review = raw.data.get("review")
        for record in check.records(raw.data, "assertions"):
            check.unknown_keys(record, ASSERTION_KEYS, "assertion")
            subject = check.text(record, "subject", required=True)
            obj = check.text(record, "object", required=True)
            predicate = check.text(record, "predicate", required=True)
            ok = True
            for name, ident in (("subject", subject), ("object", obj)):
                if ident is not None and ident not in entities:
                    check.report(
                        record.where(name), name, f"unknown entity {ident!r}{suggest(ident, entities)}"
                    )
                    ok = False
            if predicate is not None and predicate not in PREDICATES:
                check.report(
                    record.where("predicate"),
                    "predicate",
                    f"unknown predicate {predicate!r}{suggest(predicate, PREDICATES)}",
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
            proposed_by = check.proposed_by(record)
            if proposed_by is not None:  # an accepted draft: each of its evidence remembers the tool
                evidence = [
                    item if item.proposed_by else replace(item, proposed_by=proposed_by) for item in evidence
                ]
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
    check: Checker,
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
        check.unknown_keys(item, EVIDENCE_KEYS | {"hedged", "status"}, "evidence")
        if "status" in item:
            check.report(
                item.where_key("status"),
                "evidence.status",
                "status: goes on the assertion, not on one of its evidence (a draft is proposed whole)",
            )
        study_ids = check.texts(item, "study")
        if not study_ids:
            check.report(item.where(), "evidence.study", "missing (required): the study that says it")
        for ident in study_ids:
            if ident not in studies:
                check.report(
                    item.where("study"),
                    "evidence.study",
                    f"unknown study {ident!r}{suggest(ident, studies)}",
                )
        read_in = item.get("read_in", default_review)
        if not is_key(read_in, check.reviews):
            check.report(
                item.where("read_in"),
                "evidence.read_in",
                f"unknown review {read_in!r}{known_reviews(check.reviews)} "
                "(or set review: at the top of the file)",
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
        seed = check.reviews[read_in].seed if is_key(read_in, check.reviews) else None
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
        proposed_by = check.proposed_by(item)
        context_record = item.get("context")
        inherit = True
        if context_record is None:
            context = Context()
        elif isinstance(context_record, Located):
            context = validate_context(check, context_record, entities, context_records)
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
                    proposed_by=proposed_by,
                )
            )
    return result


def _validate_basis(check: Checker, item: Located) -> Basis:
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
