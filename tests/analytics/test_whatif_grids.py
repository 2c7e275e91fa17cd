"""analytics.forecast_whatif.what_if makes its grids once for its four forecasts (issue 20): the
same table as before, when each call made them again (that code kept here as the reference)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import forecasts
from analytics.forecast_target import target_outlook
from analytics.forecast_whatif import _NEXT, _OUTLOOK, WHAT_IF_COLUMNS, levels, what_if


def old_what_if(values, metric, shift, *, as_of=None, min_periods=6, interval=0.8, ratio=0.8):
    one = values.loc[values["metric"].astype(str) == metric]
    if as_of is not None:
        one = one.loc[one["period"] <= as_of]
    one = one.assign(metric=metric)
    kw = {"as_of": as_of, "min_periods": min_periods, "interval": interval}
    moved = {metric: float(shift)}
    ahead = [forecasts(one, horizon=1, shift=s, **kw) for s in (None, moved)]
    if ahead[0].empty:
        return pd.DataFrame({column: [] for column in WHAT_IF_COLUMNS})
    out = ahead[0].rename(columns=_NEXT).merge(
        ahead[1][["employee_id", "expected", "low", "high"]].rename(
            columns={k: f"{v}_if" for k, v in _NEXT.items()}), on="employee_id")
    outlook = [target_outlook(one, ratio=ratio, shift=s, **kw) for s in (None, moved)]
    keep = ["employee_id", "period", "grain", "left_n", "target", "expected", "low", "high",
            "p_ratio", "p_target", "needed"]
    moved_cols = ["expected", "low", "high", "p_ratio", "p_target"]
    out = out.merge(outlook[0][keep].rename(columns=_OUTLOOK), on="employee_id",
                    how="left").merge(
        outlook[1][["employee_id", *moved_cols]].rename(
            columns={c: f"{c}_if" for c in moved_cols}), on="employee_id", how="left")
    direction = str(out["direction"].iloc[0])
    out = out.merge(levels(one, direction), on="employee_id", how="left")
    out["shift"], out["ratio"] = float(shift), ratio
    out["level"] = out["recent"] + out["shift"]
    better = out["level"] < out["best"] if direction == "lower" else out["level"] > out["best"]
    out["beyond"] = better.to_numpy(dtype=bool) & np.isfinite(out["best"].to_numpy(dtype=float))
    return out[WHAT_IF_COLUMNS].sort_values("employee_id", ignore_index=True)


def company(seed: int, people: int = 12, weeks: int = 20) -> pd.DataFrame:
    """Two metrics of ``people`` people, some weeks missing, one person stopped early."""
    rng = np.random.default_rng(seed)
    periods = pd.date_range("2025-01-06", periods=weeks, freq="W-MON")
    rows = []
    for person in range(people):
        for metric, direction, base, target in (("工单量", "higher", 200.0, 210.0),
                                                ("AHT", "lower", 7.0, 6.5)):
            kept = rng.random(weeks) > 0.15
            if person == 0:
                kept[-3:] = False
            rows.append(pd.DataFrame({
                "employee_id": f"E{person:02d}", "name": None, "team": f"T{person % 3}",
                "period": periods[kept], "metric": metric,
                "value": base + rng.normal(0, base / 10, kept.sum()), "target": target,
                "direction": direction, "category": "quality"}))
    return pd.concat(rows, ignore_index=True)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize(("metric", "shift", "as_of"), [
    ("工单量", 10.0, None), ("AHT", -0.5, None), ("AHT", 0.0, pd.Timestamp("2025-03-31")),
])
def test_what_if_is_unchanged(seed, metric, shift, as_of):
    values = company(seed)
    pd.testing.assert_frame_equal(what_if(values, metric, shift, as_of=as_of),
                                  old_what_if(values, metric, shift, as_of=as_of),
                                  check_exact=True)
