"""The coaching pages (log, follow-up, plans) on empty, demo and one-person databases."""

from datetime import date

import pytest

import store
from i18n import t
from store import actions as acts
from store import coaching_log
from tests.views.conftest import make_app

LOG, DUE, PLANS = "views/coaching.py", "views/coaching_due.py", "views/coaching_plans.py"


def _button(at, key: str):
    return next(b for b in at.button if b.label == t(key))


def _table(at, column: str):
    """The value of the first st.dataframe with ``column`` (st.dataframe has no AppTest key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _log_session(at, notes="Talked about CSAT", **parts):
    """Fill the form (parts of GROW unless another model is chosen) and save."""
    at.text_area(key="cl_f_notes").input(notes)
    for part, text in parts.items():
        at.text_input(key=f"cl_f_{part}").input(text)
    _button(at, "cl.save_session").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", [LOG, DUE, PLANS])
def test_empty_database_says_there_is_nobody(monkeypatch, empty_db, page):
    at = make_app(monkeypatch, empty_db, page=page)
    assert [i.value for i in at.info] == [t("cl.no_people")]


def test_one_person_log_a_session_and_see_it(monkeypatch, one_person_db):
    at = make_app(monkeypatch, one_person_db, page=LOG)
    assert t("cl.no_sessions") in [i.value for i in at.info]
    at.text_input(key="coach_name").input("Li Lei").run()
    _log_session(at, goal="CSAT 90")
    assert at.success[0].value == t("cl.session_saved", date=f"{date.today():%Y-%m-%d}")
    shown = _table(at, "source")
    assert shown["coach_name"].tolist() == ["Li Lei"]
    con = store.connect(one_person_db)
    sid = coaching_log.sessions(con)["session_id"].iloc[0]
    assert coaching_log.session_parts(con, sid) == {"goal": "CSAT 90"}
    con.close()
    for page in (DUE, PLANS):
        at.switch_page(page).run()
        assert not at.exception, at.exception


def test_validation_error_keeps_what_was_typed(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page=LOG)
    at.selectbox(key="cl_employee").set_value("E006").run()
    before = len(_table(at, "source"))
    at.text_input(key="coach_name").input("Wang")
    at.selectbox(key="cl_f_model").set_value("BEST").run()
    _log_session(at, notes="   ")
    assert at.error[0].value == t("cl.error.notes.required")
    assert at.text_input(key="coach_name").value == "Wang"
    assert at.selectbox(key="cl_f_model").value == "BEST"
    assert len(_table(at, "source")) == before


def _demo_session_with_two_actions(monkeypatch, db):
    at = make_app(monkeypatch, db, page=LOG)
    at.selectbox(key="cl_employee").set_value("E006").run()
    at.text_input(key="coach_name").input("M01").run()
    _log_session(at)
    sid = at.selectbox(key="cl_session").value
    for action, owner in (("Listen to 3 calls", "M01"), ("=cmd() practice script", "E006")):
        at.text_input(key=f"cl_a_action_{sid}").input(action)
        at.text_input(key=f"cl_a_owner_{sid}").input(owner)
        _button(at, "cl.add_action").click().run()
        assert not at.exception, at.exception
    return at, sid


def test_actions_added_listed_and_a_stale_save_is_refused(monkeypatch, demo_copy):
    at, sid = _demo_session_with_two_actions(monkeypatch, demo_copy)
    grid = at.dataframe(key=f"cl_actions_{sid}_2").value
    assert grid["action"].tolist() == ["Listen to 3 calls", "=cmd() practice script"]
    # another tab saves a change after this page loaded the actions
    con = store.connect(demo_copy)
    theirs = acts.session_actions(con, sid)
    acts.save_actions(con, sid, theirs.assign(progress="other tab"), base=acts.versions(theirs),
                      by="other")
    _button(at, "cl.save_actions").click().run()
    assert at.warning[0].value == t("cl.conflict")
    assert at.dataframe[1].value["progress"].tolist() == ["other tab", "other tab"]
    assert at.dataframe(key=f"cl_actions_{sid}_2") is not None  # the user's table stays
    assert acts.session_actions(con, sid)["progress"].tolist() == ["other tab", "other tab"]
    _button(at, "cl.take_theirs").click().run()
    assert not at.warning
    assert at.dataframe(key=f"cl_actions_{sid}_3").value["version"].tolist() == [2, 2]
    assert store.open_actions(con, "E006")["action"].tolist()[:2] == [
        "Listen to 3 calls", "=cmd() practice script"]
    con.close()


def test_delete_asks_first_and_can_be_undone(monkeypatch, demo_copy):
    at, sid = _demo_session_with_two_actions(monkeypatch, demo_copy)
    count = len(_table(at, "source"))
    _button(at, "cl.delete").click().run()
    assert at.warning[0].value == t("cl.delete_confirm", date=f"{date.today():%Y-%m-%d}", n=2)
    _button(at, "cl.delete_no").click().run()
    assert not at.warning
    _button(at, "cl.delete").click().run()
    _button(at, "cl.delete_yes").click().run()
    assert len(_table(at, "source")) == count - 1
    assert at.success[0].value == t("cl.deleted", date=f"{date.today():%Y-%m-%d}")
    _button(at, "cl.undo").click().run()
    assert len(_table(at, "source")) == count
    assert at.selectbox(key="cl_session").value == sid


def test_ratings_feed_the_satisfaction_rate(monkeypatch, demo_copy):
    at, sid = _demo_session_with_two_actions(monkeypatch, demo_copy)
    at.radio(key=f"cl_r_employee_{sid}").set_value(4)
    at.radio(key=f"cl_r_manager_{sid}").set_value(3)
    _button(at, "cl.rate.save").click().run()
    at.switch_page(DUE).run()
    assert not at.exception, at.exception
    metric = at.metric[0]
    assert (metric.label, metric.value) == (t("fu.satisfaction"), "100.0%")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_follow_up_page_on_demo(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, page=DUE, lang=lang)
    assert at.title[0].value == t("fu.title", lang)
    due = _table(at, "days_overdue")
    assert set(due["kind"]) <= {t(f"fu.kind.{k}", lang) for k in
                                ("first_session", "weekly_new_hire", "quarterly_formal",
                                 "monthly_contact", "action")}
    at.selectbox(key="fu_manager").set_value("M01").run()
    assert set(_table(at, "days_overdue")["team"]) == {"售后一组"}
    at.radio(key="fu_as_of").set_value("today").run()
    assert not at.exception, at.exception


def test_plan_created_confirmed_reviewed_assessed(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page=PLANS)
    at.selectbox(key="pl_employee").set_value("E006").run()
    at.text_input(key="coach_name").input("M01")
    assert t("pl.none") in [i.value for i in at.info]
    _button(at, "pl.create").click().run()
    assert at.error[0].value == t("cl.error.goal.required")
    at.text_input(key="pl_f_goal").input("CSAT 85% in 4 weeks")
    _button(at, "pl.create").click().run()
    assert at.success[0].value == t("pl.created")
    pid = at.selectbox(key="pl_plan").value
    _button(at, "pl.confirm_as_manager").click().run()
    at.text_input(key=f"pl_emp_name_{pid}").input("杨磊")
    _button(at, "pl.confirm_as_employee").click().run()
    _button(at, "pl.save_review").click().run()
    at.radio(key=f"pl_result_{pid}").set_value("partly")
    _button(at, "pl.save_assess").click().run()
    assert not at.exception, at.exception
    con = store.connect(demo_copy)
    from store import plans
    got = plans.plans(con, employee_id="E006").iloc[0]
    assert (got["manager_confirmed_by"], got["employee_confirmed_by"]) == ("M01", "杨磊")
    assert (got["reviews"], got["assessment"]) == (1, "partly")
    con.close()


def _contact_overdue(at, employee_id: str) -> list[int]:
    due = _table(at, "days_overdue")
    mine = due.loc[(due["employee_id"] == employee_id)
                   & (due["kind"] == t("fu.kind.monthly_contact"))]
    return mine["days_overdue"].tolist()


def test_follow_up_page_sees_a_new_session_at_once(monkeypatch, demo_copy):
    # The due list is cached; the key holds the data version, so a session logged
    # after the list was shown moves the person's next contact on the very next visit.
    at = make_app(monkeypatch, demo_copy, page=DUE)
    at.radio(key="fu_as_of").set_value("today").run()
    assert [d for d in _contact_overdue(at, "E006") if d > 0], "E006 should be overdue"
    at.switch_page(LOG).run()
    at.selectbox(key="cl_employee").set_value("E006").run()
    at.text_input(key="coach_name").input("M01").run()
    _log_session(at)
    at.switch_page(DUE).run()
    at.radio(key="fu_as_of").set_value("today").run()
    assert not at.exception, at.exception
    assert all(d <= 0 for d in _contact_overdue(at, "E006"))

