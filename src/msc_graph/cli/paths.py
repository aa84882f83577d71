"""The paths command (mechanism chains). Filled in by the paths feature."""

COMMANDS: list[object] = []
