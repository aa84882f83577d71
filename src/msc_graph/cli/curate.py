"""Curation commands: `curate draft` proposes records, `curate review` makes each data or removes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from msc_graph.cli.options import chosen_project, echo_progress, open_views

if TYPE_CHECKING:
    from msc_graph.curation.load import Located
    from msc_graph.curation.review import DraftRecord, ProjectCheck

CHOICES = {"a": "accept", "e": "edit", "r": "reject", "s": "skip", "q": "quit"}


@click.group()
def curate() -> None:
    """Propose records from a seed text and review the proposals (drafts) one by one."""


@curate.command()
@click.argument("seed", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--review", "review_id", required=True, metavar="ID", help="The review's id (its study id).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft YAML to this file (default: standard output).",
)
@click.option(
    "--vocabulary",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    metavar="FILE",
    help="A full term dictionary (scripts/make_term_tables.py --draft-vocabulary): "
    "new entities it names exactly are proposed with their CURIE in xrefs.",
)
@click.pass_context
def draft(
    ctx: click.Context, /, seed: Path, review_id: str, output: Path | None, vocabulary: Path | None
) -> None:
    """Draft the curation of the review SEED (a seed text): studies, entities and assertions to check.

    Every record is marked `status: draft` and `proposed_by: curate-draft`.
    Entities are found with the graph's names and the abbreviations the seed
    defines; assertions where a sentence or table row names two entities with
    a cue between them, each with a verbatim quote and the coverage audit's
    locator. Where the review has an entry in coverage/seeds.yaml, its main
    text is read as the audit reads it; otherwise up to its reference list.
    Studies and entities the graph already has are used, not proposed again.
    With --vocabulary, a new entity whose name is exactly a term of HGNC,
    miRBase, GO, CL, UBERON, MONDO or MeSH gets that term's CURIE.
    """
    import yaml

    from msc_graph.curation.coverage import read_coverage_config
    from msc_graph.curation.drafting import draft_review
    from msc_graph.views.resolve import NameIndex

    views = open_views(ctx)
    model = views.model
    region = read_coverage_config(views.project.coverage_path, model.reviews).get(review_id)
    index = NameIndex.of_model(model)
    raw = seed.read_text(encoding="utf-8")
    terms = None
    if vocabulary is not None:
        from msc_graph.curation.terms import read_term_dictionary

        echo_progress(f"reading {vocabulary}")
        terms = read_term_dictionary(vocabulary)
    result = draft_review(
        raw,
        review_id,
        index.named,
        model.entities,
        region,
        progress=echo_progress,
        studies=model.studies,
        terms=terms,
    )
    text = yaml.safe_dump(result.as_data(), sort_keys=False, allow_unicode=True, width=100)
    header = (
        f"# Draft curation of {review_id} from {seed.name} (mscgraph curate draft): check every record.\n"
    )
    if output is None:
        click.echo(header + text, nl=False)
    else:
        from msc_graph.views.cache import write_atomic

        write_atomic(output, (header + text).encode("utf-8"))
        echo_progress(f"wrote {output}")


def _describe(draft: DraftRecord) -> list[str]:
    """Return the lines that show one draft: what it claims, and where each piece of evidence says so."""
    record: Located = draft.record
    by = record.get("proposed_by") or "?"
    if draft.section == "assertions":
        head = [f"{record.get('subject')}  {record.get('predicate')}  {record.get('object')}"]
    elif draft.section == "entities":
        head = [f"entity {record.get('id')}: {record.get('label')} ({record.get('type')})"]
    else:
        head = [f"study {record.get('id')}: {record.get('citation')}"]
        if record.get("title"):
            head.append(f"  title: {record.get('title')}")
    lines = [f"line {draft.start + 1}, proposed by {by}", *head]
    for item in record.get("evidence") or []:
        if not isinstance(item, dict):
            continue
        quote = item.get("quote")
        quote = " … ".join(quote) if isinstance(quote, list) else quote
        lines.append(
            f"  study {item.get('study')}, basis {item.get('basis', 'stated')}, "
            f"{item.get('source_kind')} {item.get('locator')}"
        )
        lines.append(f"    “{quote}”")
    return lines


@curate.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, writable=True))
@click.pass_context
def review(ctx: click.Context, file: str) -> None:
    """Walk the drafts of FILE one by one: accept, edit in $EDITOR, reject, skip or quit.

    Accept removes status: draft and keeps proposed_by (exports then say a
    tool proposed the record and a curator validated it); edit opens the
    record in $EDITOR and accepts what you save; reject deletes the record;
    skip leaves it a draft. An accepted or edited record is first validated
    with the whole project (an entity a draft assertion uses must be accepted
    before it). The file is saved after every decision, in place: comments,
    order and every other record stay as written, and quitting loses nothing.
    """
    from msc_graph.curation import review as drafts

    project = chosen_project(ctx)
    path = Path(file)
    text = path.read_text(encoding="utf-8")
    skipped = 0
    counts = dict.fromkeys(CHOICES.values(), 0)
    check = drafts.ProjectCheck(project, path)
    pending = drafts.find_draft_records(path, text)
    total = len(pending)
    while skipped < len(pending):
        draft = pending[skipped]
        click.echo(f"\ndraft {counts['accept'] + counts['reject'] + skipped + 1} of {total}, {file}")
        for line in _describe(draft):
            click.echo(f"  {line}")
        decision = _decide(check, text, draft)
        if decision is None:
            counts["skip"] += 1
            skipped += 1
            continue
        if decision == "quit":
            break
        if decision == "reject":
            text = drafts.reject(text, draft)
            counts["reject"] += 1
        else:
            text = decision
            counts["accept"] += 1
        drafts.write_text(path, text)
        pending = drafts.find_draft_records(path, text)
    left = len(drafts.find_draft_records(path, text))
    click.echo(
        f"\n{counts['accept']} accepted, {counts['reject']} rejected, {counts['skip']} skipped; "
        f"{left} draft(s) left in {file}"
    )


def _decide(check: ProjectCheck, text: str, draft: DraftRecord) -> str | None:
    """Ask about one draft until the answer can be carried out.

    Returns the file's new text (accepted or edited), "reject", "quit", or
    None to skip. An accepted record that does not validate is shown with its
    problems and asked about again; nothing is written for it.
    """
    from msc_graph.curation import review as drafts
    from msc_graph.errors import MscGraphError

    path = check.path
    edited: str | None = None
    while True:
        choice = CHOICES[
            click.prompt(
                "[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit",
                type=click.Choice(list(CHOICES)),
                show_choices=False,
            )
        ]
        if choice in ("reject", "quit"):
            return choice
        if choice == "skip":
            return None
        try:
            if choice == "accept":
                new_text = drafts.accept(path, text, draft)
            else:
                edited = click.edit(edited or drafts.record_text(text, draft), extension=".yaml")
                if edited is None:
                    click.echo("no change saved in the editor; choose again")
                    continue
                new_text = drafts.replace(path, text, draft, edited)
        except MscGraphError as error:  # DataError too: an edit that is no YAML mapping
            click.echo(f"not accepted: {error}")
            continue
        problems = check.find_new_problems(text, new_text, draft)
        if not problems:
            return new_text
        click.echo("not accepted; the record would not validate:")
        for problem in problems:
            click.echo(f"  {problem}")


COMMANDS = [curate]
