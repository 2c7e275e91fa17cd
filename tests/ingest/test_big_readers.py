"""The readers behind a million-row import, on files built here.

Workbooks go through python-calamine (``ingest.xlsx``) a block of rows at a time: real date
cells (in values and as period headers), Excel time and duration cells, two sheets, formulas'
cached values, percent cells and error values, a title above the header, blank rows and a first
column left empty; a sheet too big to read within the memory limit (a cell far away, a long
shared text in every cell) is refused before parsing. Text files go through pyarrow (``ingest.fastcsv``): GBK, a UTF-8 BOM, CRLF.
Every stored figure is checked against a pandas groupby of the generated rows
(``tests/ingest/event_log.py``); bad lines are named by their number.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time, timedelta

import numpy as np
import openpyxl
import pandas as pd
import pytest

import store
from ingest import xlsx, xlsx_shared, xlsx_survey
from ingest.model import IngestError
from ingest.propose import Hints
from ingest.read import read_upload
from store.plan_import import import_plan
from tests.ingest import event_log

TITLE_ROWS = 2  # a title, then a blank row; the header is on row 3
BLANK_EVERY = 40  # a blank row after every 40 calls
MONTHS = [datetime(2025, 1, 1), datetime(2025, 2, 1)]


def _rows_with_blanks(truth: pd.DataFrame) -> list[tuple[int, object]]:
    """(Excel row, call) of every call: header on row 3, a blank row after every 40 calls."""
    out, row = [], TITLE_ROWS + 2
    for i, call in enumerate(truth.itertuples(index=False)):
        out.append((row, call))
        row += 2 if i % BLANK_EVERY == BLANK_EVERY - 1 else 1
    return out


def _calls_sheet(ws, truth: pd.DataFrame) -> None:
    """The log from column B: date cells, bool cells, time / duration cells, ratings as
    formulas (their cached values are written into the XML afterwards)."""
    ws.title = "Calls"
    ws["B1"] = "Call log, January-February 2025"
    for col, header in enumerate(event_log.HEADERS, start=2):
        ws.cell(TITLE_ROWS + 1, col, header)
    for i, (row, r) in enumerate(_rows_with_blanks(truth)):
        talk = None if not r.answered else (
            time(int(r.talk) // 3600, int(r.talk) % 3600 // 60, int(r.talk) % 60)
            if i % 2 else timedelta(seconds=int(r.talk)))
        cells = [r.call_id, f" {r.agent} ", r.team, r.date.to_pydatetime(),
                 "Y" if r.answered else "N", bool(r.resolved),
                 None if not r.answered else int(r.speed), talk,
                 None if not r.answered else f"={int(r.rating)}+0"]
        for col, value in enumerate(cells, start=2):
            cell = ws.cell(row, col, value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, time):
                cell.number_format = "h:mm:ss"
            elif isinstance(value, timedelta):
                cell.number_format = "[h]:mm:ss"


def _quality_sheet(ws, quality: dict[tuple[str, datetime], float]) -> None:
    """Periods across: real date cells as month headers, percent-formatted scores."""
    ws.append(["Name", *MONTHS])
    for cell in ws[1][1:]:
        cell.number_format = "mmm-yy"
    for agent in event_log.AGENTS:
        ws.append([agent, *(quality[(agent, m)] for m in MONTHS)])
        for cell in ws[ws.max_row][1:]:
            cell.number_format = "0.0%"


def _cache_formulas(raw: bytes, error_row: int | None = None) -> bytes:
    """The workbook as Excel saves it: each formula with its cached value (openpyxl writes
    none); ``error_row``'s speed cell an error value (#DIV/0!)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<f>(\d+)\+0</f><v\s*/>", rb"<f>\1+0</f><v>\1</v>", data)
                if error_row is not None:
                    data = re.sub(rf'<c r="H{error_row}"[^>]*>.*?</c>'.encode(),
                                  f'<c r="H{error_row}" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
                                  .encode(), data)
            dst.writestr(item, data)
    return out.getvalue()


def workbook(truth: pd.DataFrame, quality: dict, error_row: int | None = None) -> bytes:
    wb = openpyxl.Workbook()
    _calls_sheet(wb.active, truth)
    _quality_sheet(wb.create_sheet("Quality"), quality)
    buf = io.BytesIO()
    wb.save(buf)
    return _cache_formulas(buf.getvalue(), error_row)


def quality_scores(seed: int = 3) -> dict[tuple[str, datetime], float]:
    rng = np.random.default_rng(seed)
    return {(a, m): round(float(rng.uniform(0.6, 1.0)), 3)
            for a in event_log.AGENTS for m in MONTHS}


def stored(con) -> pd.DataFrame:
    frame = con.execute(
        "SELECT e.name AS employee_id, period::TIMESTAMP AS period, metric, value, n_events, "
        "partial FROM metric_values JOIN employees e USING (employee_id)").df()
    return frame.set_index(["employee_id", "period", "metric"]).sort_index()


