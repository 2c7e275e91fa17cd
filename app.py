"""Coachboard: navigation and sidebar only; each page lives in pages/."""

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
    st.Page("pages/overview.py", title=tr("nav.overview"), icon=":material/dashboard:", url_path="overview",
            default=True),
    st.Page("pages/upload.py", title=tr("nav.upload"), icon=":material/upload_file:", url_path="import"),
    st.Page("pages/catalog.py", title=tr("nav.catalog"), icon=":material/tune:", url_path="catalog"),
]
current = st.navigation(pages)
with st.sidebar:
    workspace_facts(cursor())
current.run()
