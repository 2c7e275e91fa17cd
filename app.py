"""Coachboard: navigation and sidebar only; each page lives in views/ (not pages/: see README)."""

import streamlit as st

from i18n import LANGS
from ui.auth import user_box
from ui.context import release, viewer
from ui.digest import keep_sending
from ui.navigation import navigation
from ui.sidebar import workspace_facts

st.set_page_config(page_title="Coachboard", page_icon="📈", layout="wide")

# A link opened in a new tab (the "Log this talk" column) names its language: a new tab is a new
# session, which would otherwise fall back to English.
if "lang" not in st.session_state and st.query_params.get("lang") in LANGS:
    st.session_state["lang"] = st.query_params["lang"]
with st.sidebar:
    st.radio(
        "Language / 语言", list(LANGS), format_func=LANGS.get, key="lang", horizontal=True
    )

# Who is looking is decided on every rerun (ui/auth.py): a removed user loses access at once.
who = viewer()
keep_sending()  # the day's digests, from the hour set in Settings (docs/operations.md)
current = navigation(who)
if who is not None:
    with st.sidebar:
        user_box(who)
facts_box = st.sidebar.container()
try:
    current.run()
except PermissionError:
    # Signed out or removed while this run was under way: the next run shows the gate.
    if viewer() is not None:
        raise
    st.rerun()
finally:
    # Filled after the page ran (also when it stopped early), so an import or a demo load
    # made by this very run is already counted. Nobody let in sees no workspace facts.
    try:
        if who is not None and viewer() is not None:
            with facts_box:
                workspace_facts()
    finally:
        release()  # the run's database session back to the pool (PostgreSQL)
