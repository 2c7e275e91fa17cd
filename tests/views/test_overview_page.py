"""The overview page: empty, demo, one person, and the demo button itself."""

import json

from i18n import t
from tests.views.conftest import make_app


def chart(at, key: str) -> dict:
    """The Plotly spec of the chart with ``key`` (st.plotly_chart(..., key=key))."""
    for element in at.get("plotly_chart"):
        if element.key == key:
            return json.loads(element.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")


def test_empty_database_offers_demo_and_loads_it(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db)
    assert at.info[0].value == t("overview.empty")
    at.button(key="load_demo").click().run()
    assert not at.exception
    tiles = {m.label: m.value for m in at.metric}
    assert int(tiles[t("head.people")]) == 24  # the agents; not the 4 leads without metrics
    assert int(tiles[t("facts.teams")]) == 3
    assert at.get("plotly_chart"), "the trend chart is missing"


def test_demo_chart_follows_metric_choice(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    box = at.selectbox(key="ov_metric")
    assert len(box.options) == 4
    last = box.options[-1]
    box.select(last).run()
    fig = chart(at, "ov_trend")
    assert last in fig["layout"]["title"]["text"]
    assert {tr["name"] for tr in fig["data"]} == {"售后一组", "售后二组", "VIP组"}
    assert all(tr["type"] == "scatter" for tr in fig["data"])


def test_one_person_workspace(monkeypatch, one_person_db):
    at = make_app(monkeypatch, one_person_db)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("head.people")] == "1"
    assert tiles[t("team.flagged")] == "0"
    assert at.selectbox(key="ov_metric").value == "客户满意度"
    # Nobody to compare with: no heatmap, no quadrant, a sentence instead.
    assert {i.value for i in at.info} >= {t("team.no_team_stats"), t("team.quadrant_none")}
    assert at.selectbox(key="ov_as_of").options == ["2025-07-14", "2025-07-07"]


def test_chinese_interface(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, lang="zh")
    assert at.title[0].value == "团队概览"
    assert {m.label for m in at.metric} >= {"有数据的员工", "团队"}


def test_sidebar_shows_workspace_facts(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    text = " ".join(m.value for m in at.sidebar.markdown)
    assert "**3** teams" in text
    assert "**4** metrics" in text
