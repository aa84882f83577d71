"""The prefix map of an import and the CURIE ↔ IRI conversion every reader and the graph share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING

from msc_graph.views.namespaces import IMPORT_PREFIXES as DEFAULT_PREFIXES
from msc_graph.views.namespaces import get_converter

if TYPE_CHECKING:
    import curies
    import pyarrow

IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold as written (N-Triples' IRIREF); an IRI holding one is percent-encoded."""
NAMESPACE_ENDS = "/#_:"
"""What the namespaces of a prefix map end with (all of ours do): see :meth:`Curies.compact`."""
_STEM = re.compile(f".*[{re.escape(NAMESPACE_ENDS)}]", re.DOTALL)
STEMS_HELD = 1 << 16
"""Distinct stems :meth:`Curies.compact` remembers (a file's IRIs share a few; the rest are looked up)."""


class Curies:
    """CURIE ↔ IRI with one prefix map: the import's defaults plus the project's, through ``curies``.

    Expanding keeps an IRI as it is, sends a CURIE of an unknown prefix to
    identifiers.org and percent-encodes what an IRI may not hold; results are
    memoised, since a file repeats its node ids.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = {**DEFAULT_PREFIXES, **prefixes}
        self._expanded: dict[str, str] = {}

    @cached_property
    def _converter(self) -> curies.Converter:
        """The ``curies`` converter, built at first use.

        Why not at once: importing ``curies`` costs ~0.3 s (it brings
        pydantic); an import's first use comes after the store's loader has
        its first piece, so that cost overlaps the load instead of delaying it.
        """
        return get_converter(self.prefixes)

    @cached_property
    def _stems(self) -> dict[str, tuple[int, str] | None] | None:
        """An IRI's stem (up to its last NAMESPACE_ENDS character) → (namespace length, prefix).

        None when a namespace ends elsewhere (:meth:`compact` then asks the trie each time).
        """
        namespaces = [
            uri
            for record in self._converter.records
            for uri in (record.uri_prefix, *record.uri_prefix_synonyms)
        ]
        return {} if all(uri and uri[-1] in NAMESPACE_ENDS for uri in namespaces) else None

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

    def expand_column(self, values: pyarrow.Array) -> pyarrow.Array:
        """Return the IRI of each cell of a string column, exactly as :meth:`expand` gives it.

        Why: an import expands millions of node and publication ids. The
        three rules of :meth:`expand` (an IRI stays, a known prefix becomes
        its namespace, anything else goes to identifiers.org) are applied
        to the whole column in C; only cells whose IRI needs percent-encoding
        go through :meth:`expand` itself.
        """
        import pyarrow
        import pyarrow.compute as pc

        namespaces = {
            prefix: namespace
            for prefix, namespace in self._converter.prefix_map.items()
            if not IRI_UNSAFE.search(namespace)
        }
        parts = pc.extract_regex(values, r"^(?P<prefix>[^:]*):(?P<local>.*)$")
        position = pc.index_in(pc.struct_field(parts, "prefix"), value_set=pyarrow.array(list(namespaces)))
        known = pc.binary_join_element_wise(
            pyarrow.array(list(namespaces.values()), type=pyarrow.string()).take(position),
            pc.struct_field(parts, "local"),
            "",
        )
        is_iri = pc.or_(
            pc.or_(pc.starts_with(values, "http://"), pc.starts_with(values, "https://")),
            pc.starts_with(values, "urn:"),
        )
        expanded = pc.if_else(
            is_iri,
            values,
            pc.coalesce(known, pc.binary_join_element_wise("https://identifiers.org/", values, "")),
        )
        unsafe = pc.match_substring_regex(expanded, IRI_UNSAFE.pattern)
        if not pc.any(unsafe).as_py():
            return expanded
        expand = self.expand
        replacements = [expand(value) for value in values.filter(unsafe).to_pylist()]
        return pc.replace_with_mask(expanded, unsafe, pyarrow.array(replacements, pyarrow.string()))

    def compact(self, iri: str) -> str:
        """Return the CURIE of ``iri`` under the prefix map (longest namespace wins), else the IRI itself.

        Why the stems: ``curies`` walks its trie a character at a time (~10 µs
        an IRI), and an import compacts every node. When every namespace ends
        with one of NAMESPACE_ENDS, the longest one an IRI starts with ends
        within the IRI's stem (the IRI up to its last such character), so one
        look-up per distinct stem gives the namespace of every IRI sharing it.
        """
        stems = self._stems
        if stems is None:  # a namespace ends elsewhere: only the trie knows
            return self._converter.compress(iri) or iri
        match = _STEM.match(iri)
        stem = match.group() if match else ""
        if stem in stems:
            found = stems[stem]
        else:
            parsed = self._converter.parse_uri(stem) if stem else None
            found = None if parsed is None else (len(stem) - len(parsed.identifier), parsed.prefix)
            if len(stems) < STEMS_HELD:
                stems[stem] = found
        if found is None:
            return iri
        length, prefix = found
        return f"{prefix}{self._converter.delimiter}{iri[length:]}"
