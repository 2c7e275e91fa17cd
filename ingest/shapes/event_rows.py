"""The rows of an event log, checked and aggregated by ``ingest.shapes.events.parsed``.

Every cell a KPI uses is parsed once per column (numbers and ``h:mm:ss`` / Excel times as
seconds, yes/no as 1/0); a bad cell is a bad line with its line number, and rows with a bad
line take no part in any figure (the import is all-or-nothing unless bad rows are skipped).
Rows no KPI asks for (open deals when every KPI is about won deals) are not checked at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from ingest.context import Context
from ingest.header_words import split_unit
from ingest.model import RawTable
from ingest.notes import Note
from ingest.people import same_names
from ingest.plan import Kpi, SheetPlan
from ingest.shapes import event_agg as agg
from ingest.shapes import event_cells as cells
from ingest.values import clean_text, parse_dates, parse_flags

_ISO_STAMP = r"^\d{4}-\d{2}-\d{2}[ T]\d"  # 2021-01-01 09:12:58: the date is its first 10 chars
_FLAG_WORDS = frozenset({"yes", "no", "y", "n", "true", "false", "是", "否", "1", "0"})
_AGGREGATE = {"count": None, "sum": agg.total, "mean": agg.mean, "rate": agg.rate}
_SHOWN_PERIODS = 3


@dataclass
class Output:
    """One row per figure, typed: the person field (text), ``period`` (its first day),
    ``metric`` (the KPI's name without its unit), ``value``, ``n_events``, ``partial``, ``line`` (the first
    event's) and the person's attributes (team ...) from that line."""

    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def _dates(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Event dates: timestamps are cut to their date first (a million distinct stamps would
    otherwise be parsed one by one)."""
    if cells.str.len().max() <= len("2025-01-06"):  # no cell is long enough to be a stamp
        return parse_dates(cells)
    stamp = cells.str.match(_ISO_STAMP).fillna(False).astype(bool)
    if stamp.any():
        cells = cells.where(~stamp, cells.str.slice(0, 10))
    return parse_dates(cells)


@dataclass
class EventRows:
    ctx: Context
    plan: SheetPlan
    person: str  # the person field: employee_id, or name when the file has no ids
    parsed: dict[tuple[str, str], pd.Series] = field(default_factory=dict)

    @classmethod
    def of(cls, table: RawTable, plan: SheetPlan) -> EventRows:
        fields = {f: c for c, f in plan.mapping.items()}
        person = "employee_id" if "employee_id" in fields else "name"
        return cls(Context.of(table, fields), plan, person)

    def _column(self, column: str, kind: str, mask: pd.Series) -> pd.Series:
        """A column as float (numbers / seconds, or 1.0/0.0 for yes/no); bad cells reported
        where ``mask`` holds (a cell no KPI looks at is nobody's concern)."""
        if (column, kind) not in self.parsed:
            if kind == "flag":
                values, bad = cells.flags(self.ctx.cells(column))
            else:
                values, bad = cells.numbers(self.ctx.cells(column),
                                            decimal_comma=self.ctx.decimal_comma)
            self.parsed[(column, kind)] = (pd.Series(values, index=bad.index), bad)
        values, bad = self.parsed[(column, kind)]
        self.ctx.report(bad & mask, column, "bad_flag" if kind == "flag" else "not_a_number")
        return values

    def where(self, kpi: Kpi) -> pd.Series:
        """The rows a KPI counts: all, or those whose ``where_column`` holds ``where_value``."""
        index = self.ctx.frame.index
        if not kpi.where_column:
            return pd.Series(True, index=index)
        want = clean_text(str(kpi.where_value or "")).casefold()
        if want in _FLAG_WORDS:
            yes = parse_flags(pd.Series([want], dtype="str"))[0].iloc[0]
            flags = self._column(kpi.where_column, "flag", pd.Series(True, index=index))
            return pd.Series(flags == float(yes), index=index)
        text = self.ctx.cells(kpi.where_column).str.strip().str.casefold()
        return text.eq(want).fillna(False).astype(bool)

    def _keys(self, keep: pd.Series) -> tuple[pd.Series, pd.Series]:
        """Person text and event date of every row; empty or bad ones reported where kept."""
        person = self.ctx.text(self.person)
        self.ctx.report(person.isna() & keep, self.person,
                        "empty_id" if self.person == "employee_id" else "empty_name")
        dates, bad = _dates(self.ctx.cells("period"))
        self.ctx.report(bad & keep, "period", "bad_date")
        self.ctx.report(dates.isna() & ~bad & keep, "period", "missing_value")
        return person, dates

    def aggregate(self) -> Output:
        """One row per person x period x KPI (see ``ingest.shapes.events``)."""
        masks = [self.where(k) for k in self.plan.kpis]
        keep = np.logical_or.reduce([m.to_numpy() for m in masks]) if masks else \
            np.zeros(len(self.ctx.frame), dtype=bool)
        keep = pd.Series(keep, index=self.ctx.frame.index)
        person, dates = self._keys(keep)
        values = [self._values(k, m) for k, m in zip(self.plan.kpis, masks, strict=True)]
        ok = (keep & ~self.ctx.lines.isin(self.ctx.bad_lines())).to_numpy()
        days = dates.to_numpy().astype("datetime64[D]")
        return self._figures(person[ok], days, ok, masks, values)

    def _values(self, kpi: Kpi, mask: pd.Series) -> np.ndarray | None:
        if kpi.agg == "count":
            return None
        if kpi.column is None:
            raise ValueError(f"KPI {kpi.name!r} ({kpi.agg}) needs a column")
        kind = "flag" if kpi.agg == "rate" else "number"
        return self._column(kpi.column, kind, mask).to_numpy()

    def _figures(self, person, days, ok, masks, values) -> Output:
        codes, people = pd.factorize(person)  # Arrow text: hashed in C, no Python strings
        if self.person == "name":  # Becky and becky are one person (as store.names matches)
            codes, people = same_names(codes, people)
        groups = agg.group_rows(codes, agg.period_start(days[ok], self.plan.grain))
        valid = days[~np.isnat(days)]
        first, last = (valid.min(), valid.max()) if len(valid) else (None, None)
        partial = agg.partial_periods(groups.start, self.plan.grain, first, last) \
            if first is not None else np.zeros(groups.size, dtype=bool)
        shape = (groups.size, len(self.plan.kpis))
        value, n, emit = np.empty(shape), np.empty(shape), np.empty(shape, dtype=bool)
        for k, (kpi, mask, vals) in enumerate(zip(self.plan.kpis, masks, values, strict=True)):
            m = mask.to_numpy()[ok]
            value[:, k], n[:, k] = agg.count(groups, m) if vals is None else \
                _AGGREGATE[kpi.agg](groups, vals[ok], m)
            emit[:, k] = ~np.isnan(value[:, k]) & ((kpi.agg in ("count", "sum")) | (n[:, k] > 0))
        emit &= (self.plan.include_partial | ~partial)[:, None]
        g, k = np.nonzero(emit)  # by group (file order of its first event), then KPI
        notes = _partial_notes(groups.start[partial], self.plan, first, last)
        rows = np.flatnonzero(ok)[groups.first_row[g]]
        return self._frame(pa.array(people, type=pa.string()).take(groups.person[g]),
                           groups.start[g], k, value[g, k], n[g, k], partial[g], rows, notes)

    def _frame(self, people, starts, k, value, n, partial, rows, notes) -> Output:
        """The figures as typed columns (no text to parse back), built in Arrow and numpy."""
        # The name without its unit (``Talk time (s)``: ``Talk time``), as metrics are stored.
        kpis = pa.array([split_unit(kpi.name)[0] for kpi in self.plan.kpis], type=pa.string())
        columns = {self.person: people, "metric": kpis.take(pa.array(k))}
        attributes = ("team", "manager_id", "role") + (("name",) if self.person != "name" else ())
        for name in attributes:
            if self.ctx.has(name):
                columns[name] = pa.array(self.ctx.text(name).to_numpy()[rows], type=pa.string(),
                                         from_pandas=True)
        frame = pa.table(columns).to_pandas()
        frame.insert(1, "period", starts.astype("datetime64[ns]"))
        frame.insert(3, "value", value)
        frame.insert(4, "n_events", pd.array(n.astype("int64"), dtype="Int64"))
        frame.insert(5, "partial", pd.array(partial, dtype="boolean"))
        frame["line"] = self.ctx.lines.to_numpy()[rows]
        return Output(frame, notes)


def _partial_notes(starts: np.ndarray, plan: SheetPlan, first, last) -> list[str]:
    """One sentence about the periods the file covers only in part."""
    starts = np.unique(starts)
    if not len(starts):
        return []
    shown = ", ".join(str(s) for s in starts[:_SHOWN_PERIODS]) + \
        (", ..." if len(starts) > _SHOWN_PERIODS else "")
    return [Note("partial_one" if len(starts) == 1 else "partial_many", first=first, last=last,
                 grain=plan.grain, shown=shown, fate="kept" if plan.include_partial else "left_out")]
