"""Files naming people only by first + last name (no id, no name column): one name made of the
two, matched to the roster like any name (exact, then trimmed / case / full-width), a name two
people share a bad line, a new name a new stable id. Real files: UTF-8 with BOM, GBK, xlsx."""

from __future__ import annotations

import io
import unicodedata

import openpyxl
import pandas as pd
import pytest

import store
from ingest.propose import Hints
from ingest.read import read_sheets
from store.plan_import import import_plan

ROSTER = [("E1", "Ann", "Lee"), ("E2", "伟", "王"), ("E3", "Wei", "Wang"), ("E4", "Wei", "Wang")]
# first, last, month, calls: spelled as exports spell them
ROWS = [("ann", " LEE", "2025-07", 40), ("ＡＮＮ", "Lee", "2025-08", 41), ("伟", "王", "2025-07", 30),
        ("Wei", "Wang", "2025-07", 20), ("Zoe", "Park", "2025-07", 10)]


def key(first: str, last: str) -> str:
    """How the test itself reads a name: full-width folded, trimmed, case-free; 王伟 order."""
    f, la = (unicodedata.normalize("NFKC", x).strip().casefold() for x in (first, last))
    return la + f if "\u4e00" <= (f + la)[:1] <= "\u9fff" else f"{f} {la}"


def csv_file(headers: tuple[str, str], encoding: str) -> bytes:
    frame = pd.DataFrame(ROWS, columns=[*headers, "Month", "Calls"])
    return frame.to_csv(index=False).encode(encoding)


def xlsx_file(headers: tuple[str, str]) -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Calls"
    wb.active.append([*headers, "Month", "Calls"])
    for row in ROWS:
        wb.active.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FILES = {
    "bom.csv": lambda: csv_file(("First Name", "Last Name"), "utf-8-sig"),
    "gbk.csv": lambda: csv_file(("名", "姓"), "gbk"),
    "calls.xlsx": lambda: xlsx_file(("Given Name", "Surname")),
}


@pytest.fixture
def con(tmp_path):
    c = store.connect(tmp_path / "n.duckdb")
    roster = pd.DataFrame(ROSTER, columns=["EmployeeID", "FirstName", "LastName"])
    assert store.import_bytes(c, roster.to_csv(index=False).encode(), "r.csv").status == "loaded"
    yield c
    c.close()


@pytest.mark.parametrize("name", list(FILES))
def test_first_and_last_name_columns_are_matched_to_the_roster(con, name):
    raw = FILES[name]()
    refused = import_plan(con, raw, name)
    assert refused.status == "failed"
    # the one name two roster people share is a bad line naming both ids, nothing else is
    assert refused.errors[["line", "code"]].to_numpy().tolist() == [[5, "ambiguous_name"]]
    assert "E3" in refused.errors["value"].iloc[0]
    assert "E4" in refused.errors["value"].iloc[0]
    done = import_plan(con, raw, name, skip_bad_rows=True)
    assert done.status == "loaded"
    ids = {key(f, la): e for e, f, la in ROSTER if e not in ("E3", "E4")}
    got = con.execute("SELECT employee_id, strftime(period, '%Y-%m'), value FROM metric_values"
                      ).fetchall()
    new = {r[0] for r in got} - set(ids.values())
    want = {(ids.get(key(f, la), "new"), m, float(v)) for f, la, m, v in ROWS if f != "Wei"}
    assert {(e if e not in new else "new", m, v) for e, m, v in got} == want
    (made,) = new  # Zoe Park: a new stable id, in the roster under her name
    assert made.startswith("P-")
    assert con.execute("SELECT name FROM employees WHERE employee_id = ?", [made]
                       ).fetchone()[0] == "Zoe Park"
    assert "First Name" not in done.not_stored
    assert "名" not in done.not_stored


@pytest.mark.parametrize(("headers", "made"), [
    (("First Name", "Last Name"), "Name (First Name + Last Name)"),
    (("姓", "名"), "姓名（姓+名）"),
])
def test_the_name_column_says_what_it_is_made_of(headers, made):
    book = read_sheets(csv_file(headers, "utf-8"), "x.csv")
    table = book.tables[None]
    assert next(iter(table.frame.columns)) == made
    assert table.made_from == {made: list(headers)}


def test_a_file_with_an_id_keeps_its_columns_as_they_are():
    raw = b"EmployeeID,FirstName,LastName\nE1,Ann,Lee\n"
    assert list(read_sheets(raw, "r.csv").tables[None].frame.columns) == [
        "EmployeeID", "FirstName", "LastName"]


def test_an_event_log_by_given_and_surname_counts_each_persons_events(con):
    people = [("Ann", "Lee"), ("Zoe", "Park"), ("Wei", "Wang ")]
    calls = [(f"C{i:03d}", *people[i % 3 if i % 5 else 0], f"2025-07-{1 + i % 28:02d}")
             for i in range(90)]
    wb = openpyxl.Workbook()
    wb.active.append(["Call Id", "Given Name", "Surname", "Date"])
    for row in calls:
        wb.active.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    result = import_plan(con, buf.getvalue(), "calls.xlsx", skip_bad_rows=True,
                         hints=Hints(include_partial=True))  # July's weeks, whole or not
    assert result.status == "loaded", result.as_json()
    frame = pd.DataFrame(calls, columns=["id", "first", "last", "date"])
    wei = frame["first"] == "Wei"
    # Wei Wang names two roster people: their weeks are bad lines (named by a first call)
    assert result.rows_rejected > 0
    assert wei.any()
    got = con.execute("SELECT e.name, sum(v.n_events) FROM metric_values v JOIN employees e "
                      "USING (employee_id) WHERE v.metric = 'Calls' GROUP BY 1").fetchall()
    want = frame[~wei].assign(name=lambda f: f["first"] + " " + f["last"].str.strip()
                              ).groupby("name").size()
    assert dict(got) == want.to_dict()
