"""Coaching log: log a session, agree and track its actions, rate it, delete it (with undo)."""

import streamlit as st

from reports import coaching as log
from ui.cache import snapshot
from ui.coaching import download_record, editor_name
from ui.coaching_log import actions_editor, delete_box, rating_form, session_table, undo_banner
from ui.context import cursor, tr
from ui.feedback import friendly
from ui.logflow import log_form, pick_person, session_labels
from ui.parts import part
from ui.text import md


@part
def person_log(snap) -> None:
    """The chosen person's talks: a part of its own, so choosing someone else, a talk or
    an edit reruns it alone (a save reruns the page)."""
    con = cursor()  # its own: a part's rerun runs alone, in a new script thread
    with friendly():
        who = editor_name()
        picked = pick_person(snap)
        if picked is None:
            st.stop()
        employee_id, label = picked
        undo_banner(con, who)
        if flash := st.session_state.pop("cl_flash", None):
            st.success(flash)
        if note := st.session_state.pop("cl_flash_info", None):
            st.info(note)
        log_form(con, employee_id, label, who)
        sessions = log.sessions(con, employee_id=employee_id)
        st.subheader(tr("cl.sessions_header", name=md(label)))
        if sessions.empty:
            st.info(tr("cl.no_sessions"))
            st.stop()
        session_table(sessions)
        ids = sessions["session_id"].tolist()
        if st.session_state.get("cl_session") not in ids:
            st.session_state["cl_session"] = ids[0]
        names = session_labels(sessions)
        sid = st.selectbox(tr("cl.session"), ids, format_func=names.get, key="cl_session")
        session = sessions.set_index("session_id").loc[sid].to_dict() | {"session_id": sid}
        if parts := log.session_parts(con, sid):
            with st.expander(tr("cl.structured")):
                for name, text in parts.items():
                    st.text(f"{tr(f'cl.part.{name}')}: {text}")
        actions_editor(con, sid, who)
        rating_form(con, sid, who)
        delete_box(con, session, who)
        st.subheader(tr("cl.export_header"))
        download_record(snap, employee_id, "cl_export", f"follow-up-{employee_id}")


st.title(tr("cl.title"))
st.caption(tr("cl.intro"))
person_log(snapshot())
