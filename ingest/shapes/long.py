"""The long layout: one row per person x period (metric columns across, or metric + value).

What Coachboard read before workbooks: the kind and mapping come from the headers
(``ingest.headers``) and the table goes to ``ingest.parse`` as it is.
"""

from __future__ import annotations

from ingest.headers import guess_kind, guess_mapping, kind_choices
from ingest.model import RawTable
from ingest.plan import Reshaped, SheetPlan


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
    return plan


def reshape(table: RawTable, plan: SheetPlan) -> Reshaped:
    """The table as it is: it already has the long layout."""
    return Reshaped(table=table, mapping=dict(plan.mapping))
