"""Periods and dates in the forms Excel and exports write them."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook

import ingest
from ingest.dates import BAD, parse_date, read_period
from ingest.periods import Stamp, with_years, year_hint

EXCEL_DAY0 = date(1899, 12, 30)


@pytest.mark.parametrize(
    ("text", "grain", "year", "n"),
    [
        ("Jan-23", "month", 2023, 1), ("Jan 2023", "month", 2023, 1),
        ("January 2023", "month", 2023, 1), ("Sept 2024", "month", 2024, 9),
        ("2023-01", "month", 2023, 1), ("2023/1", "month", 2023, 1),
        ("2023年1月", "month", 2023, 1), ("2023年12月份", "month", 2023, 12),
        ("1/23", "month", 2023, 1), ("01/2023", "month", 2023, 1),
        ("1月", "month", None, 1), ("十二月", "month", None, 12), ("Mar", "month", None, 3),
        ("Q1 2024", "quarter", 2024, 1), ("2024Q1", "quarter", 2024, 1),
        ("2024 Q3", "quarter", 2024, 3), ("Q4'24", "quarter", 2024, 4),
        ("2024年第一季度", "quarter", 2024, 1), ("2024年二季度", "quarter", 2024, 2),
        ("Q2", "quarter", None, 2), ("第三季度", "quarter", None, 3),
        ("W05", "week", None, 5), ("Week 7", "week", None, 7), ("第5周", "week", None, 5),
        ("2024-W05", "week", 2024, 5), ("2024年第5周", "week", 2024, 5),
        ("2024", "year", 2024, 0), ("FY2024", "year", 2024, 0), ("2024年度", "year", 2024, 0),
        ("Ｑ１ ２０２４", "quarter", 2024, 1),  # full-width, as Chinese input methods type it
    ],
)
def test_period_headers(text, grain, year, n):
    assert read_period(text) == Stamp(grain, year, n)


@pytest.mark.parametrize("text", ["Total", "合计", "工号", "Q5", "13月", "2024-13", "W54", "12",
                                  "Score", "", None])
def test_not_periods(text):
    assert read_period(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan-23", date(2023, 1, 1)), ("January 2023", date(2023, 1, 1)),
        ("1/23", date(2023, 1, 1)), ("Q1 2024", date(2024, 1, 1)),
        ("2024年第一季度", date(2024, 1, 1)), ("2024-W05", date(2024, 1, 29)),
        ("2024-W05-3", date(2024, 1, 31)), ("45292", EXCEL_DAY0 + timedelta(days=45292)),
        ("45292.75", EXCEL_DAY0 + timedelta(days=45292)),
        ("2024-01-15 09:30:00", date(2024, 1, 15)), ("15/1/2024", date(2024, 1, 15)),
        ("5-Jul-25", date(2025, 7, 5)),
        ("1月", BAD), ("W05", BAD), ("2024-W54", BAD), ("2024-02-30", BAD),
    ],
)
def test_dates_in_cells(text, expected):
    assert parse_date(text) == expected


def test_a_column_of_date_cells_mixed_with_text_dates():
    cells = [datetime(2024, 1, 1), "2024-01-08", "Jan 15, 2024", 45313, "2024/1/29",
             datetime(2024, 2, 5, 0, 0)]
    want = [date(2024, 1, 1) + timedelta(weeks=i) for i in range(len(cells))]
    wb = Workbook()
    ws = wb.active
    ws.append(["工号", "周开始日期", "通话量"])
    for i, cell in enumerate(cells):
        ws.append(["E1", cell, i])
    ws.cell(row=5, column=2).number_format = "General"  # the serial stays a plain number
    out = io.BytesIO()
    wb.save(out)
    _, _, _, parsed = ingest.prepare(out.getvalue(), "calls.xlsx")
    assert parsed.errors.empty
    assert list(parsed.tables["metric_values"]["period"].dt.date) == want


@pytest.mark.parametrize(
    ("headers", "default", "years"),
    [
        (["2023年11月", "12月", "1月", "2月"], None, [2023, 2023, 2024, 2024]),
        (["11月", "12月", "1月"], 2023, [2023, 2023, 2024]),
        (["Q1", "Q2", "Q3"], 2020, [2020, 2020, 2020]),
        (["W52", "W01"], 2024, [2024, 2025]),
        (["1月", "2月"], None, None),
    ],
)
def test_years_from_neighbours_or_a_default(headers, default, years):
    filled = with_years([read_period(h) for h in headers], default)
    assert (None if filled is None else [s.year for s in filled]) == years


@pytest.mark.parametrize(
    ("texts", "year"),
    [(("Sales 2024",), 2024), (("Sheet1", "2023年销售额"), 2023), (("Sheet1", "Q1 report"), None),
     ((None, "FY2021 budget"), 2021), (("Calls", "20245 rows"), None)],
)
def test_year_hint(texts, year):
    assert year_hint(*texts) == year
