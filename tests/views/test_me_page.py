"""The employee's own page in AppTest, signed in as employee E001 on a real demo database: their
numbers and the team band recomputed by pandas, nobody else's id or name anywhere on the page,
and their three writes (confirm a plan, rate a talk, answer the pulse) landing in the file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import store
from i18n import t
from i18n.texts import TEXTS
from store.plans import create_plan
from store.users import add_user
from tests.views.conftest import make_app
from tests.views.test_roles import signed_in_app

EMAIL = "e001@example.com"


@pytest.fixture
def me_db(demo_copy) -> Path:
    con = store.connect(demo_copy)
    create_plan(con, employee_id="E001", goal="CSAT 90 by March", measures="two call reviews")
    create_plan(con, employee_id="E002", goal="someone else's plan")
    add_user(con, EMAIL, role="employee", employee_id="E001")
    con.close()
    return demo_copy


def _raw(db: Path, sql: str) -> pd.DataFrame:
    con = store.connect(db)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def _texts(at) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "success", "warning") for e in getattr(at, kind)]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [str(o) for s in at.selectbox for o in s.options]
    return "\n".join(map(str, parts))


def test_the_page_shows_their_numbers_and_the_band_and_no_one_else(monkeypatch, me_db):
    at = signed_in_app(monkeypatch, me_db, EMAIL)
    assert at.title[0].value == t("me.title")
    assert at.header[0].value == "张伟 · E001"
    raw = _raw(me_db, "SELECT v.employee_id, e.team, v.metric, v.period, v.value FROM "
                      "metric_values v JOIN employees e USING (employee_id)")
    mine = raw[raw["employee_id"] == "E001"].sort_values("period").groupby("metric").tail(1)
    table = at.dataframe[0].value.set_index(t("me.col.metric"))
    for row in mine.itertuples():
        team = raw[(raw["team"] == row.team) & (raw["period"] == row.period)
                   & (raw["metric"] == row.metric) & (raw["employee_id"] != "E001")]["value"]
        shown = table.loc[row.metric]
        assert float(shown[t("me.col.value")]) == pytest.approx(row.value)
        # the band's middle: the mean of the three colleagues' values around the median
        values, middle = sorted(team), (len(team) - 1) // 2
        assert float(shown[t("me.col.median")]) == pytest.approx(
            sum(values[middle - 1:middle + 2]) / 3, abs=0.01)
        assert shown[t("me.col.n")] == str(len(team))
    others = _raw(me_db, "SELECT employee_id, name FROM employees WHERE employee_id <> 'E001'")
    text = _texts(at)
    assert not [x for x in [*others["employee_id"], *others["name"]] if x in text]
    assert "someone else's plan" not in text


def test_the_employee_confirms_their_plan_rates_a_talk_and_answers_the_pulse(monkeypatch, me_db):
    at = signed_in_app(monkeypatch, me_db, EMAIL)
    talks = len(_raw(me_db, "SELECT 1 FROM coaching_sessions WHERE employee_id = 'E001'"))
    waiting = [c.value for c in at.caption]
    assert t("me.pulse.waiting", n=talks, total=talks) in waiting
    at.button(key=next(b.key for b in at.button if b.key.startswith("me_confirm_"))).click().run()
    assert at.success[0].value == t("me.plan.confirmed")
    talk = at.selectbox(key="me_talk").value
    at.slider(key=f"me_score_{talk}").set_value(5)
    at.text_input(key=f"me_comment_{talk}").input("clear next steps")
    at.button[[b.label for b in at.button].index(t("me.rate.save"))].click().run()
    assert at.success[0].value == t("me.rate.saved")
    at.slider(key="me_useful").set_value(4)
    at.radio(key="me_facts").set_value(False)
    at.text_area(key="me_support").input("a quiet room")
    at.button[[b.label for b in at.button].index(t("me.pulse.save"))].click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == t("me.pulse.saved")
    assert t("me.pulse.waiting", n=talks - 1, total=talks) in [c.value for c in at.caption]
    assert _raw(me_db, "SELECT employee_confirmed_by FROM improvement_plans WHERE "
                       "employee_id = 'E001'")["employee_confirmed_by"].tolist() == [EMAIL]
    assert _raw(me_db, "SELECT session_id, rater, score, comment FROM session_ratings"
                ).to_numpy().tolist() == [[talk, "employee", 5, "clear next steps"]]
    # Back on the page, the form opens on their rating of that talk, not on the default.
    assert at.slider(key=f"me_score_{talk}").value == 5
    assert at.text_input(key=f"me_comment_{talk}").value == "clear next steps"
    assert _raw(me_db, "SELECT session_id, employee_id, useful, facts_right, support FROM "
                       "session_pulse").to_numpy().tolist() == [[talk, "E001", 4, False,
                                                             "a quiet room"]]


def test_chinese_page_and_the_local_preview_is_read_only(monkeypatch, me_db):
    at = make_app(monkeypatch, me_db, page="views/me.py", lang="zh")
    assert at.title[0].value == t("me.title", "zh")
    assert at.info[0].value == t("me.preview", "zh")
    assert all(b.disabled for b in at.button if b.key is None or b.key.startswith("me_"))


def test_a_signed_in_manager_waits_for_the_employees_own_confirmation(monkeypatch, me_db):
    con = store.connect(me_db)
    add_user(con, "m01@example.com", role="manager", employee_id="M01")
    con.close()
    at = signed_in_app(monkeypatch, me_db, "m01@example.com", id="E001")
    at.switch_page("views/coaching_plans.py").run()
    assert not at.exception, at.exception
    assert t("me.plan.waiting") in [c.value for c in at.caption]
    assert not [w for w in at.text_input if str(w.key).startswith("pl_emp_name_")]


def test_in_chinese_the_employee_reads_no_english_and_no_raw_codes(monkeypatch, me_db):
    at = signed_in_app(monkeypatch, me_db, EMAIL)
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("me.title", "zh")
    text = _texts(at) + "\n" + "\n".join(
        str(w.label) for kind in ("button", "slider", "radio", "text_area", "text_input")
        for w in getattr(at, kind))
    english = [en for key, (en, zh) in TEXTS.items() if key.startswith(("me.", "direction."))
               and en != zh and "{" not in en]
    assert [e for e in english if e in text] == []
    for code in ("informal", "formal", "higher", "lower", "open", "None", "nan", "middle"):
        assert code not in text.replace("\\", ""), code


def test_the_page_shows_their_forecast_per_metric(monkeypatch, me_db):
    at = signed_in_app(monkeypatch, me_db, EMAIL)
    table = next(d.value for d in at.dataframe if t("me.fc.status") in d.value.columns)
    metrics = _raw(me_db, "SELECT DISTINCT metric FROM metric_values WHERE employee_id = 'E001'")
    assert sorted(table[t("me.col.metric")]) == sorted(metrics["metric"])
    statuses = {t(f"me.fc.status.{s}") for s in ("on_track", "at_risk", "likely_to_miss")}
    assert set(table[t("me.fc.status")]) <= statuses
