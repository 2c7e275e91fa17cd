"""Every Plotly chart goes on the page through ``plot``: its toolbar and date axes then speak the
viewer's language (Plotly's own words are not in Streamlit's hands: i18n/plotly.py)."""

from __future__ import annotations

import streamlit as st

from i18n.plotly import chart_config
from ui.context import lang


def plot(figure, *, where=None, **options):
    """``st.plotly_chart`` (or ``where.plotly_chart`` for a column or placeholder) with the
    viewer's chart config; returns what Streamlit returns (the selection with ``on_select``)."""
    return (where or st).plotly_chart(figure, config=chart_config(lang()), **options)
