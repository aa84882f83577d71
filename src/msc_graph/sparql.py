"""SPARQL over the graph: a read-only guard, predeclared prefixes, named queries, local or remote.

Every query, whether typed by a user, shipped as a named ``.rq`` file, posted
to ``mscgraph serve`` or sent to a remote endpoint, goes through
:func:`prepare_query` first:

1. A SPARQL tokenizer (strings, long strings, IRIs, comments, variables and
   prefixed names, as the grammar's terminals define them) finds the operation.
   SPARQL Update verbs, ``SERVICE`` and ``FROM`` / ``FROM NAMED`` with an IRI
   that could be read from a file or the network are refused. A keyword inside
   a string, an IRI or a comment is not a keyword, so it is not refused.
2. The prefixes of ``ontology/prefixes.json`` that the query uses but does not
   declare are prepended as ``PREFIX`` lines (so the same text works on any
   endpoint); error positions are mapped back to the user's own lines.
3. rdflib's SPARQL parser gives a second opinion on the structure: an update
   that it parses, or a ``ServiceGraphPattern`` anywhere in its parse tree, is
   refused even if the tokenizer missed it.

Queries then run on pyoxigraph (or over HTTP) in a worker thread with a
deadline. pyoxigraph has no native timeout but releases the GIL while it
evaluates, so the caller regains control at the deadline and the worker stops
at its next row; a query stuck inside one long step (a big sort or aggregate)
is abandoned and finishes in the background (``serve`` bounds how many may run
at once). Results are capped at ``limit`` rows; ``QueryResult.truncated``
says when the cap cut them.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from msc_graph.constants import (
    ASSERTION_IRI,
    BASE_IRI,
    ENTITY_IRI,
    EVIDENCE_IRI,
    STUDY_IRI,
    VOCAB_IRI,
)
from msc_graph.errors import QueryError

if TYPE_CHECKING:
    import pyoxigraph

T = TypeVar("T")

DEFAULT_LIMIT = 10_000
"""Most result rows (or triples) a query returns unless ``--limit`` says otherwise (0: no cap)."""
DEFAULT_TIMEOUT_S = 30.0
"""Seconds a query may run unless ``--timeout`` says otherwise (0 disables the deadline)."""
MAX_RUNNING = 4
"""Queries ``serve`` runs at once, timed-out ones still finishing included."""

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}
)
"""Words that only occur in SPARQL Update; none of them can appear bare in a valid query."""
LOCAL_GRAPH_PREFIXES = (BASE_IRI, "urn:")
"""FROM / FROM NAMED may name graphs in our namespace or ``urn:`` graphs: names, not locations."""

RESULT_FORMATS = ("text", "json", "csv", "tsv", "ttl", "nt")
"""Output formats: text for people; SPARQL JSON / CSV / TSV results; Turtle and N-Triples graphs."""
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
}

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

DEFAULT_PREFIXES = {
    "msc": VOCAB_IRI,
    "entity": ENTITY_IRI,
    "study": STUDY_IRI,
    "assertion": ASSERTION_IRI,
    "evidence": EVIDENCE_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oboInOwl": "http://www.geneontology.org/formats/oboInOwl#",
}
"""Prefixes used when no project prefix map is at hand (e.g. ``--endpoint`` outside a checkout)."""


class RefusedQueryError(QueryError):
    """The query would change the graph or reach outside it (update, SERVICE, remote FROM)."""


class QueryTimeoutError(QueryError):
    """The query ran past its deadline and was stopped."""


class QueryBusyError(QueryError):
    """Too many queries are running at once (``serve``); the caller should retry later."""


# ---------------------------------------------------------------------------------------------
# Tokenizer


@dataclass(frozen=True)
class Token:
    """One lexical token of a SPARQL text, with its position (1-based line and column)."""

    kind: str
    """``word``, ``var``, ``iri``, ``string``, ``comment`` or ``punct``."""
    text: str
    start: int
    end: int
    line: int
    column: int

    @property
    def keyword(self) -> str | None:
        """Return the upper-cased word when it could be a keyword (not a prefixed name)."""
        if self.kind != "word" or ":" in self.text:
            return None
        return _decode_codepoints(self.text).upper()


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
             |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             |'(?:[^'\\\n\r]|\\.)*'
             |"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<word>[^\s<>"'{}()\[\],;\#=!&|*+/^?$]+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_codepoints(text: str) -> str:
    r"""Expand ``\uXXXX`` escapes, as some SPARQL engines do before parsing (so none hides a keyword)."""
    return _CODEPOINT_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield the tokens of a SPARQL text, whitespace left out; words split at dots.

    A word without a colon is split at its dots (``}.SERVICE`` is a dot and a
    keyword), a word with one is a prefixed name and kept whole, as the
    grammar's PN_LOCAL allows inner dots. Unterminated strings fall apart into
    punctuation and words, so a keyword after them is still seen.
    Cost: linear in the length of the text.
    """
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def make(kind: str, value: str, start: int) -> Token:
        line = bisect.bisect_right(line_starts, start)
        return Token(kind, value, start, start + len(value), line, start - line_starts[line - 1] + 1)

    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "punct"
        if kind == "ws":
            continue
        value, start = match.group(), match.start()
        if kind == "word" and ":" not in value and "." in value:
            offset = 0
            for part in re.split(r"(\.)", value):
                if part:
                    yield make("punct" if part == "." else "word", part, start + offset)
                offset += len(part)
            continue
        yield make(kind, value, start)


