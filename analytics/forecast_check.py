"""The forecasts' honesty check: hold back the last periods, forecast them, count the hits.

An 80% interval that holds 98% of the later values is too wide to be useful; one that holds 50%
claims a certainty it does not have. docs/domain.md ("Forecasts") quotes these figures for the
demo and a generated company.
"""

from __future__ import annotations

import pandas as pd

from analytics.forecast import forecasts
from analytics.frames import check_values


def coverage(values: pd.DataFrame, *, hold: int = 4, min_periods: int = 6,
             interval: float = 0.8) -> dict[str, object]:
    """Share of held-back values inside their interval, forecast from the periods before them.

    Returns:
        ``covered`` and ``n`` (held-back values that had a forecast), ``share`` = covered / n
        (None when n is 0), ``by_h`` = h -> share, and ``cut`` (the last period used).

    Example:
        >>> import numpy as np
        >>> frame = pd.DataFrame({"employee_id": "a", "name": None, "team": "t",
        ...     "period": pd.date_range("2025-01-06", periods=12, freq="W-MON"), "metric": "x",
        ...     "value": np.arange(12.0), "target": 5.0, "direction": "higher",
        ...     "category": "other"})
        >>> coverage(frame)["n"], coverage(frame)["share"]
        (4, 1.0)
    """
    check_values(values)
    periods = pd.DatetimeIndex(values["period"].dropna().unique()).sort_values()
    if len(periods) <= hold:
        return {"covered": 0, "n": 0, "share": None, "by_h": {}, "cut": None}
    cut = periods[-hold - 1]
    made = forecasts(values, as_of=cut, horizon=hold, min_periods=min_periods,
                     interval=interval)
    actual = values.loc[values["period"] > cut, ["employee_id", "metric", "period", "value"]]
    actual = actual.assign(metric=actual["metric"].astype(str))
    made = made.assign(metric=made["metric"].astype(str)).merge(
        actual, on=["employee_id", "metric", "period"], how="inner").dropna(subset=["value"])
    hit = (made["value"] >= made["low"]) & (made["value"] <= made["high"])
    by_h = hit.groupby(made["h"]).mean()
    return {"covered": int(hit.sum()), "n": len(hit),
            "share": float(hit.mean()) if len(hit) else None,
            "by_h": {int(h): float(s) for h, s in by_h.items()}, "cut": cut}
