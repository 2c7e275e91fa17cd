"""reports.brief: the Markdown and HTML brief; user text is escaped."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analytics.prep import build_prep
from charts.svg import bar_chart, trend_chart
from reports.brief import brief_html, brief_markdown, md_cell
from reports.prep_text import write

EVIL = "<script>alert(1)</script>"
AS_OF = pd.Timestamp("2025-03-31")


def prep(lang: str = "en", name: str = EVIL, notes: str = EVIL):
    periods = pd.date_range("2025-01-06", periods=13, freq="W-MON")
    series = pd.DataFrame({"metric": EVIL, "period": periods, "value": np.arange(13.0),
                           "target": 10.0, "team_mean": 6.0, "team_min": 0.0, "team_max": 12.0,
                           "team_n": 3, "direction": "higher", "category": "quality",
                           "unit": None})
    people = pd.DataFrame({"employee_id": ["e1"], "name": [name], "team": [EVIL],
                           "manager_id": ["m"], "role": ["r"],
                           "hire_date": [pd.Timestamp("2020-01-01")], "high_potential": [False]})
    sessions = pd.DataFrame({"session_date": [pd.Timestamp("2025-03-01")],
                             "session_type": ["formal"], "model": ["GROW"], "coach": ["m"],
                             "notes": [notes]})
    none = pd.DataFrame()
    return write(build_prep("e1", as_of=AS_OF, series=series, people=people, comparison=none,
                            trends=none, gaps=none, strengths=none, flags=none,
                            sessions=sessions), lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_escapes_every_user_string(lang):
    html = brief_html(prep(lang))
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # name, team, metric, notes


def test_html_is_a_self_contained_printable_page_with_cjk_fonts():
    html = brief_html(prep("zh", name="王芳"))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in html
    assert re.search(r'font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"', html)
    assert "@media print" in html
    assert "size: A4" in html
    assert "<svg" in html
    assert "http" not in html.replace('http://www.w3.org/2000/svg', "")
    assert "王芳" in html
    assert "GROW 提问" in html


@pytest.mark.parametrize(("lang", "headings"), [
    ("en", ["## Problem analysis", "## Coaching tracking (draft)", "## GROW questions",
            "## Last session", "## Open actions"]),
    ("zh", ["## 问题分析表", "## 辅导跟踪表（草稿）", "## GROW 提问", "## 上次辅导",
            "## 待完成的行动"]),
])
def test_markdown_headings_follow_the_language(lang, headings):
    md = brief_markdown(prep(lang))
    for heading in headings:
        assert heading in md


def test_markdown_escapes_html_and_table_pipes():
    md = brief_markdown(prep(notes="a | b\nc"))
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "a \\| b c" in md


@pytest.mark.parametrize(("value", "expected"), [
    ("plain", "plain"), ("a|b", "a\\|b"), ("x\ny", "x y"), ("[l](u)", "\\[l\\](u)")])
def test_md_cell(value, expected):
    assert md_cell(value) == expected


def test_trend_chart_marks_target_turning_point_and_band():
    frame = pd.DataFrame({"period": pd.date_range("2025-01-06", periods=4, freq="W-MON"),
                          "value": [1.0, 2.0, 3.0, 4.0], "team_mean": 2.0, "team_min": 0.0,
                          "team_max": 5.0})
    svg = trend_chart(frame, title="<t>", target=3.0, turning_point=pd.Timestamp("2025-01-20"))
    assert "&lt;t&gt;" in svg
    assert "<t>" not in svg
    assert svg.count("<polygon") == 1  # the team band
    assert 'stroke-dasharray="4 3"' in svg
    assert 'stroke-dasharray="2 2"' in svg
    assert trend_chart(frame.assign(value=np.nan), title="x") == ""


def test_bar_chart_escapes_names_and_draws_one_bar_per_score():
    svg = bar_chart(pd.Series({EVIL: 1.0, "b": -2.0, "c": np.nan}), title="z")
    assert svg.count("<rect") == 2
    assert "<script" not in svg
    with pytest.raises(ValueError, match="Series"):
        bar_chart([1.0], title="z")


def test_brief_rejects_something_else():
    with pytest.raises(ValueError, match="EmployeePrep"):
        brief_html({"name": "x"})


def _bare_prep(lang: str, **roster):
    """The prep of ``e1`` with the roster fields ``roster`` (the others missing)."""
    periods = pd.date_range("2025-01-06", periods=13, freq="W-MON")
    series = pd.DataFrame({"metric": "CSAT", "period": periods, "value": np.arange(13.0),
                           "target": 10.0, "team_mean": 6.0, "team_min": 0.0, "team_max": 12.0,
                           "team_n": 3, "direction": "higher", "category": "quality",
                           "unit": None})
    fields = {"team": None, "manager_id": None, "role": None, "hire_date": pd.NaT} | roster
    people = pd.DataFrame([{"employee_id": "e1", "name": "Ann", "high_potential": False,
                            **fields}])
    none = pd.DataFrame()
    return write(build_prep("e1", as_of=AS_OF, series=series, people=people, comparison=none,
                            trends=none, gaps=none, strengths=none, flags=none,
                            sessions=none), lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("roster", [
    {}, {"role": "agent"}, {"team": "A", "manager_id": "M1"},
    {"team": "A", "role": "agent", "manager_id": "M1", "hire_date": pd.Timestamp("2024-02-01")}])
def test_the_briefs_line_under_the_name_names_only_what_the_roster_holds(lang, roster):
    """A call log's agent read "no team · – · manager – · hired – · as of …"."""
    from i18n import t
    from i18n.dates import day

    meta = brief_markdown(_bare_prep(lang, **roster)).splitlines()[2]
    wanted = [roster.get("team") or t("people.no_team", lang), roster.get("role"),
              roster.get("manager_id") and t("brief.meta.manager", lang,
                                             manager=roster["manager_id"]),
              "hire_date" in roster and t("brief.meta.hired", lang,
                                          hire=day(roster["hire_date"])),
              t("brief.meta.as_of", lang, as_of=day(AS_OF))]
    assert meta == " · ".join(p for p in wanted if p)
    assert "–" not in meta


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("team", [None, "A"])
def test_the_charts_legend_names_who_the_band_is(lang, team):
    """Someone without a team is drawn against everyone: the legend said "Team mean"."""
    import html

    from i18n import t

    page = brief_html(_bare_prep(lang, team=team))
    tail = ".everyone" if team is None else ""
    for key in ("brief.legend.team_mean", "brief.legend.team_range", "brief.trends"):
        assert html.escape(t(key + tail, lang)) in page
        assert (html.escape(t(key, lang)) in page) == (team is not None)
