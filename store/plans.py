"""Performance improvement plans (《绩效改进计划表》, docs/domain.md "Cadence"): confirmed by both sides,
reviewed weekly for 1-4 weeks, assessed after a month.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

import duckdb
import pandas as pd

from store.access import AccessDenied, row_writer, stored, viewer_of, writer
from store.coaching_log import EntryError, _known_employee, _text

ROLES = ("manager", "employee")
ASSESSMENTS = ("met", "partly", "not_met")
MAX_WEEKS = 4


def create_plan(
    con: duckdb.DuckDBPyConnection,
    *,
    employee_id: str,
    goal: str,
    measures: str | None = None,
    owner: str | None = None,
    milestones: str | None = None,
    deadline: date | None = None,
    by: str | None = None,
) -> str:
    """Store a new plan; return its ``plan_id``.

    Raises:
        EntryError: unknown employee or empty goal.

    Example:
        >>> create_plan(con, employee_id="E001", goal="CSAT 85%")  # doctest: +SKIP
        'plan-…'
    """
    _known_employee(con, employee_id)
    if _text(goal) is None:
        raise EntryError("goal", "required")
    plan_id = f"plan-{uuid.uuid4().hex[:12]}"
    con = writer(con, "coach", employee_ids=[employee_id])
    con.execute(
        "INSERT INTO improvement_plans (plan_id, employee_id, goal, measures, owner, milestones, "
        "deadline, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [plan_id, employee_id, _text(goal), _text(measures), _text(owner), _text(milestones),
         deadline, _text(by), datetime.now()],
    )
    return plan_id


def confirm_plan(con: duckdb.DuckDBPyConnection, plan_id: str, *, role: str, by: str) -> None:
    """Record that the manager or the employee confirmed the plan (who and when).

    On a team server the employee confirms on their own page (``store.me.confirm_plan``); only
    the local single user still enters it for them.
    """
    if role not in ROLES:
        raise EntryError("role", "unknown")
    if role == "employee" and viewer_of(con).role != "local":
        raise AccessDenied("employee_confirms")
    if _text(by) is None:
        raise EntryError("by", "required")
    con = row_writer(con, "coach", table="improvement_plans", key="plan_id", value=plan_id)
    con.execute(
        f"UPDATE improvement_plans SET {role}_confirmed_by = ?, {role}_confirmed_at = ? "
        "WHERE plan_id = ?",
        [_text(by), datetime.now(), plan_id],
    )


def review_plan(con: duckdb.DuckDBPyConnection, plan_id: str, *, week: int, review_date: date,
                progress: str | None, note: str | None = None, by: str | None = None) -> None:
    """Record the weekly follow-up ``week`` (1-4) of a plan; a second one replaces the first."""
    if isinstance(week, bool) or not isinstance(week, int) or not 1 <= week <= MAX_WEEKS:
        raise EntryError("week", "range")
    con = row_writer(con, "coach", table="improvement_plans", key="plan_id", value=plan_id)
    con.execute(
        "INSERT INTO plan_reviews VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, week) DO UPDATE "
        "SET review_date = excluded.review_date, progress = excluded.progress, note = excluded.note, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        [plan_id, week, review_date, _text(progress), _text(note), _text(by), datetime.now()],
    )


def assess_plan(con: duckdb.DuckDBPyConnection, plan_id: str, *, result: str,
                note: str | None = None, by: str | None = None) -> None:
    """The one-month assessment: ``met``, ``partly`` or ``not_met``."""
    if result not in ASSESSMENTS:
        raise EntryError("assessment", "unknown")
    con = row_writer(con, "coach", table="improvement_plans", key="plan_id", value=plan_id)
    con.execute(
        "UPDATE improvement_plans SET assessment = ?, assessment_note = ?, assessed_by = ?, "
        "assessed_at = ? WHERE plan_id = ?",
        [result, _text(note), _text(by), datetime.now(), plan_id],
    )


def plans(con: duckdb.DuckDBPyConnection, *, employee_id: str | None = None) -> pd.DataFrame:
    """Plans, newest first, with their number of weekly reviews."""
    return con.execute(
        """
        SELECT p.*, e.name,
               (SELECT count(*) FROM plan_reviews r WHERE r.plan_id = p.plan_id) AS reviews
        FROM improvement_plans p
        LEFT JOIN employees e USING (employee_id)
        WHERE ?::TEXT IS NULL OR p.employee_id = ?
        ORDER BY p.created_at DESC
        """,
        [employee_id, employee_id],
    ).df()


def plan_reviews(con: duckdb.DuckDBPyConnection, plan_id: str) -> pd.DataFrame:
    return con.execute(
        "SELECT r.week, r.review_date, r.progress, r.note, "
        "coalesce(e.name, r.changed_by) AS changed_by, r.changed_at FROM plan_reviews r "
        f"LEFT JOIN {stored(con)}.employees e ON e.employee_id = r.changed_by "
        "WHERE r.plan_id = ? ORDER BY r.week",
        [plan_id],
    ).df()
