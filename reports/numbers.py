"""What a number of the prep means, in words: its window, its gap to target, the strength.

Shared by the prep page, the brief and ``cli.py brief`` so that all three say the same thing.
The analytics give facts (``EmployeePrep.metrics`` and ``.windows``); the sentences come from
``i18n.numbers``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analytics.prep import EmployeePrep
from analytics.prep_windows import Windows
from i18n import t
from i18n.numbers import percent, period_label
from reports.metric_names import metric_label, metric_labels, unit_label

# The words that matter first, so a phone shows them before the table scrolls sideways.
TEAM_COLUMNS = ["metric", "value", "team_mean", "z", "percentile", "team_best", "label",
                "direction"]
TARGET_COLUMNS = ["metric", "gap_text", "attainment", "latest", "target", "latest_period",
                  "under_streak"]


def amount(value: float, unit) -> str:
    """``2.1`` or ``2.1 min`` (the metric's unit from the catalog, when there is one)."""
    text = f"{abs(float(value)):.1f}"
    return f"{text} {unit}" if isinstance(unit, str) and unit.strip() else text


def gap_text(value, target, direction: str, unit, lang: str) -> str:
    """The gap to target in words, by the metric's direction; never a signed number.

    Example:
        >>> gap_text(135.0, 120.0, "higher", None, "en"), gap_text(8.1, 6.0, "lower", "min", "en")
        ('15.0 above target', '2.1 min over the target')
        >>> gap_text(105.6, 120.0, "higher", None, "en")
        'short by 14.4 (12%)'
    """
    if target is None or pd.isna(target) or value is None or pd.isna(value):
        return t("gap.none", lang)
    diff = float(value) - float(target)
    if abs(diff) < 0.05:  # shows as 0.0: on target at the precision shown
        return t("gap.on", lang)
    side = "above" if diff > 0 else "below"
    share = percent(abs(diff) / abs(float(target)), 0) if float(target) else "–"
    return t(f"gap.{direction if direction == 'lower' else 'higher'}.{side}", lang,
             amount=amount(diff, unit_label(unit, lang)), share=share)


def windows(w: Windows, lang: str) -> dict[str, str]:
    """The window words: ``recent`` ("last 4 weeks"), ``range`` (its first and last period),
    ``latest`` ("week of 29 Dec 2025", "Dec 2025", or "latest week" when the metrics' latest
    periods differ)."""
    latest = (period_label(w.latest_period, w.grain, lang) if w.latest_period is not None
              else t(f"window.latest.{w.grain}", lang))
    return {"recent": t(f"window.recent.{w.grain}", lang, n=w.recent_periods),
            "range": t("window.range", lang,
                       start=period_label(w.recent_start, w.grain, lang, start=True),
                       end=period_label(w.recent_end, w.grain, lang, start=True)),
            "latest": latest}


def headers(prep: EmployeePrep, lang: str, *, short: bool = False) -> dict[str, str]:
    """Column headers of the two comparison tables, each naming its window; ``short``: the
    team table's means without it, where the table's title names it (at 1440 px the long
    headers pushed the last column out of sight)."""
    w = windows(prep.windows, lang)
    # Someone without a team is compared with everyone in scope: the headers say so.
    alone = prep.team is None or pd.isna(prep.team)
    means = (("numbers.col.short.mean", "numbers.col.short.all_mean" if alone else
              "numbers.col.short.team_mean", "numbers.col.short.all_best" if alone else
              "numbers.col.short.team_best") if short else
             ("numbers.col.mean", "numbers.col.all_mean" if alone else "numbers.col.team_mean",
              "numbers.col.all_best" if alone else "numbers.col.team_best"))
    return {
        "metric": t("emp.col.metric", lang), "direction": t("emp.col.direction", lang),
        **{c: t(key, lang, window=w["recent"])
           for c, key in zip(("value", "team_mean", "team_best"), means, strict=True)},
        "percentile": t("numbers.col.percentile_all" if alone else "numbers.col.percentile",
                        lang), "z": t("numbers.col.z", lang),
        "label": t("numbers.col.trend", lang, n=prep.windows.trend_months),
        "latest_period": t("numbers.col.period", lang),
        "latest": t("numbers.col.value", lang, window=w["latest"]),
        "target": t("numbers.col.target", lang), "attainment": t("numbers.col.attainment", lang),
        "gap_text": t("numbers.col.gap", lang), "under_streak": t("numbers.col.streak", lang,
                                                          ratio=percent(prep.windows.under_ratio, 0)),
    }


def titles(prep: EmployeePrep, lang: str) -> tuple[str, str]:
    """The headings of the team table and the target table."""
    w = windows(prep.windows, lang)
    alone = prep.team is None or pd.isna(prep.team)
    return (t("numbers.team_title_all" if alone else "numbers.team_title", lang,
              window=w["recent"], range=w["range"]),
            t("numbers.target_title", lang, window=w["latest"]))


def target_rows(prep: EmployeePrep, lang: str) -> pd.DataFrame:
    """The target table's facts (TARGET_COLUMNS) with the gap in words; ``latest_period`` is
    dropped when every metric's latest period is the same (the header names it then)."""
    m = prep.metrics
    words = [gap_text(v, g, d, u, lang) for v, g, d, u in zip(
        m["latest"], m["target"], m["direction"], m["unit"], strict=True)]
    # Only the table's columns, not an assign on the metric table's 29 and a selection after.
    made = {"metric": metric_labels(m["metric"], lang), "gap_text": words}
    return pd.DataFrame({c: made[c] if c in made else m[c] for c in TARGET_COLUMNS
                         if c != "latest_period" or prep.windows.latest_period is None},
                        index=m.index)


def _score(row: dict, lang: str) -> str:
    if pd.notna(row.get("z")):
        return t("score.z", lang, z=f"{row['z']:+.1f}")
    return t("score.pct", lang, pct=f"{row.get('percentile', float('nan')):.0f}")


def by_team(row: dict, which: str) -> bool:
    """Whether ``row`` is a strength (weakness) because it is above (below) the team: by z, or
    by percentile where there is no z (analytics.strengths)."""
    z, pct = row.get("z", math.nan), row.get("percentile", math.nan)
    sign = 1 if which == "strength" else -1
    return bool(sign * z > 0) if pd.notna(z) else bool(pd.notna(pct) and sign * (pct - 50) > 0)


# no strength (weakness) to name, for someone in a team and someone without one
NONE = {("strength", False): "strength.none_plain", ("strength", True): "strength.none_plain.everyone",
        ("weakness", False): "weakness.none", ("weakness", True): "weakness.none.everyone"}


_SIDE = ("metric", "z", "percentile", "attainment", "latest_period")


def side_row(prep: EmployeePrep, metric: str | None) -> dict | None:
    """``metric``'s row of ``prep.metrics``: the fields its strength or weakness is told by
    (None: no such metric). Every row and column as dicts, twice, was most of writing them."""
    frame = prep.metrics
    at = np.flatnonzero(frame["metric"].to_numpy() == metric) if metric is not None else []
    if not len(at):
        return None
    return {c: frame[c].iloc[at[0]] for c in _SIDE if c in frame.columns}


def side_text(prep: EmployeePrep, which: str, lang: str) -> str:
    """The strength or weakness in words, or why there is none (closest metric for a strength).

    Example:
        >>> side_text(prep, "strength", "en")  # doctest: +SKIP
        'No metric above the team or at target yet; closest: 客户满意度, z -1.5'
    """
    if which not in ("strength", "weakness"):
        raise ValueError(f"which must be 'strength' or 'weakness', got {which!r}")
    metric = prep.strength if which == "strength" else prep.weakness
    # someone without a team is above or below everyone, not a team
    alone = prep.team is None or pd.isna(prep.team)
    if metric is None:
        closest = side_row(prep, prep.closest) if which == "strength" else None
        if closest is not None:
            return t("strength.none.everyone" if alone else "strength.none", lang,
                     metric=metric_label(prep.closest, lang), score=_score(closest, lang))
        return t(NONE[which, alone], lang)
    row = side_row(prep, metric) or {"metric": metric}
    if by_team(row, which) or pd.isna(row.get("attainment")):
        return t(f"{which}.team.everyone" if alone else f"{which}.team", lang,
                 metric=metric_label(metric, lang), score=_score(row, lang))
    latest = t(f"window.in.{prep.windows.grain}", lang,
               day=period_label(row.get("latest_period"), prep.windows.grain, lang))
    return t(f"{which}.target", lang, metric=metric_label(metric, lang), score=_score(row, lang),
             latest=latest, attainment=percent(row.get("attainment")))
