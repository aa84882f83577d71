"""Terms a query names that the graph does not have: a typo there is valid SPARQL that matches nothing.

``msc:decrease`` (for ``msc:decreases``) parses, runs and returns no rows, so
the user is never told. :func:`find_unknown_terms` finds the names in our
vocabulary namespace (``msc:``, prefixed or as full IRIs) that the ontology
does not declare, and entity ids the caller's graph does not hold, each with
the closest real ones; the CLI warns and still runs the query.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from msc_graph.query.sparql.guard import Token, iter_tokens
from msc_graph.query.sparql.named import inspect_declared_prefixes
from msc_graph.views.namespaces import ENTITY_IRI, VOCAB_IRI
from msc_graph.views.resolve import find_close_names


@dataclass(frozen=True)
class UnknownTerm:
    """A term a query names that the graph does not have, where it stands, and the closest real ones."""

    text: str
    line: int
    column: int
    suggestions: tuple[str, ...]

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"{self.text} (line {self.line}, column {self.column}) names nothing in the graph{hint}"


def read_vocabulary(ontology_files: Iterable[Path]) -> frozenset[str]:
    """Return the local names the ontology declares in our vocabulary namespace (``msc:``).

    Every ``msc:`` term the RDF view writes is declared there
    (``tests/test_sparql.py`` checks it), so these are all the terms a query
    can find. Cost: parsing the ontology files (a few milliseconds).
    """
    import pyoxigraph

    terms = set()
    for path in ontology_files:
        with path.open("rb") as stream:
            for triple in pyoxigraph.parse(stream, pyoxigraph.RdfFormat.TURTLE):
                subject = triple.subject
                if isinstance(subject, pyoxigraph.NamedNode) and subject.value.startswith(VOCAB_IRI):
                    terms.add(subject.value[len(VOCAB_IRI) :])
    return frozenset(terms)


def find_unknown_terms(
    text: str,
    prefixes: Mapping[str, str],
    vocabulary: Collection[str],
    entities: Collection[str] | None = None,
) -> list[UnknownTerm]:
    """Return the ``msc:`` terms (and, given ``entities``, the entity ids) ``text`` names that do not exist.

    A prefix the query declares itself counts as declared (``PREFIX msc:
    <http://example.org/>`` is not ours). Each term is reported once, at its
    first use. Cost: linear in the text, plus one rapidfuzz pass over the
    known names per unknown term.
    """
    tokens = [t for t in iter_tokens(text) if t.kind != "comment"]
    declared = {**prefixes, **inspect_declared_prefixes(tokens)}
    namespaces: dict[str, Collection[str]] = {VOCAB_IRI: vocabulary}
    if entities is not None:
        namespaces[ENTITY_IRI] = entities
    found: dict[str, UnknownTerm] = {}
    for token in tokens:
        iri, prefix = _named_iri(token, declared)
        for namespace, known in namespaces.items():
            local = iri.removeprefix(namespace) if iri and iri.startswith(namespace) else ""
            if not local or local in known or iri in found:
                continue
            close = find_close_names(local, known)
            suggestions = tuple(f"{prefix}:{c}" if prefix else f"<{namespace}{c}>" for c in close)
            written = f"{prefix}:{local}" if prefix else f"<{iri}>"
            found[iri] = UnknownTerm(written, token.line, token.column, suggestions)
    return list(found.values())


def _named_iri(token: Token, prefixes: Mapping[str, str]) -> tuple[str, str]:
    """Return the IRI a token names and the prefix it was written with ("" for an IRI or no term)."""
    if token.kind == "iri":
        return token.text[1:-1], ""
    if token.kind != "word" or ":" not in token.text:
        return "", ""
    prefix, _, local = token.text.partition(":")
    local = local.rstrip(".")  # a prefixed name never ends in a dot: that one ends the triple
    namespace = prefixes.get(prefix)
    return (namespace + local, prefix) if namespace is not None and local else ("", "")
