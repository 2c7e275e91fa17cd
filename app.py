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
    st.Page("views/upload.py", title=tr("nav.upload"), icon=":material/upload_file:", url_path="upload"),
    st.Page("views/catalog.py", title=tr("nav.catalog"), icon=":material/tune:", url_path="catalog"),
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
