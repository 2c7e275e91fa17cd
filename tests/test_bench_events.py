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


def test_the_stages_add_up_and_the_trial_with_the_old_key_stores_the_same(tmp_path, log):
    got = {case: bench.measure(case, log, tmp_path / f"{case}.duckdb")
           for case in ("stages", "stages-with-key")}
    parts = ["start", "connect (schema)", "read", "propose", "aggregate", "names", "checks",
             "insert", "import log", "commit, recipe, audit"]
    for spent in got.values():
        assert list(spent) == [*parts, "total"]
        assert min(c for _, c in spent.values()) >= 0
        # the stages are parts of the run: together no more CPU than it used
        assert sum(spent[p][1] for p in parts) <= spent["total"][1] + 0.05
    rows, keys = {}, {}
    for case in got:
        con = duckdb.connect(str(tmp_path / f"{case}.duckdb"), read_only=True)
        rows[case] = sorted(con.execute("SELECT * EXCLUDE (import_id) FROM metric_values")
                            .fetchall())
        keys[case] = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name "
                                 "= 'metric_values' AND constraint_type = 'PRIMARY KEY'"
                                 ).fetchone()[0]
        con.close()
    assert rows["stages"] == rows["stages-with-key"]
    floor = duckdb.connect()
    floor.execute(bench.FLOOR_SQL, [str(log)])
    figures = " + ".join(f"count({c})" for c in METRICS)  # a mean of no answered call: none
    assert len(rows["stages"]) == floor.execute(f"SELECT {figures} FROM t").fetchone()[0]
    assert keys == {"stages": 0, "stages-with-key": 1}
