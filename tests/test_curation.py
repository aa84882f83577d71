"""The curated graph against what the seeds say: cross-seed entities, studies per review,
no duplicate spellings, and the mechanism chains the design names."""

from __future__ import annotations

import json

import pytest

from msc_graph.cli import cli
from msc_graph.model.names import normalise_name
from msc_graph.views import open_graph


def _json(runner, *args: str):
    result = runner.invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("name", "entity", "seeds"),
    [
        # IL-1β: Ferrini's neuroinflammation paragraph and Mahajan's pyroptosis and Platas sentences
        ("IL-1β", "il-1b", {"ferrini-2025", "mahajan-2018"}),
        # TNF-α: Ferrini (cytokines down), Zidan (Nazemian 2018), Mahajan (Platas; NP cell apoptosis)
        ("TNF-α", "tnf-a", {"ferrini-2025", "zidan-2023", "mahajan-2018"}),
        # bone marrow: MSCs isolated from it (Ferrini intro; Mahajan, Friedenstein)
        ("bone marrow", "bone-marrow", {"ferrini-2025", "mahajan-2018"}),
    ],
)
def test_shared_entities_carry_assertions_from_several_seeds(
    name, entity, seeds, runner, real_project
) -> None:
    shown = _json(runner, "show", name)
    assert shown["entity"]["id"] == entity
    read_in = {e["read_in"] for a in shown["assertions"] for e in a["evidence"]}
    assert seeds <= read_in


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        # Ferrini: the 12 studies of its reference list (all cited in the text)
        (
            "ferrini-2025",
            {
                "amodeo-2021",
                "brini-2017",
                "cantinieux-2013",
                "evangelista-2018",
                "gama-2018",
                "gao-2023a",
                "gao-2023b",
                "juarez-2023",
                "masoodifar-2021",
                "shiue-2019",
                "wood-2021",
                "zhang-2022",
            },
        ),
    ],
)
def test_studies_read_in_a_review_are_its_primary_studies(review, expected, runner, real_project) -> None:
    listed = {s["id"] for s in _json(runner, "studies", "--read-in", review)}
    assert listed == expected


@pytest.mark.parametrize(
    ("review", "some"),
    [
        ("zidan-2023", {"nazemian-2018", "ma-2021", "yu-2021"}),
        ("mahajan-2018", {"cheng-2018", "brini-2017"}),
    ],
)
def test_other_reviews_list_their_studies(review, some, runner, real_project) -> None:
    studies = _json(runner, "studies", "--read-in", review)
    assert some <= {s["id"] for s in studies}
    assert all(review in s["read_in"] for s in studies)


def test_a_study_cited_by_two_reviews_is_one_node(real_project) -> None:
    model = open_graph(real_project).model
    brini = {e.read_in for a in model.assertions for e in a.evidence if e.study == "brini-2017"}
    assert brini == {"ferrini-2025", "mahajan-2018"}
    titles = [normalise_name(s.title) for s in model.studies.values() if s.title]
    assert len(titles) == len(set(titles)), "one study defined twice"


def test_no_two_entities_share_a_normalised_name_within_a_type(real_project) -> None:
    model = open_graph(real_project).model
    seen: dict[tuple[str, str], str] = {}
    clashes = []
    for entity in model.entities.values():
        for name in {normalise_name(n) for n in (entity.label, *entity.synonyms)}:
            key = (entity.type.value, name)
            if key in seen and seen[key] != entity.id:
                clashes.append((name, seen[key], entity.id))
            seen[key] = entity.id
    assert clashes == []


def test_no_two_entities_share_a_cross_reference(real_project) -> None:
    # One ontology term is one concept: two entities grounded to the same CURIE are the same thing
    # spelled twice (as "bone formation" and "osteogenesis" were, both GO:0001503).
    model = open_graph(real_project).model
    owner: dict[str, str] = {}
    shared = []
    for entity in model.entities.values():
        for curie in entity.xrefs:
            if owner.setdefault(curie, entity.id) != entity.id:
                shared.append((curie, owner[curie], entity.id))
    assert len(owner) > 300
    assert shared == []


