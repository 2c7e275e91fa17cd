"""Every tunable number of the manager view, in one frozen dataclass.

docs/domain.md: every default must be editable by the user; keeping them in one place means the
settings page stores ``Thresholds().to_dict()`` and the analyses receive
``Thresholds.from_dict(saved)`` without any number hidden in the analysis code.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.numbers import NumberSettings, setting

# A share or significance level outside (0, 1) makes its rule meaningless.
_OPEN_01 = {"low": 0, "high": 1, "low_open": True, "high_open": True}


@dataclass(frozen=True)
class Thresholds(NumberSettings):
    """Defaults of the trend, comparison, gap and flag rules.

    Attributes:
        under_target_ratio: a value under this share of its target counts as "under"
            (docs/domain.md, flags).
        under_target_periods: consecutive "under" periods that raise ``below_target_streak``.
        below_team_z: direction-aware z within the team at or under which ``below_team`` fires.
        below_team_quantile: ... and the percentile rank must be in this bottom share.
        efficiency_top_quantile: top share on an efficiency metric for the imbalance flag.
        quality_bottom_quantile: bottom share on a quality metric for the imbalance flag.
        volatility_cv_ratio: period-to-period variation over the team's median that is volatile.
        trend_alpha: significance level of the OLS slope t-test.
        new_hire_days: tenure under which someone is a new hire.
        recent_window_short: short trend window in months (13 weekly / 3 monthly periods).
        recent_window_long: long trend window in months (26 weekly / 6 monthly periods).
        changepoint_alpha: significance level of the CUSUM change-point test.
        min_events: a value from fewer events (calls, deals ... of an event-log import) is
            low-volume: marked in tables, left out of trends and flags.
        trend_fdr_q: false-discovery rate held across a team's trend and turning-point tests
            (Benjamini-Hochberg); 1 turns the control off.
        forecast_min_periods: no forecast from fewer values (analytics.forecast).
        forecast_interval: the prediction interval's coverage (0.8 = 80% interval).
        forecast_miss_p: ``likely_to_miss_target`` fires when the chance of reaching
            ``under_target_ratio`` of this month's (quarter's) target is under this.

    Example:
        >>> Thresholds().under_target_ratio
        0.8
        >>> Thresholds.from_dict({"trend_alpha": 0.1, "unknown": 1}).trend_alpha
        0.1
    """

    under_target_ratio: float = setting(0.8, "share", low=0, low_open=True)
    under_target_periods: int = setting(2, "periods", low=1)
    below_team_z: float = setting(-1.0, "z")
    below_team_quantile: float = setting(0.25, "share", **_OPEN_01)
    efficiency_top_quantile: float = setting(0.75, "share", **_OPEN_01)
    quality_bottom_quantile: float = setting(0.25, "share", **_OPEN_01)
    volatility_cv_ratio: float = setting(2.0, "ratio", low=0, low_open=True)
    trend_alpha: float = setting(0.05, "p", **_OPEN_01)
    new_hire_days: int = setting(90, "days", low=1)
    recent_window_short: int = setting(3, "months", low=1)
    recent_window_long: int = setting(6, "months", low=1)
    changepoint_alpha: float = setting(0.05, "p", **_OPEN_01)
    trend_fdr_q: float = setting(0.1, "share", low=0, high=1, low_open=True)
    min_events: int = setting(5, "events", low=1)
    # A backtest needs 3 one-step forecasts after the first 3 values (analytics.forecast).
    forecast_min_periods: int = setting(6, "periods", low=6)
    forecast_interval: float = setting(0.8, "share", **_OPEN_01)
    forecast_miss_p: float = setting(0.3, "share", **_OPEN_01)

    def __post_init__(self) -> None:
        self.check_numbers()
        if self.recent_window_long < self.recent_window_short:
            raise ValueError("recent_window_long must not be shorter than recent_window_short")

