"""How the benchmarks start the processes they time: as on a machine where msc-graph is installed.

Shared by run.py, endpoint.py and scale.py (benchmarks/ is not a package; each
script puts this folder on ``sys.path``, as Python does for the script run).
"""

from __future__ import annotations

import os


def installed_env(**extra: str) -> dict[str, str]:
    """Return this process's environment without PYTHONDONTWRITEBYTECODE, with ``extra`` set.

    Why: pip compiles a package's bytecode when it installs it, so a user's
    ``mscgraph`` never compiles our modules; under an editable install with
    PYTHONDONTWRITEBYTECODE set (some machines set it, this one does), every
    timed process would compile each module it imports, and a command that
    imports more of them (``paths --endpoint``) would pay more for it than its
    baseline. Without the variable the first run writes the bytecode and the
    timed runs reuse it.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env
