"""The drafter's linguistic rules, one made-up sentence or table row each, the expected proposal worked out by hand."""

from __future__ import annotations

from collections.abc import Sequence

from msc_graph.curation.coverage import SeedRegion
from msc_graph.curation.drafting import Draft, draft_review
from msc_graph.model import Entity, EntityType
from msc_graph.views.resolve import NameIndex

# What a curated graph would already know; each test's text names some of these.
ENTITIES = [
    Entity("full-secretome", "conditioned medium", EntityType.SECRETOME_COMPONENT, ("CM",)),
    Entity("extracellular-vesicles", "extracellular vesicles", EntityType.SECRETOME_COMPONENT, ("EVs",)),
    Entity("secretome", "secretome", EntityType.SECRETOME_COMPONENT),
    Entity("msc", "mesenchymal stem cells", EntityType.MSC_SOURCE, ("MSCs",)),
    Entity("bone-marrow-msc", "bone marrow MSCs", EntityType.MSC_SOURCE),
    Entity("il-6", "IL-6", EntityType.CYTOKINE, ("interleukin-6",)),
    Entity("tnf-a", "TNF-α", EntityType.CYTOKINE),
    Entity("il-10", "IL-10", EntityType.CYTOKINE),
    Entity("cytokines", "cytokines", EntityType.FACTOR),
    Entity("gfap", "GFAP", EntityType.MARKER),
    Entity("vegf", "VEGF", EntityType.GROWTH_FACTOR),
    Entity("microglia", "microglia", EntityType.CELL_TYPE),
    Entity("autophagy", "autophagy", EntityType.PROCESS),
    Entity("apoptosis", "apoptosis", EntityType.PROCESS),
    Entity("angiogenesis", "angiogenesis", EntityType.PROCESS),
    Entity("spinal-cord-injury", "spinal cord injury", EntityType.DISEASE),
    Entity("arthritis", "arthritis", EntityType.DISEASE),
    Entity("pain", "pain", EntityType.PHENOTYPE, ("nociception",)),
    Entity("neuropathic-pain", "neuropathic pain", EntityType.DISEASE),
    Entity("rat", "rat", EntityType.SPECIES),
    Entity("stem-cells", "stem cells", EntityType.CELL_TYPE),
    Entity("inflammation", "inflammation", EntityType.PROCESS),
    Entity("collagen", "collagen", EntityType.FACTOR),
    Entity("transplanted-cells", "transplanted cells", EntityType.CELL_PREPARATION, ("cells",)),
]


def _draft(body: str, more: Sequence[Entity] = ()) -> Draft:
    """Draft a one-section made-up review whose main text is ``body``, with ``more`` entities known too."""
    index = NameIndex()
    known = [*ENTITIES, *more]
    for entity in known:
        index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    seed = f"# A made-up review\n\nIntroduction:\n\n{body}\n\nReferences\n"
    return draft_review(seed, "review-y", index.named, {e.id: e for e in known})


def _claims(draft: Draft) -> set[tuple[str, str, str]]:
    return set(draft.assertions)


TABLE = """Background.

**Table 1 | Made-up studies**

Animal model	Source of MSCs	Preparation	Effect
Spinal cord injury	Bone marrow	CM	↓ GFAP
L5/6 spinal nerve ligation	Bone marrow	CM	↓ IL-6
"""


def test_a_model_cell_names_the_rows_model_even_where_known_names_cover_part_of_it() -> None:
    draft = _draft(TABLE)
    contexts = {
        item.row: item.context
        for assertion in draft.assertions.values()
        for item in assertion.evidence
        if item.row is not None
    }
    # "Spinal cord injury" is a known disease; under a model column it names the model of that disease
    assert contexts[(1, 1)]["disease_model"] == "spinal-cord-injury-model"
    assert draft.entities["spinal-cord-injury-model"]["type"] == "disease-model"
    # "L5" alone looks like a symbol; the whole cell is the model
    assert contexts[(1, 2)]["disease_model"] == "l5-6-spinal-nerve-ligation"
    assert draft.entities["l5-6-spinal-nerve-ligation"]["label"] == "L5/6 spinal nerve ligation"


def test_a_disease_cell_retypes_a_name_the_drafter_guessed() -> None:
    # the prose proposes "disk degeneration" as a process (its words); the table's disease column says
    # it is a disease, so the row (which names no effect) links its MSC source to that disease
    body = (
        "The secretome reduced disk degeneration.\n\n**Table 1 | Made-up sources**\n\n"
        "Disease\tSource of MSCs\nDisk degeneration\tBone marrow\n"
    )
    draft = _draft(body)
    assert draft.entities["disk-degeneration"]["type"] == "disease"
    assert ("bone-marrow-msc", "associated-with", "disk-degeneration") in _claims(draft)


def test_a_cue_word_inside_a_name_is_no_cue() -> None:
    # "Stimulating" is part of the name the seed defines, "Macrophage Stimulating Protein (MSP)":
    # it says nothing of VEGF; the sentence's claim is what the medium carries
    draft = _draft("Conditioned medium contains HGF, Macrophage Stimulating Protein (MSP), and VEGF.")
    assert not [key for key in draft.assertions if key[1] == "increases"]
    assert ("full-secretome", "carries", "vegf") in _claims(draft)
    assert ("full-secretome", "carries", "macrophage-stimulating-protein") in _claims(draft)


def test_a_bare_general_noun_names_no_entity() -> None:
    # "cells" is a synonym of the transplanted cells, and "efficacy" words after a cue; alone, neither
    # is an entity: "The expansion of cells increases apoptosis" says nothing of transplanted cells
    draft = _draft("The expansion of cells increases apoptosis. The secretome reduced the efficacy.")
    assert not [key for key in draft.assertions if "transplanted-cells" in key]
    assert not [key for key in draft.assertions if key[0] == "secretome"]
    assert "efficacy" not in draft.entities


def test_a_name_that_only_completes_the_cues_object_is_no_object() -> None:
    # "reduced the harmful actions of IL-6": the actions are reduced, not IL-6 itself; a measure
    # ("the levels of TNF-α") or a quantity ("a broad range of VEGF isoforms") is no such phrase
    draft = _draft(
        "The secretome reduced the harmful actions of IL-6. "
        "The secretome reduced the levels of TNF-α. "
        "Conditioned medium contains a broad range of VEGF isoforms."
    )
    assert ("secretome", "decreases", "il-6") not in _claims(draft)
    assert ("secretome", "decreases", "tnf-a") in _claims(draft)
    assert ("full-secretome", "carries", "vegf") in _claims(draft)


def test_an_anti_adjective_belongs_to_what_owns_the_effect() -> None:
    # "IL-6 ... the anti-apoptotic effects of the secretome": the secretome's, not IL-6's (the name before)
    draft = _draft("Beside IL-6, the anti-apoptotic effects of the secretome were studied.")
    assert ("secretome", "decreases", "apoptosis") in _claims(draft)
    assert ("il-6", "decreases", "apoptosis") not in _claims(draft)


def test_a_list_goes_on_past_an_abbreviations_suffix_and_past_eight_items() -> None:
    # "interferon (IFN)-γ, IL-6": the "-γ" after the parenthesis belongs to the item before,
    # and the list goes on; a list of nine factors gives nine proposals
    draft = _draft(
        "Conditioned medium contains interferon (IFN)-γ, IL-6, and VEGF. "
        "The secretome contains VEGF, IL-6, IL-10, GFAP, TNF-α, HGF, PDGF, KGF, and FGF2."
    )
    assert ("full-secretome", "carries", "il-6") in _claims(draft)
    assert ("full-secretome", "carries", "vegf") in _claims(draft)
    carried = {key[2] for key in draft.assertions if key[:2] == ("secretome", "carries")}
    assert {"vegf", "il-6", "il-10", "gfap", "tnf-a", "hgf", "pdgf", "kgf", "fgf2"} <= carried


def test_examples_after_a_passive_agent_are_what_the_agent_did_it_to() -> None:
    # "the cytokines released by MSCs, such as IL-6 and IL-10": the MSCs release IL-6 and IL-10 too
    draft = _draft("The cytokines released by MSCs, such as IL-6 and IL-10, reach the joint.")
    assert {("msc", "carries", "il-6"), ("msc", "carries", "il-10")} <= _claims(draft)


def test_a_noun_cues_own_of_introduces_its_objects_and_a_preparation_keeps_its_claim() -> None:
    # "attenuation of [unknown deficits], extent of inflammation, and apoptosis": the objects follow the
    # cue's own "of", past an item no name covers; the secretome "from stem cells" is the subject
    draft = _draft(
        "The secretome from stem cells caused attenuation of neurological deficits, extent of "
        "inflammation, and apoptosis."
    )
    assert {("secretome", "decreases", "inflammation"), ("secretome", "decreases", "apoptosis")} <= _claims(
        draft
    )
    assert not [key for key in draft.assertions if key[0] == "stem-cells"]


def test_a_cell_type_followed_by_a_process_noun_names_the_process() -> None:
    # "reduces spinal microglia activation": the activation is reduced, not the microglia; and the
    # microglia are no subject of their own activation ("autophagy in microglia inhibits microglia activation")
    draft = _draft(
        "The secretome reduces spinal microglia activation. Microglia inhibit microglia activation."
    )
    assert ("secretome", "decreases", "microglia-activation") in _claims(draft)
    assert draft.entities["microglia-activation"]["type"] == "process"
    assert ("secretome", "decreases", "microglia") not in _claims(draft)
    assert not [key for key in draft.assertions if key[0] == "microglia"]


def test_a_disease_or_a_species_is_no_agent() -> None:
    # "In arthritis, IL-6 ..." / "rats reduced ...": where the claim holds, never what raises or lowers
    draft = _draft("Arthritis reduced angiogenesis. In rats, spinal cord injury increases GFAP.")
    assert not [key for key in draft.assertions if key[0] in ("arthritis", "rat", "spinal-cord-injury")]


def test_a_means_clause_belongs_to_the_subject_of_its_clause() -> None:
    # "The secretome protected microglia from damage by regulating apoptosis": the secretome regulates it
    draft = _draft("The secretome protected microglia from damage by regulating apoptosis.")
    assert ("secretome", "acts-on", "apoptosis") in _claims(draft)
    assert ("microglia", "acts-on", "apoptosis") not in _claims(draft)


def test_a_pronoun_names_again_what_the_sentence_before_named_first() -> None:
    # "They" is the vesicles of the sentence before: they carry IL-6 (a carrier claim, which a sentence
    # with no subject of its own never gets from the paragraph's subject); "It is thought that" names nothing
    draft = _draft(
        "Extracellular vesicles reduced inflammation. They carry IL-6. It is thought that VEGF increases angiogenesis."
    )
    assert ("extracellular-vesicles", "carries", "il-6") in _claims(draft)
    assert ("vegf", "increases", "angiogenesis") in _claims(draft)
    assert not [
        key for key in draft.assertions if key[0] == "extracellular-vesicles" and key[2] == "angiogenesis"
    ]


def test_these_factors_name_the_objects_of_the_sentence_before() -> None:
    # "These factors" are IL-6 and VEGF, each of them promotes angiogenesis; not the medium that carries them
    draft = _draft("Conditioned medium contains IL-6 and VEGF. These factors promote angiogenesis.")
    assert {("il-6", "increases", "angiogenesis"), ("vegf", "increases", "angiogenesis")} <= _claims(draft)
    assert ("full-secretome", "increases", "angiogenesis") not in _claims(draft)


def test_a_pronoun_is_no_object() -> None:
    # "... apoptosis and it increased X": "it" (the vesicles) starts a clause of its own; it is not one
    # more item of the list the cue before it names
    draft = _draft(
        "Extracellular vesicles reduced apoptosis. In rats, inflammation raised apoptosis and it increased VEGF."
    )
    assert ("inflammation", "increases", "apoptosis") in _claims(draft)
    assert not [key for key in draft.assertions if key[2] == "extracellular-vesicles"]


