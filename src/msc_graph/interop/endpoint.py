"""A graph on a SPARQL 1.1 endpoint, read as a network for path search: ``paths --endpoint URL``.

:class:`EndpointNetwork` has the interface ``query.paths.find_paths`` reads
(``succ`` / ``pred`` rows, degrees, membership) and fetches rows as the
search needs them: for a whole frontier at once, both directions in one
SELECT whose ``VALUES`` block names up to BATCH_NODES nodes
(``views.network.Prefetches``); what it fetched is kept for the rest of the
search. Evidence is fetched only for the edges the search may step across,
BATCH_EDGES edges per query.

What counts as an edge, so that the endpoint gives the chains the local
graph gives:

- msc-graph RDF (the endpoint holds ``msc:Assertion`` nodes, as
  ``mscgraph export -f nt`` writes them): the direct triples whose predicate
  is one of ours (``msc:increases`` …); each edge's evidence is read from
  the ``msc:Evidence`` nodes of the assertion reifying it (study, review,
  kind, locator, quote, basis, context), so scores are the curated graph's.
  Node ids are entity ids (``entity:`` stripped), as in the curated graph.
- any other RDF: what ``mscgraph import`` makes of it as N-Triples: every
  triple with an IRI object except ``rdf:type`` / ``biolink:category`` and
  ``rdfs:subClassOf`` / ``biolink:subclass_of``, its predicate mapped as the
  import maps it (interop.imported.biolink.map_predicate); node ids are
  CURIEs under the project's prefix map. Blank nodes are left out (a later
  query could not name them). Each edge has one piece of evidence: the
  triple, read in the endpoint (the import's own, file and line aside).

Degrees count one edge per distinct (subject, predicate, object).
Every request runs under one overall deadline (``timeout_s`` from the
network's creation); past it the search stops with QueryTimeoutError.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

from msc_graph.config import DEFAULT_MAX_HOPS, DEFAULT_MAX_PATHS, DEFAULT_TIMEOUT_S
from msc_graph.errors import QueryError, UnknownEntityError
from msc_graph.interop.imported.biolink import (
    CATEGORY_TYPES,
    TYPE_PREDICATES,
    map_predicate,
)
from msc_graph.interop.imported.prefixes import IRI_UNSAFE, Curies
from msc_graph.model import (
    Basis,
    Context,
    Entity,
    EntityType,
    Evidence,
    GraphModel,
    Setting,
    SourceKind,
    Study,
)
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.paths import PathSearch, find_paths
from msc_graph.query.sparql.engine import QueryTimeoutError
from msc_graph.query.sparql.named import sparql_string
from msc_graph.query.sparql.remote import select_remote
from msc_graph.query.sparql.results import QueryResult
from msc_graph.views.namespaces import (
    BIBO,
    BIOLINK,
    DCTERMS,
    ENTITY_IRI,
    RDF,
    RDFS,
    SKOS,
    STUDY_IRI,
    VOCAB_IRI,
)
from msc_graph.views.rdf import CONTEXT_PROPERTIES, TYPE_CLASSES, predicate_local
from msc_graph.views.resolve import Resolves

BATCH_NODES = 200
"""Nodes named in one neighbour query's VALUES block."""
BATCH_EDGES = 200
"""Edges whose evidence one query asks for."""

OUR_PREDICATES = {VOCAB_IRI + predicate_local(slug): slug for slug in PREDICATES}
"""Our predicate IRIs → slugs (the direct triples of msc-graph RDF)."""
NOT_EDGES = frozenset({*TYPE_PREDICATES, RDFS + "subClassOf", BIOLINK + "subclass_of"})
"""Predicates of triples that are no edge in foreign RDF: types and is-a (as the import reads them)."""
IS_A_PATH = f"<{SKOS}broader>|<{RDFS}subClassOf>|<{BIOLINK}subclass_of>"
"""The is-a links a name is expanded through (our skos:broader, and the import's)."""
NAME_PREDICATES = (RDFS + "label", SKOS + "altLabel", SKOS + "prefLabel", DCTERMS + "identifier")
"""Where a name is looked up on the endpoint (labels, synonyms, our ids)."""
TYPE_BY_CLASS = {VOCAB_IRI + name: slug for slug, name in TYPE_CLASSES.items()}
_CONTEXT_FIELDS = {VOCAB_IRI + local: name for name, local in CONTEXT_PROPERTIES.items()}
_KEY_NUMBER = re.compile(r"-(\d+)$")

