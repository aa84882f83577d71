"""Import hygiene and the one-way import direction of STYLE.md."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "msc_graph"
# A module may import only modules above it in this list (STYLE.md, "Layout").
ORDER = [
    "constants",
    "errors",
    "model",
    "names",
    "vocabulary",
    "seeds",
    "load",
    "validate",
    "cache",
    "rdf",
    "network",
    "resolve",
    "compact",
    "imports",
    "filters",
    "payloads",
    "paths",
    "studies",
    "stats",
    "exports",
    "coverage",
    "contradictions",
    "compare",
    "gaps",
    "sparql",
    "serve",
    "views",
]


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_model_imports_no_heavy_library() -> None:
    loaded = _loaded_after("import msc_graph.model")
    assert not loaded & {"rdflib", "networkx", "pyvis", "click", "pyoxigraph", "yaml"}


def test_help_imports_no_heavy_library() -> None:
    loaded = _loaded_after(
        "import sys; sys.argv=['mscgraph','--help']\n"
        "from msc_graph.cli import cli\n"
        "try:\n    cli(prog_name='mscgraph')\nexcept SystemExit:\n    pass"
    )
    assert not loaded & {"rdflib", "networkx", "pyvis", "pyoxigraph", "pyshacl"}


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("msc_graph"):
            found.add(node.module.split(".")[1] if "." in node.module else "")
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("msc_graph."))
    return found - {""}


@pytest.mark.parametrize("module", ORDER)
def test_modules_import_only_modules_above_them(module: str) -> None:
    imported = _imports(PACKAGE / f"{module}.py")
    below = set(ORDER[ORDER.index(module) :])
    assert not imported & below, f"{module} imports {imported & below}, which sit below it"
    assert not imported & {"cli", "render"}, f"{module} imports the CLI or a renderer"


def test_only_cli_imports_click_and_only_render_html_imports_pyvis() -> None:
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        relative = path.relative_to(PACKAGE).as_posix()
        if "import click" in text:
            assert relative.startswith("cli/"), relative
        if "pyvis" in text and ("import pyvis" in text or "from pyvis" in text):
            assert relative.startswith("render/html/"), relative
