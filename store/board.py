"""The leadership board's queries: attainment per group x metric x period, in DuckDB SQL.

Attainment is direction-aware: ``actual / target`` when higher is better, ``target / actual``
when lower is better (1.0 = on target, whatever the direction). A group's attainment pools its
rows: sum of actuals over sum of targets, using only the rows that have a target (the row's own,
else the catalog's ``default_target``). No target anywhere -> attainment NULL (grey, never red).
"""

from __future__ import annotations

from typing import Literal

import duckdb
import pandas as pd

By = Literal["team", "manager", "employee"]
BY_CHOICES: tuple[str, ...] = ("team", "manager", "employee")
NO_GROUP = "—"  # the label of people without a team or manager
ATTAINMENT_COLUMNS: tuple[str, ...] = (
    "group", "label", "team", "metric", "direction", "period", "period_no", "actual", "target",
    "attainment", "n",
)

# by -> (group expression over the rows; label and team expressions over the aggregated row
# ``r``, its group's person ``g``; the team aggregated over the rows when it is not the group's).
_GROUP = {
    "team": (f"coalesce(e.team, '{NO_GROUP}')", "r.grp", "r.grp"),
    "manager": (f"coalesce(e.manager_id, '{NO_GROUP}')",
                "coalesce(g.name || ' (' || r.grp || ')', r.grp)", "r.team"),
    "employee": ("v.employee_id", "coalesce(g.name || ' (' || r.grp || ')', r.grp)",
                 f"coalesce(g.team, '{NO_GROUP}')"),
}


