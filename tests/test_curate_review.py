"""Drafts (status: draft) from a tool, and `curate review`, which turns them into data or removes them.

The project is a copy of this checkout's graph_data/ (and ontology/, coverage/)
with a made-up fourth review, varga-2024, dropped in: its entry appended to
reviews.yaml, its seed text (tests/data/drafts/seeds) beside the real seeds,
and graph_data/varga-2024.draft.yaml as `curate draft` would write it: three
draft assertions, with comments, read from sentences 2, 3 and 4 of the seed
and from Table 1, row 1.
"""

from __future__ import annotations

import csv
import json
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from msc_graph.cli import cli
from msc_graph.config import Project

from .conftest import DATA, ROOT

DRAFTS = DATA / "drafts"
NEW = "varga-2024"
DRAFT_FILE = f"{NEW}.draft.yaml"
ACCEPTED = "exosomes--decreases--oxidative-stress"


@pytest.fixture()
def drafted(seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The curated project plus the fourth review and its drafts, in a folder of the test's own."""
    root = tmp_path / "project"
    for folder in ("graph_data", "ontology", "coverage"):
        shutil.copytree(ROOT / folder, root / folder)
    reviews = root / "graph_data" / "reviews.yaml"
    entry = (DRAFTS / "reviews-entry.yaml").read_text(encoding="utf-8")
    reviews.write_text(reviews.read_text(encoding="utf-8") + entry, encoding="utf-8")
    shutil.copy(DRAFTS / "graph_data" / DRAFT_FILE, root / "graph_data" / DRAFT_FILE)
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    for path in (DRAFTS / "seeds").iterdir():
        shutil.copy(path, seeds / path.name)
    monkeypatch.setenv("MSC_GRAPH_SEEDS", str(seeds))
    monkeypatch.setenv("MSC_GRAPH_HOME", str(root))
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(tmp_path / "cache"))
    return Project(root)


def _draft_path(project: Project) -> Path:
    return project.data_dir / DRAFT_FILE


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _coverage(runner: CliRunner) -> dict[str, object]:
    (seed,) = _json(runner, "coverage", "--seed", NEW)  # type: ignore[misc]
    return seed  # type: ignore[no-any-return]


def _hop_studies(runner: CliRunner, source: str, target: str) -> set[str]:
    """Return the studies behind the direct hop from source to target, over every path found."""
    found = _json(runner, "paths", source, target)
    return {
        item["study"]
        for path in found["paths"]  # type: ignore[index]
        for hop in path["hops"]
        if (hop["subject"], hop["object"]) == (source, target)
        for item in hop["evidence"]
    }


