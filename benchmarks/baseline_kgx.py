"""Baselines for the KGX rows: what a user without msc-graph would run for the same two results.

- ``networkx EDGES_TSV``: read the KGX edges with the csv module into a
  networkx DiGraph (one process; the time is the whole process).
- ``plain EDGES_TSV NODES_TSV OUT_NT``: write the graph's plain triples (one
  per edge, plus each node's label and type) as N-Triples, for a raw
  ``pyoxigraph`` bulk load (writing is setup, not timed).
- ``shortest EDGES_TSV SOURCE TARGET K MAX_HOPS``: build the DiGraph (not
  timed), then time ``networkx.shortest_simple_paths`` taking its first K
  paths of at most MAX_HOPS edges; prints ``search SECONDS PATHS``.
"""

from __future__ import annotations

import csv
import sys
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BIOLINK, PREFIXES, RDF_TYPE, RDFS_LABEL


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES else "https://identifiers.org/" + curie


def read_digraph(edges_path: str):
    """Return the KGX edges as a networkx DiGraph, read with the csv module (no quoting, as KGX)."""
    import networkx

    graph = networkx.DiGraph()
    with open(edges_path, encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        s, p, o = header.index("subject"), header.index("predicate"), header.index("object")
        for row in rows:
            graph.add_edge(row[s], row[o], predicate=row[p])
    return graph


def write_plain(edges_path: str, nodes_path: str, out_path: str) -> None:
    """Write one triple per edge and each node's rdfs:label and rdf:type, as N-Triples."""
    with open(out_path, "w", encoding="utf-8") as out:
        with open(nodes_path, encoding="utf-8", newline="") as stream:
            rows = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(rows)
            i, c, n = header.index("id"), header.index("category"), header.index("name")
            for row in rows:
                node = f"<{_expand(row[i])}>"
                out.write(f'{node} <{RDFS_LABEL}> "{row[n]}" .\n')
                out.write(f"{node} <{RDF_TYPE}> <{BIOLINK}{row[c].split(':', 1)[1]}> .\n")
        with open(edges_path, encoding="utf-8", newline="") as stream:
            rows = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(rows)
            s, p, o = header.index("subject"), header.index("predicate"), header.index("object")
            for row in rows:
                out.write(f"<{_expand(row[s])}> <{BIOLINK}{row[p].split(':', 1)[1]}> <{_expand(row[o])}> .\n")


def shortest(edges_path: str, source: str, target: str, k: int, max_hops: int) -> None:
    """Time networkx's first ``k`` shortest simple paths of at most ``max_hops`` edges."""
    import networkx

    graph = read_digraph(edges_path)
    started = time.perf_counter()
    found = list(
        islice(
            (p for p in networkx.shortest_simple_paths(graph, source, target) if len(p) <= max_hops + 1),
            k,
        )
    )
    print(f"search {time.perf_counter() - started:.4f} {len(found)}", flush=True)


def main() -> None:
    mode, *args = sys.argv[1:]
    if mode == "networkx":
        graph = read_digraph(args[0])
        print(graph.number_of_edges())
    elif mode == "plain":
        write_plain(*args)
    elif mode == "shortest":
        shortest(args[0], args[1], args[2], int(args[3]), int(args[4]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
