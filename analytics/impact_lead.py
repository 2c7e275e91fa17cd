"""The HR page's first sentence: did people coached at least monthly improve more than the rest?

A plain contrast a reader can hold in mind, beside the page's correlations:
the mean change of the people with at least one session per month of the window they were in,
minus the mean change of everyone else, with Welch's t-test and its 95% interval. Pure numbers;
the words (and the honesty: chance, n, not causation) are the page's.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

MONTH_DAYS = 365.25 / 12
MIN_GROUP = 2  # people per group below which no difference is computed
STRONG_P, LIKELY_P = 0.01, 0.05


def monthly_contrast(people: pd.DataFrame, *, start, end) -> dict[str, float]:
    """Mean change of the people coached at least monthly minus that of the rest.

    Args:
        people: one row per person with ``sessions`` (in the window), ``change`` and
            ``hire_date`` (a person hired inside the window is judged on their own months).
        start, end: the window.

    Returns:
        n, n_monthly, n_rest, difference, ci_low, ci_high, p_value (NaN when a group has
        fewer than ``MIN_GROUP`` people).

    Example:
        >>> p = pd.DataFrame({"sessions": [6, 7, 1, 0], "change": [0.5, 0.7, 0.1, -0.1],
        ...                   "hire_date": pd.NaT})
        >>> r = monthly_contrast(p, start="2025-01-01", end="2025-06-30")
        >>> (r["n_monthly"], r["n_rest"], round(r["difference"], 2))
        (2, 2, 0.6)
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    rows = people.dropna(subset=["change"])
    hired = pd.to_datetime(rows["hire_date"])
    since = hired.where(hired > start, start).fillna(start)
    months = ((end - since).dt.days.clip(lower=1) / MONTH_DAYS).clip(lower=1.0)
    monthly = rows["sessions"].astype(float) / months >= 1.0
    a = rows.loc[monthly, "change"].to_numpy(float)
    b = rows.loc[~monthly, "change"].to_numpy(float)
    out = {"n": len(rows), "n_monthly": len(a), "n_rest": len(b)}
    nan = dict.fromkeys(("difference", "ci_low", "ci_high", "p_value"), math.nan)
    if len(a) < MIN_GROUP or len(b) < MIN_GROUP:
        return out | nan
    difference = float(a.mean() - b.mean())
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(va + vb)
    if se == 0:
        return out | nan | {"difference": difference}
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    half = float(stats.t.ppf(0.975, df)) * se
    p = float(2 * stats.t.sf(abs(difference) / se, df))
    return out | {"difference": difference, "ci_low": difference - half,
                  "ci_high": difference + half, "p_value": p}


def honesty(contrast: dict[str, float], *, small_n: int = 10) -> str:
    """How far the contrast can be trusted: "few" (too few people or no difference),
    "strong" (p < 0.01), "likely" (p < 0.05) or "chance".

    Example:
        >>> honesty({"n": 23, "p_value": 0.003}), honesty({"n": 23, "p_value": 0.2})
        ('strong', 'chance')
    """
    p = contrast.get("p_value", math.nan)
    if contrast.get("n", 0) < small_n or p is None or np.isnan(p):
        return "few"
    return "strong" if p < STRONG_P else "likely" if p < LIKELY_P else "chance"
