"""OKR board and the alerts list (pure pandas).

Roll-up rule: an objective's progress is the weighted mean of its key results' progress, weights
normalised within the objective (owner x objective). When any weight of an objective is missing
or the weights do not add up to more than 0, its key results count equally. A team's progress is
the plain mean of its objectives' progress (each objective counts once).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.board import DEFAULT, okr_status, with_streaks
from analytics.board_thresholds import BoardThresholds

GOAL_COLUMNS: tuple[str, ...] = ("employee_id", "name", "team", "objective", "key_result",
                                 "weight", "progress")
ALERT_COLUMNS: tuple[str, ...] = ("level", "group", "label", "team", "metric", "value",
                                  "red_streak", "red_since", "period")


def _check_goals(goals: pd.DataFrame) -> None:
    if not isinstance(goals, pd.DataFrame):
        raise ValueError(f"goals must be a pandas DataFrame, got {type(goals).__name__}")
    missing = [c for c in GOAL_COLUMNS if c not in goals.columns]
    if missing:
        raise ValueError(f"goals lacks column(s) {missing}; expected {list(GOAL_COLUMNS)}")


def key_results(goals: pd.DataFrame, *, thresholds: BoardThresholds = DEFAULT
                ) -> pd.DataFrame:
    """Each key result with its normalised weight ``share`` and its status.

    Example:
        >>> g = pd.DataFrame({"employee_id": "E1", "name": "A", "team": "T", "objective": "O",
        ...     "key_result": ["k1", "k2"], "weight": [3.0, 1.0], "progress": [0.2, 0.6]})
        >>> key_results(g)[["share", "status"]].values.tolist()
        [[0.75, 'red'], [0.25, 'amber']]
    """
    _check_goals(goals)
    out = goals.reset_index(drop=True).copy()
    weight = pd.to_numeric(out["weight"], errors="coerce").astype(float).clip(lower=0)
    keys = [out["employee_id"], out["objective"]]
    total = weight.groupby(keys).transform("sum")
    bad = weight.isna().groupby(keys).transform("any") | total.le(0)
    count = weight.groupby(keys).transform("size")
    out["share"] = np.where(bad, 1.0 / count, weight / total.where(total > 0))
    out["status"] = okr_status(out["progress"], thresholds=thresholds)
    return out


def objectives(goals: pd.DataFrame, *, thresholds: BoardThresholds = DEFAULT
               ) -> pd.DataFrame:
    """Per owner x objective: weighted progress, status, key results, red key results.

    Example:
        >>> g = pd.DataFrame({"employee_id": "E1", "name": "A", "team": "T", "objective": "O",
        ...     "key_result": ["k1", "k2"], "weight": [3.0, 1.0], "progress": [0.2, 0.6]})
        >>> round(float(objectives(g)["progress"].iloc[0]), 4)
        0.3
    """
    columns = ["employee_id", "name", "team", "objective", "progress", "status",
               "key_results", "red_key_results"]
    krs = key_results(goals, thresholds=thresholds)
    if krs.empty:
        return pd.DataFrame(columns=columns)
    krs["weighted"] = krs["share"] * pd.to_numeric(krs["progress"], errors="coerce")
    krs["red"] = krs["status"].eq("red")
    out = krs.groupby(["employee_id", "objective"], sort=True, dropna=False).agg(
        name=("name", "first"), team=("team", "first"), progress=("weighted", "sum"),
        known=("weighted", "count"), key_results=("key_result", "size"),
        red_key_results=("red", "sum")).reset_index()
    out["progress"] = out["progress"].where(out["known"] > 0)
    out["status"] = okr_status(out["progress"], thresholds=thresholds)
    return out[columns]


def teams(goals: pd.DataFrame, *, thresholds: BoardThresholds = DEFAULT
          ) -> pd.DataFrame:
    """Per team: mean objective progress, status, objectives, red objectives.

    Example:
        >>> g = pd.DataFrame({"employee_id": ["E1", "E2"], "name": "A", "team": "T",
        ...     "objective": "O", "key_result": "k", "weight": 1.0, "progress": [0.2, 0.6]})
        >>> teams(g)[["team", "progress", "status"]].values.tolist()
        [['T', 0.4, 'amber']]
    """
    objs = objectives(goals, thresholds=thresholds)
    if objs.empty:
        return pd.DataFrame(columns=["team", "progress", "status", "objectives", "red_objectives"])
    objs["red"] = objs["status"].eq("red")
    out = objs.groupby("team", sort=True).agg(
        progress=("progress", "mean"), objectives=("objective", "size"),
        red_objectives=("red", "sum")).reset_index()
    out["status"] = okr_status(out["progress"], thresholds=thresholds)
    return out[["team", "progress", "status", "objectives", "red_objectives"]]


def alerts(levels: dict[str, pd.DataFrame], goals: pd.DataFrame | None = None, *,
           thresholds: BoardThresholds = DEFAULT) -> pd.DataFrame:
    """Everything red for at least ``alert_periods`` consecutive periods, newest first.

    Args:
        levels: level name ("team", "employee", ...) -> attainment series of that level (red
            rows of the latest period's red series are enough: see store.board.attainment).
        goals: key results; a red key result is listed too. The goals table keeps only the
            current progress, so its streak and start are unknown (NaN / NaT).
        thresholds: the colour and streak rules.

    Returns:
        ALERT_COLUMNS: value is the attainment (or progress), red_since the first red period;
        the most recent starts first, then the longest streaks, then the lowest values.
    """
    frames = []
    for level, series in levels.items():
        if series.empty:
            continue
        rows = with_streaks(series, thresholds=thresholds)
        latest = rows.loc[rows["period_no"].eq(rows["period_no"].max())]
        hit = latest.loc[latest["red_streak"] >= thresholds.alert_periods]
        frames.append(hit.assign(level=level, value=hit["attainment"]))
    if goals is not None and not goals.empty:
        krs = key_results(goals, thresholds=thresholds)
        red = krs.loc[krs["status"].eq("red")]
        frames.append(pd.DataFrame({
            "level": "key_result", "group": red["employee_id"], "label": red["name"],
            "team": red["team"], "metric": red["objective"] + " / " + red["key_result"],
            "value": red["progress"], "red_streak": np.nan, "red_since": pd.NaT,
            "period": pd.NaT}))
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(ALERT_COLUMNS))
    out = pd.concat([f.reindex(columns=list(ALERT_COLUMNS)) for f in frames], ignore_index=True)
    out = out.sort_values(["red_since", "red_streak", "value"], ascending=[False, False, True],
                          na_position="last", kind="stable")
    return out.reset_index(drop=True)
