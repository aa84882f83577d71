"""Ten times Hetionet: stream a 22.5M-edge KGX pair to disk, import it, report time, peak and disk.

Not part of ``make test`` (about a quarter of an hour and ~15 GB of disk):
``make bench-scale`` runs it and writes ``benchmarks/results/scale.json`` and
``scale.md``. The generator streams rows in batches (numpy draws by the same
Zipf-like popularity as ``generate.py``) instead of holding the graph, so it
never needs the graph's size in memory. Unlike ``generate.py`` it does not
redraw repeated (subject, object) pairs of an edge type: they are kept as
repeated records, which every view counts as one edge (the one degree
definition), and the import must take them anyway.

Usage: ``python benchmarks/scale.py [--edges 22500000] [--keep]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import EDGE_COLUMNS, EDGE_TYPES, NODE_COLUMNS, NODE_TYPES, count_nodes  # noqa: E402
from processes import installed_env  # noqa: E402

DATA = HERE / "data" / "scale"
RESULTS = HERE / "results"
BATCH = 1_000_000
MEMORY_BOUND_MIB = 1024


def write_kgx(n_edges: int, seed: int, stem: Path) -> tuple[Path, Path, int]:
    """Write the KGX pair a batch at a time; return the two paths and the number of edge rows."""
    import numpy

    rng = numpy.random.default_rng(seed)
    counts = count_nodes(n_edges)
    nodes: dict[str, list[str]] = {}
    offset = 100
    for node_type in NODE_TYPES:
        nodes[node_type.name] = [node_type.curie.format(offset + i) for i in range(counts[node_type.name])]
        offset += counts[node_type.name]
    weights = {}
    for name, ids in nodes.items():
        popularity = numpy.arange(1, len(ids) + 1, dtype=numpy.float64) ** -0.9
        rng.shuffle(popularity)
        weights[name] = numpy.cumsum(popularity) / popularity.sum()
    nodes_path, edges_path = Path(f"{stem}_nodes.tsv"), Path(f"{stem}_edges.tsv")
    with nodes_path.open("w", encoding="utf-8") as out:
        out.write("\t".join(NODE_COLUMNS) + "\n")
        for node_type in NODE_TYPES:
            for curie in nodes[node_type.name]:
                label = node_type.label.format(curie.rpartition(":")[2].removeprefix("R-HSA-"))
                out.write(f"{curie}\t{node_type.category}\t{label}\t\t\tinfores:bench\n")
    share_total = sum(t.share for t in EDGE_TYPES)
    written = 0
    with edges_path.open("w", encoding="utf-8") as out:
        out.write("\t".join(EDGE_COLUMNS) + "\n")
        for edge_type in EDGE_TYPES:
            left = round(n_edges * edge_type.share / share_total)
            subjects, objects = nodes[edge_type.subject], nodes[edge_type.object]
            while left > 0:
                size = min(BATCH, left)
                left -= size
                s = numpy.searchsorted(weights[edge_type.subject], rng.random(size))
                o = numpy.searchsorted(weights[edge_type.object], rng.random(size))
                rolls = rng.random(size)
                lines = []
                for si, oi, roll in zip(s.tolist(), o.tolist(), rolls.tolist(), strict=True):
                    if edge_type.subject == edge_type.object and si == oi:
                        continue
                    qualifier = ("increased" if roll < 0.5 else "decreased") if edge_type.signed else ""
                    publications = f"PMID:{10_000_000 + int(roll * 1e9) % 30_000_000}" if roll < 0.3 else ""
                    lines.append(
                        f"e{written}\t{subjects[si]}\t{edge_type.predicate}\t{objects[oi]}\t{qualifier}\t"
                        f"{edge_type.source}\t{publications}\t\tknowledge_assertion\n"
                    )
                    written += 1
                out.writelines(lines)
                print(f"generated {written:,} edges", file=sys.stderr, flush=True)
    return nodes_path, edges_path, written


def disk_use(path: Path) -> int:
    """Return the bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=22_500_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the files and the imported graph")
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    nodes_path, edges_path, rows = write_kgx(args.edges, args.seed, DATA / f"scale-{args.edges}")
    generated_s = time.perf_counter() - started
    cache = DATA / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = installed_env(MSC_GRAPH_CACHE=str(cache))
    mscgraph = Path(sys.executable).with_name("mscgraph")
    command = ["/usr/bin/time", "-f", "%e %M", str(mscgraph), "import", str(edges_path), "--name", "scale"]
    done = subprocess.run([*command, "--quiet"], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}):\n{done.stderr[-4000:]}")
    seconds, peak_kib = done.stderr.strip().splitlines()[-1].split()
    graph = cache / "graphs" / "scale"
    result = {
        "edges_requested": args.edges,
        "edge_rows": rows,
        "nodes": json.loads((graph / "meta.json").read_text())["nodes"],
        "input_bytes": nodes_path.stat().st_size + edges_path.stat().st_size,
        "generate_s": round(generated_s, 1),
        "import_s": float(seconds),
        "import_peak_mib": round(int(peak_kib) / 1024, 1),
        "memory_bound_mib": MEMORY_BOUND_MIB,
        "within_bound": int(peak_kib) / 1024 <= MEMORY_BOUND_MIB,
        "graph_bytes": disk_use(graph),
        "store_bytes": disk_use(graph / "store"),
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "cpus": os.cpu_count(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    gib = 1 << 30
    (RESULTS / "scale.md").write_text(
        f"# Ten times Hetionet ({result['measured_at']}, {result['cpus']} CPUs)\n\n"
        f"| edge rows | nodes | input | import | peak RSS | bound | graph on disk (store) |\n"
        f"|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {rows:,} | {result['nodes']:,} | {result['input_bytes'] / gib:.2f} GiB | "
        f"{result['import_s']:.0f} s | {result['import_peak_mib']:.0f} MiB | "
        f"{MEMORY_BOUND_MIB} MiB ({'within' if result['within_bound'] else 'OVER'}) | "
        f"{result['graph_bytes'] / gib:.1f} GiB ({result['store_bytes'] / gib:.1f} GiB) |\n",
        encoding="utf-8",
    )
    print((RESULTS / "scale.md").read_text(encoding="utf-8"))
    if not args.keep:
        shutil.rmtree(DATA, ignore_errors=True)


if __name__ == "__main__":
    main()
