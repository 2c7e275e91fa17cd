"""A figure built at once from dicts equals the same figure built and styled step by step."""

import copy

import plotly.graph_objects as go
import pytest

from charts import style

HOSTILE = "<img src=x onerror=alert(1)> <b>Ann</b>"
TRACES = [{"type": "scatter", "x": [1, 2], "y": [3.0, 4.0], "name": HOSTILE,
           "text": ["<script>", "ok"]},
          {"type": "bar", "x": [1.0], "y": [HOSTILE], "orientation": "h"}]


@pytest.mark.parametrize("title", [None, "<b>CSAT</b> <i>x</i>"])
@pytest.mark.parametrize("layout", [
    {},
    {"margin": {"b": 50}, "hovermode": "closest", "showlegend": False},
    {"xaxis": {"title": {"text": "<u>axis</u>"}, "range": [0, 1]},
     "yaxis": {"automargin": True, "type": "category"}},
    {"annotations": [{"text": "<img>", "x": 1, "y": 1, "showarrow": False}],
     "legend": {"y": -0.3}},
])
def test_figure_equals_plotly_step_by_step(title, layout):
    built = style.figure(copy.deepcopy(TRACES), copy.deepcopy(layout), title=title, height=300)
    # The reference: plotly's own update_layout merges the layout into the house style, then
    # every text is made plain on the finished figure.
    reference = style.apply(go.Figure(data=copy.deepcopy(TRACES)), title=title, height=300)
    reference = style.plain_figure(reference.update_layout(copy.deepcopy(layout)))
    assert built.to_plotly_json() == reference.to_plotly_json()


def test_texts_are_plain_and_own_tags_kept():
    fig = style.figure(copy.deepcopy(TRACES), {"xaxis": {"title": {"text": "<u>a</u>"}}},
                       title="<b>t</b><script>")
    assert fig.data[0].name == "&lt;img src=x onerror=alert(1)&gt; <b>Ann</b>"
    assert list(fig.data[0].text) == ["&lt;script&gt;", "ok"]
    assert fig.layout.title.text == "<b>t</b>&lt;script&gt;"
    assert fig.layout.xaxis.title.text == "&lt;u&gt;a&lt;/u&gt;"


def test_merged_keeps_what_is_not_overridden():
    base = {"margin": {"l": 60, "b": 80}, "height": 380}
    assert style.merged(base, {"margin": {"b": 50}}, None) == {"margin": {"l": 60, "b": 50},
                                                                "height": 380}
    assert base == {"margin": {"l": 60, "b": 80}, "height": 380}  # not changed in place
