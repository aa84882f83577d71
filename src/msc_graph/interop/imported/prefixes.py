"""The prefix map of an import and the CURIE ↔ IRI conversion every reader and the graph share."""

from __future__ import annotations

import re
from collections.abc import Mapping

from msc_graph.config import VOCAB_IRI
from msc_graph.views.rdf import OWL, RDF, RDFS, SKOS

OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#"
BIOLINK = "https://w3id.org/biolink/vocab/"

DEFAULT_PREFIXES = {
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

IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold as written (N-Triples' IRIREF); an IRI holding one is percent-encoded."""


class Curies:
    """CURIE ↔ IRI with one prefix map (longest namespace wins when compacting)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = {**DEFAULT_PREFIXES, **prefixes}
        self._namespaces = {namespace: prefix for prefix, namespace in self.prefixes.items()}
        self._expanded: dict[str, str] = {}

    def expand(self, curie: str) -> str:
        """Return the IRI of ``curie``; unknown prefixes go to identifiers.org, IRIs stay as they are."""
        found = self._expanded.get(curie)
        if found is None:
            prefix, colon, local = curie.partition(":")
            if curie.startswith(("http://", "https://", "urn:")):
                found = curie
            elif colon and prefix in self.prefixes:
                found = self.prefixes[prefix] + local
            else:
                found = "https://identifiers.org/" + curie
            if IRI_UNSAFE.search(found):
                from urllib.parse import quote

                found = quote(found, safe=":/#?&=;%@+,~!$*'()[]")
            self._expanded[curie] = found
        return found

    def compact(self, iri: str) -> str:
        """Return the CURIE of ``iri`` under the prefix map, else the IRI itself."""
        end = len(iri)
        for _ in range(4):
            cut = max(iri.rfind(sep, 0, end) for sep in "/#_:")
            if cut <= 0:
                break
            prefix = self._namespaces.get(iri[: cut + 1])
            if prefix is not None:
                return f"{prefix}:{iri[cut + 1 :]}"
            end = cut
        return iri
