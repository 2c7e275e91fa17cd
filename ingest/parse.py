"""Check a column mapping and turn a ``RawTable`` into validated, typed tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ingest import kinds
from ingest.context import Context
from ingest.fields import AS_METRIC, FIELDS, IGNORE, PERIOD_PARTS, TABLE_KEYS
from ingest.model import IngestError, Parsed, RawTable
from ingest.notes import Note
from ingest.people import by_name, person_ids

MAIN_TABLE = {"metrics": "metric_values", "roster": "employees",
              "coaching": "coaching_sessions", "goals": "goals"}
# A total/subtotal row of a report, in the id or name column.
_TOTAL = r"(?:合计|总计|小计|汇总|总和|total|grand total|subtotal|sum)\s*" + "[:\uff1a]?"


def check_mapping(kind: str, mapping: dict[str, str]) -> None:
    """Raise ``IngestError`` unless ``mapping`` (column -> field) can be parsed as ``kind``."""
    if kind not in FIELDS:
        raise IngestError("wrong_kind", kind=kind)
    used: dict[str, list[str]] = {}
    for column, target in mapping.items():
        if target == IGNORE or (target == AS_METRIC and kind == "metrics"):
            continue
        if target not in FIELDS[kind]:
            raise IngestError("unknown_field", field=target, column=column)
        used.setdefault(target, []).append(column)
    for target, columns in used.items():
        if len(columns) > 1:
            raise IngestError("field_twice", field=target, columns=", ".join(columns))
    for target, required in FIELDS[kind].items():
        # A year column (with a quarter, month or week column) stands in for the period, a name
        # column for a missing id column (store.names resolves it).
        if required and target not in used and not (target == "period" and "year" in used) \
                and not (target == "employee_id" and "name" in used):
            raise IngestError("missing_field", field=target)
    if any(p in used for p in PERIOD_PARTS) and not {"year", "period"} & used.keys():
        raise IngestError("missing_field", field="year")
    if kind == "metrics":
        if ("metric" in used) != ("value" in used):
            raise IngestError("missing_field", field="value" if "metric" in used else "metric")
        if "metric" not in used and AS_METRIC not in mapping.values():
            raise IngestError("no_metric_columns")


def total_rows(cells: pd.Series) -> pd.Series:
    """Which trimmed id or name cells say 合计/总计/Total: a report's total row, not a person."""
    # Match each distinct text once: a long export repeats the same ids and names.
    distinct = pd.Series(cells.dropna().unique(), dtype="str")
    hits = set(distinct[distinct.str.fullmatch(_TOTAL, case=False).astype(bool)])
    return cells.isin(hits) if hits else pd.Series(False, index=cells.index)


def total_notes(lines: pd.Series) -> list[str]:
    """One note per line of total rows dropped (a line unpivoted gives many rows)."""
    return [Note("total_row", line=line) for line in dict.fromkeys(lines.tolist())]


def _drop_totals(ctx: Context) -> None:
    """Drop report total rows (合计/总计/Total in the id or name cell), noting each line."""
    total = pd.Series(False, index=ctx.frame.index)
    for name in ("employee_id", "name"):
        if ctx.has(name):
            total |= total_rows(ctx.text(name))
    if not total.any():
        return
    ctx.notes.extend(total_notes(ctx.lines[total]))
    ctx.frame, ctx.lines = ctx.frame[~total], ctx.lines[~total]


def _drop_bad(ctx: Context, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Remove every row that comes from a line with an error, from every table."""
    bad = ctx.bad_lines()
    return {n: t[~t["line"].isin(bad)] for n, t in tables.items()}


def _row_codes(columns: list[np.ndarray]) -> np.ndarray:
    """One int per row, equal for rows whose codes (all >= 0) are all equal."""
    row, bound = np.zeros(len(columns[0]) if columns else 0, dtype="int64"), 1
    for col in columns:
        size = int(col.max(initial=0)) + 1
        if bound * size >= 2**62:  # renumber before the mixed-radix number could overflow
            row, bound = pd.factorize(row)[0], len(row) + 1
        row, bound = row * size + col, bound * size
    return row


def dedupe(ctx: Context, table: pd.DataFrame, keys: list[str], source: str) -> pd.DataFrame:
    """Drop exact repeats (with a note); a key repeated with other values is ``duplicate_key``."""
    values = [c for c in table.columns if c not in ("line", "_source", "session_id")]
    # Each column's text is hashed once (factorize) for both checks; codes compare fast.
    codes = {c: pd.factorize(table[c], use_na_sentinel=False)[0]
             for c in dict.fromkeys(values + keys)}
    exact = pd.Series(_row_codes([codes[c] for c in values]), index=table.index).duplicated()
    if exact.any():
        lines = sorted(set(table.loc[exact, "line"].tolist()))
        ctx.notes.append(Note("repeated_lines", lines=lines))
    table = table[~exact]
    kept = ~exact.to_numpy()
    clash = pd.Series(_row_codes([codes[c][kept] for c in keys]), index=table.index).duplicated()
    if clash.any():
        rows = table[clash]
        key_text = rows[keys].astype("str").agg(" / ".join, axis=1)
        column = rows["_source"] if "_source" in rows else ctx.columns.get(source, source)
        ctx.errors.append(pd.DataFrame({"line": rows["line"].to_numpy(), "column": column,
                                        "value": key_text.to_numpy(), "code": "duplicate_key"}))
    return table


def _first_per_employee(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per employee: the first non-empty value of each attribute, its first line."""
    return rows.groupby("employee_id", sort=False, as_index=False).first()


def parse(raw: RawTable, *, kind: str, mapping: dict[str, str],
          errors: pd.DataFrame | None = None) -> Parsed:
    """Validate and type every row; every bad cell becomes a row of ``Parsed.errors``.

    ``errors``: bad cells found before (by ``ingest.shapes``); their lines are not imported.
    """
    check_mapping(kind, mapping)
    missing = [c for c in mapping if c not in raw.frame.columns]
    if missing:
        raise IngestError("unknown_column", column=missing[0])
    fields = {f: c for c, f in mapping.items() if f not in (IGNORE, AS_METRIC)}
    ctx = Context.of(raw, fields)
    if errors is not None and len(errors):
        ctx.errors.append(errors)
    if raw.unreadable:  # lines no encoding of the file reads: blank in the table, bad here
        ctx.errors.append(pd.DataFrame({"line": raw.unreadable, "column": "", "value": None,
                                        "code": "undecodable_line"}))
    _drop_totals(ctx)
    ids = person_ids(ctx)
    units: dict[str, str] = {}
    if kind == "metrics":
        tables = kinds.metrics(ctx, ids, mapping, units)
    else:
        tables = getattr(kinds, kind)(ctx, ids)
    main = MAIN_TABLE[kind]
    tables = _drop_bad(ctx, tables)
    keys = list(TABLE_KEYS[main])
    tables[main] = dedupe(ctx, tables[main], keys, "employee_id")
    tables = _drop_bad(ctx, tables)
    if kind != "roster" and "employees" in tables:
        tables["employees"] = _first_per_employee(tables["employees"])
    tables = {n: t.drop(columns="_source", errors="ignore").reset_index(drop=True)
              for n, t in tables.items()}
    return Parsed(kind=kind, tables=tables, errors=ctx.error_frame(), rows_read=len(raw.frame),
                  units=units, notes=ctx.notes,
                  name_column=fields["name"] if by_name(fields) else None)
