"""The pandas baselines of bench/ give the product's answers (else their timings mean nothing).

A real DuckDB file of 200 seeded people x 52 weeks x 4 metrics (bench/board.py's data: managers,
goals, coaching sessions); numbers must agree within 1e-9.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import store
from analytics.board_thresholds import BOARD_THRESHOLDS_KEY
from bench import baselines, pandas_sql
from bench.board import build
from reports.board import board_view
from reports.impact import impact_report
from reports.team import team_view
from store import board as board_sql
from store import impact as impact_sql
from store import settings

TOL = {"check_dtype": False, "check_exact": False, "rtol": 0, "atol": 1e-9}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    build(path, 200)
    connection = store.connect(path)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def tables(con) -> dict[str, pd.DataFrame]:
    return pandas_sql.read_all(con)


def test_the_data_is_the_full_size(tables):
    assert len(tables["metric_values"]) == 200 * 52 * 4
    assert tables["employees"]["manager_id"].nunique() == 17


@pytest.mark.parametrize("by", ["team", "manager", "employee"])
@pytest.mark.parametrize("window", [1, 4])
def test_attainment_matches_the_sql(con, tables, by, window):
    product = board_sql.attainment(con, by=by, window=window)
    baseline = pandas_sql.attainment(tables, by=by, window=window)
    assert len(product) == 52 * 4 * {"team": 17, "manager": 17, "employee": 200}[by]
    pd.testing.assert_frame_equal(baseline, product, **TOL)


@pytest.mark.parametrize(("by", "rolling"), [("team", False), ("manager", True)])
@pytest.mark.parametrize("red_below", [None, 1.05])
def test_board_table_matches_the_board_page(con, by, rolling, red_below):
    """With the default thresholds the pooled teams are never red; at 105% many are, for weeks."""
    if red_below is None:
        settings.reset(con, BOARD_THRESHOLDS_KEY)
    else:
        settings.save(con, BOARD_THRESHOLDS_KEY, {"red_below": red_below, "green_at": 1.1})
    product = board_view(con, by=by, rolling=rolling, with_flags=False).board
    baseline = baselines.board(con, by=by, rolling=rolling)
    settings.reset(con, BOARD_THRESHOLDS_KEY)
    assert len(product) == 17 * 4
    if red_below is not None:
        assert product["red_streak"].max() > 1, "the data must exercise the red streaks"
    pd.testing.assert_frame_equal(baseline, product, **TOL)


def test_team_flags_match_the_team_view(con):
    product = team_view(con).flags
    baseline = baselines.team_flags(con)
    assert len(product) > 100
    pd.testing.assert_frame_equal(baseline, product, check_categorical=False, **TOL)


def test_impact_aggregations_match_the_sql(con, tables):
    start, end = impact_sql.bounds(con)
    pd.testing.assert_frame_equal(
        pandas_sql.session_counts(tables, start=start, end=end),
        impact_sql.session_counts(con, start=start, end=end), **TOL)
    pd.testing.assert_frame_equal(
        pandas_sql.period_values(tables, start=start, end=end),
        impact_sql.period_values(con, start=start, end=end), **TOL)


def test_impact_correlations_match_the_hr_page(con):
    page = impact_report(con).correlations
    assert page.iloc[0]["n"] == 200
    pd.testing.assert_frame_equal(baselines.impact_product(con), page)
    pd.testing.assert_frame_equal(baselines.impact_baseline(con), page, **TOL)
