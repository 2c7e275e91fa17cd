"""The digest's key chart per role, from the same rows its section lists (``reports.digest``):

- manager: the people needing attention, counted by reason (the overview's flags);
- HR: coaching coverage by manager against the 90% target (the HR page's compliance);
- leadership: the board's cells with the lowest attainment against the red line.

Each chart says what it is (the date or window, n) in the reader's words; ``charts.png`` draws it
for the e-mail. At most ``MAX_BARS`` bars (the most urgent first; the note says how many more).
"""

from __future__ import annotations

import pandas as pd

from charts.png import BarChart
from i18n import t
from i18n.numbers import percent

MAX_BARS = 10


def _note(lang: str, key: str, shown: int, total: int, **fields) -> str:
    more = t("dchart.more", lang, n=total - shown) if total > shown else ""
    return t(key, lang, **fields) + more


def reasons(flags: pd.DataFrame, lang: str, date: str) -> BarChart | None:
    """People flagged per reason (``reports.flag_export`` rows), most people first."""
    if flags.empty:
        return None
    counts = flags.groupby("reason", sort=False)["employee_id"].nunique()
    counts = counts.sort_values(ascending=False, kind="stable")
    shown = counts.head(MAX_BARS)
    return BarChart(
        title=t("dchart.reasons.title", lang, date=date),
        labels=tuple(t(f"mgr.reason.{r}", lang) for r in shown.index),
        values=tuple(float(v) for v in shown),
        note=_note(lang, "dchart.reasons.note", len(shown), len(counts),
                   n=flags["employee_id"].nunique()))


def coverage(rows: list[tuple[str, float]], lang: str, *, target: float, start: str,
             end: str) -> BarChart | None:
    """(manager label, coverage 0-1) rows, lowest first, against ``target``."""
    if not rows:
        return None
    shown = rows[:MAX_BARS]
    return BarChart(
        title=t("dchart.coverage.title", lang, start=start, end=end),
        labels=tuple(label for label, _ in shown), values=tuple(float(v) for _, v in shown),
        unit="%", reference=target,
        reference_label=t("dchart.target", lang, target=percent(target, 0)),
        note=_note(lang, "dchart.coverage.note", len(shown), len(rows)))


def lowest_cells(rows: list[tuple[str, float]], lang: str, *, red_below: float,
                 date: str) -> BarChart | None:
    """(group · metric, attainment) of the board's cells, lowest first, against the red line
    (red or not: a board without red cells still shows how close the lowest are)."""
    if not rows:
        return None
    shown = rows[:MAX_BARS]
    return BarChart(
        title=t("dchart.red.title", lang, date=date),
        labels=tuple(label for label, _ in shown), values=tuple(float(v) for _, v in shown),
        unit="%", reference=red_below,
        reference_label=t("dchart.red_line", lang, red=percent(red_below, 0)),
        note=_note(lang, "dchart.red.note", len(shown), len(rows), n=len(rows)))
