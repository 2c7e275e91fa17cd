"""The flag "likely to miss target": the forecast's chance of reaching the under-target ratio
(80% by default) of this month's (quarter's) target is under ``forecast_miss_p`` (30%).

Its evidence names the chance, the expected value with its interval, the model and its backtest
error, and the run-rate still needed against the recent average. ``analytics.flags`` adds it to
the other reasons; the values it gets are already without low-volume and partial periods.
Severity is 0.5 at the setting and 1.0 at a chance of 0. The flag's value is the recent mean
(of the last 4 values), its reference the latest per-period target.
"""

from __future__ import annotations

import pandas as pd

from analytics import severity
from analytics.flag_evidence import both
from analytics.forecast_target import target_outlook
from analytics.thresholds import Thresholds
from i18n import t

REASON = "likely_to_miss_target"


def _fmt(value: float) -> str:
    return "n/a" if pd.isna(value) else f"{value:,.1f}"


def _needs(row, words: dict) -> tuple[str, str]:
    kind = ("lower" if row.direction == "lower" else "sum" if row.additive else "mean")
    return both(f"{REASON}.{kind}", needed=_fmt(row.needed), left=int(row.left_n),
                recent=_fmt(row.recent), n=int(row.recent_n), **words)


def _evidence(row, interval: float, words: dict) -> tuple[str, str]:
    needs, needs_zh = _needs(row, words)
    span, span_zh = (t(f"evidence.span.{row.grain}", lang) for lang in ("en", "zh"))
    model, model_zh = (t(f"evidence.model.{row.model}", lang) for lang in ("en", "zh"))
    return both(REASON, metric=row.metric, p=f"{row.p_ratio:.0%}", ratio=f"{row.ratio:.0%}",
                target=_fmt(row.target), expected=_fmt(row.expected), level=f"{interval:.0%}",
                low=_fmt(row.low), high=_fmt(row.high), mae=_fmt(row.mae), mae_n=int(row.mae_n),
                span=span, span_zh=span_zh, model=model, model_zh=model_zh, needs=needs,
                needs_zh=needs_zh)


def miss_flags(values: pd.DataFrame, as_of: pd.Timestamp, limits: Thresholds,
               words: dict[str, str]) -> pd.DataFrame:
    """One ``likely_to_miss_target`` row per (employee, metric) under the setting.

    Args:
        values: the usable long metric frame; as_of: last date used.
        limits: under_target_ratio, forecast_min_periods, forecast_interval, forecast_miss_p.
        words: the grain's unit words (unit, units, unit_zh, units_zh), one string each.
    """
    outlook = target_outlook(values, as_of=as_of, min_periods=limits.forecast_min_periods,
                             interval=limits.forecast_interval, ratio=limits.under_target_ratio)
    hit = outlook.loc[outlook["p_ratio"] < limits.forecast_miss_p]
    texts = [_evidence(row, limits.forecast_interval, words) for row in hit.itertuples()]
    return pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": REASON,
        "metric": hit["metric"].astype(object), "category": hit["category"],
        # Like the other reasons, value and reference are per period (the recent mean and
        # the latest target): the prep's goals and baselines are set on them.
        "value": hit["recent"], "reference": hit["target_per"], "since": hit["period"],
        "severity": severity.forecast_miss(hit["p_ratio"], limits.forecast_miss_p),
        "evidence": [t[0] for t in texts], "evidence_zh": [t[1] for t in texts]})
