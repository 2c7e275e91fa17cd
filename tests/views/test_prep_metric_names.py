"""The pages of a call log: the count Coachboard named "Calls" reads 通话量 in Chinese (the prep's
charts and tables, the HR page's metric box, the employee's own page); the file's own words
("Answered %") read as the file has them."""

import pandas as pd
import pytest

import store
from i18n import t
from reports.metric_names import metric_label
from store.users import add_user
from tests.views.conftest import make_app
from tests.views.test_employee_page import charts, open_prep
from tests.views.test_roles import signed_in_app


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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_hr_pages_metric_box_names_it_alike(monkeypatch, call_log, lang):
    path, _, stored = call_log
    at = make_app(monkeypatch, path, "views/impact.py", lang=lang)
    box = at.selectbox(key="imp_metric")
    assert box.options[1:] == [metric_label(m, lang) for m in stored]
    assert t("metric.proposed.calls", lang) in box.options


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_employees_own_page_names_it_alike(monkeypatch, call_log, lang):
    path, becky, _ = call_log
    con = store.connect(path)
    add_user(con, "becky@example.com", role="employee", employee_id=becky)
    con.close()
    at = signed_in_app(monkeypatch, path, "becky@example.com")
    at.session_state["lang"] = lang
    at.run()
    calls = t("metric.proposed.calls", lang)
    assert calls in set(at.dataframe[0].value[t("me.col.metric", lang)])
    assert any(title.startswith(calls) for title in charts(at))



@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_overview_names_it_alike(monkeypatch, call_log, lang):
    """The heatmap's columns, the trend's metric box and its title: the reader's words."""
    path, _, stored = call_log
    at = make_app(monkeypatch, path, "views/overview.py", lang=lang)
    calls = t("metric.proposed.calls", lang)
    box = at.selectbox(key="ov_metric")
    assert box.options == [metric_label(m, lang) for m in stored]
    heatmaps = [s for s in charts(at).values()
                if any(d.get("type") == "heatmap" for d in s["data"])]
    columns = {x for d in heatmaps[0]["data"] if d.get("type") == "heatmap" for x in d["x"]}
    assert {calls, "Answered %"} <= columns
    box.set_value("Calls").run()
    titles = list(charts(at))
    assert any(calls in title for title in titles)
    if lang == "zh":
        assert "Calls" not in columns
        assert not any("Calls" in title for title in titles)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_what_ifs_metric_box_names_it_alike(monkeypatch, call_log, lang):
    """The prep's what-if box formats its options in the run's language, also outside the run
    (AppTest picks a value so: the session's language read then was English in Chinese mode)."""
    path, becky, stored = call_log
    at = open_prep(monkeypatch, path, becky, lang)
    box = at.selectbox(key="wi_metric")
    assert box.options == [metric_label(m, lang) for m in stored]
    box.set_value("Calls")
    assert box.index == stored.index("Calls")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="wi_metric").value == "Calls"
    assert any(f.value.columns[0] == t("wi.col.what", lang) for f in at.dataframe)
