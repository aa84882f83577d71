"""The ``mscgraph`` command: one root group, shared options, one module per family of commands.

Only this package imports click. Heavy libraries (rdflib, networkx, pyvis,
pyoxigraph) are imported inside the functions that need them, so
``mscgraph --help`` stays instant.
"""

from __future__ import annotations

from typing import Any

import click

from msc_graph.errors import MscGraphError


class RootGroup(click.Group):
    """Turns MscGraphErrors into one-line messages and exit codes; no tracebacks unless --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report our errors in one line with their exit code."""
        try:
            return super().invoke(ctx)
        except MscGraphError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"internal error: {type(error).__name__}: {error} "
                       "(run with --debug for the traceback, and please report it)", err=True)
            ctx.exit(1)


@click.group(cls=RootGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--project", type=click.Path(file_okay=False, exists=True), envvar="MSC_GRAPH_HOME",
              help="Project folder holding graph_data/ and ontology/ (default: found from the "
              "working directory; env MSC_GRAPH_HOME).")
@click.version_option(package_name="msc-graph")
@click.pass_context
def cli(ctx: click.Context, debug: bool, project: str | None) -> None:
    """msc-graph: how mesenchymal stem cell secretomes act, every edge backed by a quote.

    Start with `mscgraph stats`, `mscgraph studies` or `mscgraph paths VEGF pain`.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["project"] = project


def _register() -> None:
    from msc_graph.cli import analysis, coverage, data, imports, lookup, paths, sparql, studies, viz

    for module in (data, lookup, studies, paths, viz, coverage, analysis, imports, sparql):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    """Run the CLI (console script entry point)."""
    cli(prog_name="mscgraph")


if __name__ == "__main__":  # pragma: no cover
    main()
