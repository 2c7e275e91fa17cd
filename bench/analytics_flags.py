"""Moved to ``bench/analytics.py``; kept only because ``bench/board.py`` imports it.

Delete this file once ``bench/board.py`` imports ``METRICS`` and ``generate`` from
``bench.analytics``.
"""

from bench.analytics import METRICS, generate

__all__ = ["METRICS", "generate"]
