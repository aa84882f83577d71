"""Commands that build, check and count the graph: build, validate, stats."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from msc_graph.cli.options import chosen_project, echo_progress, emit, format_option, open_views
from msc_graph.render import Table

if TYPE_CHECKING:
    from msc_graph.config import Project
    from msc_graph.model import Study


@click.command()
@click.option("--no-cache", is_flag=True, help="Rebuild from the YAML even when inputs are unchanged.")
@click.pass_context
def build(ctx: click.Context, no_cache: bool) -> None:
    """Load and validate graph_data/, and cache the model every later command builds its views from.

    The views (network, RDF) are built from the cached model on first use, so
    there is nothing more to prepare here. Exit code 2 when the curated data has
    problems; the last good build stays usable.
    """
    from msc_graph.views.cache import build_model

    echo_progress("loading and validating graph_data/ ...")
    model = build_model(chosen_project(ctx), use_cache=not no_cache)
    evidence = sum(len(a.evidence) for a in model.assertions)
    click.echo(
        f"built: {len(model.entities)} entities, {len(model.studies)} studies, "
        f"{len(model.assertions)} assertions, {evidence} evidence"
    )


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--warnings",
    "show_warnings",
    is_flag=True,
    help="Also list same-study inconsistencies (one study described differently in prose, table and title).",
)
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], show_warnings: bool) -> None:
    """Check the curated data (or just FILES) and report every problem.

    Each problem is printed as file:line:column: field: message. Exit code 2
    when there is any. Drafts (records with status: draft, which build leaves
    out) are listed as warnings, file:line each; they do not fail validation.
    Quotes are checked against the seeds when the seed folder is found
    ($MSC_GRAPH_SEEDS or ../shared/seeds).
    """
    from msc_graph.curation.drafts import iter_drafts
    from msc_graph.curation.load import iter_data_files, load_files
    from msc_graph.curation.seeds import get_seeds_dir, make_quote_lookup
    from msc_graph.curation.validate import find_warnings, validate_files

    project = chosen_project(ctx)
    paths = [Path(f) for f in files] or list(iter_data_files(project.data_dir))
    seeds_dir = get_seeds_dir()
    lookup = make_quote_lookup(seeds_dir)
    if lookup is None:
        echo_progress("note: seed texts not found; quotes were not checked (set MSC_GRAPH_SEEDS)")
    reviews = _project_reviews(project) if files else None
    loaded = load_files(paths)
    model = validate_files(
        loaded, project.read_prefixes(), lookup, reviews=reviews, terms=project.read_terms()
    )
    evidence = sum(len(a.evidence) for a in model.assertions)
    click.echo(
        f"ok: {len(paths)} files, {len(model.entities)} entities, {len(model.studies)} "
        f"studies, {len(model.assertions)} assertions, {evidence} evidence"
    )
    drafts = list(iter_drafts(loaded))
    for draft in drafts:
        click.echo(f"warning: {draft}")
    if drafts:  # proposals, not problems: the exit code stays 0
        click.echo(
            f"{len(drafts)} draft(s) left out of the graph; "
            "accept or reject them with `mscgraph curate review FILE`"
        )
    if show_warnings:
        warnings = find_warnings(model)
        for warning in warnings:
            click.echo(f"warning: {warning}")
        click.echo(f"{len(warnings)} warning(s)")


def _project_reviews(project: Project) -> Mapping[str, Study] | None:
    """Return the project's reviews, which FILES checked on their own may read evidence in.

    From the cached model; when the project's own data has problems, FILES
    know only the reviews they define themselves.
    """
    from msc_graph.errors import DataError
    from msc_graph.views.cache import build_model

    try:
        return build_model(project).reviews
    except DataError:
        echo_progress("note: the project's data has problems; only reviews defined in FILES are known")
        return None


@click.command()
@format_option()
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> None:
    """Count entities per type, assertions per predicate, evidence per study and review."""
    from msc_graph.query.stats import compute_stats

    views = open_views(ctx)
    result = compute_stats(views.model)
    rows = [
        ["total", "entities", str(result.entities)],
        ["total", "studies", str(result.studies)],
        ["total", "assertions", str(result.assertions)],
        ["total", "evidence", str(result.evidence)],
    ]
    for group, counts in (
        ("type", result.per_type),
        ("predicate", result.per_predicate),
        ("review", result.per_review),
        ("study", result.per_study),
    ):
        rows.extend([group, name, str(count)] for name, count in counts.items())
    emit(fmt, Table(["group", "name", "count"], rows), result.as_payload())


COMMANDS = [build, validate, stats]
