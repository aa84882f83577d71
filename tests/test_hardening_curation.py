"""Hardening of the curation stage: what hostile or broken curated files make the loader do.

Each test reproduces a defect that used to hang the loader, crash it with an
"internal error", or pass in silence. A case that would hang or eat memory
if the defect came back runs the CLI in a child process with a 20 s timeout
and a 2 GiB address-space limit, so it fails fast instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from msc_graph.cli import cli
from msc_graph.curation import load
from msc_graph.curation.load import MAX_DEPTH, MAX_NODES, load_file, load_files, read_file
from msc_graph.errors import DataError

from .conftest import ROOT

LIMITED = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    "from msc_graph.cli import cli\n"
    "cli(sys.argv[1:], prog_name='mscgraph')\n"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mscgraph ARGS`` in a child with 2 GiB of address space and 20 s to finish."""
    return subprocess.run(
        [sys.executable, "-c", LIMITED, *args],
        capture_output=True,
        text=True,
        timeout=20,
        env=os.environ.copy(),
    )


def _problems(path: Path, text: str) -> list[tuple[int, str, str]]:
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        load_file(path)
    return [(p.line, p.field, p.message) for p in caught.value.problems]


# "billion laughs": 406 bytes, nine levels of nine aliases, 387,420,489 strings once expanded
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, level in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("command", [["validate"], ["build"], ["paths", "vesicles", "pain"]])
def test_an_alias_bomb_stops_at_the_value_limit(command: list[str], fixture_project) -> None:
    bomb = fixture_project.data_dir / "bomb.yaml"
    bomb.write_text(BOMB)
    result = _run(*command)
    assert result.returncode == 2, result.stderr
    assert f"error: {bomb}:1:" in result.stderr
    assert f"yaml: too many values after expanding aliases (limit {MAX_NODES})" in result.stderr
    assert "internal error" not in result.stderr


def test_values_are_counted_as_composed_and_as_expanded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(load, "MAX_NODES", 50)
    # 1 mapping + 1 key + 1 list + 60 items = 63 composed values: stopped while composing, at item 48
    flat = "items: [" + ", ".join(["1"] * 60) + "]\n"
    assert _problems(tmp_path / "flat.yaml", flat) == [
        (1, "yaml", "too many values (limit 50); split the file")
    ]
    # composed: mapping, key a, list of 5 (6), key b, list b = 10 values (an alias composes to
    # nothing new); expanded: 1 + 1 + 6 + 1 + 1 + 8 x 6 = 58
    fan = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    ((_line, field, message),) = _problems(tmp_path / "fan.yaml", fan)
    assert (field, message.split(";")[0]) == ("yaml", "too many values after expanding aliases (limit 50)")


def test_nesting_is_bounded_after_expanding_aliases_too(tmp_path: Path) -> None:
    # each anchored value is 60 lists deep (under the limit as written); b nests a inside
    # another 60, so expanding *a makes b 1 + 60 + 60 levels deep, over the limit of 100
    text = "a: &a " + "[" * 60 + "]" * 60 + "\nb: " + "[" * 60 + "*a" + "]" * 60 + "\n"
    problems = _problems(tmp_path / "deep.yaml", text)
    assert [(line, field) for line, field, _ in problems] == [(1, "yaml")]
    assert problems[0][2] == f"nested more than {MAX_DEPTH} levels deep once aliases are expanded"


def test_a_list_that_contains_itself_is_refused_at_the_alias(tmp_path: Path) -> None:
    # PyYAML composes this into a node that is its own item; expanding it never ends
    problems = _problems(tmp_path / "loop.yaml", "entities:\n  - &x {id: a, is_a: [*x]}\n")
    assert problems == [
        (2, "yaml", "alias *x is used inside the value it names (a recursive alias, which would never end)")
    ]


def test_anchors_and_aliases_that_share_a_value_still_load(tmp_path: Path) -> None:
    text = "shared: &s [1, 2]\nmore:\n  first: *s\n  second: *s\n"
    (tmp_path / "ok.yaml").write_text(text)
    data = load_file(tmp_path / "ok.yaml").data
    assert data["more"]["first"] == data["more"]["second"] == [1, 2]


