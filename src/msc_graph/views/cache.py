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
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from msc_graph.config import Project, find_project
from msc_graph.curation.seeds import get_seeds_dir, make_quote_lookup
from msc_graph.model import GraphModel

T = TypeVar("T")
CACHE_VERSION = "4"
"""Bump when the pickled records change shape, so old caches are ignored."""


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
        from msc_graph.curation.load import iter_data_files, load_files
        from msc_graph.curation.validate import validate_files

        files = load_files(iter_data_files(project.data_dir))
        lookup = make_quote_lookup(seeds_dir)
        return validate_files(files, project.read_prefixes(), lookup)

    if not use_cache:
        return build()
    key = compute_input_hash(project, seeds_dir)
    model = read_or_build(project.cache_dir / f"{key}.model.pickle", build)
    _prune(project.cache_dir, key)  # only now: a failed build keeps the last good artefacts
    return model
