"""The README's role table and the code's rights say the same thing, cell by cell.

Each row of "What each role may do" is one capability of ``store.access.CAN``; a cell starting
with "–" means the role lacks it. What the other cells' words promise ("their people", "their
org", "everyone") is tested on real data in test_access.py and test_import_scope.py; the org row
(reporting lines) in test_org_chart.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.access import CAN, Viewer

README = Path(__file__).resolve().parents[2] / "README.md"
ROWS = ["people", "notes", "coach", "aggregates", "impact", "import", "org", "catalog",
        "settings", "users", "audit", "digest", "self"]
ROLES = ["local", "manager", "hr", "leadership", "admin", "employee", "unknown"]
ROOTED = {"manager": "M01", "leadership": "M01", "employee": "E001"}


def _table() -> list[list[str]]:
    text = README.read_text(encoding="utf-8").split("### What each role may do", 1)[1]
    body = text.lstrip("\n").split("\n\n", 1)[0]  # the table: up to the first blank line
    lines = [line for line in body.splitlines() if line.startswith("|")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header[1:] == ROLES
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines[2:]]


def test_the_table_has_one_row_per_capability_and_no_capability_is_left_out():
    assert len(_table()) == len(ROWS)
    assert set(ROWS) == set().union(*CAN.values())


@pytest.mark.parametrize(("row", "capability"), list(enumerate(ROWS)), ids=ROWS)
@pytest.mark.parametrize("column", range(len(ROLES)), ids=ROLES)
def test_each_cell_matches_the_code(row, capability, column):
    cell = _table()[row][column + 1]
    role = ROLES[column]
    viewer = Viewer(f"{role}@example.com", role, ROOTED.get(role))
    assert viewer.can(capability) is (not cell.startswith("–")), (capability, role, cell)


@pytest.mark.parametrize(("role", "employee_id", "everyone"), [
    ("local", None, True), ("hr", None, True), ("leadership", None, True),
    ("leadership", "D01", False), ("manager", "M01", False), ("admin", None, False),
    ("employee", "E001", False),
])
def test_who_sees_everyone_matches_the_first_row(role, employee_id, everyone):
    assert Viewer("x@example.com", role, employee_id).sees_everyone is everyone
