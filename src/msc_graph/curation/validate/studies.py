"""Studies, the seed text a review is read from, and contexts (named, on a study, on evidence)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from msc_graph.curation.load import Located
from msc_graph.curation.validate.checker import CONTEXT_KEYS, STUDY_KEYS, Checker, is_key, suggest
from msc_graph.model import CONTEXT_FIELDS, CONTEXT_TYPES, Context, Entity, Setting, Study


def validate_studies(
    check: Checker,
    records: Mapping[str, Located],
    entities: Mapping[str, Entity],
    context_records: Mapping[str, Located],
) -> dict[str, Study]:
    """Return the studies, each with its own context and (for a review) its seed text."""
    studies: dict[str, Study] = {}
    for ident, record in records.items():
        context = Context()
        context_record = record.get("context")
        if isinstance(context_record, Located):
            context = validate_context(check, context_record, entities, context_records)
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
            doi=_identifier(
                check, record, "doi", DOI, "a DOI: 10.<registrant>/<suffix>, without https://doi.org/"
            ),
            pmid=_identifier(check, record, "pmid", PMID, "a PubMed id: digits only, quoted"),
            no_pmid=check.text(record, "no_pmid"),
            ref=ref,
            review=review,
            context=context,
            seed=seed,
            proposed_by=check.proposed_by(record),
        )
    return studies


DOI = re.compile(r"10\.\d{4,9}/\S+")
"""The DOI syntax (Crossref's recommended pattern, the prefix and any suffix without spaces)."""
PMID = re.compile(r"[1-9]\d{0,8}")


def _identifier(check: Checker, record: Located, key: str, pattern: re.Pattern[str], what: str) -> str | None:
    """Return an identifier field when it has its syntax; report it otherwise."""
    value = check.text(record, key)
    if value is not None and not pattern.fullmatch(value):
        check.report(record.where(key), key, f"{value!r} is not {what}")
        return None
    return value


def _validate_seed(check: Checker, record: Located, review: bool) -> str | None:
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


def validate_context(
    check: Checker,
    record: Located,
    entities: Mapping[str, Entity],
    named: Mapping[str, Located],
    *,
    allow_use: bool = True,
) -> Context:
    """Return a context: its own fields over those of the named context it ``use``s.

    ``allow_use=False`` (a named context) refuses ``use:`` and ``inherit:``.
    """
    check.unknown_keys(record, CONTEXT_KEYS if allow_use else set(CONTEXT_FIELDS), "context")
    values: dict[str, Any] = {}
    base = record.get("use")
    if base is not None:
        if not is_key(base, named):
            check.report(
                record.where("use"), "use", f"unknown named context {base!r}{suggest(str(base), named)}"
            )
        else:
            values.update(_context_values(check, named[base], entities))
    values.update(_context_values(check, record, entities))
    return Context(**values)


def _context_values(check: Checker, record: Located, entities: Mapping[str, Entity]) -> dict[str, Any]:
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
                    f"unknown entity {ident!r}{suggest(ident, entities)}",
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