def test_a_list_of_functions_is_each_its_owners() -> None:
    # "functions, which include A and B, anti-C, D": the secretome is associated with A, B and D (a name
    # no known one covers, "cell contractility", is proposed) and lowers C; "antiapoptosis" is a noun here
    draft = _draft(
        "The secretome serves several functions, which include angiogenesis and autophagy, "
        "anti-inflammation, cell contractility, and apoptosis."
    )
    claims = _claims(draft)
    assert {
        ("secretome", "associated-with", "angiogenesis"),
        ("secretome", "associated-with", "autophagy"),
        ("secretome", "associated-with", "cell-contractility"),
        ("secretome", "associated-with", "apoptosis"),
        ("secretome", "decreases", "inflammation"),
    } <= claims
    assert draft.entities["cell-contractility"]["type"] == "process"
    assert not [key for key in claims if key[0] in ("angiogenesis", "autophagy")]


def test_an_anti_noun_outside_a_list_of_functions_is_nobodys() -> None:
    # "antiapoptosis" among the factors MSCs secrete names no owner: not the name before it (VEGF)
    draft = _draft("MSCs secrete VEGF, antiapoptosis factors and IL-6.")
    assert not [key for key in draft.assertions if key[2] == "apoptosis"]


def test_factors_secreted_by_cells_are_their_secretome_as_a_subject() -> None:
    # "the factors secreted by MSCs promote X": the secretome does, not the cells; "the molecules
    # secreted by MSCs include VEGF" is still what the MSCs secrete
    draft = _draft(
        "The trophic factors secreted by MSCs promote angiogenesis. The molecules secreted by MSCs include VEGF."
    )
    assert ("secretome", "increases", "angiogenesis") in _claims(draft)
    assert ("msc", "increases", "angiogenesis") not in _claims(draft)
    assert ("msc", "carries", "vegf") in _claims(draft)


def test_examples_after_a_signed_cues_objects_share_the_cue() -> None:
    # "downregulated the senescence markers, including GFAP and IL-6": GFAP and IL-6 are downregulated,
    # not carried
    draft = _draft("The secretome downregulated the senescence markers, including GFAP and IL-6.")
    assert {("secretome", "decreases", "gfap"), ("secretome", "decreases", "il-6")} <= _claims(draft)
    assert not [key for key in draft.assertions if key[1] == "carries"]


def test_ends_that_cannot_hold_the_predicate_give_nothing() -> None:
    # MSCs are not derived from (other) MSCs, a species from nothing; a model is of a disease, not of a
    # preparation ("a rat model of arthritis using conditioned medium derived from bone marrow MSCs")
    draft = _draft(
        "The MSCs derived from bone marrow MSCs were used. "
        "We used a rat model of arthritis using conditioned medium derived from bone marrow MSCs."
    )
    assert ("msc", "derived-from", "bone-marrow-msc") not in _claims(draft)
    assert not [key for key in draft.assertions if key[0] == "rat" and key[1] == "derived-from"]
    assert not [key for key in draft.assertions if key[1] == "model-of" and key[2] == "full-secretome"]


def test_a_proposed_phrase_ends_at_an_adverb_and_never_starts_with_a_verb() -> None:
    # "reduced muscle fatty degeneration significantly": the phrase is "muscle fatty degeneration";
    # "reduced X and preserved systolic function": "preserved ..." is a verb phrase, no entity
    draft = _draft(
        "The secretome reduced muscle fatty degeneration significantly. "
        "The secretome reduced infarct size and preserved systolic function."
    )
    assert ("secretome", "decreases", "muscle-fatty-degeneration") in _claims(draft)
    assert not [e for e in draft.entities if "significantly" in e or e.startswith("preserved")]


def test_a_present_participle_after_a_determiner_is_no_cue() -> None:
    # "in the producing cytokines": "producing" describes the cytokines; the secretome carries nothing here
    draft = _draft("The secretome reduced apoptosis in the producing cytokines, such as VEGF and IL-6.")
    assert not [key for key in draft.assertions if key[1] == "carries"]
    assert ("secretome", "decreases", "apoptosis") in _claims(draft)


def test_a_subject_no_name_covers_keeps_the_paragraphs_subject_out() -> None:
    # "A pre-neuroblastic cell line showed increased VEGF": the cell line did, in words the drafter does not
    # know; the vesicles of the sentence before did not. "These findings suggest a way in treating X" does
    # carry it: reporting words name no one
    draft = _draft(
        "Extracellular vesicles reduced apoptosis. A pre-neuroblastic cell line showed increased VEGF. "
        "These findings suggest a viable way in treating arthritis."
    )
    assert ("extracellular-vesicles", "increases", "vegf") not in _claims(draft)
    assert ("extracellular-vesicles", "ameliorates", "arthritis") in _claims(draft)


def test_a_list_goes_on_past_items_no_name_covers() -> None:
    # "contains VEGF, proteases, matrix proteins, IL-6, and lipid mediators.": the unknown items between and after
    # the named ones are items too, proposed as factors; a citation ends a list, and so does a phrase
    # that goes on past the last piece ("and the associated increase in ...")
    draft = _draft(
        "Conditioned medium contains VEGF, proteases, matrix proteins, IL-6, and lipid mediators. "
        "MSCs have been isolated from epidermis, bone marrow MSCs, and vessel wall (Gnecchi and Melo, 2009). "
        "The secretome reduced IL-6 and the associated increase in apoptosis."
    )
    carried = {key[2] for key in draft.assertions if key[:2] == ("full-secretome", "carries")}
    assert {"vegf", "proteases", "matrix-proteins", "il-6", "lipid-mediators"} <= carried
    assert draft.entities["proteases"]["type"] == "factor"
    assert "vessel-wall" in {key[2] for key in draft.assertions if key[:2] == ("msc", "derived-from")}
    assert not [e for e in draft.entities if "gnecchi" in e or "melo" in e or "associated" in e]


def test_an_anti_adjective_before_a_kind_of_molecule_names_the_kind() -> None:
    # "anti-inflammatory cytokines were enhanced": a kind of cytokine, no claim that IL-6 (the name before)
    # or anything else lowers inflammation
    draft = _draft("The secretome reduced IL-6, while anti-inflammatory cytokines were enhanced.")
    assert not [key for key in draft.assertions if key[2] == "inflammation"]


def test_a_cue_named_as_an_event_takes_no_subject_from_the_paragraph() -> None:
    # "the increase of both receptors is inhibited by ...": "the increase" is an event, not something the
    # vesicles of the sentence before did
    draft = _draft(
        "Extracellular vesicles reduced apoptosis. Interestingly, the increase of VEGF was not studied."
    )
    assert ("extracellular-vesicles", "increases", "vegf") not in _claims(draft)


def test_a_participle_cue_after_a_noun_no_name_covers_has_no_named_subject() -> None:
    # "the paracrine functions associated with the secretome": the functions are, not the vesicles;
    # "neuroinflammation is often associated with arthritis" is the sentence subject's own
    draft = _draft(
        "Extracellular vesicles are responsible for the paracrine functions associated with the secretome. "
        "Inflammation is often associated with arthritis."
    )
    assert ("extracellular-vesicles", "associated-with", "secretome") not in _claims(draft)
    assert ("inflammation", "associated-with", "arthritis") in _claims(draft)


def test_what_a_pathway_is_for_it_raises_and_a_name_before_the_next_cue_is_its_subject() -> None:
    # "MSCs use Akt signaling for expression of VEGF and IL-6, JAK/STAT signaling for expression of IL-10":
    # each pathway raises its own list; JAK/STAT, right before the second cue, is no item of the first list
    entities = [
        *ENTITIES,
        Entity("akt", "Akt signaling", EntityType.PATHWAY),
        Entity("jak-stat", "JAK/STAT signaling", EntityType.PATHWAY),
    ]
    index = NameIndex()
    for entity in entities:
        index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    seed = (
        "# A made-up review\n\nIntroduction:\n\nMSCs use Akt signaling for expression of VEGF and IL-6, "
        "JAK/STAT signaling for expression of IL-10.\n\nReferences\n"
    )
    draft = draft_review(seed, "review-y", index.named, {e.id: e for e in entities})
    claims = _claims(draft)
    assert {
        ("akt", "increases", "vegf"),
        ("akt", "increases", "il-6"),
        ("jak-stat", "increases", "il-10"),
    } <= claims
    assert not [key for key in claims if key[0] == "akt" and key[2] in ("jak-stat", "il-10")]


def test_what_is_found_in_a_preparation_it_carries() -> None:
    # "identified VEGF and IL-6 in the conditioned medium", "a high content of X", "the X content in Y";
    # "confirmed the presence of GFAP" in a paragraph about the medium: found in the medium
    draft = _draft(
        "Smith and collaborators identified VEGF and IL-6 in the conditioned medium. "
        "Jones confirmed the presence of GFAP. The analysis of the secretome revealed a high content of IL-10. "
        "The TNF-α content in extracellular vesicles is low."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "carries", "vegf"),
        ("full-secretome", "carries", "il-6"),
        ("full-secretome", "carries", "gfap"),
        ("secretome", "carries", "il-10"),
        ("extracellular-vesicles", "carries", "tnf-a"),
    } <= claims


def test_a_list_starts_before_its_first_name_and_an_item_is_the_whole_phrase() -> None:
    # "secretes molecules like decorin, osteoprotegerin, VEGF": decorin and osteoprotegerin are items too;
    # "angiogenesis factors" are factors, not angiogenesis
    draft = _draft(
        "The secretome secretes molecules like decorin, osteoprotegerin, VEGF, and angiogenesis factors."
    )
    carried = {key[2] for key in draft.assertions if key[:2] == ("secretome", "carries")}
    assert {"decorin", "osteoprotegerin", "vegf", "angiogenesis-factors"} <= carried
    assert "angiogenesis" not in carried


def test_an_effect_in_a_treated_group_is_the_treatments() -> None:
    # "greater expression of VEGF in the CM treated group", "IL-6 and GFAP were highly expressed in the group
    # treated with extracellular vesicles": the medium and the vesicles did it; "better findings" is no entity
    draft = _draft(
        "Western blot confirmed the greater expression of VEGF in the CM treated group. "
        "IL-6 and GFAP were highly expressed in the group treated with extracellular vesicles. "
        "The secretome yielded better findings."
    )
    claims = _claims(draft)
    assert ("full-secretome", "increases", "vegf") in claims
    assert {
        ("extracellular-vesicles", "increases", "il-6"),
        ("extracellular-vesicles", "increases", "gfap"),
    } <= claims
    assert "findings" not in draft.entities


def test_examples_in_parentheses_after_the_last_name_are_items() -> None:
    # "reduced cytokines (such as interleukin-17 and osteopontin) in rats": both unknown examples are reduced
    draft = _draft("The secretome reduced cytokines (such as interleukin-17 and osteopontin) in rats.")
    lowered = {key[2] for key in draft.assertions if key[:2] == ("secretome", "decreases")}
    assert {"cytokines", "interleukin-17", "osteopontin"} <= lowered
    assert not [e for e in draft.entities if "rats" in e]


def test_slash_joined_symbols_and_a_short_word_before_signaling_name_a_pathway() -> None:
    # neither pathway is known: "Akt signaling" and "JAK/STAT signaling" are proposed as pathways, whole
    draft = _draft(
        "MSCs use Akt signaling for expression of VEGF, JAK/STAT signaling for expression of IL-6."
    )
    assert draft.entities["akt-signaling"]["type"] == "pathway"
    assert draft.entities["jak-stat-signaling"]["type"] == "pathway"
    assert {("akt-signaling", "increases", "vegf"), ("jak-stat-signaling", "increases", "il-6")} <= _claims(
        draft
    )
    assert "jak" not in draft.entities and "stat-signaling" not in draft.entities


