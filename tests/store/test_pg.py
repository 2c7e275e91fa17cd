"""What only the PostgreSQL backend has: the SQL translation, the adapter's frames (the same
as DuckDB's), a fresh database's schema, and the scope enforced by the server itself."""

from __future__ import annotations

import datetime as dt
import threading

import duckdb
import pandas as pd
import pytest

import store
from store import dialect
from store.access import Viewer
from store.frames import metric_frame, people_frame, session_frame
from store.migrations import current_version
from store.schema import SCHEMA_VERSION
from store.scope import scoped


@pytest.mark.parametrize(
    ("duck", "pg"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
        ("SELECT $id, $as_of::DATE", "SELECT %(id)s, %(as_of)s::DATE"),
        ("SELECT '?', 'it''s $x', \"a?\" WHERE c LIKE '%x' OR d = ?",
         "SELECT '?', 'it''s $x', \"a?\" WHERE c LIKE '%%x' OR d = %s"),
        ("SELECT 1 -- why? 100%\n, ?", "SELECT 1 -- why? 100%%\n, %s"),
        ("SELECT x::DOUBLE, y::DOUBLE PRECISION", "SELECT x::DOUBLE PRECISION, y::DOUBLE PRECISION"),
        ("SELECT quantile_cont(value, 0.25) AS q1",
         "SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY value) AS q1"),
        ("SELECT 1 WHERE id IN (SELECT unnest(?))", "SELECT 1 WHERE id IN (SELECT unnest(%s::TEXT[]))"),
        ("BEGIN TRANSACTION", "BEGIN ISOLATION LEVEL REPEATABLE READ"),
    ],
)
def test_duckdb_sql_is_translated_for_postgresql(duck, pg):
    assert dialect.translate(duck) == (pg,)


def test_a_replaced_temporary_table_is_dropped_first_and_text_without_parameters_is_kept():
    assert dialect.translate("CREATE OR REPLACE TEMP TABLE x AS SELECT 1") == (
        "DROP TABLE IF EXISTS pg_temp.x", "CREATE TEMP TABLE x AS SELECT 1")
    assert dialect.translate("SELECT '100%'", False) == ("SELECT '100%'",)


def test_an_empty_postgresql_database_gets_the_current_schema_of_a_fresh_duckdb_file(
        pg_cluster, tmp_path):
    pg_cluster.admin("CREATE DATABASE bare")
    url = pg_cluster.server.url("bare")
    pg = store.connect(url)
    duck = store.connect(tmp_path / "fresh.duckdb")
    try:
        assert current_version(pg) == current_version(duck) == SCHEMA_VERSION
        assert dialect.table_names(pg) == dialect.table_names(duck)
        shape = {(t, c) for t, c, _ in dialect.columns(duck)}
        assert {(t, c) for t, c, _ in dialect.columns(pg)} == shape
        # The owner's views beside the tables, for the reads past a viewer's scope.
        assert pg.execute(f"SELECT count(*) FROM information_schema.views WHERE table_schema "
                          f"= '{dialect.PG_STORED}'").fetchone()[0] == len(dialect.table_names(pg))
    finally:
        pg.close()
        duck.close()
        pg_cluster.drop(url)


@pytest.fixture(scope="module")
def both(demo_db, pg_cluster):
    """The demo workspace on each backend."""
    url = pg_cluster.database("demo")
    pg, duck = store.connect(url), duckdb.connect(str(demo_db), read_only=True)
    yield duck, pg
    pg.close()
    duck.close()
    pg_cluster.drop(url)


@pytest.mark.parametrize("frame", [metric_frame, people_frame, session_frame])
def test_the_analytics_frames_are_the_same_on_both_backends(both, frame):
    duck, pg = both
    pd.testing.assert_frame_equal(frame(pg), frame(duck))


def test_a_registered_frame_keeps_empty_texts_nulls_dates_and_categories(both):
    _, pg = both
    frame = pd.DataFrame({
        "id": ["a", "", None], "n": [1, 2, 3], "x": [1.5, None, 2.0],
        "day": pd.to_datetime(["2025-07-07", None, "2025-07-21"]),
        "ok": [True, False, None], "team": pd.Categorical(["A", "B", "A"]),
    })
    pg.register("incoming_test", frame)
    back = pg.execute("SELECT * FROM incoming_test ORDER BY n").fetchall()
    pg.unregister("incoming_test")
    assert back == [("a", 1, 1.5, dt.datetime(2025, 7, 7), True, "A"),
                    ("", 2, None, None, False, "B"),
                    (None, 3, 2.0, dt.datetime(2025, 7, 21), None, "A")]


