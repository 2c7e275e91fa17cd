"""Product vs a plain-pandas baseline, measured in the same run: what DuckDB buys us.

Each baseline reads whole tables with ``SELECT * FROM <table>`` and does every join, filter and
aggregation with straightforward pandas (``bench/pandas_sql.py``), then calls the same pure
analytics functions as the product. ``tests/test_bench_baselines.py`` checks each gives the
product's answer. :func:`results` times both on the seeded 5,000-person data (warm: best of
``repeat`` after one untimed run). Goal: the product at least 3x faster where the work
is an aggregation DuckDB can do.

Run: ``.venv/bin/python bench/baselines.py [--employees N] [--repeat R]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics import board as rules
from analytics import correlation, impact
from analytics.compare import compare
from analytics.flags import flags
from analytics.gap import gaps
from analytics.trend import trends
from bench import _args
from bench.board import shared_db
from bench.pandas_sql import attainment, joined, period_values, read_all, session_counts
from reports.board import _board_series, board_thresholds  # the board page's own queries
from reports.team import team_view, thresholds
from store import board as board_sql
from store import impact as impact_sql

RATIO_GOAL = 3.0  # the product at least 3x faster where the work is a DuckDB aggregation




def team_flags(con: duckdb.DuckDBPyConnection, *, as_of=None) -> pd.DataFrame:
    """The team view's flags, from whole tables joined in pandas."""
    tables = read_all(con)
    values = joined(tables, as_of).sort_values(["employee_id", "metric", "period"])
    values = values[["employee_id", "name", "team", "period", "metric", "value", "target",
                     "direction", "category"]].reset_index(drop=True)
    people = tables["employees"].drop(columns=["import_id"]).sort_values("employee_id")
    people["hire_date"] = pd.to_datetime(people["hire_date"])
    sessions = tables["coaching_sessions"]
    as_of = pd.Timestamp(as_of) if as_of is not None else values["period"].max()
    sessions = sessions[sessions["session_date"] <= as_of].sort_values(
        ["employee_id", "session_date"])
    limits = thresholds(con)
    comparison = compare(values, as_of=as_of)
    trend = trends(values, as_of=as_of, thresholds=limits)
    gap = gaps(values, as_of=as_of, thresholds=limits)
    return flags(values, people.reset_index(drop=True), sessions.reset_index(drop=True),
                 as_of=as_of, thresholds=limits, trends=trend, comparison=comparison, gaps=gap)


def board(con: duckdb.DuckDBPyConnection, *, by: str = "team", rolling: bool = False
          ) -> pd.DataFrame:
    """The board table (``reports.board.board_view(...).board``) from pandas attainment."""
    limits = board_thresholds(con)
    window = limits.rolling_periods if rolling else 1
    tables = read_all(con)
    series = attainment(tables, by=by, window=window)
    number = int(series["period_no"].max())
    # Red people: each person's own attainment at the board's period, under their team/manager.
    people = attainment(tables, by="employee", window=window)
    people = people[people["period_no"].eq(number)].reset_index(drop=True)
    roster = tables["employees"].set_index("employee_id")
    column = "team" if by == "team" else "manager_id"
    owner = people["group"].map(roster[column]).fillna(board_sql.NO_GROUP)
    red = rules.red_people(people, owner, thresholds=limits)
    return rules.with_red_people(rules.board(series, period_no=number, thresholds=limits), red)


def correlations(counts: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """The impact page's correlations (``reports.impact.impact_report``, defaults, everyone)."""
    counts = counts[counts["employee_id"].notna()]
    change = impact.composite(impact.performance_change(values, split=0.5, score="z"))
    people = counts.merge(change.drop(columns=["team"]), on="employee_id", how="left")
    return correlation.correlations(
        people.dropna(subset=["change"]).fillna({"manager_id": "-", "role": "-", "team": "-"}),
        control="before")


def impact_product(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The product's path: the two SQL aggregations, then the same analytics."""
    start, end = impact_sql.bounds(con)
    return correlations(impact_sql.session_counts(con, start=start, end=end),
                        impact_sql.period_values(con, start=start, end=end))


def impact_baseline(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    tables = read_all(con)
    period = tables["metric_values"]["period"]
    start, end = period.min(), period.max()
    return correlations(session_counts(tables, start=start, end=end),
                        period_values(tables, start=start, end=end))


def _best(repeat: int, run) -> float:
    run()  # warm-up: file pages and code paths, as a page's second visit
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def results(employees: int = 5000, repeat: int = 3, db: str | None = None) -> list[tuple]:
    """[(case, seconds, limit, note, baseline seconds, ratio goal)], product vs pandas."""
    con = duckdb.connect(str(db or shared_db(employees)), read_only=True)
    con.execute("SET enable_progress_bar = false")
    read = _best(repeat, lambda: read_all(con))
    cases = (  # case, product, baseline, limit, ratio goal, note
        ("flags: team view", lambda: team_view(con), lambda: team_flags(con), 2.0, None,
         "pandas work in both; the baseline joins in pandas"),
        ("board: attainment by team", lambda: board_sql.attainment(con, by="team"),
         lambda: attainment(read_all(con), by="team"), None, RATIO_GOAL, "all periods"),
        ("board: by manager, rolling 4",
         lambda: board_sql.attainment(con, by="manager", window=4),
         lambda: attainment(read_all(con), by="manager", window=4), None, RATIO_GOAL,
         "all periods"),
        ("board: table by team", lambda: _board_table(con), lambda: board(con), None, None,
         "status + streaks; product reads the last 2 periods + red runs"),
        ("impact: counts + values (SQL)", lambda: _impact_sql(con), lambda: _impact_pd(con),
         None, RATIO_GOAL, "the two aggregations only"),
        ("impact: correlations", lambda: impact_product(con), lambda: impact_baseline(con),
         None, None, "aggregations + analytics.impact"),
    )
    out = []
    for case, product, baseline, limit, goal, note in cases:
        out.append((case, _best(repeat, product), limit, f"{note}; baseline reads "
                    f"{read:.2f} s", _best(repeat, baseline), goal))
    con.close()
    return out


def _board_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    limits = board_thresholds(con)
    series = _board_series(con, by="team", as_of=None, window=1, team=None, limits=limits)
    _, number = board_sql.last_period(con)
    return rules.board(series, period_no=number, thresholds=limits)


def _impact_sql(con: duckdb.DuckDBPyConnection) -> None:
    start, end = impact_sql.bounds(con)
    impact_sql.session_counts(con, start=start, end=end)
    impact_sql.period_values(con, start=start, end=end)


def _impact_pd(con: duckdb.DuckDBPyConnection) -> None:
    tables = read_all(con)
    start, end = tables["metric_values"]["period"].agg(["min", "max"])
    session_counts(tables, start=start, end=end)
    period_values(tables, start=start, end=end)


def main() -> None:
    args = _args.parser(__doc__).parse_args()
    for case, seconds, _, note, base, _ in results(args.employees, args.repeat, args.db):
        print(f"{case}: {seconds:.3f} s, pandas {base:.3f} s ({base / seconds:.1f}x); {note}")


if __name__ == "__main__":
    main()
