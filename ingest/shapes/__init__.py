"""Sheet layouts, each turned into the long layout ``ingest.parse`` reads.

One module per layout of ``ingest.plan.LAYOUTS`` (``long``, ``periods_across``, ``events``),
each with two functions:

``detect(table: RawTable, *, sheet: str | None) -> SheetPlan | None``
    A proposed ``SheetPlan`` when the sheet has this layout (mapping, metric name, KPIs,
    grain filled in as far as the file tells), else None.

``reshape(table: RawTable, plan: SheetPlan) -> Reshaped``
    The sheet as canonical long rows: columns named by field (``employee_id`` or ``name``,
    ``period``, ``metric``, ``value``, and when known ``target``, ``team``, ``manager_id``,
    ``n_events``, ``partial``), ``lines`` the source line of each row (for an aggregate, the
    first event's line), plus every bad source cell in ``errors`` (``ERROR_COLUMNS``).
"""

from __future__ import annotations

from types import ModuleType

from ingest.shapes import events, periods

# layout -> its module (``detect`` / ``reshape``); ``long`` is ``ingest.parse`` itself.
SHAPES: dict[str, ModuleType] = {"periods_across": periods, "events": events}