def test_an_anti_effect_in_a_kind_of_what_it_opposes_is_against_that_kind() -> None:
    # "the antinociceptive effect of the secretome in neuropathic pain": against neuropathic pain, the pain
    # the sentence names; with no such kind named, against pain
    draft = _draft(
        "The antinociceptive effect of the secretome was reported in neuropathic pain. "
        "Extracellular vesicles had antinociceptive effects."
    )
    claims = _claims(draft)
    assert ("secretome", "ameliorates", "neuropathic-pain") in claims
    assert ("secretome", "ameliorates", "pain") not in claims
    assert ("extracellular-vesicles", "ameliorates", "pain") in claims


def test_verbs_whose_direction_is_plain_are_cues() -> None:
    # "favors", "facilitates", "eliminate", "protected ... from", "improvements in", "act directly on"
    draft = _draft(
        "The secretome favors angiogenesis and facilitates autophagy. "
        "Extracellular vesicles eliminate IL-6. "
        "Conditioned medium protected the grafted neurons from apoptosis. "
        "Bone marrow MSCs brought improvements in angiogenesis. "
        "MSCs act directly on microglia."
    )
    claims = _claims(draft)
    assert {
        ("secretome", "increases", "angiogenesis"),
        ("secretome", "increases", "autophagy"),
        ("extracellular-vesicles", "decreases", "il-6"),
        ("full-secretome", "decreases", "apoptosis"),
        ("bone-marrow-msc", "increases", "angiogenesis"),
        ("msc", "acts-on", "microglia"),
    } <= claims


def test_a_name_that_owns_the_noun_after_it_is_no_object() -> None:
    # "encouraged the microglia's repair": the repair, not the microglia
    claims = _claims(_draft("Conditioned medium encouraged the microglia's anti-inflammatory effect."))
    assert ("full-secretome", "increases", "microglia") not in claims


def test_an_adjective_of_a_process_before_an_effect_noun_names_the_process() -> None:
    # an effect raises the process its adjective names ("pro-" too); a property is associated with it
    draft = _draft(
        "The angiogenic effects of the secretome were reported in rats. "
        "IL-6 has pro-inflammatory effects. "
        "Extracellular vesicles have apoptotic properties."
    )
    assert {
        ("secretome", "increases", "angiogenesis"),
        ("il-6", "increases", "inflammation"),
        ("extracellular-vesicles", "associated-with", "apoptosis"),
    } <= _claims(draft)


def test_such_as_before_a_kind_of_molecule_names_no_earlier_objects() -> None:
    # "factors, such as cytokines" gives examples; it does not name the sentence before's IL-6 again
    claims = _claims(
        _draft("The secretome reduced IL-6. Conditioned medium contains factors, such as cytokines.")
    )
    assert ("full-secretome", "carries", "cytokines") in claims
    assert ("full-secretome", "carries", "il-6") not in claims


def test_a_word_before_a_name_that_makes_a_compound_names_a_kind_of_it() -> None:
    # "renal angiogenesis" is a kind of angiogenesis, proposed whole; "significant" only rates, and a
    # molecule's own symbol ("serum IL-6") names no kind
    draft = _draft(
        "Extracellular vesicles increased renal angiogenesis. The secretome caused significant autophagy. "
        "Conditioned medium reduced serum IL-6."
    )
    assert {
        ("extracellular-vesicles", "increases", "renal-angiogenesis"),
        ("full-secretome", "decreases", "il-6"),
    } <= _claims(draft)
    assert "significant-autophagy" not in draft.entities
    assert draft.entities["renal-angiogenesis"]["type"] == "process"
    # "collagen type II": a numbered type of a name is a kind of it too
    typed = _claims(_draft("Extracellular vesicles increased collagen type II synthesis."))
    assert typed == {("extracellular-vesicles", "increases", "collagen-type-ii")}


def test_a_species_with_model_names_an_animal_model_of_what_its_name_says() -> None:
    # "a rat model of arthritis", "a spinal cord injury rat model": disease models, each a model of the
    # disease its name holds; "a rat preclinical model" names none
    draft = _draft(
        "The secretome reduced pain in a rat model of arthritis. "
        "Conditioned medium was tested in a spinal cord injury rat model. "
        "MSCs were tested in a rat preclinical model."
    )
    claims = _claims(draft)
    assert {
        ("rat-model-of-arthritis", "model-of", "arthritis"),
        ("spinal-cord-injury-rat-model", "model-of", "spinal-cord-injury"),
    } <= claims
    assert draft.entities["rat-model-of-arthritis"]["type"] == "disease-model"
    assert not [e for e in draft.entities if "preclinical" in e]


def test_a_phrase_right_after_a_signed_cue_is_an_object_even_where_a_name_follows() -> None:
    # "improved renal function in rats and reduced IL-6": renal function is proposed though a name (the
    # rats) follows; a phrase that runs into a name ("serum IL-6") or that a name completes ("the
    # stimulating effects of IL-6") is none
    draft = _draft(
        "Conditioned medium improved renal function in rats and reduced IL-6. "
        "The secretome reduced serum IL-6. "
        "Extracellular vesicles reduced the stimulating effects of IL-6."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "increases", "renal-function"),
        ("full-secretome", "decreases", "il-6"),
    } <= claims
    assert "serum" not in draft.entities and "stimulating-effects" not in draft.entities
    # "improved renal function by adjusting IL-6": IL-6 is the means clause's, not improved
    means = _claims(_draft("Extracellular vesicles improved renal function by adjusting IL-6."))
    assert ("extracellular-vesicles", "increases", "renal-function") in means
    assert ("extracellular-vesicles", "increases", "il-6") not in means


def test_a_measure_before_a_list_item_is_no_part_of_it() -> None:
    # "some amount of nucleic acids", "number of dying neurons": items of the list, which goes on
    draft = _draft(
        "Conditioned medium contains VEGF, some amount of nucleic acids, and IL-6. "
        "The secretome reduced IL-6, number of dying neurons, and GFAP."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "carries", "nucleic-acids"),
        ("full-secretome", "carries", "il-6"),
        ("secretome", "decreases", "gfap"),
    } <= claims


def test_a_process_noun_of_a_cell_type_names_the_cells_process() -> None:
    # "the activation of microglia" is microglia activation, proposed whole; with a coordinated process
    # before it ("the proliferation and migration of microglia") which of them are the cells' is unclear
    draft = _draft(
        "The secretome reduced the activation of microglia. "
        "Conditioned medium increased the proliferation and migration of microglia."
    )
    claims = _claims(draft)
    assert ("secretome", "decreases", "activation-of-microglia") in claims
    assert draft.entities["activation-of-microglia"]["type"] == "process"
    assert ("secretome", "decreases", "microglia") not in claims
    assert "migration-of-microglia" not in draft.entities


def test_a_molecule_name_with_more_symbols_or_words_before_pathway_names_a_pathway() -> None:
    # "VEGF receptor-mediated signaling", "the IL-6/GFAP pathway": one pathway each, proposed whole;
    # "IL-6 and the ... pathway" is two names
    draft = _draft(
        "VEGF receptor-mediated signaling increased angiogenesis. "
        "The secretome inhibited the IL-6/GFAP pathway. "
        "Conditioned medium reduced IL-6 and the autophagy signaling."
    )
    claims = _claims(draft)
    assert {
        ("vegf-receptor-mediated-signaling", "increases", "angiogenesis"),
        ("secretome", "inhibits", "il-6-gfap-pathway"),
    } <= claims
    assert draft.entities["il-6-gfap-pathway"]["type"] == "pathway"
    assert not [e for e in draft.entities if e.startswith("il-6-and")]


def test_the_and_a_general_name_names_the_kind_of_it_the_sentence_before_named() -> None:
    # "full secretome" is a kind of secretome by is-a and by its name: "the secretome" right after it is
    # that preparation; "vesicles" are a kind by is-a only (a part, not named as a secretome), and
    # "secretome" without "the" is a new mention: both stay the general secretome
    kinds = [
        Entity("fs", "full secretome", EntityType.SECRETOME_COMPONENT, is_a=("secretome",)),
        Entity("vesicles", "vesicles", EntityType.SECRETOME_COMPONENT, is_a=("secretome",)),
    ]
    draft = _draft(
        "The full secretome was given to rats. The secretome reduced IL-6. "
        "The vesicles were given to rats. The secretome reduced TNF-α. "
        "The full secretome was given to rats. Secretome reduced GFAP.",
        kinds,
    )
    claims = _claims(draft)
    assert ("fs", "decreases", "il-6") in claims
    assert ("secretome", "decreases", "il-6") not in claims
    assert {("secretome", "decreases", "tnf-a"), ("secretome", "decreases", "gfap")} <= claims


def test_the_last_item_of_a_list_ends_at_a_preposition_and_the_list_with_it() -> None:
    # "and edema during the acute phase": edema is the last item; ", suggesting that ..." is a clause
    draft = _draft(
        "Conditioned medium reduced IL-6 and edema during the acute phase. "
        "The secretome increased VEGF, suggesting that it helps."
    )
    claims = _claims(draft)
    assert {("full-secretome", "decreases", "il-6"), ("full-secretome", "decreases", "edema")} <= claims
    assert not [c for c in claims if c[2].startswith(("suggesting", "the-acute"))]


def test_an_abbreviation_ending_in_cm_names_the_conditioned_medium() -> None:
    # "bone marrow MSCs (BM-CM)": the letters spell the cells, "-CM" says it is their medium; an undefined
    # "hX-MSCs-CM" is a medium too
    draft = _draft(
        "Conditioned medium of bone marrow MSCs (BM-CM) was given. BM-CM reduced IL-6. hX-MSCs-CM reduced GFAP."
    )
    claims = _claims(draft)
    assert {("full-secretome", "decreases", "il-6"), ("full-secretome", "decreases", "gfap")} <= claims
    assert not [c for c in claims if c[0] == "bone-marrow-msc"]


def test_regain_and_rescue_raise_what_they_name() -> None:
    # as "restores": what is regained or rescued goes up
    draft = _draft("The secretome might regain angiogenesis. Conditioned medium rescued microglia.")
    claims = _claims(draft)
    assert {
        ("secretome", "increases", "angiogenesis"),
        ("full-secretome", "increases", "microglia"),
    } <= claims


def test_a_species_before_a_name_neither_ends_the_objects_nor_starts_a_subject() -> None:
    # "rat microglia" are microglia (the rat says whose); "and also increased" is still the medium's
    draft = _draft("Conditioned medium rescued rat microglia and also increased VEGF.")
    claims = _claims(draft)
    assert {
        ("full-secretome", "increases", "microglia"),
        ("full-secretome", "increases", "vegf"),
    } <= claims
    assert ("microglia", "increases", "vegf") not in claims


def test_a_list_before_a_bare_passive_goes_on_past_its_last_name() -> None:
    # "cytokines (such as A, and B) were enhanced", "GFAP, uric acid, and proteinuria were reduced" (by
    # the paragraph's subject): the items no name covers, up to the auxiliary, are what the cue says too
    draft = _draft(
        "Conditioned medium reduced IL-6, while cytokines (such as oncostatin, and fractalkine) were enhanced. "
        "GFAP, uric acid, and proteinuria were reduced."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "increases", "oncostatin"),
        ("full-secretome", "increases", "fractalkine"),
        ("full-secretome", "decreases", "uric-acid"),
        ("full-secretome", "decreases", "proteinuria"),
    } <= claims


