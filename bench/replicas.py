"""The load test on one PostgreSQL: 20, 50, 100 and 200 sessions on 1 and on 2 replicas behind
HAProxy.

Run: ``.venv/bin/python bench/replicas.py`` (8 cases of 10 s warm-up and 50 s measured, plus
the start-ups and warm-ups: about 10 minutes on a quiet 2-core machine); ``--seconds 300`` for
longer windows; ``--sessions``, ``--replicas`` for other cases; ``--runs K`` for the replicas'
run slots (COACHBOARD_RUNS, ui/admit.py); ``--out FILE`` for the Markdown table (default
artifacts/bench-replicas.md). ``make bench`` runs it too (``results()``). Exit code 0 when
the goal holds (below).

The demo workspace is stored in a throw-away PostgreSQL 15; each set-up is ``make team``'s
(tools/replicas.py: N ``streamlit run app.py`` with a pool of 60 connections each, HAProxy in
front with ``balance leastconn``, which places each session's websocket), one replica behind
HAProxy too, so the two set-ups differ only in the replicas. The sessions are bench/load.py's
"pages" mix: the overview, an employee's page, then a changed filter every 2 s. 20 sessions ask
10 reruns a second, which one replica serves; 50 ask 25, what one serves since reruns got
cheaper; 100 ask 50, more than one replica serves (about 32 a second) and what two just serve;
200 ask 100, more than two replicas serve on 2 cores: the saturating case, where the ratio of
two replicas to one measures the replicas rather than the demand (until 2026-12-06 100
sessions saturated two: a rerun cost twice as much). Each replica
first draws, for one client straight to it, the as-of dates and the employees the sessions
choose from (all sessions are one viewer and share its caches); the sessions then run for the
warm-up and the measured window. The cases run in the same order on both set-ups: a rerun's
CPU fell with the process's age in the first minutes (one warmed replica, 20, 50, then 20
sessions again: 8.6, 10.3, 11.8 reruns per app CPU second), so a longer ``--seconds`` shows
the steady state. Figures of the window: served reruns (finished without error) per second,
mean/p50/p95 of the runs sent in it, failed runs of the whole case, and the CPU seconds of each
part from /proc (bench/_cpu.py): the apps, PostgreSQL, HAProxy, the load generator (this
process's threads) and the rest of the machine. Goal (issue 20): 2 replicas serve at least 1.6x
the reruns per second of one in the saturating case, with the generator's CPU accounted for
(``accounted``: on 2 cores it takes CPU the apps would otherwise get), and no run fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from bench import _cpu
from bench._replicas_report import figures, met, rows, table
from bench._ws import Session
from bench.load import session
from tools import pg_local
from tools.replicas import REPO, Team, cookie_secret, start_team
from tools.team import POOL

SATURATING = 200  # sessions asking 100 reruns/s: more than two replicas serve on 2 cores
PERIODS = 4  # the newest as-of dates the sessions choose from (bench/load.py)
OUT = REPO / "artifacts" / "bench-replicas.md"


def _arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=50, help="measured window per case")
    parser.add_argument("--warmup", type=float, default=10, help="seconds before the window")
    parser.add_argument("--sessions", type=int, nargs="+", default=[20, 50, 100, SATURATING])
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, help="the replicas' COACHBOARD_RUNS (run slots "
                        "per process; default: the app's, ui/admit.py)")
    parser.add_argument("--out", type=Path, default=OUT, help="the Markdown table")
    return parser.parse_args(argv)


@contextmanager
def demo_database(root: Path, replicas: int) -> Iterator[tuple[str, int]]:
    """A throw-away PostgreSQL with the demo in database ``bench``: (URL, postmaster pid)."""
    server = pg_local.start(root / "pg", durable=False,
                            max_connections=(replicas + 1) * POOL + 20)
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        con = store.connect(server.url("bench"))
        store.load_demo(con)
        con.close()
        yield server.url("bench"), _cpu.postmaster(server.directory / "data")
    finally:
        pg_local.stop(server)


def warm(team: Team, periods: int = PERIODS) -> None:
    """Each replica, straight, draws the overview at the newest ``periods`` as-of dates and
    every employee's page, so that the first case is not measured colder than the next (it
    was: 3.7 reruns per app CPU second at 20 sessions, then 7.5 at 50); the replicas at once.
    Not every (date, employee) pair: the sessions' 4 x 28 outnumber the prep cache's 64
    entries, so they would not all stay."""
    threads = [threading.Thread(target=_draw_all, args=(r.port, periods)) for r in team.replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _draw_all(port: int, periods: int) -> None:
    client = Session(f"ws://127.0.0.1:{port}/_stcore/stream", timeout=120)
    try:
        as_of, dates = client.run(page="").widgets["ov_as_of"]
        for date in dates[periods - 1::-1]:  # the newest last: the employees' pages use it
            client.run(page="", widgets={as_of: date})
        pick, people = client.run(page="employee").widgets["emp_pick"]
        for person in people:
            client.run(page="employee", widgets={pick: person})
    finally:
        client.close()


def drive(team: Team, postgres: int, *, sessions: int, warmup: float, seconds: float) -> dict:
    """``sessions`` users through HAProxy; the figures of the measured window."""
    meter = _cpu.Meter(apps=[r.proc.pid for r in team.replicas], postgres=postgres,
                       haproxy=team.haproxy.proc.pid)
    url = f"ws://127.0.0.1:{team.haproxy.port}/_stcore/stream"
    runs: list = []
    load = [_load_average()]
    start = time.perf_counter()
    window = (start + warmup, start + warmup + seconds)
    threads = [threading.Thread(target=session, args=(url,), daemon=True, kwargs={
        "number": i, "until": window[1], "periods": PERIODS, "runs": runs}) for i in range(sessions)]
    for thread in threads:
        thread.start()
        time.sleep(min(0.1, warmup / 2 / sessions))  # not all in one instant
    time.sleep(max(0.0, window[0] - time.perf_counter()))
    first = meter.read()
    time.sleep(max(0.0, window[1] - time.perf_counter()))
    cpu = _cpu.used(first, meter.read())
    load.append(_load_average())
    for thread in threads:
        thread.join(timeout=120)
    out = figures(runs, window, cpu, replicas=len(team.replicas))
    out["failed"] = sum(1 for r in runs if r[3] is not None)  # warm-up and the tails too
    out["kinds"] = Counter(r[3] for r in runs if r[3] is not None)
    out["load"] = tuple(load)
    out["tracebacks"] = sum(r.log.read_text(errors="replace").count("Traceback")
                            for r in team.replicas)  # since the set-up started
    return out


def _load_average() -> float:
    """The machine's 1-minute load average (other programs' runs show here)."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def measure(args: argparse.Namespace) -> list[tuple[int, dict]]:
    """[(sessions, figures)] for every number of replicas and of sessions, in that order."""
    out, t0 = [], time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, \
            demo_database(Path(tmp), max(args.replicas)) as (db, postgres):
        print(f"{time.perf_counter() - t0:4.0f} s: the demo is on PostgreSQL", flush=True)
        secret = cookie_secret(Path(tmp))
        os.environ["COACHBOARD_PG_POOL"] = str(POOL)  # as `make team`; the replicas inherit it
        if args.runs:
            os.environ["COACHBOARD_RUNS"] = str(args.runs)
        for n in args.replicas:
            with start_team(n, db=db, folder=Path(tmp) / f"run{n}", secret=secret) as team:
                print(f"{time.perf_counter() - t0:4.0f} s: {n} replica(s) up", flush=True)
                warm(team)
                for sessions in args.sessions:
                    print(f"{time.perf_counter() - t0:4.0f} s: {n} replica(s) warm, "
                          f"{sessions} sessions ...", flush=True)
                    out.append((sessions, drive(team, postgres, sessions=sessions,
                                                warmup=args.warmup, seconds=args.seconds)))
                if out[-1][1]["tracebacks"]:  # the logs go with the temporary folder: keep them
                    for replica in team.replicas:
                        kept = args.out.with_name(f"{args.out.stem}-{n}-{replica.name}.log")
                        shutil.copyfile(replica.log, kept)
                        print(f"(tracebacks: {kept})", flush=True)
    return out


def results() -> list[tuple]:
    """bench/run.py's rows (``rows``): seconds per served rerun with 2 replicas and, as its
    baseline, with one (ratio = the speed-up, goal 1.6x in the saturating case); p95 of every
    case. The
    whole table goes to artifacts/bench-replicas.md, as from ``main()``."""
    args = _arguments([])
    cases = measure(args)
    write(table(cases, args.seconds), args.out)
    return rows(cases)


def write(lines: list[str], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"(the table is in {out})", flush=True)


def main() -> int:
    args = _arguments()
    cases = measure(args)
    lines = table(cases, args.seconds)
    print("\n".join(lines))
    write(lines, args.out)
    return 0 if met(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
