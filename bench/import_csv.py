"""Time a 1,040,000-row long metrics CSV import against DuckDB's own ``read_csv`` (the floor).

Run: ``.venv/bin/python bench/import_csv.py [--rows N] [--profile]`` (``make bench`` runs it
through ``bench/run.py``). The CSV (5,000 employees x 52 weeks x 4 metrics, Chinese headers
工号,姓名,团队,周开始日期,指标,实际值,目标值, UTF-8) comes from a seeded rng and is written into
a temp dir. Goal: the import within 3x of the floor, peak memory under 1.5 GB.

Each case runs in its own child process, so that the two do not share caches or memory. Peak
memory is the child's own ``VmHWM`` (peak resident set of its address space, interpreter and
imports included), read from ``/proc/self/status`` as it ends. Not ``ru_maxrss``: on Linux it
survives ``exec``, so a child started from a big parent (``bench/run.py`` after the analytics
benchmark, or this script after generating the CSV) would report the parent's peak. Both cases write into a fresh DuckDB file and the time runs from opening
the file to closing it (the floor: ``duckdb.connect`` + ``CREATE TABLE t AS SELECT * FROM
read_csv(..., all_varchar=true)``; the import: read the bytes, ``store.connect`` (schema) +
``store.import_bytes``).

``--profile`` runs the import under cProfile in this process instead and prints the top
functions by cumulative and by own time.
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

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._compiled import compiled  # noqa: E402

ROWS = 1_040_000
WEEKS, METRICS = 52, 4
RATIO_LIMIT, MEMORY_LIMIT_MB = 3.0, 1536  # 1.5 GiB
HEADERS = ["工号", "姓名", "团队", "周开始日期", "指标", "实际值", "目标值"]
METRIC_ROWS = (  # name, mean, sd, target (NaN: no target, an empty cell), highest possible
    ("平均处理时长", 7.0, 1.0, 7.5, np.inf),
    ("客户满意度", 88.0, 4.0, 85.0, 100.0),  # a 0-100 score: the import refuses values above it
    ("首次解决率", 75.0, 5.0, float("nan"), 100.0),
    ("工单量", 220.0, 25.0, 200.0, np.inf),
)
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂")


def generate(path: Path, rows: int = ROWS, seed: int = 42) -> int:
    """Write the long CSV with ``rows`` rows (whole employees: 208 rows each); returns rows."""
    if rows < WEEKS * METRICS:
        raise ValueError(f"rows must be at least {WEEKS * METRICS}")
    employees = rows // (WEEKS * METRICS)
    rng = np.random.default_rng(seed)
    ids = np.array([f"E{i:05d}" for i in range(employees)], dtype=object)
    names = np.array([SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i // 400) % 20]
                      for i in range(employees)], dtype=object)
    teams = np.array([f"客服{i // 12 + 1:03d}组" for i in range(employees)], dtype=object)
    weeks = pd.date_range("2025-01-06", periods=WEEKS, freq="W-MON").strftime("%Y-%m-%d")
    frames = []
    for metric, mean, sd, target, highest in METRIC_ROWS:
        level = rng.normal(mean, sd, size=(employees, 1))
        values = np.minimum(level + rng.normal(0, sd / 2, (employees, WEEKS)), highest)
        frames.append(pd.DataFrame({
            HEADERS[0]: np.repeat(ids, WEEKS), HEADERS[1]: np.repeat(names, WEEKS),
            HEADERS[2]: np.repeat(teams, WEEKS), HEADERS[3]: np.tile(weeks, employees),
            HEADERS[4]: metric, HEADERS[5]: values.ravel().round(2), HEADERS[6]: target}))
    frame = pd.concat(frames, ignore_index=True)
    frame.to_csv(path, index=False, encoding="utf-8")
    return len(frame)


def run_case(case: str, csv: Path, db: Path) -> dict:
    """One case in this process (the child's side): {"seconds": ..., "rows": ...}."""
    start = time.perf_counter()
    if case == "floor":
        # Each case loads only what it measures (the floor's peak is DuckDB's alone).
        import duckdb
        con = duckdb.connect(str(db))
        con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, header = true, "
                    "all_varchar = true)", [str(csv)])
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    else:
        # Each case loads only what it measures (the floor's peak is DuckDB's alone).
        import store
        raw = csv.read_bytes()
        con = store.connect(db)
        result = store.import_bytes(con, raw, csv.name)
        if result.status != "loaded":
            raise RuntimeError(f"import failed: {result.as_json()}")
        rows = result.rows_loaded
    con.close()
    return {"seconds": time.perf_counter() - start, "rows": rows, "peak_mb": peak_mb()}


