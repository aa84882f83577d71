"""Noun phrases and lists after a cue: objects the names do not cover, items of a list."""

from __future__ import annotations

import re

from msc_graph.curation.drafting.lexicon import CUE
from msc_graph.curation.drafting.mentions import (
    ADVERB,
    FUNCTION_WORD,
    GENERIC,
    GENERIC_NOUN,
    PHRASE_LEAD,
    Names,
    guess_type,
    phrase_after,
)
from msc_graph.curation.drafting.records import Mention
from msc_graph.model import EntityType

MAX_OBJECTS = 30
"""Objects taken after one cue: a list goes on as long as its glue does (a review lists two dozen
secreted factors in one sentence); the bound only stops a runaway."""
EXAMPLES_NEXT = re.compile(r"\s*,?\s*\(?(?:such as|like|including|e\.g\.,?)\s+", re.I)
ANTI = re.compile(r"\banti-?([a-z]{5,})\b", re.I)
LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+", re.I)
"""Glue between two items of a list: ", ", " and ", ", or "."""
# What may stand between two objects of one cue: a list ("IL-1β, TNF-α, and IL-6 (such as ...)").
LIST_GLUE = re.compile(
    r"(?:[\s,()]|\b(?:and|or|as well as|such as|like|both|the|their|e\.g\.|i\.e\.|respectively|others|etc|"
    r"(?:particularly|especially|notably|in particular)(?:\s+in)?|"
    r"(?:number|extent|levels?|amount|expression|production|degree|severity) of|"
    r"(?:associated|subsequent|resulting|consequent)|"
    r"(?:increase|decrease|reduction|elevation|upregulation|downregulation|release|secretion|synthesis)\s+(?:of|in))\b)*"
)
EXAMPLES = re.compile(r"\b(?:such as|like|including|e\.g\.)", re.I)
# ", tooth pulp, ": one item no name covers, inside a list of named ones.
_LIST_GAP = re.compile(
    r",\s+(?:(?:and|or)\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2},\s+(?:(?:and|or)\s+)?"
)


def phrase_before(names: Names, text: str, position: int, name_start: int) -> Mention | None:
    """Return the noun phrase right after a cue that ends before the next name, known or proposed, if any.

    "improve renal function by adjusting X": the phrase ends at a function
    word before the name; one that runs into the name ("reduced serum IL-6")
    or that a name after "of" completes ("the stimulating effects of IL-1β")
    is none.
    """
    headed = _head_of(text, position, name_start)
    phrase = headed if headed is not None else phrase_after(text, position, len(text))
    if phrase is None or phrase[1] > name_start or re.match(r"\s*(?:of|between)\b", text[phrase[1] :]):
        return None
    if not text[phrase[1] : name_start].strip():
        return None
    label = text[phrase[0] : phrase[1]]
    entity_id = names.lookup(label) or names.propose(label, guess_type(label, EntityType.PROCESS))
    return Mention(entity_id, *phrase) if entity_id else None


def noun_cue_end(text: str, cue: re.Match[str]) -> int:
    """Return where a cue's objects start: after a noun cue's own "of" or "in" ("prevention of X").

    A cue named as a noun ("prevention", "reduction", "improvements")
    takes its objects after its preposition, as a verb takes them right
    after it ("prevented X").
    """
    own = _NOUN_CUE_OWN.match(text, cue.end())
    return own.end() if own is not None and _NOUN_CUE.search(cue.group()) else cue.end()


def phrase_objects(names: Names, text: str, position: int, stop: int) -> list[Mention]:
    """Return the noun phrases after a cue ("reduced hyperalgesia and edema"), each a known or new entity."""
    objects: list[Mention] = []
    while len(objects) < MAX_OBJECTS:
        phrase = _head_of(text, position, stop) or phrase_after(text, position, stop)
        if phrase is None:
            break
        label = text[phrase[0] : phrase[1]]
        if ANTI.match(label):
            break  # "..., and anti-inflammatory properties": the anti rule reads what it opposes
        entity_id = names.lookup(label) or names.propose(label, guess_type(label, EntityType.PROCESS))
        if entity_id is not None:
            objects.append(Mention(entity_id, *phrase))
        glue = LIST_JOIN.match(text, phrase[1], stop)
        if glue is None:
            break
        position = glue.end()
    return objects


