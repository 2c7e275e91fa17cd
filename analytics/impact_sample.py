"""Who the correlation of the HR page rests on, and why the others are not in it.

n is usually smaller than the people in scope; the page must say why, so
each person without a performance change gets one reason code, checked in this order:

* ``no_values``: no metric value in the window;
* ``alone_in_team``: (standard scores) nobody else in their team has values for their metrics,
  so there is no team to be standardised against;
* ``no_score``: values, but no score: no target (attainment), or no spread in the team (z);
* ``one_part``: scores in only one part of the window (before or after the split).

The reading of the correlation is a code too: ``no_sessions`` (nobody was coached: nothing to
measure), ``same_sessions`` (everyone had the same number), ``too_few`` (under 4 people),
else ``positive`` / ``negative`` / ``none`` from the 95% interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.impact import Score, scores

REASONS = ("no_values", "alone_in_team", "no_score", "one_part")
MIN_PEOPLE = 4  # analytics.correlation.correlate needs 4 pairs


def missing_reasons(values: pd.DataFrame, ids, measured, *, score: Score = "z") -> pd.Series:
    """The reason code of every id in ``ids`` that is not in ``measured`` (index: employee_id).

    Args:
        values: the window's rows (analytics.impact.SCORE_COLUMNS).
        ids: everyone in scope; measured: the ids with a performance change.
        score: as for ``analytics.impact.performance_change``; someone with scores who is not
            measured has them in one part of the window only.

    Example:
        >>> p1, p2 = pd.Timestamp("2025-01-06"), pd.Timestamp("2025-01-13")
        >>> v = pd.DataFrame({"employee_id": ["a", "a", "b", "b", "c", "c", "e"],
        ...     "team": ["t", "t", "t", "t", "u", "u", "t"], "period": [p1, p2] * 3 + [p1],
        ...     "metric": "m", "value": [1.0, 2.0, 3.0, 5.0, 1.0, 2.0, 4.0], "target": None,
        ...     "direction": "higher"})
        >>> missing_reasons(v, ["a", "b", "c", "d", "e"], ["a", "b"]).to_dict()
        {'c': 'alone_in_team', 'd': 'no_values', 'e': 'one_part'}
    """
    missing = pd.Index(pd.unique(pd.Series(list(ids), dtype=object))).difference(
        pd.Index(list(measured), dtype=object))
    reason = pd.Series("no_values", index=missing, dtype=object, name="reason")
    rows = values[values["employee_id"].isin(missing)]
    if rows.empty:
        return reason.rename_axis("employee_id")
    scored = scores(values, score=score)
    mine = scored[scored["employee_id"].isin(missing)]
    has_score = mine.dropna(subset=["score"]).groupby("employee_id").size()
    reason[reason.index.isin(rows["employee_id"])] = "one_part"
    reason[reason.index.isin(rows["employee_id"]) & ~reason.index.isin(has_score.index)] = \
        "no_score"
    if score == "z":
        mates = values.groupby([values["team"].fillna("-"), "metric"])["employee_id"].nunique()
        team = rows.assign(mates=[mates.get((t if isinstance(t, str) else "-", m), 0)
                                  for t, m in zip(rows["team"], rows["metric"], strict=True)])
        alone = team.groupby("employee_id")["mates"].max() <= 1
        alone_ids = alone.index[alone]
        reason[reason.index.isin(alone_ids) & (reason == "no_score")] = "alone_in_team"
    return reason.rename_axis("employee_id")


def reading(sessions: pd.Series, measured: pd.Series, overall: dict) -> str:
    """How to read the overall correlation (a code; see the module docstring).

    Args:
        sessions: session counts of everyone in scope; measured: of the people in n.
        overall: the overall row of ``analytics.correlation.correlations``.

    Example:
        >>> reading(pd.Series([0, 0]), pd.Series([0, 0]), {"n": 2})
        'no_sessions'
    """
    if pd.to_numeric(pd.Series(sessions), errors="coerce").fillna(0).sum() == 0:
        return "no_sessions"
    if int(overall.get("n") or 0) < MIN_PEOPLE:
        return "too_few"
    if pd.Series(measured).nunique() < 2:
        return "same_sessions"
    low, high = overall.get("ci_low", np.nan), overall.get("ci_high", np.nan)
    return "positive" if low > 0 else "negative" if high < 0 else "none"
