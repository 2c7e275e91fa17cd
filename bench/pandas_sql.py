"""The product's SQL queries redone in plain pandas, on whole tables (``SELECT * FROM t``).

The baselines of ``bench/baselines.py``: every join, filter and aggregation that the product
does in DuckDB is a pandas merge / groupby here; ``tests/test_bench_baselines.py`` checks they
give the product's answer. A library module: ``bench/run.py`` does not run it.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from store import board as board_sql
from store.board import NO_GROUP
from store.impact import MODELS

TABLES = ("metric_values", "employees", "metric_catalog", "coaching_sessions")


def read_all(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every table the baselines need, whole, as pandas frames (dates as datetimes)."""
    out = {name: con.execute(f"SELECT * FROM {name}").df() for name in TABLES}
    out["metric_values"]["period"] = pd.to_datetime(out["metric_values"]["period"])
    out["coaching_sessions"]["session_date"] = pd.to_datetime(
        out["coaching_sessions"]["session_date"])
    return out


def joined(tables: dict[str, pd.DataFrame], as_of=None) -> pd.DataFrame:
    """Values with the owner's roster row and the catalog; target defaults filled."""
    values = tables["metric_values"]
    if as_of is not None:
        values = values[values["period"] <= pd.Timestamp(as_of)]
    people = tables["employees"].drop(columns=["import_id"])
    catalog = tables["metric_catalog"][["metric", "direction", "category", "default_target"]]
    out = values.drop(columns=["import_id"]).merge(people, on="employee_id", how="left")
    out = out.merge(catalog, on="metric", how="left")
    out["target"] = out["target"].fillna(out["default_target"])
    out["direction"] = out["direction"].fillna("higher")
    out["category"] = out["category"].fillna("other")
    return out


# The board: attainment per group x metric x period.


def _groups(frame: pd.DataFrame, tables: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    if by == "team":
        frame["group"] = frame["label"] = frame["team"].fillna(NO_GROUP)
    elif by == "manager":
        names = tables["employees"].set_index("employee_id")["name"]
        boss = frame["manager_id"].map(names)
        frame["group"] = frame["manager_id"].fillna(NO_GROUP)
        frame["label"] = (boss + " (" + frame["manager_id"] + ")").fillna(
            frame["manager_id"]).fillna(NO_GROUP)
    else:
        frame["group"] = frame["employee_id"]
        frame["label"] = (frame["name"] + " (" + frame["employee_id"] + ")").fillna(
            frame["employee_id"])
    frame["team"] = frame["team"].fillna(NO_GROUP)
    return frame


def attainment(tables: dict[str, pd.DataFrame], *, by: str = "team", window: int = 1,
               as_of=None) -> pd.DataFrame:
    """``store.board.attainment`` (every period) in pandas: groupby, then a rolling window."""
    frame = _groups(joined(tables, as_of), tables, by)
    numbers = {p: i + 1 for i, p in enumerate(sorted(frame["period"].unique()))}
    frame["period_no"] = frame["period"].map(numbers)
    frame["a"] = frame["value"].where(frame["target"].notna())
    keys = ["group", "metric", "period", "period_no"]
    per = frame.groupby(keys, as_index=False, sort=True).agg(
        label=("label", "first"), team=("team", "first"), direction=("direction", "first"),
        a=("a", "sum"), t=("target", "sum"), nt=("target", "count"), n=("value", "size"),
        s=("value", "sum"))
    sums = ["a", "t", "nt", "n", "s"]
    rolled = per.copy()
    for back in range(1, window):  # RANGE window: the rows 1..window-1 period numbers before
        earlier = per[["group", "metric", "period_no", *sums]].assign(
            period_no=per["period_no"] + back)
        rolled = rolled.merge(earlier, on=["group", "metric", "period_no"], how="left",
                              suffixes=("", "_back"))
        for column in sums:
            rolled[column] = rolled[column] + rolled.pop(f"{column}_back").fillna(0)
    nt = rolled["nt"].where(rolled["nt"] > 0)
    rolled["actual"], rolled["target"] = rolled["a"] / nt, rolled["t"] / nt
    # No target among the pooled rows: the actual is the mean of all of them.
    rolled["actual"] = rolled["actual"].where(rolled["nt"] > 0, rolled["s"] / rolled["n"])
    ratio = (rolled["t"] / rolled["a"].where(rolled["a"] != 0)).where(
        rolled["direction"].eq("lower"), rolled["a"] / rolled["t"])
    rolled["attainment"] = ratio.where(rolled["nt"].gt(0) & rolled["t"].gt(0))
    rolled["n"] = rolled["n"].astype("int64")
    return rolled[list(board_sql.ATTAINMENT_COLUMNS)]


# The HR impact page: sessions per employee, values per period.


def session_counts(tables: dict[str, pd.DataFrame], *, start, end) -> pd.DataFrame:
    """``store.impact.session_counts`` in pandas."""
    roster = tables["employees"]
    ids = pd.concat([roster.loc[roster["manager_id"].notna(), "employee_id"],
                     tables["metric_values"]["employee_id"]]).drop_duplicates()
    people = pd.DataFrame({"employee_id": ids}).merge(
        roster[["employee_id", "name", "team", "manager_id", "role", "hire_date"]],
        on="employee_id", how="left")
    people["hire_date"] = pd.to_datetime(people["hire_date"])
    log = tables["coaching_sessions"]
    log = log[log["session_date"].between(pd.Timestamp(start), pd.Timestamp(end))]
    model = log["model"].str.upper()
    counted = pd.DataFrame({"employee_id": log["employee_id"], "sessions": 1,
                            "formal": log["session_type"].eq("formal").astype(int),
                            "informal": log["session_type"].eq("informal").astype(int),
                            **{m: model.eq(m).astype(int) for m in MODELS}})
    counts = counted.groupby("employee_id", as_index=False).sum()
    out = people.merge(counts, on="employee_id", how="left")
    columns = ["sessions", "formal", "informal", *MODELS]
    out[columns] = out[columns].fillna(0).astype("int64")
    return out.sort_values("employee_id").reset_index(drop=True)


def period_values(tables: dict[str, pd.DataFrame], *, start, end) -> pd.DataFrame:
    """``store.impact.period_values`` (all metrics) in pandas: a groupby mean."""
    frame = joined(tables)
    frame = frame[frame["period"].between(pd.Timestamp(start), pd.Timestamp(end))]
    keys = ["employee_id", "team", "manager_id", "role", "period", "metric"]
    out = frame.groupby(keys, as_index=False, sort=False, dropna=False).agg(
        value=("value", "mean"), target=("target", "mean"), direction=("direction", "first"))
    return out.sort_values(["employee_id", "metric", "period"]).reset_index(drop=True)


