"""Run every benchmark in bench/ and print one summary table (``make bench``).

A benchmark is a module ``bench/<name>.py`` with a ``results()`` function returning
``[(case, seconds, limit or None, note)]``; modules without one (or this file) are run as
scripts and their output shown as is.
"""

from __future__ import annotations

import importlib
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
SKIP = {"run", "__init__"}


def main() -> int:
    rows, failed = [], False
    for path in sorted(HERE.glob("*.py")):
        if path.stem in SKIP:
            continue
        module = importlib.import_module(f"bench.{path.stem}")
        if hasattr(module, "results"):
            rows += [(path.stem, *row) for row in module.results()]
        else:
            print(f"== {path.name}", flush=True)
            failed |= subprocess.run([sys.executable, str(path)], check=False).returncode != 0
    cores = len(__import__("os").sched_getaffinity(0))
    print(f"\nmachine: {platform.machine()}, {cores} cores, Python {platform.python_version()}")
    print(f"{'benchmark':<10} {'case':<28} {'seconds':>8} {'limit':>6}  note")
    for bench, case, seconds, limit, note in rows:
        over = limit is not None and seconds >= limit
        failed |= over
        mark = "" if limit is None else ("OVER" if over else "ok")
        print(f"{bench:<10} {case:<28} {seconds:>8.3f} {limit or '':>6} {mark:<4} {note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
