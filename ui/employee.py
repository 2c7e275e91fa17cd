"""The coaching-prep page's reads on one snapshot, its picker and its trend charts, cached.

Issue 9: on 5,000 people a warm rerun read the data version five times (one query each), unpickled
the whole team overview only to list who can be picked, labelled 5,000 people one by one and
rebuilt four Plotly figures. The cached functions of ``ui.cache`` are reused (one cache for the
overview and this page); ``ui.cache`` itself is at its size limit, hence this module.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from charts.employee import AHEAD, SERIES_COLUMNS, TrendLabels, metric_trend, per_metric
from charts.strengths import strength_bars
from i18n import t
from i18n.dates import iso
from reports import numbers
from reports.forecast_whatif import person_what_if
from reports.metric_names import metric_label, metric_labels
from reports.people import person_label
from reports.periods import HALF_WIDTH_TICKS, period_axis
from reports.team import Thresholds, thresholds
from ui.cache import MAX_ENTRIES, PERSON_ENTRIES, Snapshot, _overview, _people, _prep
from ui.context import Viewer, cursor
from ui.paging import PICK_MAX
from ui.text import md


# Kept as objects (cache_resource: never mutate them): unpickling 5,000 ids and labels was
# 3 % of a click on the page at 5,000 people.
@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _choices(who: Viewer, version: str, as_of: str | None, lang: str
             ) -> tuple[list[str], dict[str, str]]:
    ov = _overview(who, version, as_of, lang)
    known = set(ov.comparison.get("employee_id", []))
    people = _people(who, version)
    labels = {i: " · ".join(str(x) for x in (name, team, i) if x is not None and not pd.isna(x))
              for i, name, team in zip(people["employee_id"], people["name"], people["team"],
                                       strict=True)}
    ids = [i for i in people["employee_id"] if i in known]
    if len(ids) > PICK_MAX:  # the box lists only some: those needing attention, most urgent first
        urgent = {i: None for i in ov.flags.get("employee_id", []) if i in known}
        ids = [*urgent, *(i for i in ids if i not in urgent)]
    return ids, labels


def choices(snap: Snapshot, as_of: pd.Timestamp | None, lang: str
            ) -> tuple[list[str], dict[str, str]]:
    """(ids with data as of ``as_of``, in roster order, above ``PICK_MAX`` the flagged first,
    most urgent first; id -> "name · team · id" of everyone)."""
    return _choices(snap.who, snap.version, iso(as_of), lang)


def prep_at(snap: Snapshot, employee_id: str, as_of: pd.Timestamp | None, lang: str):
    """``reports.employee.employee_prep``, cached per snapshot, employee, as-of and language."""
    return _prep(snap.who, snap.version, employee_id, iso(as_of), lang)


def _text(value: object) -> str:
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


# Figures are cached as objects (cache_resource: no pickling; st.plotly_chart only reads them:
# never mutate one), keyed like the prep they draw. The page's prep is passed in (``_prep``, not
# hashed): read again from its cache_data it was unpickled once more for each of them (~1 ms).
@st.cache_resource(max_entries=PERSON_ENTRIES, show_spinner=False)
def _trends(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str,
            _prep: object) -> list[dict]:
    prep = _prep
    turns = dict(zip(prep.metrics["metric"], prep.metrics["turning_point"], strict=True))
    level = f"{prep.forecast['interval'].iloc[0]:.0%}" if not prep.forecast.empty else ""
    alone = prep.team is None or pd.isna(prep.team)  # compared with everyone
    words = {"employee": person_label(prep.name, prep.employee_id),
             "team_mean": t("mchart.team_mean.everyone" if alone else "mchart.team_mean", lang),
             "team_range": t("mchart.team_range.everyone" if alone else "mchart.team_range",
                             lang),
             "target": t("chart.target", lang), "turning_point": t("mchart.turning_point", lang),
             "forecast": t("forecast.line", lang),
             "interval": t("forecast.band", lang, level=level)}
    # Each metric's columns as arrays, read once; the metrics mostly share their periods, so
    # their time axis is labelled once.
    series, ahead = per_metric(prep.series, SERIES_COLUMNS), per_metric(prep.forecast, AHEAD)
    axes: dict[bytes, dict] = {}
    figures = []
    for metric, part in series.items():
        periods = np.unique(part["period"])
        axis = axes.get(periods.tobytes())
        if axis is None:
            axis = axes[periods.tobytes()] = period_axis(periods, lang,
                                                         max_ticks=HALF_WIDTH_TICKS)
        labels = TrendLabels(**words, axis=t(f"direction.{part['direction'][0]}", lang))
        figures.append(metric_trend(part, title=metric_label(metric, lang), labels=labels,
                                    forecast=ahead.get(metric), turning_point=turns.get(metric),
                                    axis=axis))
    return figures


def trend_figures(snap: Snapshot, prep, lang: str) -> list[dict]:
    """One trend chart per metric of ``prep`` (``prep_at``), in the prep's order, cached."""
    return _trends(snap.who, snap.version, prep.employee_id, iso(prep.as_of), lang, prep)