Edge = tuple[str, str, str]
"""(subject id, predicate slug, object id)."""


def _iri(value: str) -> str:
    """Return ``<value>`` for a query, refusing what would end the IRI early."""
    if IRI_UNSAFE.search(value):
        raise QueryError(f"not an IRI a query can name: {value!r}")
    return f"<{value}>"


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class EdgeAttrs(Mapping[str, Any]):
    """The attributes of one edge (network.py's names); evidence is fetched when first read."""

    __slots__ = ("_edge", "_network")

    def __init__(self, network: EndpointNetwork, edge: Edge) -> None:
        self._network = network
        self._edge = edge

    def __getitem__(self, key: str) -> Any:
        slug = self._edge[1]
        if key == "predicate":
            return slug
        if key == "sign":
            sign = PREDICATES[slug].sign
            return None if sign is None else int(sign)
        if key == "role":
            return PREDICATES[slug].role.value
        if key == "evidence":
            return self._network.get_evidence(self._edge)
        if key == "n_studies":
            return len({e.study for e in self._network.get_evidence(self._edge)})
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(("predicate", "sign", "role", "evidence", "n_studies"))

    def __len__(self) -> int:
        return 5


Row = dict[str, dict[str, EdgeAttrs]]


class _Adjacency(Mapping[str, Row]):
    """``succ`` or ``pred`` of an EndpointNetwork: a node's row is fetched when first read."""

    def __init__(self, network: EndpointNetwork, rows: dict[str, Row]) -> None:
        self._network = network
        self._rows = rows

    def __getitem__(self, node: str) -> Row:
        row = self._rows.get(node)
        if row is None:
            self._network.prefetch([node])
            row = self._rows[node]
        return row

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)  # the rows fetched so far: the endpoint is not listed whole

    def __len__(self) -> int:
        return len(self._rows)


