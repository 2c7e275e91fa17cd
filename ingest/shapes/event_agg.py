"""Person x period figures from event rows, vectorised with numpy (a million rows, no loops).

Rows are grouped by an integer code per (person, period); counts, sums and means are
``np.bincount`` over those codes. Periods are the day, the Monday of the week or the first of
the month of each event's date.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

_DAY = "datetime64[D]"
_MONDAY_OFFSET = 4  # day 0 (1970-01-01) was a Thursday; day 4 was a Monday


def period_start(days: np.ndarray, grain: str) -> np.ndarray:
    """The first day of each date's period: itself, its week's Monday, its month's first."""
    days = days.astype(_DAY)
    if grain == "day":
        return days
    if grain == "week":
        ints = days.astype("int64")
        return (ints - (ints - _MONDAY_OFFSET) % 7).astype(_DAY)
    if grain == "month":
        return days.astype("datetime64[M]").astype(_DAY)
    raise ValueError(f"grain must be day, week or month, got {grain!r}")


def period_end(starts: np.ndarray, grain: str) -> np.ndarray:
    """The last day of each period starting at ``starts``."""
    starts = starts.astype(_DAY)
    if grain == "day":
        return starts
    if grain == "week":
        return starts + np.timedelta64(6, "D")
    return (starts.astype("datetime64[M]") + np.timedelta64(1, "M")).astype(_DAY) - \
        np.timedelta64(1, "D")


def partial_periods(starts: np.ndarray, grain: str, first: np.datetime64,
                    last: np.datetime64) -> np.ndarray:
    """Whether each period runs past the dates the file covers (``first`` .. ``last``).

    An export that ends on a Wednesday holds three days of its last week: that week's count
    is not comparable with the full weeks before it.
    """
    return (starts < first) | (period_end(starts, grain) > last)


@dataclass
class Groups:
    """Each kept row's group (person x period) and, per group, its person, period, first row."""

    code: np.ndarray  # int64 group of each row
    person: np.ndarray  # person code of each group
    start: np.ndarray  # datetime64[D] period start of each group
    first_row: np.ndarray  # index of each group's first row (rows are in file order)

    @property
    def size(self) -> int:
        return len(self.person)


def group_rows(person: np.ndarray, starts: np.ndarray) -> Groups:
    """Groups of rows with the same person code (>= 0) and period start, numbered in the order
    of their first row (hashing, not sorting: a million rows in a few hundredths of a second)."""
    day = starts.astype(_DAY).astype("int64")
    low = day.min(initial=0)
    span = int(day.max(initial=0) - low) + 1
    code, uniq = pd.factorize(person.astype("int64") * span + (day - low))
    # Codes count up in order of first appearance: a group's first row is where the code
    # exceeds every code before it.
    seen = np.maximum.accumulate(np.concatenate([[-1], code[:-1]]))
    first = np.flatnonzero(code > seen)
    return Groups(code=code, person=uniq // span, start=(uniq % span + low).astype(_DAY),
                  first_row=first)


def count(groups: Groups, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(value, events) per group: the rows passing ``mask``."""
    n = np.bincount(groups.code, weights=mask, minlength=groups.size)
    return n, n


def total(groups: Groups, values: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sum of the non-empty values, how many there were) per group; empty sums are 0."""
    ok = mask & ~np.isnan(values)
    # Weights of 0 for the rows left out: no copy of the codes per KPI.
    sums = np.bincount(groups.code, weights=np.where(ok, values, 0.0), minlength=groups.size)
    return sums, np.bincount(groups.code, weights=ok, minlength=groups.size)


def mean(groups: Groups, values: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mean of the non-empty values, how many) per group; NaN where there were none."""
    sums, n = total(groups, values, mask)
    out = np.full(groups.size, np.nan)
    np.divide(sums, n, out=out, where=n > 0)
    return out, n


def rate(groups: Groups, yes: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(percent of yes among the non-empty yes/no cells, how many) per group.

    ``yes`` is 1.0 (yes), 0.0 (no) or NaN (empty).
    """
    share, n = mean(groups, yes, mask)
    return share * 100.0, n
