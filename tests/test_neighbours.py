"""`mscgraph neighbours`: what acts on an entity, directly or through its markers, processes and subtypes.

A toy model worked out by hand, then the curated answer to "which secretome
factors act on microglia?", whose expectations are read from Ferrini et al.
2025 (Table 1 rows and the prose naming Iba1/CD68 microglial markers).
"""

from __future__ import annotations

import json

import pytest

from msc_graph.cli import cli
from msc_graph.model import Assertion, Entity, EntityType, Evidence, GraphModel, Sign, SourceKind
from msc_graph.query.neighbours import Reach, describe_route, find_routes, iter_neighbours

from .test_cli import _check_shape

# ---------------------------------------------------------------------------------------------
# a toy model: glia (cell) with a subtype micro; marker m marks micro; process act happens in micro


def _edge(subject: str, predicate: str, obj: str, sign: Sign | None = None) -> Assertion:
    evidence = Evidence("s", "r", SourceKind.PROSE, "¶1", f"{subject} {predicate} {obj}")
    return Assertion(f"{subject}--{predicate}--{obj}", subject, predicate, obj, sign, (evidence,))


def _toy() -> GraphModel:
    kinds = {
        "glia": EntityType.CELL_TYPE,
        "micro": EntityType.CELL_TYPE,
        "m": EntityType.MARKER,
        "act": EntityType.PROCESS,
        "ev": EntityType.SECRETOME_COMPONENT,
        "cyt": EntityType.CYTOKINE,
        "pain": EntityType.PHENOTYPE,
    }
    entities = {ident: Entity(ident, ident, kind) for ident, kind in kinds.items()}
    entities["micro"] = Entity("micro", "micro", EntityType.CELL_TYPE, is_a=("glia",))
    entities["act"] = Entity("act", "act", EntityType.PROCESS, occurs_in=("micro",))
    assertions = (
        _edge("m", "marker-of", "micro"),
        _edge("ev", "decreases", "m", Sign.DECREASES),
        _edge("ev", "inhibits", "act", Sign.DECREASES),
        _edge("act", "increases", "cyt", Sign.INCREASES),
        _edge("cyt", "increases", "pain", Sign.INCREASES),  # two hops away: no neighbour of glia
        _edge("ev", "acts-on", "glia"),
    )
    return GraphModel(entities=entities, studies={}, assertions=assertions)


def test_routes_walk_subtypes_then_their_markers_and_processes() -> None:
    routes = find_routes(_toy(), "glia")
    assert routes == {
        "glia": (),
        "micro": ((Reach.SUBTYPE, "micro"),),
        "m": ((Reach.SUBTYPE, "micro"), (Reach.MARKER, "m")),
        "act": ((Reach.SUBTYPE, "micro"), (Reach.PROCESS, "act")),
    }


def test_each_edge_once_in_before_out_nearest_route_first() -> None:
    model = _toy()
    rows = [
        (row.direction, describe_route(model, row.route), row.assertion.id)
        for row in iter_neighbours(model, "glia")
    ]
    # m marker-of micro joins two members: listed once, as an edge into micro; cyt → pain touches
    # no member; act → cyt leaves the neighbourhood
    assert rows == [
        ("in", "direct", "ev--acts-on--glia"),
        ("in", "via subtype micro", "m--marker-of--micro"),
        ("in", "via subtype micro, marker m", "ev--decreases--m"),
        ("in", "via subtype micro, process act", "ev--inhibits--act"),
        ("out", "via subtype micro, process act", "act--increases--cyt"),
    ]
    assert [r.assertion.id for r in iter_neighbours(model, "micro", "out")] == ["act--increases--cyt"]
    decreasing = iter_neighbours(model, "micro", "in", predicates={"decreases", "inhibits"})
    assert [(r.assertion.id, r.assertion.sign) for r in decreasing] == [
        ("ev--decreases--m", Sign.DECREASES),
        ("ev--inhibits--act", Sign.DECREASES),
    ]


