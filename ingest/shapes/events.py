"""One row per event (a call, a ticket, a deal, a visit) -> person x period KPIs.

``detect`` recognises an event log (an event id column such as ``Call Id`` or
``opportunity_id``, or many rows per person and day) and proposes KPIs from its columns;
``parsed`` aggregates the rows to person x period x KPI figures at the plan's grain, with the
number of events behind each value (``n_events``) and whether its period is only partly in the
file (``partial``; left out unless ``include_partial``), typed for the store as computed.
"""

from __future__ import annotations

import pandas as pd

from ingest.fields import AS_METRIC, IGNORE
from ingest.headers import guess_kind, guess_mapping, split_unit
from ingest.model import Parsed, RawTable
from ingest.plan import Kpi, SheetPlan
from ingest.shapes import event_columns as cols
from ingest.shapes import event_parsed
from ingest.shapes.event_agg import period_start
from ingest.shapes.event_rows import EventRows
from ingest.values import parse_dates

_PERSON_FIELDS = ("team", "manager_id", "role")
_MIN_LOG_ROWS = 20  # fewer rows without an event id: too little to tell a log from a table
ENOUGH_PER_WEEK = 5  # typical events per person-week under this: propose monthly periods


def _fields(frame: pd.DataFrame) -> dict[str, str] | None:
    """field -> column for the person, team ... and the period header, or None (not events)."""
    mapping = guess_mapping(list(frame.columns), "metrics")
    found = {f: c for c, f in mapping.items() if f not in (IGNORE, AS_METRIC)}
    if "metric" in found or "value" in found:
        return None  # a long metrics file: many rows per person and day, but not events
    person = found.get("employee_id") or found.get("name") or next(
        (c for c in frame.columns if cols.is_person(c)), None)
    if person is None:
        return None
    field = "employee_id" if person == found.get("employee_id") else "name"
    given = (*_PERSON_FIELDS, "period", *(("name",) if field == "employee_id" else ()))
    keep = {field: person, **{f: found[f] for f in given if f in found}}
    return keep


def _many_per_day(sample: pd.DataFrame, person: str, date: str) -> bool:
    """Several rows per person and date on average: a log, not a table of figures."""
    pairs = sample[[person, date]].dropna()
    return len(pairs) >= _MIN_LOG_ROWS and len(pairs) >= 1.5 * len(pairs.drop_duplicates())


def _proposed_grain(sample: pd.DataFrame, person: str, date: str, kpis: list[Kpi]) -> str:
    """Weeks, unless a typical person-week has too few counted events: then months."""
    counted = next((k for k in kpis if k.agg == "count"), None)
    rows = sample
    if counted is not None and counted.where_column:
        rows = sample[sample[counted.where_column].str.strip() == counted.where_value]
    days, _ = parse_dates(rows[date])
    ok = days.notna()
    if not ok.any():
        return "week"
    weeks = period_start(days[ok].to_numpy().astype("datetime64[D]"), "week")
    per = pd.DataFrame({"p": rows.loc[ok, person].to_numpy(), "w": weeks}).value_counts()
    return "week" if per.median() >= ENOUGH_PER_WEEK else "month"


def _kpis(frame: pd.DataFrame, columns: list[cols.Column], id_column: str | None) -> list[Kpi]:
    """A count of events, then one KPI per aggregatable column (deal logs: won deals only)."""
    chinese = cols.is_chinese(list(frame.columns))
    noun = cols.event_noun(id_column, chinese)
    stage = next((c for c in columns if c.role == "stage"), None)
    if stage is not None:  # open deals have no close date: every KPI is of won deals
        amounts = [c.name for c in columns if c.role == "number"
                   and cols.kpi_for(c, frame, [], chinese).agg == "sum"]
        return cols.stage_kpis(stage, amounts, noun, chinese)
    flags = [c.name for c in columns if c.role == "flag"]
    found = [cols.kpi_for(c, frame, flags, chinese) for c in columns]
    return [Kpi(noun, "count", direction="higher"), *(k for k in found if k is not None)]


def detect(table: RawTable, *, sheet: str | None = None) -> SheetPlan | None:
    """A proposed events plan when ``table`` is an event log, else None."""
    frame = table.frame
    fields = _fields(frame)
    if fields is None:
        return None
    person = fields.get("employee_id") or fields["name"]
    id_column = next((c for c in frame.columns if c != person
                      and cols.is_event_id(c, frame[c])), None)
    sample = frame.head(cols.SAMPLE)
    skip = {id_column, *fields.values()} - {fields.get("period")}
    columns = [cols.classify(c, sample[c]) for c in frame.columns if c not in skip]
    stage = any(c.role == "stage" for c in columns)
    date = cols.date_column(columns, fields.pop("period", None), stage)
    if date is None or (id_column is None and not _many_per_day(sample, person, date)):
        return None
    if id_column is None and guess_kind(list(frame.columns)) not in (None, "metrics"):
        return None  # goals and coaching logs have several rows per person and date too
    kpis = _kpis(sample, [c for c in columns if c.name != date], id_column)
    mapping = {column: field for field, column in fields.items()} | {date: "period"}
    return SheetPlan(sheet=sheet if sheet is not None else table.sheet, kind="metrics",
                     mapping=mapping, layout="events", kpis=kpis,
                     grain=_proposed_grain(sample, person, date, kpis),
                     people_by="id" if "employee_id" in fields else "name")


def parsed(table: RawTable, plan: SheetPlan) -> Parsed:
    """The events aggregated to one row per person x period x KPI (see the module doc); every
    bad event line, and every line no encoding of the file reads, is a bad line."""
    rows = EventRows.of(table, plan)
    out = rows.aggregate()
    errors = rows.ctx.error_frame().drop_duplicates(ignore_index=True)
    if table.unreadable:  # blank in the table, bad here
        errors = pd.concat([errors, pd.DataFrame({
            "line": table.unreadable, "column": "", "value": None, "code": "undecodable_line"})],
            ignore_index=True)
    return event_parsed.parsed(out.frame, person=rows.person,
                               kpis=[k.name for k in plan.kpis], columns=rows.ctx.columns,
                               errors=errors, notes=out.notes)


def directions(plan: SheetPlan) -> dict[str, str]:
    """metric -> direction the plan's KPIs give (the catalog guesses the others)."""
    return {split_unit(k.name)[0]: k.direction for k in plan.kpis
            if k.direction in ("higher", "lower")}
