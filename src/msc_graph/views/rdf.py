"""Model → RDF: the triples of the graph, and the rdflib / pyoxigraph stores built from them.

Each assertion is written twice (DESIGN.md): as a direct triple
``entity:s msc:predicate entity:o`` for simple SPARQL, and as an
``msc:Assertion`` node (an ``rdf:Statement``, standard reification) that
carries the sign and one ``msc:Evidence`` node per piece of evidence, each with
its study, review, locator, quote and context. Never imports network.py.

Triples are produced once as plain tuples of terms (``iter_triples``) so that
rdflib and pyoxigraph are two consumers of the same list, not conversions of
each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msc_graph.model import Basis, Component, Evidence, GraphModel, Study
from msc_graph.model.names import normalise_name
from msc_graph.model.vocabulary import PREDICATES, get_eco_term
from msc_graph.views.namespaces import (
    ASSERTION_IRI,
    BIBO,
    COMPONENT_IRI,
    DCTERMS,
    ECO_IRI,
    ENTITY_IRI,
    EVIDENCE_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    STUDY_IRI,
    VOCAB_IRI,
    XSD,
    expand_curie,
)

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib


TYPE_CLASSES = {
    "msc-source": "MSCSource",
    "secretome-component": "SecretomeComponent",
    "cell-source": "CellSource",
    "cell-preparation": "CellPreparation",
    "factor": "Factor",
    "growth-factor": "GrowthFactor",
    "cytokine": "Cytokine",
    "chemokine": "Chemokine",
    "enzyme": "Enzyme",
    "receptor": "Receptor",
    "microrna": "MicroRNA",
    "marker": "Marker",
    "chemical": "Chemical",
    "pathway": "Pathway",
    "process": "BiologicalProcess",
    "cell-type": "CellType",
    "tissue": "Tissue",
    "disease-model": "DiseaseModel",
    "disease": "Disease",
    "phenotype": "Phenotype",
    "species": "Species",
    "route": "Route",
    "study": "Study",
    "external": "ExternalEntity",
}
"""Entity type slug → OWL class local name in ontology/msc.ttl."""

CONTEXT_PROPERTIES = {
    "species": "species",
    "strain": "strain",
    "disease_model": "diseaseModel",
    "healthy": "healthy",
    "msc_source": "mscSource",
    "preparation": "preparation",
    "route": "route",
    "measured_in": "measuredIn",
    "setting": "setting",
}
"""Context field → property local name (vocab#). Entity-valued fields point to entity IRIs."""


@dataclass(frozen=True)
class Iri:
    """An IRI term."""

    value: str


@dataclass(frozen=True)
class Literal:
    """A literal term with an optional datatype IRI."""

    value: str
    datatype: str | None = None


Term = Iri | Literal
Triple = tuple[Iri, Iri, Term]


def entity_iri(entity_id: str) -> Iri:
    """Return the IRI of an entity id."""
    return Iri(ENTITY_IRI + entity_id)


def vocab(local: str) -> Iri:
    """Return a term of our vocabulary namespace."""
    return Iri(VOCAB_IRI + local)


def predicate_local(slug: str) -> str:
    """Return the vocab local name of a predicate slug (``no-change`` → ``noChange``)."""
    head, *rest = slug.split("-")
    return head + "".join(part.capitalize() for part in rest)


def _text(value: str) -> Literal:
    return Literal(value)


def _boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", XSD + "boolean")


def _integer(value: int) -> Literal:
    return Literal(str(value), XSD + "integer")


def iter_triples(model: GraphModel, prefixes: Mapping[str, str]) -> Iterator[Triple]:
    """Yield every triple of the model, in a stable order.

    Cost: linear in entities + studies + evidence records.
    """
    a = Iri(RDF + "type")
    label = Iri(RDFS + "label")
    for entity in model.entities.values():
        node = entity_iri(entity.id)
        yield node, a, vocab(TYPE_CLASSES[entity.type.value])
        yield node, label, _text(entity.label)
        yield node, Iri(DCTERMS + "identifier"), _text(entity.id)
        for synonym in entity.synonyms:
            yield node, Iri(SKOS + "altLabel"), _text(synonym)
        for parent in entity.is_a:
            yield node, Iri(SKOS + "broader"), entity_iri(parent)
        yield from _iter_xref_triples(node, entity.xrefs, entity.no_xref, prefixes)
        for place in entity.found_in:
            yield node, vocab("foundIn"), entity_iri(place)
        for place in entity.occurs_in:
            yield node, vocab("occursIn"), entity_iri(place)
        for component in entity.components:
            yield node, vocab("component"), _text(component)
        for part in model.get_components(entity.id) if entity.components else ():
            yield node, vocab("hasComponent"), component_iri(part.name)
        if entity.proposed_by:
            yield node, vocab("proposedBy"), _text(entity.proposed_by)
    for part in model.components.values():
        yield from _iter_component_triples(part, prefixes)
    for study in model.studies.values():
        yield from _iter_study_triples(study)
    eco_classes = {
        (basis, primary): str(expand_curie(get_eco_term(basis, primary), {"ECO": ECO_IRI, **prefixes}))
        for basis in Basis
        for primary in (True, False)
    }
    for assertion in model.assertions:
        subject, obj = entity_iri(assertion.subject), entity_iri(assertion.object)
        predicate = vocab(predicate_local(assertion.predicate))
        yield subject, predicate, obj
        node = Iri(ASSERTION_IRI + assertion.id)
        yield node, a, vocab("Assertion")
        yield node, a, Iri(RDF + "Statement")
        yield node, Iri(RDF + "subject"), subject
        yield node, Iri(RDF + "predicate"), predicate
        yield node, Iri(RDF + "object"), obj
        yield node, vocab("predicateSlug"), _text(assertion.predicate)
        yield node, vocab("role"), _text(PREDICATES[assertion.predicate].role.value)
        if assertion.sign is not None:
            yield node, vocab("sign"), _integer(int(assertion.sign))
        for index, item in enumerate(assertion.evidence):
            evidence = Iri(EVIDENCE_IRI + assertion.evidence_key(index))
            yield node, vocab("evidence"), evidence
            cited = model.studies.get(item.study)
            primary = not (cited is not None and cited.review)
            yield from _iter_evidence_triples(evidence, item, eco_classes[item.basis, primary])


def component_iri(name: str) -> Iri:
    """Return the IRI of the part a composite names (its normalised name: PI3K → component:pi3k)."""
    from urllib.parse import quote

    return Iri(COMPONENT_IRI + quote(normalise_name(name), safe=""))


def _iter_component_triples(part: Component, prefixes: Mapping[str, str]) -> Iterator[Triple]:
    """Yield a part's node: its name, other spellings and cross-references (never an entity, never walked)."""
    node = component_iri(part.name)
    yield node, Iri(RDF + "type"), vocab("Component")
    yield node, Iri(RDFS + "label"), _text(part.name)
    for spelling in part.spellings[1:]:
        yield node, Iri(SKOS + "altLabel"), _text(spelling)
    yield from _iter_xref_triples(node, part.xrefs, part.no_xref, prefixes)


def _iter_xref_triples(
    node: Iri, xrefs: Iterable[str], no_xref: str | None, prefixes: Mapping[str, str]
) -> Iterator[Triple]:
    """Yield an entity's or a part's cross-references (skos:exactMatch and the CURIE), or why it has none."""
    for xref in xrefs:
        iri = expand_curie(xref, prefixes)
        if iri:
            yield node, Iri(SKOS + "exactMatch"), Iri(iri)
        yield node, Iri("http://www.geneontology.org/formats/oboInOwl#hasDbXref"), _text(xref)
    if no_xref:
        yield node, vocab("noXrefReason"), _text(no_xref)


def _iter_study_triples(study: Study) -> Iterator[Triple]:
    node = Iri(STUDY_IRI + study.id)
    yield node, Iri(RDF + "type"), vocab("Study")
    yield node, Iri(RDFS + "label"), _text(study.citation)
    yield node, Iri(DCTERMS + "bibliographicCitation"), _text(study.citation)
    yield node, Iri(DCTERMS + "identifier"), _text(study.id)
    yield node, vocab("isReview"), _boolean(study.review)
    if study.title:
        yield node, Iri(DCTERMS + "title"), _text(study.title)
    for author in study.authors:
        yield node, Iri(DCTERMS + "creator"), _text(author)
    if study.year is not None:
        yield node, vocab("year"), _integer(study.year)
    for name, value in (("journal", study.journal), ("volume", study.volume), ("pages", study.pages)):
        if value:
            yield node, vocab(name), _text(value)
    if study.doi:
        yield node, Iri(BIBO + "doi"), _text(study.doi)
        yield node, Iri(OWL + "sameAs"), Iri("https://doi.org/" + study.doi)
    if study.pmid:
        yield node, Iri(BIBO + "pmid"), _text(study.pmid)
    if study.no_pmid:
        yield node, vocab("noPmidReason"), _text(study.no_pmid)
    if study.ref is not None:
        yield node, vocab("referenceNumber"), _integer(study.ref)
    if study.proposed_by:
        yield node, vocab("proposedBy"), _text(study.proposed_by)


def _iter_evidence_triples(node: Iri, item: Evidence, eco_class: str) -> Iterator[Triple]:
    """Yield one evidence node's triples; ``eco_class`` is the IRI of its ECO class."""
    yield node, Iri(RDF + "type"), vocab("Evidence")
    yield node, vocab("study"), Iri(STUDY_IRI + item.study)
    yield node, Iri(PROV + "wasDerivedFrom"), Iri(STUDY_IRI + item.study)
    yield node, vocab("readIn"), Iri(STUDY_IRI + item.read_in)
    yield node, vocab("sourceKind"), _text(item.source_kind.value)
    yield node, vocab("locator"), _text(item.locator)
    yield node, vocab("quote"), _text(item.quote)
    yield node, vocab("basis"), _text(item.basis.value)
    yield node, Iri(RDF + "type"), Iri(eco_class)
    if item.inferred_from:
        yield node, vocab("inferredFrom"), _text(item.inferred_from)
    if item.caveat:
        yield node, vocab("caveat"), _text(item.caveat)
    if item.proposed_by:
        yield node, vocab("proposedBy"), _text(item.proposed_by)
    for name in item.inherited:
        yield node, vocab("inheritedField"), _text(name)
    for name, value in item.context.items():
        prop = vocab(CONTEXT_PROPERTIES[name])
        if name == "measured_in":
            for ident in value:  # type: ignore[attr-defined]
                yield node, prop, entity_iri(ident)
        elif name in ("strain", "setting"):
            yield node, prop, _text(str(value))
        elif name == "healthy":
            yield node, prop, _boolean(bool(value))
        else:
            yield node, prop, entity_iri(str(value))


def build_rdflib_graph(triples: list[Triple], ontology_files: list[Path] | None = None) -> rdflib.Graph:
    """Return an rdflib Graph of the triples, plus the ontology Turtle files when given."""
    import rdflib

    graph = rdflib.Graph()
    for prefix, namespace in (
        ("msc", VOCAB_IRI),
        ("entity", ENTITY_IRI),
        ("study", STUDY_IRI),
        ("assertion", ASSERTION_IRI),
        ("evidence", EVIDENCE_IRI),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("bibo", BIBO),
    ):
        graph.bind(prefix, namespace)

    def term(value: Term) -> Any:
        if isinstance(value, Iri):
            return rdflib.URIRef(value.value)
        return rdflib.Literal(value.value, datatype=value.datatype)

    for subject, predicate, obj in triples:
        graph.add((term(subject), term(predicate), term(obj)))
    for path in ontology_files or []:
        graph.parse(path, format="turtle")
    return graph


def to_oxigraph_quads(triples: list[Triple]) -> list[pyoxigraph.Quad]:
    """Return the triples as pyoxigraph quads in the default graph."""
    import pyoxigraph

    cache: dict[Term, Any] = {}

    def term(value: Term) -> Any:
        found = cache.get(value)
        if found is None:
            if isinstance(value, Iri):
                found = pyoxigraph.NamedNode(value.value)
            elif value.datatype:
                found = pyoxigraph.Literal(value.value, datatype=pyoxigraph.NamedNode(value.datatype))
            else:
                found = pyoxigraph.Literal(value.value)
            cache[value] = found
        return found

    return [pyoxigraph.Quad(term(s), term(p), term(o)) for s, p, o in triples]


def write_ntriples(triples: list[Triple], path: Path) -> None:
    """Write the triples as sorted N-Triples (stable across runs, so diffs are reviewable)."""
    lines = sorted({f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples})
    path.write_text("".join(lines), encoding="utf-8")


def _nt(value: Term) -> str:
    if isinstance(value, Iri):
        return f"<{value.value}>"
    escaped = escape_literal(value.value)
    return f'"{escaped}"^^<{value.datatype}>' if value.datatype else f'"{escaped}"'


_LITERAL_UNSAFE = re.compile(r'["\\\n\r]')
_CONTROL_ESCAPES = {"\t": "\\t", "\b": "\\b", "\f": "\\f"}


def escape_literal(value: str, also: str = "") -> str:
    r"""Return ``value`` escaped for the inside of a quoted N-Triples, Turtle or SPARQL literal.

    The one string escaper of the package: backslashes, double quotes, line
    feeds and carriage returns always (what N-Triples needs), and the
    characters of ``also``, among tab, backspace and form feed, as ``\t``,
    ``\b``, ``\f``. A value with nothing to escape is returned as it is.

    >>> print(escape_literal('say "hi"\nto C:\\'))
    say \"hi\"\nto C:\\
    >>> print(escape_literal("a\tb", also="\t"))
    a\tb
    """
    if _LITERAL_UNSAFE.search(value) is None and not any(char in value for char in also):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    for char in also:
        escaped = escaped.replace(char, _CONTROL_ESCAPES[char])
    return escaped