def test_a_use_in_a_disorder_is_an_association_never_an_effect() -> None:
    # "employed in", "used in the treatment of": a use states no effect, so no sign is guessed; a list of
    # disorders starts before its first name, and a singular word before a plural item shares its noun
    draft = _draft(
        "MSCs are employed in studies involving disorders like bone, cartilage defects, renal failure, "
        "arthritis, and wound healing. Conditioned medium is used in the treatment of spinal cord injury. "
        "EVs were used in arthritis, particularly in neuropathic pain."
    )
    claims = _claims(draft)
    assert {
        ("msc", "associated-with", "cartilage-defects"),
        ("msc", "associated-with", "renal-failure"),
        ("msc", "associated-with", "arthritis"),
        ("msc", "associated-with", "wound-healing"),
        ("full-secretome", "associated-with", "spinal-cord-injury"),
    } <= claims
    assert ("full-secretome", "ameliorates", "spinal-cord-injury") not in claims
    assert "bone" not in draft.entities
    # an adverb ends the list: ", particularly in X" is no item
    assert "particularly" not in draft.entities


def test_x_in_a_rat_model_and_a_rat_preclinical_model_of_x_name_a_model_of_x() -> None:
    # "X in a rat model" is the rat model of X, proposed under both spellings; "a rat preclinical model of
    # spinal cord injury" is the known model of it (the rat is the evidence's context, no new model)
    model = Entity("spinal-cord-injury-model", "spinal cord injury model", EntityType.DISEASE_MODEL)
    draft = _draft(
        "MSCs were tested in repair of tendon injury in a rat model. "
        "Conditioned medium reduced apoptosis in a rat preclinical model of spinal cord injury. "
        "EVs were used to treat neuropathic pain in a rat model.",
        [model],
    )
    claims = _claims(draft)
    # a word after "to" is a verb: no part of what the model is of
    assert ("rat-model-of-neuropathic-pain", "model-of", "neuropathic-pain") in claims
    assert not [e for e in draft.entities if "treat" in e]
    assert ("rat-model-of-tendon-injury", "model-of", "tendon-injury") in claims
    assert draft.entities["rat-model-of-tendon-injury"]["synonyms"] == ["rat tendon injury model"]
    assert ("spinal-cord-injury-model", "model-of", "spinal-cord-injury") in claims


def test_x_induced_disease_names_a_model_of_the_disease() -> None:
    # "Complete Freund's adjuvant (CFA) induced arthritis": the inducer makes a model, it raises no
    # disease; the model is one name (the abbreviation a second spelling), a model of arthritis, and
    # unknown words that read as a disease ("HFD-induced metabolic disorders") are proposed too; a process
    # ("TNF-α-induced apoptosis") is no model
    draft = _draft(
        "Conditioned medium reduced pain in Complete Freund's adjuvant (CFA) induced arthritis. "
        "EVs improved insulin sensitivity in HFD-induced metabolic disorders. "
        "The secretome reduced TNF-α-induced apoptosis."
    )
    claims = _claims(draft)
    model = "complete-freund-s-adjuvant-induced-arthritis"
    assert draft.entities[model]["type"] == "disease-model"
    assert draft.entities[model]["synonyms"] == ["CFA induced arthritis"]
    assert (model, "model-of", "arthritis") in claims
    assert not [c for c in claims if c[2] == "arthritis" and c[1] == "increases"]
    assert ("hfd-induced-metabolic-disorders", "model-of", "metabolic-disorders") in claims
    assert not [e for e in draft.entities if "apoptosis" in e]


def test_a_relative_clause_with_an_effect_names_the_list_before_it() -> None:
    # "X and Y in the secretome of MSCs, which are known to have antinociceptive effects": the relative
    # names the whole list, past the place it was found in; an effect adjective in the clause is no owner
    draft = _draft(
        "Smith identified IL-6 and VEGF in the secretome of bone marrow MSCs, which are known to have both "
        "neuroprotective and antinociceptive effects. They reported also IL-10 and TNF-α, which instead may "
        "exert pro-nociceptive effects.",
        [Entity("neuroprotection", "neuroprotection", EntityType.PROCESS, ("neuroprotective",))],
    )
    claims = _claims(draft)
    assert {
        ("il-6", "ameliorates", "pain"),
        ("vegf", "ameliorates", "pain"),
        ("il-10", "increases", "pain"),
        ("tnf-a", "increases", "pain"),
    } <= claims
    assert ("vegf", "increases", "neuroprotection") in claims
    owners = {c[0] for c in claims if c[2] in ("pain", "neuroprotection")}
    assert not owners & {"bone-marrow-msc", "secretome", "neuroprotection"}


def test_an_area_or_volume_of_x_is_a_measure_of_x() -> None:
    # "greater area of X", "reduced the volume of X": the measure names X, no phrase of its own that X
    # only completes
    draft = _draft(
        "Conditioned medium displayed greater area of angiogenesis. EVs reduced the volume of collagen."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "increases", "angiogenesis"),
        ("extracellular-vesicles", "decreases", "collagen"),
    } <= claims


def test_words_that_spell_out_a_name_in_parentheses_are_part_of_its_item() -> None:
    # ", receptor activator of nuclear B (RANK) CCL2": the words spell RANK out (too loosely to be learned as
    # its long form), so they are no item of their own and the list goes on past them
    draft = _draft(
        "The secretome contains VEGF, receptor activator of nuclear B (RANK) CCL2, IL3, IL-6, and MMP-10."
    )
    carried = {key[2] for key in draft.assertions if key[:2] == ("secretome", "carries")}
    assert {"vegf", "rank", "ccl2", "il3", "il-6", "mmp-10"} <= carried


def test_a_long_form_and_its_abbreviation_before_signaling_name_one_pathway() -> None:
    # "p38 mitogen-activated protein kinase (MAPK) signaling in the expression of X": the spelled-out name,
    # the symbol before it and "signaling" are one pathway, which raises X
    draft = _draft(
        "MSCs use p38 mitogen-activated protein kinase (MAPK) signaling in the expression of IL-6 and VEGF."
    )
    pathway = "p38-mitogen-activated-protein-kinase-mapk-signaling"
    assert draft.entities[pathway]["type"] == "pathway"
    assert {(pathway, "increases", "il-6"), (pathway, "increases", "vegf")} <= _claims(draft)


def test_a_greek_letter_or_number_after_an_abbreviation_names_one_member() -> None:
    # "interferon (IFN)-γ": one molecule, IFN-γ (also interferon-γ), not the family "interferon"
    draft = _draft("Conditioned medium contains interferon (IFN)-γ, osteoglycin (OGN)-2 and IL-6.")
    carried = {key[2] for key in draft.assertions if key[:2] == ("full-secretome", "carries")}
    assert {"ifn-g", "ogn-2", "il-6"} <= carried
    assert draft.entities["ifn-g"]["synonyms"] == ["interferon-γ"]
    assert not carried & {"interferon", "ifn", "osteoglycin", "ogn"}


def test_a_lone_number_after_a_molecule_names_a_numbered_member() -> None:
    # "collagen II" is collagen type II, "TGF-β 1" is TGF-β1; a count of days after a name is no member
    draft = _draft(
        "EVs increased collagen II and TGF-β 1. Conditioned medium reduced IL-6 2 days after injection.",
        [Entity("tgf-b", "TGF-β", EntityType.CYTOKINE)],
    )
    claims = _claims(draft)
    assert {
        ("extracellular-vesicles", "increases", "collagen-ii"),
        ("extracellular-vesicles", "increases", "tgf-b1"),
        ("full-secretome", "decreases", "il-6"),
    } <= claims
    assert draft.entities["tgf-b1"]["synonyms"] == ["TGF-β 1"]


def test_a_word_in_iasis_names_a_disease_that_improving_ameliorates() -> None:
    # "psoriasis", "candidiasis": a disease by its ending, so "improves" ameliorates it, never raises it
    draft = _draft("Conditioned medium improves psoriasis vulgaris.")
    assert ("full-secretome", "ameliorates", "psoriasis-vulgaris") in _claims(draft)
    assert draft.entities["psoriasis-vulgaris"]["type"] == "disease"


def test_items_no_name_covers_at_the_start_or_inside_a_list_of_sources_are_items() -> None:
    # "isolated from epidermis, bone marrow": the list starts right after the cue; "including bone marrow,
    # tooth pulp, and umbilical cord": the piece between two names is an item too
    draft = _draft(
        "MSCs have been isolated from epidermis, bone marrow and umbilical cord. "
        "EVs can be derived from various tissues, including bone marrow, tooth pulp, and umbilical cord.",
        [
            Entity("bone-marrow", "bone marrow", EntityType.TISSUE),
            Entity("umbilical-cord", "umbilical cord", EntityType.TISSUE),
        ],
    )
    claims = _claims(draft)
    assert {
        ("msc", "derived-from", "epidermis"),
        ("msc", "derived-from", "bone-marrow"),
        ("extracellular-vesicles", "derived-from", "tooth-pulp"),
        ("extracellular-vesicles", "derived-from", "umbilical-cord"),
    } <= claims


def test_processes_after_the_adjective_of_a_process_name_the_process() -> None:
    # "inflammatory processes" are inflammation, "autophagic processes" autophagy; a piece with an article
    # inside (", and discuss the potential therapeutic roles") is a verb's phrase, no list item
    draft = _draft(
        "The secretome reduced inflammatory processes. EVs favor the autophagic processes. "
        "Conditioned medium contains VEGF, IL-6, and discuss the potential therapeutic roles."
    )
    claims = _claims(draft)
    assert {
        ("secretome", "decreases", "inflammation"),
        ("extracellular-vesicles", "increases", "autophagy"),
    } <= claims
    assert not [e for e in draft.entities if "discuss" in e or "processes" in e]


def test_a_relative_clause_right_after_a_list_names_its_items_no_name_covers_too() -> None:
    # "contains IL-6, annexin, clusterin, and VEGF that are known to reduce apoptosis": "that" names the
    # whole list the cue before named, the proposed items included
    draft = _draft(
        "Conditioned medium contains IL-6, annexin, clusterin, and VEGF that are known to reduce apoptosis."
    )
    claims = _claims(draft)
    assert {(item, "decreases", "apoptosis") for item in ("il-6", "annexin", "clusterin", "vegf")} <= claims


def test_a_noun_cue_takes_its_objects_after_its_own_preposition() -> None:
    # "their prevention of X, improvements in Y and Z": a cue named as a noun takes the phrases after its
    # "of" or "in", proposed where no name covers them; an anti-word item is the anti rule's
    draft = _draft(
        "The effects of conditioned medium were due to its prevention of adipogenesis, improvements in "
        "glucose metabolism and glycogen production, and anti-inflammatory properties."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "inhibits", "adipogenesis"),
        ("full-secretome", "increases", "glucose-metabolism"),
        ("full-secretome", "increases", "glycogen-production"),
        ("full-secretome", "decreases", "inflammation"),
    } <= claims
    assert "anti-inflammatory-properties" not in draft.entities


def test_it_names_the_preparation_the_sentence_before_named_before_a_factor() -> None:
    # "IL-10 expression validated the action of conditioned medium. It increased IL-6.": a singular "it"
    # names the preparation, not the factor the sentence before named first; "they" keeps the first agent
    draft = _draft(
        "The expression of IL-10 validated the anti-apoptotic action of conditioned medium. It increased IL-6."
    )
    claims = _claims(draft)
    assert ("full-secretome", "increases", "il-6") in claims
    assert ("il-10", "increases", "il-6") not in claims


def test_a_participle_that_opens_a_clause_ends_a_phrase() -> None:
    # "a rat model of muscle atrophy using conditioned medium derived from MSCs": "using" opens a clause,
    # so the model is of muscle atrophy and the medium, not the rat, is what is derived from the MSCs
    draft = _draft(
        "Kim evaluated a rat model of muscle atrophy using conditioned medium derived from bone marrow MSCs."
    )
    claims = _claims(draft)
    assert ("rat-model-of-muscle-atrophy", "model-of", "muscle-atrophy") in claims
    assert ("full-secretome", "derived-from", "bone-marrow-msc") in claims


