"""One calendar per workspace (store/calendar.py): a file whose figures would fall two to a period
of the workspace's calendar is refused whole, in words, and the pages keep working; read by the
workspace's period it goes in. Real CSV files into a real DuckDB file."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import store
from analytics.frames import grain, period_number
from ingest.propose import Hints
from reports.team import team_view
from store.imports import import_bytes
from store.plan_import import import_plan

PEOPLE = ["E1", "E2", "E3"]


def _csv(periods: pd.DatetimeIndex, metric: str, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    rows = [(p, d.date().isoformat(), metric, round(float(rng.normal(80, 5)), 1))
            for p in PEOPLE for d in periods]
    frame = pd.DataFrame(rows, columns=["Employee ID", "Period", "Metric", "Value"])
    return frame.to_csv(index=False).encode()


MONTHS = pd.date_range("2024-01-01", periods=18, freq="MS")
WEEKS = pd.date_range("2025-05-05", periods=8, freq="W-MON")  # within 2 months: clash on months
QUARTERS = pd.date_range("2023-01-01", periods=4, freq="QS")


@pytest.fixture
def con(fresh_db):
    c = store.connect(fresh_db)
    yield c
    c.close()


def _values(con) -> pd.DataFrame:
    return con.execute("SELECT employee_id, metric, period FROM metric_values").df()


def _clashes(frame: pd.DataFrame) -> bool:
    """Recomputed apart: two values of a person's metric in one period of the frame's grain."""
    periods = pd.to_datetime(frame["period"])
    numbers = period_number(periods, grain(frame.assign(period=periods)))
    return bool(frame.assign(n=numbers).duplicated(["employee_id", "metric", "n"]).any())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_weekly_file_into_a_monthly_workspace_is_refused_and_nothing_changes(con, lang):
    assert import_bytes(con, _csv(MONTHS, "QA score", 1), "qa.csv").status == "loaded"
    before = _values(con)
    weekly = _csv(WEEKS, "Calls", 2)
    # What storing it would have made: a workspace the team view cannot number.
    both = pd.concat([before, pd.read_csv(io.BytesIO(weekly)).rename(columns={
        "Employee ID": "employee_id", "Metric": "metric", "Period": "period"})])
    assert _clashes(both)

    result = import_bytes(con, weekly, "calls.csv")

    assert result.status == "failed"
    assert result.problem.code == "grain_clash"
    said = result.problem.message(lang)
    assert ("weekly" in said and "monthly" in said and "--grain month" in said) if lang == "en" \
        else ("按周" in said and "按月" in said and "--grain month" in said)
    pd.testing.assert_frame_equal(_values(con), before)
    assert len(team_view(con).people) == len(PEOPLE)  # the pages keep working


def test_read_by_the_workspaces_period_it_goes_in(con):
    import_bytes(con, _csv(MONTHS, "QA score", 1), "qa.csv")

    # As the Import page and `cli.py import --grain month` read it.
    result = import_plan(con, _csv(WEEKS, "Calls", 2), "calls.csv", hints=Hints(grain="month"))

    assert result.status == "loaded", result.as_json()
    stored = _values(con)
    assert not _clashes(stored)
    calls = stored.loc[stored["metric"] == "Calls"]
    assert len(calls) == len(PEOPLE) * len(set(WEEKS.to_period("M")))  # a value per month
    assert not team_view(con).comparison.empty


@pytest.mark.parametrize(("first", "then"), [(WEEKS, QUARTERS),
                                             (MONTHS, MONTHS - pd.DateOffset(years=2))])
def test_files_that_fit_the_calendar_go_in(con, first, then):
    # Quarterly reviews beside weekly calls stay on weeks (no two in one week); more months.
    assert import_bytes(con, _csv(first, "A", 1), "a.csv").status == "loaded"

    result = import_bytes(con, _csv(then, "B", 2), "b.csv")

    assert result.status == "loaded", result.as_json()
    assert not _clashes(_values(con))
    assert len(team_view(con).people) == len(PEOPLE)


def test_a_file_replacing_its_own_values_is_no_clash(con):
    import_bytes(con, _csv(WEEKS, "Calls", 1), "calls.csv")

    again = import_bytes(con, _csv(WEEKS, "Calls", 3), "calls-fixed.csv")

    assert again.status == "loaded", again.as_json()
    assert len(_values(con)) == len(PEOPLE) * len(WEEKS)
