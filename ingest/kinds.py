"""Per-kind builders: typed rows (one per source line or metric cell) with a ``line`` column."""

from __future__ import annotations

import hashlib

import pandas as pd

from ingest.context import Context
from ingest.fields import AS_METRIC, PERIOD_PARTS
from ingest.headers import split_unit
from ingest.people import full_name
from ingest.periods import period_start
from ingest.values import (
    parse_dates,
    parse_flags,
    parse_models,
    parse_numbers,
    parse_period_parts,
    parse_progress,
    parse_session_types,
)

PERSON_TEXT = ("name", "team", "manager_id", "role")


def _date(ctx: Context, name: str, *, required: bool = False) -> pd.Series:
    """A date field; bad cells -> ``bad_date``, empty required ones -> ``missing_value``."""
    values, bad = parse_dates(ctx.cells(name))
    ctx.report(bad, name, "bad_date")
    if required:
        ctx.report(values.isna() & ~bad, name, "missing_value")
    return values


def _number(ctx: Context, name: str, *, required: bool = False) -> pd.Series:
    """A number field; bad cells -> ``not_a_number``, empty required -> ``missing_value``."""
    values, bad = parse_numbers(ctx.cells(name), decimal_comma=ctx.decimal_comma)
    ctx.report(bad, name, "not_a_number")
    if required:
        ctx.report(values.isna() & ~bad, name, "missing_value")
    return values


def _required_text(ctx: Context, name: str) -> pd.Series:
    """A text field that must not be empty."""
    values = ctx.text(name)
    ctx.report(values.isna(), name, "missing_value")
    return values


def person_rows(ctx: Context, ids: pd.Series, *, flags: bool = False) -> pd.DataFrame:
    """Employee attributes found on each line (only the mapped ones)."""
    out = pd.DataFrame({"employee_id": ids})
    for name in PERSON_TEXT:
        if ctx.has(name):
            out[name] = ctx.text(name)
    if "name" not in out and (full := full_name(ctx)) is not None:
        out["name"] = full
    if ctx.has("hire_date"):
        out["hire_date"] = _date(ctx, "hire_date")
    if flags and ctx.has("high_potential"):
        values, bad = parse_flags(ctx.cells("high_potential"))
        ctx.report(bad, "high_potential", "bad_flag")
        out["high_potential"] = values
    out["line"] = ctx.lines
    return out


def _wide_metrics(ctx: Context, base: pd.DataFrame, mapping: dict[str, str],
                  units: dict[str, str]) -> pd.DataFrame:
    """One row per non-empty cell of each ``AS_METRIC`` column; empty cells are just absent."""
    parts = []
    for column in (c for c, f in mapping.items() if f == AS_METRIC):
        metric, unit = split_unit(column)
        if unit:
            units[metric] = unit
        values = _number(ctx, column)
        present = values.notna()
        part = base[present].assign(metric=metric, value=values[present], _source=column)
        parts.append(part)
    if not parts:
        return base.assign(metric="", value=0.0, _source="").head(0)
    # Row-major order (line, then column) is what a person reading the file expects.
    return pd.concat(parts).sort_values("line", kind="stable")


def _long_metrics(ctx: Context, base: pd.DataFrame, units: dict[str, str]) -> pd.DataFrame:
    """Metric name and value cells; the unit in a name like ``AHT(秒)`` goes to ``units``."""
    names = _required_text(ctx, "metric")
    split = {u: split_unit(u) for u in names.dropna().unique()}
    units.update({m: u for m, u in split.values() if u})
    # Most files name metrics without a unit: then there is nothing to map a million cells to.
    renamed = any(v[0] != k for k, v in split.items())
    metric = names.map({k: v[0] for k, v in split.items()}).astype("str") if renamed else names
    value = _number(ctx, "value", required=True)
    return base.assign(metric=metric, value=value, _source=ctx.columns["value"])


def _part(ctx: Context, grain: str) -> pd.Series:
    """A year, quarter, month or week column as numbers; bad ones -> ``bad_<grain>``."""
    values, bad = parse_period_parts(ctx.cells(grain), grain)
    ctx.report(bad, grain, f"bad_{grain}")
    ctx.report(values.isna() & ~bad, grain, "missing_value")
    return values


def _year_period(ctx: Context) -> pd.Series:
    """The period of a year column and its quarter, month or week column (a year alone: the
    year); its first day, Monday for an ISO week. A week the year lacks (W53) is bad."""
    years = _part(ctx, "year")
    grain = next((g for g in PERIOD_PARTS if ctx.has(g)), "year")
    parts = _part(ctx, grain) if grain != "year" else pd.Series(1.0, index=years.index)
    known = years.notna() & parts.notna()
    pairs = pd.DataFrame({"y": years[known].astype("int64"), "n": parts[known].astype("int64")})
    starts = {(y, n): period_start(grain, y, n)
              for y, n in pairs.drop_duplicates().itertuples(index=False)}
    days = pd.Series([starts[p] for p in zip(pairs["y"], pairs["n"], strict=True)],
                     index=pairs.index, dtype="object")
    ctx.report(known & days.reindex(years.index).isna(), grain, f"bad_{grain}")
    return pd.to_datetime(days.reindex(years.index))