def _count(node: yaml.Node, depth: int = 1) -> tuple[int, int]:
    """Return (values, depth) of ``node`` with aliases expanded, as the loader counts them."""
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    counts = [_count(child, depth + 1) for child in children]
    return 1 + sum(c for c, _ in counts), max([depth, *(d for _, d in counts)])


def test_the_curated_data_stays_far_below_the_limits() -> None:
    # measured when the limits were set: the largest file (mahajan-2018.yaml) holds 20,384
    # values, 8 levels deep; the limits leave ten times that and more
    for path in sorted((ROOT / "graph_data").glob("*.yaml")):
        values, depth = _count(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
        assert values * 5 <= MAX_NODES, f"{path.name}: {values} values; raise MAX_NODES with care"
        assert depth * 5 <= MAX_DEPTH, f"{path.name}: {depth} levels"


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("directory", "not a regular file (a directory); only files are read"),
        ("dangling symlink", "cannot read: a symlink to a file that does not exist"),
        ("fifo", "not a regular file (a FIFO); only files are read"),
        ("symlink to /dev/zero", "not a regular file (a character device); only files are read"),
    ],
)
@pytest.mark.timeout(20)
def test_the_loader_reads_only_regular_files(kind: str, message: str, tmp_path: Path) -> None:
    entry = tmp_path / "x.yaml"
    _make(kind, entry)
    good = tmp_path / "good.yaml"
    good.write_text("entities: []\n")
    with pytest.raises(DataError) as caught:
        load_files([entry, good])
    assert [str(p) for p in caught.value.problems] == [f"{entry}:1:1: file: {message}"]


def _make(kind: str, entry: Path) -> None:
    if kind == "directory":
        entry.mkdir()
    elif kind == "dangling symlink":
        entry.symlink_to(entry.with_name("missing.yaml"))
    elif kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000; the next test simulates it")
def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text("entities: []\n")
    locked.chmod(0)
    with pytest.raises(DataError) as caught:
        read_file(locked)
    assert str(caught.value.problems[0]) == f"{locked}:1:1: file: cannot read: Permission denied"


def test_a_permission_error_on_open_is_reported(tmp_path: Path, monkeypatch, runner, fixture_project) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text("entities: []\n")
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(load.os, "open", refuse)
    result = runner.invoke(cli, ["validate", str(locked)])
    assert result.exit_code == 2
    assert f"{locked}:1:1: file: cannot read: Permission denied" in result.output
    assert "internal error" not in result.output


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_the_read_is_bounded_even_when_the_size_is_wrong(tmp_path: Path, monkeypatch) -> None:
    # /proc files are regular files that report size 0 but hold text: only the bounded read
    # can tell they are too big
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 16)
    entry = tmp_path / "status.yaml"
    entry.symlink_to("/proc/self/status")
    with pytest.raises(DataError) as caught:
        read_file(entry)
    assert caught.value.problems[0].message.startswith("file is more than 16 bytes, over the 16-byte limit")


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("directory", "not a regular file (a directory); only files are read"),
        ("dangling symlink", "cannot read: a symlink to a file that does not exist"),
        ("fifo", "not a regular file (a FIFO); only files are read"),
        ("symlink to /dev/zero", "not a regular file (a character device); only files are read"),
    ],
)
def test_validate_and_build_refuse_what_is_not_a_regular_file_alike(
    kind: str, message: str, fixture_project
) -> None:
    assert _run("build").returncode == 0  # a warm cache, which `build` used to answer from
    entry = fixture_project.data_dir / "x.yaml"
    _make(kind, entry)
    validate, build = _run("validate"), _run("build")
    for result in (validate, build):
        assert result.returncode == 2, result.stderr
        assert f"error: {entry}:1:1: file: {message}" in result.stderr.splitlines()
        assert "internal error" not in result.stderr
    assert validate.stderr.splitlines()[-2:] == build.stderr.splitlines()[-2:]
