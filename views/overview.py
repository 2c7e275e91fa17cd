"""Team overview: who needs attention and why, how everyone compares, how each team moves."""

import streamlit as st

from i18n.numbers import percent
from ui import cache
from ui.context import cursor, lang, tr, viewer_of
from ui.feedback import friendly
from ui.headcount import headcount_words
from ui.overview_parts import attention_list, team_charts
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
        if "demo_loaded" in st.session_state:  # a refusal (busy, no right) stays on screen
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

if ov.as_of is not None:
    with top.container(key="ov_list"):
        attention_list(snap, as_of, ov)
team_charts(snap, as_of, ov, f)
