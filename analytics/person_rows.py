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

    # Each person once, in order of first appearance -> their number (a dict finds one in a
    # fraction of the time ``Index.get_indexer`` takes: 80 us a frame).
    at: dict[str, int]
    order: np.ndarray | None  # row positions sorted by person, stable; None: the frame's order
    bounds: np.ndarray  # person i's rows are order[bounds[i]:bounds[i + 1]]
    size: int  # rows of the frame indexed: a different frame is refused

    @classmethod
    def of(cls, frame: pd.DataFrame | None) -> PersonRows:
        if frame is None or "employee_id" not in frame:
            return cls({}, None, np.zeros(1, np.int64), 0 if frame is None else len(frame))
        codes, uniques = pd.factorize(frame["employee_id"])
        # The values frame comes sorted by person: no order to keep (it is pickled with every
        # cached copy of the view, 8 MB at 5,000 people).
        order = None if (np.diff(codes) >= 0).all() else np.argsort(codes, kind="stable")
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        # Rows without an id (code -1) sort first and belong to nobody.
        bounds = int((codes < 0).sum()) + np.concatenate([[0], np.cumsum(counts)])
        ids = np.asarray(uniques, dtype=object)
        return cls(dict(zip(ids, range(len(ids)), strict=True)), order, bounds, len(frame))

    def positions(self, employee_id: str, frame: pd.DataFrame | None = None) -> np.ndarray:
        """Where ``employee_id``'s rows are (in ``frame``, checked to be the frame indexed)."""
        if frame is not None:
            self._check(frame)
        at = self.at.get(employee_id, -1)
        low, high = (self.bounds[at], self.bounds[at + 1]) if at >= 0 else (0, 0)
        return np.arange(low, high) if self.order is None else self.order[low:high]

    def take(self, frame: pd.DataFrame, employee_id: str) -> pd.DataFrame:
        """``frame``'s rows of ``employee_id``, as ``frame.loc[frame.employee_id == id]`` with
        a fresh index."""
        self._check(frame)
        rows = frame.take(self.positions(employee_id))
        rows.index = pd.RangeIndex(len(rows))  # a new frame: cheaper than reset_index
        return rows

    def first(self, frame: pd.DataFrame, employee_id: str,
              columns: tuple[str, ...] | None = None) -> dict:
        """The first of ``employee_id``'s rows of ``frame`` as {column: value} ({} when none),
        read cell by cell (only ``columns`` of them, when given and there): a person's roster
        row without taking a frame of it."""
        at = self.positions(employee_id, frame)
        names = frame.columns if columns is None else [c for c in columns if c in frame]
        return {c: frame[c].array[at[0]] for c in names} if len(at) else {}

    def _check(self, frame: pd.DataFrame) -> None:
        if len(frame) != self.size:
            raise ValueError(f"these rows index a frame of {self.size} rows, not {len(frame)}")


@dataclass(frozen=True)
class PersonTable:
    """A store read of everyone (``store.employee.everyones_sessions``...) by person, as plain
    arrays (text as objects, None where missing): one person's rows make the frame the read of
    that person alone gives, each column's type inferred from their rows as the store's is.

    Example:
        >>> frame = pd.DataFrame({"employee_id": ["b", "a"], "note": ["x", None]})
        >>> PersonTable.of(frame).take("a")["note"].tolist()
        [None]
    """

    rows: PersonRows
    columns: dict[str, np.ndarray]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> PersonTable:
        columns = {}
        for name in frame.columns.drop("employee_id"):
            array = frame[name].to_numpy()
            if array.dtype == object:  # text: None where missing, as a query's result holds
                array = np.where(pd.isna(array), None, array)
            columns[name] = array
        return cls(PersonRows.of(frame), columns)

    def take(self, employee_id: str, *, until: tuple[str, pd.Timestamp] | None = None
             ) -> pd.DataFrame:
        """``employee_id``'s rows (``until``: only those whose date column is on or before)."""
        at = self.rows.positions(employee_id)
        if until is not None:
            at = at[self.columns[until[0]][at] <= until[1].to_datetime64()]
        return pd.DataFrame({name: array[at] for name, array in self.columns.items()})


