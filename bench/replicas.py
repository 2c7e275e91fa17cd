"""The load test on one PostgreSQL: one app process alone, then N replicas behind HAProxy.

Run: ``.venv/bin/python bench/replicas.py`` (``COACHBOARD_LOAD_SESSIONS``, default 20,
``COACHBOARD_LOAD_SECONDS``, default 60, ``COACHBOARD_TEAM_N``, default 2; each app process's
``COACHBOARD_PG_POOL`` is ``make team``'s, 60, unless set). The same sessions as
bench/load.py's "pages" mix (overview, employee page, a changed filter every 2 s) on the demo
workspace, stored in a throw-away PostgreSQL; through HAProxy each session's websocket is
placed on the replica with the fewest (``balance leastconn``). Reported per set-up: served
reruns per second, p50/p95 latency, the CPU seconds the app processes and the load generator
(this process) used, and reruns/s per CPU second of the apps.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from bench.load import session
from tools import pg_local
from tools.replicas import (
    STARTUP_S,
    Process,
    cookie_secret,
    start_replica,
    start_team,
    wait_healthy,
)
from tools.team import POOL

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def drive(url: str, apps: list[Process], sessions: int, seconds: float) -> dict:
    """``sessions`` users on ``url`` for ``seconds``; what was served and what it cost."""
    runs: list = []
    cpu0, gen0, start = [cpu_seconds(a.proc.pid) for a in apps], time.process_time(), \
        time.perf_counter()
    until = start + seconds
    threads = [threading.Thread(target=session, args=(url,), daemon=True,
                                kwargs={"number": i, "until": until, "periods": 4, "runs": runs})
               for i in range(sessions)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join(timeout=seconds + 120)
    wall = time.perf_counter() - start
    app_cpu = sum(cpu_seconds(a.proc.pid) - c for a, c in zip(apps, cpu0, strict=True))
    ok = np.array([r[1] for r in runs if r[3] is None] or [np.nan])
    errors: dict[str, int] = {}
    for *_, error in runs:
        if error:
            errors[error] = errors.get(error, 0) + 1
    return {"reruns/s": np.isfinite(ok).sum() / wall, "errors": errors,
            "p50": float(np.percentile(ok, 50)), "p95": float(np.percentile(ok, 95)),
            "app CPU s": app_cpu, "generator CPU s": time.process_time() - gen0,
            "reruns per app CPU s": np.isfinite(ok).sum() / max(app_cpu, 1e-9)}


def main() -> int:
    sessions = int(os.environ.get("COACHBOARD_LOAD_SESSIONS", "20"))
    seconds = float(os.environ.get("COACHBOARD_LOAD_SECONDS", "60"))
    n = int(os.environ.get("COACHBOARD_TEAM_N", "2"))
    os.environ.setdefault("COACHBOARD_PG_POOL", str(POOL))  # the app processes inherit it
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = pg_local.start(root / "pg", durable=False, max_connections=(n + 1) * POOL + 20)
        try:
            with psycopg.connect(server.url(), autocommit=True) as conn:
                conn.execute("CREATE DATABASE bench")
            db = server.url("bench")
            con = store.connect(db)
            store.load_demo(con)
            con.close()
            folder, results = root / "run", {}
            folder.mkdir()
            secret = cookie_secret(folder)
            alone = start_replica("alone", db=db, secret=secret, folder=folder)
            try:
                wait_healthy(alone, time.monotonic() + STARTUP_S)
                results["1 process"] = drive(
                    f"ws://127.0.0.1:{alone.port}/_stcore/stream", [alone], sessions, seconds)
            finally:
                alone.stop()
            with start_team(n, db=db, folder=folder, secret=secret) as team:
                results[f"{n} replicas + HAProxy"] = drive(
                    f"ws://127.0.0.1:{team.haproxy.port}/_stcore/stream", team.replicas,
                    sessions, seconds)
        finally:
            pg_local.stop(server)
    print(f"{sessions} sessions x {seconds:.0f} s, demo on PostgreSQL, {os.cpu_count()} cores")
    for name, f in results.items():
        print(f"{name:24s} " + "  ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                                          for k, v in f.items()))
    one, many = results.values()
    print(f"ratio of reruns/s: {many['reruns/s'] / one['reruns/s']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
