"""PostgreSQL, through a real ``streamlit run app.py``: a rerun takes one pooled session and gives
it back at its end. N tabs rerun pages at the same time over their websockets (bench/_ws.py);
the app's pool is watched from PostgreSQL itself (the app's sessions in pg_stat_activity): it
never opens more than one session per rerun under way beside the app's own (and the one its
pool may open ahead of a waiting request), and once the reruns are over none of them is in a
transaction."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from bench import _ws_server
from bench._ws import Session
from tests.views.run_context import watched

N = 6  # tabs rerunning at once
PAGES = ("", "board", "", "board")
IN_USE = ("SELECT count(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity "
          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
WATCH = ("SELECT count(*), count(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity "
         "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture
def served(pg_cluster, tmp_path):
    url = pg_cluster.database("demo")
    running = _ws_server.start(db=url, log=tmp_path / "server.log")
    yield url, running
    running.stop()
    pg_cluster.drop(url)


def _browse(client: Session, errors: list) -> None:
    for page in PAGES:
        errors.append(client.run(page=page).error)


def _watch(url: str, query: str, stop: threading.Event, seen: list[int]) -> None:
    with psycopg.connect(url, autocommit=True) as con:
        while not stop.is_set():
            seen.append(con.execute(query).fetchone()[0])
            time.sleep(0.01)


def browse_together(url: str, clients: list[Session], query: str) -> tuple[list, list[int]]:
    """Every client browses ``PAGES`` on its own thread, all at once, while ``query`` (its first
    column) is sampled from PostgreSQL every 10 ms: (each run's error, the samples)."""
    errors, seen, stop = [], [], threading.Event()
    watcher = threading.Thread(target=_watch, args=(url, query, stop, seen))
    watched([threading.Thread(target=_browse, args=(c, errors)) for c in clients], watcher, stop)
    return errors, seen


def test_tabs_rerunning_at_once_take_one_session_each_and_give_it_back(served):
    url, running = served
    clients = [Session(running.url, timeout=120) for _ in range(N)]
    try:
        assert clients[0].run().error is None
        with psycopg.connect(url, autocommit=True) as con:
            before = con.execute(WATCH).fetchone()[0]  # the app's own (and the pool's first)
        errors, seen = browse_together(url, clients, IN_USE)
    finally:
        for client in clients:
            client.close()
    assert errors == [None] * (N * len(PAGES))
    with psycopg.connect(url, autocommit=True) as con:
        opened, busy = con.execute(WATCH).fetchone()
    print(f"sessions: {before} open before, at most {max(seen)} in use with {N} tabs "
          f"rerunning, {opened} open after")
    assert max(seen) <= N + 1  # one per rerun under way, and the app's own
    # The pool opens sessions on a thread of its own when a request waits, and may finish one
    # just after another was given back: one more than the reruns ever used at once.
    assert opened <= before + N + 1
    assert busy == 0  # nothing left in a transaction
