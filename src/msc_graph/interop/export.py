"""Model → files other tools read: Turtle, N-Triples, JSON-LD, GraphML, KGX TSV, Cytoscape.js JSON, CSV.

Each writer takes the model (and, for GraphML and JSON-LD, the view it
serialises) and returns the bytes of each file to write, so the CLI writes
them atomically and tests read them back with real parsers;
:func:`export_files` is the one place that maps a format name to its writer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from msc_graph.model import Assertion, Basis, GraphModel, assign_support_units
from msc_graph.model.vocabulary import PREDICATES, get_eco_term
from msc_graph.query.payloads import context_payload

if TYPE_CHECKING:
    import networkx
    import rdflib

    from msc_graph.views import GraphViews

NEWLINE = b"\n"
EXPORT_FORMATS = ("ttl", "nt", "jsonld", "graphml", "kgx", "cytoscape", "csv")

KGX_PREFIX = "MSCG"
"""CURIE prefix of our entities in KGX files (ids stay readable: MSCG:il-1b)."""
KNOWLEDGE_SOURCE = "infores:msc-graph"

BIOLINK_CATEGORIES = {
    "msc-source": "biolink:Cell",
    "secretome-component": "biolink:ChemicalMixture",
    "cell-source": "biolink:Cell",
    "cell-preparation": "biolink:Cell",
    "factor": "biolink:Protein",
    "growth-factor": "biolink:Protein",
    "cytokine": "biolink:Protein",
    "chemokine": "biolink:Protein",
    "enzyme": "biolink:Protein",
    "receptor": "biolink:Protein",
    "marker": "biolink:Protein",
    "microrna": "biolink:MicroRNA",
    "chemical": "biolink:SmallMolecule",
    "pathway": "biolink:Pathway",
    "process": "biolink:BiologicalProcess",
    "cell-type": "biolink:Cell",
    "tissue": "biolink:AnatomicalEntity",
    "disease-model": "biolink:Disease",
    "disease": "biolink:Disease",
    "phenotype": "biolink:PhenotypicFeature",
    "species": "biolink:OrganismTaxon",
    "route": "biolink:NamedThing",
    "study": "biolink:Publication",
    "external": "biolink:NamedThing",
}
"""Entity type → Biolink category (the nearest class Biolink has)."""

SCALAR_CONTEXT = ("species", "strain", "disease_model", "healthy", "msc_source", "preparation", "route")
"""The context fields that hold one value (measured_in holds several, setting is written last)."""

CSV_COLUMNS = [
    "assertion",
    "subject",
    "subject_label",
    "predicate",
    "object",
    "object_label",
    "sign",
    "study",
    "citation",
    "read_in",
    "source_kind",
    "locator",
    "quote",
    "basis",
    "inferred_from",
    "eco",
    "caveat",
    *SCALAR_CONTEXT,
    "measured_in",
    "setting",
]


def _table(rows: list[list[str]]) -> bytes:
    """Return CSV with the usual quoting (the flat evidence table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


_TSV_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _tsv(rows: list[list[str]]) -> bytes:
    """Return KGX TSV: tab-separated, no quoting (KGX has none: a quote in a cell is a quote).

    A tab or line break inside a cell would split it, so it becomes a space.
    """
    return "".join("\t".join(cell.translate(_TSV_BREAKS) for cell in row) + "\n" for row in rows).encode(
        "utf-8"
    )


def _publications(model: GraphModel, study_ids: list[str]) -> list[str]:
    """Return DOI / PMID CURIEs of the studies where the reference list gives one, else study ids."""
    result = []
    for study_id in study_ids:
        study = model.studies[study_id]
        if study.doi:
            result.append(f"doi:{study.doi}")
        elif study.pmid:
            result.append(f"PMID:{study.pmid}")
        else:
            result.append(f"msc-study:{study.id}")
    return result


def get_agent_type(assertion: Assertion) -> str:
    """Return the Biolink agent type of an edge: who made the claim an assertion of the graph.

    A curator who reads the seed is a manual agent; a curator who accepted a
    tool's draft (``curate draft``, then ``curate review``) validated an
    automated agent's proposal. An edge a curator also read directly stays manual.
    """
    if all(item.proposed_by for item in assertion.evidence):
        return "manual_validation_of_automated_agent"
    return "manual_agent"


def write_kgx(model: GraphModel) -> dict[str, bytes]:
    """Return KGX TSV nodes and edges files (``nodes.tsv``, ``edges.tsv``).

    Edges carry Biolink predicates with ``object_direction_qualifier`` for
    signed ones, our predicate slug in ``msc_predicate``, and the KGX
    provenance columns: ``primary_knowledge_source`` (msc-graph),
    ``aggregator_knowledge_source`` (the reviews read), ``publications`` and
    ``supporting_text`` (the verbatim quotes), ``knowledge_level``
    knowledge_assertion and ``agent_type`` (manual_agent: a curator read the
    edge; manual_validation_of_automated_agent where every piece of its
    evidence came from a tool's draft a curator accepted), the ECO classes of the edge's evidence in
    ``has_evidence_of_type`` (Biolink 4.4.6 gives ECO terms that slot;
    ``has_evidence`` takes information content entities), and in
    ``msc_basis`` each publication's best basis and in ``msc_unit`` its
    support unit (the study naming the group of studies cited together, see
    model.assign_support_units), both aligned with ``publications``, which
    our importer reads back so that paths score the same.
    """
    nodes = [["id", "category", "name", "synonym", "xref", "msc_type"]]
    for entity in model.entities.values():
        nodes.append(
            [
                f"{KGX_PREFIX}:{entity.id}",
                BIOLINK_CATEGORIES[entity.type.value],
                entity.label,
                "|".join(entity.synonyms),
                "|".join(entity.xrefs),
                entity.type.value,
            ]
        )
    edges = [
        [
            "id",
            "subject",
            "predicate",
            "object",
            "object_direction_qualifier",
            "msc_predicate",
            "primary_knowledge_source",
            "aggregator_knowledge_source",
            "publications",
            "supporting_text",
            "knowledge_level",
            "agent_type",
            "has_evidence_of_type",
            "msc_basis",
            "msc_unit",
        ]
    ]
    for assertion in model.assertions:
        predicate = PREDICATES[assertion.predicate]
        studies = sorted(assertion.studies)
        best = {
            study: Basis.strongest(e.basis for e in assertion.evidence if e.study == study)
            for study in studies
        }
        units = assign_support_units((e.study, e.place) for e in assertion.evidence)
        eco = sorted({get_eco_term(e.basis, not model.studies[e.study].review) for e in assertion.evidence})
        reviews = sorted({e.read_in for e in assertion.evidence})
        quotes = list(dict.fromkeys(" ".join(e.quote.split()) for e in assertion.evidence))
        edges.append(
            [
                assertion.id,
                f"{KGX_PREFIX}:{assertion.subject}",
                predicate.biolink,
                f"{KGX_PREFIX}:{assertion.object}",
                predicate.direction or "",
                assertion.predicate,
                KNOWLEDGE_SOURCE,
                "|".join(f"infores:{r}" for r in reviews),
                "|".join(_publications(model, studies)),
                "|".join(q.replace("|", "/") for q in quotes),
                "knowledge_assertion",
                get_agent_type(assertion),
                "|".join(eco),
                "|".join(best[study].value for study in studies),
                "|".join(units[study] for study in studies),
            ]
        )
    return {"nodes.tsv": _tsv(nodes), "edges.tsv": _tsv(edges)}


def write_csv(model: GraphModel) -> bytes:
    """Return one CSV row per piece of evidence, with its assertion and context."""
    rows = [CSV_COLUMNS]
    for assertion in model.assertions:
        for item in assertion.evidence:
            context: Mapping[str, Any] = context_payload(model, item.context)
            rows.append(
                [
                    assertion.id,
                    assertion.subject,
                    model.entities[assertion.subject].label,
                    assertion.predicate,
                    assertion.object,
                    model.entities[assertion.object].label,
                    "" if assertion.sign is None else str(int(assertion.sign)),
                    item.study,
                    model.studies[item.study].citation,
                    item.read_in,
                    item.source_kind.value,
                    item.locator,
                    item.quote,
                    item.basis.value,
                    item.inferred_from or "",
                    get_eco_term(item.basis, not model.studies[item.study].review),
                    item.caveat or "",
                    *(
                        ""
                        if context[name] is None
                        else str(context[name]).lower()
                        if name == "healthy"
                        else str(context[name])
                        for name in SCALAR_CONTEXT
                    ),
                    "|".join(v for v in context["measured_in"] if v),
                    context["setting"] or "",
                ]
            )
    return _table(rows)


def write_cytoscape(model: GraphModel) -> bytes:
    """Return Cytoscape.js JSON: ``{"elements": {"nodes": [...], "edges": [...]}}``."""
    nodes = [
        {
            "data": {
                "id": e.id,
                "label": e.label,
                "type": e.type.value,
                "xrefs": list(e.xrefs),
                "synonyms": list(e.synonyms),
            }
        }
        for e in model.entities.values()
    ]
    edges = [
        {
            "data": {
                "id": a.id,
                "source": a.subject,
                "target": a.object,
                "predicate": a.predicate,
                "sign": None if a.sign is None else int(a.sign),
                "studies": sorted(a.studies),
                "n_evidence": len(a.evidence),
            }
        }
        for a in model.assertions
    ]
    return json.dumps({"elements": {"nodes": nodes, "edges": edges}}, ensure_ascii=False, indent=1).encode(
        "utf-8"
    )


def write_graphml(network: networkx.MultiDiGraph) -> bytes:
    """Return GraphML of the network view, attributes flattened to strings GraphML can hold."""
    import networkx

    flat = networkx.MultiDiGraph()
    for node, attrs in network.nodes(data=True):
        flat.add_node(
            node,
            label=attrs["label"],
            type=attrs["type"],
            synonyms="|".join(attrs["synonyms"]),
            xrefs="|".join(attrs["xrefs"]),
        )
    for subject, obj, key, attrs in network.edges(keys=True, data=True):
        flat.add_edge(
            subject,
            obj,
            key=key,
            predicate=attrs["predicate"],
            sign="" if attrs["sign"] is None else str(attrs["sign"]),
            role=attrs["role"],
            n_studies=attrs["n_studies"],
            studies="|".join(sorted({e.study for e in attrs["evidence"]})),
        )
    buffer = io.BytesIO()
    networkx.write_graphml(flat, buffer)
    return buffer.getvalue()


def write_jsonld(graph: rdflib.Graph, prefixes: Mapping[str, str]) -> bytes:
    """Return the RDF view as JSON-LD with a context made of the committed prefix map."""
    context = {prefix: namespace for prefix, namespace in prefixes.items()}
    return graph.serialize(format="json-ld", context=context, indent=1).encode("utf-8")


@dataclass(frozen=True)
class ExportedFile:
    """One file of an export: the suffix its name takes ("" for a single file), its bytes, what it holds."""

    suffix: str
    data: bytes
    holds: str


def export_files(views: GraphViews, fmt: str) -> list[ExportedFile]:
    """Return the files of ``views`` in format ``fmt`` (one of EXPORT_FORMATS; KGX writes two).

    ``holds`` says what a file holds for the message after writing it
    ("240 rows", "1,234 triples", or the format's name).
    """
    if fmt == "kgx":
        return [
            ExportedFile(f"_{name}", data, f"{data.count(NEWLINE) - 1} rows")
            for name, data in write_kgx(views.model).items()
        ]
    if fmt == "nt":
        import tempfile
        from pathlib import Path

        from msc_graph.views.rdf import write_ntriples

        with tempfile.TemporaryDirectory() as folder:
            scratch = Path(folder) / "graph.nt"
            write_ntriples(views.triples, scratch)
            payload = scratch.read_bytes()
        return [ExportedFile("", payload, f"{payload.count(NEWLINE)} triples")]
    if fmt == "ttl":
        graph = views.rdflib_graph
        return [ExportedFile("", graph.serialize(format="turtle").encode("utf-8"), f"{len(graph)} triples")]
    writers = {
        "jsonld": lambda: write_jsonld(views.rdflib_graph, views.prefixes),
        "graphml": lambda: write_graphml(views.network),
        "cytoscape": lambda: write_cytoscape(views.model),
        "csv": lambda: write_csv(views.model),
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return [ExportedFile("", writers[fmt](), fmt)]
