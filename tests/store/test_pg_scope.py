"""PostgreSQL: the viewer's scope lives in one transaction (``set_config(..., true)``), so a
pooled connection shared by viewers one after another never carries one's scope into the
other's work, and a connection back in the pool holds no scope at all; a run's lease
(store/pg_lease.py) reads from one session and gives every session back."""

from __future__ import annotations

import threading
import time

import pandas as pd
import psycopg
import pytest

import store
from store.access import Viewer, cache_key, writer
from store.pg import pool
from store.pg_lease import Lease
from store.scope import scoped

MANAGER, LEADER = Viewer("m01@x", "manager", "M01"), Viewer("d01@x", "leadership", "D01")
# A query that names the table past the scoped views: only row-level security filters it.
UNSCOPED = "SELECT DISTINCT employee_id FROM public.metric_values"
# What a connection holds of a viewer: its role, its settings, its temporary objects.
LEFT_OVER = ("SELECT current_user, coalesce(current_setting('coachboard.viewer_scope', true), ''),"
             " coalesce(current_setting('coachboard.viewer_employee', true), ''),"
             " (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema())")


@pytest.fixture
def demo_pg(pg_cluster, monkeypatch):
    """The demo on a fresh database whose pool has ONE connection beside the opening one."""
    monkeypatch.setenv("COACHBOARD_PG_POOL", "2")
    url = pg_cluster.database("demo")
    con = store.connect(url)
    yield con
    con.close()
    pg_cluster.drop(url)


def _below(con, root: str) -> set[str]:
    """The people under ``root``, walked in pandas over every stored row (not the policy)."""
    rows = pd.DataFrame(con.execute("SELECT employee_id, manager_id FROM employees").fetchall(),
                        columns=["employee_id", "manager_id"])
    found, frontier = set(), {root}
    while frontier:
        frontier = set(rows.loc[rows["manager_id"].isin(frontier), "employee_id"]) - found
        found |= frontier
    valued = {r[0] for r in con.execute(UNSCOPED).fetchall()}
    return (found - {root}) & valued


def _seen(con) -> set[str]:
    return {r[0] for r in con.execute(UNSCOPED).fetchall()}


def _owner(con) -> tuple:
    return con.raw.execute("SELECT current_user, '', '', 0").fetchone()


def test_viewers_taking_turns_on_one_pooled_connection_each_see_only_their_people(demo_pg):
    want = {v: _below(demo_pg, v.employee_id) for v in (MANAGER, LEADER)}
    assert want[MANAGER]
    assert want[MANAGER] < want[LEADER]
    owner, pids = _owner(demo_pg), set()
    for who in (MANAGER, LEADER, MANAGER, LEADER):
        cur = scoped(demo_pg, who)
        pids.add(cur.raw.info.backend_pid)
        assert _seen(cur) == want[who]
        # Between two of its statements the connection is the owner's, with no settings.
        assert cur.raw.execute(LEFT_OVER).fetchone()[:3] == owner[:3]
        assert _seen(cur) == want[who]
        cur.close()
    assert len(pids) == 1  # the same pooled connection served every turn
    conn = pool(demo_pg.url).getconn()
    try:
        assert conn.execute(LEFT_OVER).fetchone() == owner  # and it holds no temporary views
    finally:
        pool(demo_pg.url).putconn(conn)


def test_two_viewers_interleaved_statement_by_statement_on_one_connection(demo_pg):
    """The scope is switched between single statements of one session: each statement sees
    the scope its own transaction set, never the one before it."""
    want = {v: _below(demo_pg, v.employee_id) for v in (MANAGER, LEADER)}
    settings = {who: {"coachboard.viewer_scope": "chain",
                      "coachboard.viewer_employee": who.employee_id} for who in want}
    con = demo_pg.cursor()
    try:
        for who in (MANAGER, LEADER, MANAGER, LEADER, MANAGER):
            con.scope_to(settings[who], role="coachboard_reader")
            assert _seen(con) == want[who]
    finally:
        con.close()


def test_a_viewers_own_transaction_gets_the_scope_and_it_ends_with_it(demo_pg):
    """The store's own ``BEGIN TRANSACTION`` on a scoped cursor: scoped inside, gone after."""
    cur = scoped(demo_pg, MANAGER)
    want = _below(demo_pg, "M01")
    cur.execute("BEGIN TRANSACTION")
    assert _seen(cur) == want
    assert cur.raw.execute("SELECT current_user").fetchone()[0] == "coachboard_reader"
    cur.execute("ROLLBACK")
    assert cur.raw.execute(LEFT_OVER).fetchone()[:3] == _owner(demo_pg)[:3]
    cur.close()


@pytest.fixture
def demo_wide(pg_cluster):
    """The demo on a fresh database with the usual pool."""
    url = pg_cluster.database("demo")
    con = store.connect(url)
    yield con
    con.close()
    pg_cluster.drop(url)


def _out(url: str) -> int:
    """Sessions out of the pool, once its workers have reset the ones given back (up to 5 s)."""
    deadline = time.monotonic() + 5
    while True:
        stats = pool(url).get_stats()
        out = stats["pool_size"] - stats["pool_available"]
        if out <= 1 or time.monotonic() > deadline:
            return out
        time.sleep(0.05)


def test_a_lease_serves_a_run_from_one_session_and_gives_every_session_back(demo_wide):
    everyone = demo_wide.execute("SELECT count(*) FROM employees").fetchone()[0]
    idle = _out(demo_wide.url)
    lease = Lease(demo_wide)
    mine, raw = lease.scoped(MANAGER), lease.raw()
    assert mine.raw.info.backend_pid == raw.raw.info.backend_pid  # one session for the run
    assert lease.scoped(cache_key(MANAGER)) is mine
    assert _seen(mine) == _below(demo_wide, "M01")
    # The unscoped handle reads the stored tables, not the manager's views beside it.
    assert raw.execute("SELECT count(*) FROM employees").fetchone()[0] == everyone
    assert mine.execute("SELECT count(*) FROM employees").fetchone()[0] < everyone
    other = lease.scoped(LEADER)  # temporary views are per session: a session of its own
    assert other.raw.info.backend_pid != mine.raw.info.backend_pid
    assert _seen(other) == _below(demo_wide, "D01")
    kept = writer(mine, "coach", employee_ids=["E001"])  # a write: a session of its own too
    assert lease.held() == 3
    lease.close()
    assert lease.held() == 0
    with pytest.raises(psycopg.InterfaceError):  # the run is over: so is its writer
        kept.execute("SELECT 1")
    assert _out(demo_wide.url) == idle


def test_leases_of_viewers_reading_at_once_each_see_only_their_people(demo_wide):
    """Four runs at the same time (threads), each its own lease and viewer, reading in turns."""
    viewers = [MANAGER, LEADER, Viewer("m02@x", "manager", "M02"), Viewer("e@x", "employee",
                                                                           "E001")]
    want = {v: _below(demo_wide, v.employee_id) for v in viewers[:3]}
    want[viewers[3]] = {"E001"}
    wrong: list = []

    def run(who: Viewer) -> None:
        lease = Lease(demo_wide)
        try:
            for _ in range(15):
                seen = _seen(lease.scoped(who))
                if seen != want[who]:
                    wrong.append((who.email, sorted(seen)))
        finally:
            lease.close()

    threads = [threading.Thread(target=run, args=(v,)) for v in viewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert _out(demo_wide.url) == 1
