"""PostgreSQL: a rerun takes one pooled session for all its reads and gives it back at its end,
counted by the pool itself for four signed-in viewers, each with their own scope (the same
with N tabs at once through a real server: tests/test_pg_sessions.py)."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

import store
from store.pg import pool
from store.users import add_user
from tests.views.conftest import ROOT, TIMEOUT
from tests.views.test_roles import AUTH

VIEWERS = {"m01@example.com": ("manager", "M01"), "d01@example.com": ("leadership", "D01"),
           "hr@example.com": ("hr", None), "m02@example.com": ("manager", "M02")}


@pytest.fixture
def team_pg(pg_demo, monkeypatch) -> str:
    monkeypatch.setenv("COACHBOARD_DB", pg_demo)
    con = store.connect(pg_demo)
    for email, (role, employee_id) in VIEWERS.items():
        add_user(con, email, role=role, employee_id=employee_id)
    con.close()
    return pg_demo


def _app(email: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.secrets = AUTH
    at.user = {"is_logged_in": True, "email": email}
    at.session_state["lang"] = "en"
    return at


def _pool(url: str) -> tuple[int, int]:
    """(sessions taken from the pool so far, sessions out of it now). The pool's workers reset
    a returned session in the background: it counts as out until they are done (up to 5 s)."""
    deadline = time.monotonic() + 5
    while True:
        stats = pool(url).get_stats()
        out = stats["pool_size"] - stats["pool_available"]
        if out <= 1 or time.monotonic() > deadline:  # the app's own connection stays open
            return stats.get("requests_num", 0), out
        time.sleep(0.05)


def test_a_rerun_takes_one_session_and_gives_it_back(team_pg):
    """Each viewer's rerun of a page (their own scope) asks the pool once and hands the session
    back; the overview shows that viewer's people only."""
    first = _app("hr@example.com")
    first.run()  # the app's own connection (cached for the process) is open from here on
    idle = _pool(team_pg)[1]
    for email, (role, root) in VIEWERS.items():
        at = _app(email)
        at.run()  # the first run of a new browser session: the default page
        for page in ("views/overview.py", "views/board.py"):
            asked, _ = _pool(team_pg)
            at.switch_page(page).run()
            assert not at.exception, (email, page, at.exception)
            assert _pool(team_pg) == (asked + 1, idle)
        at.switch_page("views/overview.py").run()
        assert at.metric[0].value == str(len(_measured(team_pg, role, root)))


def _measured(url: str, role: str, root: str | None) -> set[str]:
    """The people with values under ``root`` (everyone for HR), walked in pandas."""
    con = store.connect(url)
    try:
        rows = con.execute("SELECT employee_id, manager_id FROM employees").df()
        valued = {r[0] for r in con.execute("SELECT employee_id FROM metric_values").fetchall()}
    finally:
        con.close()
    if root is None:
        return valued
    found, frontier = set(), {root}
    while frontier:
        frontier = set(rows.loc[rows["manager_id"].isin(frontier), "employee_id"]) - found
        found |= frontier
    return found & valued
