"""The upward pulse after a session: the employee answers three questions, the manager reads
only aggregates over at least ``MIN_ANSWERS`` answers from as many different people, never a
row and never who wrote it (one person's five answers would give their texts away).

Rows are readable only by their author (``store.access`` gives every other role an empty view);
``summary`` reads past the views, restricted to the viewer's people, and returns counts, means
and (from ``MIN_ANSWERS`` on) the support texts in alphabetical order, detached from their
authors and sessions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from store import audit
from store.access import AccessDenied, stored, viewer_of
from store.me import own_write

MIN_ANSWERS = 5
MAX_TEXT = 500


@dataclass(frozen=True)
class Summary:
    """``n`` answers from ``people`` people; the rest is None below ``MIN_ANSWERS`` of either."""

    n: int
    people: int = 0
    useful_mean: float | None = None  # 1-5
    facts_right_share: float | None = None  # 0-1
    support: tuple[str, ...] = ()

    @property
    def shown(self) -> bool:
        return self.n >= MIN_ANSWERS and self.people >= MIN_ANSWERS


def answer(con: duckdb.DuckDBPyConnection, session_id: str, *, useful: int, facts_right: bool,
           support: str | None = None) -> None:
    """Store (or replace) the signed-in employee's pulse about their own session."""
    if isinstance(useful, bool) or not isinstance(useful, int) or not 1 <= useful <= 5:
        raise ValueError("useful")
    text = (support or "").strip()[:MAX_TEXT] or None
    own_write(con, audit.PULSE, table="coaching_sessions", key="session_id", value=session_id,
              sql="INSERT INTO session_pulse VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) "
                  "DO UPDATE SET employee_id = excluded.employee_id, useful = excluded.useful, facts_right = excluded.facts_right, support = excluded.support, answered_at = excluded.answered_at",
              params=[session_id, viewer_of(con).employee_id, useful, bool(facts_right), text,
                      dt.datetime.now()])


def summary(con: duckdb.DuckDBPyConnection) -> Summary:
    """The pulse of the viewer's people as aggregates (see the module docstring).

    Raises:
        AccessDenied: the viewer does not coach (no "coach" right).
    """
    viewer = viewer_of(con)
    if not viewer.can("coach"):
        raise AccessDenied("denied", capability="coach", role=viewer.role)
    mine = "true" if viewer.unrestricted else \
        "employee_id IN (SELECT employee_id FROM viewer_scope)"
    # Only answers about sessions still in the log count.
    rows = f"""SELECT employee_id, useful, facts_right, support FROM {stored(con)}.session_pulse
               WHERE {mine} AND session_id IN (SELECT session_id FROM coaching_sessions)"""
    n, people, useful, facts = con.execute(
        "SELECT count(*), count(DISTINCT employee_id), avg(useful), avg(facts_right::INTEGER) "
        f"FROM ({rows}) AS answers").fetchone()
    if not Summary(n, people).shown:
        return Summary(n, people)
    texts = [r[0] for r in con.execute(
        f"SELECT support FROM ({rows}) AS answers WHERE support IS NOT NULL ORDER BY support").fetchall()]
    return Summary(n, people, float(useful), float(facts), tuple(texts))
