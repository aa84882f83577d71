"""Named queries: the ``.rq`` files shipped in ``msc_graph/queries/``, their headers and parameters.

A named query declares a title, a description and its parameters in a
comment header; each parameter is bound by replacing the one term of its
``VALUES ?name { default }`` clause (:func:`bind_parameters`), so a value can
never change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from msc_graph.errors import QueryError
from msc_graph.query.sparql.guard import Token, iter_tokens
from msc_graph.views.namespaces import QUERY_PREFIXES
from msc_graph.views.rdf import escape_literal

if TYPE_CHECKING:
    from msc_graph.views.graphs import Views


@dataclass(frozen=True)
class QueryParam:
    """A parameter of a named query: its name, default value and meaning."""

    name: str
    default: str
    meaning: str


@dataclass(frozen=True)
class NamedQuery:
    """A shipped ``.rq`` query with the title, description and parameters of its header."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str

    def bind(
        self,
        values: Mapping[str, str] | None = None,
        prefixes: Mapping[str, str] | None = None,
        resolve: Resolve | None = None,
    ) -> str:
        """Return the query text with its parameters bound (defaults where not given).

        See :func:`bind_parameters`; ``resolve`` turns names into IRIs (labels, synonyms).

        Raises:
            QueryError: a value names no parameter of this query, or is not a valid IRI.
        """
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            listed = ", ".join(sorted(known)) or "none"
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)} (parameters: {listed})"
            )
        if not self.params:
            return self.text
        return bind_parameters(
            self.text,
            {p.name: values.get(p.name, p.default) for p in self.params},
            QUERY_PREFIXES if prefixes is None else prefixes,
            resolve,
        )


_VARNAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read the ``# title:``, ``# description:`` and ``# param:`` header of a ``.rq`` file.

    A parameter line is ``# param: NAME DEFAULT — meaning``; the default runs
    up to the em dash and may contain spaces.

    Raises:
        QueryError: the header has no title or a malformed parameter line.
    """
    title, description, params = "", [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        key, _, value = line.lstrip("#").strip().partition(":")
        value = value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        elif key == "param":
            head, dash, meaning = value.partition(" — ")
            param_name, _, default = head.strip().partition(" ")
            if not dash or not _VARNAME_RE.match(param_name):
                raise QueryError(
                    f"named query {name!r}: malformed parameter line {raw.strip()!r} "
                    "(expected '# param: NAME DEFAULT — meaning')"
                )
            params.append(QueryParam(param_name, default.strip(), meaning.strip()))
    if not title:
        raise QueryError(f"named query {name!r} has no '# title:' line")
    return NamedQuery(name, title, " ".join(description), tuple(params), text)


def iter_named_queries() -> Iterator[NamedQuery]:
    """Yield the named queries shipped in ``msc_graph/queries/``, sorted by name."""
    from importlib.resources import files

    folder = files("msc_graph") / "queries"
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".rq")), key=lambda e: e.name[:-3])
    for entry in entries:
        yield parse_named_query(entry.name[:-3], entry.read_text(encoding="utf-8"))


def find_named_query(name: str) -> NamedQuery:
    """Return the named query called ``name``.

    Raises:
        QueryError: no such query (the message lists the closest names).
    """
    import difflib

    queries = {q.name: q for q in iter_named_queries()}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; see `mscgraph query --list`"
    raise QueryError(f"unknown named query {name!r}{hint}")


def sparql_string(value: str) -> str:
    """Return ``value`` as a SPARQL string literal, every character that could end it escaped."""
    escaped = escape_literal(value, also="\t\b\f")
    return f'"{escaped}"'


Resolve = Callable[[str, str], str]
"""Turns a parameter's text into an IRI, given the namespace of its default (e.g. entity/)."""


def resolve_parameter(views: Views) -> Resolve:
    """Return how a named query's parameters name things in ``views``.

    Entities by id, label, synonym or CURIE (:meth:`Resolver.resolve`, among
    an import's nodes on an imported graph); studies by id or citation
    (:func:`msc_graph.views.resolve.find_studies`, the one rule for finding a
    study) where studies are records; anything else as a CURIE, an IRI or an
    id in the parameter's namespace.

    Raises (from the returned function):
        UnknownEntityError: no entity or study has that name (with the closest ones).
        AmbiguousEntityError: the name fits several equally well.
    """
    from msc_graph.errors import AmbiguousEntityError, UnknownEntityError
    from msc_graph.views.namespaces import ENTITY_IRI, STUDY_IRI
    from msc_graph.views.resolve import find_studies

    def resolve(text: str, namespace: str) -> str:
        if namespace == ENTITY_IRI:
            name = text.removeprefix("entity:") if views.studies_are_records else text
            return views.entity_iri(views.resolver.resolve(name).id)
        if namespace == STUDY_IRI and views.studies_are_records:
            found, close = find_studies(views.model.studies, text.removeprefix("study:").strip())
            if len(found) > 1:
                raise AmbiguousEntityError(text, found)
            if not found:
                raise UnknownEntityError(text, close)
            return STUDY_IRI + found[0]
        prefix, _, local = text.partition(":")
        if prefix in views.prefixes and local:
            return views.prefixes[prefix] + local
        return namespace + text

    return resolve