def test_gao_chain_from_extracellular_vesicles_to_pain(runner, real_project) -> None:
    payload = _json(runner, "paths", "extracellular vesicles", "pain", "--max-paths", "200")
    wanted = [
        "extracellular-vesicles",
        "mir-99b-3p",
        "pi3k-akt-mtor-pathway",
        "autophagy",
        "microglial-activation",
    ]
    chains = [p for p in payload["paths"] if [n["id"] for n in p["nodes"]][:5] == wanted]
    assert chains, "the Gao chain is missing"
    chain = chains[0]
    # carries (+1), inhibits (-1), decreases (-1), inhibits (-1), increases (+1): net -1
    assert [h["sign"] for h in chain["hops"][:5]] == [None, -1, -1, -1, 1]
    assert chain["net_sign"] == -1
    cited = [{e["study"] for e in h["evidence"]} for h in chain["hops"]]
    # Table 1 row 9 cites Gao 2023a,b, but the miR-99b-3p cell is 2023a's (its title carries it)
    assert cited[0] == {"gao-2023a"}
    assert {"gao-2023a", "gao-2023b"} <= cited[2]  # the prose paragraph cites Gao et al., 2023a, b
    assert "ferrini-2025" in cited[-1]  # the review states the last step itself (Figure 1 legend)
    # miR-99b-3p ⊣ PI3K/AKT/mTOR is read from the row (inferred); EV ⊣ PI3K ⊣ autophagy is prose
    assert {e["basis"] for e in chain["hops"][1]["evidence"]} == {"inferred"}
    assert all(e["inferred_from"] and "row 9" in e["inferred_from"] for e in chain["hops"][1]["evidence"])
    assert "stated" in {e["basis"] for e in chain["hops"][2]["evidence"]}
    for hop in chain["hops"]:
        assert all(e["quote"] and e["basis"] for e in hop["evidence"])


def test_the_mir99b_hop_is_inferred_and_basis_stated_drops_it(runner, real_project) -> None:
    (path,) = _json(runner, "paths", "miR-99b-3p", "PI3K/AKT/mTOR pathway", "--exact")["paths"]
    (hop,) = path["hops"]
    assert [(e["study"], e["basis"], e["eco"]) for e in hop["evidence"]] == [
        ("gao-2023a", "inferred", "ECO:0000305")
    ]
    text = runner.invoke(cli, ["paths", "miR-99b-3p", "PI3K/AKT/mTOR pathway", "--exact"]).output
    assert f"inferred: {hop['evidence'][0]['inferred_from']}" in text
    assert (
        _json(runner, "paths", "miR-99b-3p", "PI3K/AKT/mTOR pathway", "--exact", "--basis", "stated")["paths"]
        == []
    )


def test_no_chain_from_vegf_to_pain_runs_through_a_table_pairing(runner, real_project) -> None:
    payload = _json(runner, "paths", "VEGF", "pain", "--max-paths", "500")
    assert payload["paths"]
    model = open_graph(real_project).model
    for path in payload["paths"]:
        for hop in path["hops"]:
            for item in hop["evidence"]:
                assert item["basis"] in {"stated", "hedged", "inferred"}
                # a Table 1 cell reaches a chain only as the secretome's own effect or cargo
                if item["source_kind"] == "table" and item["read_in"] == "ferrini-2025":
                    assert model.entities[hop["subject"]].type.value == "secretome-component", hop
    assert not any(
        [n["id"] for n in p["nodes"]][:2] == ["vegf", "bdnf"] for p in payload["paths"]
    )  # the old VEGF → BDNF → ↑ pain pairing is gone


def test_every_inferred_record_says_what_it_was_inferred_from(real_project) -> None:
    model = open_graph(real_project).model
    inferred = [e for a in model.assertions for e in a.evidence if e.basis.value == "inferred"]
    assert inferred  # Table 1 row 9 at least
    assert all(e.inferred_from and len(e.inferred_from) > 20 for e in inferred)
    assert all(
        e.inferred_from is None for a in model.assertions for e in a.evidence if e.basis.value != "inferred"
    )


def test_rat_intrathecal_studies_are_found_by_their_context(runner, real_project) -> None:
    rows = _json(runner, "studies", "--species", "rat", "--route", "intrathecal")
    assert sorted(r["id"] for r in rows) == ["gao-2023a", "gao-2023b", "shiue-2019", "zhang-2022"]


