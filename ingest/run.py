"""Run an ``ImportPlan``: reshape each included sheet, parse it, merge targets into actuals.

Nothing is stored here: the result is one ``Parsed`` per sheet to store (a targets sheet is
merged into its actuals), each with its sheet name; their errors carry a ``sheet`` column.
"""

from __future__ import annotations

import pandas as pd

from ingest import date_grain, shapes
from ingest.model import ERROR_COLUMNS, IngestError, Parsed, RawTable, Workbook
from ingest.parse import parse
from ingest.plan import ImportPlan, SheetPlan
from ingest.read import read_sheets

_KEYS = ["employee_id", "period", "metric"]


def run_plan(raw: bytes, filename: str, plan: ImportPlan, *,
             book: Workbook | None = None) -> list[Parsed]:
    """Every included sheet of ``plan`` parsed (targets merged), in the plan's order.

    ``book``: the sheets already read (the page reads once); else read from ``raw``.

    Raises:
        IngestError: a sheet of the plan is missing, or its mapping cannot be parsed.
    """
    book = book if book is not None else read_sheets(raw, filename)
    included = [s for s in plan.sheets if s.kind != "skip"]
    if not included:
        raise IngestError("nothing_included")
    parsed = {s.sheet: _sheet(book, s) for s in included}
    for sp in included:
        if sp.kind == "targets":
            actuals = parsed.get(sp.targets_for)
            if actuals is None or actuals.kind != "metrics" or sp.targets_for == sp.sheet:
                raise IngestError("targets_without_actuals", sheet=sp.sheet or "-")
            _merge_targets(actuals, parsed[sp.sheet])
    return [parsed[s.sheet] for s in included if s.kind != "targets"]


def _sheet(book: Workbook, sp: SheetPlan) -> Parsed:
    table = book.tables.get(sp.sheet)
    if table is None:
        raise IngestError("no_such_sheet", sheet=sp.sheet or "-",
                          sheets=", ".join(str(n) for n in book.tables))
    module = shapes.module(sp.layout)
    if module is None:
        raise IngestError("layout_unavailable", sheet=sp.sheet or "-")
    out = _parse_sheet(module, table, sp)
    out.rows_read = len(table.frame)  # the sheet's rows, not the long rows made of them
    # A cell unpivoted into several rows (a bad id across the months) is named once.
    out.errors = out.errors[ERROR_COLUMNS].drop_duplicates(ignore_index=True).assign(
        sheet=sp.sheet)
    out.notes = [*table.notes, *out.notes]
    if hasattr(module, "directions"):  # KPIs that say "lower is better" tell the catalog
        out.directions = module.directions(sp)
    out.sheet = sp.sheet
    return out


def _parse_sheet(module, table: RawTable, sp: SheetPlan) -> Parsed:
    """The sheet's rows typed and checked: by its layout's own ``parsed`` when it has one
    (figures computed from the file, never text), else reshaped to long text rows and parsed."""
    if hasattr(module, "parsed"):
        return module.parsed(table, sp)
    reshaped = module.reshape(table, sp)
    reshaped.table.unreadable = table.unreadable  # lines no encoding read stay bad lines
    kind = "metrics" if sp.kind == "targets" else sp.kind
    out = parse(reshaped.table, kind=kind, mapping=reshaped.mapping, errors=reshaped.errors)
    if sp.period_grain is not None and sp.layout == "long":
        out = date_grain.regroup(out, sp.period_grain)
    out.notes = [*reshaped.notes, *out.notes]
    return out


def _merge_targets(actuals: Parsed, targets: Parsed) -> None:
    """Each target value becomes the ``target`` of the actual with the same person, period and
    metric; a target cell of the actuals sheet itself wins. Targets without an actual are
    counted (``Parsed.targets_unmatched``): not stored."""
    values = actuals.tables["metric_values"]
    wanted = targets.tables["metric_values"][[*_KEYS, "value"]].rename(columns={"value": "_t"})
    merged = values.merge(wanted, on=_KEYS, how="left", indicator=True)
    merged["target"] = merged["target"].fillna(merged["_t"])
    actuals.tables["metric_values"] = merged.drop(columns=["_t", "_merge"])
    # a row needs its value to be stored: targets of later months wait for their actuals
    actuals.targets_unmatched += len(wanted) - int((merged["_merge"] == "both").sum())
    actuals.errors = pd.concat([actuals.errors, targets.errors], ignore_index=True)
    actuals.notes += targets.notes
    actuals.rows_read += targets.rows_read
