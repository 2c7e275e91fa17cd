"""The overview's parts that rerun alone (``ui.parts``): the attention list (its filters,
search, "Show more" and clicks), the heatmap with the quadrant (the heatmap's team, which the
trend follows) and the trend (its metric). A click in one resends that part, not the page."""

from __future__ import annotations

import streamlit as st

from charts.limits import HEATMAP_MAX_PEOPLE
from reports.overview import heatmap_teams
from ui import cache
from ui.context import lang, tr
from ui.overview_attention import attention
from ui.parts import part
from ui.plot import plot


@part
def attention_list(snap, ov) -> None:
    attention(ov)


@part
def team_charts(snap, as_of, ov, f: dict) -> None:
    """The heatmap (one team's above HEATMAP_MAX_PEOPLE), the quadrant, then the trend."""
    team = None  # the one team the heatmap and the trend show when there are too many people
    if ov.as_of is not None:
        heat, quad = st.columns([3, 2])
        if ov.comparison["percentile"].notna().any():
            if ov.people > HEATMAP_MAX_PEOPLE:  # thousands of rows are not readable: one team
                team = heat.selectbox(tr("team.heatmap_team"),
                                      heatmap_teams(ov.comparison, ov.flags), key="ov_heat_team")
                heat.caption(tr("team.heatmap_one_team", people=ov.people,
                                limit=HEATMAP_MAX_PEOPLE))
            plot(cache.overview_heatmap(snap, as_of, lang(), team), where=heat,
                              width="stretch", key="ov_heatmap")
            heat.caption(tr("team.heatmap_hint_all" if cache.no_teams(ov.comparison, lang())
                            else "team.heatmap_hint"))
        else:
            heat.info(tr("team.no_team_stats"))
        if ov.quadrant.empty:
            quad.info(tr("team.quadrant_none"))
        else:
            plot(cache.overview_quadrant(snap, as_of, lang()), where=quad, width="stretch",
                              key="ov_quadrant")
    metrics = cache.metric_directions(snap)
    if not metrics:
        st.info(tr("overview.no_metrics"))
        return
    trend(snap, list(metrics), team, f)


@part
def trend(snap, metrics: list[str], team: str | None, f: dict) -> None:
    """The team trend of one metric."""
    metric = st.selectbox(tr("overview.metric"), metrics, key="ov_metric")
    plot(cache.overview_trend(snap, lang(), metric, team), width="stretch",
                    key="ov_trend")
    if team is not None:
        st.caption(tr("team.trend_one_team"))
    st.caption(tr("overview.period_range", first=f["first_period"], last=f["last_period"]))
