"""Every primary study links to its paper, or says why it cannot (issue 19, "Papers").

Identifiers were recorded only when a retrieved public record showed the
same title and first author as the review's reference list; these tests
check what can be checked offline: syntax, uniqueness, a reason for every
gap, the committed audit table, and that every output carries the links.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from msc_graph.cli import cli
from msc_graph.views import open_graph

from .conftest import ROOT, load_file_module


def _primary(project):
    return [s for s in open_graph(project).model.studies.values() if not s.review]


def test_identifiers_have_their_syntax_are_unique_and_every_gap_has_a_reason(real_project) -> None:
    studies = _primary(real_project)
    assert len(studies) >= 118
    for study in studies:
        assert study.pmid is None or re.fullmatch(r"[1-9]\d{0,8}", study.pmid), study.id
        assert study.doi is None or re.fullmatch(r"10\.\d{4,9}/\S+", study.doi), study.id
        if not study.pmid:
            assert study.no_pmid, f"{study.id}: no PMID and no reason"
        if study.pmid:
            assert not study.no_pmid, f"{study.id}: a PMID and a reason for lacking one"
    for field in ("pmid", "doi"):
        values = Counter(str(getattr(s, field)).lower() for s in studies if getattr(s, field))
        assert not [v for v, n in values.items() if n > 1], field
    assert sum(bool(s.pmid or s.doi) for s in studies) >= 40


def test_the_committed_audit_table_is_current(real_project) -> None:
    module = load_file_module(ROOT / "scripts" / "study_identifiers.py")
    committed = (ROOT / "docs" / "study-identifiers.tsv").read_text(encoding="utf-8")
    assert committed == module.build_table(), "run: python scripts/study_identifiers.py"


def test_outputs_link_a_study_to_its_pubmed_page(runner, real_project, tmp_path) -> None:
    gao = open_graph(real_project).model.studies["gao-2023a"]
    assert gao.pmid and gao.pmid.isdigit()
    pubmed = f"https://pubmed.ncbi.nlm.nih.gov/{gao.pmid}/"
    rows = json.loads(runner.invoke(cli, ["studies", "--study", "gao-2023a", "-f", "json"]).stdout)
    assert rows[0]["pmid"] == gao.pmid and [f"PMID:{gao.pmid}", pubmed] in rows[0]["links"]
    shown = json.loads(runner.invoke(cli, ["show", "miR-99b-3p", "-f", "json"]).stdout)
    links = [e["links"] for a in shown["assertions"] for e in a["evidence"] if e["study"] == "gao-2023a"]
    assert links and all([f"PMID:{gao.pmid}", pubmed] in found for found in links)
    text = runner.invoke(cli, ["show", "miR-99b-3p"]).stdout
    assert f"Gao et al., 2023a (PMID:{gao.pmid}; read in" in text
    # the graph page's tooltip of a Gao 2023a edge builds its links from the page's study table
    page = tmp_path / "page.html"
    assert runner.invoke(cli, ["viz", "--around", "miR-99b-3p", "-o", str(page)]).exit_code == 0
    block = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', page.read_text(), re.S
    )
    assert block is not None
    studies = {row[0]: row for row in json.loads(block.group(1))["studies"]}
    assert [f"PMID:{gao.pmid}", pubmed] in studies["gao-2023a"][5]


def test_kgx_publications_and_rdf_carry_the_identifiers(real_project) -> None:
    from msc_graph.interop.export import write_kgx

    views = open_graph(real_project)
    gao = views.model.studies["gao-2023a"]
    edges = write_kgx(views.model)["edges.tsv"].decode("utf-8")
    assert f"PMID:{gao.pmid}" in edges or f"doi:{gao.doi}" in edges
    graph = views.rdflib_graph
    bibo = "http://purl.org/ontology/bibo/"
    pmids = {str(o) for s, p, o in graph if str(p) == bibo + "pmid" and str(s).endswith("/gao-2023a")}
    assert pmids == {gao.pmid}
