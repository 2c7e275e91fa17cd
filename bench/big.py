"""10,400,000 rows (50,000 employees x 52 weeks x 4 metrics): generate, import, flag everyone.

Run: ``.venv/bin/python bench/big.py [--employees N]``; ``make bench`` runs it unless
``COACHBOARD_BENCH_BIG=0``. It takes minutes. Goal: it completes within the machine's
24 GB without swapping.

Each step runs in its own child process, one after the other, in a temp dir on disk:
1. generate: the long CSV (Chinese headers, as ``bench/import_csv.py``) as four quarterly files
   (the whole year, 636 MB, is over the 200 MB upload limit), written in chunks of 1,000
   employees, so no file is ever whole in memory;
2. import: what ``python cli.py import FILE...`` does for the four files, one after the other
   (read the bytes, ``store.import_bytes``; the last three add to what is stored);
3. flags: ``store.frames`` into pandas, then ``analytics.flags.flags(values, people,
   sessions)``, the call ``bench/analytics.py`` times (no coaching log in the file).

Peak memory is each child's own ``VmHWM`` (peak resident set), read as it ends; the child's
``ru_maxrss`` (``os.wait4``, as ``RUSAGE_CHILDREN`` sees it) is shown too. The two agree because
the children are started from a small driver process: ``ru_maxrss`` survives ``exec`` on Linux,
so a child started straight from ``bench/run.py`` (a GB after the other benchmarks) would
report the parent's peak.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EMPLOYEES, WEEKS, CHUNK, QUARTERS = 50_000, 52, 1_000, 4
HEADERS = ["工号", "姓名", "团队", "周开始日期", "指标", "实际值", "目标值"]
METRICS = (("平均处理时长", 7.0, 1.0, 7.5), ("客户满意度", 88.0, 4.0, 85.0),
           ("首次解决率", 75.0, 5.0, float("nan")), ("工单量", 220.0, 25.0, 200.0))
MEMORY_LIMIT_MB = 24 * 1024
ENV = "COACHBOARD_BENCH_BIG"


def quarter_files(work: Path) -> list[Path]:
    """One file per quarter: a year of weekly KPIs for 50,000 people is 636 MB, over the
    200 MB upload limit (``ingest/limits.py``), so a group company imports it in parts."""
    return [work / f"metrics-q{q + 1}.csv" for q in range(QUARTERS)]


def generate(work: Path, employees: int, seed: int = 42) -> int:
    """Write the quarterly CSVs chunk by chunk; returns the rows written."""
    # Imported in the child only, so each step's peak memory is its own.
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    weeks = pd.date_range("2025-01-06", periods=WEEKS, freq="W-MON").strftime("%Y-%m-%d")
    quarter = np.arange(WEEKS) * QUARTERS // WEEKS  # 13 weeks each
    outs = [path.open("w", encoding="utf-8", newline="") for path in quarter_files(work)]
    rows = 0
    try:
        for out in outs:
            out.write(",".join(HEADERS) + "\n")
        for first in range(0, employees, CHUNK):
            n = min(CHUNK, employees - first)
            ids = np.array([f"E{i:05d}" for i in range(first, first + n)], dtype=object)
            teams = np.array([f"客服{i // 12 + 1:04d}组" for i in range(first, first + n)],
                             dtype=object)
            for metric, mean, sd, target in METRICS:
                level = rng.normal(mean, sd, size=(n, 1))
                values = level + rng.normal(0, sd / 2, (n, WEEKS))
                frame = pd.DataFrame({
                    HEADERS[0]: np.repeat(ids, WEEKS), HEADERS[1]: np.repeat(ids, WEEKS),
                    HEADERS[2]: np.repeat(teams, WEEKS), HEADERS[3]: np.tile(weeks, n),
                    HEADERS[4]: metric, HEADERS[5]: values.ravel().round(2),
                    HEADERS[6]: target})
                which = np.tile(quarter, n)
                for q, out in enumerate(outs):
                    frame[which == q].to_csv(out, header=False, index=False)
                rows += n * WEEKS
    finally:
        for out in outs:
            out.close()
    return rows


def do_import(work: Path, db: Path) -> int:
    # Imported in the child only, so each step's peak memory is its own.
    import store

    con = store.connect(db)
    loaded = 0
    for csv in quarter_files(work):
        result = store.import_bytes(con, csv.read_bytes(), csv.name)  # as cmd_import does
        if result.status != "loaded":
            raise RuntimeError(f"import failed: {json.dumps(result.as_json(), default=str)[:500]}")
        loaded += result.rows_loaded
    con.close()
    return loaded


def do_flags(db: Path) -> int:
    # Imported in the child only, so each step's peak memory is its own.
    import store
    from analytics.flags import flags
    from store.frames import metric_frame, people_frame, session_frame

    con = store.connect(db)
    con.execute("SET enable_progress_bar = false")
    start = time.perf_counter()
    values, people, sessions = metric_frame(con), people_frame(con), session_frame(con)
    loaded = time.perf_counter()
    found = flags(values, people, sessions)
    print(json.dumps({"frames_seconds": loaded - start,
                      "flags_seconds": time.perf_counter() - loaded}))
    con.close()
    return len(found)


def step(name: str, work: Path, employees: int) -> dict:
    """One step in this process (a child): {"seconds", "count", "peak_mb"}."""
    start = time.perf_counter()
    db = work / "big.duckdb"
    count = {"generate": lambda: generate(work, employees), "import": lambda: do_import(work, db),
             "flags": lambda: do_flags(db)}[name]()
    return {"seconds": time.perf_counter() - start, "count": count, "peak_mb": vm_hwm_mb()}


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(name: str, work: Path, employees: int) -> dict:
    """Run ``step`` in a child; its JSON lines merged, plus its ``ru_maxrss`` in MiB."""
    proc = subprocess.Popen([sys.executable, __file__, "--step", name, "--work", str(work),
                             "--employees", str(employees)], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"step {name} failed with exit code {proc.returncode}")
    merged = {}
    for line in out.strip().splitlines():
        merged |= json.loads(line)
    return merged | {"maxrss_mb": usage.ru_maxrss / 1024}


def drive(employees: int) -> list[dict]:
    """Every step, each in its own child, in a temp dir deleted afterwards."""
    work = Path(tempfile.mkdtemp(prefix="coachboard-big-"))
    try:
        out = []
        for name in ("generate", "import", "flags"):
            load = Path("/proc/loadavg").read_text().split()[0]
            out.append(child(name, work, employees) | {"step": name, "load": load})
            if name == "generate":
                out[-1]["csv_mb"] = sum(p.stat().st_size for p in quarter_files(work)) / 2**20
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def results(employees: int = EMPLOYEES) -> list[tuple]:
    """[(case, seconds, limit, note)]; one skipped row when ``COACHBOARD_BENCH_BIG=0``."""
    if os.environ.get(ENV, "1") == "0":
        return [("10.4M rows", None, None, f"skipped ({ENV}=0)")]
    # A small driver process starts the steps (see the module docstring on ru_maxrss).
    done = subprocess.run([sys.executable, __file__, "--employees", str(employees), "--json"],
                          stdout=subprocess.PIPE, text=True, check=True)
    rows = []
    for s in json.loads(done.stdout.strip().splitlines()[-1]):
        over = s["peak_mb"] >= MEMORY_LIMIT_MB
        note = (f"{s['count']:,} {'flags' if s['step'] == 'flags' else 'rows'}; peak "
                f"{s['peak_mb']:,.0f} MiB (ru_maxrss {s['maxrss_mb']:,.0f}){' OVER 24 GB' * over}"
                f"; load {s['load']}")
        if "csv_mb" in s:
            note += f"; {s['csv_mb']:,.0f} MiB CSV"
        seconds = s["seconds"]
        if "flags_seconds" in s:  # the figure is flags() alone, as in bench/analytics.py
            seconds = s["flags_seconds"]
            note += (f"; before it the frames from DuckDB {s['frames_seconds']:.1f} s, "
                     f"whole child {s['seconds']:.1f} s")
        rows.append((f"{s['step']} {employees * WEEKS * len(METRICS):,}", seconds, None, note))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=EMPLOYEES)
    parser.add_argument("--step", choices=["generate", "import", "flags"])
    parser.add_argument("--work", type=Path)
    parser.add_argument("--json", action="store_true", help="print the steps as one JSON line")
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.work, args.employees)))
    elif args.json:
        print(json.dumps(drive(args.employees)))
    else:
        for case, seconds, _, note in results(args.employees):
            print(f"{case}: {seconds:.1f} s; {note}")


if __name__ == "__main__":
    main()
