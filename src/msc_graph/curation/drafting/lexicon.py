"""The words and patterns the drafting rules read: cues and their predicates, hedges, glue."""

from __future__ import annotations

import re

from msc_graph.model import EntityType

# Cues, as regular expressions on the sentence, and the predicate each proposes.
# "improves" and the relief words become `ameliorates` on a disease (see predicate_for).
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
    # "interferes with X": it hinders X, a plain direction
    (r"interfer(?:e|es|ed|ing)\s+with", "inhibits"),
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
    # "displayed lesser fibrosis": the comparative of "less", a plain decrease
    (r"lesser(?=\s+[a-z])", "decreases"),
    (r"activat(?:e|es|ed|ing)", "activates"),
    (r"contain(?:s|ed|ing)?", "carries"),
    (r"carr(?:y|ies|ied|ying)", "carries"),
    (r"secret(?:e|es|ed|ing|ion)", "carries"),
    (r"mediat(?:e|es|ed|ing)", "increases"),
    # "Akt signaling for expression of VEGF": what a pathway or factor is for, it raises
    (r"(?:for|in)\s+(?:the\s+)?(?:expression|production|release|secretion|synthesis)\s+of", "expression-of"),
    (r"releas(?:e|es|ed|ing)", "carries"),
    (r"produc(?:e|es|ed|ing)", "carries"),
    # "X represent the major source of Y": X makes Y (a process that is a source raises it)
    (r"(?:the\s+)?(?:major|main|primary)\s+source\s+of", "carries"),
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
    # "MSCs have been employed in X", "used in the treatment of X", "used to treat X": a use, no stated effect
    (
        r"(?:employed|used|utili[sz]ed)\s+(?:\w+ly\s+)?(?:in|for)(?:\s+(?:the\s+)?(?:treatment|therapy|management)"
        r"\s+(?:of|for))?|(?:employed|used|utili[sz]ed|administered|applied)\s+to\s+treat",
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
CUE = re.compile(
    "|".join(f"(?P<c{i}>(?<![-\\w])(?:{pattern})\\b(?!-))" for i, (pattern, _) in enumerate(_CUES)), re.I
)
HEDGE = re.compile(
    r"\b(?:may|might|could|suggests?|suggested|suggesting|possibl[ey]|likely|probably|"
    r"appears? to|thought to|proposed|seems? to|potentially|presumably)\b",
    re.I,
)
NEGATION = re.compile(r"\b(?:not|no|nor|without|neither|failed to)\s+(?:\w+\s+)?$", re.I)
DISEASE_TYPES = {EntityType.DISEASE, EntityType.DISEASE_MODEL, EntityType.PHENOTYPE}
SIGNED = {"decreases", "increases", "inhibits", "activates", "ameliorates", "targets"}


def predicate_for(cue: str, obj: EntityType | None, subject: EntityType | None) -> str | None:
    """Return the predicate a cue proposes for these ends, or None where it would guess."""
    if cue == "improves":  # a disease gets better; a function, a sensitivity, a phenotype goes up
        return "ameliorates" if obj in (EntityType.DISEASE, EntityType.DISEASE_MODEL) else "increases"
    if cue == "decreases" and obj in DISEASE_TYPES:
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


def signed_predicate(sign: int, obj: EntityType | None, subject: EntityType | None) -> str:
    """Return the predicate a plain sign proposes for these ends: raises, lowers, ameliorates, activates ...

    For claims whose sign is the product of two cues' signs (a means or
    result clause, a verb on a signed effect).
    """
    cue = "increases" if sign > 0 else "decreases"
    return predicate_for(cue, obj, subject) or cue


def cue_name(match: re.Match[str]) -> str:
    """Return the predicate of the cue ``match`` found (its group names the row of ``_CUES``)."""
    group = match.lastgroup or "c0"
    return _CUES[int(group[1:])][1]