class EndpointNetwork:
    """The graph on a SPARQL endpoint as a path network (see the module docstring).

    Membership is not asked for: any node id is a node, one the endpoint
    does not hold having no edges, so it ends no chain.
    """

    predicate_slugs: set[str] | None = None
    """Unknown without scanning the endpoint: the search walks both ways (rows come both ways anyway)."""

    def __init__(
        self,
        endpoint: str,
        prefixes: Mapping[str, str],
        *,
        timeout_s: float,
        clock: Callable[[], float] = time.monotonic,
        batch_nodes: int = BATCH_NODES,
        batch_edges: int = BATCH_EDGES,
    ) -> None:
        """Open ``endpoint`` (one request: which RDF it holds).

        Args:
            endpoint: the SPARQL 1.1 query URL.
            prefixes: the project's CURIE prefix map (node ids of foreign RDF).
            timeout_s: the overall deadline of every request this network makes.
            clock: the time source of the deadline.
            batch_nodes: nodes per neighbour query.
            batch_edges: edges per evidence query.
        """
        self.endpoint = endpoint
        self.timeout_s = timeout_s
        self._clock = clock
        self._deadline = clock() + timeout_s
        self._batch_nodes = batch_nodes
        self._batch_edges = batch_edges
        self._prefixes = prefixes
        self._iris: dict[str, str] = {}
        self._out: dict[str, Row] = {}
        self._in: dict[str, Row] = {}
        self._out_degree: dict[str, int] = {}
        self._in_degree: dict[str, int] = {}
        self._evidence: dict[Edge, tuple[Evidence, ...]] = {}
        self._triples: dict[Edge, list[str]] = {}
        self.succ = _Adjacency(self, self._out)
        self.pred = _Adjacency(self, self._in)
        self.requests = 0
        """Requests sent so far (tests and benchmarks read it)."""
        found = self.select(f"SELECT ?a WHERE {{ ?a a <{VOCAB_IRI}Assertion> }} LIMIT 1")
        self.ours = bool(found.rows)
        """True when the endpoint holds msc-graph RDF (reified assertions with evidence)."""
        self.study_id = endpoint
        """The study every piece of evidence of foreign RDF cites: the endpoint itself."""

    # ids and IRIs

    @cached_property
    def curies(self) -> Curies:
        """Return the CURIE converter of foreign node ids (built on first use: ``curies`` loads pydantic)."""
        return Curies(self._prefixes)

    def node_id(self, iri: str) -> str:
        """Return the node id of an IRI (entity id for ours, else a CURIE under the prefix map)."""
        ours = self.ours and iri.startswith(ENTITY_IRI)
        node = iri.removeprefix(ENTITY_IRI) if ours else self.curies.compact(iri)
        self._iris.setdefault(node, iri)
        return node

    def node_iri(self, node: str) -> str:
        """Return the IRI a node id stands for on the endpoint."""
        found = self._iris.get(node)
        if found is None:
            found = ENTITY_IRI + node if self.ours and ":" not in node else self.curies.expand(node)
            self._iris[node] = found
        return found

    # requests

    def select(self, text: str) -> QueryResult:
        """Send one SELECT under what is left of the deadline.

        Raises:
            QueryError: the endpoint is unreachable, answered with an error or not with SPARQL JSON.
            QueryTimeoutError: the overall deadline passed.
        """
        left = self._deadline - self._clock()
        if left <= 0:
            raise self._timeout()
        self.requests += 1
        try:
            return select_remote(self.endpoint, text, timeout_s=left)
        except QueryTimeoutError:
            raise self._timeout() from None
        except QueryError as error:
            if "timed out" in str(error):
                raise self._timeout() from None
            raise

    def _timeout(self) -> QueryTimeoutError:
        return QueryTimeoutError(
            f"the search on {self.endpoint} ran past --timeout {self.timeout_s:g} s "
            "(raise --timeout, or lower --max-hops)"
        )

    # rows

    def _edge_filter(self, variable: str) -> str:
        if self.ours:
            listed = ", ".join(f"<{iri}>" for iri in OUR_PREDICATES)
            return f"FILTER(?p IN ({listed}))"
        excluded = ", ".join(f"<{iri}>" for iri in sorted(NOT_EDGES))
        return f"FILTER(isIRI(?{variable}) && ?p NOT IN ({excluded}))"

    def _slug(self, predicate: str) -> str:
        if self.ours:
            return OUR_PREDICATES[predicate]
        return map_predicate(self.curies.compact(predicate))

    def prefetch(self, nodes: Iterable[str]) -> None:
        """Fetch the rows, both ways, of the ``nodes`` not held yet: one query per BATCH_NODES nodes.

        Cost: ceil(n / BATCH_NODES) requests, each answering with every edge of its nodes.
        """
        wanted = [node for node in dict.fromkeys(nodes) if node not in self._out]
        for batch in _chunks(wanted, self._batch_nodes):
            values = " ".join(_iri(self.node_iri(node)) for node in batch)
            result = self.select(
                "SELECT ?n ?side ?p ?m WHERE {\n"
                f"  VALUES ?n {{ {values} }}\n"
                f'  {{ ?n ?p ?m . BIND("out" AS ?side) {self._edge_filter("m")} }}\n'
                f'  UNION {{ ?m ?p ?n . BIND("in" AS ?side) {self._edge_filter("m")} }}\n'
                "}"
            )
            by_iri = {self.node_iri(node): node for node in batch}
            for node in batch:
                self._out[node], self._in[node] = {}, {}
            seen: set[tuple[str, str, str, str]] = set()
            for row in result.rows:
                center, side, predicate, other = (cell.value if cell else "" for cell in row)
                key = (center, side, predicate, other)
                if key in seen or center not in by_iri or row[3] is None or row[3].kind != "uri":
                    continue
                seen.add(key)
                node, neighbour, slug = by_iri[center], self.node_id(other), self._slug(predicate)
                edge = (node, slug, neighbour) if side == "out" else (neighbour, slug, node)
                rows = self._out if side == "out" else self._in
                rows[node].setdefault(neighbour, {})[slug] = EdgeAttrs(self, edge)
                triples = self._triples.setdefault(edge, [])
                if predicate not in triples:
                    triples.append(predicate)
            for node in batch:  # one edge per (neighbour, predicate slug), as every network view counts
                self._out_degree[node] = sum(len(keyed) for keyed in self._out[node].values())
                self._in_degree[node] = sum(len(keyed) for keyed in self._in[node].values())

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str)

    def out_degree(self, node: str) -> int:
        """Return the number of distinct (predicate slug, object) pairs leaving ``node`` (row fetched)."""
        self.prefetch([node])
        return self._out_degree.get(node, 0)

    def in_degree(self, node: str) -> int:
        """Return the number of distinct (subject, predicate slug) pairs entering ``node``."""
        self.prefetch([node])
        return self._in_degree.get(node, 0)

    # evidence

    def get_evidence(self, edge: Edge) -> tuple[Evidence, ...]:
        """Return the evidence of one edge, fetching it when not held (prefetch_evidence batches this)."""
        found = self._evidence.get(edge)
        if found is None:
            self.prefetch_evidence([edge])
            found = self._evidence[edge]
        return found

    def prefetch_evidence(self, edges: Iterable[Edge]) -> None:
        """Fetch the evidence of the ``edges`` not held yet: one query per BATCH_EDGES edges.

        Foreign RDF needs no request: each of its edges is its own evidence.
        """
        wanted = [edge for edge in dict.fromkeys(edges) if edge not in self._evidence]
        if not self.ours:
            for edge in wanted:
                self._evidence[edge] = self._triple_evidence(edge)
            return
        for batch in _chunks(wanted, self._batch_edges):
            values = " ".join(
                f"({_iri(self.node_iri(s))} {_iri(VOCAB_IRI + predicate_local(p))} {_iri(self.node_iri(o))})"
                for s, p, o in batch
            )
            result = self.select(
                "SELECT ?s ?p ?o ?e ?q ?v WHERE {\n"
                f"  VALUES (?s ?p ?o) {{ {values} }}\n"
                f"  ?a <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ;\n"
                f"     <{VOCAB_IRI}evidence> ?e .\n"
                "  ?e ?q ?v .\n"
                "}"
            )
            pieces: dict[Edge, dict[str, dict[str, list[str]]]] = {}
            for row in result.rows:
                s, p, o, e, q, v = (cell.value if cell else "" for cell in row)
                edge = (self.node_id(s), OUR_PREDICATES.get(p, ""), self.node_id(o))
                pieces.setdefault(edge, {}).setdefault(e, {}).setdefault(q, []).append(v)
            for edge in batch:
                self._evidence[edge] = tuple(
                    _read_evidence(self, properties)
                    for _key, properties in sorted(pieces.get(edge, {}).items(), key=_evidence_order)
                )

    def _triple_evidence(self, edge: Edge) -> tuple[Evidence, ...]:
        subject, _slug, obj = edge
        return tuple(
            Evidence(
                self.study_id,
                self.study_id,
                SourceKind.TABLE,
                f"{self.endpoint}; {self.curies.compact(predicate)}",
                f"{subject} {self.curies.compact(predicate)} {obj}",
                Basis.STATED,
            )
            for predicate in self._triples.get(edge, [""])
        )