def run(tmp_path, raw: bytes, name: str):
    con = store.connect(tmp_path / "c.duckdb")
    return con, import_plan(con, raw, name, hints=Hints(grain="week"))


@pytest.mark.parametrize("block", [160, 1 << 20])  # cells: 16 rows at a time, and all at once
def test_a_two_sheet_workbook_stores_what_pandas_computes(tmp_path, monkeypatch, block):
    monkeypatch.setattr(xlsx, "_BLOCK", block)
    truth, quality = event_log.calls(), quality_scores()
    con, result = run(tmp_path, workbook(truth, quality), "calls.xlsx")
    assert result.status == "loaded", result.as_json()
    got = stored(con)
    calls = got[got.index.get_level_values("metric") != "Quality"]
    want = event_log.expected(truth, "week", False).sort_index()
    assert calls.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(calls["value"].to_numpy(float), want["value"].to_numpy(float),
                               rtol=1e-12)
    assert calls["n_events"].tolist() == want["n_events"].tolist()
    scores = got.xs("Quality", level="metric")["value"].to_dict()
    assert scores == pytest.approx({k: 100 * v for k, v in quality.items()})
    assert result.rows_read == len(truth) + len(event_log.AGENTS)


def test_the_sheet_reads_as_excel_shows_it(monkeypatch):
    monkeypatch.setattr(xlsx, "_BLOCK", 160)
    truth = event_log.calls()
    table = xlsx.read_xlsx_table(workbook(truth, quality_scores()), "Calls")
    rows = _rows_with_blanks(truth)
    assert table.header_line == TITLE_ROWS + 1
    assert table.lines.tolist() == [row for row, _ in rows]
    assert table.titles == ["Call log, January-February 2025"]
    assert list(table.frame.columns) == ["column_1", *event_log.HEADERS]
    frame = table.frame
    assert frame["column_1"].isna().all()
    assert frame["Agent"].tolist() == truth["agent"].tolist()  # trimmed
    assert frame["Date"].tolist() == truth["date"].dt.strftime("%Y-%m-%d").tolist()
    assert frame["Resolved"].tolist() == np.where(truth["resolved"], "true", "false").tolist()
    answered = truth["answered"].to_numpy()
    talk = frame["Talk time"][answered].tolist()
    seconds = truth["talk"][answered].astype(int)
    # time cells show as h:mm:ss; duration cells as seconds (both read as seconds later)
    assert talk == [f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" if i % 2 else str(s)
                    for i, s in zip(np.flatnonzero(answered), seconds, strict=True)]
    assert frame["Satisfaction rating"][answered].astype(float).tolist() == \
        truth["rating"][answered].tolist()
    assert frame["Satisfaction rating"][~answered].isna().all()


def test_period_headers_that_are_date_cells_and_percent_cells():
    quality = quality_scores()
    table = xlsx.read_xlsx_table(workbook(event_log.calls(), quality), "Quality")
    assert list(table.frame.columns) == ["Name", "2025-01-01", "2025-02-01"]
    want = [[f"{100 * quality[(a, m)]:.10g}%" for m in MONTHS] for a in event_log.AGENTS]
    assert table.frame[["2025-01-01", "2025-02-01"]].to_numpy().tolist() == want


def test_an_error_value_is_a_bad_line_and_nothing_is_stored(tmp_path):
    truth = event_log.calls()
    rows = _rows_with_blanks(truth)
    row = next(r for r, call in rows if call.answered)
    con, result = run(tmp_path, workbook(truth, quality_scores(), error_row=row), "calls.xlsx")
    assert result.status == "failed"
    errors = result.as_json()["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [(row, "Speed of answer in seconds")]
    assert "#DIV/0!" in errors[0]["message"]
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 0


def _text_log(truth: pd.DataFrame, encoding: str, newline: str) -> bytes:
    lang = "zh" if encoding == "gbk" else "en"
    text = event_log.csv_bytes(truth, lang).decode("gbk" if lang == "zh" else "utf-8")
    return text.replace("\n", newline).encode(encoding)


@pytest.mark.parametrize(("encoding", "newline"),
                         [("gbk", "\n"), ("gbk", "\r\n"), ("utf-8-sig", "\n"),
                          ("utf-8-sig", "\r\n")])
def test_big_text_logs_store_what_pandas_computes(tmp_path, encoding, newline):
    truth = event_log.calls()
    con, result = run(tmp_path, _text_log(truth, encoding, newline), "calls.csv")
    assert result.status == "loaded", result.as_json()
    lang = "zh" if encoding == "gbk" else "en"
    want = event_log.expected(truth, "week", False, lang).sort_index()
    got = stored(con)
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float),
                               rtol=1e-12)
    assert got["n_events"].tolist() == want["n_events"].tolist()


