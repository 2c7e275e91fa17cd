"""The upward pulse: only its author reads a row; the manager gets aggregates over at least five
answers of their own people, recomputed here from the raw rows by pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from store import pulse
from store.access import AccessDenied, Viewer
from store.scope import scoped
from store.users import add_user

MANAGER = Viewer("m01@example.com", "manager", "M01")
# (employee, useful, facts right, support): five of M01's people, then one of M02's.
ANSWERS = [("E001", 4, True, "more call reviews"), ("E002", 2, False, None),
           ("E003", 5, True, "a quiet room"), ("E004", 3, True, "  "),
           ("E005", 1, False, "time to practise"), ("E009", 5, True, "not M01's")]


def _employee(con, employee_id: str):
    email = f"{employee_id.lower()}@example.com"
    add_user(con, email, role="employee", employee_id=employee_id)
    return scoped(con, Viewer(email, "employee", employee_id))


def _session(con, employee_id: str) -> str:
    return con.execute("SELECT session_id FROM coaching_sessions WHERE employee_id = ? "
                       "ORDER BY session_date DESC LIMIT 1", [employee_id]).fetchone()[0]


def _answer(con, rows) -> None:
    for who, useful, facts, support in rows:
        pulse.answer(_employee(con, who), _session(con, who), useful=useful, facts_right=facts,
                     support=support)


@pytest.mark.parametrize("answered", range(0, 6))
def test_the_manager_sees_aggregates_only_from_five_answers(demo_con, answered):
    _answer(demo_con, ANSWERS[:answered] + ANSWERS[5:])  # E009's answer never counts for M01
    got = pulse.summary(scoped(demo_con, MANAGER))
    raw = pd.DataFrame(ANSWERS[:answered], columns=["who", "useful", "facts", "support"])
    assert got.n == len(raw)
    if len(raw) < pulse.MIN_ANSWERS:
        assert (got.useful_mean, got.facts_right_share, got.support) == (None, None, ())
        return
    assert got.useful_mean == pytest.approx(raw["useful"].mean())
    assert got.facts_right_share == pytest.approx(raw["facts"].mean())
    texts = raw["support"].dropna().str.strip()
    assert list(got.support) == sorted(texts[texts != ""])


def test_no_role_but_the_author_reads_a_pulse_row(demo_con):
    _answer(demo_con, ANSWERS)
    add_user(demo_con, "hr@example.com", role="hr")
    for viewer in (MANAGER, Viewer("hr@example.com", "hr"), Viewer("d01@x.com", "leadership")):
        assert scoped(demo_con, viewer).execute(
            "SELECT count(*) FROM session_pulse").fetchone()[0] == 0, viewer.role
    mine = _employee(demo_con, "E001").execute("SELECT employee_id, useful FROM session_pulse")
    assert mine.fetchall() == [("E001", 4)]


@pytest.mark.parametrize("viewer", [Viewer("d01@example.com", "leadership", "D01"),
                                    Viewer("e001@example.com", "employee", "E001")])
def test_only_coaching_roles_read_the_summary(demo_con, viewer):
    with pytest.raises(AccessDenied):
        pulse.summary(scoped(demo_con, viewer))


def test_an_employee_answers_only_about_their_own_talks(demo_con):
    with pytest.raises(AccessDenied) as refused:
        pulse.answer(_employee(demo_con, "E001"), _session(demo_con, "E002"), useful=3,
                     facts_right=True)
    assert refused.value.code == "out_of_scope"
    assert demo_con.execute("SELECT count(*) FROM session_pulse").fetchone()[0] == 0


def test_a_second_answer_replaces_the_first(demo_con):
    _answer(demo_con, [("E001", 2, False, "x"), ("E001", 5, True, "y")])
    assert demo_con.execute("SELECT useful, facts_right, support FROM session_pulse"
                            ).fetchall() == [(5, True, "y")]


def _sessions(con, employee_id: str, k: int) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT session_id FROM coaching_sessions WHERE employee_id = ? ORDER BY session_date "
        "DESC LIMIT ?", [employee_id, k]).fetchall()]


# who answered how many of their talks: one person's five answers must not reveal their texts
@pytest.mark.parametrize("answers", [{"E001": 5}, {"E001": 3, "E002": 1, "E003": 1, "E004": 1},
                                     {"E001": 2, "E002": 1, "E003": 1, "E004": 1, "E005": 1}])
def test_the_pulse_needs_five_different_people(demo_con, answers):
    given = []
    for who, k in answers.items():
        sessions = _sessions(demo_con, who, k)
        assert len(sessions) == k, f"the demo has {len(sessions)} talks of {who}"
        for i, session in enumerate(sessions):
            text = f"{who} wish {i}"
            pulse.answer(_employee(demo_con, who), session, useful=1 + i % 5, facts_right=True,
                         support=text)
            given.append((who, 1 + i % 5, text))
    raw = pd.DataFrame(given, columns=["who", "useful", "support"])
    got = pulse.summary(scoped(demo_con, MANAGER))
    assert (got.n, got.people) == (len(raw), raw["who"].nunique())
    if raw["who"].nunique() < pulse.MIN_ANSWERS:
        assert (got.shown, got.useful_mean, got.support) == (False, None, ())
        return
    assert got.useful_mean == pytest.approx(raw["useful"].mean())
    assert list(got.support) == sorted(raw["support"])
