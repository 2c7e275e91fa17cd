"""Values between the store and psycopg: result types as DuckDB gives them (Arrow, pandas) and
parameters as psycopg takes them."""

from __future__ import annotations

import duckdb
import pandas as pd
import psycopg
import pyarrow as pa
from psycopg.adapt import Loader

# Type oid -> Arrow type of a result column; anything else arrives as text.
ARROW = {16: pa.bool_(), 20: pa.int64(), 21: pa.int16(), 23: pa.int32(), 700: pa.float32(),
         701: pa.float64(), 1700: pa.float64(), 1082: pa.date32(), 1114: pa.timestamp("us"),
         1184: pa.timestamp("us", tz="UTC"), 25: pa.string(), 1043: pa.string(),
         114: pa.string(), 3802: pa.string(), 19: pa.string()}


class _Numeric(Loader):
    """numeric as DuckDB gives it: a whole number (a sum of integers) as int, else float."""

    def load(self, data) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class _Text(Loader):
    """json as text, as DuckDB returns its JSON columns (the store parses it itself)."""

    def load(self, data) -> str:
        return bytes(data).decode()



def register_loaders(conn: psycopg.Connection) -> None:
    """numeric and json come back as DuckDB returns them (below)."""
    for name, loader in (("numeric", _Numeric), ("json", _Text), ("jsonb", _Text)):
        conn.adapters.register_loader(name, loader)


def arrow_of(cur: psycopg.Cursor, rows: list[tuple]) -> pa.Table:
    desc = cur.description or []
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(desc)
    arrays = []
    for col, values in zip(desc, columns, strict=True):
        kind = ARROW.get(col.type_code)
        if kind is None:
            kind, values = pa.string(), [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=kind))
    return pa.Table.from_arrays(arrays, names=[c.name for c in desc])


class Result:
    """What ``sql()`` returns: one query's rows, as Arrow or pandas."""

    def __init__(self, table: pa.Table) -> None:
        self._table = table

    def to_arrow_table(self) -> pa.Table:
        return self._table

    def df(self) -> pd.DataFrame:
        return frame_of(self._table)


def frame_of(table: pa.Table) -> pd.DataFrame:
    """The frame DuckDB's ``.df()`` would give (nullable ints, datetime64 dates, str)."""
    local = duckdb.connect()
    try:
        return local.from_arrow(table).df()
    finally:
        local.close()


def params_of(params):
    """DuckDB takes numpy scalars and tuples; psycopg wants Python values and lists."""
    if params is None:
        return None
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return [_value(v) for v in params]


def _value(value):
    if hasattr(value, "item") and not isinstance(value, (list, tuple, pd.Timestamp)):
        return value.item()  # numpy int64, float64, bool_
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value
