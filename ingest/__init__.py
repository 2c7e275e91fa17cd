"""Ingest: read uploaded CSV/XLSX exports, recognise their columns, validate every row."""

from __future__ import annotations

from ingest.headers import guess_kind, guess_mapping
from ingest.messages import describe
from ingest.model import IngestError, Parsed, RawTable
from ingest.parse import check_mapping, parse
from ingest.read import read_upload


def prepare(
    raw: bytes,
    filename: str,
    *,
    kind: str | None = None,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> tuple[RawTable, str, dict[str, str], Parsed]:
    """Read, guess the kind and mapping (unless given), check and parse one upload."""
    table = read_upload(raw, filename, sheet=sheet)
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