# ---------------------------------------------------------------------------------------------
# Guard and preparation


@dataclass(frozen=True)
class QueryShape:
    """What the tokenizer learned about a query: its form and the prefixes it declares and uses."""

    form: str
    declared_prefixes: frozenset[str]
    used_prefixes: frozenset[str]


@dataclass(frozen=True)
class PreparedQuery:
    """A query that passed the guard, with the missing PREFIX lines prepended."""

    text: str
    """The full text sent to the engine."""
    form: str
    """SELECT, CONSTRUCT, DESCRIBE or ASK."""
    shift: int = 0
    """Lines prepended before the user's first line (to map error positions back)."""

    @property
    def is_graph(self) -> bool:
        """Return True for CONSTRUCT and DESCRIBE (their result is a graph, not a table)."""
        return self.form in GRAPH_FORMS


def _refuse(message: str, token: Token | None = None) -> RefusedQueryError:
    if token is None:
        return RefusedQueryError(message)
    return RefusedQueryError(message, token.line, token.column)


def inspect_query(text: str, prefixes: Mapping[str, str] | None = None) -> QueryShape:
    """Return the form and prefixes of a query; refuse updates, SERVICE and non-local FROM.

    Args:
        text: the query as the user wrote it.
        prefixes: predeclared prefixes, used to expand a prefixed name after FROM.

    Raises:
        RefusedQueryError: an update verb, SERVICE, or FROM / FROM NAMED with an IRI that is
            not a local graph name (``urn:`` or under ``https://w3id.org/msc-graph/``).
        QueryError: no SELECT, CONSTRUCT, DESCRIBE or ASK.
    """
    tokens = [t for t in iter_tokens(text) if t.kind != "comment"]
    declared: dict[str, str] = {}
    used: set[str] = set()
    form: str | None = None
    for index, token in enumerate(tokens):
        keyword = token.keyword
        if keyword in UPDATE_KEYWORDS:
            raise _refuse(f"SPARQL Update ({keyword}) is refused: the graph is read-only", token)
        if keyword == "SERVICE":
            raise _refuse("SERVICE is refused: queries may not call other endpoints", token)
        if keyword == "PREFIX" and index + 2 < len(tokens) and tokens[index + 1].kind == "word":
            name = tokens[index + 1].text
            if name.endswith(":") and tokens[index + 2].kind == "iri":
                declared[name[:-1]] = tokens[index + 2].text[1:-1]
        elif keyword == "FROM":
            _check_from(tokens, index, {**(prefixes or {}), **declared})
        elif keyword in QUERY_FORMS and form is None:
            form = keyword
        elif token.kind == "word" and ":" in token.text and not token.text.startswith("_:"):
            used.add(token.text.split(":", 1)[0])
    if form is None:
        first = next(
            (
                t
                for t in tokens
                if t.keyword not in ("PREFIX", "BASE")
                and t.kind != "iri"
                and not (t.kind == "word" and t.text.endswith(":"))
            ),
            None,
        )
        raise QueryError(
            "not a SPARQL query: expected SELECT, CONSTRUCT, DESCRIBE or ASK",
            first.line if first else None,
            first.column if first else None,
        )
    return QueryShape(form, frozenset(declared), frozenset(used))


