"""Text tables fit the width asked for: columns narrowed in proportion, else one block per row."""

from __future__ import annotations

import json

import pytest

from msc_graph.cli import cli
from msc_graph.render import Table, render_text

WIDE_COMMANDS = [["studies"], ["studies", "--read-in", "ferrini-2025"], ["contradictions"]]


def words(text: str) -> set[str]:
    return set(text.split())


def test_a_table_that_fits_is_laid_out_as_before() -> None:
    table = Table(["id", "label"], [["vegf", "vascular endothelial growth factor"]])
    assert render_text(table, 80).splitlines() == [
        "id    label",
        "----  ----------------------------------",
        "vegf  vascular endothelial growth factor",
    ]


def test_long_columns_give_up_room_in_proportion() -> None:
    # wanted 10 + 40 + 20 (+ 2 gaps of 2) = 74 > 50; needed: the longest words, 10 + 6 + 6 = 22;
    # the 50 - 4 - 22 = 24 spare go 2/3 to the second column (34 short) and 1/3 to the third (14 short)
    short, long, middle = "a" * 10, " ".join(["alpha1"] * 6)[:40], " ".join(["gamma1"] * 3)[:20]
    table = Table(["one", "two", "three"], [[short, long, middle]])
    lines = render_text(table, 50).splitlines()
    assert max(len(line) for line in lines) <= 50
    assert lines[1] == "----------  " + "-" * 23 + "  " + "-" * 13
    assert words("\n".join(lines)) >= {short, "alpha1", "gamma1"}


def test_too_many_columns_print_one_block_per_row() -> None:
    # the narrowest columns (longest words: 5, 17 and 6, and two gaps) need 32 > 26
    rows = [["VEGF", "↑ angiogenesis", "Cantinieux et al., 2013"], ["IL-1β", "↓ neuroinflammation", "–"]]
    assert render_text(Table(["name", "effect", "study"], rows), 26).splitlines() == [
        "name:   VEGF",
        "effect: ↑ angiogenesis",
        "study:  Cantinieux et al.,",
        "        2013",
        "",
        "name:   IL-1β",
        "effect: ↓",
        "        neuroinflammation",
        "study:  –",
    ]


def test_hyphenated_names_are_never_broken() -> None:
    table = Table(["factor", "effect"], [["TNF-α", "bone marrow-derived MSCs lower TNF-α and IL-1β"]])
    text = render_text(table, 30)
    assert max(len(line) for line in text.splitlines()) <= 30
    assert {"marrow-derived", "TNF-α", "IL-1β"} <= words(text)


def test_title_and_footer_wrap_and_keep_their_indent() -> None:
    footer = ["", "zidan-2023: uncovered", "  - " + "word " * 30]
    text = render_text(Table(["a"], [["b"]], title="T " * 40, footer=footer), 40)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert all(line.startswith("  ") for line in lines[lines.index("zidan-2023: uncovered") + 2 :])


def cell_words(runner, command: list[str]) -> set[str]:
    """Return every word of every cell of the command's table (its TSV, without the section column)."""
    result = runner.invoke(cli, [*command, "-f", "tsv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    skip = 1 if lines[0].startswith("section\t") else 0  # contradictions' two tables in one TSV
    return {word for line in lines[1:] for cell in line.split("\t")[skip:] for word in cell.split()}


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("command", WIDE_COMMANDS, ids=" ".join)
def test_every_line_fits_and_no_word_is_lost(runner, real_project, command: list[str], width: int) -> None:
    result = runner.invoke(cli, [*command, "--width", str(width)])
    assert result.exit_code == 0, result.output
    too_long = [line for line in result.output.splitlines() if len(line) > width]
    assert too_long == []
    assert cell_words(runner, command) - words(result.output) == set()


def test_the_width_defaults_to_columns_when_not_a_terminal(runner, real_project) -> None:
    narrow = runner.invoke(cli, ["contradictions"], env={"COLUMNS": "70"})
    piped = runner.invoke(cli, ["contradictions"], env={"COLUMNS": ""})
    assert narrow.exit_code == piped.exit_code == 0
    assert max(len(line) for line in narrow.output.splitlines()) <= 70
    assert max(len(line) for line in piped.output.splitlines()) == 100  # the default, filled


def test_a_narrow_width_prints_record_blocks(runner, real_project) -> None:
    result = runner.invoke(cli, ["studies", "--read-in", "ferrini-2025", "--width", "40"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 40
    assert not any(set(line) == {"-", " "} for line in lines)  # no header rule: no columns
    labels = ["model", "species", "msc_source", "preparation", "route", "factors", "effects", "reference"]
    label_width = len("preparation:")
    for line in lines:  # a labelled value, its continuation (indented past the labels) or a blank
        assert line == "" or line.split(":")[0] in labels or line[: label_width + 1].isspace(), line
    references = [line.split(":", 1)[1].strip() for line in lines if line.startswith("reference:")]
    assert "Gao et al., 2023a" in references


@pytest.mark.parametrize("command", WIDE_COMMANDS, ids=" ".join)
def test_machine_formats_ignore_the_width(runner, real_project, command: list[str]) -> None:
    for fmt in ("json", "tsv"):
        default = runner.invoke(cli, [*command, "-f", fmt])
        narrow = runner.invoke(cli, [*command, "-f", fmt, "--width", "40"])
        assert default.exit_code == narrow.exit_code == 0
        assert narrow.output == default.output


def test_studies_json_and_tsv_are_the_payload(runner, real_project) -> None:
    from msc_graph.query.filters import build_filter
    from msc_graph.query.studies import iter_study_rows, study_row_payload
    from msc_graph.render import render_json
    from msc_graph.views import open_graph

    views = open_graph(real_project)
    evidence_filter = build_filter(views.resolver, {"read_in": "ferrini-2025"})
    payload = [study_row_payload(views.model, row) for row in iter_study_rows(views.model, evidence_filter)]
    command = ["studies", "--read-in", "ferrini-2025", "--width", "40"]
    as_json = runner.invoke(cli, [*command, "-f", "json"])
    assert as_json.output == render_json(payload) + "\n"
    assert json.loads(as_json.output) == payload
    tsv = runner.invoke(cli, [*command, "-f", "tsv"]).output.splitlines()
    assert len(tsv) == len(payload) + 1  # one line a study: nothing wrapped
    rows = [line.split("\t") for line in tsv[1:]]
    assert [row[-1] for row in rows] == [item["citation"] for item in payload]
    assert [row[5] for row in rows] == [", ".join(item["factors"]) or "–" for item in payload]
