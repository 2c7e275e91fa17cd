"""PostgreSQL: the run's lease (ui/context.py, store/pg_lease.py) with real Streamlit run
contexts on real threads: a part's own run gives its session back, and runs of two viewers'
sessions never read through each other's session, whether they interleave on two threads or
follow each other on one thread (as a pool's worker would). Counted by the pool itself; each
viewer's people walked from the roster in pandas (tests/views/test_pg_sessions.py)."""

from __future__ import annotations

import threading
import time

import pytest

import store
from store.pg import pool
from store.users import add_user, lookup
from tests.views.run_context import in_thread, new_run
from tests.views.test_pg_sessions import _measured
from ui import context
from ui.cache import snapshot
from ui.parts import part

MANAGERS = {"m01@example.com": "M01", "m02@example.com": "M02"}
ROUNDS = 20


def _out(url: str, at_most: int) -> int:
    """Sessions out of the pool, once at most ``at_most`` (the pool's workers reset a returned
    session in the background: it counts as out until they are done, up to 5 s)."""
    deadline = time.monotonic() + 5
    while True:
        stats = pool(url).get_stats()
        out = stats["pool_size"] - stats["pool_available"]
        if out <= at_most or time.monotonic() > deadline:
            return out
        time.sleep(0.02)


def _people(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT DISTINCT employee_id FROM metric_values").fetchall()}


@pytest.fixture
def managers(pg_demo, monkeypatch):
    monkeypatch.setenv("COACHBOARD_DB", pg_demo)
    con = store.connect(pg_demo)
    for email, employee_id in MANAGERS.items():
        add_user(con, email, role="manager", employee_id=employee_id)
    who = {email: lookup(con, email) for email in MANAGERS}
    con.close()
    return pg_demo, who


def test_a_parts_own_run_gives_its_session_back(managers):
    url, _ = managers
    seen: list[set[str]] = []
    held: list[int] = []

    @part
    def people(snap) -> None:
        seen.append(_people(context.cursor()))
        held.append(context._RUN.lease.held())

    def run() -> None:
        new_run()
        snap = snapshot()  # the page's run drew the part ...
        context.release()  # ... and gave its session back (app.py)
        idle = _out(url, 1)  # the app's own connection
        new_run(fragment=True)
        people(snap)  # the part alone, as after a click inside it
        assert context._RUN.lease is None
        assert _out(url, idle) == idle  # the session went back when the part's run ended

    in_thread(run)
    assert held == [1]  # one session for the part's reads, while it ran
    assert seen == [_measured(url, "local", None)]  # the local user: everyone


def test_two_viewers_runs_never_share_a_session(managers):
    """Two threads (two sessions' script threads) reading in turns, then one thread running
    one session's run after the other's without giving it back: each read is its viewer's."""
    url, who = managers
    expected = {email: _measured(url, "manager", root) for email, root in MANAGERS.items()}
    assert expected["m01@example.com"].isdisjoint(expected["m02@example.com"])
    seen: dict[str, list[set[str]]] = {email: [] for email in MANAGERS}
    turns = threading.Barrier(len(MANAGERS))

    def session(email: str) -> None:
        new_run()
        for _ in range(ROUNDS):
            turns.wait()  # both runs read at the same moment
            seen[email].append(_people(context.cursor(who[email])))
        context.release()

    threads = [threading.Thread(target=session, args=(email,)) for email in MANAGERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {email: [expected[email]] * ROUNDS for email in MANAGERS}

    def one_thread() -> None:
        idle = _out(url, 1)
        for email in [*MANAGERS] * 3:  # the previous run ended without release()
            new_run()
            assert _people(context.cursor(who[email])) == expected[email]
            assert _out(url, idle + 1) == idle + 1  # the previous run's session went back
        context.release()

    in_thread(one_thread)