def test_an_item_no_name_covers_between_names_before_a_bare_passive_is_an_item() -> None:
    # "IL-6, aggrecan, and VEGF were highly expressed in the group treated with X": aggrecan too
    draft = _draft(
        "IL-6, aggrecan, and VEGF were highly expressed in the group treated with conditioned medium."
    )
    claims = _claims(draft)
    assert {(("full-secretome", "increases", item)) for item in ("il-6", "aggrecan", "vegf")} <= claims


def test_a_list_of_contents_starts_before_its_first_name_after_a_quantity() -> None:
    # "secrete a variety of angiogenic factors, trophic peptides, and VEGF": the list starts after the
    # quantity, its unnamed first items proposed; only a list that ends in "and <name>" is read so
    draft = _draft("MSCs secrete a variety of angiogenic factors, trophic peptides, and VEGF.")
    carried = {key[2] for key in draft.assertions if key[:2] == ("msc", "carries")}
    assert {"angiogenic-factors", "trophic-peptides", "vegf"} <= carried


def test_what_is_present_in_a_preparation_is_the_subject_of_the_verb_after() -> None:
    # "EVs present in the secretome were capable of promoting X": the secretome carries the EVs and only
    # says where they were; the EVs promote X
    draft = _draft(
        "The results suggested that EVs present in the secretome were capable of promoting angiogenesis."
    )
    claims = _claims(draft)
    assert ("extracellular-vesicles", "increases", "angiogenesis") in claims
    assert ("secretome", "increases", "angiogenesis") not in claims


def test_examples_after_a_subjects_class_do_what_the_class_does() -> None:
    # "the factors released by MSCs, such as IL-6 and TNF-α, also called as cytokines, promote X":
    # the examples promote X; neither the MSCs nor the second name after "also called as" do
    draft = _draft(
        "The factors released by MSCs, such as IL-6 and TNF-α, also called as cytokines, promote angiogenesis."
    )
    claims = _claims(draft)
    assert {("il-6", "increases", "angiogenesis"), ("tnf-a", "increases", "angiogenesis")} <= claims
    assert not [c for c in claims if c[2] == "angiogenesis" and c[0] not in ("il-6", "tnf-a")]


def test_an_examination_that_reveals_an_effect_names_no_one() -> None:
    # "Radiographic and histological examination revealed accelerated angiogenesis": the examination saw it;
    # the effect is the paragraph's subject's, as after "it was observed that"
    draft = _draft(
        "Conditioned medium reduced IL-6. "
        "Radiographic and histological examination revealed accelerated angiogenesis in all the cases."
    )
    assert ("full-secretome", "increases", "angiogenesis") in _claims(draft)


def test_a_species_and_a_word_or_two_before_cells_say_whose_the_cells_are() -> None:
    # "obtained from human deciduous bone marrow MSCs": the cells, not the species, are the source
    draft = _draft("The secretome was obtained from rat deciduous bone marrow MSCs.")
    claims = _claims(draft)
    assert ("secretome", "derived-from", "bone-marrow-msc") in claims
    assert ("secretome", "derived-from", "rat") not in claims


def test_a_symbol_right_before_a_cell_type_names_a_kind_of_those_cells() -> None:
    # "induced anti-inflammatory M2 microglia": M2 microglia, one kind of cell, not a molecule M2 and microglia
    draft = _draft("Conditioned medium induced anti-inflammatory M2 microglia.")
    claims = _claims(draft)
    assert ("full-secretome", "increases", "m2-microglia") in claims
    assert draft.entities["m2-microglia"]["type"] == "cell-type"
    assert not [c for c in claims if c[2] in ("m2", "microglia")]


def test_a_therapeutic_effect_on_a_disease_ameliorates_it() -> None:
    # "exerted a beneficial therapeutic effect on arthritis", as "a therapeutic effect in (for, against) X"
    draft = _draft("EVs derived from MSCs exerted a beneficial therapeutic effect on arthritis.")
    assert ("extracellular-vesicles", "ameliorates", "arthritis") in _claims(draft)


def test_a_word_in_osis_alone_after_induced_is_no_disease_to_model() -> None:
    # "inflammation induced pyroptosis": "-osis" names processes as often as diseases; with no known
    # disease after "induced" (a guess is no knowledge), no model is proposed
    draft = _draft(
        "EVs reduced pyroptosis. Exosomes inhibit doxorubicin and inflammation induced pyroptosis."
    )
    assert not [e for e, record in draft.entities.items() if record["type"] == "disease-model"]
    draft = _draft("Exosomes inhibit doxorubicin and inflammation induced pyroptosis.")
    assert not [e for e, record in draft.entities.items() if record["type"] == "disease-model"]


def test_adjusting_and_controlling_act_on_what_they_name_with_no_sign() -> None:
    # "improve X by adjusting IL-6, and controlling VEGF activity": which way is not said, so acts-on
    draft = _draft(
        "Conditioned medium improved renal function by adjusting IL-6, and by controlling VEGF activity."
    )
    claims = _claims(draft)
    assert {("full-secretome", "acts-on", "il-6"), ("full-secretome", "acts-on", "vegf")} <= claims
    assert not [c for c in claims if c[2] in ("il-6", "vegf") and c[1] != "acts-on"]


def test_an_anti_word_no_name_covers_before_an_effect_opposes_its_noun() -> None:
    # "the anti-obesity effects of CM": obesity, proposed; "antifibrotic properties": fibrosis ("-otic")
    draft = _draft("The anti-obesity effects of CM were clear. EVs displayed antifibrotic properties.")
    claims = _claims(draft)
    assert ("full-secretome", "decreases", "obesity") in claims
    assert ("extracellular-vesicles", "ameliorates", "fibrosis") in claims
    # "-ic" turns into "-ia" or "-y": which noun is meant cannot be told, so nothing is proposed
    assert not _claims(_draft("EVs displayed antiallergic properties."))


def test_a_noun_cue_takes_the_phrase_after_its_preposition_before_a_later_name() -> None:
    # "attenuation of neurological deficits, IL-6": the phrase is the noun's first object, as after a verb
    draft = _draft(
        "The secretome caused significant attenuation of neurological deficits, IL-6 and apoptosis."
    )
    claims = _claims(draft)
    assert ("secretome", "decreases", "neurological-deficits") in claims
    assert ("secretome", "decreases", "il-6") in claims


def test_an_abbreviation_the_abstract_defines_names_the_same_in_the_main_text() -> None:
    # the abstract lies outside the drafted region, yet "chronic joint disorders (CJDs)" holds after it
    seed = (
        "# A made-up review\n\nAbstract:\n\nChronic joint disorders (CJDs) are common.\n\n"
        "Introduction:\n\nMSCs have been employed in CJDs.\n\nReferences\n"
    )
    index = NameIndex()
    for entity in ENTITIES:
        index.add(entity.id, entity.label, entity.synonyms, entity.xrefs)
    region = SeedRegion(start="Introduction:", end="References")
    draft = draft_review(seed, "review-y", index.named, {e.id: e for e in ENTITIES}, region)
    assert ("msc", "associated-with", "chronic-joint-disorders") in _claims(draft)


def test_a_measure_of_unnamed_items_before_a_bare_passive_names_what_the_paragraph_subject_did() -> None:
    # no name before "was found to be elevated": the measured items are proposed, raised by the treatment
    draft = _draft(
        "The group treated with CM displayed increased IL-6. "
        "In addition, the expression of desmin and muscle actin was found to be elevated."
    )
    claims = _claims(draft)
    assert {
        ("full-secretome", "increases", "desmin"),
        ("full-secretome", "increases", "muscle-actin"),
    } <= claims


def test_the_class_before_such_as_is_present_in_a_preparation_with_its_examples() -> None:
    # "cytokines such as IL-6 and VEGF are present in CM": the medium carries the class as well
    draft = _draft("Cytokines such as IL-6, VEGF, and TNF-α are present in the conditioned medium.")
    claims = _claims(draft)
    assert ("full-secretome", "carries", "cytokines") in claims
    assert ("full-secretome", "carries", "vegf") in claims


def test_a_proposed_names_type_is_guessed_from_its_head_noun_first() -> None:
    # "antiapoptosis factors" are factors ("-osis" is no disease here), "keratinocyte growth factor" a
    # factor ("-cyte" names no cell here): the last word says what the name is
    draft = _draft(
        "MSCs secrete a variety of angiogenic factors, antiapoptosis factors, and cytokines. "
        "CM contains keratinocyte growth factor (KGF) and VEGF."
    )
    assert draft.entities["antiapoptosis-factors"]["type"] == "factor"
    assert draft.entities["keratinocyte-growth-factor"]["type"] == "factor"


def test_molecules_secreted_by_mscs_are_their_secretome_after_an_earlier_name() -> None:
    # "MSC therapy ... utilizes only the molecules secreted by MSCs": the molecules, not the therapy's MSCs
    draft = _draft(
        "Cell-free MSC therapy has gained attention, which utilizes only the molecules secreted by MSCs."
    )
    claims = _claims(draft)
    assert ("secretome", "derived-from", "msc") in claims
    assert ("msc", "carries", "msc") not in claims


def test_cells_and_their_factors_are_the_cells_and_their_secretome() -> None:
    # "MSCs and their cytokines play a therapeutic role in arthritis": both, the cytokines being what they secrete
    draft = _draft("The MSCs and their cytokines play a therapeutic role in arthritis.")
    claims = _claims(draft)
    assert {("msc", "ameliorates", "arthritis"), ("secretome", "ameliorates", "arthritis")} <= claims
    assert ("cytokines", "ameliorates", "arthritis") not in claims


def test_a_disease_followed_by_growth_names_that_process() -> None:
    # "promoted arthritis progression": the progression of arthritis, proposed whole, not arthritis itself
    draft = _draft("MSCs promoted arthritis progression in mice.")
    claims = _claims(draft)
    assert ("msc", "increases", "arthritis-progression") in claims
    assert not [c for c in claims if c[2] in ("arthritis", "progression")]


def test_the_same_pronoun_again_in_a_sentence_names_the_same_thing() -> None:
    # "it had increased VEGF, suggesting that it has anti-apoptotic properties": the medium both times
    draft = _draft(
        "CM reduced IL-6. It had increased VEGF, suggesting that it has anti-apoptotic properties."
    )
    claims = _claims(draft)
    assert {("full-secretome", "increases", "vegf"), ("full-secretome", "decreases", "apoptosis")} <= claims
    assert ("vegf", "decreases", "apoptosis") not in claims


def test_an_anti_kind_right_before_a_name_says_what_the_name_does() -> None:
    # "increased the anti-inflammatory cytokine IL-10": IL-10 is raised, and it lowers inflammation
    more = [Entity("anti-inflammatory-cytokines", "anti-inflammatory cytokine", EntityType.CYTOKINE)]
    draft = _draft("CM increased the anti-inflammatory cytokine IL-10.", more)
    claims = _claims(draft)
    assert {("full-secretome", "increases", "il-10"), ("il-10", "decreases", "inflammation")} <= claims
    assert ("full-secretome", "increases", "anti-inflammatory-cytokines") not in claims


def test_a_relative_clause_on_an_appositive_is_said_of_the_object_before_it() -> None:
    # "promote mitophagy in microglia, a degradation process that inhibits apoptosis": mitophagy does
    draft = _draft("EVs promote mitophagy in microglia, a degradation process that inhibits apoptosis.")
    claims = _claims(draft)
    assert {
        ("extracellular-vesicles", "increases", "mitophagy"),
        ("mitophagy", "inhibits", "apoptosis"),
    } <= claims
    assert not [c for c in claims if "microglia" in (c[0], c[2])]


def test_a_change_noun_joined_to_a_verb_cues_objects_takes_that_cues_sign() -> None:
    # "reduced inflammation and the associated increase in IL-6": IL-6 is lowered, not raised
    draft = _draft("CM reduced inflammation and the associated increase in IL-6.")
    claims = _claims(draft)
    assert {
        ("full-secretome", "decreases", "inflammation"),
        ("full-secretome", "decreases", "il-6"),
    } <= claims
    assert ("full-secretome", "increases", "il-6") not in claims


