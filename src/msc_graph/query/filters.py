"""Evidence filters: which evidence counts, by basis, species, source, preparation, model, route, study.

Context filters read each evidence's merged context (its study's context
overridden by its own sentence, see model.Context.overlay). A filter on a
general value includes everything below it in the is-a hierarchy:
``--preparation "extracellular vesicles"`` keeps exosome evidence, ``--source
"bone marrow-derived MSCs"`` keeps rat and mouse bone marrow MSCs, and
``--model`` given a disease also keeps the disease models that are a
``model-of`` it (or of anything below it). Evidence that states no species,
model, source, preparation or route at all (a review's general statement,
"activated microglia drive neuropathic pain") passes every context filter;
output marks it "general". Evidence that states a different value, or
leaves the constrained field unstated while stating others, is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from msc_graph.model import CONTEXT_TYPES, Basis, EntityType, Evidence, GraphModel, iter_reachable
from msc_graph.views.resolve import Match, Resolves, find_studies

FILTER_FIELDS = {
    "species": "species",
    "msc_source": "msc_source",
    "preparation": "preparation",
    "model": "disease_model",
    "route": "route",
}
"""Filter option name → Context field it constrains."""
OPTION_NAMES = {"msc_source": "--source"}
"""The command-line option of a filter, where it is not ``--`` + its name."""
LISTED_VALUES = 8
"""Most values an error about a filter's type lists (the graph has 45 disease models)."""


@dataclass(frozen=True)
class EvidenceFilter:
    """Allowed values per context field (None: no constraint), plus allowed studies and reviews."""

    species: frozenset[str] | None = None
    msc_source: frozenset[str] | None = None
    preparation: frozenset[str] | None = None
    disease_model: frozenset[str] | None = None
    route: frozenset[str] | None = None
    studies: frozenset[str] | None = None
    read_in: frozenset[str] | None = None
    basis: frozenset[Basis] | None = None

    @property
    def constrains_context(self) -> bool:
        """Return True when a species, source, preparation, model or route is asked for."""
        return any(getattr(self, name) is not None for name in FILTER_FIELDS.values())

    @property
    def active(self) -> bool:
        """Return True when at least one constraint is set."""
        return any(getattr(self, item.name) is not None for item in fields(self))

    def matches(self, evidence: Evidence) -> bool:
        """Return True when ``evidence`` satisfies every constraint.

        Evidence that does not state a constrained field does not match (a
        filter asks for evidence known to be in that context), unless it is
        general: it states none of the context fields, and passes.
        """
        if self.basis is not None and evidence.basis not in self.basis:
            return False
        for name in FILTER_FIELDS.values():
            allowed = getattr(self, name)
            if (
                allowed is not None
                and getattr(evidence.context, name) not in allowed
                and not evidence.is_general
            ):
                return False
        if self.studies is not None and evidence.study not in self.studies:
            return False
        return self.read_in is None or evidence.read_in in self.read_in

    def as_dict(self) -> dict[str, list[str]]:
        """Return the active constraints as sorted lists (for JSON output)."""
        return {
            item.name: sorted(str(value) for value in getattr(self, item.name))
            for item in fields(self)
            if getattr(self, item.name) is not None
        }


def build_filter(resolver: Resolves, values: Mapping[str, Any]) -> EvidenceFilter:
    """Resolve filter option values (free text) into an EvidenceFilter.

    Keys are the option names of FILTER_FIELDS plus ``study`` and ``read_in``;
    ``basis`` (a collection of Basis values) is passed through.

    Raises:
        UnknownEntityError / AmbiguousEntityError: a value names no (or several) entities.
    """
    constraints: dict[str, Any] = {}
    for option, field_name in FILTER_FIELDS.items():
        text = values.get(option)
        if text:
            match = resolver.resolve(text)
            allowed = frozenset(resolver.iter_descendants([match.id]))
            if option == "model":
                allowed |= _models_of(resolver, allowed)
            _check_filter_type(resolver, option, text, match, allowed)
            constraints[field_name] = allowed
    basis = values.get("basis")
    if basis is not None and frozenset(basis) != frozenset(Basis):
        constraints["basis"] = frozenset(Basis(b) for b in basis)
    study = values.get("study")
    if study:
        constraints["studies"] = frozenset(_resolve_study(resolver, study))
    read_in = values.get("read_in")
    if read_in:
        constraints["read_in"] = frozenset(resolve_review(resolver.model, read_in))
    return EvidenceFilter(**constraints)


