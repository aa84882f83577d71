"""Curation commands: ``curate review`` walks a file's drafts and turns each into data or removes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from msc_graph.cli.options import chosen_project

if TYPE_CHECKING:
    from msc_graph.curation.load import Located
    from msc_graph.curation.review import DraftRecord, ProjectCheck

CHOICES = {"a": "accept", "e": "edit", "r": "reject", "s": "skip", "q": "quit"}


@click.group()
def curate() -> None:
    """Propose records from a seed text and review the proposals (drafts) one by one."""


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
