"""The same import and the same reads on DuckDB and on PostgreSQL, in one run.

Run: ``.venv/bin/python bench/pg_compare.py [--employees 5000]``. It starts a throw-away
PostgreSQL 15 (``tools/pg_local.py``, durable settings), generates ``bench/big.py``'s quarterly
CSVs for N people (52 weeks x 4 metrics: 1.04M rows at 5,000), then on each backend times:
the import of the four files (``store.import_bytes``, as ``cli.py import`` does), the frames the
team view reads (``store.frames``), the flags over them, the board's attainment query (SQL
aggregation in the engine) and a manager's scoped frame.
Prints one JSON object per backend (with the load average before and after it), then the
ratios PostgreSQL / DuckDB. ``frames_and_flags_s`` is ``bench/big.py``'s flags step (the frames
read into pandas, then the flags over them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    out = run()
    return time.perf_counter() - start, out


def measure(target, work: Path) -> dict:
    import store
    from analytics.flags import flags
    from bench.big import quarter_files
    from store.access import Viewer
    from store.board import attainment
    from store.frames import metric_frame, people_frame, session_frame
    from store.scope import scoped
    from store.users import add_user

    con = store.connect(target)
    out: dict[str, float] = {}
    from bench.big import METRICS

    # bench/big.py's normal draws pass 100 now and then: confirmed, as a user would
    allow = tuple(m[0] for m in METRICS)
    for n, csv in enumerate(quarter_files(work), start=1):
        seconds, result = _timed(lambda c=csv: store.import_bytes(
            con, c.read_bytes(), c.name, allow_metrics=allow))
        if result.status != "loaded":
            raise RuntimeError(result.as_json()["summary"])
        out[f"import_q{n}_s"] = round(seconds, 2)
    out["frames_s"], frames = _timed(lambda: (metric_frame(con), people_frame(con),
                                             session_frame(con)))
    out["flags_s"], found = _timed(lambda: flags(*frames))
    out["rows"], out["flags"] = len(frames[0]), len(found)
    out["board_s"], _ = _timed(lambda: attainment(con))
    add_user(con, "m@x", role="manager", employee_id="E00000")
    con.execute("UPDATE employees SET manager_id = 'E00000' WHERE employee_id < 'E00012' "
                "AND employee_id <> 'E00000'")
    mine = scoped(con, Viewer("m@x", "manager", "E00000"))
    out["manager_frame_s"], small = _timed(lambda: metric_frame(mine))
    out["manager_rows"] = len(small)
    con.close()
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=5000)
    args = parser.parse_args()
    from bench.big import generate
    from store.pg import close_pool
    from tools import pg_local

    with tempfile.TemporaryDirectory(prefix="coachboard-pgbench-") as tmp:
        work = Path(tmp)
        generate(work, args.employees)
        server = pg_local.start(work / "pg")
        try:
            duck = _run("duckdb", lambda: measure(work / "b.duckdb", work))
            url = server.url()
            pg = _run("postgresql", lambda: measure(url, work))
            close_pool(url)
        finally:
            pg_local.stop(server)
    print(json.dumps({"ratio": "postgresql / duckdb", **{
        key: round(pg[key] / duck[key], 1) for key in duck
        if key.endswith("_s") and duck[key] > 0}}))


def _run(backend: str, measured) -> dict:
    """One backend's figures, printed with the machine's load average before and after (the
    machine is shared: a ratio is only as good as the load was even)."""
    before = os.getloadavg()[0]
    out = measured()
    out["import_s"] = round(sum(v for k, v in out.items() if k.startswith("import_q")), 2)
    out["frames_and_flags_s"] = round(out["frames_s"] + out["flags_s"], 2)
    out["load_before"], out["load_after"] = round(before, 1), round(os.getloadavg()[0], 1)
    print(json.dumps({"backend": backend, **out}), flush=True)
    return out


if __name__ == "__main__":
    main()
