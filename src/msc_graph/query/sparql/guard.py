"""The read-only guard and the predeclared prefixes: the one gate every SPARQL query passes.

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
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from msc_graph.errors import QueryError
from msc_graph.views.namespaces import BASE_IRI

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}
)
"""Words that only occur in SPARQL Update; none of them can appear bare in a valid query."""
LOCAL_GRAPH_PREFIXES = (BASE_IRI, "urn:")
"""FROM / FROM NAMED may name graphs in our namespace or ``urn:`` graphs: names, not locations."""


class RefusedQueryError(QueryError):
    """The query would change the graph or reach outside it (update, SERVICE, remote FROM)."""


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
    unknown_prefix: QueryError | None = None
    """What to report if the engine cannot parse the text: a prefix neither declared nor predeclared.

    Not refused here, as an endpoint may predeclare prefixes of its own."""

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

    A prefix neither declared nor predeclared is reported (with the
    predeclared ones it may mean) only where the engine fails to parse the
    query, as an endpoint may know it (:attr:`PreparedQuery.unknown_prefix`).

    Raises:
        RefusedQueryError: the guard refused it (see :func:`inspect_query`); also when rdflib's
            parser reads it as an update or finds a SERVICE pattern in it.
        QueryError: not a query.
    """
    shape = inspect_query(text, prefixes)
    undeclared = shape.used_prefixes - shape.declared_prefixes
    missing = sorted(p for p in undeclared if p in prefixes)
    head = "".join(f"PREFIX {p}: <{prefixes[p]}>\n" for p in missing)
    full = head + text
    _check_parse_tree(full)
    unknown = undeclared - set(prefixes)
    unknown_prefix = _unknown_prefix(text, unknown, prefixes) if unknown else None
    return PreparedQuery(full, shape.form, len(missing), unknown_prefix)


def _unknown_prefix(text: str, unknown: Set[str], prefixes: Mapping[str, str]) -> QueryError | None:
    """Return the error at the first use of a prefix in ``unknown``, with the predeclared ones it may mean."""
    from msc_graph.views.resolve import find_close_names

    for token in iter_tokens(text):
        prefix = token.text.partition(":")[0]
        if token.kind != "word" or ":" not in token.text or prefix not in unknown:
            continue
        declare = f"PREFIX {prefix}: <IRI>"
        close = find_close_names(prefix, prefixes)
        if close:
            hint = f"did you mean {', '.join(f'{p}:' for p in close)}? (else declare it: {declare})"
        else:
            listed = ", ".join(f"{p}:" for p in list(prefixes)[:8])
            more = f" ... ({len(prefixes)} in all)" if len(prefixes) > 8 else ""
            hint = f"declare it ({declare}) or use a predeclared prefix: {listed}{more}"
        return QueryError(f"unknown prefix {prefix}:", token.line, token.column, hint)
    return None


_PARSER_LOCK = threading.Lock()
"""rdflib's SPARQL grammar is one pyparsing object with shared state: parses must not overlap.

Under `serve`, threads parsing at once raced inside pyparsing and a handler
died without answering (about 1 request in 3,000 under 8 clients)."""


@lru_cache(maxsize=256)
def _check_parse_tree(text: str) -> None:
    """Refuse what rdflib's SPARQL parser sees as an update or a SERVICE pattern.

    A query rdflib cannot parse at all is left to the engine's own parser (the
    tokenizer has already refused every update verb and SERVICE keyword).
    Parses run one at a time (``_PARSER_LOCK``); each takes milliseconds, and
    a text that passed is remembered (a refusal raises, so it is never cached),
    so a query sent again, as `serve` sees all day, is not parsed again.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    with _PARSER_LOCK:
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
