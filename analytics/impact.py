"""Does coaching go with improvement? Comparable performance change and honest correlations.

Performance becomes comparable across metrics as a direction-aware score: ``"z"`` (standardised
within the team and period, so +1 means one team standard deviation better than the team that
week) or ``"attainment"`` (value / target, target / value when lower is better; 1.0 = on target).
Change = mean score in the last part of the window minus the first part (split chosen by the
user, default halves). How coaching goes with that change is ``analytics.correlation``
(docs/domain.md, "Does coaching work?").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

Score = Literal["z", "attainment"]
SCORE_COLUMNS = ("employee_id", "team", "period", "metric", "value", "target", "direction")
CHANGE_COLUMNS = ["employee_id", "team", "metric", "before", "after", "change",
                  "n_before", "n_after"]


def check_frame(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}")


def scores(values: pd.DataFrame, *, score: Score = "z") -> pd.DataFrame:
    """Direction-aware score of every (employee, period, metric) row: higher is always better.

    Args:
        values: rows with SCORE_COLUMNS (``direction`` is "higher" or "lower").
        score: ``"z"`` within team x period x metric (NaN when the team has one person or no
            spread), or ``"attainment"`` against the row's target (NaN without a positive target).

    Returns:
        ``values`` with a float column ``score``.

    Example:
        >>> v = pd.DataFrame({"employee_id": ["a", "b"], "team": "t", "period": pd.Timestamp(
        ...     "2025-01-06"), "metric": "AHT", "value": [6.0, 8.0], "target": 8.0,
        ...     "direction": "lower"})
        >>> scores(v, score="attainment")["score"].round(3).tolist()
        [1.333, 1.0]
    """
    check_frame(values, SCORE_COLUMNS, "values")
    if score not in ("z", "attainment"):
        raise ValueError(f"score must be 'z' or 'attainment', got {score!r}")
    out = values.copy()
    value = out["value"].astype(float)
    lower = (out["direction"] == "lower").to_numpy()
    if score == "attainment":
        target = out["target"].astype(float).where(lambda t: t > 0)
        ratio = np.where(lower, target / value.where(value > 0), value / target)
        out["score"] = pd.Series(ratio, index=out.index, dtype=float)
        return out
    keys = [out["team"].fillna("-"), out["period"], out["metric"]]
    group = value.groupby(keys)
    spread = group.transform("std").where(lambda s: s > 0)
    z = (value - group.transform("mean")) / spread
    out["score"] = np.where(lower, -z, z).astype(float)
    return out


def split_periods(periods: Sequence, *, split: float = 0.5) -> tuple[list, list]:
    """Cut the sorted distinct periods into a first part (share ``split``) and a last part.

    Example:
        >>> split_periods([1, 2, 3, 4, 5], split=0.4)
        ([1, 2], [3, 4, 5])
    """
    if isinstance(split, bool) or not isinstance(split, int | float) or not 0 < split < 1:
        raise ValueError(f"split must be a number between 0 and 1, got {split!r}")
    distinct = sorted(set(periods))
    if len(distinct) < 2:
        return distinct, []
    cut = min(max(round(len(distinct) * split), 1), len(distinct) - 1)
    return distinct[:cut], distinct[cut:]


def performance_change(
    values: pd.DataFrame, *, split: float = 0.5, score: Score = "z"
) -> pd.DataFrame:
    """Per (employee, metric): mean score in the first and last part of the window, and change.

    Args:
        values: the window's rows (SCORE_COLUMNS); cut them to the window first.
        split: share of the window's distinct periods that form the first part.
        score: see :func:`scores`.

    Returns:
        CHANGE_COLUMNS; ``change`` is NaN when a part has no score.

    Example:
        >>> v = pd.DataFrame({"employee_id": "a", "team": "t", "metric": "CSAT",
        ...     "period": pd.to_datetime(["2025-01-06", "2025-01-13"]), "value": [80.0, 88.0],
        ...     "target": 80.0, "direction": "higher"})
        >>> performance_change(v, score="attainment")["change"].round(3).tolist()
        [0.1]
    """
    scored = scores(values, score=score)
    # The distinct periods only: a list of a million Timestamps took 1.7 s at 5,000 people.
    _, last = split_periods(scored["period"].unique(), split=split)
    scored["part"] = np.where(scored["period"].isin(last), "after", "before")
    if not last:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    wide = scored.pivot_table(index=["employee_id", "metric"], columns="part", values="score",
                              aggfunc=["mean", "count"], dropna=False)
    out = pd.DataFrame({
        "before": wide.get(("mean", "before")), "after": wide.get(("mean", "after")),
        "n_before": wide.get(("count", "before")), "n_after": wide.get(("count", "after")),
    }).reset_index()
    teams = scored.drop_duplicates("employee_id").set_index("employee_id")["team"]
    out["team"] = out["employee_id"].map(teams)
    out["change"] = out["after"] - out["before"]
    out[["n_before", "n_after"]] = out[["n_before", "n_after"]].fillna(0).astype(int)
    return out[CHANGE_COLUMNS].reset_index(drop=True)


def composite(changes: pd.DataFrame, *, weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Weighted mean over metrics of each employee's before / after / change.

    Weights are renormalised over the metrics an employee has; None or all-zero means equal.

    Example:
        >>> c = pd.DataFrame({"employee_id": "a", "team": "t", "metric": ["x", "y"],
        ...     "before": [0.0, 1.0], "after": [1.0, 1.0], "change": [1.0, 0.0]})
        >>> composite(c, weights={"x": 3, "y": 1})["change"].tolist()
        [0.75]
    """
    check_frame(changes, ("employee_id", "team", "metric", "before", "after", "change"), "changes")
    if weights is not None and any(float(w) < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    use = changes.dropna(subset=["change"]).copy()
    known = {m: float(w) for m, w in (weights or {}).items() if m in set(use["metric"])}
    use["w"] = use["metric"].map(known).fillna(0.0) if sum(known.values()) > 0 else 1.0
    use = use[use["w"] > 0]
    parts = {col: (use[col] * use["w"]).groupby(use["employee_id"]).sum()
             for col in ("before", "after", "change")}
    total = use["w"].groupby(use["employee_id"]).sum()
    out = pd.DataFrame({col: part / total for col, part in parts.items()})
    out["team"] = use.drop_duplicates("employee_id").set_index("employee_id")["team"]
    return out.reset_index()[["employee_id", "team", "before", "after", "change"]]
