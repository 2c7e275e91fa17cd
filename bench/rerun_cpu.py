"""CPU seconds the server spends on one served rerun, per page and per fragment click.

Run: ``.venv/bin/python bench/rerun_cpu.py [--employees N] [--repeat R]`` (``make bench`` runs it
through ``bench/run.py``). One ``streamlit run app.py`` per data set (the demo workspace and
5,000 employees x 52 weeks x 4 metrics) and per setting of ``runner.postScriptGC`` (Streamlit's
default ``true`` beside ours, ``false``: the same cases in the same run), driven by one websocket
client (bench/_ws.py) at a time, so that the server's CPU time is this client's reruns' alone.

A case is a page rerun with nothing changed (what any click outside a fragment costs once the
data is cached), a click inside a fragment (only the fragment reruns: the browser sends its
id) or a new session's first open of a page (a new websocket each run, as a manager opening a
tab: the session's creation and first messages included; the data cached by earlier sessions). Each case is warmed twice, then run ``--repeat`` times back to back; its figure is the
server process's CPU time (utime + stime of /proc/PID/stat, every thread: the script, the
websocket's serialisation, the garbage collection after the run) over those runs, less the idle
server's CPU over the same wall time, divided by the runs. Also shown: the bytes the client
received per run. Limit: a fragment click at most 0.05 CPU s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _ws_server
from bench._ws import Session
from bench.load import prepare

FRAGMENT_LIMIT = 0.05
SETTLE = 0.3  # seconds after the last run for the server's work after script_finished
# (case, page URL path, widget key to alternate or None, whether it sits in a fragment)
CASES = (
    ("overview", "", None, False),
    ("overview: metric", "", "ov_metric", True),
    ("overview: heatmap team", "", "ov_heat_team", True),
    ("employee", "employee", None, False),
    ("employee: person", "employee", "emp_pick", True),
    ("board", "board", None, False),
    ("board: drill-down metric", "board", "board_drill_metric", True),
    ("coaching log", "coaching", None, False),
    ("coaching log: person", "coaching", "cl_employee", True),
    ("follow-up", "follow-up", None, False),
    ("HR: does coaching work?", "impact", None, False),
)
# (case, page URL path): each run a new session opening the page
FIRST_OPENS = (("overview: first open", ""), ("employee: first open", "employee"))


def served(client: Session, pid: int, page: str, changes: list[dict], fragment: str | None,
           repeat: int) -> tuple[float, float, str | None]:
    """(CPU s per run, bytes per run, first error) of ``repeat`` runs cycling ``changes``."""
    idle = _idle(pid)
    for change in changes * 2:  # warm: every choice's data and figures cached
        client.run(page=page, widgets=change, fragment=fragment)
    time.sleep(SETTLE)
    start, cpu0, received, error = time.perf_counter(), _ws_server.cpu_seconds(pid), 0, None
    for i in range(repeat):
        run = client.run(page=page, widgets=changes[i % len(changes)], fragment=fragment)
        received += run.bytes_in
        error = error or run.error
    time.sleep(SETTLE)
    used = _ws_server.cpu_seconds(pid) - cpu0 - idle * (time.perf_counter() - start)
    return max(used, 0.0) / repeat, received / repeat, error


def new_sessions(url: str, pid: int, page: str, repeat: int) -> tuple[float, float, str | None]:
    """(CPU s per run, bytes per run, first error) of ``repeat`` new sessions opening ``page``."""
    def first_open() -> tuple[int, str | None]:
        client = Session(url, timeout=120)
        try:
            run = client.run(page=page)
        finally:
            client.close()
        return run.bytes_in, run.error

    idle = _idle(pid)
    for _ in range(2):  # warm: the page's data and figures cached, as for the reruns
        first_open()
    time.sleep(SETTLE)
    start, cpu0 = time.perf_counter(), _ws_server.cpu_seconds(pid)
    got = [first_open() for _ in range(repeat)]
    time.sleep(SETTLE)
    used = _ws_server.cpu_seconds(pid) - cpu0 - idle * (time.perf_counter() - start)
    error = next((e for _, e in got if e), None)
    return max(used, 0.0) / repeat, sum(b for b, _ in got) / repeat, error


def _idle(pid: int) -> float:
    """The idle server's CPU s per second, over the next second."""
    start, cpu = time.perf_counter(), _ws_server.cpu_seconds(pid)
    time.sleep(1.0)
    return (_ws_server.cpu_seconds(pid) - cpu) / (time.perf_counter() - start)


