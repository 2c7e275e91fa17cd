"""analytics.headcount: one rule for people, flagged, coached and sessions."""

import doctest
import math

import pandas as pd
import pytest

import analytics.headcount
from analytics.headcount import headcount, measured, window

# a: measured and coached; b: measured, coached only before the window; c: left before the
# window (values and a session long ago); d: a manager with sessions but no metric values.
VALUES = pd.DataFrame({
    "employee_id": ["a", "a", "b", "c"],
    "period": pd.to_datetime(["2025-03-03", "2025-03-10", "2025-03-24", "2024-06-03"]),
})
SESSIONS = pd.DataFrame({
    "employee_id": ["a", "a", "b", "c", "d"],
    "session_date": pd.to_datetime(["2025-03-05", "2025-03-28 15:30", "2024-12-01",
                                    "2025-03-20", "2025-03-21"], format="mixed"),
})


def by_hand(start: str, end: str, flagged: set[str]) -> tuple[int, int, int, int]:
    """The rule, one person at a time in plain Python."""
    low, high = pd.Timestamp(start), pd.Timestamp(end)
    people = {e for e, p in zip(VALUES["employee_id"], VALUES["period"], strict=True)
              if low <= p <= high}
    held = [e for e, d in zip(SESSIONS["employee_id"], SESSIONS["session_date"], strict=True)
            if low <= d.normalize() <= high and e in people]
    return len(people), len(people & flagged), len(set(held)), len(held)


def test_doctests():
    assert doctest.testmod(analytics.headcount).failed == 0


@pytest.mark.parametrize(("start", "end", "flagged"), [
    ("2025-01-01", "2025-03-31", {"a", "c", "d"}),
    ("2025-03-06", "2025-03-28", {"b"}),  # the last session (15:30 on the 28th) counts
    ("2024-01-01", "2025-03-31", {"a", "b", "c"}),
    ("2025-04-01", "2025-06-30", {"a"}),  # nobody measured: coverage is NaN, not 0
])
def test_counts_agree_with_the_rule_by_hand(start, end, flagged):
    got = headcount(VALUES, SESSIONS, start=start, end=end, flagged=flagged)
    assert (got.people, got.flagged, got.coached, got.sessions) == by_hand(start, end, flagged)
    if got.people:
        assert got.coverage == got.coached / got.people
    else:
        assert math.isnan(got.coverage)


def test_flags_not_counted_are_minus_one():
    got = headcount(VALUES, SESSIONS, start="2025-01-01", end="2025-03-31")
    assert got.flagged == -1
    assert math.isnan(got.flagged_share)


def test_window_and_measured():
    assert window("2025-03-31", 1) == (pd.Timestamp("2025-03-31"), pd.Timestamp("2025-03-31"))
    assert measured(VALUES, start="2025-03-10", end="2025-03-24") == {"a", "b"}
    assert measured(VALUES.iloc[:0], start="2025-01-01", end="2025-12-31") == set()


@pytest.mark.parametrize(("call", "message"), [
    (lambda: window("2025-01-01", 0), "days must be a positive integer"),
    (lambda: window("2025-01-01", True), "days must be a positive integer"),
    (lambda: headcount(VALUES, SESSIONS, start="2025-02-01", end="2025-01-01"), "is after"),
])
def test_bad_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()
