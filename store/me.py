"""The employee's own page (issue 21, part 3): their rows, read through the "self" scope, and the
one thing read past that scope, the anonymous team band.

The band is the only query here that touches other people's rows, and it returns nothing that
names or singles anyone out: per metric x period of the employee's own team, the quartiles of the
team's values, and only for teams of ``MIN_BAND`` people or more with at least that many values.
The employee's connection itself never sees another person's row (``store.access``).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from store.access import AccessDenied, row_writer, stored, viewer_of

MIN_BAND = 5  # no band for smaller teams: a quartile of 3 people is nearly a person's value


def whose(con: duckdb.DuckDBPyConnection, asked: str | None = None) -> str | None:
    """Whose page this is: a signed-in employee's own id, whatever is asked; the id asked for in
    the local preview; nobody for a role without the "self" right."""
    viewer = viewer_of(con)
    if viewer.role == "employee":
        return viewer.employee_id
    return asked if viewer.can("self") else None


def person(con: duckdb.DuckDBPyConnection, employee_id: str) -> dict | None:
    rows = con.execute("SELECT employee_id, name, team FROM employees WHERE employee_id = ?",
                       [employee_id]).df()
    return None if rows.empty else rows.iloc[0].to_dict()


def values(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """Their metric values with targets and the catalog's direction, oldest first."""
    return con.execute(
        "SELECT v.metric, v.period::TIMESTAMP AS period, v.value, v.target, c.direction "
        "FROM metric_values v LEFT JOIN metric_catalog c USING (metric) "
        "WHERE v.employee_id = ? ORDER BY v.metric, v.period", [employee_id]).df()


def band(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """Quartiles of the employee's team per metric x period (columns metric, period, q1, median,
    q3, n), only for a team of ``MIN_BAND`` or more and cells with as many values."""
    db = stored(con)
    return con.execute(f"""
        WITH members AS (
            SELECT employee_id FROM {db}.employees
            WHERE team = (SELECT team FROM {db}.employees WHERE employee_id = $me)
        )
        SELECT metric, period::TIMESTAMP AS period, quantile_cont(value, 0.25) AS q1,
               quantile_cont(value, 0.5) AS median, quantile_cont(value, 0.75) AS q3,
               count(*) AS n
        FROM {db}.metric_values
        WHERE employee_id IN (SELECT employee_id FROM members)
          AND (SELECT count(*) FROM members) >= $least
        GROUP BY metric, period HAVING count(*) >= $least
        ORDER BY metric, period""", {"me": employee_id, "least": MIN_BAND}).df()


def actions(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """The actions agreed in their sessions, open ones first."""
    return con.execute(
        "SELECT goal, action, owner, deadline::TIMESTAMP AS deadline, status, progress "
        "FROM coaching_actions WHERE employee_id = ? "
        "ORDER BY status = 'done', deadline NULLS LAST", [employee_id]).df()


def plans(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    return con.execute(
        "SELECT plan_id, goal, measures, milestones, deadline::TIMESTAMP AS deadline, "
        "manager_confirmed_at, employee_confirmed_at, assessment FROM improvement_plans "
        "WHERE employee_id = ? ORDER BY created_at DESC", [employee_id]).df()


def sessions(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """Their sessions, newest first, with their own rating and whether they answered the pulse."""
    return con.execute(
        "SELECT s.session_id, s.session_date::TIMESTAMP AS session_date, s.session_type, "
        "r.score AS my_score, r.comment AS my_comment, p.session_id IS NOT NULL AS pulsed "
        "FROM coaching_sessions s "
        "LEFT JOIN session_ratings r ON r.session_id = s.session_id AND r.rater = 'employee' "
        "LEFT JOIN session_pulse p ON p.session_id = s.session_id "
        "WHERE s.employee_id = ? ORDER BY s.session_date DESC, s.session_id",
        [employee_id]).df()


def own_writer(con: duckdb.DuckDBPyConnection, table: str, key: str,
               value: str) -> duckdb.DuckDBPyConnection:
    """A writer for a row of the signed-in employee's own (their plan, their session).

    Raises:
        AccessDenied: ``denied`` for anyone but an employee (the local preview is read only);
            ``out_of_scope`` for a row that is not theirs.
    """
    viewer = viewer_of(con)
    if viewer.role != "employee":
        raise AccessDenied("denied", capability="self", role=viewer.role)
    return row_writer(con, "self", table=table, key=key, value=value)


def confirm_plan(con: duckdb.DuckDBPyConnection, plan_id: str) -> None:
    """The employee's own confirmation of their plan (seed 004), signed with their email."""
    who = viewer_of(con).email
    own_writer(con, "improvement_plans", "plan_id", plan_id).execute(
        "UPDATE improvement_plans SET employee_confirmed_by = ?, employee_confirmed_at = ? "
        "WHERE plan_id = ?", [who, dt.datetime.now(), plan_id])


def rate_session(con: duckdb.DuckDBPyConnection, session_id: str, score: int,
                 comment: str | None = None) -> None:
    """Their own 1-5 rating of a session (a second one replaces the first)."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise ValueError("score")
    who = viewer_of(con).email
    own_writer(con, "coaching_sessions", "session_id", session_id).execute(
        "INSERT OR REPLACE INTO session_ratings VALUES (?, 'employee', ?, ?, ?, ?)",
        [session_id, score, (comment or "").strip() or None, who, dt.datetime.now()])
