"""Normalised names: the one rule for comparing labels, synonyms and user input.

"TNF-alpha", "TNF-α", "tnf α" and "TNFa" all normalise to "tnfa", so a search,
a resolver look-up and the duplicate-entity check agree on what counts as the
same name. Greek letters fold to their Latin initials because users type
"NF-kB" and "IL1B" for NF-κB and IL-1β.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

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
_ANY_GREEK_WORD = re.compile("|".join(_GREEK_WORDS))
"""Whether either rule above can apply (one search, where most names have no Greek word)."""
_DROP = re.compile(r"[\s\-_/.,'’()\[\]]+")


def fold_greek(text: str) -> str:
    """Return ``text`` with Greek letters as the Latin letters names use for them ("IFN-γ" → "IFN-g").

    For ids built from a name: "IFN-γ" and "IFN-β" are two molecules, and a
    slug that dropped the letter would make them one.
    """
    return text.translate(_GREEK_LETTERS)


def normalise_name(name: str) -> str:
    """Return the matching key of ``name``: case-folded, Greek folded to Latin, no separators.

    >>> normalise_name("IL-1 beta"), normalise_name("IL-1β"), normalise_name("IL1B")
    ('il1b', 'il1b', 'il1b')
    >>> normalise_name("NF-kappaB") == normalise_name("NF-κB") == normalise_name("NF-kB")
    True
    """
    if name.isascii():  # no Greek letter, nothing NFKC changes: the common case, 2x faster
        text = name.casefold()
    else:
        text = unicodedata.normalize("NFKC", name).casefold().translate(_GREEK_LETTERS)
    if _ANY_GREEK_WORD.search(text):
        text = _WORD.sub(lambda m: _GREEK_WORDS[m.group(1)], text)
        text = _GLUED.sub(lambda m: _GREEK_WORDS[m.group(1)], text)
    return _DROP.sub("", text)


_COMPOSITE_TAIL = re.compile(r"\s+(?:signal(?:l)?ing\s+)?(?:pathway|axis|signal(?:l)?ing|cascade)s?$", re.I)


_ABBREVIATED = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")


def split_components(name: str, *, spaced: bool = False) -> tuple[str, ...]:
    """Return the parts a composite name names: "PI3K/AKT/mTOR pathway" → PI3K, AKT, mTOR.

    Only names joined by "/" are composites, and a part must have a letter.
    Parts may hold spaces only when ``spaced`` (a pathway's long names:
    "phosphoinositide 3-kinase/protein kinase B/... pathway"); otherwise
    "ischemia/reperfusion" or "cord/placenta MSCs" would split into words. A
    part written "long form (ABBR)" gives both. A curated ``components:``
    list overrides this.

    >>> split_components("TLR2/MyD88/NF-κB pathway")
    ('TLR2', 'MyD88', 'NF-κB')
    >>> split_components("SMAD/extracellular signal regulated kinase (ERK) pathway", spaced=True)
    ('SMAD', 'extracellular signal regulated kinase', 'ERK')
    >>> split_components("balance between inhibition and excitation"), split_components("cord/placenta MSCs")
    ((), ())
    """
    found = [spelling for slot in split_component_slots(name, spaced=spaced) for spelling in slot]
    return tuple(dict.fromkeys(found))


def split_component_slots(name: str, *, spaced: bool = False) -> tuple[tuple[str, ...], ...]:
    """Return a composite name's parts in order, each as the spellings written for it.

    The rule of :func:`split_components`, keeping each "/"-separated slot
    apart: a slot written "long form (ABBR)" holds both spellings. Two names
    of one composite with as many slots name the same parts in the same order
    ("PI3K/AKT/mTOR" and "phosphoinositide 3-kinase/protein kinase B/mechanistic
    target of rapamycin"), which is how a long form is paired with its short one.

    >>> split_component_slots("SMAD/extracellular signal regulated kinase (ERK) pathway", spaced=True)
    (('SMAD',), ('extracellular signal regulated kinase', 'ERK'))
    >>> split_component_slots("PI3K/Akt pathway")
    (('PI3K',), ('Akt',))
    """
    core = _COMPOSITE_TAIL.sub("", name.strip())
    parts = [part.strip() for part in core.split("/")]
    if len(parts) < 2 or any(not part or not re.search(r"[A-Za-z]", part) for part in parts):
        return ()
    if not spaced and any(" " in part for part in parts):
        return ()
    slots: list[tuple[str, ...]] = []
    for part in parts:
        abbreviated = _ABBREVIATED.match(part)
        slots.append(abbreviated.groups() if abbreviated else (part,))
    return tuple(slots)


_BRITISH = [
    (re.compile(r"tumour"), "tumor"),
    (re.compile(r"aem"), "em"),
    (re.compile(r"oedem"), "edem"),
    (re.compile(r"oesoph"), "esoph"),
    (re.compile(r"behaviour"), "behavior"),
    (re.compile(r"signall"), "signal"),
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise(d|s)?$"), r"ize\1"),
    (re.compile(r"fibre"), "fiber"),
    (re.compile(r"paed"), "ped"),
]
_BRITISH_ANY = re.compile("|".join(pattern.pattern for pattern, _american in _BRITISH))
"""Any British spelling at all (one search, where most keys have none)."""
_PLURAL = re.compile(r"(?<=[a-z])(?<![isu])s$")


def match_key(name: str) -> str:
    """Return a looser key than :func:`normalise_name`: British spellings and a plural folded.

    "tumour necrosis factors" and "tumor necrosis factor" share one key, as do
    "ADSCs" and "ADSC", "exosome" and "exosomes". Used for the resolver's
    variant look-up, after exact names fail.

    >>> match_key("Tumour necrosis factors") == match_key("tumor necrosis factor")
    True
    >>> match_key("ADSCs"), match_key("sepsis"), match_key("haematopoietic")
    ('adsc', 'sepsis', 'hematopoietic')
    """
    return variant_key(normalise_name(name))


def variant_key(key: str) -> str:
    """Return :func:`match_key` of a name already normalised (a key of :func:`normalise_name`).

    Why apart: an index of every node's names normalises each name once and
    derives both keys from it (an import indexes tens of thousands of names).
    """
    if _BRITISH_ANY.search(key):
        for pattern, american in _BRITISH:
            key = pattern.sub(american, key)
    return _PLURAL.sub("", key) if len(key) > 2 else key


_DROP_ASCII = r"[\t\n\x0b\x0c\r\x1c-\x1f \-_/.,'()\[\]]+"
"""What _DROP removes from an ASCII name, in RE2's syntax (Python's ``\\s`` spelled out)."""
_PLURAL_ASCII = r"[a-hj-rtv-z]s$"
"""Where _PLURAL strips an "s" (RE2 has no look-behind)."""


def normalise_names(names: Sequence[str]) -> list[str]:
    """Return :func:`normalise_name` of each name, the simple ones a column at a time.

    Why: an import indexes every node's names on the core the store's loader
    needs (64,000 names on the 2M-triple benchmark, ~2.5 µs each one by
    one). An ASCII name with no Greek word is case-folded and stripped of
    separators by pyarrow's string kernels; any other name goes through
    :func:`normalise_name`. A property test holds the two equal.
    """
    import pyarrow
    import pyarrow.compute as pc

    column = pyarrow.array(names, type=pyarrow.string())
    lowered = pc.ascii_lower(column)
    keys: list[str] = pc.replace_substring_regex(lowered, _DROP_ASCII, "").to_pylist()
    simple = pc.and_(
        pc.string_is_ascii(column), pc.invert(pc.match_substring_regex(lowered, _ANY_GREEK_WORD.pattern))
    )
    for at in pc.indices_nonzero(pc.invert(simple)).to_pylist():
        keys[at] = normalise_name(names[at])
    return keys


def variant_keys(keys: Sequence[str]) -> list[str]:
    """Return :func:`variant_key` of each key, the plural rule a column at a time (see normalise_names)."""
    import pyarrow
    import pyarrow.compute as pc

    column = pyarrow.array(keys, type=pyarrow.string())
    plural = pc.and_(pc.match_substring_regex(column, _PLURAL_ASCII), pc.greater(pc.utf8_length(column), 2))
    found: list[str] = pc.if_else(plural, pc.utf8_slice_codeunits(column, 0, -1), column).to_pylist()
    for at in pc.indices_nonzero(pc.match_substring_regex(column, _BRITISH_ANY.pattern)).to_pylist():
        found[at] = variant_key(keys[at])
    return found


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """Return ``text`` with control characters written as hex escapes (newline and tab kept).

    Text from data (a label, a quote, a request line) must never drive a
    terminal: an ANSI escape could rewrite what is shown, a BEL rings.
    """
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
