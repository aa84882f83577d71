"""Names researchers type, each with the entity they mean (tests/data/names.tsv), and how misses fail.

The table was written from the seeds' prose and abbreviations and the field's
usage; `note` says which rule a row exercises (label, synonym, plural,
british, greek, component, abbreviation-pattern, misprint, typo,
general-term). A typo resolves through its close match, which `resolve`
offers as a suggestion; every other row must resolve exactly.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from msc_graph.cli import cli
from msc_graph.config import Project
from msc_graph.errors import UnknownEntityError
from msc_graph.model.names import match_key, normalise_name, normalise_names, variant_key, variant_keys
from msc_graph.views import open_graph
from msc_graph.views.resolve import Resolves

from .conftest import ROOT

with (ROOT / "tests" / "data" / "names.tsv").open(encoding="utf-8", newline="") as _stream:
    ROWS = [row for row in csv.DictReader(_stream, delimiter="\t", quoting=csv.QUOTE_NONE)]


def test_the_table_is_large_and_covers_the_names_that_failed() -> None:
    names = {row["name"] for row in ROWS}
    assert len(ROWS) >= 100
    must = {"mTOR", "Akt", "PI3K", "nuclear factor kappa B", "tumour necrosis factor", "TLR2", "MyD88"}
    must |= {"BM-MSC", "BMSC", "ADSC", "MSC-EVs", "MSC-Exos", "allodynia", "VEFG"}
    assert must <= names, must - names


@pytest.fixture(scope="module")
def resolver(seeds_dir, real_cache) -> Iterator[Resolves]:
    """One resolver over the curated graph for every row (building one per row took seconds)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MSC_GRAPH_HOME", str(ROOT))
        patch.setenv("MSC_GRAPH_CACHE", str(real_cache))
        yield open_graph(Project(ROOT)).resolver


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_each_name_resolves_to_what_researchers_mean(row: dict[str, str], resolver: Resolves) -> None:
    expected = set(row["expected"].split("|"))
    if row["note"].startswith("typo"):
        with pytest.raises(UnknownEntityError) as caught:
            resolver.resolve_all(row["name"])
        assert any(f"({e})" in s for e in expected for s in caught.value.suggestions), caught.value
        return
    found = [m.id for m in resolver.resolve_all(row["name"])]
    assert set(found) == expected, (row, found)


def test_unknown_names_still_exit_2_with_suggestions_that_share_something(runner, real_project) -> None:
    result = runner.invoke(cli, ["resolve", "interleukin-one-beta-ish"])
    assert result.exit_code == 2 and "unknown entity" in result.stderr
    nothing = runner.invoke(cli, ["resolve", "zzqx"])
    assert nothing.exit_code == 2 and "did you mean" not in nothing.stderr  # nothing shares a letter run


def test_a_general_term_reaches_every_specific_one(real_project) -> None:
    resolver = open_graph(real_project).resolver
    (allodynia,) = resolver.resolve_all("allodynia")
    below = set(resolver.iter_descendants([allodynia.id]))
    assert {"mechanical-allodynia", "thermal-allodynia"} <= below


def test_a_shared_component_offers_every_composite_the_best_supported_first(runner, real_project) -> None:
    import json

    result = runner.invoke(cli, ["resolve", "PI3K", "-f", "json"])
    payload = json.loads(result.stdout)
    ids = [payload["id"], *(m["id"] for m in payload["also"])]
    assert set(ids) == {"pi3k-akt-pathway", "pi3k-akt-mtor-pathway"}
    weights = open_graph(real_project).resolver.index.weights
    assert weights.get(ids[0], 0) >= weights.get(ids[1], 0)
    for long_form in (
        "protein kinase B",
        "phosphoinositide 3-kinase",
    ):  # a long form offers what its short one does
        spelled = json.loads(runner.invoke(cli, ["resolve", long_form, "-f", "json"]).stdout)
        assert [spelled["id"], *(m["id"] for m in spelled["also"])] == ids, long_form
    mtor = runner.invoke(cli, ["resolve", "mTOR"])
    assert mtor.exit_code == 0 and "pi3k-akt-mtor-pathway" in mtor.stdout and "tumor" not in mtor.stdout


def test_study_ids_and_citations_point_to_the_study(runner, real_project) -> None:
    for typed in ("gao-2023a", "Gao et al., 2023a"):
        resolved = runner.invoke(cli, ["resolve", typed])
        assert resolved.exit_code == 2 and "is a study, not an entity: Gao et al., 2023a" in resolved.stderr
        assert "mscgraph studies --study gao-2023a" in resolved.stderr
        shown = runner.invoke(cli, ["show", typed, "-f", "json"])
        assert shown.exit_code == 0 and [row["id"] for row in json.loads(shown.stdout)] == ["gao-2023a"]
        searched = runner.invoke(cli, ["search", typed])
        assert searched.exit_code == 0 and "mscgraph studies --study gao-2023a" in searched.stderr
    part = runner.invoke(cli, ["resolve", "et al"])  # a part of citations is no study's name
    assert part.exit_code == 2 and "is a study" not in part.stderr


def _slow_match_key(name: str) -> str:
    """The keys as they were before the fast paths: every step on every name."""
    import unicodedata

    from msc_graph.model import names

    text = unicodedata.normalize("NFKC", name).casefold().translate(names._GREEK_LETTERS)
    text = names._WORD.sub(lambda m: names._GREEK_WORDS[m.group(1)], text)
    text = names._GLUED.sub(lambda m: names._GREEK_WORDS[m.group(1)], text)
    key = names._DROP.sub("", text)
    for pattern, american in names._BRITISH:
        key = pattern.sub(american, key)
    return names._PLURAL.sub("", key) if len(key) > 2 else key


NAME_PIECES = st.sampled_from(
    [
        *(
            "IL",
            "-",
            "1",
            "beta",
            "β",
            "kappaB",
            "tumour",
            "oedema",
            "haem",
            "isation",
            "ised",
            "fibre",
            "paed",
        ),
        *(
            "signalling",
            "s",
            "is",
            "us",
            "ss",
            "ADSC",
            "(",
            ")",
            "[",
            "]",
            "/",
            ".",
            ",",
            "'",
            "’",
            "_",
            "Ｆ",
        ),
        *("ﬁ", "é", "µ", "alpha", "Alpha", "X", "x", "z", " ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\x85"),
    ]
)
"""Pieces of names: separators, controls, Greek, British spellings, plurals, what NFKC folds."""


@settings(max_examples=300, deadline=None)
@given(st.lists(NAME_PIECES, max_size=8).map("".join))
def test_the_fast_paths_give_the_keys_every_step_gives(name: str) -> None:
    """ASCII names skip NFKC and the Greek table, keys without British spellings skip its rules: same keys."""
    assert match_key(name) == _slow_match_key(name)
    assert variant_key(normalise_name(name)) == match_key(name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(NAME_PIECES, max_size=8).map("".join), max_size=12))
def test_names_keyed_a_column_at_a_time_get_the_keys_one_at_a_time(names: list[str]) -> None:
    """An import keys its nodes' names by pyarrow's kernels where the rule is simple: the same keys."""
    keys = normalise_names(names)
    assert keys == [normalise_name(name) for name in names]
    assert variant_keys(keys) == [variant_key(key) for key in keys]
