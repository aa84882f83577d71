"""Context filters: which evidence counts, by species, source, preparation, model, route, study.

A filter on a general value includes everything below it in the is-a
hierarchy: ``--preparation "extracellular vesicles"`` keeps exosome evidence,
``--source "bone marrow-derived MSCs"`` keeps rat and mouse bone marrow MSCs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from msc_graph.model import Evidence
from msc_graph.resolve import Resolver

FILTER_FIELDS = {
    "species": "species",
    "msc_source": "msc_source",
    "preparation": "preparation",
    "model": "disease_model",
    "route": "route",
}
"""Filter option name → Context field it constrains."""


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

    @property
    def active(self) -> bool:
        """Return True when at least one constraint is set."""
        return any(getattr(self, item.name) is not None for item in fields(self))

    def matches(self, evidence: Evidence) -> bool:
        """Return True when ``evidence`` satisfies every constraint.

        Evidence that does not state a constrained field does not match: a
        filter asks for evidence known to be in that context.
        """
        for name in FILTER_FIELDS.values():
            allowed = getattr(self, name)
            if allowed is not None and getattr(evidence.context, name) not in allowed:
                return False
        if self.studies is not None and evidence.study not in self.studies:
            return False
        return self.read_in is None or evidence.read_in in self.read_in

    def as_dict(self) -> dict[str, list[str]]:
        """Return the active constraints as sorted lists (for JSON output)."""
        return {
            item.name: sorted(getattr(self, item.name))
            for item in fields(self)
            if getattr(self, item.name) is not None
        }


def build_filter(resolver: Resolver, values: Mapping[str, str | None]) -> EvidenceFilter:
    """Resolve filter option values (free text) into an EvidenceFilter.

    Keys are the option names of FILTER_FIELDS plus ``study`` and ``read_in``.

    Raises:
        UnknownEntityError / AmbiguousEntityError: a value names no (or several) entities.
    """
    constraints: dict[str, frozenset[str]] = {}
    for option, field_name in FILTER_FIELDS.items():
        text = values.get(option)
        if text:
            match = resolver.resolve(text)
            constraints[field_name] = frozenset(resolver.iter_descendants([match.id]))
    study = values.get("study")
    if study:
        constraints["studies"] = frozenset(_resolve_study(resolver, study))
    read_in = values.get("read_in")
    if read_in:
        constraints["read_in"] = frozenset(_resolve_study(resolver, read_in))
    return EvidenceFilter(**constraints)


def _resolve_study(resolver: Resolver, text: str) -> list[str]:
    """Return the study ids ``text`` names: an id, or a citation such as "Gao et al., 2023a"."""
    from msc_graph.errors import UnknownEntityError
    from msc_graph.names import normalise_name

    studies = resolver.model.studies
    if text in studies:
        return [text]
    key = normalise_name(text)
    found = [s.id for s in studies.values() if key in (normalise_name(s.citation), normalise_name(s.id))]
    if not found:
        found = [s.id for s in studies.values() if key and key in normalise_name(s.citation)]
    if not found:
        import difflib

        close = difflib.get_close_matches(text, [*studies, *(s.citation for s in studies.values())])
        raise UnknownEntityError(text, close)
    return found
