"""Run every benchmark in bench/ and print one summary table (``make bench``).

A benchmark is a module ``bench/<name>.py`` with a ``results()`` function returning rows
``(case, seconds, limit or None, note[, baseline seconds[, ratio goal]])``:

* ``seconds`` may be None: a skipped case (no limit) or a failed one (FAIL), shown as "-";
* ``baseline seconds``: the same answer computed another way in the same run (the pandas
  baseline of ``bench/baselines.py``, DuckDB's own ``read_csv``...); the table shows
  ratio = baseline / seconds (2.0x: the product takes half the baseline's time);
* ``ratio goal``: the smallest acceptable ratio (e.g. 3.0); a ratio under it is OVER too.

Modules without ``results()`` but with a ``main()`` are run as scripts and their output shown
as is; modules with neither (``bench/pandas_sql.py``) or named ``_*`` are libraries, skipped.
``bench/soak.py`` (30 minutes) runs only when named: ``--only soak`` (``make soak``).
The machine line (cores, RAM, CPU, load average at start and end) comes first and last; the
exit code is 1 when any case is OVER or FAIL, or a script failed.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
SKIP = {"run", "__init__"}
OPT_IN = {"soak"}  # 30 minutes: only when named, ``--only soak`` (``make soak``)
COLUMNS = (("benchmark", 10, "<"), ("case", 32, "<"), ("seconds", 8, ">"), ("baseline", 8, ">"),
           ("ratio", 6, ">"), ("limit", 6, ">"), ("ok", 4, "<"), ("note", 0, "<"))


def machine() -> str:
    """Cores, RAM, CPU model and Python, for the figures' context."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{len(os.sched_getaffinity(0))} cores, {ram:.0f} GiB RAM, {cpu}, "
            f"Python {platform.python_version()}")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def verdict(row: tuple) -> tuple[str, str, bool]:
    """(ratio text, ok/OVER text, over) of one result row."""
    _, seconds, limit, _, *extra = row
    baseline = extra[0] if extra else None
    goal = extra[1] if len(extra) > 1 else None
    ratio = baseline / seconds if baseline and seconds else None
    if seconds is None:  # skipped (no limit) or failed (a limit it could not be held to)
        return "", ("" if limit is None else "FAIL"), limit is not None
    over = (limit is not None and seconds >= limit) or (
        ratio is not None and goal is not None and ratio < goal)
    mark = ("OVER" if over else "ok") if limit is not None or goal is not None else ""
    return ("" if ratio is None else f"{ratio:.1f}x"), mark, over


def line(values: tuple) -> str:
    return " ".join(f"{v:{align}{width}}" for v, (_, width, align) in zip(values, COLUMNS,
                                                                          strict=True))


def table(rows: list[tuple]) -> tuple[list[str], bool]:
    """The printed summary (one line per row) and whether any row is OVER."""
    out, failed = [line(tuple(name for name, *_ in COLUMNS))], False
    for bench, *row in rows:
        case, seconds, limit, note, *extra = row
        ratio, mark, over = verdict(tuple(row))
        failed |= over
        goal = f" (goal >= {extra[1]:g}x)" if len(extra) > 1 and extra[1] else ""
        out.append(line((bench, case, "-" if seconds is None else f"{seconds:.3f}",
                         f"{extra[0]:.3f}" if extra and extra[0] else "", ratio,
                         "" if limit is None else f"{limit:g}", mark, f"{note}{goal}")))
    return out, failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, help="fewer people, to try the benchmarks "
                        "(passed to every results() that takes it); default: each module's")
    parser.add_argument("--only", nargs="*", help="these modules only, e.g. --only board pages")
    args = parser.parse_args()
    started, at_start = time.perf_counter(), load()
    print(f"machine: {machine()}; load average at start {at_start}", flush=True)
    rows, failed = [], False
    for path in sorted(HERE.glob("*.py")):
        wanted = not args.only or path.stem in args.only
        named = args.only and path.stem in args.only
        if path.stem in SKIP or path.stem.startswith("_") or not wanted or (
                path.stem in OPT_IN and not named):
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        if hasattr(module, "results"):
            print(f"== {path.name} (load {load()})", flush=True)
            sized = args.employees and "employees" in inspect.signature(module.results).parameters
            try:
                found = module.results(employees=args.employees) if sized else module.results()
            except Exception as exc:  # one broken benchmark must not hide the others
                found = [("(whole module)", None, 0, f"FAILED: {type(exc).__name__}: {exc}"[:200])]
            rows += [(path.stem, *row) for row in found]
        elif hasattr(module, "main"):
            print(f"== {path.name}", flush=True)
            failed |= subprocess.run([sys.executable, str(path)], check=False).returncode != 0
    lines, over = table(rows)
    print(f"\nmachine: {machine()}\nload average: {at_start} at start, {load()} at end; "
          f"{time.perf_counter() - started:.0f} s in all")
    print("\n".join(lines))
    return 1 if failed or over else 0


if __name__ == "__main__":
    sys.exit(main())
