"""A seed's reference list, and the study each sentence cites (author-year or superscript number)."""

from __future__ import annotations

import re

from msc_graph.curation.drafting.records import Reference
from msc_graph.curation.seeds import normalise_text

_AUTHOR_YEAR = re.compile(
    r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’\-]+)(?:\s+(?:et al\.?|and collaborators|and colleagues)|"
    r"\s+(?:and|&)\s+[A-Z][A-Za-zÀ-ÿ'’\-]+)?,?\s*\(?(?P<year>(?:19|20)\d{2})(?P<letters>[a-z](?:\s*,\s*[a-z])*)?\)?",
)
_SUPERSCRIPT = re.compile(r"<sup>([\d,\s–-]+)</sup>", re.I)
_REFERENCES_HEADING = re.compile(r"^(?:#+\s*)?\**\s*references?\s*:?\s*\**\s*$", re.I)


def find_references_start(text: str) -> int | None:
    """Return the index of the line that heads the reference list ("References", "## REFERENCES")."""
    for index, line in enumerate(text.splitlines()):
        if _REFERENCES_HEADING.match(line.strip()):
            return index
    return None


def read_references(text: str) -> list[Reference]:
    """Read the seed's reference list: numbered ("12. Author ...") or author-year ("Gao X ... (2023a)").

    What cannot be read (a garbled entry with no author or year) is skipped:
    the drafter then proposes the review itself as the study, never a guess.
    """
    start = find_references_start(text)
    if start is None:
        return []
    references = []
    for raw in text.splitlines()[start + 1 :]:
        line = raw.strip()
        numbered = re.match(r"^(\d+)\.\s+(.*)$", line)
        number = int(numbered.group(1)) if numbered else None
        body = numbered.group(2) if numbered else line
        plain = body.replace("**", "")
        year = re.search(r"\((\d{4}[a-z]?)\)", plain)
        if year:  # APA-like: "Authors (2019). Title. *Journal*" or "Authors (2019) Title. *Journal*"
            authors_text, rest = plain[: year.start()], plain[year.end() :]
        else:  # Vancouver-like: "Authors. Title. *Journal* 2003 Oct;..."
            parts = re.split(r"(?<=[A-Z])\.\s+|(?<=al)\.\s+", plain, maxsplit=1)
            if len(parts) < 2:
                continue
            authors_text, rest = parts
            year = re.search(r"\b((?:19|20)\d{2})\b", rest)
        if not year:
            continue
        title = re.split(r"\*", rest.lstrip(". "), maxsplit=1)[0].strip().rstrip(".").strip()
        authors = tuple(a.strip() for a in re.split(r",\s*(?:&\s*)?|\s+&\s+", authors_text) if a.strip())
        surname = re.split(r"[\s,]", authors_text.strip(), maxsplit=1)[0] if authors_text.strip() else ""
        if not surname or not re.match(r"[A-ZÀ-Þ]", surname):
            continue
        references.append(
            Reference(surname, year.group(1), authors, normalise_text(title) or None, number, body)
        )
    return references


def format_citation(reference: Reference) -> str:
    """Return the citation as reviews write it: "X, 2019", "X and Y, 2019" or "X et al., 2023a"."""
    names = [a for a in reference.authors if re.search(r"[A-Za-z]{2}", a) and a not in ("...", "et al")]
    if len(names) == 2 and not reference.text.count("et al"):
        second = re.split(r"[\s,]", names[1].lstrip("& ").strip(), maxsplit=1)[0]
        return f"{reference.surname} and {second}, {reference.year}"
    return f"{reference.surname} et al., {reference.year}"


def find_cited(sentence: str, references: dict[tuple[str, str], Reference]) -> list[Reference]:
    """Return the references an author-year citation of ``sentence`` names ("Gao et al., 2023a, b")."""
    found: list[Reference] = []
    for match in _AUTHOR_YEAR.finditer(sentence):
        surname, year = match.group("name").casefold(), match.group("year")
        letters = re.findall(r"[a-z]", match.group("letters") or "") or [""]
        for letter in letters:
            reference = references.get((surname, year + letter))
            if reference is not None and reference not in found:
                found.append(reference)
    return found


def find_superscripts(raw: str, end_line: int | None) -> list[tuple[str, list[int]]]:
    """Return (normalised text just before it, reference numbers) for each superscript citation."""
    found = []
    lines = raw.splitlines()[:end_line]
    for line in lines:
        for match in _SUPERSCRIPT.finditer(line):
            numbers: list[int] = []
            for part in re.split(r",", match.group(1)):
                bounds = [int(x) for x in re.split(r"[–-]", part.strip()) if x.strip().isdigit()]
                if len(bounds) == 2 and 0 < bounds[1] - bounds[0] < 50:
                    numbers.extend(range(bounds[0], bounds[1] + 1))
                else:
                    numbers.extend(bounds)
            prefix = normalise_text(line[: match.start()])[-40:]
            if len(prefix) >= 15 and numbers:
                found.append((prefix, numbers))
    return found
