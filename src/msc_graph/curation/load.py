"""Read graph_data/*.yaml into raw records that remember their file, line and column.

Nothing here judges content (validate/ does); this module only turns bytes
into Python values and reports what keeps it from doing so: bad encoding,
YAML syntax, duplicate keys, an empty or oversized file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from msc_graph.errors import DataError, Problem

MAX_FILE_BYTES = 8 * 1024 * 1024
"""A curated file larger than this is refused: hand-curated YAML never needs it."""


class Located(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys were written."""

    file: str = "?"
    line: int = 0
    column: int = 0
    marks: dict[str, tuple[int, int]]
    key_marks: dict[str, tuple[int, int]]

    def where_key(self, key: str) -> tuple[str, int, int]:
        """Return (file, line, column) of ``key`` itself (for unknown or misspelt keys)."""
        line, column = self.key_marks.get(key, (self.line, self.column))
        return self.file, line, column

    def where(self, key: str | None = None) -> tuple[str, int, int]:
        """Return (file, line, column) of ``key``'s value, or of the mapping itself."""
        line, column = (
            self.marks.get(key, (self.line, self.column))
            if key
            else (
                self.line,
                self.column,
            )
        )
        return self.file, line, column


class LocatedList(list[Any]):
    """A YAML sequence that remembers where it and each of its items were written."""

    file: str = "?"
    line: int = 0
    column: int = 0
    marks: list[tuple[int, int]]


@dataclass(frozen=True)
class RawFile:
    """One curated file as loaded: its path and top-level mapping."""

    path: Path
    data: Located


_SCALARS = yaml.SafeLoader


def _build(node: yaml.Node, file: str, problems: list[Problem]) -> Any:
    """Turn a composed YAML node into Python values, keeping marks on containers."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        mapping = Located()
        mapping.file, mapping.line, mapping.column = file, line, column
        mapping.marks, mapping.key_marks = {}, {}
        for key_node, value_node in node.value:
            key = _build(key_node, file, problems)
            key_text = str(key)
            if key_text in mapping:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        key_text,
                        "duplicate key (the later value would silently win)",
                    )
                )
                continue
            mapping[key_text] = _build(value_node, file, problems)
            mapping.marks[key_text] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            mapping.key_marks[key_text] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList()
        items.file, items.line, items.column = file, line, column
        items.marks = [(item.start_mark.line + 1, item.start_mark.column + 1) for item in node.value]
        items.extend(_build(item, file, problems) for item in node.value)
        return items
    try:
        return yaml.SafeLoader(" ").construct_object(node)
    except yaml.YAMLError as error:  # e.g. a bare "=" resolves to a tag with no constructor
        problems.append(Problem(file, line, column, "yaml", f"cannot read this value: {error}"))
        return None


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            [
                Problem(
                    str(path),
                    line,
                    column,
                    "encoding",
                    f"not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def load_file(path: Path) -> RawFile:
    """Load one curated YAML file.

    Raises:
        DataError: the file cannot be read as a YAML mapping (with file, line, column).
    """
    name = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "file",
                    f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit for curated YAML; split it",
                )
            ]
        )
    text = _decode(path, path.read_bytes())
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError([Problem(name, 1, 1, "file", "file is empty; remove it or add data")])
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        raise DataError([Problem(name, line, column, "yaml", message)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML raises marked errors in practice
        raise DataError([Problem(name, 1, 1, "yaml", str(error))]) from None
    if node is None:
        raise DataError([Problem(name, 1, 1, "file", "file is empty; remove it or add data")])
    data = _build(node, name, problems)
    if problems:
        raise DataError(problems)
    if not isinstance(data, Located):
        raise DataError(
            [
                Problem(
                    name,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    "file",
                    "top level must be a mapping with entities:, studies:, contexts: or assertions:",
                )
            ]
        )
    return RawFile(path, data)


def iter_data_files(data_dir: Path) -> Iterator[Path]:
    """Yield the curated YAML files of ``data_dir`` in a stable order."""
    yield from sorted(data_dir.glob("*.yaml"))


def load_files(paths: Iterable[Path]) -> list[RawFile]:
    """Load every file, collecting the problems of all of them before raising one DataError."""
    loaded: list[RawFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_file(path))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return loaded
