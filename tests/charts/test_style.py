"""A figure built at once from dicts equals the same figure built and styled step by step."""

import copy
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts import style
from tests.charts.specs import validated, values

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
def test_spec_equals_plotly_step_by_step(title, layout):
    built = validated(style.spec(copy.deepcopy(TRACES), copy.deepcopy(layout), title=title,
                                 height=300)).to_plotly_json()
    # The reference: plotly's own update_layout merges the layout into the house style, then
    # every text is made plain on the finished figure (with plotly_white whole).
    reference = style.apply(go.Figure(data=copy.deepcopy(TRACES)), title=title, height=300)
    reference = style.plain_figure(reference.update_layout(copy.deepcopy(layout)))
    reference = reference.to_plotly_json()
    assert built["layout"].pop("template") is not None
    reference["layout"].pop("template")
    assert built == reference


def test_texts_are_plain_and_own_tags_kept():
    fig = validated(style.spec(copy.deepcopy(TRACES),
                               {"xaxis": {"title": {"text": "<u>a</u>"}}},
                               title="<b>t</b><script>"))
    assert fig.data[0].name == "&lt;img src=x onerror=alert(1)&gt; <b>Ann</b>"
    assert list(fig.data[0].text) == ["&lt;script&gt;", "ok"]
    assert fig.layout.title.text == "<b>t</b>&lt;script&gt;"
    assert fig.layout.xaxis.title.text == "&lt;u&gt;a&lt;/u&gt;"


def test_merged_keeps_what_is_not_overridden():
    base = {"margin": {"l": 60, "b": 80}, "height": 380}
    assert style.merged(base, {"margin": {"b": 50}}, None) == {"margin": {"l": 60, "b": 50},
                                                                "height": 380}
    assert base == {"margin": {"l": 60, "b": 80}, "height": 380}  # not changed in place


WHITE = pio.templates["plotly_white"].to_plotly_json()


@pytest.mark.parametrize(("types", "shaded"), [
    (("scatter",), False), (("bar", "scatter"), False), (("heatmap", "scatter"), True)])
def test_template_is_plotly_white_cut_to_the_traces(types, shaded):
    slim = style.template(types)
    assert set(slim["data"]) == set(types)
    assert all(slim["data"][t] == WHITE["data"][t] for t in types)
    kept = {k: v for k, v in WHITE["layout"].items()
            if k not in {"polar", "ternary", "scene", "geo", "colorway"}
            and (shaded or k not in {"colorscale", "coloraxis"})}
    assert slim["layout"] == kept
    # a valid template, and a small part of plotly_white's 7 KB
    validated({"data": [], "layout": {"template": slim}})
    assert len(json.dumps(slim)) < len(json.dumps(WHITE)) / (3 if shaded else 6)


@pytest.mark.parametrize("column", [
    [1.5, np.nan, -2.0], np.array([3, 4]), pd.Series([0.1, 0.2]), []])
def test_numbers_are_plotlys_own_typed_array(column):
    sent = style.numbers(column)
    floats = np.asarray(column, dtype=float)
    plotly = go.Figure(go.Scatter(y=floats)).to_dict()["data"][0]["y"]  # what it sent before
    assert sent == plotly if len(floats) else values(sent) == list(plotly) == []
    np.testing.assert_array_equal(values(sent), floats)


@pytest.mark.parametrize(("stamps", "text"), [
    (pd.to_datetime(["2025-01-06", "2025-02-01"]), ["2025-01-06", "2025-02-01"]),
    ([pd.Timestamp("2025-01-06 10:30")], ["2025-01-06T10:30:00"]),
    (np.array([], dtype="datetime64[ns]"), []),
])
def test_dates_are_iso_text_plotly_reads_as_the_same_dates(stamps, text):
    assert style.dates(stamps) == text
    assert [pd.Timestamp(x) for x in text] == [pd.Timestamp(s) for s in stamps]


def test_the_house_template_is_plotlys_default_once_streamlit_is_imported():
    # Importing Streamlit makes its own template the default; the app (and tests/conftest.py)
    # import Streamlit first, so charts.style's choice stands for every figure built after.
    import streamlit  # noqa: F401

    assert pio.templates.default == "coachboard"
    assert go.Figure().layout.template == pio.templates["plotly_white"]
