"""Time the leadership board on 5,000 employees x 52 weeks x 4 metrics in a DuckDB file.

Run: ``.venv/bin/python bench/board.py [--employees N] [--repeat R] [--db PATH]``. The data is
the seeded data of ``bench/analytics.py`` (417 teams of 12, one manager per team, three key
results each), written once into a DuckDB file that the other benchmarks of the same run share
(:func:`shared_db`); "warm" is the best of ``--repeat`` runs after a first, untimed one.
Limit: every board view under 1 s warm.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from bench import _args
from bench.analytics import METRICS, generate
from reports.board import board_view, drill


def build(path: Path, employees: int) -> None:
    """Write the generated people, values, catalog, sessions and goals into ``path``."""
    values, people, sessions = generate(employees)
    con = store.connect(path)
    con.register("v", values)
    con.execute("INSERT INTO metric_values (employee_id, period, metric, value, target, import_id) "
                "SELECT employee_id, period::DATE, metric, value, "
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


LIMIT = 1.0
_SHARED: dict[int, Path] = {}


def shared_db(employees: int = 5000) -> Path:
    """The database of ``employees`` people, built once per process (deleted at exit)."""
    if employees not in _SHARED:
        folder = tempfile.mkdtemp(prefix="coachboard-bench-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _SHARED[employees] = Path(folder) / "bench.duckdb"
        build(_SHARED[employees], employees)
    return _SHARED[employees]


def best_of(repeat: int, run) -> tuple[float, object]:
    run()  # warm-up: file pages and pandas code paths
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def results(employees: int = 5000, repeat: int = 3, db: str | None = None) -> list[tuple]:
    """[(case, seconds, limit or None, note)], each the best of ``repeat`` warm runs."""
    path = Path(db) if db else shared_db(employees)
    if not path.exists():
        build(path, employees)
    con = store.connect(path)
    con.execute("SET enable_progress_bar = false")  # the bar writes to the terminal
    cases = (
        ("by team", LIMIT, "tiles, alerts, OKR; no flag count",
         lambda: board_view(con, with_flags=False)),
        ("by manager, rolling 4", LIMIT, "",
         lambda: board_view(con, by="manager", rolling=True, with_flags=False)),
        ("employees of one team", LIMIT, "",
         lambda: board_view(con, by="employee", team="T001", with_flags=False)),
        ("drill: team x metric", LIMIT, "", lambda: drill(con, team="T001", metric="CSAT")),
        ("by team + flagged tile", None, "full manager analysis (cached by the page)",
         lambda: board_view(con)),
    )
    out = [(label, best_of(repeat, run)[0], limit, note) for label, limit, note, run in cases]
    con.close()
    return out


def main() -> None:
    args = _args.parser(__doc__).parse_args()
    for label, seconds, limit, note in results(args.employees, args.repeat, args.db):
        bound = "" if limit is None else f" (limit {limit} s)"
        print(f"{label}: best of {args.repeat} warm: {seconds:.3f} s{bound} {note}")


if __name__ == "__main__":
    main()
