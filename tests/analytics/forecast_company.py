"""A generated company for the forecast tests and timing: people x 4 metrics x weekly values.

Each series is a person's own level, for 40% of people a slow trend, AR(1) noise (this week
looks like last week) and for 20% a lasting step change somewhere: the shapes real exports show.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SPECS = (("Calls", 100.0, 12.0, 110.0, "higher", "efficiency"),
         ("CSAT", 85.0, 4.0, 85.0, "higher", "quality"),
         ("AHT", 8.0, 0.6, 8.0, "lower", "efficiency"),
         ("Sales", 20.0, 5.0, 22.0, "higher", "output"))


def _series(rng, people: int, weeks: int, level: float, noise: float) -> np.ndarray:
    t = np.arange(weeks)
    base = level * rng.normal(1, 0.1, (people, 1))
    slope = rng.normal(0, 0.004 * level, (people, 1)) * (rng.random((people, 1)) < 0.4)
    shock = np.zeros((people, weeks))
    e = rng.normal(0, noise, (people, weeks))
    for j in range(weeks):
        shock[:, j] = (0.4 * shock[:, j - 1] if j else 0) + e[:, j]
    step = (np.where(t >= rng.integers(10, weeks, (people, 1)), rng.normal(0, noise, (people, 1)), 0)
            * (rng.random((people, 1)) < 0.2))
    return base + slope * t + shock + step


def company(people: int = 1000, weeks: int = 52, seed: int = 5) -> pd.DataFrame:
    """The long metric frame (analytics.frames.VALUE_COLUMNS) of a generated company."""
    rng = np.random.default_rng(seed)
    periods = pd.date_range("2025-01-06", periods=weeks, freq="W-MON")
    frames = [pd.DataFrame({
        "employee_id": np.repeat([f"P{i:04d}" for i in range(people)], weeks), "name": None,
        "team": np.repeat([f"T{i // 10:03d}" for i in range(people)], weeks),
        "period": np.tile(periods, people), "metric": metric,
        "value": _series(rng, people, weeks, level, noise).ravel(), "target": target,
        "direction": direction, "category": category})
        for metric, level, noise, target, direction, category in SPECS]
    return pd.concat(frames, ignore_index=True)
