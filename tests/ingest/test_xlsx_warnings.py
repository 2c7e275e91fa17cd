"""openpyxl's warnings about parts it drops (extensions of pivot dashboards) never reach the
terminal: the workbook is read and imported without a line on stderr."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

import cli
from ingest.xlsx import read_xlsx_table, read_xlsx_tables

ROWS = [["工号", "月份", "销售额"], ["E1", "2025-07", "10"], ["E2", "2025-07", "20"]]
# A conditional-formatting extension (x14), which openpyxl warns it does not support.
EXT = (b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}">'
       b'<x:y xmlns:x="urn:x"/></ext></extLst></worksheet>')


def workbook() -> bytes:
    """A two-sheet workbook whose sheets both carry the extension."""
    wb = openpyxl.Workbook()
    for i, title in enumerate(("Sales", "More")):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        for row in ROWS:  # other people on the second sheet
            ws.append([row[0].replace("E", f"E{i}"), *row[1:]])
    buf, out = io.BytesIO(), io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</worksheet>", EXT)
            dst.writestr(item, data)
    return out.getvalue()


def test_openpyxl_itself_warns_about_this_workbook():
    wb = openpyxl.load_workbook(io.BytesIO(workbook()), read_only=True)
    with pytest.warns(UserWarning, match="extension is not supported"):
        list(wb.worksheets[0].iter_rows())
    wb.close()


@pytest.mark.parametrize("read", [lambda raw: read_xlsx_table(raw, "More"),
                                  lambda raw: read_xlsx_table(raw, None), read_xlsx_tables])
def test_the_readers_stay_silent(recwarn, read):
    read(workbook())  # pytest's filterwarnings=error would raise on any warning
    assert not recwarn.list


def test_cli_import_prints_no_warning(capfd, tmp_path):
    path = tmp_path / "dashboard.xlsx"
    path.write_bytes(workbook())
    code = cli.main(["import", str(path), "--db", str(tmp_path / "c.duckdb")])
    out = capfd.readouterr()
    assert code == 0, out
    assert "Warning" not in out.err
    assert "loaded" in out.out
