"""Guess what a metric measures from its name: direction, category and unit.

Pure functions (no Streamlit, no DuckDB). A manager's export names metrics freely, in Chinese
or English ("平均处理时长(分钟)", "AHT", "CSAT", "Tickets per week"); the guesses here seed the
metric catalog the user then confirms or corrects (docs/domain.md: every default is editable).

Rules, applied to the NFKC-normalised, case-folded name:

* direction is ``"lower"`` when the name contains a lower-is-better keyword (durations, waits,
  complaints, errors, churn, absence, refunds, rework, escalations, cost ...), else ``"higher"``;
* category is the first of: ``"efficiency"`` when the name measures a duration (a handle, talk,
  response or wait time); ``"quality"``; ``"output"``; ``"efficiency"`` (volumes, speed,
  utilisation); otherwise ``"other"``.

Chinese keywords match as substrings. English keywords match whole words (an optional plural
``s``/``es`` is allowed), so ``"won"`` does not match ``"wonder"`` and ``"aht"`` not ``"what"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

DIRECTIONS: tuple[str, ...] = ("higher", "lower")
CATEGORIES: tuple[str, ...] = ("efficiency", "quality", "output", "other")
CATALOG_COLUMNS: list[str] = ["name", "direction", "category", "unit", "default_target"]

# Each group: (Chinese substrings, English whole-word phrases).
_LOWER = (
    ("时长", "时间", "耗时", "等待", "投诉", "差错", "错误", "流失", "离职", "缺勤", "迟到",
     "退款", "返工", "升级", "差评"),
    ("aht", "handle time", "handling time", "talk time", "wait", "waiting", "speed of answer",
     "response time", "resolution time", "complaint", "error", "defect", "churn", "attrition",
     "absence", "absenteeism", "escalation", "abandon", "abandoned", "abandonment", "refund",
     "cost", "rework", "asa", "late"),
)
_DURATION = (
    ("时长", "时间", "耗时", "等待"),
    ("aht", "handle time", "handling time", "talk time", "wait", "waiting", "wait time",
     "speed of answer", "response time", "resolution time", "asa", "duration"),
)
_QUALITY = (
    ("满意度", "解决率", "质检", "准确率", "好评", "差评", "投诉", "差错", "错误"),
    ("nps", "csat", "fcr", "first contact resolution", "satisfaction", "quality", "accuracy",
     "resolution", "rating", "complaint", "error", "defect", "qa score"),
)
_OUTPUT = (
    ("销售额", "业绩", "成交", "签单", "回款", "营收"),
    ("revenue", "sales", "deal", "won", "booking", "close value", "quota"),
)
_EFFICIENCY = (
    ("时长", "工单量", "处理量", "速度", "效率", "接听量"),
    ("aht", "handle time", "call", "ticket", "throughput", "utilisation", "utilization",
     "occupancy", "speed", "productivity"),
)
_UNIT_IN_NAME = re.compile(r"\(([^()]{1,12})\)\s*$")


@dataclass(frozen=True)
class MetricInfo:
    """What a metric measures: ``direction`` is "higher" or "lower" (which way is better)."""

    name: str
    direction: str
    category: str
    unit: str | None = None


def _check_names(names: Iterable[object]) -> list[str]:
    """Return ``names`` as a list; raise if one is not a string or is blank."""
    if isinstance(names, str):
        raise TypeError("names must be an iterable of strings, not a single string")
    checked = list(names)
    for name in checked:
        if not isinstance(name, str):
            raise TypeError(f"a metric name must be a string, got {type(name).__name__}")
        if not name.strip():
            raise ValueError("a metric name must not be empty")
    return checked


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _has(text: str, group: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    chinese, english = group
    if any(word in text for word in chinese):
        return True
    words = "|".join(re.escape(word) for word in english)
    return re.search(rf"(?<![a-z0-9])(?:{words})(?:s|es)?(?![a-z0-9])", text) is not None


def _category(text: str) -> str:
    for category, group in (
        ("efficiency", _DURATION),
        ("quality", _QUALITY),
        ("output", _OUTPUT),
        ("efficiency", _EFFICIENCY),
    ):
        if _has(text, group):
            return category
    return "other"


def guess_metric(name: str, unit: str | None = None) -> MetricInfo:
    """Guess direction, category and unit of a metric from its name.

    Args:
        name: the metric's name as the upload spells it (Chinese or English).
        unit: the unit, when known (e.g. from the column header); when ``None`` a unit in
            trailing brackets of the name is used, so "平均处理时长(分钟)" has unit "分钟".

    Returns:
        A frozen ``MetricInfo`` with the name unchanged.

    Raises:
        ValueError: if ``name`` is empty or blank.
        TypeError: if ``name`` is not a string.

    Example:
        >>> guess_metric("平均处理时长(分钟)")
        MetricInfo(name='平均处理时长(分钟)', direction='lower', category='efficiency', unit='分钟')
        >>> guess_metric("CSAT", unit="%").direction
        'higher'
    """
    _check_names([name])
    text = _normalise(name)
    if unit is None:
        found = _UNIT_IN_NAME.search(unicodedata.normalize("NFKC", name))
        unit = found.group(1).strip() if found else None
    direction = "lower" if _has(text, _LOWER) else "higher"
    return MetricInfo(name=name, direction=direction, category=_category(text), unit=unit)


def guess_catalog(
    names: Iterable[str], units: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Guess a catalog row for every distinct metric name.

    Args:
        names: metric names; duplicates are collapsed.
        units: optional metric name -> unit (e.g. ``ingest.model.Parsed.units``).

    Returns:
        A frame with columns ``name, direction, category, unit, default_target`` (the
        target is NaN: the user sets it), one row per unique name, sorted by name.

    Raises:
        ValueError: if a name is empty or blank.
        TypeError: if ``names`` is a single string or holds a non-string.

    Example:
        >>> guess_catalog(["CSAT", "AHT", "CSAT"])[["name", "direction", "category"]]
           name direction    category
        0   AHT     lower  efficiency
        1  CSAT    higher     quality
    """
    unique = sorted(set(_check_names(names)))
    units = units or {}
    rows = [guess_metric(name, units.get(name)) for name in unique]
    frame = pd.DataFrame(
        {
            "name": [row.name for row in rows],
            "direction": [row.direction for row in rows],
            "category": [row.category for row in rows],
            "unit": pd.Series([row.unit for row in rows], dtype=object),
            "default_target": pd.Series([float("nan")] * len(rows), dtype="float64"),
        },
        columns=CATALOG_COLUMNS,
    )
    return frame
