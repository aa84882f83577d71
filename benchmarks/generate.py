"""A seeded, Hetionet-shaped synthetic graph written as KGX TSV and as N-Triples.

Why synthetic: Hetionet itself cannot be downloaded here, and a benchmark must
run on a fresh clone. The generator keeps what makes Hetionet hard for path
search: typed nodes in Hetionet's proportions (genes and biological processes
dominate, a few hundred diseases), about a dozen edge types with Hetionet's
relative sizes and directions, and heavy-tailed degrees (node popularity
follows a Zipf-like law within each type, so a few hubs carry many edges).

Usage: ``python benchmarks/generate.py 100000 [--seed 7] [--out benchmarks/data]``.
The same size and seed always give byte-identical files.

Cost: linear in the number of edges; about 5 s per million edges.
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

BIOLINK = "https://w3id.org/biolink/vocab/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RO = "http://purl.obolibrary.org/obo/RO_"

PREFIXES = {
    "NCBIGene": "https://identifiers.org/ncbigene:",
    "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "GO": "http://purl.obolibrary.org/obo/GO_",
    "REACT": "https://reactome.org/content/detail/",
    "HP": "http://purl.obolibrary.org/obo/HP_",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "PMID": "https://pubmed.ncbi.nlm.nih.gov/",
    "infores": "https://w3id.org/information-resource/",
}


@dataclass(frozen=True)
class NodeType:
    """One Hetionet node type: its share of the nodes, CURIE pattern and Biolink category."""

    name: str
    share: float
    curie: str
    category: str
    label: str


@dataclass(frozen=True)
class EdgeType:
    """One Hetionet edge type: endpoints, share of the edges, Biolink predicate, signed or not."""

    name: str
    subject: str
    object: str
    share: float
    predicate: str
    signed: bool
    source: str


NODE_TYPES = (
    NodeType("Gene", 0.445, "NCBIGene:{}", "biolink:Gene", "GENE{}"),
    NodeType("Compound", 0.033, "CHEBI:{}", "biolink:SmallMolecule", "compound {}"),
    NodeType("Disease", 0.004, "DOID:{}", "biolink:Disease", "disease {}"),
    NodeType("Anatomy", 0.0085, "UBERON:{:07d}", "biolink:GrossAnatomicalStructure", "anatomy {}"),
    NodeType("BiologicalProcess", 0.242, "GO:{:07d}", "biolink:BiologicalProcess", "process {}"),
    NodeType("CellularComponent", 0.03, "GO:1{:06d}", "biolink:CellularComponent", "component {}"),
    NodeType("MolecularFunction", 0.061, "GO:2{:06d}", "biolink:MolecularActivity", "activity {}"),
    NodeType("Pathway", 0.039, "REACT:R-HSA-{}", "biolink:Pathway", "pathway {}"),
    NodeType("SideEffect", 0.122, "HP:{:07d}", "biolink:PhenotypicFeature", "side effect {}"),
    NodeType("Symptom", 0.009, "MESH:D{:06d}", "biolink:PhenotypicFeature", "symptom {}"),
)

EDGE_TYPES = (
    EdgeType("expresses", "Anatomy", "Gene", 0.233, "biolink:expresses", False, "infores:bgee"),
    EdgeType(
        "participates-bp", "Gene", "BiologicalProcess", 0.248, "biolink:participates_in", False, "infores:go"
    ),
    EdgeType(
        "participates-cc", "Gene", "CellularComponent", 0.032, "biolink:participates_in", False, "infores:go"
    ),
    EdgeType(
        "participates-mf", "Gene", "MolecularFunction", 0.043, "biolink:participates_in", False, "infores:go"
    ),
    EdgeType(
        "participates-pathway", "Gene", "Pathway", 0.037, "biolink:participates_in", False, "infores:reactome"
    ),
    EdgeType("regulates", "Gene", "Gene", 0.118, "biolink:regulates", True, "infores:lincs"),
    EdgeType("interacts", "Gene", "Gene", 0.065, "biolink:interacts_with", False, "infores:string"),
    EdgeType("anatomy-regulates", "Anatomy", "Gene", 0.088, "biolink:affects", True, "infores:bgee"),
    EdgeType("compound-regulates", "Compound", "Gene", 0.017, "biolink:affects", True, "infores:lincs"),
    EdgeType(
        "binds",
        "Compound",
        "Gene",
        0.005,
        "biolink:directly_physically_interacts_with",
        False,
        "infores:drugbank",
    ),
    EdgeType("causes", "Compound", "SideEffect", 0.061, "biolink:causes", False, "infores:sider"),
    EdgeType("contributes", "Gene", "Disease", 0.0056, "biolink:contributes_to", False, "infores:disgenet"),
    EdgeType("disease-regulates", "Disease", "Gene", 0.0068, "biolink:affects", True, "infores:starga"),
    EdgeType("treats", "Compound", "Disease", 0.0005, "biolink:treats", False, "infores:pharmacotherapydb"),
    EdgeType("presents", "Disease", "Symptom", 0.0015, "biolink:has_phenotype", False, "infores:mesh"),
    EdgeType("localizes", "Disease", "Anatomy", 0.0016, "biolink:located_in", False, "infores:medline"),
    EdgeType("resembles", "Compound", "Compound", 0.0029, "biolink:similar_to", False, "infores:drugbank"),
)

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by")
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "object_direction_qualifier",
    "primary_knowledge_source",
    "publications",
    "supporting_text",
    "knowledge_level",
)


def count_nodes(n_edges: int, n_nodes: int | None = None) -> dict[str, int]:
    """Return how many nodes of each type a graph has (default: Hetionet's ~1 node per 45 edges)."""
    total = n_nodes or max(400, n_edges // 45)
    return {t.name: max(12, round(total * t.share)) for t in NODE_TYPES}


def expand(curie: str) -> str:
    """Return the IRI of a CURIE under PREFIXES."""
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local


def _zipf_cum_weights(rng: random.Random, size: int, exponent: float = 0.9) -> list[float]:
    weights = [(rank + 1) ** -exponent for rank in range(size)]
    rng.shuffle(weights)
    return list(itertools.accumulate(weights))


@dataclass
class SyntheticGraph:
    """Nodes (per type: ids and labels) and edge rows, all in memory."""

    nodes: dict[str, list[str]]
    edges: list[tuple[str, str, str, str, str, str, str]]
    """(subject, predicate, object, qualifier, source, publications, supporting text)."""


def _draw_unique_pairs(
    rng: random.Random,
    nodes: dict[str, list[str]],
    weights: dict[str, list[float]],
    edge_type: EdgeType,
    k: int,
) -> list[tuple[str, str]]:
    """Return up to ``k`` distinct (subject, object) pairs drawn by popularity (no self-loops).

    Hetionet has no duplicate edges; drawing again for the duplicates keeps the
    heavy tail. A saturated small type (tiny graphs) stops after 20 rounds.
    """
    seen: dict[tuple[str, str], None] = {}
    for _ in range(20):
        missing = k - len(seen)
        if missing <= 0:
            break
        subjects = rng.choices(nodes[edge_type.subject], cum_weights=weights[edge_type.subject], k=missing)
        objects = rng.choices(nodes[edge_type.object], cum_weights=weights[edge_type.object], k=missing)
        for pair in zip(subjects, objects, strict=True):
            if pair[0] != pair[1] and len(seen) < k:
                seen[pair] = None
    return list(seen)


def build_graph(n_edges: int, seed: int = 7, n_nodes: int | None = None) -> SyntheticGraph:
    """Return a synthetic Hetionet-shaped graph with ``n_edges`` distinct edges (fewer when tiny)."""
    rng = random.Random(seed)
    counts = count_nodes(n_edges, n_nodes)
    nodes: dict[str, list[str]] = {}
    offset = 100
    for node_type in NODE_TYPES:
        nodes[node_type.name] = [node_type.curie.format(offset + i) for i in range(counts[node_type.name])]
        offset += counts[node_type.name]
    weights = {name: _zipf_cum_weights(rng, len(ids)) for name, ids in nodes.items()}
    share_total = sum(t.share for t in EDGE_TYPES)
    edges: list[tuple[str, str, str, str, str, str, str]] = []
    remaining = n_edges
    for index, edge_type in enumerate(EDGE_TYPES):
        k = remaining if index == len(EDGE_TYPES) - 1 else round(n_edges * edge_type.share / share_total)
        remaining -= k
        pairs = _draw_unique_pairs(rng, nodes, weights, edge_type, k)
        rolls = [rng.random() for _ in range(len(pairs))]
        for (subject, obj), roll in zip(pairs, rolls, strict=True):
            qualifier = ("increased" if roll < 0.5 else "decreased") if edge_type.signed else ""
            predicate = edge_type.predicate
            if edge_type.signed and roll > 0.8:  # older Biolink: the sign in the predicate itself
                predicate = (
                    "biolink:negatively_regulates"
                    if qualifier == "decreased"
                    else "biolink:positively_regulates"
                )
                qualifier = ""
            publications = ""
            if roll < 0.3:
                publications = f"PMID:{10_000_000 + int(roll * 1e9) % 30_000_000}"
                if roll < 0.05:
                    publications += f"|PMID:{20_000_000 + int(roll * 1e10) % 10_000_000}"
            text = ""
            if roll < 0.02:
                text = f'{subject} "{edge_type.name}" {obj}, as reported; see the cited study'
            edges.append((subject, predicate, obj, qualifier, edge_type.source, publications, text))
    return SyntheticGraph(nodes, edges)


def _label(node_type: NodeType, curie: str) -> str:
    return node_type.label.format(curie.rpartition(":")[2].removeprefix("R-HSA-"))


def iter_node_rows(graph: SyntheticGraph) -> Iterator[tuple[str, ...]]:
    """Yield one KGX node row per node."""
    for node_type in NODE_TYPES:
        for curie in graph.nodes[node_type.name]:
            label = _label(node_type, curie)
            synonym = f"{label.replace(' ', '-')}-alias" if node_type.name == "Gene" else ""
            yield (curie, node_type.category, label, synonym, "", "infores:bench")


def write_kgx(graph: SyntheticGraph, stem: Path) -> tuple[Path, Path]:
    """Write ``STEM_nodes.tsv`` and ``STEM_edges.tsv`` (KGX TSV, ``|`` between list values)."""
    nodes_path = stem.with_name(stem.name + "_nodes.tsv")
    edges_path = stem.with_name(stem.name + "_edges.tsv")
    with nodes_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("\t".join(NODE_COLUMNS) + "\n")
        stream.writelines("\t".join(row) + "\n" for row in iter_node_rows(graph))
    with edges_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("\t".join(EDGE_COLUMNS) + "\n")
        for number, (subject, predicate, obj, qualifier, source, pubs, text) in enumerate(graph.edges):
            stream.write(
                f"e{number}\t{subject}\t{predicate}\t{obj}\t{qualifier}\t{source}\t{pubs}\t"
                f"{text}\tknowledge_assertion\n"
            )
    return nodes_path, edges_path


def write_ntriples(graph: SyntheticGraph, path: Path) -> int:
    """Write the graph as N-Triples (types, labels, synonyms, one triple per edge); return the count.

    Signed edges use RO's "positively / negatively regulates", since plain
    triples have no place for a direction qualifier.
    """
    signed = {"increased": RO + "0002213", "decreased": RO + "0002212"}
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        for curie, category, label, synonym, _xref, _source in iter_node_rows(graph):
            iri = expand(curie)
            stream.write(
                f'<{iri}> <{RDF_TYPE}> <{BIOLINK}{category[8:]}> .\n<{iri}> <{RDFS_LABEL}> "{label}" .\n'
            )
            count += 2
            if synonym:
                stream.write(f'<{iri}> <{SKOS_ALT}> "{synonym}"@en .\n')
                count += 1
        for subject, predicate, obj, qualifier, _source, _pubs, _text in graph.edges:
            iri = signed[qualifier] if qualifier else BIOLINK + predicate[8:]
            stream.write(f"<{expand(subject)}> <{iri}> <{expand(obj)}> .\n")
            count += 1
    return count


def generate(
    n_edges: int, seed: int = 7, out_dir: Path = DATA_DIR, n_nodes: int | None = None
) -> dict[str, Path]:
    """Write the KGX pair and the N-Triples file of one size (skipped when already there)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nodes_part = f"-n{n_nodes}" if n_nodes else ""
    stem = out_dir / f"synthetic-{n_edges}{nodes_part}-s{seed}"
    paths = {
        "nodes": stem.with_name(stem.name + "_nodes.tsv"),
        "edges": stem.with_name(stem.name + "_edges.tsv"),
        "nt": stem.with_suffix(".nt"),
    }
    if not all(p.exists() for p in paths.values()):
        graph = build_graph(n_edges, seed, n_nodes)
        partial = {key: p.with_name(p.name + ".partial") for key, p in paths.items()}
        write_kgx(graph, stem.with_name(stem.name + ".partial"))
        Path(str(stem) + ".partial_nodes.tsv").replace(paths["nodes"])
        Path(str(stem) + ".partial_edges.tsv").replace(paths["edges"])
        write_ntriples(graph, partial["nt"])
        partial["nt"].replace(paths["nt"])
    return paths


def main() -> None:
    """Generate one size from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edges", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--nodes", type=int, help="Node count (default: one per 45 edges).")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    for kind, path in generate(args.edges, args.seed, args.out, args.nodes).items():
        print(f"{kind}\t{path}")


if __name__ == "__main__":
    main()