def _evidence_order(item: tuple[str, Any]) -> tuple[str, int]:
    """Sort evidence nodes as the assertion lists them: by the number their key ends with."""
    iri = item[0]
    match = _KEY_NUMBER.search(iri)
    return (iri[: match.start()], int(match.group(1))) if match else (iri, 0)


def _read_evidence(network: EndpointNetwork, properties: Mapping[str, list[str]]) -> Evidence:
    """Return one msc:Evidence node's properties (views.rdf's layout) as the Evidence written so."""

    def one(local: str) -> str | None:
        values = properties.get(VOCAB_IRI + local)
        return values[0] if values else None

    def study(iri: str | None) -> str:
        return (iri or "").removeprefix(STUDY_IRI)

    context: dict[str, Any] = {}
    for prop, values in properties.items():
        name = _CONTEXT_FIELDS.get(prop)
        if name is None:
            continue
        if name == "measured_in":
            context[name] = tuple(sorted(network.node_id(v) for v in values))
        elif name == "healthy":
            context[name] = values[0] == "true"
        elif name == "setting":
            context[name] = Setting(values[0])
        elif name == "strain":
            context[name] = values[0]
        else:
            context[name] = network.node_id(values[0])
    order = list(CONTEXT_PROPERTIES)
    inherited = properties.get(VOCAB_IRI + "inheritedField", [])
    return Evidence(
        study(one("study")),
        study(one("readIn")),
        SourceKind(one("sourceKind") or SourceKind.PROSE.value),
        one("locator") or "",
        one("quote") or "",
        Basis(one("basis") or Basis.STATED.value),
        Context(**context),
        one("inferredFrom"),
        one("caveat"),
        tuple(sorted(inherited, key=lambda name: order.index(name) if name in order else len(order))),
    )


