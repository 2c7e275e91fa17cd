"""The demo's weekly metric values: each agent's level, story and noise, and coaching's modest
effect on the ordinary agents."""

from __future__ import annotations

import numpy as np

from demo.cast import (
    AGENTS,
    METRICS,
    NEW_HIRE_DATE,
    NOISE,
    OFFSETS,
    SPREAD,
    STORY_OF,
    TARGETS,
    TEAMS,
    WEEKS,
)


def _levels(story: str | None, team: int, rng: np.random.Generator) -> np.ndarray:
    """Expected value of each metric (columns) in each week (rows), before noise."""
    base = TARGETS + np.array([spec[3][team] for spec in METRICS.values()])
    weeks = np.arange(26)[:, None]
    if story == "new_hire":  # starts below target, improves steadily
        return np.array([11.5, 76.0, 63.0, 72.0]) + (weeks - 20) * np.array([-0.45, 1.2, 1.6, 7])
    if story in OFFSETS:  # a fixed level; declining falls steadily from week 14
        drop = np.clip(weeks - 12, 0, None) * np.array([-0.12, 1.2, 1.1, 1.0])
        return np.tile(base + OFFSETS[story], (26, 1)) - drop * (story == "declining")
    level = np.tile(base + rng.uniform(-SPREAD, SPREAD), (26, 1))
    if story == "volatile":
        swing = np.where(weeks % 2 == 0, 1.0, -1.0) * rng.uniform(0.7, 1.0, (26, 1))
        level += swing * np.array([-1.8, 0.0, 0.0, 32.0])
    if story == "below_target":
        level[:, 2] = np.where(weeks[:, 0] >= 21, 55.5, 69.0)
    return level


def _values(story: str | None, team: int, rng: np.random.Generator,
            shift: np.ndarray | float = 0.0) -> np.ndarray:
    noise = rng.normal(0.0, 1.0, (26, 4)) * NOISE * (0.5 if story in ("star", "new_hire") else 1.0)
    values = _levels(story, team, rng) + noise + shift
    if story is None:  # ordinary agents stay near target: never close to 80% of it
        values = np.clip(values, TARGETS * 0.86, TARGETS * 1.14)
    if story == "below_target":
        values[21:, 2] = np.minimum(values[21:, 2], 58.5)
    values[:, 1:3] = np.minimum(values[:, 1:3], 99.0)
    return values


def _coached_gain(sessions: list, gain: float, drift: float) -> np.ndarray:
    """Level shift (weeks x metrics) of an ordinary agent: ``gain`` noise sds better after each
    session, plus a drift unrelated to coaching; in the better direction of each metric."""
    done = np.array([sum(day < week for day, _, _ in sessions) for week in WEEKS])[:, None]
    trend = (np.arange(26)[:, None] - 12.5) / 25
    return (gain * (done - done.mean()) + drift * trend) * NOISE * np.array([-1.0, 1.0, 1.0, 1.0])


def metric_rows(rng: np.random.Generator, schedule: dict[str, list],
                 response: dict[str, tuple[float, float]]) -> list[list[str]]:
    per_agent = {eid: _values(STORY_OF.get(eid), team, rng,
                              _coached_gain(schedule[eid], *response[eid]) if eid in response
                              else 0.0) for eid, _, team in AGENTS}
    rows = []
    for w, week in enumerate(WEEKS):
        for eid, name, team in AGENTS:
            if STORY_OF.get(eid) == "new_hire" and week < NEW_HIRE_DATE:
                continue
            for m, (metric, (target, _, decimals, _)) in enumerate(METRICS.items()):
                rows.append([eid, name, TEAMS[team][0], f"{week.year}/{week.month}/{week.day}",
                             metric, f"{per_agent[eid][w, m]:.{decimals}f}",
                             f"{target:.{decimals}f}"])
    return rows
