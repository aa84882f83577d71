"""The full term dictionary: its matching rules, new entities drafted with xrefs, and the script's flag.

tests/data/draft/vocabulary.tsv is made up by hand in the layout
``make_term_tables.py --draft-vocabulary`` writes (curie, label, synonyms);
the real dictionary is never read here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.curation.drafting import draft_review
from msc_graph.curation.terms import TermDictionary, read_term_dictionary
from msc_graph.errors import MscGraphError
from msc_graph.views.resolve import NameIndex

from .conftest import ROOT
from .test_curate_draft import ENTITIES, SEED

VOCABULARY = ROOT / "tests" / "data" / "draft" / "vocabulary.tsv"


@pytest.fixture(scope="module")
def terms() -> TermDictionary:
    return read_term_dictionary(VOCABULARY)


def _curies(terms: TermDictionary, name: str) -> list[str]:
    return [match.curie for match in terms.find(name)]


def test_symbols_and_approved_names_match_hgnc_but_aliases_and_lower_case_words_do_not(
    terms: TermDictionary,
) -> None:
    assert _curies(terms, "IL-1β") == ["HGNC:5992"]  # the approved symbol IL1B, after normalising
    assert _curies(terms, "CLOCK") == ["HGNC:2082"]
    assert _curies(terms, "clock") == []  # the English word, not the gene
    assert _curies(terms, "VEGF") == []  # only an alias of VEGFA
    assert _curies(terms, "SF") == []  # too short, and an alias besides
    # a symbol HGNC has gets HGNC alone (MeSH lists GFAP as a synonym of its descriptor)
    assert _curies(terms, "GFAP") == ["HGNC:4235"]
    # a name: one term per vocabulary, HGNC first
    assert _curies(terms, "glial fibrillary acidic protein") == ["HGNC:4235", "MESH:D005904"]


def test_synonyms_match_for_mesh_only_and_never_when_two_terms_share_them(terms: TermDictionary) -> None:
    assert _curies(terms, "neuropathic pain") == ["MESH:D009437"]  # a MeSH entry term
    assert _curies(terms, "osteoarthritis") == ["MONDO:0005178"]  # a label
    # the ontologies' synonyms are not matched: the file does not say which are exact
    assert _curies(terms, "degenerative joint disease") == []
    assert _curies(terms, "apoptotic cell death") == []
    assert _curies(terms, "apoptotic process") == ["GO:0006915"]
    assert _curies(terms, "tubular atrophy") == []


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("id\tname\nHGNC:1\tA1BG\n", encoding="utf-8")
    with pytest.raises(MscGraphError, match="curie, label, synonyms"):
        read_term_dictionary(path)


def _entities(terms: TermDictionary | None) -> dict[str, dict[str, Any]]:
    index = NameIndex()
    for entity in ENTITIES:
        index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    raw = SEED.read_text(encoding="utf-8")
    return draft_review(raw, "review-x", index.named, {e.id: e for e in ENTITIES}, terms=terms).entities


def test_new_entities_the_dictionary_names_are_drafted_with_its_curie(terms: TermDictionary) -> None:
    plain, grounded = _entities(None), _entities(terms)
    assert sorted(plain) == sorted(grounded)  # the same entities are proposed, some now with xrefs
    # "HGF": a symbol in the row's factors cell; the vocabulary's label is the same name, not added again
    assert grounded["hgf"]["xrefs"] == ["HGNC:4893"]
    assert grounded["hgf"]["synonyms"] == []
    # "GFAP: glial fibrillary acidic protein" in the footnote; the long form is the label
    gfap = grounded["glial-fibrillary-acidic-protein"]
    assert gfap["xrefs"] == ["HGNC:4235", "MESH:D005904"]
    assert gfap["synonyms"] == ["GFAP"]  # HGNC's label is the abbreviation the seed defines
    # the table's model "Neuropathic pain": a MeSH entry term, whose descriptor label joins the synonyms
    assert grounded["neuropathic-pain"]["xrefs"] == ["MESH:D009437"]
    assert grounded["neuropathic-pain"]["synonyms"] == ["Neuralgia"]
    # unknown names, and VEGF (only an alias of VEGFA), stay without xrefs
    for entity_id in ("tubular-atrophy", "joint-swelling", "vascular-endothelial-growth-factor"):
        assert "xrefs" not in grounded[entity_id]
        assert grounded[entity_id] == plain[entity_id]
    # without a dictionary, no entity has xrefs
    assert not [record for record in plain.values() if "xrefs" in record]


def test_cli_vocabulary_option_adds_xrefs_and_leaves_the_draft_alone_without_it(
    fixture_project: Any, tmp_path: Path
) -> None:
    def draft(*extra: str) -> dict[str, Any]:
        output = tmp_path / f"draft{len(extra)}.yaml"
        args = ["curate", "draft", str(SEED), "--review", "review-x", "-o", str(output), *extra]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        loaded: dict[str, Any] = yaml.safe_load(output.read_text(encoding="utf-8"))
        return loaded

    plain, grounded = draft(), draft("--vocabulary", str(VOCABULARY))
    assert not [e for e in plain["entities"] if "xrefs" in e]
    by_id = {e["id"]: e for e in grounded["entities"]}
    assert by_id["hgf"]["xrefs"] == ["HGNC:4893"]
    # apart from the xrefs and the vocabulary's labels, the two drafts are the same
    stripped = [{k: v for k, v in e.items() if k not in ("xrefs", "synonyms")} for e in grounded["entities"]]
    assert stripped == [{k: v for k, v in e.items() if k != "synonyms"} for e in plain["entities"]]
    assert grounded["assertions"] == plain["assertions"]


def _load_script(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Import the script as a module (its dataclasses need it in sys.modules while they are made)."""
    path = ROOT / "scripts" / "make_term_tables.py"
    spec = importlib.util.spec_from_file_location("make_term_tables", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_make_term_tables_parses_draft_vocabulary_without_running_the_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _load_script(monkeypatch)
    assert script.parse_args(["--draft-vocabulary", str(tmp_path / "v.tsv")]).draft_vocabulary == (
        tmp_path / "v.tsv"
    )
    assert script.parse_args(["--draft-vocabulary"]).draft_vocabulary == script.DEFAULT_VOCABULARY
    assert script.parse_args([]).draft_vocabulary is None
    assert script.DRAFT_PREFIXES == ["HGNC", "MIRBASE", "GO", "CL", "UBERON", "MONDO", "MESH"]


def test_a_name_two_terms_of_one_vocabulary_share_gives_nothing_from_it() -> None:
    terms = TermDictionary()  # a made-up vocabulary (prefix X): two terms with one label, one with another
    terms.add("X:1", "shared name", [])
    terms.add("X:2", "shared name", [])
    terms.add("X:3", "own name", [])
    assert _curies(terms, "shared name") == []
    assert _curies(terms, "own name") == ["X:3"]


def test_a_grounded_new_entity_takes_its_type_from_the_vocabulary_where_the_name_only_guessed(
    terms: TermDictionary,
) -> None:
    from msc_graph.curation.drafting.mentions import Names
    from msc_graph.model import EntityType

    names = Names(lambda text: [], {}, terms)
    # "hepatocyte" in the name reads as a cell; HGNC's approved name says it is a gene product
    names.propose("hepatocyte growth factor", EntityType.CELL_TYPE)
    names.propose("interleukin 1 beta", EntityType.CYTOKINE)  # a factor already: the finer guess stays
    names.propose("Neuropathic pain", EntityType.DISEASE_MODEL)  # a row's model, chosen on purpose: kept
    names.propose("osteoarthritis", EntityType.PROCESS)
    types = {entity_id: record["type"] for entity_id, record in names.proposed.items()}
    assert types == {
        "hepatocyte-growth-factor": "factor",
        "interleukin-1-beta": "cytokine",
        "neuropathic-pain": "disease-model",
        "osteoarthritis": "disease",
    }
