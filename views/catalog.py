"""Metric catalog: the guessed direction and category of each metric, corrected by the user."""

import streamlit as st

from reports.workspace import catalog
from ui.context import cursor, tr
from ui.feedback import friendly
from writes.catalog import save_catalog

con = cursor()
st.title(tr("catalog.title"))
st.caption(tr("catalog.intro"))

current = catalog(con)
if current.empty:
    st.info(tr("catalog.empty"))
    st.stop()

edited = st.data_editor(
    current,
    key="catalog_editor",
    hide_index=True,
    width="stretch",
    placeholder="",  # a metric without unit or default target: an empty cell, not "None"
    disabled=["metric", "edited"],
    column_config={
        "metric": st.column_config.TextColumn(tr("catalog.metric")),
        "direction": st.column_config.SelectboxColumn(
            tr("catalog.direction"), options=["higher", "lower"], required=True,
            format_func=lambda d: tr(f"direction.{d}"),
        ),
        "category": st.column_config.SelectboxColumn(
            tr("catalog.category"), options=["efficiency", "quality", "output", "other"],
            required=True, format_func=lambda c: tr(f"category.{c}"),
        ),
        "unit": st.column_config.TextColumn(tr("catalog.unit")),
        "default_target": st.column_config.NumberColumn(tr("catalog.target"), format="%.2f"),
        "edited": st.column_config.CheckboxColumn(tr("catalog.edited")),
    },
)
if st.button(tr("catalog.save"), type="primary", key="catalog_save"):
    with friendly():
        changed = save_catalog(con, edited)
        st.success(tr("catalog.saved", n=changed))
