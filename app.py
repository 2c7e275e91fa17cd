"""Coachboard: navigation and sidebar only; each page lives in views/ (not pages/: see README)."""

import streamlit as st

from i18n import LANGS
from ui.context import cursor, tr
from ui.sidebar import workspace_facts

st.set_page_config(page_title="Coachboard", page_icon="📈", layout="wide")

with st.sidebar:
    st.radio(
        "Language / 语言", list(LANGS), format_func=LANGS.get, key="lang", horizontal=True
    )

pages = [
    st.Page("views/overview.py", title=tr("nav.overview"), icon=":material/dashboard:", url_path="overview",
            default=True),
    st.Page("views/employee.py", title=tr("nav.employee"), icon=":material/person_search:",
            url_path="employee"),
    st.Page("views/coaching.py", title=tr("nav.coaching_log"), icon=":material/edit_note:",
            url_path="coaching"),
    st.Page("views/coaching_due.py", title=tr("nav.followup"), icon=":material/event_upcoming:",
            url_path="follow-up"),
    st.Page("views/coaching_plans.py", title=tr("nav.plans"), icon=":material/flag:",
            url_path="plans"),
    st.Page("views/upload.py", title=tr("nav.upload"), icon=":material/upload_file:", url_path="upload"),
    st.Page("views/catalog.py", title=tr("nav.catalog"), icon=":material/tune:", url_path="catalog"),
    st.Page("views/board.py", title=tr("nav.board"), icon=":material/traffic:", url_path="board"),
    st.Page("views/impact.py", title=tr("nav.impact"), icon=":material/insights:", url_path="impact"),
    st.Page("views/settings.py", title=tr("nav.settings"), icon=":material/settings:", url_path="settings"),
]
current = st.navigation(pages)
facts_box = st.sidebar.container()
try:
    current.run()
finally:
    # Filled after the page ran (also when it stopped early), so an import or a demo load
    # made by this very run is already counted.
    with facts_box:
        workspace_facts(cursor())
