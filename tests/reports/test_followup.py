"""Follow-up record export (CSV/XLSX, injection-safe), the due list, the timeline."""

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

import store
from i18n import t
from reports import followup
from reports.safe import neutralise
from store import actions, coaching_log, plans

ROSTER = ("工号,姓名,部门,直属主管,入职日期\nE1,王芳,一组,M1,2025-06-02\nE2,李娜,二组,M2,2020-01-01\n"
          "M1,张经理,一组,,2019-01-01\n")
METRICS = "工号,日期,客户满意度\nE1,2025/6/30,80\nE2,2025/6/30,90\n"


@pytest.fixture
def con(tmp_path):
    con = store.connect(tmp_path / "f.duckdb")
    for raw, name in ((ROSTER, "roster.csv"), (METRICS, "m.csv")):
        assert store.import_bytes(con, raw.encode(), name).status == "loaded"
    sid = coaching_log.log_session(con, employee_id="E1", session_date=date(2025, 6, 5),
                                   session_type="informal", model="GROW", coach="M1",
                                   notes="first talk")
    actions.add_action(con, sid, {"goal": "CSAT", "action": "=HYPERLINK(\"x\")",
                                  "owner": "@E1", "deadline": date(2025, 6, 20),
                                  "progress": "+2 points"})
    coaching_log.log_session(con, employee_id="E2", session_date=date(2025, 6, 10),
                             session_type="formal", model="BEST", coach="M2", notes="-ok")
    plans.create_plan(con, employee_id="E1", goal="CSAT 85", measures="listen to calls",
                      owner="M1", deadline=date(2025, 7, 31))
    yield con
    con.close()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("ok", "ok"), ("a=b", "a=b"), (5, 5), (-5.0, -5.0)],
)
def test_neutralise(value, expected):
    assert neutralise(pd.DataFrame({"c": [value]}))["c"].tolist() == [expected]


def test_followup_record_rows(con):
    rec = followup.followup_record(con)
    assert rec.columns.tolist() == followup.RECORD_COLUMNS
    got = rec.drop(columns="date").to_numpy().tolist()
    assert got[0] == ["王芳 (E1)", "CSAT", "+2 points", '=HYPERLINK("x")', "@E1", "2025-06-20"]
    assert got[1][:3] == ["李娜 (E2)", f"{t('cl.type.formal')} BEST", "-ok"]
    assert rec["item"].tolist()[2] == "CSAT 85"  # the plan, dated today: last
    assert followup.followup_record(con, manager_id="M2")["employee"].tolist() == ["李娜 (E2)"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_session_in_the_record_reads_in_words_not_codes(con, lang):
    rec = followup.followup_record(con, lang=lang)
    sessions = rec.loc[rec["item"].str.endswith(("BEST", "GROW"))]
    assert sessions["item"].tolist() == [f"{t('cl.type.formal', lang)} BEST"]
    assert not rec["item"].str.startswith(("formal", "informal")).any()


def test_csv_is_injection_safe_and_excel_readable(con):
    raw = followup.to_csv(followup.followup_record(con), labels={"measure": "改进措施"})
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str)
    assert back["改进措施"].iloc[0] == "'=HYPERLINK(\"x\")"
    assert back["owner"].iloc[0] == "'@E1"
    assert back["summary"].tolist()[:2] == ["'+2 points", "'-ok"]


def test_xlsx_formula_cell_is_text(con):
    raw = followup.to_xlsx(followup.followup_record(con))
    sheet = load_workbook(io.BytesIO(raw)).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("measure") + 1)
    assert cell.data_type == "s"
    assert cell.value == "'=HYPERLINK(\"x\")"
    assert sheet.cell(row=2, column=header.index("employee") + 1).value == "王芳 (E1)"


def test_due_list_per_manager_as_of_latest_data(con):
    assert followup.as_of_date(con) == pd.Timestamp("2025-06-30")
    due = followup.due_list(con, manager_id="M1")
    # E1 hired 2 June, first talk 5 June, still in the first month on 30 June: weekly due
    # 12 June; the action was due 20 June.
    assert due[["employee_id", "kind", "days_overdue"]].to_numpy().tolist() == [
        ["E1", "weekly_new_hire", 18], ["E1", "action", 10]]
    assert set(followup.due_list(con)["employee_id"]) == {"E1", "E2"}  # not M1 (no data)


def test_timeline_cuts_at_as_of(con):
    view = followup.timeline(con, "E1", as_of=pd.Timestamp("2025-06-04"))
    assert view.sessions.empty
    assert view.series.empty
    view = followup.timeline(con, "E1")
    assert view.sessions["notes"].tolist() == ["first talk"]
    assert view.actions["owner"].tolist() == ["@E1"]


def test_timeline_chart_puts_sessions_and_actions_on_the_metric_axis(con):
    from charts.timeline import employee_timeline

    coaching_log.log_session(con, employee_id="E1", session_date=date(2025, 6, 12),
                             session_type="formal", model="GROW", coach="M1", notes="<b>x</b>")
    view = followup.timeline(con, "E1")
    labels = {"sessions": "Sessions", "actions": "Actions", "value": "Value", "team": "Team"}
    fig = employee_timeline(view.series, view.sessions, view.actions, labels=labels)
    names = [trace.name for trace in fig.data]
    assert names == ["Sessions", "open", "Value", "Team"]
    assert list(fig.data[0].marker.symbol) == ["diamond", "circle-open"]  # newest first
    assert "&lt;b&gt;x&lt;/b&gt;" in fig.data[0].text[0]
    assert len(fig.layout.shapes) >= 2  # a dotted line per session through every panel
    assert fig.layout.xaxis.matches == "x2"  # one shared time axis
    with pytest.raises(ValueError, match="team"):
        employee_timeline(view.series, view.sessions, view.actions, labels={
            "sessions": "S", "actions": "A", "value": "V"})
