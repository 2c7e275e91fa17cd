"""The employee's own page's writes: their plan confirmed, a talk rated, the pulse answered.
Rights: ``self`` and their own rows only (``store.me.own_writer``)."""

from __future__ import annotations

from store.me import confirm_plan, rate_session
from store.pulse import answer as answer_pulse

__all__ = ["answer_pulse", "confirm_plan", "rate_session"]
