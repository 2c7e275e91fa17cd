"""Periods across the columns (the budget layout): a row per person, a column per period.

``工号 | 姓名 | 2024年1月 | 2024年2月 | ...`` under a title ``2024年销售额（万元）`` becomes one
long row per person x month of the metric ``销售额`` (unit 万元). Headers may be real Excel
date cells or any text ``ingest.periods.read_period`` knows; the metric's name comes from the
plan (the user), the sheet's name or a title line above the header.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd

from ingest.dates import read_period
from ingest.fields import IGNORE
from ingest.headers import find_fields, split_unit
from ingest.model import ERROR_COLUMNS, IngestError, RawTable
from ingest.periods import GRAINS, Stamp, with_years, year_hint
from ingest.plan import Reshaped, SheetPlan
from ingest.values import parse_numbers

PERSON_FIELDS: tuple[str, ...] = ("employee_id", "name", "team", "manager_id", "role",
                                  "hire_date")
PERIOD = "period"
# Sheet names that say nothing about what is measured.
_GENERIC = re.compile(
    r"(sheet|工作表|表|页)\s*\d*|data|数据|export|导出|report|报表|summary|汇总|明细|"
    r"actuals?|实际|完成|targets?|目标|plans?|计划|budgets?|预算", re.IGNORECASE)
_UNIT_LINE = re.compile(r"(?:单位|unit|units|currency|币种)\s*[:：]\s*(.+)", re.IGNORECASE)
_YEARS = re.compile(r"(?:fy\s*)?(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度?|财年)?", re.IGNORECASE)


def _stamps(columns: list[str]) -> dict[str, Stamp]:
    """The columns whose header names a period, with what it names."""
    found = {c: read_period(c) for c in columns}
    return {c: s for c, s in found.items() if s is not None}


def _finest(stamps: dict[str, Stamp]) -> dict[str, Stamp]:
    """The columns of the finest grain: coarser ones (``Q1`` among months, a year total) are
    subtotals of them."""
    grain = min((s.grain for s in stamps.values()), key=GRAINS.index)
    return {c: s for c, s in stamps.items() if s.grain == grain}


def _clean_name(text: str | None) -> str | None:
    """A metric name from a sheet name or title: without its year, None if nothing is left."""
    if not text:
        return None
    name = _YEARS.sub(" ", text)
    name = re.sub(r"\s+", " ", name).strip(" -_:：·|/")
    if not name or _GENERIC.fullmatch(name) or read_period(name) is not None:
        return None
    return name


def _plain(titles: list[str]) -> list[str]:
    """Title lines that are not ``key: value`` metadata (``导出时间：2025-03-01``)."""
    return [t for t in titles if ":" not in t and "：" not in t]


def metric_name(sheet: str | None, titles: list[str]) -> str | None:
    """The metric a sheet holds: its name unless generic, else its first title line. A unit
    line (``单位：万元``) or a title's unit (``Revenue 2024 (USD)``) adds the unit, which
    ``ingest.headers.split_unit`` reads back."""
    lines = [t for t in map(_clean_name, _plain(titles)) if t]
    units = [m.group(1).strip() for t in titles if (m := _UNIT_LINE.fullmatch(t.strip()))]
    units += [u for u in (split_unit(t)[1] for t in lines) if u]
    name = _clean_name(sheet) or next(iter(lines), None)
    if name is None or not units or split_unit(name)[1] is not None:
        return name
    return f"{name} ({units[0]})"


def detect(table: RawTable, *, sheet: str | None) -> SheetPlan | None:
    """A plan when most headers that name no person field are periods, else None."""
    columns = [str(c) for c in table.frame.columns]
    fields = find_fields(columns, "metrics")
    people = {c: f for f, c in fields.items() if f in PERSON_FIELDS}
    if not {"employee_id", "name"} & set(people.values()) or {"period", "metric"} & set(fields):
        return None
    stamps = _stamps([c for c in columns if c not in people])
    others = len(columns) - len(people) - len(stamps)
    if len(stamps) < 2 or len(stamps) <= others:
        return None
    used = _finest(stamps)
    mapping = {c: people.get(c, PERIOD if c in used else IGNORE) for c in columns}
    sheet = sheet if sheet is not None else table.sheet
    return SheetPlan(sheet=sheet, kind="metrics", mapping=mapping, layout="periods_across",
                     metric=metric_name(sheet, table.titles),
                     year=year_hint(sheet, *_plain(table.titles)),
                     people_by="id" if "employee_id" in people.values() else "name")


def _month_ends(days: list[date]) -> bool:
    return all(d.day == calendar.monthrange(d.year, d.month)[1] for d in days)


def period_starts(headers: list[str], year: int | None) -> dict[str, str]:
    """Each period header -> its first day (ISO text); Excel month-end dates become month starts.

    Raises:
        IngestError("period_year_needed"): headers without a year and no year to give them.
    """
    stamps = [read_period(h) for h in headers]
    filled = with_years([s for s in stamps if s is not None], year)
    if filled is None or len(filled) != len(headers):
        bare = [h for h, s in zip(headers, stamps, strict=True) if s is None or s.year is None]
        raise IngestError("period_year_needed", columns=", ".join(bare[:3]))
    starts = [s.start() for s in filled]
    if all(s.grain == "day" for s in filled) and _month_ends(starts):  # type: ignore[arg-type]
        starts = [d.replace(day=1) for d in starts]  # type: ignore[union-attr]
    return {h: d.isoformat() for h, d in zip(headers, starts, strict=True) if d is not None}


def _cells(table: RawTable, column: str, errors: list[pd.DataFrame]) -> pd.Series:
    """The non-empty number cells of a period column (index: row position); other text there
    is a bad cell, named by its own header rather than the long layout's ``value``."""
    cells = table.frame[column].reset_index(drop=True)
    values, bad = parse_numbers(cells, decimal_comma=table.delimiter == ";")
    if bad.any():
        errors.append(pd.DataFrame({"line": table.lines[bad.to_numpy()], "column": column,
                                    "value": cells[bad].to_numpy(), "code": "not_a_number"}))
    return cells[values.notna()]


