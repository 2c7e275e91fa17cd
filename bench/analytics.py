"""Time the manager view on 5,000 employees x 52 weeks x 4 metrics (1,040,000 rows).

Run: ``.venv/bin/python bench/analytics.py [--employees N] [--repeat R] [--db PATH]`` (``make
bench`` runs it through ``bench/run.py``). The data comes from a seeded rng, so figures are
comparable between runs; each figure is the best of ``--repeat`` runs (less noise from other
processes than the mean). Limits: all flags for everyone < 2 s; one employee's prep
warm (team analyses cached, as the page caches them) < 0.5 s; the team view from the file (what
the first page view after an import waits for) < 3 s.

Cases:
* trends / flags: the pure analyses on in-memory frames (no database).
* metric frame: ``store.frames.metric_frame``, the 1,040,000 rows from the DuckDB file into
  pandas (Arrow fetch, categorical text).
* team view: ``reports.team_view`` through a real DuckDB file (queries + every analysis).
* employee prep cold: ``reports.employee_prep`` from scratch (team view + this employee).
* employee prep warm: ``reports.prep_from_view`` with the team view computed once (two small
  queries + ``analytics.prep.build_prep``), over different employees.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import store
from analytics.flags import flags
from analytics.trend import trends
from bench import _args
from reports.employee import employee_prep, prep_from_view
from reports.team import team_view
from store.frames import metric_frame

LIMITS = {"flags (all employees)": 2.0, "employee prep warm": 0.5,
          "team view (DuckDB file)": 3.0}

METRICS = (  # name, direction, category, mean, sd, target
    ("AHT", "lower", "efficiency", 7.0, 1.0, 7.5),
    ("CSAT", "higher", "quality", 88.0, 4.0, 85.0),
    ("FCR", "higher", "quality", 75.0, 5.0, float("nan")),
    ("Tickets", "higher", "output", 220.0, 25.0, 200.0),
)


def generate(employees: int = 5000, weeks: int = 52, seed: int = 42):
    """The long metric frame, the roster and a coaching log, all from ``seed``."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"E{i:05d}" for i in range(employees)], dtype=object)
    teams = np.array([f"T{i // 12:03d}" for i in range(employees)], dtype=object)
    periods = pd.date_range("2025-01-06", periods=weeks, freq="W-MON")
    frames = []
    for name, direction, category, mean, sd, target in METRICS:
        level = rng.normal(mean, sd, size=(employees, 1))
        # One in ten employees has a step change somewhere in the year.
        step = np.where(rng.random((employees, 1)) < 0.1, rng.normal(0, 2 * sd, (employees, 1)), 0)
        at = rng.integers(10, weeks - 5, size=(employees, 1))
        data = level + step * (np.arange(weeks)[None, :] >= at) + rng.normal(0, sd / 2, (employees, weeks))
        frames.append(pd.DataFrame({
            "employee_id": np.repeat(ids, weeks), "name": np.repeat(ids, weeks),
            "team": np.repeat(teams, weeks), "period": np.tile(periods, employees),
            "metric": name, "value": data.ravel(), "target": target,
            "direction": direction, "category": category}))
    values = pd.concat(frames, ignore_index=True)
    hire = periods[-1] - pd.to_timedelta(rng.integers(10, 2000, employees), unit="D")
    people = pd.DataFrame({"employee_id": ids, "name": ids, "team": teams, "manager_id": "M",
                           "role": "agent", "hire_date": hire,
                           "high_potential": rng.random(employees) < 0.05})
    who = rng.integers(0, employees, 3 * employees)
    sessions = pd.DataFrame({
        "employee_id": ids[who],
        "session_date": periods[-1] - pd.to_timedelta(rng.integers(0, 200, len(who)), unit="D"),
        "session_type": np.where(rng.random(len(who)) < 0.4, "formal", "informal"),
        "model": "GROW"})
    return values, people, sessions


def build(path: Path, values: pd.DataFrame, people: pd.DataFrame,
          sessions: pd.DataFrame) -> None:
    """Write the generated frames into a Coachboard database file (bulk, bypassing imports)."""
    con = store.connect(path)
    con.register("v", values)
    con.execute("INSERT INTO metric_values (employee_id, period, metric, value, target, import_id) "
                "SELECT employee_id, period::DATE, metric, value, "
                "CASE WHEN isnan(target) THEN NULL ELSE target END, 0 FROM v")
    con.register("p", people)
    con.execute("INSERT INTO employees SELECT employee_id, name, team, manager_id, role, "
                "hire_date::DATE, high_potential, 0 FROM p")
    con.register("s", sessions.assign(session_id=[f"S{i}" for i in range(len(sessions))],
                                      notes="Weekly check-in."))
    con.execute("INSERT INTO coaching_sessions SELECT session_id, employee_id, "
                "session_date::DATE, session_type, model, 'M', notes, 0 FROM s")
    for name, direction, category, *_ in METRICS:
        con.execute("INSERT INTO metric_catalog VALUES (?, ?, ?, NULL, NULL, false)",
                    [name, direction, category])
    con.close()


def best_of(repeat: int, run) -> tuple[float, object]:
    """Best wall time of ``repeat`` calls of ``run`` (a call with an index argument)."""
    best, result = float("inf"), None
    for i in range(repeat):
        start = time.perf_counter()
        result = run(i)
        best = min(best, time.perf_counter() - start)
    return best, result


def results(employees: int = 5000, repeat: int = 3, db: str | None = None) -> list[tuple]:
    """[(case, seconds, limit or None, note)] for every case of the module docstring."""
    values, people, sessions = generate(employees)
    out = []
    for label, run in (("trends", lambda i: trends(values)),
                       ("flags (all employees)", lambda i: flags(values, people, sessions))):
        seconds, result = best_of(repeat, run)
        out.append((label, seconds, LIMITS.get(label), f"{len(result):,} rows"))
    path = Path(db) if db else Path(tempfile.mkdtemp()) / "analytics.duckdb"
    if not path.exists():
        build(path, values, people, sessions)
    con = store.connect(path)
    con.execute("SET enable_progress_bar = false")
    ids = people["employee_id"].to_numpy()
    pick = np.random.default_rng(1).choice(ids, size=max(repeat, 5), replace=False)
    seconds, frame = best_of(repeat, lambda i: metric_frame(con))
    out.append(("metric frame (DuckDB -> pandas)", seconds, None, f"{len(frame):,} rows"))
    seconds, view = best_of(repeat, lambda i: team_view(con))
    out.append(("team view (DuckDB file)", seconds, LIMITS["team view (DuckDB file)"],
                f"{len(view.flags):,} flags"))
    seconds, _ = best_of(repeat, lambda i: employee_prep(con, pick[i]))
    out.append(("employee prep cold", seconds, None, "team view + one employee"))
    seconds, _ = best_of(len(pick), lambda i: prep_from_view(con, view, pick[i], lang="zh"))
    out.append(("employee prep warm", seconds, LIMITS["employee prep warm"],
                f"best of {len(pick)} employees"))
    con.close()
    return out


def main() -> None:
    args = _args.parser(__doc__).parse_args()
    print(f"rows: {args.employees * 52 * len(METRICS):,}")
    for label, seconds, limit, note in results(args.employees, args.repeat, args.db):
        verdict = "" if limit is None else (" OK" if seconds < limit else " OVER")
        bound = f" (limit {limit} s{verdict})" if limit else ""
        print(f"{label}: best {seconds:.3f} s{bound}; {note}")


if __name__ == "__main__":
    main()
