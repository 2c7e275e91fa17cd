"""One person's rows of the team-wide frames, found without scanning them (issue 20).

At 5,000 people a prep filtered six team-wide frames (up to a million rows) with ``==`` per
person, and the employee page asks for a person not seen before on most clicks. A
:class:`PersonRows` is built once per frame (with the team view) and hands out a person's rows
by position: the same rows, in the same order, as the filter gave.

:class:`TeamSeries` does the same for the team's figures beside a person's own values (the
team's mean, range and count per metric and period, as ``store.frames.employee_series``
computed them in SQL for one person): computed for every team at once, then looked up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

STAT_COLUMNS = ["team_mean", "team_min", "team_max", "team_n"]


@dataclass(frozen=True)
class PersonRows:
    """Row positions of one frame grouped by ``employee_id``; frame order kept within a person.

    Example:
        >>> frame = pd.DataFrame({"employee_id": ["b", "a", "b"], "x": [1, 2, 3]})
        >>> PersonRows.of(frame).take(frame, "b")["x"].tolist()
        [1, 3]
    """

    ids: pd.Index  # each person once, in order of first appearance
    order: np.ndarray  # row positions sorted by person, stable
    bounds: np.ndarray  # person i's rows are order[bounds[i]:bounds[i + 1]]
    size: int  # rows of the frame indexed: a different frame is refused

    @classmethod
    def of(cls, frame: pd.DataFrame | None) -> PersonRows:
        if frame is None or "employee_id" not in frame:
            return cls(pd.Index([], dtype=object), np.zeros(0, np.int64), np.zeros(1, np.int64),
                       0 if frame is None else len(frame))
        codes, uniques = pd.factorize(frame["employee_id"])
        order = np.argsort(codes, kind="stable")
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        # Rows without an id (code -1) sort first and belong to nobody.
        bounds = int((codes < 0).sum()) + np.concatenate([[0], np.cumsum(counts)])
        return cls(pd.Index(np.asarray(uniques, dtype=object)), order, bounds, len(frame))

    def positions(self, employee_id: str) -> np.ndarray:
        at = self.ids.get_indexer([employee_id])[0]
        return self.order[self.bounds[at]:self.bounds[at + 1]] if at >= 0 else self.order[:0]

    def take(self, frame: pd.DataFrame, employee_id: str) -> pd.DataFrame:
        """``frame``'s rows of ``employee_id``, as ``frame.loc[frame.employee_id == id]`` with
        a fresh index."""
        if len(frame) != self.size:
            raise ValueError(f"these rows index a frame of {self.size} rows, not {len(frame)}")
        return frame.iloc[self.positions(employee_id)].reset_index(drop=True)


@dataclass(frozen=True)
class TeamSeries:
    """The team's mean, min, max and count of every (team, metric, period) of a values frame,
    and everyone's of every (metric, period), with each row's group in both.

    Someone without a team (or not in the roster) is compared with everyone, as in
    ``store.frames.employee_series``. The mean is the sum in row order over the count: the
    same figure as DuckDB's ``avg`` up to the last bit (DuckDB's own order of summation, over
    threads, is not fixed either).
    """

    team_group: np.ndarray  # per values row: its (team, metric, period) group
    all_group: np.ndarray  # per values row: its (metric, period) group
    team_stats: np.ndarray  # groups x STAT_COLUMNS
    all_stats: np.ndarray
    has_team: np.ndarray  # per values row: the row's person has a team

    @classmethod
    def of(cls, values: pd.DataFrame) -> TeamSeries:
        team = values["team"].notna().to_numpy()
        by_all = _group(_codes(values["metric"]), _codes(values["period"]))
        by_team = _group(_codes(values["team"]), by_all)
        number = values["value"].to_numpy(dtype=float, na_value=np.nan)
        return cls(by_team, by_all, _stats(by_team, number), _stats(by_all, number), team)

    def at(self, positions: np.ndarray) -> dict[str, np.ndarray]:
        """STAT_COLUMNS for the values rows at ``positions`` (all of one person)."""
        if len(positions) and self.has_team[positions[0]]:
            stats, group = self.team_stats, self.team_group[positions]
        else:
            stats, group = self.all_stats, self.all_group[positions]
        found = stats[group]
        return {"team_mean": found[:, 0], "team_min": found[:, 1], "team_max": found[:, 2],
                "team_n": found[:, 3].astype(np.int64)}


def _types(events: np.ndarray, partial: np.ndarray) -> dict:
    """The types DuckDB's result of ``employee_series`` has: text as objects when there is no
    row; a column with a NULL nullable, one without plain."""
    if not len(events):
        return {"metric": object, "direction": object, "category": object, "unit": object,
                "n_events": "int32", "partial": bool}
    return {"metric": "str", "direction": "str", "category": "str",
            "n_events": "Int32" if np.isnan(events).any() else "int32",
            "partial": "boolean" if pd.isna(partial).any() else bool}


def _codes(column: pd.Series) -> np.ndarray:
    return pd.factorize(column, use_na_sentinel=True)[0].astype(np.int64) + 1  # NaN: 0


def _group(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """Group numbers of the pairs (outer, inner): one factorize of one integer per row."""
    width = int(inner.max()) + 1 if len(inner) else 1
    return pd.factorize(outer * width + inner)[0]


def _stats(group: np.ndarray, number: np.ndarray) -> np.ndarray:
    size = int(group.max()) + 1 if len(group) else 0
    seen = np.isfinite(number)
    count = np.bincount(group[seen], minlength=size)
    total = np.bincount(group[seen], weights=number[seen], minlength=size)
    extremes = pd.Series(number).groupby(group).agg(["min", "max"]).reindex(range(size))
    low, high = (extremes[c].to_numpy(dtype=float) for c in ("min", "max"))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    return np.column_stack([mean, low, high, np.bincount(group, minlength=size)])


def person_series(values: pd.DataFrame, positions: np.ndarray, team: TeamSeries,
                  units: dict[str, str]) -> pd.DataFrame:
    """One person's values rows (``positions`` of ``values``, already in metric and period
    order) beside their team's figures: the columns and types ``store.frames.employee_series``
    returns (``analytics.prep.SERIES_COLUMNS``)."""
    rows = values.iloc[positions]
    metric = rows["metric"].astype(str).to_numpy()
    events, partial = rows["n_events"].to_numpy().astype(float), rows["partial"].to_numpy()
    return pd.DataFrame({
        "metric": metric, "period": rows["period"].to_numpy(),
        "value": rows["value"].to_numpy(dtype=float), "target": rows["target"].to_numpy(dtype=float),
        **team.at(positions),
        "direction": rows["direction"].astype(str).to_numpy(),
        "category": rows["category"].astype(str).to_numpy(),
        # Inferred as DuckDB's result is: text, or objects when no metric has a unit.
        "unit": pd.Series([units.get(m) for m in metric], dtype=None),
        "n_events": events, "partial": partial,
    }).astype(_types(events, partial))
