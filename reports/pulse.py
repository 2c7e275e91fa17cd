"""What a manager reads of the upward pulse: aggregates over their people's answers, shown only
from ``MIN_ANSWERS`` answers by as many people; ``MAX_TEXT`` bounds an employee's answer."""

from __future__ import annotations

from store.pulse import MAX_TEXT, MIN_ANSWERS, Summary, summary

__all__ = ["MAX_TEXT", "MIN_ANSWERS", "Summary", "summary"]
