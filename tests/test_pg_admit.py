"""PostgreSQL, through a real ``streamlit run app.py`` with COACHBOARD_RUNS=2: 8 tabs rerunning
pages at the same time over their websockets (bench/_ws.py) all get their pages, and the app
never runs statements on more than 2 sessions at once, watched from PostgreSQL itself (the
app's backends in pg_stat_activity, sampled every 10 ms, less the pool's own reset of a
session given back): a run waits for its slot (ui/admit.py) before it takes a session. The
same tabs with 8 slots ran statements on up to 4-5 sessions at once."""

from __future__ import annotations

import pytest

from bench import _ws_server
from bench._ws import Session
from tests.test_pg_sessions import PAGES, browse_together

TABS, LIMIT = 8, 2
BUSY = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND state = 'active' AND query NOT LIKE 'RESET ROLE%'")


@pytest.fixture
def served(pg_cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("COACHBOARD_RUNS", str(LIMIT))
    url = pg_cluster.database("demo")
    running = _ws_server.start(db=url, log=tmp_path / "server.log")
    yield url, running
    running.stop()
    pg_cluster.drop(url)


def test_tabs_at_once_hold_no_more_sessions_than_the_run_slots(served):
    url, running = served
    clients = [Session(running.url, timeout=120) for _ in range(TABS)]
    try:
        assert clients[0].run().error is None
        errors, seen = browse_together(url, clients, BUSY)
    finally:
        for client in clients:
            client.close()
    assert errors == [None] * (TABS * len(PAGES))
    print(f"sessions running statements: at most {max(seen)} with {TABS} tabs, {LIMIT} slots "
          f"({len(seen)} samples, {sum(n == LIMIT for n in seen)} at {LIMIT})")
    assert max(seen) <= LIMIT
    assert "Traceback" not in running.output()
