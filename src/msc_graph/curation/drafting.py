"""Draft a review's curation from its seed text: proposals for a curator to check, never data.

A curator reading a new review spends most of the time on the routine part:
finding which entities each sentence names, which study it cites, and
copying the quote. The drafter does that part and proposes records in the
project's own YAML format, each marked ``status: draft`` and
``proposed_by: curate-draft``, for the curator to accept, mend or drop.

It reads the seed exactly as the coverage audit does
(:func:`msc_graph.curation.coverage.segment_seed`: the same sentences,
sections, paragraphs and table rows), so a draft's locator is the audit's.
Entities are found with the resolver's names (a callable over the name index,
passed in so this stage does not import the views), plus the abbreviations
the seed itself defines ("basic fibroblast growth factor (bFGF)", a table's
footnote "GFAP: glial fibrillary acidic protein;").

An assertion is proposed where a sentence names two entities with a cue
between them ("reduces", "carrying", "derived from" ...). The rules are
deliberately plain and conservative:

- a cue whose direction is unclear ("modulates", "regulates", "affects")
  gives ``acts-on``, never a signed predicate; a negated cue ("did not
  reduce") gives nothing;
- the quote is the shortest span of the sentence holding the subject, the
  cue and the object, verbatim (checked against the normalised seed; a span
  that is not verbatim is dropped, never mended);
- a sentence that hedges (may, might, could, suggest, possibly ...) gives
  ``basis: hedged``;
- a table row names its preparation's effects with arrows (↓ X, ↑ Y); a row
  listing several factors gets no factor-level link, one naming a single
  factor gets an ``inferred`` one, said in words; the row's own cells
  (model, species, MSC origin, preparation) are its evidence's context;
- words no known name covers right after a signed cue ("reduced tubular
  atrophy") are proposed as a new entity, as are a name the seed defines
  and a gene-like symbol ("CXCL-12", "MMP-10");
- a sentence that states an effect with no subject of its own ("It also
  reduced X") takes the paragraph's last subject, and its quote holds the
  cue and the object only;
- what a name is: a cue word inside a name is no cue ("Macrophage
  Stimulating Protein"); a bare general noun ("cells", "efficacy") names no
  entity; a cell type followed by a process noun names the process
  ("microglia activation"); a table's disease or model column says what its
  cells name;
- who does what: a name that only completes the cue's object phrase is no
  object ("linked to the therapeutic actions of MSCs"); a means clause ("by
  regulating X") is its clause subject's; a species, route, tissue or
  disease raises, lowers or carries nothing; examples after a passive's
  agent ("released by MSCs, such as IL-6") are what the agent did it to;
- who is named again: a pronoun or "this/these cells, medium, therapy"
  names the nearest preparation, cell or factor before it, else what the
  sentence before named first ("They carry X"); "these factors", "both
  receptors" name the sentence before's objects, one claim each; a pronoun
  is never an object, and "It is thought that" names nothing;
- items of a list that share a word of a two-word name of a process,
  disease, phenotype, cell or tissue name their own kind: "bone and
  cartilage defects" (bone defects), "mechanical, thermal allodynia" (a
  comma joins adjectives only), "tissue repair and regeneration" (tissue
  regeneration, where the word is a process noun ending the list); the
  shared name is the known one, else proposed with the name's type; a word
  after a noun ("dental pulp and adipose tissue"), a plural, an -ing or
  -ion noun or an adverb shares nothing back;
- "In both the cases" or "Both the treatments (strategies, groups)"
  opening a sentence names the two treatments the paragraph last joined by
  "and" ("ADSCs and their secretory molecules were given": the cells and
  their secretome): its effects with no subject of their own are each's;
- lists of functions: "X serves functions, which include A, B and anti-C"
  (functions, roles, properties, activities ... such as / including /
  which include) makes X associated with each item and lower C; an item no
  name covers, if short, is proposed as a process; an "anti-X" noun outside
  such a list names no owner;
- "the factors secreted by MSCs promote X": as a subject, what cells
  secrete is their secretome ("the molecules secreted by MSCs include Y"
  stays the MSCs' own);
- examples after a signed cue's objects ("downregulated the senescence
  markers, including A and B") are lowered too, not carried;
- ends that cannot hold a predicate give nothing: MSCs derived from MSCs,
  a species derived from anything, a model of a preparation or a cell;
- a phrase proposed after a cue ends at an adverb ("... degeneration
  significantly") and is none when it starts with a past tense ("and
  preserved systolic function");
- a participle after a determiner describes its noun ("in the producing
  cytokines", "the activated microglia"): no cue;
- a sentence whose cue follows a subject no name covers ("a cell line
  showed increased X") does not take the paragraph's subject; reporting
  words ("it was observed that", "these findings suggest") name no one;
- a list after a cue goes on past items no name covers ("contains VEGF,
  proteases, matrix proteins, IL-6, and lipid mediators"): each short
  piece between commas is an item, proposed as a factor (after a cue of
  contents), a tissue (after "derived from") or a process; a citation or a
  piece that is no short noun phrase ends the list; examples of the last
  item ("cytokines (such as interleukin-1β, TNF-α)") are items too;
- an anti-adjective before a kind of molecule or cell ("anti-inflammatory
  cytokines") names the kind, no claim; a cue named as an event after a
  determiner ("the increase of X") takes no subject from the paragraph; a
  participle cue right after a noun no name covers ("the functions
  associated with X") has no named subject;
- "Akt signaling for (the) expression of X, Y": the name right before the
  cue raises each; a name right before the next cue ("..., JAK/STAT
  signaling for expression of Z") is that cue's subject, no item of the
  list before, and that list is no part of its subject;
- what is found in a preparation, it carries: "identified X and Y in the
  secretome", "a high content of X", "the X content in Y"; "confirmed the
  presence of X" with no preparation named is found in the paragraph's
  preparation;
- a list starts before its first name ("secretes molecules like decorin,
  osteoprotegerin, VEGF": the unnamed first items are proposed too), and an
  item is the whole phrase a name only begins ("cell survival factors");
- an effect seen in a treated group is the treatment's ("greater expression
  of X in the CM treated group", "X were highly expressed in the group
  treated with Y"); "greater", "better", "higher" and "highly expressed"
  are cues of increase; "findings", "data", "evidence" name no entity;
- symbols joined by a slash are one name ("JAK/STAT signaling"), and a short
  capitalised word before "signaling" or "pathway" names a pathway ("Akt
  signaling");
- an anti-effect said to hold in a kind of what it opposes is against that
  kind ("antinociceptive effects in neuropathic pain": neuropathic pain);
- verbs whose direction is plain in any text are cues too: "favors",
  "facilitates", "accelerates", "encourages", "aids in", "aggravates" raise;
  "eliminates", "neutralizes", "disrupts" and "protects X from (against) Y"
  lower (Y: the protected X is no object); a plural noun cue counts
  ("improvements in X"), and "acts directly on" acts on;
- a name that owns the noun after it ("the microglia's anti-inflammatory
  effect") is no object of the cue before it: the noun is;
- an adjective of a process before an effect noun names the process by its
  ending, as anti- words do: "neuroprotective effects", "pro-nociceptive
  effects" raise it, "immunomodulatory properties (function, activity)"
  are associated with it; whose, as for anti-effects ("effects of X", what
  was given, the nearest name before; after "its"/"their", the sentence's
  first agent); "such as cytokines" gives examples, it names no earlier
  objects again;
- one or two words no name covers right before the lower-case name of a
  process, disease, cell or molecule make a compound naming a kind of it
  ("bone regeneration", "thermal allodynia", "dopaminergic neurons", "type
  II collagen"), proposed whole with the name's type; a word that rates,
  counts or places ("significant", "several", "local"), a function, cue
  or reporting word, an adverb, a participle, a plural or a verb in -s,
  a number or a name of its own is no part of one, and a molecule's own
  symbol ("serum IL-6") names no kind; a numbered type after such a name
  names a kind too ("collagen type II");
- a species with "model" names an animal model, proposed whole where no
  name covers it: "a rat model of X" (X a name, or the words after "of"
  proposed as a disease), "an X pig model", "a rat X model" (X a name of
  its own, and the disease its name holds last, after words like
  "preclinical"); the model's name says what it is a model of, for a known
  model too ("rat model of traumatic brain injury"); "a rat preclinical
  model" names none;
- a short noun phrase right after a signed cue is its first object even
  where a name follows later in the clause ("improved renal function in
  rats", "promoted myogenesis and angiogenesis"), unless it runs into that
  name ("reduced serum IL-6") or a name after "of" completes it ("the
  stimulating effects of IL-1β"); names after a means clause ("improve
  renal function by adjusting creatinine") are no objects of the cue;
- a head noun that names nothing alone, with the short phrase after its
  "of", is one object of a signed cue ("restoring the integrity of spinal
  circuits", "decreasing the atrophy of rotator cuff muscles"); a measure
  before it is no part of it ("the frequency of relapse of X", "the
  increased expression of markers of X"), and "markers of" after "of" is
  part of such a phrase, no cue;
- "modulate the immune system (the immune response, immunological
  responses)", "modulation of immune responses" name immunomodulation: the
  subject is associated with it, with no sign;
- an "-ic" anti-adjective no name covers ("anti-allodynic effects")
  opposes the noun in "-ia" or "-y" that the seed itself writes
  ("allodynia"), where it writes only one of them;
- a measure before a list item ("number of apoptotic cells", "some amount
  of nucleic acid") is no part of it: the item is what it measures, and
  the list goes on;
- a process noun with "of" before a cell type names the cells' process as
  "microglia activation" does ("the activation of glial cells"), unless
  another process is coordinated with it ("the proliferation and
  migration of keratinocytes": which are the cells' is unclear);
- a known name of a molecule or pathway followed by more symbols after
  slashes, or by a word or two, then "pathway" or "signaling" names one
  pathway ("PI3K/AKT/mTOR pathway", "TNF receptor-mediated signaling"),
  proposed whole; function and cue words end it ("IL-6 and the JAK
  pathway" is two names);
- "the" and a general name of a preparation or a cell ("the secretome")
  names again the kind of it the sentence before, or the same sentence
  earlier, named, where is-a makes it a kind and its own name ends with the
  general one ("full secretome"): a study's preparation named again by its
  class; extracellular vesicles (not named a secretome) and a name with no
  "the" stay general;
- the last item of a list after a cue ends at a preposition or a relative
  word ("reduced hyperalgesia and edema during the acute phase": edema), and
  the list with it; a piece that starts with a participle (", suggesting
  that ...") is a clause, no item;
- an abbreviation ending in "-CM" ("UC-CM", "hWJ-MSCs-CM") names the
  conditioned medium of the cells it abbreviates, defined in the seed or
  not: the letters spell the cells, "-CM" says it is their medium;
- "regains" and "rescues" raise what they name, as "restores" does;
- a species right before a name says whose it is ("rescued rat MSCs and
  osteoclasts"): the cue's objects go on past it; and a species, route or
  tissue between two cues is no new subject of the second ("... and also
  upregulated X" is still the first cue's subject's);
- the list before a bare passive goes on past its last name to the
  auxiliary ("cytokines (such as A, and B) were enhanced", "creatinine,
  uric acid, and proteinuria were reduced"): its items no name covers are
  what the cue says too, as after an active cue;
- a use is no effect: "MSCs have been employed in X", "used in (the
  treatment of) X" makes the user associated with X, never a guessed sign,
  and a "treatment of" the same clause goes on to is part of the use; a
  list of disorders starts before its first name ("studies involving
  disorders like A, B, diabetes"); a singular word before a plural item
  shares its noun ("bone, cartilage defects"): no item alone; an adverb
  ends a list (", particularly in X");
- "X in a rat model" is the rat model of X, proposed as "rat model of X"
  (and "rat X model") where no name covers it, and "a rat preclinical
  model of X" names one as "a rat model of X" does; where no name covers
  the species' model, a known model of X ("X model") is the one meant (the
  species is the evidence's context); a word after "to" is a verb ("used
  to treat X"), no part of a name;
- a disease said to be induced by something, in one noun phrase, is a
  model of it ("Complete Freund's adjuvant (CFA) induced arthritis",
  "HFD-induced metabolic disorders"): one name, proposed whole (the
  inducer's abbreviation a second spelling), a model of the disease, and
  "induced" inside it no cue; words no name covers count where they read
  as a disease, a word in "-osis" only where a name (not a guess) says so
  ("inflammation induced pyroptosis": a process); a process ("TNF-α-induced
  apoptosis") is no model, and a model is a model of a disease, phenotype
  or process, never of a model;
- an effect in a relative clause is what the relative pronoun names: the
  whole list before it ("BDNF and NGF, which may exert pro-nociceptive
  effects"), past a place it was found in or who made it ("HGF and VEGF in
  the secretome of MSCs, which are known to have neuroprotective
  effects"); an effect adjective in the clause is no owner;
- an area, a volume or a density of X is a measure of X, as its level
  is ("greater area of bone regeneration": bone regeneration);
- words before a name in parentheses spell that name out, learned as its
  long form or not (", receptor activator of nuclear B (RANK) CCL2"): part
  of its item, no item of their own, so the list goes on past them;
- a name in parentheses right before "signaling" or "pathway" ends one
  pathway's name, from the words it spells out and a symbol before them
  ("p38 mitogen-activated protein kinase (MAPK) signaling"), proposed
  whole; the names inside it ("protein") are part of it;
- a Greek letter or a number after an abbreviation in parentheses names
  one member of the family ("interferon (IFN)-γ": IFN-γ, also
  interferon-γ), proposed where no name covers it; the family alone is
  not named. Proposed ids spell Greek letters as the graph's ids do
  ("ifn-g"), so two members keep two ids;
- a lone number or Roman numeral right after a molecule's name names a
  numbered member of it ("collagen II", "TGF-β 1": TGF-β1), looked up or
  proposed; a count of days or a dose after a name is no member;
- a proposed name ending in "-iasis" ("psoriasis vulgaris") is a disease,
  as one in "-itis" or "-osis" is, so "improves" ameliorates it;
- a list of sources starts right after "derived (isolated) from": short
  pieces before its first name, each before a comma, are items ("isolated
  from epidermis, adipose tissue"); and a piece no name covers between two
  names of a list after "including" is an item too ("including bone
  marrow, tooth pulp, adipose tissue");
- "processes" after the adjective of a process adds nothing: the phrase
  names the process by the adjective's ending, as for effects
  ("inflammatory processes": inflammation, "autophagic processes":
  autophagy); and a list piece with an article inside (", and discuss the
  potential roles") is a verb's phrase, no item;
- a relative clause right after a cue's list names the whole list,
  items no name covers included ("factors such as ADAM10, annexin,
  clusterin, and pentraxin 3 that are known to reduce X": each lowers X);
- a cue named as a noun takes the phrases after its own "of" or "in" as
  its objects where no name follows ("their prevention of adipogenesis,
  improvements in glucose metabolism"), as a verb takes those right after
  it; an "anti-" phrase there is the anti rule's, no object;
- a singular "it" with nothing named before it in its sentence names the
  preparation the sentence before named, where it named one, before the
  factor or cell it named first ("IL-10 expression validated the action
  of conditioned medium. It increased X": the medium); "they" keeps the
  first agent;
- a participle that opens a clause ("using", "showing", "suggesting")
  ends a noun phrase ("a rat model of muscle atrophy using conditioned
  medium": a model of muscle atrophy);
- before a bare passive too, a piece no name covers between two names of
  the list is an item ("Sox9, aggrecan, collagen II were highly expressed");
- a list of what is secreted starts before its first name, after a
  quantity ("secrete a variety of angiogenic factors, antiapoptosis
  factors, and growth factors"): short pieces, each before a comma, then
  "and" and the name, are items too;
- what is said to be present in a preparation is the subject of the
  verb after ("EVs present in the secretome were capable of promoting X":
  the EVs; the secretome only says where they were);
- examples after a subject's class do what the class does ("the
  cytokines released by MSCs, such as IL-6, IL-7, and IL-15, promote X":
  each of them, though the passive before named them too), and a second
  name after "also called (as)" or "also known as" is no new subject;
- an examination reports, it does nothing: "radiographic and histological
  examination revealed accelerated bone formation" (an analysis, imaging,
  staining, an "-ical" or "-graphic" qualifier) names no subject of its
  own, so the effect is the paragraph's subject's;
- a species and a word or two before cells or molecules say whose they
  are ("obtained from human deciduous dental pulp stem cells"): the cells
  are the object, not the species;
- a short symbol right before a cell type names a kind of those cells
  ("anti-inflammatory M2 macrophages"), proposed as a cell type, not a
  new molecule beside the cells;
- a therapeutic effect "on" a disease ameliorates it, as one "in", "for"
  or "against" it does ("exerted a beneficial therapeutic effect on
  osteoarthritis");
- "adjusting" and "controlling" X act on X with no stated direction, as
  "regulating" does ("improve renal function by adjusting microalbuminuria,
  creatinine levels, and GFR"): acts-on, never a guessed sign;
- an "anti-" word no name covers, right before an effect, a property or
  an action, opposes the noun it is made from, proposed where the noun is
  plain ("the anti-obesity effects of X": obesity; "antinociceptive
  effects": nociception, "-ive" read as "-ion"); an "-ic" word is left
  alone ("anti-allergic": allergy or allergia cannot be told);
- an abbreviation the abstract, or a sentence the audit leaves out,
  defines ("Musculoskeletal disorders (MSDs)") names the same in the main
  text: the whole seed up to the region's end is read for definitions;
- "the expression (levels, secretion) of A and B was (found to be)
  elevated" with no name before the passive: A and B, proposed, are what
  the paragraph's subject raised, as after "It increased"; "found (shown,
  reported) to be" inside a bare passive leaves it a bare passive;
- a proposed name's type is guessed from its head noun, the last word,
  first ("basic fibroblast growth factor" is a factor, though "fibroblast"
  names cells; "antiapoptosis factors" are factors, though "-osis" names a
  disease), and from its other words only where the head says nothing;
- "the molecules (factors, substances) secreted by MSCs" is the secretome
  from them also where a name stands earlier in the sentence ("MSC
  therapy ... utilizes only the molecules secreted by MSCs"): the general
  noun no name covers was secreted, not that name;
- "cells and their (secretory) factors" are the cells and their
  secretome, both subjects of what follows ("The MSCs and their trophic
  factors have been reported to play therapeutic role in X"): the factors
  cells make are what they secrete, as "the factors secreted by MSCs" are;
- a disease's or a growth's name followed by "growth" or "progression"
  names that process ("promoted tumor growth": tumor growth, proposed
  whole, not the tumor and a bare "growth"), as a cell type followed by a
  process noun does; "growth factor" is no such process;
- the same pronoun again in one sentence names the same thing ("it had
  increased the anti-apoptotic gene Bcl2, suggesting that it has
  anti-apoptotic properties": both the medium), not a name the sentence
  gave as an object in between;
- an anti-kind right before a molecule's name says what the molecule is
  ("increased the anti-apoptotic gene Bcl2": Bcl2 is raised and lowers
  apoptosis); the kind is no object of its own;
- a relative clause on an appositive after an object says more of that
  object ("EVs promote autophagy in microglia, an intracellular
  degradation process that inhibits microglia activation": autophagy
  inhibits it), and cells or a tissue after "in" right after the object
  are where it happens, no object of the cue;
- a change or a release named as a noun after "and the (associated,
  subsequent)" joins the objects of the verb cue before it ("reducing
  neuroinflammation and the associated increase in pain hypersensitivity":
  the hypersensitivity is lowered, not raised by the subject; "inhibiting
  X and the subsequent release of Y": Y is inhibited); a noun cue before
  ("a decrease in X and an increase in Y") has no such objects;
- a means clause says what its objects do to the objects of the cue right
  before it ("attenuated pain by inhibiting the activation of microglia":
  the activation raises the pain; "raised X by lowering Y": Y lowers X),
  the sign the product of the two plain signs; the two cues have one
  subject and no other cue, colon or semicolon between them, and an
  unsigned cue on either side gives nothing;
- "X and the associated (subsequent, resulting) increase in (release of)
  Y" after a signed cue: X raises Y ("a decrease in": lowers it), besides
  both being the cue's objects; with no such word the two are only listed;
- "the effects (impact, action) of X on Y": X acts on Y, in no stated
  direction; "a link (an association, a correlation, a relationship)
  between A and B": A is associated with B;
- "the protective (therapeutic, beneficial) effects of X (were shown) in
  Y", Y a disease: X ameliorates Y; "evaluated in", "tested in" state no
  effect;
- a secretion (release, production) named as a noun whose list is
  followed by "by" and a preparation or a cell ("the secretion of A, B and
  C by human MSCs") says who secretes: that agent carries each item, not a
  subject named before;
- conditions given as examples after a link ("A and B are linked to the
  therapeutic actions of MSCs in several disorders, such as C and D") are
  where the link holds: A and B are each associated with C and D, though
  the phrase after the cue names no object;
- names before a passive "found" that ends its clause, with no place
  named ("However, chemokines, cytokines, and growth factors are
  consistently reported (citations)."; "X and Y were detected"), were
  found in the paragraph's preparation, as "the presence of X" was; "was
  reported to reduce" is no finding;
- "X-conditioned medium" names a conditioned medium whatever X is ("the
  liquid crystal-conditioned medium blocked X", "treated with stem
  cells-conditioned medium"), as "MSC-conditioned medium" does; what
  conditioned it is its context;
- ", thus V-ing X" is a result clause whose participle has the main
  clause's subject ("secretome reduced muscle fatty degeneration and
  increased muscle mass, thus decreasing the atrophy": the secretome's, not
  the muscle mass's); a bare "thus" before a finite verb still relays;
- the classes named right before "such as" are in a preparation with
  their examples ("cytokines such as IL-6 and VEGF are present in the
  conditioned medium": the medium carries the cytokines too);
- a cue named as a noun takes the short phrase after its own "of" or
  "in" as its first object where a name follows later in the clause too
  ("caused significant attenuation of neurological deficits, extent of
  inflammation"), as a verb takes the phrase right after it.

Given a full term dictionary (:mod:`msc_graph.curation.terms`, optional), a
proposed entity whose name is exactly a term of HGNC, miRBase, GO, CL,
UBERON, MONDO or MeSH is proposed with that term's CURIE in ``xrefs`` and
its label among the synonyms; without one, new entities have no xrefs.

How well this does is measured by ``benchmarks/draft_loo.py`` (leave-one-out
on the project's own curation); the README shows the figures.

Cost: linear in the seed's sentences times the spans tried per sentence
(at most ``MAX_SPAN_TOKENS`` tokens per start): well under a second per
review of these sizes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from msc_graph.curation.coverage import SeedRegion, Sentence, TableRow, segment_seed
from msc_graph.curation.seeds import normalise_text
from msc_graph.curation.terms import TermDictionary
from msc_graph.model import FACTOR_TYPES, Entity, EntityType
from msc_graph.model.names import fold_greek, normalise_name
from msc_graph.model.records import CONTEXT_TYPES

PROPOSED_BY = "curate-draft"
MAX_SPAN_TOKENS = 8
"""Longest entity name tried, in tokens ("human umbilical cord mesenchymal stem cells" is 6)."""
MAX_OBJECTS = 30
"""Objects taken after one cue: a list goes on as long as its glue does (a review lists two dozen
secreted factors in one sentence); the bound only stops a runaway."""

NameLookup = Callable[[str], Sequence[str]]
"""Text → ids of the entities it names, best first (``NameIndex.named``)."""

# Cues, as regular expressions on the sentence, and the predicate each proposes.
# "improves" and the relief words become `ameliorates` on a disease (see _predicate_for).
_CUES: list[tuple[str, str]] = [
    (r"reduc(?:e|es|ed|ing|tion|tions)", "decreases"),
    (r"decreas(?:e|es|ed|ing)", "decreases"),
    (r"lower(?:s|ed|ing)", "decreases"),
    (r"attenuat(?:e|es|ed|ing|ion)", "decreases"),
    (r"suppress(?:es|ed|ing|ion)?", "decreases"),
    (r"diminish(?:es|ed|ing)?", "decreases"),
    (r"down-?regulat(?:e|es|ed|ing|ion)", "decreases"),
    (r"alleviat(?:e|es|ed|ing|ion)", "decreases"),
    (r"reliev(?:e|es|ed|ing)", "decreases"),
    (r"ameliorat(?:e|es|ed|ing|ion)", "ameliorates"),
    (r"revers(?:e|es|ed|ing|al)|counter(?:s|ed|ing)?", "decreases"),
    (r"abrogat(?:e|es|ed|ing|ion)|abolish(?:es|ed|ing)?", "inhibits"),
    (
        r"restor(?:e|es|ed|ing|ation)|recover(?:s|ed|ing)?|regain(?:s|ed|ing)?|rescu(?:e|es|ed|ing)",
        "increases",
    ),
    (r"inhibit(?:s|ed|ing|ion)?", "inhibits"),
    (r"block(?:s|ed|ing)?", "inhibits"),
    (r"restrain(?:s|ed|ing)?", "inhibits"),
    (r"prevent(?:s|ed|ing|ion)?", "inhibits"),
    (r"increas(?:e|es|ed|ing)", "increases"),
    (r"promot(?:e|es|ed|ing)", "increases"),
    (r"enhanc(?:e|es|ed|ing|ements?)", "increases"),
    (r"up-?regulat(?:e|es|ed|ing|ion)", "increases"),
    (r"stimulat(?:e|es|ed|ing|ion)", "increases"),
    (r"induc(?:e|es|ed|ing|tion)", "increases"),
    (r"elevat(?:e|es|ed|ing|ion)", "increases"),
    (r"rais(?:e|es|ed|ing)", "increases"),
    (r"boost(?:s|ed|ing)?", "increases"),
    (r"foster(?:s|ed|ing)?", "increases"),
    (r"improv(?:e|es|ed|ing|ements?)", "improves"),
    # verbs whose direction is plain in any text: "favors X", "eliminates X", "protects cells from X"
    (
        r"(?<!in\s)favou?r(?:s|ed|ing)?|facilitat(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|"
        r"encourag(?:e|es|ed|ing)|aid(?:s|ed|ing)?\s+in|exacerbat(?:e|es|ed|ing)|aggravat(?:e|es|ed|ing)|"
        r"worsen(?:s|ed|ing)?",
        "increases",
    ),
    (
        r"eliminat(?:e|es|ed|ing|ion)|neutrali[sz](?:e|es|ed|ing|ation)|"
        r"disrupt(?:s|ed|ing)?|protect(?:s|ed|ing)?(?:\s+(?!from\b|against\b)[\w-]+){0,3}\s+(?:from|against)",
        "decreases",
    ),
    (r"(?:highly\s+|over-?)expressed|(?:greater|better|higher)(?=\s+[a-z])", "increases"),
    (r"activat(?:e|es|ed|ing)", "activates"),
    (r"contain(?:s|ed|ing)?", "carries"),
    (r"carr(?:y|ies|ied|ying)", "carries"),
    (r"secret(?:e|es|ed|ing|ion)", "carries"),
    (r"mediat(?:e|es|ed|ing)", "increases"),
    # "Akt signaling for expression of VEGF": what a pathway or factor is for, it raises
    (r"(?:for|in)\s+(?:the\s+)?(?:expression|production|release|secretion|synthesis)\s+of", "expression-of"),
    (r"releas(?:e|es|ed|ing)", "carries"),
    (r"produc(?:e|es|ed|ing)", "carries"),
    (r"rich in|enriched (?:in|with)", "carries"),
    (r"(?:present|found|detected|identified|contained|abundant|content) in", "contained-in"),
    (r"(?:existence|presence|(?:high |rich )?content) of", "detected"),
    # "identified HGF and VEGF in the secretome": what was found in a preparation, it carries
    (r"(?:identified|detected|found|measured|confirmed)(?!\s+(?:in|to|that|by|as)\b)", "found"),
    # "X are consistently reported (citations).": a passive that ends its clause says X was found
    (r"reported(?=\s*(?:\([^()]*\)\s*)?[.;])", "found"),
    (r"(?:trans-?)?differentiat(?:e|es|ed|ing|ion) into", "differentiates-into"),
    (
        r"(?:collectively |together )?(?:compos(?:e|es|ing)|constitut(?:e|es|ing)|make up|makes up)",
        "contained-in",
    ),
    (r"target(?:s|ed|ing)?", "targets"),
    (r"markers? (?:of|for)", "marker-of"),
    (r"(?:derived|isolated|obtained|purified|collected)(?:\s+(?!from\b)[\w-]+){0,3}\s+from", "derived-from"),
    (
        r"associated with|linked (?:to|with)|involved in|implicated in|role in|"
        r"contribut(?:e|es|ed|ing) to",
        "associated-with",
    ),
    (r"models? of", "model-of"),
    # "MSCs have been employed in X", "used in the treatment of X": a use, no stated effect
    (
        r"(?:employed|used|utili[sz]ed)\s+(?:\w+ly\s+)?(?:in|for)(?:\s+(?:the\s+)?(?:treatment|therapy|management)"
        r"\s+(?:of|for))?",
        "used-in",
    ),
    (
        r"therapeutic (?:potential|role|effects?|option|value) (?:for|in|of|against|on)|"
        r"treatment (?:of|for)|treating|effective (?:against|for|in)",
        "ameliorates",
    ),
    # "functions, which include A, B and anti-C": what has the functions is associated with each
    (
        r"(?:functions?|roles?|properties|activities|attributes|features)\s*,?\s+(?:which\s+)?"
        r"(?:such as|like|including|include|includes)",
        "functions",
    ),
    (r"including|includes?|included", "including"),
    (
        r"acts? (?:\w+ly\s+)?on|acting (?:\w+ly\s+)?on|modulat(?:e|es|ed|ing|ion)|regulat(?:e|es|ed|ing|ion)|"
        r"affect(?:s|ed|ing)?|alter(?:s|ed|ing)?|influenc(?:e|es|ed|ing)|adjust(?:s|ed|ing)?|controll(?:ed|ing)",
        "acts-on",
    ),
]
# A cue is a word of its own: "modulation" in "immune-modulation" names a process, not a cue.
_CUE = re.compile(
    "|".join(f"(?P<c{i}>(?<![-\\w])(?:{pattern})\\b(?!-))" for i, (pattern, _) in enumerate(_CUES)), re.I
)
_HEDGE = re.compile(
    r"\b(?:may|might|could|suggests?|suggested|suggesting|possibl[ey]|likely|probably|"
    r"appears? to|thought to|proposed|seems? to|potentially|presumably)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|nor|without|neither|failed to)\s+(?:\w+\s+)?$", re.I)
_PASSIVE = re.compile(r"^\s+by\b", re.I)
# A later cue whose subject is the object of the one before ("..., which in turn reduces ...").
# ("and thus reduced ..." goes on with the same subject: only a bare "thus" relays.)
# (", thus decreasing X" neither: a result clause whose participle has the main clause's subject.)
_RELAY = re.compile(
    r"\b(?:which|that|(?<!and )(?<!,\s)thus(?!\s+(?:\w+ly\s+)?\w+ing\b)|in turn|leading to|resulting in|"
    r"causing)\b",
    re.I,
)
# What may stand between two objects of one cue: a list ("IL-1β, TNF-α, and IL-6 (such as ...)").
_LIST_GLUE = re.compile(
    r"(?:[\s,()]|\b(?:and|or|as well as|such as|like|both|the|their|e\.g\.|i\.e\.|respectively|others|etc|"
    r"(?:number|extent|levels?|amount|expression|production|degree|severity) of|"
    r"(?:associated|subsequent|resulting|consequent)|"
    r"(?:increase|decrease|reduction|elevation|upregulation|downregulation|release|secretion|synthesis)\s+(?:of|in))\b)*"
)
_EXAMPLES_NEXT = re.compile(r"\s*,?\s*\(?(?:such as|like|including|e\.g\.,?)\s+", re.I)
_EXAMPLES = re.compile(r"\b(?:such as|like|including|e\.g\.)", re.I)
# What was given, in a sentence that reports its effects ("the group treated with X displayed ...").
_AGENT = re.compile(
    r"\b(?:treated with|treatment with|administration of|injection of|delivery of|delivering|"
    r"application of|applying|transplantation of|infusion of)\s+(?:the\s+|an?\s+)?",
    re.I,
)
# "the expression of A and B was (found to be) elevated", right before the cue: what is measured
_MEASURED_PASSIVE = re.compile(
    r"(?:^|,\s+|\b(?:that|while|whereas|addition,)\s+)(?:the\s+)?(?:expression|levels?|secretion|production)"
    r"\s+of\s+(?P<items>[^,;()]+?(?:,\s+[^,;()]+?)*)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?"
    r"(?:(?:found|shown|reported|observed|seen|noted|demonstrated)\s+to\s+be\s+(?:\w+ly\s+)?)?$",
    re.I,
)
# "X were reduced"; "X was found (shown, reported) to be elevated" is the same passive, reported
_BARE_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?"
    r"(?:(?:found|shown|reported|observed|seen|noted|demonstrated)\s+to\s+be\s+(?:\w+ly\s+)?)?$",
    re.I,
)
# "... effect(s) of": what follows owns the effect an adjective before it names.
_OWNER = re.compile(
    r"\s+(?:effects?|properties|actions?|activity|functions?|role|capacity|potential)\s+of\s+"
    r"(?:the\s+|an?\s+)?",
    re.I,
)
_ANTI = re.compile(r"\banti-?([a-z]{5,})\b", re.I)
# What an anti-adjective names a kind of, right after it ("anti-inflammatory cytokines", "M2 macrophages").
_KIND_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:cytokines|factors|proteins|molecules|mediators|agents|drugs|macrophages|"
    r"phenotypes?|cells|compounds|substances)\b",
    re.I,
)
# "anti-X" adjectives to the noun they oppose: antiapoptotic → apoptosis, anti-inflammatory → inflammation.
_ADJECTIVE_NOUNS = [
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
_PHRASE_LEAD = re.compile(
    r"\s*(?:(?:the|a|an|its|their|both|some|several|various|many|different|numerous|multiple|other|"
    r"all|more|possible|significantly|markedly|also|further)\s+)*"
    r"(?:(?:levels?|expression|production|number|amount|risk|extent|release|secretion|activity|"
    r"formation|size|rate|area|volume|density)\s+of\s+(?:the\s+)?)?",
    re.I,
)
# Words too general to be an entity of their own ("reduced the effects").
_GENERIC = re.compile(
    r"(?:factors?|cells?|effects?|levels?|expression|activity|molecules?|substances?|problems?|"
    r"functions?|properties|outcomes?|results?|changes?|response|mechanisms?|roles?|ability|potential|"
    r"overall|synthesis|repair|genes?|disorders?|diseases?|conditions?|processes|studies|treatment|"
    r"findings|data|evidence|observations?|understanding)",
    re.I,
)
# A bare general noun, found as a synonym ("cells" of transplanted cells) or proposed after a cue
# ("reduced the efficacy"): it names nothing a curator would link.
_GENERIC_NOUN = re.compile(
    r"(?:the\s+)?(?:cells?|molecules?|genes?|factors?|activation|efficacy|quality|frequency|"
    r"integrity|safety|function|tissues?|chemicals?|compounds?|substances?|muscles?|performance)",
    re.I,
)
_QUANTITY = re.compile(
    r"\s*(?:an?\s+)?(?:\w+\s+)?(?:profusion|spectrum|range|variety|number|array|host|plethora|lot|set|"
    r"panel|mixture|cocktail|kinds?|types?|classes|family|group|series|combination)\s+of\s+(?:the\s+)?",
    re.I,
)
# What a seed writes after an abbreviation's parenthesis: "tumor necrosis factor (TNF)-α".
_SUFFIX = re.compile(r"^\s*-\s*[α-ωΑ-Ω0-9]{1,2}\b")
# A process noun right after a cell type: "microglia activation", "osteoblast proliferation".
_CELL_PROCESS = re.compile(
    r"\s+(activation|proliferation|differentiation|migration|damage|death|polarization|infiltration)\b", re.I
)
# What a disease or a growth does, right after its name: "tumor growth", "tumor progression"
_DISEASE_PROCESS = re.compile(r"\s+(?:growth|progression)\b(?!\s+factors?\b)", re.I)
_PROCESS_OF = re.compile(
    r"\b(activation|proliferation|differentiation|migration|damage|death|polarization|infiltration)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
# An adverb ends a noun phrase ("significantly", "respectively"); a few nouns look like one.
_ADVERB = re.compile(r"(?!(?:family|assembly|anomaly|supply|homily)$)[a-z]{4,}ly", re.I)
_LIST_JOIN = re.compile(r",?\s+(?:and|or)\s+|,\s+", re.I)
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
_BOTH_TREATMENTS = re.compile(
    r"\s*(?:in\s+)?both\s+(?:of\s+)?(?:the\s+|these\s+)?(?:cases|groups|treatments|therapies|approaches|"
    r"interventions|preparations|(?:treatment\s+|therapeutic\s+)?strategies)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-zα-ωΑ-Ω0-9][\w'’α-ωΑ-Ω+-]*")
# Words that end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns.
_FUNCTION_WORD = re.compile(
    r"in|of|on|at|for|during|after|before|following|with|without|by|from|to|into|via|through|within|"
    r"which|that|who|and|or|but|as|than|is|are|was|were|be|been|being|has|have|had|can|could|may|"
    r"might|will|would|should|not|also|such|it|its|they|their|this|these|those|there|when|where|while|"
    r"whereas|due|because|thus|then|both|between|among|over|under|upon|against",
    re.I,
)
# ", tooth pulp, ": one item no name covers, inside a list of named ones.
_LIST_GAP = re.compile(
    r",\s+(?:(?:and|or)\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2},\s+(?:(?:and|or)\s+)?"
)
# "X are multipotent adult Y": what stands after the copula names X again.
_COPULA = re.compile(r"\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){0,4}", re.I)
# "factors secreted by MSCs": right before a cell mention, what the cells secrete is named.
_SECRETED_BY = re.compile(
    r"\b(?:factors|molecules|substances|secretions|proteins|mediators)\s+(?:secreted|released|produced)\s+"
    r"(?:by|from)\s+(?:the\s+)?$",
    re.I,
)
_MEDIUM_AFTER = re.compile(r"\)?\s*-?\s*(?:condition(?:ed)?\s+medi(?:um|a)|CM)\b", re.I)
# "Activated microglia release ...", "an increased expression of ...": a participle before its noun
# describes the noun; it states no effect of anything.
# ", an intracellular degradation process that ...": an appositive noun phrase, then a relative clause
# on it, after an object (and where it happened: "autophagy in microglia, a process that ...")
_APPOSITIVE_RELAY = re.compile(
    r"(?:\s+(?:in|within)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?,\s+(?:an?|the)\s+(?:[\w-]+\s+){1,5}"
    r"(?:that|which)\s+(?:in\s+turn\s+)?",
    re.I,
)
# A change or a release named as a noun, and what joins it to the objects of a verb cue before it
_JOINED_CHANGE = re.compile(
    r"increase|decrease|reduction|elevation|upregulation|downregulation|release|production|secretion|synthesis",
    re.I,
)
_JOINED_AFTER = re.compile(
    r"[^.;:]*?\sand\s+(?:the|an?|its|their)\s+(?:(?:associated|subsequent|resulting|consequent)\s+)?", re.I
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
# A gene or protein symbol: capitals with a digit ("CXCL-12", "MMP-10", "P2X4", "IL3") or two to
# five capitals ("HGF"), or a slash-joined run of them ("PI3K/Akt"); plurals ("MSDs") and the
# usual non-molecules are left out.
_SYMBOL = re.compile(r"(?:[A-Z][A-Za-z]{0,5}-?\d+[A-Za-z0-9-]*|[A-Z]{2,5}\d*)(?:/[A-Z][A-Za-z0-9-]{1,8})*")
_NOT_SYMBOLS = re.compile(r"[A-Z]{2,5}s|CD\d+\+?|MSCs?|DNA|RNA|MRI|USA|UK|II|III|IV|NO", re.I)
_PATHWAY_AFTER = re.compile(r"\s+(?:signal(?:l)?ing\s+)?pathway\b|\s+signal(?:l)?ing\b", re.I)
# After a molecule's name: "/mTOR pathway", " receptor-mediated signaling", "/JNK/p38 signaling pathway".
_PATHWAY_TAIL = re.compile(
    r"(?:/[A-Za-z0-9][\w-]*)*(?P<words>(?:\s+[A-Za-z][\w-]*){0,2}?)\s+(?:signal(?:l)?ing\s+pathway|"
    r"pathway|signal(?:l)?ing)\b",
    re.I,
)
_CLAUSE_STOP = re.compile(r";|, (?:which|whereas|while|but)\b|\b(?:whereas|although)\b")
_TOKEN = re.compile(r"[^\s,;:()\[\]/]+")
_TRAILING = ".'’\""
_CONDITIONED = re.compile(r"[A-Za-z][\w-]*-conditioned\s+medi(?:um|a)", re.I)
_NOT_NAMES = {"al", "etal", "the", "and", "this", "these", "its", "their", "was", "were", "has"}
"""Words that spelling variants would turn into names ("al." of "et al." → ALS by the plural rule)."""
_DISEASE_TYPES = {EntityType.DISEASE, EntityType.DISEASE_MODEL, EntityType.PHENOTYPE}
# Types that say where or in what a claim holds: context, never a causal object.
_CONTEXT_TYPES = {
    EntityType.SPECIES,
    EntityType.ROUTE,
    EntityType.TISSUE,
    EntityType.DISEASE_MODEL,
    EntityType.CELL_SOURCE,
    EntityType.STUDY,
    EntityType.EXTERNAL,
}
_AGENT_TYPES = FACTOR_TYPES | {
    EntityType.MSC_SOURCE,
    EntityType.SECRETOME_COMPONENT,
    EntityType.PATHWAY,
    EntityType.CELL_TYPE,
    EntityType.CELL_PREPARATION,
}
_HOLDER_TYPES = {EntityType.SECRETOME_COMPONENT, EntityType.MSC_SOURCE, EntityType.CELL_PREPARATION}
"""What can carry factors: a preparation, the cells themselves."""
_CARRIER_TYPES = _HOLDER_TYPES | {EntityType.CELL_TYPE}
_SIGNED = {"decreases", "increases", "inhibits", "activates", "ameliorates", "targets"}
_ABBREVIATION = re.compile(r"\(([A-Za-z][A-Za-z0-9α-ωΑ-Ω\-+]{1,14})\)")
_FOOTNOTE_PAIR = re.compile(r"(?:^|;\s*)([^:;]{1,20}?):\s*([^;]+)")
_AUTHOR_YEAR = re.compile(
    r"(?P<name>[A-Z][A-Za-zÀ-ÿ'’\-]+)(?:\s+(?:et al\.?|and collaborators|and colleagues)|"
    r"\s+(?:and|&)\s+[A-Z][A-Za-zÀ-ÿ'’\-]+)?,?\s*\(?(?P<year>(?:19|20)\d{2})(?P<letters>[a-z](?:\s*,\s*[a-z])*)?\)?",
)
_SUPERSCRIPT = re.compile(r"<sup>([\d,\s–-]+)</sup>", re.I)
_REFERENCES_HEADING = re.compile(r"^(?:#+\s*)?\**\s*references?\s*:?\s*\**\s*$", re.I)
_ARROW_ITEM = re.compile(r"([↓↑])\s*([^↓↑]+)")


@dataclass(frozen=True)
class Mention:
    """One entity named in a text, where (character offsets in that text)."""

    entity: str
    start: int
    end: int


@dataclass(frozen=True)
class Reference:
    """One entry of the seed's reference list, as far as the drafter can read it."""

    surname: str
    year: str
    """The year with its letter, as cited ("2023a")."""
    authors: tuple[str, ...]
    title: str | None
    number: int | None
    text: str


