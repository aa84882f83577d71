"""The notebooks show their pictures inline and name things by label.

`make test` runs every notebook with nbmake, which checks only that no cell
fails; a cell that draws into an off-screen figure and shows nothing passes
there. This test executes the notebooks that draw (with nbclient, as nbmake
does) and reads their outputs: each cell that makes a figure must leave a PNG.
The notebooks are stored without outputs, so each run starts clean.
"""

from __future__ import annotations

from typing import Any

import pytest

from msc_graph.config import Project

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
DRAWING = sorted(
    path.name for path in NOTEBOOKS.glob("*.ipynb") if "plt.subplots(" in path.read_text("utf-8")
)
EXECUTE_TIMEOUT_S = 240


def _execute(name: str) -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=EXECUTE_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},  # the kernel inherits this process's environment
    )
    client.execute()
    return notebook


def _text(cell: Any) -> str:
    return "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")


def test_the_tour_and_the_seeds_notebook_draw() -> None:
    assert DRAWING == ["01-tour.ipynb", "03-mechanisms-across-seeds.ipynb"]


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own, about its paths
@pytest.mark.parametrize("name", DRAWING)
def test_notebook_shows_each_picture_inline(name: str, real_project: Project) -> None:
    notebook = _execute(name)
    drawing = [cell for cell in notebook.cells if cell.cell_type == "code" and "plt.subplots(" in cell.source]
    assert drawing
    for cell in drawing:
        kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
        assert "image/png" in kinds, f"a figure cell of {name} shows no picture (outputs: {sorted(kinds)})"
    if name == "01-tour.ipynb":
        # the hop lines name entities by label, as the chain line above them does
        chain = next(cell for cell in notebook.cells if "for hop in gao.hops" in cell.source)
        hops = [
            line
            for line in _text(chain).splitlines()
            if line.startswith("  ") and not line.startswith("    ")
        ]
        assert hops[0].split()[0:2] == ["extracellular", "vesicles"], hops
        assert any(line.strip().startswith("miR-99b-3p ") for line in hops), hops
        assert not any("mir-99b-3p" in line for line in hops), hops
