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


def show(command: str, *, head: int | None = None, typed: str | None = None, fence: str = "text") -> None:
    """Write a fenced block: ``$ mscgraph COMMAND`` and the command's standard output.

    Args:
        command: the arguments after ``mscgraph``, as a shell would split them.
        head: keep only the first lines of the output (a "..." line says so).
        typed: how the command is shown when it differs from ``command`` (line breaks).
        fence: the code block's language.
    """
    result = CliRunner().invoke(cli, shlex.split(command))
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
