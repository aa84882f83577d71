"""JSON renderer: stable key order as built, UTF-8 kept readable."""

from __future__ import annotations

import json
from typing import Any


def render_json(payload: Any) -> str:
    """Return ``payload`` as indented JSON (non-ASCII kept, so β stays β)."""
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)
