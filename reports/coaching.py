"""What the coaching pages (log, plans) read: people to pick, sessions, their parts and actions,
plans and their reviews, coaches' names, and the vocabularies their forms offer."""

from __future__ import annotations

from store.actions import EDIT_COLUMNS, STATUSES, action_history, session_actions
from store.coaching_log import (
    PARTS,
    RATERS,
    coach_name,
    last_coach,
    same_talks,
    session_parts,
    sessions,
)
from store.plans import ASSESSMENTS, plan_reviews, plans
from store.queries import employees as people

__all__ = ["ASSESSMENTS", "EDIT_COLUMNS", "PARTS", "RATERS", "STATUSES", "action_history",
           "coach_name", "last_coach", "people", "plan_reviews", "plans", "same_talks",
           "session_actions", "session_parts", "sessions"]
