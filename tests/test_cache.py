"""The build cache: reused when inputs are unchanged, rebuilt when corrupted, kept on failure."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.curation.seeds import get_seeds_dir
from msc_graph.errors import DataError
from msc_graph.views.cache import Seal, build_model, compute_input_hash, find_cache_secret

from .conftest import FIXTURE, ROOT


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


# --- the cache trusts only what it wrote itself ---------------------------------------------


class Plant:
    """A pickle that touches ``marker`` when it is loaded, as a hostile checkout's cache would."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _plant(artefact: Path, marker: Path, how: str) -> None:
    payload = pickle.dumps(Plant(marker))
    pickle.loads(payload)  # the plant works: loading it touches the marker
    assert marker.exists()
    marker.unlink()
    if how == "sha256 seal":  # the format before the MAC: anyone could recompute it
        sealed = hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    else:  # the current format, under a key that is not the user's
        sealed = hmac.new(b"\0" * 32, payload, hashlib.sha256).hexdigest().encode() + b"\n" + payload
    artefact.parent.mkdir(parents=True, exist_ok=True)
    artefact.write_bytes(sealed)


@pytest.mark.parametrize("how", ["sha256 seal", "forged hmac"])
def test_a_planted_pickle_is_never_loaded(how: str, fixture_project, runner, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    key = compute_input_hash(fixture_project, get_seeds_dir())  # the key `stats` will look up
    artefact = fixture_project.cache_dir / f"{key}.model.pickle"
    _plant(artefact, marker, how)
    result = runner.invoke(cli, ["stats", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["entities"] == 17
    assert not marker.exists()
    assert _artefacts(fixture_project) == [artefact]  # rebuilt in its place, and loaded next time
    assert runner.invoke(cli, ["stats", "-f", "json"]).exit_code == 0
    assert not marker.exists()


def _checkout(tmp_path: Path, name: str) -> Project:
    root = tmp_path / name
    shutil.copytree(FIXTURE / "graph_data", root / "graph_data")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    return Project(root)


def test_an_artefact_sealed_for_another_checkout_is_refused(tmp_path: Path, monkeypatch) -> None:
    # two checkouts of the same data share the input hash; each keeps its cache inside itself
    monkeypatch.setenv("MSC_GRAPH_SEEDS", str(FIXTURE / "seeds"))
    monkeypatch.delenv("MSC_GRAPH_CACHE", raising=False)
    mine, theirs = _checkout(tmp_path, "mine"), _checkout(tmp_path, "theirs")
    key = compute_input_hash(mine, get_seeds_dir())
    assert compute_input_hash(theirs, get_seeds_dir()) == key
    name = f"{key}.model.pickle"
    secret = find_cache_secret()
    assert secret is not None
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Plant(marker))
    # sealed with this user's own secret, but for the other checkout (or for another key)
    for seal in (
        Seal.for_artefact(secret, theirs, name),
        Seal.for_artefact(secret, mine, "0" * 24 + name[24:]),
    ):
        mine.cache_dir.mkdir(exist_ok=True)
        (mine.cache_dir / name).write_bytes(seal.seal(payload))
        assert len(build_model(mine).entities) == 17
        assert not marker.exists()
    # what this checkout sealed is read back without parsing YAML
    import msc_graph.curation.load as load

    monkeypatch.setattr(load, "load_files", _refuse_to_parse)
    assert len(build_model(mine).entities) == 17
    # and the same payload sealed for this checkout and key would load: the binding alone refused it above
    (mine.cache_dir / name).write_bytes(Seal.for_artefact(secret, mine, name).seal(payload))
    build_model(mine)
    assert marker.exists()


def _refuse_to_parse(*_args, **_kwargs):
    raise AssertionError("YAML was parsed again although a good artefact was there")


def test_the_cache_key_is_made_private_on_first_use(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    secret = find_cache_secret()
    path = tmp_path / "config" / "msc-graph" / "cache.key"
    assert secret is not None and len(secret) == 32
    assert path.read_bytes() == secret
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert find_cache_secret() == secret


def _unsafe_key(kind: str, path: Path, monkeypatch) -> None:
    path.parent.mkdir(parents=True)
    if kind == "directory":
        path.mkdir()
        return
    target = path.with_name("elsewhere") if kind == "symlink" else path
    target.write_bytes(b"k" * (31 if kind == "short" else 32))
    target.chmod({"group-readable": 0o640, "world-readable": 0o604}.get(kind, 0o600))
    if kind == "symlink":
        path.symlink_to(target)
    if kind == "not mine":  # owned by someone else: as if this user's id were another
        real = os.geteuid()
        monkeypatch.setattr(os, "geteuid", lambda: real + 1)


@pytest.mark.parametrize(
    "kind", ["group-readable", "world-readable", "symlink", "directory", "short", "not mine"]
)
def test_an_unsafe_key_file_turns_the_cache_off(
    kind: str, fixture_project, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _unsafe_key(kind, tmp_path / "config" / "msc-graph" / "cache.key", monkeypatch)
    assert find_cache_secret() is None
    marker = tmp_path / "pwned"
    _plant(
        fixture_project.cache_dir / f"{compute_input_hash(fixture_project, get_seeds_dir())}.model.pickle",
        marker,
        "forged hmac",
    )
    assert len(build_model(fixture_project).entities) == 17
    assert not marker.exists()
    assert len(build_model(fixture_project).entities) == 17  # built again: nothing was stored


def test_a_config_folder_that_cannot_be_written_means_no_cache(
    fixture_project, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))  # msc-graph/ cannot be made under a file
    assert find_cache_secret() is None
    assert len(build_model(fixture_project).entities) == 17
    assert _artefacts(fixture_project) == []


def test_only_names_the_cache_writes_are_pruned(fixture_project) -> None:
    # the cache folder comes from the checkout and may be a symlink to a folder of the user's
    cache = fixture_project.cache_dir
    cache.mkdir(parents=True)
    keep = [cache / "notes.txt", cache / "graphs", cache / "model.pickle"]
    keep[0].write_text("mine")
    keep[1].mkdir()
    keep[2].write_text("mine")
    stale = [cache / ("0" * 24 + ".model.pickle"), cache / ("0" * 24 + ".model.pickleab12_xyz.tmp")]
    for path in stale:
        path.write_bytes(b"old")
    build_model(fixture_project)
    assert all(path.exists() for path in keep)
    assert not any(path.exists() for path in stale)
    assert len(_artefacts(fixture_project)) == 1


@pytest.mark.timeout(20)
def test_a_fifo_in_place_of_the_artefact_is_replaced_without_reading_it(fixture_project) -> None:
    key = compute_input_hash(fixture_project, get_seeds_dir())
    fixture_project.cache_dir.mkdir(parents=True)
    os.mkfifo(fixture_project.cache_dir / f"{key}.model.pickle")
    assert len(build_model(fixture_project).entities) == 17
    (artefact,) = _artefacts(fixture_project)
    assert artefact.is_file()


@pytest.mark.timeout(20)
def test_the_input_hash_opens_no_fifo(fixture_project) -> None:
    os.mkfifo(fixture_project.ontology_dir / "pipe.ttl")
    key = compute_input_hash(fixture_project, get_seeds_dir())  # skipped: never opened
    assert len(build_model(fixture_project).entities) == 17
    assert _artefacts(fixture_project)[0].name.startswith(key)
    pipe = fixture_project.data_dir / "pipe.yaml"
    os.mkfifo(pipe)
    with pytest.raises(DataError) as caught:
        compute_input_hash(fixture_project, get_seeds_dir())
    assert (
        str(caught.value.problems[0]) == f"{pipe}:1:1: file: not a regular file (a FIFO); only files are read"
    )


# --- the key describes what was parsed ------------------------------------------------------


def test_a_file_edited_during_the_build_is_not_stored_under_the_old_key(fixture_project, monkeypatch) -> None:
    import msc_graph.curation.load as load

    data = fixture_project.data_dir / "fixture.yaml"
    original = data.read_text()
    key = compute_input_hash(fixture_project, get_seeds_dir())
    edited = original.replace("entities:\n", "entities:\n  - {id: extra, label: extra, type: factor}\n", 1)
    parse = load.load_files

    def edit_then_parse(*args, **kwargs):
        data.write_text(edited)  # the curator saves while the build runs
        return parse(*args, **kwargs)

    monkeypatch.setattr(load, "load_files", edit_then_parse)
    assert len(build_model(fixture_project).entities) == 17  # the bytes that were hashed
    monkeypatch.setattr(load, "load_files", parse)
    (artefact,) = _artefacts(fixture_project)
    assert artefact.name == f"{key}.model.pickle"
    assert len(build_model(fixture_project).entities) == 18  # the edit has a key of its own
    data.write_text(original)  # and undoing it finds the model of the original bytes
    assert len(build_model(fixture_project).entities) == 17


def test_an_input_changed_during_the_build_is_not_stored(fixture_project, monkeypatch) -> None:
    import msc_graph.curation.validate as validate

    ontology = sorted(fixture_project.ontology_dir.glob("*.ttl"))[0]
    check = validate.validate_files

    def edit_then_validate(*args, **kwargs):
        ontology.write_text(ontology.read_text() + "\n# edited during the build\n")
        return check(*args, **kwargs)

    monkeypatch.setattr(validate, "validate_files", edit_then_validate)
    assert len(build_model(fixture_project).entities) == 17
    assert _artefacts(fixture_project) == []  # its key was taken before the edit
    monkeypatch.setattr(validate, "validate_files", check)
    build_model(fixture_project)
    (artefact,) = _artefacts(fixture_project)
    assert artefact.name == f"{compute_input_hash(fixture_project, get_seeds_dir())}.model.pickle"
