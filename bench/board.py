"""Time the leadership board on 5,000 employees x 52 weeks x 4 metrics in a DuckDB file.

Run: ``.venv/bin/python bench/board.py [--employees N] [--repeat R] [--db PATH]``. The data is
the seeded data of ``bench/analytics.py`` (417 teams of 12), written once into a DuckDB
file; "warm" is the best of ``--repeat`` runs after a first, untimed one (file pages cached).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from bench.analytics import METRICS, generate
from reports.board import board_view, drill


def build(path: Path, employees: int) -> None:
    """Write the generated people, values, catalog, sessions and goals into ``path``."""
    values, people, sessions = generate(employees)
    con = store.connect(path)
    con.register("v", values)
    con.execute("INSERT INTO metric_values SELECT employee_id, period::DATE, metric, value, "
                "CASE WHEN isnan(target) THEN NULL ELSE target END, 0 FROM v")
    people["manager_id"] = "M" + people["team"].str[1:]
    con.register("p", people)
    con.execute("INSERT INTO employees SELECT employee_id, name, team, manager_id, role, "
                "hire_date::DATE, high_potential, 0 FROM p")
    con.register("s", sessions.assign(session_id=[f"S{i}" for i in range(len(sessions))]))
    con.execute("INSERT INTO coaching_sessions SELECT session_id, employee_id, "
                "session_date::DATE, session_type, model, 'M', NULL, 0 FROM s")
    for name, direction, category, *_ in METRICS:
        con.execute("INSERT INTO metric_catalog VALUES (?, ?, ?, NULL, NULL, false)",
                    [name, direction, category])
    rng = np.random.default_rng(7)
    ids = people["employee_id"].to_numpy()
    goals = pd.DataFrame({"employee_id": np.repeat(ids, 3), "objective": "O",
                          "key_result": np.tile(["k1", "k2", "k3"], len(ids)),
                          "weight": np.tile([0.5, 0.3, 0.2], len(ids)),
                          "progress": rng.uniform(0, 1, 3 * len(ids))})
    con.register("g", goals)
    con.execute("INSERT INTO goals SELECT employee_id, objective, key_result, weight, "
                "DATE '2026-03-31', progress, 0 FROM g")
    con.close()


def best_of(repeat: int, run) -> tuple[float, object]:
    run()  # warm-up: file pages and pandas code paths
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="reuse this database file (built when missing)")
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "board.duckdb"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.employees)
        print(f"built {path} in {time.perf_counter() - start:.1f} s")
    con = store.connect(path)
    con.execute("SET enable_progress_bar = false")  # the bar writes to the terminal
    rows = con.execute("SELECT count(*) FROM metric_values").fetchone()[0]
    print(f"rows: {rows:,}")
    cases = (
        ("board by team (tiles, alerts, OKR; no flag count)",
         lambda: board_view(con, with_flags=False)),
        ("board by manager, rolling 4", lambda: board_view(con, by="manager", rolling=True,
                                                           with_flags=False)),
        ("employee board of one team", lambda: board_view(con, by="employee", team="T001",
                                                          with_flags=False)),
        ("drill: one team x one metric", lambda: drill(con, team="T001", metric="CSAT")),
        ("board by team with the flagged-employees tile (full manager analysis)",
         lambda: board_view(con)),
    )
    for label, run in cases:
        seconds, _ = best_of(args.repeat, run)
        print(f"{label}: best of {args.repeat} warm: {seconds:.3f} s")
    con.close()


if __name__ == "__main__":
    main()
