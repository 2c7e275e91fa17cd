"""analytics.impact_lead: people coached at least monthly against the rest."""

import doctest
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import analytics.impact_lead
from analytics.impact_lead import honesty, monthly_contrast

START, END = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30")


def people(seed: int, n: int, effect: float) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sessions = rng.integers(0, 13, n)
    hired = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns]")
    hired[::7] = pd.Timestamp("2025-05-01")  # two months in the window: 2 sessions is monthly
    change = rng.normal(0, 1, n) + effect * (sessions >= 6)
    return pd.DataFrame({"sessions": sessions, "change": change, "hire_date": hired})


@pytest.mark.parametrize(("seed", "n", "effect"), [(1, 40, 0.0), (2, 60, 0.8), (3, 12, -0.5)])
def test_contrast_is_welch_of_the_monthly_groups(seed, n, effect):
    frame = people(seed, n, effect)
    months = [max(1.0, ((END - (h if pd.notna(h) and h > START else START)).days) / (365.25 / 12))
              for h in frame["hire_date"]]
    monthly = frame["sessions"] / months >= 1
    a, b = frame.loc[monthly, "change"], frame.loc[~monthly, "change"]
    welch = stats.ttest_ind(a, b, equal_var=False)
    got = monthly_contrast(frame, start=START, end=END)
    assert (got["n_monthly"], got["n_rest"], got["n"]) == (len(a), len(b), n)
    assert got["difference"] == pytest.approx(a.mean() - b.mean())
    assert got["p_value"] == pytest.approx(welch.pvalue)
    ci = welch.confidence_interval()
    assert (got["ci_low"], got["ci_high"]) == pytest.approx((ci.low, ci.high))


def test_a_planted_effect_is_found_and_noise_is_called_chance():
    assert honesty(monthly_contrast(people(2, 200, 1.0), start=START, end=END)) == "strong"
    assert honesty(monthly_contrast(people(1, 200, 0.0), start=START, end=END)) == "chance"


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"sessions": [9, 0, 0], "change": [1.0, 0.0, 0.1], "hire_date": pd.NaT}),
    pd.DataFrame({"sessions": [9, 9, 0], "change": [1.0, None, 0.1], "hire_date": pd.NaT}),
])
def test_a_group_of_one_gives_no_difference(frame):
    got = monthly_contrast(frame, start=START, end=END)
    assert math.isnan(got["difference"])
    assert honesty(got) == "few"


def test_doctests():
    assert doctest.testmod(analytics.impact_lead).failed == 0
