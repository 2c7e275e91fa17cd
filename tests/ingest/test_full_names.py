"""First and last name in two columns make the person's name (English and Chinese headers)."""

from __future__ import annotations

import pandas as pd
import pytest

import store

PEOPLE = [("E1", "Leonelle", "Simco"), ("E2", "Ahmed ", "Sykes"), ("E3", "伟", "王"),
          ("E4", "静", "陈")]


def expected(first: str, last: str) -> str:
    """How each is written by hand: Chinese family name first without a space."""
    if all("\u4e00" <= ch <= "\u9fff" for ch in first.strip() + last.strip()):
        return last.strip() + first.strip()
    return f"{first.strip()} {last.strip()}"


@pytest.mark.parametrize(("id_col", "first_col", "last_col", "team_col"), [
    ("EmployeeID", "FirstName", "LastName", "Department"),
    ("Employee ID", "First Name", "Last Name", "Team"),
    ("工号", "名", "姓", "部门"),
])
def test_two_name_columns_make_the_name(tmp_path, id_col, first_col, last_col, team_col):
    frame = pd.DataFrame({id_col: [p[0] for p in PEOPLE], last_col: [p[2] for p in PEOPLE],
                          first_col: [p[1] for p in PEOPLE], team_col: ["Sales"] * len(PEOPLE)})
    con = store.connect(tmp_path / "n.duckdb")
    result = store.import_bytes(con, frame.to_csv(index=False).encode(), "people.csv")
    assert result.status == "loaded", result.as_json()
    names = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    assert names == {i: expected(f, last) for i, f, last in PEOPLE}
