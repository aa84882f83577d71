"""Paths on the hand-made fixture graph, with every expected value worked out by hand.

Fixture edges (tests/data/fixture/graph_data/fixture.yaml), studies in brackets:

    ev  -carries->   mir   [alpha]          mir  -inhibits-> pw    [alpha]
    pw  -decreases-> auto  [alpha, beta]    auto -inhibits-> micro [beta]
    micro -increases-> cyt [review]         cyt  -increases-> np   [review, hedged]
    ev  -increases-> auto  [alpha]          micro -no-change-> np  [beta]
    cyt -associated-with-> pain             exo -increases-> gfap, fs -no-change-> gfap,
    gfap -marker-of-> astro, xss -acts-on-> astro
    exo -part-of-> fs [alpha]               fs -increases-> tgf [beta; alpha inferred]
    tgf -acts-on-> astro [beta]

pw -decreases-> auto cites alpha and beta together in one sentence: one support unit.

Degrees over all edges: out(ev)=2, out(micro)=2, out(cyt)=2, out(exo)=2, out(fs)=2, all
other outs 1; in(auto)=2, in(np)=2, in(gfap)=2, in(astro)=3, all other ins 1.
"""

from __future__ import annotations

import itertools
import math

import networkx
import pytest

from msc_graph.model import Basis, Evidence, SourceKind
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.paths import count_support, find_paths
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
    # evidence: 0.5 * 0.5 * 0.5 (alpha and beta cited together: one unit) * 0.5 * 0.5 * 0.2929;
    # degrees 2*1*2*1*2*4 = 32
    expected = 0.5**5 * (1 - 0.5**0.5) * 32**-0.4
    assert math.isclose(longer.score, expected, rel_tol=1e-9)


def test_no_change_and_descriptive_edges_end_chains(network) -> None:
    search = find_paths(network, ["ev"], PAIN, max_hops=6)
    for path in search.paths:
        assert ("micro", "np") not in zip(path.nodes, path.nodes[1:], strict=False)  # no-change edge
        assert path.nodes[-1] != "pain"  # only reachable through associated-with
    # fs -no-change-> gfap is no chain; fs reaches gfap only through its exosomes
    assert [p.nodes for p in find_paths(network, ["fs"], ["gfap"]).paths] == [("fs", "exo", "gfap")]
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


def test_part_of_is_walked_from_the_whole_to_its_part_only(network) -> None:
    # exo -part-of-> fs: the medium does what its exosomes do (fs has-part exo -> gfap) ...
    down = find_paths(network, ["fs"], ["gfap"])
    assert [p.nodes for p in down.paths] == [("fs", "exo", "gfap")]
    (path,) = down.paths
    assert path.hops[0].reversed and path.hops[0].predicate == "part-of"
    assert (path.hops[0].subject, path.hops[0].object) == ("fs", "exo")  # the chain's direction
    # has-part +1, increases +1; evidence 0.5 * 0.5 (alpha each);
    # degrees: the part-of edge is exo -> fs, out(exo)=2 * in(fs)=1; then out(exo)=2 * in(gfap)=2
    assert path.net_sign == 1
    assert math.isclose(path.score, 0.5 * 0.5 * (2 * 1) ** -0.4 * (2 * 2) ** -0.4, rel_tol=1e-9)
    # ... and the exosomes never take the whole medium's effects (no exo -> fs -> tgf)
    assert find_paths(network, ["exo", "ev"], ["tgf"]).paths == []


def test_acts_on_leaves_the_net_sign_unknown_and_the_chain_ranks_below_signed_ones(network) -> None:
    search = find_paths(network, ["fs"], ["astro", "gfap"])
    assert [p.nodes for p in search.paths] == [("fs", "exo", "gfap"), ("fs", "tgf", "astro")]
    signed, unknown = search.paths
    assert signed.net_sign == 1 and unknown.net_sign is None  # +1, then acts-on: direction unstated
    # fs -> tgf: beta stated (1) + alpha inferred (0.25): n = 1.25, 1 - 0.5**1.25 = 0.5796;
    # tgf -> astro: beta stated, 0.5; degrees out(fs)=2 * in(tgf)=1, out(tgf)=1 * in(astro)=3
    expected = (1 - 0.5**1.25) * 0.5 * (2 * 1) ** -0.4 * (1 * 3) ** -0.4
    assert math.isclose(unknown.score, expected, rel_tol=1e-9)
    # 0.1213 beats the signed chain's 0.25 * 8**-0.4 = 0.1088, yet the unknown sign ranks it below
    assert unknown.score > signed.score
    assert find_paths(network, ["fs"], ["astro"], sign=1).paths == []
    assert find_paths(network, ["fs"], ["astro"], sign=-1).paths == []


def test_basis_filter_keeps_only_stated_evidence(network) -> None:
    stated = EvidenceFilter(basis=frozenset({Basis.STATED}))
    (path,) = find_paths(network, ["fs"], ["tgf"], evidence_filter=stated).paths
    assert [e.study for e in path.hops[0].evidence] == ["beta-2021"]
    assert math.isclose(path.score, 0.5 * 2**-0.4, rel_tol=1e-9)  # n = 1 once the inference is gone
    inferred = EvidenceFilter(basis=frozenset({Basis.INFERRED}))
    (only,) = find_paths(network, ["fs"], ["tgf"], evidence_filter=inferred).paths
    assert [e.basis for e in only.hops[0].evidence] == [Basis.INFERRED]
    assert math.isclose(only.score, (1 - 0.5**0.25) * 2**-0.4, rel_tol=1e-9)


def _evidence(study: str, place: str, basis: Basis = Basis.STATED) -> Evidence:
    return Evidence(study, "review", SourceKind.PROSE, place, f"quote {place}", basis)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # two studies cited in one sentence are one unit
        ([_evidence("a", "1"), _evidence("b", "1")], 1.0),
        # ... unless each also has a finding of its own
        ([_evidence("a", "1"), _evidence("b", "1"), _evidence("a", "2"), _evidence("b", "3")], 2.0),
        # a alone elsewhere, b only ever cited beside a: b joins a's unit ("Gao et al., 2023a,b")
        ([_evidence("a", "1"), _evidence("b", "1"), _evidence("a", "2")], 1.0),
        # each of three studies alone, and all three in one sentence: three units
        ([_evidence(s, s) for s in "abc"] + [_evidence(s, "all") for s in "abc"], 3.0),
        # b only beside a, later beside c: it joins one of them and never merges a with c
        (
            [
                _evidence("a", "1"),
                _evidence("c", "2"),
                _evidence("a", "3"),
                _evidence("b", "3"),
                _evidence("b", "4"),
                _evidence("c", "4"),
            ],
            2.0,
        ),
        # a unit weighs as its best basis: hedged 0.5 and inferred 0.25 give way to stated
        ([_evidence("a", "1", Basis.HEDGED), _evidence("a", "2")], 1.0),
        ([_evidence("a", "1", Basis.HEDGED), _evidence("b", "2", Basis.INFERRED)], 0.75),
        # b and c only ever cited together (twice): a, {b, c}
        (
            [
                _evidence("a", "1"),
                _evidence("b", "2"),
                _evidence("c", "2"),
                _evidence("b", "3"),
                _evidence("c", "3"),
            ],
            2.0,
        ),
        ([], 0.0),
    ],
)
def test_support_counts_units_weighted_by_their_best_basis(records, expected) -> None:
    assert count_support(records) == expected
