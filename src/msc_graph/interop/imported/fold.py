"""Our own RDF read back: reified assertions folded into edges with their evidence as provenance.

Our own RDF (``mscgraph export -f nt|ttl``, the layout of :mod:`msc_graph.views.rdf`)
comes back as the graph it was: when a file types nodes with classes of our
vocabulary, each ``msc:Assertion`` node becomes one edge (its ``rdf:subject``,
``rdf:predicate``, ``rdf:object``) that takes the place of the direct triple
it reifies, with its evidence as the edge's provenance (studies as
publications, the reviews read in as the knowledge source, the quotes as
supporting text, each publication's best basis);
assertion, evidence, study and component nodes (the parts composite names
name, with their cross-references), ontology terms (``owl:Class`` …) and
nodes only they mention are not graph nodes; ``skos:broader`` is is-a and
``skos:exactMatch`` / ``oboInOwl:hasDbXref`` are cross-references. Files
without our vocabulary are read exactly as any other N-Triples.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from msc_graph.interop.imported.biolink import map_predicate
from msc_graph.interop.imported.prefixes import Curies
from msc_graph.interop.imported.records import RecordBuilder, best_basis, encode_provenance
from msc_graph.model import Basis, assign_support_units
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.views.namespaces import OBO_IN_OWL, OWL, PROV, RDF, RDFS, SKOS, VOCAB_IRI

NODE_ROLES = {
    VOCAB_IRI + "Assertion": "assertion",
    VOCAB_IRI + "Evidence": "evidence",
    VOCAB_IRI + "Study": "study",
    VOCAB_IRI + "Component": "component",
    **dict.fromkeys(
        (
            OWL + "Class",
            OWL + "ObjectProperty",
            OWL + "DatatypeProperty",
            OWL + "AnnotationProperty",
            OWL + "Ontology",
            RDF + "Property",
            RDFS + "Class",
            RDFS + "Datatype",
        ),
        "schema",
    ),
}
"""rdf:type → the role of a node of our RDF layout that is not a graph node (see ``fold_our_rdf``).