def test_validate_lists_drafts_as_warnings_and_passes(drafted: Project, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    where = str(_draft_path(drafted))
    # the three records of the draft file, each at the line of its first key
    assert [line for line in result.output.splitlines() if line.startswith("warning:")] == [
        f"warning: {where}:6: draft assertion: exosomes decreases oxidative-stress (proposed by curate-draft)",
        f"warning: {where}:18: draft assertion: secretome increases vegf (proposed by curate-draft)",
        f"warning: {where}:26: draft assertion: extracellular-vesicles decreases caspase-3 "
        "(proposed by curate-draft)",
    ]
    assert "3 draft(s) left out of the graph" in result.output


def test_build_leaves_drafts_out_and_coverage_shows_them(drafted: Project, runner: CliRunner) -> None:
    from msc_graph.views.cache import build_model

    model = build_model(drafted)
    assert NEW in model.reviews  # the review is data from the first day ...
    assert not [
        item for a in model.assertions for item in a.evidence if item.read_in == NEW
    ]  # ... drafts not
    assert ACCEPTED not in {a.id for a in model.assertions}
    assert NEW not in _hop_studies(runner, "exosomes", "oxidative-stress")
    seed = _coverage(runner)
    # Sentences of the seed: "Tendinopathy is common ...", "Exosomes ... lowered oxidative stress ...",
    # "The secretome also raised VEGF ...", "Extracellular vesicles reduced caspase-3 ...", and the
    # Table 1 title = 5; one row. The three drafts' quotes cover sentences 2-4 and the row: draft-only.
    assert (seed["sentences_covered"], seed["sentences_draft_only"], seed["sentences_total"]) == (0, 3, 5)
    assert (seed["rows_covered"], seed["rows_draft_only"], seed["rows_total"]) == (0, 1, 1)
    assert [s["text"] for s in seed["uncovered_sentences"]] == [  # type: ignore[attr-defined]
        "Tendinopathy is common in athletes.",
        "Table 1 | The secretome in tendon models",
    ]
    assert seed["uncovered_rows"] == []
    assert [(r["table"], r["row"]) for r in seed["draft_only_rows"]] == [(1, 1)]  # type: ignore[attr-defined]
    (detailed,) = _json(runner, "coverage", "--seed", NEW, "--details")  # type: ignore[misc]
    statuses = [s["status"] for s in detailed["sentences"]]
    assert statuses == ["uncovered", "draft-only", "draft-only", "draft-only", "uncovered"]
    vegf = detailed["sentences"][2]
    assert [c["claim"] for c in vegf["covered_by"]] == ["secretome increases vegf"]
    assert vegf["covered_by"][0]["assertion"].endswith(":18")  # the draft, named by its place
    text = runner.invoke(cli, ["coverage", "--seed", NEW, "--details", "--width", "200"])
    assert f"{NEW}: 2 sentences and 0 rows uncovered; 4 sentences or rows only drafts cover" in text.output
    assert "    DRAFT-ONLY" in text.output


@pytest.mark.slow  # whole walks (validate, review, build, export): make test runs them
def test_review_accepts_rejects_and_skips_in_place(
    drafted: Project, runner: CliRunner, tmp_path: Path
) -> None:
    path = _draft_path(drafted)
    before = path.read_text(encoding="utf-8")
    result = runner.invoke(cli, ["curate", "review", str(path)], input="a\nr\ns\n")
    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 rejected, 1 skipped; 1 draft(s) left" in result.output
    assert "Exosomes from adipose MSCs lowered oxidative stress in injured tendon" in result.output
    after = path.read_text(encoding="utf-8")
    # accepted: only its status line goes; rejected: only its own lines go; every comment stays
    rejected = before[before.index("  - status: draft\n") : before.index("  # sentence 4")]
    expected = before.replace("    status: draft\n", "", 1).replace(rejected, "")
    assert after == expected
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in after.splitlines() if line.lstrip().startswith("#")
    ]
    assert after.count("status: draft") == 1 and after.count("proposed_by: curate-draft") == 2
    assert "secretome" not in after

    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert "1 draft(s) left out of the graph" in result.output
    assert runner.invoke(cli, ["build"]).exit_code == 0
    assert _hop_studies(runner, "exosomes", "oxidative-stress") == {NEW}
    seed = _coverage(runner)
    assert (seed["sentences_covered"], seed["sentences_draft_only"]) == (1, 1)
    assert (seed["rows_covered"], seed["rows_draft_only"]) == (1, 0)

    # the accepted edge says a curator validated a tool's proposal; every other edge stays manual
    stem = tmp_path / "export"
    assert runner.invoke(cli, ["export", "-f", "kgx", "-o", str(stem)]).exit_code == 0
    with open(f"{stem}_edges.tsv", encoding="utf-8", newline="") as stream:
        agents = {row["id"]: row["agent_type"] for row in csv.DictReader(stream, delimiter="\t")}
    assert agents.pop(ACCEPTED) == "manual_validation_of_automated_agent"
    assert set(agents.values()) == {"manual_agent"}
    # and the RDF names the tool on the accepted evidence, and on nothing else
    result = runner.invoke(cli, ["export", "-f", "nt", "-o", "-"])
    assert result.exit_code == 0
    proposed = [line for line in result.output.splitlines() if "vocab#proposedBy" in line]
    assert proposed == [
        f"<https://w3id.org/msc-graph/evidence/{ACCEPTED}-{n}> <https://w3id.org/msc-graph/vocab#proposedBy> "
        '"curate-draft" .'
        for n in (1, 2)
    ]


def _fake_editor(tmp_path: Path, script: str) -> str:
    """Return an $EDITOR that runs ``script`` (sed expressions) on the file it is given."""
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\nsed -i {script} "$1"\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    return str(editor)


