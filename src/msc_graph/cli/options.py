"""Options shared by several commands, and the one way every command prints its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from msc_graph.model import Basis
from msc_graph.render import FORMATS, Table, render

if TYPE_CHECKING:
    from msc_graph.views import GraphViews
    from msc_graph.views.graphs import Views

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*extra: str) -> Callable[[F], F]:
    """Return the ``-f/--format`` option (text by default; json and tsv for machines), with ``--width``."""
    choices = [*FORMATS, *extra]
    option = click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="text",
        show_default=True,
        help="Output format.",
    )

    def decorate(function: F) -> F:
        return option(width_option(function))

    return decorate


PIPE_WIDTH = 100
"""The text width when stdout is no terminal and $COLUMNS is unset (see :func:`text_width`)."""


def width_option(function: F) -> F:
    """Add ``--width N``: the width text tables fit (default: the terminal's).

    The value is kept in the context (``ctx.meta``) rather than passed to the
    command, so the one option serves every command that prints a text table
    and :func:`emit` finds it without each command handing it on.
    """
    return click.option(
        "--width",
        type=click.IntRange(min=20),
        metavar="N",
        expose_value=False,
        callback=_store_width,
        help="Fit text tables in N columns; a table that cannot fit prints one block per row "
        f"(default: the terminal's width, or {PIPE_WIDTH} when output is not a terminal).",
    )(function)


def _store_width(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None:
        ctx.meta["msc_graph.width"] = value
    return value


def text_width() -> int:
    """Return the width text output must fit: --width, else $COLUMNS, else the terminal's, else 100.

    When stdout is not a terminal (a pipe, a file, a test runner) there is no
    width to measure: the terminal that ran us may be wider or narrower than
    whatever reads the output, so a fixed 100 keeps piped and saved output
    the same everywhere, and readable in an editor or a pager. $COLUMNS, set
    on purpose, still wins, as it does for ``shutil.get_terminal_size``.
    """
    import os
    import shutil
    import sys

    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("msc_graph.width") if ctx else None
    if chosen:
        return int(chosen)
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((PIPE_WIDTH, 24)).columns
    return PIPE_WIDTH


def context_filter_options(function: F) -> F:
    """Add the evidence filters shared by studies, paths, viz, compare and contradictions.

    Context filters read each evidence's merged context (its study's context,
    overridden where its own sentence says otherwise); evidence that states no
    context at all passes them, marked general. ``--basis`` comes with them.
    """
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
            "--model",
            help='Only evidence in this disease model (e.g. "chronic constriction injury"; a disease '
            "such as neuropathic pain also selects its models).",
        ),
        click.option("--route", help="Only evidence with this route of administration (e.g. intrathecal)."),
        click.option(
            "--study", help='Only evidence from this study (id or citation, e.g. "Gao et al., 2023a").'
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return basis_option(function)


BASES = tuple(basis.value for basis in Basis)
"""The evidence bases, strongest first (model.py is standard library only: cheap for --help)."""


def _parse_basis(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """Return the bases named in a comma-separated --basis value, refusing unknown ones."""
    import difflib

    parts = tuple(dict.fromkeys(p.strip().lower() for p in (value or "").split(",") if p.strip()))
    if not parts:
        raise click.BadParameter(f"name at least one of {', '.join(BASES)}", ctx, param)
    for part in parts:
        if part not in BASES:
            close = difflib.get_close_matches(part, BASES, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise click.BadParameter(
                f"unknown basis {part!r}{hint} (use a comma-separated list of {', '.join(BASES)})", ctx, param
            )
    return parts


def basis_option(function: F) -> F:
    """Add ``--basis``: which kinds of evidence count (all three by default)."""
    return click.option(
        "--basis",
        default=",".join(BASES),
        show_default=True,
        callback=_parse_basis,
        metavar="LIST",
        help="Only evidence of these bases, comma-separated: stated (the sentence, row or title says it), "
        "hedged (the author hedges: may, might, suggests), inferred (our reading, e.g. two cells of a "
        "table row paired; never the author's words).",
    )(function)


def emit(fmt: str, table: Table, payload: Any) -> None:
    """Print a command's result in the chosen format (text fitting :func:`text_width`)."""
    click.echo(render(fmt, table, payload, text_width()))


def chosen_project(ctx: click.Context) -> Any:
    """Return the project given by the root group's --project (or found from the working dir)."""
    from pathlib import Path

    from msc_graph.config import find_project

    root = ctx.find_root().obj.get("project")
    return find_project(Path(root) if root else None)


def open_views(ctx: click.Context) -> GraphViews:
    """Open the curated graph of the project chosen on the root group (or found)."""
    from msc_graph.views import open_graph

    return open_graph(chosen_project(ctx))


def graph_options(action: str) -> Callable[[F], F]:
    """Return the ``--graph NAME`` and ``--with-curated`` options of paths and viz.

    ``action`` completes the help: "Search" or "Draw" an imported graph.
    """

    def decorate(function: F) -> F:
        function = click.option(
            "--with-curated",
            is_flag=True,
            help="With --graph: lay the curated graph over the imported one (a curated entity "
            "whose cross-reference is an imported node id is that node).",
        )(function)
        return click.option(
            "--graph",
            "graph_name",
            metavar="NAME",
            help=f"{action} an imported graph (mscgraph import) instead of the curated one.",
        )(function)

    return decorate


def open_chosen_views(ctx: click.Context, graph_name: str | None, with_curated: bool) -> Views:
    """Open the graph `--graph` names (the curated one laid over it on request), else the curated one."""
    if graph_name:
        from msc_graph.interop.imported import open_imported

        return open_imported(graph_name, chosen_project(ctx), with_curated=with_curated)
    if with_curated:
        raise click.UsageError("--with-curated needs --graph NAME")
    return open_views(ctx)


def echo_progress(message: str) -> None:
    """Print a progress line on stderr (stdout stays clean for machine formats)."""
    click.echo(message, err=True)
