"""SQL of the HR impact page: sessions per employee in a window, metric means per period."""

from __future__ import annotations

import duckdb
import pandas as pd

MODELS = ("GROW", "BEST", "STAR-AR", "OKR")


def bounds(con: duckdb.DuckDBPyConnection) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last metric period (None, None when there are no values)."""
    # fetchall, not fetchone: DuckDB 2.0 refuses a con.sql() (period_values) on a connection
    # with an unfinished execute() result.
    low, high = con.execute("SELECT min(period), max(period) FROM metric_values").fetchall()[0]
    return (pd.Timestamp(low) if low else None, pd.Timestamp(high) if high else None)


def session_counts(con: duckdb.DuckDBPyConnection, *, start, end) -> pd.DataFrame:
    """Every roster employee with a manager, and everyone with metric values, with the number
    of sessions from ``start`` to ``end`` (inclusive): all, formal, informal and per model."""
    per_model = ", ".join(
        f"count(s.session_id) FILTER (WHERE upper(s.model) = '{m}') AS \"{m}\"" for m in MODELS
    )
    return con.execute(
        f"""
        WITH people AS (
            SELECT employee_id FROM employees WHERE manager_id IS NOT NULL
            UNION SELECT DISTINCT employee_id FROM metric_values
        )
        SELECT p.employee_id, e.name, e.team, e.manager_id, e.role,
               e.hire_date::TIMESTAMP AS hire_date,
               count(s.session_id) AS sessions,
               count(s.session_id) FILTER (WHERE s.session_type = 'formal') AS formal,
               count(s.session_id) FILTER (WHERE s.session_type = 'informal') AS informal,
               {per_model}
        FROM people p
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN coaching_sessions s ON s.employee_id = p.employee_id
             AND s.session_date BETWEEN ?::DATE AND ?::DATE
        GROUP BY p.employee_id, e.name, e.team, e.manager_id, e.role, e.hire_date
        ORDER BY p.employee_id
        """,
        [start, end],
    ).df()


def period_values(con: duckdb.DuckDBPyConnection, *, start, end,
                  metric: str | None = None) -> pd.DataFrame:
    """Mean value and target per (employee, period, metric) in the window, with the team,
    manager, role and the catalog's direction.

    Fetched through Arrow: at 5,000 people (1,040,000 rows) ``.df()`` built one Python string
    per text cell and took about twice as long. Same frame, same dtypes (text stays ``str``,
    not categorical: the analyses fill missing teams with "-", which a categorical refuses).
    """
    con.complete()  # see store.frames.metric_frame
    return con.sql(
        """
        SELECT v.employee_id, e.team, e.manager_id, e.role, v.period::TIMESTAMP AS period,
               v.metric, avg(v.value) AS value,
               avg(coalesce(v.target, c.default_target)) AS target,
               coalesce(min(c.direction), 'higher') AS direction
        FROM metric_values v
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN metric_catalog c USING (metric)
        WHERE v.period BETWEEN ?::DATE AND ?::DATE AND (?::TEXT IS NULL OR v.metric = ?::TEXT)
        GROUP BY v.employee_id, e.team, e.manager_id, e.role, v.period, v.metric
        ORDER BY v.employee_id, v.metric, period
        """,
        params=[start, end, metric, metric],
    ).to_arrow_table().to_pandas()


def sessions(con: duckdb.DuckDBPyConnection, *, start=None, end=None) -> pd.DataFrame:
    """The coaching log between two dates (either may be None)."""
    return con.execute(
        "SELECT employee_id, session_date::TIMESTAMP AS session_date, session_type, "
        "upper(model) AS model FROM coaching_sessions "
        "WHERE (?::DATE IS NULL OR session_date >= ?::DATE) "
        "AND (?::DATE IS NULL OR session_date <= ?::DATE) ORDER BY employee_id, session_date",
        [start, start, end, end],
    ).df()


def actions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    """Coaching actions with the date they were marked done; None without the actions table."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'coaching_actions'"
    ).fetchall()[0][0]
    if not exists:
        return None
    return con.execute(
        "SELECT employee_id, deadline::TIMESTAMP AS deadline, status, "
        "CASE WHEN status = 'done' THEN changed_at END AS done_at FROM coaching_actions"
    ).df()


def goal_weights(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """Summed goal-sheet weight of each metric named in a key result (unit suffix ignored)."""
    rows = con.execute(
        """
        SELECT c.metric, sum(g.weight) AS weight
        FROM metric_catalog c JOIN goals g
          ON position(trim(regexp_replace(c.metric, '[(（].*$', '')) IN g.key_result) > 0
        WHERE g.weight > 0 GROUP BY c.metric
        """
    ).fetchall()
    return {metric: float(weight) for metric, weight in rows}


def choices(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """What the HR page's filters offer: teams, managers, metrics and roles."""

    def column(sql_text: str) -> list[str]:
        return [row[0] for row in con.execute(sql_text).fetchall()]

    return {
        "teams": column("SELECT DISTINCT team FROM employees WHERE team IS NOT NULL ORDER BY 1"),
        "managers": column("SELECT DISTINCT manager_id FROM employees "
                           "WHERE manager_id IS NOT NULL ORDER BY 1"),
        "metrics": column("SELECT DISTINCT metric FROM metric_values ORDER BY 1"),
        "roles": column("SELECT role FROM employees WHERE role IS NOT NULL AND manager_id IS "
                        "NOT NULL GROUP BY role ORDER BY count(*) DESC, role"),
    }