def _check_from(tokens: Sequence[Token], index: int, prefixes: Mapping[str, str]) -> None:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.keyword == "NAMED":
        following = tokens[index + 2] if index + 2 < len(tokens) else None
    if following is None:
        return
    if following.kind == "iri":
        iri: str | None = _decode_codepoints(following.text[1:-1])
    elif following.kind == "word" and ":" in following.text:
        prefix, _, local = following.text.partition(":")
        namespace = prefixes.get(prefix)
        iri = namespace + local if namespace is not None else None
    else:
        return  # not an IRI: the parser reports the syntax error
    if iri is None or not iri.startswith(LOCAL_GRAPH_PREFIXES):
        raise _refuse(
            f"FROM {following.text} is refused: a dataset clause may make an engine "
            "read a file or the network; only local graph names (urn: or "
            f"{BASE_IRI}...) are allowed",
            following,
        )


def prepare_query(text: str, prefixes: Mapping[str, str]) -> PreparedQuery:
    """Check a query and prepend the PREFIX lines it needs; the one gate every query passes.

    Raises:
        RefusedQueryError: the guard refused it (see :func:`inspect_query`); also when rdflib's
            parser reads it as an update or finds a SERVICE pattern in it.
        QueryError: not a query.
    """
    shape = inspect_query(text, prefixes)
    missing = sorted(p for p in shape.used_prefixes - shape.declared_prefixes if p in prefixes)
    head = "".join(f"PREFIX {p}: <{prefixes[p]}>\n" for p in missing)
    full = head + text
    _check_parse_tree(full)
    return PreparedQuery(full, shape.form, len(missing))


def _check_parse_tree(text: str) -> None:
    """Refuse what rdflib's SPARQL parser sees as an update or a SERVICE pattern.

    A query rdflib cannot parse at all is left to the engine's own parser (the
    tokenizer has already refused every update verb and SERVICE keyword).
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException:
        try:
            parseUpdate(text)
        except ParseException:
            return
        raise _refuse("SPARQL Update is refused: the graph is read-only") from None
    except Exception:  # rdflib's parser has other failure modes; pyoxigraph decides
        return
    _walk_parse_tree(tree)


def _walk_parse_tree(node: Any) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                raise _refuse("SERVICE is refused: queries may not call other endpoints")
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)


# ---------------------------------------------------------------------------------------------
# Named queries


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
            DEFAULT_PREFIXES if prefixes is None else prefixes,
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
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\b", "\\b")
        .replace("\f", "\\f")
    )
    return f'"{escaped}"'


Resolve = Callable[[str, str], str]
"""Turns a parameter's text into an IRI, given the namespace of its default (e.g. entity/)."""

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


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class ResultTerm:
    """An RDF term of a query result, independent of the engine that produced it."""

    kind: str
    """``uri``, ``literal``, ``bnode`` or ``triple`` (the names of SPARQL JSON results)."""
    value: str
    datatype: str | None = None
    language: str | None = None

    def to_json(self) -> dict[str, str]:
        """Return the term as a SPARQL 1.1 Query Results JSON binding."""
        out = {"type": self.kind, "value": self.value}
        if self.language:
            out["xml:lang"] = self.language
        elif self.kind == "literal" and self.datatype and self.datatype != XSD_STRING:
            out["datatype"] = self.datatype
        return out

    def to_ntriples(self) -> str:
        """Return the term in N-Triples / Turtle syntax (used by TSV results)."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        if self.kind == "triple":
            return self.value
        escaped = (
            self.value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if self.language:
            return f'"{escaped}"@{self.language}'
        if self.datatype and self.datatype not in (XSD_STRING, RDF_LANG_STRING):
            return f'"{escaped}"^^<{self.datatype}>'
        return f'"{escaped}"'

    def to_csv(self) -> str:
        """Return the term as a CSV result cell (IRIs and literals bare, blank nodes ``_:``)."""
        return f"_:{self.value}" if self.kind == "bnode" else self.value

    def compact(self, prefixes: Mapping[str, str]) -> str:
        """Return a short human form: a CURIE for an IRI in a known namespace, else the value."""
        if self.kind == "uri":
            best = max(
                (p for p, ns in prefixes.items() if self.value.startswith(ns)),
                key=lambda p: len(prefixes[p]),
                default=None,
            )
            if best is not None:
                local = self.value[len(prefixes[best]) :]
                if re.fullmatch(r"[\w.\-]*", local) and not local.endswith("."):
                    return f"{best}:{local}"
            return f"<{self.value}>"
        return self.to_csv()


RowValues = list[ResultTerm | None]
TripleValues = tuple[ResultTerm, ResultTerm, ResultTerm]


@dataclass(frozen=True)
class QueryResult:
    """The result of one query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[RowValues] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[TripleValues] = field(default_factory=list)
    truncated: bool = False
    """True when ``limit`` cut the result: more rows (or triples) exist."""
    limit: int | None = None

    @property
    def is_graph(self) -> bool:
        """Return True for CONSTRUCT and DESCRIBE results."""
        return self.form in GRAPH_FORMS

    def table(self) -> tuple[list[str], list[RowValues]]:
        """Return the result as columns and rows (a graph as subject / predicate / object rows)."""
        if self.is_graph:
            return ["subject", "predicate", "object"], [list(t) for t in self.triples]
        if self.form == "ASK":
            return ["boolean"], [[ResultTerm("literal", str(bool(self.boolean)).lower(), XSD + "boolean")]]
        return self.variables, self.rows

    def records(self) -> list[dict[str, str]]:
        """Return the rows as dicts of variable → plain value (unbound variables left out)."""
        columns, rows = self.table()
        return [{c: v.value for c, v in zip(columns, row, strict=True) if v is not None} for row in rows]


