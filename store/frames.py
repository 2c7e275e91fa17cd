"""The frames the analytics expect, built in SQL (joins and target defaults done here)."""

from __future__ import annotations

import duckdb
import pandas as pd


def metric_frame(con: duckdb.DuckDBPyConnection, *, as_of=None) -> pd.DataFrame:
    """One row per (employee, period, metric) up to ``as_of``, with direction and target.

    The target is the row's own, else the catalog's default; direction and category come from
    the catalog (what the user corrected there).
    """
    return con.execute(
        """
        SELECT v.employee_id, e.name, e.team, v.period::TIMESTAMP AS period, v.metric, v.value,
               coalesce(v.target, c.default_target) AS target,
               coalesce(c.direction, 'higher') AS direction,
               coalesce(c.category, 'other') AS category
        FROM metric_values v
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN metric_catalog c USING (metric)
        WHERE ?::DATE IS NULL OR v.period <= ?::DATE
        ORDER BY v.employee_id, v.metric, v.period
        """,
        [as_of, as_of],
    ).df()


def people_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT employee_id, name, team, manager_id, role, hire_date::TIMESTAMP AS hire_date, "
        "high_potential FROM employees ORDER BY employee_id"
    ).df()


def session_frame(con: duckdb.DuckDBPyConnection, *, as_of=None) -> pd.DataFrame:
    return con.execute(
        "SELECT employee_id, session_date::TIMESTAMP AS session_date, session_type, model, coach "
        "FROM coaching_sessions WHERE ?::DATE IS NULL OR session_date <= ?::DATE "
        "ORDER BY employee_id, session_date",
        [as_of, as_of],
    ).df()


def latest_period(con: duckdb.DuckDBPyConnection):
    return con.execute("SELECT max(period) FROM metric_values").fetchone()[0]