def peak_mb() -> float:
    """This process's peak resident memory (``VmHWM``) in MiB; ``ru_maxrss`` off Linux."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    # Only where /proc is missing.
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(case: str, csv: Path, db: Path) -> tuple[float, float, int]:
    """Run ``case`` in a child process: (seconds, peak RSS in MB, rows stored)."""
    compiled()  # as installed: no child compiles the app (bench/_compiled.py)
    done = subprocess.run(
        [sys.executable, __file__, "--case", case, "--csv", str(csv), "--db", str(db)],
        stdout=subprocess.PIPE, text=True, check=True)
    child = json.loads(done.stdout.strip().splitlines()[-1])
    return child["seconds"], child["peak_mb"], child["rows"]


def results(rows: int = ROWS) -> list[tuple]:
    """[(case, seconds, limit or None, note)]: the floor, then the import with its ratio."""
    work = Path(tempfile.mkdtemp(prefix="bench_import_"))
    csv = work / "metrics.csv"
    written = generate(csv, rows)
    size = csv.stat().st_size / 2**20
    try:
        floor, floor_mb, _ = measure("floor", csv, work / "floor.duckdb")
        seconds, peak_mb, stored = measure("import", csv, work / "import.duckdb")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())  # other work on the same cores
    ratio = seconds / floor
    memory = "ok" if peak_mb < MEMORY_LIMIT_MB else "OVER"
    return [
        ("import floor (read_csv)", floor, None,
         f"{written:,} rows, {size:.0f} MiB CSV, peak {floor_mb:,.0f} MiB"),
        ("import (import_bytes)", seconds, round(RATIO_LIMIT * floor, 3),
         f"{ratio:.1f}x floor (goal 3x), {stored:,} stored, peak {peak_mb:,.0f} MiB "
         f"({memory}, goal < {MEMORY_LIMIT_MB} MiB), load average {load}"),
    ]


def profile_import(write, run, name: str, top: int = 25) -> None:
    """cProfile ``run("import", file, database)`` on the file ``write(file)`` makes in a temp
    folder; print the top functions (cumulative, own time)."""
    # Only with --profile.
    import cProfile
    import pstats

    work = Path(tempfile.mkdtemp(prefix="bench_import_prof_"))
    source = work / name
    profiler = cProfile.Profile()
    try:
        write(source)
        profiler.runcall(run, "import", source, work / "import.duckdb")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def profile(rows: int, top: int = 25) -> None:
    """cProfile the import of ``rows`` rows; print the top functions (cumulative, own time)."""
    profile_import(lambda path: generate(path, rows), run_case, "metrics.csv", top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--profile", action="store_true", help="cProfile the import instead")
    parser.add_argument("--case", choices=("floor", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.csv, args.db)))
    elif args.profile:
        profile(args.rows)
    else:
        for label, seconds, limit, note in results(args.rows):
            bound = "" if limit is None else f" (limit {limit} s: "
            bound += "" if limit is None else ("OK)" if seconds < limit else "OVER)")
            print(f"{label}: {seconds:.3f} s{bound}; {note}")


if __name__ == "__main__":
    main()
