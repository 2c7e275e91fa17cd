"""Tests for analytics.catalog: metric guesses from realistic zh/en export headers."""

from __future__ import annotations

import dataclasses
import doctest
import math

import pandas as pd
import pytest

import analytics.catalog as catalog
from analytics.catalog import CATALOG_COLUMNS, MetricInfo, guess_catalog, guess_metric

CASES = [
    # name, direction, category
    ("平均处理时长", "lower", "efficiency"),
    ("平均处理时长(分钟)", "lower", "efficiency"),
    ("平均通话时长\uff08秒\uff09", "lower", "efficiency"),
    ("平均等待时间", "lower", "efficiency"),
    ("首次响应耗时", "lower", "efficiency"),
    ("客户满意度", "higher", "quality"),
    ("首次解决率", "higher", "quality"),
    ("质检得分", "higher", "quality"),
    ("工单准确率", "higher", "quality"),
    ("好评率", "higher", "quality"),
    ("差评率", "lower", "quality"),
    ("投诉率", "lower", "quality"),
    ("差错率", "lower", "quality"),
    ("录入错误数", "lower", "quality"),
    ("周工单量", "higher", "efficiency"),
    ("日接听量", "higher", "efficiency"),
    ("人均处理量", "higher", "efficiency"),
    ("处理效率", "higher", "efficiency"),
    ("销售额(万元)", "higher", "output"),
    ("月度业绩", "higher", "output"),
    ("成交单数", "higher", "output"),
    ("签单金额", "higher", "output"),
    ("回款率", "higher", "output"),
    ("客户流失率", "lower", "other"),
    ("员工离职率", "lower", "other"),
    ("缺勤天数", "lower", "other"),
    ("迟到次数", "lower", "other"),
    ("退款金额", "lower", "other"),
    ("返工率", "lower", "other"),
    ("升级率", "lower", "other"),
    ("培训课时", "higher", "other"),
    ("AHT", "lower", "efficiency"),
    ("aht (sec)", "lower", "efficiency"),
    ("\uff21\uff28\uff34", "lower", "efficiency"),  # full-width AHT, NFKC-normalised
    ("Average Handle Time", "lower", "efficiency"),
    ("Handling time (min)", "lower", "efficiency"),
    ("Talk Time", "lower", "efficiency"),
    ("Speed of answer in seconds", "lower", "efficiency"),
    ("Average wait time", "lower", "efficiency"),
    ("First response time", "lower", "efficiency"),
    ("Resolution time (hours)", "lower", "efficiency"),
    ("CSAT", "higher", "quality"),
    ("CSAT %", "higher", "quality"),
    ("FCR", "higher", "quality"),
    ("First Contact Resolution", "higher", "quality"),
    ("NPS", "higher", "quality"),
    ("Customer satisfaction", "higher", "quality"),
    ("Quality score", "higher", "quality"),
    ("Order accuracy", "higher", "quality"),
    ("Average rating", "higher", "quality"),
    ("Complaint rate", "lower", "quality"),
    ("Complaints", "lower", "quality"),
    ("Error rate", "lower", "quality"),
    ("Defects per 100 orders", "lower", "quality"),
    ("Tickets per week", "higher", "efficiency"),
    ("Calls handled", "higher", "efficiency"),
    ("Throughput", "higher", "efficiency"),
    ("Utilisation", "higher", "efficiency"),
    ("Occupancy", "higher", "efficiency"),
    ("Close value", "higher", "output"),
    ("Revenue", "higher", "output"),
    ("Sales (USD)", "higher", "output"),
    ("Deals won", "higher", "output"),
    ("Bookings", "higher", "output"),
    ("Quota attainment", "higher", "output"),
    ("Churn rate", "lower", "other"),
    ("Attrition", "lower", "other"),
    ("Absence days", "lower", "other"),
    ("Escalation rate", "lower", "other"),
    ("Abandon rate", "lower", "other"),
    ("Abandonment rate", "lower", "other"),
    ("Refunds issued", "lower", "other"),
    ("Cost per contact", "lower", "other"),
    ("Training hours", "higher", "other"),
    ("Wonderful moments", "higher", "other"),  # "won" must not match inside a word
    ("What if score", "higher", "other"),  # nor "aht" inside "what"
]


@pytest.mark.parametrize(("name", "direction", "category"), CASES)
def test_guess_metric(name: str, direction: str, category: str) -> None:
    info = guess_metric(name)
    assert (info.name, info.direction, info.category) == (name, direction, category)


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("平均处理时长(分钟)", None, "分钟"),
        ("平均通话时长\uff08秒\uff09", None, "秒"),
        ("aht (sec)", None, "sec"),
        ("客户满意度", None, None),
        ("客户满意度", "%", "%"),
        ("平均处理时长(分钟)", "min", "min"),  # an explicit unit wins
    ],
)
def test_unit(name: str, unit: str | None, expected: str | None) -> None:
    assert guess_metric(name, unit).unit == expected


def test_metric_info_is_frozen() -> None:
    info = guess_metric("CSAT")
    assert isinstance(info, MetricInfo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.direction = "lower"  # type: ignore[misc]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_name_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        guess_metric(name)
    with pytest.raises(ValueError, match="empty"):
        guess_catalog(["CSAT", name])


@pytest.mark.parametrize("bad", [None, 3, b"AHT"])
def test_non_string_name_rejected(bad: object) -> None:
    with pytest.raises(TypeError, match="string"):
        guess_metric(bad)  # type: ignore[arg-type]


def test_catalog_rejects_a_single_string() -> None:
    with pytest.raises(TypeError, match="single string"):
        guess_catalog("CSAT")


def test_guess_catalog_one_sorted_row_per_name() -> None:
    names = ["客户满意度", "AHT", "客户满意度", "周工单量", "Close value", "AHT"]
    frame = guess_catalog(names, units={"AHT": "min", "客户满意度": "%"})
    assert list(frame.columns) == CATALOG_COLUMNS
    assert frame["name"].tolist() == sorted(set(names))
    assert frame.index.tolist() == list(range(4))
    row = frame.set_index("name")
    assert row.loc["AHT", "direction"] == "lower"
    assert row.loc["AHT", "unit"] == "min"
    assert row.loc["客户满意度", "unit"] == "%"
    assert row.loc["周工单量", "unit"] is None
    assert row.loc["Close value", "category"] == "output"
    assert frame["default_target"].dtype == "float64"
    assert frame["default_target"].isna().all()


def test_guess_catalog_empty_and_generator() -> None:
    empty = guess_catalog([])
    assert list(empty.columns) == CATALOG_COLUMNS
    assert empty.empty
    frame = guess_catalog(name for name in ("FCR", "CSAT"))
    assert frame["name"].tolist() == ["CSAT", "FCR"]


def test_guess_catalog_unit_from_name() -> None:
    frame = guess_catalog(["平均处理时长(分钟)"])
    assert frame.loc[0, "unit"] == "分钟"
    assert math.isnan(frame.loc[0, "default_target"])


def test_catalog_is_pure() -> None:
    source = catalog.__file__
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    imports = [line for line in text.splitlines() if line.startswith(("import ", "from "))]
    assert not [line for line in imports if "streamlit" in line or "duckdb" in line]
    assert isinstance(guess_catalog(["CSAT"]), pd.DataFrame)


def test_doctests() -> None:
    result = doctest.testmod(catalog, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 3
    assert result.failed == 0
