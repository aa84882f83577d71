"""The curate commands: help a curator read a new review (``curate draft``)."""

from __future__ import annotations

from pathlib import Path

import click

from msc_graph.cli.options import echo_progress, open_views


@click.group()
def curate() -> None:
    """Draft the curation of a review: proposals a curator checks, never data."""


@curate.command()
@click.argument("seed", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--review", "review", required=True, metavar="ID", help="The review's id (its study id).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft YAML to this file (default: standard output).",
)
@click.pass_context
def draft(ctx: click.Context, /, seed: Path, review: str, output: Path | None) -> None:
    """Draft the curation of the review SEED (a seed text): studies, entities and assertions to check.

    Every record is marked `status: draft` and `proposed_by: curate-draft`.
    Entities are found with the graph's names and the abbreviations the seed
    defines; assertions where a sentence or table row names two entities with
    a cue between them, each with a verbatim quote and the coverage audit's
    locator. Where the review has an entry in coverage/seeds.yaml, its main
    text is read as the audit reads it; otherwise up to its reference list.
    """
    import yaml

    from msc_graph.curation.coverage import read_coverage_config
    from msc_graph.curation.draft import draft_review
    from msc_graph.views.resolve import NameIndex

    views = open_views(ctx)
    model = views.model
    region = read_coverage_config(views.project.coverage_path, model.reviews).get(review)
    index = NameIndex.of_model(model)
    raw = seed.read_text(encoding="utf-8")
    result = draft_review(raw, review, index.named, model.entities, region, progress=echo_progress)
    text = yaml.safe_dump(result.as_data(), sort_keys=False, allow_unicode=True, width=100)
    header = f"# Draft curation of {review} from {seed.name} (mscgraph curate draft): check every record.\n"
    if output is None:
        click.echo(header + text, nl=False)
    else:
        from msc_graph.views.cache import write_atomic

        write_atomic(output, (header + text).encode("utf-8"))
        echo_progress(f"wrote {output}")


COMMANDS = [curate]
