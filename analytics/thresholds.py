"""Every tunable number of the manager view, in one frozen dataclass.

DOMAIN.md says every default must be editable by the user; keeping them in one place means the
settings page stores ``Thresholds().to_dict()`` and the analyses receive
``Thresholds.from_dict(saved)`` without any number hidden in the analysis code.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Thresholds:
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
        first_session_days: a new hire's first coaching must happen within these days (seed 003).
        contact_days: informal contact at least this often (seed 003: monthly).
        recent_window_short: short trend window in months (13 weekly / 3 monthly periods).
        recent_window_long: long trend window in months (26 weekly / 6 monthly periods).
        changepoint_alpha: significance level of the CUSUM change-point test.

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
    first_session_days: int = 7
    contact_days: int = 30
    recent_window_short: int = 3
    recent_window_long: int = 6
    changepoint_alpha: float = 0.05

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            _check_type(field.name, getattr(self, field.name), field.type)
        # Shares and significance levels outside (0, 1) make the rules meaningless.
        for name in ("below_team_quantile", "efficiency_top_quantile",
                     "quality_bottom_quantile", "trend_alpha", "changepoint_alpha"):
            if not 0 < getattr(self, name) < 1:
                raise ValueError(f"{name} must be between 0 and 1, got {getattr(self, name)}")
        for name in ("under_target_periods", "new_hire_days", "first_session_days",
                     "contact_days", "recent_window_short", "recent_window_long"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.under_target_ratio <= 0 or self.volatility_cv_ratio <= 0:
            raise ValueError("under_target_ratio and volatility_cv_ratio must be positive")
        if self.recent_window_long < self.recent_window_short:
            raise ValueError("recent_window_long must not be shorter than recent_window_short")

    def to_dict(self) -> dict[str, Any]:
        """Return the thresholds as a plain dict (JSON-serialisable)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Thresholds:
        """Build thresholds from a dict; unknown keys are ignored, missing keys keep defaults.

        Raises:
            ValueError: when a value has the wrong type or is out of range.
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"thresholds must be a mapping, got {type(data).__name__}")
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def _check_type(name: str, value: Any, annotation: Any) -> None:
    # bool is an int subclass; True as a window length is always a mistake.
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got a bool")
    allowed = (int,) if annotation in (int, "int") else (int, float)
    if not isinstance(value, allowed):
        kind = "an integer" if allowed == (int,) else "a number"
        raise ValueError(f"{name} must be {kind}, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
