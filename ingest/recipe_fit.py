"""A saved plan (a recipe) fitted to a new file, and a file's shape for finding its recipe."""

from __future__ import annotations

from ingest import shapes
from ingest.fields import IGNORE
from ingest.model import IngestError, RawTable, Workbook
from ingest.plan import ImportPlan, SheetPlan, shape_signature


def period_column(sp: SheetPlan, column: str) -> bool:
    """A period header of a periods-across sheet (see ``ingest.shapes``)."""
    return sp.layout == "periods_across" and sp.mapping.get(column) == "period"


def fit_recipe(recipe: ImportPlan, book: Workbook) -> ImportPlan:
    """A recipe's plan for this file: every sheet it imports must be there with its columns.

    Raises:
        IngestError("recipe_does_not_fit"): naming the first sheet or column missing.
    """
    plan = ImportPlan.from_json(recipe.to_json())  # a copy the hints may change
    for sp in plan.sheets:
        if sp.kind == "skip":
            continue
        table = book.tables.get(sp.sheet)
        if table is None:
            raise IngestError("recipe_does_not_fit", what=sp.sheet or "-")
        missing = [c for c, f in sp.mapping.items() if f != IGNORE and
                   c not in table.frame.columns and not period_column(sp, c)]
        missing += [c for k in sp.kpis for c in (k.column, k.where_column)
                    if c and c not in table.frame.columns]
        if missing:
            raise IngestError("recipe_does_not_fit", what=missing[0])
        if sp.layout == "periods_across":
            _periods_of(sp, table)
    known = {s.sheet for s in plan.sheets}
    plan.sheets += [SheetPlan(sheet=n, kind="skip", note="not_in_recipe")
                    for n in book.order if n not in known]
    return plan


def _periods_of(sp: SheetPlan, table: RawTable) -> None:
    """A recipe's periods-across sheet takes this file's period columns (one month more)."""
    module = shapes.module("periods_across")
    fresh = module.detect(table, sheet=sp.sheet) if module is not None else None
    if fresh is None:
        raise IngestError("recipe_does_not_fit", what=sp.sheet or "-")
    kept = {c: f for c, f in sp.mapping.items() if f != "period" and c in table.frame.columns}
    sp.mapping = {**kept, **{c: f for c, f in fresh.mapping.items() if f == "period"}}


def signature(plan: ImportPlan, book: Workbook) -> str:
    """The file's shape for recipes: sheet names and headers, period columns left out."""
    by_name = {s.sheet: s for s in plan.sheets}
    headers: dict[str | None, list[str]] = {}
    for name in book.order:
        table, sp = book.tables.get(name), by_name.get(name)
        columns = [] if table is None else list(table.frame.columns)
        headers[name] = [c for c in columns if sp is None or not period_column(sp, c)]
    return shape_signature(headers)
