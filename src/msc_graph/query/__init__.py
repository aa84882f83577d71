"""Querying the graph: SPARQL (read-only, named queries, local or remote)."""
