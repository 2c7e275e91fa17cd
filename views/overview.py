"""Team overview: what is in the workspace and how each team's metrics move."""

import streamlit as st

import store
from charts.trend import team_trend
from ui.context import cursor, tr
from ui.feedback import friendly

con = cursor()
st.title(tr("overview.title"))

if store.is_empty(con):
    st.info(tr("overview.empty"))
    if st.button(tr("overview.load_demo"), type="primary", key="load_demo"):
        with st.spinner(tr("overview.loading_demo")), friendly():
            results = store.load_demo(con)
            st.session_state["demo_loaded"] = sum(r.rows_loaded for r in results)
        st.rerun()
    st.page_link("views/upload.py", label=tr("overview.or_upload"), icon=":material/upload_file:")
    st.stop()

if loaded := st.session_state.pop("demo_loaded", None):
    st.success(tr("overview.demo_loaded", rows=loaded))

f = store.facts(con)
cols = st.columns(4)
cols[0].metric(tr("facts.employees"), f["employees"])
cols[1].metric(tr("facts.teams"), f["teams"])
cols[2].metric(tr("facts.metrics"), f["metrics"])
cols[3].metric(tr("facts.sessions"), f["sessions"])

trend = store.team_trend(con)
if trend.empty:
    st.info(tr("overview.no_metrics"))
    st.stop()
catalog = store.catalog(con).set_index("metric")
metric = st.selectbox(tr("overview.metric"), sorted(trend["metric"].unique()), key="ov_metric")
direction = catalog["direction"].get(metric, "higher")
st.plotly_chart(
    team_trend(
        trend, metric=metric, title=tr("overview.trend_title", metric=metric),
        target_label=tr("chart.target"), better_label=tr(f"direction.{direction}"),
    ),
    width="stretch",
)
st.caption(tr("overview.period_range", first=f["first_period"], last=f["last_period"]))