# "the integrity of spinal circuits", "the atrophy of rotator cuff muscles": a head noun (and a word
# before it) that names nothing alone, completed by what follows its "of"
_HEAD_OF = re.compile(r"(?P<head>[a-z][a-z-]{3,}(?:\s+[a-z][a-z-]{3,})?)\s+of\s+(?!the\b|an?\b)", re.I)
# How often or how much, before the "of" of what is counted: "the frequency of relapse of malignancy",
# "the increased expression of markers of X" (a change before a measure only says it had changed)
_HEAD_MEASURE = re.compile(
    r"(?:frequency|incidence|severity|degree|duration|onset|percentage|proportion|rate|risk|"
    r"(?:increased|elevated|enhanced|decreased|reduced|upregulated|downregulated)\s+"
    r"(?:expression|levels?|production|release|secretion))\s+of\s+",
    re.I,
)


def _head_of(text: str, position: int, stop: int) -> tuple[int, int] | None:
    """Return the span of a head noun and the noun phrase after its "of", right after a cue, if any.

    "restoring the integrity of spinal circuits", "decreasing the atrophy of
    rotator cuff muscles": the head alone ("integrity", "atrophy") says
    nothing of what changed, the whole phrase does. The head is no cue,
    participle, general noun or function word, and what follows "of" is a
    short noun phrase no name covers, with no article (a name there is the
    owner, read by the name rules); a measure before the head is no part of
    it ("the frequency of relapse of malignancy": relapse of malignancy).
    """
    lead = PHRASE_LEAD.match(text, position, stop)
    start = lead.end() if lead else position
    measure = _HEAD_MEASURE.match(text, start, stop)
    start = measure.end() if measure else start
    head = _HEAD_OF.match(text, start, stop)
    if head is None:
        return None
    words = head.group("head").split()
    if GENERIC.fullmatch(words[-1]) or any(
        FUNCTION_WORD.fullmatch(w) or CUE.fullmatch(w) or ADVERB.fullmatch(w) or w.lower().endswith("ed")
        for w in words
    ):
        return None
    tail = phrase_after(text, head.end(), stop)
    if tail is None or tail[0] != head.end():
        return None
    return start, tail[1]


# A cue named as a noun ("prevention", "reduction", "improvements", "reversal") and its own preposition
_NOUN_CUE = re.compile(r"(?:ions?|ments?|al)$", re.I)
_NOUN_CUE_OWN = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?", re.I)
_CITATION = re.compile(r"\s*\((?:[^()]*\b(?:19|20)\d{2}|[A-Z][\w'-]+\s+(?:et al|and)\b)")


# A kind noun that ends a list item a name only begins: "cell survival factors", "ECM proteins".
_HEAD_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:factors|proteins|molecules|mediators|genes|markers|receptors)\b"
    r"(?=\s*(?:,|\band\b|\bor\b|\.|;|\)|$))"
)


def whole_item(names: Names, text: str, mention: Mention) -> Mention:
    """Return the list item a mention only begins ("[cell survival] factors"), proposed, or the mention.

    "cell survival factors" are factors, not cell survival: where a known
    name is followed, up to the next comma or "and", by a kind of molecule,
    the item is the whole phrase, a known name or a new factor.
    """
    head = _HEAD_AFTER.match(text, mention.end)
    if head is None:
        return mention
    label = text[mention.start : head.end()]
    entity_id = names.lookup(label) or names.propose(label, guess_type(label, EntityType.FACTOR))
    return Mention(entity_id, mention.start, head.end()) if entity_id else mention


_ITEM_MEASURE = re.compile(
    r"^(?:(?:the|some|a|an)\s+)?(?:number|extent|amount|levels?|degree|severity|size|rate)\s+of(?:\s+(?:the\s+)?|$)",
    re.I,
)