@dataclass
class DraftEvidence:
    """Where a proposal was read: study, kind, locator, verbatim quote, basis, context."""

    study: str
    source_kind: str
    locator: str
    quote: str
    basis: str = "stated"
    context: dict[str, Any] = field(default_factory=dict)
    inferred_from: str | None = None
    sentence: int | None = None
    """Index of the audited sentence (benchmarks compare by it); None for rows and titles."""
    row: tuple[int, int] | None = None

    def context_values(self) -> list[str]:
        """Return the values its context names, listed or single (entity ids, and the setting)."""
        return [
            str(v) for value in self.context.values() for v in (value if isinstance(value, list) else [value])
        ]


@dataclass
class DraftAssertion:
    """A proposed assertion with its evidence."""

    subject: str
    predicate: str
    object: str
    evidence: list[DraftEvidence] = field(default_factory=list)


@dataclass
class Draft:
    """Everything proposed for one review."""

    review: str
    studies: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    assertions: dict[tuple[str, str, str], DraftAssertion] = field(default_factory=dict)
    rows_total: int = 0
    rows_proposed: int = 0
    dropped_quotes: int = 0
    """Proposals dropped because their quote was not a verbatim span of the seed."""

    def add(self, subject: str, predicate: str, obj: str, evidence: DraftEvidence) -> None:
        """Add one evidence, merging proposals of the same triple."""
        key = (subject, predicate, obj)
        found = self.assertions.setdefault(key, DraftAssertion(subject, predicate, obj))
        if all((e.locator, e.quote) != (evidence.locator, evidence.quote) for e in found.evidence):
            found.evidence.append(evidence)

    def as_data(self) -> dict[str, Any]:
        """Return the draft in the project's YAML layout (graph_data/<review>.yaml), every record a draft."""
        mark = {"status": "draft", "proposed_by": PROPOSED_BY}
        assertions = []
        for item in self.assertions.values():
            evidence = []
            for e in item.evidence:
                record: dict[str, Any] = {
                    "study": e.study,
                    "source_kind": e.source_kind,
                    "locator": e.locator,
                    "quote": e.quote,
                }
                if e.basis != "stated":
                    record["basis"] = e.basis
                if e.inferred_from:
                    record["inferred_from"] = e.inferred_from
                if e.context:
                    record["context"] = e.context
                evidence.append(record)
            assertions.append(
                {"subject": item.subject, "predicate": item.predicate, "object": item.object, **mark}
                | {"evidence": evidence}
            )
        return {
            "review": self.review,
            "studies": [record | mark for record in self.studies.values()],
            "entities": [record | mark for record in self.entities.values()],
            "assertions": assertions,
        }


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug of ``text`` ("Sendon-Lago" → "sendon-lago", "IFN-γ" → "ifn-g").

    Greek letters become the Latin letters names use for them (the graph's
    own ids: tnf-a, ifn-g), so two members of a family keep two ids.
    """
    ascii_text = unicodedata.normalize("NFKD", fold_greek(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


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


def _citation(reference: Reference) -> str:
    """Return the citation as reviews write it: "X, 2019", "X and Y, 2019" or "X et al., 2023a"."""
    names = [a for a in reference.authors if re.search(r"[A-Za-z]{2}", a) and a not in ("...", "et al")]
    if len(names) == 2 and not reference.text.count("et al"):
        second = re.split(r"[\s,]", names[1].lstrip("& ").strip(), maxsplit=1)[0]
        return f"{reference.surname} and {second}, {reference.year}"
    return f"{reference.surname} et al., {reference.year}"


class _Names:
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
            if best is not None and _GENERIC_NOUN.fullmatch(text[best.start : best.end]):
                best = None  # "cells", "efficacy": a bare general noun names no entity of its own
            if best is not None and self.type_of(best.entity) is EntityType.SPECIES:
                best = self._animal_model(text, best, mentions)
            if best is not None and self.type_of(best.entity) in FACTOR_TYPES | {EntityType.PATHWAY}:
                best = self._pathway_of(text, best)
                best = self._abbreviated_pathway(text, best, mentions)
                best = self._numbered(text, best)
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

    def _cell_process(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """Return the process a cell or disease mention heads ("microglia activation", "tumor growth").

        A cell type followed by a process noun names what those cells do or
        suffer, not the cells: a cue before it acts on the process. No known
        name covers the pair (the scan tries the longest names first), so it
        is proposed as a new entity.
        """
        if self.type_of(mention.entity) in _DISEASE_TYPES:
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
        if any(_FUNCTION_WORD.fullmatch(w) or _CUE.fullmatch(w) or _ADVERB.fullmatch(w) for w in words):
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
        long_form = _long_form(before, text[mention.start : mention.end])
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
        model. What it models is read from its name (:func:`_modelled`).
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
                phrase = _phrase_after(text, of.end(), len(text))
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
                    if self.type_of(mentions[kept - 1].entity) not in _DISEASE_TYPES:
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
        (:func:`_modelled`). A process ("TNF-α-induced apoptosis") is what
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
                phrase = _phrase_after(text, induced.end(), len(text))
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
                if self.type_of(kept[-1].entity) in _CONTEXT_TYPES:
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
            short = _ABBREVIATION.search(label)  # "Complete Freund's adjuvant (CFA) induced arthritis"
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
            _FUNCTION_WORD.fullmatch(word)
            or _REPORTING.fullmatch(word)
            or _ADVERB.fullmatch(word)
            or _NOT_MODIFIER.fullmatch(word)
            or _CUE.search(word)
            or re.fullmatch(r"[\w-]*(?:ed|ing)|[\d-]+|[\w-]*[^su]s", word, re.I)  # "exerts", "cells": no part
            or _GENERIC.fullmatch(word)
            or _GENERIC_NOUN.fullmatch(word)
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
        joined = _SYMBOL.match(text, start)  # "JAK/STAT": the slash splits tokens, not the symbol
        if joined is not None and joined.end() > end and text[end] == "/":
            end = joined.end()
        symbol = text[start:end]
        pathway = _PATHWAY_AFTER.match(text, end)
        if pathway and re.fullmatch(r"[A-Z][a-z]{1,3}\d*", symbol):  # "Akt signaling": a pathway's name
            label = text[start : pathway.end()]
            entity_id = self.local.get(normalise_name(label)) or self.propose(label, EntityType.PATHWAY)
            return Mention(entity_id, start, start + len(label)) if entity_id else None
        if not _SYMBOL.fullmatch(symbol) or _NOT_SYMBOLS.fullmatch(symbol) or re.search(r"[a-z]{4}", symbol):
            return None
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
        for ending, noun in _ADJECTIVE_NOUNS:
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
        self.propose(long_form, _guess_type(long_form), [short])


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
        _FUNCTION_WORD.fullmatch(word)
        or _NOT_MODIFIER.fullmatch(word)
        or _ADVERB.fullmatch(word)
        or _CUE.search(word)
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
"""The types ``_guess_type`` reads from a name alone, which a vocabulary may correct; a type chosen on
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


