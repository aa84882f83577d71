"""Commands that find things by name: search, resolve, show."""

from __future__ import annotations

import click

from msc_graph.cli.options import basis_option, emit, format_option, open_views
from msc_graph.model.names import escape_controls
from msc_graph.render import Table
from msc_graph.render.evidence import EVIDENCE_COLUMNS, evidence_cells, format_evidence_lines


@click.command()
@click.argument("text")
@click.option("--limit", default=25, show_default=True, help="Most results to list.")
@format_option()
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, fmt: str) -> None:
    """Find entities whose id, label, synonym or CURIE contains TEXT.

    Case-, hyphen- and Greek-insensitive: "TNF-alpha" finds TNF-α, "NF-kB" finds NF-κB.
    """
    from msc_graph.query.payloads import match_payload

    views = open_views(ctx)
    matches = views.resolver.search(text, limit)
    study = views.resolver.study_named(text)
    if study is not None:
        click.echo(
            (f"note: {text!r} is a study, {study.citation}: mscgraph studies --study {study.id}"), err=True
        )
    rows = [[m.id, m.label, m.type, m.matched, m.how, f"{m.score:.2f}"] for m in matches]
    emit(
        fmt,
        Table(["id", "label", "type", "matched", "how", "score"], rows),
        [match_payload(m) for m in matches],
    )


@click.command()
@click.argument("text")
@click.option(
    "--descendants", is_flag=True, help="Also list everything below the entity in the is-a hierarchy."
)
@format_option()
@click.pass_context
def resolve(ctx: click.Context, text: str, descendants: bool, fmt: str) -> None:
    """Resolve TEXT (id, CURIE, label, synonym, spelling variant or abbreviation) to an entity.

    A part of a composite (mTOR, TLR2) resolves to the composite; one shared
    by several (PI3K) lists them all, the best supported first. An unknown
    name fails with the closest names, a study's id or citation points to
    the study, and an ambiguous name lists every candidate with its type.
    """
    from msc_graph.query.payloads import resolve_payload

    views = open_views(ctx)
    matches = views.resolver.resolve_all(text)
    match = matches[0]
    below = list(views.resolver.iter_descendants([match.id]))[1:] if descendants else []
    payload = resolve_payload(views.model, matches, below)
    rows = [[m.id, m.label, m.type, f"{m.how}: {m.matched}"] for m in matches]
    rows += [
        [i, views.model.entities[i].label, views.model.entities[i].type.value, "descendant"] for i in below
    ]
    emit(fmt, Table(["id", "label", "type", "matched"], rows), payload)


@click.command()
@click.argument("entity")
@basis_option
@format_option()
@click.pass_context
def show(ctx: click.Context, entity: str, basis: tuple[str, ...], fmt: str) -> None:
    """Show ENTITY: its names, cross-references, hierarchy and every assertion with evidence.

    Each piece of evidence says its basis (stated, hedged, or inferred with
    what it was inferred from) and its context in one line; --basis keeps
    only evidence of those bases. Given a study's id or citation instead, it
    shows the study as `studies --study` does.
    """
    from msc_graph.cli.studies import studies
    from msc_graph.query.filters import build_filter, filter_model
    from msc_graph.query.payloads import show_payload
    from msc_graph.views.resolve import StudyNameError

    views = open_views(ctx)
    model = filter_model(views.model, build_filter(views.resolver, {"basis": basis}))
    try:
        match = views.resolver.resolve(entity)
    except StudyNameError as error:
        click.echo(f"{entity!r} is a study, not an entity: showing it as `studies --study` does", err=True)
        ctx.invoke(studies, fmt=fmt, study=error.study.id, basis=basis)
        return
    payload = show_payload(model, match.id, views.prefixes)
    if fmt != "text":
        rows = [
            [a["subject"]["label"], a["predicate"], a["object"]["label"], *evidence_cells(e)]
            for a in payload["assertions"]
            for e in a["evidence"]
        ]
        emit(fmt, Table(["subject", "predicate", "object", *EVIDENCE_COLUMNS], rows), payload)
        return

    def say(text: str) -> None:
        click.echo(escape_controls(text))  # labels and quotes are data: never raw to a terminal

    info = payload["entity"]
    say(f"{info['label']}  [{info['type']}]  id: {info['id']}")
    if info["synonyms"]:
        say(f"  synonyms: {', '.join(info['synonyms'])}")
    for xref in info["xrefs"]:
        say(f"  xref: {xref['curie']}  {xref['iri'] or ''}".rstrip())
    if info["no_xref"]:
        say(f"  no xref: {info['no_xref']}")
    for part in info["components"]:
        others = f" ({', '.join(part['spellings'][1:])})" if part["spellings"][1:] else ""
        grounding = ", ".join(x["curie"] for x in part["xrefs"]) or f"no xref: {part['no_xref'] or '?'}"
        say(f"  component: {part['name']}{others}  {grounding}")
    if info["is_a"]:
        say(f"  is a: {', '.join(p['label'] for p in info['is_a'])}")
    if info["children"]:
        say(f"  narrower: {', '.join(c['label'] for c in info['children'])}")
    say(f"\n{len(payload['assertions'])} assertion(s):")
    for assertion in payload["assertions"]:
        say(f"\n  {assertion['subject']['label']} —{assertion['predicate']}→ {assertion['object']['label']}")
        for number, item in enumerate(assertion["evidence"], 1):
            say("\n".join(format_evidence_lines(number, item)))


COMMANDS = [search, resolve, show]
