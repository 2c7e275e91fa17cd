"""Import a whole upload by its ``ImportPlan``: every sheet, one transaction, one import id.

The sheets' rows are checked together (a manager's scope, keys two sheets both hold) and stored
all or nothing under one import, which undo removes whole. A successful import saves its plan as
the recipe of the file's shape (``store.recipes``) in the same transaction.
"""

from __future__ import annotations

import json
from dataclasses import replace

import duckdb
import pandas as pd

import ingest
from ingest import plausible
from ingest.combine import combine, split_lines
from ingest.fields import AS_METRIC, IGNORE
from ingest.model import IngestError, Workbook
from ingest.plan import ImportPlan
from ingest.propose import Hints, kinds_of, plan_for, questions, signature
from store import audit, org_chart, recipes
from store.access import viewer_of, writer
from store.import_log import ImportResult, hashing_ahead, record
from store.import_scope import restrict
from store.imports import Progress, _record_failure, _store_retrying
from store.names import resolve


def import_plan(
    con: duckdb.DuckDBPyConnection,
    raw: bytes,
    file_name: str,
    *,
    plan: ImportPlan | None = None,
    hints: Hints | None = None,
    book: Workbook | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    recipe: str | None = None,
) -> ImportResult:
    """Read, check and store every sheet of one upload. All rows or none, unless
    ``skip_bad_rows``.

    ``plan``: how to read it (default: proposed from the file and ``hints``); ``book``: its
    sheets already read; ``recipe``: the name of the recipe the plan came from (kept up to date
    instead of saving a new one).

    Raises:
        AccessDenied: the viewer's role may not import at all.
    """
    out = writer(con, "import")
    tick = progress or (lambda *_: None)
    with hashing_ahead(raw):  # the history's hash of the file, while it is read
        result = _attempt(con, out, raw, file_name, plan=plan, hints=hints or Hints(),
                          book=book, skip_bad_rows=skip_bad_rows, tick=tick, recipe=recipe)
    audit.record(con, audit.IMPORT, target=result.import_id, rows=result.rows_loaded,
                 detail=f"{result.kind or '-'} {result.status} rejected={result.rows_rejected}")
    return result


def _attempt(con, out, raw: bytes, file_name: str, *, plan, hints: Hints, book,
             skip_bad_rows: bool, tick: Progress, recipe: str | None) -> ImportResult:
    by = viewer_of(con).email
    tick("read", 0, 1)
    try:
        book = book if book is not None else ingest.read_sheets(raw, file_name)
        if plan is None:
            plan, recipe = choose_plan(out, book, hints, recipe)
        refuse_open_questions(plan, file_name)
        parts = ingest.run_plan(raw, file_name, plan, book=book)
    except IngestError as exc:
        kinds = kinds_of(plan) if plan is not None else [hints.kind] if hints.kind else []
        return _record_failure(out, file_name, raw, "+".join(kinds) or None, exc, by)
    parsed, sheets = _checked(con, parts, plan, hints)
    tick("checked", parsed.rows_read, parsed.rows_read)
    result = _result(parsed, sheets, plan, book, file_name, by)
    encoding = next(iter(book.tables.values())).encoding
    stored_plan = json.loads(plan.to_json())
    if result.rows_rejected and not skip_bad_rows:
        record(out, result, raw, encoding, stored_plan)
        return result
    result.recipe = recipes.name_for(out, signature(plan, book), file_name, recipe)

    def save_recipe(cur: duckdb.DuckDBPyConnection, _import_id: int) -> None:
        recipes.save(cur, result.recipe, signature(plan, book), plan, file_name=file_name,
                     by=by, audit_con=con)

    return _store_retrying(out, parsed, result, raw, encoding, stored_plan, tick, save_recipe)


def _checked(con, parts: list, plan, hints: Hints):
    """The parsed sheets as one import, checked: (parsed, the sheet of each line).

    Names become roster ids sheet by sheet (a sheet's lines are its own until combined), the
    workbook's own people sheet first; then the values' plausibility, the viewer's scope and
    the reporting lines.
    """
    people = [p.tables["employees"] for p in parts if p.kind == "roster" and not p.name_column]
    known = pd.concat(people, ignore_index=True) if people else None
    parsed, sheets = combine([resolve(con, p, known) for p in parts])
    parsed = plausible.check(parsed, hints.allow_metrics)  # a negative count, 1e20 ...
    return org_chart.check(con, restrict(con, parsed), _headers(plan)), sheets


