"""A year column beside a quarter, month or week column makes one period (long layout)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

import store
from ingest.fields import AS_METRIC
from ingest.headers import guess_kind, guess_mapping


def quarter_start(year: int, q: int) -> date:
    return date(year, (q - 1) * 3 + 1, 1)


def iso_monday(year: int, week: int) -> date:
    jan4 = date(year, 1, 4)  # ISO week 1 holds 4 January
    return jan4 - timedelta(days=jan4.weekday()) + timedelta(weeks=week - 1)


QUARTER_TEXT = {1: ("1", "Q1", "一季度"), 2: ("2", "Q2", "二季度"), 3: ("3", "Q3", "第三季度"),
                4: ("4", "Q4", "四季度")}


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "y.duckdb")
    yield c
    c.close()


def generated(seed: int, parts: range, people: int = 5) -> list[tuple[str, int, int, float]]:
    rng = random.Random(seed)
    return [(f"E{p}", y, n, round(rng.uniform(1, 5), 1))
            for p in range(people) for y in (2023, 2024) for n in parts]


def stored(con, metric: str) -> dict:
    rows = con.execute("SELECT employee_id, period, value FROM metric_values WHERE metric = ?",
                       [metric]).fetchall()
    return {(e, p): v for e, p, v in rows}


def test_gbk_csv_with_year_and_quarter_columns_is_quarterly(con):
    rows = generated(1, range(1, 5))
    rng = random.Random(2)
    lines = ["工号,年度,季度,绩效得分"] + [
        f"{e},{y},{rng.choice(QUARTER_TEXT[q])},{v}" for e, y, q, v in rows]
    raw = ("\r\n".join(lines) + "\r\n").encode("gbk")
    result = store.import_bytes(con, raw, "scores.csv")
    assert (result.status, result.kind) == ("loaded", "metrics"), result.as_json()
    assert stored(con, "绩效得分") == {(e, quarter_start(y, q)): v for e, y, q, v in rows}
    # neither the year nor the quarter column became a metric
    assert {m for (m,) in con.execute("SELECT DISTINCT metric FROM metric_values").fetchall()} \
        == {"绩效得分"}


@pytest.mark.parametrize(
    ("header", "parts", "text", "start"),
    [
        (["Employee ID", "Year", "Month", "Calls"], range(1, 13), str,
         lambda y, n: date(y, n, 1)),
        (["工号", "年份", "月份", "通话量"], range(1, 13), lambda n: f"{n}月",
         lambda y, n: date(y, n, 1)),
        (["Employee ID", "Year", "Week", "Calls"], range(1, 53), lambda n: f"W{n:02d}",
         iso_monday),
        (["Employee ID", "Fiscal Year", "Quarter", "Calls"], range(1, 5), lambda n: f"Q{n}",
         quarter_start),
    ],
)
def test_year_with_month_week_or_quarter(con, header, parts, text, start):
    rows = generated(3, parts, people=2)
    body = "\n".join(f"{e},{y},{text(n)},{v}" for e, y, n, v in rows)
    result = store.import_bytes(con, (",".join(header) + "\n" + body).encode(), "f.csv")
    assert result.status == "loaded", result.as_json()
    assert stored(con, header[-1]) == {(e, start(y, n)): v for e, y, n, v in rows}


def test_bad_parts_are_named_lines(con):
    raw = "工号,年度,季度,得分\nE1,2024,1,3\nE2,2024,5,3\nE3,二〇二四,2,3\nE4,2021,,3\n".encode()
    result = store.import_bytes(con, raw, "f.csv")
    assert result.status == "failed"
    errors = [(e["line"], e["column"]) for e in result.as_json()["errors"]]
    assert errors == [(3, "季度"), (4, "年度"), (5, "季度")]
    assert "not a quarter" in result.as_json()["errors"][0]["message"]


def test_week_53_of_a_year_without_one_is_bad(con):
    raw = b"Employee ID,Year,Week,Calls\nE1,2020,53,3\nE1,2021,53,4\n"
    result = store.import_bytes(con, raw, "f.csv")
    assert [(e["line"], e["column"]) for e in result.as_json()["errors"]] == [(3, "Week")]


@pytest.mark.parametrize(
    ("columns", "never"),
    [
        (["工号", "年度", "季度", "得分"], {"年度", "季度"}),
        (["Employee ID", "Fiscal Year", "Fiscal Quarter", "Score"], {"Fiscal Year", "Fiscal Quarter"}),
        (["Employee ID", "Date", "Week number", "Score"], {"Week number"}),
        (["工号", "日期", "统计月份", "得分"], {"统计月份"}),
        (["工号", "姓名", "2024-01", "2024-02", "Q1 2024"], {"2024-01", "2024-02", "Q1 2024"}),
    ],
)
def test_period_columns_are_never_proposed_as_metrics(columns, never):
    assert guess_kind(columns) == "metrics"
    mapping = guess_mapping(columns, "metrics")
    assert not {c for c, f in mapping.items() if f == AS_METRIC} & never