@dataclass(frozen=True)
class TeamSeries:
    """The team's mean, min, max and count of every (team, metric, period) of a values frame,
    and everyone's of every (metric, period), looked up by the labels of a person's rows.

    Someone without a team (or not in the roster) is compared with everyone, as in
    ``store.frames.employee_series``. The mean is the sum in row order over the count: the
    same figure as DuckDB's ``avg`` up to the last bit (DuckDB's own order of summation, over
    threads, is not fixed either). Only labels and one row per group are kept: the view
    carrying it is pickled with every cached copy.
    """

    teams: pd.Index
    metrics: pd.Index
    periods: np.ndarray  # sorted
    team_keys: np.ndarray  # sorted key of each (team, metric, period) group
    team_stats: np.ndarray  # groups x STAT_COLUMNS
    all_keys: np.ndarray  # (metric, period) groups
    all_stats: np.ndarray

    @classmethod
    def of(cls, values: pd.DataFrame) -> TeamSeries:
        labels = (pd.Index(pd.unique(values[c].dropna())) for c in ("team", "metric"))
        periods = np.unique(values["period"].to_numpy())
        found = cls(*labels, periods, *([np.zeros(0)] * 4))
        team, keys = found._keys(values)
        number = values["value"].to_numpy(dtype=float, na_value=np.nan)
        return cls(found.teams, found.metrics, periods,
                   *_stats(keys[team], number[team]), *_stats(found._all(values), number))

    def _all(self, rows: pd.DataFrame) -> np.ndarray:
        metric = self.metrics.get_indexer(rows["metric"]).astype(np.int64)
        return metric * len(self.periods) + np.searchsorted(self.periods,
                                                            rows["period"].to_numpy())

    def _keys(self, rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """(has a team, (team, metric, period) key) of each row."""
        team = self.teams.get_indexer(rows["team"]).astype(np.int64)
        return team >= 0, team * (len(self.metrics) * len(self.periods)) + self._all(rows)

    def at(self, rows: pd.DataFrame | dict) -> dict[str, np.ndarray]:
        """STAT_COLUMNS beside ``rows`` (all of one person, from the values frame): a frame or
        a dict of its ``team``, ``metric`` and ``period`` arrays."""
        has_team, keys = self._keys(rows)
        if len(keys) and has_team[0]:
            stats, known = self.team_stats, self.team_keys
        else:
            stats, known, keys = self.all_stats, self.all_keys, self._all(rows)
        found = stats[np.searchsorted(known, keys)]
        return {"team_mean": found[:, 0], "team_min": found[:, 1], "team_max": found[:, 2],
                "team_n": found[:, 3].astype(np.int64)}


def _stats(keys: np.ndarray, number: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct keys, their STAT_COLUMNS) of ``number`` grouped by ``keys``."""
    known, group = np.unique(keys, return_inverse=True)
    size = len(known)
    seen = np.isfinite(number)
    count = np.bincount(group[seen], minlength=size)
    total = np.bincount(group[seen], weights=number[seen], minlength=size)
    extremes = pd.Series(number).groupby(group).agg(["min", "max"]).reindex(range(size))
    low, high = (extremes[c].to_numpy(dtype=float) for c in ("min", "max"))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    return known, np.column_stack([mean, low, high, np.bincount(group, minlength=size)])


def _types(events: np.ndarray, partial: np.ndarray) -> dict:
    """The types DuckDB's result of ``employee_series`` has: text as objects when there is no
    row; a column with a NULL nullable, one without plain."""
    if not len(events):
        return {"metric": object, "direction": object, "category": object, "unit": object,
                "n_events": "int32", "partial": bool}
    return {"metric": "str", "direction": "str", "category": "str",
            "n_events": "Int32" if np.isnan(events).any() else "int32",
            "partial": "boolean" if pd.isna(partial).any() else bool}


def person_series(values: pd.DataFrame, positions: np.ndarray, team: TeamSeries,
                  units: dict[str, str]) -> pd.DataFrame:
    """One person's values rows (``positions`` of ``values``, already in metric and period
    order) beside their team's figures: the columns and types ``store.frames.employee_series``
    returns (``analytics.prep.SERIES_COLUMNS``).

    Column by column, each taken at ``positions`` and made its type once (taking the rows of
    the million-row frame and converting the frame after were 3 ms of a new person's prep)."""
    rows = {c: values[c].array.take(positions) for c in (
        "team", "metric", "period", "value", "target", "direction", "category", "n_events",
        "partial")}
    events = np.asarray(rows["n_events"], dtype=float)
    partial = np.asarray(rows["partial"], dtype=object)
    if not len(positions):
        return _frame(rows, team, units, events, partial).astype(_types(events, partial))
    nulls = pd.isna(partial).any()
    return _frame({**rows, **{c: rows[c].astype("str") for c in _TEXT}}, team, units,
                  pd.array(events, dtype="Int32") if np.isnan(events).any()
                  else events.astype("int32"),
                  pd.array(partial, dtype="boolean") if nulls else partial.astype(bool))


_TEXT = ("metric", "direction", "category")


def _frame(rows: dict, team: TeamSeries, units: dict[str, str], events, partial) -> pd.DataFrame:
    metric = np.asarray(rows["metric"], dtype=object)
    return pd.DataFrame({
        "metric": rows["metric"], "period": np.asarray(rows["period"]),
        "value": np.asarray(rows["value"], dtype=float),
        "target": np.asarray(rows["target"], dtype=float),
        **team.at(rows),
        "direction": rows["direction"], "category": rows["category"],
        # Inferred as DuckDB's result is: text, or objects when no metric has a unit.
        "unit": pd.Series([units.get(m) for m in metric], dtype=None),
        "n_events": events, "partial": partial,
    })
