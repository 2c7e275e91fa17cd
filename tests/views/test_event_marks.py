"""A person's latest value from too few calls, or of a partial week, is marked on the prep page."""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st

import store
from i18n import t
from reports.employee import employee_prep
from tests.ingest import event_log
from tests.views.conftest import make_app


@pytest.fixture(params=[True, False], ids=["partial kept", "partial left out"])
def calls_db(tmp_path, request):
    """The generated call log; returns (db path, truth, name -> id, partial weeks kept)."""
    truth = event_log.calls()
    path = tmp_path / "calls.duckdb"
    con = store.connect(path)
    raw = event_log.csv_bytes(truth)
    kept = request.param
    assert store.import_bytes(con, raw, "calls.csv", include_partial=kept).status == "loaded"
    ids = dict(con.execute("SELECT name, employee_id FROM employees").fetchall())
    con.close()
    return path, truth, ids, kept


def want_marks(truth: pd.DataFrame, agent: str, kept: bool) -> dict[str, str | None]:
    """metric -> the mark of its latest week, from a pandas groupby of the calls."""
    rows = event_log.expected(truth, "week", kept).loc[agent].reset_index()
    last = rows.sort_values("period").drop_duplicates("metric", keep="last")
    return {m: "partial" if p else ("low_volume" if n < 5 else None)
            for m, n, p in zip(last["metric"], last["n_events"], last["partial"], strict=True)}


@pytest.mark.parametrize("agent", ["Ann", "Dee"])
def test_latest_marks_of_the_prep(calls_db, agent):
    path, truth, ids, kept = calls_db
    con = store.connect(path)
    prep = employee_prep(con, ids[agent])
    con.close()
    got = dict(zip(prep.metrics["metric"], prep.metrics["latest_mark"], strict=True))
    assert {m: (x if isinstance(x, str) else None) for m, x in got.items()} == \
        want_marks(truth, agent, kept)


def test_the_page_says_which_latest_values_were_not_compared(monkeypatch, calls_db):
    path, truth, ids, kept = calls_db
    # The page caches by data version, which two databases of one import each share.
    st.cache_data.clear()
    at = make_app(monkeypatch, path)
    at.query_params["id"] = ids["Dee"]  # part-time: her weeks hold fewer than 5 calls
    at.switch_page("views/employee.py").run()
    assert not at.exception, at.exception
    tables = [d.value for d in at.dataframe if "volume" in d.value.columns]
    assert len(tables) == 1
    last = event_log.expected(truth, "week", kept).loc["Dee"].reset_index()
    last = last.sort_values("period").drop_duplicates("metric", keep="last")
    want = {t("volume.partial") if p else t("volume.latest_low", n=n)
            for n, p in zip(last["n_events"], last["partial"], strict=True)}
    assert set(tables[0]["volume"]) == want
