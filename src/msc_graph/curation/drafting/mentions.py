"""Entity mentions in a text: the resolver's names, the seed's abbreviations, and new names proposed."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from msc_graph.curation.drafting.lexicon import CUE, DISEASE_TYPES
from msc_graph.curation.drafting.records import Mention, NameLookup, slugify
from msc_graph.curation.terms import TermDictionary
from msc_graph.model import FACTOR_TYPES, Entity, EntityType
from msc_graph.model.names import normalise_name

MAX_SPAN_TOKENS = 8
"""Longest entity name tried, in tokens ("human umbilical cord mesenchymal stem cells" is 6)."""
# "anti-X" adjectives to the noun they oppose: antiapoptotic → apoptosis, anti-inflammatory → inflammation.
ADJECTIVE_NOUNS = [
    ("atory", "ation"),
    ("otic", "osis"),
    ("etic", "esis"),
    ("genic", "genesis"),
    ("ic", "ia"),
    ("ic", "y"),
    ("ive", "ion"),
    ("idant", "idative stress"),
    ("al", ""),
]
PHRASE_LEAD = re.compile(
    r"\s*(?:(?:the|a|an|its|their|both|some|several|various|many|different|numerous|multiple|other|"
    r"all|more|possible|significantly|markedly|also|further)\s+)*"
    r"(?:(?:(?:synthesis|production|expression|secretion)\s+(?:and|or)\s+)?"  # "the synthesis and release of"
    r"(?:levels?|expression|production|manufacture|number|amount|risk|extent|release|secretion|activity|"
    r"formation|size|rate|area|volume|density)\s+of\s+(?:the\s+)?)?",
    re.I,
)
# Words too general to be an entity of their own ("reduced the effects").
GENERIC = re.compile(
    r"(?:factors?|cells?|effects?|levels?|expression|activity|molecules?|substances?|problems?|"
    r"functions?|properties|outcomes?|results?|changes?|response|mechanisms?|roles?|ability|potential|"
    r"overall|synthesis|repair|genes?|disorders?|diseases?|conditions?|processes|studies|treatment|"
    r"findings|data|evidence|observations?|understanding)",
    re.I,
)
# A bare general noun, found as a synonym ("cells" of transplanted cells) or proposed after a cue
# ("reduced the efficacy"): it names nothing a curator would link.
GENERIC_NOUN = re.compile(
    r"(?:the\s+)?(?:cells?|molecules?|genes?|factors?|activation|efficacy|quality|frequency|"
    r"integrity|safety|function|tissues?|chemicals?|compounds?|substances?|muscles?|performance)",
    re.I,
)
# What happens to cells, named by one noun ("activation of microglia", "osteoblast proliferation").
_CELL_PROCESS_NOUN = (
    r"(activation|proliferation|differentiation|migration|damage|death|polarization|infiltration)"
)
# A process noun right after a cell type: "microglia activation", "osteoblast proliferation".
_CELL_PROCESS = re.compile(rf"\s+{_CELL_PROCESS_NOUN}\b", re.I)
# "(Iba1/CD68 or GFAP, respectively)": in a group paired with a list, a slash gives alternatives, two names
_ALTERNATIVES = re.compile(r"[^()]*,\s*respectively\s*\)", re.I)
# "activated microglia": the participle right before a cell type names the cells' activation
_ACTIVATED_BEFORE = re.compile(r"(?<![\w-])activated\s+$", re.I)
# What a disease or a growth does, right after its name: "tumor growth", "tumor progression"
_DISEASE_PROCESS = re.compile(r"\s+(?:growth|progression)\b(?!\s+factors?\b)", re.I)
# "kidney failure": an organ's name before "failure" names its disease
_ORGAN_FAILURE = re.compile(r"\s+(?:failure|insufficiency)\b(?!-)", re.I)
# "stem cell factor", "hepatocyte growth factor": a cell's name before "factor" names a molecule
_CELL_FACTOR = re.compile(r"\s+(?:growth\s+)?factors?\b(?!-)", re.I)
_PROCESS_OF = re.compile(rf"\b{_CELL_PROCESS_NOUN}\s+of\s+(?:the\s+)?$", re.I)
# An adverb ends a noun phrase ("significantly", "respectively"); a few nouns look like one.
ADVERB = re.compile(r"(?!(?:family|assembly|anomaly|supply|homily)$)[a-z]{4,}ly", re.I)
WORD = re.compile(r"[A-Za-zα-ωΑ-Ω0-9][\w'’α-ωΑ-Ω+-]*")
# Words that end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns.
FUNCTION_WORD = re.compile(
    r"in|of|on|at|for|during|after|before|following|with|without|by|from|to|into|via|through|within|"
    r"which|that|who|and|or|but|as|than|is|are|was|were|be|been|being|has|have|had|can|could|may|"
    r"might|will|would|should|not|also|such|it|its|they|their|this|these|those|there|when|where|while|"
    r"whereas|due|because|thus|then|both|between|among|over|under|upon|against",
    re.I,
)
# A gene or protein symbol: capitals with a digit ("CXCL-12", "MMP-10", "P2X4", "IL3") or two to
# five capitals ("HGF"), or a slash-joined run of them ("PI3K/Akt"); plurals ("MSDs") and the
# usual non-molecules are left out.
# "miR-21", "miR-99b-3p", "let-7a": a microRNA's name
_MICRORNA = re.compile(r"(?:miR|microRNA|let)-\d+[a-z]?(?:-[35]p)?(?![\w-])")
_SYMBOL = re.compile(r"(?:[A-Z][A-Za-z]{0,5}-?\d+[A-Za-z0-9-]*|[A-Z]{2,5}\d*)(?:/[A-Z][A-Za-z0-9-]{1,8})*")
_NOT_SYMBOLS = re.compile(r"[A-Z]{2,5}s|CD\d+\+?|MSCs?|DNA|RNA|MRI|USA|UK|II|III|IV|NO", re.I)
_PATHWAY_AFTER = re.compile(r"\s+(?:signal(?:l)?ing\s+)?pathway\b|\s+signal(?:l)?ing\b", re.I)
# After a molecule's name: "/mTOR pathway", " receptor-mediated signaling", "/JNK/p38 signaling pathway".
_PATHWAY_TAIL = re.compile(
    r"(?:/[A-Za-z0-9][\w-]*)*(?P<words>(?:\s+[A-Za-z][\w-]*){0,2}?)\s+(?:signal(?:l)?ing\s+pathway|"
    r"pathway|signal(?:l)?ing)\b",
    re.I,
)
_TOKEN = re.compile(r"[^\s,;:()\[\]/]+")
_TRAILING = ".'’\""
_BASED = re.compile(r"\w-based$")  # a name glued to "-based" ("MSCs-based treatment strategies")
_CONDITIONED = re.compile(r"[A-Za-z][\w-]*-conditioned\s+medi(?:um|a)", re.I)
_NOT_NAMES = {"al", "etal", "the", "and", "this", "these", "its", "their", "was", "were", "has"}
"""Words that spelling variants would turn into names ("al." of "et al." → ALS by the plural rule)."""
# Types that say where or in what a claim holds: context, never a causal object.
CONTEXT_KINDS = {
    EntityType.SPECIES,
    EntityType.ROUTE,
    EntityType.TISSUE,
    EntityType.DISEASE_MODEL,
    EntityType.CELL_SOURCE,
    EntityType.STUDY,
    EntityType.EXTERNAL,
}
ABBREVIATION = re.compile(r"\(([A-Za-z][A-Za-z0-9α-ωΑ-Ω\-+]{1,14})\)")


class Names:
    """The resolver's names plus the abbreviations this seed defines, scanned over a text."""

    def __init__(
        self, names: NameLookup, entities: Mapping[str, Entity], terms: TermDictionary | None = None
    ) -> None:
        self.names = names
        self.entities = entities
        self.terms = terms  # the full vocabularies new entities are grounded in, when given
        self.local: dict[str, str] = {}  # normalised name → entity id (seed-defined or proposed)
        self.symbols = True  # unknown gene-like symbols are proposed as factors
        self.proposed: dict[str, dict[str, Any]] = {}
        self.spelled: set[str] = set()  # the seed's own words, lower-case: which noun it writes

    def lookup(self, text: str) -> str | None:
        """Return the entity ``text`` names (a seed-defined or proposed name first), or None."""
        text = text.strip(_TRAILING)
        key = normalise_name(text)
        # two letters name an entity only in capitals ("NO"); "al." of "et al." is not ALS
        if not re.search(r"[A-Za-z]", text) or len(key) < 2 or (len(key) < 3 and not text.isupper()):
            return None
        if key in _NOT_NAMES:
            return None
        local = self.local.get(normalise_name(text))
        if local:
            return local
        found = self.names(text)
        return found[0] if found else None

    def type_of(self, entity_id: str) -> EntityType | None:
        """Return the type of a known or proposed entity, or None for an id neither has."""
        entity = self.entities.get(entity_id)
        if entity is not None:
            return entity.type
        proposed = self.proposed.get(entity_id)
        return EntityType(proposed["type"]) if proposed else None

    def scan(self, text: str) -> list[Mention]:
        """Return the entity mentions of ``text``, longest first, never overlapping."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        mentions: list[Mention] = []
        index = 0
        while index < len(tokens):
            best: Mention | None = None
            for stop in range(min(len(tokens), index + MAX_SPAN_TOKENS) - 1, index - 1, -1):
                start, end = tokens[index][0], tokens[stop][1]
                while end > start and text[end - 1] in _TRAILING:
                    end -= 1
                found = self.lookup(text[start:end])
                if not found and _BASED.search(text, start, end):  # "MSC-based therapies": the MSCs'
                    end -= len("-based")
                    found = self.lookup(text[start:end])
                if found:
                    best = Mention(found, start, end)
                    index = stop
                    break
            if best is None:  # "hWJ-MSCs-CM": the conditioned medium of the cells the word names first
                best = self._medium_abbreviation(text, *tokens[index])
            if best is None and index + 1 < len(tokens):  # "stem cells-conditioned medium"
                best = self._conditioned_medium(text, tokens[index][0], tokens[index + 1][1])
                index += best is not None
            if best is None:  # "inflammatory processes": inflammation
                best = self._adjective_process(text, *tokens[index])
            if best is None and self.symbols:
                best = self._symbol(text, *tokens[index])
            if best is None:  # "the animal model of muscle injury": a model of it
                best = self._animal_model_of(text, *tokens[index])
            if best is not None and GENERIC_NOUN.fullmatch(text[best.start : best.end]):
                best = None  # "cells", "efficacy": a bare general noun names no entity of its own
            if best is not None and self.type_of(best.entity) is EntityType.SPECIES:
                best = self._animal_model(text, best, mentions)
            if best is not None and self.type_of(best.entity) in FACTOR_TYPES | {EntityType.PATHWAY}:
                best = self._pathway_of(text, best)
                best = self._abbreviated_pathway(text, best, mentions)
                best = self._numbered(text, best)
            if best is not None:
                best = self._cell_factor(text, best)
                best = self._organ_failure(text, best)
            if best is not None:
                best = self._symbol_subtype(text, best, mentions)
                process = self._cell_process(text, best, mentions)  # "microglia activation": specific enough
                best = (
                    process
                    if process is not best
                    else self._kind_of(text, best, mentions[-1].end if mentions else 0)
                )
            if best is not None:
                mentions.append(best)
                while index + 1 < len(tokens) and tokens[index + 1][0] < best.end:
                    index += 1  # the tokens a symbol's mention took ("JAK/STAT signaling")
            index += 1
        return _merge_defined(self._suffixed(text, self._induced_models(text, mentions)), text)

    def _animal_model_of(self, text: str, start: int, end: int) -> Mention | None:
        """Return "the animal model of X" as a disease model of X, as "a rat model of X" is, or None.

        "animal" names no species, but with "model of" it names one model,
        proposed whole where no name covers it (:meth:`_animal_model`);
        "animal models of X" (several) name no one model.
        """
        word = text[start:end]
        if word.lower() != "animal" or not re.match(r"\s+model\s+of\s", text[end:]):
            return None
        model = self._animal_model(text, Mention(word, start, end), [])
        return model if model.entity != word else None

    def _suffixed(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Return the mentions with "long form (ABBR)-γ" as one mention of the numbered molecule "ABBR-γ".

        "interferon (IFN)-γ", "Growth and differentiation factor (GDF)-8":
        a Greek letter or a number after the parenthesis names one member
        of the family the long form and its abbreviation name, so the whole
        is one name, "IFN-γ" (and "interferon-γ"), looked up or proposed
        with the family's type; the family alone is not named.
        """
        result: list[Mention] = []
        for mention in mentions:
            suffix = _PARENTHESIS_SUFFIX.match(text, mention.end)
            kind = self.type_of(mention.entity)
            if suffix is None or not text[: mention.start].rstrip().endswith("(") or kind not in FACTOR_TYPES:
                result.append(mention)
                continue
            family = result[-1] if result and text[result[-1].end : mention.start].strip() == "(" else None
            spellings = [f"{text[mention.start : mention.end]}-{suffix.group(1)}"]
            if family is not None:
                spellings.append(f"{text[family.start : family.end]}-{suffix.group(1)}")
            found = next((e for e in map(self.lookup, spellings) if e), None)
            entity_id = found or self.propose(spellings[0], kind, spellings[1:])
            if entity_id is None:
                result.append(mention)
                continue
            if family is not None:
                result.pop()
            result.append(Mention(entity_id, family.start if family else mention.start, suffix.end()))
        return result

    def _cell_factor(self, text: str, mention: Mention) -> Mention:
        """Return "stem cell factor" (a cell's name, then "(growth) factor") as one factor, or the mention.

        A cell type's name right before "factor" or "growth factor" names a
        molecule ("stem cell factor", "hepatocyte growth factor"), not the
        cells: no known name covers the whole (the scan tries the longest
        names first), so it is proposed, typed by its head noun.
        """
        if self.type_of(mention.entity) not in (EntityType.CELL_TYPE, EntityType.MSC_SOURCE):
            return mention
        factor = _CELL_FACTOR.match(text, mention.end)
        if factor is None:
            return mention
        label = text[mention.start : factor.end()]
        entity_id = self.local.get(normalise_name(label)) or self.propose(label, guess_type(label))
        return Mention(entity_id, mention.start, factor.end()) if entity_id else mention

    def _organ_failure(self, text: str, mention: Mention) -> Mention:
        """Return "kidney failure" (a tissue's name, then "failure") as the organ's disease, or the mention.

        An organ followed by "failure" or "insufficiency" names a disease of
        it, not the organ: a cue before it acts on the disease. No known name
        covers the pair (the scan tries the longest names first), so it is
        proposed as a disease.
        """
        if self.type_of(mention.entity) is not EntityType.TISSUE:
            return mention
        failure = _ORGAN_FAILURE.match(text, mention.end)
        if failure is None:
            return mention
        label = text[mention.start : failure.end()]
        entity_id = self.local.get(normalise_name(label)) or self.propose(label, EntityType.DISEASE)
        return Mention(entity_id, mention.start, failure.end()) if entity_id else mention

    def _cell_process(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """Return the process a cell or disease mention heads ("microglia activation", "tumor growth").

        A cell type followed by a process noun names what those cells do or
        suffer, not the cells: a cue before it acts on the process. No known
        name covers the pair (the scan tries the longest names first), so it
        is proposed as a new entity.
        """
        if self.type_of(mention.entity) in DISEASE_TYPES:
            grows = _DISEASE_PROCESS.match(text, mention.end)
            if grows is None:
                return mention
            label = text[mention.start : grows.end()]
            grown = self.lookup(label) or self.propose(label, EntityType.PROCESS)
            return Mention(grown, mention.start, grows.end()) if grown else mention
        if self.type_of(mention.entity) is not EntityType.CELL_TYPE:
            return mention
        process = _CELL_PROCESS.match(text, mention.end)
        start, end = mention.start, mention.end
        activated = _ACTIVATED_BEFORE.search(text, 0, mention.start)
        if process is None and activated is not None:
            # "activated microglia release X": the cells' activation, as "microglia activation" names it
            return self._activated_cells(text, mention, activated.start())
        if process is not None:
            noun, end = process.group(1), process.end()
        else:  # "the differentiation of osteoblasts": the same process, its noun first
            before = _PROCESS_OF.search(text, 0, mention.start)
            if before is not None and re.search(r"(?:,|\band|\bor)\s+$", text[: before.start()]):
                return mention  # "the proliferation and migration of keratinocytes": which are the cells'?
            if before is None or (mentions and mentions[-1].end > before.start()):
                if before is None or not mentions or (mentions[-1].start, mentions[-1].end) != before.span(1):
                    return mention
                mentions.pop()  # a name of the process alone ("differentiation"): the cells' is meant
            noun, start = before.group(1), before.start()
        label = text[start:end]
        kind = EntityType.PHENOTYPE if noun.lower() in ("damage", "death") else EntityType.PROCESS
        entity_id = self.local.get(normalise_name(label)) or self.propose(label, kind)
        return Mention(entity_id, start, end) if entity_id else mention

    def cells_of(self, word: str) -> str | None:
        """Return the cell type a word or its adjective names ("microglia", "microglial", "astrocytic").

        An adjective of cells names them by its ending: "-al" drops its "l"
        ("microglial": microglia), "-ic" ends in "-e" ("astrocytic":
        astrocyte). A name is looked up; where none covers it, the plural the
        seed itself writes ("astrocytes") is proposed as a cell type.
        """
        word = word.strip()
        stems = [
            word,
            word[:-1] if word.endswith("al") else "",
            f"{word[:-2]}e" if word.endswith("ic") else "",
        ]
        for spelling in filter(None, stems):
            for form in (spelling, f"{spelling}s"):
                found = self.lookup(form)
                if found is not None and self.type_of(found) is EntityType.CELL_TYPE:
                    return found
        if word.endswith("ic") and len(word) > 6 and f"{word[:-2]}es" in self.spelled:
            return self.propose(f"{word[:-2]}es", EntityType.CELL_TYPE)
        return None

    def activation_of(self, cells: str) -> str | None:
        """Return the activation of the cells a word names ("microglia", "microglial"), looked up or proposed.

        An adjective of cells names them by its ending ("microglial":
        microglia, "astrocytic": astrocyte); the process is "X activation",
        as :meth:`_activated_cells` names it. None where no cell type is named.
        """
        word = cells.strip()
        for spelling in (
            word,
            word[:-1] if word.endswith("al") else "",
            f"{word[:-2]}e" if word.endswith("ic") else "",
        ):
            found = self.lookup(spelling) if spelling else None
            if found is not None and self.type_of(found) is EntityType.CELL_TYPE:
                label = f"{spelling} activation"
                return (
                    self.local.get(normalise_name(label))
                    or self.lookup(label)
                    or self.lookup(f"activated {spelling}")
                    or self.propose(label, EntityType.PROCESS, [f"activated {spelling}"])
                )
        return None

    def _activated_cells(self, text: str, mention: Mention, start: int) -> Mention:
        """Return "activated X" (X a cell type) as X's activation, the process "X activation" names.

        The participle says what state the cells are in: "activated microglia
        release cytokines" is what the activation does, and "reduced activated
        microglia" lowers it. The process is looked up or proposed as "X
        activation", the words of the text its second spelling.
        """
        cells = text[mention.start : mention.end]
        label = f"{cells} activation"
        written = text[start : mention.end]
        entity_id = (
            self.local.get(normalise_name(label))
            or self.lookup(written)
            or self.lookup(label)
            or self.propose(label, EntityType.PROCESS, [written])
        )
        return Mention(entity_id, start, mention.end) if entity_id else mention

    def _pathway_of(self, text: str, mention: Mention) -> Mention:
        """Return the pathway a molecule's name begins ("PI3K/AKT/mTOR pathway"), or the mention.

        A known name of a molecule or pathway followed by more symbols after
        slashes, or by a word or two, and then "pathway" or "signaling"
        ("TNF receptor-mediated signaling", "ERK/JNK/p38 pathway") names one
        pathway, proposed whole where no name covers it, as an unknown
        symbol's "Akt signaling" is.
        """
        tail = _PATHWAY_TAIL.match(text, mention.end)
        if tail is None or not tail.group(0).strip():
            return mention
        words = re.findall(r"[\w-]+", tail.group("words") or "")
        if any(FUNCTION_WORD.fullmatch(w) or CUE.fullmatch(w) or ADVERB.fullmatch(w) for w in words):
            return mention  # "IL-6 and the JAK pathway", "VEGF expression via the Akt pathway"
        label = text[mention.start : tail.end()]
        entity_id = self.lookup(label) or self.propose(label, EntityType.PATHWAY)
        return Mention(entity_id, mention.start, tail.end()) if entity_id else mention

    def _symbol_subtype(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """Return the kind of cell a symbol before a cell's name names ("M2 macrophages"), or the mention.

        A short symbol before a cell type ("M2 macrophages", "Th17 cells")
        names a kind of those cells, not a molecule beside them: where the
        drafter took the symbol for a new factor, the two words are one
        name, looked up or proposed as a cell type.
        """
        if self.type_of(mention.entity) is not EntityType.CELL_TYPE or not mentions:
            return mention
        symbol = mentions[-1]
        if (
            symbol.entity not in self.proposed
            or text[symbol.end : mention.start] != " "
            or not _SUBTYPE_SYMBOL.fullmatch(text[symbol.start : symbol.end])
        ):
            return mention
        label = text[symbol.start : mention.end]
        entity_id = self.lookup(label) or self.propose(label, EntityType.CELL_TYPE)
        if entity_id is None:
            return mention
        mentions.pop()
        return Mention(entity_id, symbol.start, mention.end)

    def _numbered(self, text: str, mention: Mention) -> Mention:
        """Return the numbered member a molecule's name and a lone number after it name, or the mention.

        "collagen II" is collagen type II, "TGF-β 1" is TGF-β1 (a subscript
        the seed's text set apart): a number or a Roman numeral right after
        the name of a molecule names one member of it, looked up or proposed
        with the molecule's type. A symbol takes the number glued on
        ("TGF-β1", the spaced form a second spelling); a lower-case name
        keeps the space ("collagen II"). A number of days or a dose is no
        member.
        """
        if self.type_of(mention.entity) not in FACTOR_TYPES:
            return mention
        number = _NUMBER_AFTER.match(text, mention.end)
        if number is None:
            return mention
        name, numeral = text[mention.start : mention.end], number.group(1)
        if re.fullmatch(r"[a-z][a-z -]*", name):
            spellings = [f"{name} {numeral}"]
        elif numeral.isdigit() and re.search(r"[A-Za-zα-ωΑ-Ω]$", name):
            spellings = [f"{name}{numeral}", f"{name} {numeral}"]
        else:
            return mention
        kind = self.type_of(mention.entity) or EntityType.FACTOR
        found = next((e for e in map(self.lookup, spellings) if e), None)
        entity_id = found or self.propose(spellings[0], kind, spellings[1:])
        return Mention(entity_id, mention.start, number.end()) if entity_id else mention

    def _abbreviated_pathway(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """Return the pathway a name in parentheses before "signaling" ends ("... kinase (MAPK) signaling").

        "p38 mitogen-activated protein kinase (MAPK) signaling": the words
        the abbreviation spells out, with a symbol right before them
        ("p38"), and "signaling" or "pathway" after the parenthesis name one
        pathway, as "MAPK signaling" would; it is proposed whole where no
        name covers it, and the names inside it ("protein") are part of it.
        """
        tail = _ABBREVIATION_TAIL.match(text, mention.end)
        opening = re.search(r"\(\s*$", text[: mention.start])
        if tail is None or opening is None:
            return mention
        before = text[: opening.start()].rstrip()
        long_form = find_long_form(before, text[mention.start : mention.end])
        if long_form is None:
            return mention
        start = len(before) - len(long_form)
        symbol = re.search(r"(?:^|(?<=\s))([A-Za-z]*\d[\w-]*)\s+$", text[:start])  # "p38"
        if symbol is not None:
            start = symbol.start(1)
        label = text[start : tail.end()]
        entity_id = self.lookup(label) or self.propose(label, EntityType.PATHWAY)
        if entity_id is None:
            return mention
        while mentions and mentions[-1].end > start:
            mentions.pop()  # "protein" of the long form: part of the pathway's name
        return Mention(entity_id, start, tail.end())

    def _animal_model(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """Return the animal model a species names with the words around it, or the species.

        "a rat model of muscle atrophy", "a myocardial infarction pig model",
        "a rat Parkinson's model": a species with "model" names a disease
        model, proposed whole where no name covers it (a name of what it
        models before the species is part of it). "X in a rat model" is
        the rat model of X, as "a rat (preclinical) model of X" is: where no
        name covers the species' model, a known model of X ("X model") is
        the one meant, the species being the evidence's context, not a new
        model. What it models is read from its name (:func:`find_modelled`).
        """
        start, end, kept = mention.start, -1, len(mentions)
        species = text[mention.start : mention.end]
        modelled = ""  # what the model is of, where the words say so ("model of X", "X in a rat model")
        inside: re.Match[str] | None = None
        of = _SPECIES_MODEL_OF.match(text, mention.end)
        between = _SPECIES_MODEL.match(text, mention.end)
        if of is not None:
            after = self.scan(text[of.end() : of.end() + 120])
            if after and after[0].start == 0:
                end = of.end() + after[0].end
            else:
                phrase = phrase_after(text, of.end(), len(text))
                end = phrase[1] if phrase else -1
            modelled = text[of.end() : end] if end > 0 else ""
        elif between is not None and between.end() > mention.end:
            end = between.end()
            middle = text[mention.end : end].split()[:-1]
            if middle and not all(_model_word(w) for w in middle):
                return mention  # "a rat preclinical model": no name of what it models
            if not middle:  # "myocardial infarction pig model": what it models stands before the species
                inside = _IN_A.search(text, 0, start)  # "tendon injury in a rat model": before "in a"
                start = anchor = inside.start() if inside else start
                while kept and re.fullmatch(r"[\s()]*", text[mentions[kept - 1].end : start]):
                    if self.type_of(mentions[kept - 1].entity) not in DISEASE_TYPES:
                        break
                    kept -= 1
                    start = mentions[kept].start
                for _ in range(4):
                    word = re.search(r"(?:^|(?<=\s))([A-Za-z][\w-]*) $", text[:start])
                    if word is None or not _model_word(word.group(1)):
                        break
                    if re.search(r"\bto\s+$", text[: word.start(1)], re.I):
                        break  # "used to treat X in a rabbit model": a verb after "to", no part of a name
                    start = word.start(1)
                if start == anchor:
                    return mention
                if inside is not None:
                    modelled = text[start:anchor].strip()
        if end < 0:
            return mention
        label = text[start:end]
        entity_id = self.lookup(label)
        if entity_id is None and modelled:
            entity_id = (
                self.lookup(f"{species} model of {modelled}")
                or self.lookup(f"{species} {modelled} model")
                or self.lookup(f"{modelled} model")
            )
            if entity_id is None and inside is not None:
                both = [f"{species} model of {modelled}", f"{species} {modelled} model"]
                entity_id = self.propose(both[0], EntityType.DISEASE_MODEL, both[1:])
        entity_id = entity_id or self.propose(label, EntityType.DISEASE_MODEL)
        if entity_id is None:
            return mention
        del mentions[kept:]  # the names of what it models are part of its name
        return Mention(entity_id, start, end)

    def _induced_models(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Return the mentions with each disease model "X-induced Y" names ("CFA-induced arthritis") as one.

        A disease said to be induced by something, in one noun phrase, is
        the experimental model of it ("Complete Freund's adjuvant (CFA)
        induced arthritis", "HFD-induced metabolic disorders"): the
        inducer makes the model, it raises no disease in a patient, so the
        phrase is one name, proposed whole where no name covers it (with
        the inducer's abbreviation as a second spelling), and "induced"
        inside it is no cue. Y is a known disease, or words that read as
        one ("arthritis", "disorders"; a lone word in "-osis" may be a
        process, "pyroptosis"); what it models is Y
        (:func:`find_modelled`). A process ("TNF-α-induced apoptosis") is what
        the inducer raises, and a name that already holds the phrase ("a
        streptozotocin-induced diabetes mice model") stays as it is.
        """
        for induced in _INDUCED.finditer(text):
            if any(m.start <= induced.start() < m.end for m in mentions):
                continue
            named = [m for m in mentions if m.start == induced.end()]
            if named:
                if self.type_of(named[0].entity) is not EntityType.DISEASE:
                    continue
                if named[0].entity not in self.entities and not _reads_as_disease(
                    text[named[0].start : named[0].end]
                ):
                    continue  # a disease only by the drafter's guess ("pyroptosis"): no model of it
                disease_end = named[0].end
                model_word = re.match(r"\s+models?\b", text[disease_end:])
                end = disease_end + model_word.end() if model_word else disease_end
            else:
                phrase = phrase_after(text, induced.end(), len(text))
                if phrase is None or phrase[0] != induced.end():
                    continue
                end = phrase[1]
                disease_end = phrase[0] + len(re.sub(r"\s+models?$", "", text[phrase[0] : end]))
                disease = text[phrase[0] : disease_end]
                if not _reads_as_disease(disease):
                    continue
            start = induced.start()
            kept = [m for m in mentions if m.end <= start]
            while kept and re.fullmatch(r"[\s()]*", text[kept[-1].end : start]):
                if self.type_of(kept[-1].entity) in CONTEXT_KINDS:
                    break
                start = kept.pop().start
            if start == induced.start():  # "dextran sulfate sodium-induced colitis": words no name covers
                for _ in range(3):
                    word = re.search(r"(?:^|(?<=[\s(]))([A-Za-z][\w'’-]*)\s*$", text[:start])
                    if word is None or not _model_word(word.group(1)):
                        break
                    start = word.start(1)
            if start == induced.start():
                continue
            label = text[start:end]
            short = ABBREVIATION.search(label)  # "Complete Freund's adjuvant (CFA) induced arthritis"
            spellings = [label]
            if short is not None:
                spellings = [
                    " ".join((label[: short.start()] + label[short.end() :]).split()),
                    " ".join((short.group(1) + label[short.end() :]).split()),
                ]
            if end > disease_end:  # "DSS-induced colitis model": the model's name without "model" too
                spellings += [s[: len(s) - (end - disease_end)] for s in spellings]
            found = self.lookup(label) or next((e for e in map(self.lookup, spellings) if e), None)
            entity_id = found or self.propose(spellings[0], EntityType.DISEASE_MODEL, spellings[1:])
            if entity_id is None:
                continue
            model = Mention(entity_id, start, end)
            mentions = sorted(
                [m for m in mentions if m.end <= start or m.start >= end] + [model], key=lambda m: m.start
            )
        return mentions

    def _kind_of(self, text: str, mention: Mention, floor: int) -> Mention:
        """Return the kind of the named entity that words right before its name name, or the mention.

        "bone regeneration", "thermal allodynia", "dopaminergic neurons",
        "type II collagen": one or two words no name covers, right before
        the name of a process, disease, cell or molecule, make a compound
        that names a kind of it, proposed as a new entity of the same type
        (the scan tried the longest known names first: none covers the
        compound). A word that only rates, counts or places ("significant",
        "several", "local"), a function, cue or reporting word, an adverb,
        a participle, a number or a name of its own is no such word.
        """
        kind = self.type_of(mention.entity)
        if kind not in _KIND_HEADS or not re.fullmatch(r"[a-z][a-z -]*", text[mention.start : mention.end]):
            return mention  # a molecule's own symbol ("TLR-4", "interleukin 6") names no kind
        numbered = _TYPE_AFTER.match(text, mention.end)
        if numbered is not None:  # "collagen type II": the numbered type names the kind
            label = text[mention.start : numbered.end()]
            entity_id = self.lookup(label) or self.propose(label, kind)
            return Mention(entity_id, mention.start, numbered.end()) if entity_id else mention
        start = mention.start
        for _ in range(2):
            word = re.search(r"(?:^|(?<=[\s(]))([A-Za-z][A-Za-z0-9+-]*) $", text[floor:start])
            if word is None or not self._modifier(word.group(1)):
                break
            if re.search(r"\bto\s+$", text[: floor + word.start(1)], re.I):
                break  # "used to treat X": a verb after "to", no part of X's name
            start = floor + word.start(1)
        if start == mention.start:
            return mention
        label = text[start : mention.end]
        entity_id = self.lookup(label) or self.propose(label, kind)
        return Mention(entity_id, start, mention.end) if entity_id else mention

    def _modifier(self, word: str) -> bool:
        """Return True for a word that can make a compound name with the name after it ("bone")."""
        return not (
            FUNCTION_WORD.fullmatch(word)
            or REPORTING.fullmatch(word)
            or ADVERB.fullmatch(word)
            or _NOT_MODIFIER.fullmatch(word)
            or CUE.search(word)
            or re.fullmatch(r"[\w-]*(?:ed|ing)|[\d-]+|[\w-]*[^su]s", word, re.I)  # "exerts", "cells": no part
            or GENERIC.fullmatch(word)
            or GENERIC_NOUN.fullmatch(word)
            or self.lookup(word) is not None
        )

    def _symbol(self, text: str, start: int, end: int) -> Mention | None:
        """Return an unknown gene-like symbol at ``text[start:end]`` ("CXCL-12", "MMP-10") as a new factor.

        Symbols of this shape name molecules in these texts; where the next
        word is "pathway" or "signaling", the symbols name a pathway, as does
        a short capitalised word there ("Akt signaling"); symbols joined by a
        slash are one name ("JAK/STAT").
        """
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        microrna = _MICRORNA.match(text, start)
        if microrna is not None and microrna.end() == end:  # "miR-494": a microRNA, proposed as one
            entity_id = self.local.get(normalise_name(text[start:end])) or self.propose(
                text[start:end], EntityType.MICRORNA
            )
            return Mention(entity_id, start, end) if entity_id else None
        joined = _SYMBOL.match(text, start)  # "JAK/STAT": the slash splits tokens, not the symbol
        if (
            joined is not None
            and joined.end() > end
            and text[end] == "/"
            and not _ALTERNATIVES.match(text, joined.end())
        ):
            end = joined.end()
        symbol = text[start:end]
        pathway = _PATHWAY_AFTER.match(text, end)
        if pathway and re.fullmatch(r"[A-Z][a-z]{1,3}\d*", symbol):  # "Akt signaling": a pathway's name
            label = text[start : pathway.end()]
            entity_id = self.local.get(normalise_name(label)) or self.propose(label, EntityType.PATHWAY)
            return Mention(entity_id, start, start + len(label)) if entity_id else None
        if not _SYMBOL.fullmatch(symbol) or _NOT_SYMBOLS.fullmatch(symbol) or re.search(r"[a-z]{4}", symbol):
            return None
        plural = self.lookup(f"{symbol}s") if symbol.isupper() and not pathway else None
        if plural is not None and self.type_of(plural) in (EntityType.MSC_SOURCE, EntityType.CELL_TYPE):
            return Mention(plural, start, end)  # "BMSC": the cells "BMSCs" names, written singular
        if pathway:
            label, kind = text[start : pathway.end()], EntityType.PATHWAY
        else:
            label, kind = symbol, EntityType.FACTOR
        entity_id = self.local.get(normalise_name(label)) or self.propose(label, kind)
        return Mention(entity_id, start, start + len(label)) if entity_id else None

    def propose(self, label: str, kind: EntityType, synonyms: Sequence[str] = ()) -> str | None:
        """Propose a new entity named ``label`` (and ``synonyms``); return its id, or None where taken."""
        entity_id = slugify(label)
        if not entity_id or entity_id in self.entities:
            return None
        names = [label, *synonyms]
        if entity_id not in self.proposed:
            record: dict[str, Any] = {"id": entity_id, "label": label, "type": kind.value}
            record["synonyms"] = list(synonyms)
            xrefs, term_label = self._ground(label, synonyms)
            if xrefs:
                record["xrefs"] = xrefs
                grounded = _PREFIX_TYPES.get(xrefs[0].partition(":")[0])
                if grounded is not None and kind in _GUESSED_TYPES:  # the vocabulary says what it is
                    record["type"] = grounded.value
                if normalise_name(term_label) not in {normalise_name(n) for n in names}:
                    record["synonyms"].append(term_label)
                    names.append(term_label)
            self.proposed[entity_id] = record
        for name in names:
            self.local[normalise_name(name)] = entity_id
        return entity_id

    def retype(self, entity_id: str, kind: EntityType) -> bool:
        """Give a proposed entity ``kind`` where its type was only guessed; return True when it has it.

        A known entity's type is the curators' and a grounded one's the
        vocabulary's: neither changes.
        """
        record = self.proposed.get(entity_id)
        if record is None or record.get("xrefs") or EntityType(record["type"]) not in _GUESSED_TYPES:
            return False
        record["type"] = kind.value
        return True

    def _ground(self, label: str, synonyms: Sequence[str]) -> tuple[list[str], str]:
        """Return the CURIEs of the first name (label, then synonyms) the dictionary has, and its label."""
        if self.terms is None:
            return [], ""
        for name in (label, *synonyms):
            found = self.terms.find(name)
            if found:
                return [match.curie for match in found], found[0].label
        return [], ""

    def _preparation_in(self, long_form: str) -> str | None:
        """Return the preparation a long form ends with ("human adipose MSCs conditioned media"), if any.

        Such a name is the preparation made from those cells: the graph keeps
        the preparation and records the cells as its context, so the seed's
        abbreviation ("hAMSCs-CM") names the preparation.
        """
        words = long_form.split()
        for start in range(1, len(words) - 1):
            found = self.lookup(" ".join(words[start:]))
            if found and self.type_of(found) is EntityType.SECRETOME_COMPONENT:
                return found
        return None

    def _adjective_process(self, text: str, start: int, end: int) -> Mention | None:
        """Return the process an adjective before "process(es)" names ("inflammatory processes"), if known.

        "Processes" after the adjective of a process adds nothing: the
        phrase names the process, by the adjective's ending as for effects
        ("inflammatory" → inflammation, "autophagic" → autophagy).
        """
        word = text[start:end]
        after = _PROCESSES_AFTER.match(text, end)
        if after is None or not re.fullmatch(r"[a-z]{5,}", word):
            return None
        for ending, noun in ADJECTIVE_NOUNS:
            if word.endswith(ending) and len(word) > len(ending) + 3:
                found = self.lookup(word[: len(word) - len(ending)] + noun)
                if found and self.type_of(found) in _PROCESS_TYPES:
                    return Mention(found, start, after.end())
        return None

    def _medium_abbreviation(self, text: str, start: int, end: int) -> Mention | None:
        """Return the conditioned medium an abbreviation ending in "-CM" names ("UC-CM", "hWJ-MSCs-CM").

        "-CM" after the abbreviation of a cell is how reviews write the
        conditioned medium of those cells (as "MSC-CM"): the graph keeps the
        medium, the cells are its context.
        """
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if not re.fullmatch(r"[A-Za-z][\w-]*-CMs?", text[start:end]):
            return None
        medium = self.lookup("conditioned medium")
        if medium is None or self.type_of(medium) is not EntityType.SECRETOME_COMPONENT:
            return None
        return Mention(medium, start, end)

    def _conditioned_medium(self, text: str, start: int, end: int) -> Mention | None:
        """Return the conditioned medium "X-conditioned medium" names, whatever X is, or None.

        "treated with stem cells-conditioned medium", "the liquid
        crystal-conditioned medium blocked X": the medium conditioned by X is
        a conditioned medium, as "MSC-conditioned medium" is; what
        conditioned it is its context. The mention runs from the hyphenated
        word to "medium".
        """
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if not _CONDITIONED.fullmatch(text, start, end):
            return None
        medium = self.lookup("conditioned medium")
        if medium is None or self.type_of(medium) is not EntityType.SECRETOME_COMPONENT:
            return None
        return Mention(medium, start, end)

    def learn(self, long_form: str, short: str) -> None:
        """Record that the seed defines ``short`` as ``long_form``; propose an entity where both are new."""
        long_form, short = long_form.strip(" ,.;"), short.strip()
        if not long_form or normalise_name(long_form) == normalise_name(short):
            return
        medium = self._medium_abbreviation(short, 0, len(short))
        if medium is not None:  # "human umbilical cord MSCs (UC-CM)": the medium, whatever the letters spell
            self.local.setdefault(normalise_name(short), medium.entity)
            return
        known = self.lookup(short) or self.lookup(long_form) or self._preparation_in(long_form)
        if known:
            self.local.setdefault(normalise_name(short), known)
            self.local.setdefault(normalise_name(long_form), known)
            return
        self.propose(long_form, guess_type(long_form), [short])


_SPECIES_MODEL_OF = re.compile(
    r"(?:\s+(?:preclinical|experimental|animal))?\s+models?\s+of\s+(?:the\s+)?", re.I
)
# "M2", "Th17", "CD4+": a short symbol that names a kind of the cells after it
_SUBTYPE_SYMBOL = re.compile(r"[A-Z][A-Za-z]{0,3}\d{1,2}\+?")
# " II", " 1" after a molecule's name ("collagen II", "TGF-β 1"), not a count of days or a dose after it
_NUMBER_AFTER = re.compile(
    r"\s+([IVX]{1,4}|\d)(?=[\s,.;)]|$)(?!\s*(?:%|mg|ml|µ|ng|days?|h\b|hours?|weeks?|months?|years?|times))"
)
# ")-γ", ")-8" after an abbreviation in parentheses: the member of a family ("interferon (IFN)-γ")
_PARENTHESIS_SUFFIX = re.compile(r"\)\s*-\s*([α-ωΑ-Ω]|\d{1,2})(?![\w-])")
# "processes" after the adjective of a process ("inflammatory processes"): nothing of its own
_PROCESSES_AFTER = re.compile(r"\s+process(?:es)?\b", re.I)
_PROCESS_TYPES = {EntityType.DISEASE, EntityType.DISEASE_MODEL, EntityType.PHENOTYPE, EntityType.PROCESS}
# ") signaling", ") pathway" right after a name in parentheses
_ABBREVIATION_TAIL = re.compile(r"\)\s+(?:signal(?:l)?ing\s+pathway|pathway|signal(?:l)?ing)\b", re.I)
_IN_A = re.compile(r"(?<=\s)in\s+an?\s+$", re.I)
_INDUCED = re.compile(r"[\s-]induced\s+", re.I)
_INDUCED_NAME = re.compile(r".+?[\s-]induced\s+(?P<x>.+)$", re.I)
_SPECIES_MODEL = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+models?\b", re.I)


def _model_word(word: str) -> bool:
    """Return True for a word that can say what an animal model models ("infarction", "DSS-induced")."""
    return not (
        FUNCTION_WORD.fullmatch(word)
        or _NOT_MODIFIER.fullmatch(word)
        or ADVERB.fullmatch(word)
        or CUE.search(word)
        or re.fullmatch(r"[a-z]+(?:ed|ing)|[\d-]+|in|vivo|vitro|animal|preclinical|experimental", word, re.I)
    )


_TYPE_AFTER = re.compile(r"\s+type\s+(?:[IVX]{1,4}|\d{1,2})\b")
_KIND_HEADS = FACTOR_TYPES | {
    EntityType.PROCESS,
    EntityType.DISEASE,
    EntityType.PHENOTYPE,
    EntityType.CELL_TYPE,
}
"""Types whose names a word before them can narrow to a kind ("bone regeneration", "dopaminergic neurons")."""
# Words that rate, count, place or age what they qualify: no part of a name ("significant regeneration").
_NOT_MODIFIER = re.compile(
    r"significant|great|greater|better|higher|lower|proper|correct|optimal|overall|novel|new|potential|main|"
    r"major|minor|key|important|total|normal|local|systemic|direct|indirect|additional|classical|specific|"
    r"various|diverse|broad|several|numerous|different|multiple|many|much|same|similar|whole|entire|"
    r"possible|certain|particular|general|common|early|late|long|short|high|low|large|small|good|poor|"
    r"severe|mild|strong|weak|marked|effective|beneficial|therapeutic|clinical|preclinical|current|recent|"
    r"previous|first|second|each|every|only|own|resident|healthy|native|mature|immature|adult|young|old|"
    r"live|living|fresh|host|target|its|their|our|his|her|some|any|no|other|another|this|that|these|those|"
    r"a|an|the|crucial|critical|essential|relevant|distinct|respective|individual|net|mean|average|like|unlike|"
    r"via|per|plus",
    re.I,
)

_PREFIX_TYPES = {
    "HGNC": EntityType.FACTOR,
    "MIRBASE": EntityType.MICRORNA,
    "GO": EntityType.PROCESS,
    "CL": EntityType.CELL_TYPE,
    "UBERON": EntityType.TISSUE,
    "MONDO": EntityType.DISEASE,
}
"""The type a new entity's first cross-reference says it has (MeSH spans every kind: none)."""
_GUESSED_TYPES = {EntityType.FACTOR, EntityType.PROCESS, EntityType.CELL_TYPE, EntityType.DISEASE}
"""The types ``guess_type`` reads from a name alone, which a vocabulary may correct; a type chosen on
purpose (a row's model, an MSC source, a pathway, a finer kind of factor) stays."""


def _merge_defined(mentions: list[Mention], text: str) -> list[Mention]:
    """Return the mentions with "long form (ABBR)" of one entity as one mention, parenthesis included."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.entity == mention.entity
            and text[last.end : mention.start].strip() == "("
            and text[mention.end : mention.end + 1] == ")"
        ):
            merged[-1] = Mention(last.entity, last.start, mention.end + 1)
        else:
            merged.append(mention)
    return merged


def phrase_after(text: str, position: int, stop: int) -> tuple[int, int] | None:
    """Return the span of the noun phrase right after a cue ("reduced [tubular atrophy] in ..."), if short.

    Leading determiners and measures ("the level of", "expression of") are
    skipped; the phrase ends at a function word, a cue, an adverb or
    punctuation, and holds at most four words; one that starts with a past
    tense ("and preserved systolic function") is a verb's, no phrase; a
    participle that opens a clause ("using", "showing") ends it.
    """
    lead = PHRASE_LEAD.match(text, position, stop)
    start = lead.end() if lead else position
    words: list[tuple[int, int]] = []
    for match in WORD.finditer(text, start, stop):
        gap = text[words[-1][1] : match.start()] if words else text[start : match.start()]
        if gap.strip() or FUNCTION_WORD.fullmatch(match.group()) or CUE.fullmatch(match.group()):
            break
        if ADVERB.fullmatch(match.group()):  # "reduced muscle fatty degeneration significantly"
            break
        if words and _CLAUSE_PARTICIPLE.fullmatch(match.group()):  # "model of muscle atrophy using CM"
            break
        if not words and re.fullmatch(r"[a-z]+ed", match.group()):  # "and preserved systolic ...": a verb
            return None
        words.append((match.start(), match.end()))
    phrase = text[words[0][0] : words[-1][1]] if words else ""
    if (
        not words
        or len(words) > 4
        or not re.search(r"[a-z]{4}", phrase)
        or GENERIC.fullmatch(phrase)
        or GENERIC_NOUN.fullmatch(phrase)
    ):
        return None
    return words[0][0], words[-1][1]


# Participles that open a clause after a noun phrase ("... muscle atrophy using conditioned medium")
_CLAUSE_PARTICIPLE = re.compile(
    r"using|showing|suggesting|indicating|involving|demonstrating|revealing|allowing|making|giving", re.I
)


_TYPE_WORDS = (
    (r"condition(?:ed)? medi(?:um|a)|secretome|-cm\b", EntityType.SECRETOME_COMPONENT),
    (r"stem cells?|stromal cells?", EntityType.MSC_SOURCE),
    (r"pathway|signal", EntityType.PATHWAY),
    (r"\bcells?\b|cytes?\b|blasts?\b|neurons?\b", EntityType.CELL_TYPE),
    (r"disease|disorder|syndrome|itis\b|osis\b|iasis\b|pathy\b|injury|dystrophy", EntityType.DISEASE),
    (r"factor|protein|kinase|receptor|interleukin|hormone|peptide", EntityType.FACTOR),
    (r"tion\b|genesis\b|sis\b", EntityType.PROCESS),
)
"""Words that say what a name is, in the order they are tried on its head noun, then on the whole name."""


def guess_type(name: str, default: EntityType = EntityType.FACTOR) -> EntityType:
    """Return a first guess at a proposed entity's type from its name (the curator checks it).

    The head noun, the last word (a number or a Greek letter after it is a
    member's mark), says first: "basic fibroblast growth factor" is a
    factor, though "fibroblast" names cells, and "antiapoptosis factors"
    are factors, though "-osis" names a disease; only where the head says
    nothing do the other words ("stem cells?" in "dental pulp stem cells").
    """
    lower = name.lower()
    words = re.findall(r"[a-z][a-z'-]{2,}", lower)
    for text in (words[-1] if words else "", lower):
        for pattern, kind in _TYPE_WORDS:
            if re.search(pattern, text):
                return kind
    return default


def _reads_as_disease(words: str) -> bool:
    """Return True when words no name covers read as a disease ("metabolic disorders", "arthritis").

    As :func:`guess_type` reads them, except where the last word ends in
    "-osis": such a word names processes as often as diseases ("pyroptosis",
    "apoptosis"), so only a known name says it is a disease.
    """
    return guess_type(words, EntityType.PROCESS) is EntityType.DISEASE and not re.search(
        r"osis$", words.split()[-1] if words.split() else "", re.I
    )


def find_long_form(before: str, short: str) -> str | None:
    """Return the words before "(ABBR)" that ABBR abbreviates (their initials, in order), if any.

    A plain version of Schwartz and Hearst's rule: take as few words back as
    hold the abbreviation's letters in order, the first letter starting a word.
    """
    words = re.findall(r"[^\s]+", before)
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters or not words:
        return None
    for count in range(1, min(len(words), len(letters) + 3) + 1):
        candidate = " ".join(words[-count:])
        if candidate[:1].lower() != letters[0]:
            continue
        position = 0
        text = candidate.lower()
        for letter in letters:
            position = text.find(letter, position)
            if position < 0:
                break
            position += 1
        else:
            return candidate
    return None


REPORTING = re.compile(
    r"(?:observed|found|shown|reported|demonstrated|noted|seen|showed|displayed|exhibited|revealed|"
    r"indicated|moreover|furthermore|however|further|additionally|addition|also|even|only|again|"
    r"findings|results|data|evidence|observations?|studies|study|way|approach|strategy|option|"
    r"viable|promising|effective|novel|new|suggests?|indicates?|shows?|supports?|proves?|the|an?|"
    # an examination reports what was seen, it does nothing: "radiographic and histological examination
    # revealed accelerated bone formation" is the treatment's effect
    r"analys[ie]s|examinations?|evaluations?|assessments?|imaging|staining|[a-z]+(?:ical|graphic))",
    re.I,
)
_MODEL_OF = re.compile(r"models?\s+of\s+(?:the\s+)?(?P<x>.+)$", re.I)
_X_MODEL = re.compile(r"(?P<x>.+?)\s+(?P<species>[A-Za-z]+)\s+models?$", re.I)
_X_IN_MODEL = re.compile(r"(?P<x>.+?)\s+in\s+an?\s+(?P<species>[A-Za-z]+)\s+models?$", re.I)
_SPECIES_X_MODEL = re.compile(r"(?P<species>[A-Za-z]+)\s+(?P<x>.+?)\s+models?$", re.I)


def find_modelled(names: Names, text: str, mention: Mention) -> str | None:
    """Return what a disease model's name says it models ("rat model of X", "X pig model"), or None.

    The modelled disease is a known name covering those words, else
    proposed as a new disease.
    """
    if names.type_of(mention.entity) is not EntityType.DISEASE_MODEL:
        return None
    name = text[mention.start : mention.end]
    modelled = None
    of = _MODEL_OF.search(name) or _X_IN_MODEL.fullmatch(name)  # "X in a rat model": a model of X
    if of is not None:
        modelled = of.group("x")
    else:  # "X pig model", "rat X model": X must be a name, never proposed from these words
        for pattern in (_X_MODEL, _SPECIES_X_MODEL):
            found = pattern.fullmatch(name)
            if found and names.type_of(names.lookup(found.group("species")) or "") is EntityType.SPECIES:
                modelled = found.group("x")
                break
        else:  # "CFA-induced arthritis (model)": a model of the disease it names after "induced"
            of = _INDUCED_NAME.fullmatch(name)
            modelled = re.sub(r"\s+models?$", "", of.group("x")) if of else None
    if not modelled:
        return None
    words = modelled.split()
    while words and not _model_word(words[0]):  # "preclinical rheumatoid arthritis": the disease
        words.pop(0)
    modelled = " ".join(words)
    if not modelled:
        return None
    induced = _INDUCED_NAME.fullmatch(modelled)
    if induced is not None:  # "a streptozotocin-induced diabetes mellitus mice model": diabetes mellitus
        modelled = induced.group("x")
    known = names.lookup(modelled)
    if known is None:  # "streptozotocin-induced diabetes mellitus": the disease it names last
        inside = [m for m in names.scan(modelled) if names.type_of(m.entity) in DISEASE_TYPES]
        known = inside[-1].entity if inside else None
    if known is not None:  # a disease, never another model ("DSS-induced acute colitis": not its model)
        return known if names.type_of(known) in _MODELLED_TYPES else None
    if of is None:
        return None
    if of.re is _INDUCED_NAME and not _reads_as_disease(modelled):
        return None  # "HFD-induced obese mice": no disease's name
    return names.propose(modelled, guess_type(modelled, EntityType.DISEASE))


_MODELLED_TYPES = {EntityType.DISEASE, EntityType.PHENOTYPE, EntityType.PROCESS}
"""What a model can be a model of: a disease, a phenotype or a process, never another model."""
