"""Effects named by adjectives (anti-X, pro-X, a process adjective before "effect") and whose they are."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msc_graph.curation.drafting.lexicon import CUE, DISEASE_TYPES
from msc_graph.curation.drafting.mentions import (
    ADJECTIVE_NOUNS,
    CONTEXT_KINDS,
    Names,
    find_modelled,
    guess_type,
)
from msc_graph.curation.drafting.phrases import ANTI, list_run
from msc_graph.curation.drafting.records import Mention
from msc_graph.model import FACTOR_TYPES, EntityType

# What was given, in a sentence that reports its effects ("the group treated with X displayed ...").
_AGENT = re.compile(
    r"\b(?:treated with|treatment with|administration of|injection of|delivery of|delivering|"
    r"application of|applying|transplantation of|infusion of)\s+(?:the\s+|an?\s+)?",
    re.I,
)
# What an anti-adjective names a kind of, right after it ("anti-inflammatory cytokines", "M2 macrophages").
_KIND_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:cytokines|factors|proteins|molecules|mediators|agents|drugs|macrophages|"
    r"phenotypes?|cells|compounds|substances)\b",
    re.I,
)
# "X are multipotent adult Y": what stands after the copula names X again.
_COPULA = re.compile(r"\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,4}", re.I)
CLAUSE_STOP = re.compile(r";|, (?:which|whereas|while|but)\b|\b(?:whereas|although)\b")
AGENT_TYPES = FACTOR_TYPES | {
    EntityType.MSC_SOURCE,
    EntityType.SECRETOME_COMPONENT,
    EntityType.PATHWAY,
    EntityType.CELL_TYPE,
    EntityType.CELL_PREPARATION,
}


def subject_for(names: Names, mentions: list[Mention], index: int, text: str) -> Mention:
    """Return the subject at ``mentions[index]``, or what it stands for in the sentence.

    "the secretome of human adipose-derived MSCs reduces ..." is the
    secretome's claim, the MSC source its context; in "MSCs are adult stem
    cells that can be isolated from ..." the stem cells are the MSCs.
    """
    mention = mentions[index]
    if index == 0:
        return mention
    before = mentions[index - 1]
    if _COPULA.fullmatch(text[before.end : mention.start]):
        return subject_for(names, mentions, index - 1, text)
    source = names.type_of(mention.entity) in (EntityType.MSC_SOURCE, EntityType.CELL_SOURCE)
    # "secretome from CD34+ stem cells": whatever cells a preparation comes from, the claim is its own
    made = re.fullmatch(
        r"\s+(?:from|of|derived from|obtained from)\s+(?:the\s+)?\S*\s*", text[before.end : mention.start]
    )
    if (source or made) and names.type_of(before.entity) is EntityType.SECRETOME_COMPONENT:
        return before
    return mention


def find_agent(names: Names, mentions: list[Mention], text: str, before: int) -> Mention | None:
    """Return what the sentence says was given ("treated with X", "delivery of X") before ``before``."""
    for match in _AGENT.finditer(text, 0, before):
        for mention in mentions:
            near = match.end() <= mention.start <= match.end() + 12 and mention.end <= before
            if near and names.type_of(mention.entity) not in CONTEXT_KINDS:
                return mention
    return None


def find_anti(names: Names, mentions: list[Mention], text: str) -> Iterator[tuple[re.Match[str], str, bool]]:
    """Yield each "anti-X" word naming a known X ("antiapoptotic" → apoptosis) outside any mention.

    The flag says the word is a noun ("antiapoptosis", "anti-inflammation"): an item of a list of
    functions, never an adjective of the name before.
    """
    for match in ANTI.finditer(text):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        if _KIND_AFTER.match(text, match.end()):
            continue  # "anti-inflammatory cytokines", "anti-apoptotic proteins": a kind, no claim
        stem = match.group(1).lower()
        itself = names.lookup(stem)  # a noun: "antiapoptosis", "anti-inflammation"
        if itself:
            yield match, itself, True
            continue
        for ending, noun in ADJECTIVE_NOUNS:
            if stem.endswith(ending):
                found = names.lookup(stem[: len(stem) - len(ending)] + noun)
                if found:
                    yield match, found, False
                    break
        else:
            proposed = _anti_proposed(names, text, match)
            if proposed is not None:
                yield match, proposed, False


# What an "anti-" word no name covers opposes, by its ending, where the noun is plain: the "-ic"
# adjectives are left out ("allodynic" is allodynia, "allergic" allergy: the noun cannot be told from
# the ending; :func:`_spelled_noun` tells it from the seed's own words).
_ANTI_PROPOSED_NOUNS = [(e, n) for e, n in ADJECTIVE_NOUNS if e not in {"ic", "al", "idant"}]
_ANTI_NOUN = re.compile(r"(?:ity|osis|esis|ion)$")


def _anti_proposed(names: Names, text: str, match: re.Match[str]) -> str | None:
    """Propose what an "anti-" word before an effect noun opposes where no name covers it, or None.

    "the anti-obesity effects of X", "antinociceptive effects": the word
    says what the effects are against as plainly as for a known name, so
    the noun ("obesity"; "nociception" by the adjective's ending) is
    proposed. Only before an effect, a property or an action, where the
    word is surely an adjective of what it opposes, and only for endings
    that turn into one noun.
    """
    if not _EFFECT_AFTER.match(text, match.end()):
        return None
    stem = match.group(1).lower()
    noun = stem if _ANTI_NOUN.search(stem) else None
    for ending, replacement in _ANTI_PROPOSED_NOUNS if noun is None else ():
        if stem.endswith(ending) and len(stem) > len(ending) + 3:
            noun = stem[: len(stem) - len(ending)] + replacement
            break
    noun = noun or _spelled_noun(names, stem)
    if noun is None:
        return None
    return names.propose(noun, guess_type(noun, EntityType.PROCESS))


def _spelled_noun(names: Names, stem: str) -> str | None:
    """Return the noun of an "-ic" adjective that the seed itself writes, where only one of them is.

    "anti-allodynic" opposes allodynia, "anti-allergic" allergy: the ending
    cannot tell "-ia" from "-y", but a review that writes "allodynia"
    elsewhere says which it means.
    """
    if not stem.endswith("ic") or len(stem) < 7:
        return None
    spelled = [noun for noun in (stem[:-2] + "ia", stem[:-2] + "y") if noun in names.spelled]
    return spelled[0] if len(spelled) == 1 else None


def anti_appositions(
    names: Names, mentions: list[Mention], text: str
) -> tuple[list[Mention], list[tuple[Mention | None, str, Mention, re.Match[str]]]]:
    """Return the mentions without an anti-kind standing right before a name, and what that name does.

    "increased the anti-apoptotic gene Bcl2": the kind ("anti-apoptotic
    gene") only says what Bcl2 is, so it is no object of its own, and Bcl2,
    being anti-apoptotic, lowers apoptosis.
    """
    kept: list[Mention] = []
    claims: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for index, mention in enumerate(mentions):
        word = ANTI.match(text, mention.start)
        named = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            word is None
            or named is None
            or text[mention.end : named.start] != " "
            or names.type_of(mention.entity) not in FACTOR_TYPES
            or names.type_of(named.entity) not in FACTOR_TYPES
        ):
            kept.append(mention)
            continue
        opposed = next((e for m, e, _noun in find_anti(names, [], text[mention.start : word.end()])), None)
        span = ANY.match(text, mention.start, named.end)
        if opposed is None or span is None:
            kept.append(mention)
            continue
        target = Mention(opposed, mention.start, word.end())
        predicate = "ameliorates" if names.type_of(opposed) in DISEASE_TYPES else "decreases"
        claims.append((named, predicate, target, span))
    return kept, claims


def anti_in(names: Names, mentions: list[Mention], text: str, match: re.Match[str], entity: str) -> str:
    """Return the disease an anti-effect is said to hold in, where it is a kind of what the word opposes.

    "antinociceptive effects in neuropathic pain": the effect is against
    neuropathic pain, a pain the sentence names, not pain in general.
    """
    kind = names.type_of(entity)
    if kind not in DISEASE_TYPES:
        return entity
    word = text[match.start() : match.end()].lower()
    for mention in mentions:
        if mention.start < match.end() or names.type_of(mention.entity) not in DISEASE_TYPES:
            continue
        between = text[match.end() : mention.start]
        modelled = find_modelled(names, text, mention)  # "in a mouse model of X": against X, not the model
        article = r"(?:an?\s+|the\s+)?" if modelled is not None else r"(?:the\s+)?"
        if len(between) > 60 or not re.search(rf"\bin\s+{article}$", between) or CUE.search(between):
            continue
        named = text[mention.start : mention.end].lower().split()
        label = (
            names.entities[entity].label
            if entity in names.entities
            else names.proposed.get(entity, {}).get("label", "")
        ).lower()
        if label and label.split()[-1] in named and label.split()[-1] not in word:
            return modelled or mention.entity
    return entity


# What an adjective of a process qualifies: an effect raises the process, a property or function is
# associated with it ("neuroprotective and antinociceptive effects", "immunomodulatory properties").
_EFFECT_AFTER = re.compile(
    r"(?:\s*,?\s+(?:and|or)\s+[\w-]+)?\s+(?:(?P<effect>effects?|actions?)|properties|functions?|"
    r"activit(?:y|ies))\b",
    re.I,
)
_EFFECT_ADJECTIVE = re.compile(r"[a-z-]+(?:ive|atory|otic|etic|genic)", re.I)
_ADJECTIVE_WORD = re.compile(r"(?<![-\w])(?:(?P<pro>pro)-)?(?P<stem>[a-z]{5,})(?![-\w])", re.I)


def adjective_effects(
    names: Names, mentions: list[Mention], text: str
) -> Iterator[tuple[re.Match[str], str, str]]:
    """Yield (span, process, predicate) for each adjective of a process before an effect noun.

    "neuroprotective effects" are effects that raise neuroprotection,
    "pro-nociceptive effects" raise nociception, "immunomodulatory
    properties" are associated with immunomodulation: the adjective is
    turned into its noun by its ending (as for "anti-" words, which
    :func:`find_anti` reads) or is itself a name of the process. The span runs
    from the adjective to the effect noun.
    """
    for word in _ADJECTIVE_WORD.finditer(text):
        if word.group().lower().startswith("anti"):
            continue
        after = _EFFECT_AFTER.match(text, word.end())
        if after is None:
            continue
        covering = [m for m in mentions if m.start <= word.start() < m.end]
        entity: str | None = None
        pro = bool(word.group("pro"))
        if covering:
            # "immunosuppressive effect" as one name of the process is that effect, as its adjective is
            whole = (
                (word.start(), after.end())
                if after.group("effect") and _EFFECT_ADJECTIVE.fullmatch(word.group())
                else None
            )
            if (covering[0].start, covering[0].end) not in (word.span(), whole):
                continue  # a longer name ("anti-inflammatory effect" as one entity) is no adjective
            entity = covering[0].entity
        else:
            stem = word.group("stem").lower()
            for candidate, prefixed in (
                (stem, pro),
                (stem[3:], True) if stem.startswith("pro") else ("", pro),
            ):
                for ending, noun in ADJECTIVE_NOUNS:
                    if candidate.endswith(ending) and len(candidate) > len(ending) + 3:
                        entity = names.lookup(candidate[: len(candidate) - len(ending)] + noun)
                        if entity:
                            break
                if entity:
                    pro = prefixed
                    break
            if entity is None and not pro:  # "immunosuppressive effect": immunosuppression, proposed
                entity = _combined_process(names, stem, text[word.start() : after.end()])
        if entity is None or names.type_of(entity) not in DISEASE_TYPES | {EntityType.PROCESS}:
            continue
        predicate = "increases" if after.group("effect") or pro else "associated-with"
        span = ANY.match(text, word.start(), after.end())
        if span is not None:
            yield span, entity, predicate


ANY = re.compile(r".+", re.S)
# A combining form of a tissue, a system or a cell and an ending that turns plainly into a noun of a process:
# "immunosuppressive" is immunosuppression, "chondroprotective" chondroprotection, "osteoinductive"
# osteoinduction. A plain "-ive" adjective ("protective", "selective", "additive") says how, not what.
_COMBINED_ADJECTIVE = re.compile(
    r"(?P<form>immuno|neuro|cyto|osteo|chondro|cardio|angio|myo|hepato|nephro|vaso|teno)"
    r"(?P<rest>[a-z]{4,}?)(?P<ending>ative|atory|ive)",
    re.I,
)


def _combined_process(names: Names, stem: str, phrase: str) -> str | None:
    """Propose the process a combined adjective no name covers names before an effect noun, or None.

    "immunosuppressive effect": immunosuppression (the phrase a synonym),
    as "immunomodulatory properties" is immunomodulation; "-ative" and
    "-ive" read as "-ation" and "-ion", "-atory" as "-ation".
    """
    match = _COMBINED_ADJECTIVE.fullmatch(stem)
    if match is None:
        return None
    ending = match.group("ending").lower()
    noun = stem[: match.start("ending")] + ("ion" if ending == "ive" else "ation")
    return names.lookup(noun) or names.propose(noun.lower(), EntityType.PROCESS, [phrase])


# "attenuates X by two mechanisms: by neutralizing Y and secondly by immunosuppressive effect": an
# effect named right after a means "by" is the clause subject's
_BY_EFFECT = re.compile(r"\b(?:by|through|via)\s+(?:(?:its|their|an?|the)\s+)?$", re.I)


def means_effect_owner(
    text: str, start: int, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[Mention]:
    """Return whose an effect named after a means "by" at ``start`` is: the clause's subject, or none.

    "X attenuated tissue damage by neutralizing Y and secondly by
    immunosuppressive effect": the effect is how X did it, so it is X's,
    not the nearest name's before it (Y). The subject is that of the last
    claim whose cue stands before the effect, in the same clause.
    """
    if not _BY_EFFECT.search(text, 0, start):
        return []
    earlier = [said for said, _p, _o, cue in found if said is not None and cue.end() <= start]
    if not earlier or CLAUSE_STOP.search(text, earlier[-1].end, start):
        return []
    return earlier[-1:]


def effect_owner(
    names: Names, mentions: list[Mention], text: str, start: int, owner_at: int
) -> list[Mention]:
    """Return whose an effect named at ``start`` is: one owner, a list's items, or none.

    "effects of X" (X at ``owner_at``); else, in a relative clause ("X and
    Y, which are known to have Z effects"), what the relative pronoun
    names (:func:`_relative_antecedents`); else what was given; else the
    nearest name before (the preparation of the cells it names, not the
    cells), or after "its" or "their" the sentence's first agent.
    """
    for m in mentions:
        if m.start == owner_at and names.type_of(m.entity) not in CONTEXT_KINDS:
            return [m]
    antecedents = _relative_antecedents(names, mentions, text, start) if owner_at < 0 else []
    if antecedents:
        return antecedents
    agent = find_agent(names, mentions, text, start)
    if agent is not None:
        return [agent]
    left = [
        i for i, m in enumerate(mentions) if m.end <= start and names.type_of(m.entity) not in CONTEXT_KINDS
    ]
    if not left:
        return []
    if re.search(r"\b(?:its|their)\s+$", text[:start], re.I):  # "X was assessed for its regenerative effects"
        doers = [i for i in left if names.type_of(mentions[i].entity) in AGENT_TYPES]
        return [subject_for(names, mentions, (doers or left)[0], text)]
    return [subject_for(names, mentions, left[-1], text)]


def _relative_antecedents(names: Names, mentions: list[Mention], text: str, start: int) -> list[Mention]:
    """Return what "which" or "that" names in a relative clause that ends at ``start``, or nothing.

    "they reported BDNF and NGF, which may exert pro-nociceptive effects":
    the relative pronoun names the whole list before it, not only its last
    item; "identified HGF and VEGF in the secretome of MSCs, which are
    known to have neuroprotective effects": a place ("in the secretome",
    "of MSCs") says where the items were, and the relative names the items
    before it, as does who made them ("secreted by MSCs"). No name of an
    agent stands between the pronoun and the effect.
    """
    relative = _RELATIVE_BEFORE.search(text, 0, start)
    inside = [m for m in mentions if relative.start() < m.end and m.start < start] if relative else []
    if relative is None or any(names.type_of(m.entity) in AGENT_TYPES for m in inside):
        return []  # "which X reduces ...": X's clause ("neuroprotective and antinociceptive" are no agents)
    left = [
        i
        for i, m in enumerate(mentions)
        if m.end <= relative.start() and names.type_of(m.entity) not in CONTEXT_KINDS
    ]
    if not left or text[mentions[left[-1]].end : relative.start()].strip(" )"):
        return []
    index = left[-1]
    while index > 0 and _PLACE_BEFORE.search(text, 0, mentions[index].start):
        index -= 1  # "in the secretome of MSCs": where, not what
    run = list_run(mentions, index, text)
    return [m for m in run if names.type_of(m.entity) not in CONTEXT_KINDS]


# "X, which are known to have ...", "X that may exert ...": a relative clause up to an effect, no name in it
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\s+)(?:which|that)\s+(?:[\w-]+\s+){0,8}$", re.I)
# "... in the secretome of MSCs", "... secreted by MSCs": a name after a place's preposition or a participle's
# agent says where they were or who made them, not what the relative names
_PLACE_BEFORE = re.compile(r"\b(?:in|of|from|\w+ed\s+by)\s+(?:the\s+)?$", re.I)
