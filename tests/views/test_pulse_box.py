"""The manager's follow-up page shows the upward pulse of their people only from five answers
on, as a mean and a share recomputed here from the answers given, the texts without authors."""

from __future__ import annotations

import pytest

import store
from i18n import t
from store import pulse
from store.access import Viewer
from store.scope import scoped
from store.users import add_user
from tests.views.test_roles import signed_in_app

MANAGER = "m01@example.com"
# (employee, useful, facts right, support)
ANSWERS = [("E001", 5, True, "shadow a senior"), ("E002", 4, True, None),
           ("E003", 2, False, "fewer tickets"), ("E004", 3, True, None),
           ("E005", 4, False, "a headset")]


def _seed(db, answers) -> None:
    con = store.connect(db)
    add_user(con, MANAGER, role="manager", employee_id="M01")
    for who, useful, facts, support in answers:
        email = f"{who.lower()}@example.com"
        add_user(con, email, role="employee", employee_id=who)
        session = con.execute("SELECT max(session_id) FROM coaching_sessions WHERE "
                              "employee_id = ?", [who]).fetchone()[0]
        pulse.answer(scoped(con, Viewer(email, "employee", who)), session, useful=useful,
                     facts_right=facts, support=support)
    con.close()


@pytest.mark.parametrize("answered", [4, 5])
def test_the_pulse_shows_only_from_five_answers(monkeypatch, demo_copy, answered):
    _seed(demo_copy, ANSWERS[:answered])
    at = signed_in_app(monkeypatch, demo_copy, MANAGER)
    at.switch_page("views/coaching_due.py").run()
    assert not at.exception, at.exception
    page = "\n".join(str(e.value) for kind in ("caption", "markdown") for e in getattr(at, kind))
    labels = {m.label: m.value for m in at.metric}
    if answered < pulse.MIN_ANSWERS:
        assert t("pulse.too_few", n=answered, least=pulse.MIN_ANSWERS) in page
        assert t("pulse.useful", n=answered) not in labels
        assert "shadow a senior" not in page
        return
    useful = sum(a[1] for a in ANSWERS) / len(ANSWERS)
    facts = sum(a[2] for a in ANSWERS) / len(ANSWERS)
    assert labels[t("pulse.useful", n=5)] == f"{useful:.1f} / 5"
    assert labels[t("pulse.facts", n=5)] == f"{facts:.0%}"
    texts = sorted(a[3] for a in ANSWERS if a[3])
    assert [x for x in texts if x not in page] == []
    shown = [page.index(x) for x in texts]
    assert shown == sorted(shown), "alphabetical, not in the order (or by the people) given"


def test_five_answers_of_one_person_stay_hidden(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    sessions = [r[0] for r in con.execute("SELECT session_id FROM coaching_sessions WHERE "
                                          "employee_id = 'E001' LIMIT 5").fetchall()]
    add_user(con, MANAGER, role="manager", employee_id="M01")
    add_user(con, "e001@example.com", role="employee", employee_id="E001")
    me = scoped(con, Viewer("e001@example.com", "employee", "E001"))
    for i, session in enumerate(sessions):
        pulse.answer(me, session, useful=4, facts_right=True, support=f"my wish {i}")
    con.close()
    assert len(sessions) == pulse.MIN_ANSWERS
    at = signed_in_app(monkeypatch, demo_copy, MANAGER)
    at.switch_page("views/coaching_due.py").run()
    assert not at.exception, at.exception
    page = "\n".join(str(e.value) for kind in ("caption", "markdown") for e in getattr(at, kind))
    assert t("pulse.too_few_people", n=5, people=1, least=pulse.MIN_ANSWERS) in page
    assert "my wish" not in page
    assert not [m for m in at.metric if m.label == t("pulse.useful", n=5)]
