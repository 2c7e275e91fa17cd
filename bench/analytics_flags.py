"""Time the manager view's analytics on 5,000 employees x 52 weeks x 4 metrics (1,040,000 rows).

Run: ``.venv/bin/python bench/analytics_flags.py``. The data comes from a seeded rng, so the
figure is comparable between runs; the best of ``--repeat`` runs is printed (less noise from
other processes than the mean).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.flags import flags
from analytics.trend import trends

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    values, people, sessions = generate(args.employees)
    print(f"rows: {len(values):,}")
    for label, run in (("trends", lambda: trends(values)),
                       ("flags", lambda: flags(values, people, sessions))):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = run()
            best = min(best, time.perf_counter() - start)
        print(f"{label}(...): best of {args.repeat}: {best:.3f} s ({len(result):,} rows)")


if __name__ == "__main__":
    main()