def _check_filter_type(
    resolver: Resolves, option: str, text: str, match: Match, allowed: frozenset[str]
) -> None:
    """Refuse a filter value none of whose entities has the field's type ("--species 'bone marrow'").

    Such a filter could keep only general evidence, so it would answer
    "(none)" without saying why. The message lists values of the right type,
    those whose names hold ``text`` first. Cost: a scan of the entities, on error only.

    Raises:
        UsageError: no entity in ``allowed`` has a type the field holds.
    """
    from msc_graph.errors import UsageError

    types = CONTEXT_TYPES[FILTER_FIELDS[option]]
    entities = resolver.model.entities
    if any(getattr(entities.get(i), "type", None) in types for i in allowed):
        return
    named = [m.label for m in resolver.search(text, 50) if m.type in types]
    others = sorted(
        (e.label for e in entities.values() if e.type in types and e.label not in named), key=str.casefold
    )
    values = list(dict.fromkeys([*named, *others]))
    listed = ", ".join(values[:LISTED_VALUES]) or "none in this graph"
    more = f" ({len(values)} in all)" if len(values) > LISTED_VALUES else ""
    kinds = " or ".join(sorted(t.value for t in types))
    flag = OPTION_NAMES.get(option, f"--{option}")
    also = " (or a disease that one is a model of)" if option == "model" else ""
    raise UsageError(
        f"{flag} {text!r} names {match.label}, a {match.type}; {flag} takes {kinds} entities{also}: "
        f"{listed}{more}"
    )


def _models_of(resolver: Resolves, diseases: frozenset[str]) -> frozenset[str]:
    """Return the disease models (and the models below them) that are a ``model-of`` one of ``diseases``."""
    models = [
        a.subject for a in resolver.model.assertions if a.predicate == "model-of" and a.object in diseases
    ]
    return frozenset(resolver.iter_descendants(models)) if models else frozenset()


def _resolve_study(resolver: Resolves, text: str) -> list[str]:
    """Return the study ids ``text`` names (see :func:`find_studies`)."""
    from msc_graph.errors import UnknownEntityError

    found, close = find_studies(resolver.model.studies, text)
    if not found:
        raise UnknownEntityError(text, close)
    return found


def resolve_review(model: GraphModel, text: str) -> list[str]:
    """Return the ids of the reviews ``text`` names: an id, or a citation such as "Zidan et al., 2023".

    The reviews are the model's (:attr:`GraphModel.reviews`), so a review added
    to the data is known here with no change to the code.

    Raises:
        UsageError: ``text`` names none of them; the message lists them.
    """
    from msc_graph.errors import UsageError

    reviews = model.reviews
    found, close = find_studies(reviews, text)
    if not found:
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        known = ", ".join(reviews) or "none"
        raise UsageError(f"unknown review {text!r}{hint} (the reviews of this graph: {known})")
    return found


def measured_in_compatible(model: GraphModel, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Return False when two pieces of evidence were measured in places that cannot match.

    Each place (a tissue or cell) is placed in the body through the is-a
    hierarchy and the tissues it lies in (``found_in``, curated anatomy):
    spinal dorsal horn in spinal cord in central nervous system; microglia
    in the central nervous system; chondrocytes in cartilage. Two places
    match when one lies in or below the other or both lie in one outermost
    tissue. A place of unknown anatomy (neurons, a cell line) matches
    anything, as does a side that states no place: only known anatomy that
    is disjoint counts against a comparison (spinal cord vs chondrocytes,
    intestine vs cartilage).
    """
    if not first or not second:
        return True
    return any(_places_match(model, a, b) for a in first for b in second)


def _places_match(model: GraphModel, first: str, second: str) -> bool:
    """Return True when two places are related, share an outermost tissue, or one is of unknown anatomy."""
    left, right = _anatomy(model, first), _anatomy(model, second)
    if first in right or second in left:
        return True
    left_roots, right_roots = _outermost(model, left), _outermost(model, right)
    return not left_roots or not right_roots or bool(left_roots & right_roots)


def _anatomy(model: GraphModel, place: str) -> set[str]:
    """Return the place and everything above it through is-a and found_in (cost: the ancestors' count)."""

    def above(current: str) -> tuple[str, ...]:
        entity = model.entities.get(current)
        return (*entity.is_a, *entity.found_in) if entity is not None else ()

    return set(iter_reachable(place, above))


def _outermost(model: GraphModel, places: set[str]) -> set[str]:
    """Return the tissues among ``places`` that lie in no other tissue (the body regions they reach)."""
    roots = set()
    for place in places:
        entity = model.entities.get(place)
        if entity is not None and entity.type is EntityType.TISSUE and not entity.found_in:
            roots.add(place)
    return roots


def filter_model(model: GraphModel, evidence_filter: EvidenceFilter) -> GraphModel:
    """Return the model with only the evidence ``evidence_filter`` matches (assertions left bare go).

    Analyses that read the whole model (gaps) take a basis or context filter this way.
    """
    from dataclasses import replace

    if not evidence_filter.active:
        return model
    kept = []
    for assertion in model.assertions:
        evidence = tuple(e for e in assertion.evidence if evidence_filter.matches(e))
        if evidence:
            kept.append(replace(assertion, evidence=evidence))
    return replace(model, assertions=tuple(kept))