def _event_counts(ctx: Context, base: pd.DataFrame) -> list[str]:
    """``n_events`` and ``partial`` of aggregated events, when given; their column names."""
    given = []
    if ctx.has("n_events"):
        base["n_events"] = _number(ctx, "n_events").astype("Int64")
        given.append("n_events")
    if ctx.has("partial"):
        values, bad = parse_flags(ctx.cells("partial"))
        ctx.report(bad, "partial", "bad_flag")
        base["partial"] = values
        given.append("partial")
    return given


def metrics(ctx: Context, ids: pd.Series, mapping: dict[str, str],
            units: dict[str, str]) -> dict[str, pd.DataFrame]:
    """``metric_values`` (long or wide layout) and per-line employee attributes."""
    period = (_date(ctx, "period", required=True) if ctx.has("period") or not ctx.has("year")
              else _year_period(ctx))
    # A period after today is a typing slip (2099): kept, it would become the as-of date.
    ctx.report(period > pd.Timestamp.today().normalize(),
               "period" if ctx.has("period") else "year", "future_period")
    base = pd.DataFrame({"employee_id": ids, "period": period})
    base["target"] = _number(ctx, "target") if ctx.has("target") else float("nan")
    events = _event_counts(ctx, base)
    base["line"] = ctx.lines
    long = ctx.has("metric") and ctx.has("value")
    rows = _long_metrics(ctx, base, units) if long else _wide_metrics(ctx, base, mapping, units)
    cols = ["employee_id", "period", "metric", "value", "target", *events, "line", "_source"]
    return {"metric_values": rows[cols], "employees": person_rows(ctx, ids)}


def roster(ctx: Context, ids: pd.Series) -> dict[str, pd.DataFrame]:
    """``employees``: one row per line (duplicates are checked by the caller)."""
    return {"employees": person_rows(ctx, ids, flags=True)}


def session_ids(out: pd.DataFrame) -> pd.Series:
    """Stable id: first 16 hex of sha1(``employee_id|date|type|coach|notes``)."""
    parts = [out["employee_id"], out["session_date"].dt.strftime("%Y-%m-%d"),
             out["session_type"], out["coach"], out["notes"]]
    keys = parts[0].fillna("").str.cat([p.fillna("") for p in parts[1:]], sep="|")
    return pd.Series([hashlib.sha1(k.encode()).hexdigest()[:16] for k in keys],
                     index=out.index, dtype="str")


def coaching(ctx: Context, ids: pd.Series) -> dict[str, pd.DataFrame]:
    """``coaching_sessions``; type is ``formal`` when no column holds it."""
    out = pd.DataFrame({"employee_id": ids, "session_date": _date(ctx, "date", required=True)})
    if ctx.has("type"):
        kind, bad = parse_session_types(ctx.cells("type"))
        ctx.report(bad, "type", "bad_type")
        ctx.report(kind.isna() & ~bad, "type", "missing_value")
        out["session_type"] = kind
    else:
        out["session_type"] = pd.Series("formal", index=ids.index, dtype="str")
    model, bad = (parse_models(ctx.cells("model")) if ctx.has("model")
                  else (pd.Series(pd.NA, index=ids.index, dtype="str"), None))
    if bad is not None:
        ctx.report(bad, "model", "bad_model")
    out["model"] = model
    for name in ("coach", "notes"):
        out[name] = ctx.text(name) if ctx.has(name) else pd.Series(index=ids.index, dtype="str")
    out.insert(0, "session_id", session_ids(out))
    out["line"] = ctx.lines
    return {"coaching_sessions": out}


def goals(ctx: Context, ids: pd.Series) -> dict[str, pd.DataFrame]:
    """``goals`` (weight 1.0 when empty), plus ``employees`` when name or team is mapped."""
    out = pd.DataFrame({"employee_id": ids, "objective": _required_text(ctx, "objective"),
                        "key_result": _required_text(ctx, "key_result")})
    out["weight"] = _number(ctx, "weight").fillna(1.0) if ctx.has("weight") else 1.0
    out["due_date"] = (_date(ctx, "due_date") if ctx.has("due_date")
                       else pd.Series(index=ids.index, dtype="datetime64[ns]"))
    if ctx.has("progress"):
        progress, bad = parse_progress(ctx.cells("progress"))
        ctx.report(bad, "progress", "not_a_number")
        out["progress"] = progress
    else:
        out["progress"] = float("nan")
    out["line"] = ctx.lines
    tables = {"goals": out}
    if ctx.has("name") or ctx.has("team"):
        tables["employees"] = person_rows(ctx, ids)
    return tables
