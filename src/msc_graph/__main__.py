"""``python -m msc_graph`` runs the CLI."""

from msc_graph.cli import main

if __name__ == "__main__":  # not when a query worker is spawned (it imports this as __mp_main__)
    main()
