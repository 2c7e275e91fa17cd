"""The board's attainment on both backends, recomputed from the analytics frames with pandas:
the grouping, pooling, rolling window, lookback, labels and directions agree with the SQL."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import store
from store import board
from store.frames import metric_frame, people_frame


@pytest.fixture(scope="module", params=("duckdb", "postgresql"))
def con(request, demo_db):
    if request.param == "duckdb":
        con = store.connect(demo_db)
        yield con
        con.close()
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.database("demo")
    con = store.connect(url)
    yield con
    con.close()
    cluster.drop(url)


def expected(con, by: str, window: int, lookback: int | None) -> pd.DataFrame:
    """attainment() by hand: pandas sums per (group, metric, period), rolled over period numbers."""
    rows = metric_frame(con).astype({"team": object, "employee_id": object, "metric": object})
    people = people_frame(con).set_index("employee_id")
    rows["group"] = {
        "team": rows["team"].fillna(board.NO_GROUP),
        "manager": rows["employee_id"].map(people["manager_id"]).fillna(board.NO_GROUP),
        "employee": rows["employee_id"],
    }[by]
    numbers = {p: n for n, p in enumerate(sorted(rows["period"].unique()), start=1)}
    rows["period_no"] = rows["period"].map(numbers)
    rows["a"] = rows["value"].where(rows["target"].notna())
    per = rows.groupby(["group", "metric", "period_no"]).agg(
        a=("a", "sum"), t=("target", "sum"), nt=("target", "count"), n=("value", "size"),
        s=("value", "sum"), direction=("direction", "first")).reset_index()
    shifted = [per.assign(period_no=per["period_no"] + k) for k in range(window)]
    rolled = pd.concat(shifted).groupby(["group", "metric", "period_no"]).agg(
        a=("a", "sum"), t=("t", "sum"), nt=("nt", "sum"), n=("n", "sum"), s=("s", "sum"),
        direction=("direction", "first")).reset_index()
    rolled = rolled.merge(per[["group", "metric", "period_no"]])  # only periods with rows
    if lookback is not None:
        rolled = rolled[rolled["period_no"] > max(numbers.values()) - lookback]
    ratio = np.where(rolled["direction"].eq("lower"), rolled["t"] / rolled["a"],
                     rolled["a"] / rolled["t"])
    rolled["attainment"] = np.where(rolled["nt"].eq(0) | rolled["t"].le(0), np.nan, ratio)
    rolled["actual"] = np.where(rolled["nt"].eq(0), rolled["s"] / rolled["n"],
                                rolled["a"] / rolled["nt"])
    return rolled


@pytest.mark.parametrize(("by", "window", "lookback"), [
    ("team", 1, None), ("team", 4, 2), ("manager", 1, None), ("manager", 3, 1),
    ("employee", 1, None), ("employee", 2, 3),
])
def test_attainment_is_the_pandas_sum_of_the_rows(con, by, window, lookback):
    got = board.attainment(con, by=by, window=window, lookback=lookback)
    want = expected(con, by, window, lookback)
    assert len(got) == len(want) > 0
    both = got.merge(want, on=["group", "metric", "period_no"], suffixes=("", "_want"))
    assert len(both) == len(got)
    assert both["n"].tolist() == both["n_want"].tolist()
    assert both["direction"].tolist() == both["direction_want"].tolist()
    np.testing.assert_allclose(both["attainment"].astype(float), both["attainment_want"],
                               rtol=1e-9)
    np.testing.assert_allclose(both["actual"].astype(float), both["actual_want"], rtol=1e-9)


@pytest.mark.parametrize("by", ["manager", "employee"])
def test_labels_name_the_groups_person(con, by):
    got = board.attainment(con, by=by).drop_duplicates("group")
    names = people_frame(con).set_index("employee_id")["name"]
    named = got[got["group"].isin(names.index)]
    assert len(named) > 0
    assert (named["label"] == named["group"].map(names) + " (" + named["group"] + ")").all()
