"""Growth: a review added as data (a YAML file, its entry in reviews.yaml, a seed text) with no code.

The project is the hand-made fixture (tests/data/fixture, whose review is
ferrini-2025) with tests/data/growth dropped in: a made-up review okafor-2024
with one study, two entities and one assertion, read twice (prose and Table 1,
row 1), and its seed text. Every command that takes a review must know it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.config import Project

from .conftest import DATA, FIXTURE, copy_project

GROWTH = DATA / "growth"
NEW = "okafor-2024"


@pytest.fixture()
def grown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The fixture project after a curator adds the review: its files copied in, nothing else."""
    project = copy_project(FIXTURE, tmp_path, monkeypatch)
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE / "seeds", seeds)
    for path in (GROWTH / "graph_data").glob("*.yaml"):
        shutil.copy(path, project.data_dir / path.name)
    for path in (GROWTH / "seeds").iterdir():
        shutil.copy(path, seeds / path.name)
    monkeypatch.setenv("MSC_GRAPH_SEEDS", str(seeds))
    return project


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_validate_reads_the_new_review_and_checks_its_quotes(grown: Project, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    # fixture.yaml + reviews.yaml + okafor-2024.yaml; 17 + 2 entities; 3 + 2 studies
    assert "ok: 3 files, 19 entities, 5 studies" in result.output
    # the quotes are checked against the seed text reviews.yaml names: a changed one is refused
    data = grown.data_dir / f"{NEW}.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("sped up", "slowed"), encoding="utf-8")
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "okafor-2024.yaml:14:" in result.output
    assert f"evidence.quote: not found verbatim in {NEW}" in result.output


def test_coverage_audits_the_new_seed_with_the_defaults(grown: Project, runner: CliRunner) -> None:
    # No coverage/seeds.yaml entry (no file at all here): the whole text, no exclusions.
    seeds = {item["review"]: item for item in _json(runner, "coverage")}  # type: ignore[union-attr]
    assert list(seeds) == ["ferrini-2025", NEW]  # the reviews in the order they are defined
    new = seeds[NEW]
    # Sentences, counted by reading the seed: "Tendon injuries heal slowly." / "Tendon-derived
    # conditioned medium sped up ... (Delta et al., 2022)." / "More studies are needed." / the
    # Table 1 title = 4 (the "# ..." heading is a section, not a sentence); 1 row.
    # The prose quote covers the second sentence; the table evidence's locator covers row 1.
    assert (new["sentences_covered"], new["sentences_total"], new["sentences_excluded"]) == (1, 4, 0)
    assert (new["rows_covered"], new["rows_total"]) == (1, 1)
    only = _json(runner, "coverage", "--seed", NEW)
    assert [item["review"] for item in only] == [NEW]  # type: ignore[union-attr]


def test_studies_read_in_the_new_review(grown: Project, runner: CliRunner) -> None:
    rows = _json(runner, "studies", "--read-in", NEW)
    assert [row["id"] for row in rows] == ["delta-2022"]  # type: ignore[union-attr,index]
    assert rows[0]["read_in"] == [NEW]  # type: ignore[index]


def test_viz_draws_the_new_review_only(grown: Project, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "okafor.html"
    result = runner.invoke(cli, ["viz", "--seed", NEW, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "(2 nodes, 1 edge)" in result.output  # tendon-derived conditioned medium → tendon healing
    assert out.is_file()


@pytest.mark.parametrize(
    "command", [["viz", "-o", "x.html", "--seed"], ["studies", "--read-in"], ["coverage", "--seed"]]
)
def test_an_unknown_review_is_refused_with_the_known_ones(
    command: list[str], grown: Project, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, [*command, "okafor-2042"])
    assert result.exit_code == 2
    assert "unknown review 'okafor-2042'" in result.output
    assert f"ferrini-2025, {NEW}" in result.output
    assert not (tmp_path / "x.html").exists()


def test_gaps_outcome_unknown_name_exits_2_with_suggestions(
    fixture_project: Project, runner: CliRunner
) -> None:
    result = runner.invoke(cli, ["gaps", "--outcome", "neuropathic pian"])
    assert result.exit_code == 2
    assert "unknown entity 'neuropathic pian'" in result.output
    assert "did you mean" in result.output and "neuropathic pain" in result.output


def test_gaps_outcome_defaults_to_pain(real_project: Project, runner: CliRunner) -> None:
    default = _json(runner, "gaps", "--kind", "factor-untested-in-pain-model")
    assert default  # the curated graph has such gaps
    assert _json(runner, "gaps", "--kind", "factor-untested-in-pain-model", "--outcome", "pain") == default
    # a narrower outcome asks about fewer disease models, never more
    narrower = _json(
        runner, "gaps", "--kind", "factor-untested-in-pain-model", "--outcome", "neuropathic pain"
    )
    assert len(narrower) <= len(default)  # type: ignore[arg-type]
