"""An event log's figures go from the aggregation to the store typed (no text round trip), on
both backends: every stored value, n_events and partial flag against a pandas groupby of the
generated calls; a second import of the same log changes nothing, undo removes it whole; bad
figures (a report's total row, an id too long, a period after today) are named by the file's
own column and line, and nothing of the file is stored."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import store
from ingest.propose import Hints
from store.plan_import import import_plan
from tests.ingest import event_log


@pytest.fixture
def con(fresh_db):
    c = store.connect(fresh_db)
    yield c
    c.close()


def _stored(con) -> pd.DataFrame:
    frame = con.execute(
        "SELECT e.name AS employee_id, m.period, m.metric, m.value, m.n_events, m.partial "
        "FROM metric_values m JOIN employees e USING (employee_id)").df()
    frame["period"] = pd.to_datetime(frame["period"])
    return frame.set_index(["employee_id", "period", "metric"]).sort_index()


def _import(con, raw: bytes, include_partial: bool):
    return import_plan(con, raw, "calls.csv",
                       hints=Hints(grain="week", include_partial=include_partial))


@pytest.mark.parametrize("include_partial", [True, False])
def test_stored_figures_match_a_pandas_groupby_and_undo_removes_them(con, include_partial):
    truth = event_log.calls()
    raw = event_log.csv_bytes(truth)
    first = _import(con, raw, include_partial)
    assert first.status == "loaded", first.as_json()
    want = event_log.expected(truth, "week", include_partial).sort_index()
    got = _stored(con)
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float),
                               rtol=1e-12)
    assert got["n_events"].astype(int).tolist() == want["n_events"].astype(int).tolist()
    assert got["partial"].astype(bool).tolist() == want["partial"].tolist()
    assert first.rows_loaded == len(want)
    again = _import(con, raw, include_partial)
    assert (again.status, again.rows_changed) == ("loaded", 0)
    assert store.undo_import(con, again.import_id)
    assert store.undo_import(con, first.import_id)
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 0


def _with_bad_lines(truth: pd.DataFrame) -> tuple[bytes, dict, int]:
    """The log with an id column; a total row, an id of 70 characters and a call in 2099
    appended. Returns the bytes, line -> (column, code) of the bad ones, the total's line."""
    ids = {a: f"E{i:03d}" for i, a in enumerate(event_log.AGENTS)}
    lines = ["Call Id,Employee ID,Agent,Date,Answered (Y/N)"] + [
        f"{r.call_id},{ids[r.agent]},{r.agent},{r.date:%Y-%m-%d},{'Y' if r.answered else 'N'}"
        for r in truth.itertuples()]
    n = len(lines)
    lines += ["C90001,合计,,2025-01-08,Y", f"C90002,{'X' * 70},Long,2025-01-08,Y",
              "C90003,E000,Ann,2099-01-07,Y"]
    bad = {n + 2: ("Employee ID", "id_too_long"), n + 3: ("Date", "future_period")}
    return ("\n".join(lines) + "\n").encode(), bad, n + 1


def test_bad_figures_name_the_files_column_and_nothing_is_stored(con):
    raw, bad, total = _with_bad_lines(event_log.calls())
    result = _import(con, raw, True)
    assert result.status == "failed"
    assert [n.params["line"] for n in result.notes if n.code == "total_row"] == [total]
    errors = result.errors.drop_duplicates(["line", "code"])
    assert {r.line: (r.column, r.code) for r in errors.itertuples()} == bad
    assert result.rows_rejected == len(bad)
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 0