def _from_oxigraph(term: Any) -> ResultTerm:
    kind = type(term).__name__  # no import per row: this runs once per result cell
    if kind == "NamedNode":
        return ResultTerm("uri", term.value)
    if kind == "BlankNode":
        return ResultTerm("bnode", term.value)
    if kind == "Literal":
        return ResultTerm("literal", term.value, term.datatype.value, term.language)
    return ResultTerm("triple", str(term))


def _to_oxigraph(term: ResultTerm) -> Any:
    import pyoxigraph

    if term.kind == "uri":
        return pyoxigraph.NamedNode(term.value)
    if term.kind == "bnode":
        return pyoxigraph.BlankNode(term.value)
    if term.kind == "literal":
        if term.language:
            return pyoxigraph.Literal(term.value, language=term.language)
        datatype = pyoxigraph.NamedNode(term.datatype) if term.datatype else None
        return pyoxigraph.Literal(term.value, datatype=datatype)
    raise QueryError("quoted triples cannot be serialised as Turtle here; use -f nt or json")


def serialize_result(result: QueryResult, fmt: str, prefixes: Mapping[str, str]) -> str:
    """Return a result in a W3C format: ``json``, ``csv``, ``tsv``, or ``ttl`` / ``nt`` for graphs.

    JSON, CSV and TSV follow the SPARQL 1.1 Query Results formats (a graph
    result becomes subject / predicate / object rows; an ASK result a single
    ``boolean`` in JSON, a one-cell table in CSV and TSV).

    Raises:
        QueryError: ``ttl`` / ``nt`` asked of a table result, or an unknown format.
    """
    if fmt in ("ttl", "nt"):
        if not result.is_graph:
            raise QueryError(
                f"-f {fmt} needs a CONSTRUCT or DESCRIBE query; use text, json, csv or tsv for SELECT and ASK"
            )
        return _serialize_graph(result.triples, fmt, prefixes)
    columns, rows = result.table()
    if fmt == "json":
        payload: dict[str, Any]
        if result.form == "ASK":
            payload = {"head": {}, "boolean": bool(result.boolean)}
        else:
            payload = {
                "head": {"vars": columns},
                "results": {
                    "bindings": [
                        {c: v.to_json() for c, v in zip(columns, row, strict=True) if v is not None}
                        for row in rows
                    ]
                },
            }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([v.to_csv() if v is not None else "" for v in row] for row in rows)
        return stream.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in columns)]
        lines += ["\t".join(v.to_ntriples() if v is not None else "" for v in row) for row in rows]
        return "\n".join(lines) + "\n"
    raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")


def _serialize_graph(triples: Sequence[TripleValues], fmt: str, prefixes: Mapping[str, str]) -> str:
    if fmt == "nt":
        return "".join(f"{s.to_ntriples()} {p.to_ntriples()} {o.to_ntriples()} .\n" for s, p, o in triples)
    import pyoxigraph

    graph = [pyoxigraph.Triple(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o)) for s, p, o in triples]
    used = {
        ns
        for t in triples
        for term in t
        if term.kind == "uri"
        for ns in prefixes.values()
        if term.value.startswith(ns)
    }
    chosen = {p: ns for p, ns in prefixes.items() if ns in used}
    data = pyoxigraph.serialize(graph, format=pyoxigraph.RdfFormat.TURTLE, prefixes=chosen)
    return bytes(data or b"").decode("utf-8")