def test_names_before_a_passive_finding_with_no_place_are_in_the_paragraphs_preparation() -> None:
    # "However, IL-6 and VEGF are consistently reported (citation).": found in the medium the paragraph is on
    draft = _draft(
        "The conditioned medium reduced pain in rats. "
        "However, IL-6 and VEGF are consistently reported (Smith et al., 2013)."
    )
    claims = _claims(draft)
    assert {("full-secretome", "carries", "il-6"), ("full-secretome", "carries", "vegf")} <= claims
    # a report of an effect is no finding of contents
    draft = _draft("The conditioned medium reduced pain in rats. IL-6 was reported to reduce VEGF.")
    assert ("full-secretome", "carries", "il-6") not in _claims(draft)


def test_a_medium_conditioned_by_anything_is_a_conditioned_medium() -> None:
    # "the hypoxic spheroid-conditioned medium reduced IL-6": a conditioned medium, whatever conditioned it
    draft = _draft("The hypoxic spheroid-conditioned medium reduced IL-6 and VEGF.")
    claims = _claims(draft)
    assert {("full-secretome", "decreases", "il-6"), ("full-secretome", "decreases", "vegf")} <= claims


def test_a_result_participle_after_thus_has_the_main_clauses_subject() -> None:
    # "CM reduced inflammation and increased IL-10, thus decreasing apoptosis": CM's, not IL-10's
    draft = _draft("CM reduced inflammation and increased IL-10, thus decreasing apoptosis.")
    claims = _claims(draft)
    assert ("full-secretome", "decreases", "apoptosis") in claims
    assert ("il-10", "decreases", "apoptosis") not in claims


def test_both_the_cases_names_the_two_treatments_the_paragraph_joined_before() -> None:
    # made up: the pair is "bone marrow MSCs and their secreted factors"; "In both the cases" and "Both the
    # treatments" name each of them again, as the subjects of effects with no subject of their own
    draft = _draft(
        "Bone marrow MSCs and their secreted factors were injected into rats with arthritis. "
        "In both the cases, IL-6 was reduced. "
        "Both the treatments lowered TNF-α."
    )
    claims = {key for key in _claims(draft) if key[2] in {"il-6", "tnf-a"}}
    assert claims == {
        ("bone-marrow-msc", "decreases", "il-6"),
        ("secretome", "decreases", "il-6"),
        ("bone-marrow-msc", "decreases", "tnf-a"),
        ("secretome", "decreases", "tnf-a"),
    }


def test_items_sharing_a_word_of_a_two_word_name_name_their_own_kind() -> None:
    # made up: "inflammatory and neuropathic pain" is inflammatory pain too (the last word shared back);
    # "tissue repair and remodeling" is tissue remodeling too (the first word shared forward)
    repair = Entity("tissue-repair", "tissue repair", EntityType.PROCESS)
    draft = _draft(
        "CM reduced inflammatory and neuropathic pain. CM promoted tissue repair and remodeling.", [repair]
    )
    assert _claims(draft) == {
        ("full-secretome", "ameliorates", "inflammatory-pain"),
        ("full-secretome", "ameliorates", "neuropathic-pain"),
        ("full-secretome", "increases", "tissue-repair"),
        ("full-secretome", "increases", "tissue-remodeling"),
    }
    assert draft.entities["inflammatory-pain"]["type"] == "disease"
    assert draft.entities["tissue-remodeling"]["type"] == "process"


def test_a_head_noun_and_its_of_phrase_after_a_signed_cue_are_one_object() -> None:
    # made up: "integrity" alone names nothing, "the integrity of vascular walls" does; a measure before
    # the head ("the frequency of") is no part of it
    assert _claims(_draft("CM restored the integrity of vascular walls.")) == {
        ("full-secretome", "increases", "integrity-of-vascular-walls")
    }
    assert _claims(_draft("EVs lowered the frequency of recurrence of seizures in mice.")) == {
        ("extracellular-vesicles", "decreases", "recurrence-of-seizures")
    }


def test_markers_after_a_changed_measure_are_the_object_not_a_cue() -> None:
    # made up: "the elevated expression of" only measures; "markers of X" after "of" is a noun phrase, and the
    # list goes on after "or"
    draft = _draft(
        "CM attenuated the elevated expression of markers of glial reactivity or neuronal damage after the injury."
    )
    assert _claims(draft) == {
        ("full-secretome", "decreases", "markers-of-glial-reactivity"),
        ("full-secretome", "decreases", "neuronal-damage"),
    }


def test_modulating_the_immune_response_is_immunomodulation() -> None:
    # made up: the verb and its immune object name the process; associated, with no sign
    assert _claims(_draft("MSCs modulate the innate and adaptive immune response.")) == {
        ("msc", "associated-with", "immunomodulation")
    }
    assert _claims(_draft("CM showed a modulation of immune responses in rats.")) == {
        ("full-secretome", "associated-with", "immunomodulation")
    }


def test_an_ic_anti_adjective_opposes_the_noun_the_seed_writes() -> None:
    # made up: "anti-dystonic" could be against "dystonia" or "dystony"; the seed writes "dystonia"
    draft = _draft("The injured rats developed dystonia. CM showed anti-dystonic effects.")
    assert _claims(draft) == {("full-secretome", "decreases", "dystonia")}
    # where the seed writes neither noun, the ending cannot tell which: no claim
    assert _claims(_draft("CM showed anti-dystonic effects.")) == set()


def test_a_means_clause_says_what_its_objects_do_to_the_main_cues_objects() -> None:
    # "lowered pain by blocking the activation of microglia": the activation raises the pain
    draft = _draft("EVs lowered pain by blocking the activation of microglia.")
    assert _claims(draft) == {
        ("extracellular-vesicles", "ameliorates", "pain"),
        ("extracellular-vesicles", "inhibits", "activation-of-microglia"),
        ("activation-of-microglia", "increases", "pain"),
    }
    # raising X by lowering Y: Y lowers X
    draft = _draft("EVs enhanced angiogenesis by suppressing TNF-α.")
    assert ("tnf-a", "decreases", "angiogenesis") in _claims(draft)
    # the means is the nearest cue's only: autophagy is no effect of IL-6
    draft = _draft("EVs induced autophagy and lowered pain by blocking IL-6.")
    claims = _claims(draft)
    assert ("il-6", "increases", "pain") in claims
    assert not [c for c in claims if c[0] == "il-6" and c[2] == "autophagy"]


def test_an_associated_or_subsequent_change_after_an_object_is_that_objects_effect() -> None:
    # "reduced inflammation and the subsequent release of IL-6": inflammation raises IL-6
    draft = _draft("EVs reduced inflammation and the subsequent release of IL-6.")
    assert _claims(draft) == {
        ("extracellular-vesicles", "decreases", "inflammation"),
        ("extracellular-vesicles", "decreases", "il-6"),
        ("inflammation", "increases", "il-6"),
    }
    # without "associated" or "subsequent" the two are only both reduced
    draft = _draft("EVs reduced inflammation and the release of IL-6.")
    assert ("inflammation", "increases", "il-6") not in _claims(draft)


def test_the_effects_of_one_name_on_another_act_on_it() -> None:
    draft = _draft("The effects of EVs on microglia remain unclear.")
    assert _claims(draft) == {("extracellular-vesicles", "acts-on", "microglia")}


def test_a_correlation_between_two_names_associates_them() -> None:
    draft = _draft("Several studies report a correlation between serum TNF-α and arthritis.")
    assert _claims(draft) == {("tnf-a", "associated-with", "arthritis")}


def test_beneficial_effects_shown_in_a_disease_ameliorate_it() -> None:
    draft = _draft("The beneficial effects of bone marrow MSCs were shown in arthritis.")
    assert _claims(draft) == {("bone-marrow-msc", "ameliorates", "arthritis")}
    # an evaluation states no effect
    draft = _draft("The beneficial effects of bone marrow MSCs were evaluated in arthritis.")
    assert _claims(draft) == set()


def test_the_agent_after_a_secretion_noun_and_its_list_carries_the_items() -> None:
    # "the secretion of A, B and C by Y": Y secretes them, not the MSCs named earlier
    draft = _draft(
        "The first report on MSCs described the secretion of IL-6, VEGF and IL-10 by bone marrow MSCs."
    )
    assert _claims(draft) == {
        ("bone-marrow-msc", "carries", "il-6"),
        ("bone-marrow-msc", "carries", "vegf"),
        ("bone-marrow-msc", "carries", "il-10"),
    }


def test_conditions_given_as_examples_after_a_link_are_what_each_subject_is_associated_with() -> None:
    # "linked to the benefits of MSCs in several disorders, such as A and B": the phrase names no object;
    # the example conditions are where the link holds
    draft = _draft(
        "EVs and CM are closely linked to the benefits of MSCs in several disorders, such as arthritis "
        "and neuropathic pain."
    )
    assert _claims(draft) == {
        ("extracellular-vesicles", "associated-with", "arthritis"),
        ("extracellular-vesicles", "associated-with", "neuropathic-pain"),
        ("full-secretome", "associated-with", "arthritis"),
        ("full-secretome", "associated-with", "neuropathic-pain"),
    }


# --- round 2, mahajan-2018


def test_examples_after_particularly_or_especially_get_the_claim_of_the_object_before() -> None:
    # "used in X, particularly in A and B": A and B are uses too; "reduced X, especially A": A is reduced
    draft = _draft(
        "Bone marrow MSCs have been employed in arthritis, particularly in neuropathic pain. "
        "EVs reduced inflammation, especially IL-6 and TNF-α."
    )
    assert _claims(draft) == {
        ("bone-marrow-msc", "associated-with", "arthritis"),
        ("bone-marrow-msc", "associated-with", "neuropathic-pain"),
        ("extracellular-vesicles", "decreases", "inflammation"),
        ("extracellular-vesicles", "decreases", "il-6"),
        ("extracellular-vesicles", "decreases", "tnf-a"),
    }


def test_a_name_glued_to_based_names_the_therapy_s_cells() -> None:
    # "MSCs-based treatment strategies": the MSCs are what the strategies use
    draft = _draft("MSCs-based treatment strategies have been employed in trials for treatment of arthritis.")
    assert _claims(draft) == {("msc", "associated-with", "arthritis")}


def test_a_signed_effect_of_one_name_in_producing_others_raises_or_lowers_them() -> None:
    # "the stimulating effects of X in the producing Y, such as A and B": X raises Y, A and B;
    # "inhibitory" lowers, and no unsigned "effect of X on Y" is drafted beside it
    draft = _draft(
        "The stimulating effects of VEGF in the producing cytokines, such as IL-6 and TNF-α, were large. "
        "The inhibitory effect of IL-10 on autophagy was weak."
    )
    assert _claims(draft) == {
        ("vegf", "increases", "cytokines"),
        ("vegf", "increases", "il-6"),
        ("vegf", "increases", "tnf-a"),
        ("il-10", "decreases", "autophagy"),
    }


# --- round 2, zidan-2023


def test_a_change_that_accompanied_the_effect_before_is_the_paragraphs_subjects() -> None:
    # "This was accompanied by a decrease in X": the change came with the effect the sentence before stated
    draft = _draft("EVs reduced inflammation. This was accompanied by a decrease in IL-6 and TNF-α.")
    assert _claims(draft) == {
        ("extracellular-vesicles", "decreases", "inflammation"),
        ("extracellular-vesicles", "decreases", "il-6"),
        ("extracellular-vesicles", "decreases", "tnf-a"),
    }
    # an event with no such opening stays nobody's
    draft = _draft("EVs reduced inflammation. A decrease in IL-6 was seen in arthritis.")
    assert _claims(draft) == {("extracellular-vesicles", "decreases", "inflammation")}


