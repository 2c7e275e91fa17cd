"""Cell parsers: numbers, dates, progress, flags, session types and models."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ingest.values import (
    parse_dates,
    parse_flags,
    parse_models,
    parse_numbers,
    parse_progress,
    parse_session_types,
)

BAD = "BAD"
MISSING = None


def _one(parser, text: str | None, **kw: object) -> object:
    values, bad = parser(pd.Series([text], dtype=object), **kw)
    if bool(bad.iloc[0]):
        return BAD
    value = values.iloc[0]
    return None if pd.isna(value) else value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85%", 85.0), ("1,234", 1234.0), (" 12.5 ", 12.5), ("\uff18\uff15\uff05", 85.0), ("-3", -3.0),
        ("1,234,567.89", 1234567.89), (".5", 0.5), ("+7", 7.0), ("¥1,200", 1200.0),
        ("1:02:03", 3723.0), ("02:03", 123.0), ("0:00:30", 30.0), ("1e3", 1000.0),
        ("-", MISSING), ("—", MISSING), ("N/A", MISSING), ("#N/A", MISSING),
        ("null", MISSING), ("", MISSING), (None, MISSING), ("  ", MISSING),
        ("abc", BAD), ("12,5", BAD), ("1,23", BAD), ("12..5", BAD), ("inf", BAD), ("5 kg", BAD),
    ],
)
def test_parse_numbers(text: str | None, expected: object) -> None:
    assert _one(parse_numbers, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,5", 12.5), ("1.234,5", 1234.5), ("1.234.567", 1234567.0), ("3", 3.0),
     ("0,85%", 0.85), ("-", MISSING), ("x", BAD)],
)
def test_parse_numbers_decimal_comma(text: str, expected: object) -> None:
    assert _one(parse_numbers, text, decimal_comma=True) == expected


def test_parse_numbers_keeps_index_and_dtype() -> None:
    s = pd.Series(["1", "x", None, "2%"], index=[10, 11, 12, 13], dtype=object)
    values, bad = parse_numbers(s)
    assert values.dtype == "float64"
    assert bad.dtype == bool
    assert list(values.index) == [10, 11, 12, 13]
    assert values[[10, 13]].tolist() == [1.0, 2.0]
    assert values[[11, 12]].isna().all()
    assert bad.tolist() == [False, True, False, False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025/7/5", date(2025, 7, 5)), ("2025-07-05", date(2025, 7, 5)),
        ("2025.7.5", date(2025, 7, 5)), ("2025年7月5日", date(2025, 7, 5)),
        ("２０２５年７月５日", date(2025, 7, 5)),
        ("20250705", date(2025, 7, 5)), ("2025年7月", date(2025, 7, 1)),
        ("2025-07", date(2025, 7, 1)), ("2025/07", date(2025, 7, 1)),
        ("7/5/2025", date(2025, 7, 5)), ("13/5/2025", date(2025, 5, 13)),
        ("2025-W28", date(2025, 7, 7)), ("2025W01", date(2024, 12, 30)),
        ("2025年第28周", date(2025, 7, 7)), ("2025-07-05 00:00:00", date(2025, 7, 5)),
        ("2025-07-05T14:30", date(2025, 7, 5)), ("45843", date(2025, 7, 5)),
        ("45843.5", date(2025, 7, 5)), ("5-Jul-25", date(2025, 7, 5)),
        ("Jul 5, 2025", date(2025, 7, 5)), ("2025Q3", date(2025, 7, 1)),
        ("", MISSING), ("-", MISSING), (None, MISSING),
        ("2025-02-30", BAD), ("2025-13", BAD), ("2025-W54", BAD), ("junk", BAD),
        ("12345", BAD), ("0001-01-01", BAD), ("7/5/25", BAD),
    ],
)
def test_parse_dates(text: str | None, expected: object) -> None:
    got = _one(parse_dates, text)
    assert got == (pd.Timestamp(expected) if isinstance(expected, date) else expected)


def test_parse_dates_column_clue_day_first() -> None:
    # 13/5/2025 proves the column is day/month, so 7/5/2025 is 7 May, not 5 July.
    values, bad = parse_dates(pd.Series(["7/5/2025", "13/5/2025", None], dtype=object))
    assert values.dtype == "datetime64[ns]"
    assert values.tolist()[:2] == [pd.Timestamp(2025, 5, 7), pd.Timestamp(2025, 5, 13)]
    assert pd.isna(values.iloc[2])
    assert not bad.any()


def test_parse_dates_us_default() -> None:
    values, _ = parse_dates(pd.Series(["7/5/2025", "12/31/2025"], dtype=object))
    assert values.tolist() == [pd.Timestamp(2025, 7, 5), pd.Timestamp(2025, 12, 31)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("85%", 0.85), ("0.85", 0.85), ("85", 0.85), ("1", 1.0), ("100%", 1.0), ("0", 0.0),
     ("\uff18\uff15\uff05", 0.85), ("", MISSING), ("x", BAD), ("-10%", BAD)],
)
def test_parse_progress(text: str, expected: object) -> None:
    got = _one(parse_progress, text)
    assert got == (pytest.approx(expected) if isinstance(expected, float) else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("是", True), ("否", False), ("Y", True), ("n", False), ("YES", True), ("no", False),
     ("true", True), ("False", False), ("1", True), ("0", False), ("高潜", True),
     ("", MISSING), ("maybe", BAD)],
)
def test_parse_flags(text: str, expected: object) -> None:
    assert _one(parse_flags, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("正式", "formal"), ("Formal", "formal"), ("正式面谈", "formal"), ("非正式", "informal"),
     ("informal", "informal"), ("日常", "informal"), ("沟通", "informal"), ("", MISSING),
     ("电话", BAD)],
)
def test_parse_session_types(text: str, expected: object) -> None:
    assert _one(parse_session_types, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("grow", "GROW"), ("GROW", "GROW"), ("Best", "BEST"), ("STAR-AR", "STAR-AR"),
     ("star ar", "STAR-AR"), ("STAR", "STAR-AR"), ("starar", "STAR-AR"), ("okr", "OKR"),
     ("GROW模型", "GROW"), ("", MISSING), ("SMART", BAD)],
)
def test_parse_models(text: str, expected: object) -> None:
    assert _one(parse_models, text) == expected
