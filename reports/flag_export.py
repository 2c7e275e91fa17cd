"""The flags as an export: one row per (employee, reason), texts in the reader's language."""

from __future__ import annotations

import pandas as pd

from i18n import has, t
from reports.flag_text import sentences
from reports.people import label_people

EXPORT_COLUMNS = ["employee_id", "name", "team", "reason", "metric", "evidence", "focus",
                  "model", "priority"]


def flag_export(flags: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """Collapse ``analytics.flags.flags`` rows to one row per (employee, reason).

    Args:
        flags: FLAG_COLUMNS rows, most urgent first.
        lang: "en" or "zh" for evidence (facts, ``reports.flag_text``) and focus.

    Returns:
        EXPORT_COLUMNS, most urgent first: ``metric`` and ``evidence`` list every metric of the
        reason ("; "), most urgent first; focus and model are the most urgent row's; priority
        is the highest, rounded to 3 decimals.

    Example:
        >>> f = pd.DataFrame({"employee_id": ["a", "a"], "name": "A", "team": "t",
        ...     "reason": "below_team", "metric": ["AHT", "CSAT"], "evidence": ["x", "y"],
        ...     "focus": "focus.efficiency", "model": "GROW", "priority": [0.9, 0.6]})
        >>> flag_export(f)[["metric", "evidence", "priority"]].values.tolist()
        [['AHT; CSAT', 'x; y', 0.9]]
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if flags.empty:
        return pd.DataFrame({c: [] for c in EXPORT_COLUMNS})
    rows = flags.assign(
        # facts in words; the overview's flags arrive already in words
        evidence=sentences(flags["evidence"], lang),
        # a focus key in words; the overview's flags (reports.overview) arrive already in words
        focus=[t(k, lang) if has(k) else k for k in flags["focus"]],
        metric=flags["metric"].astype(object).where(flags["metric"].notna(), ""))

    def joined(values: pd.Series) -> str:
        return "; ".join(v for v in values if v)

    out = rows.groupby(["employee_id", "reason"], sort=False, as_index=False).agg(
        name=("name", "first"), team=("team", "first"), metric=("metric", joined),
        evidence=("evidence", joined), focus=("focus", "first"), model=("model", "first"),
        priority=("priority", "max"))
    out["priority"] = out["priority"].astype(float).round(3)
    out = label_people(out, lang)
    return out.sort_values("priority", ascending=False, kind="stable",
                           ignore_index=True)[EXPORT_COLUMNS]
