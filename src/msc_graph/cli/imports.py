"""The import and graphs commands: bring an external graph in, list or remove imported graphs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from msc_graph.cli.options import chosen_project, emit, format_option

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


def _cache_dir(ctx: click.Context) -> Any:


    return chosen_project(ctx).cache_dir


@click.command("import")
@click.argument("path", type=click.Path(exists=True))
@click.option("--name", required=True, help="Name to open the graph by (paths --graph NAME).")
@click.option("--format", "input_format", type=click.Choice(["kgx", "nt"]),
              help="Input format (default: from the file name: .nt → nt, *nodes.tsv / *edges.tsv "
              "or a folder → kgx; .gz allowed).")
@click.option("--replace", is_flag=True, help="Replace a graph already imported under NAME.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def import_command(ctx: click.Context, /, path: str, name: str, input_format: str | None,
                   replace: bool, quiet: bool) -> None:
    """Import a KGX TSV pair or an N-Triples file as graph NAME (parsed once, stored for fast reuse).

    PATH is an N-Triples file, a KGX nodes or edges file (its partner is found
    beside it) or a folder holding one KGX pair. The file is read once: its
    records become the network that `paths --graph NAME` searches, and the same
    pass bulk-loads a persistent RDF store for SPARQL. Nothing is half-written
    if the import is interrupted. Curation rules (quotes, locators) do not
    apply; each edge keeps its source's provenance (knowledge source,
    publications, supporting text) and signed edges keep their sign.
    """
    import json
    import sys
    from pathlib import Path

    from msc_graph.imports import find_import_source, import_graph

    project = chosen_project(ctx)
    source = find_import_source(Path(path), input_format)
    prefixes: dict[str, str] = {}
    if project.prefixes_path.is_file():
        prefixes = json.loads(project.prefixes_path.read_text(encoding="utf-8"))
    if quiet:
        summary = import_graph(source, name, project.cache_dir, prefixes=prefixes, replace=replace)
    else:
        bar: ProgressBar[int]
        with click.progressbar(length=source.total_bytes, label=f"importing {name}",
                               file=sys.stderr, show_eta=True,
                               show_percent=True) as bar:
            summary = import_graph(source, name, project.cache_dir, prefixes=prefixes,
                                   replace=replace, progress=bar.update)
    click.echo(f"imported {summary.name} ({summary.format}): {summary.nodes} nodes, "
               f"{summary.edges} edges in {summary.seconds:.1f} s")
    for slug, count in summary.predicates.items():
        click.echo(f"  {slug}\t{count}")
    click.echo(f"try: mscgraph paths --graph {summary.name} SOURCE TARGET")


@click.command()
@click.option("--remove", metavar="NAME", help="Remove this imported graph.")
@format_option()
@click.pass_context
def graphs(ctx: click.Context, /, remove: str | None, fmt: str) -> None:
    """List the imported graphs (name, format, nodes, edges, sources); --remove NAME deletes one."""
    from msc_graph.imports import get_graphs_dir, list_graphs, remove_graph
    from msc_graph.render import Table

    cache_dir = _cache_dir(ctx)
    if remove:
        remove_graph(cache_dir, remove)
        click.echo(f"removed {remove}", err=True)
    import json

    rows, payload = [], []
    for name in list_graphs(cache_dir):
        meta = json.loads((get_graphs_dir(cache_dir) / name / "meta.json").read_text(encoding="utf-8"))
        item = {key: meta.get(key) for key in ("name", "format", "nodes", "edges", "source_names",
                                               "imported_at")}
        payload.append(item)
        rows.append([name, meta["format"], str(meta["nodes"]), str(meta["edges"]),
                     ", ".join(meta.get("source_names", [])), meta.get("imported_at", "")])
    emit(fmt, Table(["name", "format", "nodes", "edges", "sources", "imported"], rows), payload)


COMMANDS = [import_command, graphs]
