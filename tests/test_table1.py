"""Ferrini et al. 2025, Table 1, rebuilt by the package and compared cell by cell with the seed.

The package rebuilds the table from the evidence read from its rows
(msc_graph.query.tables); the expected rows are parsed from the seed text in
this test (never from a copy kept in the code, nor with the package's own
reading); each cell is compared as a set of normalised names:
factors split on commas and spaces, mechanisms split into (arrow, name) items
where a plain hyphen means "no change".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from msc_graph.cli import cli
from msc_graph.curation.seeds import read_seed
from msc_graph.model import Entity, GraphModel
from msc_graph.model.names import normalise_name
from msc_graph.query.tables import (
    TABLE_COLUMNS,
    StudyTableRow,
    find_table,
    merge_citations,
    rebuild_table,
    table_row_payload,
)
from msc_graph.views import open_graph

from .conftest import get_seed_name

ARROW_SIGN = {"↓": -1, "↑": 1, "-": 0}


@dataclass
class Row:
    model: str
    species: str
    origin: str
    preparation: str
    factors: set[str]
    mechanisms: set[tuple[int, str]]
    references: set[str]
    reference: str
    header: list[str]


def parse_table(text: str) -> list[Row]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("**Table 1 |"))
    header = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("Animal model"))
    rows = []
    for line in lines[header + 1 :]:
        if not line.strip():
            break
        model, species, origin, prep, factor_cell, mechanism_cell, reference = line.split("\t")
        factors = (
            set()
            if factor_cell.strip() == "–"
            else {normalise_name(f) for f in re.split(r"[,\s]+", factor_cell) if f}
        )
        items = re.split(r"(?:^|\s)([↓↑-])\s", " " + mechanism_cell)
        mechanisms = {(ARROW_SIGN[items[i]], normalise_name(items[i + 1])) for i in range(1, len(items), 2)}
        author, years = reference.rsplit(", ", 1)
        suffixes = re.match(r"(\d{4})(.*)", years)
        assert suffixes
        year, letters = suffixes.groups()
        references = {normalise_name(f"{author}, {year}{s}") for s in (letters.split(",") or [""])}
        columns = lines[header].split("\t")
        rows.append(Row(model, species, origin, prep, factors, mechanisms, references, reference, columns))
    return rows


def names(entity: Entity) -> set[str]:
    return {normalise_name(n) for n in (entity.label, *entity.synonyms)}


@pytest.fixture(scope="module")
def seed_rows(seeds_dir) -> list[Row]:
    return parse_table(read_seed(get_seed_name("ferrini-2025"), seeds_dir))


@pytest.fixture()
def model(real_project) -> GraphModel:
    return open_graph(real_project).model


@pytest.fixture()
def rebuilt(model) -> list[StudyTableRow]:
    return rebuild_table(model, find_table(model, "ferrini-2025-table-1"))


def test_the_seed_table_has_nine_rows(seed_rows) -> None:
    assert len(seed_rows) == 9  # counted in the paper: Amodeo ... Gao et al., 2023a,b


def test_the_rebuilt_table_has_the_seed_rows(seed_rows, rebuilt) -> None:
    assert [row.number for row in rebuilt] == list(range(1, len(seed_rows) + 1))


@pytest.mark.parametrize("number", range(1, 10))
def test_row_rebuilt_from_graph_matches_the_seed(number: int, seed_rows, rebuilt, model) -> None:
    expected = seed_rows[number - 1]
    row = rebuilt[number - 1]
    entities = model.entities
    (disease_model,) = row.disease_models
    assert normalise_name(expected.model) in names(entities[disease_model])
    ((strain, species),) = row.species
    assert normalise_name(f"{strain} {entities[species].label}") == normalise_name(expected.species)
    (msc_source,) = row.msc_sources
    assert normalise_name(expected.origin) in names(entities[msc_source])
    (preparation,) = row.preparations
    assert normalise_name(expected.preparation) in names(entities[preparation])
    # factors: a one-to-one match between the cell's names and the carried entities
    assert len(row.factors) == len(expected.factors)
    for name in expected.factors:
        assert any(name in names(entities[f]) for f in row.factors), name
    assert len(row.mechanisms) == len(expected.mechanisms)
    for sign, name in expected.mechanisms:
        assert any(s == sign and name in names(entities[o]) for s, o in row.mechanisms), (sign, name)
    citations = {normalise_name(model.studies[s].citation) for s in row.studies}
    assert citations == expected.references
    assert row.reference == expected.reference  # Gao 2023a and 2023b: one row, cited as the paper does


def test_table_tsv_is_the_seed_table(runner, real_project, seed_rows, model, rebuilt) -> None:
    result = runner.invoke(cli, ["studies", "--table", "ferrini-2025-table-1", "-f", "tsv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # the paper's columns, in its order: Animal model of pain, Animal species, MSC origin,
    # FS or purified EV, Identified factor, Spinal mechanism, Reference
    assert lines[0].split("\t") == TABLE_COLUMNS
    assert len(TABLE_COLUMNS) == len(seed_rows[0].header)
    rows = [line.split("\t") for line in lines[1:]]
    assert [row[-1] for row in rows] == [expected.reference for expected in seed_rows]
    payload = json.loads(
        runner.invoke(cli, ["studies", "--table", "ferrini-2025-table-1", "-f", "json"]).output
    )
    assert payload == [table_row_payload(model, row) for row in rebuilt]


@pytest.mark.parametrize("table", ["mahajan-2018-table-3", "ferrini-2025-table-2", "mahajan-2018-table-2"])
def test_an_unknown_table_is_refused_with_the_known_ones(runner, real_project, table: str) -> None:
    result = runner.invoke(cli, ["studies", "--table", table])
    assert result.exit_code == 2
    assert repr(table) in result.output
    assert "(the study tables of this graph: ferrini-2025-table-1)" in result.output


def test_table_takes_no_filters(runner, real_project) -> None:
    result = runner.invoke(cli, ["studies", "--table", "ferrini-2025-table-1", "--species", "rat"])
    assert result.exit_code == 2
    assert "takes no filters" in result.output


def test_studies_help_no_longer_calls_the_prose_view_table_1(runner) -> None:
    result = runner.invoke(cli, ["studies", "--help"])
    assert result.exit_code == 0
    assert "--table" in result.output
    assert "columns of a review's summary table" not in result.output


def test_citations_of_one_author_and_year_merge() -> None:
    assert merge_citations(["Gao et al., 2023a", "Gao et al., 2023b"]) == "Gao et al., 2023a,b"
    assert (
        merge_citations(["Shiue et al., 2019", "Gao et al., 2023a"])
        == "Shiue et al., 2019; Gao et al., 2023a"
    )


def test_studies_read_in_tsv_has_its_columns(runner, real_project) -> None:
    result = runner.invoke(cli, ["studies", "--read-in", "ferrini-2025", "-f", "tsv"])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0].split("\t")
    assert header == [
        "model",
        "species",
        "msc_source",
        "preparation",
        "route",
        "factors",
        "effects",
        "reference",
    ]
    by_reference = {line.split("\t")[-1]: line.split("\t") for line in result.output.splitlines()[1:]}
    gao = by_reference["Gao et al., 2023a"]
    assert "miR-99b-3p" in gao[5]
    assert "↓ PI3K/AKT/mTOR pathway" in gao[6] or "↓ PI3K/AKT/mTOR" in gao[6]