# What ends the last item of a list and the list with it: a preposition or a relative word after a noun
_ITEM_END = re.compile(
    r"\s+(?:in|on|at|during|after|before|following|with|without|from|to|into|via|through|within|"
    r"which|that|who|when|where|while|compared)\b",
    re.I,
)


def unnamed_items(
    names: Names, text: str, start: int, end: int, kind: str, closed: bool, leading: bool = False
) -> list[Mention] | None:
    """Return the list items no name covers in ``text[start:end]`` (", proteases, ECM proteins, "), proposed.

    Between two named items of a list (``closed``) every piece between
    commas or "and" must be a short item (at most five words, no cue, no
    function word, no article first), else None: the list has ended. After
    the last named item (not ``closed``) the items run on while they are
    short items, and stop at the first that is not ("..., Activin A, and
    SMAD proteins."); a list ends at a citation ("(Gnecchi and Melo,
    2009)"), and a piece that starts with an article ("and the associated
    increase") is a phrase of its own, no item; the last item ends at a
    preposition or a relative word ("and edema during the acute phase"),
    and the list with it. With ``leading`` the text
    is the start of the list, before its first named item ("decorin,
    osteoprotegerin, " of "molecules like decorin, osteoprotegerin, Dkk-3");
    after the last named item, examples of it ("cytokines (such as
    interleukin-1β, TNF-α)") are items too, up to the parenthesis' end.
    An item is proposed as a new entity: a factor after a cue of contents,
    a tissue after "derived from", else a process.
    """
    examples = None if closed or leading else EXAMPLES_NEXT.match(text, start, end)
    if examples is not None:  # "cytokines (such as interleukin-1β, TNF-α)": the examples are items too
        start, leading = examples.end(), True
        if "(" in examples.group():
            close = text.find(")", start, end)
            end = close if close >= 0 else end
    citation = _CITATION.search(text, start, end)
    if citation is not None:  # "... and vessel wall (Gnecchi and Melo, 2009)": the list ended before it
        if closed:
            return None
        end = citation.start()
    pieces = LIST_JOIN.split(text[start:end])
    if leading:
        pieces.insert(0, "")
    elif len(pieces) < 2 or pieces[0].strip(" )"):
        return None if closed else []
    items: list[Mention] = []
    position = start + len(pieces[0])
    for number, piece in enumerate(pieces[1:], start=1):
        position = text.index(piece, position) if piece else position
        label = piece.strip().rstrip(".")
        # "number of apoptotic cells, extent of inflammation": a measure names no item, what it measures does
        label = _ITEM_MEASURE.sub("", label, count=1)
        last = number == len(pieces) - 1
        if closed and last:
            return items if not label else None
        if label.lower() in ("others", "etc", "etc."):
            continue
        after = None if closed else _ITEM_END.search(label)
        if after is not None:  # "reduced hyperalgesia and edema during the acute phase": edema, the last item
            label = label[: after.start()]
            if re.match(r"[a-z]+(?:ing|ed)\b", label):
                return items  # ", suggesting that ...": a clause of its own, no item
        words = label.split()
        following = pieces[number + 1].split() if number + 1 < len(pieces) else []
        if len(words) == 1 and not label.endswith("s") and len(following) > 1 and following[-1].endswith("s"):
            # "bone, cartilage defects": a singular word before a plural phrase shares its noun (the
            # plural says there are several), so it is no item alone ("proteases, matrix proteins" are two)
            continue
        if (
            not label
            or len(words) > 5
            or label.count("(") != label.count(")")
            or re.match(r"(?:the|an?)\s", label, re.I)
            or re.search(r"\s(?:the|an?)\s", label, re.I)  # ", and discuss the potential X": a verb's
            or ADVERB.fullmatch(words[0])  # ", particularly in X": no item, the list has ended
            or CUE.search(label)
            or any(FUNCTION_WORD.fullmatch(w) for w in words)
            or not re.match(r"[A-Za-zα-ωΑ-Ω]", label)
            or GENERIC.fullmatch(label)
            or GENERIC_NOUN.fullmatch(label)
        ):
            return None if closed else items
        default = EntityType.PROCESS
        if kind in ("carries", "including", "contained-in", "detected"):
            default = EntityType.FACTOR
        elif kind == "derived-from":
            default = EntityType.TISSUE
        elif kind == "used-in":
            default = EntityType.DISEASE
        entity_id = names.lookup(label) or names.propose(label, guess_type(label, default))
        if entity_id is None:
            return None if closed else items
        begin = text.index(label, position)
        items.append(Mention(entity_id, begin, begin + len(label)))
        position = begin + len(label)
        if after is not None:
            break
    return items


