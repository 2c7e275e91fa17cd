"""Queries of one employee for the coaching prep (the team-wide frames are in store.frames)."""

from __future__ import annotations

import duckdb
import pandas as pd


def employee_sessions(
    con: duckdb.DuckDBPyConnection, employee_id: str, *, as_of=None
) -> pd.DataFrame:
    """The employee's coaching sessions up to ``as_of``, newest first.

    Returns:
        Columns ``session_date, session_type, model, coach, notes``.

    Example:
        >>> employee_sessions(con, "E001").columns.tolist()  # doctest: +SKIP
        ['session_date', 'session_type', 'model', 'coach', 'notes']
    """
    return con.execute(
        "SELECT session_date::TIMESTAMP AS session_date, session_type, model, coach, notes "
        "FROM coaching_sessions WHERE employee_id = $id "
        "AND ($as_of::DATE IS NULL OR session_date <= $as_of::DATE) "
        "ORDER BY session_date DESC, session_id",
        {"id": employee_id, "as_of": as_of},
    ).df()


def employee_exists(con: duckdb.DuckDBPyConnection, employee_id: str) -> bool:
    """True when the id is in the roster or has metric values."""
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM employees WHERE employee_id = $id) "
        "OR EXISTS (SELECT 1 FROM metric_values WHERE employee_id = $id)",
        {"id": employee_id},
    ).fetchone()[0]
