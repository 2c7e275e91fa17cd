"""The as-of date: the one day every page and command judges by (docs/domain.md, "The as-of
date").

By default it is the data's last day: the latest metric period, else the latest coaching
session. An export from last month is then judged as of its own last week, so nobody looks
overdue only because the file is old, and the same file gives the same answers tomorrow. The
user may pick today instead (the follow-up page's choice, ``--as-of today`` on the command line)
or any period of the data (the period selector of the overview, the board and the prep).

This module is the only one that reads the clock for an as-of date. Other clock readings are not
as-of dates: writes stamp their rows with the time they happen, a session cannot be logged in
the future, and the digest is sent on the days its subscriber chose.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from store.frames import last_data_day

DATA = "data"  # the data's last day (the default)
TODAY = "today"  # the calendar's today, when the user picks it
CHOICES = (DATA, TODAY)


def today() -> pd.Timestamp:
    """Today at midnight: a day, like every other as-of date, never a time of day."""
    return pd.Timestamp.today().normalize()


def data_day(con: duckdb.DuckDBPyConnection) -> pd.Timestamp | None:
    """The latest metric period, else the latest session date (None on an empty database)."""
    day = last_data_day(con)
    return None if day is None else pd.Timestamp(day)


def as_of_date(con: duckdb.DuckDBPyConnection, choice: str = DATA) -> pd.Timestamp:
    """The as-of date of ``choice``: the data's last day (today when there is no data yet), or
    today.

    Example:
        >>> as_of_date(con)  # doctest: +SKIP
        Timestamp('2025-12-29 00:00:00')
    """
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}, got {choice!r}")
    day = data_day(con) if choice == DATA else None
    return day if day is not None else today()


def parse(text: str | None) -> pd.Timestamp | None:
    """A typed as-of (``--as-of``): None or "data" for the default, "today", or a date.

    Raises ValueError when ``text`` is none of these; the caller says it in its own words.

    >>> parse("2025-03-05"), parse("data"), parse(None)
    (Timestamp('2025-03-05 00:00:00'), None, None)
    """
    if text is None or not text.strip() or text.strip().lower() == DATA:
        return None
    if text.strip().lower() == TODAY:
        return today()
    try:
        stamp = pd.Timestamp(text)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date") from exc
    if pd.isna(stamp):
        raise ValueError(f"{text!r} is not a date")
    return stamp
