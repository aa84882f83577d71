"""Latency of `mscgraph serve` under load: 8 parallel clients x 500 queries on loopback.

Starts the server on a free port over the curated graph, runs a bounded number
of SPARQL requests (no other address is contacted), and writes p50 / p95 /
max latency and the error count to benchmarks/results/serve-load.{json,md}.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "8"))
QUERIES = int(os.environ.get("LOAD_QUERIES", "500"))
QUERY = (
    'SELECT ?s ?label WHERE { ?a msc:predicateSlug "decreases" ; rdf:subject ?s . '
    "?s rdfs:label ?label } LIMIT 50"
)


def main() -> int:
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_graph", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    base = first.split(" at ", 1)[1].split("query", 1)[0].strip()
    url = base + "query?" + urllib.parse.urlencode({"query": QUERY})
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client() -> None:
        nonlocal errors
        for _ in range(QUERIES):
            started = time.perf_counter()
            try:
                request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, OSError):
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()
    ordered = sorted(latencies)
    result = {
        "clients": CLIENTS,
        "queries_per_client": QUERIES,
        "requests": len(ordered),
        "errors": errors,
        "wall_s": round(wall, 3),
        "throughput_per_s": round(len(ordered) / wall, 1),
        "p50_ms": round(1000 * statistics.median(ordered), 2),
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 2),
        "max_ms": round(1000 * ordered[-1], 2),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "serve-load.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "serve-load.md").write_text(
        "# `mscgraph serve` under load (loopback)\n\n"
        f"{CLIENTS} clients x {QUERIES} queries: {result['requests']} requests, {errors} errors, "
        f"{result['throughput_per_s']} requests/s; latency p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, max {result['max_ms']} ms.\n"
    )
    print(json.dumps(result))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
