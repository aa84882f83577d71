"""The project and what every module agrees on: its folders, environment variables, namespaces, limits.

``Project`` says where a graph's curated inputs live (graph_data/, ontology/,
coverage/) and where its cache goes; ``find_project`` finds it from the
working directory or ``$MSC_GRAPH_HOME``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SEEDS_ENV = "MSC_GRAPH_SEEDS"
"""Environment variable naming the folder that holds the seed reviews."""
HOME_ENV = "MSC_GRAPH_HOME"
"""Environment variable naming the project folder (graph_data/, ontology/)."""
CACHE_ENV = "MSC_GRAPH_CACHE"
"""Environment variable naming the cache folder (default: .mscgraph-cache in the project)."""
CONFIG_ENV = "XDG_CONFIG_HOME"
"""Environment variable naming the user's configuration folder (default: ~/.config)."""

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


def find_config_dir() -> Path | None:
    """Return the user's own msc-graph folder: ``$XDG_CONFIG_HOME/msc-graph`` or ``~/.config/msc-graph``.

    It holds what must never come from a project checkout (the key that
    authenticates the build cache). A relative ``$XDG_CONFIG_HOME`` is
    ignored, as the XDG specification says; None when there is no home folder
    to fall back on. The folder may not exist yet.
    """
    configured = os.environ.get(CONFIG_ENV)
    if configured and Path(configured).is_absolute():
        return Path(configured) / "msc-graph"
    try:
        return Path.home() / ".config" / "msc-graph"
    except RuntimeError:  # no $HOME and no password-database entry
        return None


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

    def read_terms(self) -> frozenset[str] | None:
        """Return the CURIEs of the committed term tables (ontology/terms/*.tsv), None without that folder.

        The tables (written by scripts/make_term_tables.py, hand-verified ones in
        manual.tsv) are what every cross-reference must be one of.
        """
        folder = self.ontology_dir / "terms"
        if not folder.is_dir():
            return None
        curies: set[str] = set()
        for path in sorted(folder.glob("*.tsv")):
            lines = path.read_text(encoding="utf-8").splitlines()[1:]
            curies.update(line.split("\t", 1)[0] for line in lines if line.strip())
        return frozenset(curies)

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
