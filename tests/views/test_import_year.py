"""The Import page asks the year of periods written without one (headers ``1月`` of a budget
workbook, cells ``1月`` of a GBK CSV): proposed in words, changed by the user, stored, and
remembered by the recipe."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import Workbook

from i18n import t
from tests.views.conftest import make_app
from tests.views.test_import_sheets_page import click, query, upload
from tests.workbooks import save
from ui.text import md

MONTHS = ("1月", "2月", "3月")
VALUES = {"E1": (5.0, 6.0, 7.0), "E2": (1.0, 2.0, 3.0)}


def budget() -> bytes:
    wb = Workbook()
    wb.active.title = "销售额"  # names the metric, not the year
    wb.active.append(["工号", *MONTHS])
    for person, cells in VALUES.items():
        wb.active.append([person, *cells])
    return save(wb)


def long_csv() -> bytes:
    lines = [f"{p},{m},{v}" for p, cells in VALUES.items() for m, v in zip(MONTHS, cells,
                                                                         strict=True)]
    return ("工号,月份,销售额\n" + "\n".join(lines) + "\n").encode("gbk")


def year_box(at):
    return next(n for n in at.number_input if n.key and n.key.startswith("year:"))


def proposed() -> int:
    """March of this year has begun unless it is January or February."""
    today = date.today()
    return today.year if today >= date(today.year, 3, 1) else today.year - 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_year_proposed_is_said_in_words(monkeypatch, empty_db, lang):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py", lang=lang), "月报.csv",
                long_csv())
    assert year_box(at).value == proposed()
    sep = "、" if lang == "zh" else ", "
    said = t("upload.year.guess", lang, periods=md(sep.join(MONTHS)), year=proposed())
    assert said in [c.value for c in at.caption]


@pytest.mark.parametrize(("name", "raw"), [("budget.xlsx", budget()), ("月报.csv", long_csv())])
def test_the_year_changed_is_stored_and_remembered(monkeypatch, empty_db, name, raw):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), name, raw)
    assert year_box(at).value == proposed()
    year_box(at).set_value(2024).run()
    click(at, "go:")
    assert not at.exception
    got = query(empty_db, "SELECT employee_id, strftime(period, '%Y-%m') AS m, value "
                          "FROM metric_values")
    want = {(p, f"2024-{i + 1:02d}"): v for p, cells in VALUES.items()
            for i, v in enumerate(cells)}
    assert {(r.employee_id, r.m): r.value for r in got.itertuples()} == want
    plan = json.loads(query(empty_db, "SELECT plan FROM recipes")["plan"].iloc[0])
    assert [s["year"] for s in plan["sheets"]] == [2024]


def test_the_next_file_keeps_the_year_chosen_and_says_so(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "budget.xlsx",
                budget())
    year_box(at).set_value(2023).run()
    click(at, "go:")
    upload(at, "budget2.xlsx", budget())
    assert year_box(at).value == 2023
    said = t("upload.year.kept", periods=md(", ".join(MONTHS)), year=2023)
    assert said in [c.value for c in at.caption]
