"""Periods as a manager reads them, in the viewer's language: ``2024 Q1``, ``Jan 2024`` /
``2024年1月``, ``week of 29 Dec``; and the word for several of them by the data's grain
("weeks" only for weekly data). Pages, charts and the brief all label periods here.

>>> period_label(pd.Timestamp("2024-04-01"), "quarter", "en")
'2024 Q2'
>>> period_label(pd.Timestamp("2024-12-30"), "week", "zh")
'12月30日当周'
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analytics.grain import Grain, grain_of
from i18n import t

MAX_TICKS = 12  # labelled ticks on a time axis; more would overlap
# On a chart sharing its row (the prep's trends): five "Mar 2017" beside a forecast were too
# close to stand upright at 1440 px.
HALF_WIDTH_TICKS = 4


def period_label(period: object, grain: Grain, lang: str = "en", *, year: bool = False) -> str:
    """One period's label; ``year`` adds the year to a week (``week of 29 Dec 2024``)."""
    p = pd.Timestamp(period)
    parts = {"year": p.year, "month": t(f"period.m{p.month}", lang), "day": p.day,
             "q": (p.month - 1) // 3 + 1}
    if grain == "day":
        return p.strftime("%Y-%m-%d")
    key = "period.week_year" if grain == "week" and year else f"period.{grain}"
    return t(key, lang, **parts)


def grain_units(grain: Grain, lang: str = "en") -> str:
    """The word for several periods: weeks, months, quarters, years; "periods" otherwise."""
    return t(f"grain.units.{grain}", lang)


def labels(periods: Iterable[object], lang: str = "en") -> dict[pd.Timestamp, str]:
    """Each distinct period -> its label, at the grain of all of them."""
    stamps = sorted({pd.Timestamp(p) for p in periods if not pd.isna(p)})
    grain = grain_of(stamps)
    return {p: period_label(p, grain, lang) for p in stamps}


def period_axis(periods: Iterable[object], lang: str = "en", *, max_ticks: int = MAX_TICKS
                ) -> dict[str, object]:
    """Plotly x-axis settings for a time axis of ``periods``: their labels as ticks (at most
    ``max_ticks``, evenly spread; fewer for a chart that shares its row) and the hover title in
    the same words (``2024 Q1``)."""
    stamps = sorted({pd.Timestamp(p) for p in periods if not pd.isna(p)})
    if not stamps:
        return {}
    # Only the shown ticks are named, and the grain is found once (a chart per metric on the
    # prep page: naming all 52 weeks and finding the grain twice cost a tenth of drawing one).
    grain = grain_of(stamps)
    shown = stamps[::-(-len(stamps) // max_ticks)]
    return {"tickvals": shown, "ticktext": [_tick(p, grain, lang) for p in shown],
            "hoverformat": t(f"period.hover.{grain}", lang)}


def _tick(period: pd.Timestamp, grain: Grain, lang: str) -> str:
    # "week of 29 Dec" on every tick was turned on its side and cut under the legend; the
    # hover still names the week in full.
    if grain != "week":
        return period_label(period, grain, lang)
    return t("period.tick.week", lang, day=period.day, month=t(f"period.m{period.month}", lang))
