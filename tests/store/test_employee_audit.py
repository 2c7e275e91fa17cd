"""The employee's own writes are in the audit like every other write: who, what, when, the id of
the plan or session; never the score, the comment or the pulse answers."""

from __future__ import annotations

import datetime as dt

import duckdb
import psycopg.errors
import pytest

from reports.audit_text import readable
from store import dialect, me, pulse
from store.access import AccessDenied, Viewer
from store.audit import audit_log
from store.plans import create_plan
from store.schema import PULSE_TABLES
from store.scope import scoped
from store.users import add_user

ME = Viewer("e001@example.com", "employee", "E001")
COMMENT, SUPPORT = "我的私人评价 private", "需要更多通话复盘 support text"


def _session(con, employee_id: str) -> str:
    return con.execute("SELECT session_id FROM coaching_sessions WHERE employee_id = ? "
                       "ORDER BY session_date DESC LIMIT 1", [employee_id]).fetchone()[0]


@pytest.fixture
def employee(demo_con):
    for who in ("E001", "E002"):
        create_plan(demo_con, employee_id=who, goal=f"goal of {who}", measures="m")
    add_user(demo_con, ME.email, role="employee", employee_id="E001")
    return demo_con


def _plan(con, employee_id: str) -> str:
    return con.execute("SELECT plan_id FROM improvement_plans WHERE employee_id = ?",
                       [employee_id]).fetchone()[0]


def _writes(con) -> list[tuple]:
    return con.execute("SELECT actor, action, target, rows, detail, logged_at::DATE FROM audit_log "
                       "WHERE action IN ('plan_confirm', 'session_rating', 'pulse') "
                       "ORDER BY logged_at").fetchall()


def test_each_own_write_is_one_audit_row_without_its_content(employee):
    con, session, plan = scoped(employee, ME), _session(employee, "E001"), _plan(employee, "E001")
    me.confirm_plan(con, plan)
    me.rate_session(con, session, 2, COMMENT)
    pulse.answer(con, session, useful=1, facts_right=False, support=SUPPORT)
    today = dt.date.today()
    assert _writes(employee) == [
        (ME.email, "plan_confirm", plan, 1, None, today),
        (ME.email, "session_rating", session, 1, None, today),
        (ME.email, "pulse", session, 1, None, today)]
    everything = " ".join(str(x) for row in employee.execute(
        "SELECT * FROM audit_log").fetchall() for x in row)
    assert COMMENT not in everything
    assert SUPPORT not in everything
    # the data itself was written
    assert employee.execute("SELECT score FROM session_ratings WHERE session_id = ? AND "
                            "rater = 'employee'", [session]).fetchone() == (2,)


def test_a_refused_write_leaves_neither_data_nor_an_audit_row(employee):
    con = scoped(employee, ME)
    with pytest.raises(AccessDenied):
        me.confirm_plan(con, _plan(employee, "E002"))
    with pytest.raises(AccessDenied):
        pulse.answer(con, _session(employee, "E002"), useful=5, facts_right=True)
    assert _writes(employee) == []
    assert employee.execute("SELECT count(*) FROM session_pulse").fetchone() == (0,)


def test_a_failed_write_is_rolled_back_with_its_audit_row(employee):
    # The same table, refusing a score over 2: the insert fails after the audit row is written.
    if dialect.is_pg(employee):  # a view depends on the table: add the check instead
        employee.execute("ALTER TABLE session_pulse ADD CONSTRAINT low CHECK (useful < 3)")
    else:  # DuckDB cannot add a check to a table
        employee.execute("DROP TABLE session_pulse")
        employee.execute(f"CREATE TABLE session_pulse ({PULSE_TABLES['session_pulse']}, "
                         "CHECK (useful < 3))")
    con, session = scoped(employee, ME), _session(employee, "E001")
    with pytest.raises((duckdb.ConstraintException, psycopg.errors.CheckViolation)):
        pulse.answer(con, session, useful=4, facts_right=True)
    assert _writes(employee) == []


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Plan confirmed by the employee", "Session rated by the employee",
            "Pulse answered by the employee"]),
    ("zh", ["员工确认计划", "员工评价辅导", "员工回答反馈"])])
def test_the_audit_page_names_the_writes_in_the_readers_language(employee, lang, words):
    con, session = scoped(employee, ME), _session(employee, "E001")
    me.confirm_plan(con, _plan(employee, "E001"))
    me.rate_session(con, session, 4)
    pulse.answer(con, session, useful=4, facts_right=True)
    rows = readable(audit_log(employee, actions=["plan_confirm", "session_rating", "pulse"]),
                    lang)
    assert sorted(rows["action"]) == sorted(words)
    assert set(rows["actor"]) == {ME.email}
