"""The claims one sentence states: subject, cue, objects, quote, basis and context."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from msc_graph.curation.drafting.constructions import (
    HOLDER_TYPES,
    JOINED_CAUSE,
    MEANS_BEFORE,
    PROCESS_NOUN,
    QUANTITY,
    change_reversed,
    changed_effects,
    complement,
    delivered_cargo,
    good_effects_in,
    isolation_from,
    joined_causes,
    joined_change,
    linked_in_examples,
    means_claims,
    mediators_carried,
    medium_of,
    ranged_examples,
    respective_markers,
    resting_states,
    result_claims,
    signed_effects_on,
    stated_relations,
)
from msc_graph.curation.drafting.effects import (
    AGENT_TYPES,
    ANY,
    CLAUSE_STOP,
    adjective_effects,
    anti_appositions,
    anti_in,
    effect_owner,
    find_agent,
    find_anti,
    means_effect_owner,
    subject_for,
)
from msc_graph.curation.drafting.lexicon import (
    CUE,
    DISEASE_TYPES,
    HEDGE,
    NEGATION,
    SIGNED,
    cue_name,
    predicate_for,
)
from msc_graph.curation.drafting.mentions import (
    ADVERB,
    CONTEXT_KINDS,
    FUNCTION_WORD,
    GENERIC,
    REPORTING,
    WORD,
    Names,
    find_modelled,
    guess_type,
    phrase_after,
)
from msc_graph.curation.drafting.phrases import (
    EXAMPLES,
    EXAMPLES_NEXT,
    LIST_GLUE,
    LIST_JOIN,
    MAX_OBJECTS,
    joins_list,
    list_items,
    list_run,
    list_run_on,
    names_cover,
    noun_cue_end,
    phrase_before,
    phrase_objects,
    unnamed_items,
    whole_item,
)
from msc_graph.curation.drafting.records import Draft, DraftEvidence, Mention
from msc_graph.model import FACTOR_TYPES, EntityType

_PASSIVE = re.compile(r"^\s+by\b", re.I)
# A later cue whose subject is the object of the one before ("..., which in turn reduces ...").
# ("and thus reduced ..." goes on with the same subject: only a bare "thus" relays.)
# (", thus decreasing X" neither: a result clause whose participle has the main clause's subject.)
_RELAY = re.compile(
    r"\b(?:which|that|(?<!and )(?<!,\s)thus(?!\s+(?:\w+ly\s+)?\w+ing\b)|in turn|leading to|resulting in|"
    r"causing)\b",
    re.I,
)
# "was found (shown, reported) to be": a passive reported, which reads as the passive itself
_REPORTED_TO_BE = r"(?:(?:found|shown|reported|observed|seen|noted|demonstrated)\s+to\s+be\s+(?:\w+ly\s+)?)?"
# "the expression of A and B was (found to be) elevated", right before the cue: what is measured
_MEASURED_PASSIVE = re.compile(
    r"(?:^|,\s+|\b(?:that|while|whereas|addition,)\s+)(?:the\s+)?(?:expression|levels?|secretion|production)"
    r"\s+of\s+(?P<items>[^,;()]+?(?:,\s+[^,;()]+?)*)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    rf"{_REPORTED_TO_BE}$",
    re.I,
)
# "X were reduced"; "X was found (shown, reported) to be elevated" is the same passive, reported
_BARE_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?"
    rf"{_REPORTED_TO_BE}$",
    re.I,
)
# "... effect(s) of": what follows owns the effect an adjective before it names.
_OWNER = re.compile(
    r"\s+(?:effects?|properties|actions?|activity|functions?|role|capacity|potential)\s+of\s+"
    r"(?:the\s+|an?\s+)?",
    re.I,
)
# What a seed writes after an abbreviation's parenthesis: "tumor necrosis factor (TNF)-α".
_SUFFIX = re.compile(r"^\s*-\s*[α-ωΑ-Ω0-9]{1,2}\b")
# Words that name again what an earlier sentence named: a pronoun or a demonstrative phrase for its
# subject ("They", "This population of cells", "these cells"); a demonstrative phrase of a kind of
# molecule for its objects ("these factors", "both receptors").
_ANAPHOR_SUBJECT = re.compile(
    r"\b(?:they|it(?!\s+(?:is|was|has|had|seems|appears)\b(?:\s+\w+){0,4}?\s+(?:that|to)\b)|"
    r"(?:these|this|those)\s+(?:[a-z-]+\s+)?(?:cells|population(?:\s+of\s+cells)?|medium|media|"
    r"secretomes?|preparations?|therapy|treatment))\b",
    re.I,
)
_ANAPHOR_OBJECTS = re.compile(
    r"\b(?:(?:these|those|both|such(?!\s+as\b))\s+(?:[a-z-]+\s+){0,2}?(?:factors|molecules|proteins|cytokines|"
    r"receptors|substances|mediators|chemokines|compounds|markers))\b",
    re.I,
)
# "In both the cases, X was reduced", "Both the treatment strategies restored X": the two treatments
# the paragraph named together before
BOTH_TREATMENTS = re.compile(
    r"\s*(?:in\s+)?both\s+(?:of\s+)?(?:the\s+|these\s+)?(?:cases|groups|treatments|therapies|approaches|"
    r"interventions|preparations|(?:treatment\s+|therapeutic\s+)?strategies)\b",
    re.I,
)
# "factors secreted by MSCs": right before a cell mention, what the cells secrete is named.
_SECRETED_BY = re.compile(
    r"\b(?:factors|molecules|substances|secretions|proteins|mediators)\s+(?:secreted|released|produced)\s+"
    r"(?:by|from)\s+(?:the\s+)?$",
    re.I,
)
# "Activated microglia release ...", "an increased expression of ...": a participle before its noun
# describes the noun; it states no effect of anything.
# ", an intracellular degradation process that ...": an appositive noun phrase, then a relative clause
# on it, after an object (and where it happened: "autophagy in microglia, a process that ...")
_APPOSITIVE_RELAY = re.compile(
    r"(?:\s+(?:in|within)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?,\s+(?:an?|the)\s+(?:[\w-]+\s+){1,5}"
    r"(?:that|which)\s+(?:in\s+turn\s+)?",
    re.I,
)
_PLACE_TYPES = {EntityType.CELL_TYPE, EntityType.TISSUE}
# Where an effect takes place, right after its object: "autophagy in microglia"
_IN_PLACE = re.compile(r"\s+(?:in|within|inside)\s+(?:the\s+)?", re.I)
# What cells secrete, named by a general plural no name covers right before the passive cue
_UNNAMED_SECRETED = re.compile(
    r"\b(?:molecules|factors|substances|proteins|chemicals|compounds|mediators|products)\s+$", re.I
)
_ATTRIBUTIVE = re.compile(
    r"(?:^|\b(?:the|a|an|of|with|in|to|for|as|its|their|following|after)\s+)\w+ed$|"
    r"\b(?:the|a|an|its|their)\s+\w+ing$",  # "in the producing cytokines": a noun's modifier, no verb
    re.I,
)
_CARRIER_TYPES = HOLDER_TYPES | {EntityType.CELL_TYPE}
# "the expression of markers of X": markers named after "of" are a noun phrase, no cue of their own
_MARKERS_AFTER_OF = re.compile(r"\bof\s+$", re.I)


# "of molecules like ", "various factors, such as ": what introduces a list's first item.
_EXAMPLES_LEAD = re.compile(
    r"\s*(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:molecules|factors|proteins|substances|compounds|"
    r"mediators|cytokines)\s*,?\s*(?:such as|like|including|e\.g\.,?)\s+",
    re.I,
)
# "isolated from epidermis, adipose tissue": short pieces, each before a comma, then the first name
_LEADING_ITEMS = re.compile(r"\s*(?:[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3},\s+)+((?:and|or)\s+)?")
_LEADING_KINDS = ("carries", "including", "detected", "used-in", "derived-from")
"""Cues whose list may start with items no name covers, before its first name."""
# "employed in numerous studies involving disorders like A, B, C": the disorders a use names, from the first
_DISORDERS_LEAD = re.compile(
    r"\s*(?:[\w-]+\s+){0,5}?(?:disorders|diseases|conditions|injuries|defects)\s*,?\s*"
    r"(?:such as|like|including|e\.g\.,?)\s+",
    re.I,
)


# "modulate the immune system", "modulating the local and systemic immune response", "modulate
# immunological responses": what is modulated is immunity, so the modulation is immunomodulation
_IMMUNE_OBJECT = re.compile(
    r"(?:(?<=ion)\s+of)?\s+(?:the\s+)?(?:(?!of\b)[a-z-]+\s+(?:and\s+[a-z-]+\s+)?)?"
    r"(?:immune|immunological)\s+(?:system|responses?)\b",
    re.I,
)


def _immune_modulation(names: Names, text: str, cue: re.Match[str]) -> Mention | None:
    """Return immunomodulation, known or proposed, where a "modulate" cue's object is the immune response.

    The verb and its object together name the process ("modulate the immune
    response" is immune modulation): the subject is associated with it,
    with no sign, as with "immunomodulatory properties". The mention spans
    the cue and its object, for the quote.
    """
    if not cue.group().lower().startswith("modulat"):
        return None
    immune = _IMMUNE_OBJECT.match(text, cue.end())
    if immune is None:
        return None
    entity = names.lookup("immunomodulation") or names.propose("immunomodulation", EntityType.PROCESS)
    return Mention(entity, cue.start(), immune.end()) if entity else None


def _context(names: Names, mentions: list[Mention], used: set[str], text: str) -> dict[str, Any]:
    """Return what the sentence names cheaply as its context: species, model, tissue or cell, setting."""
    context: dict[str, Any] = {}
    measured: list[str] = []
    for mention in mentions:
        if mention.entity in used:
            continue
        kind = names.type_of(mention.entity)
        if kind is EntityType.SPECIES:
            context.setdefault("species", mention.entity)
        elif kind is EntityType.DISEASE_MODEL:
            context.setdefault("disease_model", mention.entity)
        elif kind is EntityType.ROUTE:
            context.setdefault("route", mention.entity)
        elif kind is EntityType.TISSUE and re.search(r"\bin (?:the )?$", text[: mention.start][-8:]):
            measured.append(mention.entity)
    if measured:
        context["measured_in"] = list(dict.fromkeys(measured))
    setting = re.search(r"\bin (vivo|vitro)\b", text, re.I)
    if setting:
        context["setting"] = f"in-{setting.group(1).lower()}"
    return context


_PLACE_ADJECTIVE_GLUE = re.compile(r",?\s+(?:and|or)\s+[a-z]{3,}(?:al|ar|ic)\s+")
"""", and spinal X": an adjective right before the next item says where or what kind; the list goes on."""
_MEASURED_IN = re.compile(r"\s+(?:levels?|concentrations?)\s+of\b", re.I)
"""After a tissue or a fluid: the measure of what follows there ("serum levels of X")."""
_ACCOMPANYING = re.compile(
    r"\s*(?:this|these(?:\s+(?:effects?|changes?|improvements?))?)\s+(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:also\s+)?(?:accompanied\s+by|paralleled\s+by|aligned\s+with|associated\s+with|coupled\s+with|"
    r"correlated\s+with)\s+(?:an?|the)\s+(?:significant\s+|marked\s+|concomitant\s+)?",
    re.I,
)
"""A sentence's opening that says its change came with the effect the sentence before stated."""


def _unnamed_subject(before: str) -> bool:
    """Return True when the words before a cue hold a subject no name covers ("a cell line showed ...").

    Such a sentence says who did it, in words the drafter does not know; the
    paragraph's subject is not carried into it. Function words, adverbs,
    reporting words ("it was observed that", "moreover") and what reports
    ("these findings suggest a viable way in treating ...") name no one.
    """
    clause = re.split(r"[,;:]|\bthat\b", before)[-1]
    return any(
        not (FUNCTION_WORD.fullmatch(word) or ADVERB.fullmatch(word) or REPORTING.fullmatch(word))
        for word in WORD.findall(clause)
    )


_PARTICIPLE = re.compile(
    r"(?:associated with|linked (?:to|with)|involved in|implicated in|derived|isolated|obtained|purified|"
    r"collected)\b.*",
    re.I,
)


def _word_end_before(text: str, cue: re.Match[str]) -> int:
    """Return where the word right before the cue ends, or -1 where a function word or punctuation is there.

    A participle cue right after a noun ("the functions associated with X")
    belongs to that noun: where the noun is no name, the cue has no named
    subject. After "is", "are", "often", or a comma, the cue is a verb of the
    sentence's subject.
    """
    before = text[: cue.start()].rstrip()
    word = re.search(r"[\w)+-]+$", before)
    if word is None or len(before) < len(text[: cue.start()]) - 1:
        return -1
    if (
        FUNCTION_WORD.fullmatch(word.group())
        or ADVERB.fullmatch(word.group())
        or re.fullmatch(r"often|also|still|even|now|then|well|first|further", word.group(), re.I)
    ):
        return -1
    return word.end()


_TREATED_GROUP = re.compile(r"\s*-?\s*treated\s+(?:group|animals|rats|mice)\b", re.I)
_GROUP_TREATED = re.compile(
    r"\b(?:(?:group|animals|rats|mice|patients)\s+(?:treated|injected)|when\s+treated)\s+with\s+"
    r"(?:the\s+)?(?:[a-z]+\s+)?$",
    re.I,
)


_WHEN_TREATED = re.compile(r"\s+when\s+treated\s+with\s+(?:the\s+)?(?:[a-z]+\s+)?$", re.I)


def _treated_group(names: Names, mentions: list[Mention], text: str, start: int, stop: int) -> Mention | None:
    """Return what the group an effect was seen in was treated with ("in the ADSCs treated group"), if named.

    "Greater expression of X in the group treated with Y": the effect is
    Y's, wherever the sentence names Y (after the effect, here).
    """
    for mention in mentions:
        if not start <= mention.start < stop or names.type_of(mention.entity) in CONTEXT_KINDS:
            continue
        if _TREATED_GROUP.match(text, mention.end) or _GROUP_TREATED.search(text, 0, mention.start):
            return mention
    return None


_APPOSITIVE_LEAD = re.compile(r",\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}")
_APPOSITIVE_CLOSE = re.compile(r"[^,;:]*,\s*(?:[a-z][\w-]*\s+){0,2}")


def _before_appositive(mentions: list[Mention], pool: list[int], text: str, cue: int) -> list[int]:
    """Return the subject candidates with an appositive's name replaced by the name it renames.

    "Activated microglia, the resident macrophages in the CNS, represent the
    major source of X": the phrase between commas names the subject again,
    so the subject is the name before it, not the macrophages.
    """
    if not pool:
        return pool
    last = mentions[pool[-1]]
    if not _APPOSITIVE_CLOSE.fullmatch(text, last.end, cue):
        return pool
    for index, mention in enumerate(mentions):
        if mention.end <= last.start and _APPOSITIVE_LEAD.fullmatch(text, mention.end, last.start):
            return [index]
    return pool


_RELEASE_VERB = re.compile(
    r"(?:releas|secret|produc)\w*|(?:(?:the\s+)?(?:major|main|primary)\s+)?source\s+of", re.I
)


def _released_by_process(names: Names, subjects: list[Mention], cue: re.Match[str]) -> bool:
    """Return True when a process releases (secretes, produces, is the source of) what the cue names.

    A process holds nothing: "activated microglia release cytokines" (the
    cells' activation, see :meth:`Names._activated_cells`) says the
    activation raises the cytokines.
    """
    return (
        bool(subjects)
        and all(names.type_of(m.entity) is EntityType.PROCESS for m in subjects)
        and _RELEASE_VERB.fullmatch(cue.group()) is not None
    )


def _fits(subject: EntityType | None, predicate: str, obj: EntityType | None) -> bool:
    """Return False where the two ends cannot hold this predicate, whatever the words between say.

    A species is derived from nothing ("rat model ... derived from MSCs");
    MSCs are not derived from MSCs (the phrase names one kind of MSC: the
    curated graph links the kind to its tissue, not to the general MSCs);
    what a model is of is a disease, a phenotype or a process, never a
    preparation or a cell.
    """
    if predicate == "derived-from":
        return subject is not EntityType.SPECIES and not (
            subject is EntityType.MSC_SOURCE and obj is EntityType.MSC_SOURCE
        )
    if predicate == "model-of":
        return obj in DISEASE_TYPES | {EntityType.PROCESS} or obj is None
    return True


def _secretions_of(names: Names, mention: Mention, text: str) -> Mention:
    """Return the secretome a cell mention stands for as a subject ("factors secreted by MSCs ..."), or it.

    "The trophic factors secreted by stem cells play a role in X" is a claim
    on what the cells secrete, which is their secretome, not on the cells;
    the mention keeps its place (the quote still holds it).
    """
    if names.type_of(mention.entity) not in (EntityType.MSC_SOURCE, EntityType.CELL_TYPE):
        return mention
    if not _SECRETED_BY.search(text, 0, mention.start):
        return mention
    secretome = names.lookup("secretome")
    return Mention(secretome, mention.start, mention.end) if secretome else mention


def _can_act(subject: EntityType | None, predicate: str) -> bool:
    """Return False where a subject of this type cannot hold this predicate.

    A species, a route, a tissue or a disease is where a claim holds or what
    it is about; it raises, lowers or carries nothing ("In a study involving
    osteoarthritis, conditioned medium downregulated X"). It can still be a
    model of something, marked, or associated with something.
    """
    passive_types = CONTEXT_KINDS | DISEASE_TYPES
    return subject not in passive_types or predicate in (
        "model-of",
        "marker-of",
        "associated-with",
        "derived-from",
    )


def _possessive(text: str, mention: Mention) -> bool:
    """Return True when the mention owns the noun after it ("the microglia's anti-inflammatory effect")."""
    return bool(
        re.search(r"['’]s$", text[mention.start : mention.end]) or re.match(r"['’]s\b", text[mention.end :])
    )


def _relative_to_list(mentions: list[Mention], listed: list[Mention], text: str, cue: int) -> bool:
    """Return True when a relative clause right after the cue before's list leads to the cue at ``cue``.

    "..., A, B, and C that are known to reduce X": "that" names the list
    the cue before named, items no name covers included, so long as no
    name stands between the list and this cue.
    """
    if not listed or not _RELATIVE_AFTER.fullmatch(text, listed[-1].end, cue):
        return False
    return not any(listed[-1].end <= m.start < cue for m in mentions)


def _list_ending(items: list[Mention], text: str) -> list[Mention]:
    """Return the list that ends with the last of ``items`` ("A, B and C"), going back while items join."""
    run = items[-1:]
    for item in reversed(items[:-1]):
        if not joins_list(text[item.end : run[0].start]):
            break
        run.insert(0, item)
    return run


def _with_gap_items(names: Names, text: str, run: list[Mention], kind: str) -> list[Mention]:
    """Return a list of named items with the items no name covers between them ("A, tooth pulp, B").

    :func:`list_run` lets one unnamed piece stand between two names of a list;
    that piece is an item of the list too, proposed as the cue's kind of
    thing (:func:`unnamed_items`).
    """
    items: list[Mention] = run[:1]
    for mention in run[1:]:
        if not LIST_GLUE.fullmatch(_SUFFIX.sub("", text[items[-1].end : mention.start])):
            items.extend(unnamed_items(names, text, items[-1].end, mention.start, kind, closed=True) or [])
        items.append(mention)
    return items


def _spelled_out(text: str, start: int, mention: Mention) -> int:
    """Return where the list piece before ``mention`` ends, without the words that spell it out.

    ", receptor activator of nuclear B (RANK) CCL2": the words before a
    name in parentheses spell that name out (even where the seed's letters
    do not match them well enough to be learned as its long form), so they
    are part of that item, no item of their own; the piece ends where they
    start, after the comma before them.
    """
    if text[mention.end : mention.end + 1] != ")" or not re.search(r"\(\s*$", text[start : mention.start]):
        return mention.start
    comma = text.rfind(",", start, mention.start)
    if comma < 0:
        # "TNF-α and spinal nuclear factor κB (NF-κB)": after "and" too, the words spell the name out
        joined = re.match(r"\s+(?:and|or)\s+", text[start : mention.start])
        return start + joined.end() if joined else mention.start
    return comma + 1 + len(text[comma + 1 : mention.start]) - len(text[comma + 1 : mention.start].lstrip())


def _with_classes(mentions: list[Mention], text: str, run: list[Mention]) -> list[Mention]:
    """Return a list of examples with the classes named right before "such as" it, if any.

    "Growth factors and cytokines such as bFGF, HGF and IGF-1 are present in
    the medium": the classes are there as much as their examples are, so
    they are items of the list too.
    """
    if not run or run[0] not in mentions:
        return run
    first = mentions.index(run[0])
    if first == 0 or not EXAMPLES_NEXT.fullmatch(text[mentions[first - 1].end : run[0].start]):
        return run
    return list_run(mentions, first - 1, text) + run


_MEANS_AFTER = re.compile(r"\s+by\s+[a-z]+ing\b", re.I)
_PARALLEL_MEANS = re.compile(
    r"(?P<means>\s+by\s+[a-z]+ing\b[^;:]*?),?\s+as\s+well\s+as\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<object>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+by\s+[a-z]+ing\b",
    re.I,
)


def _parallel_means_objects(names: Names, mentions: list[Mention], text: str, end: int) -> list[Mention]:
    """Return the object of a parallel means clause after a cue's objects, ending at ``end``, if any.

    "improve renal function by adjusting X, as well as liver function by
    controlling Y": "as well as B by V-ing" after the first means clause
    repeats the cue with its own object, B, known or proposed as a phrase.
    """
    parallel = _PARALLEL_MEANS.match(text, end)
    if parallel is None or CUE.search(parallel.group("object")):
        return []
    start, stop = parallel.span("object")
    named = [m for m in mentions if m.start == start and m.end == stop]
    if named:
        return named[:1]
    if any(start < m.end and m.start < stop for m in mentions):
        return []
    phrase = phrase_after(text, start, stop)
    if phrase is None or phrase != (start, stop):
        return []
    label = text[start:stop]
    entity_id = names.lookup(label) or names.propose(label, guess_type(label, EntityType.PROCESS))
    return [Mention(entity_id, start, stop)] if entity_id else []


_IN_MODEL = re.compile(r"\s+in\s+(?:an?|the)\s+$", re.I)


def _modelled_in(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return "reverse the kidney failure in a nephrectomy mice model" as the model being a model of X.

    A disease (or phenotype) right before "in a" and a disease model whose
    own name does not say what it models (:func:`find_modelled`) is what
    the model models, as "X in a rat model" makes the rat model one of X.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for before, model in itertools.pairwise(mentions):
        if (
            names.type_of(model.entity) is EntityType.DISEASE_MODEL
            and names.type_of(before.entity) in (EntityType.DISEASE, EntityType.PHENOTYPE)
            and _IN_MODEL.fullmatch(text, before.end, model.start)
            and find_modelled(names, text, model) is None
        ):
            span = ANY.match(text, before.start, model.end)
            if span is not None:
                found.append((model, "model-of", before, span))
    return found


# "the remnant kidneys displayed ...": a place or the animals, then a verb of showing, right before the cue
_SEEN_IN = re.compile(
    r"(?:^|[,;]\s*)(?:(?:the|their|its)\s+)?(?:[a-z][\w-]*\s+)?(?P<place>[^\s,;][^,;]*?)\s+"
    r"(?:displayed|showed|exhibited|presented|had)\s+(?:an?\s+|significantly\s+|markedly\s+)?$",
    re.I,
)
_SEEN_TYPES = {EntityType.TISSUE, EntityType.SPECIES}


def _seen_in(names: Names, mentions: list[Mention], text: str, start: int, cue: re.Match[str]) -> bool:
    """Return True where the cue's clause opens with a tissue or the animals that showed the change.

    "In comparison to the control group, the remnant kidneys displayed
    lesser fibrosis": the kidneys are where the change was seen, nobody who
    made it, so the paragraph's subject did it, as after "It reduced X"; the
    clause holds that one name and a word before it, then "displayed"
    ("showed", "exhibited") right before the cue.
    """
    seen = _SEEN_IN.search(text, start, cue.start())
    if seen is None:
        return False
    inside = [m for m in mentions if seen.start("place") <= m.start and m.end <= seen.end("place")]
    return (
        len(inside) == 1
        and (inside[0].start, inside[0].end) == seen.span("place")
        and names.type_of(inside[0].entity) in _SEEN_TYPES
    )


# "there was a reduced expression of X", "This transfer was responsible for decreased expression of X":
# a change named by a participle before a measure, after a frame that says whose it is
_CHANGE_FRAME = re.compile(
    r"\b(?:(?P<there>there\s+(?:was|were|is|are)\s+an?\s+)|(?:was|were|is|are)\s+(?:(?:largely|mainly|partly|"
    r"partially|directly)\s+)?(?:responsible|accountable)\s+for\s+(?:the\s+|an?\s+)?)"
    r"(?:\w+ly\s+)?(?P<cue>reduced|decreased|lowered|diminished|attenuated|suppressed|down-?regulated|"
    r"increased|elevated|enhanced|up-?regulated|greater|lesser|higher)\s+"
    r"(?:expression|levels?|production|release|secretion|number|amount|activity|activation)\s+of\s+(?:the\s+)?",
    re.I,
)
_THIS_PHRASE = re.compile(r"^\s*(?:This|These)\s+(?P<phrase>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+$")
_CHANGE_END = re.compile(r"[;.:]|,\s+(?:which|whereas|while|but|thus|thereby|suggesting|indicating)\b", re.I)


def _change_items(names: Names, text: str, start: int, stop: int) -> list[Mention]:
    """Return the items of the list a measure's "of" begins ("of A, B, such as C, and D in X"), proposed.

    Each piece between commas and "and" is an item: a name, the names that
    cover it, or, where none does, the piece proposed (a factor, as what is
    expressed is) when it is short (at most five words, no function word or
    cue); "such as" before a piece gives an example, an item too; a
    preposition ends the last item and the list with it ("... F box in the
    treatment group"); a piece that is no short phrase ends the list.
    """
    items: list[Mention] = []
    position = start
    for piece in re.split(r",?\s+(?:and|or)\s+|,\s+", text[start:stop]):
        begin = text.index(piece, position) if piece else position
        position = begin + len(piece)
        label = re.sub(r"^(?:such as|like|including|e\.g\.,?)\s+", "", piece.strip(), flags=re.I)
        begin += len(piece) - len(piece.lstrip()) + len(piece.strip()) - len(label)
        ends = re.search(
            r"\s+(?:in|on|at|during|after|before|following|with|without|from|to|into|via|through|within|"
            r"compared)\b",
            label,
        )
        label = label[: ends.start()] if ends else label
        words = label.split()
        if not label:
            break
        known = names.lookup(label)
        scanned = [] if known else names.scan(label)
        if known:
            items.append(Mention(known, begin, begin + len(label)))
        elif scanned and names_cover(scanned, label):
            items.extend(Mention(m.entity, begin + m.start, begin + m.end) for m in scanned)
        elif (
            len(words) <= 5
            and re.match(r"[A-Za-zα-ωΑ-Ω]", label)
            and not any(FUNCTION_WORD.fullmatch(w) or CUE.fullmatch(w) or ADVERB.fullmatch(w) for w in words)
            and not GENERIC.fullmatch(label)
        ):
            entity_id = names.propose(label, guess_type(label, EntityType.FACTOR))
            if entity_id is None:
                break
            items.append(Mention(entity_id, begin, begin + len(label)))
        else:
            break
        if ends:
            break
    return items


def _framed_changes(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return the change a participle names after "there was a" or "Y was responsible for".

    "In addition, there was a reduced expression of A, B, and C": a change
    with no subject in the sentence, the paragraph's subject's, as after "It
    reduced"; "This transfer was responsible for decreased expression of
    genes, such as A and B": the subject of "was responsible for" did it,
    the name right before it, or the words after "This" ("This X"), looked
    up or proposed as a process. The participle's plain direction gives the
    sign; each item of the list after the measure's "of" is changed, the
    examples after "such as" too, an item no name covers proposed.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for frame in _CHANGE_FRAME.finditer(text):
        if NEGATION.search(text[: frame.start()]):
            continue
        cue = CUE.match(text, frame.start("cue"))
        if cue is None:
            continue
        kind = cue_name(cue)
        subject: Mention | None = None
        if frame.group("there") is None:
            right_before = [m for m in mentions if m.end <= frame.start()]
            subject = next((m for m in right_before if not text[m.end : frame.start()].strip()), None)
            this = _THIS_PHRASE.match(text[: frame.start()])
            if subject is None and this is not None:  # "This mitochondrial transfer was responsible for"
                label = this.group("phrase")
                words = label.split()
                if GENERIC.fullmatch(label) or any(
                    FUNCTION_WORD.fullmatch(w) or CUE.search(w) or REPORTING.fullmatch(w) for w in words
                ):
                    continue  # "This study was responsible for ...": no process named
                entity_id = names.lookup(label) or names.propose(label, EntityType.PROCESS)
                if entity_id is None:
                    continue
                subject = Mention(entity_id, this.start("phrase"), this.end("phrase"))
            if subject is None:
                continue
        end = _CHANGE_END.search(text, frame.end())
        for item in _change_items(names, text, frame.end(), end.start() if end else len(text)):
            predicate = predicate_for(
                kind, names.type_of(item.entity), names.type_of(subject.entity) if subject else None
            )
            if predicate in SIGNED:
                found.append((subject, predicate, item, cue))
    return found


def _joined_phrase(
    names: Names, text: str, last: Mention, mentions: list[Mention], stop: int
) -> list[Mention]:
    """Return the words after "X and the subsequent release of" as the cue's next object, where no name is.

    "inhibiting the activation of glial cells and the subsequent release of
    inflammatory mediators": the mediators are a second object of the cue
    (see :func:`joined_change`) and what the activation raises (see
    :func:`joined_causes`), proposed as a new entity where no name covers
    them, as the words after a signed cue are.
    """
    joined = JOINED_CAUSE.match(text, last.end, stop)
    if joined is None or any(joined.end() <= m.start < stop for m in mentions):
        return []
    return phrase_objects(names, text, joined.end(), stop)[:1]


_NOUN_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")


def _noun_cue_agents(
    names: Names,
    mentions: Sequence[Mention],
    text: str,
    found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]],
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return ``found`` with the agent of "the secretion of A, B and C by Y" as the subject of its contents.

    A secretion (release, production) named as a noun whose list is followed
    by "by" and a preparation or a cell says who secretes: Y carries each
    item, whatever the sentence named before ("The first report on MSCs
    described the secretion of A and B by human bone marrow MSCs").
    """
    agents: dict[int, Mention] = {}
    for _subject, predicate, _obj, cue in found:
        if predicate != "carries" or id(cue) in agents or not cue.group().lower().endswith("ion"):
            continue
        last = max(obj.end for _s, _p, obj, other in found if other is cue)
        by = _NOUN_AGENT.match(text, last)
        agent = next((m for m in mentions if by is not None and m.start == by.end()), None)
        if agent is not None and names.type_of(agent.entity) in _CARRIER_TYPES:
            agents[id(cue)] = agent
    return [
        (agents.get(id(cue), subject), predicate, obj, cue)
        if predicate == "carries"
        else (subject, predicate, obj, cue)
        for subject, predicate, obj, cue in found
    ]


_OF = re.compile(r"\s+of\s+(?:the\s+|an?\s+)?", re.I)


# ", also called (as) X", ", also known as X": a second name of what stands before, no new subject
_ALSO_CALLED = re.compile(r",\s+(?:also\s+)?(?:called|known|termed|referred\s+to)(?:\s+as)?\s+$", re.I)
# Between a species and the cells it says are its own: nothing, or a word or two ("human deciduous ...")
_SPECIES_OF = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+")
# ", that are known to", " which": a relative pronoun right after a list, up to the next cue
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:which|that)(?:\s+[\w-]+){0,5}\s+", re.I)


_THEIR = re.compile(r"\s+and\s+their\s+(?:secretory\s+|secreted\s+)?$", re.I)


def _their_secretions(names: Names, mentions: list[Mention], text: str) -> list[Mention]:
    """Return the mentions with "cells and their factors" read as the cells and their secretome.

    "The MSCs and their trophic factors have been reported to play a role
    in X": the factors the cells make are what they secrete, their
    secretome, as "the factors secreted by MSCs" are; both the cells and
    it are subjects of the claim.
    """
    secretome = names.lookup("secretome")
    if secretome is None:
        return mentions
    result = list(mentions)
    for index, (cells, made) in enumerate(itertools.pairwise(mentions), start=1):
        if names.type_of(cells.entity) not in (EntityType.MSC_SOURCE, EntityType.CELL_TYPE):
            continue
        if names.type_of(made.entity) not in FACTOR_TYPES or not _THEIR.fullmatch(
            text, cells.end, made.start
        ):
            continue
        result[index] = Mention(secretome, made.start, made.end)
    return result


def _species_kinds(names: Names, mentions: list[Mention], text: str) -> list[Mention]:
    """Return the mentions with a species right before a tissue's kind of MSCs read as the species' kind.

    "human BMSC", "canine adipose tissue MSCs": the species' kind of it,
    looked up, else proposed as "human BMSCs"; the general MSCs ("human
    MSCs") have no such kind. ("stem cell factor" and a singular "BMSC"
    are read by the name scan, :class:`Names`.)
    """
    result: list[Mention] = []
    for mention in mentions:
        spelled = text[mention.start : mention.end]
        species = result[-1] if result else None
        if (
            names.type_of(mention.entity) is EntityType.MSC_SOURCE
            and species is not None
            and names.type_of(species.entity) is EntityType.SPECIES
            and not text[species.end : mention.start].strip()
            and mention.entity != names.lookup("MSCs")
        ):
            spelled_species = text[species.start : species.end]
            plural = spelled if spelled.endswith("s") else f"{spelled}s"
            named = (
                names.lookup(f"{spelled_species} {spelled}")
                or names.lookup(f"{spelled_species} {plural}")
                or names.propose(
                    f"{spelled_species} {plural}",
                    EntityType.MSC_SOURCE,
                    [f"{spelled_species} {spelled}"] if plural != spelled else [],
                )
            )
            if named is not None and named != mention.entity:
                result[-1] = Mention(named, species.start, mention.end)
                continue
        result.append(mention)
    return result


# "MSCs from bone marrow", "MSCs derived from human umbilical cord were used", "MSCs from various other
# areas, such as A, B, C, etc., have been": right after the cells (no verb between), where they come from
_SOURCE_FROM = re.compile(
    r"\s+(?:(?:derived|isolated|obtained|harvested)\s+)?from\s+(?:the\s+)?(?P<examples>(?:(?:various|several|"
    r"many|different|multiple|diverse|other)\s+){1,2}(?:areas|sources|tissues|sites|origins|organs),?\s+"
    r"(?:such\s+as|including|like)\s+)?",
    re.I,
)
_SOURCE_ITEM = r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}"
_SOURCE_LIST = re.compile(
    rf"(?P<items>{_SOURCE_ITEM}(?:(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_SOURCE_ITEM})*)"
    r"(?:,?\s+etc\.?)?(?=\s*[,;.]|\s+(?:have|has|had|were|was|are|is|can|could|may|might|showed|displayed)\b)",
    re.I,
)
_SOURCE_KIND = EntityType.MSC_SOURCE
_SOURCE_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def _source_kinds(
    names: Names, mentions: list[Mention], text: str
) -> tuple[list[Mention], list[tuple[Mention | None, str, Mention, re.Match[str]]]]:
    """Return the mentions with "MSCs from (derived from) X" as the X kind of MSCs, and each kind's source.

    A phrase "from X" right after the cells, with no verb between, says
    which cells are meant: "MSCs derived from human umbilical cord were
    used" are human umbilical cord MSCs, and "MSCs from various other
    areas, such as dental tissue, synovial fluid, ..." are dental tissue
    MSCs, synovial fluid MSCs ...: each kind is derived from its tissue. A
    kind is looked up ("umbilical cord MSCs", "umbilical cord-derived
    MSCs"), else proposed as "X-derived MSCs"; a tissue no name covers is
    proposed. Only the general cells (a kind of no other MSCs) have such
    kinds, and "MSCs can be isolated from X" (a verb between) says where
    MSCs in general come from. A single source replaces the cells (the
    kind is what the sentence speaks of); a list of them names each kind.
    """
    claims: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    result = list(mentions)
    for cells in mentions:
        if names.type_of(cells.entity) is not EntityType.MSC_SOURCE:
            continue
        if any(names.type_of(a) is EntityType.MSC_SOURCE for a in _ancestors(names, cells.entity)):
            continue  # "hUC-MSCs derived from X": already a kind
        lead = _SOURCE_FROM.match(text, cells.end)
        if lead is None:
            continue
        pieces = []
        if lead.group("examples"):  # "such as A, B, C, etc.,": short pieces between commas
            listed = _SOURCE_LIST.match(text, lead.end())
            start = listed.start("items") if listed else 0
            for piece in _SOURCE_SPLIT.split(listed.group("items")) if listed else []:
                start = text.index(piece, start)
                if piece.lower() not in ("etc", "others"):
                    pieces.append((piece, start, start + len(piece)))
                start += len(piece)
        else:  # one source: the name right after "from" (a species before it says whose)
            first = [m for m in mentions if m.start == lead.end()]
            if first and names.type_of(first[0].entity) is EntityType.SPECIES:
                first = [m for m in mentions if re.fullmatch(r"\s+", text[first[0].end : m.start])] or first
            ends = [m.end for m in first if names.type_of(m.entity) in (EntityType.TISSUE, _SOURCE_KIND)]
            if ends and not re.match(r"\s*(?:,|and\b|or\b)", text[ends[0] :]):
                pieces.append((text[lead.end() : ends[0]], lead.end(), ends[0]))
        words = text[cells.start : cells.end]
        kinds: list[tuple[Mention, Mention]] = []
        for piece, begin, end in pieces:
            inside = [m for m in mentions if begin <= m.start and m.end <= end]
            whole = len(inside) == 1 and (inside[0].start, inside[0].end) == (begin, end)
            named = inside[0].entity if whole else None
            tissue_at = begin
            species = re.match(r"\S+", piece)
            if species and names.type_of(names.lookup(species.group()) or "") is EntityType.SPECIES:
                tissue_at = begin + species.end()  # "human umbilical cord": the cord is the tissue
            rest = text[tissue_at:end].strip()
            if not rest or any(FUNCTION_WORD.fullmatch(w) or ADVERB.fullmatch(w) for w in rest.split()):
                break  # no source's name: the list ended
            tissue = names.lookup(rest)
            if tissue is None and not any(m.start >= tissue_at for m in inside):
                tissue = names.propose(rest, EntityType.TISSUE)
            if tissue is None or names.type_of(tissue) is not EntityType.TISSUE:
                break
            kind = (
                (named if named is not None and names.type_of(named) is EntityType.MSC_SOURCE else None)
                or names.lookup(f"{piece} {words}")
                or names.lookup(f"{piece}-derived {words}")
                or names.propose(f"{piece}-derived {words}", EntityType.MSC_SOURCE, [f"{piece} {words}"])
            )
            if kind is None or kind == cells.entity:
                break
            tissue_at = text.index(rest, tissue_at)
            kinds.append((Mention(kind, cells.start, end), Mention(tissue, tissue_at, end)))
        if not kinds:
            continue
        for kind_mention, tissue_mention in kinds:
            span = ANY.match(text, cells.start, tissue_mention.end)
            if span is not None:
                claims.append((kind_mention, "derived-from", tissue_mention, span))
        if len(pieces) == 1:  # the kind is the subject of what follows
            result = [m for m in result if not (cells.start <= m.start and m.end <= kinds[0][0].end)]
            result.append(kinds[0][0])
    return sorted(result, key=lambda m: m.start), claims


_CONDITIONED_BEFORE = re.compile(r"\bconditioned\s+$", re.I)


def _conditioned_secretome(names: Names, mentions: list[Mention], text: str) -> list[Mention]:
    """Return the mentions with "conditioned" + the general secretome naming the conditioned medium.

    "A conditioned secretome of adipose-derived stem cells blocked X": a
    secretome collected as conditioned medium is that medium, as "the
    conditioned media" are; the cells after "of" are its source.
    """
    secretome = names.lookup("secretome")
    medium = names.lookup("conditioned medium")
    if secretome is None or medium is None or secretome == medium:
        return mentions
    out = []
    for mention in mentions:
        before = _CONDITIONED_BEFORE.search(text, 0, mention.start)
        if mention.entity == secretome and before is not None:
            mention = Mention(medium, before.start(), mention.end)
        out.append(mention)
    return out


def _kinds_named_before(
    names: Names, mentions: list[Mention], text: str, before: Sequence[str]
) -> list[Mention]:
    """Return the mentions with "the" + a general name standing for the kind of it named just before.

    "MSC-conditioned medium was used in a rat model. It was observed that
    the secretome increased X": a definite name of a general class names
    again the kind of it named last, in the sentence before (``before``) or
    earlier in this one, as "the drug" names the drug a text has just
    named. Only a preparation or a cell is named again so, and only by a
    kind that is one by the is-a links of the known entities and by its own
    name ("full secretome"): extracellular vesicles are a part of the
    secretome, never named one. Without "the" ("secretome from CD34+
    cells") a name is new and stays general.
    """
    named = list(before)
    result: list[Mention] = []
    for mention in mentions:
        general = " ".join(text[mention.start : mention.end].lower().split())
        definite = re.search(r"\bthe\s+$", text[: mention.start], re.I)
        if definite and names.type_of(mention.entity) in _CARRIER_TYPES:
            kinds = [e for e in reversed(named) if _kind_named(names, e, mention.entity, general)]
            if kinds:
                mention = Mention(kinds[0], mention.start, mention.end)
        named.append(mention.entity)
        result.append(mention)
    return result


def _kind_named(names: Names, entity_id: str, general_id: str, general: str) -> bool:
    """Return True when ``entity_id`` is a kind of ``general_id`` and a name of it ends with ``general``."""
    entity = names.entities.get(entity_id)
    if entity is None or general_id not in _ancestors(names, entity_id):
        return False
    return any(" ".join(n.lower().split()).endswith(f" {general}") for n in (entity.label, *entity.synonyms))


def _ancestors(names: Names, entity_id: str) -> set[str]:
    """Return every entity ``entity_id`` is a kind of, through the is-a links of the known entities."""
    found: set[str] = set()
    todo = [entity_id]
    while todo:
        entity = names.entities.get(todo.pop())
        for parent in entity.is_a if entity is not None else ():
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


# "bone and cartilage defects", "tissue repair and regeneration": items of a list that share a word
_SHARED_TYPES = {
    EntityType.DISEASE,
    EntityType.PHENOTYPE,
    EntityType.PROCESS,
    EntityType.CELL_TYPE,
    EntityType.TISSUE,
}
_SHARED_WORD = re.compile(r"[a-z][a-z-]{2,}")
_STANDALONE = re.compile(r".*(?:s|ing|ion|ment|ity|ness|ance|ence|sis|ly)", re.I)  # nouns of their own
_ADJECTIVE = re.compile(r".*(?:al|ic|ous|ive|ar|ory|oid)", re.I)
_SHARED_END = re.compile(
    r"\s*(?:[,.;:()]|$)|\s+(?:in|of|on|at|for|with|by|from|to|and|or|as|that|which)\b", re.I
)


def _shared_words(names: Names, mentions: list[Mention], text: str) -> list[Mention]:
    """Return the mentions with the items that share a word of a two-word name named too.

    "bone and cartilage defects": "bone" is "bone defects" (the name's last
    word shared back, over a list of such words: "inflammatory,
    degenerative, and ischemic disorders"); "tissue repair and
    regeneration": "regeneration" is "tissue regeneration" (its first word
    shared forward), where the word is a noun of a process and ends the
    list. The name must be a process, disease, phenotype, cell or tissue of
    exactly two lower-case words; the shared name is the known one, else
    proposed with the name's type. A word that is a name of its own stays
    one unless the shared name is known; a word that stands alone (a
    plural, an "-ing", "-ion" noun, an adverb) or a function word shares
    nothing back.
    """
    result = list(mentions)
    for mention in mentions:
        kind = names.type_of(mention.entity)
        words = text[mention.start : mention.end].split()
        if kind not in _SHARED_TYPES or len(words) != 2 or not all(_SHARED_WORD.fullmatch(w) for w in words):
            continue
        position = mention.start
        # back: "bone and cartilage defects", "inflammatory, degenerative, and ischemic disorders"
        while True:
            glue = re.search(r"(?:,?\s+(?:and|or)\s+|,\s+)$", text[:position])
            if glue is None:
                break
            word = re.search(r"(?<![\w-])([a-z][a-z-]{2,})$", text[: glue.start()])
            if word is None or FUNCTION_WORD.fullmatch(word.group(1)) or _STANDALONE.fullmatch(word.group(1)):
                break
            # a comma alone joins adjectives only ("mechanical, thermal allodynia"); a word after another
            # word ends a longer item ("dental pulp and adipose tissue")
            if (
                "and" not in glue.group()
                and "or" not in glue.group()
                and not _ADJECTIVE.fullmatch(word.group(1))
            ):
                break
            lead = re.search(r"(?:^|[,;:(]|(?<![\w-])[a-z]+)\s*$", text[: word.start(1)])
            said = lead.group().strip(" ,;:(") if lead else "?"
            # a word after a noun ends a longer item ("dental pulp and adipose tissue"); after a verb, one
            if said and not (
                FUNCTION_WORD.fullmatch(said) or ADVERB.fullmatch(said) or said.endswith(("ed", "es"))
            ):
                break
            if not _shared_item(
                names, result, word.start(1), word.end(1), f"{word.group(1)} {words[1]}", kind
            ):
                break
            position = word.start(1)
        glue_after = LIST_JOIN.match(text, mention.end)  # forward: "tissue repair and regeneration"
        if glue_after is None or not re.search(r"\b(?:and|or)\b", glue_after.group()):
            continue
        word = _SHARED_WORD.match(text, glue_after.end())
        if (
            word is not None
            and PROCESS_NOUN.fullmatch(word.group())
            and not word.group().endswith("s")
            and _SHARED_END.match(text, word.end())
        ):
            _shared_item(names, result, word.start(), word.end(), f"{words[0]} {word.group()}", kind)
    return sorted(result, key=lambda m: m.start)


def _shared_forward(names: Names, text: str, objects: list[Mention]) -> list[Mention]:
    """Return the objects with a lone process noun after "and" named with the first word of the phrase before.

    "promote muscle repair and regeneration": the first object, a phrase of
    two lower-case words ending in a process noun, shares its first word, a
    noun ("muscle"), with the process noun that ends the list, even where
    that noun alone is a name ("regeneration"): muscle regeneration, known
    or proposed with the phrase's type. An adjective first ("neuropathic
    pain and inflammation") shares nothing: the name stays.
    """
    if len(objects) < 2:
        return objects
    first, second = objects[0], objects[1]
    words = text[first.start : first.end].split()
    word = text[second.start : second.end]
    if (
        len(words) != 2
        or not all(_SHARED_WORD.fullmatch(w) for w in words)
        or not PROCESS_NOUN.fullmatch(words[1])
        or _ADJECTIVE.fullmatch(words[0])
        or re.fullmatch(r".*(?:ing|ed)", words[0])
        or not re.fullmatch(r",?\s+and\s+", text[first.end : second.start])
        or not _SHARED_WORD.fullmatch(word)
        or not PROCESS_NOUN.fullmatch(word)
        or word.endswith("s")
        or not _SHARED_END.match(text, second.end)
    ):
        return objects
    kind = names.type_of(first.entity)
    if kind not in _SHARED_TYPES:
        return objects
    label = f"{words[0]} {word}"
    entity = names.lookup(label) or names.propose(label, kind)
    if entity is None:
        return objects
    return [first, Mention(entity, second.start, second.end), *objects[2:]]


def _shared_item(
    names: Names, mentions: list[Mention], start: int, end: int, label: str, kind: EntityType
) -> bool:
    """Name the word at ``start:end`` as ``label`` in ``mentions`` (in place); return whether it was named."""
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    if any(m.start < start or m.end > end for m in overlapping):
        return False  # the word is part of a longer name
    known = names.lookup(label)
    if overlapping and (known is None or known == overlapping[0].entity):
        return bool(known)
    entity = known or names.propose(label, kind)
    if entity is None:
        return False
    for old in overlapping:
        mentions.remove(old)
    mentions.append(Mention(entity, start, end))
    return True


_Found = tuple[Mention | None, str, Mention, re.Match[str]]
"""A claim read from a sentence: (subject, predicate, object, cue); no subject: the paragraph's subject."""


@dataclass
class _Mentions:
    """The names one sentence gives, anaphors resolved: what its cues are read against.

    Attributes:
        mentions: the names in the text's order, each anaphor standing for what it names again.
        first_agents: the agents the sentence itself names, in its order (before any anaphor is resolved).
        expand: an anaphor's span → every entity it stands for ("these factors": one claim each).
        pronouns: the spans of the pronouns, subjects only, never objects.
        latter: the spans of "the latter" ("the former").
        sourced: "MSCs derived from X": each kind of MSCs derived from its source.
        appositions: what a name with an anti-kind right before it does ("the anti-apoptotic gene Bcl2").
    """

    mentions: list[Mention]
    first_agents: list[str]
    expand: dict[tuple[int, int], list[str]]
    pronouns: set[tuple[int, int]]
    latter: set[tuple[int, int]]
    sourced: list[_Found]
    appositions: list[_Found]


@dataclass(frozen=True)
class _Sentence:
    """One sentence as its cues read it: the text, the names it gives, and what the paragraph hands it.

    Attributes:
        names: the resolver's names.
        text: the sentence.
        given: the names the sentence gives, anaphors resolved (see :func:`_sentence_mentions`).
        carried: the paragraph's subject so far, or the first of the pair "both treatments" names.
        both: "In both the cases" ("Both the treatments") opening the sentence, naming the paragraph's pair.
    """

    names: Names
    text: str
    given: _Mentions
    carried: str | None
    both: re.Match[str] | None


@dataclass
class _Reading:
    """What reading a sentence's cues, one after the other, has found, and what each cue hands the next.

    Attributes:
        found: the claims the cues read so far.
        last_subject: the last subject a cue had: the paragraph's subject for the sentences after.
        previous_subject: the subjects of the last cue that had any ("A reduces X and increases Y": A again).
        previous_objects: the last cue's objects, no fresh subject of the next cue.
        completing: names that only completed a cue's object phrase: no fresh subject.
        previous_kind: the last cue's kind ("" before the first).
        previous_end: where the last cue ended (0 before the first): a fresh subject stands after it.
        listed: (start, end, owners) of each list of functions.
        placed: what the cue before said is present in something ("X present in Y").
    """

    found: list[_Found] = field(default_factory=list)
    last_subject: str | None = None
    previous_subject: list[Mention] = field(default_factory=list)
    previous_objects: list[Mention] = field(default_factory=list)
    completing: list[Mention] = field(default_factory=list)
    previous_kind: str = ""
    previous_end: int = 0
    listed: list[tuple[int, int, list[Mention]]] = field(default_factory=list)
    placed: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class _CueSpan:
    """Where one cue stands in its sentence, and the names on each side of it.

    Attributes:
        cue: the cue's match.
        stop: where its clause ends: the next cue, or a clause stop before it.
        before: the indices (in the sentence's mentions) of the names between the cue before and this one.
        after: the names between the cue and ``stop``.
        passive: "by" right after the cue ("is inhibited by"), else None.
    """

    cue: re.Match[str]
    stop: int
    before: list[int]
    after: list[Mention]
    passive: re.Match[str] | None


def propose_from_text(
    names: Names,
    text: str,
    place: Callable[[str], DraftEvidence],
    draft: Draft,
    seed_text: str,
    carried: str | None = None,
    referents: Sequence[str] = (),
    topic: str | None = None,
    named_before: Sequence[str] = (),
    pair: Sequence[str] = (),
) -> tuple[str | None, list[str], str | None, list[str]]:
    """Propose the assertions one sentence (or title) states; return its subject, objects, first agent, names.

    ``place(quote)`` makes the evidence record (study, kind, locator, basis,
    context) for a quote of this text; ``seed_text`` is the normalised seed,
    which every quote must be a verbatim part of. ``carried`` is the subject
    of the paragraph's sentences before ("The group treated with X ... It
    reduced Y"): used where this sentence names no subject before its
    cue, and then the quote holds the cue and the object only; and where a
    pronoun names it again ("They secrete X"), with the pronoun in the quote.
    ``referents`` are the previous sentence's objects, which "these factors"
    or "both receptors" name again, and ``topic`` what it named first, which
    "They" names again (see :func:`_anaphors`). ``named_before`` are the
    entities the paragraph named before, which "the" + a general name can
    name again (see :func:`_kinds_named_before`); the entities this
    sentence names (objects no name covered too, in the sentence's order)
    are returned last, for the next sentence. ``pair`` are
    the two treatments the paragraph named together last ("X and Y were
    given"), which "In both the cases" or "Both the treatments" opening this
    sentence name again: its effects with no subject of their own are each's.
    """
    both = BOTH_TREATMENTS.match(text) if len(pair) == 2 else None
    implied: list[str | None] = list(pair) if both else []
    carried = pair[0] if both else carried
    given = _sentence_mentions(names, text, carried, topic, referents, named_before)
    cues = _claim_cues(text, given.mentions)
    reading = _read_cues(_Sentence(names, text, given, carried, both), cues)
    found = _construction_claims(names, text, given, reading.found, reading.listed, carried)
    _write_claims(names, text, given, found, implied or [carried], place, draft, seed_text)
    named, spoken = _named_in_order(given, found)
    first_agent = given.first_agents[0] if given.first_agents else None
    return reading.last_subject, named, first_agent, spoken


def _read_cues(sentence: _Sentence, cues: list[re.Match[str]]) -> _Reading:
    """Return what the sentence's cues state, read one after the other.

    A cue is read in the light of the cue before it ("A reduces X and
    increases Y": A again; "A reduces X, which increases Y": X), so the
    cues are read in the text's order, each handing the next its subject,
    objects, kind and end in the returned :class:`_Reading`.
    """
    reading = _Reading()
    for number in range(len(cues)):
        _read_cue(sentence, reading, cues, number)
    return reading


def _read_cue(sentence: _Sentence, reading: _Reading, cues: list[re.Match[str]], number: int) -> None:
    """Read the sentence's cue ``number``: add its claims to ``reading``, and what it hands the next cue.

    A cue's subjects and objects are read first (:func:`_cue_ends`), then
    adjusted where the cue turns out to say something else
    (:func:`_adjusted_ends`); the claims are each subject's on each object,
    or, with no subject named, the paragraph's subject's.
    """
    span = _cue_span(sentence, reading, cues, number)
    placed_before, reading.placed = reading.placed, []
    kind, subjects, objects = _cue_ends(sentence, reading, span, placed_before)
    kind, subjects, objects = _adjusted_ends(sentence, span, kind, subjects, objects)
    _add_pair_claims(sentence.names, reading.found, span, kind, subjects, objects)
    _add_carried_claims(sentence, reading, span, kind, subjects, objects)
    if kind == "functions" and subjects and objects:
        reading.listed.append((span.cue.end(), objects[-1].end, subjects))
    if subjects:
        reading.previous_subject = subjects
        reading.last_subject = subjects[0].entity
    reading.previous_objects = objects
    if kind == "functions" and objects:  # the names inside the list are its items, not fresh subjects
        reading.previous_objects = objects + [m for m in span.after if m.start < objects[-1].end]
    reading.previous_kind = kind
    reading.previous_end = span.cue.end()


def _cue_span(sentence: _Sentence, reading: _Reading, cues: list[re.Match[str]], number: int) -> _CueSpan:
    """Return where cue ``number`` stands: its clause's end and the names on each side.

    A cue's objects stop at the next cue or at a clause stop, and its fresh
    subjects stand after the cue before: the names between are all a cue
    reads its ends from.
    """
    text, mentions, cue = sentence.text, sentence.given.mentions, cues[number]
    stop = cues[number + 1].start() if number + 1 < len(cues) else len(text)
    clause = CLAUSE_STOP.search(text, cue.end(), stop)
    stop = clause.start() if clause else stop
    before = [i for i, m in enumerate(mentions) if m.end <= cue.start() and m.start >= reading.previous_end]
    after = [m for m in mentions if cue.end() <= m.start < stop]
    passive = _PASSIVE.match(text[cue.end() :])
    return _CueSpan(cue, stop, before, after, passive)


def _cue_ends(
    sentence: _Sentence, reading: _Reading, span: _CueSpan, placed_before: list[Mention]
) -> tuple[str, list[Mention], list[Mention]]:
    """Return the cue's kind, subjects and objects, by how the sentence is built around the cue.

    The kind may turn out another cue's ("identified X in the secretome":
    carries). A list, a finding, a presence, a passive (with or without its
    agent) and a measure's passive each say in their own way who did what;
    an active cue is read by :func:`_active_ends`. Claims whose subject is no
    mention ("found in the paragraph's preparation", "the secretome of the
    cells") are added to ``reading.found`` here.
    """
    names, text, mentions, carried = sentence.names, sentence.text, sentence.given.mentions, sentence.carried
    cue, before, after, passive = span.cue, span.before, span.after, span.passive
    previous_subject, previous_objects = reading.previous_subject, reading.previous_objects
    previous_kind, previous_end, found = reading.previous_kind, reading.previous_end, reading.found
    kind = cue_name(cue)
    subjects: list[Mention] = []
    objects: list[Mention] = []
    shared_cue = (
        kind == "including"
        and previous_kind in SIGNED | {"improves"}
        and bool(previous_objects)
        and re.fullmatch(r"[\s,(]*", text[previous_objects[-1].end : cue.start()]) is not None
    )
    if kind == "including" and previous_subject and (shared_cue or (not previous_objects and not before)):
        # "isolated from various tissues, including A, B and C": the list is what the cue before names;
        # "downregulated the senescence markers, including A and B": A and B are downregulated too
        kind, subjects = previous_kind, previous_subject
        objects = [m for m in after if names.type_of(m.entity) not in {EntityType.SPECIES, EntityType.ROUTE}]
        objects = list_run(objects, len(objects) - 1, text) if objects else []
        # "including bone marrow, tooth pulp, adipose tissue": the item no name covers is one too
        objects = _with_gap_items(names, text, objects, kind)
    elif kind == "found":  # "identified X and Y in the secretome of MSCs": the secretome carries them
        kind, subjects, objects = _found_ends(sentence, span, found)
    elif kind == "contained-in":  # "X, Y and Z are present in the conditioned medium"
        holders = [m for m in after if names.type_of(m.entity) in HOLDER_TYPES]
        if holders and before:
            subjects, objects = (
                holders[:1],
                _with_classes(mentions, text, list_run(mentions, before[-1], text)),
            )
            kind = "carries"
            reading.placed = objects
    elif passive:  # "X is inhibited by Y": Y does it to X
        subjects, objects = _agent_ends(sentence, span, kind, passive, found)
    elif kind in SIGNED | {"improves"} and _BARE_PASSIVE.search(text, 0, cue.start()) and before:
        subjects, objects = _bare_passive_ends(sentence, span, kind, previous_subject, found)
    elif (
        kind in SIGNED | {"improves"}
        and carried is not None
        and not previous_subject
        and (measured := _MEASURED_PASSIVE.search(text, previous_end, cue.start())) is not None
    ):
        # "the expression of desmin and muscle actin was found to be elevated": no name before the
        # passive, so the measure's items are its objects, proposed, and the paragraph's subject did it
        measures = unnamed_items(
            names, text, measured.start("items"), measured.end("items"), kind, False, True
        )
        for obj in measures or []:
            verb = predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
            found.append((None, verb or kind, obj, cue))
    else:
        kind, subjects, objects = _active_ends(sentence, reading, span, kind, placed_before)
    return kind, subjects, objects


# "identified X in the secretome": "in" (and "the") right before the preparation found to hold X
_IN_BEFORE = re.compile(r"\s+in\s+(?:the\s+)?$")


def _found_ends(
    sentence: _Sentence, span: _CueSpan, found: list[_Found]
) -> tuple[str, list[Mention], list[Mention]]:
    """Return the kind, subjects and objects of a cue of finding ("identified", "confirmed", "reported").

    What is found in a preparation, it carries; found with no place named,
    it was detected in what the paragraph is about (the claim is the
    paragraph's subject's, added to ``found``).
    """
    names, text, mentions, carried = sentence.names, sentence.text, sentence.given.mentions, sentence.carried
    cue, before, after = span.cue, span.before, span.after
    kind = "found"
    subjects: list[Mention] = []
    objects: list[Mention] = []
    holders = [
        m
        for m in after
        if names.type_of(m.entity) in HOLDER_TYPES and _IN_BEFORE.search(text, cue.end(), m.start)
    ]
    if holders:
        found_in = [m for m in after if m.end <= holders[0].start]
        if found_in and LIST_GLUE.fullmatch(text[cue.end() : found_in[0].start]):
            subjects, objects = holders[:1], list_run_on(found_in, text, examples=False)
            kind = "carries"
    elif after and LIST_GLUE.fullmatch(text[cue.end() : after[0].start]):
        objects = list_run_on(after, text, examples=False)  # found in what the paragraph is about: see below
        kind = "detected"
    elif (
        not after
        and before
        and carried is not None
        and names.type_of(carried) in HOLDER_TYPES
        and _BARE_PASSIVE.search(text, 0, cue.start())
    ):
        # "The content of the conditioned media differed. However, chemokines, cytokines, and growth
        # factors are consistently reported.": found, with no place named, in the paragraph's
        # preparation
        for obj in list_run(mentions, before[-1], text):
            found.append((None, "carries", obj, cue))
    return kind, subjects, objects


def _agent_ends(
    sentence: _Sentence, span: _CueSpan, kind: str, passive: re.Match[str], found: list[_Found]
) -> tuple[list[Mention], list[Mention]]:
    """Return the subjects and objects of a passive cue with its agent ("X is inhibited by Y").

    The agents after "by" did it to the list before the cue. Two claims are
    added to ``found`` here: what cells secrete is their secretome, by
    definition; and what mediates an effect of the paragraph's preparation,
    named again by "the latter", is in it (see ``mediators_carried``).
    """
    names, text, mentions, carried = sentence.names, sentence.text, sentence.given.mentions, sentence.carried
    latter = sentence.given.latter
    cue, stop, before = span.cue, span.stop, span.before
    subjects: list[Mention] = []
    objects: list[Mention] = []
    agents = [m for m in mentions if m.start >= cue.end() + passive.end() and m.start < stop]
    secreted = (
        agents
        and kind == "carries"
        and names.type_of(agents[0].entity) is EntityType.MSC_SOURCE
        and (not before or _UNNAMED_SECRETED.search(text, mentions[before[-1]].end, cue.start()))
    )
    if agents and before and not secreted:  # "... is mediated by A, B and C": each of them
        subjects, objects = list_run_on(agents, text, examples=False), list_run(mentions, before[-1], text)
        # "the cytokines released by MSCs, such as IL-6 and IL-7": examples of what was released
        examples = [m for m in agents if m.start >= subjects[-1].end]
        if examples and EXAMPLES_NEXT.fullmatch(text[subjects[-1].end : examples[0].start]):
            objects = objects + list_run_on(examples, text, examples=False)
        elif not EXAMPLES_NEXT.match(text, subjects[-1].end):
            # "mediated by A, B, and indoleamine 2,3-dioxygenase": the agents' list goes on past its
            # last name
            rest = unnamed_items(names, text, subjects[-1].end, stop, "including", False)
            subjects = subjects + (rest or [])
        found.extend(mediators_carried(names, cue, subjects, objects, latter, carried))
    elif secreted:
        # "the molecules secreted by MSCs": what MSCs secrete is their secretome, by definition, also
        # where a name stands earlier in the sentence ("MSC therapy ... utilizes the molecules
        # secreted by MSCs": the molecules no name covers, not that name, were secreted)
        secretome = names.lookup("secretome")
        if secretome is not None:
            found.append((Mention(secretome, cue.start(), cue.start()), "derived-from", agents[0], cue))
    return subjects, objects


def _bare_passive_ends(
    sentence: _Sentence, span: _CueSpan, kind: str, previous_subject: list[Mention], found: list[_Found]
) -> tuple[list[Mention], list[Mention]]:
    """Return the subjects and objects of a signed passive cue with no agent ("Y were enhanced").

    The list before the auxiliary is what the cue says, done by the cue
    before's subject, else by the paragraph's subject (added to ``found``).
    """
    names, text, mentions, carried = sentence.names, sentence.text, sentence.given.mentions, sentence.carried
    cue, before = span.cue, span.before
    # "A reduced X, while Y were enhanced": what A did to Y; no subject of its own
    subjects, objects = previous_subject, list_run(mentions, before[-1], text)
    # "Sox9, aggrecan, collagen II were highly expressed": the unnamed item between names is one too
    objects = _with_gap_items(names, text, objects, kind)
    auxiliary = _BARE_PASSIVE.search(text, objects[-1].end, cue.start())
    if auxiliary is not None:
        # "Y (such as A, and B) were enhanced", "X, uric acid, and proteinuria were reduced": the
        # list goes on past the last name, to the auxiliary
        rest = unnamed_items(names, text, objects[-1].end, auxiliary.start(), kind, closed=False)
        objects = objects + (rest or [])  # not closed: never None, only typed so
    if not subjects and carried is not None:  # "Allodynia and hyperalgesia were reversed": by it
        for obj in objects:
            verb = predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
            found.append((None, verb or kind, obj, cue))
    return subjects, objects


def _active_ends(
    sentence: _Sentence, reading: _Reading, span: _CueSpan, kind: str, placed_before: list[Mention]
) -> tuple[str, list[Mention], list[Mention]]:
    """Return the kind, subjects and objects of an active cue ("A reduces X"): most cues are.

    The subjects are read first (:func:`_active_subjects`), then the
    objects (:func:`_active_objects`), then the subjects are narrowed by what
    the cue's kind allows (:func:`_subjects_by_kind`).
    """
    subjects, fresh = _active_subjects(sentence, reading, span, kind, placed_before)
    previous_kind, previous_subject = reading.previous_kind, reading.previous_subject
    if kind == "ameliorates" and previous_kind == "used-in" and previous_subject and not fresh:
        kind = "used-in"  # "employed in studies of the repair and treatment of X": a use, no effect
    objects = _active_objects(sentence, span, kind, reading.completing)
    kind, subjects = _subjects_by_kind(sentence, span, kind, subjects)
    return kind, subjects, objects


def _active_subjects(
    sentence: _Sentence, reading: _Reading, span: _CueSpan, kind: str, placed_before: list[Mention]
) -> tuple[list[Mention], list[int]]:
    """Return an active cue's subjects, and the fresh names before it (indices in the mentions).

    The cue before hands its subject on ("A reduces X and increases Y"), or
    its objects where the clause relays ("A reduces X, which increases Y");
    else the subject is the nearest agent (or list of agents) before the cue.
    """
    names, text, mentions = sentence.names, sentence.text, sentence.given.mentions
    cue, before = span.cue, span.before
    previous_subject, previous_objects = reading.previous_subject, reading.previous_objects
    previous_end, completing = reading.previous_end, reading.completing
    subjects: list[Mention] = []
    # "A reduces X and increases Y": A again; "A reduces X, which increases Y": X
    relay = previous_subject and _RELAY.search(text, previous_end, cue.start())
    # a species, a route, a tissue ("rescued rat MSCs and X and also raised Y") names no new subject
    fresh = [
        i
        for i in before
        if mentions[i] not in previous_objects
        and mentions[i] not in completing
        and names.type_of(mentions[i].entity) not in CONTEXT_KINDS
    ]
    agent = find_agent(names, mentions, text, cue.start())
    means = re.search(r"\bby\s+$", text[: cue.start()])
    doers_before = [
        m for m in mentions if m.end <= cue.start() and names.type_of(m.entity) not in CONTEXT_KINDS
    ]
    if means and not relay and (previous_subject or doers_before):
        # "A protected B from C by regulating X": the means is the clause subject's, A, whatever
        # stands between
        subjects = previous_subject or [
            medium_of(names, subject_for(names, mentions, mentions.index(doers_before[0]), text), text)
        ]
    elif previous_subject and not relay and not fresh:
        subjects = previous_subject
    elif placed_before and not relay and all(mentions[i] in previous_subject for i in fresh):
        # "EVs present in the secretome were capable of promoting X": the EVs; the secretome only
        # says where they were
        subjects = placed_before
    elif relay and _relative_to_list(mentions, previous_objects, text, cue.start()):
        # "such as A, annexin, and pentraxin 3 that are known to reduce X": the whole list before,
        # items no name covers too
        subjects = _list_ending(previous_objects, text)
    elif (
        relay
        and previous_objects
        and _APPOSITIVE_RELAY.fullmatch(text, previous_objects[-1].end, cue.start())
    ):
        # "promote autophagy in microglia, an intracellular degradation process that inhibits X":
        # the relative clause says more of what the appositive names again, the object before it
        subjects = previous_objects[-1:]
    elif agent is not None and not relay:
        subjects = [medium_of(names, agent, text)]
    else:
        candidates = [i for i in before if names.type_of(mentions[i].entity) not in CONTEXT_KINDS]
        every = [i for i, m in enumerate(mentions) if m.end <= cue.start()]
        pool = candidates or [i for i in every if names.type_of(mentions[i].entity) not in CONTEXT_KINDS]
        # an agent (a preparation, a cell, a factor, a pathway) before a process or a disease,
        # unless the clause relays ("autophagy, which in turn decreases ...")
        doers = [i for i in pool if names.type_of(mentions[i].entity) in AGENT_TYPES]
        pool = pool if relay else doers or pool
        while len(pool) > 1 and _ALSO_CALLED.search(text, 0, mentions[pool[-1]].start):
            pool = pool[:-1]  # "A and B, also called myokines, promote X": a second name, no subject
        pool = _before_appositive(mentions, pool, text, cue.start())
        if pool:
            head = subject_for(names, mentions, pool[-1], text)
            medium = medium_of(names, head, text)
            whole = list_run(mentions, mentions.index(head), text)
            glues = [text[a.end : b.start] for a, b in itertools.pairwise(whole)]
            cut = [k + 1 for k, glue in enumerate(glues) if EXAMPLES.search(glue)]
            exemplified = bool(cut) or bool(re.search(r"\bsuch as\s*$", text[: whole[0].start]))
            whole = whole[cut[-1] :] if cut else whole  # the examples, not what they are examples of
            # "A reduces X, Y; B increases Z": the list before B is the cue before's, not B's
            # (unless the clause relays: "A, B and C that reduce X" are all three, or the list gives
            # examples of the subject: "the cytokines released by MSCs, such as A and B, promote X")
            run = [m for m in whole if m == head or relay or exemplified or m not in previous_objects]
            subjects = [m for m in run if names.type_of(m.entity) not in CONTEXT_KINDS]
            if kind not in (
                "carries",
                "including",
                "detected",
            ):  # "molecules secreted by MSCs include X": theirs
                subjects = [_secretions_of(names, m, text) for m in subjects]
            if medium is not head:  # the medium of these cells, not the cells
                subjects = [medium]
    return subjects, fresh


def _active_objects(
    sentence: _Sentence, span: _CueSpan, kind: str, completing: list[Mention]
) -> list[Mention]:
    """Return an active cue's objects: the list of names after it, and the items no name covers.

    A name that only completes the cue's object phrase is no object: it is
    added to ``completing``, so that it is no fresh subject of the next cue.
    """
    names, text, mentions = sentence.names, sentence.text, sentence.given.mentions
    cue, stop, after = span.cue, span.stop, span.after
    objects: list[Mention] = []
    measured_end = cue.end()  # past a place of measure ("serum levels of"), the phrase goes on
    for mention in [] if kind == "functions" else after:
        lead = _EXAMPLES_LEAD.match(text, cue.end(), mention.start) if not objects else None
        lead_end = lead.end() if lead is not None else None
        if kind == "used-in" and not objects:
            disorders = _DISORDERS_LEAD.match(text, cue.end(), mention.start)
            lead_end = disorders.end() if disorders is not None else None
        if kind == "derived-from" and not objects:  # "isolated from epidermis, adipose tissue"
            lead_end = cue.end() if _LEADING_ITEMS.fullmatch(text, cue.end(), mention.start) else None
        if kind == "carries" and not objects and lead_end is None:
            # "secrete a variety of angiogenic factors, antiapoptosis factors, and growth factors"
            quantity = QUANTITY.match(text, cue.end(), mention.start)
            begin = quantity.end() if quantity is not None else cue.end()
            items = _LEADING_ITEMS.fullmatch(text, begin, mention.start)
            lead_end = begin if items is not None and items.group(1) else None
        if lead_end is not None and kind in _LEADING_KINDS:
            # "secretion of molecules like decorin, osteoprotegerin, Dkk-3": the unnamed first items
            leading_items = unnamed_items(names, text, lead_end, mention.start, kind, True, leading=True)
            objects.extend(leading_items or [])
        if not objects and (complement(text, measured_end, mention.start) or _possessive(text, mention)):
            completing.append(mention)
            break  # "linked to the therapeutic actions of MSCs": the actions, not the MSCs
        mention_type = names.type_of(mention.entity)
        if mention_type is EntityType.SPECIES and any(
            m.start > mention.end
            and _SPECIES_OF.fullmatch(text, mention.end, m.start)
            and names.type_of(m.entity) in _CARRIER_TYPES | FACTOR_TYPES
            for m in after
        ):
            # "rescued rat MSCs", "obtained from human deciduous dental pulp stem cells": the species
            # (and a word or two) says whose the cells are, the cells go on
            continue
        if not objects and mention_type in CONTEXT_KINDS and _MEASURED_IN.match(text, mention.end):
            measured_end = mention.end
            continue  # "a reduction of serum levels of X": where X was measured; the objects go on
        if mention_type in CONTEXT_KINDS and kind not in ("derived-from", "model-of", "marker-of"):
            break  # "... in the spinal cord of rats": where, not what
        if objects and MEANS_BEFORE.search(text, 0, cue.start()) and _MEANS_AFTER.match(text, mention.end):
            break  # "by adjusting X, as well as B by controlling Y": B is the main cue's object
        if objects and stop < len(text) and not text[mention.end : stop].strip(" ,"):
            break  # "A for X, Y, B for Z": B, right before the next cue, is its subject
        if (
            objects
            and not LIST_GLUE.fullmatch(_SUFFIX.sub("", text[objects[-1].end : mention.start]))
            and not _PLACE_ADJECTIVE_GLUE.fullmatch(text, objects[-1].end, mention.start)
        ):
            # "contains VEGF, proteases, ECM proteins, and IL-6": items no name covers, then IL-6
            gap_end = _spelled_out(text, objects[-1].end, mention)
            gap_items = unnamed_items(names, text, objects[-1].end, gap_end, kind, closed=True)
            if gap_items is None:
                break  # "reduces IL-6 in arthritis": only a list goes on naming objects
            objects.extend(gap_items)
        objects.append(whole_item(names, text, mention))
        if len(objects) >= MAX_OBJECTS:
            break
    if objects and kind != "functions" and len(objects) < MAX_OBJECTS:
        # "... IL-10, IL-11, Activin A, and SMAD proteins.": the list goes on to its end
        tail = unnamed_items(names, text, objects[-1].end, stop, kind, closed=False) or []
        if tail and CUE.match(text, stop) and not text[tail[-1].end : stop].strip():
            tail.pop()  # "..., JAK/STAT signaling for expression of": the next cue's subject
        objects.extend(tail)
    if objects and kind in SIGNED | {"improves"}:
        objects.extend(_joined_phrase(names, text, objects[-1], mentions, stop))
    if kind == "functions":
        objects = list_items(names, text, cue.end(), stop)
    if not objects and not after and kind in SIGNED | {"improves"}:
        # no name after a signed cue: the words that follow it, proposed as a new entity
        objects = phrase_objects(names, text, noun_cue_end(text, cue), stop)
    elif after and kind in SIGNED | {"improves"} and (not objects or objects[0] is after[0]):
        # "improve renal function by adjusting X": the words right after the cue, before a name
        first = phrase_before(names, text, noun_cue_end(text, cue), after[0].start)
        if first is not None:  # "improve X by adjusting Y": Y is the means clause's, no object
            gap = text[first.end : objects[0].start] if objects else ""
            objects = [first] if re.search(r"\bby\s+\w+ing\b", gap) else [first, *objects]
            where = names.type_of(objects[1].entity) if len(objects) > 1 else None
            if where in _PLACE_TYPES and _IN_PLACE.fullmatch(gap):
                # "promote autophagy in microglia": the cells are where it happens, no object
                objects = [first, *objects[2:]]
            objects = _shared_forward(names, text, objects)
    if kind in SIGNED | {"improves"} and objects:
        # "improve A by adjusting X, as well as B by controlling Y": B is the cue's object too
        objects = objects + _parallel_means_objects(names, mentions, text, objects[-1].end)
    return objects


def _subjects_by_kind(
    sentence: _Sentence, span: _CueSpan, kind: str, subjects: list[Mention]
) -> tuple[str, list[Mention]]:
    """Return the kind and subjects of an active cue, the subjects narrowed to what the kind allows.

    Some cues take only the name right before them ("Akt signaling for
    expression of X", "CCI, a model of X"); what carries is a preparation or
    a cell, and a process that releases raises instead.
    """
    names, text, mentions = sentence.names, sentence.text, sentence.given.mentions
    cue, before = span.cue, span.before
    if kind == "expression-of":  # "Akt signaling for expression of X": the name right before
        subjects = [m for m in mentions if m.end <= cue.start() and not text[m.end : cue.start()].strip()]
    if kind in ("model-of", "marker-of"):  # "CCI, a model of X": only what stands right before
        near = [mentions[i] for i in before if len(text[mentions[i].end : cue.start()]) <= 12]
        subjects = near[-1:]
    if kind == "including" and not any(names.type_of(m.entity) in HOLDER_TYPES for m in subjects):
        subjects = []  # "cytokines including IL-6" names kinds, not contents
    if kind == "carries" and _released_by_process(names, subjects, cue):
        kind = "increases"  # "activated microglia release X": the activation raises X, holds nothing
    if kind in ("carries", "detected"):
        # what carries or secretes is a preparation or a cell: "they ... by secreting X" is the
        # nearest one before, else the paragraph's subject
        subjects = [m for m in subjects if names.type_of(m.entity) in _CARRIER_TYPES]
        holders = [m for m in mentions if m.end <= cue.start() and names.type_of(m.entity) in _CARRIER_TYPES]
        subjects = subjects or holders[-1:]
    noun_end = _word_end_before(text, cue) if _PARTICIPLE.fullmatch(cue.group()) else -1
    if noun_end >= 0 and not any(m.end == noun_end for m in mentions):
        subjects = []  # "the paracrine functions associated with X": the functions', no name's
    return kind, subjects


def _adjusted_ends(
    sentence: _Sentence, span: _CueSpan, kind: str, subjects: list[Mention], objects: list[Mention]
) -> tuple[str, list[Mention], list[Mention]]:
    """Return the cue's kind, subjects and objects, where the words after the cue say it is another claim.

    "Modulate the immune response" names immunomodulation, and an effect seen
    in a treated group is the treatment's, whichever way the cue was read.
    """
    names, text, mentions = sentence.names, sentence.text, sentence.given.mentions
    cue, stop, passive = span.cue, span.stop, span.passive
    immune = _immune_modulation(names, text, cue) if kind == "acts-on" and not passive else None
    if immune is not None:  # "their ability to modulate the immune response": immunomodulation
        kind, objects = "associated-with", [immune]
    if kind in SIGNED | {"improves"} and not passive:
        # "greater expression of X in the ADSCs treated group": the group's treatment did it
        treated = _treated_group(names, mentions, text, cue.end(), stop)
        if treated is not None:
            subjects = [treated]
            objects = [m for m in objects if m != treated]
            when = _WHEN_TREATED.search(text, cue.end(), treated.start)
            if when is not None and all(m.end <= when.start() for m in objects):
                # "a cell line showed increased A, B, and C when treated with X": the phrases before
                objects = phrase_objects(names, text, noun_cue_end(text, cue), when.start())
    return kind, subjects, objects


def _add_pair_claims(
    names: Names,
    found: list[_Found],
    span: _CueSpan,
    kind: str,
    subjects: list[Mention],
    objects: list[Mention],
) -> None:
    """Add the cue's claim of each subject on each object to ``found``, where the two ends can hold it."""
    cue, passive = span.cue, span.passive
    for subject in subjects:
        for obj in objects:
            predicate = predicate_for(kind, names.type_of(obj.entity), names.type_of(subject.entity))
            holder, held = names.type_of(subject.entity), names.type_of(obj.entity)
            if kind == "differentiates-into":  # "MSCs differentiate into osteoblasts": they come from MSCs
                found.append((obj, "derived-from", subject, cue))
            elif (
                (passive or holder is EntityType.MSC_SOURCE)
                and kind == "carries"
                and held is EntityType.SECRETOME_COMPONENT
            ):
                # "the secretome released by MSCs", "MSCs release a medium": it comes from the cells
                found.append((obj, "derived-from", subject, cue))
            elif predicate is not None:
                found.append((subject, predicate, obj, cue))


def _add_carried_claims(
    sentence: _Sentence,
    reading: _Reading,
    span: _CueSpan,
    kind: str,
    subjects: list[Mention],
    objects: list[Mention],
) -> None:
    """Add to ``reading.found`` the claims of a cue with objects and no subject: the paragraph's subject's.

    Only where the sentence names no one before the cue: an event named as a
    noun ("the increase of X"), a place where a change was seen, or a
    reporting phrase is no subject, while "This was accompanied by" names the
    effect before.
    """
    names, text, mentions, carried, both = (
        sentence.names,
        sentence.text,
        sentence.given.mentions,
        sentence.carried,
        sentence.both,
    )
    cue, before, passive = span.cue, span.before, span.passive
    previous_end, found = reading.previous_end, reading.found
    # "the increase of X": an event named as a noun, not an effect of the paragraph's subject
    unnamed = _unnamed_subject(text[previous_end : cue.start()]) or bool(
        re.search(r"\b(?:the|an?|this|its|their)\s+$", text[: cue.start()], re.I)
    )
    if both and not previous_end:  # "Both the treatments reduced X": they are named, as a pair
        unnamed = _unnamed_subject(text[both.end() : cue.start()])
    if unnamed and _ACCOMPANYING.fullmatch(text, 0, cue.start()):
        # "X reduced Y. This was accompanied by a decrease in Z": the change came with the effect before,
        # so it is the paragraph's subject's
        unnamed = False
    if before and _seen_in(names, mentions, text, previous_end, cue):
        # "the remnant kidneys displayed lesser fibrosis": where the change was seen, not who made it
        before, unnamed = [], False
    holder_carried = carried is not None and names.type_of(carried) in HOLDER_TYPES
    if kind == "detected" and not subjects and objects and holder_carried and not before:
        # "The secretome of X ... Y and collaborators confirmed the presence of VEGF": found in it
        found.extend((None, "carries", obj, cue) for obj in objects)
    elif not subjects and objects and carried is not None and not passive and not before and not unnamed:
        # "The group treated with X ... It displayed reduced Y": signed effects only, never contents
        for obj in objects:
            predicate = predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
            if predicate in SIGNED:
                found.append((None, predicate, obj, cue))


def _construction_claims(
    names: Names,
    text: str,
    given: _Mentions,
    found: list[_Found],
    listed: list[tuple[int, int, list[Mention]]],
    carried: str | None,
) -> list[_Found]:
    """Return the cues' claims with those the sentence's fixed constructions state beside the cues.

    Some claims need no cue word between two names: an anti-kind or an
    effect adjective ("anti-fibrotic effects of X"), a model's name ("a rat
    model of X"), a means or a result clause, "the effects of X on Y". Some of
    them read the cues' claims (a means clause says what its objects do to
    the cue's objects), so they come after the cues; ``listed`` holds the
    spans of the lists of functions the cues read, with their owners, and
    ``carried`` owns an effect the sentence gives no owner of its own.
    """
    mentions, sourced, appositions = given.mentions, given.sourced, given.appositions
    found.extend(appositions)
    found.extend(sourced)
    for match, entity, noun in find_anti(names, mentions, text):
        entity = anti_in(names, mentions, text, match, entity)
        target = Mention(entity, match.start(), match.end())
        predicate = "ameliorates" if names.type_of(entity) in DISEASE_TYPES else "decreases"
        owners = [subjects for start, end, subjects in listed if start <= match.start() <= end]
        if owners:  # "functions, which include survival, antiapoptosis ...": the functions' owner's
            found.extend((owner, predicate, target, match) for owner in owners[0])
            continue
        if noun:  # "antiapoptosis" outside a list of functions: whose, the sentence does not say
            continue
        # "the anti-fibrotic effects of X": X has them; else what was given, else the nearest name before
        owner = _OWNER.match(text, match.end())
        anti_subjects = effect_owner(names, mentions, text, match.start(), owner.end() if owner else -1)
        if anti_subjects:
            found.extend((anti_subject, predicate, target, match) for anti_subject in anti_subjects)
        elif carried is not None:
            found.append((None, predicate, target, match))
    for mention in mentions:
        modelled = find_modelled(names, text, mention)
        if modelled is not None:  # "a rat model of muscle atrophy": a model of muscle atrophy
            span = ANY.match(text, mention.start, mention.end)
            if span is not None:
                found.append((mention, "model-of", Mention(modelled, mention.start, mention.end), span))
    for span, entity, predicate in adjective_effects(names, mentions, text):
        # "the neuroprotective effects of X", "X has immunomodulatory properties": X's, as for anti-effects
        of = _OF.match(text, span.end())
        owners_of = (None if of else means_effect_owner(text, span.start(), found)) or effect_owner(
            names, mentions, text, span.start(), of.end() if of else -1
        )
        target = Mention(entity, span.start(), span.end())
        if owners_of:
            found.extend((owner_of, predicate, target, span) for owner_of in owners_of)
        elif carried is not None and predicate in SIGNED:
            found.append((None, predicate, target, span))
    found = resting_states(names, text, _noun_cue_agents(names, mentions, text, found))
    found.extend(
        respective_markers(names, mentions, text)
        + change_reversed(names, mentions, text)
        + isolation_from(names, mentions, text)
        + delivered_cargo(names, mentions, text)
        + _framed_changes(names, mentions, text)
        + _modelled_in(names, mentions, text)
    )
    found.extend(
        means_claims(names, text, found)
        + result_claims(names, text, found)
        + joined_causes(names, text, found)
    )
    # "the stimulating effects of X on Y": signed, so no unsigned "effects of X on Y" beside it
    found.extend(signed_effects_on(names, mentions, text))
    found.extend(changed_effects(names, mentions, text, found))
    found.extend(ranged_examples(names, mentions, text, found))
    pairs = {(said.entity, obj.entity) for said, _predicate, obj, _cue in found if said is not None}
    found.extend(
        relation
        for relation in stated_relations(names, mentions, text)
        + good_effects_in(names, mentions, text)
        + linked_in_examples(names, mentions, text)
        if relation[0] is not None and (relation[0].entity, relation[2].entity) not in pairs
    )
    return found


def _write_claims(
    names: Names,
    text: str,
    given: _Mentions,
    found: list[_Found],
    unsaid: Sequence[str | None],
    place: Callable[[str], DraftEvidence],
    draft: Draft,
    seed_text: str,
) -> None:
    """Add to the draft each claim found that can hold, with its quote, basis and context.

    This is the one place the draft grows, so the checks that hold for every
    claim, whatever rule read it, are made here: an anaphor stands for each
    entity it names again, a claim with no subject of its own is the
    paragraph's (``unsaid``: its subject, or the pair "both treatments"
    names), a pronoun is never an object, ends that cannot hold the predicate
    give nothing, and a quote that is not verbatim in ``seed_text`` is dropped
    (counted in the draft), never mended.
    """
    mentions, expand, pronouns = given.mentions, given.expand, given.pronouns
    hedged = bool(HEDGE.search(text))
    claims = [
        (said, predicate, Mention(obj_id, obj.start, obj.end), cue, subject_id)
        for said, predicate, obj, cue in found
        if (obj.start, obj.end) not in pronouns
        for subject_id in (expand.get((said.start, said.end), [said.entity]) if said is not None else unsaid)
        for obj_id in expand.get((obj.start, obj.end), [obj.entity])
    ]
    for said, predicate, obj, cue, subject_id in claims:
        if subject_id is None or subject_id == obj.entity:
            continue
        if not _fits(names.type_of(subject_id), predicate, names.type_of(obj.entity)):
            continue  # "MSCs derived from human umbilical cord MSCs", "rat model of ... conditioned medium"
        if not _can_act(names.type_of(subject_id), predicate):
            continue  # "In a study involving osteoarthritis, CM downregulated X": the disease did nothing
        if obj.entity.startswith(f"{subject_id}-") and names.type_of(subject_id) is EntityType.CELL_TYPE:
            continue  # "microglia" and "microglia activation": the cells' own process, no claim of theirs
        ends = [obj] if said is None else [said, obj]
        start = min(*(m.start for m in ends), cue.start())
        end = max(*(m.end for m in ends), cue.end())
        quote = text[start:end]
        if quote not in seed_text:
            draft.dropped_quotes += 1
            continue
        evidence = place(quote)
        if hedged and evidence.basis == "stated":
            evidence.basis = "hedged"
        evidence.context = _context(names, mentions, {subject_id, obj.entity}, text)
        draft.add(subject_id, predicate, obj.entity, evidence)


def _named_in_order(given: _Mentions, found: list[_Found]) -> tuple[list[str], list[str]]:
    """Return the entities the sentence's claims have as objects, and every entity it names, in its order.

    The next sentence reads its anaphors against them: "these factors" names
    the objects again, "the latter" the last thing named.
    """
    mentions, expand = given.mentions, given.expand
    objects = [obj for _said, _predicate, obj, _cue in found]
    objects.sort(key=lambda obj: obj.start)  # in the text's order: "the latter" names the last
    named = [entity for obj in objects for entity in expand.get((obj.start, obj.end), [obj.entity])]
    # what the sentence names, objects no name covered too, in its order: the last is what "the latter" names
    spoken = sorted({(m.start, m.end, m.entity) for m in [*mentions, *objects]})
    return named, [entity for *_, entity in spoken]


def _sentence_mentions(
    names: Names,
    text: str,
    carried: str | None,
    topic: str | None,
    referents: Sequence[str],
    named_before: Sequence[str],
) -> _Mentions:
    """Return the names the sentence gives, as its cues will read them.

    The resolver's names are only where reading starts: shared words make
    names of their own ("bone and cartilage defects"), a general name may name
    again a kind named before ("the secretome"), "their secretions", "a
    conditioned secretome", a species' or a source's kind of MSCs are one name
    each, and anaphors ("they", "these factors", "the latter") stand for what
    they name again. The claims some of these names state by themselves (a
    kind's source, an anti-kind's apposition) are returned with them, and
    added after the cues' claims.
    """
    mentions = _their_secretions(
        names,
        _kinds_named_before(names, _shared_words(names, names.scan(text), text), text, named_before),
        text,
    )
    mentions = _conditioned_secretome(names, mentions, text)
    mentions = _species_kinds(names, mentions, text)
    mentions, sourced = _source_kinds(names, mentions, text)
    first_agents = [m.entity for m in mentions if names.type_of(m.entity) in AGENT_TYPES]
    expand: dict[tuple[int, int], list[str]] = {}
    pronouns: set[tuple[int, int]] = set()
    mentions = _anaphors(names, mentions, text, topic or carried, referents, expand, pronouns, named_before)
    mentions, latter = _latter(mentions, text, referents, named_before)
    mentions, appositions = anti_appositions(names, mentions, text)
    return _Mentions(mentions, first_agents, expand, pronouns, latter, sourced, appositions)


def _claim_cues(text: str, mentions: list[Mention]) -> list[re.Match[str]]:
    """Return the cues that state a claim of their own, in the text's order.

    Not every cue word is a verb whose subject does something: a negated cue
    states nothing, a participle after a determiner describes its noun, and a
    change joined to the verb cue before it ("reducing X and the associated
    increase in Y") is more of that cue's objects.
    """
    # a cue word inside a name ("Macrophage Stimulating Protein") is part of the name, not a cue
    cues = [
        m
        for m in CUE.finditer(text)
        if not NEGATION.search(text[: m.start()])
        and not _ATTRIBUTIVE.search(text[: m.start()] + m.group())
        and not (cue_name(m) == "marker-of" and _MARKERS_AFTER_OF.search(text, 0, m.start()))
        and not any(n.start <= m.start() and m.end() <= n.end for n in mentions)
    ]
    return [m for k, m in enumerate(cues) if not (k and joined_change(text, cues[k - 1], m))]


# "The latter is mediated by X", "the former reduced Y": the last (first) thing the sentence before named;
# "the latter group (study)" names a kind of its own, so only a verb or a punctuation mark may follow
_LATTER = re.compile(
    r"\bthe\s+(?P<which>latter|former)(?=\s*[,;.)]|\s+(?:is|are|was|were|has|have|had|can|could|may|might|"
    r"would|will|also|in\s+turn|[a-z]+ed)\b)",
    re.I,
)


def _latter(
    mentions: list[Mention], text: str, referents: Sequence[str], named_before: Sequence[str]
) -> tuple[list[Mention], set[tuple[int, int]]]:
    """Return the mentions with "the latter" ("the former") naming what the sentence before named last.

    What the sentence before said something of, its objects, in the text's
    order (``referents``), else any name it gave (``named_before``): "X acts
    by neutralizing Y and by immunosuppressive effect. The latter is mediated
    by A": immunosuppression; "the former" names the first. The anaphors'
    spans are returned too.
    """
    pool = list(referents) or list(named_before)
    found = [
        Mention(pool[-1] if match.group("which").lower() == "latter" else pool[0], match.start(), match.end())
        for match in (_LATTER.finditer(text) if pool else ())
    ]
    if not found:
        return mentions, set()
    kept = [m for m in mentions if not any(a.start < m.end and m.start < a.end for a in found)]
    return sorted(kept + found, key=lambda m: m.start), {(m.start, m.end) for m in found}


def _anaphors(
    names: Names,
    mentions: list[Mention],
    text: str,
    carried: str | None,
    referents: Sequence[str],
    expand: dict[tuple[int, int], list[str]],
    subjects: set[tuple[int, int]],
    named_before: Sequence[str] = (),
) -> list[Mention]:
    """Return the mentions with each anaphor standing for what it names again.

    A pronoun or "this/these + cells, medium, secretome, therapy" names a
    subject again: the nearest preparation, cell or factor named before it in
    the sentence, else what the sentence before named first, else the
    paragraph's subject so far (``carried``: the caller passes the first it
    has); a singular "it" names the preparation among ``named_before`` (the
    sentence before's names) first, where there is one; "It is
    thought that ..." names nothing. "These/those/both/such + a kind of
    molecule" names the previous sentence's objects (``referents``): the
    anaphor becomes one
    mention, and ``expand`` maps its span to every entity it stands for, so
    "the increase of both receptors is inhibited by X" is a claim on each
    receptor. A pronoun's span goes in ``subjects``: it is the subject of
    what follows, never an object. An anaphor that overlaps a name ("these growth factors")
    replaces it; an anaphor with nothing to name is left alone.
    """
    found: list[Mention] = []
    for match in _ANAPHOR_OBJECTS.finditer(text):
        named = list(referents)
        if named:
            found.append(Mention(named[0], match.start(), match.end()))
            expand[(match.start(), match.end())] = named
    said: dict[str, str] = {}  # pronoun → what it named first in this sentence
    for match in _ANAPHOR_SUBJECT.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        before = [m for m in mentions if m.end <= match.start() and names.type_of(m.entity) in AGENT_TYPES]
        named_id = before[0].entity if before else carried
        pronoun = match.group().lower()
        if not before and pronoun == "it":
            # "... validated conditioned media's action. It had increased X": a singular "it" names the
            # preparation the sentence before named, where it named one, before any factor or cell
            preparations = [e for e in named_before if names.type_of(e) is EntityType.SECRETOME_COMPONENT]
            named_id = preparations[0] if preparations else named_id
        if pronoun in ("it", "they") and pronoun in said:
            # "it had increased the gene X, suggesting that it has anti-apoptotic properties": the same
            # pronoun again in one sentence names the same thing, not the object named in between
            named_id = said[pronoun]
        if named_id is not None:
            said.setdefault(pronoun, named_id)
            found.append(Mention(named_id, match.start(), match.end()))
            subjects.add((match.start(), match.end()))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(a.start < m.end and m.start < a.end for a in found)]
    return sorted(kept + found, key=lambda m: m.start)
