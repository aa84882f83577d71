"""Server under load: 8 parallel clients × 500 queries against `mscgraph serve`, loopback only.

Bounded in count (4,000 requests) and time (each request times out at 30 s);
the latency percentiles are measured by `make bench`, not asserted here.
"""

from __future__ import annotations

import threading
import urllib.parse

import pytest

from .test_serve import SELECT, _bindings, _request, served  # noqa: F401 - the fixture is reused

CLIENTS = 8
QUERIES_PER_CLIENT = 500


@pytest.mark.slow
def test_eight_clients_times_500_queries_without_an_error(served: str) -> None:  # noqa: F811
    endpoint = served + "query"
    url = endpoint + "?" + urllib.parse.urlencode({"query": SELECT})
    status, _headers, body = _request(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    expected = _bindings(body)
    assert expected  # the fixture has phenotypes: pain and neuropathic pain
    failures: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        for index in range(QUERIES_PER_CLIENT):
            if index % 2:  # alternate GET and POST, as SPARQL protocol clients do
                status, _, body = _request(
                    endpoint,
                    data=SELECT.encode(),
                    headers={
                        "Content-Type": "application/sparql-query",
                        "Accept": "application/sparql-results+json",
                    },
                )
            else:
                status, _, body = _request(url, headers={"Accept": "application/sparql-results+json"})
            if status != 200 or _bindings(body) != expected:
                with lock:
                    failures.append(f"client {number} query {index}: HTTP {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(thread.is_alive() for thread in threads), "clients still running after 10 min"
    assert failures == []
    # and the server still answers, and still refuses updates
    status, _, body = _request(url, headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and _bindings(body) == expected
    refused, _, _ = _request(
        endpoint,
        data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert refused in (400, 403)
