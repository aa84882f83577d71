"""The coverage audit: segmentation counted by hand, and the curated graph's coverage."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from msc_graph.cli import cli
from msc_graph.curation.coverage import read_coverage_config, segment_seed, split_sentences
from msc_graph.curation.seeds import read_seed

from .conftest import ROOT, get_seed_name

CONFIG = read_coverage_config(ROOT / "coverage" / "seeds.yaml")


def _read(review: str, seeds_dir) -> str:
    return read_seed(get_seed_name(review), seeds_dir)


def test_sentence_split_keeps_citations_and_abbreviations() -> None:
    text = (
        "EVs promote autophagy (Gao et al., 2023a, b). Specifically, e.g. mTOR is held down. "
        "It protected hepatocytes. (Ma et al., 2021) Renal injection helped."
    )
    assert split_sentences(text) == [
        "EVs promote autophagy (Gao et al., 2023a, b).",
        "Specifically, e.g. mTOR is held down.",
        "It protected hepatocytes. (Ma et al., 2021) Renal injection helped.",
    ]


def test_ferrini_segmentation_matches_a_hand_count(seeds_dir) -> None:
    sentences, rows = segment_seed(_read("ferrini-2025", seeds_dir), CONFIG["ferrini-2025"])
    # Counted by reading the paper, paragraph by paragraph:
    #   opening 5 + aims 1 + "MSC secretome in chronic pain models" 3 + 3 + 4 = 16
    #   "MSC secretome and spinal neuroinflammation" 11 + 4 = 15
    #   "MSC secretome and spinal neurons" 10
    #   "Therapeutic opportunities" 1 + 2 + 8 (incl. the Cantinieux sentence split by Figure 1) + 4 + 3 = 18
    #   main text 59; Figure 1 legend 6 (title, 3 sentences, CorelDRAW note, abbreviation)
    #   Table 1 legend 2 (title, abbreviation list)  -> 67
    assert len(sentences) == 67
    assert sum(s.section == "Figure 1 legend" for s in sentences) == 6
    assert len(rows) == 9
    split = [s.text for s in sentences if s.text.startswith("Cantinieux and collaborators")]
    assert split and split[0].endswith("which instead may exert pro-nociceptive effects.")


def test_zidan_segmentation_matches_a_hand_count(seeds_dir) -> None:
    sentences, rows = segment_seed(_read("zidan-2023", seeds_dir), CONFIG["zidan-2023"])
    # Counted by reading the paper paragraph by paragraph, from "Introduction:" to "References:"
    # (headings on their own line are not sentences; a sentence the file breaks across a blank
    # line is one; the lone "(Ma et al., 2021)" line is the citation of the sentence before it),
    # then checked by counting full stops: 83, of which 22 are the "al." of "et al." -> 61.
    #   Introduction 4; MSCs 5; immunomodulatory effect 3; limitations 2;
    #   MSCs-CM 4 + 3 + 2 = 9; components 3 + 2 = 5; clinical applications 3 + 1 + 1 + 2 + 2 = 9;
    #   mechanisms of action 2 + 4 = 6; metabolic disorders 2 + 2 + 3 + 2 + 2 + 2 = 13;
    #   "Conclusion: To sum up, ..." 3 (its heading shares the line, so the segmenter files it
    #   under the section before); Recommendations 2  -> 61; no tables.
    by_section = Counter(s.section for s in sentences)
    assert len(sentences) == 61
    assert rows == []
    assert by_section["Introduction"] == 4 and by_section["MSCs"] == 5
    assert by_section["MSCs immunomodulatory effect"] == 3 and by_section["MSCs limitations"] == 2
    assert by_section["MSCs-CM"] == 9 and by_section["MSCs-CM components"] == 5
    assert by_section["MSCs-CM clinical applications"] == 9
    assert by_section["MSCs-CM mechanisms of action"] == 6
    assert by_section["MSCs-CM role in metabolic disorders"] == 13 + 3
    assert by_section["Recommendations"] == 2
    cited = [s.text for s in sentences if "(Ma et al., 2021)" in s.text]
    assert cited and cited[0].endswith("apoptosis, and inflammation. (Ma et al., 2021)")


def test_mahajan_segmentation_matches_a_hand_count(seeds_dir) -> None:
    sentences, _rows = segment_seed(_read("mahajan-2018", seeds_dir), CONFIG["mahajan-2018"])
    # Counted by reading, paragraph by paragraph, "## INTRODUCTION" to "## REFERENCES" (tab-separated
    # table rows are rows, not sentences; 11 sentences run across a page break, table or figure and
    # count once; "etc.," and "Fig." end nothing), then checked by counting full stops followed by a
    # capital or a line end: 160 stops, 158 sentence ends, + 3 legends without a final stop -> 161.
    #   Introduction 9 + 3 = 12; MSC therapy in MSDs 15 + 18 = 33;
    #   Pitfalls 1 + 3 + 8 + 8 + 4 = 24 (+ the Table 1 title); Regenerative potential 6 + 7 = 13;
    #   Mechanism 23 (+ the Figure 1 legend); Secretome in MSDs 8 + 17 + 18 + 5 + 1 = 49
    #   (+ the Table 2 title); Conclusion 4  -> 158 + 3 = 161.
    by_section = Counter(s.section for s in sentences)
    assert len(sentences) == 161
    assert by_section["INTRODUCTION"] == 12
    assert by_section["Mesenchymal Stem Cell Therapy in MSDs"] == 33
    assert by_section["Pitfalls of Cell-based MSC Therapy"] == 24
    assert by_section["Regenerative Potential of Biological Molecules in MSC Secretome"] == 13
    assert by_section["Mechanism of Regenerative Activity of MSC Secretome"] == 23
    assert by_section["MSC Secretome in MSDs"] == 49
    assert by_section["CONCLUSION"] == 4
    assert by_section["Table 1 legend"] == by_section["Table 2 legend"] == by_section["Figure 1 legend"] == 1


def test_mahajan_tables_have_the_rows_printed(seeds_dir) -> None:
    _sentences, rows = segment_seed(_read("mahajan-2018", seeds_dir), CONFIG["mahajan-2018"])
    # Table 1: muscular dystrophy 4 sources, ALS 3, meniscal tear 3, bone defects 4,
    # osteoarthritis 2, tendon injuries 2, intervertebral disk degeneration 2 = 20 rows;
    # Table 2: 8 rows of factors and roles.
    assert sum(r.table == 1 for r in rows) == 20
    assert sum(r.table == 2 for r in rows) == 8


def test_every_exclusion_matches_a_sentence(seeds_dir, real_project, runner) -> None:
    result = runner.invoke(cli, ["coverage", "-f", "json"])
    assert result.exit_code == 0, result.output
    for seed in json.loads(result.output):
        assert seed["unused_exclusions"] == [], seed["review"]


def test_curated_graph_covers_all_rows_and_95_percent_of_mechanistic_sentences(
    seeds_dir, real_project, runner
) -> None:
    result = runner.invoke(cli, ["coverage", "-f", "json"])
    assert result.exit_code == 0, result.output
    seeds = {s["review"]: s for s in json.loads(result.output)}
    assert set(seeds) == {"ferrini-2025", "zidan-2023", "mahajan-2018"}
    for review, seed in seeds.items():
        assert seed["rows_covered"] == seed["rows_total"], (review, seed["uncovered_rows"])
        ratio = seed["sentences_covered"] / seed["sentences_total"]
        assert ratio >= 0.95, (review, ratio, [s["text"][:80] for s in seed["uncovered_sentences"]])


@pytest.mark.parametrize("fmt", ["text", "tsv", "html"])
def test_other_formats_render(fmt, seeds_dir, real_project, runner, tmp_path) -> None:
    args = ["coverage", "-f", fmt] + (["-o", str(tmp_path / "c.html")] if fmt == "html" else [])
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    if fmt == "html":
        page = (tmp_path / "c.html").read_text()
        assert "ferrini-2025" in page and "<script" not in page


CITATION = re.compile(
    r"([A-Z][A-Za-z'\-]+)(?: et al\.?| and [A-Z][A-Za-z'\-]+)?,? (\d{4})([a-z])?(?:, ([a-z])\b)?"
)


@pytest.mark.parametrize("review", ["ferrini-2025", "zidan-2023"])
def test_every_study_cited_in_a_covered_sentence_is_a_study_node(review, seeds_dir, real_project) -> None:
    # Author-year citations ("Gao et al., 2023a, b", "Gnecchi and Melo, 2009") in each covered
    # sentence must name a study of the graph whose title is printed in the review's reference list.
    from msc_graph.curation.coverage import compute_coverage
    from msc_graph.curation.seeds import normalise_text
    from msc_graph.model.names import normalise_name
    from msc_graph.views import open_graph

    model = open_graph(real_project).model
    (coverage,) = compute_coverage(model, CONFIG, seeds_dir, reviews=[review])
    known = {normalise_name(s.citation): s for s in model.studies.values()}
    raw = _read(review, seeds_dir)
    end = CONFIG[review].end
    assert end is not None
    reference_list = normalise_name(normalise_text(raw[raw.index(end) :]))
    missing = []
    cited = 0
    for index in coverage.covered_sentences:
        for author, year, first, second in CITATION.findall(coverage.sentences[index].text):
            for letter in {first, second} - {""} or {""}:
                cited += 1
                key = normalise_name(f"{author}{year}{letter}")
                first_author = (normalise_name(author + " et al"), normalise_name(author + " and"))
                found = [
                    s
                    for k, s in known.items()
                    if k.startswith(first_author) and k.endswith(normalise_name(f"{year}{letter}"))
                ]
                # the study exists, and its title is the one the review's reference list prints
                if not found or not all(s.title and normalise_name(s.title) in reference_list for s in found):
                    missing.append(key)
    assert cited > 10
    assert missing == [], "\n".join(map(str, missing))


SUPERSCRIPT = re.compile(r"<sup>([\d,\s–-]+)</sup>")


def _numbers(refs: str) -> list[int]:
    numbers: list[int] = []
    for part in refs.replace(" ", "").split(","):
        low, _dash, high = part.replace("–", "-").partition("-")
        numbers.extend(range(int(low), int(high or low) + 1))
    return numbers


def test_every_numbered_reference_in_a_covered_mahajan_sentence_is_a_study_node(
    seeds_dir, real_project
) -> None:
    # Mahajan cites by superscript number ("...function.<sup>16</sup>"), which the normaliser drops.
    # For each superscript in the audited region, the 40 characters before it (normalised) find
    # the sentence or table row it belongs to; if that sentence or row is covered, every number
    # must be a study read in mahajan-2018 with that reference number and its title.
    from msc_graph.curation.coverage import compute_coverage
    from msc_graph.curation.seeds import normalise_text
    from msc_graph.model.names import normalise_name
    from msc_graph.views import open_graph

    model = open_graph(real_project).model
    (coverage,) = compute_coverage(model, CONFIG, seeds_dir, reviews=["mahajan-2018"])
    # A study's number is its `ref` field, or, for a study first defined by another review (one
    # node per study), the "ref N" of the locators of the evidence read in Mahajan.
    read_in = [
        item
        for assertion in model.assertions
        for item in assertion.evidence
        if item.read_in == "mahajan-2018"
    ]
    by_ref: dict[int, set[str]] = {}
    for study in {model.studies[item.study] for item in read_in}:
        if study.ref is not None:
            by_ref.setdefault(study.ref, set()).add(study.id)
    for item in read_in:
        for number in re.findall(r"\bref (\d+)", item.locator):
            by_ref.setdefault(int(number), set()).add(item.study)
    raw = _read("mahajan-2018", seeds_dir)
    region = raw[raw.index("## INTRODUCTION") : raw.index("## REFERENCES")]
    # an entry runs from "N. " to the next number; some are wrapped over several lines
    parts = re.split(r"(?m)^\s*(\d+)\.\s", raw[raw.index("## REFERENCES") :])
    references = {
        int(number): normalise_name(normalise_text(entry))
        for number, entry in zip(parts[1::2], parts[2::2], strict=True)
    }
    covered_texts = [coverage.sentences[i].text for i in coverage.covered_sentences]
    covered_texts += [r.text for r in coverage.rows if (r.table, r.row) in coverage.covered_rows]
    checked, missing = 0, []
    for match in SUPERSCRIPT.finditer(region):
        line_start = region.rfind("\n", 0, match.start()) + 1
        tail = normalise_text(region[line_start : match.start()])[-40:]
        if not tail.strip() or not any(tail in text for text in covered_texts):
            continue
        for number in _numbers(match.group(1)):
            checked += 1
            entry = references.get(number, "")
            studies = [model.studies[i] for i in by_ref.get(number, ())]
            # one study per number, and its title is the one printed in the reference list
            if len(studies) != 1 or not studies[0].title or normalise_name(studies[0].title) not in entry:
                missing.append((number, tail, [s.id for s in studies]))
    assert sorted(references) == list(range(1, 88))  # the list runs 1-87
    assert checked > 40
    assert missing == [], "\n".join(map(str, missing))


def test_an_exclusion_without_a_known_kind_is_refused(tmp_path) -> None:
    from msc_graph.errors import DataError

    path = tmp_path / "seeds.yaml"
    path.write_text(
        "seeds:\n  x:\n    start: a\n    end: b\n    exclusions:\n"
        "      - {starts: 'Since then', kind: boring, reason: 'no content'}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        read_coverage_config(path)
    assert "seeds.x.exclusions[1].kind" in str(caught.value)
    assert "background, outlook, methods, pointer, caveat" in str(caught.value)


def test_excluded_sentences_are_counted_by_kind(seeds_dir, real_project, runner) -> None:
    result = runner.invoke(cli, ["coverage", "-f", "json"])
    assert result.exit_code == 0, result.output
    for seed in json.loads(result.output):
        assert sum(seed["excluded_by_kind"].values()) == seed["sentences_excluded"] == len(seed["excluded"])
        assert all(e["kind"] in seed["excluded_by_kind"] for e in seed["excluded"])
    text = runner.invoke(cli, ["coverage"]).output
    assert "excluded, by kind: background" in text


def test_coverage_config_errors_carry_file_line_and_column(tmp_path) -> None:
    from msc_graph.errors import DataError

    path = tmp_path / "seeds.yaml"
    path.write_text(
        "seeds:\n"
        "  ferrini-2025:\n"
        "    start: a\n"
        "    ends: b\n"
        "  ferini-2025:\n"
        "    exclusions:\n"
        "      - {starts: 'Since then', kind: boring, reason: 'no content'}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        read_coverage_config(path, reviews=["ferrini-2025", "zidan-2023"])
    located = {(p.line, p.column, p.field) for p in caught.value.problems}
    assert (4, 5, "seeds.ferrini-2025.ends") in located  # "did you mean end?"
    assert (5, 3, "seeds.ferini-2025") in located  # no such review: did you mean ferrini-2025?
    # "      - {starts: 'Since then', kind: boring": 8 columns to "{", 29 more to "boring"
    assert (7, 38, "seeds.ferini-2025.exclusions[1].kind") in located
    assert all(p.file == str(path) for p in caught.value.problems)
    assert "did you mean end?" in str(caught.value) and "did you mean ferrini-2025?" in str(caught.value)


def test_a_review_without_an_entry_is_audited_whole(tmp_path) -> None:
    from msc_graph.curation.coverage import SeedRegion, Sentence

    text = "# Title\n\nFirst sentence. Second one.\n\nLast sentence.\n"
    sentences, rows = segment_seed(text)  # no entry: from the first line to the last, nothing excluded
    assert [s.text for s in sentences] == ["First sentence.", "Second one.", "Last sentence."]
    assert rows == []
    assert read_coverage_config(tmp_path / "absent.yaml") == {}  # no file: defaults for every review
    assert segment_seed(text, SeedRegion(start="Last")) == (
        [Sentence("Last sentence.", "main text", 0, 14)],
        [],
    )


def test_a_start_that_matches_no_line_is_a_located_error(tmp_path) -> None:
    from msc_graph.errors import DataError

    path = tmp_path / "seeds.yaml"
    path.write_text("seeds:\n  x:\n    start: Nowhere\n", encoding="utf-8")
    region = read_coverage_config(path)["x"]
    with pytest.raises(DataError) as caught:
        segment_seed("Some text.\n", region)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column, problem.field) == (str(path), 3, 12, "seeds.x.start")


def _flat(text: str) -> str:
    """Return text with its line wrapping undone (text tables wrap to the width)."""
    return " ".join(text.split())


def test_details_say_outright_that_a_seed_is_wholly_covered(seeds_dir, real_project, runner) -> None:
    result = runner.invoke(cli, ["coverage", "--details", "--seed", "zidan-2023", "--width", "200"])
    assert result.exit_code == 0, result.output
    assert "zidan-2023: every sentence and row is covered" in result.output
    assert "zidan-2023: uncovered" not in result.output
    assert "UNCOVERED" not in result.output
    # every covered sentence is listed with a claim and a quote that cover it
    (seed,) = json.loads(
        runner.invoke(cli, ["coverage", "--details", "--seed", "zidan-2023", "-f", "json"]).output
    )
    text = _flat(result.output)
    for sentence in seed["sentences"]:
        assert _flat(sentence["text"]) in text
        for cover in sentence["covered_by"]:
            assert cover["claim"] in text and _flat(cover["quote"]) in text


def test_details_json_gives_each_sentence_and_row_what_covers_it(seeds_dir, real_project, runner) -> None:
    plain = json.loads(runner.invoke(cli, ["coverage", "--seed", "ferrini-2025", "-f", "json"]).output)
    result = runner.invoke(cli, ["coverage", "--details", "--seed", "ferrini-2025", "-f", "json"])
    assert result.exit_code == 0, result.output
    (seed,) = json.loads(result.output)
    assert "sentences" not in plain[0]  # the plain record is unchanged
    assert {k: v for k, v in seed.items() if k not in ("sentences", "rows")} == plain[0]
    assert len(seed["sentences"]) == seed["sentences_all"]
    for sentence in seed["sentences"]:
        assert sentence["status"] in ("covered", "excluded")  # nothing of Ferrini is uncovered
        assert (sentence["status"] == "excluded") == (sentence["kind"] is not None)
        if sentence["status"] == "covered":
            assert sentence["covered_by"], sentence["text"]
    assert [row["row"] for row in seed["rows"]] == list(range(1, 10))
    for row in seed["rows"]:
        assert row["covered_by"], row
        assert all(c["locator"].startswith(f"Table 1, row {row['row']} (") for c in row["covered_by"])
    (gao,) = [row for row in seed["rows"] if row["row"] == 9]
    assert {
        "claim": "extracellular vesicles carries miR-99b-3p",
        "locator": "Table 1, row 9 (Gao et al., 2023a,b)",
        "quote": "miR-99b-3p",
    }.items() <= next(c for c in gao["covered_by"] if c["quote"] == "miR-99b-3p").items()


def test_details_list_what_is_uncovered(fixture_project, runner, tmp_path) -> None:
    # the fixture seed's last line quotes no evidence: one sentence of thirteen is uncovered
    result = runner.invoke(cli, ["coverage", "--details", "--width", "200"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "ferrini-2025: 1 sentence and 0 rows uncovered" in lines
    uncovered = lines.index("    UNCOVERED")
    assert "Fixture Table 1, row 2: conditioned medium | TGF-beta" in lines[uncovered - 1]
    assert '    ← vesicles carries small RNA: "Vesicles carry the small RNA"' in lines
    page = tmp_path / "c.html"
    assert runner.invoke(cli, ["coverage", "--details", "-f", "html", "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "ferrini-2025: 1 sentence and 0 rows uncovered" in html
    assert "vesicles carries small RNA: “Vesicles carry the small RNA”" in html
    assert "(uncovered)" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; acts-on astrocytes" in html and "<script" not in html


def test_details_page_says_a_seed_is_wholly_covered(seeds_dir, real_project, runner, tmp_path) -> None:
    page = tmp_path / "c.html"
    args = ["coverage", "--details", "--seed", "ferrini-2025", "-f", "html", "-o", str(page)]
    assert runner.invoke(cli, args).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "ferrini-2025: every sentence and row is covered" in html
    assert (
        "extracellular vesicles carries miR-99b-3p: “miR-99b-3p” (Table 1, row 9 (Gao et al., 2023a,b)"
        in html
    )
