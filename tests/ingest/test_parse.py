"""Parsing each kind end to end: typed tables, every error, duplicates, totals, messages."""

# Chinese headers and messages use full-width brackets and commas on purpose.
# ruff: noqa: RUF001, RUF100

from __future__ import annotations

import hashlib
import io
import math
import time
from datetime import date, datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest

import ingest
from i18n.texts import TEXTS
from ingest import IngestError, check_mapping, parse, prepare, read_upload
from ingest.fields import AS_METRIC, IGNORE
from ingest.messages import describe
from ingest.model import ERROR_COLUMNS

# code -> (English, Chinese): the catalogue's ingest.<code> sentences.
MESSAGES = {key.removeprefix("ingest."): pair for key, pair in TEXTS.items()
            if key.startswith("ingest.")}

TS = pd.Timestamp


def errors(parsed) -> list[tuple]:
    return [tuple(r) for r in parsed.errors[ERROR_COLUMNS].itertuples(index=False)]


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts, NaN/NA as None, for exact comparisons."""
    out = frame.astype(object).where(frame.notna(), None)
    return out.to_dict("records")


@pytest.mark.parametrize(
    ("kind", "mapping", "code", "params"),
    [
        ("scores", {"a": "employee_id"}, "wrong_kind", {"kind": "scores"}),
        ("roster", {"a": "team"}, "missing_field", {"field": "employee_id"}),
        ("roster", {"a": "employee_id", "b": "name", "c": "name"}, "field_twice",
         {"field": "name", "columns": "b, c"}),
        ("roster", {"a": "employee_id", "b": AS_METRIC}, "unknown_field",
         {"field": AS_METRIC, "column": "b"}),
        ("roster", {"a": "employee_id", "b": "period"}, "unknown_field",
         {"field": "period", "column": "b"}),
        ("metrics", {"a": "employee_id"}, "missing_field", {"field": "period"}),
        ("metrics", {"a": "employee_id", "b": "period", "c": IGNORE}, "no_metric_columns", {}),
        ("metrics", {"a": "employee_id", "b": "period", "c": "metric"}, "missing_field",
         {"field": "value"}),
        ("coaching", {"a": "employee_id"}, "missing_field", {"field": "date"}),
        ("goals", {"a": "employee_id", "b": "objective"}, "missing_field",
         {"field": "key_result"}),
    ],
)
def test_check_mapping_errors(kind: str, mapping: dict, code: str, params: dict) -> None:
    with pytest.raises(IngestError) as info:
        check_mapping(kind, mapping)
    assert (info.value.code, info.value.params) == (code, params)


@pytest.mark.parametrize(
    ("kind", "mapping"),
    [
        ("metrics", {"a": "employee_id", "b": "period", "c": AS_METRIC}),
        ("metrics", {"a": "employee_id", "b": "period", "c": "metric", "d": "value"}),
        ("roster", {"a": "employee_id", "b": IGNORE}),
        ("coaching", {"a": "employee_id", "b": "date"}),
        ("goals", {"a": "employee_id", "b": "objective", "c": "key_result"}),
    ],
)
def test_check_mapping_ok(kind: str, mapping: dict) -> None:
    assert check_mapping(kind, mapping) is None


WIDE = (
    "2025年7月销售绩效\n"
    "工号,姓名,部门,月份,销售额(万元),满意度,平均处理时长（分钟）\n"
    "00123,NA,Sales ,2025年7月,12.5,85%,1:30\n"
    "00124,李四,Ops,2025-07,,90%,2:00\n"
    "00123,,Marketing,2025/08,13,abc,\n"
    "00125,王五,Ops,2025-13,1,2,3\n"
    "合计,,,,26.5,,\n"
)


def test_wide_metrics_gbk() -> None:
    table, kind, mapping, parsed = prepare(WIDE.encode("gbk"), "sales.csv")
    assert kind == "metrics"
    assert mapping == {"工号": "employee_id", "姓名": "name", "部门": "team", "月份": "period",
                       "销售额(万元)": AS_METRIC, "满意度": AS_METRIC,
                       "平均处理时长（分钟）": AS_METRIC}
    assert table.header_line == 2
    assert parsed.rows_read == 5
    values = parsed.tables["metric_values"]
    assert list(values.columns) == ["employee_id", "period", "metric", "value", "target", "line"]
    assert values["period"].dtype == "datetime64[ns]"
    got = [(r["employee_id"], r["period"], r["metric"], r["value"], r["line"])
           for r in records(values)]
    assert got == [
        ("00123", TS(2025, 7, 1), "销售额", 12.5, 3),
        ("00123", TS(2025, 7, 1), "满意度", 85.0, 3),
        ("00123", TS(2025, 7, 1), "平均处理时长", 90.0, 3),
        ("00124", TS(2025, 7, 1), "满意度", 90.0, 4),  # empty 销售额 cell: simply absent
        ("00124", TS(2025, 7, 1), "平均处理时长", 120.0, 4),
    ]
    assert values["target"].isna().all()
    assert parsed.units == {"销售额": "万元", "平均处理时长": "分钟"}
    assert errors(parsed) == [(5, "满意度", "abc", "not_a_number"),
                              (6, "月份", "2025-13", "bad_date")]
    assert parsed.bad_lines == [5, 6]
    assert records(parsed.tables["employees"]) == [
        {"employee_id": "00123", "name": "NA", "team": "Sales", "line": 3},
        {"employee_id": "00124", "name": "李四", "team": "Ops", "line": 4},
    ]
    assert parsed.notes == ["Line 7 looks like a total row and was not imported."]


LONG = (
    "工号;周;指标;实际值;目标值\n"
    "E1;2025-W28;AHT(秒);320,5;300\n"
    "E1;2025-W28;CSAT;4,6;\n"
    "E2;2025-W28;CSAT;;4,5\n"
    "E1;2025-W28;CSAT;4,6;\n"
    "E1;2025-W28;CSAT;4,8;\n"
    ";2025-W29;CSAT;4;\n"
    "E3;2025-W29;;4;\n"
)


def test_long_metrics_semicolon_decimal_comma() -> None:
    table = read_upload(LONG.encode("utf-8-sig"), "long.csv")
    assert table.delimiter == ";"
    mapping = ingest.guess_mapping(list(table.frame.columns), "metrics")
    assert mapping == {"工号": "employee_id", "周": "period", "指标": "metric",
                       "实际值": "value", "目标值": "target"}
    parsed = parse(table, kind="metrics", mapping=mapping)
    assert records(parsed.tables["metric_values"]) == [
        {"employee_id": "E1", "period": TS(2025, 7, 7), "metric": "AHT", "value": 320.5,
         "target": 300.0, "line": 2},
        {"employee_id": "E1", "period": TS(2025, 7, 7), "metric": "CSAT", "value": 4.6,
         "target": None, "line": 3},
    ]
    assert parsed.units == {"AHT": "秒"}
    assert errors(parsed) == [
        (4, "实际值", None, "missing_value"),
        (6, "实际值", "E1 / 2025-07-07 / CSAT", "duplicate_key"),
        (7, "工号", None, "empty_id"),
        (8, "指标", None, "missing_value"),
    ]
    assert parsed.notes == ["Values repeating an earlier line exactly were imported once (line 5)"]
    assert len(parsed.tables["employees"]) == 1


ROSTER = (
    "工号,姓名,部门,直属主管,岗位,入职日期,是否高潜\n"
    "00123,NA,Marketing ,M01,客服,2024/3/1,是\n"
    "00124,null,Marketing,M01,客服,,否\n"
    "00125,王五,Ops,M02,组长,2024-02-30,Y\n"
    "00126,赵六,Ops,M02,组长,2023-01-01,maybe\n"
    "00123,NA,Marketing,M01,客服,2024-03-01,是\n"
    "00124,钱七,Sales,M01,客服,,否\n"
    "总计,,,,,,\n"
)


def test_roster() -> None:
    _, kind, _, parsed = prepare(ROSTER.encode("gbk"), "roster.csv")
    assert kind == "roster"
    employees = parsed.tables["employees"]
    assert employees["high_potential"].dtype == "boolean"
    assert records(employees) == [
        {"employee_id": "00123", "name": "NA", "team": "Marketing", "manager_id": "M01",
         "role": "客服", "hire_date": TS(2024, 3, 1), "high_potential": True, "line": 2},
        {"employee_id": "00124", "name": "null", "team": "Marketing", "manager_id": "M01",
         "role": "客服", "hire_date": None, "high_potential": False, "line": 3},
    ]
    assert errors(parsed) == [
        (4, "入职日期", "2024-02-30", "bad_date"),
        (5, "是否高潜", "maybe", "bad_flag"),
        (7, "工号", "00124", "duplicate_key"),
    ]
    assert parsed.notes == [
        "Line 8 looks like a total row and was not imported.",
        "Values repeating an earlier line exactly were imported once (line 6)",
    ]


def _sid(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


COACHING = (
    "工号,面谈日期,辅导类型,辅导模型,辅导人,纪要\n"
    "E1,2025/7/5,正式,grow,王经理,目标对齐\n"
    "E2,2025年7月6日,日常,,王经理,\n"
    "E3,2025-07-07,电话,GROW,王经理,x\n"
    "E4,2025-07-08,正式,SMART,王经理,x\n"
    "E5,,正式,,王经理,x\n"
    "E6,2025-07-09,,,王经理,x\n"
)


def test_coaching() -> None:
    _, kind, _, parsed = prepare(COACHING.encode(), "coaching.csv")
    assert kind == "coaching"
    assert records(parsed.tables["coaching_sessions"]) == [
        {"session_id": _sid("E1|2025-07-05|formal|王经理|目标对齐"), "employee_id": "E1",
         "session_date": TS(2025, 7, 5), "session_type": "formal", "model": "GROW",
         "coach": "王经理", "notes": "目标对齐", "line": 2},
        {"session_id": _sid("E2|2025-07-06|informal|王经理|"), "employee_id": "E2",
         "session_date": TS(2025, 7, 6), "session_type": "informal", "model": None,
         "coach": "王经理", "notes": None, "line": 3},
    ]
    assert errors(parsed) == [
        (4, "辅导类型", "电话", "bad_type"),
        (5, "辅导模型", "SMART", "bad_model"),
        (6, "面谈日期", None, "missing_value"),
        (7, "辅导类型", None, "missing_value"),
    ]


def test_coaching_type_defaults_to_formal_when_unmapped() -> None:
    raw = "工号,日期,辅导人\nE1,2025-07-05,李\n".encode()
    _, _, mapping, parsed = prepare(raw, "c.csv", kind="coaching")
    assert mapping == {"工号": "employee_id", "日期": "date", "辅导人": "coach"}
    sessions = records(parsed.tables["coaching_sessions"])
    assert sessions == [{"session_id": _sid("E1|2025-07-05|formal|李|"), "employee_id": "E1",
                         "session_date": TS(2025, 7, 5), "session_type": "formal",
                         "model": None, "coach": "李", "notes": None, "line": 2}]


GOALS = (
    "工号,姓名,目标,关键结果,权重,截止日期,进度\n"
    "E1,张三,提升满意度,CSAT 4.8,0.4,2025-09-30,85%\n"
    "E1,张三,提升满意度,AHT < 300s,,2025年9月30日,0.3\n"
    "E2,李四,降低流失,流失率 < 5%,0.5,,40\n"
    "E2,李四,降低流失,,0.5,,40\n"
    "E3,王五,x,y,heavy,2025-09-31,lots\n"
)


def test_goals() -> None:
    _, kind, _, parsed = prepare(GOALS.encode("gb18030"), "goals.csv")
    assert kind == "goals"
    goals = records(parsed.tables["goals"])
    assert [(g["employee_id"], g["key_result"], g["weight"], g["due_date"], g["line"])
            for g in goals] == [
        ("E1", "CSAT 4.8", 0.4, TS(2025, 9, 30), 2),
        ("E1", "AHT < 300s", 1.0, TS(2025, 9, 30), 3),
        ("E2", "流失率 < 5%", 0.5, None, 4),
    ]
    assert [g["progress"] for g in goals] == pytest.approx([0.85, 0.3, 0.4])
    assert errors(parsed) == [
        (5, "关键结果", None, "missing_value"),
        (6, "权重", "heavy", "not_a_number"),
        (6, "截止日期", "2025-09-31", "bad_date"),
        (6, "进度", "lots", "not_a_number"),
    ]
    assert records(parsed.tables["employees"]) == [
        {"employee_id": "E1", "name": "张三", "line": 2},
        {"employee_id": "E2", "name": "李四", "line": 4},
    ]


def test_every_bad_row_reported_in_100k_file() -> None:
    n = 100_000
    body = "".join(f"{i:06d},2025-07-01,{i % 97}\n" for i in range(n - 1))
    raw = ("工号,日期,销售额\n" + body + "999999,2025-07-01,twelve\n").encode()
    _, kind, _, parsed = prepare(raw, "big.csv")
    assert kind == "metrics"
    assert parsed.rows_read == n
    assert errors(parsed) == [(n + 1, "销售额", "twelve", "not_a_number")]
    values = parsed.tables["metric_values"]
    assert len(values) == n - 1
    assert values["employee_id"].iloc[0] == "000000"
    assert values["line"].iloc[-1] == n


def test_prepare_xlsx_with_title_and_real_dates() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客服绩效周报"])
    ws.append(["工号", "周开始日期", "AHT (sec)", "满意度"])
    ws.append([123, datetime(2025, 7, 7), 301.0, 0.95])
    ws.append(["00124", date(2025, 7, 7), None, 0.9])
    ws["D3"].number_format = ws["D4"].number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    table, kind, _, parsed = prepare(buf.getvalue(), "week.xlsx")
    assert (kind, table.header_line) == ("metrics", 2)
    got = [(r["employee_id"], r["period"], r["metric"], r["value"], r["line"])
           for r in records(parsed.tables["metric_values"])]
    assert got == [("123", TS(2025, 7, 7), "AHT", 301.0, 3),
                   ("123", TS(2025, 7, 7), "满意度", 95.0, 3),
                   ("00124", TS(2025, 7, 7), "满意度", 90.0, 4)]
    assert parsed.units == {"AHT": "sec"}
    assert parsed.errors.empty
    assert list(parsed.errors.columns) == ERROR_COLUMNS


def test_prepare_unknown_headers_and_forced_mapping() -> None:
    raw = b"Caller,Date,Calls\nBecky,2021-01-01,7\n"
    with pytest.raises(IngestError) as info:
        prepare(raw, "calls.csv")
    assert info.value.code == "unknown_headers"
    mapping = {"Caller": "employee_id", "Date": "period", "Calls": AS_METRIC}
    _, kind, _, parsed = prepare(raw, "calls.csv", kind="metrics", mapping=mapping)
    assert kind == "metrics"
    assert records(parsed.tables["metric_values"]) == [
        {"employee_id": "Becky", "period": TS(2021, 1, 1), "metric": "Calls", "value": 7.0,
         "target": None, "line": 2}]
    with pytest.raises(IngestError) as info:
        prepare(raw, "calls.csv", kind="metrics", mapping={**mapping, "Nope": "value"})
    assert info.value.code == "missing_field"


def test_parse_rejects_mapping_to_absent_column() -> None:
    table = read_upload(b"id,date,x\n1,2025-01-01,2\n", "a.csv")
    with pytest.raises(IngestError) as info:
        parse(table, kind="metrics", mapping={"id": "employee_id", "day": "period",
                                              "x": AS_METRIC})
    assert (info.value.code, info.value.params) == ("unknown_column", {"column": "day"})


FILE_CODES = ["empty_file", "unreadable_encoding", "no_rows", "no_such_sheet",
              "xls_not_supported", "unknown_headers", "missing_field", "field_twice",
              "no_metric_columns", "wrong_kind", "bad_workbook", "unknown_field",
              "unknown_column"]
ROW_CODES = ["empty_id", "not_a_number", "bad_date", "missing_value", "bad_type", "bad_model",
             "bad_flag", "duplicate_key"]


@pytest.mark.parametrize("code", FILE_CODES + ROW_CODES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_code_has_both_languages(code: str, lang: str) -> None:
    params = {"value": "V9", "column": "C9", "field": "period", "columns": "a, b",
              "sheet": "S9", "sheets": "S1", "kind": "K9"}
    text = describe(code, lang, **params)
    assert code in MESSAGES
    assert text
    assert "{" not in text
    template = MESSAGES[code][1 if lang == "zh" else 0]
    if "{value}" in template:
        assert "V9" in text
    if "{column}" in template:
        assert "C9" in text


@pytest.mark.parametrize("code", ROW_CODES)
def test_row_messages_name_the_column(code: str) -> None:
    english, chinese = MESSAGES[code]
    assert "{column}" in english
    assert "{column}" in chinese


@pytest.mark.parametrize(
    ("code", "lang", "params", "text"),
    [
        ("bad_date", "en", {"value": "2025-02-30", "column": "日期"},
         "“2025-02-30” in column “日期” is not a date we recognise."),
        ("bad_date", "zh", {"value": "2025-02-30", "column": "日期"},
         "“日期”列中的“2025-02-30”不是可识别的日期。"),
        ("missing_field", "en", {"field": "period"},
         "No column is chosen for “period”, which this kind of file needs."),
        ("missing_field", "zh", {"field": "employee_id"},
         "此类文件必须包含“员工编号”，但没有列被指定为该字段。"),
        ("not_a_number", "en", {"value": None, "column": "x"},
         "“” in column “x” is not a number."),
        ("something_new", "en", {}, "Something in this file could not be read (something_new)."),
        ("something_new", "zh", {}, "文件中有内容无法读取（something_new）。"),
    ],
)
def test_describe(code: str, lang: str, params: dict, text: str) -> None:
    assert describe(code, lang, **params) == text


def test_ingest_error_message() -> None:
    err = IngestError("no_such_sheet", sheet="Q3", sheets="Q1, Q2")
    assert str(err) == "The workbook has no sheet named “Q3”. Sheets: Q1, Q2."
    assert err.message("zh") == "工作簿中没有名为“Q3”的工作表。现有工作表：Q1, Q2。"


def test_nan_free_text_columns() -> None:
    _, _, _, parsed = prepare(ROSTER.encode("gbk"), "roster.csv")
    employees = parsed.tables["employees"]
    assert employees["employee_id"].tolist() == ["00123", "00124"]
    assert not any(isinstance(v, float) and math.isnan(v) for v in employees["employee_id"])


def test_one_million_long_rows_parse_fast() -> None:
    # Row i: employee i // 48, month (i // 4) % 12 + 1, metric i % 4: every key unique;
    # the last row, i = 999999, is E20833, month 249999 % 12 + 1 = 4, value 999 / 10.
    n = 1_000_000
    i = pd.RangeIndex(n)
    frame = pd.DataFrame({
        "工号": "E" + pd.Series(i // 48).astype("str").str.zfill(5),
        "月份": "2025-" + pd.Series((i // 4) % 12 + 1).astype("str").str.zfill(2),
        "指标": pd.Series(["销售额(万元)", "满意度", "AHT(秒)", "转化率"] * (n // 4)),
        "实际值": pd.Series(i % 1000 / 10).astype("str"),
    }).astype(object)
    table = ingest.RawTable(frame=frame, lines=list(range(2, n + 2)), encoding="utf-8")
    mapping = ingest.guess_mapping(list(frame.columns), "metrics")
    start = time.process_time()  # CPU seconds: a guard against per-cell Python, not a speed test
    parsed = parse(table, kind="metrics", mapping=mapping)
    elapsed = time.process_time() - start
    assert elapsed < 15
    assert parsed.errors.empty
    values = parsed.tables["metric_values"]
    assert len(values) == n
    assert values.iloc[-1].tolist()[:4] == ["E20833", TS(2025, 4, 1), "转化率", 99.9]
    assert parsed.units == {"销售额": "万元", "AHT": "秒"}
    assert len(parsed.tables["employees"]) == 20_834


def test_row_codes_equal_rows_share_a_code_even_past_int64() -> None:
    from ingest.parse import _row_codes

    big = 2**40  # two such columns multiply past int64: the codes are renumbered first
    codes = _row_codes([np.array([0, big, 0, 0]), np.array([big, 5, big, 4]),
                        np.array([1, 1, 1, 1])])
    assert codes[0] == codes[2]
    assert len({codes[0], codes[1], codes[3]}) == 3
