"""OWASP's CSV-injection payloads never reach a spreadsheet as formulas, in any export.

The payloads are imported as names, teams, metric names, coaches and notes; every CSV and
XLSX the pages offer and the CLI prints is read back and every cell must start harmlessly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

import cli
import store
from reports import followup
from reports.board import board_view
from reports.board_export import to_xlsx as board_xlsx
from reports.impact import exports as impact_exports
from reports.impact import impact_report
from reports.safe import neutralise, neutralise_text
from tests.hostile.conftest import FORMULAS, build

DANGER = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def harmless(cell: object) -> bool:
    """A cell a spreadsheet shows as it is: a number, or text not starting like a formula."""
    if not isinstance(cell, str):
        return True
    try:
        float(cell)  # "-0.5" is a number to a spreadsheet, not a formula
        return True
    except ValueError:
        pass
    return not cell.startswith(DANGER) and not cell.lstrip().startswith(DANGER)


def csv_cells(raw: bytes | str) -> list[str]:
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def xlsx_cells(raw: bytes) -> list[object]:
    book = load_workbook(io.BytesIO(raw))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                cells.append(cell.value)
    return cells


def assert_safe(cells: list[object], *, must_show: list[str]) -> None:
    """Every cell harmless, and the payloads are there (neutralised), so nothing was dropped."""
    bad = [c for c in cells if not harmless(c)]
    assert bad == []
    text = "\n".join(str(c) for c in cells)
    for payload in must_show:
        assert neutralise_text(payload.strip()) in text or neutralise_text(payload) in text


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("formulas") / "f.duckdb", FORMULAS,
                 teams=FORMULAS[:4], metrics=FORMULAS[:4], notes=FORMULAS)


@pytest.mark.parametrize("payload", FORMULAS)
def test_neutralise_every_payload(payload):
    frame = neutralise(__import__("pandas").DataFrame({payload: [payload, 1.5, None]}))
    assert harmless(frame.columns[0])
    assert harmless(frame.iloc[0, 0])
    assert frame.iloc[0, 0] == "'" + payload  # nothing lost: the text follows the apostrophe
    assert frame.iloc[1, 0] == 1.5


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_followup_record(formula_db, fmt):
    con = store.connect(formula_db)
    record = followup.followup_record(con)
    con.close()
    assert len(record) == len(FORMULAS)
    raw = followup.to_csv(record) if fmt == "csv" else followup.to_xlsx(record)
    cells = csv_cells(raw) if fmt == "csv" else xlsx_cells(raw)
    assert_safe(cells, must_show=FORMULAS)


def test_board_workbook(formula_db):
    con = store.connect(formula_db)
    raw = board_xlsx(board_view(con), "en")
    con.close()
    assert_safe(xlsx_cells(raw), must_show=FORMULAS[:4])


def test_impact_downloads(formula_db):
    con = store.connect(formula_db)
    report = impact_report(con)
    con.close()
    assert not report.employees.empty
    csv_raw, xlsx_raw = impact_exports(report.employees)
    assert_safe(csv_cells(csv_raw), must_show=[n.strip() for n in FORMULAS])
    assert_safe(xlsx_cells(xlsx_raw), must_show=[n.strip() for n in FORMULAS])


@pytest.mark.parametrize("command", [["flags"], ["board"], ["due"], ["flags", "--lang", "zh"]])
def test_cli_csv(formula_db, capsys, command):
    assert cli.main([*command, "--db", str(formula_db), "--format", "csv"]) == 0
    cells = csv_cells(capsys.readouterr().out)
    assert len(cells) > 10
    assert [c for c in cells if not harmless(c)] == []
