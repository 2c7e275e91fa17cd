"""The headline counts of a page (analytics.headcount) read from the database, for one window."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from analytics import headcount as rule
from analytics.board_thresholds import BOARD_THRESHOLDS_KEY, BoardThresholds
from store import headcount as sql
from store import settings


def coverage_days(con: duckdb.DuckDBPyConnection) -> int:
    """The window of the as-of pages (overview, board, CLI), a setting of the board."""
    return BoardThresholds.from_dict(settings.load(con, BOARD_THRESHOLDS_KEY)).coverage_days


def headline(con: duckdb.DuckDBPyConnection, *, as_of=None, start=None,
             flagged: Iterable[str] | None = None) -> rule.Headcount | None:
    """The counts for ``start`` .. ``as_of``; None when there is no metric value up to ``as_of``.

    ``as_of`` defaults to the latest period in the data (never the wall clock); ``start`` to
    ``coverage_days`` before it (the overview's and the board's window).
    """
    if as_of is None:
        as_of = sql.latest_period(con)
        if as_of is None:
            return None
    elif sql.latest_period(con, as_of=as_of) is None:
        return None
    begin, end = rule.window(as_of, coverage_days(con))
    begin = begin if start is None else pd.Timestamp(start).normalize()
    values, sessions = sql.activity(con, start=begin, end=end)
    return rule.headcount(values, sessions, start=begin, end=end, flagged=flagged)
