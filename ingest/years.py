"""Periods written without a year (``1月``, ``Jan``, ``W05``, ``Q1``): which headers or cells
lack one, the year to propose, and the cells with the year written in.

A periods-across sheet's headers take a year from a neighbouring header, the title or the sheet
name (``ingest.shapes.periods``); a long sheet's period cells (``月份 = 1月``) have no
neighbours. When neither tells, the year is asked (the page proposes ``guess_year``, the CLI
names ``--year``).

>>> guess_year(["1月", "2月"], date(2026, 1, 15))
2025
>>> guess_year(["Nov", "Dec", "Jan"], date(2026, 1, 15))
2025
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from ingest.dates import read_period
from ingest.headers import part_word
from ingest.model import RawTable
from ingest.periods import Stamp, read_coarse, with_years
from ingest.plan import SheetPlan

_LOOK_BACK = 10  # years before today a guess may go back to


def _period_column(sp: SheetPlan) -> str | None:
    return next((c for c, f in sp.mapping.items() if f == "period"), None)


def needs_year(sp: SheetPlan, table: RawTable) -> list[str]:
    """The period headers (periods across) or distinct period cells (long layout, a plain
    number under a quarter/month/week header as ``Q2``/``2月``/``W02``) of a metrics sheet that
    no year can be found for in the file; empty when none lacks one."""
    if sp.kind not in ("metrics", "targets"):
        return []
    if sp.layout == "periods_across":
        headers = [c for c, f in sp.mapping.items() if f == "period"]
        stamps = [s for s in map(read_period, headers) if s is not None]
        return [] if with_years(stamps, None) is not None else [
            h for h, s in zip(headers, map(read_period, headers), strict=True)
            if s is not None and s.year is None]
    column = _period_column(sp)
    if sp.layout != "long" or column is None or column not in table.frame.columns:
        return []
    cells = pd.Series(table.frame[column].dropna().unique()).astype("str").str.strip()
    part = part_word(column)
    # a plain number under 季度 is shown (and guessed) as what it means: Q2
    named = [_BARE[part].format(c.removesuffix(".0")) if part and c.removesuffix(".0").isdigit()
             else c for c in cells]
    return list(dict.fromkeys(n for n in named if (s := read_coarse(n)) is not None
                              and s.year is None))


_BARE = {"quarter": "Q{}", "month": "{}月", "week": "W{}"}  # a number under 季度, Month, Week


def _bare(text: str, part: str | None) -> Stamp | None:
    """The period a cell names; a plain number under a quarter/month/week header is one."""
    plain = text.removesuffix(".0")
    if part is not None and plain.isdigit():
        return read_coarse(_BARE[part].format(plain))
    return read_coarse(text)


def _filled(texts: list[str], year: int, roll: bool) -> list[Stamp]:
    stamps = [s for s in map(read_period, texts) if s is not None]
    if roll:  # headers in order: ``Nov, Dec, Jan`` runs into the next year
        return with_years(stamps, year) or []
    return [s if s.year is not None else replace(s, year=year) for s in stamps]


def guess_year(texts: list[str], today: date, *, roll: bool = True) -> int:
    """The latest year in which every one of these periods has begun by ``today``.

    ``roll``: the texts are headers in order (a later month before an earlier one is next
    year's); cells of a long sheet are not (``roll=False``).
    """
    for year in range(today.year, today.year - _LOOK_BACK, -1):
        starts = [s.start() for s in _filled(texts, year, roll)]
        if all(d is not None and d <= today for d in starts):
            return year
    return today.year - 1


def with_year(cells: pd.Series, year: int, part: str | None = None) -> pd.Series:
    """Period cells with ``year`` written in where they have none (``1月`` -> ``2024-01-01``,
    ``W05`` -> the Monday of 2024's week 5; under a quarter header ``2`` -> ``2024-04-01``);
    other cells as they are."""

    def one(text: object) -> object:
        stamp = _bare(str(text).strip(), part) if text is not None else None
        if stamp is None or stamp.year is not None:
            return text
        start = replace(stamp, year=year).start()
        return text if start is None else start.isoformat()

    distinct = {v: one(v) for v in cells.dropna().unique()}
    return pd.Series([None if v is None else distinct.get(v, v) for v in cells],
                     index=cells.index, dtype="object")