def resolve_on_endpoint(network: EndpointNetwork, name: str, *, exact: bool = False) -> list[str]:
    """Return the node ids ``name`` names on the endpoint, and (unless ``exact``) everything below them.

    A name is an IRI (``<…>`` or absolute), a CURIE of a known prefix or
    an id the endpoint holds, else matched, case-insensitively and whole,
    against ``rdfs:label``, ``skos:altLabel``, ``skos:prefLabel`` and
    ``dcterms:identifier``; every node it matches is taken. Below: through
    ``skos:broader``, ``rdfs:subClassOf`` and ``biolink:subclass_of``.
    Cost: two requests (the label match reads every label once).

    Raises:
        UnknownEntityError: nothing on the endpoint is named so.
    """
    text = name.strip()
    named = [
        f"?n <{predicate}> ?l . FILTER(LCASE(STR(?l)) = {sparql_string(text.lower())})"
        for predicate in NAME_PREDICATES
    ]
    candidates = []
    if text.startswith("<") and text.endswith(">"):
        candidates.append(text[1:-1])
    elif "://" in text:
        candidates.append(text)
    elif ":" in text or network.ours:
        candidates.append(network.node_iri(text))
    known = " ".join(_iri(iri) for iri in candidates)
    held = f"VALUES ?n {{ {known} }} ?n ?any ?thing ." if candidates else ""
    unions = " UNION ".join(f"{{ {pattern} }}" for pattern in ([held] if held else []) + named)
    found = network.select(f"SELECT DISTINCT ?n WHERE {{ {unions} FILTER(isIRI(?n)) }}")
    tops = sorted({network.node_id(row[0].value) for row in found.rows if row[0] is not None})
    if not tops:
        raise UnknownEntityError(name)
    if exact:
        return tops
    values = " ".join(_iri(network.node_iri(node)) for node in tops)
    below = network.select(
        f"SELECT DISTINCT ?d WHERE {{ VALUES ?top {{ {values} }}\n"
        f"  ?d ({IS_A_PATH})+ ?top . FILTER(isIRI(?d)) }}"
    )
    rest = {network.node_id(row[0].value) for row in below.rows if row[0] is not None}
    return [*tops, *sorted(rest - set(tops))]


def build_endpoint_model(
    network: EndpointNetwork, nodes: Iterable[str], evidence: Iterable[Evidence]
) -> GraphModel:
    """Return a model of what an answer names: its nodes (label, type) and the studies its evidence cites.

    What renderers read (``build_paths_payload``, the HTML page): labels
    from ``rdfs:label`` (else ``skos:prefLabel``, else the id), types from
    ``rdf:type`` / ``biolink:category`` (our classes, or a Biolink category the
    import maps), studies from our ``msc:Study`` records. Cost: one request
    per BATCH_NODES names.
    """
    evidence = list(evidence)
    ids = list(dict.fromkeys(nodes))
    for item in evidence:
        context = item.context
        ids.extend(i for i in (context.species, context.disease_model, context.msc_source) if i)
        ids.extend(i for i in (context.preparation, context.route, *context.measured_in) if i)
    ids = list(dict.fromkeys(ids))
    labels: dict[str, dict[str, list[str]]] = {}
    wanted = (RDFS + "label", SKOS + "prefLabel", *TYPE_PREDICATES)
    listed = ", ".join(f"<{iri}>" for iri in wanted)
    for batch in _chunks(ids, network._batch_nodes):
        values = " ".join(_iri(network.node_iri(node)) for node in batch)
        result = network.select(
            f"SELECT ?n ?q ?v WHERE {{ VALUES ?n {{ {values} }} ?n ?q ?v . FILTER(?q IN ({listed})) }}"
        )
        for row in result.rows:
            node, prop, value = (cell.value if cell else "" for cell in row)
            labels.setdefault(network.node_id(node), {}).setdefault(prop, []).append(value)
    entities = {node: _read_entity(network, node, labels.get(node, {})) for node in ids}
    cited = {item.study for item in evidence} | {item.read_in for item in evidence}
    studies = _fetch_studies(network, sorted(cited))
    return GraphModel(entities, studies, (), f"endpoint {network.endpoint}")


