"""Improvement plans' writes: created, confirmed by either side, reviewed weekly, assessed.
Rights: ``coach`` and the plan's person in the viewer's scope (``store.plans``)."""

from __future__ import annotations

from store.coaching_log import EntryError
from store.plans import assess_plan, confirm_plan, create_plan, review_plan

__all__ = ["EntryError", "assess_plan", "confirm_plan", "create_plan", "review_plan"]