def reshape(table: RawTable, plan: SheetPlan) -> Reshaped:
    """One long row per non-empty period cell: person columns, ``period``, ``metric``, ``value``.

    Raises:
        IngestError("metric_needed"): no metric name in the plan (nor found in the file).
        IngestError("period_year_needed"): see ``period_starts``.
    """
    if not plan.metric:
        name = plan.sheet or table.sheet
        raise IngestError("metric_needed", sheet=name or "")
    headers = [c for c, f in plan.mapping.items() if f == PERIOD and c in table.frame.columns]
    if not headers:
        raise IngestError("no_metric_columns")
    starts = period_starts(headers, plan.year)
    person = {c: f for c, f in plan.mapping.items() if f in PERSON_FIELDS}
    frame, lines = table.frame[list(person)].reset_index(drop=True), np.asarray(table.lines)
    table = replace(table, lines=lines)
    errors: list[pd.DataFrame] = []
    parts = []
    for header in headers:
        cells = _cells(table, header, errors)
        parts.append(frame.loc[cells.index].assign(**{
            PERIOD: starts[header], "metric": plan.metric, "value": cells,
            "_line": lines[cells.index.to_numpy()]}))
    long = pd.concat(parts).sort_values("_line", kind="stable", ignore_index=True)
    out = RawTable(frame=long.drop(columns="_line").astype("object"),
                   lines=long["_line"].to_numpy(dtype="int64"),
                   encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
                   header_line=table.header_line, notes=list(table.notes), titles=table.titles)
    # Columns mapped to IGNORE (a Total, 备注, Q1 among months) are named by the import result.
    return Reshaped(table=out,
                    mapping={**person, PERIOD: "period", "metric": "metric", "value": "value"},
                    errors=pd.concat(errors, ignore_index=True) if errors
                    else pd.DataFrame(columns=ERROR_COLUMNS))
