"""Chinese mode without English: every page of the demo in Chinese shows no
raw code (``open``, ``informal``, ``import``, ``view_employee``, ``local``), no ``None`` or
``nan`` cell, and its charts name months in Chinese."""

import json
import re

import pandas as pd
import pytest

import store
from reports.audit_text import readable
from store.audit import EXPORT, SETTINGS, USER_ADD, VIEW_EMPLOYEE, audit_log, record
from tests.views.conftest import make_app
from tests.views.test_every_page import PAGES

CODES = {"open", "done", "dropped", "formal", "informal", "import", "export", "view_employee",
         "local", "settings", "None", "nan", "NaT", "none", "null"}
ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def cells(at) -> set[str]:
    """Every text cell of every table on the page, and "None" for an empty cell of a table
    that shows empty cells as "None" (no placeholder)."""
    out = set()
    for frame in [*at.dataframe, *at.get("arrow_data_frame")]:
        value = frame.value
        if not isinstance(value, pd.DataFrame):
            continue
        for column in value.columns:
            out |= {v.strip() for v in value[column] if isinstance(v, str)}
        if value.isna().any().any() and frame.proto.placeholder != "":
            out.add("None")
    return out


@pytest.mark.parametrize("page", PAGES)
def test_no_codes_or_none_cells_in_chinese(monkeypatch, demo_copy, page):
    con = store.connect(demo_copy)  # an audit row of every kind the log page translates
    record(con, SETTINGS, target="thresholds", detail="reset")
    record(con, VIEW_EMPLOYEE, target="E999", detail="refused")
    record(con, EXPORT, target="VIP组", detail="board_xlsx")
    con.close()
    at = make_app(monkeypatch, demo_copy, page=page, lang="zh")
    assert not at.exception
    shown = cells(at)
    assert not shown & CODES, (page, sorted(shown & CODES))
    for chart in at.get("plotly_chart"):
        # the chart's toolbar (Plotly's own words) in Chinese too: i18n/plotly.py
        locale = json.loads(chart.proto.config)
        assert locale["locale"] == "zh-CN", (page, chart.key)
        assert locale["locales"]["zh-CN"]["dictionary"]["Zoom in"] == "放大"
        spec = json.loads(chart.proto.spec)
        for axis in (v for k, v in spec["layout"].items() if k.startswith("xaxis")):
            assert not ENGLISH_MONTH.search(str(axis.get("tickformat", ""))), (page, axis)
            assert not any(ENGLISH_MONTH.search(str(stop.get("value", "")))
                           for stop in axis.get("tickformatstops", [])), (page, axis)
            assert not any(ENGLISH_MONTH.search(str(x)) for x in axis.get("ticktext", []))


def test_charts_in_english_keep_plotlys_own_words(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page="views/overview.py", lang="en")
    configs = [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]
    assert configs
    assert all("locale" not in c for c in configs)


def test_the_follow_up_timeline_names_months_in_chinese(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page="views/coaching_due.py", lang="zh")
    chart = next(c for c in at.get("plotly_chart") if c.key == "fu_timeline")
    spec = json.loads(chart.proto.spec)
    # Ticks a month or more apart name the month, closer ticks the day: both in Chinese.
    stops = [stop["value"] for stop in spec["layout"]["xaxis"]["tickformatstops"]]
    assert "%Y年%-m月" in stops
    assert not any(ENGLISH_MONTH.search(value) or "%b" in value for value in stops), stops


@pytest.mark.parametrize(("action", "target", "detail", "lang", "expected"), [
    ("import", "4", "goals loaded rejected=0", "zh", ("导入", "4", "目标，已导入，拒绝行数 0")),
    ("import", "5", "metrics failed rejected=3", "en",
     ("Import", "5", "Metrics, nothing loaded, rejected rows 3")),
    (USER_ADD, "a@b.c", "role=hr employee=E1", "zh", ("添加或修改用户", "a@b.c", "角色 人力资源，员工 E1")),
    (EXPORT, "E001", "brief_html", "zh", ("下载", "E001", "辅导简报 HTML")),
    (EXPORT, None, "correlations_xlsx", "zh", ("下载", "", "表格 XLSX")),
    (SETTINGS, "board_thresholds", "save", "zh", ("设置", "看板颜色规则", "已保存")),
    (VIEW_EMPLOYEE, "E9", "refused", "en", ("Opened a person", "E9",
                                           "refused: not one of the viewer's people")),
])
def test_audit_rows_in_words(demo_copy, action, target, detail, lang, expected):
    con = store.connect(demo_copy)
    record(con, action, target=target, detail=detail)
    row = readable(audit_log(con).head(1), lang).iloc[0]
    con.close()
    assert (row["action"], row["target"], row["detail"]) == expected
    assert row["actor"] == ("本地用户" if lang == "zh" else "Local user")
