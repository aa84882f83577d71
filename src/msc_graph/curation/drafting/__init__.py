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
  treatment of) X", "used (administered) to treat X" makes the user
  associated with X, never a guessed sign,
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
  inflammation"), as a verb takes the phrase right after it;
- examples after an object marked "particularly", "especially", "notably"
  or "in particular" ("used in X, particularly in A and B") get the claim
  the object got;
- a name glued to "-based" ("MSCs-based treatment strategies") names the
  cells the therapy uses: what the therapy is used in, they are;
- "the stimulating (inhibitory) effects of X in (producing) Y, such as A
  and B": X raises (lowers) Y and each example, the adjective giving the
  sign ("stimulating", "promoting", "enhancing" raise; "inhibitory",
  "suppressive" lower), and no unsigned "effect of X on Y" beside it;
- a change that "This" (or "These effects") "was accompanied by (aligned
  with, associated with, paralleled by)" came with the effect the sentence
  before stated: it is the paragraph's subject's ("X reduced pain. This was
  accompanied by a decrease in IL-6": X lowers IL-6), though a noun cue
  after an article otherwise takes no subject from the paragraph;
- a tissue or fluid before "levels (concentrations) of" says where the
  objects were measured, no object that ends the list ("a reduction of
  serum levels of X"); an adjective right before the next item (", and
  spinal Y") and, after "and" as after a comma, the words that spell out a
  name in parentheses ("and spinal nuclear factor κB (NF-κB)") are part of
  that item: the list goes on;
- an anti-effect said to hold in a model of a kind of what it opposes is
  against that kind ("anti-fibrotic effects in a mouse model of intestinal
  fibrosis": intestinal fibrosis, not fibrosis, nor the model), for a noun
  the anti word proposed too;
- "improve A by V-ing X, as well as B by V-ing Y": B is the cue's object
  too, known or proposed as a short phrase, and no item of the means
  clause's list before it;
- "conditioned" before the general secretome ("a conditioned secretome of
  ADSCs") names the conditioned medium, as "conditioned media" does; and
  "the manufacture of X" is a measure of X, as "the production of X" is
  ("blocked the manufacture of pro-inflammatory cytokines": X is blocked);
- "interferes with X" inhibits X, a plain direction;
- "activated" right before a cell type names the cells' activation
  ("activated microglia": microglia activation, proposed as such), no cue;
  a process that releases, secretes, produces or is "the major source of"
  X raises X (a process holds nothing); and a phrase between commas right
  after a subject ("Activated microglia, the resident macrophages of the
  CNS, represent ...") names it again, no new subject;
- the words after "X and the subsequent (associated) release of" are the
  cue's next object where no name covers them, proposed, as after "It
  increased" ("inhibiting the activation of glial cells and the subsequent
  release of inflammatory mediators");
- "promotes the (synthesis and) release of X": the noun of making measures
  the verb's object, X, and is no cue of its own (nobody is said to carry
  X), unless the noun has its own agent ("the release of X by MSCs");
- restoring (recovering) "the resting (quiescent) microglial phenotype"
  lowers the cells' activation, the cells named by the adjective; with no
  cells named ("restores resting phenotypes") it gives nothing;
- a result clause ("recovered X, thus reducing Y", ", thereby ...") says
  the main cue's object drives Y, the sign the product of the two plain
  signs, where the subject did nothing else before it ("reduced A and
  increased B, thus decreasing Y" says neither);
- "A and B markers (X/Y or Z, respectively)" pairs the groups with the
  cells in order: X and Y are markers of A, Z of B; an adjective names
  the cells ("astrocytic": astrocytes, proposed where the seed writes
  them), and a slash in such a group separates two names;
- "this upregulation (increase) was reduced by (following the delivery of)
  X" names again what the sentence said was increased: X lowers each of
  those molecules;
- "the isolation (purification, extraction) of X from Y": X is derived
  from Y, as "X isolated from Y" is;
- a combined adjective no name covers (immuno-, neuro-, cyto-, osteo- ...
  with "-ive", "-ative" or "-atory") before an effect noun is proposed as
  its process ("immunosuppressive effect": immunosuppression, the phrase a
  synonym); a plain "-ive" adjective ("protective effect") names none;
- "the latter" ("the former") before a verb names what the sentence before
  named last (first), its objects in the text's order, an object no name
  covered included ("... and secondly by immunosuppressive effect. The
  latter is mediated by A and B": A and B raise immunosuppression); the
  agents' list after a passive's "by" goes on past its last name ("and
  indoleamine 2,3-dioxygenase"); where "mediated" and the paragraph's
  subject is a preparation, the effect is the preparation's and what
  mediates it is in it: it carries A and B. "The latter group" names a kind
  of its own;
- "promote muscle repair and regeneration": the first object, two words
  ending in a process noun, shares its first word, a noun, with a lone
  process noun ending the list, though that noun is a name alone (muscle
  regeneration, not tissue regeneration); an adjective first ("neuropathic
  pain and inflammation") shares nothing;
- an effect seen "when treated with X" is X's, and the phrases between the
  cue and "when" are its objects ("a cell line showed increased neurite
  extensions, neurofilaments, and A when treated with X");
- an effect named right after a means "by" is the clause subject's ("X
  attenuates damage by neutralizing Y and secondly by immunosuppressive
  effect": X raises immunosuppression, not Y), also where one name covers
  the adjective and "effect";
- a signed verb right before a signed effect named as a noun changes the
  effect's targets ("X inhibited A and thus reduced the stimulating effects
  of IL-1β in producing Y, such as B": X lowers Y and B; "enhanced the
  inhibitory effects of": lowers), the sign the product of the two plain
  signs; its subject is the clause's, else the nearest agent before; a
  negated verb gives nothing;
- what a preparation delivers, it carries ("exosomes delivered miR-21 to
  X", "as a result of delivery of miRNAs, such as miR-494": the nearest
  preparation before carries each molecule of the list); a preparation
  delivered is given, no cargo; a microRNA's name ("miR-494", "let-7a") is
  proposed as a microRNA;
- "from X" right after the cells, no verb between, names the X kind of
  the general MSCs ("MSCs derived from human umbilical cord were used":
  human umbilical cord MSCs, the subject of what follows; "MSCs from
  various areas, such as A, B, etc.": A MSCs, B MSCs), each derived from
  its tissue, looked up ("A MSCs", "A-derived MSCs") or proposed as
  "A-derived MSCs", a tissue no name covers proposed too; "MSCs can be
  isolated from X" (a verb between) is about MSCs in general;
- cell names read whole: a cell's name before "factor" or "growth factor"
  begins a molecule's name ("stem cell factor", proposed as a factor, no
  cells); a capitalised abbreviation no name covers whose plural names
  cells ("BMSC": BMSCs) names them; a species right before a kind of MSCs
  ("human BMSC") names the species' kind, looked up or proposed ("human
  BMSCs", "human BMSC" a synonym), while "human MSCs" stay the MSCs;
- examples after "ranging from" get the claim their class got ("a
  therapeutic role in various disorders, ranging from A, B to C, and D":
  each is ameliorated, a process raised); each piece between commas,
  "to" and "and" is an item, a name (a plural read as its singular), else
  proposed as a disease, or a process after a process noun;
- a change named by a participle before a measure ("a reduced expression
  of A, B, and C") after "there was (were)" is the paragraph's subject's,
  as after "It reduced"; after "X was responsible for" it is X's, the name
  right before it or the words after "This" ("This mitochondrial transfer":
  proposed as a process); each item of the list after "of" is changed, the
  examples after "such as" too, an item no name covers proposed (a
  preposition ends the last one); the participle's direction gives the sign;
- a tissue (or the animals) that "displayed (showed, exhibited)" a change
  is where it was seen, no subject: "the remnant kidneys displayed lesser
  fibrosis" is the paragraph's subject's change; "lesser" is a cue of
  decrease, as "greater" is of increase;
- "the animal model of X" names one model of X, proposed as "a rat model of
  X" is ("animal models of X", several, name none);
- an organ's name followed by "failure" or "insufficiency" names its
  disease ("reverse the kidney failure": kidney failure, proposed), not the
  organ; and a disease right before "in a" and a model whose name does not
  say what it models is what the model models ("kidney failure in a
  nephrectomy mice model").

Given a full term dictionary (:mod:`msc_graph.curation.terms`, optional), a
proposed entity whose name is exactly a term of HGNC, miRBase, GO, CL,
UBERON, MONDO or MeSH is proposed with that term's CURIE in ``xrefs`` and
its label among the synonyms; without one, new entities have no xrefs.

How well this does is measured by ``benchmarks/draft_loo.py`` (leave-one-out
on the project's own curation); the README shows the figures.

The modules, in the order the text flows through them: ``records`` (what a
draft holds), ``references`` (the reference list and each sentence's cited
study), ``lexicon`` (the cues and their predicates), ``mentions`` (names
found and proposed in a text), ``phrases`` (noun phrases and lists after a
cue), ``effects`` (effects named by adjectives, and whose they are),
``constructions`` (claims read from fixed constructions beside the cues),
``sentences`` (one sentence's claims), ``tables`` (one row's claims)
and ``draft`` (a whole review, sentence after sentence, then rows and
reference titles).

Cost: linear in the seed's sentences times the spans tried per sentence
(at most ``MAX_SPAN_TOKENS`` tokens per start): well under a second per
review of these sizes.
"""

from msc_graph.curation.drafting.draft import draft_review
from msc_graph.curation.drafting.records import PROPOSED_BY, Draft, DraftAssertion, DraftEvidence
from msc_graph.curation.drafting.references import read_references

__all__ = ["PROPOSED_BY", "Draft", "DraftAssertion", "DraftEvidence", "draft_review", "read_references"]
