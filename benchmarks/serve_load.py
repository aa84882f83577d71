"""`mscgraph serve` under load, under runaway queries and under a memory-hungry one (loopback only).

Starts `python -m msc_graph serve --port 0` over the curated graph as its own
process and measures, in one run:

1. 8 clients, each sending queries back to back for LOAD_SHORT_S seconds;
2. 200 clients for LOAD_LONG_S seconds (errors, throughput against (1), p99);
3. four runaway queries (a triple cross product) holding every regular
   worker, and the latency of a simple query sent meanwhile;
4. a query that doubles a string until memory runs out: its answer, and the
   largest growth of any worker's resident memory against --memory-limit.

No other address is contacted. Results: benchmarks/results/serve-load.{json,md}.
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
SHORT_S = float(os.environ.get("LOAD_SHORT_S", "15"))
LONG_S = float(os.environ.get("LOAD_LONG_S", "30"))
MANY = int(os.environ.get("LOAD_CLIENTS", "200"))
MEMORY_MIB = 512
QUERY = (
    'SELECT ?s ?label WHERE { ?a msc:predicateSlug "decreases" ; rdf:subject ?s . '
    "?s rdfs:label ?label } LIMIT 50"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
DOUBLING = (
    'SELECT ?x WHERE { BIND("'
    + "a" * 64
    + '" AS ?a) '
    + " ".join(
        f"BIND(CONCAT({', '.join([f'?{v}'] * 8)}) AS ?{n})" for v, n in zip("abcdefg", "bcdefgx", strict=True)
    )
    + " }"
)


def _ask(base: str, query: str, timeout_s: float = 60) -> tuple[int, float]:
    """Return (HTTP status or 0 for a connection failure, seconds) of one GET."""
    url = base + "query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, OSError):
        status = 0
    return status, time.perf_counter() - started


def _load(base: str, clients: int, seconds: float) -> dict[str, float]:
    """Run ``clients`` threads sending QUERY back to back for ``seconds``; return the figures."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        nonlocal errors
        while time.perf_counter() < stop_at:
            status, elapsed = _ask(base, QUERY)
            with lock:
                latencies.append(elapsed)
                errors += status != 200

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)

    def at(share: float) -> float:
        return round(1000 * ordered[int(share * (len(ordered) - 1))], 1)

    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(ordered),
        "errors": errors,
        "throughput_per_s": round(len(ordered) / wall, 1),
        "p50_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": round(1000 * ordered[-1], 1),
    }


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _runaway(base: str) -> dict[str, float]:
    """Four runaway queries hold the regular workers; time a simple query sent meanwhile."""
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(_ask(base, RUNAWAY)[0])) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # let them reach the workers
    status, seconds = _ask(base, QUERY)
    running = sum(thread.is_alive() for thread in threads)
    for thread in threads:
        thread.join()
    return {
        "simple_status": status,
        "simple_s": round(seconds, 3),
        "runaways_still_running": running,
        "runaway_statuses": sorted(answers),
    }


def _memory(base: str, server_pid: int) -> dict[str, float]:
    """Send the doubling query; sample every worker's resident memory until it is answered."""
    workers = _children(server_pid)
    baseline = {pid: _rss_kib(pid) for pid in workers}
    peak = dict(baseline)
    box: dict[str, tuple[int, float]] = {}
    thread = threading.Thread(target=lambda: box.setdefault("answer", _ask(base, DOUBLING)))
    thread.start()
    while thread.is_alive():
        for pid in workers:
            peak[pid] = max(peak[pid], _rss_kib(pid))
        time.sleep(0.02)
    growth_mib = max((peak[pid] - baseline[pid]) / 1024 for pid in workers)
    status, seconds = box["answer"]
    return {
        "status": status,
        "answered_s": round(seconds, 2),
        "largest_worker_growth_mib": round(growth_mib, 1),
        "memory_limit_mib": MEMORY_MIB,
        "server_alive_after": _ask(base, QUERY)[0] == 200,
    }


def main() -> int:
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_graph", "serve", "--port", "0", "--memory-limit", str(MEMORY_MIB)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    base = first.split(" at ", 1)[1].split("query", 1)[0].strip()
    try:
        few = _load(base, 8, SHORT_S)
        many = _load(base, MANY, LONG_S)
        runaway = _runaway(base)
        memory = _memory(base, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
    ratio = many["throughput_per_s"] / few["throughput_per_s"]
    checks = {
        "8 clients: 0 errors, p95 <= 100 ms": few["errors"] == 0 and few["p95_ms"] <= 100,
        f"{MANY} clients: 0 errors": many["errors"] == 0,
        f"{MANY} clients: throughput >= 0.8x the 8-client run": ratio >= 0.8,
        f"{MANY} clients: p99 <= 3 s": many["p99_ms"] <= 3000,
        "simple query during 4 runaways: 200 within 1 s": runaway["simple_status"] == 200
        and runaway["simple_s"] <= 1.0,
        "doubling query: 503, worker growth <= its limit, server alive": memory["status"] == 503
        and memory["largest_worker_growth_mib"] <= MEMORY_MIB
        and bool(memory["server_alive_after"]),
    }
    result = {
        "few": few,
        "many": many,
        "throughput_ratio": round(ratio, 2),
        "runaway": runaway,
        "memory": memory,
        "checks": checks,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "serve-load.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# `mscgraph serve` under load (loopback, one run)",
        "",
        "| clients | seconds | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {r['clients']} | {r['seconds']} | {r['requests']} | {r['errors']} | "
            f"{r['throughput_per_s']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} |"
            for r in (few, many)
        ),
        "",
        f"Throughput with {MANY} clients is {ratio:.2f}x the 8-client throughput.",
        "",
        f"Four runaway queries ({runaway['runaways_still_running']} still running when it was sent; "
        f"they ended with {runaway['runaway_statuses']}): a simple query got "
        f"{runaway['simple_status']} in {runaway['simple_s']} s.",
        "",
        f"String-doubling query under --memory-limit {MEMORY_MIB}: HTTP {memory['status']} after "
        f"{memory['answered_s']} s; the largest worker grew {memory['largest_worker_growth_mib']} MiB; "
        f"server answering afterwards: {memory['server_alive_after']}.",
        "",
        "| target | met |",
        "|---|---|",
        *(f"| {name} | {'yes' if met else '**no**'} |" for name, met in checks.items()),
        "",
    ]
    (RESULTS / "serve-load.md").write_text("\n".join(lines))
    print(json.dumps(result))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
