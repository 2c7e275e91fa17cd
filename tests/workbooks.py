"""Workbooks built in code for the import tests: actuals + targets + roster + helper sheets.

``sales_rows`` generates the numbers (seeded); ``sales_workbook`` lays them out as a manager's
export would (a merged title row above the actuals, a calendar and an empty sheet beside them),
so a test can compare what was stored with the generated rows, computed a second way.
"""

from __future__ import annotations

import io
import random
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

METRICS = ("销售额", "回款")


def sales_rows(people: int = 6, months: int = 3, seed: int = 7) -> pd.DataFrame:
    """One row per person x month x metric: ``employee_id, period, metric, value, target``."""
    rng = random.Random(seed)
    rows = [{"employee_id": f"E{p:03d}", "period": pd.Timestamp(date(2024, m + 1, 1)),
             "metric": metric, "value": float(rng.randint(50, 150)),
             "target": float(rng.randint(80, 120))}
            for p in range(1, people + 1) for m in range(months) for metric in METRICS]
    return pd.DataFrame(rows)


def roster_rows(people: int = 6) -> pd.DataFrame:
    return pd.DataFrame({"employee_id": [f"E{p:03d}" for p in range(1, people + 1)],
                         "name": [f"Person {p}" for p in range(1, people + 1)],
                         "team": ["North" if p % 2 else "South" for p in range(1, people + 1)]})


def _wide(rows: pd.DataFrame, column: str) -> list[list[object]]:
    """Person x month rows with one column per metric, as the export lays them out."""
    wide = rows.pivot_table(index=["employee_id", "period"], columns="metric",
                            values=column).reset_index()
    return [[r.employee_id, r.period.strftime("%Y-%m"), *(getattr(r, m) for m in METRICS)]
            for r in wide.itertuples()]


def sales_workbook(rows: pd.DataFrame, roster: pd.DataFrame | None = None, *,
                   actuals: str = "Actuals", targets: str | None = "Target",
                   title: bool = True, helpers: bool = True, chart: bool = False) -> bytes:
    """The xlsx bytes: actuals (and targets) sheets of the same shape, a roster sheet, helpers."""
    wb = Workbook()
    ws = wb.active
    ws.title = actuals
    if title:
        ws.append(["Sales by month (generated for a test)"])
        ws.merge_cells("A1:D1")
    header = ["工号", "月份", *METRICS]
    ws.append(header)
    for row in _wide(rows, "value"):
        ws.append(row)
    if targets:
        tg = wb.create_sheet(targets)
        tg.append(header)
        for row in _wide(rows, "target"):
            tg.append(row)
    if roster is not None:
        people = wb.create_sheet("People")
        people.append(["工号", "姓名", "部门"])
        for r in roster.itertuples():
            people.append([r.employee_id, r.name, r.team])
    if helpers:
        cal = wb.create_sheet("Calendar")
        cal.append(["Month", "Working days"])
        for m in range(1, 13):
            cal.append([f"2024-{m:02d}", 21])
        wb.create_sheet("Empty")
    if chart:
        bars = BarChart()
        bars.add_data(Reference(ws, min_col=3, min_row=2, max_row=4), titles_from_data=True)
        wb.create_chartsheet("Chart").add_chart(bars)
    return save(wb)


def save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
