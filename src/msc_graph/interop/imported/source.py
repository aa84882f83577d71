"""The input of an import: its format and files, and reading them as bytes while counting progress."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from msc_graph.errors import GraphImportError

FORMATS = ("kgx", "nt", "ttl")
Progress = Callable[[int], None]
"""Called with the number of input bytes read since the last call."""


@dataclass(frozen=True)
class ImportSource:
    """What to import: the format and its files (KGX: nodes then edges; N-Triples: one file)."""

    format: str
    files: tuple[Path, ...]

    @property
    def total_bytes(self) -> int:
        """Return the size of the input files (what the progress bar counts)."""
        return sum(path.stat().st_size for path in self.files)


def find_import_source(path: Path, fmt: str | None = None) -> ImportSource:
    """Return the format and files to import from ``path``.

    ``path`` is an N-Triples file (``.nt``, ``.nt.gz``), a Turtle file
    (``.ttl``, ``.ttl.gz``), a KGX nodes or edges file (``*nodes.tsv`` /
    ``*edges.tsv``, optionally ``.gz``; its partner is found beside it), or a
    folder holding one KGX pair.

    Raises:
        GraphImportError: the path does not say what it is, or a partner file is missing.
    """
    if not path.exists():
        raise GraphImportError(f"{path}: no such file or folder")
    name = path.name.lower().removesuffix(".gz")
    if fmt is None:
        if path.is_dir() or name.endswith(".tsv"):
            fmt = "kgx"
        elif name.endswith((".nt", ".ttl")):
            fmt = name.rpartition(".")[2]
        else:
            raise GraphImportError(f"{path}: cannot tell the format from the name; give --format kgx|nt|ttl")
    if fmt not in FORMATS:
        raise GraphImportError(f"unknown import format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt != "kgx":
        if path.is_dir():
            raise GraphImportError(f"{path}: {fmt} import needs a file, not a folder")
        return ImportSource(fmt, (path,))
    if path.is_dir():
        nodes = sorted(p for p in path.iterdir() if re.search(r"nodes\.tsv(\.gz)?$", p.name, re.I))
        edges = sorted(p for p in path.iterdir() if re.search(r"edges\.tsv(\.gz)?$", p.name, re.I))
        if len(nodes) != 1 or len(edges) != 1:
            raise GraphImportError(
                f"{path}: expected one *nodes.tsv and one *edges.tsv, found {len(nodes)} and {len(edges)}"
            )
        return ImportSource("kgx", (nodes[0], edges[0]))
    if "nodes" in path.name:
        partner = path.with_name(path.name.replace("nodes", "edges"))
        pair = (path, partner)
    elif "edges" in path.name:
        partner = path.with_name(path.name.replace("edges", "nodes"))
        pair = (partner, path)
    else:
        raise GraphImportError(f"{path}: a KGX file name must contain 'nodes' or 'edges'")
    if not partner.is_file():
        raise GraphImportError(f"{path}: its KGX partner {partner.name} is not beside it")
    return ImportSource("kgx", pair)


class CountingFile(io.FileIO):
    """A file that counts the bytes read through it (progress by bytes, even under gzip)."""

    count = 0

    def readinto(self, buffer: Any) -> int | None:
        """Read into ``buffer`` as FileIO does, counting the bytes."""
        read = super().readinto(buffer)
        self.count += read or 0
        return read


def open_binary(path: Path) -> tuple[CountingFile, IO[bytes]]:
    """Return the raw file (counting the bytes read) and the stream to read, gunzipped for ``.gz``."""
    raw = CountingFile(path, "r")
    if path.name.endswith(".gz"):
        import gzip

        return raw, gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw, io.BufferedReader(raw, buffer_size=1 << 20)
