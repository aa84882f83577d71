"""Import hygiene and the one-way import direction of STYLE.md."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "src" / "msc_graph"
# A module may import only modules above it in this list (STYLE.md, "Layout"): the stages in
# the order data flows, each stage's modules, then the stage's package. render/ and cli/ come last. Entries are paths
# below the package without ".py"; a package stands for its __init__.py.
ORDER = [
    "lazy",
    "config",
    "errors",
    "model/records",
    "model/names",
    "model/vocabulary",
    "model",
    "curation/seeds",
    "curation/load",
    "curation/validate/checker",
    "curation/validate/entities",
    "curation/validate/components",
    "curation/validate/studies",
    "curation/validate/assertions",
    "curation/validate",
    "curation/drafts",
    "curation/coverage",
    "curation/review",
    "curation/terms",
    "curation/drafting/records",
    "curation/drafting/references",
    "curation/drafting/lexicon",
    "curation/drafting/mentions",
    "curation/drafting/phrases",
    "curation/drafting/effects",
    "curation/drafting/constructions",
    "curation/drafting/sentences",
    "curation/drafting/tables",
    "curation/drafting/draft",
    "curation/drafting",
    "curation",
    "views/namespaces",
    "views/rdf",
    "views/network",
    "views/compact",
    "views/resolve",
    "views/cache",
    "views/graphs",
    "views",
    "query/payloads",
    "query/filters",
    "query/paths",
    "query/studies",
    "query/tables",
    "query/stats",
    "query/subgraph",
    "query/neighbours",
    "query/sparql/guard",
    "query/sparql/named",
    "query/sparql/terms",
    "query/sparql/results",
    "query/sparql/engine",
    "query/sparql/remote",
    "query/sparql/workers",
    "query/sparql",
    "query",
    "analysis/contradictions",
    "analysis/contradiction_payloads",
    "analysis/compare",
    "analysis/gaps",
    "analysis",
    "interop/export",
    "interop/imported/prefixes",
    "interop/imported/biolink",
    "interop/imported/records",
    "interop/imported/source",
    "interop/imported/loader",
    "interop/imported/fold",
    "interop/imported/ntriples",
    "interop/imported/kgx",
    "interop/imported/importer",
    "interop/imported/graph",
    "interop/imported/merge",
    "interop/imported/views",
    "interop/imported",
    "interop/endpoint",
    "interop",
    "server",
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
    """Return the msc_graph modules ``path`` imports, as ORDER writes them ("rdf", "interop/imported")."""
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("msc_graph."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("msc_graph."))
    return {name.removeprefix("msc_graph.").replace(".", "/") for name in found}


def _source(module: str):
    path = PACKAGE / module
    return path / "__init__.py" if path.is_dir() else path.with_name(path.name + ".py")


@pytest.mark.parametrize("module", ORDER)
def test_modules_import_only_modules_above_them(module: str) -> None:
    imported = _imports(_source(module))
    # importing a package (its __init__) counts as importing every module listed inside it
    below = {
        name
        for name in imported
        for other in ORDER[ORDER.index(module) :]
        if other == name or other.startswith(name + "/")
    }
    assert not below, f"{module} imports {below}, which sit below it"
    upper = {name for name in imported if name.split("/")[0] in {"cli", "render"}}
    assert not upper, f"{module} imports the CLI or a renderer: {upper}"


def test_every_module_outside_cli_and_render_has_a_place_in_the_order() -> None:
    modules = {
        path.relative_to(PACKAGE).with_suffix("").as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
        and path.relative_to(PACKAGE).parts[0] not in ("cli", "render")
    }
    assert not modules - set(ORDER), f"not in ORDER: {sorted(modules - set(ORDER))}"


def test_renderers_import_no_command() -> None:
    for path in (PACKAGE / "render").rglob("*.py"):
        cli = {name for name in _imports(path) if name.split("/")[0] == "cli"}
        assert not cli, f"{path.relative_to(PACKAGE)} imports the CLI: {cli}"


def test_only_cli_imports_click_and_only_render_html_imports_pyvis() -> None:
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        relative = path.relative_to(PACKAGE).as_posix()
        if "import click" in text:
            assert relative.startswith("cli/"), relative
        if "pyvis" in text and ("import pyvis" in text or "from pyvis" in text):
            assert relative.startswith("render/html/"), relative
