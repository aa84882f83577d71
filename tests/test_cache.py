"""The build cache: reused when inputs are unchanged, rebuilt when corrupted, kept on failure."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from msc_graph.cli import cli
from msc_graph.curation.seeds import get_seeds_dir
from msc_graph.views.cache import build_model, compute_input_hash


def _artefacts(project) -> list[Path]:
    return sorted(project.cache_dir.glob("*.model.pickle"))


def test_second_build_reads_the_cache_without_yaml(fixture_project, monkeypatch) -> None:
    build_model(fixture_project)
    import msc_graph.curation.load as load

    def refuse(*_args, **_kwargs):
        raise AssertionError("YAML was parsed again although nothing changed")

    monkeypatch.setattr(load, "load_files", refuse)
    assert len(build_model(fixture_project).entities) == 17


def test_changed_input_changes_the_key(fixture_project) -> None:
    before = compute_input_hash(fixture_project, get_seeds_dir())
    data = fixture_project.data_dir / "fixture.yaml"
    data.write_text(data.read_text() + "\n# a comment\n")
    assert compute_input_hash(fixture_project, get_seeds_dir()) != before


def test_corrupted_cache_is_detected_and_rebuilt(fixture_project) -> None:
    build_model(fixture_project)
    (artefact,) = _artefacts(fixture_project)
    artefact.write_bytes(artefact.read_bytes()[:-40] + b"garbage")
    assert len(build_model(fixture_project).entities) == 17
    assert artefact.read_bytes() != b""


def test_failed_build_keeps_the_last_good_artefacts(fixture_project, runner) -> None:
    assert runner.invoke(cli, ["build"]).exit_code == 0
    good = _artefacts(fixture_project)
    bad = fixture_project.data_dir / "broken.yaml"
    bad.write_text("entities:\n  - {id: a, label: A, type: nonsense}\n")
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 2
    assert "broken.yaml:2:" in result.output
    assert _artefacts(fixture_project) == good
    bad.unlink()
    assert runner.invoke(cli, ["stats", "-f", "json"]).exit_code == 0


def test_build_killed_midway_leaves_the_cache_usable(fixture_project) -> None:
    build_model(fixture_project)
    good = _artefacts(fixture_project)
    data = fixture_project.data_dir / "fixture.yaml"
    data.write_text(data.read_text() + "\n# changed\n")
    slow = (
        "import time, msc_graph.curation.validate as v\n"
        "original = v.validate_files\n"
        "def slow(*a, **k):\n"
        "    print('validating', flush=True); time.sleep(30); return original(*a, **k)\n"
        "v.validate_files = slow\n"
        "from msc_graph.views.cache import build_model\n"
        "build_model()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", slow], stdout=subprocess.PIPE, env=os.environ.copy())
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"validating"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stdout.close()
    assert _artefacts(fixture_project) == good  # nothing half-written beside the old build
    assert not list(fixture_project.cache_dir.glob("*.tmp"))
    data.write_text(data.read_text().replace("\n# changed\n", ""))
    started = time.monotonic()
    assert len(build_model(fixture_project).entities) == 17
    assert time.monotonic() - started < 30


def test_concurrent_builds_do_not_corrupt_each_other(fixture_project) -> None:
    code = "from msc_graph.views.cache import build_model; print(len(build_model().entities))"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in processes]
    assert outputs == ["17"] * 4
    assert all(p.returncode == 0 for p in processes)
    assert len(_artefacts(fixture_project)) == 1
    assert len(build_model(fixture_project).entities) == 17  # the artefact on disk is whole
    assert not list(fixture_project.cache_dir.glob("*.tmp"))
