"""The prefix map of an import and the CURIE ↔ IRI conversion every reader and the graph share."""

from __future__ import annotations

import re
from collections.abc import Mapping

from msc_graph.views.namespaces import IMPORT_PREFIXES as DEFAULT_PREFIXES
from msc_graph.views.namespaces import get_converter

IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold as written (N-Triples' IRIREF); an IRI holding one is percent-encoded."""


class Curies:
    """CURIE ↔ IRI with one prefix map: the import's defaults plus the project's, through ``curies``.

    Expanding keeps an IRI as it is, sends a CURIE of an unknown prefix to
    identifiers.org and percent-encodes what an IRI may not hold; results are
    memoised, since a file repeats its node ids.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = {**DEFAULT_PREFIXES, **prefixes}
        self._converter = get_converter(self.prefixes)
        self._expanded: dict[str, str] = {}

    def expand(self, curie: str) -> str:
        """Return the IRI of ``curie``; unknown prefixes go to identifiers.org, IRIs stay as they are."""
        found = self._expanded.get(curie)
        if found is None:
            if curie.startswith(("http://", "https://", "urn:")):
                found = curie
            else:
                expanded = self._converter.expand(curie) if ":" in curie else None
                found = expanded or "https://identifiers.org/" + curie
            if IRI_UNSAFE.search(found):
                from urllib.parse import quote

                found = quote(found, safe=":/#?&=;%@+,~!$*'()[]")
            self._expanded[curie] = found
        return found

    def compact(self, iri: str) -> str:
        """Return the CURIE of ``iri`` under the prefix map (longest namespace wins), else the IRI itself."""
        compressed: str | None = self._converter.compress(iri)
        return compressed or iri
