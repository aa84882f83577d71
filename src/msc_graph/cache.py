"""Input hash → cached model and views, so a CLI call does not re-parse YAML or Turtle.

The key is a SHA-256 of every file under graph_data/ and ontology/ (and of the
seed texts, which decide whether quotes validate). Each artefact is written to
a temporary file and renamed into place, so a build killed midway leaves
either the old artefact or the new one, never half of one; each artefact
starts with a digest of its payload, so a corrupted file is detected and
rebuilt. Knows nothing about queries.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from msc_graph.constants import CACHE_ENV, find_project_dir
from msc_graph.model import GraphModel
from msc_graph.seeds import get_seeds_dir, make_quote_lookup

T = TypeVar("T")
CACHE_VERSION = "3"
"""Bump when the pickled records change shape, so old caches are ignored."""


@dataclass(frozen=True)
class Project:
    """Where the curated inputs of a graph live."""

    root: Path

    @property
    def data_dir(self) -> Path:
        """Return the folder of curated YAML."""
        return self.root / "graph_data"

    @property
    def ontology_dir(self) -> Path:
        """Return the folder of the OWL ontology, SHACL shapes and prefix map."""
        return self.root / "ontology"

    @property
    def coverage_path(self) -> Path:
        """Return the coverage audit's reviewed regions and exclusions (optional: defaults without it)."""
        return self.root / "coverage" / "seeds.yaml"

    @property
    def prefixes_path(self) -> Path:
        """Return the committed CURIE prefix map."""
        return self.ontology_dir / "prefixes.json"

    def read_prefixes(self, default: Mapping[str, str] | None = None) -> dict[str, str]:
        """Return the committed CURIE prefix map (prefix → IRI namespace).

        With ``default``, a folder without one (imports and queries need no
        curated data) gets a copy of ``default`` instead of an error.
        """
        if default is not None and not self.prefixes_path.is_file():
            return dict(default)
        loaded: dict[str, str] = json.loads(self.prefixes_path.read_text(encoding="utf-8"))
        return loaded

    @property
    def cache_dir(self) -> Path:
        """Return the cache folder (``$MSC_GRAPH_CACHE`` or ``.mscgraph-cache``)."""
        configured = os.environ.get(CACHE_ENV)
        return Path(configured) if configured else self.root / ".mscgraph-cache"

    def ontology_files(self) -> list[Path]:
        """Return the ontology Turtle files merged into the RDF view (not the SHACL shapes)."""
        return [p for p in sorted(self.ontology_dir.glob("*.ttl")) if p.name != "shapes.ttl"]


def find_project(root: Path | None = None) -> Project:
    """Return the project at ``root`` or the one found from the working directory."""
    return Project(root if root is not None else find_project_dir())


def compute_input_hash(project: Project, seeds_dir: Path | None) -> str:
    """Return the hash of every input that can change the built graph."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    folders = [project.data_dir, project.ontology_dir]
    if seeds_dir is not None:
        folders.append(seeds_dir)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".yaml", ".ttl", ".json", ".md", ".tsv"}:
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; outputs should be readable as usual
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _seal(payload: bytes) -> bytes:
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _unseal(data: bytes) -> bytes | None:
    digest, _, payload = data.partition(b"\n")
    return payload if hashlib.sha256(payload).hexdigest().encode() == digest else None


def read_or_build(path: Path, build: Callable[[], T]) -> T:
    """Return the object pickled at ``path``; build and store it when absent or corrupted."""
    if path.exists():
        payload = _unseal(path.read_bytes())
        if payload is not None:
            try:
                result: T = pickle.loads(payload)
                return result
            except Exception:
                pass
        path.unlink(missing_ok=True)
    value = build()
    write_atomic(path, _seal(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value


def _prune(cache_dir: Path, keep: str) -> None:
    """Remove artefacts of other input hashes and temporary files left by killed builds."""
    if not cache_dir.is_dir():
        return
    for path in cache_dir.iterdir():
        if path.is_file() and not path.name.startswith(keep):
            path.unlink(missing_ok=True)


def build_model(project: Project | None = None, *, use_cache: bool = True) -> GraphModel:
    """Load, validate and return the curated model, from the cache when inputs are unchanged.

    Quotes are checked against the seeds when the seed folder is present
    (``$MSC_GRAPH_SEEDS`` or ``../shared/seeds``); without it they are not.

    Raises:
        DataError: the curated data has problems (all of them, located).
    """
    project = project or find_project()
    seeds_dir = get_seeds_dir()

    def build() -> GraphModel:
        from msc_graph.load import iter_data_files, load_files
        from msc_graph.validate import validate_files

        files = load_files(iter_data_files(project.data_dir))
        lookup = make_quote_lookup(seeds_dir)
        return validate_files(files, project.read_prefixes(), lookup)

    if not use_cache:
        return build()
    key = compute_input_hash(project, seeds_dir)
    model = read_or_build(project.cache_dir / f"{key}.model.pickle", build)
    _prune(project.cache_dir, key)  # only now: a failed build keeps the last good artefacts
    return model
