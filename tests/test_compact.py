"""The compact network gives exactly the paths networkx gives: on the fixture and on random graphs."""

from __future__ import annotations

import random
import tempfile
from array import array
from pathlib import Path

import networkx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msc_graph.model import Basis, Context, Evidence, SourceKind
from msc_graph.model.vocabulary import PREDICATES
from msc_graph.query.filters import EvidenceFilter
from msc_graph.query.paths import compute_distances, find_paths, score_hop
from msc_graph.views import open_graph
from msc_graph.views.compact import (
    CSR_FILES,
    CompactNetwork,
    DictNetwork,
    OverlayNetwork,
    count_degrees,
    map_array,
    open_network,
    write_network,
)
from msc_graph.views.network import iter_network_edges

SLUGS = list(PREDICATES)
Edge = tuple[str, str, str, tuple[Evidence, ...]]


def _evidence(number: int) -> tuple[Evidence, ...]:
    return (
        Evidence(
            f"study-{number % 7}",
            "review",
            SourceKind.TABLE,
            f"row {number}",
            "q",
            Basis.HEDGED if number % 5 == 0 else Basis.INFERRED if number % 7 == 0 else Basis.STATED,
            context=Context(species="rat" if number % 3 else "mouse"),
        ),
    )


def _pooled(edges: list[Edge]) -> list[Edge]:
    """Return one edge per (subject, object, slug), its records' evidence joined in record order."""
    pooled: dict[tuple[str, str, str], tuple[Evidence, ...]] = {}
    for subject, obj, slug, evidence in edges:
        pooled[(subject, obj, slug)] = pooled.get((subject, obj, slug), ()) + evidence
    return [(*key, evidence) for key, evidence in pooled.items()]


def _as_networkx(nodes: list[str], edges: list[Edge]) -> networkx.MultiDiGraph:
    """The reference view: records of one (subject, object, slug) are one edge with pooled evidence."""
    network = networkx.MultiDiGraph()
    network.add_nodes_from(nodes)
    for subject, obj, slug, evidence in _pooled(edges):
        sign = PREDICATES[slug].sign
        network.add_edge(
            subject, obj, slug, predicate=slug, evidence=evidence, sign=None if sign is None else int(sign)
        )
    return network


def _as_dict_network(nodes: list[str], edges: list[Edge]) -> DictNetwork:
    def attrs(slug: str, evidence: tuple[Evidence, ...]) -> dict:
        sign = PREDICATES[slug].sign
        return {"predicate": slug, "evidence": evidence, "sign": None if sign is None else int(sign)}

    return DictNetwork(nodes, ((s, o, slug, attrs(slug, ev)) for s, o, slug, ev in _pooled(edges)))


def _as_compact(folder: Path, nodes: list[str], edges: list[Edge]) -> CompactNetwork:
    index = {node: number for number, node in enumerate(nodes)}
    subjects = array("i", (index[e[0]] for e in edges))
    objects = array("i", (index[e[1]] for e in edges))
    codes = array("B", (SLUGS.index(e[2]) for e in edges))
    folder.mkdir(parents=True, exist_ok=True)
    write_network(folder, subjects, objects, codes, len(nodes))
    return open_network(folder, nodes, index, SLUGS, codes, lambda edge: edges[edge][3])


def _summary(search) -> list[tuple]:
    return [
        (p.nodes, tuple((h.predicate, h.evidence) for h in p.hops), p.net_sign, round(p.score, 12), p.flags)
        for p in search.paths
    ]


def _assert_same_paths(nx_network, other, sources, targets, **options) -> None:
    expected = find_paths(nx_network, sources, targets, **options)
    found = find_paths(other, sources, targets, **options)
    assert _summary(found) == _summary(expected)
    assert (found.truncated, found.reasons) == (expected.truncated, expected.reasons)


def _random_graph(rng: random.Random, n_nodes: int, n_edges: int) -> tuple[list[str], list[Edge]]:
    nodes = [f"n{number}" for number in range(n_nodes)]
    unique: dict[tuple[str, str, str], None] = {}
    while len(unique) < n_edges:
        # a few hubs, as real graphs have
        u = (
            nodes[min(int(rng.paretovariate(1.2)) - 1, n_nodes - 1)]
            if rng.random() < 0.3
            else rng.choice(nodes)
        )
        unique[(u, rng.choice(nodes), rng.choice(SLUGS))] = None
    return nodes, [(u, v, slug, _evidence(n)) for n, (u, v, slug) in enumerate(unique)]


