"""The input of an import: its format and files, and reading them as bytes while counting progress."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from msc_graph.errors import GraphImportError

FORMATS = ("kgx", "nt", "ttl")
Progress = Callable[[int], None]
"""Called with the number of input bytes read since the last call."""
Stage = Callable[[str], None]
"""Called with what an import does once its input is read (a third of a KGX import's time)."""
MAX_GZIP_RATIO = 100
"""A ``.gz`` input may grow to this many times its compressed size (above MIN_GZIP_LIMIT) while read.

Real graph files compress 5-30 times (KGX TSV ~10, N-Triples ~25); a gzip
bomb compresses ~1000 times. A ratio, not a fixed cap, so that a large
honest file (DESIGN.md's ten times Hetionet) is never refused for its size.
``$MSC_GRAPH_MAX_GZIP_RATIO`` raises it (0: no bound)."""
GZIP_RATIO_ENV = "MSC_GRAPH_MAX_GZIP_RATIO"
MIN_GZIP_LIMIT = 256 << 20
"""Decompressed bytes a ``.gz`` input may always reach, whatever its ratio (small files of
repetitive rows compress far better than large ones, and 256 MiB hurts no one)."""
MAX_LINE_BYTES = 64 << 20
"""The longest line an import reads (a KGX row, an N-Triples line); longer means no line-based
text (a binary file, a bomb of one byte repeated), and holding it would only use up memory."""
LINE_BLOCK_BYTES = 1 << 20
"""Bytes decoded and split into lines at a time by :func:`iter_lines`."""


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


class GunzipStream(io.RawIOBase):
    """A gzip file's decompressed bytes, refused past ``limit`` bytes and when it is no gzip data.

    The bound is checked after each read, so a gzip bomb fails as soon as it
    passes ``limit`` (one read, at most ~1 MiB, beyond it), not once it is all
    inflated.
    """

    def __init__(self, raw: CountingFile, name: str, limit: int | None) -> None:
        import gzip

        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self._name = name
        self._limit = limit
        self.size = 0

    def readable(self) -> bool:
        """Return True: this stream is read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Decompress into ``buffer``; raise GraphImportError for bad gzip data or past the bound."""
        import zlib

        try:
            count = self._gzip.readinto(buffer)
        except (OSError, EOFError, zlib.error) as error:
            raise GraphImportError(f"{self._name}: not readable gzip data ({error})") from None
        self.size += count
        if self._limit is not None and self.size > self._limit:
            raise GraphImportError(
                f"{self._name}: decompresses to more than {self._limit >> 20} MiB, over "
                f"{get_gzip_ratio()} times its compressed size (a gzip bomb?); set "
                f"{GZIP_RATIO_ENV} to a higher ratio (0: no bound) to import it anyway"
            )
        return count

    def close(self) -> None:
        """Close the gzip reader (the raw file is the caller's)."""
        self._gzip.close()
        super().close()


def get_gzip_ratio() -> int:
    """Return the bound on a ``.gz`` input's decompressed size, as a ratio (MAX_GZIP_RATIO or the env).

    Raises:
        GraphImportError: ``$MSC_GRAPH_MAX_GZIP_RATIO`` is not a whole number.
    """
    configured = os.environ.get(GZIP_RATIO_ENV, "").strip()
    if not configured:
        return MAX_GZIP_RATIO
    if not configured.isdigit():
        raise GraphImportError(f"{GZIP_RATIO_ENV}={configured!r}: give a whole number (0: no bound)")
    return int(configured)


def get_gzip_limit(path: Path) -> int | None:
    """Return how many decompressed bytes ``path`` (a ``.gz`` file) may give; None: no bound."""
    ratio = get_gzip_ratio()
    return None if ratio == 0 else max(MIN_GZIP_LIMIT, ratio * path.stat().st_size)


def open_binary(path: Path) -> tuple[CountingFile, IO[bytes]]:
    """Return the raw file (counting the bytes read) and the stream to read, gunzipped for ``.gz``.

    A ``.gz`` file is checked while it is read (:class:`GunzipStream`): data
    that is no gzip, or that grows past :func:`get_gzip_limit`, fails with a
    GraphImportError naming the file.
    """
    if path.name.endswith(".gz"):
        limit = get_gzip_limit(path)
        raw = CountingFile(path, "r")
        return raw, io.BufferedReader(GunzipStream(raw, path.name, limit), buffer_size=1 << 20)
    raw = CountingFile(path, "r")
    return raw, io.BufferedReader(raw, buffer_size=1 << 20)


def check_utf8(data: bytes, name: str, first_line: int, unit: str = "line") -> None:
    """Raise a GraphImportError naming the line of ``data`` (lines from ``first_line``) that is not UTF-8.

    Cost: nothing for ASCII (checked in C at memory speed), one decode otherwise.
    """
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(data, error, name, first_line, unit) from None


def _not_utf8(
    data: bytes, error: UnicodeDecodeError, name: str, first_line: int, unit: str
) -> GraphImportError:
    line = first_line + data.count(b"\n", 0, error.start)
    start = data.rfind(b"\n", 0, error.start) + 1
    return GraphImportError(
        f"{name} {unit} {line}: not UTF-8 text (byte {data[error.start]:#04x} at column "
        f"{error.start - start + 1}); convert the file to UTF-8"
    )


def iter_lines(stream: IO[bytes], name: str) -> Iterator[tuple[int, list[str]]]:
    r"""Yield the lines of a UTF-8 text stream in blocks: (number of the block's first line, its lines).

    Lines end at ``\n`` only (a ``\r`` before it is dropped, one elsewhere is
    text); the line ends are not kept. Decoding and splitting a block at a
    time, in C, reads a KGX file about twice as fast as ``csv.reader`` did.

    Raises:
        GraphImportError: a byte is not UTF-8, or a line is longer than MAX_LINE_BYTES
            (the message names the file and line).
    """
    for number, body in iter_line_blocks(stream, name):
        yield number, _decode_lines(body, name, number)


def iter_line_blocks(stream: IO[bytes], name: str, size: int | None = None) -> Iterator[tuple[int, bytes]]:
    r"""Yield whole lines of a stream in blocks of bytes: (number of the block's first line, its bytes).

    A block is about ``size`` bytes (default LINE_BLOCK_BYTES) cut after its
    last ``\n``; the final ``\n`` is not kept, so a block of k line ends holds
    k + 1 lines. The bytes are not decoded (callers that parse in C check UTF-8 themselves).

    Raises:
        GraphImportError: a line is longer than MAX_LINE_BYTES (the message names the file and line).
    """
    number = 1
    pending: list[bytes] = []  # the start of a line that has not ended yet, in pieces
    pending_size = 0
    while True:
        block = stream.read(size or LINE_BLOCK_BYTES)
        if not block:
            if pending:
                yield number, b"".join(pending)
            return
        cut = block.rfind(b"\n")
        if cut < 0:
            pending.append(block)
            pending_size += len(block)
            if pending_size > MAX_LINE_BYTES:
                raise GraphImportError(
                    f"{name} line {number}: longer than {MAX_LINE_BYTES >> 20} MiB without a line end "
                    "(not line-based text?)"
                )
            continue
        if pending:
            pending.append(block[:cut])
            body = b"".join(pending)
            pending, pending_size = [], 0
        else:
            body = block[:cut]
        rest = block[cut + 1 :]
        if rest:
            pending, pending_size = [rest], len(rest)
        yield number, body
        number += body.count(b"\n") + 1


def _decode_lines(body: bytes, name: str, first_line: int) -> list[str]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(body, error, name, first_line, "line") from None
    lines = text.split("\n")
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
    return lines
