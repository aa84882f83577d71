"""Query results, independent of the engine, and their W3C formats.

A :class:`QueryResult` holds solutions, a boolean or triples as
:class:`ResultTerm` values; :func:`serialize_result` writes SPARQL 1.1 JSON,
CSV or TSV results, Turtle or N-Triples, and :func:`read_json_results` reads
SPARQL JSON results back (what a remote endpoint sends).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from msc_graph.errors import QueryError
from msc_graph.query.sparql.guard import GRAPH_FORMS
from msc_graph.views.namespaces import XSD, compact_iri
from msc_graph.views.rdf import escape_literal

_PLAIN_LOCAL = re.compile(r"[\w.\-]*(?<!\.)")
"""A CURIE local part shown as is: word characters, dots and hyphens, not ending in a dot."""

RESULT_FORMATS = ("text", "json", "csv", "tsv", "ttl", "nt")
"""Output formats: text for people; SPARQL JSON / CSV / TSV results; Turtle and N-Triples graphs."""
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
}

XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


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
        escaped = escape_literal(self.value, also="\t")
        if self.language:
            return f'"{escaped}"@{self.language}'
        if self.datatype and self.datatype not in (XSD_STRING, RDF_LANG_STRING):
            return f'"{escaped}"^^<{self.datatype}>'
        return f'"{escaped}"'

    def to_csv(self) -> str:
        """Return the term as a CSV result cell (IRIs and literals bare, blank nodes ``_:``)."""
        return f"_:{self.value}" if self.kind == "bnode" else self.value

    def compact(self, prefixes: Mapping[str, str]) -> str:
        """Return a short human form: a CURIE for an IRI in a known namespace, else the value.

        An IRI whose local part would not read back as a CURIE (a slash, a
        trailing dot) stays a full ``<IRI>``.
        """
        if self.kind == "uri":
            curie = compact_iri(self.value, prefixes)
            if curie is not None and _PLAIN_LOCAL.fullmatch(curie.partition(":")[2]):
                return curie
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


def from_oxigraph(term: Any) -> ResultTerm:
    """Return a pyoxigraph term (named node, blank node, literal, quoted triple) as a ResultTerm."""
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


def choose_format(accept: str, requested: str | None, is_graph: bool) -> str:
    """Pick a result format from ``format=`` or the Accept header (first match in its order)."""
    aliases = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "sparql-json": "json"}
    if requested:
        chosen = aliases.get(requested, requested)
        if chosen in MEDIA_TYPES:
            return chosen
    by_type = {media: fmt for fmt, media in MEDIA_TYPES.items()}
    by_type.update(
        {"application/json": "json", "text/plain": "nt" if is_graph else "tsv", "application/x-turtle": "ttl"}
    )
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        fmt = by_type.get(media)
        if fmt is not None and (fmt in ("ttl", "nt")) == is_graph:
            return fmt
    return "ttl" if is_graph else "json"
