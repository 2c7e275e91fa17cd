"""Every tunable number of the leadership board, in one frozen dataclass.

Stored with ``store.settings`` under ``BOARD_THRESHOLDS_KEY``; the board receives
``BoardThresholds.from_dict(saved)``, so no number is hidden in the board code (docs/domain.md:
every default must be editable).
"""

from __future__ import annotations

from dataclasses import dataclass

from analytics.numbers import NumberSettings, setting

BOARD_THRESHOLDS_KEY = "board_thresholds"


@dataclass(frozen=True)
class BoardThresholds(NumberSettings):
    """Defaults of the red / amber / green board.

    Attributes:
        green_at: attainment (actual / target, direction-aware) at or above which a cell is green.
        red_below: attainment under which a cell is red (80% of target).
        okr_red_below: key-result progress under which it is red (30%).
        okr_green_above: progress over which it is green (70%).
        alert_periods: consecutive red periods that raise an alert (two weeks).
        rolling_periods: periods pooled by the "rolling" board (default 4).
        trend_tolerance: attainment change (0.005 = half a percentage point) under which the
            trend arrow stays flat.
        coverage_days: coaching coverage counts a session within these days before as-of
            (a quarter; docs/domain.md, "The board").

    Example:
        >>> BoardThresholds().red_below
        0.8
        >>> BoardThresholds.from_dict({"green_at": 1.05, "unknown": 1}).green_at
        1.05
    """

    green_at: float = setting(1.0, "share")
    red_below: float = setting(0.8, "share")  # over 0 and at most green_at: checked below
    okr_red_below: float = setting(0.30, "share", low=0, high=1)
    okr_green_above: float = setting(0.70, "share", low=0, high=1)
    alert_periods: int = setting(2, "periods", low=1)
    rolling_periods: int = setting(4, "periods", low=1)
    trend_tolerance: float = setting(0.005, "share", low=0)
    coverage_days: int = setting(91, "days", low=1)

    def __post_init__(self) -> None:
        self.check_numbers()
        if not 0 < self.red_below <= self.green_at:
            raise ValueError(
                f"need 0 < red_below <= green_at, got {self.red_below} and {self.green_at}")
        if not self.okr_red_below <= self.okr_green_above:
            raise ValueError("need 0 <= okr_red_below <= okr_green_above <= 1, got "
                             f"{self.okr_red_below} and {self.okr_green_above}")
