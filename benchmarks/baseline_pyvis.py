"""Baseline for the viz row: the same page built through pyvis, one add_node / add_edge at a time.

Reads the KGX pair the viz graph was imported from, adds every node (label,
type as group, a title) and every edge (predicate as title) with pyvis's own
API, and writes the HTML. Prints ``nodes N`` and ``edges N`` as it goes and
``done SECONDS`` at the end, so a run killed at the time cap still shows how
far it got.

Usage: ``python benchmarks/baseline_pyvis.py NODES_TSV EDGES_TSV OUTPUT_HTML``.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    from pyvis.network import Network

    nodes_path, edges_path, output = sys.argv[1], sys.argv[2], sys.argv[3]
    started = time.perf_counter()
    network = Network(height="100vh", width="100%", directed=True)
    with open(nodes_path, encoding="utf-8") as stream:
        header = stream.readline().rstrip("\n").split("\t")
        i, c, n = header.index("id"), header.index("category"), header.index("name")
        for count, line in enumerate(stream, 1):
            cells = line.rstrip("\n").split("\t")
            network.add_node(cells[i], label=cells[n], group=cells[c], title=f"{cells[n]} ({cells[c]})")
            if count % 1000 == 0:
                print(f"nodes {count} {time.perf_counter() - started:.3f}", flush=True)
    with open(edges_path, encoding="utf-8") as stream:
        header = stream.readline().rstrip("\n").split("\t")
        s, p, o = header.index("subject"), header.index("predicate"), header.index("object")
        for count, line in enumerate(stream, 1):
            cells = line.rstrip("\n").split("\t")
            network.add_edge(cells[s], cells[o], title=cells[p])
            if count % 1000 == 0:
                print(f"edges {count} {time.perf_counter() - started:.3f}", flush=True)
    # pyvis copies its lib/ folder into the working directory: keep it beside the output
    os.chdir(os.path.dirname(os.path.abspath(output)))
    network.write_html(os.path.abspath(output), notebook=False, open_browser=False)
    print(f"done {time.perf_counter() - started:.3f}", flush=True)


if __name__ == "__main__":
    main()
