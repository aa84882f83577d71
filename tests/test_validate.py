"""Invalid inputs: one defect per file in tests/data/invalid/, each with its expected location.

The first line of every file says where the problem must be reported
(``# expect: LINE:FIELD``); the line numbers were counted by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.curation.load import load_file, load_files
from msc_graph.curation.seeds import find_quote
from msc_graph.curation.validate import find_warnings, validate_files
from msc_graph.errors import DataError

from .conftest import DATA, FIXTURE, ROOT

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
PREFIXES = Project(ROOT).read_prefixes()
TERMS = Project(ROOT).read_terms()
SEEDS = FIXTURE / "seeds"
# The fixture project's review: the invalid files are checked as one file of that project
# (`mscgraph validate FILE` does the same with the project's reviews).
REVIEWS = validate_files(load_files([FIXTURE / "graph_data" / "fixture.yaml"]), PREFIXES).reviews


def _expected(path: Path) -> tuple[int, str]:
    first = path.read_bytes().split(b"\n", 1)[0].decode()
    match = re.match(r"# expect: (\d+):(\S+)", first)
    assert match, f"{path.name} lacks its '# expect: LINE:FIELD' line"
    return int(match.group(1)), match.group(2)


def _validate(path: Path) -> None:
    lookup = lambda quote, seed: find_quote(quote, seed, SEEDS)
    validate_files(load_files([path]), PREFIXES, lookup, reviews=REVIEWS, terms=TERMS)


def test_corpus_has_at_least_twenty_defect_kinds() -> None:
    assert len(INVALID) >= 20


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_each_defect_is_reported_at_its_line_and_field(path: Path) -> None:
    line, field = _expected(path)
    with pytest.raises(DataError) as caught:
        _validate(path)
    located = [(p.line, p.field) for p in caught.value.problems]
    assert (line, field) in located, f"expected {line}:{field}, got {located}"
    for problem in caught.value.problems:
        assert problem.file == str(path)
        assert problem.column >= 1
        assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: \S+: .+", str(problem))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_cli_exits_2_with_file_line_column(path: Path, runner, fixture_project) -> None:
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    line, field = _expected(path)
    assert f"{path}:{line}:" in result.output
    assert f": {field}: " in result.output
    assert "Traceback" not in result.output


def test_unknown_names_come_with_suggestions() -> None:
    with pytest.raises(DataError) as caught:
        _validate(DATA / "invalid" / "unknown-predicate.yaml")
    assert "did you mean carries" in str(caught.value)
    with pytest.raises(DataError) as caught:
        _validate(DATA / "invalid" / "unknown-entity.yaml")
    assert "did you mean vesicles" in str(caught.value)


def test_all_problems_are_collected_in_one_run(tmp_path: Path) -> None:
    bad = tmp_path / "two.yaml"
    bad.write_text("entities:\n  - {id: a, label: A, type: nope}\n  - {id: B, label: B, type: factor}\n")
    with pytest.raises(DataError) as caught:
        _validate(bad)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "type"), (3, "id")]


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("w") as stream:
        stream.write("entities:\n")
        line = "  - {id: x, label: padding padding padding padding padding, type: factor}\n"
        stream.write(line * (9 * 1024 * 1024 // len(line)))
    with pytest.raises(DataError) as caught:
        load_file(huge)
    assert caught.value.problems[0].field == "file"
    assert "limit" in caught.value.problems[0].message


def test_fixture_graph_is_valid_and_merges_parallel_evidence() -> None:
    model = validate_files(
        load_files([FIXTURE / "graph_data" / "fixture.yaml"]), PREFIXES, lambda q, r: find_quote(q, r, SEEDS)
    )
    assert len(model.entities) == 17
    # "study: [alpha-2020, beta-2021]" is one evidence per study on one assertion.
    pathway = next(a for a in model.assertions if a.id == "pw--decreases--auto")
    assert [e.study for e in pathway.evidence] == ["alpha-2020", "beta-2021"]
    assert int(pathway.sign) == -1


def test_same_study_inconsistencies_are_warnings(tmp_path: Path) -> None:
    text = (FIXTURE / "graph_data" / "fixture.yaml").read_text()
    model = validate_files(load_files([FIXTURE / "graph_data" / "fixture.yaml"]), PREFIXES, None)
    warnings = find_warnings(model)
    # alpha-2020 is described with preparation ev (rat-cci) and exo (healthy-mouse).
    assert any(w.startswith("alpha-2020: preparation differs") for w in warnings), warnings
    assert "healthy-mouse" in text


def test_a_general_sentence_can_decline_the_study_context(tmp_path: Path) -> None:
    source = tmp_path / "general.yaml"
    source.write_text(
        "review: ferrini-2025\n"
        "entities:\n"
        "  - {id: p, label: the pathway, type: pathway}\n"
        "  - {id: a, label: autophagy, type: process}\n"
        "  - {id: rat, label: rat, type: species}\n"
        "studies:\n"
        '  - {id: s, citation: "Alpha et al., 2020", context: {species: rat}}\n'
        "assertions:\n"
        "  - subject: p\n"
        "    object: a\n"
        "    predicate: decreases\n"
        "    evidence:\n"
        '      - {study: s, source_kind: prose, locator: "¶2", quote: "The pathway lowers autophagy"}\n'
        '      - {study: s, source_kind: prose, locator: "¶3", quote: "The pathway lowers autophagy", context: {inherit: false}}\n',
        encoding="utf-8",
    )
    model = validate_files(load_files([source]), PREFIXES, None, reviews=REVIEWS)
    inherited, general = model.assertions[0].evidence
    assert (inherited.context.species, inherited.inherited) == ("rat", ("species",))
    assert (general.context.species, general.inherited, general.is_general) == (None, (), True)


def _composites(tmp_path: Path, components: str) -> Path:
    """Write two composites sharing a part, one spelling its parts out, and a ``components:`` section."""
    source = tmp_path / "parts.yaml"
    source.write_text(
        "entities:\n"
        "  - {id: xy, label: X/Y pathway, type: pathway, synonyms: [xeno kinase/Y pathway]}\n"
        "  - {id: xz, label: X/Z pathway, type: pathway}\n"
        "  - {id: ir, label: ischemia/reperfusion, type: process, synonyms: [isch/rep]}\n" + components,
        encoding="utf-8",
    )
    return source


def test_a_long_form_names_its_part_on_every_composite(tmp_path: Path) -> None:
    source = _composites(tmp_path, "components:\n  X: [FPLX:AKT]\n  Y: {no_xref: made up}\n")
    model = validate_files(load_files([source]), PREFIXES, None, terms=TERMS)
    # "xeno kinase/Y pathway" has as many slots as "X/Y pathway": xeno kinase is X, so X/Z names it too.
    assert model.entities["xz"].components == ("X", "Z", "xeno kinase")
    assert [p.name for p in model.get_components("xz")] == ["X", "Z"]
    part = model.components["X"]
    assert (part.spellings, part.xrefs) == (("X", "xeno kinase"), ("FPLX:AKT",))
    assert model.components["Y"].no_xref == "made up" and model.components["Z"].xrefs == ()
    # Only a pathway's synonyms are read; "isch/rep" pairs nothing with ischemia.
    assert model.entities["ir"].components == ("ischemia", "reperfusion")


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("  Q: [FPLX:AKT]\n", "unknown component 'Q': no composite entity names it as a part"),
        ("  X: [FPLX:AKT1]\n", "'FPLX:AKT1' is in no term table"),
        ("  X: [FPLX:AKT]\n  xeno kinase: [FPLX:PI3K]\n", "'xeno kinase' names the same part as 'X'"),
        ("  X: FPLX:AKT\n", "must be a list of CURIEs or {no_xref: reason}"),
        ("  X: [AKT]\n", "'AKT' is not a CURIE"),
    ],
)
def test_component_cross_references_are_checked(tmp_path: Path, section: str, message: str) -> None:
    source = _composites(tmp_path, "components:\n" + section)
    with pytest.raises(DataError) as caught:
        validate_files(load_files([source]), PREFIXES, None, terms=TERMS)
    (problem,) = caught.value.problems
    last = 5 + section.count("\n")  # the section's last entry holds the defect
    assert problem.file == str(source) and problem.line == last and problem.field.startswith("components.")
    assert message in problem.message, problem


def test_every_xref_must_be_a_committed_term(tmp_path: Path) -> None:
    source = tmp_path / "entity.yaml"
    source.write_text("entities:\n  - {id: g, label: G, type: factor, xrefs: [HGNC:999999999]}\n")
    with pytest.raises(DataError) as caught:
        validate_files(load_files([source]), PREFIXES, None, terms=TERMS)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "xrefs")]
    assert "in no term table" in caught.value.problems[0].message
    validate_files(load_files([source]), PREFIXES, None)  # without the term tables, not checked