def csr_rows(keys: list[int], values: list[int], n_nodes: int) -> tuple[list[int], list[int], list[int]]:
    """The reference rows: a plain counting sort, stable (offsets, neighbours, edge indices)."""
    offsets = [0] * (n_nodes + 1)
    for key in keys:
        offsets[key + 1] += 1
    for index in range(n_nodes):
        offsets[index + 1] += offsets[index]
    order = sorted(range(len(keys)), key=lambda edge: keys[edge])  # sorted() is stable
    return offsets, [values[edge] for edge in order], order


def _written_rows(folder: Path, keys: array, values: array, n_nodes: int) -> list[list[int]]:
    folder.mkdir()
    write_network(folder, keys, values, array("B", bytes(len(keys))), n_nodes)
    return [
        list(map_array(folder / name, "q" if name.endswith("offsets") else "i")) for name in CSR_FILES[:3]
    ]


def test_written_rows_keep_record_order_and_agree_with_a_plain_counting_sort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from msc_graph.views import compact as compact_module

    keys = array("i", [2, 0, 2, 1, 0, 2])
    values = array("i", [10, 11, 12, 13, 14, 15])
    offsets, neighbours, edges = _written_rows(tmp_path / "small", keys, values, 16)  # values are nodes too
    assert offsets == [0, 2, 3, 6] + [6] * 13
    assert neighbours == [11, 14, 13, 10, 12, 15]
    assert edges == [1, 4, 3, 0, 2, 5]
    rng = random.Random(3)
    keys = array("i", (rng.randrange(50) for _ in range(2000)))
    values = array("i", (rng.randrange(50) for _ in range(2000)))
    expected = list(csr_rows(list(keys), list(values), 50))
    for gather in (7, 1 << 20):  # written a few entries at a time, or at once
        monkeypatch.setattr(compact_module, "GATHER", gather)
        assert _written_rows(tmp_path / str(gather), keys, values, 50) == expected


def test_fixture_paths_are_the_same_on_every_network_view(fixture_project, tmp_path: Path) -> None:
    views = open_graph(fixture_project)
    nodes = list(views.model.entities)
    edges = [(s, o, key, attrs["evidence"]) for s, o, key, attrs in iter_network_edges(views.model)]
    compact = _as_compact(tmp_path, nodes, edges)
    pain = list(views.resolver.iter_descendants(["pain"]))
    for network in (compact, views.path_network):
        for max_hops in (1, 4, 6):
            _assert_same_paths(views.network, network, ["ev", "exo"], pain, max_hops=max_hops)
        _assert_same_paths(views.network, network, ["ev"], pain, max_hops=6, sign=-1)
        rat = EvidenceFilter(species=frozenset({"rat"}))
        _assert_same_paths(views.network, network, ["ev"], pain, max_hops=6, evidence_filter=rat)
    assert compact.out_degree("ev") == views.network.out_degree("ev") == 2
    assert compact.in_degree("np") == views.network.in_degree("np") == 2


