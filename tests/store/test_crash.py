"""Crash safety: an import killed half-way (SIGKILL: no cleanup, no atexit) leaves the database
file exactly as it was before the import started, and the file still opens."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import store
from store.backup import table_counts

ROOT = Path(__file__).resolve().parents[2]
BASE = b"employee id,period,metric,value\n" + b"".join(
    f"E{i},2025-07-07,CSAT,{80 + i}\n".encode() for i in range(10))


def big_csv(path: Path, rows: int) -> None:
    rng = random.Random(42)
    with path.open("w", encoding="utf-8") as f:
        f.write("employee id,period,metric,value\n")
        for i in range(rows):
            f.write(f"X{i // 100:05d},2025-{1 + i % 100 // 10:02d}-{1 + i % 10:02d},CSAT,"
                    f"{rng.uniform(60, 100):.1f}\n")


def state(db: Path) -> tuple:
    con = store.connect(db)
    try:
        checksum = con.execute(
            "SELECT sum(hash(employee_id, period, metric, value, target, import_id))::HUGEINT "
            "FROM metric_values").fetchone()[0]
        imports = con.execute("SELECT import_id, file_name, status FROM imports ORDER BY 1").fetchall()
        return table_counts(con), checksum, imports
    finally:
        con.close()


def kill_while_storing(db: Path, csv: Path) -> int:
    """Run the import; SIGKILL it as soon as the database file grows (the uncommitted rows are
    being written); return the exit code (-9 when the kill landed before the process ended)."""
    size = db.stat().st_size
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "import", str(csv), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if db.stat().st_size > size:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    return proc.wait(timeout=30)


def test_an_import_killed_half_way_leaves_the_database_as_before(tmp_path):
    mid_import_kills = 0
    for attempt, rows in enumerate((300_000, 600_000, 1_200_000)):
        db, csv = tmp_path / f"c{attempt}.duckdb", tmp_path / f"big{attempt}.csv"
        con = store.connect(db)
        assert store.import_bytes(con, BASE, "base.csv").status == "loaded"
        con.close()
        before = state(db)
        big_csv(csv, rows)
        code = kill_while_storing(db, csv)
        after = state(db)  # reopening replays the log: committed work only
        counts = after[0]
        print(f"attempt {attempt}: {rows} rows, exit {code}, unchanged {after == before}")
        if after != before:  # only possible if the kill landed after COMMIT: then all of it
            assert counts["metric_values"] == before[0]["metric_values"] + rows
            assert [i[1:] for i in after[2]] == [*[i[1:] for i in before[2]], (csv.name, "loaded")]
        elif code == -signal.SIGKILL:
            mid_import_kills += 1
            break
    assert mid_import_kills == 1, "the import always finished before the kill; use a bigger file"
    # and the database still works: the same file imports fine afterwards
    con = store.connect(db)
    try:
        result = store.import_bytes(con, csv.read_bytes(), csv.name)
        assert (result.status, result.rows_loaded) == ("loaded", rows)
    finally:
        con.close()