def test_a_fluid_before_levels_of_is_where_the_objects_were_measured() -> None:
    more = [Entity("plasma", "plasma", EntityType.TISSUE)]
    # "plasma levels of X": X is lowered, the plasma is where; an adjective before the next item
    # ("and spinal TNF-α") leaves the list going on
    draft = _draft("CM lowered plasma levels of IL-6 and spinal TNF-α.", more)
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "decreases", "tnf-a"),
    }
    # after "and", the words before a name in parentheses spell it out: part of its item
    draft = _draft("CM lowered IL-6 and spinal enhancer of B cells (IL-10) in rats.")
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "decreases", "il-10"),
    }


def test_an_anti_effect_in_a_model_of_a_kind_of_what_it_opposes_is_against_that_kind() -> None:
    # "anti-fibrotic effects in a mouse model of lung fibrosis": against lung fibrosis, not fibrosis
    draft = _draft("CM showed anti-fibrotic effects in a rat model of lung fibrosis.")
    claims = _claims(draft)
    assert ("full-secretome", "ameliorates", "lung-fibrosis") in claims
    assert ("full-secretome", "ameliorates", "fibrosis") not in claims


def test_a_parallel_means_clause_after_as_well_as_names_another_object_of_the_cue() -> None:
    # "improved A by V-ing X, as well as B by V-ing Y": B is improved too, no item of the means clause
    draft = _draft(
        "CM improved wound closure by regulating IL-6 and TNF-α, as well as bone density by controlling VEGF."
    )
    assert _claims(draft) == {
        ("full-secretome", "increases", "wound-closure"),
        ("full-secretome", "acts-on", "il-6"),
        ("full-secretome", "acts-on", "tnf-a"),
        ("full-secretome", "increases", "bone-density"),
        ("full-secretome", "acts-on", "vegf"),
    }
    # a known name there is the cue's object, not what the means clause before acts on
    draft = _draft(
        "CM improved wound closure by regulating IL-6, as well as angiogenesis by controlling VEGF."
    )
    claims = _claims(draft)
    assert ("full-secretome", "increases", "angiogenesis") in claims
    assert ("full-secretome", "acts-on", "angiogenesis") not in claims


def test_a_conditioned_secretome_is_the_conditioned_medium() -> None:
    draft = _draft("A conditioned secretome of bone marrow MSCs reduced IL-6.")
    assert _claims(draft) == {("full-secretome", "decreases", "il-6")}
    # without "conditioned" the secretome stays the general one
    draft = _draft("The secretome of bone marrow MSCs reduced IL-6.")
    assert _claims(draft) == {("secretome", "decreases", "il-6")}


def test_the_manufacture_of_a_name_is_a_measure_of_it() -> None:
    # "blocked the manufacture of X", as "the production of X": X is what was blocked
    draft = _draft("CM blocked the manufacture of IL-6 and TNF-α.")
    assert _claims(draft) == {("full-secretome", "inhibits", "il-6"), ("full-secretome", "inhibits", "tnf-a")}


# --- round 2, ferrini-2025


def test_interfering_with_a_pathway_inhibits_it() -> None:
    more = [Entity("nf-kb-pathway", "NF-κB pathway", EntityType.PATHWAY)]
    draft = _draft("In rats, EVs interfere with the NF-κB pathway.", more)
    assert _claims(draft) == {("extracellular-vesicles", "inhibits", "nf-kb-pathway")}


def test_activated_cells_that_release_molecules_name_the_cells_activation() -> None:
    # "activated microglia release X": the activation raises X; the cells hold nothing, and "activated" is no
    # cue of the paragraph's subject
    draft = _draft("After injury, activated microglia release IL-6 and TNF-α.")
    assert _claims(draft) == {
        ("microglia-activation", "increases", "il-6"),
        ("microglia-activation", "increases", "tnf-a"),
    }
    assert draft.entities["microglia-activation"]["type"] == "process"
    # an appositive between the subject and its verb names the subject again
    more = [Entity("macrophages", "macrophages", EntityType.CELL_TYPE)]
    draft = _draft(
        "Activated microglia, the resident macrophages of the brain, represent the main source of IL-6.", more
    )
    assert _claims(draft) == {("microglia-activation", "increases", "il-6")}


def test_the_subsequent_release_of_an_unnamed_phrase_is_a_second_object() -> None:
    draft = _draft(
        "CM lowered pain by inhibiting autophagy and the subsequent release of neurotoxic mediators."
    )
    assert _claims(draft) == {
        ("full-secretome", "ameliorates", "pain"),
        ("full-secretome", "inhibits", "autophagy"),
        ("full-secretome", "inhibits", "neurotoxic-mediators"),
        ("autophagy", "increases", "pain"),
        ("autophagy", "increases", "neurotoxic-mediators"),
        ("neurotoxic-mediators", "increases", "pain"),
    }


def test_a_verb_cue_before_the_synthesis_and_release_of_x_acts_on_x() -> None:
    # "which promotes the synthesis and release of X": the relative's antecedent raises X; the release is
    # no cue of its own (nobody is said to carry X)
    more = [Entity("tlr4", "TLR4", EntityType.FACTOR)]
    draft = _draft("EVs inhibit TLR4, which promotes the synthesis and release of IL-6.", more)
    assert _claims(draft) == {("extracellular-vesicles", "inhibits", "tlr4"), ("tlr4", "increases", "il-6")}
    # the release has its own agent: the agent releases
    draft = _draft("Pathways that mediate the release of IL-6 by MSCs are known.")
    assert ("msc", "increases", "il-6") not in _claims(draft)


def test_restoring_a_resting_phenotype_lowers_the_cells_activation() -> None:
    draft = _draft("In mice, CM restored the resting microglial phenotype.")
    assert _claims(draft) == {("full-secretome", "decreases", "microglia-activation")}
    # no cells named in the phrase: nothing a name can hold
    draft = _draft("In mice, CM restored resting phenotypes.")
    assert _claims(draft) == set()


def test_a_result_clause_says_the_main_objects_drive_its_objects() -> None:
    # "lowered X, thus reducing Y": X raises Y
    draft = _draft("CM lowered IL-6, thus reducing inflammation.")
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "decreases", "inflammation"),
        ("il-6", "increases", "inflammation"),
    }


def test_markers_paired_respectively_with_their_cells() -> None:
    # the slash in such a group gives alternatives: two symbols, proposed each, not one name
    draft = _draft(
        "We measured microglia and astrocytic markers (Iba1/Cx3cr1 and GFAP, respectively) in astrocytes."
    )
    assert _claims(draft) == {
        ("iba1", "marker-of", "microglia"),
        ("cx3cr1", "marker-of", "microglia"),
        ("gfap", "marker-of", "astrocytes"),
    }
    assert draft.entities["astrocytes"]["type"] == "cell-type"  # "astrocytic": the cells the seed writes


def test_this_upregulation_reduced_following_a_delivery_is_lowered_by_what_was_delivered() -> None:
    more = [Entity("iba1", "Iba1", EntityType.MARKER)]
    draft = _draft(
        "An increased expression of Iba1 and GFAP was seen in arthritis, and this upregulation was reduced "
        "following the delivery of EVs.",
        more,
    )
    assert _claims(draft) == {
        ("extracellular-vesicles", "decreases", "iba1"),
        ("extracellular-vesicles", "decreases", "gfap"),
    }


def test_the_isolation_of_x_from_y_derives_x_from_y() -> None:
    draft = _draft("A further option is the isolation of EVs from the conditioned medium.")
    assert _claims(draft) == {("extracellular-vesicles", "derived-from", "full-secretome")}


# --- round 3, mahajan-2018 objects


def test_the_latter_names_what_the_sentence_before_named_last() -> None:
    # a combined adjective no name covers before an effect noun is proposed as its process
    # ("cardioprotective effect": cardioprotection), and "The latter" names it in the next sentence; the
    # agents' list after "mediated by" goes on past its last name ("and heme oxygenase 1")
    draft = _draft(
        "EVs have a cardioprotective effect. The latter is mediated by VEGF, IL-10, and heme oxygenase 1."
    )
    assert _claims(draft) == {
        ("extracellular-vesicles", "increases", "cardioprotection"),
        ("vegf", "increases", "cardioprotection"),
        ("il-10", "increases", "cardioprotection"),
        ("heme-oxygenase-1", "increases", "cardioprotection"),
    }
    assert draft.entities["cardioprotection"]["synonyms"] == ["cardioprotective effect"]
    # a plain "-ive" adjective ("protective effect") says how, not what: no process is proposed
    draft = _draft("EVs showed a protective effect in rats.")
    assert "protection" not in draft.entities


def test_a_noun_before_a_process_is_shared_with_the_process_noun_ending_the_list() -> None:
    # "promote muscle repair and regeneration": muscle regeneration, though "regeneration" is a name alone
    more = [Entity("tissue-regeneration", "tissue regeneration", EntityType.PROCESS, ("regeneration",))]
    draft = _draft("IL-6 and IL-10 promote tendon repair and regeneration.", more)
    assert _claims(draft) == {
        ("il-6", "increases", "tendon-repair"),
        ("il-6", "increases", "tendon-regeneration"),
        ("il-10", "increases", "tendon-repair"),
        ("il-10", "increases", "tendon-regeneration"),
    }


def test_an_effect_seen_when_treated_with_a_preparation_is_the_preparations() -> None:
    # "a cell line showed increased A, B, and C when treated with CM": each phrase is raised by the CM
    draft = _draft(
        "A neural cell line showed increased axon sprouting, synapsin, and dendrite length when treated with CM."
    )
    assert _claims(draft) == {
        ("full-secretome", "increases", "axon-sprouting"),
        ("full-secretome", "increases", "synapsin"),
        ("full-secretome", "increases", "dendrite-length"),
    }


# --- round 3, mahajan-2018 subjects


def test_an_effect_after_a_means_by_is_the_clause_subjects_and_an_ssive_adjective_names_its_process() -> None:
    # "by suppressive effect" is how CM did it: CM's, not the nearest name's (IL-6); "-ssive" is "-ssion"
    draft = _draft(
        "CM limited wound damage by blocking IL-6 in the skin and secondly by immunosuppressive effect."
    )
    assert _claims(draft) == {
        ("full-secretome", "inhibits", "il-6"),
        ("full-secretome", "increases", "immunosuppression"),
    }
    assert draft.entities["immunosuppression"]["type"] == "process"
    # known as one name with its effect noun, the name is the effect too
    more = [
        Entity("immune-suppression", "immune suppression", EntityType.PROCESS, ("immunosuppressive effect",))
    ]
    draft = _draft(
        "CM limited wound damage by blocking IL-6 in the skin and secondly by immunosuppressive effect.", more
    )
    assert ("full-secretome", "increases", "immune-suppression") in _claims(draft)
    assert ("il-6", "increases", "immune-suppression") not in _claims(draft)


def test_the_latter_names_what_the_sentence_before_named_last_and_its_mediators_are_in_the_preparation() -> (
    None
):
    # "The latter is mediated by A and B": the last object of the sentence before; the preparation whose
    # effect it is carries what mediates it
    draft = _draft("CM reduced IL-6 and raised angiogenesis. The latter is mediated by VEGF and IL-10.")
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "increases", "angiogenesis"),
        ("vegf", "increases", "angiogenesis"),
        ("il-10", "increases", "angiogenesis"),
        ("full-secretome", "carries", "vegf"),
        ("full-secretome", "carries", "il-10"),
    }
    # "the former": the first; with another verb than "mediated" the mediators' home is not said
    draft = _draft("CM reduced IL-6 and raised angiogenesis. The former is inhibited by VEGF.")
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "increases", "angiogenesis"),
        ("vegf", "inhibits", "il-6"),
    }
    # "the latter group" names a kind of its own, not the last object
    draft = _draft("CM reduced IL-6 and raised angiogenesis. The latter group showed reduced TNF-α.")
    assert _claims(draft) == {
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "increases", "angiogenesis"),
    }


