"""Read queries for the pages and the CLI. Aggregation happens here, in SQL."""

from __future__ import annotations

import duckdb
import pandas as pd

from store.access import stored, writer
from store.audit import CATALOG, record


def facts(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Workspace facts for the sidebar and the empty-database check."""
    row = con.execute(
        """
        SELECT (SELECT count(*) FROM employees),
               (SELECT count(DISTINCT team) FROM employees WHERE team IS NOT NULL),
               (SELECT count(DISTINCT metric) FROM metric_values),
               (SELECT count(*) FROM metric_values),
               (SELECT min(period) FROM metric_values),
               (SELECT max(period) FROM metric_values),
               (SELECT count(*) FROM coaching_sessions),
               (SELECT count(*) FROM goals),
               (SELECT count(*) FROM imports WHERE status = 'loaded')
        """
    ).fetchone()
    keys = ["employees", "teams", "metrics", "metric_rows", "first_period", "last_period",
            "sessions", "goals", "imports"]
    return dict(zip(keys, row, strict=True))


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    f = facts(con)
    return not (f["employees"] or f["metric_rows"] or f["sessions"] or f["goals"])


def catalog(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The metric catalog: direction, category, unit, default target."""
    return con.execute(
        "SELECT metric, direction, category, unit, default_target, edited "
        "FROM metric_catalog ORDER BY metric"
    ).df()


def save_catalog(con: duckdb.DuckDBPyConnection, edited: pd.DataFrame) -> int:
    """Store the user's corrections; returns the number of metrics changed."""
    bad = set(edited["direction"]) - {"higher", "lower"}
    bad |= set(edited["category"]) - {"efficiency", "quality", "output", "other"}
    if bad:
        raise ValueError(f"unknown direction or category: {sorted(map(str, bad))}")
    w = writer(con, "catalog")  # AccessDenied for a role without the right
    w.register("edited", edited[["metric", "direction", "category", "unit", "default_target"]])
    changed = w.execute(
        """
        SELECT count(*) FROM edited e JOIN metric_catalog c USING (metric)
        WHERE e.direction <> c.direction OR e.category <> c.category
           OR e.unit IS DISTINCT FROM c.unit OR e.default_target IS DISTINCT FROM c.default_target
        """
    ).fetchone()[0]
    w.execute(
        """
        UPDATE metric_catalog c SET direction = e.direction, category = e.category,
               unit = e.unit, default_target = e.default_target, edited = true
        FROM edited e
        WHERE c.metric = e.metric AND (e.direction <> c.direction OR e.category <> c.category
           OR e.unit IS DISTINCT FROM c.unit OR e.default_target IS DISTINCT FROM c.default_target)
        """
    )
    w.unregister("edited")
    if changed:
        record(con, CATALOG, rows=int(changed), within=w)
    return int(changed)


def team_trend(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Team x period x metric: mean, min, max and head count, for the overview chart
    (``team`` NULL for people without one)."""
    return con.execute(
        """
        SELECT e.team, v.period, v.metric,  -- NULL: no team (named by the page)
               avg(v.value) AS mean, min(v.value) AS low, max(v.value) AS high,
               count(*) AS n, avg(coalesce(v.target, c.default_target)) AS target
        FROM metric_values v
        LEFT JOIN employees e USING (employee_id)
        LEFT JOIN metric_catalog c USING (metric)
        GROUP BY e.team, v.period, v.metric ORDER BY team, metric, period
        """
    ).df()


def employees(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        "SELECT employee_id, name, team, manager_id, role, hire_date, high_potential "
        "FROM employees ORDER BY team, employee_id"
    ).df()


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """A token that changes with every import, undo, coaching-log, catalog or settings edit.

    The key of every cached result. It reads the stored tables themselves (by their catalog
    name), not the viewer's scoped views, so an import by anyone is seen by every session.
    """
    m = stored(con)
    # One row per part, UNION ALL: the same parts as scalar subqueries of one SELECT cost
    # DuckDB 34 ms of CPU, this 4.5 ms, and it runs on every rerun.
    rows = con.execute(
        f"SELECT 1 AS i, count(*)::TEXT AS v FROM {m}.imports "
        f"UNION ALL SELECT 2, count(*)::TEXT FROM {m}.imports WHERE status = 'undone' "
        "UNION ALL SELECT 3, md5(string_agg(metric || direction || category || "
        "coalesce(unit, '') || coalesce(default_target::TEXT, ''), ',' ORDER BY metric)) "
        f"FROM {m}.metric_catalog UNION ALL SELECT 4, md5(string_agg(key || value::TEXT, ',' "
        f"ORDER BY key)) FROM {m}.settings "
        f"UNION ALL SELECT 5, count(*)::TEXT FROM {m}.session_log "
        f"UNION ALL SELECT 6, count(*)::TEXT FROM {m}.coaching_actions_history "
        f"UNION ALL SELECT 7, concat(count(*), '/', max(changed_at)) FROM {m}.coaching_actions "
        "UNION ALL SELECT 8, concat(count(*), '/', max(greatest(created_at, "
        "manager_confirmed_at, employee_confirmed_at, assessed_at))) "
        f"FROM {m}.improvement_plans UNION ALL SELECT 9, concat(count(*), '/', max(changed_at)) "
        f"FROM {m}.plan_reviews UNION ALL SELECT 10, concat(count(*), '/', max(changed_at)) "
        f"FROM {m}.session_ratings ORDER BY i"
    ).fetchall()
    return "-".join(str(v) for _, v in rows)
