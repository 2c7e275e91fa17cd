"""Sheet layouts, each turned into the long layout ``ingest.parse`` reads (or parsed rows).

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

``parsed(table: RawTable, plan: SheetPlan) -> Parsed`` (instead of ``reshape``)
    The sheet's rows typed and checked as ``ingest.parse`` would give them, for a layout that
    computes its values (``events``: figures of a million events are not written as text to be
    parsed back).

Conventions the orchestration (``ingest.propose``, ``ingest.run_plan``) relies on:

- a ``periods_across`` plan maps each period column to ``"period"`` in ``SheetPlan.mapping``;
  those headers are left out of the file's shape signature, so next month's file with one more
  month still matches its recipe;
- a proposal the file cannot settle sets ``SheetPlan.ask`` (``"kind"``, ``"metric"``,
  ``"grain"``, ``"person"``): the CLI then exits 2 naming the flag, the page asks;
- ``detect`` is called for each sheet in the order of ``available()``; the first plan wins.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Tried in this order: the specific layouts claim a sheet before the long layout takes the rest.
_ORDER = ("events", "periods_across", "long")
_MODULES = {"events": "events", "periods_across": "periods", "long": "long"}


def module(layout: str) -> ModuleType | None:
    """The module of ``layout`` (a name of ``ingest.plan.LAYOUTS``), None while it is not written."""
    try:
        return importlib.import_module(f"ingest.shapes.{_MODULES[layout]}")
    except ModuleNotFoundError as exc:
        if exc.name != f"ingest.shapes.{_MODULES[layout]}":
            raise  # a module that exists but fails to import is a bug, not a missing layout
        return None


def available() -> list[tuple[str, ModuleType]]:
    """``(layout, module)`` of every layout whose module exists, in detection order."""
    found = [(layout, module(layout)) for layout in _ORDER]
    return [(layout, mod) for layout, mod in found if mod is not None]


# layout -> module, for callers that want one layout by name (``ingest.prepare``, tests).
SHAPES: dict[str, ModuleType] = dict(available())
