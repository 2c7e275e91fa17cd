"""HR: does coaching work? Frequency x change, before/after, cadence compliance, coverage.

The page reads its choices (``ui.impact_filters``), asks for one cached report
(``ui.impact``) and shows its sections (``ui.impact_sections``)."""

from functools import partial

import streamlit as st

from reports.impact_lead import lead
from ui.cache import snapshot
from ui.context import lang, tr
from ui.feedback import friendly
from ui.impact import choices, figure, impact_report
from ui.impact_filters import filters
from ui.impact_sections import compliance_section, correlation_section, event_section

st.title(tr("impact.title"))
st.caption(tr("impact.intro"))
snap = snapshot()
opts = choices(snap)
if opts["last"] is None:
    st.info(tr("impact.empty"))
    st.stop()
choice = filters(opts)
with friendly():
    report = impact_report(snap, choice)
    chart = partial(figure, snap, choice)
    if report.employees.empty:
        st.info(tr("impact.cannot_prove"))
        st.info(tr("impact.note_no_data"))
        st.stop()
    with st.container(border=True, key="imp_lead"):  # the figure that matters, in plain words
        st.markdown(f"**{tr('impact.lead.title')}** · {lead(report, choice.score, lang())}")
    correlation_section(snap, report, choice.score, chart)
    st.info(tr("impact.cannot_prove"))
    event_section(snap, report, chart)
    compliance_section(snap, report, chart)
