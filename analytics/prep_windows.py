"""Which periods each number of the prep is about (one basis per number).

The comparison with the team is a mean over the latest ``COMPARE_PERIODS`` periods; the gap to
target is the latest period's. A sentence that puts two numbers side by side keeps each pair in
one window: never a 4-period mean against one period's target.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.compare import COMPARE_PERIODS
from analytics.facts import Fact, fact
from analytics.thresholds import Thresholds


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
        dates = metrics[column].to_numpy()
        known = pd.unique(dates[~pd.isna(dates)])
        return pd.Timestamp(known[0]) if len(known) == 1 else None

    return Windows(grain=grain, recent_periods=COMPARE_PERIODS, recent_start=one("window_start"),
                   recent_end=one("window_end"), latest_period=one("latest_period"),
                   trend_months=limits.recent_window_short,
                   under_ratio=limits.under_target_ratio)


def goal_question(w: Windows, m: dict, *, deadline: pd.Timestamp, teamless: bool = False
                  ) -> Fact:
    """GROW's Goal question for the metric row ``m``: the recent mean against the team's, the
    latest period (``latest``) against its target; ``teamless``: against everyone's mean.

    Example:
        >>> w = Windows("week", 4, None, None, None, 3, 0.8)
        >>> goal_question(w, {"metric": "CSAT", "value": 80, "team_mean": 85},
        ...               deadline=pd.Timestamp("2025-01-06")).code
        'numbers.grow.G.notarget'
    """
    fields = {"n": w.recent_periods, "step": w.grain, "metric": m["metric"],
              "value": m.get("value"), "team": m.get("team_mean"), "deadline": deadline}
    if pd.isna(m.get("target")) or pd.isna(m.get("latest")):
        return fact("numbers.grow.G.notarget.everyone" if teamless else "numbers.grow.G.notarget",
                    **fields)
    return fact("numbers.grow.G.everyone" if teamless else "numbers.grow.G",
                latest=m.get("latest_period"), latest_value=m["latest"],
                target=m["target"], **fields)


# Flags whose value is the recent mean of the comparison (analytics.flags), not one period's.
MEAN_BASED = ("declining_trend", "below_team", "efficiency_quality_imbalance",
              "likely_to_miss_target")


def baseline(w: Windows, reason: str, value, *, period=None) -> Fact:
    """The tracking table's starting point, on the window the flag's value is about
    (``period``: the metric's latest period, for a flag on one period's value).

    Example:
        >>> w = Windows("week", 4, pd.Timestamp("2025-12-08"), pd.Timestamp("2025-12-29"),
        ...             pd.Timestamp("2025-12-29"), 3, 0.8)
        >>> baseline(w, "below_team", 75.06).params["end"]
        Timestamp('2025-12-29 00:00:00')
    """
    if reason in MEAN_BASED:
        return fact("numbers.progress.mean", value=value, n=w.recent_periods, step=w.grain,
                    end=w.recent_end)
    return fact("numbers.progress.latest", value=value, period=period, step=w.grain)
