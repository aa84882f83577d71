"""SPARQL over the graph: a read-only guard, predeclared prefixes, named queries, local or remote.

One module per step a query takes:

- ``guard``: the tokenizer, the read-only guard and the predeclared prefixes;
  every query passes :func:`prepare_query` before it runs anywhere.
- ``named``: the named ``.rq`` queries shipped in ``msc_graph/queries/`` and
  the binding of their parameters.
- ``results``: result terms and results, independent of the engine, and their
  W3C formats.
- ``engine``: running a query on pyoxigraph with a deadline and a row cap.
- ``remote``: the client for ``--endpoint`` (SPARQL 1.1 protocol over HTTP).
"""

from msc_graph.query.sparql.engine import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT_S,
    MAX_RUNNING,
    QueryBusyError,
    QueryTimeoutError,
    call_with_deadline,
    run_prepared,
    run_query,
)
from msc_graph.query.sparql.guard import (
    GRAPH_FORMS,
    LOCAL_GRAPH_PREFIXES,
    QUERY_FORMS,
    UPDATE_KEYWORDS,
    PreparedQuery,
    QueryShape,
    RefusedQueryError,
    Token,
    inspect_query,
    iter_tokens,
    prepare_query,
)
from msc_graph.query.sparql.named import (
    NamedQuery,
    QueryParam,
    Resolve,
    bind_parameters,
    find_named_query,
    inspect_declared_prefixes,
    iter_named_queries,
    parse_named_query,
    resolve_parameter,
    sparql_string,
    to_iri,
)
from msc_graph.query.sparql.remote import run_remote
from msc_graph.query.sparql.results import (
    MEDIA_TYPES,
    RDF_LANG_STRING,
    RESULT_FORMATS,
    XSD_STRING,
    QueryResult,
    ResultTerm,
    RowValues,
    TripleValues,
    read_json_results,
    serialize_result,
)
from msc_graph.views.namespaces import QUERY_PREFIXES as DEFAULT_PREFIXES
from msc_graph.views.namespaces import XSD

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_PREFIXES",
    "DEFAULT_TIMEOUT_S",
    "GRAPH_FORMS",
    "LOCAL_GRAPH_PREFIXES",
    "MAX_RUNNING",
    "MEDIA_TYPES",
    "QUERY_FORMS",
    "RDF_LANG_STRING",
    "RESULT_FORMATS",
    "UPDATE_KEYWORDS",
    "XSD",
    "XSD_STRING",
    "NamedQuery",
    "PreparedQuery",
    "QueryBusyError",
    "QueryParam",
    "QueryResult",
    "QueryShape",
    "QueryTimeoutError",
    "RefusedQueryError",
    "Resolve",
    "ResultTerm",
    "RowValues",
    "Token",
    "TripleValues",
    "bind_parameters",
    "call_with_deadline",
    "find_named_query",
    "inspect_declared_prefixes",
    "inspect_query",
    "iter_named_queries",
    "iter_tokens",
    "parse_named_query",
    "prepare_query",
    "read_json_results",
    "resolve_parameter",
    "run_prepared",
    "run_query",
    "run_remote",
    "serialize_result",
    "sparql_string",
    "to_iri",
]
