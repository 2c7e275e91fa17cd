"""The Import page proposes the grain of dates on arbitrary days (reviews), says why in words,
and stores what the user chooses; the recipe keeps the choice."""

from __future__ import annotations

import json

import pytest

from i18n import t
from tests.ingest.reviews import csv_bytes, expected, median_gap, reviews
from tests.views.conftest import make_app
from tests.views.test_import_sheets_page import click, query, upload
from ui.text import md


def grain_box(at):
    return next(s for s in at.selectbox if s.key and s.key.startswith("dategrain:"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_grain_is_proposed_with_why(monkeypatch, empty_db, lang):
    truth = reviews((100, 250))
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py", lang=lang),
                "PerformanceRating.csv", csv_bytes(truth))
    assert grain_box(at).value == "quarter"
    why = t("upload.grain.why", lang, column=md("ReviewDate"), gap=median_gap(truth),
            people=truth["EmployeeID"].nunique(), grain=t("upload.grain.quarter", lang))
    assert why in [c.value for c in at.caption]


@pytest.mark.parametrize("grain", ["month", "day"])
def test_the_grain_chosen_is_stored_and_remembered(monkeypatch, empty_db, grain):
    truth = reviews((25, 60), seed=3)  # proposed: month; two reviews often share a quarter
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"),
                "PerformanceRating.csv", csv_bytes(truth))
    assert grain_box(at).value == "month"
    grain_box(at).select("quarter" if grain == "month" else grain).run()
    click(at, "go:")
    assert not at.exception
    chosen = "quarter" if grain == "month" else grain
    got = query(empty_db, "SELECT employee_id, strftime(period, '%Y-%m-%d') AS p, metric, value "
                          "FROM metric_values")
    assert {(r.employee_id, r.p, r.metric): r.value for r in got.itertuples()} == \
        pytest.approx(expected(truth, chosen))
    plan = json.loads(query(empty_db, "SELECT plan FROM recipes")["plan"].iloc[0])
    assert plan["sheets"][0]["period_grain"] == (None if chosen == "day" else chosen)
