"""The events benchmark compares like with like: DuckDB's GROUP BY of its log and the import
of the log, as CSV and as the benchmark's workbook (date and time cells, shared strings), store
the same figures (a small log, in this process)."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

import store
from bench import import_events as bench
from ingest.propose import Hints
from store.plan_import import import_plan

ROWS = 20_000
METRICS = {"calls": "Calls", "answered": "Answered %", "resolved": "Resolved %",
           "speed": "Speed of answer in seconds", "talk": "AvgTalkDuration",
           "rating": "Satisfaction rating"}


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench_events") / "calls.csv"
    bench.write_csv(path, ROWS)
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_floor_and_the_import_give_the_same_figures(tmp_path, log, fmt):
    floor = duckdb.connect()
    floor.execute(bench.FLOOR_SQL, [str(log)])
    want = floor.execute("SELECT * FROM t").df().set_index(["Agent", "week"])
    source = log if fmt == "csv" else tmp_path / "calls.xlsx"
    if fmt == "xlsx":
        bench.write_xlsx(source, ROWS)
    con = store.connect(tmp_path / "c.duckdb")
    result = import_plan(con, source.read_bytes(), source.name,
                         hints=Hints(grain="week", include_partial=True))
    assert result.status == "loaded", result.as_json()
    got = con.execute("SELECT e.name, v.period::TIMESTAMP AS week, v.metric, v.value "
                      "FROM metric_values v JOIN employees e USING (employee_id)").df()
    got = got.pivot_table(index=["name", "week"], columns="metric", values="value")
    assert sorted(got.index) == sorted(want.index)
    for column, metric in METRICS.items():
        mine = got[metric].reindex(want.index).to_numpy(dtype=float)
        np.testing.assert_allclose(mine, want[column].to_numpy(dtype=float), rtol=1e-9,
                                   err_msg=metric)
