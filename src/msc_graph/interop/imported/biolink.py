"""Biolink (and RO, BFO) terms mapped to ours: predicates and their signs, categories, knowledge levels.

Predicates and signs (``map_predicate``): a signed KGX edge keeps its sign,
whether the predicate carries it (``biolink:positively_regulates``,
``RO:0002212`` …) or ``object_direction_qualifier`` does (``increased`` /
``upregulated`` → increases, ``decreased`` / ``downregulated`` → decreases).
Unsigned mechanistic predicates (affects, regulates, interacts with,
participates in) map to ``acts-on``, which transmits an effect of unknown
sign; parts and expression map to the carriers ``part-of`` (walked whole →
part) and ``carries``; treats → ``ameliorates``,
causes / contributes to → ``increases``; everything else (associations,
similarity, location, phenotypes, unknown predicates) to descriptive
predicates that transmit nothing. The predicate as written is kept per edge.
"""

from __future__ import annotations

from msc_graph.model import EntityType
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.views.namespaces import BIOLINK, OBO_IN_OWL, RDF, RDFS, SKOS
from msc_graph.views.rdf import TYPE_CLASSES, predicate_local

_UP = "increases"
_DOWN = "decreases"
PREDICATE_SLUGS: dict[str, str] = {
    # the sign is in the predicate
    "biolink:positively_regulates": _UP,
    "biolink:negatively_regulates": _DOWN,
    "biolink:entity_positively_regulates_entity": _UP,
    "biolink:entity_negatively_regulates_entity": _DOWN,
    "biolink:increases_expression_of": _UP,
    "biolink:decreases_expression_of": _DOWN,
    "biolink:increases_activity_of": _UP,
    "biolink:decreases_activity_of": _DOWN,
    "biolink:increases_amount_or_activity_of": _UP,
    "biolink:decreases_amount_or_activity_of": _DOWN,
    "biolink:increases_abundance_of": _UP,
    "biolink:decreases_abundance_of": _DOWN,
    "biolink:causes": _UP,
    "biolink:contributes_to": _UP,
    "biolink:treats": "ameliorates",
    "biolink:ameliorates": "ameliorates",
    "biolink:ameliorates_condition": "ameliorates",
    "RO:0002213": _UP,
    "RO:0002629": _UP,
    "RO:0002212": _DOWN,
    "RO:0002630": _DOWN,
    # unsigned but mechanistic: transmit, and leave the chain's sign unknown
    "biolink:affects": "acts-on",
    "biolink:regulates": "acts-on",
    "RO:0002211": "acts-on",
    "biolink:interacts_with": "acts-on",
    "biolink:physically_interacts_with": "acts-on",
    "biolink:directly_physically_interacts_with": "acts-on",
    "biolink:genetically_interacts_with": "acts-on",
    "biolink:acts_upstream_of": "acts-on",
    "biolink:has_part": "carries",
    "biolink:has_gene_product": "carries",
    "biolink:expresses": "carries",
    "BFO:0000051": "carries",
    # taking part in a process is no composition (a pathway does not do what one of its genes
    # does): the member acts on what it takes part in, direction unstated
    "biolink:participates_in": "acts-on",
    "biolink:actively_involved_in": "acts-on",
    "biolink:part_of": "part-of",
    "BFO:0000050": "part-of",
    # descriptive: transmit nothing
    "biolink:derives_from": "derived-from",
    "biolink:biomarker_for": "marker-of",
    "biolink:model_of": "model-of",
}
"""Predicate CURIE as written → our predicate slug; anything else is ``associated-with``."""
DIRECTION_SLUGS = {"increased": _UP, "upregulated": _UP, "decreased": _DOWN, "downregulated": _DOWN}
"""object_direction_qualifier → the signed slug it turns an unsigned mechanistic predicate into."""
SUBCLASS_PREDICATES = frozenset({"biolink:subclass_of", "rdfs:subClassOf"})
"""Predicates read as is-a (the resolver expands through them) rather than as edges."""

CATEGORY_TYPES: dict[str, EntityType] = {
    **dict.fromkeys(
        (
            "biolink:Gene",
            "biolink:Protein",
            "biolink:GeneProduct",
            "biolink:Polypeptide",
            "biolink:GeneOrGeneProduct",
            "biolink:GeneFamily",
        ),
        EntityType.FACTOR,
    ),
    **dict.fromkeys(("biolink:MicroRNA", "biolink:NoncodingRNAProduct"), EntityType.MICRORNA),
    **dict.fromkeys(
        (
            "biolink:SmallMolecule",
            "biolink:ChemicalEntity",
            "biolink:Drug",
            "biolink:MolecularEntity",
            "biolink:ChemicalMixture",
        ),
        EntityType.CHEMICAL,
    ),
    **dict.fromkeys(("biolink:Disease", "biolink:DiseaseOrPhenotypicFeature"), EntityType.DISEASE),
    "biolink:PhenotypicFeature": EntityType.PHENOTYPE,
    "biolink:Pathway": EntityType.PATHWAY,
    **dict.fromkeys(
        (
            "biolink:BiologicalProcess",
            "biolink:MolecularActivity",
            "biolink:BiologicalProcessOrActivity",
            "biolink:PhysiologicalProcess",
        ),
        EntityType.PROCESS,
    ),
    "biolink:Cell": EntityType.CELL_TYPE,
    **dict.fromkeys(("biolink:AnatomicalEntity", "biolink:GrossAnatomicalStructure"), EntityType.TISSUE),
    "biolink:OrganismTaxon": EntityType.SPECIES,
    **{f"msc:{name}": EntityType(slug) for slug, name in TYPE_CLASSES.items()},
}
"""Biolink category (or our own class) → our entity type; others are ``external`` (kept as written)."""

LABEL_PREDICATES = frozenset({RDFS + "label", SKOS + "prefLabel", BIOLINK + "name"})
SYNONYM_PREDICATES = frozenset(
    {SKOS + "altLabel", OBO_IN_OWL + "hasExactSynonym", OBO_IN_OWL + "hasRelatedSynonym", BIOLINK + "synonym"}
)
TYPE_PREDICATES = frozenset({RDF + "type", BIOLINK + "category"})
HEDGED_LEVELS = frozenset({"prediction", "statistical_association"})
"""Foreign knowledge levels read as hedged (an edge without our own basis column)."""
ASSERTED_LEVEL = "knowledge_assertion"
"""The knowledge level a bare triple in the store reads as; an edge of any other gets a statement node."""


def map_predicate(predicate: str, direction: str = "") -> str:
    """Return our predicate slug for a source predicate (CURIE) and its direction qualifier.

    >>> map_predicate("biolink:affects", "decreased"), map_predicate("biolink:negatively_regulates")
    ('decreases', 'decreases')
    >>> map_predicate("biolink:interacts_with"), map_predicate("biolink:similar_to")
    ('acts-on', 'associated-with')
    """
    if predicate.startswith("msc:"):
        for slug in PREDICATES:
            if predicate == "msc:" + predicate_local(slug):
                return slug
    slug = PREDICATE_SLUGS.get(predicate, "associated-with")
    signed = DIRECTION_SLUGS.get(direction.strip().lower())
    if signed and slug == "acts-on":
        return signed
    return slug