def _phrase_after(text: str, position: int, stop: int) -> tuple[int, int] | None:
    """Return the span of the noun phrase right after a cue ("reduced [tubular atrophy] in ..."), if short.

    Leading determiners and measures ("the level of", "expression of") are
    skipped; the phrase ends at a function word, a cue, an adverb or
    punctuation, and holds at most four words; one that starts with a past
    tense ("and preserved systolic function") is a verb's, no phrase; a
    participle that opens a clause ("using", "showing") ends it.
    """
    lead = _PHRASE_LEAD.match(text, position, stop)
    start = lead.end() if lead else position
    words: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, stop):
        gap = text[words[-1][1] : match.start()] if words else text[start : match.start()]
        if gap.strip() or _FUNCTION_WORD.fullmatch(match.group()) or _CUE.fullmatch(match.group()):
            break
        if _ADVERB.fullmatch(match.group()):  # "reduced muscle fatty degeneration significantly"
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
        or _GENERIC.fullmatch(phrase)
        or _GENERIC_NOUN.fullmatch(phrase)
    ):
        return None
    return words[0][0], words[-1][1]


def _phrase_before(names: _Names, text: str, position: int, name_start: int) -> Mention | None:
    """Return the noun phrase right after a cue that ends before the next name, known or proposed, if any.

    "improve renal function by adjusting X": the phrase ends at a function
    word before the name; one that runs into the name ("reduced serum IL-6")
    or that a name after "of" completes ("the stimulating effects of IL-1β")
    is none.
    """
    headed = _head_of(text, position, name_start)
    phrase = headed if headed is not None else _phrase_after(text, position, len(text))
    if phrase is None or phrase[1] > name_start or re.match(r"\s*(?:of|between)\b", text[phrase[1] :]):
        return None
    if not text[phrase[1] : name_start].strip():
        return None
    label = text[phrase[0] : phrase[1]]
    entity_id = names.lookup(label) or names.propose(label, _guess_type(label, EntityType.PROCESS))
    return Mention(entity_id, *phrase) if entity_id else None