def test_the_gao_chain_holds_in_chronic_constriction_injury(runner, real_project) -> None:
    payload = _json(
        runner,
        "paths",
        "extracellular vesicles",
        "pain",
        "--model",
        "chronic constriction injury",
        "--max-paths",
        "200",
    )
    wanted = ["extracellular-vesicles", "pi3k-akt-mtor-pathway", "autophagy"]
    chains = [p for p in payload["paths"] if [n["id"] for n in p["nodes"]][:3] == wanted]
    assert chains, [[n["id"] for n in p["nodes"]] for p in payload["paths"]]
    assert {p["net_sign"] for p in chains} == {-1}
    gao = [e for e in chains[0]["hops"][0]["evidence"] if e["study"].startswith("gao-2023")]
    assert gao and all(e["context"]["disease_model"] == "chronic constriction injury" for e in gao)
    assert any("disease_model" in e["inherited"] for e in gao)  # the prose names no model: the study does
    # every piece of evidence on these chains is in CCI (or below it), or general
    for chain in chains:
        for hop in chain["hops"]:
            for item in hop["evidence"]:
                assert item["general"] or item["context"]["disease_model"] == "chronic constriction injury"


def test_compare_files_no_study_with_a_stated_species_under_unstated(runner, real_project) -> None:
    payload = _json(runner, "compare", "GFAP", "--by", "species")
    model = open_graph(real_project).model
    unstated = [i for i, c in enumerate(payload["columns"]) if c["key"] is None]
    with_species = {s.id for s in model.studies.values() if s.context.species is not None}
    for row in payload["rows"]:
        for index in unstated:
            assert not set(row["cells"][index]["studies"]) & with_species, row["effect"]
    assert {"shiue-2019", "zhang-2022"} <= with_species


def test_lee_2021_il6_evidence_is_in_dss_colitis_in_mice(real_project) -> None:
    model = open_graph(real_project).model
    lee = [
        e
        for a in model.assertions
        if "il-6" in (a.subject, a.object)
        for e in a.evidence
        if e.study == "lee-2021"
    ]
    assert lee
    for item in lee:
        assert item.context.species == "mouse"
        assert item.context.disease_model is not None and "colitis" in item.context.disease_model


def test_no_chain_from_vesicles_to_pain_walks_part_of_upward_and_acts_on_leaves_the_sign_unknown(
    runner, real_project
) -> None:
    for source in ("extracellular vesicles", "exosomes"):
        payload = _json(runner, "paths", source, "pain", "--max-paths", "500", "--max-hops", "4")
        assert payload["paths"]
        for path in payload["paths"]:
            for hop in path["hops"]:
                if hop["predicate"] == "part-of":
                    assert hop["reversed"] and hop["relation"] == "has-part", path["nodes"]
            if any(h["predicate"] == "acts-on" for h in path["hops"]):
                assert path["net_sign"] is None and path["net_effect"].startswith("?")
        signs = [p["net_sign"] for p in payload["paths"]]
        assert None not in signs or signs.index(None) >= len(signs) - signs.count(None)  # unknown last


def test_cell_therapy_is_not_the_secretome_and_non_msc_cells_are_not_msc_sources(real_project) -> None:
    model = open_graph(real_project).model
    for ident in (
        "neural-stem-cells",
        "embryonic-stem-cells",
        "amniotic-fluid-stem-cells",
        "cd34-stem-cells",
    ):
        assert model.entities[ident].type.value == "cell-source"
    assert model.entities["transplanted-cells"].type.value == "cell-preparation"
    cells = [e for a in model.assertions for e in a.evidence if e.context.preparation == "transplanted-cells"]
    assert len(cells) > 20  # Mahajan's Table 1, the titles about transplanted cells
    assert all(
        model.entities[e.context.msc_source].type.value in {"msc-source", "cell-source"}
        for e in cells
        if e.context.msc_source
    )


def test_vegf_reaches_pain(runner, real_project) -> None:
    payload = _json(runner, "paths", "VEGF", "pain")
    assert payload["source"][0]["id"] == "vegf"
    assert payload["paths"]
    assert all(e["quote"] for p in payload["paths"] for h in p["hops"] for e in h["evidence"])


def test_mir21_lowers_nucleus_pulposus_apoptosis(runner, real_project) -> None:
    payload = _json(runner, "paths", "miR-21", "apoptosis")
    best = payload["paths"][0]
    assert best["net_sign"] == -1
    assert best["nodes"][-1]["id"] == "nucleus-pulposus-cell-apoptosis"
    assert {e["study"] for h in best["hops"] for e in h["evidence"]} == {"cheng-2018"}
    assert all(e["read_in"] == "mahajan-2018" for h in best["hops"] for e in h["evidence"])
    shown = _json(runner, "show", "miR-21")
    targets = {a["object"]["id"] for a in shown["assertions"] if a["predicate"] == "targets"}
    assert targets == {"pten"}


