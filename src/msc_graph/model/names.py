"""Normalised names: the one rule for comparing labels, synonyms and user input.

"TNF-alpha", "TNF-α", "tnf α" and "TNFa" all normalise to "tnfa", so a search,
a resolver look-up and the duplicate-entity check agree on what counts as the
same name. Greek letters fold to their Latin initials because users type
"NF-kB" and "IL1B" for NF-κB and IL-1β.
"""

from __future__ import annotations

import re
import unicodedata

_GREEK_WORDS = {
    "alpha": "a",
    "beta": "b",
    "gamma": "g",
    "delta": "d",
    "epsilon": "e",
    "kappa": "k",
    "lambda": "l",
    "theta": "th",
    "sigma": "s",
    "omega": "o",
}
_GREEK_LETTERS = str.maketrans(
    {
        "α": "a",
        "β": "b",
        "γ": "g",
        "δ": "d",
        "ε": "e",
        "κ": "k",
        "λ": "l",
        "θ": "th",
        "σ": "s",
        "ω": "o",
        "μ": "u",
        "µ": "u",
    }
)
_WORD = re.compile(r"(?<![a-z])(" + "|".join(_GREEK_WORDS) + r")(?![a-z])")
# "kappaB" in NF-kappaB: a Greek word glued to a capital or digit after it still counts.
_GLUED = re.compile(r"(" + "|".join(_GREEK_WORDS) + r")(?=[b\d])")
_DROP = re.compile(r"[\s\-_/.,'’()\[\]]+")


def normalise_name(name: str) -> str:
    """Return the matching key of ``name``: case-folded, Greek folded to Latin, no separators.

    >>> normalise_name("IL-1 beta"), normalise_name("IL-1β"), normalise_name("IL1B")
    ('il1b', 'il1b', 'il1b')
    >>> normalise_name("NF-kappaB") == normalise_name("NF-κB") == normalise_name("NF-kB")
    True
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.translate(_GREEK_LETTERS)
    text = _WORD.sub(lambda m: _GREEK_WORDS[m.group(1)], text)
    text = _GLUED.sub(lambda m: _GREEK_WORDS[m.group(1)], text)
    return _DROP.sub("", text)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Return ``text`` with control characters written as hex escapes (newline and tab kept).

    Text from data (a label, a quote, a request line) must never drive a
    terminal: an ANSI escape could rewrite what is shown, a BEL rings.
    """
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