def _noun_cue_end(text: str, cue: re.Match[str]) -> int:
    """Return where a cue's objects start: after a noun cue's own "of" or "in" ("prevention of X").

    A cue named as a noun ("prevention", "reduction", "improvements")
    takes its objects after its preposition, as a verb takes them right
    after it ("prevented X").
    """
    own = _NOUN_CUE_OWN.match(text, cue.end())
    return own.end() if own is not None and _NOUN_CUE.search(cue.group()) else cue.end()


def _phrase_objects(names: _Names, text: str, position: int, stop: int) -> list[Mention]:
    """Return the noun phrases after a cue ("reduced hyperalgesia and edema"), each a known or new entity."""
    objects: list[Mention] = []
    while len(objects) < MAX_OBJECTS:
        phrase = _head_of(text, position, stop) or _phrase_after(text, position, stop)
        if phrase is None:
            break
        label = text[phrase[0] : phrase[1]]
        if _ANTI.match(label):
            break  # "..., and anti-inflammatory properties": the anti rule reads what it opposes
        entity_id = names.lookup(label) or names.propose(label, _guess_type(label, EntityType.PROCESS))
        if entity_id is not None:
            objects.append(Mention(entity_id, *phrase))
        glue = _LIST_JOIN.match(text, phrase[1], stop)
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
# "the expression of markers of X": markers named after "of" are a noun phrase, no cue of their own
_MARKERS_AFTER_OF = re.compile(r"\bof\s+$", re.I)


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
    lead = _PHRASE_LEAD.match(text, position, stop)
    start = lead.end() if lead else position
    measure = _HEAD_MEASURE.match(text, start, stop)
    start = measure.end() if measure else start
    head = _HEAD_OF.match(text, start, stop)
    if head is None:
        return None
    words = head.group("head").split()
    if _GENERIC.fullmatch(words[-1]) or any(
        _FUNCTION_WORD.fullmatch(w) or _CUE.fullmatch(w) or _ADVERB.fullmatch(w) or w.lower().endswith("ed")
        for w in words
    ):
        return None
    tail = _phrase_after(text, head.end(), stop)
    if tail is None or tail[0] != head.end():
        return None
    return start, tail[1]


# A cue named as a noun ("prevention", "reduction", "improvements", "reversal") and its own preposition
_NOUN_CUE = re.compile(r"(?:ions?|ments?|al)$", re.I)
_NOUN_CUE_OWN = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?", re.I)
# Participles that open a clause after a noun phrase ("... muscle atrophy using conditioned medium")
_CLAUSE_PARTICIPLE = re.compile(
    r"using|showing|suggesting|indicating|involving|demonstrating|revealing|allowing|making|giving", re.I
)
_CITATION = re.compile(r"\s*\((?:[^()]*\b(?:19|20)\d{2}|[A-Z][\w'-]+\s+(?:et al|and)\b)")


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


# A kind noun that ends a list item a name only begins: "cell survival factors", "ECM proteins".
_HEAD_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:factors|proteins|molecules|mediators|genes|markers|receptors)\b"
    r"(?=\s*(?:,|\band\b|\bor\b|\.|;|\)|$))"
)


def _whole_item(names: _Names, text: str, mention: Mention) -> Mention:
    """Return the list item a mention only begins ("[cell survival] factors"), proposed, or the mention.

    "cell survival factors" are factors, not cell survival: where a known
    name is followed, up to the next comma or "and", by a kind of molecule,
    the item is the whole phrase, a known name or a new factor.
    """
    head = _HEAD_AFTER.match(text, mention.end)
    if head is None:
        return mention
    label = text[mention.start : head.end()]
    entity_id = names.lookup(label) or names.propose(label, _guess_type(label, EntityType.FACTOR))
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


def _unnamed_items(
    names: _Names, text: str, start: int, end: int, kind: str, closed: bool, leading: bool = False
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
    examples = None if closed or leading else _EXAMPLES_NEXT.match(text, start, end)
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
    pieces = _LIST_JOIN.split(text[start:end])
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
            or _ADVERB.fullmatch(words[0])  # ", particularly in X": no item, the list has ended
            or _CUE.search(label)
            or any(_FUNCTION_WORD.fullmatch(w) for w in words)
            or not re.match(r"[A-Za-zα-ωΑ-Ω]", label)
            or _GENERIC.fullmatch(label)
            or _GENERIC_NOUN.fullmatch(label)
        ):
            return None if closed else items
        default = EntityType.PROCESS
        if kind in ("carries", "including", "contained-in", "detected"):
            default = EntityType.FACTOR
        elif kind == "derived-from":
            default = EntityType.TISSUE
        elif kind == "used-in":
            default = EntityType.DISEASE
        entity_id = names.lookup(label) or names.propose(label, _guess_type(label, default))
        if entity_id is None:
            return None if closed else items
        begin = text.index(label, position)
        items.append(Mention(entity_id, begin, begin + len(label)))
        position = begin + len(label)
        if after is not None:
            break
    return items


def _list_items(names: _Names, text: str, position: int, stop: int) -> list[Mention]:
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
        if not label or _ANTI.match(label):
            continue
        known = names.lookup(label)
        if known:
            items.append(Mention(known, start, start + len(label)))
            continue
        scanned = names.scan(label)
        if scanned and _covers(scanned, label):
            items.extend(Mention(m.entity, start + m.start, start + m.end) for m in scanned)
            continue
        words = label.split()
        if len(words) <= 4 and re.search(r"[a-z]{4}", label) and not _GENERIC.fullmatch(label):
            # a function is a process ("cell contractility"), unless its words name a disease
            guessed = _guess_type(label, EntityType.PROCESS)
            kind = guessed if guessed is EntityType.DISEASE else EntityType.PROCESS
            entity_id = names.propose(label, kind)
            if entity_id is not None:
                items.append(Mention(entity_id, start, start + len(label)))
            continue
        if scanned and scanned[0].start == 0:
            items.append(Mention(scanned[0].entity, start + scanned[0].start, start + scanned[0].end))
        break
    return items


def _is_footnote(sentence: Sentence) -> bool:
    """Return True for a table's abbreviation footnote ("EV: extracellular vesicle; FS: full secretome")."""
    return sentence.section.startswith("Table") and len(_FOOTNOTE_PAIR.findall(sentence.text)) >= 2


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