A component node (a part of a composite's name, with its cross-references)
is data about names, never a node of the graph: it and the edges into it go."""
NOTED_LITERALS = {
    VOCAB_IRI + "quote": "quote",
    VOCAB_IRI + "basis": "basis",
    VOCAB_IRI + "locator": "locator",
    VOCAB_IRI + "predicateSlug": "slug",
    OBO_IN_OWL + "hasDbXref": "xref",
}
"""Literal predicates kept aside during an N-Triples pass, read only when folding our own RDF."""


@dataclass
class RdfNotes:
    """What an N-Triples pass keeps aside so that our own RDF layout can be folded into edges at the end.

    Cheap for other files: a dict entry per node typed with a class of NODE_ROLES
    and per literal of NOTED_LITERALS, nothing per edge.
    """

    ours: bool = False
    """A node is typed with a class of our vocabulary (the file is msc-graph RDF)."""
    roles: dict[int, str] = field(default_factory=dict)
    """Node index → assertion, evidence, study or schema (NODE_ROLES)."""
    literals: dict[bytes, dict[str, list[str]]] = field(default_factory=dict)
    """Subject as written → NOTED_LITERALS name → values."""


def fold_our_rdf(
    records: RecordBuilder, notes: RdfNotes, interned: Mapping[bytes, int], curies: Curies
) -> None:
    """Turn the records of our own RDF layout (rdf.py) back into the graph it was written from.

    Each ``msc:Assertion`` node becomes one edge: subject, predicate (its
    ``msc:predicateSlug``, else its ``rdf:predicate`` mapped) and object, with
    provenance in the KGX fields ``get_evidence`` reads: the assertion as edge
    id, the reviews its evidence was read in as knowledge source, the evidence
    studies as publications with each one's best ``msc:basis``, and the quotes
    as supporting text. The edge takes
    the place of the direct triple it reifies (one direct triple per
    assertion), or is appended when there is none. Edges of assertion,
    evidence, study and schema nodes go; ``skos:broader`` becomes is-a and
    ``skos:exactMatch`` / ``oboInOwl:hasDbXref`` cross-references. Finally those
    nodes, and nodes nothing kept mentions or describes, are dropped.
    Cost: linear in edges and nodes, run only for files in our layout.
    """

    def code(iri: str) -> int:
        return records.find_predicate_code(curies.compact(iri))

    subject_code, predicate_code, object_code = (
        code(RDF + "subject"),
        code(RDF + "predicate"),
        code(RDF + "object"),
    )
    evidence_code, broader_code, match_code = (
        code(VOCAB_IRI + "evidence"),
        code(SKOS + "broader"),
        code(SKOS + "exactMatch"),
    )
    study_codes = {code(VOCAB_IRI + "study"), code(PROV + "wasDerivedFrom")}
    read_in_code = code(VOCAB_IRI + "readIn")
    literals = {interned[token]: values for token, values in notes.literals.items() if token in interned}
    roles, node_ids = notes.roles, records.node_ids
    subjects, objects, predicates = records.subjects, records.objects, records.predicate_codes
    slugs, lines = records.slug_codes, records.lines

    for edge in range(len(subjects)):  # an assertion's endpoints are graph nodes, however typed
        if predicates[edge] in (subject_code, object_code) and roles.get(subjects[edge]) == "assertion":
            roles.pop(objects[edge], None)

    # 1. Sort the edge records: parts of assertions and evidence, is-a, xrefs, and graph edges.
    parts: dict[int, list[int]] = {}  # assertion → [subject, predicate node, object, line]
    evidence: dict[int, list[int]] = {}
    studies: dict[int, list[int]] = {}
    reviews: dict[int, list[int]] = {}
    kept: list[int] = []
    for edge in range(len(subjects)):
        subject, obj, written = subjects[edge], objects[edge], predicates[edge]
        role = roles.get(subject)
        if role == "assertion":
            if written in (subject_code, predicate_code, object_code):
                slot = parts.setdefault(subject, [-1, -1, -1, 0])
                slot[(subject_code, predicate_code, object_code).index(written)] = obj
                if written == subject_code:
                    slot[3] = lines[edge]
            elif written == evidence_code:
                evidence.setdefault(subject, []).append(obj)
        elif role == "evidence":
            if written in study_codes:
                studies.setdefault(subject, []).append(obj)
            elif written == read_in_code:
                reviews.setdefault(subject, []).append(obj)
        elif role is not None or obj in roles:
            pass  # study or schema nodes, and edges into them
        elif written == broader_code:
            records.add_parent(subject, obj)
        elif written == match_code:
            literals.setdefault(subject, {}).setdefault("xref", []).append(node_ids[obj])
        else:
            kept.append(edge)

    # 2. Each complete assertion replaces its direct triple (or is appended).
    waiting: dict[tuple[int, int, int], list[int]] = {}
    for assertion, (subject, predicate, obj, _) in parts.items():
        if min(subject, predicate, obj) >= 0:
            key = (subject, records.get_predicate_code(node_ids[predicate]), obj)
            waiting.setdefault(key, []).append(assertion)
    old = (subjects, objects, slugs, predicates, lines)
    records.clear_edges()
    for edge in kept:
        queue = waiting.get((old[0][edge], old[3][edge], old[1][edge]))
        if queue:
            _add_assertion(records, queue.pop(0), parts, evidence, studies, reviews, literals)
        else:
            records.add_edge(
                old[0][edge], old[3][edge], records.slugs[old[2][edge]], old[1][edge], old[4][edge]
            )
    for queue in waiting.values():
        for assertion in queue:
            _add_assertion(records, assertion, parts, evidence, studies, reviews, literals)

    # 3. Cross-references, then the nodes to keep.
    for index, values in literals.items():
        xrefs = list(dict.fromkeys(values.get("xref", ())))
        if xrefs and index not in roles:
            records.xrefs[index] = list(dict.fromkeys([*records.xrefs.get(index, ()), *xrefs]))
    used = bytearray(len(node_ids))
    for indices in (records.subjects, records.objects, records.synonyms, records.xrefs):
        for index in indices:
            used[index] = 1
    for child, parents in records.parents.items():
        if child not in roles:
            used[child] = 1
            for parent in parents:
                used[parent] = 1
    records.keep_nodes(
        [
            index not in roles
            and (used[index] == 1 or records.labels[index] is not None or records.categories[index] != 0)
            for index in range(len(node_ids))
        ]
    )


def _add_assertion(
    records: RecordBuilder,
    assertion: int,
    parts: Mapping[int, list[int]],
    evidence: Mapping[int, list[int]],
    studies: Mapping[int, list[int]],
    reviews: Mapping[int, list[int]],
    literals: Mapping[int, dict[str, list[str]]],
) -> None:
    """Append the edge of one reified assertion, its evidence folded into the KGX provenance fields."""
    ids = records.node_ids
    subject, predicate, obj, line = parts[assertion]
    written = ids[predicate]
    slug = next(iter(literals.get(assertion, {}).get("slug", ())), "")
    if slug not in PREDICATES:
        slug = map_predicate(written)
    pieces = evidence.get(assertion, [])
    bases: dict[str, str] = {}  # publication → its best basis over the pieces citing it
    cited: list[tuple[str, tuple[object, ...]]] = []  # (publication, the place a piece was read)
    for piece in pieces:
        noted = literals.get(piece, {})
        basis = next(iter(noted.get("basis", ())), Basis.STATED.value)
        place = (
            tuple(reviews.get(piece, ())),
            tuple(noted.get("locator", ())),
            tuple(noted.get("quote", ())),
        )
        for study in studies.get(piece, ()):
            bases[ids[study]] = best_basis(bases.get(ids[study]), basis)
            cited.append((ids[study], place))
    units = assign_support_units(cited)
    sources = dict.fromkeys(ids[r] for piece in pieces for r in reviews.get(piece, ()))
    quotes = dict.fromkeys(
        " ".join(q.split()) for piece in pieces for q in literals.get(piece, {}).get("quote", ())
    )
    provenance = encode_provenance(
        ids[assertion],
        "|".join(sources),
        "|".join(bases),
        " | ".join(quotes),
        "knowledge_assertion",
        "",
        "|".join(bases.values()),
        "|".join(units[study] for study in bases),
    )
    records.add_edge(subject, records.get_predicate_code(written), slug, obj, line, provenance)