@st.cache_resource(max_entries=PERSON_ENTRIES, show_spinner=False)
def _strengths(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str,
               _prep: object) -> dict | None:
    prep = _prep
    if prep.metrics.empty or prep.metrics["z"].isna().all():
        return None
    row = numbers.side_row(prep, prep.strength) or {}
    # the two columns drawn, not a copy of all of the metrics' (a third of the chart)
    shown = pd.DataFrame({"metric": metric_labels(prep.metrics["metric"], lang),
                          "z": prep.metrics["z"].to_numpy()})
    return strength_bars(
        shown, title="",
        axis_label=t("mchart.employee_z", lang), strength=metric_label(prep.strength, lang),
        weakness=metric_label(prep.weakness, lang), weakness_label=t("mchart.weakness", lang),
        strength_label=t("mchart.strength" if numbers.by_team(row, "strength")
                         else "mchart.strength_target", lang))


def strength_figure(snap: Snapshot, prep, lang: str) -> dict | None:
    """The strengths and weaknesses bars of ``prep`` (None without a z-score), cached: built
    on every rerun they were a fifth of a click on the page."""
    return _strengths(snap.who, snap.version, prep.employee_id, iso(prep.as_of), lang, prep)


@st.cache_resource(max_entries=PERSON_ENTRIES, show_spinner=False)
def _sides(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str,
           _prep: object) -> str:
    prep = _prep
    return "\n".join(f"- **{t(f'numbers.{side}', lang)}**: "
                     f"{md(numbers.side_text(prep, side, lang))}"
                     for side in ("strength", "weakness"))


def strength_words(snap: Snapshot, prep, lang: str) -> str:
    """The strength and the weakness of ``prep`` in words (Markdown), cached like the prep:
    made on every rerun they were 3 % of a click on the page at 5,000 people."""
    return _sides(snap.who, snap.version, prep.employee_id, iso(prep.as_of), lang, prep)


# The stored thresholds as one shared object per data version (frozen, never changed): read
# and validated for every new what-if they were 2.4 ms of its 6.
@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _limits(who: Viewer, version: str) -> Thresholds:
    return thresholds(cursor(who))


def limits_at(snap: Snapshot) -> Thresholds:
    """``reports.team.thresholds``, cached per snapshot."""
    return _limits(snap.who, snap.version)


@st.cache_resource(max_entries=PERSON_ENTRIES, show_spinner=False)
def _what_if(who: Viewer, version: str, employee_id: str, as_of: str | None, metric: str,
             shift: float, _prep: object) -> pd.Series | None:
    return person_what_if(cursor(who), _prep, metric, shift, limits=_limits(who, version))


def what_if_at(snap: Snapshot, prep, metric: str, shift: float) -> pd.Series | None:
    """``reports.forecast_whatif.person_what_if``, cached per snapshot, person, as-of, metric
    and change (its forecasts were a third of a click on the page)."""
    return _what_if(snap.who, snap.version, prep.employee_id, iso(prep.as_of), metric, shift,
                    prep)
