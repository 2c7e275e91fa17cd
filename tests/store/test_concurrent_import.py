"""Two imports at once: one process with a cursor per session (as the Streamlit server runs),
and two processes. Both imports land, or one is told to retry; never a half-written state."""

import random
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

import store
from store.errors import ImportBusy
from store.pg import close_pool

ROOT = Path(__file__).resolve().parents[2]
WEEKS = ["2025-07-07", "2025-07-14", "2025-07-21", "2025-07-28"]
rng = random.Random(42)
VALUES = {(f"E{i:03d}", w): round(rng.uniform(60, 100), 1) for i in range(300) for w in WEEKS}


def csv(first: int, last: int) -> bytes:
    rows = [f"E{i:03d},{w},CSAT,{VALUES[f'E{i:03d}', w]}" for i in range(first, last) for w in WEEKS]
    return ("employee id,period,metric,value\n" + "\n".join(rows) + "\n").encode()


@pytest.fixture
def con(fresh_db, backend):
    # On PostgreSQL a write waits for another session's lock: 0.2 s here, 10 s by default.
    target = (f"{fresh_db}?options=-c%20lock_timeout%3D200" if backend == "postgresql"
              else fresh_db)
    c = store.connect(target)
    yield c
    c.close()
    if backend == "postgresql":
        close_pool(target)


def test_two_sessions_importing_overlapping_files_both_land(fresh_db, backend):
    files = {"a.csv": csv(0, 200), "b.csv": csv(100, 300)}  # 100 people in both, same values
    both_inside = threading.Barrier(2, timeout=30)
    checked = {name: threading.Event() for name in files}
    outcomes: dict[str, object] = {}
    con = store.connect(fresh_db)  # PostgreSQL: the default lock timeout (10 s)

    def overlap(name: str) -> None:
        """DuckDB lets both transactions write (the later one fails at COMMIT): meet inside.
        PostgreSQL makes the second wait on the first's rows: hold them until it is there."""
        if backend == "duckdb":
            both_inside.wait()
            return
        other = next(n for n in files if n != name)
        checked[other].wait(timeout=30)
        time.sleep(0.3)  # the other one is now at its first write, waiting for our rows

    def session(name: str) -> None:
        waited = False

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal waited
            if stage == "checked":
                checked[name].set()
            if stage == "stored" and not waited:  # inside the transaction, rows written
                waited = True
                overlap(name)

        cur = con.cursor()
        try:
            outcomes[name] = store.import_bytes(cur, files[name], name, progress=progress)
        except ImportBusy as exc:
            outcomes[name] = exc
        finally:
            cur.close()

    threads = [threading.Thread(target=session, args=(n,)) for n in files]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    loaded = [r for r in outcomes.values() if isinstance(r, store.ImportResult)]
    assert len(outcomes) == 2
    assert all(r.status == "loaded" for r in loaded)
    assert len(loaded) == 2 or isinstance(next(iter(set(outcomes.values()) - set(loaded))), ImportBusy)
    stored = dict(((e, str(p)), v) for e, p, v in con.execute(
        "SELECT employee_id, period::TEXT, value FROM metric_values").fetchall())
    expected = {k: v for k, v in VALUES.items() if int(k[0][1:]) < (300 if len(loaded) == 2 else 200)}
    if len(loaded) == 2:
        assert stored == expected
    # every stored row belongs to a recorded, loaded import; nothing was replaced or lost
    assert sum(r.rows_changed for r in loaded) == len(stored)
    ids = {r.import_id for r in loaded}
    assert {r[0] for r in con.execute("SELECT DISTINCT import_id FROM metric_values").fetchall()} == ids
    assert con.execute("SELECT count(*) FROM metric_values_history").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM imports WHERE status = 'loaded'").fetchone()[0] == len(ids)
    # the barrier made the two transactions overlap, so one of them had to retry (an id skipped)
    assert max(ids) > 2
    con.close()


def test_a_session_blocked_too_long_is_told_to_retry_and_nothing_is_half_written(con):
    assert store.import_bytes(con, csv(0, 10), "first.csv").status == "loaded"
    before = con.execute("SELECT * FROM metric_values ORDER BY 1, 2, 3").fetchall()
    other = con.cursor()
    other.execute("BEGIN TRANSACTION")  # another session is replacing the same rows, uncommitted
    other.execute("DELETE FROM metric_values WHERE employee_id = 'E001'")
    changed = f"employee id,period,metric,value\nE001,{WEEKS[0]},CSAT,99.9\n".encode()
    mine = con.cursor()
    with pytest.raises(ImportBusy) as info:
        store.import_bytes(mine, changed, "second.csv")
    assert str(info.value).startswith("Someone else is importing right now; try again")
    assert info.value.message("zh").startswith("有人正在导入数据")
    assert mine.execute("SELECT * FROM metric_values ORDER BY 1, 2, 3").fetchall() == before
    assert mine.execute("SELECT count(*) FROM metric_values_history").fetchone()[0] == 0
    assert mine.execute("SELECT file_name FROM imports").fetchall() == [("first.csv",)]
    other.execute("ROLLBACK")
    retried = store.import_bytes(mine, changed, "second.csv")  # "try again in a moment" works
    assert (retried.status, retried.rows_changed) == ("loaded", 1)
    assert mine.execute("SELECT count(*) FROM metric_values WHERE value = 99.9").fetchone()[0] == 1


def test_a_second_process_gets_database_busy_and_the_first_keeps_working(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, store
            con = store.connect({str(db)!r})
            print(store.import_bytes(con, {csv(5, 10)!r}, "a.csv").status, flush=True)
            sys.stdin.readline()
            print(store.import_bytes(con, {csv(0, 5)!r}, "b.csv").status, flush=True)
        """)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline() == b"loaded\n"
        with pytest.raises(store.DatabaseBusy, match="in use by another Coachboard process"):
            store.connect(db)
        out, _ = holder.communicate(b"go\n", timeout=60)
        assert out == b"loaded\n"
    finally:
        if holder.poll() is None:
            holder.kill()
    con = store.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 10 * len(WEEKS)
    finally:
        con.close()