def _guess_type(name: str, default: EntityType = EntityType.FACTOR) -> EntityType:
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

    As :func:`_guess_type` reads them, except where the last word ends in
    "-osis": such a word names processes as often as diseases ("pyroptosis",
    "apoptosis"), so only a known name says it is a disease.
    """
    return _guess_type(words, EntityType.PROCESS) is EntityType.DISEASE and not re.search(
        r"osis$", words.split()[-1] if words.split() else "", re.I
    )


def _long_form(before: str, short: str) -> str | None:
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


def _learn_abbreviations(names: _Names, texts: Iterator[str]) -> None:
    for text in texts:
        for match in _ABBREVIATION.finditer(text):
            short = match.group(1)
            if not re.search(r"[A-Z]", short):
                continue
            long_form = _long_form(text[: match.start()].rstrip(), short)
            if long_form:
                names.learn(long_form, short)


def _predicate_for(cue: str, obj: EntityType | None, subject: EntityType | None) -> str | None:
    """Return the predicate a cue proposes for these ends, or None where it would guess."""
    if cue == "improves":  # a disease gets better; a function, a sensitivity, a phenotype goes up
        return "ameliorates" if obj in (EntityType.DISEASE, EntityType.DISEASE_MODEL) else "increases"
    if cue == "decreases" and obj in _DISEASE_TYPES:
        return "ameliorates"
    if cue in ("inhibits", "decreases") and obj is EntityType.PATHWAY:
        return "inhibits"
    if cue in ("increases", "activates") and obj is EntityType.PATHWAY:
        return "activates"
    if cue in ("functions", "used-in"):
        return "associated-with"
    if cue == "expression-of":
        return "increases"
    if cue == "detected":
        return "carries"
    if cue == "including":
        return "carries"
    if cue == "targets":
        return "targets" if subject is EntityType.MICRORNA else "acts-on"
    return cue


# "modulate the immune system", "modulating the local and systemic immune response", "modulate
# immunological responses": what is modulated is immunity, so the modulation is immunomodulation
_IMMUNE_OBJECT = re.compile(
    r"(?:(?<=ion)\s+of)?\s+(?:the\s+)?(?:(?!of\b)[a-z-]+\s+(?:and\s+[a-z-]+\s+)?)?"
    r"(?:immune|immunological)\s+(?:system|responses?)\b",
    re.I,
)


def _immune_modulation(names: _Names, text: str, cue: re.Match[str]) -> Mention | None:
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


def _cue_name(match: re.Match[str]) -> str:
    group = match.lastgroup or "c0"
    return _CUES[int(group[1:])][1]


def _context(names: _Names, mentions: list[Mention], used: set[str], text: str) -> dict[str, Any]:
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


def _subject_for(names: _Names, mentions: list[Mention], index: int, text: str) -> Mention:
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
        return _subject_for(names, mentions, index - 1, text)
    source = names.type_of(mention.entity) in (EntityType.MSC_SOURCE, EntityType.CELL_SOURCE)
    # "secretome from CD34+ stem cells": whatever cells a preparation comes from, the claim is its own
    made = re.fullmatch(
        r"\s+(?:from|of|derived from|obtained from)\s+(?:the\s+)?\S*\s*", text[before.end : mention.start]
    )
    if (source or made) and names.type_of(before.entity) is EntityType.SECRETOME_COMPONENT:
        return before
    return mention


def _medium_of(names: _Names, mention: Mention, text: str) -> Mention:
    """Return the medium an MSC mention is the source of ("hUC-MSCs condition medium decreased"), or it."""
    if names.type_of(mention.entity) in (EntityType.MSC_SOURCE, EntityType.CELL_SOURCE):
        medium = _MEDIUM_AFTER.match(text, mention.end)
        found = names.lookup("conditioned medium") if medium else None
        if medium and found:
            return Mention(found, mention.start, medium.end())
    return mention


_REPORTING = re.compile(
    r"(?:observed|found|shown|reported|demonstrated|noted|seen|showed|displayed|exhibited|revealed|"
    r"indicated|moreover|furthermore|however|further|additionally|addition|also|even|only|again|"
    r"findings|results|data|evidence|observations?|studies|study|way|approach|strategy|option|"
    r"viable|promising|effective|novel|new|suggests?|indicates?|shows?|supports?|proves?|the|an?|"
    # an examination reports what was seen, it does nothing: "radiographic and histological examination
    # revealed accelerated bone formation" is the treatment's effect
    r"analys[ie]s|examinations?|evaluations?|assessments?|imaging|staining|[a-z]+(?:ical|graphic))",
    re.I,
)


def _unnamed_subject(before: str) -> bool:
    """Return True when the words before a cue hold a subject no name covers ("a cell line showed ...").

    Such a sentence says who did it, in words the drafter does not know; the
    paragraph's subject is not carried into it. Function words, adverbs,
    reporting words ("it was observed that", "moreover") and what reports
    ("these findings suggest a viable way in treating ...") name no one.
    """
    clause = re.split(r"[,;:]|\bthat\b", before)[-1]
    return any(
        not (_FUNCTION_WORD.fullmatch(word) or _ADVERB.fullmatch(word) or _REPORTING.fullmatch(word))
        for word in _WORD.findall(clause)
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
        _FUNCTION_WORD.fullmatch(word.group())
        or _ADVERB.fullmatch(word.group())
        or re.fullmatch(r"often|also|still|even|now|then|well|first|further", word.group(), re.I)
    ):
        return -1
    return word.end()


_TREATED_GROUP = re.compile(r"\s*-?\s*treated\s+(?:group|animals|rats|mice)\b", re.I)
_GROUP_TREATED = re.compile(
    r"\b(?:group|animals|rats|mice|patients)\s+(?:treated|injected)\s+with\s+(?:the\s+)?$", re.I
)


def _treated_group(
    names: _Names, mentions: list[Mention], text: str, start: int, stop: int
) -> Mention | None:
    """Return what the group an effect was seen in was treated with ("in the ADSCs treated group"), if named.

    "Greater expression of X in the group treated with Y": the effect is
    Y's, wherever the sentence names Y (after the effect, here).
    """
    for mention in mentions:
        if not start <= mention.start < stop or names.type_of(mention.entity) in _CONTEXT_TYPES:
            continue
        if _TREATED_GROUP.match(text, mention.end) or _GROUP_TREATED.search(text, 0, mention.start):
            return mention
    return None


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
        return obj in _DISEASE_TYPES | {EntityType.PROCESS} or obj is None
    return True


def _secretions_of(names: _Names, mention: Mention, text: str) -> Mention:
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
    passive_types = _CONTEXT_TYPES | _DISEASE_TYPES
    return subject not in passive_types or predicate in (
        "model-of",
        "marker-of",
        "associated-with",
        "derived-from",
    )


def _complement(text: str, start: int, end: int) -> bool:
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
    lead = _PHRASE_LEAD.match(text, start, end)
    gap = text[lead.end() if lead else start : end]
    if _QUANTITY.fullmatch(gap):  # "a profusion of cytokines", "a broad range of molecules": how many
        return False
    return bool(re.search(r"[A-Za-z]{3}", gap)) and bool(re.search(r"\b(?:of|between)\s+(?:the\s+)?$", gap))


def _possessive(text: str, mention: Mention) -> bool:
    """Return True when the mention owns the noun after it ("the microglia's anti-inflammatory effect")."""
    return bool(
        re.search(r"['’]s$", text[mention.start : mention.end]) or re.match(r"['’]s\b", text[mention.end :])
    )


def _joins(glue: str, examples: bool = True) -> bool:
    """Return True when ``glue`` joins two items of one list: ", ", " and ", or ", an unknown item, ".

    With ``examples=False``, "such as" or "like" ends the list: what follows
    are examples of the item before, not items of their own.
    """
    if not examples and _EXAMPLES.search(glue):
        return False
    if _LIST_GLUE.fullmatch(glue):
        return bool(re.search(r",|\b(?:and|or)\b", glue))
    return bool(_LIST_GAP.fullmatch(glue)) and not _CUE.search(glue)


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
        if not _joins(text[item.end : run[0].start]):
            break
        run.insert(0, item)
    return run


def _with_gap_items(names: _Names, text: str, run: list[Mention], kind: str) -> list[Mention]:
    """Return a list of named items with the items no name covers between them ("A, tooth pulp, B").

    :func:`_run` lets one unnamed piece stand between two names of a list;
    that piece is an item of the list too, proposed as the cue's kind of
    thing (:func:`_unnamed_items`).
    """
    items: list[Mention] = run[:1]
    for mention in run[1:]:
        if not _LIST_GLUE.fullmatch(_SUFFIX.sub("", text[items[-1].end : mention.start])):
            items.extend(_unnamed_items(names, text, items[-1].end, mention.start, kind, closed=True) or [])
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
        return mention.start
    return comma + 1 + len(text[comma + 1 : mention.start]) - len(text[comma + 1 : mention.start].lstrip())


def _run(mentions: list[Mention], last: int, text: str) -> list[Mention]:
    """Return the list of mentions ending at ``mentions[last]`` ("A, B and C"), or just that one."""
    run = [mentions[last]]
    index = last
    while index > 0:
        if not _joins(text[mentions[index - 1].end : mentions[index].start]):
            break
        index -= 1
        run.insert(0, mentions[index])
    return run


def _with_classes(mentions: list[Mention], text: str, run: list[Mention]) -> list[Mention]:
    """Return a list of examples with the classes named right before "such as" it, if any.

    "Growth factors and cytokines such as bFGF, HGF and IGF-1 are present in
    the medium": the classes are there as much as their examples are, so
    they are items of the list too.
    """
    if not run or run[0] not in mentions:
        return run
    first = mentions.index(run[0])
    if first == 0 or not _EXAMPLES_NEXT.fullmatch(text[mentions[first - 1].end : run[0].start]):
        return run
    return _run(mentions, first - 1, text) + run


def _run_on(mentions: list[Mention], text: str) -> list[Mention]:
    """Return the list that starts at ``mentions[0]`` ("A, B and C, which ..."), as :func:`_run` ends one."""
    run = mentions[:1]
    for mention in mentions[1:]:
        if not _joins(text[run[-1].end : mention.start], examples=False):
            break
        run.append(mention)
    return run


def _agent(names: _Names, mentions: list[Mention], text: str, before: int) -> Mention | None:
    """Return what the sentence says was given ("treated with X", "delivery of X") before ``before``."""
    for match in _AGENT.finditer(text, 0, before):
        for mention in mentions:
            near = match.end() <= mention.start <= match.end() + 12 and mention.end <= before
            if near and names.type_of(mention.entity) not in _CONTEXT_TYPES:
                return mention
    return None


def _anti(names: _Names, mentions: list[Mention], text: str) -> Iterator[tuple[re.Match[str], str, bool]]:
    """Yield each "anti-X" word naming a known X ("antiapoptotic" → apoptosis) outside any mention.

    The flag says the word is a noun ("antiapoptosis", "anti-inflammation"): an item of a list of
    functions, never an adjective of the name before.
    """
    for match in _ANTI.finditer(text):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        if _KIND_AFTER.match(text, match.end()):
            continue  # "anti-inflammatory cytokines", "anti-apoptotic proteins": a kind, no claim
        stem = match.group(1).lower()
        itself = names.lookup(stem)  # a noun: "antiapoptosis", "anti-inflammation"
        if itself:
            yield match, itself, True
            continue
        for ending, noun in _ADJECTIVE_NOUNS:
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
_ANTI_PROPOSED_NOUNS = [(e, n) for e, n in _ADJECTIVE_NOUNS if e not in {"ic", "al", "idant"}]
_ANTI_NOUN = re.compile(r"(?:ity|osis|esis|ion)$")


def _anti_proposed(names: _Names, text: str, match: re.Match[str]) -> str | None:
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
    return names.propose(noun, _guess_type(noun, EntityType.PROCESS))


def _spelled_noun(names: _Names, stem: str) -> str | None:
    """Return the noun of an "-ic" adjective that the seed itself writes, where only one of them is.

    "anti-allodynic" opposes allodynia, "anti-allergic" allergy: the ending
    cannot tell "-ia" from "-y", but a review that writes "allodynia"
    elsewhere says which it means.
    """
    if not stem.endswith("ic") or len(stem) < 7:
        return None
    spelled = [noun for noun in (stem[:-2] + "ia", stem[:-2] + "y") if noun in names.spelled]
    return spelled[0] if len(spelled) == 1 else None


def _joined_change(text: str, before: re.Match[str], cue: re.Match[str]) -> bool:
    """Return True for a change named as a noun that joins the objects of the verb cue before it.

    "thus reducing neuroinflammation and the associated increase in pain
    hypersensitivity": the increase is a second thing reduced, so the pain
    hypersensitivity is lowered, not raised by the subject; "inhibiting the
    activation of glial cells and the subsequent release of mediators": the
    release is inhibited too. A cue before that is itself a noun ("a
    decrease in X and an increase in Y") is no verb whose objects go on.
    """
    if _cue_name(before) not in _SIGNED or not _JOINED_CHANGE.fullmatch(cue.group()):
        return False
    if re.search(r"\b(?:a|an|the|its|their|this)\s+$", text[: before.start()], re.I):
        return False
    return bool(_JOINED_AFTER.fullmatch(text, before.end(), cue.start()))


# "reduced X by inhibiting Y": the means cue right after the main cue's objects
_MEANS_BEFORE = re.compile(r"\b(?:by|through|via)\s+$", re.I)
_CUE_SIGN = {"increases": 1, "activates": 1, "decreases": -1, "inhibits": -1, "ameliorates": -1}
# "X and the associated (subsequent) increase in (release of) Y": X brings Y's change about
_JOINED_CAUSE = re.compile(
    r"\s+and\s+(?:the|an?|its|their)\s+(?:associated|subsequent|resulting|consequent)\s+"
    r"(?P<change>increase|elevation|upregulation|release|production|secretion|synthesis|"
    r"decrease|reduction|downregulation|loss)\s+(?:in|of)\s+(?:the\s+)?",
    re.I,
)


def _means_claims(
    names: _Names, text: str, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
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
        if means_predicate not in _CUE_SIGN or not _MEANS_BEFORE.search(text, 0, means_cue.start()):
            continue
        for subject, predicate, obj, cue in found:
            if (
                predicate not in _CUE_SIGN
                or cue.end() > obj.start
                or obj.end > means_cue.start()
                or _MEANS_BEFORE.search(text, 0, cue.start())
                or _CUE.search(text, cue.end(), means_cue.start())
                or re.search(r"[:;]", text[obj.end : means_cue.start()])
                or (None if subject is None else subject.entity)
                != (None if means_subject is None else means_subject.entity)
            ):
                continue
            sign = _CUE_SIGN[predicate] * _CUE_SIGN[means_predicate]
            derived = _predicate_for(
                "increases" if sign > 0 else "decreases",
                names.type_of(obj.entity),
                names.type_of(means_object.entity),
            )
            if derived is not None:
                extra.append((means_object, derived, obj, cue))
    return extra


def _joined_causes(
    names: _Names, text: str, found: Sequence[tuple[Mention | None, str, Mention, re.Match[str]]]
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "X and the associated increase in Y" says X does to Y: X raises Y (a decrease: lowers it).

    The change named as a noun is the cue's second object (see
    :func:`_joined_change`); "associated", "subsequent", "resulting" or
    "consequent" says it follows from the object before it, with the
    change's own plain direction.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for _subject, predicate, cause, cue in found:
        if predicate not in _CUE_SIGN or cue.end() > cause.start:
            continue
        joined = _JOINED_CAUSE.match(text, cause.end)
        if joined is None:
            continue
        lowered = joined.group("change").lower() in {"decrease", "reduction", "downregulation", "loss"}
        kind = "decreases" if lowered else "increases"
        for _other, _other_predicate, effect, other_cue in found:
            if other_cue is not cue or effect.start != joined.end():
                continue
            derived = _predicate_for(kind, names.type_of(effect.entity), names.type_of(cause.entity))
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


def _stated_relations(
    names: _Names, mentions: Sequence[Mention], text: str
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


def _good_effects_in(
    names: _Names, mentions: Sequence[Mention], text: str
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
        if names.type_of(rest[0].entity) in _DISEASE_TYPES:
            extra.extend((owner, "ameliorates", rest[0], cue) for owner in owners)
    return extra


_NOUN_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")


def _noun_cue_agents(
    names: _Names,
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


def _linked_in_examples(
    names: _Names, mentions: list[Mention], text: str
) -> list[tuple[Mention | None, str, Mention, re.Match[str]]]:
    """Return what "A and B are linked to X in several disorders, such as C and D" says: each with each.

    The cue's own object is a phrase ("the therapeutic actions of MSCs",
    which names no object: see :func:`_complement`); the conditions named
    as examples after "in ... states (conditions, diseases, disorders),
    such as" are where the link holds, so each subject right before the cue
    (and the list it ends) is associated with each example. A negated cue
    gives nothing.
    """
    extra: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for cue in _CUE.finditer(text):
        if _cue_name(cue) != "associated-with" or _NEGATION.search(text[: cue.start()]):
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
                and _joins(text[examples[-1].end : mention.start])
            ):
                examples.append(mention)
        for subject in _run(mentions, before[-1], text):
            extra.extend((subject, "associated-with", example, cue) for example in examples)
    return extra


def _anti_appositions(
    names: _Names, mentions: list[Mention], text: str
) -> tuple[list[Mention], list[tuple[Mention | None, str, Mention, re.Match[str]]]]:
    """Return the mentions without an anti-kind standing right before a name, and what that name does.

    "increased the anti-apoptotic gene Bcl2": the kind ("anti-apoptotic
    gene") only says what Bcl2 is, so it is no object of its own, and Bcl2,
    being anti-apoptotic, lowers apoptosis.
    """
    kept: list[Mention] = []
    claims: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []
    for index, mention in enumerate(mentions):
        word = _ANTI.match(text, mention.start)
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
        opposed = next((e for m, e, _noun in _anti(names, [], text[mention.start : word.end()])), None)
        span = _ANY.match(text, mention.start, named.end)
        if opposed is None or span is None:
            kept.append(mention)
            continue
        target = Mention(opposed, mention.start, word.end())
        predicate = "ameliorates" if names.type_of(opposed) in _DISEASE_TYPES else "decreases"
        claims.append((named, predicate, target, span))
    return kept, claims


def _anti_in(names: _Names, mentions: list[Mention], text: str, match: re.Match[str], entity: str) -> str:
    """Return the disease an anti-effect is said to hold in, where it is a kind of what the word opposes.

    "antinociceptive effects in neuropathic pain": the effect is against
    neuropathic pain, a pain the sentence names, not pain in general.
    """
    kind = names.type_of(entity)
    if kind not in _DISEASE_TYPES:
        return entity
    word = text[match.start() : match.end()].lower()
    for mention in mentions:
        if mention.start < match.end() or names.type_of(mention.entity) not in _DISEASE_TYPES:
            continue
        between = text[match.end() : mention.start]
        if len(between) > 60 or not re.search(r"\bin\s+(?:the\s+)?$", between) or _CUE.search(between):
            continue
        named = text[mention.start : mention.end].lower().split()
        label = (names.entities[entity].label if entity in names.entities else "").lower()
        if label and label.split()[-1] in named and label.split()[-1] not in word:
            return mention.entity
    return entity


_OF = re.compile(r"\s+of\s+(?:the\s+|an?\s+)?", re.I)
# What an adjective of a process qualifies: an effect raises the process, a property or function is
# associated with it ("neuroprotective and antinociceptive effects", "immunomodulatory properties").
_EFFECT_AFTER = re.compile(
    r"(?:\s*,?\s+(?:and|or)\s+[\w-]+)?\s+(?:(?P<effect>effects?|actions?)|properties|functions?|"
    r"activit(?:y|ies))\b",
    re.I,
)
_ADJECTIVE_WORD = re.compile(r"(?<![-\w])(?:(?P<pro>pro)-)?(?P<stem>[a-z]{5,})(?![-\w])", re.I)


def _adjective_effects(
    names: _Names, mentions: list[Mention], text: str
) -> Iterator[tuple[re.Match[str], str, str]]:
    """Yield (span, process, predicate) for each adjective of a process before an effect noun.

    "neuroprotective effects" are effects that raise neuroprotection,
    "pro-nociceptive effects" raise nociception, "immunomodulatory
    properties" are associated with immunomodulation: the adjective is
    turned into its noun by its ending (as for "anti-" words, which
    :func:`_anti` reads) or is itself a name of the process. The span runs
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
            if (covering[0].start, covering[0].end) != word.span():
                continue  # a longer name ("anti-inflammatory effect" as one entity) is no adjective
            entity = covering[0].entity
        else:
            stem = word.group("stem").lower()
            for candidate, prefixed in (
                (stem, pro),
                (stem[3:], True) if stem.startswith("pro") else ("", pro),
            ):
                for ending, noun in _ADJECTIVE_NOUNS:
                    if candidate.endswith(ending) and len(candidate) > len(ending) + 3:
                        entity = names.lookup(candidate[: len(candidate) - len(ending)] + noun)
                        if entity:
                            break
                if entity:
                    pro = prefixed
                    break
        if entity is None or names.type_of(entity) not in _DISEASE_TYPES | {EntityType.PROCESS}:
            continue
        predicate = "increases" if after.group("effect") or pro else "associated-with"
        span = _ANY.match(text, word.start(), after.end())
        if span is not None:
            yield span, entity, predicate


_ANY = re.compile(r".+", re.S)
_MODEL_OF = re.compile(r"models?\s+of\s+(?:the\s+)?(?P<x>.+)$", re.I)
_X_MODEL = re.compile(r"(?P<x>.+?)\s+(?P<species>[A-Za-z]+)\s+models?$", re.I)
_X_IN_MODEL = re.compile(r"(?P<x>.+?)\s+in\s+an?\s+(?P<species>[A-Za-z]+)\s+models?$", re.I)
_SPECIES_X_MODEL = re.compile(r"(?P<species>[A-Za-z]+)\s+(?P<x>.+?)\s+models?$", re.I)


def _modelled(names: _Names, text: str, mention: Mention) -> str | None:
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
        inside = [m for m in names.scan(modelled) if names.type_of(m.entity) in _DISEASE_TYPES]
        known = inside[-1].entity if inside else None
    if known is not None:  # a disease, never another model ("DSS-induced acute colitis": not its model)
        return known if names.type_of(known) in _MODELLED_TYPES else None
    if of is None:
        return None
    if of.re is _INDUCED_NAME and not _reads_as_disease(modelled):
        return None  # "HFD-induced obese mice": no disease's name
    return names.propose(modelled, _guess_type(modelled, EntityType.DISEASE))


_MODELLED_TYPES = {EntityType.DISEASE, EntityType.PHENOTYPE, EntityType.PROCESS}
"""What a model can be a model of: a disease, a phenotype or a process, never another model."""


def _effect_owner(
    names: _Names, mentions: list[Mention], text: str, start: int, owner_at: int
) -> list[Mention]:
    """Return whose an effect named at ``start`` is: one owner, a list's items, or none.

    "effects of X" (X at ``owner_at``); else, in a relative clause ("X and
    Y, which are known to have Z effects"), what the relative pronoun
    names (:func:`_relative_antecedents`); else what was given; else the
    nearest name before (the preparation of the cells it names, not the
    cells), or after "its" or "their" the sentence's first agent.
    """
    for m in mentions:
        if m.start == owner_at and names.type_of(m.entity) not in _CONTEXT_TYPES:
            return [m]
    antecedents = _relative_antecedents(names, mentions, text, start) if owner_at < 0 else []
    if antecedents:
        return antecedents
    agent = _agent(names, mentions, text, start)
    if agent is not None:
        return [agent]
    left = [
        i for i, m in enumerate(mentions) if m.end <= start and names.type_of(m.entity) not in _CONTEXT_TYPES
    ]
    if not left:
        return []
    if re.search(r"\b(?:its|their)\s+$", text[:start], re.I):  # "X was assessed for its regenerative effects"
        doers = [i for i in left if names.type_of(mentions[i].entity) in _AGENT_TYPES]
        return [_subject_for(names, mentions, (doers or left)[0], text)]
    return [_subject_for(names, mentions, left[-1], text)]


def _relative_antecedents(names: _Names, mentions: list[Mention], text: str, start: int) -> list[Mention]:
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
    if relative is None or any(names.type_of(m.entity) in _AGENT_TYPES for m in inside):
        return []  # "which X reduces ...": X's clause ("neuroprotective and antinociceptive" are no agents)
    left = [
        i
        for i, m in enumerate(mentions)
        if m.end <= relative.start() and names.type_of(m.entity) not in _CONTEXT_TYPES
    ]
    if not left or text[mentions[left[-1]].end : relative.start()].strip(" )"):
        return []
    index = left[-1]
    while index > 0 and _PLACE_BEFORE.search(text, 0, mentions[index].start):
        index -= 1  # "in the secretome of MSCs": where, not what
    run = _run(mentions, index, text)
    return [m for m in run if names.type_of(m.entity) not in _CONTEXT_TYPES]


# ", also called (as) X", ", also known as X": a second name of what stands before, no new subject
_ALSO_CALLED = re.compile(r",\s+(?:also\s+)?(?:called|known|termed|referred\s+to)(?:\s+as)?\s+$", re.I)
# Between a species and the cells it says are its own: nothing, or a word or two ("human deciduous ...")
_SPECIES_OF = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+")
# ", that are known to", " which": a relative pronoun right after a list, up to the next cue
_RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:which|that)(?:\s+[\w-]+){0,5}\s+", re.I)
# "X, which are known to have ...", "X that may exert ...": a relative clause up to an effect, no name in it
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\s+)(?:which|that)\s+(?:[\w-]+\s+){0,8}$", re.I)
# "... in the secretome of MSCs", "... secreted by MSCs": a name after a place's preposition or a participle's
# agent says where they were or who made them, not what the relative names
_PLACE_BEFORE = re.compile(r"\b(?:in|of|from|\w+ed\s+by)\s+(?:the\s+)?$", re.I)


