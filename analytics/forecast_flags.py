"""The flag "likely to miss target": the forecast's chance of reaching the under-target ratio
(80% by default) of this month's (quarter's) target is under ``forecast_miss_p`` (30%).

Its evidence (facts, ``analytics.flag_facts``) names the chance, the expected value with its interval, the model and its backtest
error, and the run-rate still needed against the recent average. ``analytics.flags`` adds it to
the other reasons; the values it gets are already without low-volume and partial periods.
Severity is 0.5 at the setting and 1.0 at a chance of 0. The flag's value is the recent mean
(of the last 4 values), its reference the latest per-period target.
"""

from __future__ import annotations

import pandas as pd

from analytics import severity
from analytics.facts import Fact
from analytics.forecast_target import target_outlook
from analytics.thresholds import Thresholds

REASON = "likely_to_miss_target"


def _evidence(row, interval: float, step: str) -> tuple[Fact]:
    """The chance, the forecast and its backtest (``span``: the target's grain, ``model``: the
    forecast's code), then the run-rate still needed (``needs``, by the metric's kind)."""
    kind = "lower" if row.direction == "lower" else "sum" if row.additive else "mean"
    needs = Fact.of(f"{REASON}.{kind}", needed=row.needed, left=int(row.left_n),
                    recent=row.recent, n=int(row.recent_n), step=step)
    return (Fact.of(REASON, metric=row.metric, p=row.p_ratio, ratio=row.ratio,
                    target=row.target, expected=row.expected, level=interval, low=row.low,
                    high=row.high, mae=row.mae, mae_n=int(row.mae_n), span=row.grain,
                    model=row.model, needs=needs, step=step),)


def miss_flags(values: pd.DataFrame, as_of: pd.Timestamp, limits: Thresholds,
               step: str) -> pd.DataFrame:
    """One ``likely_to_miss_target`` row per (employee, metric) under the setting.

    Args:
        values: the usable long metric frame; as_of: last date used.
        limits: under_target_ratio, forecast_min_periods, forecast_interval, forecast_miss_p.
        step: the data's grain (its periods are what the run-rate is counted in).
    """
    outlook = target_outlook(values, as_of=as_of, min_periods=limits.forecast_min_periods,
                             interval=limits.forecast_interval, ratio=limits.under_target_ratio)
    hit = outlook.loc[outlook["p_ratio"] < limits.forecast_miss_p]
    facts = [_evidence(row, limits.forecast_interval, step) for row in hit.itertuples()]
    return pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": REASON,
        "metric": hit["metric"].astype(object), "category": hit["category"],
        # Like the other reasons, value and reference are per period (the recent mean and
        # the latest target): the prep's goals and baselines are set on them.
        "value": hit["recent"], "reference": hit["target_per"], "since": hit["period"],
        "severity": severity.forecast_miss(hit["p_ratio"], limits.forecast_miss_p),
        "evidence": facts})
