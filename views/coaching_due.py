"""Follow-up: per manager, what is due or overdue; one person's timeline; satisfaction; export."""

import streamlit as st

from ui import followup as cached
from ui.cache import snapshot
from ui.context import cursor, lang, tr
from ui.feedback import friendly
from ui.followup_sections import due_box, pick_manager, satisfaction_box, timeline_box
from ui.pulse import pulse_box
from ui.widgets import as_of_radio

con = cursor()
key = snapshot()
st.title(tr("fu.title"))
st.caption(tr("fu.intro"))
with friendly():
    if not cached.managers(key)[1]:
        st.info(tr("cl.no_people"))
        st.stop()
    left, right = st.columns([2, 1])
    with left:
        as_of = as_of_radio(con, "fu_as_of")
    with right:
        manager = pick_manager(key)
    due_box(key, as_of, manager)
    st.subheader(tr("cl.export_header"))
    cached.record_downloads(key, manager, lang(), "fu_export", f"follow-up-{manager or 'all'}")
    satisfaction_box(key)
    timeline_box(key, as_of)
    pulse_box(con)
