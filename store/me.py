"""The employee's own page: their rows, read through the "self" scope, and the
one thing read past that scope, the anonymous team band.

The band is the only query here that touches other people's rows, and it returns nothing that
names or singles anyone out: per metric x period of the employee's own team, three averages of
their colleagues' values near the quartiles (never one person's value), and only from
``MIN_BAND`` colleagues' values on.
The employee's connection itself never sees another person's row (``store.scope``).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from store import audit
from store.access import AccessDenied, row_writer, stored, viewer_of

MIN_BAND = 5  # colleagues with a value, the employee not counted: no band for fewer
WINDOW = 3  # each band number is the mean of this many colleagues' values (docs/domain.md)


def whose(con: duckdb.DuckDBPyConnection, asked: str | None = None) -> str | None:
    """Whose page this is: a signed-in employee's own id, whatever is asked; the id asked for in
    the local preview; nobody for a role without the "self" right."""
    viewer = viewer_of(con)
    if viewer.role == "employee":
        return viewer.employee_id
    return asked if viewer.can("self") else None


def _own_rows(con: duckdb.DuckDBPyConnection, employee_id: str, *, columns: str, source: str,
              order: str, who: str = "employee_id") -> pd.DataFrame:
    """``columns`` of ``source`` whose ``who`` is ``employee_id``, sorted by ``order``: the one
    shape of this page's reads of the employee's own rows (the scoped cursor holds only theirs
    for an employee; the local preview asks for anyone's)."""
    return con.execute(f"SELECT {columns} FROM {source} WHERE {who} = ? ORDER BY {order}",
                       [employee_id]).df()


def person(con: duckdb.DuckDBPyConnection, employee_id: str) -> dict | None:
    rows = _own_rows(con, employee_id, columns="employee_id, name, team", source="employees",
                     order="employee_id")
    return None if rows.empty else rows.iloc[0].to_dict()


def values(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """Their metric values with targets and the catalog's direction, oldest first."""
    return _own_rows(
        con, employee_id,
        columns="v.metric, v.period::TIMESTAMP AS period, v.value, v.target, c.direction",
        source="metric_values v LEFT JOIN metric_catalog c USING (metric)",
        who="v.employee_id", order="v.metric, v.period")


def band(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """The employee's colleagues' band per metric x period (columns metric, period, q1,
    median, q3, n), from ``MIN_BAND`` colleagues' values or more (docs/domain.md).

    The employee's own value is left out (knowing it, they could subtract it), and each of the
    three numbers is the mean of the ``WINDOW`` sorted values nearest its quartile, so none is
    one colleague's value: a plain quartile of 5 values is the 2nd, 3rd or 4th of them.
    """
    db = stored(con)
    near = [f"least(greatest(floor({p} * (n - 1) + 0.5) - {WINDOW // 2}, 0), n - {WINDOW})"
            for p in (0.25, 0.5, 0.75)]
    return con.execute(f"""
        WITH members AS (
            SELECT employee_id FROM {db}.employees
            WHERE team = (SELECT team FROM {db}.employees WHERE employee_id = $me)
              AND employee_id <> $me
        ), ranked AS (
            SELECT metric, period, value,
                   row_number() OVER (cell ORDER BY value) - 1 AS r, count(*) OVER cell AS n
            FROM {db}.metric_values
            WHERE employee_id IN (SELECT employee_id FROM members) AND value IS NOT NULL
            WINDOW cell AS (PARTITION BY metric, period)
        ), placed AS (
            SELECT *, {near[0]} AS s1, {near[1]} AS s2, {near[2]} AS s3 FROM ranked
        )
        SELECT metric, period::TIMESTAMP AS period,
               avg(value) FILTER (WHERE r >= s1 AND r < s1 + {WINDOW}) AS q1,
               avg(value) FILTER (WHERE r >= s2 AND r < s2 + {WINDOW}) AS median,
               avg(value) FILTER (WHERE r >= s3 AND r < s3 + {WINDOW}) AS q3,
               count(*) AS n
        FROM placed WHERE n >= $least
        GROUP BY metric, period ORDER BY metric, period""",
        {"me": employee_id, "least": MIN_BAND}).df()


def actions(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """The actions agreed in their sessions, open ones first."""
    return _own_rows(
        con, employee_id,
        columns="goal, action, owner, deadline::TIMESTAMP AS deadline, status, progress",
        source="coaching_actions", order="status = 'done', deadline NULLS LAST")


def plans(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    return _own_rows(
        con, employee_id,
        columns="plan_id, goal, measures, milestones, deadline::TIMESTAMP AS deadline, "
                "manager_confirmed_at, employee_confirmed_at, assessment",
        source="improvement_plans", order="created_at DESC")


def sessions(con: duckdb.DuckDBPyConnection, employee_id: str) -> pd.DataFrame:
    """Their sessions, newest first, with their own rating and whether they answered the pulse."""
    return _own_rows(
        con, employee_id,
        columns="s.session_id, s.session_date::TIMESTAMP AS session_date, s.session_type, "
                "r.score AS my_score, r.comment AS my_comment, "
                "p.session_id IS NOT NULL AS pulsed",
        source="coaching_sessions s "
               "LEFT JOIN session_ratings r ON r.session_id = s.session_id "
               "AND r.rater = 'employee' "
               "LEFT JOIN session_pulse p ON p.session_id = s.session_id",
        who="s.employee_id", order="s.session_date DESC, s.session_id")


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


def own_write(con: duckdb.DuckDBPyConnection, action: str, *, table: str, key: str,
              value: str, sql: str, params: list) -> None:
    """Run one write on the employee's own row and its audit row in one transaction: who (the
    viewer), what (``action`` on the plan or session id ``value``), when. Never the content:
    a score, a confirmation's text or a pulse answer stays out of the audit."""
    w = own_writer(con, table, key, value)
    w.execute("BEGIN TRANSACTION")
    try:
        audit.record(con, action, target=value, rows=1, within=w)
        w.execute(sql, params)  # after its audit row: a failing write takes the row back
        w.execute("COMMIT")
    except BaseException:
        w.execute("ROLLBACK")
        raise


def confirm_plan(con: duckdb.DuckDBPyConnection, plan_id: str) -> None:
    """The employee's own confirmation of their plan (docs/domain.md, "Cadence": improvement
    plans), signed with their email."""
    own_write(con, audit.PLAN_CONFIRM, table="improvement_plans", key="plan_id", value=plan_id,
              sql="UPDATE improvement_plans SET employee_confirmed_by = ?, "
                  "employee_confirmed_at = ? WHERE plan_id = ?",
              params=[viewer_of(con).email, dt.datetime.now(), plan_id])


def rate_session(con: duckdb.DuckDBPyConnection, session_id: str, score: int,
                 comment: str | None = None) -> None:
    """Their own 1-5 rating of a session (a second one replaces the first)."""
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise ValueError("score")
    own_write(con, audit.SESSION_RATING, table="coaching_sessions", key="session_id",
              value=session_id,
              sql="INSERT INTO session_ratings VALUES (?, 'employee', ?, ?, ?, ?) "
                  "ON CONFLICT (session_id, rater) DO UPDATE SET score = excluded.score, comment = excluded.comment, changed_by = excluded.changed_by, changed_at = excluded.changed_at",
              params=[session_id, score, (comment or "").strip() or None, viewer_of(con).email,
                      dt.datetime.now()])
