"""Every Plotly chart goes on the page through ``plot``: its toolbar and date axes then speak the
viewer's language (Plotly's own words are not in Streamlit's hands: i18n/plotly.py), and a
cached figure is turned into its plain form once, not on every rerun, with plotly_white's
template cut to its traces (``charts.style.slim``: Streamlit writes and hashes the spec on every
rerun); a spec (``charts.style.spec``) is its plain form already."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure

from charts import style
from i18n.plotly import chart_config
from ui.context import lang


def plot(figure, *, where=None, **options):
    """``st.plotly_chart`` (or ``where.plotly_chart`` for a column or placeholder) with the
    viewer's chart config; returns what Streamlit returns (the selection with ``on_select``).

    ``figure``: a ``go.Figure`` or a spec dict (``charts.style.spec``, validated by its
    builder's tests: Streamlit would validate a dict through a ``go.Figure`` on every rerun).
    It must not be changed after it was plotted: its plain form is kept with it.
    """
    if isinstance(figure, go.Figure):
        figure = _Plain.of(figure)
    elif isinstance(figure, dict):
        figure = _Plain(figure)
    return (where or st).plotly_chart(figure, config=chart_config(lang()), **options)


class _Plain(BaseFigure):
    """A figure as Streamlit reads it: ``st.plotly_chart`` asks a figure for ``to_dict()``
    (a deep copy that also encodes every array: 2-4 ms a chart, five charts on the prep page)
    and reads nothing else of it. The figures come from caches, so the dict is made once per
    figure and kept on it."""

    def __init__(self, spec: dict) -> None:
        self._spec = spec  # BaseFigure.__init__ is skipped on purpose (it would validate again)

    @classmethod
    def of(cls, figure: go.Figure) -> _Plain:
        kept = figure.__dict__.get("_plain")
        if kept is None:  # with the slim template: Streamlit writes the spec on every rerun
            kept = figure._plain = cls(style.slim(figure.to_dict()))
        return kept

    def to_dict(self) -> dict:
        return self._spec
