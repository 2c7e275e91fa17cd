"""The employee page's charts are built as plain spec dicts, without plotly (charts.style.spec):
each one sent must be what plotly writes for it once validated, so that an invalid property can
never reach the browser unchecked; the template sent is the slim one, not plotly_white's 7 KB."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from i18n import t
from tests.views.test_employee_page import open_prep

WHITE_KB = len(json.dumps(pio.templates["plotly_white"].to_plotly_json())) / 1024


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_sent_is_what_plotly_validates(monkeypatch, demo_copy, lang):
    # E016: targets, a forecast and a turning point on each of the four metrics (demo.py)
    at = open_prep(monkeypatch, demo_copy, "E016", lang)
    sent = {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    assert {f"emp_trend_{i}" for i in range(4)} | {"emp_strengths"} <= set(sent)
    for key, spec in sent.items():
        assert spec == json.loads(pio.to_json(go.Figure(spec), validate=False)), key
        assert len(json.dumps(spec["layout"]["template"])) / 1024 < WHITE_KB / 6, key
    trends = [sent[f"emp_trend_{i}"] for i in range(4)]
    names = [{trace["name"] for trace in spec["data"]} for spec in trends]
    for words in names:  # every branch of the builder drawn, in the viewer's language
        assert {t("chart.target", lang), t("mchart.turning_point", lang),
                t("forecast.line", lang)} <= words
    assert all(spec["layout"]["shapes"] for spec in trends)
