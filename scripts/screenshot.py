"""Take the README screenshot: build the full graph page in a temp dir, shoot it in chromium.

Usage: python scripts/screenshot.py OUT.png [--zoom FACTOR]

Drives Debian's /usr/bin/chromium through playwright (never a downloaded
browser) with every non-file request aborted, waits until the layout has
settled, shows the evidence of one edge in the details panel, and writes
OUT.png atomically.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_page(folder: Path) -> Path:
    from msc_graph.render.html import build_viz_graph, render_graph_html
    from msc_graph.views import open_graph

    views = open_graph()
    graph = build_viz_graph(views.model, views.network, views.prefixes)
    page = folder / "graph.html"
    page.write_text(render_graph_html(graph), encoding="utf-8")
    print(f"built {page} ({len(graph.nodes)} nodes, {len(graph.edges)} edges)")
    return page


def shoot(page: Path, out: Path, zoom: float) -> None:
    from playwright.sync_api import Route, sync_playwright

    from msc_graph.views.cache import write_atomic

    blocked: list[str] = []

    def block(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1500, "height": 900}, device_scale_factor=1)
            pagehandle = context.new_page()
            pagehandle.route("**/*", block)
            pagehandle.goto(page.as_uri())
            pagehandle.wait_for_selector("body[data-ready=true]", state="attached", timeout=180_000)
            # The page as it opens (the folded overview, labels drawn by the page); with --zoom,
            # closer in towards the best-connected node. The panel shows the evidence of the
            # best-supported signed edge, as a click on it would.
            pagehandle.evaluate(
                """(zoom) => {
                  const net = window.mscGraph.network;
                  if (zoom !== 1) {
                    const ids = net.body.nodeIndices;
                    let best = ids[0], most = -1;
                    for (const id of ids) {
                      const degree = net.getConnectedEdges(id).length;
                      if (degree > most) { best = id; most = degree; }
                    }
                    const hub = net.getPosition(best);
                    net.moveTo({scale: net.getScale() * zoom, animation: false, position: hub});
                  }
                  const edges = window.mscGraph.edges.get()
                    .filter(e => e.kind === "increase" || e.kind === "decrease");
                  edges.sort((a, b) => b.n - a.n);
                  if (edges.length) { window.mscGraph.showDetails(edges[0].id); }
                }""",
                zoom,
            )
            pagehandle.wait_for_timeout(300)
            image = pagehandle.screenshot(type="png")
        finally:
            browser.close()
    if blocked:
        raise SystemExit(f"the page tried to load from outside: {blocked[:3]}")
    write_atomic(out, image)
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--zoom", type=float, default=1.0, help="zoom relative to the opening view (default 1.0)"
    )
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: run `make browser` (Debian's chromium)")
    with tempfile.TemporaryDirectory(prefix="mscgraph-shot-") as folder:
        shoot(build_page(Path(folder)), args.out, args.zoom)


if __name__ == "__main__":
    main()
