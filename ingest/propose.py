"""Propose an ``ImportPlan`` for an upload: what each sheet is, and how to read it.

Each sheet goes to the first layout module that claims it (``ingest.shapes.available``: events
and periods across the columns before the long layout). A sheet no layout claims is a helper
sheet (a calendar, a lookup, a pivot: no column names a person) and is skipped with a note; a
sheet named like Target/Plan/Budget/目标/计划 with the headers of another metrics sheet holds
that sheet's targets. ``Hints`` (the CLI's flags, the page's choices) then override the guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import shapes
from ingest.fields import FIELDS, IGNORE, KINDS
from ingest.headers import guess_mapping, normalise_header
from ingest.model import IngestError, RawTable, Workbook
from ingest.plan import GRAINS, SHEET_KINDS, ImportPlan, SheetPlan
from ingest.read import read_sheets
from ingest.recipe_fit import fit_recipe, period_column, signature

_TARGET_WORDS = ("target", "plan", "budget", "goal", "quota", "目标", "计划", "预算", "指标值")
_HELPER_NAMES = re.compile(r"calendar|lookup|readme|notes?|instructions?|pivot|chart|summary|"
                           r"日历|说明|备注|对照|透视|图表|汇总|字典", re.IGNORECASE)


@dataclass
class Hints:
    """What the user said (CLI flags, page choices); None or empty: let the file tell."""

    kind: str | None = None  # --kind: the kind of a one-sheet file (or of the sheets asking)
    sheets: dict[str, str] = field(default_factory=dict)  # --sheet NAME=KIND
    metric: str | None = None  # --metric: name of a periods-across sheet's metric
    year: int | None = None  # --year: the year of period headers without one (1月, Q1)
    grain: str | None = None  # --grain: events day | week | month; dated rows also quarter
    include_partial: bool = False  # --include-partial: events sheets keep partial periods
    id_column: str | None = None  # --id-column
    name_column: str | None = None  # --name-column
    mapping: dict[str, str] | None = None  # the page's mapping of a one-sheet file
    recipe: ImportPlan | None = None  # --recipe NAME (or a matching recipe): start from it
    allow_metrics: tuple[str, ...] = ()  # --allow-metric: values ingest.plausible doubts are fine


def propose(raw: bytes, filename: str,
            hints: Hints | None = None) -> tuple[ImportPlan, dict[str | None, RawTable]]:
    """The plan for an upload and each sheet's table (for previews and ``run_plan``)."""
    book = read_sheets(raw, filename)
    return plan_for(book, hints or Hints()), book.tables


def plan_for(book: Workbook, hints: Hints) -> ImportPlan:
    """The proposed plan for sheets already read, hints applied."""
    if hints.recipe is not None:
        plan = fit_recipe(hints.recipe, book)
    else:
        plan = ImportPlan(sheets=[_detect(book, name) for name in book.order])
        _pair_targets(plan, book)
    return apply_hints(plan, book, hints)


def _detect(book: Workbook, name: str | None) -> SheetPlan:
    """One sheet's proposal: the first layout that claims it, else a skipped helper sheet."""
    if name in book.skipped:
        return SheetPlan(sheet=name, kind="skip", note=book.skipped[name])
    table = book.tables[name]
    if len(book.tables) > 1 and name is not None and _HELPER_NAMES.search(name) \
            and not _names_person(table):
        return SheetPlan(sheet=name, kind="skip", note="helper_sheet")
    for _, module in shapes.available():
        found = module.detect(table, sheet=name)
        if found is not None:
            if found.layout == "periods_across" and not found.metric:
                found.ask = found.ask or "metric"  # neither the sheet nor a title names it
            return found
    if len(book.tables) > 1:
        return SheetPlan(sheet=name, kind="skip", note="helper_sheet")
    # A one-sheet file must be read somehow: the user names the person column or the kind.
    columns = list(table.frame.columns)
    return SheetPlan(sheet=name, kind="metrics", mapping=guess_mapping(columns, "metrics"),
                     note="unknown_headers", ask="person")


def _names_person(table: RawTable) -> bool:
    """Whether some header names a person (an id or a name column)."""
    mapping = guess_mapping(list(table.frame.columns), "roster")
    return any(f in ("employee_id", "name") for f in mapping.values())


def _is_target_name(name: str | None) -> bool:
    norm = normalise_header(name or "")
    return any(normalise_header(w) in norm for w in _TARGET_WORDS)


def _shape(sp: SheetPlan, book: Workbook) -> frozenset[str]:
    """A sheet's headers, without the period columns of a periods-across sheet."""
    columns = book.tables[sp.sheet].frame.columns
    return frozenset(c for c in columns if not period_column(sp, c))


def _pair_targets(plan: ImportPlan, book: Workbook) -> None:
    """A metrics sheet named like targets, shaped like another metrics sheet: its targets."""
    metrics = [s for s in plan.sheets if s.kind == "metrics" and s.sheet in book.tables]
    for sp in metrics:
        if not _is_target_name(sp.sheet):
            continue
        partners = [a for a in metrics if a is not sp and not _is_target_name(a.sheet)
                    and _shape(a, book) == _shape(sp, book)]
        if partners:
            sp.kind, sp.targets_for, sp.note = "targets", partners[0].sheet, "targets_sheet"
            _same_metric(sp, partners[0])


