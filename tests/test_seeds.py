"""Seed text normalisation and quote look-up: markup and whitespace only, nothing else."""

from __future__ import annotations

import pytest

from msc_graph.config import Project
from msc_graph.curation.load import iter_data_files, load_files
from msc_graph.curation.seeds import find_quote, normalise_text, split_quote
from msc_graph.curation.validate import validate_files

from .conftest import ROOT, get_seed_name


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        (
            "interleukin-1 $\\beta$ , tumor necrosis factor- $\\alpha$ , and",
            "interleukin-1β, tumor necrosis factor-α, and",
        ),
        ("NF- $\\beta$  activation", "NF-β activation"),
        ("senescence associated  $\\beta$ -galactosidase", "senescence associated β-galactosidase"),
        ("bone,<sup>1,2</sup> cartilage", "bone, cartilage"),
        ("c-jun-NH<sub>2</sub>-terminal", "c-jun-NH2-terminal"),
        ("delivering *in vivo* an", "delivering in vivo an"),
        ("**Figure 1 | Proposed**", "Figure 1 | Proposed"),
        ("Merighi\\*", "Merighi"),
    ],
)
def test_markup_is_reduced_to_plain_text(raw: str, plain: str) -> None:
    assert normalise_text(raw) == plain


def test_misprints_are_not_corrected() -> None:
    assert normalise_text("P13-K-Akt") == "P13-K-Akt"
    assert normalise_text("gelolin") == "gelolin"


def test_split_quotes_are_checked_part_by_part(seeds_dir) -> None:
    # Ferrini's sentence is split by the Figure 1 legend placed in its middle.
    quote = (
        "reported also the brain-derived neurotrophic factor and the nerve growth"
        " … factor, which instead may exert pro-nociceptive effects"
    )
    assert split_quote(quote) == [
        "reported also the brain-derived neurotrophic factor and the nerve growth",
        "factor, which instead may exert pro-nociceptive effects",
    ]
    seed = get_seed_name("ferrini-2025")
    assert find_quote(quote, seed, seeds_dir) == []
    assert find_quote("nerve growth factor, which instead", seed, seeds_dir) != []


def test_every_curated_quote_is_verbatim_in_its_seed(seeds_dir) -> None:
    files = load_files(iter_data_files(ROOT / "graph_data"))
    missing: list[str] = []

    def lookup(quote: str, seed: str) -> list[str]:
        parts = find_quote(quote, seed, seeds_dir)
        missing.extend(f"{seed}: {part}" for part in parts)
        return parts

    model = validate_files(files, Project(ROOT).read_prefixes(), lookup)
    assert missing == []
    assert sum(len(a.evidence) for a in model.assertions) > 500