_THEIR = re.compile(r"\s+and\s+their\s+(?:secretory\s+|secreted\s+)?$", re.I)


def _their_secretions(names: _Names, mentions: list[Mention], text: str) -> list[Mention]:
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


def _kinds_named_before(
    names: _Names, mentions: list[Mention], text: str, before: Sequence[str]
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


def _kind_named(names: _Names, entity_id: str, general_id: str, general: str) -> bool:
    """Return True when ``entity_id`` is a kind of ``general_id`` and a name of it ends with ``general``."""
    entity = names.entities.get(entity_id)
    if entity is None or general_id not in _ancestors(names, entity_id):
        return False
    return any(" ".join(n.lower().split()).endswith(f" {general}") for n in (entity.label, *entity.synonyms))


def _ancestors(names: _Names, entity_id: str) -> set[str]:
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
_SHARED_GLUE = re.compile(r",?\s+(?:and|or)\s+|,\s+", re.I)
_SHARED_WORD = re.compile(r"[a-z][a-z-]{2,}")
_STANDALONE = re.compile(r".*(?:s|ing|ion|ment|ity|ness|ance|ence|sis|ly)", re.I)  # nouns of their own
_ADJECTIVE = re.compile(r".*(?:al|ic|ous|ive|ar|ory|oid)", re.I)
_PROCESS_NOUN = re.compile(r".*(?:tion|sion|sis|ment|ance|ence|ity|ing|ure|al|air|ness)", re.I)
_SHARED_END = re.compile(
    r"\s*(?:[,.;:()]|$)|\s+(?:in|of|on|at|for|with|by|from|to|and|or|as|that|which)\b", re.I
)


def _shared_words(names: _Names, mentions: list[Mention], text: str) -> list[Mention]:
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
            if (
                word is None
                or _FUNCTION_WORD.fullmatch(word.group(1))
                or _STANDALONE.fullmatch(word.group(1))
            ):
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
                _FUNCTION_WORD.fullmatch(said) or _ADVERB.fullmatch(said) or said.endswith(("ed", "es"))
            ):
                break
            if not _shared_item(
                names, result, word.start(1), word.end(1), f"{word.group(1)} {words[1]}", kind
            ):
                break
            position = word.start(1)
        glue_after = _SHARED_GLUE.match(text, mention.end)  # forward: "tissue repair and regeneration"
        if glue_after is None or not re.search(r"\b(?:and|or)\b", glue_after.group()):
            continue
        word = _SHARED_WORD.match(text, glue_after.end())
        if (
            word is not None
            and _PROCESS_NOUN.fullmatch(word.group())
            and not word.group().endswith("s")
            and _SHARED_END.match(text, word.end())
        ):
            _shared_item(names, result, word.start(), word.end(), f"{words[0]} {word.group()}", kind)
    return sorted(result, key=lambda m: m.start)


