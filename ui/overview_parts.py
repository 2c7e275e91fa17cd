"""The overview's parts that rerun alone (``ui.parts``): the attention list (its filters,
search, "Show more" and clicks), the heatmap with the trend (the heatmap's team, which the trend
follows; the quadrant beside the heatmap is the page's) and the trend (its metric). A click in
one resends that part, not the page."""

from __future__ import annotations

import streamlit as st

from charts.limits import HEATMAP_MAX_PEOPLE
from i18n.dates import iso
from reports.metric_names import metric_label
from reports.overview import heatmap_teams
from ui import cache
from ui.context import lang, tr
from ui.overview_attention import attention
from ui.parts import part
from ui.plot import plot


@part
def attention_list(snap, as_of, ov) -> None:
    attention(ov, key=(snap.who, snap.version, iso(as_of), lang()))


def team_charts(snap, as_of, ov, f: dict) -> None:
    """The heatmap (one team's above HEATMAP_MAX_PEOPLE) beside the quadrant, then the trend.
    The quadrant is drawn with the page: it does not follow the heatmap's team, so a team click
    does not resend its points (5,000 of them, most of a click's 306 KiB at 5,000 people)."""
    heat = None
    if ov.as_of is not None:
        heat, quad = st.columns([3, 2])
        if ov.quadrant.empty:
            quad.info(tr("team.quadrant_none"))
        else:
            plot(cache.overview_quadrant(snap, as_of, lang()), where=quad, width="stretch",
                 key="ov_quadrant")
    heat_and_trend(snap, as_of, ov, f, heat)


@part
def heat_and_trend(snap, as_of, ov, f: dict, heat) -> None:
    """The heatmap in the page's column ``heat`` (None: no as-of date) and the trend, which
    follows the heatmap's team: a team click reruns and resends these two only."""
    team = None  # the one team the heatmap and the trend show when there are too many people
    if heat is not None:
        with heat:  # a column of the page: Streamlit keeps the part's place in it
            team = _heatmap(snap, as_of, ov)
    metrics = cache.metric_directions(snap)
    if not metrics:
        st.info(tr("overview.no_metrics"))
        return
    trend(snap, list(metrics), team, f)


def _heatmap(snap, as_of, ov) -> str | None:
    if not ov.comparison["percentile"].notna().any():
        st.info(tr("team.no_team_stats"))
        return None
    team = None
    if ov.people > HEATMAP_MAX_PEOPLE:  # thousands of rows are not readable: one team
        team = st.selectbox(tr("team.heatmap_team"), heatmap_teams(ov.comparison, ov.flags),
                            key="ov_heat_team")
        st.caption(tr("team.heatmap_one_team", people=ov.people, limit=HEATMAP_MAX_PEOPLE))
    plot(cache.overview_heatmap(snap, as_of, lang(), team), width="stretch", key="ov_heatmap")
    st.caption(tr("team.heatmap_hint_all" if cache.no_teams(ov.comparison, lang())
                  else "team.heatmap_hint"))
    return team


@part
def trend(snap, metrics: list[str], team: str | None, f: dict) -> None:
    """The team trend of one metric."""
    reader = lang()
    metric = st.selectbox(tr("overview.metric"), metrics, key="ov_metric",
                          format_func=lambda m: metric_label(m, reader))
    plot(cache.overview_trend(snap, lang(), metric, team), width="stretch",
                    key="ov_trend")
    if team is not None:
        st.caption(tr("team.trend_one_team"))
    st.caption(tr("overview.period_range", first=f["first_period"], last=f["last_period"]))
