"""reports.overview: one flag row per person, quadrant points, the assembled overview."""

import pandas as pd
import pytest

import store
from analytics.facts import Fact
from reports.overview import flag_rows, localise_flags, overview, quadrant_points

FLAGS = pd.DataFrame({
    "employee_id": ["a", "b", "a", "c"], "name": ["A", "B", "A", "C"],
    "team": ["t1", "t2", "t1", "t1"],
    "reason": ["below_team", "volatile", "volatile", "coaching_overdue"],
    "reason_text": ["under", "swings", "swings", "late"], "evidence": ["e1", "e2", "e3", "e4"],
    "focus": "f", "model": "GROW", "priority": [0.9, 0.8, 0.5, 0.4],
})


@pytest.mark.parametrize(("teams", "reasons", "expected"), [
    (None, None, [("a", "below_team", 2), ("b", "volatile", 1), ("c", "coaching_overdue", 1)]),
    (["t1"], None, [("a", "below_team", 2), ("c", "coaching_overdue", 1)]),
    (None, ["volatile"], [("b", "volatile", 1), ("a", "volatile", 1)]),
    (["t2"], ["below_team"], []),
])
def test_flag_rows(teams, reasons, expected):
    rows = flag_rows(FLAGS, teams=teams, reasons=reasons)
    assert list(zip(rows["employee_id"], rows["reason"], rows["n_flags"], strict=True)) == expected


def test_flag_rows_refuses_a_non_frame():
    with pytest.raises(ValueError, match="DataFrame"):
        flag_rows([1, 2])


def test_quadrant_points_average_each_side():
    comparison = pd.DataFrame({
        "employee_id": ["a", "a", "a", "b", "b", "c"], "name": "n", "team": "t",
        "category": ["efficiency", "efficiency", "quality", "efficiency", "output", "quality"],
        "percentile": [100.0, 50.0, 20.0, 0.0, 10.0, 30.0],
    })
    points = quadrant_points(comparison, ["a"])
    # b has no quality metric and c no efficiency one: both are left out.
    assert points.to_dict("records") == [{"employee_id": "a", "name": "n", "team": "t",
                                          "efficiency": 75.0, "quality": 20.0, "flagged": True}]


@pytest.mark.parametrize(("lang", "reason", "evidence"), [
    ("en", "Volatile results", "CSAT swings 2.50 from week to week, 2.0x the team's typical 1.25"),
    ("zh", "表现波动大", "CSAT 每周波动 2.50，是团队常见水平 1.25 的 2.0 倍"),
])
def test_localise_flags_writes_the_evidence_in_the_language(lang, reason, evidence):
    swing = Fact.of("volatile", metric="CSAT", value=2.5, team=1.25, ratio=2.0, step="week")
    f = pd.DataFrame({"reason": ["volatile"], "evidence": [(swing,)],
                      "focus": ["focus.consistency"], "model_reason": ["model_reason.best_24h"],
                      "style": ["style.coaching"]})
    out = localise_flags(f, lang).iloc[0]
    assert (out["reason_text"], out["evidence"]) == (reason, evidence)


def test_localise_flags_writes_focus_and_style():
    f = pd.DataFrame({"reason": ["volatile"], "evidence": ["already written"],
                      "focus": ["focus.consistency"], "model_reason": ["model_reason.best_24h"],
                      "style": ["style.coaching"]})
    out = localise_flags(f, "en").iloc[0]
    assert out["evidence"] == "already written"
    assert out["focus"].startswith("Consistency")
    assert out["style"].startswith("Coaching")
    with pytest.raises(ValueError, match="lang"):
        localise_flags(f, "fr")


def test_overview_of_an_empty_database(tmp_path):
    con = store.connect(tmp_path / "e.duckdb")
    ov = overview(con)
    assert ov.as_of is None
    assert (ov.people, ov.flagged, ov.sessions, ov.periods) == (0, 0, 0, [])
    assert ov.quadrant.empty


def test_overview_of_the_demo(tmp_path):
    con = store.connect(tmp_path / "d.duckdb")
    store.load_demo(con)
    ov = overview(con, lang="zh")
    assert ov.as_of == pd.Timestamp("2025-12-29")
    assert ov.periods[0] == ov.as_of
    assert len(ov.periods) == 26
    assert ov.people == 24
    assert ov.flagged == ov.flags["employee_id"].nunique()
    assert sum(ov.by_reason.values()) == len(ov.flags)
    assert "E005" not in set(ov.flags["employee_id"])  # the star
    assert ov.flags["reason_text"].str.contains("[\u4e00-\u9fff]").all()
    earlier = overview(con, as_of="2025-10-13")
    assert earlier.as_of == pd.Timestamp("2025-10-13")
    assert "E008" not in set(earlier.flags["employee_id"])