def _result(parsed, sheets: list, plan, book, file_name: str, by: str) -> ImportResult:
    """What the import says before it is stored (status ``failed`` until it is)."""
    errors = split_lines(parsed.errors, sheets)
    return ImportResult(
        file_name=file_name, kind=parsed.kind, status="failed", rows_read=parsed.rows_read,
        errors=errors if len(sheets) > 1 or sheets[0] is not None else errors.drop(
            columns="sheet"),
        notes=parsed.notes, rows_rejected=len(errors[["sheet", "line"]].drop_duplicates()),
        imported_by=by, not_stored=not_stored(plan, book), sheets=sheet_report(plan),
        targets_unmatched=parsed.targets_unmatched,
    )


def choose_plan(con: duckdb.DuckDBPyConnection, book: Workbook, hints: Hints,
                name: str | None = None) -> tuple[ImportPlan, str | None]:
    """The plan for an upload and the recipe it comes from: recipe ``name`` when given, else
    the recipe of the file's shape if there is one (and it fits), else a fresh proposal.
    ``hints`` apply on top.

    Raises:
        IngestError: ``no_such_recipe``, or the named recipe does not fit the file.
    """
    if name:
        try:
            found = recipes.get(con, name)
        except recipes.RecipeError as exc:
            known = ", ".join(recipes.list_recipes(con)["name"]) or "-"
            raise IngestError("no_such_recipe", name=name, names=known) from exc
        return plan_for(book, replace(hints, recipe=found.plan)), found.name
    proposed = plan_for(book, hints)
    found = recipes.find(con, signature(proposed, book))
    if found is None:
        return proposed, None
    try:
        return plan_for(book, replace(hints, recipe=found.plan)), found.name
    except IngestError:  # the shape matched but a column moved: propose afresh
        return proposed, None


def refuse_open_questions(plan: ImportPlan, file_name: str) -> None:
    """Raise the first question the file leaves open as a whole-file problem.

    Raises:
        IngestError("ask_<what>"): naming the sheet (or the file) and the choice to make.
    """
    for sheet, ask in questions(plan):
        raise IngestError(f"ask_{ask}", sheet=sheet if sheet is not None else file_name)


def not_stored(plan: ImportPlan, book: Workbook) -> list[str]:
    """Columns of the included sheets that nothing reads (chosen to be ignored)."""
    out: list[str] = []
    for sp in plan.sheets:
        table = book.tables.get(sp.sheet)
        if sp.kind == "skip" or table is None:
            continue
        used = {c for k in sp.kpis for c in (k.column, k.where_column) if c}
        # First Name + Last Name are read into the name made of them (ingest.two_names)
        used |= {c for made, parts in table.made_from.items()
                 if sp.mapping.get(made) == "name" for c in parts}
        for column in table.frame.columns:
            field = sp.mapping.get(column, IGNORE if sp.layout == "long" else None)
            unread = field == IGNORE or (field is None and sp.layout == "events")
            if unread and column not in used:
                out.append(str(column))
    return list(dict.fromkeys(out))


def sheet_report(plan: ImportPlan) -> list[dict]:
    """Per sheet: its name, kind, layout and why it was skipped (for the JSON report)."""
    if len(plan.sheets) == 1 and plan.sheets[0].sheet is None:
        return []
    return [{"sheet": s.sheet, "kind": s.kind, "layout": s.layout, "note": s.note,
             "targets_for": s.targets_for,
             "metric_columns": sum(f == AS_METRIC for f in s.mapping.values())}
            for s in plan.sheets]


def _headers(plan: ImportPlan) -> dict[str, str]:
    """field -> the file's column naming it, for sentences (a roster sheet's names first)."""
    sheets = sorted(plan.sheets, key=lambda s: s.kind != "roster")
    return {f: c for s in reversed(sheets) for c, f in s.mapping.items()}
