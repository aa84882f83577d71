"""Paths on the hand-made fixture graph, with every expected value worked out by hand.

Fixture edges (tests/data/fixture/graph_data/fixture.yaml), studies in brackets:

    ev  -carries->   mir   [alpha]          mir  -inhibits-> pw    [alpha]
    pw  -decreases-> auto  [alpha, beta]    auto -inhibits-> micro [beta]
    micro -increases-> cyt [review]         cyt  -increases-> np   [review, hedged]
    ev  -increases-> auto  [alpha]          micro -no-change-> np  [beta]
    cyt -associated-with-> pain             exo -increases-> gfap, fs -no-change-> gfap,
    gfap -marker-of-> astro, xss -acts-on-> astro

Degrees over all edges: out(ev)=2, out(micro)=2, out(cyt)=2, all other outs 1;
in(auto)=2, in(np)=2, all other ins on these chains 1.
"""

from __future__ import annotations

import itertools
import math

import networkx
import pytest

from msc_graph.filters import EvidenceFilter
from msc_graph.paths import find_paths
from msc_graph.views import open_graph

PAIN = ["pain", "np"]  # "pain" expanded through is-a


@pytest.fixture()
def network(fixture_project):
    return open_graph(fixture_project).network


def test_default_bounds_find_the_four_hop_chain_with_its_hand_computed_score(network) -> None:
    search = find_paths(network, ["ev", "exo"], PAIN)
    assert [p.nodes for p in search.paths] == [("ev", "auto", "micro", "cyt", "np")]
    path = search.paths[0]
    # signs: increases +1, inhibits -1, increases +1, increases +1 -> -1
    assert path.net_sign == -1
    # evidence: 0.5 (1 study) * 0.5 * 0.5 * (1 - 0.5**0.5) (1 hedged study counts 0.5)
    # degrees: (2*2) * (1*1) * (2*1) * (2*2) = 32, and 32 ** -0.4 = 0.25
    expected = 0.5 * 0.5 * 0.5 * (1 - 0.5**0.5) * 0.25
    assert math.isclose(path.score, expected, rel_tol=1e-9)
    assert search.truncated is False


def test_six_hops_add_the_microrna_chain_ranked_below(network) -> None:
    search = find_paths(network, ["ev"], PAIN, max_hops=6)
    assert [len(p.hops) for p in search.paths] == [4, 6]
    longer = search.paths[1]
    assert longer.nodes == ("ev", "mir", "pw", "auto", "micro", "cyt", "np")
    # carries passes the cargo's effect (+1); then -1 * -1 * -1 * +1 * +1 = -1
    assert longer.net_sign == -1
    # evidence: 0.5 * 0.5 * 0.75 (2 studies) * 0.5 * 0.5 * 0.2929; degrees 2*1*2*1*2*4 = 32
    expected = 0.5**4 * 0.75 * (1 - 0.5**0.5) * 32**-0.4
    assert math.isclose(longer.score, expected, rel_tol=1e-9)


def test_no_change_and_descriptive_edges_end_chains(network) -> None:
    search = find_paths(network, ["ev"], PAIN, max_hops=6)
    for path in search.paths:
        assert ("micro", "np") not in zip(path.nodes, path.nodes[1:], strict=False)  # no-change edge
        assert path.nodes[-1] != "pain"  # only reachable through associated-with
    assert find_paths(network, ["fs"], ["gfap"]).paths == []  # fs -no-change-> gfap
    assert find_paths(network, ["gfap"], ["astro"]).paths == []  # marker-of


def test_sign_filter_keeps_only_the_asked_direction(network) -> None:
    assert find_paths(network, ["ev"], PAIN, max_hops=6, sign=1).paths == []
    assert len(find_paths(network, ["ev"], PAIN, max_hops=6, sign=-1).paths) == 2
    up = find_paths(network, ["ev", "exo"], ["gfap"], sign=1)
    assert [p.nodes for p in up.paths] == [("exo", "gfap")]


def test_context_filter_drops_hops_without_matching_evidence(network) -> None:
    rat = EvidenceFilter(species=frozenset({"rat"}))
    # ev -> auto directly [rat], and ev -> mir -> pw -> auto, every hop stated in rats.
    found = find_paths(network, ["ev"], ["auto"], evidence_filter=rat)
    assert sorted(p.nodes for p in found.paths) == [("ev", "auto"), ("ev", "mir", "pw", "auto")]
    # auto -> micro is only stated in mice, so no rat chain reaches pain.
    assert find_paths(network, ["ev"], PAIN, max_hops=6, evidence_filter=rat).paths == []
    beta = EvidenceFilter(studies=frozenset({"beta-2021"}))
    only_beta = find_paths(network, ["pw"], ["micro"], evidence_filter=beta)
    assert [len(h.evidence) for h in only_beta.paths[0].hops] == [1, 1]


def test_chains_mixing_species_are_flagged(network) -> None:
    path = find_paths(network, ["ev"], PAIN).paths[0]
    # hop 1 is stated in rats only, hop 2 in mice only
    assert any(flag.startswith("mixed species: mouse, rat") for flag in path.flags)


def _dense(nodes: int) -> networkx.MultiDiGraph:
    dense = networkx.MultiDiGraph()
    for u, v in itertools.permutations(range(nodes), 2):
        dense.add_edge(str(u), str(v), "increases", evidence=(), sign=1)
    return dense


def test_bounds_hold_on_a_dense_graph() -> None:
    dense = _dense(40)  # 1,560 edges; simple paths 0 -> 39 of <= 5 hops: about 2 million
    search = find_paths(dense, ["0"], ["39"], max_hops=5, max_paths=10)
    assert len(search.paths) == 10
    assert search.truncated and "max paths" in search.reasons[0]
    assert all(len(p.hops) <= 5 for p in search.paths)
    short = find_paths(dense, ["0"], ["39"], max_hops=2, max_paths=1000)
    # exactly 1 direct edge + 38 two-hop chains through each other node
    assert len(short.paths) == 39 and not short.truncated


def test_timeout_stops_the_search_and_says_so() -> None:
    ticks = itertools.count()
    search = find_paths(
        _dense(40), ["0"], ["39"], max_paths=10_000, timeout_s=5, clock=lambda: next(ticks)
    )  # every clock read is one "second"
    assert search.truncated
    assert any(reason.startswith("timeout") for reason in search.reasons)


def test_default_bounds_on_a_dense_graph_return_and_say_they_were_cut() -> None:
    search = find_paths(_dense(40), ["0"], ["39"])  # max_hops 5, max_paths 50, timeout 10 s
    assert search.truncated and search.reasons
    assert len(search.paths) == 50
    assert search.limits == {"max_hops": 5, "max_paths": 50, "timeout_s": 10.0}
