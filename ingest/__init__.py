"""Ingest: read uploaded CSV/XLSX exports, recognise their columns, validate every row."""

from __future__ import annotations

from ingest.headers import guess_kind, guess_mapping, kind_choices
from ingest.messages import describe
from ingest.model import IngestError, Parsed, RawTable
from ingest.parse import check_mapping, parse
from ingest.plan import SheetPlan
from ingest.propose import Hints, plan_for, propose, questions, signature
from ingest.read import read_sheets, read_upload
from ingest.run import run_plan
from ingest.shapes import events, periods


def _across(table: RawTable, plan: SheetPlan, metric: str | None,
            year: int | None) -> tuple[RawTable, Parsed]:
    """A periods-across sheet (``ingest.shapes.periods``) reshaped, then parsed."""
    plan.metric, plan.year = metric or plan.metric, year or plan.year
    shaped = periods.reshape(table, plan)
    shaped.table.unreadable = table.unreadable
    parsed = parse(shaped.table, kind="metrics", mapping=shaped.mapping, errors=shaped.errors)
    parsed.rows_read = len(table.frame)  # the file's rows, not the long rows made of them
    # A bad id is found once per period cell of its line: name it once.
    parsed.errors = parsed.errors.drop_duplicates(ignore_index=True)
    parsed.notes[:0] = shaped.notes
    return shaped.table, parsed


def parse_events(table: RawTable, plan: SheetPlan) -> Parsed:
    """An event log aggregated by ``plan`` (``ingest.shapes.events``), then parsed as metrics;
    its bad event lines are the import's bad lines."""
    parsed = events.parsed(table, plan)
    parsed.rows_read = len(table.frame)  # the events, not the figures made of them
    parsed.directions = events.directions(plan)
    return parsed


def prepare(
    raw: bytes,
    filename: str,
    *,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    metric: str | None = None,
    year: int | None = None,
    grain: str | None = None,
    include_partial: bool = False,
) -> tuple[RawTable, str, dict[str, str], Parsed]:
    """Read, guess the kind and mapping (unless given), check and parse one upload.

    A sheet with periods across its columns is unpivoted first; ``metric`` names what it
    measures and ``year`` the year of headers without one (both found in the file if it can).
    An event log (one row per call, ticket, deal ...) is aggregated to person x period KPIs
    at ``grain`` (default: what ``ingest.shapes.events.detect`` proposes).
    """
    table = read_upload(raw, filename, sheet=sheet)
    plan = periods.detect(table, sheet=table.sheet) if mapping is None and kind in (
        None, "metrics") else None
    if plan is not None:
        shaped, parsed = _across(table, plan, metric, year)
        return shaped, "metrics", plan.mapping, parsed
    columns = list(table.frame.columns)
    if kind is None and mapping is None and len(choices := kind_choices(columns)) > 1:
        raise IngestError("ambiguous_kind", kinds=", ".join(choices))
    if mapping is None and kind in (None, "metrics"):
        plan = events.detect(table, sheet=table.sheet)
        if plan is not None:
            plan.grain = grain or plan.grain
            plan.include_partial = include_partial
            return table, "metrics", plan.mapping, parse_events(table, plan)
    if kind is None:
        kind = guess_kind(columns)
        if kind is None:
            raise IngestError("unknown_headers")
    if mapping is None:
        mapping = guess_mapping(columns, kind, sample=table.frame)
    check_mapping(kind, mapping)
    return table, kind, mapping, parse(table, kind=kind, mapping=mapping)


__all__ = [
    "Hints", "IngestError", "Parsed", "RawTable", "check_mapping", "describe", "guess_kind",
    "guess_mapping", "kind_choices", "parse", "parse_events", "plan_for", "prepare", "propose",
    "questions", "read_sheets", "read_upload", "run_plan", "signature",
]
