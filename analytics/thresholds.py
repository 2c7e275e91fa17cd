"""Every tunable number of the manager view, in one frozen dataclass.

docs/domain.md: every default must be editable by the user; keeping them in one place means the
settings page stores ``Thresholds().to_dict()`` and the analyses receive
``Thresholds.from_dict(saved)`` without any number hidden in the analysis code.
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.numbers import NumberSettings


@dataclass(frozen=True)
class Thresholds(NumberSettings):
    """Defaults of the trend, comparison, gap and flag rules.

    Attributes:
        under_target_ratio: a value under this share of its target counts as "under" (seed 001).
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

    under_target_ratio: float = 0.8
    under_target_periods: int = 2
    below_team_z: float = -1.0
    below_team_quantile: float = 0.25
    efficiency_top_quantile: float = 0.75
    quality_bottom_quantile: float = 0.25
    volatility_cv_ratio: float = 2.0
    trend_alpha: float = 0.05
    new_hire_days: int = 90
    recent_window_short: int = 3
    recent_window_long: int = 6
    changepoint_alpha: float = 0.05
    trend_fdr_q: float = 0.1
    min_events: int = 5
    forecast_min_periods: int = 6
    forecast_interval: float = 0.8
    forecast_miss_p: float = 0.3

    def __post_init__(self) -> None:
        self.check_numbers()
        # Shares and significance levels outside (0, 1) make the rules meaningless.
        for name in ("below_team_quantile", "efficiency_top_quantile",
                     "quality_bottom_quantile", "trend_alpha", "changepoint_alpha",
                     "forecast_interval", "forecast_miss_p"):
            if not 0 < getattr(self, name) < 1:
                raise ValueError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        for name in ("under_target_periods", "new_hire_days", "recent_window_short",
                     "recent_window_long", "min_events"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.forecast_min_periods < 6:  # a backtest needs 3 forecasts after 3 values
            raise ValueError(f"forecast_min_periods must be at least 6, got {self.forecast_min_periods}")
        if not 0 < self.trend_fdr_q <= 1:
            raise ValueError(f"trend_fdr_q must be over 0 and at most 1, got {self.trend_fdr_q}")
        if self.under_target_ratio <= 0 or self.volatility_cv_ratio <= 0:
            raise ValueError("under_target_ratio and volatility_cv_ratio must be positive")
        if self.recent_window_long < self.recent_window_short:
            raise ValueError("recent_window_long must not be shorter than recent_window_short")

