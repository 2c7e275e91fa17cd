"""Strengths and weaknesses: each employee's best and worst metric (docs/domain.md, "Preparing
a talk", analysis 4).

Coaching should not be one-size-fits-all: "fast but unsatisfying" needs communication coaching,
not speed. The ranking uses the direction-aware z-score within the team, because it puts metrics
of different units on one scale. When none of an employee's metrics has a z (a team of one or no
spread) the within-team percentile is used instead; the two scales are never mixed for one
employee.

A strength must be one: above the team (z > 0, or percentile over 50 without a z) or
at/over target in the latest period (attainment >= 1). A weakness likewise: below the team or
under target. The best-ranked metric of someone without a strength is kept as ``closest_*``, so
the page can say "no metric above the team yet; closest: CSAT, z -1.5" instead of calling it a
strength.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STRENGTH_COLUMNS = [
    "employee_id", "strength_metric", "strength_z", "strength_percentile",
    "strength_attainment", "weakness_metric", "weakness_z", "weakness_percentile",
    "weakness_attainment", "closest_metric", "closest_z", "closest_percentile",
]
_NEEDED = ("employee_id", "metric", "z", "percentile")
_SIDE = ("metric", "z", "percentile", "attainment")


def _check_comparison(comparison: pd.DataFrame) -> None:
    if not isinstance(comparison, pd.DataFrame):
        raise ValueError(f"comparison must be a DataFrame, got {type(comparison).__name__}")
    missing = [column for column in _NEEDED if column not in comparison.columns]
    if missing:
        raise ValueError(f"comparison lacks column(s) {missing}; pass the output of compare()")


def _pick(scored: pd.DataFrame, *, best: bool, prefix: str, columns=_SIDE) -> pd.DataFrame:
    # Ties go to the alphabetically first metric, so the answer does not depend on row order.
    ordered = scored.sort_values(["employee_id", "_score", "metric"],
                                 ascending=[True, not best, True])
    first = ordered.drop_duplicates("employee_id")
    return first.set_index("employee_id")[list(columns)].add_prefix(f"{prefix}_")


def _scored(comparison: pd.DataFrame, gaps: pd.DataFrame | None) -> pd.DataFrame:
    """Rankable rows (>= 2 per employee, scores not all equal) with score and attainment."""
    frame = comparison[list(_NEEDED)].copy()
    if gaps is not None and not gaps.empty:
        frame = frame.merge(gaps[["employee_id", "metric", "attainment"]],
                            on=["employee_id", "metric"], how="left")
    else:
        frame["attainment"] = np.nan
    has_z = frame.groupby("employee_id")["z"].transform("count") > 0
    frame["_score"] = frame["z"].where(has_z, frame["percentile"] - 50).astype(float)
    scored = frame.loc[frame["_score"].notna()]
    spread = scored.groupby("employee_id")["_score"].agg(["count", "min", "max"])
    ok = spread.index[(spread["count"] >= 2) & (spread["max"] > spread["min"])]
    return frame, scored.loc[scored["employee_id"].isin(ok)]


def strengths(comparison: pd.DataFrame, gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """Best and worst metric per employee from the output of ``compare`` (and ``gaps``).

    Args:
        comparison: ``compare(...)`` output (employee_id, metric, z, percentile at least).
        gaps: ``gaps(...)`` output (employee_id, metric, attainment); at/over target makes a
            strength, under target a weakness. None: the team comparison alone decides.

    Returns:
        One row per employee; columns STRENGTH_COLUMNS. Both sides are None/NaN unless the
        employee has at least 2 rankable metrics whose scores differ; a side is None when no
        metric qualifies for it. ``closest_*`` is the best-ranked metric when there is no
        strength (None otherwise).

    Example:
        >>> comparison = pd.DataFrame({"employee_id": ["a", "a"], "metric": ["AHT", "CSAT"],
        ...     "z": [1.2, -0.7], "percentile": [90.0, 20.0]})
        >>> strengths(comparison)[["strength_metric", "weakness_metric", "weakness_z"]]
          strength_metric weakness_metric  weakness_z
        0             AHT            CSAT        -0.7
        >>> behind = comparison.assign(z=[-0.2, -1.5], percentile=[40.0, 10.0])
        >>> strengths(behind)[["strength_metric", "closest_metric", "closest_z"]]
          strength_metric closest_metric  closest_z
        0            None            AHT       -0.2
    """
    _check_comparison(comparison)
    frame, scored = _scored(comparison, gaps)
    good = (scored["_score"] > 0) | (scored["attainment"] >= 1)
    bad = (scored["_score"] < 0) | (scored["attainment"] < 1)
    people = pd.Index(frame["employee_id"].drop_duplicates().sort_values(), name="employee_id")
    strong = _pick(scored.loc[good], best=True, prefix="strength")
    # One metric is never both: above the team but under target counts as the strength.
    bad &= ~scored["employee_id"].map(strong["strength_metric"]).eq(scored["metric"])
    out = pd.concat([strong, _pick(scored.loc[bad], best=False, prefix="weakness"),
                     _pick(scored, best=True, prefix="closest", columns=_SIDE[:3])],
                    axis=1).reindex(people)
    none = out["strength_metric"].isna()
    out.loc[~none, ["closest_metric", "closest_z", "closest_percentile"]] = np.nan
    for column in ("strength_metric", "weakness_metric", "closest_metric"):
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    numbers = [c for c in STRENGTH_COLUMNS if c != "employee_id" and not c.endswith("_metric")]
    out[numbers] = out[numbers].astype(float)
    return out.reset_index()[STRENGTH_COLUMNS]
