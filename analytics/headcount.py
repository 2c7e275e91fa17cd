"""One headcount, one coverage: the rule behind every page's "people", "flagged", "coached".

Issue 17, item 11: the overview counted 28 employees beside "9 flagged = 38%" (of 24), the board
said coverage 100% (24 of 24), the HR page 89% (24 of 27). Every page, the CLI and the exports
now count with :func:`headcount`, over a window ``start`` .. ``end`` (both days included):

- people: everyone in the viewer's scope with at least one metric value in the window;
- flagged: of those people, the ones with at least one flag as of ``end``;
- coached: of those people, the ones with a coaching session in the window (coverage =
  coached / people);
- sessions: the coaching sessions of those people in the window.

The roster's size (managers without metrics, leavers, people not yet measured) is a different
number; a page that shows it says "in the roster".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class Headcount:
    """The headline counts of one window; ``flagged`` is -1 when flags were not counted."""

    start: pd.Timestamp
    end: pd.Timestamp
    people: int
    flagged: int
    coached: int
    sessions: int

    @property
    def coverage(self) -> float:
        """coached / people (NaN when nobody is measured)."""
        return self.coached / self.people if self.people else math.nan

    @property
    def flagged_share(self) -> float:
        """flagged / people (NaN when nobody is measured or flags were not counted)."""
        return self.flagged / self.people if self.people and self.flagged >= 0 else math.nan


def window(end, days: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The ``days`` days that end on ``end`` (both included), as (start, end).

    Example:
        >>> [f"{d:%Y-%m-%d}" for d in window("2025-12-29", 91)]
        ['2025-09-30', '2025-12-29']
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(f"days must be a positive integer, got {days!r}")
    end = pd.Timestamp(end).normalize()
    return end - (days - 1) * DAY, end


def _inside(dates: pd.Series, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    """Dates on the days ``start`` .. ``end`` (a time on the last day counts)."""
    stamps = dates if pd.api.types.is_datetime64_any_dtype(dates) else pd.to_datetime(dates)
    return (stamps >= start) & (stamps < end + DAY)


def measured(values: pd.DataFrame, *, start, end) -> set[str]:
    """Ids of the people with a metric value (``employee_id``, ``period``) in the window."""
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if values.empty:
        return set()
    ids = values.loc[_inside(values["period"], start, end), "employee_id"].unique()
    return {str(x) for x in ids}  # distinct first: a million rows are a few thousand people


def headcount(values: pd.DataFrame, sessions: pd.DataFrame, *, start, end,
              flagged: Iterable[str] | None = None) -> Headcount:
    """The counts of the module docstring for the window ``start`` .. ``end``.

    Args:
        values: metric rows with ``employee_id`` and ``period`` (any number per person).
        sessions: coaching sessions with ``employee_id`` and ``session_date``.
        start, end: the window, both days included.
        flagged: ids of the people with a flag as of ``end`` (None: not counted, -1).

    Example:
        >>> v = pd.DataFrame({"employee_id": ["a", "b", "c"],
        ...     "period": pd.to_datetime(["2025-03-03", "2025-03-03", "2024-01-01"])})
        >>> s = pd.DataFrame({"employee_id": ["a", "a", "c"],
        ...     "session_date": pd.to_datetime(["2025-03-01", "2025-03-02", "2025-03-02"])})
        >>> h = headcount(v, s, start="2025-01-01", end="2025-03-31", flagged=["b", "c"])
        >>> (h.people, h.flagged, h.coached, h.sessions, f"{h.coverage:.2f}")
        (2, 1, 1, 2, '0.50')
    """
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if start > end:
        raise ValueError(f"start {start:%Y-%m-%d} is after end {end:%Y-%m-%d}")
    people = measured(values, start=start, end=end)
    held = sessions.loc[_inside(sessions["session_date"], start, end)] if len(sessions) else \
        sessions
    ids = held["employee_id"].astype(str) if len(held) else pd.Series([], dtype=str)
    mine = ids.isin(people)
    shown = -1 if flagged is None else len(people & {str(x) for x in flagged})
    return Headcount(start=start, end=end, people=len(people), flagged=shown,
                     coached=int(ids[mine].nunique()), sessions=int(mine.sum()))
