"""Every namespace and default prefix map of the package, and CURIE ↔ IRI through ``curies``.

The one place namespaces are written: ours (``BASE_IRI`` and the IRIs below
it), the W3C and OBO ones the RDF layout uses, and the two default prefix
maps (what a SPARQL query may use undeclared, and what every import knows).
CURIEs expand and compact through a ``curies.Converter`` built once per
prefix map; ``curies`` is imported on first use, so commands that never
convert a CURIE do not pay for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import curies

BASE_IRI = "https://w3id.org/msc-graph/"
VOCAB_IRI = BASE_IRI + "vocab#"
ENTITY_IRI = BASE_IRI + "entity/"
STUDY_IRI = BASE_IRI + "study/"
ASSERTION_IRI = BASE_IRI + "assertion/"
EVIDENCE_IRI = BASE_IRI + "evidence/"
COMPONENT_IRI = BASE_IRI + "component/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
BIBO = "http://purl.org/ontology/bibo/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#"
BIOLINK = "https://w3id.org/biolink/vocab/"
ECO_IRI = "http://purl.obolibrary.org/obo/ECO_"
"""Where ECO classes live, used when a project's prefix map lacks ECO."""

QUERY_PREFIXES = {
    "msc": VOCAB_IRI,
    "entity": ENTITY_IRI,
    "study": STUDY_IRI,
    "assertion": ASSERTION_IRI,
    "evidence": EVIDENCE_IRI,
    "component": COMPONENT_IRI,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "bibo": BIBO,
    "oboInOwl": OBO_IN_OWL,
}
"""Prefixes a SPARQL query may use undeclared when no project prefix map is at hand (``--endpoint``)."""

IMPORT_PREFIXES = {
    "biolink": BIOLINK,
    "infores": "https://w3id.org/information-resource/",
    "RO": "http://purl.obolibrary.org/obo/RO_",
    "BFO": "http://purl.obolibrary.org/obo/BFO_",
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "owl": OWL,
    "oboInOwl": OBO_IN_OWL,
    "msc": VOCAB_IRI,
}
"""Prefixes every import knows; the project's ontology/prefixes.json adds to them."""


def get_converter(prefixes: Mapping[str, str]) -> curies.Converter:
    """Return the ``curies.Converter`` of a prefix map, built once per distinct map."""
    return _build_converter(tuple(sorted(prefixes.items())))


@lru_cache(maxsize=16)
def _build_converter(items: tuple[tuple[str, str], ...]) -> curies.Converter:
    import curies

    return curies.Converter.from_prefix_map(dict(items))


def expand_curie(curie: str, prefixes: Mapping[str, str]) -> str | None:
    """Return the full IRI of a CURIE, or None when it has no known prefix."""
    if ":" not in curie:
        return None
    expanded: str | None = get_converter(prefixes).expand(curie)
    return expanded


def compact_iri(iri: str, prefixes: Mapping[str, str]) -> str | None:
    """Return the CURIE of an IRI (the longest matching namespace wins), or None when none matches."""
    compressed: str | None = get_converter(prefixes).compress(iri)
    return compressed
