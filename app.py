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

def page(path: str, title: str, icon: str, url: str, **kwargs: object) -> st.Page:
    return st.Page(f"views/{path}.py", title=tr(title), icon=f":material/{icon}:", url_path=url,
                   **kwargs)


# Grouped by who uses them: the manager's loop (prep -> talk -> follow up), HR, leadership.
sections = {
    tr("navsec.manager"): [
        page("overview", "nav.overview", "dashboard", "overview", default=True),
        page("employee", "nav.employee", "person_search", "employee"),
        page("coaching", "nav.coaching_log", "edit_note", "coaching"),
        page("coaching_due", "nav.followup", "event_upcoming", "follow-up"),
        page("coaching_plans", "nav.plans", "flag", "plans"),
    ],
    tr("navsec.org"): [
        page("impact", "nav.impact", "insights", "impact"),
        page("board", "nav.board", "traffic", "board"),
    ],
    tr("navsec.data"): [
        page("upload", "nav.upload", "upload_file", "upload"),
        page("catalog", "nav.catalog", "tune", "catalog"),
        page("settings", "nav.settings", "settings", "settings"),
    ],
}
current = st.navigation(sections)
facts_box = st.sidebar.container()
try:
    current.run()
finally:
    # Filled after the page ran (also when it stopped early), so an import or a demo load
    # made by this very run is already counted.
    with facts_box:
        workspace_facts(cursor())
