"""How urgent a flag is: one scale for every reason (docs/domain.md, "How urgent: severity and
recency").

A rule's threshold just crossed scores ``CROSSED`` (0.5) and an extreme scores 1.0; everything is
clipped to [0, 1]. Priority = severity x recency. These numbers are not settings: they only
order the list, and each says below where its extreme lies. The thresholds they start from
(``analytics.thresholds.Thresholds``, ``analytics.cadence.CadenceRules``) are settings.
"""

from __future__ import annotations

import numpy as np

# A rule's threshold just crossed; also the score of a flag whose size is unknown (NaN).
CROSSED = 0.5
# Each period a below-target streak runs past its length adds this: ten more periods add 0.5.
STREAK_STEP = 0.05
# Size in standard deviations (z under the team, a drop in the person's own sd) maps to
# (1 + size) / SD_SPAN: one sd scores 0.5, three sd score 1.0.
SD_SPAN = 4.0
# Volatility at this many times the volatile ratio scores 1.0 (at the ratio itself, 0.5).
VOLATILE_EXTREME = 2.0
# A new hire without a first session is urgent from the day it is late (0.7: the
# first week sets the tone) and reaches 1.0 a month later.
NEW_HIRE_LATE = 0.7
NEW_HIRE_RISE = 0.3
NEW_HIRE_RAMP_DAYS = 30
# A missing formal review scores 0.3 on the quarter's first day and 0.8 on its last: the later
# in the quarter, the less time is left to hold it.
FORMAL_START = 0.3
FORMAL_RISE = 0.5
QUARTER_DAYS = 91


def clip(values) -> np.ndarray:
    """Scores clipped to [0, 1]; an unknown (NaN) size scores ``CROSSED``."""
    return np.clip(np.nan_to_num(np.asarray(values, dtype=float), nan=CROSSED), 0.0, 1.0)


def streak(attainment, ratio: float, extra_periods) -> np.ndarray:
    """Under target: 0.5 at the ratio, 1.0 at half of it, plus ``STREAK_STEP`` per extra period.

    >>> streak([0.8, 0.4], 0.8, [0, 0]).tolist()
    [0.5, 1.0]
    """
    attainment, extra = np.asarray(attainment, float), np.asarray(extra_periods, float)
    return clip(CROSSED + (ratio - attainment) / ratio + STREAK_STEP * extra)


def in_sds(size) -> np.ndarray:
    """A size in standard deviations: one sd scores 0.5, three score 1.0.

    >>> in_sds([1.0, 3.0]).tolist()
    [0.5, 1.0]
    """
    return clip((1 + np.asarray(size, float)) / SD_SPAN)


def imbalance(efficiency_pct, quality_pct) -> np.ndarray:
    """The distance between two percentile ranks: top vs bottom quartile scores 0.5."""
    return clip((np.asarray(efficiency_pct, float) - np.asarray(quality_pct, float)) / 100)


def volatile(ratio, setting: float) -> np.ndarray:
    """Variation over the team's median: 0.5 at the setting, 1.0 at ``VOLATILE_EXTREME`` times it."""
    return clip(np.asarray(ratio, float) / (VOLATILE_EXTREME * setting))


def new_hire(days_late) -> np.ndarray:
    """A first session ``days_late`` days overdue: 0.7 at once, 1.0 a month later."""
    late = np.asarray(days_late, float)
    return clip(NEW_HIRE_LATE + NEW_HIRE_RISE * np.minimum(late / NEW_HIRE_RAMP_DAYS, 1.0))


def formal(elapsed_days) -> np.ndarray:
    """No formal review yet, ``elapsed_days`` into the quarter (unclipped; 0.3 to 0.8)."""
    return FORMAL_START + FORMAL_RISE * np.asarray(elapsed_days, float) / QUARTER_DAYS


def contact(idle_days, limit: int) -> np.ndarray:
    """No contact for ``idle_days``: 0.5 at the limit, 1.0 at twice it or with no session ever."""
    idle = np.asarray(idle_days, float)
    return np.where(np.isnan(idle), 1.0, CROSSED + CROSSED * (idle - limit) / limit).clip(CROSSED, 1.0)


def forecast_miss(chance, setting: float) -> np.ndarray:
    """The chance of reaching the target: 0.5 at the setting, 1.0 at a chance of 0."""
    return np.clip(1 - CROSSED * np.asarray(chance, float) / setting, CROSSED, 1.0)


def recency(lag, window: int) -> np.ndarray:
    """1 when the data reaches as-of, falling linearly to 0 ``window`` periods earlier."""
    return np.clip(1 - np.asarray(lag, float) / window, 0, 1)
