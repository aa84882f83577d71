"""Baseline for the paths row: networkx.all_simple_paths listing every path of one pair, in one process.

What a user without msc-graph would write: read the KGX edges into a
MultiDiGraph, then enumerate ``all_simple_paths(cutoff=N)``. Prints progress
lines (flushed) so a run killed at the time cap still reports how far it got:
``built SECONDS EDGES`` once, ``progress PATHS SECONDS`` every 1,000 paths,
``done PATHS SECONDS`` at the end.

Usage: ``python benchmarks/baseline_networkx.py EDGES_TSV SOURCE TARGET CUTOFF``.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    import networkx

    edges_path, source, target, cutoff = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    started = time.perf_counter()
    network = networkx.MultiDiGraph()
    with open(edges_path, encoding="utf-8") as stream:
        header = stream.readline().rstrip("\n").split("\t")
        s, p, o = header.index("subject"), header.index("predicate"), header.index("object")
        for line in stream:
            cells = line.rstrip("\n").split("\t")
            network.add_edge(cells[s], cells[o], key=cells[p])
    print(f"built {time.perf_counter() - started:.3f} {network.number_of_edges()}", flush=True)
    count = 0
    for _path in networkx.all_simple_paths(network, source, target, cutoff=cutoff):
        count += 1
        if count % 1_000 == 0:
            print(f"progress {count} {time.perf_counter() - started:.3f}", flush=True)
    print(f"done {count} {time.perf_counter() - started:.3f}", flush=True)


if __name__ == "__main__":
    main()
