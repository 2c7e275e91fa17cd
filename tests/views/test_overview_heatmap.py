"""The overview above HEATMAP_MAX_PEOPLE: the heatmap shows one chosen team, with team labels."""

import json
import random
from datetime import date, timedelta

import pytest

import store
from charts.limits import HEATMAP_MAX_PEOPLE
from i18n import t
from reports.overview import overview
from tests.views.conftest import make_app

TEAMS = ["一组", "二组", "三组", "四组"]
WEEKS = 8


def chart(at, key: str) -> dict:
    for element in at.get("plotly_chart"):
        if element.key == key:
            return json.loads(element.proto.spec)
    raise AssertionError(f"no chart with key {key!r}")


@pytest.fixture(scope="module")
def many_db(tmp_path_factory):
    """HEATMAP_MAX_PEOPLE + 12 people in 4 teams, 8 weeks, one efficiency and one quality metric;
    in 三组 a third of the people are far worse than their team (flagged)."""
    rnd = random.Random(42)
    people = HEATMAP_MAX_PEOPLE + 12
    lines = ["工号,姓名,部门,日期,平均处理时长,客户满意度"]
    for i in range(people):
        team = TEAMS[i % len(TEAMS)]
        worse = team == "三组" and i % 3 == 0
        for week in range(WEEKS):
            day = date(2025, 7, 7) + timedelta(weeks=week)
            # Everyone else steady and alike (nothing to flag); the worse people drift a little.
            aht = 14 + rnd.random() if worse else 8.0
            csat = 60 + rnd.random() if worse else 90.0
            lines.append(f"E{i:04d},员工{i:03d},{team},{day:%Y/%m/%d},{aht:.2f},{csat:.1f}")
    path = tmp_path_factory.mktemp("many") / "many.duckdb"
    con = store.connect(path)
    result = store.import_bytes(con, "\n".join(lines).encode("utf-8"), "many.csv")
    assert result.status == "loaded", result.as_json()
    expected = overview(con)
    con.close()
    return path, expected


def flagged_by_team(ov) -> dict[str, int]:
    return ov.flags.drop_duplicates("employee_id")["team"].astype(str).value_counts().to_dict()


def test_one_team_at_a_time_default_most_flagged(monkeypatch, many_db):
    path, ov = many_db
    assert ov.people > HEATMAP_MAX_PEOPLE
    counts = flagged_by_team(ov)
    assert max(counts, key=counts.get) == "三组"  # the data makes 三组 the most flagged team
    at = make_app(monkeypatch, path)
    box = at.selectbox(key="ov_heat_team")
    assert box.value == "三组"
    assert sorted(box.options) == sorted(TEAMS)
    assert t("team.heatmap_one_team", people=ov.people, limit=HEATMAP_MAX_PEOPLE) in [
        c.value for c in at.caption]
    heat = chart(at, "ov_heatmap")
    rows = heat["data"][0]["y"]
    assert len(rows) == (HEATMAP_MAX_PEOPLE + 12) // len(TEAMS)  # only 三组's people
    assert [a["text"] for a in heat["layout"]["annotations"]] == ["三组"]  # the team's label
    assert heat["layout"].get("shapes", []) == []  # one team: no line between teams

    box.select("一组").run()
    assert not at.exception
    heat = chart(at, "ov_heatmap")
    assert [a["text"] for a in heat["layout"]["annotations"]] == ["一组"]
    ids = {f"员工{i:03d}" for i in range(0, HEATMAP_MAX_PEOPLE + 12, len(TEAMS))}
    assert set(heat["data"][0]["y"]) == ids


def test_quadrant_names_only_flagged_people(monkeypatch, many_db):
    path, ov = many_db
    at = make_app(monkeypatch, path)
    quad = chart(at, "ov_quadrant")
    calm, flagged = quad["data"]
    assert calm["mode"] == "markers"
    named = [text for text in flagged["text"] if text]
    assert len(named) == len(flagged["text"]) == int(ov.quadrant["flagged"].sum()) == 6
    assert len(calm["hovertext"]) == int((~ov.quadrant["flagged"]).sum())


def test_small_workspace_shows_everyone_without_team_choice(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    assert not [s for s in at.selectbox if s.key == "ov_heat_team"]
    heat = chart(at, "ov_heatmap")
    labels = [a["text"] for a in heat["layout"]["annotations"]]
    assert sorted(labels) == sorted(["售后一组", "售后二组", "VIP组"])
    assert len(heat["layout"]["shapes"]) == len(labels) - 1  # a line between each two teams


def test_trend_follows_the_heatmap_team_with_all_teams_mean(monkeypatch, many_db):
    path, _ = many_db
    at = make_app(monkeypatch, path)
    trend = chart(at, "ov_trend")
    assert [tr["name"] for tr in trend["data"]] == ["三组", t("team.trend_all")]
    assert t("team.trend_one_team") in [c.value for c in at.caption]
    at.selectbox(key="ov_heat_team").select("二组").run()
    assert [tr["name"] for tr in chart(at, "ov_trend")["data"]] == ["二组", t("team.trend_all")]