_IRI_SAFE_RE = re.compile(r'^[^<>"{}|^`\\\x00-\x20]+$')
_ABSOLUTE_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]")


def bind_parameters(
    text: str, values: Mapping[str, str], prefixes: Mapping[str, str], resolve: Resolve | None = None
) -> str:
    """Bind each parameter by replacing the term of its ``VALUES ?name { default }`` clause.

    A named query states where a parameter applies with a one-value VALUES
    clause, so the file runs as it stands with its default. The default's kind
    decides the value's: a string literal takes the text as an escaped literal
    (:func:`sparql_string`); an IRI (``entity:pain``, ``study:ferrini-2025``)
    takes an IRI, resolved by ``resolve`` (labels, synonyms, CURIEs) when given,
    else read as a full IRI, a CURIE or an id in the default's namespace, and
    checked to hold no character that could end it. Nothing is spliced as raw
    text, so a value cannot change the query's structure. Tokens come from
    :func:`iter_tokens`, so a look-alike in a comment or string is not touched.

    Raises:
        QueryError: a parameter has no one-value VALUES clause, or a value is no valid IRI.
    """
    tokens = [t for t in iter_tokens(text) if t.kind != "comment"]
    spans: dict[str, Token] = {}
    for index in range(len(tokens) - 4):
        keyword, var, opening, term, closing = tokens[index : index + 5]
        if (
            keyword.keyword == "VALUES"
            and var.kind == "var"
            and opening.text == "{"
            and closing.text == "}"
            and (term.kind in ("string", "iri") or (term.kind == "word" and ":" in term.text))
        ):
            spans.setdefault(var.text[1:], term)
    missing = sorted(set(values) - set(spans))
    if missing:
        raise QueryError(
            f"cannot bind {', '.join(missing)}: the query has no one-value "
            f"VALUES ?{missing[0]} {{ ... }} clause for it"
        )
    declared = {**prefixes, **inspect_declared_prefixes(tokens)}
    for name in sorted(values, key=lambda n: spans[n].start, reverse=True):
        term = spans[name]
        if term.kind == "string":
            replacement = sparql_string(values[name])
        else:
            default = _expand(term.text, declared)
            cut = max(default.rfind("/"), default.rfind("#")) + 1
            replacement = f"<{to_iri(values[name], default[:cut], declared, resolve)}>"
        text = text[: term.start] + replacement + text[term.end :]
    return text


def inspect_declared_prefixes(tokens: Sequence[Token]) -> dict[str, str]:
    """Return the ``PREFIX name: <iri>`` declarations among ``tokens``."""
    declared = {}
    for index in range(len(tokens) - 2):
        if (
            tokens[index].keyword == "PREFIX"
            and tokens[index + 1].text.endswith(":")
            and tokens[index + 2].kind == "iri"
        ):
            declared[tokens[index + 1].text[:-1]] = tokens[index + 2].text[1:-1]
    return declared


def _expand(term: str, prefixes: Mapping[str, str]) -> str:
    if term.startswith("<"):
        return term[1:-1]
    prefix, _, local = term.partition(":")
    if prefix not in prefixes:
        raise QueryError(f"unknown prefix {prefix!r} in {term}")
    return prefixes[prefix] + local


def to_iri(value: str, namespace: str, prefixes: Mapping[str, str], resolve: Resolve | None = None) -> str:
    """Return the IRI a parameter's text names, checked to be a well-formed IRI reference.

    Order: ``<iri>`` or an absolute IRI (``https://...``) as given; else
    ``resolve(value, namespace)`` when a resolver is given; else a CURIE with a
    known prefix; else an id in ``namespace``.

    Raises:
        QueryError: the result holds a character an IRI may not contain (space, quote, ``>`` ...).
        UnknownEntityError: from ``resolve``, when the name matches nothing.
    """
    text = value.strip()
    bracketed = text.startswith("<") and text.endswith(">")
    if bracketed:
        text = text[1:-1]
    prefix = text.partition(":")[0]
    if bracketed or ("://" in text and _ABSOLUTE_IRI_RE.match(text)):
        iri = text
    elif resolve is not None:
        iri = resolve(text, namespace)
    elif ":" in text and prefix in prefixes:
        iri = prefixes[prefix] + text.partition(":")[2]
    else:
        iri = namespace + text
    if not _IRI_SAFE_RE.match(iri):
        raise QueryError(
            f"{value!r} is not a valid IRI or id (spaces, quotes and <>{{}}|^`\\ "
            "are not allowed; give an id, a CURIE or a full IRI)"
        )
    return iri
