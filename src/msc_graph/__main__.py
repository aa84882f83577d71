"""``python -m msc_graph`` runs the CLI."""

from msc_graph.cli import main

main()