# ---------------------------------------------------------------------------------------------
# Running queries


def call_with_deadline(
    work: Callable[[threading.Event], T], timeout_s: float | None, slots: threading.Semaphore | None = None
) -> T:
    """Run ``work(cancelled)`` in a worker thread and return its value, or stop at the deadline.

    At the deadline ``cancelled`` is set (the worker checks it between rows)
    and QueryTimeoutError is raised at once; a worker stuck inside one long
    engine step is abandoned and ends in the background. ``slots`` bounds how
    many workers run at once, abandoned ones included: a slot is freed only
    when its worker really finishes.

    Raises:
        QueryTimeoutError: the deadline passed.
        QueryBusyError: every slot stayed taken for the whole timeout.
    """
    # Wait for a free slot as long as the query itself may run: parallel clients queue
    # briefly instead of being turned away; only a server stuck that long answers busy.
    wait = timeout_s if timeout_s and timeout_s > 0 else None
    if slots is not None and not slots.acquire(timeout=wait):
        raise QueryBusyError("too many queries are running; try again in a moment")
    cancelled, done = threading.Event(), threading.Event()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work(cancelled)
        except BaseException as error:  # handed to the caller below
            box["error"] = error
        finally:
            if slots is not None:
                slots.release()
            done.set()

    threading.Thread(target=target, name="msc-graph-query", daemon=True).start()
    if not done.wait(timeout_s if timeout_s and timeout_s > 0 else None):
        cancelled.set()
        raise QueryTimeoutError(
            f"query stopped after {timeout_s:g} s (raise --timeout to allow longer, or narrow the query)"
        )
    if "error" in box:
        raise box["error"]
    value: T = box["value"]
    return value


_POSITION_RE = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def _syntax_error(error: SyntaxError, shift: int) -> QueryError:
    message = str(error)
    match = _POSITION_RE.match(message)
    if not match:
        return QueryError(f"syntax error: {message}")
    line = max(1, int(match.group(1)) - shift)
    return QueryError(f"syntax error: {match.group(3)}", line, int(match.group(2)))


class _CancelledError(Exception):
    """The caller gave up on this query; the worker stops reading rows."""


def _evaluate_local(
    store: pyoxigraph.Store, prepared: PreparedQuery, limit: int, cancelled: threading.Event
) -> QueryResult:
    """Evaluate on pyoxigraph, reading at most ``limit`` + 1 rows (to tell if more exist).

    ``limit`` 0 means no cap. pyoxigraph's result iterators may only be dropped
    on the thread that made them, so every reference to them is cleared here,
    in the worker, before a result or an error leaves.
    """
    import pyoxigraph

    answer: Any = None
    item: Any = None
    try:
        answer = store.query(prepared.text)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer))
        if isinstance(answer, pyoxigraph.QueryTriples):
            triples: list[TripleValues] = []
            for item in answer:
                if cancelled.is_set():
                    raise _CancelledError
                if limit and len(triples) == limit:
                    return QueryResult(prepared.form, triples=triples, truncated=True, limit=limit)
                triples.append(
                    (
                        _from_oxigraph(item.subject),
                        _from_oxigraph(item.predicate),
                        _from_oxigraph(item.object),
                    )
                )
            return QueryResult(prepared.form, triples=triples, limit=limit)
        variables = [v.value for v in answer.variables]
        rows: list[RowValues] = []
        for item in answer:
            if cancelled.is_set():
                raise _CancelledError
            if limit and len(rows) == limit:
                return QueryResult("SELECT", variables, rows, truncated=True, limit=limit)
            rows.append([None if v is None else _from_oxigraph(v) for v in item])
        return QueryResult("SELECT", variables, rows, limit=limit)
    except SyntaxError as error:
        raise _syntax_error(error, prepared.shift) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None
    finally:
        answer = item = None


def run_prepared(
    store: pyoxigraph.Store,
    prepared: PreparedQuery,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
    slots: threading.Semaphore | None = None,
) -> QueryResult:
    """Run a prepared query on a pyoxigraph store, bounded by ``timeout_s`` and ``limit`` rows.

    ``timeout_s`` 0 or None means no deadline; ``limit`` 0 no row cap.

    Cost: whatever the query costs, cut at the deadline; memory for at most ``limit`` rows.

    Raises:
        QueryError: syntax error (with line and column of the user's text) or engine failure.
        QueryTimeoutError: the deadline passed.
    """
    if limit < 0:
        raise QueryError("--limit must be 0 or more")
    return call_with_deadline(
        lambda cancelled: _evaluate_local(store, prepared, limit, cancelled), timeout_s, slots
    )


