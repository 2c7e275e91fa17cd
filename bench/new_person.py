"""CPU seconds of a click on the employee page that opens a person never shown before (issue 20).

Run: ``.venv/bin/python bench/new_person.py [--employees N] [--clicks K] [--before DIR]``
(``make bench`` runs it through ``bench/run.py``). At 5,000 people nearly every click of the load
test's "clicks" mix opens someone the server has not drawn yet: the prep, its trend charts,
strengths, what-if and tables are computed for the first time, which ``bench/rerun_cpu.py``
(the same few people cycled, everything cached) does not show. One ``streamlit run app.py`` on
the generated company, one websocket client (bench/_ws.py): the employee page is opened, five
people are opened to warm up, then ``--clicks`` others (the same for every checkout, none seen
before) are typed into the page's search, each a click inside the person part (its fragment).
A figure is the server's CPU time (every thread, /proc) over those clicks, less the idle
server's, per click; also the wall time per click and the KiB sent. ``--before DIR``: another
checkout (``git worktree add DIR REV``) measured first on its own database, in the same run.
``--profile FILE``: py-spy's raw samples of the measured clicks (when py-spy is installed).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _ws_server
from bench._ws import Session
from bench.load import prepare, roster
from bench.rerun_cpu import SETTLE, _idle

WARM = 5
# 20 sessions clicking every 2 s ask 10 first looks a second of one core: under 0.1 CPU s each,
# less the headroom a loaded machine takes (the load test measured 1.5-1.8x a quiet click).
LIMIT = 0.06


def clicks(db: Path, *, count: int, repo: Path = _ws_server.REPO,
           profile: Path | None = None) -> dict:
    """{cpu, wall, kib, error}: ``count`` first looks at people through one server on ``db``."""
    people = roster(db)
    chosen = random.Random(20).sample(people, WARM + count)
    server = _ws_server.start(db=db, log=db.with_suffix(f".{repo.name}.log"), repo=repo)
    spy = None
    try:
        client = Session(server.url, timeout=120)
        opened = client.run(page="employee")
        key = "emp_pick_find" if "emp_pick_find" in opened.widgets else "emp_pick"
        wid, fragment = opened.widgets[key][0], opened.fragments.get(key)
        for who in chosen[:WARM]:
            client.run(page="employee", widgets={wid: who}, fragment=fragment)
        idle = _idle(server.proc.pid)
        spy_bin = shutil.which("py-spy") or shutil.which("py-spy", path=Path(sys.executable).parent)
        if profile and spy_bin:
            spy = subprocess.Popen([spy_bin, "record", "-p", str(server.proc.pid), "-r", "200",
                                    "-f", "raw", "-o", str(profile)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
        start, cpu0, sent, error = time.perf_counter(), _ws_server.cpu_seconds(server.proc.pid), 0, None
        for who in chosen[WARM:]:
            run = client.run(page="employee", widgets={wid: who}, fragment=fragment)
            sent, error = sent + run.bytes_in, error or run.error
        time.sleep(SETTLE)
        wall = time.perf_counter() - start
        used = _ws_server.cpu_seconds(server.proc.pid) - cpu0 - idle * wall
        client.close()
    finally:
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)
        server.stop()
    return {"cpu": max(used, 0.0) / count, "wall": (wall - SETTLE) / count,
            "kib": sent / count / 1024, "error": error}


def results(employees: int | None = None) -> list[tuple]:
    """[(case, CPU s per click, limit, note)] for ``make bench``."""
    n = employees or 5000
    with tempfile.TemporaryDirectory() as folder:
        f = clicks(prepare(str(n), Path(folder)), count=40)
    return [(f"CPU s/click, a person never opened ({n:,})", f["cpu"], LIMIT,
             f"{f['wall']:.3f} s wall, {f['kib']:.0f} KiB sent per click"
             + (f"; {f['error']}" if f["error"] else ""))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--clicks", type=int, default=40)
    parser.add_argument("--before", type=Path, help="another checkout, measured first")
    parser.add_argument("--profile", type=Path, help="py-spy raw samples of this checkout")
    args = parser.parse_args()
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    with tempfile.TemporaryDirectory() as folder:
        runs = []
        if args.before:
            runs.append(("before", clicks(prepare(str(args.employees), Path(folder), args.before),
                                          count=args.clicks, repo=args.before)))
        runs.append(("this", clicks(prepare(str(args.employees), Path(folder)),
                                    count=args.clicks, profile=args.profile)))
    for name, f in runs:
        print(f"{name}: {args.clicks} people never opened before, {args.employees} people: "
              f"{f['cpu']:.3f} CPU s per click, {f['wall']:.3f} s wall, {f['kib']:.0f} KiB sent"
              + (f"; error: {f['error']}" if f["error"] else ""))
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    return 1 if any(f["error"] for _, f in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