def _shared_item(
    names: _Names, mentions: list[Mention], start: int, end: int, label: str, kind: EntityType
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


def propose_from_text(
    names: _Names,
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
    sentence names are returned last, for the next sentence. ``pair`` are
    the two treatments the paragraph named together last ("X and Y were
    given"), which "In both the cases" or "Both the treatments" opening this
    sentence name again: its effects with no subject of their own are each's.
    """
    both = _BOTH_TREATMENTS.match(text) if len(pair) == 2 else None
    implied: list[str | None] = list(pair) if both else []
    carried = pair[0] if both else carried
    mentions = _their_secretions(
        names,
        _kinds_named_before(names, _shared_words(names, names.scan(text), text), text, named_before),
        text,
    )
    first_agents = [m.entity for m in mentions if names.type_of(m.entity) in _AGENT_TYPES]
    expand: dict[tuple[int, int], list[str]] = {}
    pronouns: set[tuple[int, int]] = set()
    mentions = _anaphors(names, mentions, text, topic or carried, referents, expand, pronouns, named_before)
    mentions, appositions = _anti_appositions(names, mentions, text)
    # a cue word inside a name ("Macrophage Stimulating Protein") is part of the name, not a cue
    cues = [
        m
        for m in _CUE.finditer(text)
        if not _NEGATION.search(text[: m.start()])
        and not _ATTRIBUTIVE.search(text[: m.start()] + m.group())
        and not (_cue_name(m) == "marker-of" and _MARKERS_AFTER_OF.search(text, 0, m.start()))
        and not any(n.start <= m.start() and m.end() <= n.end for n in mentions)
    ]
    cues = [m for k, m in enumerate(cues) if not (k and _joined_change(text, cues[k - 1], m))]
    hedged = bool(_HEDGE.search(text))
    found: list[tuple[Mention | None, str, Mention, re.Match[str]]] = []  # (subject, predicate, object, cue)
    last_subject: str | None = None
    previous_subject: list[Mention] = []
    previous_objects: list[Mention] = []
    completing: list[Mention] = []  # names that only completed a cue's object phrase: no fresh subject
    previous_kind = ""
    previous_end = 0
    listed: list[tuple[int, int, list[Mention]]] = []  # (start, end, owners) of each list of functions
    placed: list[Mention] = []  # what the cue before said is present in something ("X present in Y")
    for number, cue in enumerate(cues):
        kind = _cue_name(cue)
        placed_before, placed = placed, []
        stop = cues[number + 1].start() if number + 1 < len(cues) else len(text)
        clause = _CLAUSE_STOP.search(text, cue.end(), stop)
        stop = clause.start() if clause else stop
        before = [i for i, m in enumerate(mentions) if m.end <= cue.start() and m.start >= previous_end]
        after = [m for m in mentions if cue.end() <= m.start < stop]
        passive = _PASSIVE.match(text[cue.end() :])
        subjects: list[Mention] = []
        objects: list[Mention] = []
        shared_cue = (
            kind == "including"
            and previous_kind in _SIGNED | {"improves"}
            and bool(previous_objects)
            and re.fullmatch(r"[\s,(]*", text[previous_objects[-1].end : cue.start()]) is not None
        )
        if kind == "including" and previous_subject and (shared_cue or (not previous_objects and not before)):
            # "isolated from various tissues, including A, B and C": the list is what the cue before names;
            # "downregulated the senescence markers, including A and B": A and B are downregulated too
            kind, subjects = previous_kind, previous_subject
            objects = [
                m for m in after if names.type_of(m.entity) not in {EntityType.SPECIES, EntityType.ROUTE}
            ]
            objects = _run(objects, len(objects) - 1, text) if objects else []
            # "including bone marrow, tooth pulp, adipose tissue": the item no name covers is one too
            objects = _with_gap_items(names, text, objects, kind)
        elif kind == "found":  # "identified X and Y in the secretome of MSCs": the secretome carries them
            inside = re.compile(r"\s+in\s+(?:the\s+)?$")
            holders = [
                m
                for m in after
                if names.type_of(m.entity) in _HOLDER_TYPES and inside.search(text, cue.end(), m.start)
            ]
            if holders:
                found_in = [m for m in after if m.end <= holders[0].start]
                if found_in and _LIST_GLUE.fullmatch(text[cue.end() : found_in[0].start]):
                    subjects, objects = holders[:1], _run_on(found_in, text)
                    kind = "carries"
            elif after and _LIST_GLUE.fullmatch(text[cue.end() : after[0].start]):
                objects = _run_on(after, text)  # found in what the paragraph is about: see below
                kind = "detected"
            elif (
                not after
                and before
                and carried is not None
                and names.type_of(carried) in _HOLDER_TYPES
                and _BARE_PASSIVE.search(text, 0, cue.start())
            ):
                # "The content of the conditioned media differed. However, chemokines, cytokines, and growth
                # factors are consistently reported.": found, with no place named, in the paragraph's
                # preparation
                for obj in _run(mentions, before[-1], text):
                    found.append((None, "carries", obj, cue))
        elif kind == "contained-in":  # "X, Y and Z are present in the conditioned medium"
            holders = [m for m in after if names.type_of(m.entity) in _HOLDER_TYPES]
            if holders and before:
                subjects, objects = (
                    holders[:1],
                    _with_classes(mentions, text, _run(mentions, before[-1], text)),
                )
                kind = "carries"
                placed = objects
        elif passive:  # "X is inhibited by Y": Y does it to X
            agents = [m for m in mentions if m.start >= cue.end() + passive.end() and m.start < stop]
            secreted = (
                agents
                and kind == "carries"
                and names.type_of(agents[0].entity) is EntityType.MSC_SOURCE
                and (not before or _UNNAMED_SECRETED.search(text, mentions[before[-1]].end, cue.start()))
            )
            if agents and before and not secreted:  # "... is mediated by A, B and C": each of them
                subjects, objects = _run_on(agents, text), _run(mentions, before[-1], text)
                # "the cytokines released by MSCs, such as IL-6 and IL-7": examples of what was released
                examples = [m for m in agents if m.start >= subjects[-1].end]
                if examples and _EXAMPLES_NEXT.fullmatch(text[subjects[-1].end : examples[0].start]):
                    objects = objects + _run_on(examples, text)
            elif secreted:
                # "the molecules secreted by MSCs": what MSCs secrete is their secretome, by definition, also
                # where a name stands earlier in the sentence ("MSC therapy ... utilizes the molecules
                # secreted by MSCs": the molecules no name covers, not that name, were secreted)
                secretome = names.lookup("secretome")
                if secretome is not None:
                    found.append(
                        (Mention(secretome, cue.start(), cue.start()), "derived-from", agents[0], cue)
                    )
        elif kind in _SIGNED | {"improves"} and _BARE_PASSIVE.search(text, 0, cue.start()) and before:
            # "A reduced X, while Y were enhanced": what A did to Y; no subject of its own
            subjects, objects = previous_subject, _run(mentions, before[-1], text)
            # "Sox9, aggrecan, collagen II were highly expressed": the unnamed item between names is one too
            objects = _with_gap_items(names, text, objects, kind)
            auxiliary = _BARE_PASSIVE.search(text, objects[-1].end, cue.start())
            if auxiliary is not None:
                # "Y (such as A, and B) were enhanced", "X, uric acid, and proteinuria were reduced": the
                # list goes on past the last name, to the auxiliary
                rest = _unnamed_items(names, text, objects[-1].end, auxiliary.start(), kind, closed=False)
                objects = objects + (rest or [])  # not closed: never None, only typed so
            if not subjects and carried is not None:  # "Allodynia and hyperalgesia were reversed": by it
                for obj in objects:
                    verb = _predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
                    found.append((None, verb or kind, obj, cue))
        elif (
            kind in _SIGNED | {"improves"}
            and carried is not None
            and not previous_subject
            and (measured := _MEASURED_PASSIVE.search(text, previous_end, cue.start())) is not None
        ):
            # "the expression of desmin and muscle actin was found to be elevated": no name before the
            # passive, so the measure's items are its objects, proposed, and the paragraph's subject did it
            measures = _unnamed_items(
                names, text, measured.start("items"), measured.end("items"), kind, False, True
            )
            for obj in measures or []:
                verb = _predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
                found.append((None, verb or kind, obj, cue))
        else:
            # "A reduces X and increases Y": A again; "A reduces X, which increases Y": X
            relay = previous_subject and _RELAY.search(text, previous_end, cue.start())
            # a species, a route, a tissue ("rescued rat MSCs and X and also raised Y") names no new subject
            fresh = [
                i
                for i in before
                if mentions[i] not in previous_objects
                and mentions[i] not in completing
                and names.type_of(mentions[i].entity) not in _CONTEXT_TYPES
            ]
            agent = _agent(names, mentions, text, cue.start())
            means = re.search(r"\bby\s+$", text[: cue.start()])
            doers_before = [
                m for m in mentions if m.end <= cue.start() and names.type_of(m.entity) not in _CONTEXT_TYPES
            ]
            if means and not relay and (previous_subject or doers_before):
                # "A protected B from C by regulating X": the means is the clause subject's, A, whatever
                # stands between
                subjects = previous_subject or [
                    _medium_of(
                        names, _subject_for(names, mentions, mentions.index(doers_before[0]), text), text
                    )
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
                subjects = [_medium_of(names, agent, text)]
            else:
                candidates = [i for i in before if names.type_of(mentions[i].entity) not in _CONTEXT_TYPES]
                every = [i for i, m in enumerate(mentions) if m.end <= cue.start()]
                pool = candidates or [
                    i for i in every if names.type_of(mentions[i].entity) not in _CONTEXT_TYPES
                ]
                # an agent (a preparation, a cell, a factor, a pathway) before a process or a disease,
                # unless the clause relays ("autophagy, which in turn decreases ...")
                doers = [i for i in pool if names.type_of(mentions[i].entity) in _AGENT_TYPES]
                pool = pool if relay else doers or pool
                while len(pool) > 1 and _ALSO_CALLED.search(text, 0, mentions[pool[-1]].start):
                    pool = pool[:-1]  # "A and B, also called myokines, promote X": a second name, no subject
                if pool:
                    head = _subject_for(names, mentions, pool[-1], text)
                    medium = _medium_of(names, head, text)
                    whole = _run(mentions, mentions.index(head), text)
                    glues = [text[a.end : b.start] for a, b in itertools.pairwise(whole)]
                    cut = [k + 1 for k, glue in enumerate(glues) if _EXAMPLES.search(glue)]
                    exemplified = bool(cut) or bool(re.search(r"\bsuch as\s*$", text[: whole[0].start]))
                    whole = whole[cut[-1] :] if cut else whole  # the examples, not what they are examples of
                    # "A reduces X, Y; B increases Z": the list before B is the cue before's, not B's
                    # (unless the clause relays: "A, B and C that reduce X" are all three, or the list gives
                    # examples of the subject: "the cytokines released by MSCs, such as A and B, promote X")
                    run = [m for m in whole if m == head or relay or exemplified or m not in previous_objects]
                    subjects = [m for m in run if names.type_of(m.entity) not in _CONTEXT_TYPES]
                    if kind not in (
                        "carries",
                        "including",
                        "detected",
                    ):  # "molecules secreted by MSCs include X": theirs
                        subjects = [_secretions_of(names, m, text) for m in subjects]
                    if medium is not head:  # the medium of these cells, not the cells
                        subjects = [medium]
            if kind == "ameliorates" and previous_kind == "used-in" and previous_subject and not fresh:
                kind = "used-in"  # "employed in studies of the repair and treatment of X": a use, no effect
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
                    quantity = _QUANTITY.match(text, cue.end(), mention.start)
                    begin = quantity.end() if quantity is not None else cue.end()
                    items = _LEADING_ITEMS.fullmatch(text, begin, mention.start)
                    lead_end = begin if items is not None and items.group(1) else None
                if lead_end is not None and kind in _LEADING_KINDS:
                    # "secretion of molecules like decorin, osteoprotegerin, Dkk-3": the unnamed first items
                    leading_items = _unnamed_items(
                        names, text, lead_end, mention.start, kind, True, leading=True
                    )
                    objects.extend(leading_items or [])
                if not objects and (
                    _complement(text, cue.end(), mention.start) or _possessive(text, mention)
                ):
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
                if mention_type in _CONTEXT_TYPES and kind not in ("derived-from", "model-of", "marker-of"):
                    break  # "... in the spinal cord of rats": where, not what
                if objects and stop < len(text) and not text[mention.end : stop].strip(" ,"):
                    break  # "A for X, Y, B for Z": B, right before the next cue, is its subject
                if objects and not _LIST_GLUE.fullmatch(
                    _SUFFIX.sub("", text[objects[-1].end : mention.start])
                ):
                    # "contains VEGF, proteases, ECM proteins, and IL-6": items no name covers, then IL-6
                    gap_end = _spelled_out(text, objects[-1].end, mention)
                    gap_items = _unnamed_items(names, text, objects[-1].end, gap_end, kind, closed=True)
                    if gap_items is None:
                        break  # "reduces IL-6 in arthritis": only a list goes on naming objects
                    objects.extend(gap_items)
                objects.append(_whole_item(names, text, mention))
                if len(objects) >= MAX_OBJECTS:
                    break
            if objects and kind != "functions" and len(objects) < MAX_OBJECTS:
                # "... IL-10, IL-11, Activin A, and SMAD proteins.": the list goes on to its end
                tail = _unnamed_items(names, text, objects[-1].end, stop, kind, closed=False) or []
                if tail and _CUE.match(text, stop) and not text[tail[-1].end : stop].strip():
                    tail.pop()  # "..., JAK/STAT signaling for expression of": the next cue's subject
                objects.extend(tail)
            if kind == "functions":
                objects = _list_items(names, text, cue.end(), stop)
            if not objects and not after and kind in _SIGNED | {"improves"}:
                # no name after a signed cue: the words that follow it, proposed as a new entity
                objects = _phrase_objects(names, text, _noun_cue_end(text, cue), stop)
            elif after and kind in _SIGNED | {"improves"} and (not objects or objects[0] is after[0]):
                # "improve renal function by adjusting X": the words right after the cue, before a name
                first = _phrase_before(names, text, _noun_cue_end(text, cue), after[0].start)
                if first is not None:  # "improve X by adjusting Y": Y is the means clause's, no object
                    gap = text[first.end : objects[0].start] if objects else ""
                    objects = [first] if re.search(r"\bby\s+\w+ing\b", gap) else [first, *objects]
                    where = names.type_of(objects[1].entity) if len(objects) > 1 else None
                    if where in _PLACE_TYPES and _IN_PLACE.fullmatch(gap):
                        # "promote autophagy in microglia": the cells are where it happens, no object
                        objects = [first, *objects[2:]]
            if kind == "expression-of":  # "Akt signaling for expression of X": the name right before
                subjects = [
                    m for m in mentions if m.end <= cue.start() and not text[m.end : cue.start()].strip()
                ]
            if kind in ("model-of", "marker-of"):  # "CCI, a model of X": only what stands right before
                near = [mentions[i] for i in before if len(text[mentions[i].end : cue.start()]) <= 12]
                subjects = near[-1:]
            if kind == "including" and not any(names.type_of(m.entity) in _HOLDER_TYPES for m in subjects):
                subjects = []  # "cytokines including IL-6" names kinds, not contents
            if kind in ("carries", "detected") and not passive:
                # what carries or secretes is a preparation or a cell: "they ... by secreting X" is the
                # nearest one before, else the paragraph's subject
                subjects = [m for m in subjects if names.type_of(m.entity) in _CARRIER_TYPES]
                holders = [
                    m for m in mentions if m.end <= cue.start() and names.type_of(m.entity) in _CARRIER_TYPES
                ]
                subjects = subjects or holders[-1:]
            noun_end = _word_end_before(text, cue) if _PARTICIPLE.fullmatch(cue.group()) else -1
            if noun_end >= 0 and not any(m.end == noun_end for m in mentions):
                subjects = []  # "the paracrine functions associated with X": the functions', no name's
        immune = _immune_modulation(names, text, cue) if kind == "acts-on" and not passive else None
        if immune is not None:  # "their ability to modulate the immune response": immunomodulation
            kind, objects = "associated-with", [immune]
        if kind in _SIGNED | {"improves"} and not passive:
            # "greater expression of X in the ADSCs treated group": the group's treatment did it
            treated = _treated_group(names, mentions, text, cue.end(), stop)
            if treated is not None:
                subjects = [treated]
                objects = [m for m in objects if m != treated]
        for subject in subjects:
            for obj in objects:
                predicate = _predicate_for(kind, names.type_of(obj.entity), names.type_of(subject.entity))
                holder, held = names.type_of(subject.entity), names.type_of(obj.entity)
                if (
                    kind == "differentiates-into"
                ):  # "MSCs differentiate into osteoblasts": they come from MSCs
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
        # "the increase of X": an event named as a noun, not an effect of the paragraph's subject
        unnamed = _unnamed_subject(text[previous_end : cue.start()]) or bool(
            re.search(r"\b(?:the|an?|this|its|their)\s+$", text[: cue.start()], re.I)
        )
        if both and not previous_end:  # "Both the treatments reduced X": they are named, as a pair
            unnamed = _unnamed_subject(text[both.end() : cue.start()])
        holder_carried = carried is not None and names.type_of(carried) in _HOLDER_TYPES
        if kind == "detected" and not subjects and objects and holder_carried and not before:
            # "The secretome of X ... Y and collaborators confirmed the presence of VEGF": found in it
            found.extend((None, "carries", obj, cue) for obj in objects)
        elif not subjects and objects and carried is not None and not passive and not before and not unnamed:
            # "The group treated with X ... It displayed reduced Y": signed effects only, never contents
            for obj in objects:
                predicate = _predicate_for(kind, names.type_of(obj.entity), names.type_of(carried))
                if predicate in _SIGNED:
                    found.append((None, predicate, obj, cue))
        if kind == "functions" and subjects and objects:
            listed.append((cue.end(), objects[-1].end, subjects))
        if subjects:
            previous_subject = subjects
            last_subject = subjects[0].entity
        previous_objects = objects
        if kind == "functions" and objects:  # the names inside the list are its items, not fresh subjects
            previous_objects = objects + [m for m in after if m.start < objects[-1].end]
        previous_kind = kind
        previous_end = cue.end()
    found.extend(appositions)
    for match, entity, noun in _anti(names, mentions, text):
        entity = _anti_in(names, mentions, text, match, entity)
        target = Mention(entity, match.start(), match.end())
        predicate = "ameliorates" if names.type_of(entity) in _DISEASE_TYPES else "decreases"
        owners = [subjects for start, end, subjects in listed if start <= match.start() <= end]
        if owners:  # "functions, which include survival, antiapoptosis ...": the functions' owner's
            found.extend((owner, predicate, target, match) for owner in owners[0])
            continue
        if noun:  # "antiapoptosis" outside a list of functions: whose, the sentence does not say
            continue
        # "the anti-fibrotic effects of X": X has them; else what was given, else the nearest name before
        owner = _OWNER.match(text, match.end())
        anti_subjects = _effect_owner(names, mentions, text, match.start(), owner.end() if owner else -1)
        if anti_subjects:
            found.extend((anti_subject, predicate, target, match) for anti_subject in anti_subjects)
        elif carried is not None:
            found.append((None, predicate, target, match))
    for mention in mentions:
        modelled = _modelled(names, text, mention)
        if modelled is not None:  # "a rat model of muscle atrophy": a model of muscle atrophy
            span = _ANY.match(text, mention.start, mention.end)
            if span is not None:
                found.append((mention, "model-of", Mention(modelled, mention.start, mention.end), span))
    for span, entity, predicate in _adjective_effects(names, mentions, text):
        # "the neuroprotective effects of X", "X has immunomodulatory properties": X's, as for anti-effects
        of = _OF.match(text, span.end())
        owners_of = _effect_owner(names, mentions, text, span.start(), of.end() if of else -1)
        target = Mention(entity, span.start(), span.end())
        if owners_of:
            found.extend((owner_of, predicate, target, span) for owner_of in owners_of)
        elif carried is not None and predicate in _SIGNED:
            found.append((None, predicate, target, span))
    found = _noun_cue_agents(names, mentions, text, found)
    found.extend(_means_claims(names, text, found) + _joined_causes(names, text, found))
    pairs = {(said.entity, obj.entity) for said, _predicate, obj, _cue in found if said is not None}
    found.extend(
        relation
        for relation in _stated_relations(names, mentions, text)
        + _good_effects_in(names, mentions, text)
        + _linked_in_examples(names, mentions, text)
        if relation[0] is not None and (relation[0].entity, relation[2].entity) not in pairs
    )
    claims = [
        (said, predicate, Mention(obj_id, obj.start, obj.end), cue, subject_id)
        for said, predicate, obj, cue in found
        if (obj.start, obj.end) not in pronouns
        for subject_id in (
            expand.get((said.start, said.end), [said.entity]) if said is not None else implied or [carried]
        )
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
    objects = [obj for _said, _predicate, obj, _cue in found]
    named = [entity for obj in objects for entity in expand.get((obj.start, obj.end), [obj.entity])]
    return last_subject, named, first_agents[0] if first_agents else None, [m.entity for m in mentions]


def _anaphors(
    names: _Names,
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
        before = [m for m in mentions if m.end <= match.start() and names.type_of(m.entity) in _AGENT_TYPES]
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


def _cited(sentence: str, references: dict[tuple[str, str], Reference]) -> list[Reference]:
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


def _superscripts(raw: str, end_line: int | None) -> list[tuple[str, list[int]]]:
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


def draft_review(
    raw: str,
    review: str,
    names: NameLookup,
    entities: Mapping[str, Entity],
    region: SeedRegion | None = None,
    progress: Callable[[str], None] | None = None,
    studies: Collection[str] = (),
    terms: TermDictionary | None = None,
) -> Draft:
    """Draft the curation of the seed text ``raw`` as review ``review``.

    Args:
        raw: the seed text, as in the seeds folder.
        review: the review's id (the ``review:`` of the draft, the study of uncited sentences).
        names: the resolver's name look-up (``NameIndex.named``).
        entities: the known entities (their types decide subjects, objects and context).
        region: what of the seed is main text (``coverage/seeds.yaml``); without
            one, the text up to its reference list.
        progress: called with a line of progress now and then.
        studies: the ids of the studies the graph has: cited, never proposed again.
        terms: the full term dictionary new entities are looked up in, for their xrefs;
            without one they have none.
    """
    references_line = find_references_start(raw)
    if region is None:
        end = raw.splitlines()[references_line].strip() if references_line is not None else None
        region = SeedRegion(end=end)
    sentences, rows = segment_seed(raw, region)
    references = read_references(raw)
    by_author = {(r.surname.casefold(), r.year): r for r in references}
    by_number = {r.number: r for r in references if r.number is not None}
    seed_text = normalise_text(raw)
    draft = Draft(review)
    lookup = _Names(names, entities, terms)
    lookup.spelled = {word.lower() for word in _WORD.findall(seed_text)}
    # "Musculoskeletal disorders (MSDs)" in the abstract, or in a sentence the audit leaves out, still
    # defines "MSDs" for the main text: the whole text up to the region's end is read for them
    whole, _whole_rows = segment_seed(raw, SeedRegion(end=region.end))
    _learn_abbreviations(lookup, (s.text for s in whole))
    footnotes = {i for i, s in enumerate(sentences) if _is_footnote(s)}
    for index in footnotes:
        for pair in _FOOTNOTE_PAIR.finditer(sentences[index].text):
            lookup.learn(pair.group(2), pair.group(1))
    superscripts = _superscripts(raw, references_line)

    def study_of(cited: list[Reference]) -> str:
        if not cited:
            return review
        reference = cited[0]
        study_id = f"{slugify(reference.surname)}-{reference.year}"
        record: dict[str, Any] = {"id": study_id, "citation": _citation(reference)}
        year = re.match(r"\d{4}", reference.year)
        if year:
            record["year"] = int(year.group())
        if reference.title:
            record["title"] = reference.title
        if reference.number is not None:
            record["ref"] = reference.number
        if study_id not in studies:
            draft.studies.setdefault(study_id, record)
        return study_id

    paragraph: tuple[str, int] = ("", 0)
    carried: str | None = None  # the last subject of the paragraph so far
    referents: list[str] = []  # the previous sentence's objects
    topic: str | None = None  # what the previous sentence named first (an agent)
    named_before: list[str] = []  # what the previous sentence named
    said_before: list[str] = []  # the paragraph's sentences so far
    for number, sentence in enumerate(sentences):
        if progress and number % 50 == 0:
            progress(f"{review}: sentence {number + 1}/{len(sentences)}")
        if number in footnotes:  # "GFAP: glial fibrillary acidic protein; ...": names, not claims
            continue
        cited = _cited(sentence.text, by_author)
        numbers = [n for prefix, ns in superscripts if prefix[-25:] in sentence.text for n in ns]
        cited += [by_number[n] for n in dict.fromkeys(numbers) if n in by_number]
        locator = _locator(sentence, list(dict.fromkeys(numbers)))
        kind = "figure" if sentence.section.startswith("Figure") else "prose"
        if sentence.section.startswith("Table"):
            kind = "table"

        def place(
            quote: str,
            index: int = number,
            cited: list[Reference] = cited,
            kind: str = kind,
            locator: str = locator,
        ) -> DraftEvidence:
            return DraftEvidence(study_of(cited), kind, locator, quote, sentence=index)

        here = (sentence.section, sentence.paragraph)
        subject, objects, first, named = propose_from_text(
            lookup,
            sentence.text,
            place,
            draft,
            seed_text,
            carried if here == paragraph else None,
            referents if here == paragraph else (),
            topic if here == paragraph else None,
            named_before if here == paragraph else (),
            _paired_before(lookup, sentence.text, said_before if here == paragraph else []),
        )
        said_before = (said_before if here == paragraph else []) + [sentence.text]
        topic = first
        if here != paragraph:
            paragraph, carried = here, None
        named_before = named
        carried = subject or carried
        referents = objects
    draft.rows_total = len(rows)
    previous: TableRow | None = None
    for row in rows:
        if previous is not None and previous.table == row.table:  # an empty cell repeats the one above
            cells = tuple(
                c or (previous.cells[i] if i < len(previous.cells) else "") for i, c in enumerate(row.cells)
            )
            row = TableRow(row.table, row.row, row.text, cells, row.header)
        if _propose_row(lookup, row, sentences, draft, by_author, by_number, study_of):
            draft.rows_proposed += 1
        previous = row
    for reference in references:
        if reference.title:
            locator = (
                f"Reference {reference.number}"
                if reference.number is not None
                else f"References, {reference.surname} et al. ({reference.year})"
            )
            title = reference.title

            def place_title(
                quote: str, reference: Reference = reference, locator: str = locator
            ) -> DraftEvidence:
                return DraftEvidence(study_of([reference]), "reference-title", locator, quote)

            propose_from_text(lookup, title, place_title, draft, seed_text)
    used = {entity_id for key in draft.assertions for entity_id in key[::2]}
    # a row's model or source is proposed as context: its record goes with it
    used |= {
        v
        for assertion in draft.assertions.values()
        for item in assertion.evidence
        for v in item.context_values()
    }
    draft.entities = {entity_id: record for entity_id, record in lookup.proposed.items() if entity_id in used}
    if progress:
        progress(
            f"{review}: {len(draft.assertions)} assertions proposed, {draft.rows_proposed}/{len(rows)} rows"
        )
    return draft


_AND_THEIRS = re.compile(
    r",?\s+and\s+(?:their|its)\s+(?:secret(?:ory|ed)\s+|paracrine\s+)?(?:molecules|factors|products|secretions)\b",
    re.I,
)


def _paired_before(names: _Names, text: str, before: Sequence[str]) -> list[str]:
    """Return the two treatments "In both the cases" (opening ``text``) names: the last pair ``before``."""
    if not _BOTH_TREATMENTS.match(text):
        return []
    for sentence in reversed(before):
        pair = _treatment_pair(names, sentence)
        if pair:
            return pair
    return []


def _treatment_pair(names: _Names, text: str) -> list[str]:
    """Return the two treatments a sentence names joined by "and", else none.

    "the effects of ADSCs and their secretory molecules were evaluated":
    the cells and their secretome; "MSCs and their conditioned medium were
    given": both names. A preparation and its source ("the secretome of
    MSCs") are one treatment, not two.
    """
    mentions = names.scan(text)
    held = [m for m in mentions if names.type_of(m.entity) in _HOLDER_TYPES]
    secretome = names.lookup("secretome")
    for first, second in itertools.pairwise(held):
        if re.fullmatch(r",?\s+and\s+(?:the\s+|their\s+|its\s+)?", text[first.end : second.start], re.I):
            return [first.entity, second.entity] if first.entity != second.entity else []
    for mention in held:
        if secretome is not None and mention.entity != secretome and _AND_THEIRS.match(text, mention.end):
            return [mention.entity, secretome]
    return []


def _locator(sentence: Sentence, numbers: list[int]) -> str:
    """Return the curated locator of a sentence: "§ Section, ¶N[, ref N]", or its legend."""
    if sentence.section.endswith("legend"):
        return sentence.section
    locator = f"§ {sentence.section}, ¶{sentence.paragraph}"
    if numbers:
        locator += f", {'refs' if len(numbers) > 1 else 'ref'} {', '.join(map(str, numbers))}"
    return locator


def _row_context(
    names: _Names,
    mentions_by_cell: list[list[Mention]],
    header: list[str],
    source: str | None,
    agent: str | None,
) -> dict[str, Any]:
    """Return the context a table row names in its own cells: its model, species, MSC source, preparation.

    A table of studies (Ferrini's Table 1) gives each row one named context;
    a cell's entity becomes the context field whose types hold it
    (``CONTEXT_TYPES``, the validator's table), the first one per field.
    Effects after arrows and the factors column are claims, not context.
    """
    context: dict[str, Any] = {}
    if source is not None:
        context["msc_source"] = source
    if agent is not None and names.type_of(agent) in CONTEXT_TYPES["preparation"]:
        context["preparation"] = agent
    for head, mentions in zip(header, mentions_by_cell, strict=False):
        if "factor" in head or "mechanism" in head or "effect" in head or "reference" in head:
            continue
        for mention in mentions:
            kind = names.type_of(mention.entity)
            for name, types in CONTEXT_TYPES.items():
                if kind in types and name != "measured_in":
                    context.setdefault(name, mention.entity)
    return context


def _name_cell(names: _Names, cell: str, kind: EntityType) -> str | None:
    """Return the entity a short cell names under a column of diseases or models (``kind``), if any.

    The column says what its cells are. A cell no single known name covers
    whole ("L5/6 spinal nerve ligation", where only "L5" looks like a symbol)
    is proposed as a new entity of the column's kind; a name the drafter
    itself proposed with a type guessed from its words ("disk degeneration",
    guessed a process) takes the column's kind; under a model column, a
    known disease names the animal model of that disease ("Spinal cord
    injury" → a proposed "Spinal cord injury model"), since a row's model is
    its context and a disease is no model.
    """
    mentions = names.scan(cell)
    if len(mentions) != 1 or not _covers(mentions, cell):
        return names.propose(cell, kind)
    entity_id = mentions[0].entity
    current = names.type_of(entity_id)
    if current is kind:
        return entity_id
    if names.retype(entity_id, kind):
        return entity_id
    if kind is EntityType.DISEASE_MODEL and current in (EntityType.DISEASE, EntityType.PHENOTYPE):
        return names.lookup(f"{cell} model") or names.propose(f"{cell} model", kind)
    return None


def _covers(mentions: list[Mention], text: str) -> bool:
    """Return True when the mentions name all of ``text`` (nothing but separators between them)."""
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    return not re.search(r"[A-Za-z0-9]", rest)


def _propose_row(
    names: _Names,
    row: TableRow,
    sentences: list[Sentence],
    draft: Draft,
    by_author: dict[tuple[str, str], Reference],
    by_number: dict[int, Reference],
    study_of: Callable[[list[Reference]], str],
) -> bool:
    """Propose what one table row states; return True when it proposed anything.

    The row's agent is the preparation it names (a secretome component), or
    else what the table's legend names; arrows (↓ X, ↑ Y) are its effects,
    a "factor" column the factors it carries.
    """
    header = [h.lower() for h in row.header] + [""] * max(0, len(row.cells) - len(row.header))
    cells = list(row.cells)
    legend = next((s for s in sentences if s.section == f"Table {row.table} legend"), None)
    reference_cell = next((c for c, h in zip(cells, header, strict=False) if "reference" in h and c), "")
    cited = _cited(reference_cell, by_author)
    if not cited and reference_cell.strip().isdigit() and int(reference_cell) in by_number:
        cited = [by_number[int(reference_cell)]]
    label = reference_cell if re.search(r"[A-Za-z]", reference_cell) else next((c for c in cells if c), "")
    locator = f"Table {row.table}, row {row.row} ({label})"
    study = study_of(cited)
    mentions_by_cell = []
    for cell, head in zip(cells, header, strict=False):
        short = bool(cell) and len(cell.split()) <= MAX_SPAN_TOKENS and not re.search(r"[,;↓↑]", cell)
        if short and re.search(r"disease|disorder|\bmsd|model", head):
            # "Animal model of pain": the row's model (its context), else a disease the row names
            column = EntityType.DISEASE_MODEL if "model" in head else EntityType.DISEASE
            named = _name_cell(names, cell, column)
            if named is not None:
                mentions_by_cell.append([Mention(named, 0, len(cell))])
                continue
        mentions_by_cell.append(names.scan(cell))
    agent: str | None = None
    source: str | None = None
    for cell, head, mentions in zip(cells, header, mentions_by_cell, strict=False):
        if re.search(r"source|origin", head) and "msc" in normalise_name(head):
            # "Bone marrow" under "Source of MSCs" names the MSCs of the bone marrow
            source = names.lookup(f"{cell} MSCs") or names.lookup(f"{cell}-derived MSCs") or source
            if source is None and cell and not re.search(r"[,;↓↑]", cell):
                source = names.propose(f"{cell} MSCs", EntityType.MSC_SOURCE)
        for mention in mentions:
            if names.type_of(mention.entity) is EntityType.SECRETOME_COMPONENT:
                agent = agent or mention.entity
    agent = agent or source
    context = _row_context(names, mentions_by_cell, header, source, agent)
    if agent is None and legend is not None:
        for mention in names.scan(legend.text):
            if names.type_of(mention.entity) in (EntityType.SECRETOME_COMPONENT, EntityType.MSC_SOURCE):
                agent = mention.entity
                break
    proposed = False
    factors = [
        (cell, mention)
        for cell, head, mentions in zip(cells, header, mentions_by_cell, strict=False)
        if "factor" in head
        for mention in mentions
    ]
    effects: list[tuple[str, int, str]] = []  # (item text, sign, entity)
    for cell in cells:
        for arrow, item in _ARROW_ITEM.findall(cell):
            item = item.strip()
            entity = names.lookup(item)
            scanned = names.scan(item)
            if entity is None and not (scanned and _covers(scanned, item)) and len(item.split()) <= 5:
                entity = names.propose(item, _guess_type(item, EntityType.PROCESS))  # one effect per arrow
            found = [entity] if entity else [m.entity for m in scanned]
            for entity_id in found:
                effects.append((f"{arrow} {item}", 1 if arrow == "↑" else -1, entity_id))
    if agent is not None:
        for cell, mention in factors:
            draft.add(
                agent,
                "carries",
                mention.entity,
                DraftEvidence(study, "table", locator, cell, context=context, row=(row.table, row.row)),
            )
            proposed = True
        for item, sign, entity_id in effects:
            kind = names.type_of(entity_id)
            predicate = ("activates" if sign > 0 else "inhibits") if kind is EntityType.PATHWAY else None
            predicate = predicate or ("increases" if sign > 0 else "decreases")
            draft.add(
                agent,
                predicate,
                entity_id,
                DraftEvidence(study, "table", locator, item, context=context, row=(row.table, row.row)),
            )
            proposed = True
    single = {mention.entity for _cell, mention in factors}
    # "VEGF, HGF", or "ADAM10 annexin clusterin" with only ADAM10 known: several factors, no inference
    listed = any(not _covers([mention], cell) for cell, mention in factors)
    if len(single) == 1 and not listed and effects:  # one factor: a curator's inference, said in words
        factor = next(iter(single))
        for item, sign, entity_id in effects:
            predicate = "increases" if sign > 0 else "decreases"
            if names.type_of(entity_id) is EntityType.PATHWAY:
                predicate = "activates" if sign > 0 else "inhibits"
            evidence = DraftEvidence(
                study,
                "table",
                locator,
                item,
                basis="inferred",
                inferred_from=f"the row names {factor} as its only identified factor and {item} as an effect",
                context=context,
                row=(row.table, row.row),
            )
            draft.add(factor, predicate, entity_id, evidence)
    if not proposed and agent is not None:  # a row that pairs its agent with a disease: no direction stated
        for mentions in mentions_by_cell:
            for mention in mentions:
                if names.type_of(mention.entity) in _DISEASE_TYPES and mention.entity != agent:
                    evidence = DraftEvidence(
                        study, "table", locator, row.text, context=context, row=(row.table, row.row)
                    )
                    draft.add(agent, "associated-with", mention.entity, evidence)
                    proposed = True
    return proposed