def run_query(
    store: pyoxigraph.Store,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Check and run a query on a pyoxigraph store (see :func:`prepare_query`, :func:`run_prepared`).

    Raises:
        RefusedQueryError: an update, SERVICE or non-local FROM.
        QueryError: a syntax error (with line and column) or engine failure.
        QueryTimeoutError: the deadline passed.
    """
    return run_prepared(store, prepare_query(text, prefixes), timeout_s=timeout_s, limit=limit)


def run_remote(
    endpoint: str,
    text: str,
    prefixes: Mapping[str, str],
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Send a query to a SPARQL 1.1 endpoint over HTTP (the protocol's form-encoded POST).

    The read-only guard runs here, client-side, before anything is sent.
    Table results are asked for as SPARQL JSON, graphs as N-Triples (Turtle
    accepted); both are cut at ``limit``.

    Raises:
        RefusedQueryError: the guard refused the query.
        QueryError: the endpoint is unreachable, answered with an error, or sent an unreadable
            result.
        QueryTimeoutError: the deadline passed.
    """
    from urllib.parse import urlsplit

    if urlsplit(endpoint).scheme not in ("http", "https"):
        raise QueryError(f"endpoint {endpoint!r} is not an http(s) URL")
    prepared = prepare_query(text, prefixes)
    return call_with_deadline(
        lambda cancelled: _fetch_remote(endpoint, prepared, timeout_s, limit), timeout_s
    )


def _fetch_remote(endpoint: str, prepared: PreparedQuery, timeout_s: float | None, limit: int) -> QueryResult:
    import urllib.error
    import urllib.parse
    import urllib.request

    accept = (
        "application/n-triples, text/turtle;q=0.9" if prepared.is_graph else "application/sparql-results+json"
    )
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": prepared.text}).encode("utf-8"),
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "msc-graph",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s or None) as response:
            body: bytes = response.read()
            media_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip()[:500]
        raise QueryError(f"endpoint answered HTTP {error.code}: {detail or error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        raise QueryError(f"cannot reach endpoint {endpoint}: {error}") from None
    if prepared.is_graph:
        return _read_remote_graph(body, media_type, prepared.form, limit)
    return read_json_results(body, prepared.form, limit)


def read_json_results(body: bytes, form: str, limit: int) -> QueryResult:
    """Read a SPARQL 1.1 Query Results JSON document, keeping at most ``limit`` rows.

    Raises:
        QueryError: the document is not SPARQL JSON results.
    """
    try:
        payload = json.loads(body)
        if "boolean" in payload:
            return QueryResult("ASK", boolean=bool(payload["boolean"]))
        variables = list(payload["head"]["vars"])
        bindings = payload["results"]["bindings"]
        rows: list[RowValues] = []
        for binding in bindings[: limit or None]:
            row: RowValues = []
            for name in variables:
                cell = binding.get(name)
                row.append(
                    None
                    if cell is None
                    else ResultTerm(
                        "literal" if cell["type"] == "typed-literal" else cell["type"],
                        cell["value"],
                        cell.get("datatype"),
                        cell.get("xml:lang"),
                    )
                )
            rows.append(row)
    except (ValueError, KeyError, TypeError) as error:
        raise QueryError(f"the endpoint did not send SPARQL JSON results ({error})") from None
    return QueryResult(
        "SELECT", variables, rows, truncated=bool(limit) and len(bindings) > limit, limit=limit
    )


def _read_remote_graph(body: bytes, media_type: str, form: str, limit: int) -> QueryResult:
    import pyoxigraph

    rdf_format = (
        pyoxigraph.RdfFormat.TURTLE if media_type == "text/turtle" else pyoxigraph.RdfFormat.N_TRIPLES
    )
    try:
        quads = list(pyoxigraph.parse(body, format=rdf_format))
    except (SyntaxError, ValueError) as error:
        raise QueryError(f"the endpoint sent an unreadable graph ({error})") from None
    triples = [
        (_from_oxigraph(q.subject), _from_oxigraph(q.predicate), _from_oxigraph(q.object))
        for q in quads[: limit or None]
    ]
    return QueryResult(form, triples=triples, truncated=bool(limit) and len(quads) > limit, limit=limit)