def list_items(names: Names, text: str, position: int, stop: int) -> list[Mention]:
    """Return the items of a list of functions ("which include survival, contractility, and homing").

    Each item between commas and "and" is a known name, the names that
    cover it, or, when no name does and it is a short phrase (at most four
    words), a new entity (a process, unless its words name a disease). An
    "anti-X" item is left to the anti rule (it lowers X); the list ends at
    a longer item, whose leading name (if any) is its last.
    """
    items: list[Mention] = []
    for part in re.finditer(r"(?:(?!\s+and\s)[^,;])+", text[position:stop]):
        start = position + part.start()
        label = re.sub(r"^\s*(?:and|or|as well as)\s+", "", part.group())
        start += len(part.group()) - len(label)
        label = label.strip().rstrip(".")
        label = re.sub(r"\s+(?:and|or|etc)$", "", label)
        if not label or ANTI.match(label):
            continue
        known = names.lookup(label)
        if known:
            items.append(Mention(known, start, start + len(label)))
            continue
        scanned = names.scan(label)
        if scanned and names_cover(scanned, label):
            items.extend(Mention(m.entity, start + m.start, start + m.end) for m in scanned)
            continue
        words = label.split()
        if len(words) <= 4 and re.search(r"[a-z]{4}", label) and not GENERIC.fullmatch(label):
            # a function is a process ("cell contractility"), unless its words name a disease
            guessed = guess_type(label, EntityType.PROCESS)
            kind = guessed if guessed is EntityType.DISEASE else EntityType.PROCESS
            entity_id = names.propose(label, kind)
            if entity_id is not None:
                items.append(Mention(entity_id, start, start + len(label)))
            continue
        if scanned and scanned[0].start == 0:
            items.append(Mention(scanned[0].entity, start + scanned[0].start, start + scanned[0].end))
        break
    return items


def names_cover(mentions: list[Mention], text: str) -> bool:
    """Return True when the mentions name all of ``text`` (nothing but separators between them)."""
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    return not re.search(r"[A-Za-z0-9]", rest)


def joins_list(glue: str, examples: bool = True) -> bool:
    """Return True when ``glue`` joins two items of one list: ", ", " and ", or ", an unknown item, ".

    With ``examples=False``, "such as" or "like" ends the list: what follows
    are examples of the item before, not items of their own.
    """
    if not examples and EXAMPLES.search(glue):
        return False
    if LIST_GLUE.fullmatch(glue):
        return bool(re.search(r",|\b(?:and|or)\b", glue))
    return bool(_LIST_GAP.fullmatch(glue)) and not CUE.search(glue)


def list_run(mentions: list[Mention], last: int, text: str) -> list[Mention]:
    """Return the list of mentions ending at ``mentions[last]`` ("A, B and C"), or just that one."""
    run = [mentions[last]]
    index = last
    while index > 0:
        if not joins_list(text[mentions[index - 1].end : mentions[index].start]):
            break
        index -= 1
        run.insert(0, mentions[index])
    return run


def list_run_on(mentions: list[Mention], text: str, *, examples: bool) -> list[Mention]:
    """Return the list that starts at ``mentions[0]`` ("A, B and C, which ..."); :func:`list_run` ends one.

    ``examples`` as for :func:`joins_list`: False ends the list at "such as".
    """
    run = mentions[:1]
    for mention in mentions[1:]:
        if not joins_list(text[run[-1].end : mention.start], examples=examples):
            break
        run.append(mention)
    return run
