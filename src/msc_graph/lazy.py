"""Names a package re-exports but loads only on first access (PEP 562), so importing it stays cheap.

``import msc_graph`` and the CLI's ``--help`` load only what they use, and
opening an imported graph loads none of the import readers: the package
``__init__`` files name where each public name lives and let this module
fetch it when it is first asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def make_getattr(
    package: str, module_of: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports each name from its module on first access.

    Args:
        package: the package's dotted name, for the error message.
        module_of: public name → the module that defines it.
        namespace: the package's ``globals()``; a fetched name is kept there, so the
            next access is an ordinary attribute look-up.
    """

    def fetch(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return fetch
