"""The coaching log: sessions logged in the app, actions with history and conflicts, plans."""

from datetime import date

import pandas as pd
import pytest

import store
from store import actions, coaching_log, plans
from store.actions import ActionConflict
from store.coaching_log import EntryError

ROSTER = "工号,姓名,部门,直属主管,入职日期\nE1,王芳,一组,M1,2025-01-06\nE2,李娜,一组,M1,2024-03-01\n"


@pytest.fixture
def con(fresh_db):
    con = store.connect(fresh_db)
    assert store.import_bytes(con, ROSTER.encode(), "roster.csv").status == "loaded"
    yield con
    con.close()


def _log(con, employee="E1", day=date(2025, 7, 1), **kw):
    args = {"session_type": "formal", "model": "GROW", "coach": "M1", "notes": "n", **kw}
    return coaching_log.log_session(con, employee_id=employee, session_date=day, **args)


def _rows(*actions_):
    return pd.DataFrame([{"action_id": None, "goal": "CSAT", "owner": "E1", "deadline": None,
                          "support": None, "progress": None, "status": "open",
                          "next_adjustment": None, **a} for a in actions_])


def test_logged_session_is_in_the_shared_table_with_parts(con):
    sid = _log(con, parts={"goal": "CSAT 85%", "will": " call back ", "reality": ""})
    row = con.execute("SELECT employee_id, session_type, import_id FROM coaching_sessions "
                      "WHERE session_id = ?", [sid]).fetchone()
    assert row == ("E1", "formal", None)
    assert coaching_log.session_parts(con, sid) == {"goal": "CSAT 85%", "will": "call back"}
    assert store.facts(con)["sessions"] == 1
    assert coaching_log.sessions(con)["source"].tolist() == ["app"]


@pytest.mark.parametrize(
    ("kw", "field", "code"),
    [({"employee": "NOPE"}, "employee", "unknown"), ({"employee": ""}, "employee", "required"),
     ({"day": None}, "date", "required"), ({"session_type": "x"}, "type", "unknown"),
     ({"model": "ABC"}, "model", "unknown"), ({"parts": {"foo": "x"}}, "parts", "unknown"),
     ({"day": date(2999, 1, 1)}, "date", "future"),
     ({"notes": " ", "parts": {"goal": ""}}, "notes", "required")],
)
def test_bad_sessions_are_refused_and_nothing_is_stored(con, kw, field, code):
    with pytest.raises(EntryError) as err:
        _log(con, **kw)
    assert (err.value.field, err.value.code) == (field, code)
    assert store.facts(con)["sessions"] == 0


def test_delete_and_restore_a_session(con):
    sid = _log(con)
    actions.save_actions(con, sid, _rows({"action": "a"}), base={}, by="M1")
    assert coaching_log.delete_session(con, sid, by="M1")
    assert store.facts(con)["sessions"] == 0
    assert actions.open_actions(con, "E1").empty  # hidden with its session
    assert not coaching_log.delete_session(con, sid)
    assert coaching_log.restore_session(con, sid, by="M1")
    assert coaching_log.sessions(con)["session_id"].tolist() == [sid]
    assert actions.open_actions(con, "E1")["action"].tolist() == ["a"]
    events = con.execute("SELECT event FROM session_log ORDER BY changed_at").fetchall()
    assert [e[0] for e in events] == ["created", "deleted", "restored"]


def test_every_action_edit_is_kept_as_history(con):
    sid = _log(con)
    assert actions.save_actions(con, sid, _rows({"action": "call 3 clients"}), base={},
                                by="Li") == {"added": 1, "changed": 0}
    first = actions.session_actions(con, sid)
    edited = first.assign(status="done", progress="3/3")
    assert actions.save_actions(con, sid, edited, base=actions.versions(first), by="Wang") == {
        "added": 0, "changed": 1}
    again = actions.session_actions(con, sid)
    assert actions.save_actions(con, sid, again, base=actions.versions(again)) == {
        "added": 0, "changed": 0}  # unchanged rows make no new version
    hist = actions.action_history(con, sid)
    assert hist[["version", "changed_by", "status"]].to_numpy().tolist() == [
        [2, "Wang", "done"], [1, "Li", "open"]]
    assert actions.session_actions(con, sid)["version"].tolist() == [2]


