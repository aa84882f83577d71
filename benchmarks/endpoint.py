"""`mscgraph paths --endpoint` against Oxigraph's own server, timed beside the local search (issue 20).

``bench_endpoint_paths()`` exports the curated graph as N-Triples, loads it
into an Oxigraph store (``oxigraph load``), serves it read-only on a free
loopback port (``oxigraph serve-read-only``) and times whole processes:
``mscgraph paths SOURCE TARGET -f json`` and the same with ``--endpoint URL``,
for a few pairs, each the median of repeats after one warm-up (the server is
warm too), run alternately so that drift hits both alike. Ratio = endpoint / local;
the target is ≤ 2×. The server is stopped at the end.

``start_oxigraph`` is shared with tests/test_paths_endpoint.py, which loads
this file as a module (benchmarks/ is not a package).

Run alone: ``python benchmarks/endpoint.py`` prints the result as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAIRS = [("VEGF", "pain"), ("extracellular vesicles", "pain"), ("secretome", "microglial activation")]
"""(SOURCE, TARGET) pairs timed; VEGF → pain is the README's example."""
REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))


def find_oxigraph() -> str | None:
    """Return the ``oxigraph`` server binary (the PyPI package's, beside this Python), or None."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    """Return a loopback port nothing listens on now (the server binds it a moment later)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_oxigraph(
    data: Path, folder: Path, binary: str, wait_s: float = 30.0
) -> tuple[subprocess.Popen[bytes], str]:
    """Load ``data`` (N-Triples) into a store in ``folder``, serve it read-only; return (process, query URL).

    Returns once the server answers a query. The caller stops the process
    (``terminate`` then ``wait``).

    Raises:
        RuntimeError: the load failed, or the server did not answer within ``wait_s``.
    """
    store = folder / "store"
    loaded = subprocess.run(
        [binary, "load", "--location", str(store), "--file", str(data)], capture_output=True, text=True
    )
    if loaded.returncode:
        raise RuntimeError(f"oxigraph load failed: {loaded.stderr.strip()[-500:]}")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + wait_s
    while True:
        try:
            request = urllib.request.Request(
                url,
                data=urllib.parse.urlencode({"query": "ASK {}"}).encode(),
                headers={"Accept": "application/sparql-results+json"},
            )
            with urllib.request.urlopen(request, timeout=2) as response:
                response.read()
            return process, url
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise RuntimeError(f"oxigraph did not answer on {url} within {wait_s:g} s") from None
            time.sleep(0.1)


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_endpoint_paths() -> dict[str, Any]:
    """Time ``paths`` locally and with ``--endpoint`` on the curated graph served by Oxigraph.

    Whole processes (``python -m msc_graph``, the same interpreter), median
    of REPEATS after one warm-up each, alternating local and endpoint runs.
    Returns ``{"pairs": [{source, target, local_s, endpoint_s, ratio, chains}], "ratio": worst,
    "target": 2.0, "met": bool, "how": ...}``.

    Raises:
        RuntimeError: no oxigraph binary, or the server did not start.
    """
    binary = find_oxigraph()
    if binary is None:
        raise RuntimeError("no oxigraph binary (pip install oxigraph)")
    from processes import installed_env  # here: tests load this file alone, for start_oxigraph

    env = installed_env()
    command = [sys.executable, "-m", "msc_graph"]
    with tempfile.TemporaryDirectory(prefix="bench-endpoint-") as scratch:
        folder = Path(scratch)
        data = folder / "graph.nt"
        subprocess.run(
            [*command, "export", "-f", "nt", "-o", str(data)],
            check=True,
            env=env,
            cwd=ROOT,
            stderr=subprocess.DEVNULL,
        )
        process, url = start_oxigraph(data, folder, binary)
        try:
            pairs = []
            for source, target in PAIRS:
                local = [*command, "paths", source, target, "-f", "json"]
                remote = [*local, "--endpoint", url]
                answer = subprocess.run(remote, check=True, env=env, cwd=ROOT, capture_output=True, text=True)
                _time(local, env)  # warm-up of both
                local_runs, remote_runs = [], []
                for _ in range(REPEATS):
                    local_runs.append(_time(local, env))
                    remote_runs.append(_time(remote, env))
                local_s, remote_s = statistics.median(local_runs), statistics.median(remote_runs)
                pairs.append(
                    {
                        "source": source,
                        "target": target,
                        "local_s": round(local_s, 4),
                        "endpoint_s": round(remote_s, 4),
                        "ratio": round(remote_s / local_s, 3),
                        "chains": len(json.loads(answer.stdout)["paths"]),
                    }
                )
        finally:
            process.terminate()
            process.wait(timeout=10)
    worst = max(p["ratio"] for p in pairs)
    return {
        "pairs": pairs,
        "ratio": worst,
        "target": 2.0,
        "met": worst <= 2.0,
        "how": f"whole processes, median of {REPEATS} after a warm-up, local and endpoint alternating; "
        "ratio = endpoint / local; Oxigraph serve-read-only on 127.0.0.1 holding `export -f nt`",
    }


if __name__ == "__main__":
    print(json.dumps(bench_endpoint_paths(), indent=1))
