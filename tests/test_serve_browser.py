"""The query page of `mscgraph serve` in a real browser: pick a named query, run it, follow a link.

The real command serves the fixture graph on a free loopback port; Debian's
chromium, driven by playwright, may reach that server and nothing else (every
other request is aborted and recorded). The rows expected are those
`mscgraph query` gives on the same graph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.query.sparql import iter_named_queries

from .test_serve import _serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE = (
    'SELECT ?markup ?script ?mail WHERE { BIND("<img src=x onerror=alert(1)>" AS ?markup) '
    "BIND(<javascript:alert(1)> AS ?script) BIND(<mailto:a@b.c> AS ?mail) }"
)


def _expected_rows(runner, *args: str) -> list[list[str]]:
    result = runner.invoke(cli, ["query", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return [
        [row.get(v, {}).get("value", "") for v in data["head"]["vars"]] for row in data["results"]["bindings"]
    ]


def _table(page: Any) -> tuple[list[str], list[list[str]]]:
    return page.evaluate(
        """() => {
          const table = document.getElementById("results");
          const head = [...table.tHead.rows[0].cells].map(c => c.textContent);
          const rows = [...table.tBodies[0].rows].map(r => [...r.cells].map(c => {
            const link = c.querySelector("a");
            return link ? link.getAttribute("href") : c.textContent;
          }));
          return [head, rows];
        }"""
    )


def test_query_page_runs_a_named_query_and_links_its_iris(
    fixture_project: Project, tmp_path: Path, runner, browser: Any
) -> None:
    with _serving(tmp_path) as url:
        context = browser.new_context()
        page = context.new_page()
        outside: list[str] = []
        errors: list[str] = []

        def route(route: Any) -> None:
            if route.request.url.startswith(url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        failed: list[str] = []  # which request a "Failed to load resource" line was about
        page.on(
            "response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.request.method} {r.url}")
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
        try:
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
            options = page.eval_on_selector_all("#named option", "os => os.map(o => o.value)")
            assert options == ["", *sorted(q.name for q in iter_named_queries())]

            # a parameter given by label is bound as `query -p entity=GFAP` binds it
            page.select_option("#named", "evidence-for-entity")
            # picking it binds its default, which names no entity of the fixture: the page says so
            page.wait_for_selector("#named-status.error:has-text('mir-99b-3p')")
            assert errors == [
                "Failed to load resource: the server responded with a status of 400 (Bad Request)"
            ]
            errors.clear()
            page.fill("input[data-param=entity]", "GFAP")
            page.click("#named-use")
            page.wait_for_function(
                "() => document.getElementById('query').value.includes('<https://w3id.org/msc-graph/entity/gfap>')"
            )
            page.click("#run")
            page.wait_for_selector("#results tbody tr")
            head, rows = _table(page)
            assert head[:3] == ["subject", "predicate", "object"]
            assert rows == _expected_rows(runner, "evidence-for-entity", "-p", "entity=gfap")

            # IRIs in the results are links to themselves, shortened with the predeclared prefixes
            page.select_option("#named", "entities-without-xrefs")
            page.wait_for_function(
                "() => document.getElementById('query').value.includes('Entities without cross-references')"
            )
            page.click("#run")
            page.wait_for_function(
                "() => document.querySelector('#results')?.textContent.includes('entity:gfap')"
            )
            head, rows = _table(page)
            assert rows == _expected_rows(runner, "entities-without-xrefs")
            link = page.locator("#results a", has_text="entity:gfap")
            iri = "https://w3id.org/msc-graph/entity/gfap"
            assert link.get_attribute("href") == iri
            with page.expect_request(iri):
                link.click()
            assert outside == [iri]  # following the link asked for the IRI, and nothing else left the page

            # data is text, never markup, and only an http(s) IRI becomes a link
            page.goto(url)  # a fresh load: going back may restore the picker's state, which is not under test
            page.wait_for_selector("body[data-ready=true]", state="attached")
            page.fill("#query", HOSTILE)
            page.click("#run")
            page.wait_for_selector("#results tbody tr")
            assert _table(page)[1] == [
                ["<img src=x onerror=alert(1)>", "javascript:alert(1)", "mailto:a@b.c"]
            ]
            assert page.locator("#results a").count() == 0 and page.locator("#results img").count() == 0
            assert errors == [], (errors, failed)
        finally:
            context.close()
