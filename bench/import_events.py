"""Time a 1,000,000-row per-call log imported (aggregated to agent x week KPIs) against
DuckDB's own ``read_csv`` + ``GROUP BY`` of the same CSV (the floor), and the same log as XLSX
(as Excel saves it: shared strings, real date and time cells), imported too.

Run: ``.venv/bin/python bench/import_events.py [--rows N] [--xlsx-rows N ...] [--profile]
[--stages]`` (``--stages``: wall and CPU seconds of each stage of the CSV import, as it runs
and, as a trial, with the primary key of ``metric_values`` it had until schema version 7)
(``make bench`` runs it through ``bench/run.py``). The log looks like the PwC call-centre
export: ``Call Id, Agent, Date, Time, Topic, Answered (Y/N), Resolved, Speed of answer in
seconds, AvgTalkDuration (h:mm:ss), Satisfaction rating``, blanks for unanswered calls; 2,000
agents over 26 weeks from a seeded rng. Goal: the CSV import within 3x of the floor, peak
memory under 1.5 GB (both files).

Each case runs in its own child process (see ``bench/import_csv.py`` for why and how peak
memory is read). The floor computes the same six figures per agent and week (calls, answered
%, resolved % of answered, mean speed, mean talk seconds, mean rating) into a table of a fresh
DuckDB file; the import reads the bytes and runs ``store.connect`` +
``store.plan_import.import_plan`` (what ``cli.py import`` and the Import page run). Each case
also reports its CPU seconds (user + system, all threads): on a shared machine they move less
than the wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
from bench.import_csv import peak_mb, profile_import  # noqa: E402

ROWS = 1_000_000
XLSX_ROWS = (1_000_000,)
# The workbook's real date and time cells (the rest: text and numbers as the CSV has them).
XLSX_CELLS = {"Date": "date", "Time": "time", "AvgTalkDuration": "time"}
AGENTS, DAYS = 2000, 182  # 2025-01-06 (a Monday) for 26 whole weeks
RATIO_GOAL, MEMORY_LIMIT_MB = 1 / 3, 1536  # within 3x of the floor; 1.5 GiB
TOPICS = np.array(["Admin Support", "Contract related", "Payment related", "Streaming",
                   "Technical Support"], dtype=object)
FLOOR_SQL = """
CREATE TABLE t AS
SELECT Agent, date_trunc('week', "Date") AS week, count(*) AS calls,
       100 * avg(("Answered (Y/N)" = 'Y')::INT) AS answered,
       100 * avg((Resolved = 'Y')::INT) FILTER (WHERE "Answered (Y/N)" = 'Y') AS resolved,
       avg("Speed of answer in seconds") AS speed,
       avg(epoch(AvgTalkDuration)) AS talk, avg("Satisfaction rating") AS rating