@pytest.mark.parametrize(("encoding", "newline"), [("gbk", "\r\n"), ("utf-8-sig", "\n")])
def test_every_bad_line_of_a_big_text_log_is_named(tmp_path, encoding, newline):
    truth = event_log.calls()
    lines = _text_log(truth, encoding, newline).split(newline.encode())
    answered = [i + 2 for i in np.flatnonzero(truth["answered"])]  # file lines of answered
    flag, clock, foreign = answered[3], answered[40], answered[77]
    yes = "是".encode("gbk") if encoding == "gbk" else b"Y"
    lines[flag - 1] = lines[flag - 1].replace(b"," + yes + b",", b",maybe,", 1)
    lines[clock - 1] = re.sub(rb"\d+:\d\d:\d\d", b"ten minutes", lines[clock - 1])
    # A line no encoding of the rest reads: a NUL byte in GBK, a GBK line in UTF-8.
    lines[foreign - 1] = lines[foreign - 1] + b"\x00" if encoding == "gbk" else \
        lines[foreign - 1].decode(encoding).encode("gbk") + "满意".encode("gbk")
    con, result = run(tmp_path, newline.encode().join(lines), "calls.csv")
    assert result.status == "failed"
    named = sorted({e["line"] for e in result.as_json()["errors"]})
    assert named == sorted([flag, clock, foreign])
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 0


def _far_cell(ref: str) -> bytes:
    """Two cells a few bytes apart in the XML: a header on A1 and a value on ``ref``."""
    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Score"])
    wb.active.append(["Ann", 7])
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="B2"', f'<c r="{ref}"'.encode(), data)
            dst.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(("ref", "rows", "columns"), [
    ("ZZ1048576", "1,048,576", "702"),  # 23 GB as one grid: measured, never allocated
    ("B99999999", "99,999,999", "2"),
])
def test_a_sheet_reaching_too_far_is_refused_before_it_is_read(ref, rows, columns):
    with pytest.raises(IngestError) as info:
        read_upload(_far_cell(ref), "far.xlsx")
    assert info.value.code == "sheet_too_big"
    assert info.value.params == {"sheet": "Sheet", "rows": rows, "columns": columns}
    assert rows in info.value.message("en")
    assert rows in info.value.message("zh")


def test_a_sheet_reaching_a_little_further_is_read():
    table = read_upload(_far_cell("D40"), "far.xlsx")
    assert table.lines.tolist() == [2, 40]
    cells = table.frame.astype(object).where(table.frame.notna(), None).to_numpy().tolist()
    assert cells == [["Ann", None, None, None], [None, None, None, "7"]]


def _shared_workbook(path, notes: list[str]) -> bytes:
    """A sheet (shared strings, as Excel writes them) of a note per row."""
    from bench import _xlsx

    _xlsx.write(path, pd.DataFrame({"Name": [f"P{i}" for i in range(len(notes))],
                                    "Note": notes}), {})
    return path.read_bytes()


def test_a_long_shared_text_in_every_cell_is_refused_before_it_is_copied(tmp_path):
    # One 30 KB text, 50,000 cells referring to it: 1.5 GB once calamine copies it per cell.
    raw = _shared_workbook(tmp_path / "copies.xlsx", ["x" * 30_000] * 50_000)
    with pytest.raises(IngestError) as info:
        read_upload(raw, "copies.xlsx")
    assert info.value.code == "sheet_too_big"


def test_shared_text_copies_are_counted_cell_by_cell_when_one_is_long(tmp_path):
    notes = ["n" * 2_000, *(f"short {i % 7}" for i in range(999))]
    raw = _shared_workbook(tmp_path / "notes.xlsx", notes)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        found = xlsx_survey.survey(archive, "xl/worksheets/sheet1.xml", set(),
                                   xlsx_shared.lengths(archive))
    # every text cell (the header's too) copies its string (+ 16 bytes an allocation costs)
    texts = ["Name", "Note", *(f"P{i}" for i in range(len(notes))), *notes]
    assert found.shared == sum(len(t.encode()) + 16 for t in texts)
    assert read_upload(raw, "notes.xlsx").frame["Note"].tolist() == notes


def _opendocument() -> bytes:
    """A small OpenDocument spreadsheet (a zip calamine reads, but not an xlsx)."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{t}</text:p>'
                    "</table:table-cell>" for t in ("Name", "Score"))
    content = (f"<office:document-content {ns}><office:body><office:spreadsheet>"
               f'<table:table table:name="S"><table:table-row>{cells}</table:table-row>'
               f'<table:table-row table:number-rows-repeated="1000">{cells}</table:table-row>'
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return out.getvalue()


def test_a_zip_that_is_no_xlsx_is_refused_unread():
    # calamine would read it (repeated rows and all) without the survey's measure
    with pytest.raises(IngestError) as info:
        read_upload(_opendocument(), "sheet.xlsx")
    assert info.value.code == "bad_workbook"
