"""Replicas on one PostgreSQL each run the app's digest loop: a digest goes out once.

Two connections are two processes' sessions (each its own pooled PostgreSQL session); the
advisory lock (store/locks.py) lets one round send at a time, and the audit tells the other
what went out. On a DuckDB file one process holds the database, so its lock is always free.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

import store
from commands.digest_schedule import run_due
from store import digest as config
from store.locks import exclusive
from store.users import add_user
from tests.digest.conftest import USERS
from tests.digest.helpers import setup


@pytest.fixture
def replicas(request, backend, tmp_path, digest_db, receiver):
    """Two sessions on one database with a daily digest due (the demo, the digest users)."""
    if backend == "duckdb":
        db = tmp_path / "digest.duckdb"
        db.write_bytes(digest_db.read_bytes())
    else:
        cluster = request.getfixturevalue("pg_cluster")
        db = cluster.database("demo")
        con = store.connect(db)
        for key, (email, employee_id) in USERS.items():
            add_user(con, email, role=key.rstrip("3"), employee_id=employee_id)
        con.close()
    url, _ = receiver
    setup(db, [config.Subscription("m01@example.com", "slack", "daily")],
          {"slack": {"url": f"{url}/slack"}})
    cons = [store.connect(db), store.connect(db)]
    config.save_send_hour(cons[0], 7)
    yield cons
    for con in cons:
        con.close()
    if backend != "duckdb":
        cluster.drop(db)


def test_a_lock_held_by_one_session_is_refused_to_another_on_postgresql(replicas, backend):
    a, b = replicas
    with exclusive(a, "digest-round") as first, exclusive(b, "digest-round") as second:
        assert first
        assert second is (backend == "duckdb")  # a DuckDB file has one process: no rival
    with exclusive(b, "digest-round") as later:
        assert later  # released on leaving


# One process has one sender thread: two rounds at once happen only with replicas.
@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_replicas_running_their_round_at_once_send_one_digest(replicas, receiver):
    _, box = receiver
    now = dt.datetime.combine(dt.date.today(), dt.time(7, 5))
    start, sent = threading.Barrier(2), []

    def round_of(con) -> None:
        start.wait()
        sent.extend(run_due(con, now))

    threads = [threading.Thread(target=round_of, args=(con,)) for con in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [d.outcome.ok for d in sent] == [True]
    assert len(box.posts) == 1