# ---------------------------------------------------------------------------------------------
# the curated graph: which secretome factors act on microglia?


def _rows(runner, *args: str) -> dict:
    result = runner.invoke(cli, ["neighbours", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _keys(payload: dict) -> set[tuple[str, str, str, str, int | None]]:
    return {
        (r["direction"], r["via"], r["subject"]["label"], r["predicate"], r["sign"])
        for r in payload["neighbours"]
    }


def test_microglia_are_reached_through_iba1_cd68_and_microglial_activation(runner, real_project) -> None:
    keys = _keys(_rows(runner, "microglia", "--direction", "in"))
    # Ferrini Table 1: ↓ IBA1 for EVs (rows 2, 7) and the full secretome (row 4); ↓ CD68 for the
    # full secretome (row 1) and EVs (row 9); the prose names Iba1/CD68 microglial markers
    assert {
        ("in", "via marker IBA1", "extracellular vesicles", "decreases", -1),
        ("in", "via marker IBA1", "full secretome", "decreases", -1),
        ("in", "via marker CD68", "full secretome", "decreases", -1),
        ("in", "via marker CD68", "extracellular vesicles", "decreases", -1),
    } <= keys
    # Gao 2023a's title: EVs "restrain microglial activation"; the prose: the secretome does too
    assert {
        ("in", "via process microglial activation", "extracellular vesicles", "inhibits", -1),
        ("in", "via process microglial activation", "MSC secretome", "inhibits", -1),
    } <= keys
    # the only edges to microglia themselves: "acts on" (no sign) and the two marker statements
    direct = {k for k in keys if k[1] == "direct"}
    assert direct == {
        ("in", "direct", "MSC secretome", "acts-on", None),
        ("in", "direct", "microRNAs", "acts-on", None),
        ("in", "direct", "IBA1", "marker-of", None),
        ("in", "direct", "CD68", "marker-of", None),
    }


def test_the_direction_filter_splits_the_rows(runner, real_project) -> None:
    into = _rows(runner, "microglia", "--direction", "in")["neighbours"]
    out = _rows(runner, "microglia", "--direction", "out")["neighbours"]
    both = _rows(runner, "microglia")["neighbours"]
    assert into and out
    assert {r["direction"] for r in into} == {"in"} and {r["direction"] for r in out} == {"out"}
    assert [r["id"] for r in both] == [r["id"] for r in into + out]
    # out: what microglia do, e.g. activated microglia are "the major source of inflammatory cytokines"
    assert ("microglial activation", "increases", "pro-inflammatory cytokines") in {
        (r["subject"]["label"], r["predicate"], r["object"]["label"]) for r in out
    }
    # an edge between two members (IBA1 marker of microglia) is not an edge out of IBA1
    assert "marker-of" not in {r["predicate"] for r in out}


def test_the_predicate_filter_keeps_only_those_predicates(runner, real_project) -> None:
    rows = _rows(runner, "microglia", "--predicate", "decreases")["neighbours"]
    assert rows and {r["predicate"] for r in rows} == {"decreases"}
    assert {r["via"] for r in rows} >= {"via marker IBA1", "via marker CD68"}
    assert _rows(runner, "microglia", "--predicate", "decreases")["predicates"] == ["decreases"]
    bad = runner.invoke(cli, ["neighbours", "microglia", "--predicate", "lowers"])
    assert bad.exit_code == 2 and "lowers" in bad.output


def test_a_context_filter_narrows_evidence_but_keeps_the_route(runner, real_project) -> None:
    # Evangelista et al., 2018 (Table 1 row 4): full secretome, ↓ IBA1; the sentence that makes
    # IBA1 a microglial marker is Ferrini's own, which --study drops, but the route stays
    payload = _rows(runner, "microglia", "--study", "Evangelista et al., 2018")
    keys = {(r["via"], r["subject"]["label"], r["object"]["label"]) for r in payload["neighbours"]}
    assert ("via marker IBA1", "full secretome", "IBA1") in keys
    assert {e["study"] for r in payload["neighbours"] for e in r["evidence"]} == {"evangelista-2018"}
    assert payload["filters"] == {"studies": ["evangelista-2018"]}


def test_subtypes_lead_to_their_markers_and_processes(runner, real_project) -> None:
    keys = {
        (r["via"], r["subject"]["label"], r["object"]["label"])
        for r in _rows(runner, "glial cells", "--direction", "in")["neighbours"]
    }
    # microglia and astrocytes are both glial cells (is-a); GFAP marks astrocytes
    assert {
        ("via subtype microglia", "MSC secretome", "microglia"),
        ("via subtype microglia, marker IBA1", "full secretome", "IBA1"),
        (
            "via subtype microglia, process microglial activation",
            "extracellular vesicles",
            "microglial activation",
        ),
        ("via subtype astrocytes, marker GFAP", "full secretome", "GFAP"),
    } <= keys


def test_unknown_entity_exits_2_with_suggestions(runner, real_project) -> None:
    result = runner.invoke(cli, ["neighbours", "microglis"])
    assert result.exit_code == 2
    assert "unknown entity 'microglis'" in result.output and "microglia (microglia)" in result.output
    assert "Traceback" not in result.output


def test_json_shape_and_the_american_spelling(runner, real_project) -> None:
    from msc_graph.query.neighbours import NeighboursPayload

    payload = _rows(runner, "microglia")
    _check_shape(payload, NeighboursPayload, "neighbours microglia")
    assert payload["entity"] == {"id": "microglia", "label": "microglia", "type": "cell-type"}
    row = next(r for r in payload["neighbours"] if r["via"] == "via marker IBA1")
    assert row["route"] == [
        {"relation": "marker", "entity": {"id": "iba1", "label": "IBA1", "type": "marker"}}
    ]
    assert row["evidence"][0]["quote"] and row["evidence"][0]["basis"] in {"stated", "hedged", "inferred"}
    american = runner.invoke(cli, ["neighbors", "microglia", "-f", "json"])
    assert american.exit_code == 0 and json.loads(american.stdout) == payload


def test_tsv_has_one_line_per_piece_of_evidence(runner, real_project) -> None:
    payload = _rows(runner, "microglia")
    result = runner.invoke(cli, ["neighbours", "microglia", "-f", "tsv"])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:6] == ["direction", "via", "subject", "predicate", "object", "sign"]
    assert len(lines) - 1 == sum(len(r["evidence"]) for r in payload["neighbours"])
    text = runner.invoke(cli, ["neighbours", "microglia"]).stdout
    assert "in, via marker IBA1:" in text and "full secretome —decreases→ IBA1  ↓" in text


@pytest.mark.parametrize("entity", ["microglia", "glial cells"])
def test_the_named_query_agrees_with_the_command(entity: str, runner, real_project) -> None:
    from msc_graph.query.sparql import find_named_query, resolve_parameter
    from msc_graph.query.sparql.engine import run_query
    from msc_graph.views import open_graph

    views = open_graph(real_project)
    text = find_named_query("neighbours").bind({"entity": entity}, views.prefixes, resolve_parameter(views))
    records = run_query(views.store, text, views.prefixes).records()
    from_sparql = {(r["direction"], r["via"], r["subject"], r["predicate"], r["object"]) for r in records}
    payload = _rows(runner, entity)
    from_command = {
        (r["direction"], r["via"], r["subject"]["label"], r["predicate"], r["object"]["label"])
        for r in payload["neighbours"]
    }
    assert from_sparql == from_command
    # and on the evidence: one SPARQL row per evidence record
    assert len(records) == sum(len(r["evidence"]) for r in payload["neighbours"])


def test_an_unknown_direction_is_refused() -> None:
    from msc_graph.errors import UsageError

    with pytest.raises(UsageError, match="unknown direction 'sideways'"):
        list(iter_neighbours(_toy(), "glia", "sideways"))