def attainment(
    con: duckdb.DuckDBPyConnection,
    *,
    by: By = "team",
    as_of=None,
    window: int = 1,
    team: str | None = None,
    lookback: int | None = None,
    red_below: float | None = None,
) -> pd.DataFrame:
    """Attainment per (group, metric, period) up to ``as_of``.

    Args:
        con: the database.
        by: "team", "manager" or "employee" (each employee is its own group).
        as_of: last period used (default: the latest in the data).
        window: periods pooled per row: 1 = that period alone, 4 = it and the 3 before
            (periods are numbered over the whole data, so a missing week is not skipped over).
        team: only people of this team (``NO_GROUP`` for people without one).
        lookback: only the last ``lookback`` periods (None: all), e.g. 2 = now and before.
        red_below: when set, only the rows under it, of the series under it at the latest
            period: the full red history the streaks need, small however long the data.

    Returns:
        ATTAINMENT_COLUMNS, ordered by group, metric, period. ``actual`` and ``target`` are the
        means over the pooled rows with a target (``actual``: over all rows when none has one,
        so a drill-down without targets still shows the values); ``period_no`` counts the
        periods from 1.

    Example:
        >>> attainment(con, by="team", window=4, lookback=2)  # doctest: +SKIP
    """
    if by not in BY_CHOICES:
        raise ValueError(f"by must be one of {BY_CHOICES}, got {by!r}")
    for name, value in (("window", window), ("lookback", 1 if lookback is None else lookback)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    params = {"as_of": as_of, "team": team}
    if red_below is None:
        return con.execute(_sql(by, window, lookback, keys=False), params).df()
    red = float(red_below)
    now = con.execute(_sql(by, window, 1, keys=False), params).df()
    keys = now.loc[now["attainment"].round(9) < red, ["group", "metric"]]
    if keys.empty:
        return now.iloc[:0]
    con.register("board_keys", keys)
    try:
        rows = con.execute(_sql(by, window, None, keys=True), params).df()
    finally:
        con.unregister("board_keys")
    return rows.loc[rows["attainment"].round(9) < red].reset_index(drop=True)


def _sql(by: str, window: int, lookback: int | None, *, keys: bool) -> str:
    group, label, team = _GROUP[by]
    # The rows are aggregated by (group, metric, period) on numbers only, the rows with and
    # without their own target apart; the catalog's default target, labels, teams and
    # directions are joined to the aggregated rows after. Joined to every row (a million) and
    # carried through the grouping as text (min(label)), they made PostgreSQL 10x DuckDB.
    members = f"min(coalesce(e.team, '{NO_GROUP}')) AS team, " if by == "manager" else ""
    # Rows older than the lookback are read only as far as the rolling window reaches back.
    since = ("" if lookback is None else "AND v.period IN (SELECT period FROM periods, last "
             f"WHERE period_no > last_no - {lookback + window - 1})")
    shown = "" if lookback is None else f"WHERE period_no > (SELECT last_no FROM last) - {lookback}"
    semi = ("JOIN board_keys k ON k.\"group\" = " + group + " AND k.metric = v.metric"
            if keys else "")
    return f"""
        WITH periods AS (
            SELECT period, dense_rank() OVER (ORDER BY period) AS period_no
            FROM (SELECT DISTINCT period FROM metric_values
                  WHERE $as_of::DATE IS NULL OR period <= $as_of::DATE) AS stored
        ), last AS (SELECT max(period_no) AS last_no FROM periods
        ), per AS (
            SELECT {group} AS grp, {members}v.metric, v.period,
                   sum(v.value) FILTER (WHERE v.target IS NOT NULL) AS a, sum(v.target) AS t,
                   count(v.target) AS nt, sum(v.value) AS s, count(*) AS n
            FROM metric_values v
            LEFT JOIN employees e USING (employee_id)
            {semi}
            WHERE ($as_of::DATE IS NULL OR v.period <= $as_of::DATE)
              AND ($team::TEXT IS NULL OR coalesce(e.team, '{NO_GROUP}') = $team::TEXT) {since}
            GROUP BY {group}, v.metric, v.period
        ), targeted AS (  -- rows without their own target take the catalog's default
            SELECT r.grp, {label} AS label, {team} AS team, r.metric, r.period, p.period_no,
                   coalesce(c.direction, 'higher') AS direction,
                   CASE WHEN c.default_target IS NULL THEN r.a ELSE r.s END AS a,
                   CASE WHEN c.default_target IS NULL THEN r.t
                        ELSE coalesce(r.t, 0) + c.default_target * (r.n - r.nt) END AS t,
                   CASE WHEN c.default_target IS NULL THEN r.nt ELSE r.n END AS nt, r.n, r.s
            FROM per r JOIN periods p USING (period)
            LEFT JOIN employees g ON g.employee_id = r.grp
            LEFT JOIN metric_catalog c ON c.metric = r.metric
        ), rolled AS (
            SELECT grp, label, team, metric, direction, period, period_no,
                   sum(a) OVER w AS a, sum(t) OVER w AS t, sum(nt) OVER w AS nt, sum(n) OVER w AS n,
                   sum(s) OVER w AS s
            FROM targeted
            WINDOW w AS (PARTITION BY grp, metric ORDER BY period_no
                         RANGE BETWEEN {window - 1} PRECEDING AND CURRENT ROW)
        )
        SELECT grp AS "group", label, team, metric, direction, period::TIMESTAMP AS period,
               period_no, CASE WHEN nt = 0 THEN s / n ELSE a / nt END AS actual,
               t / nullif(nt, 0) AS target,
               CASE WHEN nt = 0 OR t <= 0 THEN NULL
                    WHEN direction = 'lower' THEN t / nullif(a, 0)
                    ELSE a / t END AS attainment, n::BIGINT AS n
        FROM rolled {shown}
        ORDER BY "group", metric, period_no
    """


def periods(con: duckdb.DuckDBPyConnection) -> list[pd.Timestamp]:
    """Every distinct period of the metric data, newest first (the board's period choices)."""
    rows = con.execute("SELECT DISTINCT period::TIMESTAMP FROM metric_values ORDER BY 1 DESC")
    return [pd.Timestamp(r[0]) for r in rows.fetchall()]


def last_period(con: duckdb.DuckDBPyConnection, *, as_of=None) -> tuple[pd.Timestamp | None, int]:
    """(the latest period up to ``as_of``, its number as in :func:`attainment`); (None, 0) when none."""
    row = con.execute(
        "SELECT max(period)::TIMESTAMP, count(DISTINCT period) FROM metric_values "
        "WHERE $as_of::DATE IS NULL OR period <= $as_of::DATE", {"as_of": as_of}).fetchone()
    return (pd.Timestamp(row[0]) if row[0] is not None else None), int(row[1])


def teams(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Teams of the people with metric values (``NO_GROUP`` for people without a team)."""
    rows = con.execute(
        f"SELECT DISTINCT coalesce(e.team, '{NO_GROUP}') FROM metric_values v "
        "LEFT JOIN employees e USING (employee_id) ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def goals_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every key result with its owner's name, team and manager."""
    return con.execute(
        f"""
        SELECT g.employee_id, coalesce(e.name, g.employee_id) AS name,
               coalesce(e.team, '{NO_GROUP}') AS team, e.manager_id, g.objective, g.key_result,
               g.weight, g.due_date::TIMESTAMP AS due_date, g.progress
        FROM goals g LEFT JOIN employees e USING (employee_id)
        ORDER BY team, g.employee_id, g.objective, g.key_result
        """
    ).df()


def managers(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Employee id -> manager id of everyone in the roster (``NO_GROUP`` without a manager)."""
    rows = con.execute(
        f"SELECT employee_id, coalesce(manager_id, '{NO_GROUP}') FROM employees").fetchall()
    return dict(rows)
