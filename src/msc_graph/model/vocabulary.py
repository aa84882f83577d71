"""The predicate table: the one place predicates, their signs and mappings are defined.

A predicate's role says what it does to a mechanism chain:

- CAUSAL predicates carry a sign (+1 increases / activates, −1 decreases /
  inhibits / ameliorates / targets, 0 no change). The net effect of a chain is
  the product of its signs; a 0 ends the chain.
- CARRIER predicates pass an effect along. ``carries`` and ``part of`` pass the
  part's effect to the whole unchanged (a factor of +1), in one direction only:
  "A carries B" and "B part of A" both let a chain go A → B (EVs carrying
  miR-99b-3p do what miR-99b-3p does; a secretome does what its EVs do), never
  B → A (EVs do not do what the whole secretome does). ``acts on`` states no
  direction of effect, so a chain through it has an unknown net sign, never a
  guessed +1.
- DESCRIPTIVE predicates (derived from, marker of, model of, associated with)
  state a relation but transmit no effect: a chain stops at them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from msc_graph.model.records import Basis, Sign


class Role(StrEnum):
    """How a predicate takes part in a mechanism chain."""

    CAUSAL = "causal"
    CARRIER = "carrier"
    DESCRIPTIVE = "descriptive"


@dataclass(frozen=True)
class Predicate:
    """A predicate with its sign, its chain role and its standard mappings."""

    slug: str
    label: str
    definition: str
    role: Role
    sign: Sign | None
    biolink: str
    ro: str | None = None
    direction: str | None = None
    """Biolink object_direction_qualifier (increased / decreased) for signed edges."""
    reversed_in_chain: bool = False
    """True when a chain walks the edge object → subject ("B part of A": A → B)."""
    inverse: str | None = None
    """How a hop walked object → subject reads along the chain ("has-part")."""
    sign_unknown: bool = False
    """True when the edge transmits an effect of unstated direction (the chain's sign becomes unknown)."""

    @property
    def transmits(self) -> bool:
        """Return True when an effect can travel along this predicate (not a 0 or a description)."""
        if self.role is Role.CARRIER:
            return True
        return self.role is Role.CAUSAL and self.sign is not Sign.NO_CHANGE

    @property
    def chain_factor(self) -> int | None:
        """Return what this hop multiplies a chain's net sign by (carriers: 1; unknown: None)."""
        if self.sign_unknown:
            return None
        return 1 if self.sign is None else int(self.sign)


PREDICATES: dict[str, Predicate] = {
    p.slug: p
    for p in (
        Predicate(
            "increases",
            "increases",
            "Raises the amount, level or expression of the object.",
            Role.CAUSAL,
            Sign.INCREASES,
            "biolink:affects",
            "RO:0002213",
            "increased",
        ),
        Predicate(
            "activates",
            "activates",
            "Turns on a pathway, a cell or a process.",
            Role.CAUSAL,
            Sign.INCREASES,
            "biolink:affects",
            "RO:0002213",
            "increased",
        ),
        Predicate(
            "decreases",
            "decreases",
            "Lowers the amount, level or expression of the object.",
            Role.CAUSAL,
            Sign.DECREASES,
            "biolink:affects",
            "RO:0002212",
            "decreased",
        ),
        Predicate(
            "inhibits",
            "inhibits",
            "Turns off or holds down a pathway, a cell or a process.",
            Role.CAUSAL,
            Sign.DECREASES,
            "biolink:affects",
            "RO:0002212",
            "decreased",
        ),
        Predicate(
            "ameliorates",
            "ameliorates",
            "Treats or relieves a disease, a model's symptoms or an adverse outcome.",
            Role.CAUSAL,
            Sign.DECREASES,
            "biolink:treats",
            None,
            "decreased",
        ),
        Predicate(
            "targets",
            "targets",
            "A microRNA represses a gene by binding its transcript.",
            Role.CAUSAL,
            Sign.DECREASES,
            "biolink:regulates",
            "RO:0002212",
            "decreased",
        ),
        Predicate(
            "no-change",
            "no change",
            "Was measured and found not to change.",
            Role.CAUSAL,
            Sign.NO_CHANGE,
            "biolink:related_to",
            None,
        ),
        Predicate(
            "carries",
            "contains / carries",
            "A secretome preparation or a cell contains, secretes or carries a factor.",
            Role.CARRIER,
            None,
            "biolink:has_part",
            "BFO:0000051",
        ),
        Predicate(
            "part-of",
            "part of",
            "Is a component of a larger whole.",
            Role.CARRIER,
            None,
            "biolink:part_of",
            "BFO:0000050",
            reversed_in_chain=True,
            inverse="has-part",
        ),
        Predicate(
            "acts-on",
            "acts on",
            "Acts on a cell, tissue or pathway, direction unstated.",
            Role.CARRIER,
            None,
            "biolink:affects",
            "RO:0002211",
            sign_unknown=True,
        ),
        Predicate(
            "derived-from",
            "derived from",
            "Is obtained from a source cell or tissue.",
            Role.DESCRIPTIVE,
            None,
            "biolink:derives_from",
            "RO:0001000",
        ),
        Predicate(
            "marker-of",
            "marker of",
            "Is used as a marker of a cell type or cell state.",
            Role.DESCRIPTIVE,
            None,
            "biolink:biomarker_for",
        ),
        Predicate(
            "model-of",
            "model of",
            "An experimental model reproduces a disease or condition.",
            Role.DESCRIPTIVE,
            None,
            "biolink:model_of",
        ),
        Predicate(
            "associated-with",
            "associated with",
            "A stated association with no direction of effect.",
            Role.DESCRIPTIVE,
            None,
            "biolink:associated_with",
        ),
    )
}


def get_predicate(slug: str) -> Predicate:
    """Return the predicate for ``slug`` (KeyError when unknown: curation/validate checks first)."""
    return PREDICATES[slug]


ECO_AUTHOR_STATEMENT_TRACEABLE = "ECO:0000304"
"""author statement supported by traceable reference used in manual assertion."""
ECO_AUTHOR_STATEMENT_UNTRACEABLE = "ECO:0000303"
"""author statement without traceable support used in manual assertion."""
ECO_CURATOR_INFERENCE = "ECO:0000305"
"""curator inference used in manual assertion."""


def get_eco_term(basis: Basis, cites_primary: bool) -> str:
    """Return the Evidence & Conclusion Ontology class of one evidence record.

    Stated and hedged records are author statements (the hedge is kept apart,
    as the basis): traceable when a primary study is cited, untraceable for a
    review's own uncited statement. Inferred records are curator inferences.
    """
    if basis is Basis.INFERRED:
        return ECO_CURATOR_INFERENCE
    return ECO_AUTHOR_STATEMENT_TRACEABLE if cites_primary else ECO_AUTHOR_STATEMENT_UNTRACEABLE
