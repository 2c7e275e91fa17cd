"""The coaching log's writes: a session logged, its actions saved or added, rated, deleted and
put back. Rights: ``coach`` and the session's person in the viewer's scope (``store.access``)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from store import actions, coaching_log
from store.actions import ActionConflict
from store.coaching_log import EntryError, delete_session, log_session, restore_session

__all__ = ["ActionConflict", "EntryError", "add_action", "delete_session", "log_session",
           "rate_session", "restore_session", "save_actions"]


def save_actions(con: duckdb.DuckDBPyConnection, session_id: str, edited: pd.DataFrame, *,
                 base: pd.DataFrame, by: str) -> dict[str, int]:
    """Save the edited tracking table; ``base`` is the table as it was read before editing.

    Returns ``{"added": n, "changed": m}``.

    Raises:
        EntryError: a row to correct. ActionConflict: someone saved these actions meanwhile
            (``exc.theirs`` holds what is stored now).
    """
    return actions.save_actions(con, session_id, edited, base=actions.versions(base), by=by)


def add_action(con: duckdb.DuckDBPyConnection, session_id: str, *, goal: str, action: str,
               owner: str, deadline: date | None, support: str, by: str) -> None:
    """One action added from the form (the same checks as a table save)."""
    actions.add_action(con, session_id, {"goal": goal, "action": action, "owner": owner,
                                         "deadline": deadline, "support": support}, by=by)


def rate_session(con: duckdb.DuckDBPyConnection, session_id: str,
                 given: dict[str, tuple[int | None, str]], *, by: str) -> int:
    """Save each rater's ``(score, comment)`` that has a score; returns how many were saved."""
    rated = {rater: pair for rater, pair in given.items() if pair[0] is not None}
    for rater, (score, comment) in rated.items():
        coaching_log.rate_session(con, session_id, rater=rater, score=int(score),
                                  comment=comment, by=by)
    return len(rated)
