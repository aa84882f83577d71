"""Shared fixtures: the real project, a tiny hand-made fixture project, seed-text skips."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from msc_graph.config import Project
from msc_graph.curation.seeds import get_seeds_dir

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "fixture"


@cache
def get_seed_name(review: str) -> str:
    """Return the seed file of one of this checkout's reviews, as graph_data/reviews.yaml names it."""
    from msc_graph.curation.load import load_files
    from msc_graph.curation.validate import validate_files

    files = load_files([ROOT / "graph_data" / "reviews.yaml"])
    seed = validate_files(files, Project(ROOT).read_prefixes()).reviews[review].seed
    assert seed is not None
    return seed


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real seed reviews; tests that need them skip with a clear reason when absent."""
    found = get_seeds_dir()
    if found is None:
        pytest.skip("seed texts not found: set MSC_GRAPH_SEEDS or put ../shared/seeds beside the checkout")
    return found


@pytest.fixture(scope="session", autouse=True)
def private_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point $XDG_CONFIG_HOME at a folder of the session's own: tests never touch the user's cache key.

    Session-wide (and so set before any other fixture runs, a served graph's
    included), so the key and the artefacts it seals outlive a test, as they do for users.
    """
    folder = tmp_path_factory.mktemp("config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder))
        yield folder


@pytest.fixture()
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, so tests never touch the project's cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(cache))
    return cache


def copy_project(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """Copy a hand-made graph (graph_data/ and seeds/ under ``source``) into a project of its own.

    The copy gets the repository's ontology, and the environment points the
    CLI at it, at its seed texts and at a private cache.
    """
    root = tmp_path / source.name
    shutil.copytree(source / "graph_data", root / "graph_data")
    shutil.copytree(ROOT / "ontology", root / "ontology")
    monkeypatch.setenv("MSC_GRAPH_SEEDS", str(source / "seeds"))
    monkeypatch.setenv("MSC_GRAPH_HOME", str(root))
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(tmp_path / "cache"))
    return Project(root)


def make_cycle_store(size: int = 5000):  # -> pyoxigraph.Store, imported lazily
    """Return a store of ``size`` edges ``i -> 7i mod size`` on which cross products take seconds."""
    import pyoxigraph

    store = pyoxigraph.Store()
    p = pyoxigraph.NamedNode("http://example.org/p")
    store.bulk_extend(
        [
            pyoxigraph.Quad(
                pyoxigraph.NamedNode(f"http://example.org/{i}"),
                p,
                pyoxigraph.NamedNode(f"http://example.org/{i * 7 % size}"),
            )
            for i in range(size)
        ]
    )
    return store


@pytest.fixture()
def fixture_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """A copy of the hand-made fixture graph, with its own tiny seed texts and cache."""
    yield copy_project(FIXTURE, tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def real_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for every test on the real graph (its build checks ~1,300 quotes)."""
    return tmp_path_factory.mktemp("real-cache")


@pytest.fixture()
def real_project(seeds_dir: Path, real_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The curated project of this checkout, with a cache of the test session's own."""
    monkeypatch.setenv("MSC_GRAPH_HOME", str(ROOT))
    monkeypatch.setenv("MSC_GRAPH_CACHE", str(real_cache))
    return Project(ROOT)


@pytest.fixture()
def runner() -> CliRunner:
    """A click test runner (stderr kept apart from stdout)."""
    return CliRunner()


def load_file_module(path: Path) -> ModuleType:
    """Load a module of scripts/ or benchmarks/ from its file (neither folder is a package)."""
    name = f"{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


# Debian's chromium, driven by playwright, for every browser test (never a downloaded browser),
# launched as the docs screenshot launches it.
_SCREENSHOT = load_file_module(ROOT / "scripts" / "screenshot.py")
CHROMIUM, CHROMIUM_ARGS = _SCREENSHOT.CHROMIUM, _SCREENSHOT.CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: browser tests need Debian's chromium (make browser)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install -e '.[test]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
