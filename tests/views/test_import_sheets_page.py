"""The Import page on workbooks: each sheet shown with what it was recognised as, included or
left out, imported as one; a file of a known shape imported in one click by its recipe; events
sheets show their KPI table and grain; recipes renamed and deleted on the page."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import store
from i18n import t
from ingest.headers import split_unit
from ingest.messages import describe
from tests.ingest.event_log import calls, xlsx_bytes
from tests.views.conftest import make_app
from tests.workbooks import roster_rows, sales_rows, sales_workbook
from ui.kpis import NONE, kpis_from_rows
from ui.text import md

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(at, name: str, raw: bytes):
    at.file_uploader(key="upload_file").set_value((name, raw, MIME)).run()
    assert not at.exception, at.exception
    return at


def click(at, prefix: str) -> None:
    """Click the button whose key starts with ``prefix`` (keys carry the file's hash)."""
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith(prefix))
              ).click().run()


def sheet_kinds(at) -> dict[str, str]:
    """Each sheet's kind selectbox (key ``kind:<file>:<sheet>``) -> its value."""
    return {s.key.split(":", 2)[2]: s.value for s in at.selectbox
            if s.key and s.key.startswith("kind:")}


def recipe_names(at) -> list[str]:
    """The names in the page's recipes table."""
    column = t("sheets.recipes.col.name")
    return next(d.value[column].tolist() for d in at.dataframe if column in d.value.columns)


def query(db, sql: str) -> pd.DataFrame:
    """Read the page's database (the same process holds it open: same configuration)."""
    con = store.connect(db)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def stored(db) -> pd.DataFrame:
    return query(db, "SELECT employee_id, period, metric, value, target FROM metric_values")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_sheet_is_shown_with_what_it_was_recognised_as(monkeypatch, empty_db, lang):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py", lang=lang),
                "Sales.xlsx", sales_workbook(sales_rows(), roster_rows()))
    assert sheet_kinds(at) == {"Actuals": "metrics", "Target": "targets", "People": "roster",
                               "Calendar": "skip"}  # the empty sheet has nothing to choose
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Target") and t("kind.targets", lang) in label
               for label in labels)
    captions = [c.value for c in at.caption]
    for note in ("helper_sheet", "empty_sheet"):  # why a sheet is skipped, in a sentence
        assert md(describe(note, lang)) in captions
    assert t("report.ok", lang, total=len(sales_rows()) + len(roster_rows())) in [
        s.value for s in at.success]


def test_the_workbook_imports_as_one_and_saves_its_recipe(monkeypatch, empty_db):
    rows, people = sales_rows(), roster_rows()
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "Sales.xlsx",
                sales_workbook(rows, people))
    click(at, "go:")
    assert not at.exception
    assert t("sheets.recipe.saved", name="Sales") in [c.value for c in at.caption]
    got = stored(empty_db).assign(period=lambda d: pd.to_datetime(d["period"]))
    want = rows.merge(got, on=["employee_id", "period", "metric"], suffixes=("", "_db"))
    assert len(want) == len(rows) == len(got)
    assert (want["value"] == want["value_db"]).all()
    assert (want["target"] == want["target_db"]).all()
    assert query(empty_db, "SELECT kind FROM imports")["kind"].tolist() == ["roster+metrics"]


def test_a_sheet_left_out_is_not_imported(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "Sales.xlsx",
                sales_workbook(sales_rows(), roster_rows()))
    people = next(s for s in at.selectbox if s.key and s.key.endswith(":People"))
    people.select("skip").run()
    click(at, "go:")
    assert not at.exception
    named = query(empty_db, "SELECT count(*) AS n FROM employees WHERE name IS NOT NULL")
    assert named["n"].iloc[0] == 0  # the roster sheet was left out; the metrics named no one


def test_the_next_file_of_the_same_shape_imports_in_one_click(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "Sales Jan.xlsx",
                sales_workbook(sales_rows(), roster_rows()))
    click(at, "go:")
    later = sales_rows(people=8, months=4, seed=3)
    upload(at, "Sales Feb.xlsx", sales_workbook(later, roster_rows(8)))
    offer = [i.value for i in at.info]
    assert any("Sales Jan" in text for text in offer), offer
    click(at, "recipe_go:")
    assert not at.exception
    got = stored(empty_db)
    assert len(got) == len(later)  # the second file's rows replace and extend the first's
    assert recipe_names(at) == ["Sales Jan"]


