"""Dates on arbitrary days (reviews) are read by the grain they fit, said why; a person's values
in one period are averaged; regular or daily dates are left as written."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest

import store
from ingest import date_grain
from ingest.propose import Hints, plan_for
from ingest.read import read_sheets
from store.plan_import import import_plan
from tests.ingest.reviews import csv_bytes, expected, median_gap, reviews, xlsx_bytes
from tests.test_cli import cli


def stored(con) -> dict[tuple, float]:
    rows = con.execute("SELECT employee_id, strftime(period, '%Y-%m-%d'), metric, value "
                       "FROM metric_values").fetchall()
    return {(e, p, m): v for e, p, m, v in rows}


@pytest.mark.parametrize(("gaps", "grain"), [((100, 250), "quarter"), ((25, 60), "month"),
                                             ((8, 16), "week")])
@pytest.mark.parametrize("write", [csv_bytes, xlsx_bytes])
def test_reviews_are_read_by_the_grain_their_dates_fit(tmp_path, gaps, grain, write):
    truth = reviews(gaps)
    name = "r.xlsx" if write is xlsx_bytes else "r.csv"
    book = read_sheets(write(truth), name)
    (sp,) = plan_for(book, Hints()).sheets
    assert sp.period_grain == grain
    fit = date_grain.fit(next(iter(book.tables.values())), sp)
    assert (fit.gap_days, fit.people) == (median_gap(truth), truth["EmployeeID"].nunique())
    con = store.connect(tmp_path / "r.duckdb")
    result = import_plan(con, write(truth), name)
    assert result.status == "loaded", result.as_json()
    assert stored(con) == pytest.approx(expected(truth, grain))
    assert any(getattr(n, "code", "") == "dates_by_grain" for n in result.notes)


@pytest.mark.parametrize("days", [
    pd.date_range("2025-01-01", periods=40, freq="D"),  # daily: dense
    pd.date_range("2025-01-06", periods=20, freq="W-MON"),  # weekly Mondays: regular
    pd.date_range("2024-01-01", periods=12, freq="MS"),  # month firsts: regular
])
def test_regular_or_dense_dates_are_left_as_written(days):
    rows = [(f"E{p}", f"{d:%Y-%m-%d}", p + i) for p in range(3) for i, d in enumerate(days)]
    raw = pd.DataFrame(rows, columns=["工号", "日期", "接通量"]).to_csv(index=False).encode("gbk")
    (sp,) = plan_for(read_sheets(raw, "d.csv"), Hints()).sheets
    assert sp.period_grain is None


@pytest.mark.parametrize("grain", ["day", "quarter"])
def test_cli_grain_overrides_the_proposal_and_the_recipe_keeps_it(tmp_path, grain):
    truth = reviews((25, 60), seed=9)
    (tmp_path / "r.csv").write_bytes(csv_bytes(truth))
    db = str(tmp_path / "c.duckdb")
    done = cli("import", str(tmp_path / "r.csv"), "--db", db, "--grain", grain, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(db, read_only=True) as con:
        assert stored(con) == pytest.approx(expected(truth, grain))
        plan = json.loads(con.execute("SELECT plan FROM recipes").fetchone()[0])
    assert plan["sheets"][0]["period_grain"] == (None if grain == "day" else grain)


def test_an_event_log_is_not_counted_by_quarter(tmp_path):
    from tests.ingest.event_log import calls
    from tests.ingest.event_log import csv_bytes as calls_csv

    (tmp_path / "c.csv").write_bytes(calls_csv(calls()))
    refused = cli("import", str(tmp_path / "c.csv"), "--db", str(tmp_path / "c.duckdb"),
                  "--grain", "quarter")
    assert refused.returncode == 2
    assert "--grain day, week or month" in refused.stdout


def test_one_date_per_person_is_read_by_the_grain_holding_enough_people(tmp_path):
    """A training log: each person once, on arbitrary days (the shape of the training file)."""
    days = pd.Timestamp("2022-05-01") + pd.to_timedelta(
        [(i * 37) % 450 for i in range(140)], unit="D")
    truth = pd.DataFrame({"Employee ID": [f"{1000 + i}" for i in range(140)], "Training Date": days,
                          "PostTestScore": [50 + i % 40 for i in range(140)]})
    raw = truth.assign(**{"Training Date": days.strftime("%Y-%m-%d")}).to_csv(index=False).encode()
    book = read_sheets(raw, "t.csv")
    (sp,) = plan_for(book, Hints()).sheets
    per_week = truth.groupby(truth["Training Date"].dt.to_period("W-SUN")).size().median()
    per_month = truth.groupby(truth["Training Date"].dt.to_period("M")).size().median()
    assert per_week < 5 <= per_month  # so: months
    assert sp.period_grain == "month"
    fit = date_grain.fit(book.tables[None], sp)
    assert (fit.gap_days, fit.people, fit.per_period) == (None, 140, int(per_month))
