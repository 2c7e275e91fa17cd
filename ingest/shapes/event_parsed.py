"""An event log's figures as ``Parsed`` rows, kept in the types they were computed in.

``ingest.parse`` reads text cells. The figures ``EventRows.aggregate`` computes are numbers,
dates and the file's own (checked) text already, so they are not written out as text to be
parsed back (a million calls give 312,000 figures: that round trip cost more than storing
them). What ``parse`` checks on rows is checked here, on each distinct person, period or KPI
name once: report total rows are dropped with a note; ids holding a line break or too long,
periods after today and KPI names repeated are bad cells of the figure's line (its person and
period's first event). The unit of a KPI's name (``Talk time (s)``: s) goes to ``units``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ingest.context import Context
from ingest.header_words import split_unit
from ingest.model import ERROR_COLUMNS, Parsed
from ingest.parse import dedupe, total_notes, total_rows
from ingest.people import id_problems

_VALUES = ["employee_id", "period", "metric", "value", "target", "n_events", "partial", "line"]
_PERSON = ("employee_id", "name", "team", "manager_id", "role")


def _bad(frame: pd.DataFrame, mask: pd.Series, column: str, values, code: str) -> pd.DataFrame:
    """One bad cell per figure where ``mask`` holds, in the file's ``column``; ``values`` turns
    those figures' cells into what the line said."""
    return pd.DataFrame({"line": frame["line"][mask].to_numpy(), "column": column,
                         "value": values(frame[mask]).astype("object").to_numpy(),
                         "code": code})


def _problems(frame: pd.DataFrame, person: str, columns: dict[str, str]) -> list[pd.DataFrame]:
    """Bad ids, periods after today, values that are not finite numbers."""
    found = []
    if person == "employee_id":
        ids = frame["employee_id"]
        distinct = pd.Series(ids.unique(), dtype="str")
        for code, bad in id_problems(distinct).items():
            if bad.any():
                found.append(_bad(frame, ids.isin(set(distinct[bad])), columns["employee_id"],
                                  lambda f: f["employee_id"], code))
    future = frame["period"] > pd.Timestamp.today().normalize()
    found.append(_bad(frame, future, columns["period"],
                      lambda f: f["period"].dt.strftime("%Y-%m-%d"), "future_period"))
    found.append(_bad(frame, ~np.isfinite(frame["value"]), "value", lambda f: f["value"],
                      "not_a_number"))
    return found


def _units(names: list[str], units: dict[str, str]) -> bool:
    """The unit of each KPI name into ``units`` (``Talk time (s)``: s); whether two KPIs have
    one name without them."""
    split = [split_unit(name) for name in names]
    units.update({m: u for m, u in split if u})
    return len({m for m, _ in split}) < len(names)


def _people(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per person: the first non-empty value of each attribute, its first line."""
    first = figures[~figures["line"].duplicated()]  # a person x period's figures share a line
    return first[[c for c in (*_PERSON, "line") if c in first]].groupby(
        "employee_id", sort=False, as_index=False).first()


def parsed(frame: pd.DataFrame, *, person: str, kpis: list[str], columns: dict[str, str],
           errors: pd.DataFrame, notes: list[str]) -> Parsed:
    """``Parsed`` metrics from the figures ``frame`` (``event_rows.Output.frame``).

    ``person``: its person field (``employee_id``, or ``name`` for a file without ids);
    ``kpis``: the plan's KPI names; ``columns``: field -> the file's column; ``errors``: the
    bad cells of the events (``ERROR_COLUMNS``).
    """
    notes = list(notes)
    total = total_rows(frame[person])
    if person == "employee_id" and "name" in frame:
        total |= total_rows(frame["name"])
    if total.any():
        notes.extend(total_notes(frame["line"][total]))
        frame = frame[~total]
    if person == "name":
        frame = frame.assign(employee_id=frame["name"])
    units: dict[str, str] = {}
    repeat = _units(kpis, units)
    frame = frame.assign(target=np.nan)
    found = [errors, *_problems(frame, person, columns)]
    values = frame[_VALUES]
    if repeat:  # the same figure twice, or two figures of one key: parse's rules decide
        ctx = Context(values, values["line"], {"metric": "metric"})
        values = dedupe(ctx, values, ["employee_id", "period", "metric"], "metric")
        found += ctx.errors
        notes += ctx.notes
    error_frame = pd.concat(found, ignore_index=True)[ERROR_COLUMNS].sort_values(
        "line", kind="stable", ignore_index=True).astype({"line": "int64"})
    bad = set(error_frame["line"])
    return Parsed(kind="metrics", tables={
        "metric_values": values[~values["line"].isin(bad)].reset_index(drop=True),
        "employees": _people(frame[~frame["line"].isin(bad)])},
        errors=error_frame, rows_read=len(frame), units=units, notes=notes,
        name_column=columns["name"] if person == "name" else None)
