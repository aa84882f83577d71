"""Curated YAML is composed from libyaml's events: the same nodes and the same refusals as PyYAML's parser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from msc_graph.curation.load import _compose, load_file
from msc_graph.errors import DataError

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not yaml.__with_libyaml__, reason="PyYAML without libyaml: the Python parser is the only one"
)


def _shape(node: yaml.Node | None) -> list[tuple[Any, ...]]:
    """Return every node of a tree in document order: kind, tag, value, start and end (line, column).

    Iterative (a file may nest deeper than Python's recursion); a plain scalar's style is None
    in PyYAML and "" in libyaml, both meaning plain.
    """
    shape: list[tuple[Any, ...]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if item is None:
            shape.append((None,))
            continue
        where = (item.start_mark.line, item.start_mark.column, item.end_mark.line, item.end_mark.column)
        if isinstance(item, yaml.ScalarNode):
            shape.append(("scalar", item.tag, item.value, item.style or None, *where))
        elif isinstance(item, yaml.SequenceNode):
            shape.append(("sequence", item.tag, len(item.value), *where))
            stack.extend(reversed(item.value))
        else:
            shape.append(("mapping", item.tag, len(item.value), *where))
            stack.extend(part for pair in reversed(item.value) for part in reversed(pair))
    return shape


def _outcome(text: str, libyaml: bool) -> list[tuple[Any, ...]] | tuple[str, int, int]:
    """Return the composed tree's shape, or (refused, line, column) of the refusal.

    One refusal differs by design: libyaml's scanner reads a flow collection ahead and
    stops at its own limit of 1,000 nested levels, before the composer counts to
    MAX_DEPTH; that refusal is returned as ("too deep", line, 0).
    """
    try:
        return _shape(_compose(text, libyaml))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "maximum nesting depth" in str(error.problem) or "levels deep" in str(error.problem):
            return ("too deep", mark.line, 0)
        return ("refused", mark.line, mark.column)
    except yaml.YAMLError:
        return ("refused", 0, 0)


def _committed_yaml() -> list[Path]:
    folders = ("graph_data", "ontology", "coverage", "tests")
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.yaml"))


def test_every_committed_yaml_file_composes_alike() -> None:
    files = _committed_yaml()
    assert len(files) > 20  # the curated data, the ontology and the invalid inputs of the tests
    compared = 0
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a test input that is not UTF-8: refused before any parser sees it
        assert _outcome(text, libyaml=True) == _outcome(text, libyaml=False), path
        compared += 1
    assert compared > 20


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(
    value=_VALUES,
    flow=st.sampled_from([True, False, None]),
    style=st.sampled_from([None, '"', "'", "|", ">"]),
    unicode=st.booleans(),
    width=st.sampled_from([20, 80, 1000]),
)
def test_any_dumped_value_composes_alike(
    value: object, flow: bool | None, style: str | None, unicode: bool, width: int
) -> None:
    text = yaml.safe_dump(
        {"entities": value},
        default_flow_style=flow,
        default_style=style,
        allow_unicode=unicode,
        width=width,
    )
    assert _outcome(text, libyaml=True) == _outcome(text, libyaml=False)


@pytest.mark.parametrize(
    "text",
    [
        "entities:\n\t- id: x\n",
        "entities:\n  - id: x\n    label: a: b\n",
        "entities: [a, b\n",
        'entities:\n  - id: "x\n',
        "entities:\n  - id: x\n   label: y\n",
        "a: 1\n---\nb: 2\n",
        "a: *nope\n",
        "a: &x [*x]\n",
        "a: b\x07\n",
        "a:\n  b: 1\n b: 2\n",
        "- a\nb: c\n",
        "a: !!python/object:os.system x\n",
        "a: " + "[" * 150 + "]" * 150 + "\n",
        "a:\n" + "".join("  " * level + "- \n" for level in range(150)),
        "entities:\r\n  - id: x\r\n    label: a: b\r\n",
        "\ufeffentities:\n  - id: x\n",
        'entities:\n  - label: "\U0001f600\u00e9" : b: c\n',
        "a: 1\rb: 2\n",
        "a: \u2028b\n",
        "a: x\x85y\n",
        'entities:\n  - {id: "\U0001f600", x: [1, 2}\n',
    ],
    ids=[
        "tab",
        "colon",
        "unclosed",
        "quote",
        "indent",
        "two-documents",
        "undefined-alias",
        "recursive-alias",
        "control-character",
        "dedent",
        "sequence-then-mapping",
        "python-tag",
        "flow-nesting",
        "block-nesting",
        "crlf",
        "byte-order-mark",
        "astral-characters-before-the-error",
        "lone-cr",
        "line-separator",
        "next-line",
        "astral-characters-in-flow",
    ],
)
def test_malformed_or_odd_yaml_is_read_alike(text: str) -> None:
    assert _outcome(text, libyaml=True) == _outcome(text, libyaml=False)


def test_a_tab_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "tabbed.yaml"
    path.write_text("entities:\n  - id: x\n\t label: y\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 1)
    assert "a tab: YAML indents with spaces" in problem.message
