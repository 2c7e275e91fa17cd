"""The frames the analytics expect, built in SQL (joins and target defaults done here); on
PostgreSQL the metric frame's join runs in an in-process DuckDB over the stored rows."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
from psycopg import pq

from store.dialect import is_pg


def metric_frame(con: duckdb.DuckDBPyConnection, *, as_of=None) -> pd.DataFrame:
    """One row per (employee, period, metric) up to ``as_of``, with direction and target.

    ``n_events``/``partial``: the events behind a value and whether its period was only partly
    in the file (event-log imports; NULL otherwise), see ``analytics.volume``.

    The target is the row's own, else the catalog's default; direction and category come from
    the catalog (what the user corrected there). Rows are ordered by (employee_id, metric,
    period), so every analysis sums them in the same order on every run.

    The text columns (employee_id, name, team, metric, direction, category) are categoricals:
    at company scale (a million rows) fetching through Arrow and keeping each distinct text
    once is several times faster than ``.df()``'s one Python-level string per cell, and the
    analyses group and factorize the codes instead of the strings.
    """
    # DuckDB 2.0 refuses sql() while an earlier execute()'s result is unfinished (any
    # fetchone() before, e.g. store.connect's schema check): finish it first.
    con.complete()
    if is_pg(con):
        table = _joined_here(con, as_of)
    else:
        table = con.sql(_METRIC_SQL, params=[as_of, as_of]).to_arrow_table()
    return table.to_pandas(strings_to_categorical=True)


_METRIC_SQL = """
    SELECT v.employee_id, e.name, e.team, v.period::TIMESTAMP AS period, v.metric, v.value,
           coalesce(v.target, c.default_target) AS target,
           coalesce(c.direction, 'higher') AS direction,
           coalesce(c.category, 'other') AS category, v.n_events, v.partial
    FROM metric_values v
    LEFT JOIN employees e USING (employee_id)
    LEFT JOIN metric_catalog c USING (metric)
    WHERE ?::DATE IS NULL OR v.period <= ?::DATE
    ORDER BY v.employee_id, v.metric, v.period
"""
# What _METRIC_SQL reads of each table.
_PARTS = {
    "metric_values": "SELECT employee_id, period, metric, value, target, n_events, partial "
                     "FROM metric_values WHERE ?::DATE IS NULL OR period <= ?::DATE",
    "employees": "SELECT employee_id, name, team FROM employees",
    "metric_catalog": "SELECT metric, default_target, direction, category FROM metric_catalog",
}


def _joined_here(con, as_of) -> pa.Table:
    """On PostgreSQL: the three tables as stored (by COPY, through the viewer's views and
    policies), joined and ordered by an in-process DuckDB over Arrow. The server joining and
    sorting a million rows, and sending every name, team and category on each of them, took
    4x DuckDB's whole frame."""
    # The three reads see one snapshot, as one query would (a caller's transaction is one).
    own = con.raw.info.transaction_status == pq.TransactionStatus.IDLE
    local = duckdb.connect()
    if own:
        con.execute("BEGIN TRANSACTION")
    try:
        for name, sql in _PARTS.items():
            params = [as_of, as_of] if "?" in sql else None
            local.register(name, con.sql(sql, params=params).to_arrow_table())
        return local.sql(_METRIC_SQL, params=[None, None]).to_arrow_table()
    finally:
        if own:
            con.execute("COMMIT")
        local.close()


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


def last_data_day(con: duckdb.DuckDBPyConnection):
    """The latest metric period, else the latest session date (None on an empty database)."""
    return con.execute("SELECT coalesce((SELECT max(period) FROM metric_values), "
                       "(SELECT max(session_date) FROM coaching_sessions))").fetchone()[0]


def employee_series(con: duckdb.DuckDBPyConnection, employee_id: str, *, as_of=None) -> pd.DataFrame:
    """One employee's values per (metric, period) beside the team's mean, range and best."""
    return con.execute(
        """
        WITH mine AS (SELECT team FROM employees WHERE employee_id = $id),
        team AS (  -- someone without a team is compared with everyone in scope
            SELECT v.metric, v.period, avg(v.value) AS team_mean,
                   min(v.value) AS team_min, max(v.value) AS team_max, count(*) AS team_n
            FROM metric_values v LEFT JOIN employees e USING (employee_id)
            WHERE (SELECT team FROM mine) IS NULL OR e.team = (SELECT team FROM mine)
            GROUP BY v.metric, v.period
        )
        SELECT v.metric, v.period::TIMESTAMP AS period, v.value,
               coalesce(v.target, c.default_target) AS target,
               t.team_mean, t.team_min, t.team_max, t.team_n,
               coalesce(c.direction, 'higher') AS direction,
               coalesce(c.category, 'other') AS category, c.unit, v.n_events, v.partial
        FROM metric_values v
        LEFT JOIN team t ON t.metric = v.metric AND t.period = v.period
        LEFT JOIN metric_catalog c ON c.metric = v.metric
        WHERE v.employee_id = $id AND ($as_of::DATE IS NULL OR v.period <= $as_of::DATE)
        ORDER BY v.metric, v.period
        """,
        {"id": employee_id, "as_of": as_of},
    ).df()