FROM read_csv(?, header = true) GROUP BY ALL
"""


def calls(rows: int, seed: int = 42) -> pd.DataFrame:
    """The log as an export writes it (text cells), ``rows`` calls in date order."""
    rng = np.random.default_rng(seed)
    day = np.sort(rng.integers(0, DAYS, rows))
    answered = rng.random(rows) < 0.81
    talk = rng.integers(30, 420, rows)
    stamp = rng.integers(9 * 3600, 18 * 3600, rows)

    def hms(s: np.ndarray) -> pd.Series:
        return pd.Series(pd.to_timedelta(s, unit="s")).astype(str).str[-8:]

    def numbered(prefix: str, n: np.ndarray, width: int) -> pd.Series:
        return prefix + pd.Series(n).astype(str).str.zfill(width)

    blank = ~answered
    return pd.DataFrame({
        "Call Id": numbered("ID", np.arange(rows), 7),
        "Agent": numbered("Agent ", rng.integers(0, AGENTS, rows), 4),
        "Date": (np.datetime64("2025-01-06") + day).astype("datetime64[D]").astype(str),
        "Time": hms(stamp), "Topic": TOPICS[rng.integers(0, len(TOPICS), rows)],
        "Answered (Y/N)": np.where(answered, "Y", "N"),
        "Resolved": np.where(answered & (rng.random(rows) < 0.9), "Y", "N"),
        "Speed of answer in seconds": pd.Series(rng.integers(10, 125, rows)).where(answered),
        "AvgTalkDuration": hms(talk).where(~blank),
        "Satisfaction rating": pd.Series(rng.integers(1, 6, rows)).where(answered),
    }).astype({"Speed of answer in seconds": "Int64", "Satisfaction rating": "Int64"})


def write_csv(path: Path, rows: int) -> int:
    calls(rows).to_csv(path, index=False)
    return rows


def write_xlsx(path: Path, rows: int) -> int:
    """The same log as a workbook, dates and times as real cells (``bench/_xlsx.py``)."""
    # Only the XLSX case writes a workbook.
    from bench import _xlsx

    _xlsx.write(path, calls(rows), XLSX_CELLS)
    return rows


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (every thread)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def run_case(case: str, source: Path, db: Path) -> dict:
    """One case in this process: {"seconds", "rows" (figures stored), "peak_mb"}."""
    start, cpu = time.perf_counter(), cpu_seconds()
    if case == "floor":
        # Each case loads only what it measures (the floor's peak is DuckDB's alone).
        import duckdb
        con = duckdb.connect(str(db))
        con.execute(FLOOR_SQL, [str(source)])
        rows = con.execute("SELECT count(*) * 6 FROM t").fetchone()[0]
    else:
        # Each case loads only what it measures (the floor's peak is DuckDB's alone).
        import store
        from ingest.propose import Hints
        from store.plan_import import import_plan

        raw = source.read_bytes()
        con = store.connect(db)
        # What cli.py import and the Import page run: proposed plan, then every sheet stored.
        result = import_plan(con, raw, source.name,
                             hints=Hints(grain="week", include_partial=True))
        if result.status != "loaded" and result.problem is None:
            raise RuntimeError(f"import failed: {result.as_json()['errors'][:3]}")
        rows = result.rows_loaded
    con.close()
    refused = result.problem.message("en") if case != "floor" and result.problem else None
    return {"seconds": time.perf_counter() - start, "rows": rows, "peak_mb": peak_mb(),
            "refused": refused, "cpu": cpu_seconds() - cpu}


def measure(case: str, source: Path, db: Path) -> dict:
    """Run ``case`` in a child process: its ``run_case`` answer."""
    compiled()  # as installed: no child compiles the app (bench/_compiled.py)
    done = subprocess.run(
        [sys.executable, __file__, "--case", case, "--source", str(source), "--db", str(db)],
        stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _memory(peak: float) -> str:
    return f"peak {peak:,.0f} MiB ({'ok' if peak < MEMORY_LIMIT_MB else 'OVER'}, " \
        f"goal < {MEMORY_LIMIT_MB} MiB)"


def _xlsx_case(work: Path, rows: int, floor: dict) -> tuple:
    """The log as a workbook: imported, or refused with the sentence a manager reads."""
    xlsx = work / f"calls_{rows}.xlsx"
    write_xlsx(xlsx, rows)
    got = measure("import", xlsx, work / f"xlsx_{rows}.duckdb")
    size = f"{rows:,} calls, {xlsx.stat().st_size / 2**20:.0f} MiB XLSX"
    what = f"refused: {got['refused']}" if got["refused"] else f"{got['rows']:,} figures stored"
    return (f"events import XLSX {rows // 1000}k", got["seconds"], None,
            f"{got['seconds'] / floor['seconds']:.1f}x floor, {size}, {what}, "
            f"{got['cpu']:.1f} s CPU, {_memory(got['peak_mb'])}", floor["seconds"])


def results(rows: int = ROWS, xlsx_rows: tuple[int, ...] = XLSX_ROWS) -> list[tuple]:
    """The floor; the CSV import against it (goal: within 3x); the XLSX imports (reported)."""
    work = Path(tempfile.mkdtemp(prefix="bench_events_"))
    try:
        csv = work / "calls.csv"
        write_csv(csv, rows)
        floor = measure("floor", csv, work / "floor.duckdb")
        got = measure("import", csv, work / "import.duckdb")
        out = [("events floor (read_csv+GROUP BY)", floor["seconds"], None,
                f"{rows:,} calls, {csv.stat().st_size / 2**20:.0f} MiB CSV, {floor['rows']:,} "
                f"figures, {floor['cpu']:.1f} s CPU, peak {floor['peak_mb']:,.0f} MiB, "
                f"load average {os.getloadavg()[0]:.1f}"),
               ("events import CSV", got["seconds"], None,
                f"{got['seconds'] / floor['seconds']:.1f}x floor (goal 3x), {got['rows']:,} "
                f"figures stored, {got['cpu']:.1f} s CPU, {_memory(got['peak_mb'])}",
                floor["seconds"], RATIO_GOAL)]
        for n in xlsx_rows:
            try:
                out.append(_xlsx_case(work, n, floor))
            except (subprocess.CalledProcessError, OSError) as exc:  # report, keep the others
                out.append((f"events import XLSX {n // 1000}k", None, 0, f"FAILED: {exc}"[:200]))
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_stages(rows: int) -> None:
    """Wall and CPU seconds of each stage of the CSV import (``bench/_stages.py``), with
    as it runs and, as a trial, with ``metric_values``' old primary key; the floor beside them."""
    work = Path(tempfile.mkdtemp(prefix="bench_events_stages_"))
    try:
        csv = work / "calls.csv"
        write_csv(csv, rows)
        floor = measure("floor", csv, work / "floor.duckdb")
        print(f"floor: {floor['seconds']:.2f} s, {floor['cpu']:.2f} s CPU; "
              f"load average {os.getloadavg()[0]:.1f}")
        for case in ("stages", "stages-with-key"):
            got = measure(case, csv, work / f"{case}.duckdb")
            print(f"{case}: " + "; ".join(f"{k} {w:.2f}/{c:.2f}" for k, (w, c) in got.items())
                  + " (wall/CPU s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def profile(rows: int, top: int = 25) -> None:
    """cProfile the CSV import of ``rows`` calls; print the top functions."""
    profile_import(lambda path: write_csv(path, rows), run_case, "calls.csv", top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--xlsx-rows", type=int, nargs="*", default=list(XLSX_ROWS),
                        help="workbook sizes (none: no XLSX case)")
    parser.add_argument("--profile", action="store_true", help="cProfile the CSV import")
    parser.add_argument("--stages", action="store_true",
                        help="wall and CPU seconds of each stage of the CSV import")
    parser.add_argument("--case", choices=("floor", "import", "stages", "stages-with-key"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case and args.case.startswith("stages"):
        from bench._stages import stages  # the child of --stages only

        print(json.dumps(stages(args.source, args.db, with_key=args.case != "stages")))
    elif args.case:
        print(json.dumps(run_case(args.case, args.source, args.db)))
    elif args.stages:
        print_stages(args.rows)
    elif args.profile:
        profile(args.rows)
    else:
        for label, seconds, _, note, *_ in results(args.rows, tuple(args.xlsx_rows)):
            print(f"{label}: {'-' if seconds is None else f'{seconds:.3f}'} s; {note}")


if __name__ == "__main__":
    main()
