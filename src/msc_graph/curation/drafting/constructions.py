"""Claims read from fixed constructions beside the cues: means and result clauses, markers, examples."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from msc_graph.curation.drafting.effects import AGENT_TYPES, CLAUSE_STOP, subject_for
from msc_graph.curation.drafting.lexicon import (
    CUE,
    DISEASE_TYPES,
    NEGATION,
    SIGNED,
    cue_name,
    predicate_for,
    signed_predicate,
)
from msc_graph.curation.drafting.mentions import (
    ADVERB,
    CONTEXT_KINDS,
    FUNCTION_WORD,
    PHRASE_LEAD,
    Names,
    guess_type,
)
from msc_graph.curation.drafting.phrases import joins_list, list_run, list_run_on
from msc_graph.curation.drafting.records import Mention
from msc_graph.model import FACTOR_TYPES, EntityType

QUANTITY = re.compile(
    r"\s*(?:an?\s+)?(?:\w+\s+)?(?:profusion|spectrum|range|variety|number|array|host|plethora|lot|set|"
    r"panel|mixture|cocktail|kinds?|types?|classes|family|group|series|combination)\s+of\s+(?:the\s+)?",
    re.I,
)
_MEDIUM_AFTER = re.compile(r"\)?\s*-?\s*(?:condition(?:ed)?\s+medi(?:um|a)|CM)\b", re.I)
# A change or a release named as a noun, and what joins it to the objects of a verb cue before it
_JOINED_CHANGE = re.compile(
    r"increase|decrease|reduction|elevation|upregulation|downregulation|release|production|secretion|synthesis",
    re.I,
)
_JOINED_AFTER = re.compile(
    r"[^.;:]*?\sand\s+(?:the|an?|its|their)\s+(?:(?:associated|subsequent|resulting|consequent)\s+)?", re.I
)
HOLDER_TYPES = {EntityType.SECRETOME_COMPONENT, EntityType.MSC_SOURCE, EntityType.CELL_PREPARATION}
"""What can carry factors: a preparation, the cells themselves."""


def medium_of(names: Names, mention: Mention, text: str) -> Mention:
    """Return the medium an MSC mention is the source of ("hUC-MSCs condition medium decreased"), or it."""
    if names.type_of(mention.entity) in (EntityType.MSC_SOURCE, EntityType.CELL_SOURCE):
        medium = _MEDIUM_AFTER.match(text, mention.end)
        found = names.lookup("conditioned medium") if medium else None
        if medium and found:
            return Mention(found, mention.start, medium.end())
    return mention


def complement(text: str, start: int, end: int) -> bool:
    """Return True when the name at ``end`` only completes a noun phrase that follows the cue at ``start``.

    "linked to [the therapeutic actions] of MSCs", "reduced [the stimulating
    effects] of IL-1β": the cue's object is the phrase no name covers, and
    the name after "of" or "between" says whose it is, so the name is no
    object of the cue. Measures ("the levels of", "expression of") are no
    such phrase: "reduced the levels of IL-6" is about IL-6.
    """
    own_of = re.match(r"\s+of\s+", text[start:end])  # a noun cue's own "of": "attenuation of X"
    if own_of:
        # "attenuation of [unknown deficits], extent of inflammation": only the last item's words count
        start += own_of.end()
        start = max(start, text.rfind(",", start, end) + 1)
    lead = PHRASE_LEAD.match(text, start, end)
    gap = text[lead.end() if lead else start : end]
    if QUANTITY.fullmatch(gap):  # "a profusion of cytokines", "a broad range of molecules": how many
        return False
    return bool(re.search(r"[A-Za-z]{3}", gap)) and bool(re.search(r"\b(?:of|between)\s+(?:the\s+)?$", gap))


# "promotes the (synthesis and) release of X": a noun of making right after a verb cue measures its object
_MADE_OF = re.compile(r"\s+the\s+(?:(?:synthesis|production|expression|secretion)\s+(?:and|or)\s+)?", re.I)
_MADE_NOUN = re.compile(r"release|production|secretion|synthesis", re.I)
# "mediate the release of X by MSCs": the noun has its own agent, who releases X
_MADE_BY = re.compile(r"\s+of\s+[^,;.()]*?\s+by\s+", re.I)


def joined_change(text: str, before: re.Match[str], cue: re.Match[str]) -> bool:
    """Return True for a change named as a noun that joins the objects of the verb cue before it.

    "thus reducing neuroinflammation and the associated increase in pain
    hypersensitivity": the increase is a second thing reduced, so the pain
    hypersensitivity is lowered, not raised by the subject; "inhibiting the
    activation of glial cells and the subsequent release of mediators": the
    release is inhibited too. A cue before that is itself a noun ("a
    decrease in X and an increase in Y") is no verb whose objects go on.
    """
    if cue_name(before) not in SIGNED or not _JOINED_CHANGE.fullmatch(cue.group()):
        return False
    if (
        _MADE_OF.fullmatch(text, before.end(), cue.start())
        and _MADE_NOUN.fullmatch(cue.group())
        and not _MADE_BY.match(text, cue.end())
    ):
        return True  # "promotes the synthesis and release of X": the release measures X, the verb's object
    if re.search(r"\b(?:a|an|the|its|their|this)\s+$", text[: before.start()], re.I):
        return False
    return bool(_JOINED_AFTER.fullmatch(text, before.end(), cue.start()))


# "reduced X by inhibiting Y": the means cue right after the main cue's objects
MEANS_BEFORE = re.compile(r"\b(?:by|through|via)\s+$", re.I)
_CUE_SIGN = {"increases": 1, "activates": 1, "decreases": -1, "inhibits": -1, "ameliorates": -1}
# "X and the associated (subsequent) increase in (release of) Y": X brings Y's change about
JOINED_CAUSE = re.compile(
    r"\s+and\s+(?:the|an?|its|their)\s+(?:associated|subsequent|resulting|consequent)\s+"
    r"(?P<change>increase|elevation|upregulation|release|production|secretion|synthesis|"
    r"decrease|reduction|downregulation|loss)\s+(?:in|of)\s+(?:the\s+)?",
    re.I,
)


def means_claims(
    names: Names, text: str, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what a means clause says its objects do to the main cue's objects ("reduced X by inhibiting Y").

    "CM attenuated pain by inhibiting the activation of microglia": lowering
    the activation is how the pain is lowered, so the activation raises the
    pain; the sign is the product of the two cues' plain signs (raising X by
    lowering Y: Y lowers X). Both cues must have the same subject and a
    plain sign; an unsigned cue on either side gives nothing. The means
    clause is the main cue's own: no other cue, colon or semicolon stands
    between them, and a cue that is itself a means gives none.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for means_subject, means_predicate, means_object, means_cue in found:
        if means_predicate not in _CUE_SIGN or not MEANS_BEFORE.search(text, 0, means_cue.start()):
            continue
        for obj, cue, sign in _clause_partners(
            text, found, means_subject, means_predicate, means_cue, MEANS_BEFORE
        ):
            derived = signed_predicate(sign, names.type_of(obj.entity), names.type_of(means_object.entity))
            extra.append((means_object, derived, obj, cue))
    return extra


def _clause_partners(
    text: str,
    found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]],
    clause_subject: Mention | None,
    clause_predicate: str,
    clause_cue: re.Match[str],
    clause_before: re.Pattern[str],
) -> Iterator[tuple[Mention, re.Match[str], int]]:
    """Yield the main claims' objects and cues a means or result clause pairs with, and the signs' product.

    The main claim has the clause's subject and a plain sign, its object
    stands between its cue and the clause's cue, and no other cue, colon or
    semicolon stands between them; a main cue that is itself such a clause
    (``clause_before`` right before it) gives none.
    """
    said = None if clause_subject is None else clause_subject.entity
    for subject, predicate, obj, cue in found:
        if (
            predicate not in _CUE_SIGN
            or cue.end() > obj.start
            or obj.end > clause_cue.start()
            or clause_before.search(text, 0, cue.start())
            or CUE.search(text, cue.end(), clause_cue.start())
            or re.search(r"[:;]", text[obj.end : clause_cue.start()])
            or (None if subject is None else subject.entity) != said
        ):
            continue
        yield obj, cue, _CUE_SIGN[predicate] * _CUE_SIGN[clause_predicate]


# "the isolation of X from Y": X derived from Y, as "X isolated from Y" is
_ISOLATION_OF = re.compile(r"\b(?:isolation|purification|extraction|separation)\s+of\s+(?:the\s+)?", re.I)
_ISOLATION_FROM = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?from\s+(?:the\s+)?", re.I)


def isolation_from(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return "the isolation (purification, extraction) of X from Y" as X derived from Y.

    The noun says what the participle says ("X isolated from Y"): X is the
    name right after its "of", Y the name right after "from", a few words
    ("by centrifugation") between them at most.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for match in _ISOLATION_OF.finditer(text):
        isolated = next((m for m in mentions if m.start == match.end()), None)
        if isolated is None:
            continue
        source = next((m for m in mentions if _ISOLATION_FROM.fullmatch(text, isolated.end, m.start)), None)
        if source is not None and names.type_of(source.entity) not in {EntityType.SPECIES, EntityType.ROUTE}:
            found.append((isolated, "derived-from", source, match))
    return found


# "exosomes delivered miR-21 to X", "as a result of delivery of miRNAs, such as miR-494": what is delivered
_DELIVERED = re.compile(r"(?<![\w-])deliver(?:s|ed|ing|y\s+of)\s+(?:the\s+)?", re.I)
_CARGO_TYPES = FACTOR_TYPES | {EntityType.MICRORNA}


def delivered_cargo(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return "vesicles delivered A (and B)", "the delivery of A, such as B" as the vesicles carrying each.

    What a preparation delivers, it carries: the molecules right after the
    verb (or after "delivery of") and the list or the examples they begin
    are cargo of the nearest preparation named before in the sentence. A
    preparation or cells delivered ("delivery of the conditioned medium")
    are given, no cargo; a negated verb gives nothing.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for match in _DELIVERED.finditer(text):
        if NEGATION.search(text[: match.start()]):
            continue
        carrier = next(
            (
                m
                for m in reversed(mentions)
                if m.end <= match.start() and names.type_of(m.entity) is EntityType.SECRETOME_COMPONENT
            ),
            None,
        )
        first = next((m for m in mentions if m.start == match.end()), None)
        if carrier is None or first is None:
            continue
        cargo = list_run_on(mentions[mentions.index(first) :], text, examples=True)
        found.extend(
            (carrier, "carries", item, match) for item in cargo if names.type_of(item.entity) in _CARGO_TYPES
        )
    return found


# "microglia and astrocytic markers (Iba1/CD68 or GFAP, respectively)": markers paired with their cells
_RESPECTIVE = re.compile(
    r"(?P<cells>(?:[A-Za-z][\w-]*(?:,\s*|\s+(?:and|or)\s+)){1,4}[A-Za-z][\w-]*)\s+markers\s*"
    r"\((?P<groups>[^()]*?),\s*respectively\s*\)",
    re.I,
)
_RESPECTIVE_GLUE = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)


def respective_markers(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return "A and B markers (X/Y or Z, respectively)" as X and Y markers of A, Z a marker of B.

    "respectively" pairs the groups in the parentheses with the words
    before "markers" in order; each word is a cell type or its adjective
    ("astrocytic": astrocytes, see :meth:`Names.cells_of`), each group one
    or more names (a slash gives alternatives). Where the counts differ or
    a word names no cells, the sentence says nothing this rule can read.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for match in _RESPECTIVE.finditer(text):
        pieces = _RESPECTIVE_GLUE.split(match.group("cells"))
        offset = match.start("cells")
        cells: list[Mention] = []
        position = 0
        for piece in pieces:
            piece = re.sub(r"^(?:both|either)\s+", "", piece.strip(), flags=re.I)
            at = match.group("cells").find(piece, position)
            position = at + len(piece)
            cell = names.cells_of(piece) if " " not in piece else None
            if cell is None:
                cells = []
                break
            cells.append(Mention(cell, offset + at, offset + position))
        groups: list[list[Mention]] = []
        start = match.start("groups")
        for glue in [*_RESPECTIVE_GLUE.finditer(text, start, match.end("groups")), None]:
            end = glue.start() if glue is not None else match.end("groups")
            groups.append([m for m in mentions if start <= m.start and m.end <= end])
            start = glue.end() if glue is not None else end
        if not cells or len(cells) != len(groups) or not all(groups):
            continue
        for owner, group in zip(cells, groups, strict=True):
            found.extend((marker, "marker-of", owner, match) for marker in group)
    return found


# "this upregulation was reduced following the delivery of X": X lowers what the sentence said was raised
_CHANGE_REVERSED = re.compile(
    r"\b(?:this|the|such|these)\s+(?:up-?regulation|increase|elevation|over-?expression)s?\s+"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:reduced|decreased|attenuated|reversed|prevented|inhibited|abolished|suppressed|counteracted)\s+"
    r"(?:by|following|after|upon)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:delivery|administration|injection|"
    r"application|infusion|transplantation|treatment)\s+(?:of|with)\s+(?:the\s+|an?\s+)?)?",
    re.I,
)
_NOT_RAISED = CONTEXT_KINDS | DISEASE_TYPES | HOLDER_TYPES | {EntityType.CELL_TYPE, None}
_RAISED = re.compile(r"\b(?:increased|elevated|up-?regulated|enhanced|higher)\s+", re.I)


def change_reversed(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "this upregulation was reduced by (following the delivery of) X" says X lowers.

    "An increased expression of A and B has been described in X, and this
    upregulation was reduced following the delivery of Y": "this
    upregulation" names the raised molecules again (the names of a kind of
    molecule after "increased" in the same sentence), and the agent after
    "by" or "following the delivery of" lowers each of them.
    """
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for match in _CHANGE_REVERSED.finditer(text):
        agents = [m for m in mentions if match.end() <= m.start <= match.end() + 2]
        raised = [r for r in _RAISED.finditer(text, 0, match.start())]
        if not agents or not raised:
            continue
        agent = medium_of(names, agents[0], text)
        molecules = [
            m
            for m in mentions
            if raised[-1].end() <= m.start
            and m.end <= match.start()
            and names.type_of(m.entity) not in _NOT_RAISED
        ]
        for molecule in molecules:
            verb = predicate_for("decreases", names.type_of(molecule.entity), names.type_of(agent.entity))
            if verb is not None:
                found.append((agent, verb, molecule, match))
    return found


# ", thus reducing Y", ", thereby increasing Y": a result clause after the main cue's objects
_RESULT_BEFORE = re.compile(r",\s+(?:thus|thereby)\s+$", re.I)


def result_claims(
    names: Names, text: str, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what the main cue's objects do to a result clause's ("lowered X, thus reducing Y": X raises Y).

    The mirror of :func:`means_claims`: ", thus V-ing Y" after "A V-ed X"
    says Y changed because X did, so X raises Y where both changed the same
    way, lowers it where they changed in opposite ways (the product of the
    two cues' plain signs). Both cues have one subject, which did nothing
    else before the result ("reduced X and increased Y, thus decreasing Z"
    says neither which change did it); no other cue, colon or semicolon
    stands between them; an unsigned cue gives nothing.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for result_subject, result_predicate, result_object, result_cue in found:
        if result_predicate not in _CUE_SIGN or not _RESULT_BEFORE.search(text, 0, result_cue.start()):
            continue
        said = None if result_subject is None else result_subject.entity
        main_cues = {
            cue.start()
            for subject, _predicate, _obj, cue in found
            if cue.end() <= result_cue.start() and (None if subject is None else subject.entity) == said
        }
        if len(main_cues) != 1:
            continue  # "reduced X and increased Y, thus decreasing Z": from both, or either; unclear
        for obj, _cue, sign in _clause_partners(
            text, found, result_subject, result_predicate, result_cue, _RESULT_BEFORE
        ):
            derived = signed_predicate(sign, names.type_of(result_object.entity), names.type_of(obj.entity))
            extra.append((obj, derived, result_object, result_cue))
    return extra


# "restores the resting microglial phenotype": what is restored is the cells' state without activation
_RESTING = re.compile(
    r"(?:the\s+)?(?:resting|quiescent|non-?activated)\s+(?:(?P<cells>[a-z][\w-]*)\s+)?(?:phenotypes?|states?)",
    re.I,
)
_RESTORE_CUE = re.compile(r"restor|recover|regain|rescu", re.I)


def resting_states(
    names: Names, text: str, found: list[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return ``found`` with "restores the resting (microglial) phenotype" read as lowering the activation.

    A resting (quiescent) phenotype is the cells' state without activation:
    restoring it lowers the cells' activation ("recovers the resting
    microglial phenotype": microglia activation is lowered), the cells named
    by the adjective ("microglial") or a name inside the phrase. Without
    cells named in the phrase the claim says nothing a name can hold, and is
    dropped ("restores resting phenotypes").
    """
    result: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for subject, predicate, obj, cue in found:
        resting = _RESTING.fullmatch(text, obj.start, obj.end)
        if resting is None or predicate != "increases" or not _RESTORE_CUE.match(cue.group()):
            result.append((subject, predicate, obj, cue))
            continue
        cells = resting.group("cells")
        activation = names.activation_of(cells) if cells else None
        if activation is not None:
            result.append((subject, "decreases", Mention(activation, obj.start, obj.end), cue))
    return result


def joined_causes(
    names: Names, text: str, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "X and the associated increase in Y" says X does to Y: X raises Y (a decrease: lowers it).

    The change named as a noun is the cue's second object (see
    :func:`joined_change`); "associated", "subsequent", "resulting" or
    "consequent" says it follows from the object before it, with the
    change's own plain direction.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for _subject, predicate, cause, cue in found:
        if predicate not in _CUE_SIGN or cue.end() > cause.start:
            continue
        joined = JOINED_CAUSE.match(text, cause.end)
        if joined is None:
            continue
        lowered = joined.group("change").lower() in {"decrease", "reduction", "downregulation", "loss"}
        kind = "decreases" if lowered else "increases"
        for _other, _other_predicate, effect, other_cue in found:
            if other_cue is not cue or effect.start != joined.end():
                continue
            derived = predicate_for(kind, names.type_of(effect.entity), names.type_of(cause.entity))
            if derived is not None:
                extra.append((cause, derived, effect, joined))
    return extra


# "the effects of X on Y": X acts on Y, in no stated direction
_EFFECT_OF_BEFORE = re.compile(r"\b(?:effects?|impacts?|actions?|influences?)\s+of\s+(?:the\s+)?$", re.I)
_EFFECT_ON = re.compile(r"\s+on\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?")
# "a link (an association, a correlation, a relationship) between A and B": A is associated with B
_LINK_BETWEEN = re.compile(
    r"\b(?:links?|associations?|correlations?|relationships?|connections?)\s+between\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)?",
    re.I,
)
_LINK_AND = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+and\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?")


def stated_relations(
    names: Names, mentions: Sequence[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return the unsigned relations a noun phrase states between two names.

    "the effects of X on Y" (impact, action, influence): X acts on Y, in no
    stated direction; an adjective or one word may stand before Y ("the
    effects of X on injured Y"). "a link (an association, a correlation, a
    relationship) between A and B": A is associated with B; a word may stand
    before either name and a word or two after A ("a link between aberrant
    A expression and B").
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for k, first in enumerate(mentions):
        following = [m for m in mentions[k + 1 :] if m.start >= first.end]
        if not following:
            continue
        second = following[0]
        cue = _EFFECT_OF_BEFORE.search(text, 0, first.start)
        if cue is not None and cue.end() == first.start:
            if _EFFECT_ON.fullmatch(text, first.end, second.start):
                extra.append((first, "acts-on", second, cue))
            continue
        for link in _LINK_BETWEEN.finditer(text, 0, first.start):
            if link.end() == first.start and _LINK_AND.fullmatch(text, first.end, second.start):
                extra.append((first, "associated-with", second, link))
    return extra


# "the stimulating (inhibitory) effects of X in producing Y": X raises (lowers) Y
_SIGNED_EFFECT_OF = re.compile(
    r"\b(?:(?P<up>stimulat(?:ing|ory)|promoting|enhancing)|(?P<down>inhibitory|suppressive))\s+effects?\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_SIGNED_EFFECT_ON = re.compile(
    r"\s+(?:in|on)\s+(?:the\s+)?(?:(?:producing|production\s+of|release\s+of|expression\s+of)\s+)?"
    r"(?:[a-z][\w-]*\s+)?",
    re.I,
)


def signed_effects_on(
    names: Names, mentions: Sequence[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "the stimulating (inhibitory) effects of X in (producing) Y" says: X raises (lowers) Y.

    The adjective gives the sign, as a cue would: "stimulating",
    "stimulatory", "promoting", "enhancing" raise, "inhibitory",
    "suppressive" lower. X is the name right after "of"; Y the first name
    after "in" or "on" ("in the producing", "on the production of", a word
    may stand before it) and the names its list goes on with, examples
    included ("cytokines, such as A, B, and C").
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for k, first in enumerate(mentions):
        cue = _SIGNED_EFFECT_OF.search(text, 0, first.start)
        if cue is None or cue.end() != first.start:
            continue
        rest = [m for m in mentions[k + 1 :] if m.start >= first.end]
        if not rest or not _SIGNED_EFFECT_ON.fullmatch(text, first.end, rest[0].start):
            continue
        items = list_run_on(rest, text, examples=True)
        predicate = "increases" if cue.group("up") else "decreases"
        extra.extend((first, predicate, item, cue) for item in items)
    return extra


# "reduced the stimulating effects of": a signed verb right before a signed effect named as a noun
_VERB_BEFORE_EFFECT = re.compile(r"\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def changed_effects(
    names: Names,
    mentions: list[Mention],
    text: str,
    found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]],
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what a signed verb does to the targets of a signed effect it changes.

    "X reduced the stimulating effects of IL-1β in producing Y": the
    stimulation of Y is lowered, so X lowers Y, the sign the product of the
    verb's and the adjective's plain signs. X is the subject of the last
    claim before the verb in its clause ("X inhibited A and thus reduced
    ..."), else the nearest agent named before the verb, else the
    paragraph's subject; an unsigned or negated verb gives nothing.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for _first, predicate, item, effect in found:
        if effect.re is not _SIGNED_EFFECT_OF:
            continue
        verbs = [
            v
            for v in CUE.finditer(text, 0, effect.start())
            if _VERB_BEFORE_EFFECT.fullmatch(text, v.end(), effect.start())
        ]
        sign = _CUE_SIGN.get(cue_name(verbs[-1])) if verbs else None
        if sign is None or NEGATION.search(text[: verbs[-1].start()]):
            continue
        verb = verbs[-1]
        earlier = [said for said, _p, _o, cue in found if said is not None and cue.end() <= verb.start()]
        subject = (
            earlier[-1] if earlier and not CLAUSE_STOP.search(text, earlier[-1].end, verb.start()) else None
        )
        agents = [
            i
            for i, m in enumerate(mentions)
            if m.end <= verb.start() and names.type_of(m.entity) in AGENT_TYPES
        ]
        if subject is None and agents:  # "CM enhanced the inhibitory effects of X on Y": the CM
            subject = subject_for(names, mentions, agents[-1], text)
        verb_kind = signed_predicate(sign * _CUE_SIGN[predicate], names.type_of(item.entity), None)
        extra.append((subject, verb_kind, item, verb))
    return extra


# "the protective effects of X were demonstrated in Y": X ameliorates the disease Y
_GOOD_EFFECT_OF = re.compile(
    r"\b(?:therapeutic|protective|beneficial)\s+effects?\s+of\s+(?:the\s+)?$",
    re.I,
)
_GOOD_EFFECT_IN = re.compile(
    r"(?:\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+|further\s+)?"
    r"(?:demonstrated|shown|observed|seen|confirmed|found))?\s+in\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,2}",
    re.I,
)
_GOOD_EFFECT_AND = re.compile(r"\s*,?\s+(?:and|or)\s+(?:their\s+|its\s+)?", re.I)


def good_effects_in(
    names: Names, mentions: Sequence[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "the protective (beneficial) effects of X (were shown) in Y" says: X ameliorates Y.

    The owners are the name right after "of" and those joined to it by "and"
    ("of X and their secretome"); Y is the first name after "in" (a word or
    two may stand before it) and must be a disease, a model or a phenotype.
    A test or an evaluation ("was evaluated in") states no effect: nothing.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for k, first in enumerate(mentions):
        cue = _GOOD_EFFECT_OF.search(text, 0, first.start)
        if cue is None or cue.end() != first.start:
            continue
        owners = [first]
        rest = [m for m in mentions[k + 1 :] if m.start >= first.end]
        while rest and _GOOD_EFFECT_AND.fullmatch(text, owners[-1].end, rest[0].start):
            owners.append(rest.pop(0))
        if not rest or not _GOOD_EFFECT_IN.fullmatch(text, owners[-1].end, rest[0].start):
            continue
        if names.type_of(rest[0].entity) in DISEASE_TYPES:
            extra.extend((owner, "ameliorates", rest[0], cue) for owner in owners)
    return extra


_LINKED_SUBJECT_GAP = re.compile(
    r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?(?:[a-z]+ly\s+)?", re.I
)
# "... in a variety of clinical states, such as A, B, and C": the conditions the link holds in
_LINKED_STATES = re.compile(
    r"[^,;.()]*?\s+in\s+(?:an?\s+|the\s+)?(?:(?:variety|range|number|host|set)\s+of\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:states|conditions|diseases|disorders|settings)\s*,?\s+(?:such as|including|like)\s+"
    r"(?P<items>(?:[\w-]+\s*,\s+){0,4}(?:(?:and|or)\s+)?)",
    re.I,
)


def linked_in_examples(
    names: Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "A and B are linked to X in several disorders, such as C and D" says: each with each.

    The cue's own object is a phrase ("the therapeutic actions of MSCs",
    which names no object: see :func:`complement`); the conditions named
    as examples after "in ... states (conditions, diseases, disorders),
    such as" are where the link holds, so each subject right before the cue
    (and the list it ends) is associated with each example. A negated cue
    gives nothing.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for cue in CUE.finditer(text):
        if cue_name(cue) != "associated-with" or NEGATION.search(text[: cue.start()]):
            continue
        before = [k for k, m in enumerate(mentions) if m.end <= cue.start()]
        states = _LINKED_STATES.match(text, cue.end())
        if not before or states is None:
            continue
        if not _LINKED_SUBJECT_GAP.fullmatch(text, mentions[before[-1]].end, cue.start()):
            continue
        examples = [m for m in mentions if states.start("items") <= m.start <= states.end()]
        for mention in mentions:
            if (
                examples
                and mention.start > examples[-1].end
                and joins_list(text[examples[-1].end : mention.start])
            ):
                examples.append(mention)
        for subject in list_run(mentions, before[-1], text):
            extra.extend((subject, "associated-with", example, cue) for example in examples)
    return extra


# "in various disorders, ranging from A, B to C, and D": examples of the object, each a short piece
_RANGING = re.compile(r",?\s+ranging\s+from\s+", re.I)
_RANGE_SPLIT = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+", re.I)
_RANGE_END = re.compile(r"[.;:()]|,\s+(?:which|that|while|whereas|but|as|with|in)\b", re.I)


def ranged_examples(
    names: Names,
    mentions: list[Mention],
    text: str,
    found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]],
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return the claims on the examples after "ranging from" that an object's claim carries over.

    "X plays a therapeutic role in various disorders, ranging from A, B to
    C, and D": A to D are examples of the disorders, as after "such as",
    and get the claim the disorders got (a therapeutic role in a process,
    "muscle repair", raises it, as "improves" does). Each piece between
    commas, "to" and "and" is an item: a name that covers it (a plural
    read as its singular), else the piece proposed where it is a short
    noun phrase, a disease unless its last word is a process noun.
    """
    claims: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for subject, predicate, obj, cue in found:
        ranging = _RANGING.match(text, obj.end)
        if ranging is None or predicate not in SIGNED | {"associated-with"}:
            continue
        close = _RANGE_END.search(text, ranging.end())
        end = close.start() if close else len(text)
        start = ranging.end()
        for piece in _RANGE_SPLIT.split(text[start:end]):
            start = text.index(piece, start)
            label = piece.strip()
            words = label.split()
            if not 0 < len(words) <= 4 or any(
                FUNCTION_WORD.fullmatch(w) or ADVERB.fullmatch(w) for w in words
            ):
                break
            whole = [m.entity for m in mentions if (m.start, m.end) == (start, start + len(label))]
            singular = re.sub(r"ies$", "y", label) if label.endswith("ies") else re.sub(r"s$", "", label)
            kind = EntityType.PROCESS if PROCESS_NOUN.fullmatch(words[-1]) else names.type_of(obj.entity)
            item = (whole[0] if whole else None) or names.lookup(label) or names.lookup(singular)
            if item is None and not any(start <= m.start < start + len(label) for m in mentions):
                item = names.propose(label, guess_type(label, kind or EntityType.DISEASE))
            if item is None:
                break
            said = predicate
            if said == "ameliorates" and names.type_of(item) not in DISEASE_TYPES:
                said = "increases"  # a therapeutic role in a process: it is improved
            elif said == "decreases" and names.type_of(item) in DISEASE_TYPES:
                said = "ameliorates"
            claims.append((subject, said, Mention(item, start, start + len(label)), cue))
            start += len(piece)
    return claims


PROCESS_NOUN = re.compile(r".*(?:tion|sion|sis|ment|ance|ence|ity|ing|ure|al|air|ness)", re.I)


def mediators_carried(
    names: Names,
    cue: re.Match[str],
    agents: Sequence[Mention],
    objects: Sequence[Mention],
    latter: set[tuple[int, int]],
    carried: str | None,
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return "the paragraph's preparation carries A" for each factor that mediates its effect named again.

    "The secretome acts by immunosuppressive effect. The latter is mediated
    by A and B": the effect is the preparation's, and what mediates an
    effect of a preparation is in it, so it carries A and B (as well as A
    and B raising the effect). Only for "mediated by" and an effect named
    again by "the latter (former)".
    """
    if carried is None or names.type_of(carried) is not EntityType.SECRETOME_COMPONENT:
        return []
    if not cue.group().lower().startswith("mediat") or not any((m.start, m.end) in latter for m in objects):
        return []
    return [(None, "carries", agent, cue) for agent in agents if names.type_of(agent.entity) in FACTOR_TYPES]