def _same_metric(targets: SheetPlan, actuals: SheetPlan) -> None:
    """Targets across the periods are of the actuals' metric, whatever the sheet's title says."""
    if targets.layout == actuals.layout == "periods_across":
        targets.metric = actuals.metric
        targets.ask = None if targets.ask == "metric" else targets.ask


def apply_hints(plan: ImportPlan, book: Workbook, hints: Hints) -> ImportPlan:
    """``plan`` with the user's choices applied (a sheet whose kind changes is re-mapped).

    Raises:
        IngestError: a hint names a sheet, kind or column the file does not have.
    """
    by_name = {s.sheet: s for s in plan.sheets}
    for name, kind in hints.sheets.items():
        if name not in by_name or name in book.skipped:
            raise IngestError("no_such_sheet", sheet=name,
                              sheets=", ".join(str(n) for n in book.tables))
        _set_kind(plan, by_name[name], kind, book)
    if hints.kind is not None:
        included = [s for s in plan.sheets if s.sheet in book.tables and s.kind != "skip"]
        asking = [s for s in plan.sheets if s.ask in ("kind", "person")]
        for sp in (included if len(book.tables) == 1 else asking):
            _set_kind(plan, sp, hints.kind, book)
    if hints.mapping is not None and len(book.tables) == 1:
        only = next(s for s in plan.sheets if s.sheet in book.tables)
        only.mapping, only.ask = dict(hints.mapping), None
    for column, target in ((hints.id_column, "employee_id"), (hints.name_column, "name")):
        if column is not None:
            _set_column(plan, book, column, target)
    for sp in plan.sheets:
        if hints.metric is not None and (sp.layout == "periods_across" or sp.ask == "metric"):
            sp.metric = hints.metric
            sp.ask = None if sp.ask == "metric" else sp.ask
        if hints.year is not None and sp.layout != "events":
            sp.year = hints.year
            sp.ask = None if sp.ask == "year" else sp.ask
        if hints.grain is not None and sp.layout == "long" and sp.kind in ("metrics", "targets"):
            sp.period_grain = None if hints.grain == "day" else hints.grain
        if sp.layout == "events":
            if hints.grain not in (None, *GRAINS):
                raise IngestError("grain_of_events", grain=hints.grain)
            sp.grain = hints.grain or sp.grain
            sp.include_partial = sp.include_partial or hints.include_partial
            sp.ask = None if sp.ask == "grain" and hints.grain else sp.ask
    return plan


def _set_kind(plan: ImportPlan, sp: SheetPlan, kind: str, book: Workbook) -> None:
    """Make ``sp`` a sheet of ``kind``; a long sheet's columns are guessed again for it."""
    if kind not in SHEET_KINDS:
        raise IngestError("wrong_kind", kind=kind)
    if kind == "targets":
        actuals = [s for s in plan.sheets if s.kind == "metrics" and s is not sp]
        same = [s for s in actuals if _shape(s, book) == _shape(sp, book)] or actuals
        if not same:
            raise IngestError("targets_without_actuals", sheet=sp.sheet or "-")
        sp.targets_for = same[0].sheet
        _same_metric(sp, same[0])
    else:
        sp.targets_for = None
    read_as = "metrics" if kind == "targets" else kind
    if kind != "skip" and sp.layout == "long" and read_as != sp.kind and read_as in KINDS:
        table = book.tables[sp.sheet]
        sp.mapping = guess_mapping(list(table.frame.columns), read_as, sample=table.frame)
    if read_as in KINDS and sp.layout != "long" and read_as != "metrics":
        sp.layout = "long"  # only metrics come across the columns or as events
        table = book.tables[sp.sheet]
        sp.mapping = guess_mapping(list(table.frame.columns), read_as, sample=table.frame)
    sp.kind, sp.note = kind, None
    sp.ask = None if sp.ask in ("kind", "person") and kind != "skip" else sp.ask


def _set_column(plan: ImportPlan, book: Workbook, column: str, target: str) -> None:
    """``column`` holds the person (``employee_id`` or ``name``) in every sheet that has it."""
    found = False
    for sp in plan.sheets:
        table = book.tables.get(sp.sheet)
        if table is None or column not in table.frame.columns:
            continue
        found = True
        kind = "metrics" if sp.kind in ("targets", "skip") else sp.kind
        if sp.kind == "skip" and sp.note in ("helper_sheet", "unknown_headers"):
            sp.kind, sp.note = kind, None
            sp.mapping = sp.mapping or guess_mapping(list(table.frame.columns), kind,
                                                     sample=table.frame)
        sp.mapping = {c: (IGNORE if f == target else f) for c, f in sp.mapping.items()}
        sp.mapping[column] = target
        if target == "name" and "employee_id" not in sp.mapping.values():
            sp.people_by = "name"
        sp.ask = None if sp.ask in ("person", "kind") else sp.ask
    if not found:
        raise IngestError("unknown_column", column=column)


def questions(plan: ImportPlan) -> list[tuple[str | None, str]]:
    """``(sheet, ask)`` of every choice the file leaves open, in sheet order."""
    return [(s.sheet, s.ask) for s in plan.sheets if s.ask and s.kind != "skip"]


def kinds_of(plan: ImportPlan) -> list[str]:
    """The kinds a plan stores (targets are stored with their metrics), in a stable order."""
    present = {s.kind for s in plan.sheets}
    return [k for k in FIELDS if k in present]


__all__ = ["Hints", "apply_hints", "fit_recipe", "kinds_of", "plan_for", "propose",
           "questions", "signature"]
