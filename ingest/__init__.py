"""Ingest: read uploaded CSV/XLSX exports, recognise their columns, validate every row."""

from __future__ import annotations

from ingest.headers import guess_kind, guess_mapping
from ingest.messages import describe
from ingest.model import IngestError, Parsed, RawTable
from ingest.parse import check_mapping, parse
from ingest.plan import SheetPlan
from ingest.read import read_upload
from ingest.shapes import periods


def _across(table: RawTable, plan: SheetPlan, metric: str | None,
            year: int | None) -> tuple[RawTable, Parsed]:
    """A periods-across sheet (``ingest.shapes.periods``) reshaped, then parsed."""
    plan.metric, plan.year = metric or plan.metric, year or plan.year
    shaped = periods.reshape(table, plan)
    parsed = parse(shaped.table, kind="metrics", mapping=shaped.mapping, errors=shaped.errors)
    parsed.rows_read = len(table.frame)  # the file's rows, not the long rows made of them
    # A bad id is found once per period cell of its line: name it once.
    parsed.errors = parsed.errors.drop_duplicates(ignore_index=True)
    parsed.notes[:0] = shaped.notes
    return shaped.table, parsed


def prepare(
    raw: bytes,
    filename: str,
    *,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    metric: str | None = None,
    year: int | None = None,
) -> tuple[RawTable, str, dict[str, str], Parsed]:
    """Read, guess the kind and mapping (unless given), check and parse one upload.

    A sheet with periods across its columns is unpivoted first; ``metric`` names what it
    measures and ``year`` the year of headers without one (both found in the file if it can).
    """
    table = read_upload(raw, filename, sheet=sheet)
    plan = periods.detect(table, sheet=table.sheet) if mapping is None and kind in (
        None, "metrics") else None
    if plan is not None:
        shaped, parsed = _across(table, plan, metric, year)
        return shaped, "metrics", plan.mapping, parsed
    columns = list(table.frame.columns)
    if kind is None:
        kind = guess_kind(columns)
        if kind is None:
            raise IngestError("unknown_headers")
    if mapping is None:
        mapping = guess_mapping(columns, kind, sample=table.frame)
    check_mapping(kind, mapping)
    return table, kind, mapping, parse(table, kind=kind, mapping=mapping)


__all__ = [
    "IngestError", "Parsed", "RawTable", "check_mapping", "describe", "guess_kind",
    "guess_mapping", "parse", "prepare", "read_upload",
]