def test_signs_follow_the_predicates(real_project) -> None:
    from msc_graph.model.vocabulary import PREDICATES

    for assertion in open_graph(real_project).model.assertions:
        assert assertion.sign == PREDICATES[assertion.predicate].sign


def test_entities_used_by_several_seed_files_live_in_entities_yaml() -> None:
    # A seed file holds only what that seed needs; anything two files share is defined once in
    # graph_data/entities.yaml, so a curator editing one seed cannot silently change another's.
    import yaml

    from .conftest import ROOT

    defined: dict[str, str] = {}
    used: dict[str, set[str]] = {}

    def note(value, where: str) -> None:
        if isinstance(value, str):
            used.setdefault(value, set()).add(where)
        elif isinstance(value, list | tuple):
            for item in value:
                note(item, where)
        elif isinstance(value, dict):
            for item in value.values():
                note(item, where)

    for path in sorted((ROOT / "graph_data").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entity in data.get("entities") or []:
            defined[entity["id"]] = path.stem
            note(entity.get("is_a", []), path.stem)
        for assertion in data.get("assertions") or []:
            note([assertion["subject"], assertion["object"]], path.stem)
            for item in assertion.get("evidence", []):
                note(item.get("context"), path.stem)
        note(data.get("contexts"), path.stem)
    assert len(defined) > 500
    misplaced = {
        entity: sorted(used[entity])
        for entity, home in defined.items()
        if home != "entities" and used.get(entity, set()) - {home}
    }
    assert misplaced == {}


@pytest.mark.parametrize(
    ("first", "second", "compatible"),
    [
        ("spinal-cord", "microglia", True),  # microglia lie in the central nervous system, as Ferrini says
        ("spinal-dorsal-horn", "spinal-cord", True),
        ("spinal-cord", "chondrocytes", False),  # central nervous system vs cartilage
        ("intestine", "cartilage", False),
        ("colon", "intestine", True),
        ("neurons", "chondrocytes", True),  # neurons: anatomy unknown, so no conflict is claimed
        ("kidney", "spinal-cord", False),
    ],
)
def test_places_of_measurement_match_through_curated_anatomy(real_project, first, second, compatible) -> None:
    from msc_graph.query.filters import measured_in_compatible

    model = open_graph(real_project).model
    assert measured_in_compatible(model, (first,), (second,)) is compatible
    assert measured_in_compatible(model, (first,), ()) is True  # an unstated place never conflicts


def test_choi_collagen_in_the_intestine_is_not_the_opposite_of_collagen_in_cartilage(
    runner, real_project
) -> None:
    payload = _json(runner, "contradictions", "--about", "collagen")
    studies = {s for g in payload["groups"] for p in g["pairs"] for s in (p["left_study"], p["right_study"])}
    assert "choi-2024" not in studies
    # the GFAP disagreement, all in spinal cord, stays
    gfap = _json(runner, "contradictions", "--about", "GFAP")
    assert any("wood-2021" in {p["left_study"], p["right_study"]} for g in gfap["groups"] for p in g["pairs"])


def test_a_chain_measured_in_spinal_cord_and_in_chondrocytes_is_flagged(real_project) -> None:
    from msc_graph.model import Context, Evidence, SourceKind
    from msc_graph.query.paths import Hop, find_context_flags

    model = open_graph(real_project).model

    def hop(place: str) -> Hop:
        item = Evidence(
            "s", "ferrini-2025", SourceKind.PROSE, "¶", "q", context=Context(measured_in=(place,))
        )
        return Hop("a", "increases", "b", 1, (item,))

    assert any(
        f.startswith("mixed tissues or cells")
        for f in find_context_flags([hop("spinal-cord"), hop("chondrocytes")], model)
    )
    assert find_context_flags([hop("spinal-cord"), hop("microglia")], model) == ()


def test_model_filter_given_a_disease_selects_its_models(runner, real_project) -> None:
    # neuropathic pain is a phenotype, not a model: --model takes the disease models that are a
    # model-of it (nerve injury and its CCI, PSNL, SNL; diabetic neuropathy) and what lies below them
    rows = _json(runner, "studies", "--model", "neuropathic pain")
    ids = {r["id"] for r in rows}
    assert {"gao-2023a", "gao-2023b", "masoodifar-2021", "shiue-2019", "gama-2018"} <= ids
    assert not ids & {"amodeo-2021", "zhang-2022", "wood-2021"}  # osteoarthritis, cystitis, healthy
