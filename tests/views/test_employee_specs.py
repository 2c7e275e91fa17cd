"""The employee page's charts are built as plain spec dicts, without plotly (charts.style.spec):
each one sent must be what plotly writes for it once validated, so that an invalid property can
never reach the browser unchecked; the template sent is the slim one, not plotly_white's 7 KB."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from i18n import t
from reports.metric_names import metric_label
from reports.team import team_view
from store import connect
from tests.views.test_employee_page import numbers, open_prep

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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_trend_draws_its_own_metric(monkeypatch, demo_copy, lang):
    at = open_prep(monkeypatch, demo_copy, "E016", lang)
    con = connect(demo_copy)
    values = team_view(con).values  # noqa: PD011 - the TeamView field, not DataFrame.values
    con.close()
    mine = values.loc[values["employee_id"] == "E016"].sort_values("period")
    sent = [json.loads(c.proto.spec) for c in at.get("plotly_chart")
            if (c.key or "").startswith("emp_trend_")]
    drawn = {spec["layout"]["title"]["text"]: spec["data"][3] for spec in sent}
    assert len(drawn) == mine["metric"].nunique() == 4
    for metric, rows in mine.groupby("metric"):
        line = drawn[metric_label(str(metric), lang)]
        assert numbers(line["y"]) == pytest.approx(rows["value"].tolist(), nan_ok=True)
        assert [pd.Timestamp(x) for x in line["x"]] == rows["period"].tolist()
