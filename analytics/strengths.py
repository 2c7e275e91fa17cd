"""Strengths and weaknesses (seed 003, analysis 4): each employee's best and worst metric.

Coaching should not be one-size-fits-all: "fast but unsatisfying" needs communication coaching,
not speed. The ranking uses the direction-aware z-score within the team, because it puts metrics
of different units on one scale. When none of an employee's metrics has a z (a team of one or no
spread) the within-team percentile is used instead; the two scales are never mixed for one
employee.
"""

from __future__ import annotations

import pandas as pd

STRENGTH_COLUMNS = [
    "employee_id", "strength_metric", "strength_z", "strength_percentile",
    "weakness_metric", "weakness_z", "weakness_percentile",
]
_NEEDED = ("employee_id", "metric", "z", "percentile")


def _check_comparison(comparison: pd.DataFrame) -> None:
    if not isinstance(comparison, pd.DataFrame):
        raise ValueError(f"comparison must be a DataFrame, got {type(comparison).__name__}")
    missing = [column for column in _NEEDED if column not in comparison.columns]
    if missing:
        raise ValueError(f"comparison lacks column(s) {missing}; pass the output of compare()")


def _pick(scored: pd.DataFrame, *, best: bool, prefix: str) -> pd.DataFrame:
    # Ties go to the alphabetically first metric, so the answer does not depend on row order.
    ordered = scored.sort_values(["employee_id", "_score", "metric"],
                                 ascending=[True, not best, True])
    first = ordered.drop_duplicates("employee_id")
    return first.set_index("employee_id")[["metric", "z", "percentile"]].rename(
        columns={"metric": f"{prefix}_metric", "z": f"{prefix}_z",
                 "percentile": f"{prefix}_percentile"})


def strengths(comparison: pd.DataFrame) -> pd.DataFrame:
    """Best and worst metric per employee from the output of ``compare``.

    Args:
        comparison: ``compare(...)`` output (employee_id, metric, z, percentile at least).

    Returns:
        One row per employee; columns STRENGTH_COLUMNS. Both sides are None/NaN unless the
        employee has at least 2 rankable metrics whose scores differ.

    Example:
        >>> comparison = pd.DataFrame({"employee_id": ["a", "a"], "metric": ["AHT", "CSAT"],
        ...     "z": [1.2, -0.7], "percentile": [90.0, 20.0]})
        >>> strengths(comparison)[["strength_metric", "weakness_metric", "weakness_z"]]
          strength_metric weakness_metric  weakness_z
        0             AHT            CSAT        -0.7
    """
    _check_comparison(comparison)
    frame = comparison[list(_NEEDED)].copy()
    has_z = frame.groupby("employee_id")["z"].transform("count") > 0
    frame["_score"] = frame["z"].where(has_z, frame["percentile"]).astype(float)
    scored = frame.loc[frame["_score"].notna()]
    spread = scored.groupby("employee_id")["_score"].agg(["count", "min", "max"])
    ok = spread.index[(spread["count"] >= 2) & (spread["max"] > spread["min"])]
    scored = scored.loc[scored["employee_id"].isin(ok)]
    people = pd.Index(frame["employee_id"].drop_duplicates().sort_values(), name="employee_id")
    out = pd.concat([_pick(scored, best=True, prefix="strength"),
                     _pick(scored, best=False, prefix="weakness")], axis=1).reindex(people)
    for column in ("strength_metric", "weakness_metric"):
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    for column in ("strength_z", "strength_percentile", "weakness_z", "weakness_percentile"):
        out[column] = out[column].astype(float)
    return out.reset_index()[STRENGTH_COLUMNS]
