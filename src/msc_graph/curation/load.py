"""Read graph_data/*.yaml into raw records that remember their file, line and column.

Nothing here judges content (validate/ does); this module only turns bytes
into Python values and reports what keeps it from doing so: a path that is
not a regular file, bad encoding, YAML syntax, duplicate keys, tags other
than YAML's own, an empty or oversized file, nesting too deep, or more
values than hand-curated data ever needs once aliases are expanded.

Reading is kept apart from parsing: :func:`read_file` returns the bytes of
one file, and :func:`load_file` parses exactly the bytes it is given, so the
build cache can key its artefact on the very bytes that were parsed. PyYAML
is imported where it is used, so a warm CLI call, which reads and hashes
these files but parses nothing, never loads it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msc_graph.errors import DataError, Problem

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 8 * 1024 * 1024
"""A curated file larger than this is refused: hand-curated YAML never needs it."""
MAX_NODES = 200_000
"""Values (mappings, lists, scalars, keys included) one file may hold once aliases are expanded.

About ten times the largest curated file (graph_data/mahajan-2018.yaml holds
20,384; all of graph_data/ 36,423). It stops an alias bomb (nine levels of
nine aliases each, which expand a few hundred bytes into 387 million values)
after a fraction of a second instead of never. Anchors and aliases as the
curated data uses them (a shared evidence list) are welcome.
"""
MAX_DEPTH = 100
"""Nesting levels one file may use, aliases expanded; the curated data uses at most 8."""

_YAML = "tag:yaml.org,2002:"
_MAPPING_TAG = _YAML + "map"
_SEQUENCE_TAG = _YAML + "seq"


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


def _file_problem(path: Path, message: str) -> DataError:
    return DataError([Problem(str(path), 1, 1, "file", message)])


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def _too_big(path: Path, size: int | None) -> DataError:
    amount = f"{size} bytes" if size is not None else f"more than {MAX_FILE_BYTES} bytes"
    return _file_problem(
        path, f"file is {amount}, over the {MAX_FILE_BYTES}-byte limit for curated YAML; split it"
    )


def read_file(path: Path) -> bytes:
    """Return the bytes of the curated file at ``path``, which must be a regular file.

    A directory, a FIFO (whose read would wait for a writer forever), a device
    (``/dev/zero`` never ends) or a symlink to one is refused without being
    read: the path is checked before it is opened, so a FIFO or device is
    never opened, then opened without blocking and checked again on the open
    descriptor, so swapping the file between the two is caught too. At most
    ``MAX_FILE_BYTES + 1`` bytes are read, whatever the file claims its size is.

    Raises:
        DataError: the path is not a readable regular file of at most
            ``MAX_FILE_BYTES`` bytes (located at line 1, field ``file``).
    """
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise _file_problem(path, f"not a regular file ({_kind(status.st_mode)}); only files are read")
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        missing = "a symlink to a file that does not exist" if os.path.islink(path) else "no such file"
        raise _file_problem(path, f"cannot read: {missing}") from None
    except OSError as error:
        raise _file_problem(path, f"cannot read: {error.strerror or error}") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _file_problem(path, f"not a regular file ({_kind(status.st_mode)}); only files are read")
        if status.st_size > MAX_FILE_BYTES:
            raise _too_big(path, status.st_size)
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise _file_problem(path, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:  # the file grew after it was measured
        raise _too_big(path, None)
    return data


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML) if tag.startswith(_YAML) else tag


@cache
def _bounded_loader(libyaml: bool = True) -> type[Any]:
    """Return a YAML composer that stops at the bounds of this module, reading libyaml's events.

    Why libyaml: PyYAML's scanner and parser in Python were nearly all of a
    cold ``build`` or ``validate`` (1.2 of 1.6 s); libyaml's ``CParser``
    scans and parses in C, ~6x faster, and its events are composed here by
    PyYAML's own Composer, so the nodes (tags, values, marks) are the same.
    ``libyaml=False``, or a PyYAML built without libyaml, composes from
    PyYAML's Python scanner and parser instead (the tests compare the two).
    One refusal differs: libyaml's scanner reads a flow collection ahead and
    refuses one nested more than 1,000 levels deep before MAX_DEPTH is
    counted here (on the same line; "exceeded maximum nesting depth").

    PyYAML composes recursively, so nesting is bounded here (else a deep file
    ends in RecursionError); it registers an anchor before composing the node
    it names, so ``&a [*a]`` composes into a node that contains itself, which
    this composer refuses at the alias.
    """
    import yaml
    from yaml.composer import Composer
    from yaml.resolver import Resolver

    class PythonEvents(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

    events: type[Any] = PythonEvents
    if libyaml and yaml.__with_libyaml__:
        from yaml._yaml import CParser

        events = CParser

    class BoundedLoader(Composer, events, Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            events.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.depth = 0
            self.composed = 0
            self.open_anchors: set[str] = set()

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            event: yaml.NodeEvent = self.peek_event()
            if isinstance(event, yaml.AliasEvent):
                if event.anchor in self.open_anchors:
                    raise self._refuse(
                        event,
                        f"alias *{event.anchor} is used inside the value it names "
                        "(a recursive alias, which would never end)",
                    )
                return super().compose_node(parent, index)
            self.composed += 1
            if self.composed > MAX_NODES:
                raise self._refuse(event, f"too many values (limit {MAX_NODES}); split the file")
            if self.depth >= MAX_DEPTH:
                raise self._refuse(event, f"nested more than {MAX_DEPTH} levels deep")
            anchor = event.anchor
            self.depth += 1
            if anchor is not None:
                self.open_anchors.add(anchor)
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
                if anchor is not None:
                    self.open_anchors.discard(anchor)

        @staticmethod
        def _refuse(event: yaml.NodeEvent, message: str) -> yaml.composer.ComposerError:
            # libyaml's marks are yaml._yaml.Mark: the same line, column and name as yaml.Mark
            return yaml.composer.ComposerError(None, None, message, event.start_mark)  # type: ignore[arg-type]

    return BoundedLoader


def _compose(text: str, libyaml: bool = True) -> yaml.Node | None:
    """Compose ``text`` as ``yaml.compose`` does, with the bounded loader (see :func:`_bounded_loader`)."""
    loader = _bounded_loader(libyaml)(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


class _Builder:
    """Turn a composed YAML node into Python values, keeping marks on containers.

    Aliases compose into shared nodes, and building expands them: every value
    built counts against ``MAX_NODES`` and every level against ``MAX_DEPTH``,
    so aliases of aliases cannot multiply a small file into an endless build.
    """

    def __init__(self, file: str) -> None:
        import yaml

        self.file = file
        self.problems: list[Problem] = []
        self.built = 0
        self.constructor = yaml.SafeLoader(" ")

    def _stop(self, line: int, column: int, message: str) -> DataError:
        return DataError([*self.problems, Problem(self.file, line, column, "yaml", message)])

    def build(self, node: yaml.Node, depth: int = 1) -> Any:
        import yaml

        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.built += 1
        if self.built > MAX_NODES:
            raise self._stop(
                line,
                column,
                f"too many values after expanding aliases (limit {MAX_NODES}); "
                "split the file or repeat fewer aliases",
            )
        if depth > MAX_DEPTH:
            raise self._stop(
                line, column, f"nested more than {MAX_DEPTH} levels deep once aliases are expanded"
            )
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAPPING_TAG, "mapping", line, column)
            return self._mapping(node, depth, line, column)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQUENCE_TAG, "list", line, column)
            items = LocatedList()
            items.file, items.line, items.column = self.file, line, column
            items.marks = [(item.start_mark.line + 1, item.start_mark.column + 1) for item in node.value]
            items.extend(self.build(item, depth + 1) for item in node.value)
            return items
        return self._scalar(node, line, column)

    def _check_tag(self, node: yaml.Node, expected: str, kind: str, line: int, column: int) -> None:
        if node.tag != expected:
            self.problems.append(
                Problem(
                    self.file,
                    line,
                    column,
                    "yaml",
                    f"unsupported tag {_tag_name(node.tag)} on a {kind}; "
                    "curated YAML uses plain mappings, lists and scalars",
                )
            )

    def _mapping(self, node: yaml.MappingNode, depth: int, line: int, column: int) -> Located:
        mapping = Located()
        mapping.file, mapping.line, mapping.column = self.file, line, column
        mapping.marks, mapping.key_marks = {}, {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            key_text = str(key)
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_text in mapping:
                self.problems.append(
                    Problem(
                        self.file,
                        *key_mark,
                        key_text,
                        "duplicate key (the later value would silently win)",
                    )
                )
                continue
            mapping[key_text] = self.build(value_node, depth + 1)
            mapping.marks[key_text] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            mapping.key_marks[key_text] = key_mark
        return mapping

    def _scalar(self, node: yaml.Node, line: int, column: int) -> Any:
        import yaml

        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            # YAMLError: e.g. a bare "=" resolves to a tag with no constructor; ValueError: a
            # 5,000-digit integer (Python's digit limit) or a date like 2023-02-30
            reason = str(error).split(";")[0] if isinstance(error, ValueError) else str(error)
            self.problems.append(
                Problem(self.file, line, column, "yaml", f"cannot read this value: {reason}")
            )
            self.constructor = yaml.SafeLoader(" ")  # a failed construction leaves state behind
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


def _character_at(text: str, line: int, column: int) -> str:
    r"""Return the character at 1-based ``line`` and ``column`` of ``text`` ("" past its end).

    >>> _character_at("a: 1\n\tb: 2\n", 2, 1)
    '\t'
    """
    lines = text.split("\n")
    return lines[line - 1][column - 1 : column] if 0 < line <= len(lines) and column > 0 else ""


def load_file(path: Path, data: bytes | None = None) -> RawFile:
    """Load one curated YAML file: ``data`` when given (the bytes read from ``path``), else the file.

    Whoever hashed ``data`` (the build cache) knows it describes exactly what
    was parsed; ``path`` then only names the file in problems.

    Raises:
        DataError: the file cannot be read as a YAML mapping (with file, line, column).
    """
    import yaml

    name = str(path)
    raw = read_file(path) if data is None else data
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path, len(raw))
    text = _decode(path, raw)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise DataError([Problem(name, 1, 1, "file", "file is empty; remove it or add data")])
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        if _character_at(text, line, column) == "\t":  # libyaml's message does not name it
            message += " (a tab: YAML indents with spaces)"
        raise DataError([Problem(name, line, column, "yaml", message)]) from None
    except yaml.YAMLError as error:  # the reader's errors (e.g. a NUL character) carry no mark
        raise DataError([Problem(name, 1, 1, "yaml", str(error))]) from None
    if node is None:
        raise DataError([Problem(name, 1, 1, "file", "file is empty; remove it or add data")])
    builder = _Builder(name)
    value = builder.build(node)
    if builder.problems:
        raise DataError(builder.problems)
    if not isinstance(value, Located):
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
    return RawFile(path, value)


def iter_data_files(data_dir: Path) -> Iterator[Path]:
    """Yield the curated YAML files of ``data_dir`` in a stable order.

    Every entry named ``*.yaml`` is yielded, whatever it is, so that a
    directory, FIFO or broken symlink of that name is reported by the loader
    instead of being skipped in silence.
    """
    yield from sorted(data_dir.glob("*.yaml"))


def load_files(paths: Iterable[Path], contents: Mapping[Path, bytes] | None = None) -> list[RawFile]:
    """Load every file, collecting the problems of all of them before raising one DataError.

    ``contents`` holds bytes already read for some of the paths (those the
    cache key was computed from); they are parsed as they are, never read again.
    """
    loaded: list[RawFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_file(path, None if contents is None else contents.get(path)))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return loaded
