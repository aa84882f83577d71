"""Analysis commands: contradictions, compare, gaps, and the named queries that mirror them.

Expected groups, fields, counts and ranks are worked out by hand from
tests/data/fixture/graph_data/fixture.yaml (the shared fixture, not edited
here) and tests/data/analysis/graph_data/analysis.yaml (this module's own
cases: markers, is-a objects, within-study differences, a pain model).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project

from .conftest import DATA, ROOT, copy_project

ANALYSIS = DATA / "analysis"
FORMATS = ["text", "json", "tsv", "html"]


@pytest.fixture()
def analysis_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A copy of this module's hand-made graph, with its own seed text and cache."""
    return copy_project(ANALYSIS, tmp_path, monkeypatch)


def _json(runner, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _sides(group: dict[str, Any]) -> list[tuple[int, list[str]]]:
    return [(side["sign"], side["studies"]) for side in group["sides"]]


# ---------------------------------------------------------------------------------------------
# contradictions: the shared fixture


def test_fixture_has_one_group_with_the_fields_worked_out_by_hand(runner, fixture_project) -> None:
    report = _json(runner, "contradictions")
    # Signed assertions of fixture.yaml that disagree: only "exo increases gfap" (+1, alpha-2020)
    # and "fs no-change gfap" (0, beta-2021). Their subjects are two secretome preparations
    # (comparable, match "preparation"), the object is the same. Every other disagreeing pair has
    # incomparable subjects (pw ↓ auto vs ev ↑ auto: a pathway and a preparation; cyt ↑ np vs
    # micro - np: a cytokine and a process). So one group, the higher sign on the left.
    assert [g["id"] for g in report["groups"]] == ["exo+fs--gfap--increases-vs-no-change"]
    group = report["groups"][0]
    assert group["conflict"] == "change vs no change" and group["basis"] == "stated"
    assert _sides(group) == [(1, ["alpha-2020"]), (0, ["beta-2021"])]
    # alpha's evidence uses context healthy-mouse: species mouse, healthy, preparation exo, ex vivo.
    # beta's states species rat and preparation fs only.
    #   species      mouse vs rat          → differs
    #   preparation  exo vs fs (exo is-a ev, fs unrelated) → differs
    #   disease_state healthy vs unstated, setting ex-vivo vs unstated → unstated
    #   strain, msc_source, route, disease_model: stated by neither → unstated
    # One pair only, so "always differing" equals "differing" and nothing agrees.
    assert group["fields"] == {
        "differing": ["species", "preparation"],
        "always_differing": ["species", "preparation"],
        "agreeing": [],
        "unstated": ["strain", "msc_source", "route", "disease_model", "disease_state", "setting"],
    }
    (pair,) = group["pairs"]
    assert (pair["left"], pair["right"]) == ("exo--increases--gfap-1", "fs--no-change--gfap-1")
    assert pair["subject_match"] == "preparation" and pair["object_match"] == "same"
    assert pair["differing"] == {
        "species": ["mouse", "rat"],
        "preparation": ["exosomes", "conditioned medium"],
    }
    # Both sides carry their evidence, keyed as the pairs refer to it.
    left_evidence = group["sides"][0]["assertions"][0]["evidence"][0]
    assert left_evidence["key"] == "exo--increases--gfap-1"
    assert left_evidence["quote"] == "exosomes raised GFAP in healthy mice"
    # No study of the fixture has two comparable claims, so nothing within one study.
    assert report["within_study"] == []


def test_about_narrows_contradictions_to_an_entity(runner, fixture_project) -> None:
    assert len(_json(runner, "contradictions", "--about", "GFAP")["groups"]) == 1
    assert _json(runner, "contradictions", "--about", "autophagy")["groups"] == []


# ---------------------------------------------------------------------------------------------
# contradictions: this module's fixture (is-a objects, markers, within-study differences)


def test_is_a_objects_and_marker_objects_form_groups(runner, analysis_project) -> None:
    report = _json(runner, "contradictions")
    groups = {g["id"]: g for g in report["groups"]}
    # Group 1: cm ↑ glial activation (delta) against exo ↓ and cm ↓ microglial activation
    # (epsilon, table and prose); microglial activation is-a glial activation.
    # Group 2: ves ↓ marker one (epsilon) against cm ↑ marker two (delta): both mark microglia.
    # gamma's ↑ and ↓ factor Y come from one study only, so they form no group.
    assert sorted(groups) == [
        "cm+exo--glia+micro--increases-vs-decreases",
        "cm+ves--m1+m2--increases-vs-decreases",
    ]
    glia = groups["cm+exo--glia+micro--increases-vs-decreases"]
    assert _sides(glia) == [(1, ["delta-2020"]), (-1, ["epsilon-2021"])]
    assert {p["object_match"] for p in glia["pairs"]} == {"is-a"}
    # delta: mouse, healthy, canine adipose MSCs, cm, ex vivo.
    # epsilon table: rat, cci, human bone marrow MSCs, exo, in vivo → species, source, preparation,
    #   disease state and setting differ.
    # epsilon prose: cci and cm only → preparation agrees (cm = cm), disease state differs
    #   (healthy vs disease model), the rest unstated.
    # So preparation differs in one pair of two: "differing" but not "always differing".
    assert glia["fields"] == {
        "differing": ["species", "msc_source", "preparation", "disease_state", "setting"],
        "always_differing": ["species", "msc_source", "disease_state", "setting"],
        "agreeing": [],
        "unstated": ["strain", "route", "disease_model"],
    }
    markers = groups["cm+ves--m1+m2--increases-vs-decreases"]
    assert [p["object_match"] for p in markers["pairs"]] == ["marker"]
    assert markers["pairs"][0]["differing"]["msc_source"] == ["canine adipose MSCs", "human bone marrow MSCs"]


def test_differences_within_one_study_have_their_own_section(runner, analysis_project) -> None:
    report = _json(runner, "contradictions")
    for group in report["groups"]:
        assert all(p["left_study"] != p["right_study"] for p in group["pairs"])
        assert "gamma-2019" not in {s for side in group["sides"] for s in side["studies"]}
    within = {w["study"]: w["pairs"] for w in report["within_study"]}
    assert sorted(within) == ["epsilon-2021", "gamma-2019"]
    (gamma,) = within["gamma-2019"]
    assert gamma["kind"] == "opposite-signs"
    assert (gamma["left_claim"], gamma["right_claim"]) == ("vesicles ↑ factor Y", "vesicles ↓ factor Y")
    (epsilon,) = within["epsilon-2021"]
    # Table 1 says exosomes, the prose says conditioned medium, for the same claim.
    assert epsilon["kind"] == "context-differs"
    assert epsilon["differing"] == {"preparation": ["exosomes", "conditioned medium"]}
    assert {epsilon["left_evidence"]["locator"], epsilon["right_evidence"]["locator"]} == {
        "Table 1, row 2",
        "¶3",
    }


# ---------------------------------------------------------------------------------------------
# contradictions: the real curated graph


def _gfap_group(report: dict[str, Any], left_sign: int, right_sign: int) -> dict[str, Any]:
    found = [
        g
        for g in report["groups"]
        if [o["id"] for o in g["objects"]] == ["gfap"]
        and [s["sign"] for s in g["sides"]] == [left_sign, right_sign]
        and {s["id"] for s in g["subjects"]}
        <= {"full-secretome", "extracellular-vesicles", "secretome", "exosomes"}
    ]
    assert len(found) == 1, [g["id"] for g in report["groups"]]
    return found[0]


def test_real_graph_wood_increase_of_gfap_against_the_decreases(runner, real_project) -> None:
    report = _json(runner, "contradictions")
    group = _gfap_group(report, 1, -1)
    (up, down) = group["sides"]
    assert up["studies"] == ["wood-2021"]
    assert {"shiue-2019", "zhang-2022"} & set(down["studies"])
    assert {"msc_source", "disease_state"} <= set(group["fields"]["differing"])
    # Pair by pair: Wood (canine adipose MSCs, healthy mouse slices) against Shiue's Table 1 row
    # (human umbilical cord MSCs, L5/6 spinal nerve ligation).
    pair = next(
        p
        for p in group["pairs"]
        if p["left_study"] == "wood-2021"
        and p["right_study"] == "shiue-2019"
        and p["right"].startswith("extracellular-vesicles")
    )
    assert pair["differing"]["msc_source"] == ["canine adipose tissue MSCs", "human umbilical cord MSCs"]
    assert pair["differing"]["disease_state"] == ["healthy", "disease model"]


def test_real_graph_cantinieux_no_change_against_table1_decreases(runner, real_project) -> None:
    report = _json(runner, "contradictions")
    group = _gfap_group(report, 0, -1)
    unchanged = group["sides"][0]
    assert unchanged["studies"] == ["cantinieux-2013"]
    cantinieux = unchanged["assertions"][0]["evidence"]
    assert [e["locator"] for e in cantinieux] == ["Table 1, row 5 (Cantinieux et al., 2013)"]
    # The other Table 1 rows that report ↓ GFAP: rows 1 (Amodeo), 2 (Zhang), 4 (Evangelista), 7 (Shiue).
    table_rows = {
        p["right_study"]
        for p in group["pairs"]
        if p["left_study"] == "cantinieux-2013" and "row" in _locator(group, p["right"])
    }
    assert table_rows == {"amodeo-2021", "zhang-2022", "evangelista-2018", "shiue-2019"}


def _locator(group: dict[str, Any], key: str) -> str:
    for side in group["sides"]:
        for assertion in side["assertions"]:
            for item in assertion["evidence"]:
                if item["key"] == key:
                    return str(item["locator"])
    raise KeyError(key)


def test_real_graph_within_study_descriptions_are_not_contradictions(runner, real_project) -> None:
    report = _json(runner, "contradictions")
    for group in report["groups"]:
        assert all(p["left_study"] != p["right_study"] for p in group["pairs"])
    within = {w["study"]: w["pairs"] for w in report["within_study"]}
    # Shiue 2019 is conditioned medium in the prose and EVs in Table 1 (row 7).
    shiue = [p for p in within["shiue-2019"] if "preparation" in p["differing"]]
    assert shiue
    assert {tuple(sorted(p["differing"]["preparation"])) for p in shiue} == {
        ("extracellular vesicles", "full secretome")
    }


# ---------------------------------------------------------------------------------------------
# compare


def _cells(payload: dict[str, Any]) -> dict[str, dict[str, int]]:
    labels = [c["label"] for c in payload["columns"]]
    return {
        row["effect"]: {
            label: cell["count"] for label, cell in zip(labels, row["cells"], strict=True) if cell["count"]
        }
        for row in payload["rows"]
    }


def test_compare_gfap_by_species(runner, fixture_project) -> None:
    payload = _json(runner, "compare", "GFAP", "--by", "species")
    # fs - gfap: beta-2021 in rat; exo ↑ gfap: alpha-2020 in (healthy) mice. One study each, so rows
    # sort by label (conditioned medium < exosomes) and columns by label (mouse < rat).
    assert [c["label"] for c in payload["columns"]] == ["mouse", "rat"]
    assert _cells(payload) == {"conditioned medium - GFAP": {"rat": 1}, "exosomes ↑ GFAP": {"mouse": 1}}
    assert [r["total"] for r in payload["rows"]] == [1, 1]


def test_compare_counts_distinct_studies_and_unstated_contexts(runner, fixture_project) -> None:
    payload = _json(runner, "compare", "autophagy", "--by", "preparation")
    # pw ↓ auto: one evidence naming alpha-2020 and beta-2021, species rat only, and a pathway
    #   subject names no preparation → 2 studies, unstated.
    # auto ↓ micro: beta-2021, species mouse only → 1, unstated.
    # ev ↑ auto: alpha-2020, context rat-cci (preparation ev) → 1 under vesicles.
    # Columns: vesicles (1 study), then unstated (2 studies) last, as always.
    assert [c["key"] for c in payload["columns"]] == ["ev", None]
    assert _cells(payload) == {
        "the pathway ↓ autophagy": {"(unstated)": 2},
        "autophagy ↓ microglial activation": {"(unstated)": 1},
        "vesicles ↑ autophagy": {"vesicles": 1},
    }
    assert payload["rows"][0]["cells"][1]["studies"] == ["alpha-2020", "beta-2021"]


def test_compare_includes_narrower_entities_and_healthy_tissue(runner, fixture_project) -> None:
    payload = _json(runner, "compare", "vesicles", "--by", "model")
    # "vesicles" includes exosomes (is-a); ev carries mir is not signed, so two rows.
    assert [e["id"] for e in payload["includes"]] == ["ev", "exo"]
    assert _cells(payload) == {
        "exosomes ↑ GFAP": {"(healthy tissue)": 1},
        "vesicles ↑ autophagy": {"chronic constriction injury": 1},
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_renders_every_format(runner, fixture_project, fmt: str) -> None:
    result = runner.invoke(cli, ["compare", "GFAP", "--by", "source", "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        json.loads(result.output)
    elif fmt == "tsv":
        assert result.output.splitlines()[0].split("\t")[0] == "effect"


def test_compare_heat_map_is_self_contained_and_escaped(runner, analysis_project, tmp_path: Path) -> None:
    target = tmp_path / "out" / "heat.html"
    result = runner.invoke(
        cli, ["compare", "glial activation", "--by", "source", "-f", "html", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # The entity labelled <b>"odd" & co</b> is text, never markup.
    assert "&lt;b&gt;&quot;odd&quot; &amp; co&lt;/b&gt;" in page
    assert '<b>"odd"' not in page
    for external in ("<script", "<link", "src=", "href=", "http://", "https://", "url("):
        assert external not in page
    # One non-empty cell per effect: odd ↑ glia and cm ↑ glia (delta: canine adipose MSCs),
    # exo ↓ micro and f1 ↓ micro (epsilon table: human bone marrow MSCs), cm ↓ micro (prose: unstated).
    assert page.count("<td class=n title=") == 5


# ---------------------------------------------------------------------------------------------
# gaps


def test_gaps_on_the_fixture_worked_out_by_hand(runner, fixture_project) -> None:
    gaps = _json(runner, "gaps")
    # effect-one-preparation: families ev (with exo) and fs. ev ↑ autophagy (alpha); fs never
    #   touches autophagy → 1 gap. fs ↑ TGF-beta (beta, stated; alpha's record is inferred and
    #   does not count); ev never touches TGF-beta → 1 gap. GFAP is touched by both (exo ↑, fs -).
    # effect-one-species (↑/↓, stated, one stated species; the graph has rat and mouse):
    #   mir ↓ pw (rat), pw ↓ auto (rat; alpha and beta → score 2), auto ↓ micro (mouse),
    #   ev ↑ auto (rat), exo ↑ gfap (mouse) → 5 gaps. (micro ↑ cyt states no species; cyt ↑ np is
    #   hedged; the two no-change claims are not effects.)
    # model-one-study: chronic constriction injury, alpha-2020 only (3 pieces of evidence) → 1.
    # factor-untested-in-pain-model: no disease model is model-of pain here → 0.
    # Rank: score 2 first, then score 1 by kind (preparation, species, model), then question text.
    assert [(g["rank"], g["score"], g["kind"]) for g in gaps] == [
        (1, 2.0, "effect-one-species"),
        (2, 1.0, "effect-one-preparation"),
        (3, 1.0, "effect-one-preparation"),
        (4, 1.0, "effect-one-species"),
        (5, 1.0, "effect-one-species"),
        (6, 1.0, "effect-one-species"),
        (7, 1.0, "effect-one-species"),
        (8, 1.0, "model-one-study"),
    ]
    assert gaps[0]["question"] == (
        "Would the pathway also decrease autophagy in mouse, as in rat "
        "(Alpha et al., 2020; Beta et al., 2021)?"
    )
    assert gaps[1]["question"] == (
        "Would conditioned medium also increase autophagy, as shown for vesicles (Alpha et al., 2020)?"
    )
    assert [u["id"] for u in gaps[1]["untested"]] == ["fs"]
    assert [e["quote"] for e in gaps[1]["evidence"]] == ["Vesicles promote autophagy directly"]
    assert gaps[2]["question"] == (
        "Would vesicles also increase TGF-beta, as shown for conditioned medium (Beta et al., 2021)?"
    )
    model_gap = gaps[7]
    assert [e["id"] for e in model_gap["entities"]] == ["cci"]
    assert len(model_gap["evidence"]) == 3
    for gap in gaps:
        assert gap["question"].startswith("Would ") and gap["question"].endswith("?")


def test_gap_for_a_factor_untested_in_a_pain_model(runner, analysis_project) -> None:
    gaps = _json(runner, "gaps", "--kind", "factor-untested-in-pain-model")
    # cci model-of neuropathic pain (below pain) → cci is a pain model. cm carries factor one
    # (delta-2020) and was tested in cci (epsilon-2021 prose); factor one's only claim in cci is
    # hedged → a gap. Score: delta 1 (stated carriage) + epsilon 0.5 (hedged only) = 1.5.
    (gap,) = gaps
    assert gap["score"] == 1.5
    assert [e["id"] for e in gap["entities"]] == ["f1", "cm"]
    assert [u["id"] for u in gap["untested"]] == ["cci"]
    assert [e["study"] for e in gap["evidence"]] == ["delta-2020", "epsilon-2021"]


def test_gaps_kind_and_limit(runner, fixture_project) -> None:
    assert [g["kind"] for g in _json(runner, "gaps", "--kind", "model-one-study")] == ["model-one-study"]
    assert [g["rank"] for g in _json(runner, "gaps", "--limit", "2")] == [1, 2]


@pytest.mark.parametrize("fmt", ["text", "json", "tsv"])
def test_gaps_render_every_format(runner, fixture_project, fmt: str) -> None:
    result = runner.invoke(cli, ["gaps", "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(result.output)) == 8
    elif fmt == "tsv":
        assert len(result.output.strip().splitlines()) == 9


# ---------------------------------------------------------------------------------------------
# every format of contradictions, file output


@pytest.mark.parametrize("fmt", FORMATS)
def test_contradictions_render_every_format(runner, analysis_project, fmt: str) -> None:
    result = runner.invoke(cli, ["contradictions", "-f", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert set(json.loads(result.output)) == {"groups", "within_study"}
    elif fmt == "tsv":
        rows = [line.split("\t") for line in result.output.strip().splitlines()]
        assert [row[0] for row in rows[1:]] == ["between-studies"] * 2 + ["within-study"] * 2
    elif fmt == "html":
        assert result.output.startswith("<!DOCTYPE html>")
        for external in ("<script", "<link", "src=", "href=", "http://", "https://"):
            assert external not in result.output


def test_output_file_keeps_stdout_clean(runner, fixture_project, tmp_path: Path) -> None:
    target = tmp_path / "contradictions.json"
    result = runner.invoke(cli, ["contradictions", "-f", "json", "-o", str(target)])
    assert result.exit_code == 0
    assert "wrote" not in result.stdout
    assert json.loads(target.read_text(encoding="utf-8"))["groups"]


# ---------------------------------------------------------------------------------------------
# named queries that mirror the analyses


MY_QUERIES = [
    "contradictions-by-context",
    "models-with-one-study",
    "effects-in-one-species",
    "effects-one-preparation",
]


@pytest.mark.parametrize("name", MY_QUERIES)
def test_named_queries_parse_and_run_on_the_fixture(fixture_project, name: str) -> None:
    from msc_graph.query.sparql import find_named_query, run_query
    from msc_graph.views import open_graph

    views = open_graph(fixture_project)
    query = find_named_query(name)
    assert query.title and query.description
    records = run_query(views.store, query.bind(), views.prefixes).records()
    if name == "contradictions-by-context":
        # the one pair the contradictions command finds: exo ↑ GFAP (alpha) vs fs - GFAP (beta)
        assert [(r["subject_1"], r["study_1"], r["subject_2"], r["study_2"]) for r in records] == [
            ("exosomes", "Alpha et al., 2020", "conditioned medium", "Beta et al., 2021")
        ]
        assert (records[0]["species_1"], records[0]["species_2"]) == ("mouse", "rat")
    elif name == "models-with-one-study":
        assert [(r["model"], r["study"], r["evidence_count"]) for r in records] == [
            ("chronic constriction injury", "alpha-2020", "3")
        ]
    elif name == "effects-in-one-species":
        assert len(records) == 5  # as the effect-one-species gaps
    else:
        # defaults: shown "extracellular vesicles" (ev's synonym), missing "full secretome" (fs's):
        # ev ↑ autophagy, and fs touches nothing is-a related to autophagy; exo ↑ GFAP is left out
        # because fs - GFAP touches GFAP. The reverse (by id): fs - GFAP is a no-change, and
        # fs ↑ TGF-beta (beta stated; alpha's inferred record does not count) is untouched by ev.
        assert [(r["target"], r["preparation"]) for r in records] == [("autophagy", "vesicles")]
        reverse = query.bind({"shown": "fs", "missing": "ev"})
        assert [
            (r["target"], r["preparation"], r["studies"])
            for r in run_query(views.store, reverse, views.prefixes).records()
        ] == [("TGF-beta", "conditioned medium", "1")]


def test_contradictions_query_finds_the_gfap_disagreement_on_the_real_graph(real_project) -> None:
    from msc_graph.query.sparql import find_named_query, run_query
    from msc_graph.views import open_graph

    views = open_graph(real_project)
    records = run_query(
        views.store, find_named_query("contradictions-by-context").bind(), views.prefixes
    ).records()
    wood = {r["study_2"] for r in records if r["study_1"] == "Wood et al., 2021" and r["object_1"] == "GFAP"}
    assert {"Shiue et al., 2019", "Zhang et al., 2022", "Cantinieux et al., 2013"} <= wood


# ---------------------------------------------------------------------------------------------
# module hygiene


@pytest.mark.parametrize("module", ["contradictions", "contradiction_payloads", "compare", "gaps"])
def test_analysis_modules_import_only_model_level_modules(module: str) -> None:
    # the model, the evidence filters and JSON shapes, and each other: no views, SPARQL, HTML or CLI
    allowed = {
        "config",
        "errors",
        "model",
        "model.records",
        "model.names",
        "model.vocabulary",
        "query.filters",
        "query.payloads",
        "analysis.contradictions",
    }
    tree = ast.parse((ROOT / "src" / "msc_graph" / "analysis" / f"{module}.py").read_text(encoding="utf-8"))
    imported = {
        node.module.removeprefix("msc_graph.")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("msc_graph.")
    }
    assert imported <= allowed, imported - allowed


def test_gaps_basis_stated_drops_the_evidence_of_other_bases(runner, analysis_project) -> None:
    # factor one's only claim in cci is hedged (epsilon): with --basis stated that record is gone,
    # so the gap rests on delta's stated carriage alone: score 1 instead of 1 + 0.5.
    (gap,) = _json(runner, "gaps", "--kind", "factor-untested-in-pain-model", "--basis", "stated")
    assert gap["score"] == 1.0
    assert [e["study"] for e in gap["evidence"]] == ["delta-2020"]
    assert all(e["basis"] == "stated" for e in gap["evidence"])
