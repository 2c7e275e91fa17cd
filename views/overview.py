"""Team overview: who needs attention and why, how everyone compares, how each team moves."""

import streamlit as st

from charts.limits import HEATMAP_MAX_PEOPLE
from i18n.numbers import percent
from reports.overview import heatmap_teams
from ui import cache
from ui.context import cursor, lang, tr, viewer_of
from ui.feedback import friendly
from ui.headcount import headcount_words
from ui.overview_attention import attention
from ui.phone import attention_first
from ui.widgets import as_of_select
from writes.imports import load_demo

con = cursor()
snap = cache.snapshot()  # the data version, read once per rerun: every cached read below uses it
st.title(tr("overview.title"))

empty = cache.is_empty(snap)
if empty and not viewer_of(con).sees_everyone:
    # Signed in, but nobody reports to them in the roster (yet): not an empty database.
    st.info(tr("overview.nobody_yours"))
    st.stop()
if empty:
    st.info(tr("overview.empty"))
    if st.button(tr("overview.load_demo"), type="primary", key="load_demo"):
        with st.spinner(tr("overview.loading_demo")), friendly():
            results = load_demo(con)
            st.session_state["demo_loaded"] = sum(r.rows_loaded for r in results)
        st.rerun()
    st.page_link("views/upload.py", label=tr("overview.or_upload"), icon=":material/upload_file:")
    st.stop()

if loaded := st.session_state.pop("demo_loaded", None):
    st.success(tr("overview.demo_loaded", rows=loaded))

ov = None
with friendly():
    as_of = as_of_select(cache.periods_at(snap), key="ov_as_of")
    ov = cache.overview_at(snap, as_of, lang())
if ov is None:
    st.stop()
f = cache.facts(snap)
rule = headcount_words(ov.headcount, roster=f["employees"])
attention_first("ov_top", "ov_list")  # on a phone the list comes before the tiles
top = st.container(key="ov_top")
cols = top.container(key="ov_tiles").columns(6)
cols[0].metric(tr("head.people"), ov.people, help=tr("head.people_help", **rule))
cols[1].metric(tr("facts.teams"), f["teams"])
cols[2].metric(tr("facts.metrics"), f["metrics"])
cols[3].metric(tr("head.sessions"), ov.sessions, help=tr("head.sessions_help", **rule))
share = percent(ov.flagged / ov.people) if ov.people else "–"
cols[4].metric(tr("team.flagged"), ov.flagged, help=tr("head.flagged_help", **rule),
               delta=tr("head.flagged_share", share=share, people=ov.people),
               delta_color="off", delta_arrow="off")
cols[5].metric(tr("team.flag_count"), sum(ov.by_reason.values()))

team = None  # the one team the heatmap and the trend show when there are too many people
if ov.as_of is not None:
    with top.container(key="ov_list"):
        attention(ov)

    heat, quad = st.columns([3, 2])
    if ov.comparison["percentile"].notna().any():
        if ov.people > HEATMAP_MAX_PEOPLE:  # thousands of rows are not readable: one team
            team = heat.selectbox(tr("team.heatmap_team"), heatmap_teams(ov.comparison, ov.flags),
                                  key="ov_heat_team")
            heat.caption(tr("team.heatmap_one_team", people=ov.people, limit=HEATMAP_MAX_PEOPLE))
        heat.plotly_chart(cache.overview_heatmap(snap, as_of, lang(), team),
                          width="stretch", key="ov_heatmap")
        heat.caption(tr("team.heatmap_hint"))
    else:
        heat.info(tr("team.no_team_stats"))
    if ov.quadrant.empty:
        quad.info(tr("team.quadrant_none"))
    else:
        quad.plotly_chart(cache.overview_quadrant(snap, as_of, lang()), width="stretch",
                          key="ov_quadrant")

metrics = cache.metric_directions(snap)
if not metrics:
    st.info(tr("overview.no_metrics"))
    st.stop()
metric = st.selectbox(tr("overview.metric"), list(metrics), key="ov_metric")
st.plotly_chart(cache.overview_trend(snap, lang(), metric, team), width="stretch", key="ov_trend")
if team is not None:
    st.caption(tr("team.trend_one_team"))
st.caption(tr("overview.period_range", first=f["first_period"], last=f["last_period"]))
