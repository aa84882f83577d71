"""Import external graphs (KGX TSV, N-Triples, Turtle): parse once into compact records, load RDF in bulk.

Imported graphs are what DESIGN.md's "Scale" section asks for: Hetionet-sized
graphs (~50k nodes, ~2M edges) that users bring, queried with the same
``paths`` and SPARQL as the curated graph. They skip the curation rules
(quotes, locators) but keep the provenance they came with.

One pass over the input, two views, neither built from the other:

- the parser turns every row (KGX) or line (N-Triples) into records: a node
  table and integer edge arrays (subject, object, predicate, provenance);
  Turtle is first turned into N-Triples by pyoxigraph's parser, piece by
  piece, and then read as N-Triples (Turtle files are small in practice;
  large graphs come as N-Triples or KGX);
- the RDF view is bulk-loaded into a persistent pyoxigraph store from the same
  pass: for N-Triples the very bytes the parser read, for KGX triples written
  from the records; chunks of 16 MiB are loaded two at a time, which bounds
  memory (one bulk load of a 1M-triple file peaks near 800 MiB) and keeps
  both cores busy (one bulk load runs mostly on one);
- the network view (:mod:`msc_graph.compact`) is built from the records on
  first use and cached beside them.

Storage (``<cache>/graphs/NAME/``, written into a temporary sibling folder and
renamed into place, so a killed import leaves no half-written graph)::

    meta.json                 name, format, sources, counts, code tables
    nodes.pickle              ids, labels, categories, synonyms, xrefs, is-a parents
    names.pickle              the resolver's index (normalised name → ids)
    edges.subjects/.objects   int32 node indices, one per edge record
    edges.slugs               uint8 code of our predicate (vocabulary.py)
    edges.predicates          uint16 code of the predicate as written in the source
    edges.lines               int32 line of the source file the edge was read from
    edges.provenance(.offsets) KGX provenance per edge: id, source, publications, text, level, qualifier
    store/                    pyoxigraph (RocksDB), opened read-only
    network/                  compact CSR, built on first use (same atomic rename)

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

Provenance (:meth:`ImportedGraph.get_evidence`): each edge gets one
``model.Evidence`` per publication (or one, when it cites none), built only
when read: ``study`` is the publication CURIE, else the primary knowledge
source, else the import; ``read_in`` is the import's own study record
``import:NAME`` (in ``model.studies``, like a review); ``source_kind`` is
TABLE (a KGX row or an N-Triples line is a row of the imported file);
``locator`` names the file, line, edge id, predicate as written and knowledge
source; ``quote`` is the KGX ``supporting_text`` or else the row's own
subject-predicate-object; ``basis`` is our own per-publication basis where
the file carries it (our KGX ``msc_basis`` column, our RDF's ``msc:basis``),
else hedged for the knowledge levels "prediction" and
"statistical_association" and stated otherwise.

Our own RDF (``mscgraph export -f nt|ttl``, the layout of :mod:`msc_graph.rdf`)
comes back as the graph it was: when a file types nodes with classes of our
vocabulary, each ``msc:Assertion`` node becomes one edge (its ``rdf:subject``,
``rdf:predicate``, ``rdf:object``) that takes the place of the direct triple
it reifies, with its evidence as the edge's provenance (studies as
publications, the reviews read in as the knowledge source, the quotes as
supporting text, each publication's best basis);
assertion, evidence and study nodes, ontology terms (``owl:Class`` …) and
nodes only they mention are not graph nodes; ``skos:broader`` is is-a and
``skos:exactMatch`` / ``oboInOwl:hasDbXref`` are cross-references. Files
without our vocabulary are read exactly as any other N-Triples.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import queue
import re
import shutil
import threading
import time
import uuid
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from msc_graph.compact import CompactNetwork, IntCode, map_array, open_network, write_network
from msc_graph.constants import BASE_IRI, VOCAB_IRI
from msc_graph.errors import MscGraphError
from msc_graph.model import (
    Basis,
    Entity,
    EntityType,
    Evidence,
    GraphModel,
    SourceKind,
    Study,
    assign_support_units,
    iter_subtree,
)
from msc_graph.names import normalise_name
from msc_graph.rdf import TYPE_CLASSES
from msc_graph.resolve import Match, Resolver
from msc_graph.vocabulary import PREDICATES

if TYPE_CHECKING:
    import pyoxigraph

IMPORT_VERSION = 2
"""Bump when the record layout changes: graphs of another version must be imported again."""
FORMATS = ("kgx", "nt", "ttl")
CHUNK_BYTES = 16 << 20
"""Bytes of RDF handed to one bulk load (bounds the loader's memory at ~300 MiB)."""
LOADER_THREADS = 2
"""Chunks bulk-loaded at once (the issue's machines have two cores; more threads only wait)."""
TURTLE_TRIPLES = 100_000
"""Triples of a Turtle file turned into N-Triples at a time (~15 MiB, a chunk's worth)."""
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
IMPORT_IRI = BASE_IRI + "import/"
SKOLEM_IRI = BASE_IRI + ".well-known/genid/"
"""Blank nodes become IRIs under this base (RDF 1.1 §3.5) so that chunks loaded apart agree."""
HEDGED_LEVELS = frozenset({"prediction", "statistical_association"})
"""Foreign knowledge levels read as hedged (an edge without our own basis column)."""
BASIS_VALUES = frozenset(b.value for b in Basis)
PROVENANCE_FIELDS = ("id", "source", "publications", "text", "level", "direction", "bases", "units")
"""The tab-separated fields of an edge's provenance record, in order (``bases`` and ``units``
align with ``publications``: our own exports write each publication's basis and support unit)."""


def encode_provenance(*values: str) -> bytes:
    """Return one edge's provenance record (the fields of PROVENANCE_FIELDS, tab-joined)."""
    return "\t".join(values).encode("utf-8")


def decode_provenance(record: bytes) -> list[str]:
    """Return the fields of a provenance record, missing trailing ones as ""."""
    fields = record.decode("utf-8").split("\t") if record else []
    return (fields + [""] * len(PROVENANCE_FIELDS))[: len(PROVENANCE_FIELDS)]


def best_basis(first: str | None, second: str) -> str:
    """Return the stronger of two basis values (stated > hedged > inferred); unknown values lose."""
    order = [b.value for b in Basis]
    ranked = [v for v in (first, second) if v in order]
    return min(ranked, key=order.index) if ranked else Basis.STATED.value


RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
OBO_IN_OWL = "http://www.geneontology.org/formats/oboInOwl#"
BIOLINK = "https://w3id.org/biolink/vocab/"

DEFAULT_PREFIXES = {
    "biolink": BIOLINK,
    "infores": "https://w3id.org/information-resource/",
    "RO": "http://purl.obolibrary.org/obo/RO_",
    "BFO": "http://purl.obolibrary.org/obo/BFO_",
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "oboInOwl": OBO_IN_OWL,
    "msc": VOCAB_IRI,
}
"""Prefixes every import knows; the project's ontology/prefixes.json adds to them."""

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

NODE_ROLES = {
    VOCAB_IRI + "Assertion": "assertion",
    VOCAB_IRI + "Evidence": "evidence",
    VOCAB_IRI + "Study": "study",
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
"""rdf:type → the role of a node of our RDF layout that is not a graph node (see ``fold_our_rdf``)."""
NOTED_LITERALS = {
    VOCAB_IRI + "quote": "quote",
    VOCAB_IRI + "basis": "basis",
    VOCAB_IRI + "locator": "locator",
    VOCAB_IRI + "predicateSlug": "slug",
    OBO_IN_OWL + "hasDbXref": "xref",
}
"""Literal predicates kept aside during an N-Triples pass, read only when folding our own RDF."""

_NT_LINE = re.compile(
    rb'^[ \t]*(<[^>]*>|_:\S+)[ \t]+<([^>]*)>[ \t]+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*")'
    rb"(?:\^\^<[^>]*>|@[a-zA-Z0-9-]+)?[ \t]*\.[ \t]*(?:#.*)?\r?$",
    re.MULTILINE,
)
_BNODE_SUBJECT = re.compile(rb"^([ \t]*)_:([^\s.]+(?:\.[^\s.]+)*)", re.MULTILINE)
_BNODE_OBJECT = re.compile(rb"^([ \t]*\S+[ \t]+<[^>]*>[ \t]+)_:([^\s.]+(?:\.[^\s.]+)*)", re.MULTILINE)
_NT_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_NT_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LITERAL_UNSAFE = re.compile(r'["\\\n\r]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class GraphImportError(MscGraphError):
    """An import cannot start or its input is malformed (the message names the file and line)."""

    exit_code = 2


class UnknownGraphError(MscGraphError):
    """No imported graph of that name (lists the ones there are)."""

    exit_code = 2

    def __init__(self, name: str, known: Sequence[str]) -> None:
        hint = f"; imported graphs: {', '.join(known)}" if known else "; none imported yet (mscgraph import)"
        super().__init__(f"no imported graph named {name!r}{hint}")


@dataclass(frozen=True)
class ImportSource:
    """What to import: the format and its files (KGX: nodes then edges; N-Triples: one file)."""

    format: str
    files: tuple[Path, ...]

    @property
    def total_bytes(self) -> int:
        """Return the size of the input files (what the progress bar counts)."""
        return sum(path.stat().st_size for path in self.files)


@dataclass(frozen=True)
class ImportSummary:
    """What an import produced."""

    name: str
    format: str
    folder: Path
    nodes: int
    edges: int
    seconds: float
    predicates: dict[str, int] = field(default_factory=dict)


# --- names and places -------------------------------------------------------------------------


def check_graph_name(name: str) -> str:
    """Return ``name`` when it can name a folder safely (letters, digits, ``.``, ``_``, ``-``).

    Raises:
        GraphImportError: it cannot.
    """
    if not NAME_PATTERN.match(name):
        raise GraphImportError(
            f"graph name {name!r}: use letters, digits, '.', '_' or '-' "
            "(at most 64, starting with a letter or digit)"
        )
    return name


def get_graphs_dir(cache_dir: Path) -> Path:
    """Return the folder that holds every imported graph of a project cache."""
    return cache_dir / "graphs"


def list_graphs(cache_dir: Path) -> list[str]:
    """Return the names of the complete imported graphs (temporary and old folders excluded)."""
    folder = get_graphs_dir(cache_dir)
    if not folder.is_dir():
        return []
    return sorted(
        p.name for p in folder.iterdir() if not p.name.startswith(".") and (p / "meta.json").is_file()
    )


def find_import_source(path: Path, fmt: str | None = None) -> ImportSource:
    """Return the format and files to import from ``path``.

    ``path`` is an N-Triples file (``.nt``, ``.nt.gz``), a Turtle file
    (``.ttl``, ``.ttl.gz``), a KGX nodes or edges file (``*nodes.tsv`` /
    ``*edges.tsv``, optionally ``.gz``; its partner is found beside it), or a
    folder holding one KGX pair.

    Raises:
        GraphImportError: the path does not say what it is, or a partner file is missing.
    """
    if not path.exists():
        raise GraphImportError(f"{path}: no such file or folder")
    name = path.name.lower().removesuffix(".gz")
    if fmt is None:
        if path.is_dir() or name.endswith(".tsv"):
            fmt = "kgx"
        elif name.endswith((".nt", ".ttl")):
            fmt = name.rpartition(".")[2]
        else:
            raise GraphImportError(f"{path}: cannot tell the format from the name; give --format kgx|nt|ttl")
    if fmt not in FORMATS:
        raise GraphImportError(f"unknown import format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt != "kgx":
        if path.is_dir():
            raise GraphImportError(f"{path}: {fmt} import needs a file, not a folder")
        return ImportSource(fmt, (path,))
    if path.is_dir():
        nodes = sorted(p for p in path.iterdir() if re.search(r"nodes\.tsv(\.gz)?$", p.name, re.I))
        edges = sorted(p for p in path.iterdir() if re.search(r"edges\.tsv(\.gz)?$", p.name, re.I))
        if len(nodes) != 1 or len(edges) != 1:
            raise GraphImportError(
                f"{path}: expected one *nodes.tsv and one *edges.tsv, found {len(nodes)} and {len(edges)}"
            )
        return ImportSource("kgx", (nodes[0], edges[0]))
    if "nodes" in path.name:
        partner = path.with_name(path.name.replace("nodes", "edges"))
        pair = (path, partner)
    elif "edges" in path.name:
        partner = path.with_name(path.name.replace("edges", "nodes"))
        pair = (partner, path)
    else:
        raise GraphImportError(f"{path}: a KGX file name must contain 'nodes' or 'edges'")
    if not partner.is_file():
        raise GraphImportError(f"{path}: its KGX partner {partner.name} is not beside it")
    return ImportSource("kgx", pair)


# --- predicates, CURIEs and literals -------------------------------------------------------------


def map_predicate(predicate: str, direction: str = "") -> str:
    """Return our predicate slug for a source predicate (CURIE) and its direction qualifier.

    >>> map_predicate("biolink:affects", "decreased"), map_predicate("biolink:negatively_regulates")
    ('decreases', 'decreases')
    >>> map_predicate("biolink:interacts_with"), map_predicate("biolink:similar_to")
    ('acts-on', 'associated-with')
    """
    if predicate.startswith("msc:"):
        for slug in PREDICATES:
            if predicate == "msc:" + _local_name(slug):
                return slug
    slug = PREDICATE_SLUGS.get(predicate, "associated-with")
    signed = DIRECTION_SLUGS.get(direction.strip().lower())
    if signed and slug == "acts-on":
        return signed
    return slug


def _local_name(slug: str) -> str:
    head, *rest = slug.split("-")
    return head + "".join(part.capitalize() for part in rest)


class Curies:
    """CURIE ↔ IRI with one prefix map (longest namespace wins when compacting)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = {**DEFAULT_PREFIXES, **prefixes}
        self._namespaces = {namespace: prefix for prefix, namespace in self.prefixes.items()}
        self._expanded: dict[str, str] = {}

    def expand(self, curie: str) -> str:
        """Return the IRI of ``curie``; unknown prefixes go to identifiers.org, IRIs stay as they are."""
        found = self._expanded.get(curie)
        if found is None:
            prefix, colon, local = curie.partition(":")
            if curie.startswith(("http://", "https://", "urn:")):
                found = curie
            elif colon and prefix in self.prefixes:
                found = self.prefixes[prefix] + local
            else:
                found = "https://identifiers.org/" + curie
            if _IRI_UNSAFE.search(found):
                from urllib.parse import quote

                found = quote(found, safe=":/#?&=;%@+,~!$*'()[]")
            self._expanded[curie] = found
        return found

    def compact(self, iri: str) -> str:
        """Return the CURIE of ``iri`` under the prefix map, else the IRI itself."""
        end = len(iri)
        for _ in range(4):
            cut = max(iri.rfind(sep, 0, end) for sep in "/#_:")
            if cut <= 0:
                break
            prefix = self._namespaces.get(iri[: cut + 1])
            if prefix is not None:
                return f"{prefix}:{iri[cut + 1 :]}"
            end = cut
        return iri


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value

    def replace(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _NT_ESCAPES.get(match.group(3), match.group(3))

    return _NT_ESCAPE.sub(replace, value)


def _literal(value: str) -> str:
    if not _LITERAL_UNSAFE.search(value):
        return f'"{value}"'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


# --- records ----------------------------------------------------------------------------------


class RecordBuilder:
    """The records of one import, filled row by row (node table and edge arrays).

    Memory: about 20 bytes per edge plus the strings of the node table and the
    KGX provenance; the input itself is never held whole.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.node_index: dict[str, int] = {}
        self.node_ids: list[str] = []
        self.labels: list[str | None] = []
        self.categories = array("H")
        self.category_names: list[str] = [""]
        self._category_codes: dict[str, int] = {"": 0}
        self.synonyms: dict[int, list[str]] = {}
        self.xrefs: dict[int, list[str]] = {}
        self.parents: dict[int, list[int]] = {}
        self.subjects = array("i")
        self.objects = array("i")
        self.slug_codes = array("B")
        self.predicate_codes = array("H")
        self.lines = array("i")
        self.provenance_offsets = array("q", [0])
        self.provenance = io.BytesIO()
        self.slugs = list(PREDICATES)
        self._slug_codes = {slug: code for code, slug in enumerate(self.slugs)}
        self.predicates: list[str] = []
        self._predicate_codes: dict[str, int] = {}
        self.source_names: list[str] = []

    def get_node(self, node_id: str) -> int:
        """Return the index of ``node_id``, adding a bare node (label = id) the first time."""
        index = self.node_index.get(node_id)
        if index is None:
            index = self.node_index[node_id] = len(self.node_ids)
            self.node_ids.append(node_id)
            self.labels.append(None)
            self.categories.append(0)
        return index

    def set_category(self, index: int, category: str) -> None:
        """Record ``category`` for a node; a typed category (CATEGORY_TYPES) wins over an untyped one."""
        code = self._category_codes.get(category)
        if code is None:
            code = self._category_codes[category] = len(self.category_names)
            self.category_names.append(category)
        current = self.category_names[self.categories[index]]
        if not current or (current not in CATEGORY_TYPES and category in CATEGORY_TYPES):
            self.categories[index] = code

    def get_predicate_code(self, predicate: str) -> int:
        """Return the code of a predicate as written in the source."""
        code = self._predicate_codes.get(predicate)
        if code is None:
            code = self._predicate_codes[predicate] = len(self.predicates)
            self.predicates.append(predicate)
        return code

    def find_predicate_code(self, predicate: str) -> int:
        """Return the code of a predicate as written, or -1 when no record used it."""
        return self._predicate_codes.get(predicate, -1)

    def add_edge(
        self, subject: int, predicate_code: int, slug: str, obj: int, line: int, provenance: bytes = b""
    ) -> None:
        """Append one edge record."""
        self.subjects.append(subject)
        self.objects.append(obj)
        self.slug_codes.append(self._slug_codes[slug])
        self.predicate_codes.append(predicate_code)
        self.lines.append(line)
        if provenance:
            self.provenance.write(provenance)
        self.provenance_offsets.append(self.provenance.tell())

    def clear_edges(self) -> None:
        """Start the edge records afresh (the node table stays)."""
        self.subjects, self.objects, self.lines = array("i"), array("i"), array("i")
        self.slug_codes, self.predicate_codes = array("B"), array("H")
        self.provenance_offsets, self.provenance = array("q", [0]), io.BytesIO()

    def keep_nodes(self, keep: Sequence[bool]) -> None:
        """Drop the nodes not kept and number the rest in order; no edge may touch a dropped node."""
        kept = [index for index, wanted in enumerate(keep) if wanted]
        renumber = [-1] * len(keep)
        for new, old in enumerate(kept):
            renumber[old] = new
        self.node_ids = [self.node_ids[index] for index in kept]
        self.node_index = {node_id: index for index, node_id in enumerate(self.node_ids)}
        self.labels = [self.labels[index] for index in kept]
        self.categories = array("H", [self.categories[index] for index in kept])
        self.synonyms = {renumber[k]: v for k, v in self.synonyms.items() if keep[k]}
        self.xrefs = {renumber[k]: v for k, v in self.xrefs.items() if keep[k]}
        parents = {
            renumber[k]: [renumber[p] for p in v if keep[p]] for k, v in self.parents.items() if keep[k]
        }
        self.parents = {k: v for k, v in parents.items() if v}
        self.subjects = array("i", [renumber[index] for index in self.subjects])
        self.objects = array("i", [renumber[index] for index in self.objects])

    def add_parent(self, child: int, parent: int) -> None:
        """Record an is-a link (the resolver expands a name through it)."""
        known = self.parents.setdefault(child, [])
        if parent not in known:
            known.append(parent)

    def build_name_index(self) -> dict[str, list[tuple[str, str, str]]]:
        """Return the resolver's index: normalised name → [(id, how, name)] (as resolve.py keeps it)."""
        exact: dict[str, list[tuple[str, str, str]]] = {}
        for index, node_id in enumerate(self.node_ids):
            label = self.labels[index]
            names = [(label, "label")] if label else []
            names += [(synonym, "synonym") for synonym in self.synonyms.get(index, ())]
            for name, how in names:
                entries = exact.setdefault(normalise_name(name), [])
                if all(entry[0] != node_id for entry in entries):
                    entries.append((node_id, how, name))
        return exact

    def write(self, folder: Path, meta: Mapping[str, Any]) -> None:
        """Write every record file into ``folder``; ``meta.json`` last (it marks the folder complete)."""
        nodes = (
            self.node_ids,
            self.labels,
            self.categories.tobytes(),
            self.category_names,
            {k: tuple(v) for k, v in self.synonyms.items()},
            {k: tuple(v) for k, v in self.xrefs.items()},
            {k: tuple(v) for k, v in self.parents.items()},
        )
        _write_file(folder / "nodes.pickle", pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL))
        curies = {
            xref.casefold(): self.node_ids[index] for index, xrefs in self.xrefs.items() for xref in xrefs
        }
        exact = self.build_name_index()
        _write_file(
            folder / "names.pickle",
            pickle.dumps((exact, curies, sorted(exact)), protocol=pickle.HIGHEST_PROTOCOL),
        )
        for suffix, values in (
            ("subjects", self.subjects),
            ("objects", self.objects),
            ("slugs", self.slug_codes),
            ("predicates", self.predicate_codes),
            ("lines", self.lines),
            ("provenance.offsets", self.provenance_offsets),
        ):
            _write_file(folder / f"edges.{suffix}", values.tobytes())
        _write_file(folder / "edges.provenance", self.provenance.getvalue())
        _write_file(folder / "meta.json", json.dumps(meta, indent=2).encode("utf-8"))


def _write_file(path: Path, payload: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(payload)
        stream.flush()
        os.fsync(stream.fileno())


# --- the RDF loader ---------------------------------------------------------------------------


class StoreLoader:
    """Bulk-loads N-Triples chunks into a store on LOADER_THREADS worker threads.

    pyoxigraph releases the GIL while it loads, so parsing the next chunk
    overlaps loading this one, and two chunks load at once (each bulk load
    parses and sorts its chunk on one core; RocksDB takes concurrent
    ingestion). Chunk order does not matter: blank nodes are skolemized
    first. At most two chunks wait, which bounds memory.
    """

    def __init__(self, store: pyoxigraph.Store) -> None:
        self._store = store
        self._queue: queue.Queue[tuple[bytes, str] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._threads = [
            threading.Thread(target=self._run, name="mscgraph-bulk-load", daemon=True)
            for _ in range(LOADER_THREADS)
        ]
        for thread in self._threads:
            thread.start()

    def _run(self) -> None:
        import pyoxigraph

        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:
                continue
            data, where = item
            try:
                self._store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
            except (SyntaxError, ValueError, OSError) as error:
                self._error = self._error or GraphImportError(f"{where}: {error}")

    def put(self, data: bytes, where: str) -> None:
        """Queue one chunk of complete N-Triples lines; ``where`` locates it for error messages."""
        self._raise()
        if data:
            self._queue.put((data, where))

    def close(self) -> None:
        """Wait for every queued chunk to be loaded; raise the first loading error (once)."""
        if any(thread.is_alive() for thread in self._threads):
            for _ in self._threads:
                self._queue.put(None)
            for thread in self._threads:
                thread.join()
            self._store = None  # type: ignore[assignment]  # frames of a failed import may outlive us
            self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error


# --- readers ----------------------------------------------------------------------------------

Progress = Callable[[int], None]
"""Called with the number of input bytes read since the last call."""


class _CountingFile(io.FileIO):
    """A file that counts the bytes read through it (progress by bytes, even under gzip)."""

    count = 0

    def readinto(self, buffer: Any) -> int | None:
        read = super().readinto(buffer)
        self.count += read or 0
        return read


def _open_binary(path: Path) -> tuple[_CountingFile, IO[bytes]]:
    raw = _CountingFile(path, "r")
    if path.name.endswith(".gz"):
        import gzip

        return raw, gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw, io.BufferedReader(raw, buffer_size=1 << 20)


def _skolemize(chunk: bytes, name: str) -> bytes:
    base = (SKOLEM_IRI + name + "/").encode()
    chunk = _BNODE_SUBJECT.sub(lambda m: m.group(1) + b"<" + base + m.group(2) + b">", chunk)
    return _BNODE_OBJECT.sub(lambda m: m.group(1) + b"<" + base + m.group(2) + b">", chunk)


def _iter_ntriples_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield an N-Triples stream in pieces of about CHUNK_BYTES, each ending at a line end."""
    rest = b""
    while True:
        block = stream.read(CHUNK_BYTES)
        if not block:
            if rest:
                yield rest
            return
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block
            continue
        rest = block[cut:]
        yield block[:cut]


def _iter_turtle_chunks(stream: IO[bytes], path: Path) -> Iterator[bytes]:
    """Yield a Turtle stream as N-Triples, TURTLE_TRIPLES triples at a time (pyoxigraph parses it).

    Raises:
        GraphImportError: the Turtle is malformed (pyoxigraph's message gives line and column).
    """
    import itertools

    import pyoxigraph

    try:
        triples = pyoxigraph.parse(stream, pyoxigraph.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        while chunk := pyoxigraph.serialize(
            itertools.islice(triples, TURTLE_TRIPLES), format=pyoxigraph.RdfFormat.N_TRIPLES
        ):
            yield chunk
    except (SyntaxError, ValueError) as error:
        raise GraphImportError(f"{path.name}: {error}") from None


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


def read_ntriples(
    path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None = None,
    *,
    turtle: bool = False,
) -> None:
    """Parse an N-Triples (or Turtle) file into ``records`` and hand the same triples to ``loader``.

    IRI objects become edges; ``rdf:type`` / ``biolink:category`` set the node
    category, labels and synonyms come from their literal triples, and
    ``rdfs:subClassOf`` / ``biolink:subclass_of`` become is-a links. Other
    literal triples are in the store only. Lines the pattern does not
    recognise are left to the store's parser, which reports malformed ones.
    A file in our own RDF layout is then folded (:func:`fold_our_rdf`).
    Turtle goes through pyoxigraph's parser into N-Triples first; its
    "lines" are then triples, counted in file order.
    Cost: one read of the file; ~1.5 µs per triple in Python, overlapping the load.
    """
    raw, stream = _open_binary(path)
    file_name = path.name
    unit = "triples" if turtle else "lines"
    interned: dict[bytes, int] = {}
    predicate_slots: dict[bytes, tuple[int, int, str]] = {}
    get_node = records.get_node
    literal_predicates = {p.encode(): True for p in LABEL_PREDICATES}
    literal_predicates.update({p.encode(): False for p in SYNONYM_PREDICATES})
    noted_literals = {p.encode(): name for p, name in NOTED_LITERALS.items()}
    notes = RdfNotes()
    # N-Triples carry no provenance, so every edge's provenance record is empty (offset 0).
    add_subject, add_object, add_slug, add_predicate, add_line, add_offset = (
        records.subjects.append,
        records.objects.append,
        records.slug_codes.append,
        records.predicate_codes.append,
        records.lines.append,
        records.provenance_offsets.append,
    )

    def node(token: bytes) -> int:
        index = interned.get(token)
        if index is None:
            text = token.decode("utf-8")
            index = interned[token] = get_node(curies.compact(text[1:-1]) if text[0] == "<" else text)
        return index

    with raw, stream:
        line = 1
        reported = 0
        for chunk in _iter_turtle_chunks(stream, path) if turtle else _iter_ntriples_chunks(stream):
            if b"_:" in chunk:
                chunk = _skolemize(chunk, records.name)
            lines = chunk.split(b"\n")
            if not lines[-1]:
                lines.pop()
            loader.put(chunk, f"{file_name} {unit} {line}-{line + len(lines) - 1}")
            for number, text_line in enumerate(lines, line):
                # Canonical N-Triples (one space between terms, " ." at the end) split in C;
                # anything else (tabs, comments, CR, odd spacing) goes through the full pattern.
                parts = text_line.split(b" ", 2)
                if (
                    len(parts) == 3
                    and parts[1][:1] == b"<"
                    and parts[1][-1:] == b">"
                    and parts[2][-2:] == b" ."
                    and parts[0][:1] in (b"<", b"_")
                ):
                    subject, predicate, obj = parts[0], parts[1][1:-1], parts[2][:-2].rstrip()
                else:
                    match = _NT_LINE.match(text_line)
                    if match is None:
                        continue  # blank, comment or malformed: the store's parser judges it
                    subject, predicate, obj = match.groups()
                if obj[0] == 34:  # a literal: only labels and synonyms matter here
                    if predicate in literal_predicates:
                        value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                        index = node(subject)
                        if literal_predicates[predicate] and records.labels[index] is None:
                            records.labels[index] = value
                        else:
                            records.synonyms.setdefault(index, []).append(value)
                    elif predicate in noted_literals:
                        value = _unescape(obj[1 : obj.rindex(b'"')].decode("utf-8"))
                        notes.literals.setdefault(subject, {}).setdefault(
                            noted_literals[predicate], []
                        ).append(value)
                    continue
                slot = predicate_slots.get(predicate)
                if slot is None:
                    iri = predicate.decode()
                    written = curies.compact(iri)
                    kind = (
                        "type"
                        if iri in TYPE_PREDICATES
                        else "subclass"
                        if written in SUBCLASS_PREDICATES
                        else "edge"
                    )
                    slot = predicate_slots[predicate] = (
                        records.slugs.index(map_predicate(written)),
                        records.get_predicate_code(written),
                        kind,
                    )
                slug_code, code, kind = slot
                if kind == "edge":
                    known = interned.get(subject)  # inline hit: no call for the common case
                    add_subject(node(subject) if known is None else known)
                    known = interned.get(obj)
                    add_object(node(obj) if known is None else known)
                    add_slug(slug_code)
                    add_predicate(code)
                    add_line(number)
                    add_offset(0)
                elif kind == "type":
                    index, category = node(subject), obj[1:-1].decode()
                    records.set_category(index, curies.compact(category))
                    role = NODE_ROLES.get(category)
                    if role is not None:
                        notes.roles[index] = role
                    if category.startswith(VOCAB_IRI):
                        notes.ours = True
                else:
                    records.add_parent(node(subject), node(obj))
            line += len(lines)
            if progress is not None:
                progress(raw.count - reported)
                reported = raw.count
    if notes.ours:
        fold_our_rdf(records, notes, interned, curies)
    records.source_names.append(file_name)


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


def _iter_tsv(
    path: Path, progress: Progress | None, required: Sequence[str], wanted: Sequence[str]
) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Yield (line, the ``wanted`` cells) for each data row of a KGX TSV file (absent columns: "")."""
    from operator import itemgetter

    raw, stream = _open_binary(path)
    csv.field_size_limit(1 << 30)
    with raw, stream, io.TextIOWrapper(stream, encoding="utf-8", newline="") as text:
        reader = csv.reader(text, delimiter="\t")
        header = next(reader, None)
        if header is None:
            raise GraphImportError(f"{path.name}: empty file (a KGX file starts with a header row)")
        columns = {name.strip(): index for index, name in enumerate(header)}
        missing = [name for name in required if name not in columns]
        if missing:
            raise GraphImportError(f"{path.name}: line 1: missing KGX column(s) {', '.join(missing)}")
        width = len(header)
        pick = itemgetter(*(columns.get(name, width) for name in wanted))
        reported = 0
        for number, row in enumerate(reader):
            row.append("")
            if len(row) != width + 1:
                del row[min(len(row) - 1, width) :]
                row.extend([""] * (width + 1 - len(row)))
            yield reader.line_num, pick(row)
            if progress is not None and number % 65536 == 65535:
                progress(raw.count - reported)
                reported = raw.count
        if progress is not None:
            progress(raw.count - reported)


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split("|") if item.strip()] if value else []


class _RdfWriter:
    """Collects N-Triples lines and hands them to the loader in CHUNK_BYTES pieces."""

    def __init__(self, loader: StoreLoader, file_name: str) -> None:
        self._loader = loader
        self._file_name = file_name
        self._lines: list[str] = []
        self._size = 0
        self._first_line = 1

    def add(self, text: str, line: int) -> None:
        self._lines.append(text)
        self._size += len(text)
        if self._size >= CHUNK_BYTES:
            self.flush(line)

    def flush(self, line: int) -> None:
        if self._lines:
            self._loader.put(
                "".join(self._lines).encode("utf-8"), f"{self._file_name} lines {self._first_line}-{line}"
            )
        self._lines, self._size, self._first_line = [], 0, line + 1


def read_kgx(
    nodes_path: Path,
    edges_path: Path,
    records: RecordBuilder,
    loader: StoreLoader,
    curies: Curies,
    progress: Progress | None = None,
) -> None:
    """Parse a KGX TSV pair into ``records`` and write its RDF to ``loader`` from the same rows.

    Nodes: ``id`` (required), ``category``, ``name``, ``synonym``, ``xref``
    (lists separated by ``|``). Edges: ``subject``, ``predicate``, ``object``
    (required), ``id``, ``object_direction_qualifier``,
    ``primary_knowledge_source``, ``publications``, ``supporting_text``,
    ``knowledge_level``; other columns are ignored.

    RDF written per node: ``rdf:type`` its Biolink categories, ``rdfs:label``,
    ``skos:altLabel``, ``oboInOwl:hasDbXref``. Per edge: the triple with the
    predicate as written; when a direction qualifier signs it, also the triple
    with our signed predicate (``msc:increases`` / ``msc:decreases``); when it
    has publications, supporting text or a qualifier, an ``rdf:Statement`` node
    (``IMPORT_IRI/NAME/edge/ID``) carrying them with Biolink's property names.
    Cost: linear in rows; ~5 µs per edge in Python, overlapping the load.
    """
    rdf = _RdfWriter(loader, nodes_path.name)
    iri = curies.expand
    label_iri, alt_iri, type_iri = f"<{RDFS}label>", f"<{SKOS}altLabel>", f"<{RDF}type>"
    xref_iri = f"<{OBO_IN_OWL}hasDbXref>"
    line = 0
    get_node, labels, synonyms, xrefs = (records.get_node, records.labels, records.synonyms, records.xrefs)
    for line, (node_id, categories, label, synonym_cell, xref_cell) in _iter_tsv(
        nodes_path, progress, ("id",), ("id", "category", "name", "synonym", "xref")
    ):
        if not node_id:
            continue
        index = get_node(node_id)
        node = f"<{iri(node_id)}>"
        for category in _split(categories):
            records.set_category(index, category)
            rdf.add(f"{node} {type_iri} <{iri(category)}> .\n", line)
        if label:
            labels[index] = label
            rdf.add(f"{node} {label_iri} {_literal(label)} .\n", line)
        for synonym in _split(synonym_cell):
            synonyms.setdefault(index, []).append(synonym)
            rdf.add(f"{node} {alt_iri} {_literal(synonym)} .\n", line)
        for xref in _split(xref_cell):
            xrefs.setdefault(index, []).append(xref)
            rdf.add(f"{node} {xref_iri} {_literal(xref)} .\n", line)
    rdf.flush(line)
    records.source_names.append(nodes_path.name)

    from urllib.parse import quote

    rdf = _RdfWriter(loader, edges_path.name)
    edge_base = f"{IMPORT_IRI}{records.name}/edge/"
    statement = (f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>")
    properties = {
        name: f"<{BIOLINK}{name}>"
        for name in (
            "primary_knowledge_source",
            "publications",
            "supporting_text",
            "object_direction_qualifier",
            "knowledge_level",
        )
    }
    slots: dict[tuple[str, str], tuple[str, int, str, str]] = {}
    add_edge, add_rdf = records.add_edge, rdf.add
    node_iris: dict[str, str] = {}
    wanted = (
        "id",
        "subject",
        "predicate",
        "object",
        "object_direction_qualifier",
        "primary_knowledge_source",
        "publications",
        "supporting_text",
        "knowledge_level",
        "msc_basis",
        "msc_unit",
    )
    for line, (
        edge_id,
        subject_id,
        predicate,
        object_id,
        direction,
        source,
        publications,
        text,
        level,
        bases,
        units,
    ) in _iter_tsv(edges_path, progress, ("subject", "predicate", "object"), wanted):
        if not (subject_id and predicate and object_id):
            continue
        slot = slots.get((predicate, direction))
        if slot is None:
            slug = map_predicate(predicate, direction)
            signed_by_qualifier = slug != map_predicate(predicate)
            slot = slots[(predicate, direction)] = (
                slug,
                records.get_predicate_code(predicate),
                f"<{iri(predicate)}>",
                f"<{VOCAB_IRI}{_local_name(slug)}>" if signed_by_qualifier else "",
            )
        slug, code, predicate_iri, signed_iri = slot
        subject, obj = get_node(subject_id), get_node(object_id)
        if predicate in SUBCLASS_PREDICATES:
            records.add_parent(subject, obj)
        if edge_id or source or publications or text or level or direction:
            provenance = (  # the fields of PROVENANCE_FIELDS, inline: one call fewer per row
                f"{edge_id}\t{source}\t{publications}\t{text}\t{level}\t{direction}\t{bases}\t{units}"
            ).encode()
        else:
            provenance = b""
        add_edge(subject, code, slug, obj, line, provenance)
        s = node_iris.get(subject_id)
        if s is None:
            s = node_iris[subject_id] = f"<{iri(subject_id)}>"
        o = node_iris.get(object_id)
        if o is None:
            o = node_iris[object_id] = f"<{iri(object_id)}>"
        triples = f"{s} {predicate_iri} {o} .\n"
        if signed_iri:
            triples += f"{s} {signed_iri} {o} .\n"
        if publications or text or direction:
            local = edge_id or str(line)
            node = f"<{edge_base}{quote(local, safe='') if _IRI_UNSAFE.search(local) else local}>"
            triples += (
                f"{node} {statement[0]} {s} .\n{node} {statement[1]} {predicate_iri} .\n"
                f"{node} {statement[2]} {o} .\n"
            )
            if source:
                triples += f"{node} {properties['primary_knowledge_source']} <{iri(source)}> .\n"
            for publication in _split(publications):
                triples += f"{node} {properties['publications']} <{iri(publication)}> .\n"
            for name, value in (
                ("supporting_text", text),
                ("object_direction_qualifier", direction),
                ("knowledge_level", level),
            ):
                if value:
                    triples += f"{node} {properties[name]} {_literal(value)} .\n"
        add_rdf(triples, line)
    rdf.flush(line)
    records.source_names.append(edges_path.name)


# --- the import -------------------------------------------------------------------------------


def _remove_stale(graphs_dir: Path, name: str) -> None:
    """Remove temporary and old folders of ``name`` left by killed imports (their process is gone)."""
    for path in graphs_dir.glob(f".{name}.*-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _is_running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def import_graph(
    source: ImportSource,
    name: str,
    cache_dir: Path,
    *,
    prefixes: Mapping[str, str] | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import ``source`` as graph ``name`` under ``cache_dir``: records and RDF store in one pass.

    Everything is written into ``graphs/.NAME.tmp-PID`` and renamed to
    ``graphs/NAME`` at the end, so an import killed at any point leaves either
    the previous graph or none, never half of one (the next import of the
    name removes the leftovers). Replacing an existing graph renames it aside
    first, then removes it.

    Cost: one read of the input; memory bounded by the records (~20 bytes per
    edge) plus four 16 MiB chunks in the loader (two loading, two waiting).
    The records are written while the loader loads the last chunks.

    Raises:
        GraphImportError: bad name, the graph exists (without ``replace``), or malformed input.
    """
    import pyoxigraph

    check_graph_name(name)
    graphs_dir = get_graphs_dir(cache_dir)
    final = graphs_dir / name
    if final.exists() and not replace:
        raise GraphImportError(f"graph {name!r} is already imported; pass --replace to import it again")
    graphs_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale(graphs_dir, name)
    started = time.perf_counter()
    # Unique per attempt (a failed attempt's store may hold its lock until collected); the pid
    # last, so a later import can tell a dead import's leftovers from a running one's.
    temporary = graphs_dir / f".{name}.tmp-{uuid.uuid4().hex[:8]}-{os.getpid()}"
    temporary.mkdir()
    try:
        records = RecordBuilder(name)
        curies = Curies(prefixes or {})
        store = pyoxigraph.Store(str(temporary / "store"))
        loader = StoreLoader(store)
        try:
            if source.format in ("nt", "ttl"):
                read_ntriples(
                    source.files[0], records, loader, curies, progress, turtle=source.format == "ttl"
                )
            else:
                read_kgx(source.files[0], source.files[1], records, loader, curies, progress)
            counts = {records.slugs[code]: n for code, n in Counter(records.slug_codes).items()}
            meta = {
                "version": IMPORT_VERSION,
                "name": name,
                "format": source.format,
                "sources": [{"file": str(p.resolve()), "bytes": p.stat().st_size} for p in source.files],
                "source_names": records.source_names,
                "nodes": len(records.node_ids),
                "edges": len(records.subjects),
                "slugs": records.slugs,
                "predicates": records.predicates,
                "prefixes": curies.prefixes,
                "predicate_counts": dict(sorted(counts.items())),
                "imported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            }
            records.write(temporary, meta)  # while the loader still loads the last chunks
            loader.close()
            store.flush()
        finally:
            loader.close()
            del store, loader  # release RocksDB's lock now, even while an error propagates
        _swap_into_place(temporary, final)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return ImportSummary(
        name,
        source.format,
        final,
        len(records.node_ids),
        len(records.subjects),
        time.perf_counter() - started,
        dict(sorted(counts.items())),
    )


def _swap_into_place(temporary: Path, final: Path) -> None:
    """Rename ``temporary`` to ``final``; an existing ``final`` is renamed aside, then removed."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.rename(final, old)
    os.rename(temporary, final)
    shutil.rmtree(old, ignore_errors=True)


def remove_graph(cache_dir: Path, name: str) -> None:
    """Remove an imported graph (renamed aside first, so readers never see half of it).

    Raises:
        UnknownGraphError: there is no graph of that name.
    """
    folder = get_graphs_dir(cache_dir) / check_graph_name(name)
    if not (folder / "meta.json").is_file():
        raise UnknownGraphError(name, list_graphs(cache_dir))
    old = folder.with_name(f".{name}.old-{os.getpid()}")
    os.rename(folder, old)
    shutil.rmtree(old, ignore_errors=True)


# --- reading an imported graph ------------------------------------------------------------------


class ImportedEntities(Mapping[str, Entity]):
    """The node table as ``model.entities``: Entity records built on first access."""

    def __init__(self, graph: ImportedGraph) -> None:
        self._graph = graph
        self._built: dict[str, Entity] = {}

    def __getitem__(self, entity_id: str) -> Entity:
        found = self._built.get(entity_id)
        if found is None:
            found = self._built[entity_id] = self._graph.get_entity(self._graph.node_index[entity_id])
        return found

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._graph.node_index

    def __iter__(self) -> Iterator[str]:
        return iter(self._graph.node_ids)

    def __len__(self) -> int:
        return len(self._graph.node_ids)


@dataclass(frozen=True)
class ImportedModel(GraphModel):
    """A GraphModel over an imported graph: entities from the node table, no curated assertions.

    ``children`` indexes the is-a links, so expanding a name through the
    hierarchy does not scan every entity.
    """

    children: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def iter_descendants(self, entity_id: str) -> Iterator[str]:
        """Yield ``entity_id`` and everything below it. Cost: linear in the subtree."""
        return iter_subtree(self.children, entity_id)


class ImportedResolver(Resolver):
    """A Resolver whose name index was built at import time, loaded only when a name needs it.

    An exact node id (``CHEBI:1234``) resolves from the node table alone; a
    label, synonym or CURIE look-up first unpickles the index (tens of
    milliseconds for 50k nodes).
    """

    def __init__(self, model: GraphModel, index_path: Path) -> None:
        self.model = model
        self._index_path = index_path
        self._loaded = False
        self._exact, self._curies, self._keys = {}, {}, []

    def _load_index(self) -> None:
        if not self._loaded:
            with self._index_path.open("rb") as stream:
                self._exact, self._curies, self._keys = pickle.load(stream)
            self._loaded = True

    def find_matches(self, text: str, limit: int = 10) -> list[Match]:
        """Return the exact matches of ``text`` (an id first, without loading the index)."""
        if text.strip() in self.model.entities:
            return super().find_matches(text, limit)
        self._load_index()
        return super().find_matches(text, limit)

    def find_close(self, text: str, limit: int = 5) -> list[Match]:
        """Return the closest names (loads the index)."""
        self._load_index()
        return super().find_close(text, limit)

    def search(self, text: str, limit: int = 25) -> list[Match]:
        """Return names containing ``text`` (loads the index)."""
        self._load_index()
        return super().search(text, limit)


class ImportedGraph:
    """One imported graph on disk: its records (memory-mapped), model, network, resolver and store.

    Opening costs one small JSON read; each part loads on first use
    (the node table and name index unpickle in milliseconds for 50k nodes,
    edge arrays are memory-mapped, the store opens read-only).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        meta_path = folder / "meta.json"
        if not meta_path.is_file():
            raise UnknownGraphError(folder.name, list_graphs(folder.parent.parent))
        self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        if self.meta.get("version") != IMPORT_VERSION:
            raise GraphImportError(
                f"graph {folder.name!r} was imported by another version of "
                "msc-graph; import it again with --replace"
            )
        self.name: str = self.meta["name"]
        self.study_id = f"import:{self.name}"
        self._evidence: dict[int, tuple[Evidence, ...]] = {}

    @cached_property
    def node_table(self) -> tuple[Any, ...]:
        """Return the node records as columns, for readers that need no Entity objects (viz).

        (ids, labels, category codes, category names, synonyms, xrefs, parents):
        ids and labels are lists by node index, category codes an array of
        indexes into category names, and synonyms, xrefs and parents dicts from
        node index to a tuple (parents as node indexes).
        """
        with (self.folder / "nodes.pickle").open("rb") as stream:
            loaded: tuple[Any, ...] = pickle.load(stream)
        return loaded

    @cached_property
    def node_ids(self) -> list[str]:
        """Return node index → node id."""
        ids: list[str] = self.node_table[0]
        return ids

    @cached_property
    def node_index(self) -> dict[str, int]:
        """Return node id → node index."""
        return {node_id: index for index, node_id in enumerate(self.node_ids)}

    @cached_property
    def _categories(self) -> array[int]:
        return array("H", self.node_table[2])

    def get_entity(self, index: int) -> Entity:
        """Return the Entity of the node at ``index`` (its category mapped to our types)."""
        ids, labels, _, category_names, synonyms, xrefs, parents = self.node_table
        category = category_names[self._categories[index]]
        return Entity(
            ids[index],
            labels[index] or ids[index],
            CATEGORY_TYPES.get(category, EntityType.EXTERNAL),
            synonyms.get(index, ()),
            xrefs.get(index, ()),
            tuple(ids[p] for p in parents.get(index, ())),
        )

    def get_category(self, entity_id: str) -> str:
        """Return the category of a node as written in the source ("" when it had none)."""
        return str(self.node_table[3][self._categories[self.node_index[entity_id]]])

    @cached_property
    def edge_columns(self) -> dict[str, memoryview[int]]:
        """Return the edge records as memory-mapped columns, one row per record of the file.

        subjects and objects are node indexes, slugs index ``meta["slugs"]``,
        predicates ``meta["predicates"]``, lines the record's line in the file,
        and provenance.offsets / provenance the encoded provenance bytes.
        """
        types: dict[str, IntCode] = {
            "subjects": "i",
            "objects": "i",
            "slugs": "B",
            "predicates": "H",
            "lines": "i",
            "provenance.offsets": "q",
            "provenance": "B",
        }
        return {key: map_array(self.folder / f"edges.{key}", code) for key, code in types.items()}

    @cached_property
    def study(self) -> Study:
        """Return the study record of the import itself (what every imported edge is read in)."""
        sources = ", ".join(self.meta.get("source_names", []))
        return Study(
            self.study_id,
            f"{self.name} (imported {self.meta['format'].upper()}: {sources})",
            title=sources,
            review=True,
        )

    @cached_property
    def model(self) -> ImportedModel:
        """Return the model: lazy entities, the import's study, no curated assertions."""
        children: dict[str, list[str]] = {}
        ids, parents = self.node_ids, self.node_table[6]
        for child, parent_indices in parents.items():
            for parent in parent_indices:
                children.setdefault(ids[parent], []).append(ids[child])
        return ImportedModel(
            ImportedEntities(self),
            {self.study_id: self.study},
            (),
            self.name,
            {k: tuple(v) for k, v in children.items()},
        )

    @cached_property
    def resolver(self) -> ImportedResolver:
        """Return the resolver over the index built at import time."""
        return ImportedResolver(self.model, self.folder / "names.pickle")

    def get_evidence(self, edge: int) -> tuple[Evidence, ...]:
        """Return the evidence of edge record ``edge`` (see the module docstring), memoised."""
        found = self._evidence.get(edge)
        if found is not None:
            return found
        edges = self.edge_columns
        start, stop = edges["provenance.offsets"][edge], edges["provenance.offsets"][edge + 1]
        edge_id, source, publications, text, level, direction, bases, units = decode_provenance(
            bytes(edges["provenance"][start:stop])
        )
        predicate = self.meta["predicates"][edges["predicates"][edge]]
        subject = self.node_ids[edges["subjects"][edge]]
        obj = self.node_ids[edges["objects"][edge]]
        locator = f"{self.record_origin} {edges['lines'][edge]}"
        if edge_id:
            locator += f", id {edge_id}"
        locator += f"; {predicate}" + (f" ({direction})" if direction else "")
        if source:
            locator += f"; {source}"
        quote = text or f"{subject} {predicate}{f' ({direction})' if direction else ''} {obj}"
        studies = _split(publications) or [source or self.study_id]
        default = Basis.HEDGED if level in HEDGED_LEVELS else Basis.STATED
        written, groups = _split(bases), _split(units)
        # publications of one row are cited together (one support unit), unless our own export
        # says which of them were separate findings: then each unit gets a place of its own
        several = len(set(groups)) > 1
        found = tuple(
            Evidence(
                study,
                self.study_id,
                SourceKind.TABLE,
                f"{locator}; unit {groups[index]}" if several and index < len(groups) else locator,
                quote,
                Basis(written[index]) if index < len(written) and written[index] in BASIS_VALUES else default,
            )
            for index, study in enumerate(studies)
        )
        self._evidence[edge] = found
        return found

    @cached_property
    def record_origin(self) -> str:
        """Return how a locator names where a record sits: its file and unit ("edges.tsv line").

        Turtle records are counted in triples (the file is read through a
        converter), every other format in lines. The viz page builds its
        locators from this too, so both say the same.
        """
        names = self.meta.get("source_names", [])
        unit = "triple" if self.meta["format"] == "ttl" else "line"
        return f"{names[-1] if names else self.name} {unit}"

    @property
    def network_dir(self) -> Path:
        """Return the folder of the compact network (built on first use)."""
        return self.folder / "network"

    def build_network(self) -> Path:
        """Build the compact network from the edge records if it is not there yet; return its folder.

        Written into a temporary folder and renamed, so concurrent or killed
        builds never leave half of one. Cost: two stable sorts of the edges
        (~0.5 s per million edges with numpy).
        """
        folder = self.network_dir
        if folder.is_dir():
            return folder
        temporary = self.folder / f".network.tmp-{os.getpid()}-{threading.get_ident()}"
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir()
        try:
            columns = self.edge_columns
            write_network(temporary, columns["subjects"], columns["objects"], len(self.node_ids))
            try:
                os.rename(temporary, folder)
            except OSError:
                if not folder.is_dir():
                    raise
                shutil.rmtree(temporary, ignore_errors=True)  # another process built it first
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        return folder

    @cached_property
    def network(self) -> CompactNetwork:
        """Return the compact network view (built and cached on first use, then memory-mapped)."""
        return open_network(
            self.build_network(),
            self.node_ids,
            self.node_index,
            self.meta["slugs"],
            self.edge_columns["slugs"],
            self.get_evidence,
            self.name,
        )

    def open_store(self) -> pyoxigraph.Store:
        """Open the RDF store read-only (milliseconds; several processes may read at once)."""
        import pyoxigraph

        return pyoxigraph.Store.read_only(str(self.folder / "store"))

    @cached_property
    def _curies(self) -> Curies:
        return Curies(self.meta.get("prefixes", {}))

    def get_iri(self, node_id: str) -> str:
        """Return the IRI a node id stands for in the store (the prefix map of the import expands it)."""
        return self._curies.expand(node_id)


def open_imported_graph(cache_dir: Path, name: str) -> ImportedGraph:
    """Return the imported graph ``name`` of a project cache.

    Raises:
        UnknownGraphError: there is none of that name.
    """
    folder = get_graphs_dir(cache_dir) / check_graph_name(name)
    if not (folder / "meta.json").is_file():
        raise UnknownGraphError(name, list_graphs(cache_dir))
    return ImportedGraph(folder)


# --- the curated graph over an imported one -----------------------------------------------------


class _MergedEntities(Mapping[str, Entity]):
    """The curated entities, then the imported ones that are not aliases of a curated entity."""

    def __init__(
        self, first: Mapping[str, Entity], second: Mapping[str, Entity], aliases: Mapping[str, str]
    ) -> None:
        self._first = first
        self._second = second
        self._aliases = aliases

    def __getitem__(self, entity_id: str) -> Entity:
        if entity_id in self._first:
            return self._first[entity_id]
        if entity_id in self._aliases:
            raise KeyError(entity_id)
        return self._second[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._first or (entity_id in self._second and entity_id not in self._aliases)

    def __iter__(self) -> Iterator[str]:
        yield from self._first
        yield from (e for e in self._second if e not in self._aliases and e not in self._first)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class MergedResolver(Resolver):
    """Name look-ups over two resolvers: the curated one's answers first, aliases folded together."""

    def __init__(
        self, model: GraphModel, first: Resolver, second: Resolver, aliases: Mapping[str, str]
    ) -> None:
        self.model = model
        self._first = first
        self._second = second
        self._aliases = aliases
        self._exact, self._curies, self._keys = {}, {}, []

    def _fold(self, matches: Sequence[Any]) -> list[Any]:
        from dataclasses import replace

        best: dict[str, Any] = {}
        for match in matches:
            if match.id in self._aliases:
                curated = self.model.entities[self._aliases[match.id]]
                match = replace(match, id=curated.id, label=curated.label, type=curated.type.value)
            if match.id not in best or best[match.id].score < match.score:
                best[match.id] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.label))

    def find_matches(self, text: str, limit: int = 10) -> list[Any]:
        """Return the exact matches of both graphs (best first), else the closest names of both."""
        both = [*self._first.find_matches(text, limit), *self._second.find_matches(text, limit)]
        exact = [m for m in both if m.how != "close"]
        return self._fold(exact or both)[:limit]

    def find_close(self, text: str, limit: int = 5) -> list[Any]:
        """Return the closest names of both graphs."""
        return self._fold([*self._first.find_close(text, limit), *self._second.find_close(text, limit)])[
            :limit
        ]

    def search(self, text: str, limit: int = 25) -> list[Any]:
        """Return the search hits of both graphs, best first."""
        return self._fold([*self._first.search(text, limit), *self._second.search(text, limit)])[:limit]


def find_aliases(curated: GraphModel, graph: ImportedGraph) -> dict[str, str]:
    """Return imported node id → curated entity id, for curated entities whose xrefs name an imported node.

    That is the one rule for "the same node": a curated entity cross-referenced
    to ``HGNC:12680`` is the imported node ``HGNC:12680``. Cost: linear in the
    curated xrefs.
    """
    index = graph.node_index
    aliases: dict[str, str] = {}
    for entity in curated.entities.values():
        for xref in entity.xrefs:
            if xref in index and xref not in aliases:
                aliases[xref] = entity.id
    return aliases


def merge_models(curated: GraphModel, imported: ImportedModel, aliases: Mapping[str, str]) -> ImportedModel:
    """Return one model over both: curated entities, studies and assertions, then the imported ones."""
    children: dict[str, list[str]] = {}
    for entity in curated.entities.values():
        for parent in entity.is_a:
            children.setdefault(parent, []).append(entity.id)
    for parent, kids in imported.children.items():
        children.setdefault(aliases.get(parent, parent), []).extend(aliases.get(k, k) for k in kids)
    return ImportedModel(
        _MergedEntities(curated.entities, imported.entities, aliases),
        {**imported.studies, **curated.studies},
        curated.assertions,
        f"{curated.name}+{imported.name}",
        {k: tuple(v) for k, v in children.items()},
    )
