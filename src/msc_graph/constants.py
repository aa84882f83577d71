"""Namespaces, default paths and default limits: the values every module agrees on."""

from __future__ import annotations

from pathlib import Path

BASE_IRI = "https://w3id.org/msc-graph/"
VOCAB_IRI = BASE_IRI + "vocab#"
ENTITY_IRI = BASE_IRI + "entity/"
STUDY_IRI = BASE_IRI + "study/"
ASSERTION_IRI = BASE_IRI + "assertion/"
EVIDENCE_IRI = BASE_IRI + "evidence/"

SEEDS_ENV = "MSC_GRAPH_SEEDS"
"""Environment variable naming the folder that holds the seed reviews."""
HOME_ENV = "MSC_GRAPH_HOME"
"""Environment variable naming the project folder (graph_data/, ontology/)."""
CACHE_ENV = "MSC_GRAPH_CACHE"
"""Environment variable naming the cache folder (default: .mscgraph-cache in the project)."""

DEFAULT_MAX_HOPS = 5
DEFAULT_MAX_PATHS = 50
DEFAULT_TIMEOUT_S = 10.0


def find_project_dir(start: Path | None = None) -> Path:
    """Return the folder holding ``graph_data/`` and ``ontology/``.

    ``$MSC_GRAPH_HOME`` wins; else the nearest parent of ``start`` (or of the
    working directory, then of this file) that has both folders.
    """
    import os

    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    starts = [start] if start else [Path.cwd(), Path(__file__).resolve()]
    for origin in starts:
        for folder in [origin, *origin.parents]:
            if (folder / "graph_data").is_dir() and (folder / "ontology").is_dir():
                return folder
    return Path.cwd()
