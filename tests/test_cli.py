"""The CLI: every command has help and a README entry; JSON outputs parse; errors are one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest

from msc_graph.cli import LAZY_COMMANDS, cli

from .conftest import ROOT

COMMANDS = sorted(LAZY_COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_summary_matches_the_command(name: str) -> None:
    # `mscgraph --help` lists LAZY_COMMANDS' summaries without importing the modules;
    # they must say what the loaded command's own docstring says.
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.name == name
    assert command.get_short_help_str(limit=1000) == LAZY_COMMANDS[name][1]
    assert command.callback is not None
    assert command.callback.__module__ == f"msc_graph.cli.{LAZY_COMMANDS[name][0]}"


def test_every_command_module_is_listed() -> None:
    for module in {module for module, _summary in LAZY_COMMANDS.values()}:
        for command in __import__(f"msc_graph.cli.{module}", fromlist=["COMMANDS"]).COMMANDS:
            assert LAZY_COMMANDS.get(command.name, ("",))[0] == module, command.name


def test_help_lists_every_command_and_imports_no_command_module() -> None:
    code = (
        "import sys; sys.argv = ['mscgraph', '--help']\n"
        "from msc_graph.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', ' '.join(m for m in sys.modules if m.startswith('msc_graph.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    listed = [
        line.split()[0]
        for line in out.split("Commands:")[1].splitlines()
        if line.startswith("  ") and not line.startswith("   ")
    ]
    assert listed == COMMANDS
    assert out.rstrip().splitlines()[-1] == "LOADED"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str, runner) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"mscgraph {name}" in readme


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "msc_graph", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "paths" in result.stdout


def _json(runner, *args: str):
    result = runner.invoke(cli, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_stats_counts_match_the_fixture(runner, fixture_project) -> None:
    stats = _json(runner, "stats")
    # 17 entities, 3 studies (2 + the review), 16 assertions, 18 evidence (one list of two studies,
    # and fs -increases-> tgf has a stated and an inferred record)
    assert (stats["entities"], stats["studies"], stats["assertions"], stats["evidence"]) == (17, 3, 16, 18)
    assert stats["per_predicate"]["increases"] == 5
    assert stats["per_review"] == {"ferrini-2025": 18}


def test_search_is_case_hyphen_and_greek_insensitive(runner, fixture_project) -> None:
    found = _json(runner, "search", "tnf alpha")
    assert found[0]["id"] == "cyt"  # the fixture gives cytokines the synonym TNF-alpha
    assert _json(runner, "search", "TNF-α")[0]["id"] == "cyt"


def test_resolve_unknown_name_suggests_close_matches(runner, fixture_project) -> None:
    result = runner.invoke(cli, ["resolve", "autofagy"])
    assert result.exit_code == 2
    assert "unknown entity 'autofagy'" in result.output and "autophagy (auto)" in result.output
    assert "Traceback" not in result.output


def test_show_lists_assertions_with_evidence(runner, fixture_project) -> None:
    shown = _json(runner, "show", "autophagy")
    assert shown["entity"]["id"] == "auto"
    ids = {a["id"] for a in shown["assertions"]}
    assert ids == {"pw--decreases--auto", "auto--inhibits--micro", "ev--increases--auto"}
    evidence = next(a for a in shown["assertions"] if a["id"] == "ev--increases--auto")["evidence"]
    assert evidence[0]["quote"] == "Vesicles promote autophagy directly"
    assert evidence[0]["context"]["species"] == "rat"


def test_studies_json_contract_and_filters(runner, fixture_project) -> None:
    studies = _json(runner, "studies")
    assert [s["id"] for s in studies] == ["alpha-2020", "beta-2021"]  # the review is not listed
    alpha = studies[0]
    assert set(alpha) >= {
        "id",
        "citation",
        "year",
        "title",
        "doi",
        "read_in",
        "contexts",
        "factors",
        "effects",
    }
    assert alpha["factors"] == ["small RNA"]
    assert any(
        e["target"] == "autophagy" and e["sign"] == 1 and e["locator"] == "¶4" for e in alpha["effects"]
    )
    assert set(alpha["contexts"][0]) >= {
        "species",
        "strain",
        "disease_model",
        "msc_source",
        "preparation",
        "route",
        "setting",
    }
    only_mice = _json(runner, "studies", "--species", "mouse")
    assert [s["id"] for s in only_mice] == ["alpha-2020", "beta-2021"]
    assert _json(runner, "studies", "--preparation", "exosomes")[0]["id"] == "alpha-2020"
    # "vesicles" includes exosomes below it; conditioned medium evidence is only Beta's
    assert [s["id"] for s in _json(runner, "studies", "--preparation", "conditioned medium")] == ["beta-2021"]


def test_paths_json_contract(runner, fixture_project) -> None:
    payload = _json(runner, "paths", "EV", "pain")
    assert set(payload) >= {"source", "target", "paths", "truncated", "limits"}
    assert {t["id"] for t in payload["target"]} == {"pain", "np"}
    path = payload["paths"][0]
    assert path["net_sign"] == -1 and path["net_effect"] == "↓ neuropathic pain"
    hop = path["hops"][0]
    assert set(hop) == {"subject", "predicate", "object", "sign", "reversed", "relation", "evidence"}
    evidence = hop["evidence"][0]
    assert set(evidence) == {
        "study",
        "citation",
        "read_in",
        "source_kind",
        "locator",
        "quote",
        "basis",
        "inferred_from",
        "eco",
        "caveat",
        "context",
        "inherited",
        "general",
        "links",
    }
    assert evidence["basis"] == "stated" and evidence["eco"] == "ECO:0000304"
    every = [e for p in payload["paths"] for h in p["hops"] for e in h["evidence"]]
    assert all(e["basis"] in {"stated", "hedged", "inferred"} for e in every)


def test_paths_json_says_basis_inference_and_unknown_sign(runner, fixture_project) -> None:
    payload = _json(runner, "paths", "conditioned medium", "astrocytes")
    (path,) = payload["paths"]
    assert path["net_sign"] is None and path["net_effect"] == "? astrocytes"
    inferred = [e for e in path["hops"][0]["evidence"] if e["basis"] == "inferred"]
    assert [e["inferred_from"] for e in inferred] == [
        "row 2 lists the medium among the preparations and TGF-beta among the effects"
    ]
    assert inferred[0]["eco"] == "ECO:0000305"
    text = runner.invoke(cli, ["paths", "conditioned medium", "astrocytes"]).output
    assert "? astrocytes" in text
    assert "inferred: row 2 lists the medium among the preparations and TGF-beta" in text
    stated = _json(runner, "paths", "conditioned medium", "astrocytes", "--basis", "stated")
    assert all(e["basis"] == "stated" for p in stated["paths"] for h in p["hops"] for e in h["evidence"])
    assert _json(runner, "paths", "conditioned medium", "astrocytes", "--sign", "up")["paths"] == []
    wrong = runner.invoke(cli, ["paths", "EV", "pain", "--basis", "stated,infered"])
    assert wrong.exit_code == 2 and "did you mean 'inferred'" in wrong.output


def test_part_of_hop_reads_as_has_part_along_the_chain(runner, fixture_project) -> None:
    payload = _json(runner, "paths", "conditioned medium", "GFAP")
    (path,) = payload["paths"]
    hop = path["hops"][0]
    assert (hop["subject"], hop["predicate"], hop["object"], hop["reversed"], hop["relation"]) == (
        "fs",
        "part-of",
        "exo",
        True,
        "has-part",
    )


def test_unexpected_errors_print_one_line_not_a_traceback(runner, fixture_project, monkeypatch) -> None:
    import msc_graph.query.stats

    def boom(_model):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(msc_graph.query.stats, "compute_stats", boom)
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 1
    assert "internal error: RuntimeError: disk on fire" in result.output
    assert "Traceback" not in result.output


def test_a_reader_closing_the_pipe_ends_the_command_quietly(real_project) -> None:
    # `mscgraph show full-secretome | head -c 10`: the reader leaves while the command still writes
    # (70 kB, more than a pipe holds); it must stop without an "internal error" or a traceback,
    # exiting 141 as a process killed by SIGPIPE would.
    process = subprocess.Popen(
        [sys.executable, "-m", "msc_graph", "show", "full-secretome"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )
    assert process.stdout is not None and process.stderr is not None
    assert os.read(process.stdout.fileno(), 10) == b"full secre"
    process.stdout.close()
    with process.stderr:
        stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141, stderr
    assert stderr == ""


def test_the_readme_python_api_example_runs(real_project, capsys) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") : readme.index("## Development")]
    code = section.split("```python\n")[1].split("```")[0]
    namespace: dict = {}
    exec(compile(code, "README.md (Python API)", "exec"), namespace)
    assert namespace["best"].nodes[0] == "vegf" and namespace["best"].nodes[-1] in namespace["pain"]
    assert namespace["rows"], "some entity ameliorates pain"
    assert {row.id for row in namespace["ferrini"]} >= {"gao-2023a", "shiue-2019"}
    import msc_graph

    assert all(getattr(msc_graph, name) is not None for name in msc_graph.__all__)


def _check_shape(value: object, shape: object, where: str) -> None:
    """Fail unless ``value`` has exactly the keys of TypedDict ``shape``, recursively (lists item by item)."""
    import collections.abc
    import types
    import typing

    origin = typing.get_origin(shape)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(shape) if a is not type(None)]
        if value is not None and len(options) == 1:
            _check_shape(value, options[0], where)
        return
    if origin in (list, collections.abc.Sequence):
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            _check_shape(item, typing.get_args(shape)[0], f"{where}[{index}]")
        return
    if typing.is_typeddict(shape):
        hints = typing.get_type_hints(shape)
        assert isinstance(value, dict), where
        assert set(value) == set(hints), f"{where}: {sorted(set(value) ^ set(hints))}"
        for key, hint in hints.items():
            _check_shape(value[key], hint, f"{where}.{key}")


@pytest.mark.slow
def test_json_outputs_have_exactly_their_typed_shapes(runner, real_project) -> None:
    """Every JSON the README documents is a TypedDict in the code; the output has exactly its keys."""
    from msc_graph.analysis.compare import ComparisonPayload
    from msc_graph.analysis.contradiction_payloads import ReportPayload
    from msc_graph.analysis.gaps import GapPayload
    from msc_graph.query.payloads import MatchPayload, ResolvePayload, ShowPayload
    from msc_graph.query.stats import StatsPayload
    from msc_graph.query.studies import StudyRowPayload
    from msc_graph.render.paths import PathsPayload

    cases = [
        (["stats"], StatsPayload),
        (["studies", "--read-in", "ferrini-2025"], list[StudyRowPayload]),
        (["show", "GFAP"], ShowPayload),
        (["show", "PI3K/AKT/mTOR pathway"], ShowPayload),
        (["resolve", "VEGF", "--descendants"], ResolvePayload),
        (["search", "IL-1"], list[MatchPayload]),
        (["compare", "GFAP", "--by", "species"], ComparisonPayload),
        (["gaps", "--limit", "5"], list[GapPayload]),
        (["contradictions"], ReportPayload),
        (["paths", "VEGF", "pain"], PathsPayload),
    ]
    for args, shape in cases:
        result = runner.invoke(cli, [*args, "-f", "json"])
        assert result.exit_code == 0, (args, result.output)
        payload = json.loads(result.stdout)
        assert payload, args  # a case that prints nothing would check nothing
        _check_shape(payload, shape, " ".join(args))
