"""Issue 17, the flow follows the person across pages: "Log this talk" on the prep page and on
each flagged row, "Log a talk" and the timeline on each follow-up row, the follow-up's wording
("overdue by 11 days", never a negative count), managers by name, the first session of a
never-coached new hire, and the new-hire GROW question for new hires only."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

import store
from i18n import t
from tests.views.conftest import make_app

PREP, OVERVIEW, DUE = "views/employee.py", "views/overview.py", "views/coaching_due.py"
AS_OF = date(2025, 6, 30)  # a Monday: the last week of the generated team
HIRED_40_DAYS_AGO = AS_OF - timedelta(days=40)


def _open(monkeypatch, db, page: str, lang: str = "en", **query: str):
    at = make_app(monkeypatch, db, lang=lang)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _link(employee_id: str, lang: str) -> str:
    return f"coaching?id={employee_id}" + ("" if lang == "en" else f"&lang={lang}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_prep_page_links_to_the_log_of_its_person(monkeypatch, demo_copy, lang):
    at = _open(monkeypatch, demo_copy, PREP, lang, id="E010")
    button = at.button(key="emp_log_talk")
    assert button.label == t("flow.log_this_talk", lang)
    button.click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("cl.title", lang)
    assert at.selectbox(key="cl_employee").value == "E010"
    assert at.query_params.get("id") == "E010"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_flagged_row_of_the_overview_logs_a_talk_with_its_person(monkeypatch, demo_copy,
                                                                       lang):
    at = _open(monkeypatch, demo_copy, OVERVIEW, lang)
    table = next(d.value for d in at.dataframe if d.key == "ov_flags")
    assert len(table) > 0
    assert table["log"].tolist() == [_link(e, lang) for e in table["employee_id"]]


def _due(at) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "days_overdue" in d.value.columns)


def _when(days: int, lang: str) -> str:
    """The wording recomputed from the number of days, independently of the page."""
    if days == 0:
        return t("fu.when.today", lang)
    if days > 0:
        return t("fu.when.overdue_one", lang) if days == 1 else t("fu.when.overdue", lang, n=days)
    return t("fu.when.soon_one", lang) if days == -1 else t("fu.when.soon", lang, n=-days)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_follow_up_says_overdue_by_or_due_in_and_each_row_logs_a_talk(monkeypatch, demo_copy,
                                                                       lang):
    at = _open(monkeypatch, demo_copy, DUE, lang)
    due = _due(at)
    as_of = pd.Timestamp("2025-12-29")  # the demo's latest data date, the page's default
    days = [(as_of - pd.Timestamp(d)).days for d in due["due"]]
    assert due["when"].tolist() == [_when(n, lang) for n in days]
    assert {n > 0 for n in days} == {True, False}  # both wordings are exercised
    assert not any("-" in w for w in due["when"])
    assert due["log"].tolist() == [_link(e, lang) for e in due["employee_id"]]


def test_choosing_a_follow_up_row_opens_that_persons_timeline(monkeypatch, demo_copy):
    at = _open(monkeypatch, demo_copy, DUE)
    due = _due(at)
    row = int(due.index[due["employee_id"] != at.selectbox(key="fu_employee").value][0])
    at.session_state["fu_due_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="fu_employee").value == due["employee_id"].iloc[row]
    links = [e.proto for e in at.get("page_link") if e.proto.label == t("flow.log_a_talk")]
    assert [p.query_string for p in links] == [f"id={due['employee_id'].iloc[row]}"]


def test_managers_are_picked_by_name(monkeypatch, demo_copy):
    at = _open(monkeypatch, demo_copy, DUE)
    con = store.connect(demo_copy)
    bosses = con.execute("SELECT DISTINCT m.name, m.team FROM employees e JOIN employees m "
                         "ON m.employee_id = e.manager_id").fetchall()
    con.close()
    expected = {t("fu.manager_label", name=n, team=tm) if tm else n for n, tm in bosses}
    options = at.selectbox(key="fu_manager").options
    assert set(options) == {t("fu.everyone"), *expected}
    assert not [o for o in options if o in ("M01", "M02", "M03", "D01")]


@pytest.fixture
def new_hire_db(tmp_path):
    """Five agents hired in 2020 and N1 hired 40 days before the last week, never coached;
    one old agent has a session (the cadence flags need a coaching log)."""
    weeks = [AS_OF - timedelta(weeks=w) for w in range(12)][::-1]
    rows = ["工号,姓名,团队,入职日期,日期,指标,实际值,目标值"]
    for i in range(5):
        rows += [f"E{i},Agent {i},T1,2020-01-06,{w:%Y-%m-%d},CSAT,{85 + i + (k % 3)},85"
                 for k, w in enumerate(weeks)]
    rows += [f"N1,New Hire,T1,{HIRED_40_DAYS_AGO:%Y-%m-%d},{w:%Y-%m-%d},CSAT,80,85"
             for w in weeks if w >= HIRED_40_DAYS_AGO]
    path = tmp_path / "newhire.duckdb"
    con = store.connect(path)
    assert store.import_bytes(con, "\n".join(rows).encode(), "team.csv").status == "loaded"
    from store.coaching_log import log_session
    log_session(con, employee_id="E0", session_date=AS_OF - timedelta(days=3),
                session_type="formal", model="GROW", coach="Li Lei", notes="Weekly talk")
    con.close()
    return path


def test_a_never_coached_new_hire_stays_due_for_the_first_session(monkeypatch, new_hire_db):
    at = _open(monkeypatch, new_hire_db, DUE)
    mine = _due(at).query("employee_id == 'N1'")
    # 40 days after hire, first session due 7 days after hire: 33 days overdue.
    first_session_days = 7
    overdue = (AS_OF - HIRED_40_DAYS_AGO).days - first_session_days
    assert mine[["kind", "when"]].to_numpy().tolist() == [
        [t("fu.kind.first_session"), t("fu.when.overdue", n=overdue)]]
    at.switch_page(OVERVIEW).run()
    flags = next(d.value for d in at.dataframe if d.key == "ov_flags")
    assert "N1" in set(flags["employee_id"])
    assert t("mgr.reason.new_hire_uncoached") in flags.loc[flags["employee_id"] == "N1",
                                                          "reason_text"].iloc[0]


@pytest.mark.parametrize(("employee_id", "as_of"), [("E010", "2025-10-13"), ("E022", "2025-08-04")])
def test_the_first_weeks_question_is_not_asked_of_someone_hired_years_ago(monkeypatch, demo_copy,
                                                                          employee_id, as_of):
    at = make_app(monkeypatch, demo_copy)
    at.session_state["as_of"] = as_of
    at.query_params["id"] = employee_id
    at.switch_page(PREP).run()
    assert not at.exception, at.exception
    grow = " ".join(m.value for m in at.markdown)
    assert t("prep.grow.R.nometric", "en") not in grow
    assert t("prep.grow.R.general", "en") in grow


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_timeline_names_the_session_type_and_the_coach_in_words(monkeypatch, demo_copy, lang):
    import json

    at = _open(monkeypatch, demo_copy, DUE, lang)
    at.selectbox(key="fu_employee").set_value("E010").run()
    spec = json.loads(next(c.proto.spec for c in at.get("plotly_chart")))
    talks = next(tr for tr in spec["data"] if tr.get("name") == t("fu.sessions", lang))
    con = store.connect(demo_copy)
    coaches = con.execute("SELECT DISTINCT m.name FROM coaching_sessions s JOIN employees m "
                          "ON m.employee_id = s.coach WHERE s.employee_id = 'E010'").fetchall()
    con.close()
    words = {t(f"cl.type.{k}", lang) for k in ("formal", "informal")}
    assert all(any(text.startswith(w) for w in words) for text in talks["text"])
    assert all(any(c in text for (c,) in coaches) for text in talks["text"])
    assert not [x for x in talks["text"] if x.startswith(("formal", "informal"))]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_hr_page_names_managers_not_their_ids(monkeypatch, demo_copy, lang):
    at = _open(monkeypatch, demo_copy, "views/impact.py", lang)
    con = store.connect(demo_copy)
    bosses = dict(con.execute("SELECT DISTINCT m.employee_id, m.name FROM employees e "
                              "JOIN employees m ON m.employee_id = e.manager_id").fetchall())
    con.close()
    ids = set(bosses)
    assert set(at.selectbox(key="imp_manager").options) == {t("impact.all_managers", lang),
                                                            *bosses.values()}
    tables = [d.value for d in at.dataframe]
    people = next(f for f in tables if "hire_date" in f.columns)
    compliance = next(f for f in tables if "measure" in f.columns)
    corr = next(f for f in tables if "group_by" in f.columns)
    for shown in (people["manager_id"], compliance["manager_id"],
                  corr.loc[corr["group_by"] == t("impact.manager", lang), "group"]):
        assert not set(shown) & ids
        assert set(shown) & set(bosses.values())