def measure_server(db: Path, gc: bool | None, repeat: int,
                   repo: Path = _ws_server.REPO) -> dict[str, tuple]:
    """{case: (CPU s, bytes, error or note)} on one server with postScriptGC ``gc`` (None: as
    ``repo``'s configuration says)."""
    server = _ws_server.start(db=db, log=db.with_suffix(f".gc-{gc}-{repo.name}.log"), repo=repo,
                              options=None if gc is None else {"runner.postScriptGC": str(gc).lower()})
    out = {}
    try:
        client = Session(server.url, timeout=120)
        for case, page, key, in_fragment in CASES:
            opened = client.run(page=page)  # the page's widgets and their fragments
            if key is not None and key not in opened.widgets:
                out[case] = (None, None, f"no {key} on this page")
                continue
            changes, fragment = [{}], None
            if key is not None:
                wid, options = opened.widgets[key]
                changes = [{wid: option} for option in options[:2]]
                fragment = opened.fragments.get(key)
            cpu, size, error = served(client, server.proc.pid, page, changes, fragment, repeat)
            if in_fragment and fragment is None:  # measured as what it is: a page rerun
                error = error or f"{key} is not in a fragment: a page rerun"
            out[case] = (cpu, size, error)
        client.close()
        for case, page in FIRST_OPENS:
            out[case] = new_sessions(server.url, server.proc.pid, page, repeat)
    finally:
        server.stop()
    return out


def measure(employees: int | None = None, repeat: int = 6,
            datasets: tuple[str, ...] = ("demo", "people"),
            before: Path | None = None) -> list[tuple[str, dict, dict, dict | None]]:
    """[(data set, {case: figures} with GC on, the same with GC off, the same on the checkout
    ``before`` as configured there, or None)]."""
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for data in (str(employees or 5000) if d == "people" else d for d in datasets):
            db = prepare(data, Path(folder))
            old = (measure_server(prepare(data, Path(folder), before), None, repeat, before)
                   if before else None)
            out.append((data, measure_server(db, True, repeat), measure_server(db, False, repeat),
                        old))
    return out


def results(employees: int | None = None) -> list[tuple]:
    """[(case, CPU s with GC off, limit, note, CPU s with GC on)]: the baseline column is
    Streamlit's default (a full collection after every run), the ratio what turning it off gave."""
    rows = []
    for data, on, off, _ in measure(employees):
        for case, (cpu, size, error) in off.items():
            fragment = ":" in case
            before = on[case][0]
            load = Path("/proc/loadavg").read_text().split()[0]
            note = (f"{data}; {error}" if cpu is None else
                    f"{data}; {size / 1024:.0f} KiB sent per run; load {load}"
                    + (f"; {error}" if error else ""))
            rows.append((f"CPU s/rerun {data} {case}", cpu, FRAGMENT_LIMIT if fragment else None,
                         note, before if before else None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--data", nargs="*", choices=("demo", "people"), default=("demo", "people"),
                        help="the demo workspace and/or --employees people")
    parser.add_argument("--before", type=Path, help="a checkout of an earlier commit, measured "
                        "first as its own configuration says (git worktree add DIR REV)")
    args = parser.parse_args()
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    for data, on, off, old in measure(args.employees, args.repeat, tuple(args.data), args.before):
        print(f"== {data}: CPU s per served rerun{', before (' + str(args.before) + ')' if old else ''}"
              ", GC after each run on (Streamlit's default), off (ours); KiB sent per run")
        for case, (cpu, size, error) in off.items():
            columns = [x[case] for x in (old, on) if x is not None] + [(cpu, size, error)]
            shown = " / ".join("-" if c is None else f"{c:.3f}" for c, _, _ in columns)
            sizes = " / ".join("-" if b is None else f"{b / 1024:.0f}" for _, b, _ in columns)
            notes = "; ".join(dict.fromkeys(e for _, _, e in columns if e))
            print(f"  {case:<28} {shown}  {sizes} KiB  {notes}")
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")


if __name__ == "__main__":
    main()
