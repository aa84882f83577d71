"""``mscgraph curate draft``: proposals from a made-up review, worked out by hand, and a real seed's quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.curation.drafting import Draft, draft_review, read_references
from msc_graph.curation.seeds import normalise_text, read_normalised_seed
from msc_graph.model import Entity, EntityType
from msc_graph.views.resolve import NameIndex

from .conftest import ROOT

SEED = ROOT / "tests" / "data" / "draft" / "review-x.md"
# The made-up review's vocabulary: what a curated graph would already know. GFAP and VEGF are
# not in it: the seed defines them, so the draft proposes them as new entities.
ENTITIES = [
    Entity("full-secretome", "conditioned medium", EntityType.SECRETOME_COMPONENT, ("full secretome",)),
    Entity("extracellular-vesicles", "extracellular vesicles", EntityType.SECRETOME_COMPONENT, ("exosomes",)),
    Entity("secretome", "secretome", EntityType.SECRETOME_COMPONENT),
    Entity("msc", "mesenchymal stem cells", EntityType.MSC_SOURCE, ("MSCs",)),
    Entity("adipose-msc", "adipose MSCs", EntityType.MSC_SOURCE),
    Entity("il-6", "IL-6", EntityType.CYTOKINE, ("interleukin-6",)),
    Entity("mir-21", "miR-21", EntityType.MICRORNA),
    Entity("nf-kb-pathway", "NF-κB pathway", EntityType.PATHWAY),
    Entity("microglia", "microglia", EntityType.CELL_TYPE),
    Entity("autophagy", "autophagy", EntityType.PROCESS),
    Entity("neuroinflammation", "neuroinflammation", EntityType.PROCESS),
    Entity("apoptosis", "apoptosis", EntityType.PROCESS),
    Entity("synovium", "synovium", EntityType.TISSUE),
    Entity("rat", "rat", EntityType.SPECIES),
    Entity("arthritis", "arthritis", EntityType.DISEASE),
]


@pytest.fixture(scope="module")
def draft() -> Draft:
    index = NameIndex()
    for entity in ENTITIES:
        index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    return draft_review(
        SEED.read_text(encoding="utf-8"), "review-x", index.named, {e.id: e for e in ENTITIES}
    )


def _evidence(draft: Draft, subject: str, predicate: str, obj: str, kind: str = "prose") -> list[Any]:
    """Return the evidence of one proposed assertion read from ``kind`` (prose, table, reference-title)."""
    found = draft.assertions.get((subject, predicate, obj))
    assert found is not None, f"no {subject} {predicate} {obj} in {sorted(draft.assertions)}"
    return [e for e in found.evidence if e.source_kind == kind]


def test_a_signed_cue_between_two_mentions_is_proposed_with_its_quote_locator_study_and_context(
    draft: Draft,
) -> None:
    # "Conditioned medium from adipose MSCs reduces IL-6 in the synovium of arthritic rats (Smith et al., 2020)":
    # the MSC source belongs to the medium (its preparation), the synovium and the rats are context.
    [evidence] = _evidence(draft, "full-secretome", "decreases", "il-6")
    assert evidence.quote == "Conditioned medium from adipose MSCs reduces IL-6"
    assert evidence.locator == "§ Introduction, ¶1"
    assert evidence.study == "smith-2020"
    assert evidence.basis == "stated"
    assert evidence.context == {"species": "rat", "measured_in": ["synovium"]}


def test_a_hedged_sentence_gives_hedged_evidence(draft: Draft) -> None:
    # "Exosomes carrying miR-21 may inhibit the NF-κB pathway (Jones and Lee, 2019)": the exosomes inhibit
    # (the subject of both verbs), and "may" hedges the sentence.
    [evidence] = _evidence(draft, "extracellular-vesicles", "inhibits", "nf-kb-pathway")
    assert evidence.basis == "hedged"
    assert evidence.quote == "Exosomes carrying miR-21 may inhibit the NF-κB pathway"
    assert evidence.study == "jones-2019"
    assert (
        _evidence(draft, "extracellular-vesicles", "carries", "mir-21")[0].quote == "Exosomes carrying miR-21"
    )


def test_an_ambiguous_cue_gets_no_sign_and_a_negated_one_nothing(draft: Draft) -> None:
    # "The secretome modulates microglia": acts on, direction unstated; "did not reduce IL-6": no proposal.
    assert ("secretome", "acts-on", "microglia") in draft.assertions
    signed = {"increases", "decreases", "activates", "inhibits", "ameliorates"}
    assert not [
        key for key in draft.assertions if key[::2] == ("secretome", "microglia") and key[1] in signed
    ]
    said = _evidence(draft, "secretome", "decreases", "il-6")  # only where ¶2 of Mechanisms says so
    assert [e.locator for e in said] == ["§ Mechanisms, ¶2"]


def test_a_relay_sentence_gives_two_hops(draft: Draft) -> None:
    # "Exosomes increase autophagy, which in turn decreases neuroinflammation (Brown et al., 2018a, b)"
    assert (
        _evidence(draft, "extracellular-vesicles", "increases", "autophagy")[0].locator == "§ Mechanisms, ¶1"
    )
    [evidence] = _evidence(draft, "autophagy", "decreases", "neuroinflammation")
    assert evidence.quote == "autophagy, which in turn decreases neuroinflammation"
    assert evidence.study == "brown-2018a"


def test_lists_of_subjects_bare_passives_and_anti_adjectives(draft: Draft) -> None:
    # ¶2 of Mechanisms: "Exosomes and the secretome are linked to autophagy": both are
    [evidence] = _evidence(draft, "extracellular-vesicles", "associated-with", "autophagy")
    assert evidence.quote == "Exosomes and the secretome are linked to autophagy"
    assert ("secretome", "associated-with", "autophagy") in draft.assertions
    # "The secretome increased autophagy, while IL-6 levels were lowered": the secretome lowered them,
    # and the quote is the span holding both and the cue
    [evidence] = _evidence(draft, "secretome", "decreases", "il-6")
    assert evidence.quote == "secretome increased autophagy, while IL-6 levels were lowered"
    # "It also had antiapoptotic effects": "It" names the sentence before's subject, against apoptosis;
    # the quote holds the pronoun and the cue
    [evidence] = _evidence(draft, "secretome", "decreases", "apoptosis")
    assert evidence.quote == "It also had antiapoptotic"


def test_unknown_words_after_a_signed_cue_are_proposed_as_entities(draft: Draft) -> None:
    # "The secretome reduced tubular atrophy and joint swelling": neither is a known name
    for new in ("tubular-atrophy", "joint-swelling"):
        assert draft.entities[new]["label"] == new.replace("-", " ")
        assert ("secretome", "decreases", new) in draft.assertions
    [evidence] = _evidence(draft, "secretome", "decreases", "joint-swelling")
    assert evidence.quote == "secretome reduced tubular atrophy and joint swelling"


def test_seed_defined_abbreviations_become_names_or_proposed_entities(draft: Draft) -> None:
    # "Vascular endothelial growth factor (VEGF) is secreted by MSCs": VEGF is new, the MSCs carry it
    assert draft.entities["vascular-endothelial-growth-factor"]["synonyms"] == ["VEGF"]
    assert ("msc", "carries", "vascular-endothelial-growth-factor") in draft.assertions
    # the table footnote defines GFAP (new) and FS, EV (known as full secretome, extracellular vesicles)
    assert draft.entities["glial-fibrillary-acidic-protein"]["synonyms"] == ["GFAP"]


def test_table_rows_give_arrows_factors_and_a_single_factor_inference(draft: Draft) -> None:
    assert (draft.rows_proposed, draft.rows_total) == (2, 2)
    [row] = _evidence(draft, "extracellular-vesicles", "decreases", "il-6", "table")
    assert (row.locator, row.quote, row.study) == (
        "Table 1, row 1 (Jones and Lee, 2019)",
        "↓ IL-6",
        "jones-2019",
    )
    assert (
        _evidence(draft, "extracellular-vesicles", "increases", "autophagy", "table")[0].quote
        == "↑ Autophagy"
    )
    # row 1 names one factor, miR-21: its link to each effect is the curator's inference, said so
    [inferred] = _evidence(draft, "mir-21", "decreases", "il-6", "table")
    assert inferred.basis == "inferred" and "only identified factor" in (inferred.inferred_from or "")
    # row 2 lists two factors (VEGF, HGF): the preparation carries VEGF, no factor-level effect
    assert ("full-secretome", "carries", "vascular-endothelial-growth-factor") in draft.assertions
    # HGF is no known name and the seed never defines it: its symbol's shape proposes it as a factor
    assert ("full-secretome", "carries", "hgf") in draft.assertions
    assert draft.entities["hgf"]["type"] == "factor"
    assert ("full-secretome", "decreases", "glial-fibrillary-acidic-protein") in draft.assertions
    assert not [key for key in draft.assertions if key[0] == "vascular-endothelial-growth-factor"]
    # each row's own cells are its evidence's context: the preparation, and a model no name covers,
    # proposed as a disease model with the draft (the curator accepts it with the row)
    # "Arthritis" is a disease, no model: under the "Model" column it names the arthritis model, proposed
    assert row.context == {"preparation": "extracellular-vesicles", "disease_model": "arthritis-model"}
    assert draft.entities["arthritis-model"]["type"] == "disease-model"
    [gfap] = _evidence(draft, "full-secretome", "decreases", "glial-fibrillary-acidic-protein", "table")
    assert gfap.context == {"preparation": "full-secretome", "disease_model": "neuropathic-pain"}
    assert draft.entities["neuropathic-pain"]["type"] == "disease-model"


def test_cited_studies_are_proposed_from_the_reference_list(draft: Draft) -> None:
    assert draft.studies["smith-2020"]["title"] == "Adipose MSC conditioned medium reduces IL-6 in arthritis"
    assert draft.studies["jones-2019"]["citation"] == "Jones and Lee, 2019"
    assert draft.studies["brown-2018a"]["citation"] == "Brown et al., 2018a"
    assert [r.year for r in read_references(SEED.read_text(encoding="utf-8"))] == [
        "2018a",
        "2018b",
        "2019",
        "2020",
    ]


def test_every_quote_is_verbatim_and_every_record_a_draft(draft: Draft) -> None:
    seed = normalise_text(SEED.read_text(encoding="utf-8"))
    data = yaml.safe_load(yaml.safe_dump(draft.as_data(), allow_unicode=True))
    assert data["review"] == "review-x"
    for section in ("studies", "entities", "assertions"):
        assert data[section]
        for record in data[section]:
            assert (record["status"], record["proposed_by"]) == ("draft", "curate-draft")
    for assertion in data["assertions"]:
        for evidence in assertion["evidence"]:
            assert normalise_text(evidence["quote"]) in seed


def test_cli_drafts_a_real_seed_with_verbatim_quotes(
    tmp_path: Path, seeds_dir: Path, real_project: Any
) -> None:
    output = tmp_path / "draft.yaml"
    seed = seeds_dir / "ferrini-2025-msc-secretome-spinal-pain.md"
    args = ["curate", "draft", str(seed), "--review", "ferrini-2025", "-o", str(output)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    text = read_normalised_seed(seed.name, seeds_dir)
    quotes = [e["quote"] for a in data["assertions"] for e in a["evidence"]]
    assert len(quotes) > 50
    assert [q for q in quotes if normalise_text(q) not in text] == []
    assert {a["status"] for a in data["assertions"]} == {"draft"}
