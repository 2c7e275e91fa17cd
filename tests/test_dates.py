"""i18n.dates: the one date formatter of pages, exports, commands and cache keys."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from pathlib import Path

import pandas as pd
import pytest

import i18n.dates as module
from i18n.dates import day, iso, short_day

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("value", [
    "2025-03-05", pd.Timestamp("2025-03-05 17:45"), dt.date(2025, 3, 5),
    dt.datetime(2025, 3, 5, 8, 0), pd.Timestamp("2025-03-05").to_datetime64()])
def test_every_kind_of_date_reads_the_same(value):
    when = pd.Timestamp(value)
    expected = f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    assert day(value) == iso(value) == expected
    assert short_day(value, "zh") == f"{when.month}月{when.day}日"


@pytest.mark.parametrize("missing", [None, pd.NaT, float("nan")])
def test_a_missing_date_is_a_dash_never_none(missing):
    assert (day(missing), iso(missing), short_day(missing, "en", missing="-")) == ("–", None, "-")


def test_doctests():
    assert doctest.testmod(module).failed == 0


def test_no_page_or_report_keeps_its_own_day_formatter():
    owners = [path.relative_to(ROOT).as_posix()
              for folder in ("analytics", "reports", "charts", "commands", "ui", "views", "i18n")
              for path in (ROOT / folder).rglob("*.py")
              if re.search(r"^def _?day\(", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert owners == ["i18n/dates.py"]
