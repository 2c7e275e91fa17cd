"""The coaching-prep page's reads on one snapshot, its picker and its trend charts, cached.

Issue 9: on 5,000 people a warm rerun read the data version five times (one query each), unpickled
the whole team overview only to list who can be picked, labelled 5,000 people one by one and
rebuilt four Plotly figures. The cached functions of ``ui.cache`` are reused (one cache for the
overview and this page); ``ui.cache`` itself is at its size limit, hence this module.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.employee import TrendLabels, metric_trend
from i18n import t
from i18n.dates import iso
from reports.people import person_label
from reports.periods import HALF_WIDTH_TICKS, period_axis
from ui.cache import MAX_ENTRIES, Snapshot, _brief, _overview, _people, _prep
from ui.context import Viewer


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _choices(who: Viewer, version: str, as_of: str | None, lang: str
             ) -> tuple[list[str], dict[str, str]]:
    known = set(_overview(who, version, as_of, lang).comparison.get("employee_id", []))
    people = _people(who, version)
    labels = {i: " · ".join(str(x) for x in (name, team, i) if x is not None and not pd.isna(x))
              for i, name, team in zip(people["employee_id"], people["name"], people["team"],
                                       strict=True)}
    return [i for i in people["employee_id"] if i in known], labels


def choices(snap: Snapshot, as_of: pd.Timestamp | None, lang: str
            ) -> tuple[list[str], dict[str, str]]:
    """(ids with data as of ``as_of``, in roster order; id -> "name · team · id" of everyone)."""
    return _choices(snap.who, snap.version, iso(as_of), lang)


def prep_at(snap: Snapshot, employee_id: str, as_of: pd.Timestamp | None, lang: str):
    """``reports.employee.employee_prep``, cached per snapshot, employee, as-of and language."""
    return _prep(snap.who, snap.version, employee_id, iso(as_of), lang)


def brief_at(snap: Snapshot, employee_id: str, as_of: pd.Timestamp | None, lang: str
             ) -> tuple[str, str]:
    """(Markdown, HTML) coaching brief of one employee, cached like ``prep_at``."""
    return _brief(snap.who, snap.version, employee_id, iso(as_of), lang)


def _text(value: object) -> str:
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


# Figures are cached as objects (cache_resource: no pickling; st.plotly_chart only reads them:
# never mutate one), keyed like the prep they draw.
@st.cache_resource(max_entries=64, show_spinner=False)
def _trends(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str
            ) -> list[go.Figure]:
    prep = _prep(who, version, employee_id, as_of, lang)
    turns = prep.metrics.set_index("metric")["turning_point"] if not prep.metrics.empty else {}
    figures = []
    level = f"{prep.forecast['interval'].iloc[0]:.0%}" if not prep.forecast.empty else ""
    for metric in dict.fromkeys(prep.series["metric"]):
        ahead = prep.forecast.loc[prep.forecast["metric"] == metric]
        part = prep.series.loc[prep.series["metric"] == metric]
        labels = TrendLabels(
            employee=person_label(prep.name, prep.employee_id), team_mean=t("mchart.team_mean", lang),
            team_range=t("mchart.team_range", lang), target=t("chart.target", lang),
            turning_point=t("mchart.turning_point", lang),
            axis=t(f"direction.{part['direction'].iloc[0]}", lang),
            forecast=t("forecast.line", lang), interval=t("forecast.band", lang, level=level))
        figures.append(metric_trend(part, title=metric, labels=labels, forecast=ahead,
                                    turning_point=turns.get(metric),
                                    axis=period_axis(part["period"], lang,
                                                     max_ticks=HALF_WIDTH_TICKS)))
    return figures


def trend_figures(snap: Snapshot, employee_id: str, as_of: pd.Timestamp | None, lang: str
                  ) -> list[go.Figure]:
    """One trend chart per metric of the employee's prep, in the prep's order, cached."""
    return _trends(snap.who, snap.version, employee_id, iso(as_of), lang)
