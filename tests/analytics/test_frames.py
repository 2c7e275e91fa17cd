"""Tests for analytics.frames: as-of, grain, windows and the employee x period grids."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

import analytics.frames as module
import analytics.grids as grids_module
from analytics.frames import as_of_default, grain, period_number, period_start, window_periods
from analytics.grids import grid_sets, grids


def long(rows, *, direction="higher", category="quality"):
    """rows: (employee_id, team, period, metric, value[, target])."""
    frame = pd.DataFrame(
        [(r[0], r[0].upper(), r[1], pd.Timestamp(r[2]), r[3], float(r[4]),
          float(r[5]) if len(r) > 5 else np.nan) for r in rows],
        columns=["employee_id", "name", "team", "period", "metric", "value", "target"])
    return frame.assign(direction=direction, category=category)


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2025-01-06", "2025-01-13", "2025-01-20"], "week"),
        (["2025-01-06", "2025-01-20", "2025-01-27"], "week"),  # one missing week
        (["2025-01-01", "2025-02-01", "2025-03-01"], "month"),
        (["2025-02-01"], "month"),  # a Saturday, first of month
        (["2025-01-06"], "week"),  # a Monday
        (["2025-09-01"], "week"),  # a Monday that is also the 1st: weekly is the safer guess
    ],
)
def test_grain(dates, expected):
    assert grain(pd.DataFrame({"period": pd.to_datetime(dates)})) == expected


@pytest.mark.parametrize(
    ("step", "months", "expected"),
    [("week", 3, 13), ("week", 6, 26), ("month", 3, 3), ("month", 6, 6), ("week", 12, 52)],
)
def test_window_periods(step, months, expected):
    assert window_periods(step, months) == expected


@pytest.mark.parametrize(("step", "months"), [("hour", 3), ("week", 0), ("week", 2.5)])
def test_window_periods_rejects(step, months):
    with pytest.raises(ValueError, match=r"grain|months"):
        window_periods(step, months)


@pytest.mark.parametrize("step", ["week", "month"])
def test_period_number_round_trip(step):
    freq = "W-MON" if step == "week" else "MS"
    periods = pd.date_range("2024-11-04" if step == "week" else "2024-11-01", periods=8, freq=freq)
    numbers = period_number(periods, step)
    assert np.diff(numbers).tolist() == [1] * 7
    assert period_start(numbers, step).equals(pd.DatetimeIndex(periods).as_unit("ns"))


def test_as_of_default_and_empty():
    frame = long([("a", "t", "2025-01-06", "m", 1), ("a", "t", "2025-01-13", "m", 2)])
    assert as_of_default(frame) == pd.Timestamp("2025-01-13")
    with pytest.raises(ValueError, match="no period"):
        as_of_default(frame.iloc[:0])


def test_grids_window_missing_period_and_as_of():
    frame = long([
        ("a", "t", "2025-01-06", "m", 1), ("a", "t", "2025-01-20", "m", 3),
        ("b", "u", "2025-01-13", "m", 5), ("a", "t", "2025-01-27", "m", 99),  # after as_of
        ("c", "t", "2025-01-06", "n", 7),
    ])
    out = grids(frame, as_of=pd.Timestamp("2025-01-20"), length=2)
    grid = out["m"]
    assert list(out) == ["m"]  # metric n has no row in the last 2 periods
    assert grid.employee_ids.tolist() == ["a", "b"]
    assert grid.teams.tolist() == ["t", "u"]
    assert grid.periods.equals(pd.DatetimeIndex(["2025-01-13", "2025-01-20"]).as_unit("ns"))
    np.testing.assert_array_equal(grid.data, [[np.nan, 3.0], [5.0, np.nan]])


def test_grids_reject_duplicates_and_missing_columns():
    frame = long([("a", "t", "2025-01-06", "m", 1), ("a", "t", "2025-01-06", "m", 2)])
    with pytest.raises(ValueError, match="duplicate"):
        grids(frame)
    with pytest.raises(ValueError, match="lacks column"):
        grids(frame.drop(columns="target"))
    with pytest.raises(ValueError, match="direction"):
        grids(frame.assign(direction="up"))


@pytest.mark.parametrize("mod", [module, grids_module])
def test_doctests(mod):
    assert doctest.testmod(mod).failed == 0


def test_grid_sets_pivot_value_and_target_together():
    frame = long([
        ("a", "t", "2025-01-06", "m", 1, 10), ("b", "u", "2025-01-13", "m", 5, 50),
        ("a", "t", "2025-01-13", "n", 7), ("a", "t", "2025-01-06", "m2", 2, 20),
    ])
    out = grid_sets(frame)
    assert list(out) == ["m", "m2", "n"]  # metrics sorted
    value, target = out["m"]
    np.testing.assert_array_equal(value.data, [[1.0, np.nan], [np.nan, 5.0]])
    np.testing.assert_array_equal(target.data, [[10.0, np.nan], [np.nan, 50.0]])
    for metric, (value, target) in out.items():
        for got, column in ((value, "value"), (target, "target")):
            want = grids(frame, column=column)[metric]
            assert got.employee_ids.tolist() == want.employee_ids.tolist()
            np.testing.assert_array_equal(got.data, want.data)


@pytest.mark.parametrize("dtype", ["str", "category", "object"])
def test_grids_same_for_any_text_dtype(dtype):
    frame = long([("b", "u", "2025-01-06", "m", 1), ("a", "t", "2025-01-13", "m", 2),
                  ("a", None, "2025-01-06", "n", 3)])
    text = ["employee_id", "name", "team", "metric", "direction", "category"]
    out = grids(frame.astype(dict.fromkeys(text, dtype)))
    assert list(out) == ["m", "n"]
    assert (out["m"].metric, out["m"].direction, out["m"].category) == ("m", "higher", "quality")
    assert out["m"].employee_ids.tolist() == ["b", "a"]
    assert out["m"].teams.tolist() == ["u", "t"]
    assert out["n"].teams.tolist() == ["t"]  # a's first team in the window
    np.testing.assert_array_equal(out["m"].data, [[1.0, np.nan], [np.nan, 2.0]])


def test_grids_ignore_rows_without_employee_or_metric():
    frame = long([("a", "t", "2025-01-06", "m", 1), ("b", "t", "2025-01-06", "m", 2),
                  ("c", "t", "2025-01-06", "n", 3)])
    frame.loc[1, "employee_id"] = None
    frame.loc[2, "metric"] = None
    out = grids(frame)
    assert list(out) == ["m"]
    assert out["m"].employee_ids.tolist() == ["a"]
    np.testing.assert_array_equal(out["m"].data, [[1.0]])
