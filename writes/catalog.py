"""The metric catalog's write: directions, categories, units and default targets corrected.
Rights: ``catalog``, checked in ``store.queries.save_catalog``."""

from __future__ import annotations

from store.queries import save_catalog

__all__ = ["save_catalog"]
