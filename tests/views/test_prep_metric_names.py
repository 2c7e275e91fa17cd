"""The prep page of a call log: the count Coachboard named "Calls" reads 通话量 in Chinese (its
charts, tables and sentences); the file's own words ("Answered %") read as the file has them."""

import pandas as pd
import pytest

import store
from i18n import t
from tests.views.test_employee_page import charts, open_prep


@pytest.fixture
def call_log(tmp_path):
    """A call log (one row per call) of four agents over eight weeks, imported as it is."""
    days = pd.date_range("2021-01-04", periods=56, freq="D")
    calls = pd.DataFrame([(a, d.strftime("%Y-%m-%d"), "Y" if (i + k) % 4 else "N")
                          for i, a in enumerate(("Becky", "Dan", "Jim", "Joe"))
                          for d in days for k in range(2 + (i + d.day) % 3)],
                         columns=["Agent", "Date", "Answered (Y/N)"])
    calls.insert(0, "Call Id", [f"C{n:05d}" for n in range(len(calls))])
    path = tmp_path / "calls.duckdb"
    con = store.connect(path)
    assert store.import_bytes(con, calls.to_csv(index=False).encode(), "calls.csv").status == "loaded"
    stored = sorted(r[0] for r in con.execute("SELECT DISTINCT metric FROM metric_values").fetchall())
    becky = con.execute("SELECT employee_id FROM employees WHERE name = 'Becky'").fetchone()[0]
    con.close()
    return path, becky, stored


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_proposed_count_reads_in_the_readers_language(monkeypatch, call_log, lang):
    path, becky, stored = call_log
    assert stored == ["Answered %", "Calls"]  # the importer's English names are the keys
    at = open_prep(monkeypatch, path, becky, lang)
    calls = t("metric.proposed.calls", lang)
    titles = set(charts(at))
    assert {calls, "Answered %"} <= titles
    team_table = next(f.value for f in at.dataframe if "metric" in f.value.columns)
    assert set(team_table["metric"]) == {calls, "Answered %"}
    if lang == "zh":
        assert "Calls" not in titles
