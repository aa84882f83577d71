"""Options shared by several commands, and the one way every command prints its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from msc_graph.render import FORMATS, Table, render

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*extra: str) -> Callable[[F], F]:
    """Return the ``-f/--format`` option (text by default; json and tsv for machines)."""
    choices = [*FORMATS, *extra]
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="text",
        show_default=True,
        help="Output format.",
    )


def context_filter_options(function: F) -> F:
    """Add the context filters shared by studies, paths and viz."""
    options = [
        click.option("--species", help='Only evidence in this species (e.g. "rat").'),
        click.option(
            "--source",
            "msc_source",
            help='Only evidence with this MSC source (e.g. "bone marrow-derived MSCs"; '
            "includes narrower sources).",
        ),
        click.option(
            "--preparation",
            help='Only evidence with this preparation ("full secretome"; '
            '"extracellular vesicles" includes exosomes).',
        ),
        click.option(
            "--model", help='Only evidence in this disease model (e.g. "chronic constriction injury").'
        ),
        click.option("--route", help="Only evidence with this route of administration (e.g. intrathecal)."),
        click.option(
            "--study", help='Only evidence from this study (id or citation, e.g. "Gao et al., 2023a").'
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def emit(fmt: str, table: Table, payload: Any) -> None:
    """Print a command's result in the chosen format."""
    click.echo(render(fmt, table, payload))


def chosen_project(ctx: click.Context) -> Any:
    """Return the project given by the root group's --project (or found from the working dir)."""
    from pathlib import Path

    from msc_graph.cache import find_project

    root = ctx.find_root().obj.get("project")
    return find_project(Path(root) if root else None)


def open_views(ctx: click.Context) -> Any:
    """Open the curated graph of the project chosen on the root group (or found)."""
    from msc_graph.views import open_graph

    return open_graph(chosen_project(ctx))


def echo_progress(message: str) -> None:
    """Print a progress line on stderr (stdout stays clean for machine formats)."""
    click.echo(message, err=True)