def _read_entity(network: EndpointNetwork, node: str, properties: Mapping[str, list[str]]) -> Entity:
    label = min(properties.get(RDFS + "label", []) or properties.get(SKOS + "prefLabel", []) or [node])
    classes = sorted(v for p in TYPE_PREDICATES for v in properties.get(p, []))
    kind = next((EntityType(TYPE_BY_CLASS[c]) for c in classes if c in TYPE_BY_CLASS), None)
    if kind is None:
        categories = [network.curies.compact(c) for c in classes]
        kind = next((CATEGORY_TYPES[c] for c in categories if c in CATEGORY_TYPES), EntityType.EXTERNAL)
    return Entity(node, label, kind)


def _fetch_studies(network: EndpointNetwork, study_ids: Sequence[str]) -> dict[str, Study]:
    """Return the study records the endpoint holds for ``study_ids`` (ours), the endpoint's own otherwise."""
    studies: dict[str, Study] = {}
    if not network.ours:
        return {network.study_id: Study(network.study_id, f"SPARQL endpoint {network.endpoint}", review=True)}
    fields = {
        DCTERMS + "bibliographicCitation": "citation",
        VOCAB_IRI + "isReview": "review",
        BIBO + "doi": "doi",
        BIBO + "pmid": "pmid",
    }
    listed = ", ".join(f"<{iri}>" for iri in fields)
    for batch in _chunks(study_ids, network._batch_nodes):
        values = " ".join(_iri(STUDY_IRI + study) for study in batch)
        result = network.select(
            f"SELECT ?s ?q ?v WHERE {{ VALUES ?s {{ {values} }} ?s ?q ?v . FILTER(?q IN ({listed})) }}"
        )
        found: dict[str, dict[str, str]] = {}
        for row in result.rows:
            study, prop, value = (cell.value if cell else "" for cell in row)
            found.setdefault(study.removeprefix(STUDY_IRI), {})[fields[prop]] = value
        for study, values_of in found.items():
            studies[study] = Study(
                study,
                values_of.get("citation", study),
                doi=values_of.get("doi"),
                pmid=values_of.get("pmid"),
                review=values_of.get("review") == "true",
            )
    return studies


def find_endpoint_paths(
    endpoint: str,
    source: str,
    target: str,
    prefixes: Mapping[str, str],
    *,
    resolver: Resolves | None = None,
    exact: bool = False,
    max_hops: int = DEFAULT_MAX_HOPS,
    max_paths: int = DEFAULT_MAX_PATHS,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    evidence_filter: EvidenceFilter | None = None,
    sign: int | None = None,
    model: GraphModel | None = None,
) -> tuple[PathSearch, GraphModel]:
    """Run ``find_paths`` on the graph an endpoint holds; return the answer and the model it names.

    SOURCE and TARGET are resolved by ``resolver`` (the curated graph's)
    when given and the endpoint holds msc-graph RDF, else, or when it knows
    no such name, on the endpoint (:func:`resolve_on_endpoint`). The bounds
    are find_paths'; ``timeout_s`` is also the overall deadline of every
    request, from the first. ``model`` (the curated one) is what the
    tissue check of the context flags reads.

    Raises:
        QueryError: the endpoint is unreachable, answered with an error or not with SPARQL JSON.
        QueryTimeoutError: the requests ran past ``timeout_s``.
        UnknownEntityError: SOURCE or TARGET names nothing.
    """
    network = EndpointNetwork(endpoint, prefixes, timeout_s=timeout_s)

    def resolve(name: str) -> list[str]:
        if resolver is not None and network.ours:
            try:
                ids = [match.id for match in resolver.resolve_all(name)]
            except UnknownEntityError:
                pass
            else:
                return ids if exact else list(resolver.iter_descendants(ids))
        return resolve_on_endpoint(network, name, exact=exact)

    sources, targets = resolve(source), resolve(target)
    search = find_paths(
        network,
        sources,
        targets,
        max_hops=max_hops,
        max_paths=max_paths,
        timeout_s=timeout_s,
        evidence_filter=evidence_filter,
        sign=sign,
        model=model if network.ours else None,
    )
    search.limits["endpoint"] = endpoint
    nodes = [*search.sources, *search.targets, *(n for path in search.paths for n in path.nodes)]
    evidence = [e for path in search.paths for hop in path.hops for e in hop.evidence]
    return search, build_endpoint_model(network, nodes, evidence)