@pytest.mark.parametrize("seed", range(6))
def test_random_graphs_give_the_same_paths_and_distances(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    nodes, edges = _random_graph(rng, 40, 160)
    nx_network = _as_networkx(nodes, edges)
    compact = _as_compact(tmp_path, nodes, edges)
    for _ in range(8):
        sources, targets = rng.sample(nodes, 2), rng.sample(nodes, 3)
        assert compact.compute_distances(targets, 4) == compute_distances(nx_network, set(targets), 4)
        _assert_same_paths(nx_network, compact, sources, targets, max_hops=4, max_paths=10)
        _assert_same_paths(
            nx_network,
            compact,
            sources,
            targets,
            max_hops=3,
            evidence_filter=EvidenceFilter(species=frozenset({"rat"})),
        )
    for node in nodes:
        assert compact.out_degree(node) == nx_network.out_degree(node)
        assert compact.in_degree(node) == nx_network.in_degree(node)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(SLUGS)), max_size=50, unique=True
    ),
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(1, 5),
)
def test_any_small_graph_gives_the_same_paths(triples, source, target, max_hops) -> None:
    nodes = [f"n{number}" for number in range(10)]
    edges = [(f"n{u}", f"n{v}", slug, _evidence(n)) for n, (u, v, slug) in enumerate(triples)]
    with tempfile.TemporaryDirectory() as folder:
        compact = _as_compact(Path(folder), nodes, edges)
        _assert_same_paths(
            _as_networkx(nodes, edges), compact, [f"n{source}"], [f"n{target}"], max_hops=max_hops
        )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from(SLUGS[:6])), max_size=40),
    st.integers(0, 40),
    st.integers(0, 7),
    st.integers(0, 7),
)
def test_repeated_records_give_one_degree_and_the_same_paths_on_every_view(
    triples, split, source, target
) -> None:
    """Every view counts an edge once per (subject, predicate, object), however many records repeat it.

    The records (repeats drawn often: 8 nodes, 6 predicates) go into a
    compact network whole, and into an overlay of two compact networks split
    at ``split``; networkx and DictNetwork get them pooled. Degrees and
    paths must agree on all four.
    """
    nodes = [f"n{number}" for number in range(8)]
    edges = [(f"n{u}", f"n{v}", slug, _evidence(n)) for n, (u, v, slug) in enumerate(triples)]
    reference = _as_networkx(nodes, edges)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        views = {
            "compact": _as_compact(root / "whole", nodes, edges),
            "dict": _as_dict_network(nodes, edges),
            "overlay": OverlayNetwork(
                _as_compact(root / "first", nodes, edges[:split]),
                _as_compact(root / "second", nodes, edges[split:]),
                {},
            ),
        }
        for name, network in views.items():
            for node in nodes:
                assert network.out_degree(node) == reference.out_degree(node), (name, node)
                assert network.in_degree(node) == reference.in_degree(node), (name, node)
            _assert_same_paths(reference, network, [f"n{source}"], [f"n{target}"], max_hops=4)


def test_parallel_records_of_one_predicate_are_one_edge_with_pooled_evidence(tmp_path: Path) -> None:
    nodes = ["a", "b"]
    edges = [
        ("a", "b", "increases", _evidence(1)),
        ("a", "b", "increases", _evidence(2)),
        ("a", "b", "decreases", _evidence(3)),
    ]
    compact = _as_compact(tmp_path, nodes, edges)
    keyed = compact.succ["a"]["b"]
    assert set(keyed) == {"increases", "decreases"}
    assert [e.locator for e in keyed["increases"]["evidence"]] == ["row 1", "row 2"]
    assert keyed["increases"]["n_studies"] == 2 and keyed["decreases"]["sign"] == -1
    assert compact.out_degree("a") == 2  # two records of "increases" are one edge: one per slug
    assert "c" not in compact and "a" in compact.pred["b"]


def test_an_overlay_joins_two_networks_through_aliases(tmp_path: Path) -> None:
    # curated: x ⊣ y; imported: g1 → G2 (alias of y) → d.  x ⊣ y → d: net −1.
    curated = _as_networkx(["x", "y"], [("x", "y", "inhibits", _evidence(1))])
    imported = _as_compact(
        tmp_path,
        ["g1", "G2", "d"],
        [("g1", "G2", "increases", _evidence(2)), ("G2", "d", "increases", _evidence(3))],
    )
    overlay = OverlayNetwork(curated, imported, {"G2": "y"})
    search = find_paths(overlay, ["x", "g1"], ["d"])
    assert sorted((p.nodes, p.net_sign) for p in search.paths) == [
        (("g1", "y", "d"), 1),
        (("x", "y", "d"), -1),
    ]
    assert "G2" not in overlay and overlay.out_degree("y") == 1 and overlay.in_degree("y") == 2


def test_dict_network_counts_like_networkx(fixture_project) -> None:
    views = open_graph(fixture_project)
    light: DictNetwork = views.path_network
    assert light.number_of_edges() == views.network.number_of_edges()
    assert len(light) == views.network.number_of_nodes()
    for node in views.network:
        assert light.out_degree(node) == views.network.out_degree(node)
        assert light.in_degree(node) == views.network.in_degree(node)


WARM_PATHS = """
import sys
sys.argv = ['mscgraph', 'paths', 'vesicles', 'pain', '-f', 'json']
from msc_graph.cli import cli
try:
    cli(prog_name='mscgraph')
except SystemExit as exit:
    assert not exit.code, exit.code
print(' '.join(sys.modules))
"""


