"""Header recognition: normalising, units, kind and mapping guesses."""

from __future__ import annotations

import pandas as pd
import pytest

from ingest.fields import AS_METRIC, FIELDS, IGNORE, PERIOD_PARTS
from ingest.header_words import SYNONYMS, normalise_header, split_unit
from ingest.headers import guess_kind, guess_mapping


@pytest.mark.parametrize(
    ("header", "norm"),
    [
        ("Employee ID", "employeeid"),
        (" employee_id ", "employeeid"),
        ("EMP-ID", "empid"),
        ("工 号", "工号"),
        ("员工ＩＤ", "员工id"),
        ("Date of Joining:", "dateofjoining"),
        ("Reports To (Manager)", "reportstomanager"),
    ],
)
def test_normalise_header(header: str, norm: str) -> None:
    assert normalise_header(header) == norm


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("平均处理时长(分钟)", ("平均处理时长", "分钟")),
        ("平均处理时长\uff08分钟\uff09", ("平均处理时长", "分钟")),  # full-width ()
        ("AHT [min]", ("AHT", "min")),
        ("AHT (sec)", ("AHT", "sec")),
        ("销售额【万元】", ("销售额", "万元")),
        ("Satisfaction", ("Satisfaction", None)),
        ("(only a unit)", ("(only a unit)", None)),
    ],
)
def test_split_unit(header: str, expected: tuple[str, str | None]) -> None:
    assert split_unit(header) == expected


SYNONYM_CASES = [
    (kind, field, word)
    for kind, fields in FIELDS.items()
    for field in fields
    if field != "employee_id"
    for word in SYNONYMS[field]
]


@pytest.mark.parametrize(("kind", "field", "word"), SYNONYM_CASES)
def test_every_synonym_maps_within_its_kind(kind: str, field: str, word: str) -> None:
    # Upper-cased and padded: matching ignores case and spaces.
    header = f" {word.upper()} "
    # a quarter/month/week column with no year column beside it is the period (year asked)
    alone = "period" if kind == "metrics" and field in PERIOD_PARTS else field
    assert guess_mapping(["工号", header], kind) == {"工号": "employee_id", header: alone}


@pytest.mark.parametrize(
    "word",
    ["工号", "员工编号", "员工号", "员工ID", "人员编号", "emp id", "Employee ID", "employee_id",
     "Staff ID", "agent id", "ID"],
)
def test_employee_id_synonyms(word: str) -> None:
    assert guess_mapping([word], "roster") == {word: "employee_id"}


@pytest.mark.parametrize(
    ("columns", "kind", "expected"),
    [
        # 目标 is a target for metrics but an objective for goals; 日期 is a period or a date.
        (["工号", "日期", "指标", "实际值", "目标"], "metrics",
         ["employee_id", "period", "metric", "value", "target"]),
        (["工号", "目标", "关键结果", "权重", "进度"], "goals",
         ["employee_id", "objective", "key_result", "weight", "progress"]),
        (["工号", "日期", "类型", "备注"], "coaching", ["employee_id", "date", "type", "notes"]),
        # wide metrics: unknown columns are metrics, other kinds' fields and ids are not
        (["工号", "姓名", "月份", "销售额(万元)", "满意度", "备注", "订单编号"], "metrics",
         ["employee_id", "name", "period", AS_METRIC, AS_METRIC, IGNORE, IGNORE]),
        # long metrics: unknown columns are ignored
        (["Employee ID", "Week", "KPI", "Actual", "Region"], "metrics",
         ["employee_id", "period", "metric", "value", IGNORE]),
        # specific synonym beats the generic "id" wherever it is
        (["id", "Employee ID", "Name"], "roster", [IGNORE, "employee_id", "name"]),
        # a second column naming the same field is ignored, not mapped twice
        (["工号", "部门", "团队"], "roster", ["employee_id", "team", IGNORE]),
        # date-ish header as the period when no exact synonym
        (["EmployeeID", "ReviewDate", "HireDate", "SelfRating"], "metrics",
         ["employee_id", "period", "hire_date", AS_METRIC]),
        (["工号", "姓名", "高潜", "备注"], "roster",
         ["employee_id", "name", "high_potential", IGNORE]),
    ],
)
def test_guess_mapping(columns: list[str], kind: str, expected: list[str]) -> None:
    assert guess_mapping(columns, kind) == dict(zip(columns, expected, strict=True))


def test_guess_mapping_sample_skips_text_columns() -> None:
    sample = pd.DataFrame({
        "工号": ["1", "2"], "月份": ["2025-07", "2025-08"], "销售额": ["12", "1,300"],
        "城市": ["北京", "上海"], "空列": [None, None],
    }, dtype=object)
    mapping = guess_mapping(list(sample.columns), "metrics", sample=sample)
    assert mapping == {"工号": "employee_id", "月份": "period", "销售额": AS_METRIC,
                       "城市": IGNORE, "空列": AS_METRIC}


@pytest.mark.parametrize(
    ("columns", "kind"),
    [
        (["工号", "目标", "关键结果", "截止日期"], "goals"),
        (["employee id", "objective", "key result"], "goals"),
        (["工号", "面谈日期", "辅导类型", "辅导人", "纪要"], "coaching"),
        (["工号", "日期", "模型"], "coaching"),
        (["工号", "日期", "备注"], "coaching"),
        (["工号", "日期", "备注", "销售额(万元)", "满意度"], "metrics"),
        (["工号", "日期", "辅导人", "备注", "改进措施"], "coaching"),
        (["工号", "日期", "指标", "实际值"], "metrics"),
        (["工号", "姓名", "月份", "销售额", "满意度"], "metrics"),
        (["Agent ID", "Week Start", "AHT (sec)", "CSAT"], "metrics"),
        (["工号", "姓名", "部门", "直属主管", "入职日期"], "roster"),
        (["员工编号", "年龄", "性别", "部门", "岗位"], "roster"),
        (["EmployeeID", "FirstName", "HireDate", "Department"], "roster"),
        (["工号"], "roster"),
        (["姓名", "部门"], "roster"),  # names without ids: the name is the person
        (["Call Id", "Agent", "Date", "Answered (Y/N)"], "metrics"),
        (["Call Id", "Topic", "Date", "Answered (Y/N)"], None),  # nobody named
        ([], None),
    ],
)
def test_guess_kind(columns: list[str], kind: str | None) -> None:
    assert guess_kind(columns) == kind
