"""The model stage: typed, immutable records and what defines them; standard library only.

``records`` (the records, re-exported here so ``from msc_graph.model import
Entity`` names them), ``vocabulary`` (the predicate table), ``names``
(normalising spellings).
"""

from msc_graph.model.records import (
    BASIS_WEIGHTS,
    CONTEXT_FIELDS,
    CONTEXT_TYPES,
    ENTITY_CONTEXT_FIELDS,
    FACTOR_TYPES,
    Assertion,
    Basis,
    Component,
    Context,
    Entity,
    EntityType,
    Evidence,
    GraphModel,
    Setting,
    Sign,
    SourceKind,
    Study,
    assign_support_units,
    get_reviews,
    iter_reachable,
    iter_subtree,
)

__all__ = [
    "BASIS_WEIGHTS",
    "CONTEXT_FIELDS",
    "CONTEXT_TYPES",
    "ENTITY_CONTEXT_FIELDS",
    "FACTOR_TYPES",
    "Assertion",
    "Basis",
    "Component",
    "Context",
    "Entity",
    "EntityType",
    "Evidence",
    "GraphModel",
    "Setting",
    "Sign",
    "SourceKind",
    "Study",
    "assign_support_units",
    "get_reviews",
    "iter_reachable",
    "iter_subtree",
]
