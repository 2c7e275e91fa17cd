"""A cached figure sent through ui.plot: the same chart on every rerun as Streamlit would send
the figure itself, though its plain form is made once, with plotly_white's template cut to its
trace types (charts.style.template; a figure's own other template is sent as it is)."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from charts import style
from tests.views.conftest import TIMEOUT


def _figure(name: str, template: str | None) -> go.Figure:
    return go.Figure(go.Scatter(x=[1, 2, 3], y=[3.0, 1.0, 2.0], name=name, mode="lines"),
                     layout={"title": {"text": name}, "height": 300, "template": template})


def _page(name: str, template: str | None) -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from ui.plot import plot

    @st.cache_resource
    def cached(name: str, template: str | None) -> go.Figure:
        return go.Figure(go.Scatter(x=[1, 2, 3], y=[3.0, 1.0, 2.0], name=name, mode="lines"),
                         layout={"title": {"text": name}, "height": 300, "template": template})

    figure = cached(name, template)
    plot(figure, width="stretch", key="chart")
    st.text(str(figure.__dict__.get("_plain") is not None))


@pytest.mark.parametrize("name", ["CSAT", "客户满意度 <b>x</b>"])
@pytest.mark.parametrize("template", [None, "plotly"])  # the default (plotly_white), another
def test_every_rerun_sends_the_figure_as_plotly_writes_it(name, template):
    at = AppTest.from_function(_page, args=(name, template), default_timeout=TIMEOUT)
    expected = json.loads(pio.to_json(_figure(name, template), validate=False))
    if template is None:
        assert expected["layout"]["template"] == pio.templates["plotly_white"].to_plotly_json()
        expected["layout"]["template"] = style.template(("scatter",))
    for _ in range(3):
        at.run()
        assert not at.exception
        assert json.loads(at.get("plotly_chart")[0].proto.spec) == expected
    assert at.text[0].value == "True"  # the plain form was kept with the cached figure
