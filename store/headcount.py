"""What ``analytics.headcount`` needs from the database, for one window (viewer-scoped reads)."""

from __future__ import annotations

import duckdb
import pandas as pd


def activity(con: duckdb.DuckDBPyConnection, *, start, end) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(each person's distinct metric periods, their coaching sessions), both in ``start`` ..
    ``end`` (days included): small however long the history, one row per person and period."""
    window = {"start": pd.Timestamp(start), "end": pd.Timestamp(end)}
    values = con.execute(
        "SELECT DISTINCT employee_id, period::TIMESTAMP AS period FROM metric_values "
        "WHERE period BETWEEN $start::DATE AND $end::DATE", window).df()
    sessions = con.execute(
        "SELECT employee_id, session_date::TIMESTAMP AS session_date FROM coaching_sessions "
        "WHERE session_date BETWEEN $start::DATE AND $end::DATE", window).df()
    return values, sessions


def latest_period(con: duckdb.DuckDBPyConnection, *, as_of=None) -> pd.Timestamp | None:
    """The latest metric period on or before ``as_of`` (None when there is none)."""
    row = con.execute("SELECT max(period)::TIMESTAMP FROM metric_values "
                      "WHERE $as_of::DATE IS NULL OR period <= $as_of::DATE",
                      {"as_of": as_of}).fetchone()
    return None if row[0] is None else pd.Timestamp(row[0])
