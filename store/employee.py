"""Queries of one employee for the coaching prep (the team-wide frames are in store.frames)."""

from __future__ import annotations

import duckdb
import pandas as pd

from store.access import stored


def employee_sessions(
    con: duckdb.DuckDBPyConnection, employee_id: str, *, as_of=None
) -> pd.DataFrame:
    """The employee's coaching sessions up to ``as_of``, newest first.

    Returns:
        Columns ``session_date, session_type, model, coach, notes``; ``coach`` is the coach's
        roster name when the log holds an employee id.

    Example:
        >>> employee_sessions(con, "E001").columns.tolist()  # doctest: +SKIP
        ['session_date', 'session_type', 'model', 'coach', 'notes']
    """
    return con.execute(
        _sessions(con, "s.employee_id = $id AND ($as_of::DATE IS NULL OR "
                  "s.session_date <= $as_of::DATE)", ""),
        {"id": employee_id, "as_of": as_of},
    ).df()


def everyones_sessions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``employee_sessions`` of everyone the viewer sees, every date, with ``employee_id``
    first: each person's rows in the order of their own query (one read for a team view)."""
    return con.execute(_sessions(con, "true", "s.employee_id, ")).df()


def _sessions(con: duckdb.DuckDBPyConnection, where: str, first: str) -> str:
    # The coach by roster name (M01 -> 王建华), read past the scope for these coaches only.
    return (f"SELECT {first}s.session_date::TIMESTAMP AS session_date, s.session_type, s.model, "
            "coalesce(c.name, s.coach) AS coach, s.notes "
            f"FROM coaching_sessions s LEFT JOIN {stored(con)}.employees c "
            f"ON c.employee_id = s.coach WHERE {where} "
            f"ORDER BY {first}s.session_date DESC, s.session_id")


def employee_exists(con: duckdb.DuckDBPyConnection, employee_id: str) -> bool:
    """True when the id is in the roster or has metric values."""
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM employees WHERE employee_id = $id) "
        "OR EXISTS (SELECT 1 FROM metric_values WHERE employee_id = $id)",
        {"id": employee_id},
    ).fetchone()[0]


def manager_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``manager_id, name, team`` of the managers of the people the viewer sees.

    Read past the viewer's scope for these managers only: a signed-in manager is not in their
    own scope, yet their name, not "M01", belongs in their pickers.
    """
    return con.execute(
        f"SELECT m.employee_id AS manager_id, m.name, m.team FROM {stored(con)}.employees m "
        "WHERE m.employee_id IN (SELECT manager_id FROM employees) ORDER BY m.employee_id"
    ).df()
