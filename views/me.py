"""The employee's own page: their numbers against an anonymous team band, their targets, the
actions they agreed, their plan to confirm, and their say about each talk."""

import pandas as pd
import streamlit as st

from reports.me import MIN_BAND, build
from ui import me as sections
from ui.context import cursor, tr, viewer_of
from ui.feedback import friendly
from ui.me_forecast import forecast
from ui.text import md

con = cursor()
st.title(tr("me.title"))
st.caption(tr("me.intro"))
sections.flash()
who = viewer_of(con)
# Only the employee writes on their page; the local user previews it read only.
can_write = who.role == "employee"
page = None
with friendly():
    asked = None if can_write else sections.preview_pick(con)
    page = build(con, asked)
if page is None:
    st.info(tr("me.nothing" if not can_write else "me.nobody"))
    st.stop()

st.header(" · ".join(md(x) for x in dict.fromkeys(
    x for x in (page.name, page.employee_id) if isinstance(x, str))))
st.caption(tr("me.facts", team=md(page.team) if isinstance(page.team, str) and
              not pd.isna(page.team) else tr("people.no_team"), id=md(page.employee_id)))
sections.numbers(page, MIN_BAND)
sections.trends(page)
forecast(page)
sections.actions(page)
sections.plans(con, page, can_write=can_write)
talk = sections.sessions(page)
if talk is not None:
    left, right = st.columns(2)
    with left:
        sections.rate_form(con, page, talk, can_write=can_write)
    with right:
        sections.pulse_form(con, talk, can_write=can_write)
