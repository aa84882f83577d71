"""README transcripts: run a command of the CLI and write what it printed, for cog.

The README's example outputs are generated, never typed: each sits between
cog markers that call :func:`show`, `make readme` regenerates them
(`cog -I scripts -r README.md`) and `tests/test_readme.py` fails when one is
stale (`cog --check`).
"""

from __future__ import annotations

import shlex

import cog  # type: ignore[import-not-found]
from click.testing import CliRunner

from msc_graph.cli import cli

WIDTH = 100
"""The width every transcript's text tables fit, whatever terminal or CI runs cog."""


def show(command: str, *, head: int | None = None, typed: str | None = None, fence: str = "text") -> None:
    """Write a fenced block: ``$ mscgraph COMMAND`` and the command's standard output.

    Text tables fit WIDTH columns ($COLUMNS, which --width would override), so a
    transcript is the same on every machine.

    Args:
        command: the arguments after ``mscgraph``, as a shell would split them.
        head: keep only the first lines of the output (a "..." line says so).
        typed: how the command is shown when it differs from ``command`` (line breaks).
        fence: the code block's language.
    """
    result = CliRunner().invoke(cli, shlex.split(command), env={"COLUMNS": str(WIDTH)})
    if result.exit_code != 0:
        raise RuntimeError(f"mscgraph {command} exited {result.exit_code}: {result.output}")
    lines = result.stdout.rstrip("\n").splitlines()
    if head is not None and len(lines) > head:
        lines = [*lines[:head], "..."]
    cog.outl(f"```{fence}")
    cog.outl(f"$ mscgraph {typed or command}")
    for line in lines:
        cog.outl(line.rstrip())
    cog.outl("```")


def identifier_shares() -> None:
    """Write a table: per review, the primary studies read in it and how many carry a PMID or DOI."""
    from msc_graph import open_graph
    from msc_graph.query.studies import iter_study_rows

    model = open_graph().model
    read_in: dict[str, list[str]] = {}
    for row in iter_study_rows(model):  # primary studies with the reviews they are read in
        for review in row.read_in:
            read_in.setdefault(review, []).append(row.id)
    cog.outl("| review | primary studies | with a PMID | with a DOI | with either |")
    cog.outl("|---|---:|---:|---:|---:|")
    for review in sorted(read_in):
        studies = [model.studies[s] for s in read_in[review]]
        either = sum(bool(s.pmid or s.doi) for s in studies)
        cog.outl(
            f"| {review} | {len(studies)} | {sum(bool(s.pmid) for s in studies)} | "
            f"{sum(bool(s.doi) for s in studies)} | {either} ({either / len(studies):.0%}) |"
        )


def bench_table() -> None:
    """Write the README's benchmark table from benchmarks/results/latest.json (the last `make bench`)."""
    import json
    from pathlib import Path

    results = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "latest.json"
    data = json.loads(results.read_text(encoding="utf-8"))
    cog.outl("| measurement | ours (s) | baseline (s) | ratio | target | met |")
    cog.outl("|---|---:|---:|---:|---|---|")
    for row in data["rows"]:
        bound = "≥ " if row["lower_bound"] else ""
        met = "yes" if row["met"] else "**no**"
        cog.outl(
            f"| {row['what']} | {row['ours_s']:.3f} | {bound}{row['baseline_s']:.3f} | "
            f"{bound}{row['ratio']:.2f}× | {row['target']} | {met} |"
        )


def scale_table() -> None:
    """Write the README's ten-times-Hetionet row from benchmarks/results/scale.md (the last `make bench-scale`)."""
    from pathlib import Path

    results = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "scale.md"
    for line in results.read_text(encoding="utf-8").splitlines()[2:]:
        cog.outl(line)


def draft_table() -> None:
    """Write the README's leave-one-out table of `curate draft` from benchmarks/results/draft-loo.md."""
    from pathlib import Path

    results = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "draft-loo.md"
    for line in results.read_text(encoding="utf-8").split("\n\n")[0].splitlines():
        cog.outl(line)


def draft_misses(per_review: int = 2) -> None:
    """Write, per review, curated claims the leave-one-out draft missed and drafted claims we never curated.

    Read from benchmarks/results/draft-loo.json; each sentence is cut to its
    start, enough to find it in the seed (the results file has it whole).
    """
    import json
    from pathlib import Path

    results = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "draft-loo.json"
    data = json.loads(results.read_text(encoding="utf-8"))

    def cut(text: str, width: int = 90) -> str:
        return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"

    for review in data["reviews"]:
        cog.outl(f"- **{review['review']}**")
        for example in review["missed_examples"][:per_review]:
            cog.outl(f"  - missed `{example['claim']}`: “{cut(example['sentence'])}”")
        for example in review["wrong_examples"][:1]:
            cog.outl(f"  - drafted, not curated, `{example['claim']}`: “{cut(example['sentence'])}”")
