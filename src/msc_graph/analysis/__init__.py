"""The analysis stage: contradictions, context comparisons and untested gaps.

Typed records out, never HTML (``render/html`` draws their pages).
"""
