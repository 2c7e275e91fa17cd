"""The coaching prep page: empty, demo (the declining agent), one person, choices, downloads."""

import base64
import json
from datetime import date, timedelta

import numpy as np
import pytest

import store
from i18n import t
from tests.views.conftest import make_app

PAGE = "views/employee.py"


def numbers(value) -> list:
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def open_prep(monkeypatch, db, employee_id: str | None = None, lang: str = "en"):
    at = make_app(monkeypatch, db, lang=lang)
    if employee_id:
        at.query_params["id"] = employee_id
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def charts(at) -> dict[str, dict]:
    specs = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        title = (spec["layout"].get("title") or {}).get("text") or element.key
        specs[title] = spec
    return specs


def test_empty_database(monkeypatch, empty_db):
    at = open_prep(monkeypatch, empty_db)
    assert at.title[0].value == t("emp.title")
    assert at.info[0].value == t("emp.none")


def test_declining_agent_from_the_link(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E010")
    assert at.header[0].value == "徐强 · E010"  # the name and the id
    assert at.selectbox(key="emp_pick").value == "E010"
    assert "客户满意度" in at.info[0].value  # the summary sentence names the worst metric
    specs = charts(at)
    assert set(specs) >= {"周工单量", "客户满意度", "平均处理时长", "首次解决率", "emp_strengths"}
    csat = specs["客户满意度"]
    names = [trace.get("name") for trace in csat["data"]]
    assert names[:4] == [t("mchart.team_range"), t("mchart.team_range"), t("mchart.team_mean"),
                         "徐强 (E010)"]  # the legend names the person and the id
    turn = next(trace for trace in csat["data"] if trace.get("name") == t("mchart.turning_point"))
    assert turn["x"][0].startswith("2025-11-10")  # "worse since 2025-11-10" in the flag
    assert len(numbers(csat["data"][3]["y"])) == 26  # every week of the demo


def test_tables_and_downloads(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E010")
    frames = [d.value for d in at.dataframe]
    flags = next(f for f in frames if "reason_text" in f)
    assert t("mgr.reason.declining_trend") in set(flags["reason_text"])
    comparison = next(f for f in frames if "team_best" in f)
    assert sorted(comparison["metric"]) == sorted(["周工单量", "客户满意度", "平均处理时长", "首次解决率"])
    assert any("observed" in f for f in frames)  # the problem analysis table
    assert any("next_adjustment" in f for f in frames)  # the tracking table
    buttons = {b.proto.label for b in at.get("download_button")}
    assert buttons == {t("emp.download_md"), t("emp.download_html")}
    grow = " ".join(m.value for m in at.markdown)
    assert "客户满意度" in grow


def test_strengths_chart_marks_the_weakness(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E012")  # fastest AHT, lowest CSAT of the team
    bar = charts(at)["emp_strengths"]["data"][0]
    labels = dict(zip(bar["y"], numbers(bar["x"]), strict=True))
    weak = next(label for label in labels if t("mchart.weakness") in label)
    strong = next(label for label in labels if t("mchart.strength") in label)
    assert "客户满意度" in weak
    assert "平均处理时长" in strong or "周工单量" in strong
    assert labels[weak] < 0 < labels[strong]


def test_choosing_another_employee(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E010")
    at.selectbox(key="emp_pick").select("E005").run()
    assert not at.exception
    assert at.header[0].value == "陈静 · E005"
    assert at.query_params["id"] == "E005"
    assert at.success[0].value == t("emp.no_flags")  # the star


def test_unknown_link_shows_no_one_until_someone_is_picked(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "NOPE")
    box = at.selectbox(key="emp_pick")
    assert box.value is None  # never guess silently: nobody's prep is shown
    assert box.options[0] == "何雪 · VIP组 · E017"  # roster order: team, then id; VIP组 first
    assert [w.value for w in at.warning] == [t("emp.unknown_id", id="NOPE")]
    assert not at.header
    box.select("E010").run()
    assert not at.exception
    assert at.selectbox(key="emp_pick").value == "E010"
    assert at.header[0].value == "徐强 · E010"  # the name and the id
    assert at.query_params["id"] == "E010"
    assert not at.warning


def test_earlier_as_of(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E010")
    at.selectbox(key="emp_as_of").select("2025-10-13").run()
    assert not at.exception
    assert "2025-10-13" in at.caption[0].value
    csat = charts(at)["客户满意度"]
    assert len(numbers(csat["data"][3]["y"])) == 15  # 2025-07-07 .. 2025-10-13


def test_chinese(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, "E010", lang="zh")
    assert at.title[0].value == "辅导准备"
    assert "团队" in at.info[0].value
    assert {b.proto.label for b in at.get("download_button")} == {"简报 Markdown", "可打印简报 HTML"}


def test_one_person(monkeypatch, one_person_db):
    at = open_prep(monkeypatch, one_person_db, "00123")
    assert at.header[0].value == "NA · 00123"  # "NA" is a name, not a missing value
    assert t("emp.no_z") in {i.value for i in at.info}
    assert not at.error


def test_the_trend_draws_the_forecast(monkeypatch, demo_copy):
    from analytics.forecast import forecasts
    from reports.team import team_view
    from store import connect

    at = open_prep(monkeypatch, demo_copy, "E010", lang="zh")
    csat = charts(at)["客户满意度"]
    line = next(tr for tr in csat["data"] if tr.get("name") == t("forecast.line", "zh"))
    band = [tr for tr in csat["data"] if tr.get("name") == t("forecast.band", "zh", level="80%")]
    con = connect(demo_copy)
    values = team_view(con).values
    con.close()
    ahead = forecasts(values.loc[values["employee_id"] == "E010"], horizon=4)
    ahead = ahead.loc[ahead["metric"].astype(str) == "客户满意度"]
    assert numbers(line["y"])[1:] == pytest.approx(ahead["expected"].tolist())
    assert numbers(band[0]["y"]) == pytest.approx(ahead["high"].tolist())
    assert numbers(band[1]["y"]) == pytest.approx(ahead["low"].tolist())


def test_no_target_reads_a_dash_not_none(monkeypatch, tmp_path):
    # A call-log export has no targets: the target table's target cells said "None".
    path = tmp_path / "no_target.duckdb"
    weeks = [date(2025, 1, 6) + timedelta(weeks=i) for i in range(4)]
    rows = [(f"E{p}", f"{d:%Y-%m-%d}", 70 + p + i, 40 - i) for p in range(3)
            for i, d in enumerate(weeks)]
    raw = "员工编号,日期,接通率,通话数\n" + "".join(f"{e},{d},{a},{c}\n" for e, d, a, c in rows)
    con = store.connect(path)
    assert store.import_bytes(con, raw.encode("utf-8"), "calls.csv").status == "loaded"
    con.close()
    at = open_prep(monkeypatch, path, "E1")
    table = next(d.value for d in at.dataframe if "gap_text" in d.value.columns)
    assert sorted(table["metric"]) == ["接通率", "通话数"]
    assert table["target"].tolist() == ["–", "–"]
    assert table["gap_text"].tolist() == [t("gap.none")] * 2
