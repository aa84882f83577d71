"""Graphs in and out of msc-graph: ``imported/`` reads external graphs (KGX, N-Triples, Turtle)."""
