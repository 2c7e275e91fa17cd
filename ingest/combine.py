"""Several sheets' ``Parsed`` as one, to be checked and stored as one import.

While combined, the line of a row is ``sheet number * SHEET_LINES + line``, so lines of
different sheets stay apart through checks that work by line (``store.import_scope``);
``split_lines`` turns the errors back into ``sheet`` + ``line``.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ingest.fields import TABLE_KEYS
from ingest.model import ERROR_COLUMNS, Parsed
from ingest.parse import MAIN_TABLE

SHEET_LINES = 10**9  # above any sheet's last line (xlsx: 1,048,576; one CSV is one sheet)
_ORDER = ("roster", "metrics", "coaching", "goals")  # the roster's attributes win


def combine(parts: list[Parsed]) -> tuple[Parsed, list[str | None]]:
    """One ``Parsed`` holding every part's rows and errors, and the sheet of each number."""
    if len(parts) == 1 and ("sheet" not in parts[0].errors
                            or parts[0].errors["sheet"].isin([parts[0].sheet]).all()):
        return _alone(parts[0]), [parts[0].sheet]  # one sheet: its lines are number 0 already
    parts = sorted(parts, key=lambda p: _ORDER.index(p.kind))
    # A targets sheet's errors travel with its actuals: its name gets a number too.
    sheets = list(dict.fromkeys([p.sheet for p in parts] + [
        s for p in parts if "sheet" in p.errors for s in p.errors["sheet"].unique()]))
    number = {s: i for i, s in enumerate(sheets)}
    tables: dict[str, list[pd.DataFrame]] = {}
    errors: list[pd.DataFrame] = []
    for part in parts:
        offset = number[part.sheet] * SHEET_LINES
        for name, rows in part.tables.items():
            tables.setdefault(name, []).append(rows.assign(line=rows["line"] + offset))
        if not part.errors.empty:
            err = part.errors
            # Errors found after run_plan (store.names) carry no sheet: theirs is the part's.
            where = err["sheet"].map(lambda s, own=part.sheet: number[
                s if isinstance(s, str) else own]) if "sheet" in err else number[part.sheet]
            errors.append(err[ERROR_COLUMNS].assign(line=err["line"] + where * SHEET_LINES))
    merged = {name: pd.concat(frames, ignore_index=True) for name, frames in tables.items()}
    errors += _clashes(merged)
    bad = set(pd.concat(errors)["line"]) if errors else set()
    merged = {n: t[~t["line"].isin(bad)].reset_index(drop=True) for n, t in merged.items()}
    if "employees" in merged and len(parts) > 1:
        merged["employees"] = merged["employees"].groupby(
            "employee_id", sort=False, as_index=False).first()
    error_frame = (pd.concat(errors, ignore_index=True) if errors
                   else pd.DataFrame(columns=ERROR_COLUMNS)).astype({"line": "int64"})
    units = {m: u for p in parts for m, u in p.units.items()}
    directions = {m: d for p in parts for m, d in p.directions.items()}
    kind = "+".join(dict.fromkeys(p.kind for p in parts))
    return Parsed(kind=kind, tables=merged, errors=error_frame,
                  rows_read=sum(p.rows_read for p in parts), units=units, directions=directions,
                  notes=[n for p in parts for n in p.notes],
                  targets_unmatched=sum(p.targets_unmatched for p in parts)), sheets


def _alone(part: Parsed) -> Parsed:
    """A single sheet's ``Parsed`` as combined: no copy of its (possibly million-row) tables."""
    return replace(part, errors=part.errors[ERROR_COLUMNS].astype({"line": "int64"}))


def _clashes(tables: dict[str, pd.DataFrame]) -> list[pd.DataFrame]:
    """A key two sheets both hold (the same person, period and metric) is a bad line."""
    out = []
    for name in set(MAIN_TABLE.values()) - {"employees"}:
        rows = tables.get(name)
        if rows is None or rows.empty:
            continue
        keys = list(TABLE_KEYS[name])
        twice = rows.duplicated(keys)
        if twice.any():
            text = rows.loc[twice, keys].astype("str").agg(" / ".join, axis=1)
            out.append(pd.DataFrame({"line": rows.loc[twice, "line"].to_numpy(),
                                     "column": keys[0], "value": text.to_numpy(),
                                     "code": "duplicate_key"}))
    return out


def split_lines(errors: pd.DataFrame, sheets: list[str | None]) -> pd.DataFrame:
    """Errors of a combined ``Parsed`` with ``sheet`` and the sheet's own ``line``."""
    errors = errors.sort_values("line", kind="stable", ignore_index=True)  # sheet by sheet
    number, line = errors["line"] // SHEET_LINES, errors["line"] % SHEET_LINES
    return errors.assign(line=line.astype("int64"), sheet=[sheets[int(i)] for i in number])


def kinds(parsed: Parsed) -> list[str]:
    """The kinds of a combined ``Parsed`` (``"roster+metrics"`` -> both)."""
    return parsed.kind.split("+")
