"""Users and audit: who may sign in with which role, and who did what (admin, HR, local)."""

import streamlit as st

from ui.admin import audit_section, flash, remove_form, user_form, users_section
from ui.auth import auth_enabled
from ui.context import cursor, tr, viewer_of

con = cursor()
who = viewer_of(con)
st.title(tr("admin.title"))
if not (who.can("users") or who.can("audit")):
    st.info(tr("admin.no_right"))
    st.stop()
if not auth_enabled():
    st.caption(tr("admin.local"))
flash()
if who.can("users"):
    users_section(con)
    user_form(con)
    remove_form(con)
if who.can("audit"):
    audit_section(con)
