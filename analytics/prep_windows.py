"""Which periods each number of the prep is about (one basis per number).

The comparison with the team is a mean over the latest ``COMPARE_PERIODS`` periods; the gap to
target is the latest period's. A sentence that puts two numbers side by side keeps each pair in
one window: never a 4-period mean against one period's target.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.compare import COMPARE_PERIODS
from analytics.thresholds import Thresholds
from i18n import t
from i18n.numbers import period_label


@dataclass(frozen=True)
class Windows:
    """The periods each number of the prep is about (one basis per number).

    ``value``, team mean/best, percentile and z are means over ``recent_periods`` periods
    (``recent_start`` .. ``recent_end``); ``latest``, target, attainment and gap are the latest
    period's, ``latest_period`` when every metric's latest period is the same (else None: each
    row has its own ``latest_period``); trends look at the last ``trend_months`` months.
    """

    grain: str  # "week" | "month"
    recent_periods: int
    recent_start: pd.Timestamp | None
    recent_end: pd.Timestamp | None
    latest_period: pd.Timestamp | None
    trend_months: int
    under_ratio: float  # the "periods under target" streak's alert line (docs/domain.md, flags)


def windows_of(metrics: pd.DataFrame, grain: str, limits: Thresholds) -> Windows:
    """The windows of one employee's metric table (analytics.prep_metrics.METRIC_COLUMNS)."""
    def one(column: str) -> pd.Timestamp | None:
        known = metrics[column].dropna().unique()
        return pd.Timestamp(known[0]) if len(known) == 1 else None

    return Windows(grain=grain, recent_periods=COMPARE_PERIODS, recent_start=one("window_start"),
                   recent_end=one("window_end"), latest_period=one("latest_period"),
                   trend_months=limits.recent_window_short,
                   under_ratio=limits.under_target_ratio)


def _num(value) -> str:
    return "–" if value is None or pd.isna(value) else format(float(value), ".1f")


def goal_question(w: Windows, m: dict, *, deadline: str, lang: str) -> str:
    """GROW's Goal question for the metric row ``m``: the recent mean against the team's, the
    latest period against its target.

    Example:
        >>> w = Windows("week", 4, None, None, None, 3, 0.8)
        >>> goal_question(w, {"metric": "CSAT", "value": 80, "team_mean": 85}, deadline="x",
        ...               lang="en")[:56]
        'Over the last 4 weeks your CSAT averaged 80.0 against th'
    """
    fields = {"n": w.recent_periods, "units": t(f"units.{w.grain}", lang),
              "metric": m["metric"], "value": _num(m.get("value")),
              "team": _num(m.get("team_mean")), "deadline": deadline}
    if pd.isna(m.get("target")) or pd.isna(m.get("latest")):
        return t("numbers.grow.G.notarget", lang, **fields)
    latest = t(f"window.in.{w.grain}", lang, day=period_label(m.get("latest_period"), w.grain,
                                                               lang))
    return t("numbers.grow.G", lang, latest=latest, latest_value=_num(m["latest"]),
             target=_num(m["target"]), **fields)


# Flags whose value is the recent mean of the comparison (analytics.flags), not one period's.
MEAN_BASED = ("declining_trend", "below_team", "efficiency_quality_imbalance",
              "likely_to_miss_target")


def baseline(w: Windows, reason: str, value, lang: str, *, period=None) -> str:
    """The tracking table's starting point, on the window the flag's value is about
    (``period``: the metric's latest period, for a flag on one period's value).

    Example:
        >>> w = Windows("week", 4, pd.Timestamp("2025-12-08"), pd.Timestamp("2025-12-29"),
        ...             pd.Timestamp("2025-12-29"), 3, 0.8)
        >>> baseline(w, "below_team", 75.06, "en")
        'Not started; baseline 75.1 (mean of the last 4 weeks to week of 29 Dec 2025)'
        >>> baseline(w, "below_target_streak", 60, "en", period=pd.Timestamp("2025-12-29"))
        'Not started; baseline 60.0 (week of 29 Dec 2025)'
    """
    if reason in MEAN_BASED:
        return t("numbers.progress.mean", lang, value=_num(value), n=w.recent_periods,
                 units=t(f"units.{w.grain}", lang),
                 end=period_label(w.recent_end, w.grain, lang))
    return t("numbers.progress.latest", lang, value=_num(value),
             period=period_label(period, w.grain, lang))