def test_a_stale_save_is_refused_with_theirs(con):
    sid = _log(con)
    actions.save_actions(con, sid, _rows({"action": "a"}), base={}, by="tab1")
    loaded = actions.session_actions(con, sid)  # both tabs load version 1
    base = actions.versions(loaded)
    actions.save_actions(con, sid, loaded.assign(progress="tab 1"), base=base, by="tab1")
    with pytest.raises(ActionConflict) as err:
        actions.save_actions(con, sid, loaded.assign(progress="tab 2"), base=base, by="tab2")
    assert err.value.theirs["progress"].tolist() == ["tab 1"]
    assert actions.session_actions(con, sid)["progress"].tolist() == ["tab 1"]
    # an action someone else added meanwhile is no conflict: it is kept, nothing overwritten
    actions.add_action(con, sid, {"action": "b", "owner": "E1"}, by="tab2")
    fresh = actions.session_actions(con, sid)
    mine = fresh.iloc[:1].assign(status="done")
    assert actions.save_actions(con, sid, mine, base=actions.versions(fresh.iloc[:1])) == {
        "added": 0, "changed": 1}
    assert actions.session_actions(con, sid)[["action", "status"]].to_numpy().tolist() == [
        ["a", "done"], ["b", "open"]]


@pytest.mark.parametrize(
    ("row", "field", "code"),
    [({"goal": "g", "action": None}, "action", "required"),
     ({"action": "a", "status": "maybe"}, "status", "unknown"),
     ({"action": "a", "deadline": "31/02/2025"}, "deadline", "bad_date")],
)
def test_bad_actions_are_refused_whole(con, row, field, code):
    sid = _log(con)
    with pytest.raises(EntryError) as err:
        actions.save_actions(con, sid, _rows({"action": "fine"}, row), base={})
    assert (err.value.field, err.value.code, err.value.row) == (field, code, 2)
    assert actions.session_actions(con, sid).empty


def test_open_actions_oldest_deadline_first(con):
    sid = _log(con)
    actions.save_actions(con, sid, _rows(
        {"action": "late", "deadline": date(2025, 8, 1)}, {"action": "none"},
        {"action": "soon", "deadline": date(2025, 7, 10)},
        {"action": "finished", "status": "done", "deadline": date(2025, 7, 2)},
        {"action": None, "goal": None, "owner": None}), base={})  # blank row: skipped
    got = actions.open_actions(con, "E1")
    assert got.columns.tolist() == ["goal", "action", "owner", "deadline", "status"]
    assert got["action"].tolist() == ["soon", "late", "none"]
    assert actions.open_actions(con, "E2").empty


def test_ratings_and_plans(con):
    sid = _log(con)
    coaching_log.rate_session(con, sid, rater="employee", score=4, comment="useful")
    coaching_log.rate_session(con, sid, rater="employee", score=5)  # replaces
    coaching_log.rate_session(con, sid, rater="manager", score=3)
    assert coaching_log.ratings(con)[["rater", "score"]].to_numpy().tolist() == [
        ["employee", 5], ["manager", 3]]
    with pytest.raises(EntryError):
        coaching_log.rate_session(con, sid, rater="employee", score=6)
    pid = plans.create_plan(con, employee_id="E1", goal="CSAT 85%", measures="call back",
                            deadline=date(2025, 8, 1), by="M1")
    plans.confirm_plan(con, pid, role="manager", by="M1")
    plans.confirm_plan(con, pid, role="employee", by="王芳")
    plans.review_plan(con, pid, week=1, review_date=date(2025, 7, 8), progress="on track")
    plans.assess_plan(con, pid, result="partly", by="M1")
    got = plans.plans(con).iloc[0]
    assert (got["manager_confirmed_by"], got["employee_confirmed_by"]) == ("M1", "王芳")
    assert pd.notna(got["employee_confirmed_at"])
    assert got["reviews"] == 1
    assert got["assessment"] == "partly"
    for bad in ({"week": 5}, {"week": 0}):
        with pytest.raises(EntryError):
            plans.review_plan(con, pid, review_date=date(2025, 7, 8), progress="x", **bad)
    with pytest.raises(EntryError):
        plans.assess_plan(con, pid, result="great")
