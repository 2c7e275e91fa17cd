"""The Import page's choices change what lands in the database: the kind radio of a file (or
a workbook's sheet) that could be metrics or a roster, and the multiselect confirming a metric
may hold values that look implausible (a rate over 100%)."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook

from i18n import t
from tests.views.conftest import make_app
from tests.views.test_import_sheets_page import click, query, upload
from tests.workbooks import save

# A date-ish LastReviewDate and a Department: a list of people, or their review scores?
REVIEWS = pd.DataFrame({"EmployeeID": ["A1", "A2", "A3"], "Department": ["Sales", "Ops", "Ops"],
                        "LastReviewDate": ["2024-03-04", "2024-05-06", "2024-03-04"],
                        "Score": ["4", "3.5", "5"]})


def radio(at):
    return next(r for r in at.radio if r.key and r.key.startswith("kind_ask:"))


def stored_values(db) -> set[tuple]:
    got = query(db, "SELECT employee_id, strftime(period, '%Y-%m-%d') AS d, metric, value "
                    "FROM metric_values")
    return set(got.itertuples(index=False, name=None))


def teams(db) -> dict[str, str]:
    got = query(db, "SELECT employee_id, team FROM employees WHERE team IS NOT NULL")
    return dict(got.itertuples(index=False, name=None))


@pytest.mark.parametrize("kind", ["metrics", "roster"])
def test_the_kind_chosen_for_a_file_is_what_is_stored(monkeypatch, empty_db, kind):
    raw = REVIEWS.to_csv(index=False).encode("utf-8-sig")
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "reviews.csv", raw)
    assert t("people.kind_ask") in [w.value for w in at.warning]
    assert not [b for b in at.button if b.key and b.key.startswith("go:")]  # asks first
    radio(at).set_value(kind).run()
    click(at, "go:")
    assert not at.exception
    scores = {(r.EmployeeID, r.LastReviewDate, "Score", float(r.Score))
              for r in REVIEWS.itertuples()}
    assert stored_values(empty_db) == (scores if kind == "metrics" else set())
    assert teams(empty_db) == dict(zip(REVIEWS["EmployeeID"], REVIEWS["Department"],
                                       strict=True))


def _book() -> bytes:
    wb = Workbook()
    wb.active.title = "People"
    wb.active.append(["工号", "姓名"])
    for person in REVIEWS["EmployeeID"]:
        wb.active.append([person, f"员工{person}"])
    reviews = wb.create_sheet("Reviews")
    reviews.append(list(REVIEWS.columns))
    for row in REVIEWS.itertuples(index=False):
        reviews.append(list(row))
    return save(wb)


@pytest.mark.parametrize("kind", [None, "metrics", "roster"])
def test_a_sheet_asking_its_kind_is_imported_as_answered(monkeypatch, empty_db, kind):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "hr.xlsx", _book())
    if kind is not None:
        radio(at).set_value(kind).run()
    click(at, "go:")
    assert not at.exception
    names = query(empty_db, "SELECT employee_id, name FROM employees")
    assert dict(names.itertuples(index=False, name=None)) == {
        p: f"员工{p}" for p in REVIEWS["EmployeeID"]}  # the People sheet either way
    scores = {(r.EmployeeID, r.LastReviewDate, "Score", float(r.Score))
              for r in REVIEWS.itertuples()}
    assert stored_values(empty_db) == (scores if kind == "metrics" else set())
    # unanswered, the sheet is left out: its departments are not stored either
    want = {} if kind is None else dict(zip(REVIEWS["EmployeeID"], REVIEWS["Department"],
                                            strict=True))
    assert teams(empty_db) == want


ROWS = [("E1", "2025-07-07", 96.5, 40), ("E2", "2025-07-07", 130.0, 35),
        ("E1", "2025-07-14", 97.0, 42), ("E2", "2025-07-14", 88.0, 30)]


def _rates() -> bytes:
    lines = "".join(f"{e},{d},{r},{n}\n" for e, d, r, n in ROWS)
    return ("工号,周开始日期,接通率(%),接通量\n" + lines).encode("gbk")


def _expected(allowed: bool) -> set[tuple]:
    """Every value, or (rows with a rate over 100% left out) the plausible lines only."""
    kept = [r for r in ROWS if allowed or r[2] <= 100]
    return {(e, d, m, float(v)) for e, d, rate, n in kept
            for m, v in (("接通率", rate), ("接通量", n))}


def test_without_confirming_the_metric_the_implausible_line_is_refused(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "rates.csv", _rates())
    allow = next(m for m in at.multiselect if m.key and m.key.startswith("allow:"))
    assert allow.options == ["接通率"]
    assert t("report.bad", bad=1, good=3, total=4) in [w.value for w in at.warning]
    click(at, "go:")
    assert stored_values(empty_db) == set()  # all or nothing
    click(at, "skip:")  # "import the valid rows only"
    assert stored_values(empty_db) == _expected(allowed=False)


def test_confirming_the_metric_imports_its_value_as_it_is(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "rates.csv", _rates())
    allow = next(m for m in at.multiselect if m.key and m.key.startswith("allow:"))
    allow.select("接通率").run()
    assert t("report.ok", total=len(ROWS)) in [s.value for s in at.success]
    click(at, "go:")
    assert not at.exception
    assert stored_values(empty_db) == _expected(allowed=True)
