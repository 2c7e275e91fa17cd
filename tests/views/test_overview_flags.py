"""The overview's flag list, heatmap and quadrant on the demo team (demo.py's planted stories)."""

import base64

import duckdb
import numpy as np
import pytest

from i18n import t
from tests.views.conftest import make_app
from tests.views.test_overview_page import chart

DEMO_PEOPLE = 24  # agents E001-E024 have metric values; the director and leads do not


def numbers(value) -> list:
    """A Plotly JSON array as a list: plain lists stay, typed arrays ({dtype, bdata}) decode."""
    if isinstance(value, dict) and "bdata" in value:
        out = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", len(out))).split(",")]
        return out.reshape(shape).tolist()
    return list(value)


def flag_table(at):
    return next(d for d in at.dataframe if d.key == "ov_flags").value


def test_kpi_tiles_count_people_and_flags(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    tiles = {m.label: m for m in at.metric}
    table = flag_table(at)
    assert int(tiles[t("team.flagged")].value) == len(table) == table["employee_id"].nunique()
    assert tiles[t("team.flagged")].proto.delta == t(
        "head.flagged_share", share=f"{round(1000 * len(table) / DEMO_PEOPLE) / 10:.1f}%", people=DEMO_PEOPLE)
    assert int(tiles[t("team.flag_count")].value) == table["n_flags"].sum()


@pytest.mark.parametrize(("employee_id", "reason"), [
    ("E010", "declining_trend"),  # the declining agent
    ("E008", "new_hire_uncoached"),  # first coaching 11 days after joining
    ("E019", "volatile"),
])
def test_planted_stories_are_in_the_list(monkeypatch, demo_copy, employee_id, reason):
    at = make_app(monkeypatch, demo_copy)
    at.multiselect(key="ov_reasons").select(reason).run()
    table = flag_table(at)
    assert employee_id in set(table["employee_id"])
    assert set(table["reason"]) == {reason}
    assert set(table["reason_text"]) == {t(f"mgr.reason.{reason}")}


def test_star_is_not_flagged_and_rows_are_urgent_first(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    table = flag_table(at)
    assert "E005" not in set(table["employee_id"])
    assert list(table["priority"]) == sorted(table["priority"], reverse=True)
    assert table["evidence"].str.len().min() > 10


def test_team_filter(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    at.multiselect(key="ov_teams").select("VIP组").run()
    table = flag_table(at)
    assert set(table["team"]) == {"VIP组"}
    assert {"E019", "E021"} <= set(table["employee_id"])


def test_chinese_list_speaks_chinese(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, lang="zh")
    row = flag_table(at).set_index("employee_id").loc["E008"]
    assert row["reason_text"] == "新员工尚未辅导"
    assert "入职" in row["evidence"]
    assert row["focus"].startswith("新人融入")


def test_heatmap_is_direction_aware_and_shows_raw_values(monkeypatch, demo_copy):
    con = duckdb.connect(str(demo_copy), read_only=True)
    recent = con.execute("SELECT avg(value) FROM (SELECT value FROM metric_values WHERE "
                         "employee_id = 'E010' AND metric = '客户满意度' "
                         "ORDER BY period DESC LIMIT 4)").fetchone()[0]
    con.close()
    at = make_app(monkeypatch, demo_copy)
    trace = chart(at, "ov_heatmap")["data"][0]
    assert len(trace["y"]) == DEMO_PEOPLE
    assert len(trace["x"]) == 4
    row, col = trace["y"].index("徐强"), trace["x"].index("客户满意度")
    assert trace["customdata"][row][col][0] == pytest.approx(recent)
    # The star is the best of its team on every metric, lower-is-better handle time included.
    star = trace["y"].index("陈静")
    assert numbers(trace["z"])[star] == [100.0] * 4
    assert trace["colorscale"][-1][1] == "#059669"


def test_quadrant_puts_fast_unsatisfying_bottom_right(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    fig = chart(at, "ov_quadrant")
    flagged = next(tr for tr in fig["data"] if tr["name"] == t("mchart.flagged"))
    i = flagged["text"].index("马超")
    assert numbers(flagged["x"])[i] > 50 > numbers(flagged["y"])[i]
    calm = next(tr for tr in fig["data"] if tr["name"] == t("mchart.not_flagged"))
    assert any(h.startswith("陈静 · ") for h in calm["hovertext"])  # grey dots: named on hover
    texts = {a["text"] for a in fig["layout"]["annotations"]}
    assert texts >= {t("mchart.q.star"), t("mchart.q.fast")}


def test_earlier_as_of_changes_the_list(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    box = at.selectbox(key="ov_as_of")
    assert box.value == "2025-12-29"
    box.select("2025-10-13").run()
    assert not at.exception
    # E008 joined on 2025-11-24: not in the data yet, so not flagged.
    assert "E008" not in set(flag_table(at)["employee_id"])
    assert at.session_state["as_of"] == "2025-10-13"


def test_clicking_a_row_opens_the_employee(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    table = flag_table(at)
    row = int(table.index[table["employee_id"] == "E010"][0])
    at.session_state["ov_flags"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.query_params.get("id") == "E010"
    assert at.title[0].value == t("emp.title")
