"""The RDF view: direct triples plus reified assertions, valid against ontology/shapes.ttl."""

from __future__ import annotations

import pytest
import rdflib
from pyshacl import validate as shacl_validate

from msc_graph.model.vocabulary import PREDICATES
from msc_graph.views import open_graph
from msc_graph.views.namespaces import RDF, VOCAB_IRI
from msc_graph.views.rdf import predicate_local

from .conftest import ROOT

MSC = rdflib.Namespace(VOCAB_IRI)
ENTITY = rdflib.Namespace("https://w3id.org/msc-graph/entity/")
SHAPES = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


def _conforms(graph: rdflib.Graph) -> tuple[bool, str]:
    conforms, _report, text = shacl_validate(graph, shacl_graph=SHAPES, ont_graph=None, inference="none")
    return bool(conforms), str(text)


def test_fixture_rdf_has_direct_triple_and_assertion_node(fixture_project) -> None:
    graph = open_graph(fixture_project).rdflib_graph
    assert (ENTITY["pw"], MSC["decreases"], ENTITY["auto"]) in graph
    node = rdflib.URIRef("https://w3id.org/msc-graph/assertion/pw--decreases--auto")
    assert (node, rdflib.URIRef(RDF + "subject"), ENTITY["pw"]) in graph
    assert graph.value(node, MSC["sign"]).toPython() == -1
    quotes = {str(graph.value(e, MSC["quote"])) for e in graph.objects(node, MSC["evidence"])}
    assert quotes == {"The pathway lowers autophagy"}


@pytest.mark.slow
def test_curated_rdf_conforms_to_the_shapes(real_project) -> None:
    conforms, text = _conforms(open_graph(real_project).rdflib_graph)
    assert conforms, text[:2000]


def test_shapes_catch_a_broken_assertion(fixture_project) -> None:
    graph = open_graph(fixture_project).rdflib_graph
    node = rdflib.URIRef("https://w3id.org/msc-graph/assertion/pw--decreases--auto")
    for evidence in list(graph.objects(node, MSC["evidence"])):
        graph.remove((node, MSC["evidence"], evidence))  # an assertion with no evidence
    graph.add((node, MSC["sign"], rdflib.Literal(2)))  # and a sign outside {-1, 0, 1}
    conforms, text = _conforms(graph)
    assert not conforms
    assert "evidence" in text and "sign" in text


def test_ontology_declares_every_predicate_and_type() -> None:
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "msc.ttl")
    for slug, predicate in PREDICATES.items():
        term = MSC[predicate_local(slug)]
        assert (term, rdflib.RDF.type, rdflib.OWL.ObjectProperty) in ontology, slug
        assert ontology.value(term, rdflib.RDFS.label) is not None
        assert ontology.value(term, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#definition"))
        signs = list(ontology.objects(term, MSC["sign"]))
        assert [s.toPython() for s in signs] == ([] if predicate.sign is None else [int(predicate.sign)])
    from msc_graph.views.rdf import TYPE_CLASSES

    for local in TYPE_CLASSES.values():
        assert (MSC[local], rdflib.RDF.type, rdflib.OWL.Class) in ontology, local