def _chain(people: pd.DataFrame, root: str) -> set[str]:
    """Everyone below ``root`` through the manager column, walked in Python."""
    below, frontier = set(), {root}
    while frontier:
        frontier = set(people.loc[people["manager_id"].isin(frontier), "employee_id"]) - below
        below |= frontier
    return below - {root}


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [
        (Viewer("m@x", "manager", "M01"), lambda p: _chain(p, "M01")),
        (Viewer("d@x", "leadership", "D01"), lambda p: _chain(p, "D01")),
        (Viewer("e@x", "employee", "E001"), lambda p: {"E001"}),
        (Viewer("a@x", "admin"), lambda p: set()),
        (Viewer("h@x", "hr"), lambda p: set(p["employee_id"])),
    ],
)
def test_a_query_with_no_scope_at_all_returns_only_the_viewers_people(both, viewer, expected):
    """Row-level security: the tables named by their schema, past the scoped views."""
    _, pg = both
    people = people_frame(pg)
    want = expected(people)
    assert want or viewer.role == "admin"
    con = scoped(pg, viewer)
    for table in ("public.employees", "public.metric_values", "public.coaching_sessions"):
        seen = {r[0] for r in con.execute(f"SELECT DISTINCT employee_id FROM {table}").fetchall()}
        assert seen <= want
        assert seen == want & set(pg.execute(f"SELECT employee_id FROM {table}").df()
                                  ["employee_id"])
    notes = "SELECT count(*) FROM public.session_parts"
    visible = pg.execute(
        "SELECT count(*) FROM session_parts WHERE session_id IN (SELECT session_id FROM "
        "coaching_sessions WHERE employee_id IN (SELECT unnest(?)))", [sorted(want)]).fetchone()
    assert con.execute(notes).fetchone() == visible



def test_audit_ids_are_unique_and_in_the_order_each_writer_wrote_them(fresh_db):
    """Two sessions (as two replicas) recording at once: no id twice, none out of order."""
    from store.audit import EXPORT, record

    con = store.connect(fresh_db)
    per_writer = 40

    def write(name: str) -> None:
        cur = con.cursor()
        for i in range(per_writer):
            record(cur, EXPORT, target=name, rows=i)
        cur.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in ("a", "b")]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    rows = con.execute("SELECT audit_id, target, rows FROM audit_log").df()
    con.close()
    assert len(rows) == 2 * per_writer
    assert rows["audit_id"].is_unique
    for _, mine in rows.groupby("target"):
        assert mine.sort_values("audit_id")["rows"].tolist() == list(range(per_writer))


def _snapshot(con) -> tuple:
    from store.backup import table_counts

    values = con.execute("SELECT * FROM metric_values ORDER BY 1, 2, 3").df()
    imports = con.execute("SELECT import_id, file_name, status FROM imports ORDER BY 1").fetchall()
    return table_counts(con), values.astype(str).to_dict("list"), imports  # NaN == NaN as text


def test_a_process_killed_mid_import_leaves_nothing_half_stored_on_the_server(pg_cluster,
                                                                             tmp_path):
    """As a replica killed by its host: the server rolls the open transaction back."""
    import signal
    import subprocess
    import sys
    import time

    import psycopg

    from tests.store.test_crash import BASE, ROOT, big_csv

    url = pg_cluster.database("empty")
    con = store.connect(url)
    assert store.import_bytes(con, BASE, "base.csv").status == "loaded"
    before = _snapshot(con)
    csv = tmp_path / "big.csv"
    big_csv(csv, 100_000)
    writing = ("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
               "WHERE c.relname = 'metric_values' AND l.mode = 'RowExclusiveLock'")
    with psycopg.connect(url, autocommit=True) as watch:
        proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "import", str(csv),
                                 "--db", url], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        while proc.poll() is None and not watch.execute(writing).fetchone()[0]:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL, "the import ended before the kill"
        deadline = time.monotonic() + 30
        while watch.execute(writing).fetchone()[0] and time.monotonic() < deadline:
            time.sleep(0.05)  # the server notices the closed connection and rolls back
    assert _snapshot(con) == before
    again = store.import_bytes(con, csv.read_bytes(), csv.name)
    assert (again.status, again.rows_loaded) == ("loaded", 100_000)
    con.close()
    pg_cluster.drop(url)


def test_a_server_that_cannot_be_reached_is_a_sentence_not_a_traceback(tmp_path):
    import socket
    import subprocess
    import sys

    from tests.store.test_crash import ROOT

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        url = f"postgresql://nobody@127.0.0.1:{s.getsockname()[1]}/coachboard"
    with pytest.raises(store.DatabaseBusy, match=r"coachboard@127\.0\.0\.1 cannot be opened"):
        store.connect(url)
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "flags", "--db", url],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 2
    assert "cannot be opened" in done.stderr
    assert "Traceback" not in done.stderr