def test_recipes_are_renamed_and_deleted_on_the_page(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "Sales.xlsx",
                sales_workbook(sales_rows(), roster_rows()))
    click(at, "go:")
    at.text_input(key="recipe_new_name").input("Monthly sales").run()
    at.button(key="recipe_rename").click().run()
    assert recipe_names(at) == ["Monthly sales"]
    assert at.button(key="recipe_delete").disabled
    at.checkbox(key="recipe_sure").check().run()
    at.button(key="recipe_delete").click().run()
    assert not at.exception
    assert t("sheets.recipes.empty") in [c.value for c in at.caption]


def test_an_events_sheet_shows_its_kpis_and_grain(monkeypatch, empty_db):
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "calls.xlsx",
                xlsx_bytes(calls()))
    (editor,) = at.data_editor
    proposed = editor.value
    assert "Calls" in proposed["name"].tolist()
    grain = next(s for s in at.selectbox if s.key and s.key.startswith("grain:"))
    assert grain.value in ("week", "month")
    click(at, "go:")
    assert not at.exception
    metrics = set(query(empty_db, "SELECT DISTINCT metric FROM metric_values")["metric"])
    assert metrics == {split_unit(n)[0] for n in proposed["name"]}  # "Talk time (s)": unit s


@pytest.mark.parametrize(("rows", "names", "unread"), [
    ([{"name": "Calls", "agg": "count"}], ["Calls"], []),
    ([{"name": "Talk", "agg": "mean", "column": None}], [], ["Talk"]),
    ([{"name": "Talk", "agg": "mean", "column": NONE, "direction": NONE}], [], ["Talk"]),
    ([{"name": "Won", "agg": "count", "where_column": "Stage", "where_value": "Won"},
      {"name": None, "agg": "sum"}, {"name": "x", "agg": float("nan")}], ["Won"], []),
])
def test_kpi_rows_become_kpis(rows, names, unread):
    kpis, left = kpis_from_rows(rows)
    assert [k.name for k in kpis] == names
    assert left == unread


def test_a_sheet_name_is_shown_as_text_never_markup(monkeypatch, empty_db):
    from openpyxl import load_workbook

    from tests.workbooks import save

    wb = load_workbook(io.BytesIO(sales_workbook(sales_rows(), roster_rows())))
    hostile = "# <img src=x onerror=alert(1)>"  # Excel forbids [ ] : * ? / \ in a title
    wb["People"].title = hostile
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "x.xlsx", save(wb))
    label = next(e.label for e in at.expander if "onerror" in e.label)
    assert label.startswith(md(hostile))


def test_periods_across_without_a_metric_name_ask_for_it_on_the_page(monkeypatch, empty_db):
    from openpyxl import Workbook

    from tests.workbooks import save

    wb = Workbook()
    wb.active.title = "Sheet1"  # says nothing about what is measured; no title row either
    wb.active.append(["工号", "2024-01", "2024-02", "2024-03"])
    want = {("E1", "2024-01"): 5.0, ("E1", "2024-02"): 6.0, ("E1", "2024-03"): 7.0,
            ("E2", "2024-01"): 1.0, ("E2", "2024-02"): 2.0, ("E2", "2024-03"): 3.0}
    for person in ("E1", "E2"):
        wb.active.append([person, *(want[(person, m)] for m in ("2024-01", "2024-02", "2024-03"))])
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "budget.xlsx", save(wb))
    assert t("sheets.ask.metric") in [w.value for w in at.warning]
    at.text_input(key=next(i.key for i in at.text_input if i.key.startswith("metric:"))
                  ).input("Revenue").run()
    click(at, "go:")
    assert not at.exception
    got = query(empty_db, "SELECT employee_id, strftime(period, '%Y-%m') AS m, metric, value "
                          "FROM metric_values")
    assert set(got["metric"]) == {"Revenue"}
    assert {(r.employee_id, r.m): r.value for r in got.itertuples()} == want