def test_a_signed_verb_on_a_signed_effect_changes_its_targets_by_the_product_of_the_signs() -> None:
    # "CM blocked A and thus reduced the stimulating effects of X on Y": CM lowers Y (and the examples)
    draft = _draft(
        "CM blocked VEGF and thus reduced the stimulating effects of TNF-α on the production of "
        "cytokines, such as IL-6 and IL-10."
    )
    assert _claims(draft) == {
        ("full-secretome", "inhibits", "vegf"),
        ("tnf-a", "increases", "cytokines"),
        ("tnf-a", "increases", "il-6"),
        ("tnf-a", "increases", "il-10"),
        ("full-secretome", "decreases", "cytokines"),
        ("full-secretome", "decreases", "il-6"),
        ("full-secretome", "decreases", "il-10"),
    }
    # raising an inhibitory effect lowers its target; a negated verb changes nothing
    draft = _draft("CM enhanced the inhibitory effects of IL-10 on IL-6.")
    assert _claims(draft) == {("il-10", "decreases", "il-6"), ("full-secretome", "decreases", "il-6")}
    draft = _draft("CM did not reduce the stimulating effects of TNF-α on IL-6.")
    assert _claims(draft) == {("tnf-a", "increases", "il-6")}


# --- round 4, mahajan-2018 objects


def test_a_secretion_by_a_species_kind_of_cells_names_that_kind_and_a_cells_factor_is_a_factor() -> None:
    # "stem cell factor" is a molecule, not stem cells; "by rat BMSC" (the seed's "BMSCs", singular)
    # names the rat kind of those cells, proposed whole: it carries each item of the list
    draft = _draft(
        "We used bone marrow MSCs (BMSCs). The first report on MSCs described the secretion of IL-6, "
        "stem cell factor, and IL-10 by rat BMSC."
    )
    assert _claims(draft) == {
        ("rat-bmscs", "carries", "il-6"),
        ("rat-bmscs", "carries", "stem-cell-factor"),
        ("rat-bmscs", "carries", "il-10"),
    }
    assert draft.entities["stem-cell-factor"]["type"] == "factor"
    assert draft.entities["rat-bmscs"]["type"] == "msc-source"
    assert draft.entities["rat-bmscs"]["synonyms"] == ["rat BMSC"]


def test_examples_of_sources_of_cells_are_each_the_source_of_a_kind_of_the_cells() -> None:
    # "MSCs from various tissues, such as A, B, etc.": the A-derived MSCs come from A, named (or proposed)
    # as the graph names such kinds; a known kind is found by that name
    draft = _draft(
        "MSCs from several other sources, such as bone marrow, gingival tissue, etc., were tested.",
        [Entity("bone-marrow", "bone marrow", EntityType.TISSUE)],
    )
    assert _claims(draft) == {
        ("bone-marrow-msc", "derived-from", "bone-marrow"),
        ("gingival-tissue-derived-mscs", "derived-from", "gingival-tissue"),
    }
    assert draft.entities["gingival-tissue"]["type"] == "tissue"
    assert draft.entities["gingival-tissue-derived-mscs"]["type"] == "msc-source"


def test_what_a_preparation_delivers_it_carries() -> None:
    # "EVs delivered miR-7 to X", "the delivery of cytokines, such as IL-6": the EVs carry each; a
    # microRNA's name is proposed as one
    draft = _draft(
        "EVs delivered miR-7 to the neurons. The EVs acted through the delivery of cytokines, such as IL-6."
    )
    assert _claims(draft) == {
        ("extracellular-vesicles", "carries", "mir-7"),
        ("extracellular-vesicles", "carries", "cytokines"),
        ("extracellular-vesicles", "carries", "il-6"),
    }
    assert draft.entities["mir-7"]["type"] == "microrna"
    # a preparation delivered is given, no cargo; a negated verb gives nothing
    draft = _draft("The EVs did not deliver IL-6. The delivery of CM was local.")
    assert not [key for key in draft.assertions if key[1] == "carries"]


# --- round 4, mahajan-2018 subjects


def test_cells_from_a_tissue_name_the_tissue_kind_of_the_cells() -> None:
    # "MSCs from various sites, such as A, B": each kind, looked up or proposed, derived from its tissue
    more = [
        Entity("adipose-tissue", "adipose tissue", EntityType.TISSUE),
        Entity("adipose-msc", "adipose tissue MSCs", EntityType.MSC_SOURCE, (), (), ("msc",)),
    ]
    draft = _draft(
        "Recently, MSCs from various other sites, such as adipose tissue, tooth pulp, etc., have been "
        "tested in small trials.",
        more,
    )
    assert _claims(draft) == {
        ("adipose-msc", "derived-from", "adipose-tissue"),
        ("tooth-pulp-derived-mscs", "derived-from", "tooth-pulp"),
    }
    assert draft.entities["tooth-pulp-derived-mscs"]["synonyms"] == ["tooth pulp MSCs"]
    assert draft.entities["tooth-pulp"]["type"] == "tissue"
    # one source: the kind is the subject of what follows
    draft = _draft("MSCs derived from adipose tissue reduced IL-6 in the joint.", more)
    assert _claims(draft) == {
        ("adipose-msc", "derived-from", "adipose-tissue"),
        ("adipose-msc", "decreases", "il-6"),
    }
    # a verb between the cells and "from": where MSCs in general come from
    draft = _draft("MSCs can be isolated from adipose tissue.", more)
    assert _claims(draft) == {("msc", "derived-from", "adipose-tissue")}


def test_cell_names_read_whole_a_factor_named_after_cells_a_singular_abbreviation_a_species_kind() -> None:
    more = [
        Entity("bone-marrow-msc", "bone marrow MSCs", EntityType.MSC_SOURCE, ("BMSCs",), (), ("msc",)),
        Entity("human", "human", EntityType.SPECIES),
    ]
    # "stem cell factor" is a factor, not stem cells; "human BMSC" is the human kind of the BMSCs
    draft = _draft(
        "A first report on MSCs described the secretion of VEGF, stem cell factor, and IL-6 by human BMSC.",
        more,
    )
    assert _claims(draft) == {
        ("human-bmscs", "carries", "vegf"),
        ("human-bmscs", "carries", "stem-cell-factor"),
        ("human-bmscs", "carries", "il-6"),
    }
    assert draft.entities["human-bmscs"]["synonyms"] == ["human BMSC"]
    # the general MSCs have no species kind: the species only says whose they are
    draft = _draft("A first report on MSCs described the secretion of VEGF by human MSCs.", more)
    assert _claims(draft) == {("msc", "carries", "vegf")}


def test_examples_after_ranging_from_get_the_claim_their_class_got() -> None:
    # "ranging from A, B to C, and D": examples of the disorders, each ameliorated (a process raised)
    more = [Entity("joint-disorders", "joint disorders", EntityType.DISEASE)]
    draft = _draft(
        "CM has shown a therapeutic role in joint disorders, ranging from gout, cartilage repair to "
        "spinal cord injuries, and arthritis.",
        more,
    )
    assert _claims(draft) == {
        ("full-secretome", "ameliorates", "joint-disorders"),
        ("full-secretome", "ameliorates", "gout"),
        ("full-secretome", "increases", "cartilage-repair"),
        ("full-secretome", "ameliorates", "spinal-cord-injury"),
        ("full-secretome", "ameliorates", "arthritis"),
    }
    assert draft.entities["gout"]["type"] == "disease"
    assert draft.entities["cartilage-repair"]["type"] == "process"


# --- round 5, mahajan-2018


def test_a_change_named_by_a_participle_after_there_was_or_responsible_for() -> None:
    # "there was a reduced expression of A, B and C": the paragraph's subject's change, items proposed
    draft = _draft(
        "CM reduced pain in the rats. In addition, there was a reduced expression of heat shock "
        "protein 9, lamin B2, and IL-6 in the treated hearts."
    )
    assert _claims(draft) == {
        ("full-secretome", "ameliorates", "pain"),
        ("full-secretome", "decreases", "heat-shock-protein-9"),
        ("full-secretome", "decreases", "lamin-b2"),
        ("full-secretome", "decreases", "il-6"),
    }
    # "This X was responsible for increased expression of genes, such as A": X, proposed as a process
    draft = _draft(
        "This vesicle uptake was responsible for increased expression of repair genes, such as VEGF "
        "and HOXB7."
    )
    assert _claims(draft) == {
        ("vesicle-uptake", "increases", "repair-genes"),
        ("vesicle-uptake", "increases", "vegf"),
        ("vesicle-uptake", "increases", "hoxb7"),
    }
    assert draft.entities["vesicle-uptake"]["type"] == "process"
    # the name right before "was responsible for" is its subject; a negated change gives nothing
    draft = _draft("Autophagy was responsible for decreased levels of IL-6.")
    assert _claims(draft) == {("autophagy", "decreases", "il-6")}
    draft = _draft("This study was responsible for increased levels of IL-6.")
    assert _claims(draft) == set()
    draft = _draft("CM was given. There was not a reduced expression of IL-6.")
    assert _claims(draft) == set()


def test_a_tissue_that_displayed_a_change_passes_it_to_the_paragraphs_subject() -> None:
    # "the treated livers displayed lesser X, Y and reduced Z": where the change was seen; "lesser" lowers
    more = [Entity("liver", "liver", EntityType.TISSUE, ("livers",))]
    draft = _draft(
        "CM reduced pain in the rats. Compared with the sham group, the treated livers displayed lesser "
        "steatosis, portal edema, and reduced apoptosis.",
        more,
    )
    assert _claims(draft) == {
        ("full-secretome", "ameliorates", "pain"),
        ("full-secretome", "ameliorates", "steatosis"),
        ("full-secretome", "decreases", "portal-edema"),
        ("full-secretome", "decreases", "apoptosis"),
    }
    # a subject no name covers still does not take the paragraph's subject
    draft = _draft("CM reduced pain in the rats. The treated explants displayed lesser apoptosis.", more)
    assert _claims(draft) == {("full-secretome", "ameliorates", "pain")}


def test_used_to_treat_is_a_use_as_used_in_is() -> None:
    # "X were used to treat Y" says what X was given for, not that it worked: a use, as "used in Y"
    draft = _draft("In one study, bone marrow MSCs were used to treat arthritis in dogs.")
    assert _claims(draft) == {("bone-marrow-msc", "associated-with", "arthritis")}
    draft = _draft("In one study, bone marrow MSCs were used in arthritis.")
    assert _claims(draft) == {("bone-marrow-msc", "associated-with", "arthritis")}


def test_the_animal_model_of_x_is_a_model_of_x() -> None:
    draft = _draft("In the animal model of tendon rupture, EVs reduced IL-6.")
    assert ("animal-model-of-tendon-rupture", "model-of", "tendon-rupture") in _claims(draft)
    assert draft.entities["animal-model-of-tendon-rupture"]["type"] == "disease-model"
    # several models are no one model
    draft = _draft("In animal models of tendon rupture, EVs reduced IL-6.")
    assert not [key for key in draft.assertions if key[1] == "model-of"]


def test_an_organs_failure_is_its_disease_and_a_disease_in_a_model_is_what_it_models() -> None:
    more = [
        Entity("liver", "liver", EntityType.TISSUE),
        Entity("bdl-rat-model", "bile duct ligation rat model", EntityType.DISEASE_MODEL),
    ]
    # "reverse the liver failure": the organ's disease, proposed, not the organ
    draft = _draft("EVs could reverse the liver failure in a bile duct ligation rat model.", more)
    assert _claims(draft) == {
        ("extracellular-vesicles", "ameliorates", "liver-failure"),
        ("bdl-rat-model", "model-of", "liver-failure"),
    }
    assert draft.entities["liver-failure"]["type"] == "disease"
