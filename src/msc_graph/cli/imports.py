"""The import and graphs commands: bring an external graph in, list or remove imported graphs."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from msc_graph.cli.options import chosen_project, emit, format_option

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


def _cache_dir(ctx: click.Context) -> Any:
    return chosen_project(ctx).cache_dir


class _Feedback:
    """What an import shows on stderr: the bytes read, then a line per step after the reading.

    The bytes read: a bar on a terminal, else a line per tenth. The steps
    after the reading get lines of their own: a bar stuck at 100% would hide
    them, and they take a third of a KGX import.
    """

    def __init__(self, name: str, total: int) -> None:
        self.name = name
        self.bar: ProgressBar[int] | None = None
        if sys.stderr.isatty():
            self.bar = click.progressbar(
                length=total, label=f"importing {name}", file=sys.stderr, show_eta=True, show_percent=True
            )
            self.bar.__enter__()
            self.read: Callable[[int], None] = self.bar.update
        else:
            self.read = _progress_lines(name, total)

    def stage(self, text: str) -> None:
        """Show the step the import has reached (the bar, if any, is finished first)."""
        self.close()
        click.echo(f"importing {self.name}: {text}", err=True)

    def close(self) -> None:
        """Finish the bar (once)."""
        if self.bar is not None:
            bar, self.bar = self.bar, None
            bar.__exit__(None, None, None)


def _progress_lines(name: str, total: int) -> Callable[[int], None]:
    """Return a progress callback that prints a line on stderr at each further tenth of ``total`` bytes.

    click's bar prints only its label when stderr is not a terminal, so an
    import run from a script, a pipe or CI would show no progress at all.
    """
    done, shown = 0, -1

    def update(count: int) -> None:
        nonlocal done, shown
        done += count
        tenth = min(10, done * 10 // max(total, 1))
        if tenth > shown:
            shown = tenth
            click.echo(
                f"importing {name}: {min(100, done * 100 // max(total, 1))}% "
                f"({done / 2**20:.1f} of {total / 2**20:.1f} MiB)",
                err=True,
            )

    return update


@contextlib.contextmanager
def _feedback(name: str, total: int, quiet: bool) -> Iterator[_Feedback | None]:
    """Yield the import's feedback on stderr (none when ``quiet``), its bar finished at the end."""
    if quiet:
        yield None
        return
    feedback = _Feedback(name, total)
    try:
        yield feedback
    finally:
        feedback.close()


@click.command("import")
@click.argument("path", type=click.Path(exists=True))
@click.option("--name", required=True, help="Name to open the graph by (paths --graph NAME).")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["kgx", "nt", "ttl"]),
    help="Input format (default: from the file name: .nt → nt, .ttl → ttl, *nodes.tsv / "
    "*edges.tsv or a folder → kgx; .gz allowed).",
)
@click.option("--replace", is_flag=True, help="Replace a graph already imported under NAME.")
@click.option(
    "--store-provenance/--no-store-provenance",
    default=True,
    show_default=True,
    help="Also load each KGX edge's provenance (publications, knowledge source and level, "
    "direction qualifier, supporting text) into the SPARQL store, as an rdf:Statement node. "
    "Without it a large KGX import takes about a third of the time; paths --graph shows the "
    "same evidence, but SPARQL sees only the graph's own triples. KGX input only.",
)
@click.option(
    "--quiet",
    is_flag=True,
    help="No progress (a bar on a terminal, else a line per tenth; then a line per finishing step).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    /,
    path: str,
    name: str,
    input_format: str | None,
    replace: bool,
    store_provenance: bool,
    quiet: bool,
) -> None:
    """Import a KGX TSV pair, an N-Triples or a Turtle file as graph NAME (parsed once, kept for reuse).

    PATH is an N-Triples or Turtle file, a KGX nodes or edges file (its
    partner is found beside it) or a folder holding one KGX pair. The file is
    read once: its records become the network that `paths --graph NAME`
    searches, and the same pass bulk-loads a persistent RDF store for
    `sparql --graph NAME`. Nothing is half-written if the import is
    interrupted or fails, and one import of a NAME runs at a time (a second
    fails at once, exit 2). Curation rules (quotes, locators) do not apply; each edge
    keeps its source's provenance (knowledge source, publications, supporting
    text) and signed edges keep their sign. Our own `export -f nt|ttl` comes
    back as the graph it was: each reified assertion is one edge, with its
    evidence as provenance. Progress goes to stderr: a bar on a terminal, else
    a line at each tenth of the input; then a line for each step after the
    reading (writing the network, the store merging what it loaded).
    """
    from pathlib import Path

    from msc_graph.interop.imported import find_import_source, import_graph

    project = chosen_project(ctx)
    source = find_import_source(Path(path), input_format)
    prefixes = project.read_prefixes(default={})
    with _feedback(name, source.total_bytes, quiet) as feedback:
        summary = import_graph(
            source,
            name,
            project.cache_dir,
            prefixes=prefixes,
            replace=replace,
            progress=feedback.read if feedback else None,
            stage=feedback.stage if feedback else None,
            store_provenance=store_provenance,
        )
    click.echo(
        f"imported {summary.name} ({summary.format}): {summary.nodes} nodes, "
        f"{summary.edges} edges in {summary.seconds:.1f} s"
        + ("" if store_provenance else "; its store holds no edge provenance (--no-store-provenance)")
    )
    for slug, count in summary.predicates.items():
        click.echo(f"  {slug}\t{count}")
    click.echo(f"try: mscgraph paths --graph {summary.name} SOURCE TARGET")


@click.command()
@click.option("--remove", metavar="NAME", help="Remove this imported graph.")
@format_option()
@click.pass_context
def graphs(ctx: click.Context, /, remove: str | None, fmt: str) -> None:
    """List the imported graphs (name, format, nodes, edges, store, sources); --remove NAME deletes one.

    The store column says whether SPARQL sees each edge's provenance
    ("all triples") or only the graph's own triples ("no provenance": imported with
    --no-store-provenance).

    Either way, what killed imports left behind (temporary folders of
    processes that are gone) is removed.
    """
    from msc_graph.interop.imported import get_graphs_dir, list_graphs, remove_graph, remove_stale
    from msc_graph.interop.imported.records import GraphPayload, stores_provenance
    from msc_graph.render import Table

    cache_dir = _cache_dir(ctx)
    if remove:
        remove_graph(cache_dir, remove)
        click.echo(f"removed {remove}", err=True)
    else:
        remove_stale(cache_dir)
    import json

    rows: list[list[str]] = []
    payload: list[GraphPayload] = []
    for name in list_graphs(cache_dir):
        meta = json.loads((get_graphs_dir(cache_dir) / name / "meta.json").read_text(encoding="utf-8"))
        item: GraphPayload = {
            "name": meta["name"],
            "format": meta["format"],
            "nodes": meta["nodes"],
            "edges": meta["edges"],
            "source_names": meta.get("source_names", []),
            "imported_at": meta.get("imported_at", ""),
            "store_provenance": stores_provenance(meta),
        }
        payload.append(item)
        rows.append(
            [
                name,
                item["format"],
                str(item["nodes"]),
                str(item["edges"]),
                "all triples" if item["store_provenance"] else "no provenance",
                ", ".join(item["source_names"]),
                item["imported_at"],
            ]
        )
    emit(fmt, Table(["name", "format", "nodes", "edges", "store", "sources", "imported"], rows), payload)


COMMANDS = [import_command, graphs]
