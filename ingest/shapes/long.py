"""The long layout: one row per person x period (metric columns across, or metric + value).

What Coachboard read before workbooks: the kind and mapping come from the headers
(``ingest.headers``) and the table goes to ``ingest.parse`` as it is.
"""

from __future__ import annotations

from dataclasses import replace

from ingest import date_grain
from ingest.headers import guess_kind, guess_mapping, kind_choices, part_word
from ingest.model import RawTable
from ingest.plan import Reshaped, SheetPlan
from ingest.years import needs_year, with_year


def detect(table: RawTable, *, sheet: str | None) -> SheetPlan | None:
    """The kind and mapping the headers suggest; None when no column names a person."""
    columns = list(table.frame.columns)
    kind = guess_kind(columns)
    if kind is None:
        return None
    plan = SheetPlan(sheet=sheet, kind=kind,
                     mapping=guess_mapping(columns, kind, sample=table.frame))
    if len(kind_choices(columns)) > 1:
        plan.ask = "kind"  # metrics or a roster: the headers do not say, the user does
    elif needs_year(plan, table):
        plan.ask = "year"  # 月份 = 1月: which year, the file does not say
    elif (fit := date_grain.fit(table, plan)) is not None:
        plan.period_grain = fit.grain  # reviews on arbitrary days: by month or quarter
    return plan


def reshape(table: RawTable, plan: SheetPlan) -> Reshaped:
    """The table as it is (it already has the long layout), with ``plan.year`` written into
    period cells that name none (``1月``)."""
    column = next((c for c, f in plan.mapping.items() if f == "period"), None)
    if plan.year is None or column is None or plan.kind not in ("metrics", "targets"):
        return Reshaped(table=table, mapping=dict(plan.mapping))
    cells = with_year(table.frame[column], plan.year, part_word(column))
    frame = table.frame.assign(**{column: cells})
    return Reshaped(table=replace(table, frame=frame), mapping=dict(plan.mapping))
