"""Guess a file's kind and its column mapping from its headers (and a sample of its cells).

The words themselves (synonyms, units, which field a header names) live in
``ingest.header_words``."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ingest.dates import read_period
from ingest.fields import AS_METRIC, FIELDS, IGNORE, PERIOD_PARTS
from ingest.header_words import (
    PART_WORDS,
    find_fields,
    is_known_header,
    normalise_header,
    part_word,
    split_unit,
)
from ingest.values import parse_numbers

# Header words that name some other record's id or code: never a metric of a wide file.
_ID_LIKE = re.compile(r"(id|no|code|编号|编码|代码|号)$")


def _is_period_like(column: str) -> bool:
    """A date-ish header such as ``ReviewDate`` or ``统计月份``: a fallback for period."""
    norm = normalise_header(split_unit(column)[0])
    return norm.endswith(("date", "日期", "month", "月份", "week", "period", "周期"))


def _period_column(columns: Sequence[str]) -> str | None:
    """The period column of a metrics file: an exact synonym, else a date-ish header."""
    found = find_fields(columns, "metrics")
    if "period" in found:
        return found["period"]
    hire = found.get("hire_date")
    return next((c for c in columns if c != hire and _is_period_like(c)), None)


def _wide_candidates(columns: Sequence[str]) -> list[str]:
    """Columns of a would-be metrics file that name no known field: wide metric columns.

    A year, quarter, month or week column (``财年``, ``Fiscal Quarter``) or a period header
    (``2024-01``, ``Q1 2024``: periods across the columns) is never a metric.
    """
    taken = set(find_fields(columns, "metrics").values()) | {_period_column(columns)}
    return [c for c in columns if c not in taken and not is_known_header(c)
            and not _ID_LIKE.search(normalise_header(split_unit(c)[0]))
            and part_word(c) is None and not normalise_header(c).endswith(("year", "年度"))
            and read_period(c) is None]


def _split_period(matches: dict[str, str], sample: object | None) -> None:
    """Next to a year column, a ``月份``/``周``/``Quarter`` column holding 1-12, Q1 or W05 (not
    ``2024-01``) is that part of the year, not the period itself."""
    column = matches.get("period")
    if "year" not in matches or column is None:
        return
    part = part_word(column)
    cells = [] if sample is None else pd.Series(sample[column]).dropna().head(50)
    stamps = [s for s in map(read_period, cells) if s is not None]
    if any(s.year is not None for s in stamps):
        return  # full periods: the year column is redundant
    part = part or next((s.grain for s in stamps if s.grain in PART_WORDS), None)
    if part is not None and part not in matches:
        matches[part] = matches.pop("period")


def _lone_part(matches: dict[str, str]) -> None:
    """A quarter, month or week column without a year column (``季度``: Q1, 一季度) is the
    period itself, its year asked (``ingest.years``): never a roster's extra column."""
    part = next((p for p in PERIOD_PARTS if p in matches), None)
    if part is not None and not {"period", "year"} & matches.keys():
        matches["period"] = matches.pop(part)


def guess_kind(columns: Sequence[object]) -> str | None:
    """The import kind the headers suggest, or None when no column looks like an employee id."""
    cols = [str(c) for c in columns]
    found = {kind: set(find_fields(cols, kind)) for kind in FIELDS}
    if not {"employee_id", "name"} & found["roster"]:
        return None  # neither an id nor a name column: nobody to file the rows under
    if {"objective", "key_result"} <= found["goals"]:
        return "goals"
    long_metrics = {"metric", "value"} & found["metrics"]
    # A notes column alone is weak evidence: a wide metrics report may carry 备注 too.
    coaching_signs = found["coaching"] & {"type", "model", "coach"} or (
        "notes" in found["coaching"] and not _wide_candidates(cols))
    if "date" in found["coaching"] and coaching_signs and not long_metrics:
        return "coaching"
    # Periods across the columns (``ingest.shapes.periods``) make a metrics file too.
    has_period = (_period_column(cols) is not None or "year" in found["metrics"]
                  or bool(found["metrics"] & set(PERIOD_PARTS))
                  or sum(read_period(c) is not None for c in cols) >= 2)
    if has_period and (long_metrics == {"metric", "value"} or _wide_candidates(cols)):
        return "metrics"
    # An id without a period is at least a list of employees; with one, a metrics file
    # whose metric columns are missing (check_mapping then says so clearly).
    return "metrics" if has_period else "roster"


_ROSTER_SIGNS = frozenset({"team", "manager_id", "role", "hire_date", "high_potential"})


def kind_choices(columns: Sequence[object]) -> list[str]:
    """The kinds a file could be: one when its headers decide, none when nobody is named.

    Two (metrics, roster) when only a date-ish header (``LastReviewDate``, not a period word
    nor a year column) makes it metrics while columns such as team or role make it a list of
    people: then the user says which (``--kind``), nothing is guessed.
    """
    kind = guess_kind(columns)
    if kind != "metrics":
        return [kind] if kind else []
    cols = [str(c) for c in columns]
    found = find_fields(cols, "metrics")
    weak_period = not {"period", "year", "metric"} & found.keys()
    if weak_period and _ROSTER_SIGNS & found.keys():
        return ["metrics", "roster"]
    return ["metrics"]


def _looks_numeric(sample: object) -> bool:
    """True when most non-empty cells of a sample column parse as numbers."""
    cells = pd.Series(sample, dtype="object").dropna().head(200)
    if cells.empty:
        return True
    _, bad = parse_numbers(cells.astype("str"))
    return bool(bad.mean() <= 0.5)


def guess_mapping(
    columns: Sequence[object], kind: str, *, sample: object | None = None
) -> dict[str, str]:
    """Each column -> a field of ``FIELDS[kind]``, ``IGNORE`` or (metrics, wide) ``AS_METRIC``.

    ``sample`` (optional, a DataFrame of the upload) lets wide metrics skip text columns.
    """
    cols = [str(c) for c in columns]
    matches = find_fields(cols, kind)
    if kind == "metrics" and "period" not in matches:
        period = _period_column(cols)
        if period is not None and period not in matches.values():
            matches["period"] = period
    if kind == "metrics":
        _split_period(matches, sample)
        _lone_part(matches)
    by_column = {col: field for field, col in matches.items()}
    wide = kind == "metrics" and not {"metric", "value"} <= matches.keys()
    candidates = set(_wide_candidates(cols)) if wide else set()
    mapping: dict[str, str] = {}
    for col in cols:
        if col in by_column:
            mapping[col] = by_column[col]
        elif col in candidates and (sample is None or _looks_numeric(sample[col])):
            mapping[col] = AS_METRIC
        else:
            mapping[col] = IGNORE
    return mapping