@pytest.mark.slow  # whole walks (validate, review, build, export): make test runs them
def test_edit_opens_the_record_validates_it_and_accepts_it(
    drafted: Project, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _draft_path(drafted)
    # the curator reads "raised VEGF" as an association only, and says so in a comment
    monkeypatch.setenv(
        "EDITOR",
        _fake_editor(tmp_path, "-e 's/^predicate: increases/predicate: associated-with  # checked/'"),
    )
    result = runner.invoke(cli, ["curate", "review", str(path)], input="s\ne\nq\n")
    assert result.exit_code == 0, result.output
    assert "1 accepted, 0 rejected, 1 skipped; 2 draft(s) left" in result.output
    after = path.read_text(encoding="utf-8")
    assert (
        "  # sentence 3\n"
        "  - proposed_by: curate-draft\n"
        "    subject: secretome\n"
        "    predicate: associated-with  # checked\n"
        "    object: vegf\n"
    ) in after
    assert after.count("status: draft") == 2

    # an edit that does not validate is refused with the problem, and nothing is written
    before = after
    monkeypatch.setenv("EDITOR", _fake_editor(tmp_path, "-e 's/^object: caspase-3/object: caspase-33/'"))
    result = runner.invoke(cli, ["curate", "review", str(path)], input="s\ne\nq\n")
    assert result.exit_code == 0, result.output
    assert "not accepted; the record would not validate" in result.output
    assert "unknown entity 'caspase-33'" in result.output
    assert path.read_text(encoding="utf-8") == before


def test_a_draft_for_an_existing_review_is_no_duplicate_until_accepted(
    drafted: Project, runner: CliRunner
) -> None:
    # a tool proposes VEGF again (entities.yaml has it) beside a new assertion for ferrini-2025
    path = drafted.data_dir / "ferrini-2025.draft.yaml"
    path.write_text(
        "review: ferrini-2025\n"
        "entities:\n"
        "  - {id: vegf, label: VEGF, type: growth-factor, status: draft, proposed_by: curate-draft}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert f"warning: {path}:3: draft entity: vegf (proposed by curate-draft)" in result.output
    result = runner.invoke(cli, ["curate", "review", str(path)], input="a\nr\n")
    assert result.exit_code == 0, result.output
    assert "duplicate id 'vegf'" in result.output  # accepting it would define VEGF twice: refused
    assert "entities:\n" in path.read_text(encoding="utf-8") and "vegf" not in path.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("    status: draft\n", "    status: drafted\n", "status", "unknown status 'drafted'"),
        (  # an accepted assertion, one of whose evidence says it is a draft
            "    status: draft\n    proposed_by: curate-draft\n    evidence:\n      - study: varga-2024\n",
            "    proposed_by: curate-draft\n    evidence:\n      - study: varga-2024\n        status: draft\n",
            "evidence.status",
            "status: goes on the assertion",
        ),
    ],
    ids=["unknown-status", "status-on-evidence"],
)
def test_a_misplaced_or_unknown_status_is_an_error(
    drafted: Project, runner: CliRunner, old: str, new: str, field: str, message: str
) -> None:
    path = _draft_path(drafted)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "status:" in text)
    assert f"{path}:{line}:" in result.output and f": {field}: {message}" in result.output


@pytest.mark.slow  # whole walks (validate, review, build, export): make test runs them
def test_a_seed_drafted_by_the_tool_reviewed_and_built_end_to_end(
    drafted: Project, runner: CliRunner, tmp_path: Path
) -> None:
    # The whole walk of README's "Adding a review", with the tool's own draft in place of the hand-written one:
    # draft the made-up seed, validate (drafts are warnings), accept the first draft and skip the rest,
    # build, and find the accepted claim in `paths` and in the KGX export as a validated proposal.
    path = _draft_path(drafted)
    path.unlink()
    seed = next((DRAFTS / "seeds").iterdir())
    result = runner.invoke(cli, ["curate", "draft", str(seed), "--review", NEW, "-o", str(path)])
    assert result.exit_code == 0, result.output
    drafted_file = yaml.safe_load(path.read_text(encoding="utf-8"))
    drafts = drafted_file["assertions"]
    # the seed's three claims, as the hand-written draft file of the other tests holds them
    assert {(a["subject"], a["predicate"], a["object"]) for a in drafts} == {
        ("exosomes", "decreases", "oxidative-stress"),
        ("secretome", "increases", "vegf"),
        ("extracellular-vesicles", "decreases", "caspase-3"),
    }
    assert drafted_file["studies"] == []  # the review is a study the graph has: cited, not proposed again
    assert all(d["status"] == "draft" and d["proposed_by"] == "curate-draft" for d in drafts)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert f"{len(drafts)} draft(s) left out of the graph" in result.output
    first = drafts[0]
    subject, target = first["subject"], first["object"]
    assert NEW not in _hop_studies(runner, subject, target)  # a draft is not in the graph ...

    result = runner.invoke(cli, ["curate", "review", str(path)], input="a\n" + "s\n" * (len(drafts) - 1))
    assert result.exit_code == 0, result.output
    reviewed = yaml.safe_load(path.read_text(encoding="utf-8"))["assertions"]
    assert "status" not in reviewed[0] and reviewed[0]["proposed_by"] == "curate-draft"
    assert all(d["status"] == "draft" for d in reviewed[1:])
    assert runner.invoke(cli, ["build"]).exit_code == 0
    assert NEW in _hop_studies(runner, subject, target)  # ... an accepted one is
    stem = tmp_path / "export"
    assert runner.invoke(cli, ["export", "-f", "kgx", "-o", str(stem)]).exit_code == 0
    with open(f"{stem}_edges.tsv", encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream, delimiter="\t"))
    validated = [row for row in edges if row["agent_type"] == "manual_validation_of_automated_agent"]
    assert len(validated) == 1
    assert validated[0]["id"].startswith(f"{subject}--") and validated[0]["id"].endswith(f"--{target}")
