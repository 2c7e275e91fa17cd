"""Time a warm rerun of every page with Streamlit's AppTest on the 5,000-person data.

Run: ``.venv/bin/python bench/pages.py [--employees N] [--repeat R] [--db PATH] [--pages P..]``.
The database is ``bench/board.py``'s (5,000 employees x 52 weeks x 4 metrics, managers, goals,
sessions), built once. Each page of ``views/`` runs in its own child process (its own caches,
so one page's first visit does not warm the next, and a stuck page can be stopped): the real
``app.py`` runs once (untimed, on an empty workspace), switches to the page (the first visit, "cold", which fills
``st.cache_data``), then ``at.run()`` is timed again, best of ``--repeat``: the rerun a user
waits for after clicking any widget ("warm"). Limit: a warm rerun under 0.5 s.

A child gets ``TIMEOUT`` seconds and ``MEMORY_GB`` of address space (a page that needs more
fails with MemoryError in that child instead of waking the machine's OOM killer).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT = 0.5
TIMEOUT = 240  # seconds per page, first visit included
MEMORY_GB = 8
EMPLOYEE = "E00042"
QUERY = {"employee": {"id": EMPLOYEE}}


def pages() -> list[str]:
    return sorted(p.stem for p in (ROOT / "views").glob("*.py"))


def measure(page: str, repeat: int, *, lang: str = "en") -> dict:
    """In this process: {"cold": s, "warm": s} of ``page``, or {"error": text}."""
    # Only the child that measures a page needs Streamlit.
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    config.set_option("client.showErrorDetails", "full")  # the error's text, not a redaction
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    # The first run (it registers the pages) lands on the default page, the overview: run it on
    # an empty workspace, so that a page is timed as a user opening its link would wait for it.
    real = os.environ["COACHBOARD_DB"]
    with tempfile.TemporaryDirectory() as empty:
        os.environ["COACHBOARD_DB"] = str(Path(empty) / "empty.duckdb")
        at.run()
    os.environ["COACHBOARD_DB"] = real
    for key, value in QUERY.get(page, {}).items():
        at.query_params[key] = value
    start = time.perf_counter()
    at.switch_page(f"views/{page}.py").run()
    cold, warm = time.perf_counter() - start, float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        at.run()
        warm = min(warm, time.perf_counter() - start)
    problems = [f"{e.message} {e.stack_trace[-1].strip() if e.stack_trace else ''}"
                for e in at.exception] + [str(e.value) for e in at.error]
    return {"error": "; ".join(problems)[:300]} if problems else {"cold": cold, "warm": warm}


def child(page: str, repeat: int, db: Path) -> dict:
    """``measure`` in a child process with a time and memory cap."""
    def cap() -> None:
        limit = MEMORY_GB * 2**30
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", page, "--repeat", str(repeat)],
            env={**os.environ, "COACHBOARD_DB": str(db)}, capture_output=True,
            text=True, timeout=TIMEOUT, preexec_fn=cap, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"not done after {TIMEOUT} s (stopped)"}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        tail = [line for line in done.stderr.splitlines() if "ScriptRunContext" not in line]
        return {"error": f"exit {done.returncode}: {' '.join(tail[-2:])[:300]}"}
    return json.loads(lines[-1])


def results(employees: int = 5000, repeat: int = 3, db: str | None = None,
            only: list[str] | None = None) -> list[tuple]:
    """[(page, warm seconds or None, limit, note)] for every page of views/ (or ``only``)."""
    # The parent only: a child runs this file too and must start light.
    from bench.board import build, shared_db

    path = Path(db) if db else shared_db(employees)
    if not path.exists():
        build(path, employees)
    out = []
    for page in only or pages():
        load = Path("/proc/loadavg").read_text().split()[0]
        got = child(page, repeat, path)
        shown = f"?id={EMPLOYEE}; " if page in QUERY else ""
        if "error" in got:
            out.append((page, None, LIMIT, f"{shown}FAILED: {got['error']}; load {load}"))
        else:
            out.append((page, got["warm"], LIMIT,
                        f"{shown}first visit {got['cold']:.2f} s; load {load}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="reuse this database file (built when missing)")
    parser.add_argument("--pages", nargs="*", choices=pages(), help="these pages only")
    parser.add_argument("--child", choices=pages(), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    for page, seconds, limit, note in results(args.employees, args.repeat, args.db, args.pages):
        verdict = "FAILED" if seconds is None else ("ok" if seconds < limit else "OVER")
        shown = "-" if seconds is None else f"{seconds:.3f} s"
        print(f"{page}: warm rerun {shown} ({verdict}, limit {limit} s); {note}")


if __name__ == "__main__":
    main()
