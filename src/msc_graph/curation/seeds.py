"""The seed reviews as text: where they are, how they are normalised, and quote look-up.

Which reviews exist and which seed file each is read from is data (a review
study's ``seed:`` in graph_data/, see :func:`msc_graph.model.get_reviews`);
this module only reads a seed file by its name in the seeds folder.

Quotes in the curated data are checked against the seeds after both sides are
normalised the same way: whitespace collapsed, and the seeds' markup (LaTeX
Greek letters, HTML tags, Markdown emphasis and escapes) reduced to plain text.
Nothing else is normalised, so the seeds' misprints ("P13K", "gelolin") must
be kept in the quotes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from msc_graph.config import SEEDS_ENV
from msc_graph.errors import SeedNotFoundError

_GREEK = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "theta": "θ",
    "sigma": "σ",
    "omega": "ω",
    "pi": "π",
    "tau": "τ",
    "zeta": "ζ",
    "eta": "η",
}
_LATEX = re.compile(r"\$\s*([^$]*?)\s*\$")
_LATEX_CMD = re.compile(r"\\([A-Za-z]+)")
# Superscripts in these seeds are reference numbers or affiliations: drop them with their content.
_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACE = re.compile(r"\s+")
# The seeds set Greek letters apart with spaces ("interleukin-1 $\beta$ , tumor"); a
# marker around each replaced formula lets us glue it back to a hyphen, digit or
# punctuation it belongs to, without touching spaces anywhere else.
_MARK = "\x00"
_GLUE = re.compile(r"(?<=[-\d(/])\s*\x00|\x00\s*(?=[-,.;:)\]/])")


def _latex_to_text(match: re.Match[str]) -> str:
    body = match.group(1)
    body = _LATEX_CMD.sub(lambda m: _GREEK.get(m.group(1), m.group(1)), body)
    body = body.replace("{", "").replace("}", "").replace(" ", "")
    return _MARK + body + _MARK


def normalise_text(text: str) -> str:
    """Return ``text`` with markup reduced to plain text and whitespace collapsed.

    Used on both the seed and the quote, so a quote may be written either with
    the seed's markup or with the plain characters it stands for.
    """
    text = _LATEX.sub(_latex_to_text, text)
    text = _GLUE.sub("", text).replace(_MARK, "")
    text = _SUP.sub("", text)
    text = _TAG.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = text.replace("\\*", "").replace("*", "").replace("\\", "")
    return _SPACE.sub(" ", text).strip()


def get_seeds_dir() -> Path | None:
    """Return the folder holding the seed reviews, or None where it is absent.

    ``$MSC_GRAPH_SEEDS`` wins; otherwise ``../shared/seeds`` beside the project
    checkout (where CI puts it).
    """
    configured = os.environ.get(SEEDS_ENV)
    if configured:
        path = Path(configured)
        return path if path.is_dir() else None
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "seeds"
        if (parent / "pyproject.toml").exists() and candidate.is_dir():
            return candidate
    candidate = Path.cwd().parent / "shared" / "seeds"
    return candidate if candidate.is_dir() else None


def require_seeds_dir() -> Path:
    """Return the folder holding the seed reviews, or say how to point to it.

    Raises:
        SeedNotFoundError: no folder; the message names ``$MSC_GRAPH_SEEDS`` and
            what it holds now, so the fix is one ``export`` away.
    """
    folder = get_seeds_dir()
    if folder is not None:
        return folder
    configured = os.environ.get(SEEDS_ENV)
    where = (
        f"${SEEDS_ENV} is {configured!r}, which is not a folder"
        if configured
        else f"${SEEDS_ENV} is not set and no shared/seeds folder is beside the checkout"
    )
    raise SeedNotFoundError(
        f"seed texts not found: {where}; point {SEEDS_ENV} at the folder of the seed reviews' "
        f".md files (export {SEEDS_ENV}=/path/to/seeds)"
    )


def _folder(seeds_dir: Path | None) -> Path:
    return seeds_dir or require_seeds_dir()


def read_seed(seed: str, seeds_dir: Path | None = None) -> str:
    """Return the raw text of the seed file named ``seed`` (a review's ``seed:``).

    Raises:
        SeedNotFoundError: the seed folder or the file is absent (also a FileNotFoundError).
    """
    return _read_seed(seed, _folder(seeds_dir))


@cache
def _read_seed(seed: str, folder: Path) -> str:
    path = folder / seed
    if path.name != seed or not path.is_file():  # a file name, never a path out of the folder
        raise SeedNotFoundError(f"seed text {seed!r} not found in {folder}")
    return path.read_text(encoding="utf-8")


def read_normalised_seed(seed: str, seeds_dir: Path | None = None) -> str:
    """Return the seed text of the file ``seed`` normalised by :func:`normalise_text`."""
    return _read_normalised(seed, _folder(seeds_dir))


@cache
def _read_normalised(seed: str, folder: Path) -> str:
    return normalise_text(_read_seed(seed, folder))


def split_quote(quote: str) -> list[str]:
    """Split a quote written as parts joined by " … " into its parts."""
    return [part.strip() for part in quote.split(" … ") if part.strip()]


def find_quote(quote: str, seed: str, seeds_dir: Path | None = None) -> list[str]:
    """Return the parts of ``quote`` not found verbatim in the seed file ``seed`` (empty: all found)."""
    text = read_normalised_seed(seed, seeds_dir)
    return [part for part in split_quote(quote) if normalise_text(part) not in text]


def make_quote_lookup(seeds_dir: Path | None) -> Callable[[str, str], list[str]] | None:
    """Return ``f(quote, seed file) -> missing parts`` over ``seeds_dir``, or None without seeds.

    The validator takes it and passes the seed of the review an evidence was
    read in; None means quotes are not checked (no seed texts here).
    """
    if seeds_dir is None:
        return None
    return lambda quote, seed: find_quote(quote, seed, seeds_dir)
