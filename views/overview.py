"""Team overview: who needs attention and why, how everyone compares, how each team moves."""

import streamlit as st

import store
from charts.heatmap import percentile_heatmap
from charts.quadrant import quadrant
from charts.trend import team_trend
from reports.overview import flag_rows
from ui import cache
from ui.context import cursor, lang, tr
from ui.feedback import friendly
from ui.widgets import as_of_select

EMPLOYEE_PAGE = "views/employee.py"

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

ov = None
with friendly():
    as_of = as_of_select(cache.periods(), key="ov_as_of")
    ov = cache.team_overview(as_of, lang())
if ov is None:
    st.stop()
f = store.facts(con)
cols = st.columns(6)
cols[0].metric(tr("facts.employees"), f["employees"])
cols[1].metric(tr("facts.teams"), f["teams"])
cols[2].metric(tr("facts.metrics"), f["metrics"])
cols[3].metric(tr("facts.sessions"), ov.sessions, help=tr("team.sessions_help"))
share = f"{ov.flagged / ov.people:.0%}" if ov.people else "–"
cols[4].metric(tr("team.flagged"), ov.flagged, delta=tr("team.flagged_share", share=share),
               delta_color="off", delta_arrow="off")
cols[5].metric(tr("team.flag_count"), sum(ov.by_reason.values()))

if ov.as_of is not None:
    st.subheader(tr("team.flags_title"))
    if ov.flags.empty:
        st.success(tr("team.no_flags", as_of=ov.as_of.strftime("%Y-%m-%d")))
    else:
        left, right = st.columns(2)
        teams = left.multiselect(tr("team.filter_team"), sorted(ov.flags["team"].dropna().unique()),
                                 key="ov_teams", placeholder=tr("team.all"))
        reasons = right.multiselect(
            tr("team.by_reason"), list(ov.by_reason), key="ov_reasons", placeholder=tr("team.all"),
            format_func=lambda r: f"{tr(f'mgr.reason.{r}')} ({ov.by_reason[r]})")
        table = flag_rows(ov.flags, teams=teams, reasons=reasons)
        st.caption(tr("team.flags_hint"))
        event = st.dataframe(
            table, key="ov_flags", on_select="rerun", selection_mode="single-row",
            hide_index=True, width="stretch",
            column_order=["name", "team", "reason_text", "n_flags", "evidence", "focus", "model",
                          "priority"],
            column_config={
                "name": tr("team.col.name"), "team": tr("team.col.team"),
                "reason_text": tr("team.col.reason"), "n_flags": tr("team.col.flags"),
                "evidence": st.column_config.TextColumn(tr("team.col.evidence"), width="large"),
                "focus": st.column_config.TextColumn(tr("team.col.focus"), width="medium"),
                "model": tr("team.col.model"),
                "priority": st.column_config.ProgressColumn(
                    tr("team.col.priority"), min_value=0.0, max_value=1.0, format="%.2f"),
            },
        )
        if event.selection.rows:
            chosen = str(table.iloc[event.selection.rows[0]]["employee_id"])
            st.session_state["employee_id"] = chosen
            st.switch_page(EMPLOYEE_PAGE, query_params={"id": chosen})

    heat, quad = st.columns([3, 2])
    if ov.comparison["percentile"].notna().any():
        heat.plotly_chart(percentile_heatmap(
            ov.comparison, title=tr("team.heatmap_title"), value_label=tr("mchart.value"),
            team_label=tr("mchart.team_mean"), percentile_label=tr("mchart.percentile")),
            width="stretch", key="ov_heatmap")
        heat.caption(tr("team.heatmap_hint"))
    else:
        heat.info(tr("team.no_team_stats"))
    if ov.quadrant.empty:
        quad.info(tr("team.quadrant_none"))
    else:
        quad.plotly_chart(quadrant(
            ov.quadrant, title=tr("team.quadrant_title"), x_label=tr("mchart.efficiency_pct"),
            y_label=tr("mchart.quality_pct"), flagged_label=tr("mchart.flagged"),
            calm_label=tr("mchart.not_flagged"),
            quadrant_labels=tuple(tr(f"mchart.q.{k}") for k in ("star", "fast", "careful", "support"))),
            width="stretch", key="ov_quadrant")

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
    width="stretch", key="ov_trend",
)
st.caption(tr("overview.period_range", first=f["first_period"], last=f["last_period"]))