def test_warm_paths_on_the_curated_graph_imports_no_heavy_library(fixture_project) -> None:
    import subprocess
    import sys

    open_graph(fixture_project)  # warm the cache
    out = subprocess.run([sys.executable, "-c", WARM_PATHS], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert not loaded & {"networkx", "rdflib", "yaml", "pyoxigraph", "pyvis", "numpy"}


def test_a_focused_network_keeps_only_the_nodes_within_reach_and_every_degree(tmp_path: Path) -> None:
    # a → b → c → d, and b → x where x reaches no target: a chain to d never steps to x
    nodes = ["a", "b", "c", "d", "x"]
    edges = [
        ("a", "b", "increases", _evidence(1)),
        ("b", "c", "increases", _evidence(2)),
        ("c", "d", "decreases", _evidence(3)),
        ("b", "x", "increases", _evidence(4)),
    ]
    compact = _as_compact(tmp_path, nodes, edges)
    depths = compact.compute_distances(["d"], 4)
    assert dict(depths) == {"a": 3, "b": 2, "c": 1, "d": 0} and "x" not in depths
    for distances in (depths, dict(depths)):  # the array the search passes, or any mapping
        focused = compact.focus(distances)
        assert set(compact.succ["b"]) == {"c", "x"} and set(focused.succ["b"]) == {"c"}
        assert set(focused.succ.within(1)["b"]) == {"c"} and set(focused.succ.within(0)["b"]) == set()
        assert set(focused.pred.within(2)["c"]) == {"b"} and set(focused.pred.within(1)["c"]) == set()
        assert focused.out_degree("b") == compact.out_degree("b") == 2  # degrees of the whole network


def test_degrees_counted_in_small_blocks_are_those_of_one_block() -> None:
    # ten times Hetionet counts its degrees a block of rows at a time: the blocks must not matter,
    # and the in-degrees counted on the out rows are the distinct edges entering each node
    rng = random.Random(11)
    keys = array("i", (rng.randrange(30) for _ in range(3000)))
    values = array("i", (rng.randrange(40) for _ in range(3000)))
    codes = array("B", (rng.randrange(4) for _ in range(3000)))
    rows = csr_rows(list(keys), list(values), 30)
    edges = {(keys[e], values[e], codes[e]) for e in range(3000)}
    out_degrees = [sum(1 for s, _o, _c in edges if s == node) for node in range(30)]
    in_degrees = [sum(1 for _s, o, _c in edges if o == node) for node in range(40)]
    for block in (1, 7, 100, 1 << 21):
        found = count_degrees(rows, codes, 40, block)
        assert (list(found[0]), list(found[1])) == (out_degrees, in_degrees)


@pytest.mark.parametrize("seed", range(4))
def test_a_lazy_pass_finds_each_level_as_the_full_pass_does(seed: int, tmp_path: Path) -> None:
    """The search asks for depths a level at a time: each level must be final when found."""
    rng = random.Random(100 + seed)
    nodes, edges = _random_graph(rng, 60, 240)
    compact = _as_compact(tmp_path, nodes, edges)
    targets = rng.sample(nodes, 2)
    full = dict(compact.compute_distances(targets, 5))
    lazy = compact.compute_distances(targets, 5, lazy=True)
    assert dict(lazy) == {t: 0 for t in targets}  # nothing read before the search asks
    for radius in range(6):
        lazy.deepen(radius)
        assert dict(lazy) == {node: depth for node, depth in full.items() if depth <= radius}


def test_numpy_and_python_read_a_level_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large level is read with numpy, a small one row by row: the depths must not depend on which."""
    from msc_graph.views import compact as compact_module

    rng = random.Random(7)
    nodes, edges = _random_graph(rng, 80, 400)
    compact = _as_compact(tmp_path, nodes, edges)
    for targets in (rng.sample(nodes, 1), rng.sample(nodes, 3)):
        found = []
        for threshold in (0, 10**9):  # every level by numpy; every level in Python
            monkeypatch.setattr(compact_module, "NUMPY_LEVEL", threshold)
            found.append(dict(compact.compute_distances(targets, 4)))
        assert found[0] == found[1] == compute_distances(_as_networkx(nodes, edges), set(targets), 4)


def test_a_predicate_no_edge_has_is_never_walked(tmp_path: Path) -> None:
    """An import lists the whole vocabulary; without a part-of edge no search reads the reverse rows."""
    nodes = ["a", "b", "c"]
    edges = [("a", "b", "increases", _evidence(1)), ("b", "c", "decreases", _evidence(2))]
    index = {node: number for number, node in enumerate(nodes)}
    codes = array("B", (SLUGS.index(e[2]) for e in edges))
    write_network(tmp_path, array("i", [0, 1]), array("i", [1, 2]), codes, 3)
    every = open_network(tmp_path, nodes, index, SLUGS, codes, lambda edge: edges[edge][3])
    used = open_network(
        tmp_path,
        nodes,
        index,
        SLUGS,
        codes,
        lambda edge: edges[edge][3],
        used_slugs={"increases", "decreases"},
    )
    assert "part-of" in every.predicate_slugs and any(every._backward)
    assert used.predicate_slugs == {"increases", "decreases"} and not any(used._backward)
    for network in (every, used):
        assert [p.nodes for p in find_paths(network, ["a"], ["c"]).paths] == [("a", "b", "c")]


def test_paths_on_an_imported_graph_imports_no_numpy(tmp_path: Path, isolated_cache: Path) -> None:
    """Interpreter start and numpy's import were most of a `paths --graph` call: the search needs neither."""
    import subprocess
    import sys

    from msc_graph.interop.imported import import_graph
    from msc_graph.interop.imported.source import find_import_source

    edges = tmp_path / "small_edges.tsv"
    rows = [f"e{n}\tX:{n}\tbiolink:affects\tX:{n + 1}\tdecreased\tinfores:t" for n in range(30)]
    header = "id\tsubject\tpredicate\tobject\tqualified_predicate\tprimary_knowledge_source\n"
    edges.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    nodes = [f"X:{n}\tbiolink:Gene\tgene {n}" for n in range(31)]
    (tmp_path / "small_nodes.tsv").write_text(
        "id\tcategory\tname\n" + "\n".join(nodes) + "\n", encoding="utf-8"
    )
    import_graph(find_import_source(edges), "small", isolated_cache)
    script = (
        "import sys\n"
        "sys.argv = ['mscgraph', 'paths', '--graph', 'small', 'X:0', 'X:3', '-f', 'json']\n"
        "from msc_graph.cli import cli\n"
        "try:\n    cli(prog_name='mscgraph')\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    *payload, loaded = out.stdout.splitlines()
    assert '"X:3"' in "\n".join(payload) and loaded == "False"


def test_a_search_reads_the_evidence_of_kept_hops_only(tmp_path: Path) -> None:
    """An edge the search walks but no candidate chain keeps (a → s back to the visited source) is never read.

    Reading evidence builds it from the import's records, the largest part
    of a search on a big graph; the hops that are kept still carry theirs.
    """
    nodes = ["s", "a", "t"]
    edges = [
        ("s", "t", "increases", _evidence(1)),
        ("s", "a", "increases", _evidence(2)),
        ("a", "t", "decreases", _evidence(3)),
        ("a", "s", "increases", _evidence(4)),
    ]
    read: list[int] = []

    def lookup(edge: int) -> tuple[Evidence, ...]:
        read.append(edge)
        return edges[edge][3]

    network = _as_compact(tmp_path, nodes, edges)
    network = open_network(tmp_path, nodes, network.node_index, SLUGS, network.slug_codes, lookup)
    search = find_paths(network, ["s"], ["t"], max_hops=3)
    assert [p.nodes for p in search.paths] == [("s", "t"), ("s", "a", "t")]
    assert [[h.evidence for h in p.hops] for p in search.paths] == [
        [_evidence(1)],
        [_evidence(2), _evidence(3)],
    ]
    assert sorted(set(read)) == [0, 1, 2]  # not 3, the edge a → s
    assert compute_distances(network, ["t"], 3) == {"t": 0, "s": 1, "a": 1}


@pytest.mark.parametrize("seed", range(3))
def test_each_score_is_the_product_of_its_hops_factors_computed_afresh(seed: int, tmp_path: Path) -> None:
    """A search keeps each hop's factor for the candidates sharing it; no chain may get another's."""
    rng = random.Random(seed)
    nodes, edges = _random_graph(rng, 30, 200)
    for network in (_as_networkx(nodes, edges), _as_compact(tmp_path / str(seed), nodes, edges)):
        shared = 0
        for _ in range(6):
            sources, targets = rng.sample(nodes, 2), rng.sample(nodes, 3)
            search = find_paths(network, sources, targets, max_hops=4, max_paths=30)
            hops = [(h.subject, h.predicate, h.object) for p in search.paths for h in p.hops]
            shared += len(hops) - len(set(hops))
            for path in search.paths:
                expected = 1.0
                for hop in path.hops:
                    expected *= score_hop(network, hop)
                assert path.score == expected
        assert shared > 0  # chains did share hops, so the kept factors were used
