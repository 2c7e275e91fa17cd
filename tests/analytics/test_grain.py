"""The grain of a set of periods, and quarterly data kept quarterly by the analyses."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.frames import grain, period_number, period_start, window_periods
from analytics.grain import grain_of


def days(*texts: str) -> pd.DatetimeIndex:
    return pd.to_datetime(list(texts))


@pytest.mark.parametrize(
    ("periods", "expected"),
    [
        (days("2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"), "quarter"),
        (days("2023-10-01", "2024-04-01"), "quarter"),  # a quarter missing is still quarterly
        (days("2024-01-01", "2024-02-01", "2024-03-01"), "month"),
        (days("2024-01-01", "2024-02-01", "2024-04-01"), "month"),  # gaps of 1 and 2 months
        (days("2024-02-01"), "month"),
        (days("2022-01-01", "2023-01-01", "2024-01-01"), "year"),
        (days("2024-12-23", "2024-12-30", "2025-01-06"), "week"),
        (days("2024-12-22", "2025-01-05"), "week"),  # Sundays, a week missing
        (days("2024-01-08"), "week"),
        (days("2024-01-01", "2024-01-02", "2024-01-03"), "day"),
        (days("2024-01-10"), "day"),
        (days("2024-01-01", "2024-01-08", "2024-02-01"), "day"),  # weeks and months mixed
        (days(), "day"),
    ],
)
def test_grain_of(periods, expected):
    assert grain_of(periods) == expected
    assert grain_of(list(periods.date)) == expected  # dates, not only Timestamps


@pytest.mark.parametrize(
    ("periods", "step"),
    [(days("2023-10-01", "2024-01-01", "2024-04-01"), "quarter"),
     (days("2022-01-01", "2023-01-01"), "year"),
     (days("2024-01-01", "2024-02-01"), "month"),
     (days("2024-01-01", "2024-01-08"), "week")],
)
def test_quarters_and_years_are_consecutive_periods(periods, step):
    values = pd.DataFrame({"period": periods})
    assert grain(values) == step
    numbers = period_number(periods, step)
    assert list(np.diff(numbers)) == [1] * (len(periods) - 1)  # no empty months between
    assert list(period_start(numbers, step)) == list(periods)


@pytest.mark.parametrize(("step", "months", "expected"),
                         [("quarter", 6, 2), ("quarter", 1, 1), ("year", 24, 2), ("year", 3, 1),
                          ("month", 6, 6), ("week", 3, 13)])
def test_window_periods(step, months, expected):
    assert window_periods(step, months) == expected
