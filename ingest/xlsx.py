"""Read XLSX sheets into tables of text cells, the way a person sees them in Excel.

python-calamine (Rust) parses each sheet's XML and gives every cell's value: a formula's
cached value, dates, times and durations typed by their number format. The rows become text a
column and a million cells at a time, as Arrow arrays (a million-row sheet is never a million
Python lists of text; ``ingest.xlsx_cells`` makes the text); ``ingest.xlsx_marks`` adds what
calamine does not tell (percent formats, error values). Row numbers are Excel's; columns start
at A, as Excel shows them.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from ingest import xlsx_marks, xlsx_shared
from ingest.limits import check_cells, check_size, check_unpacked
from ingest.model import IngestError, RawTable
from ingest.records import HEADER_SEARCH, notes_above, pick_header, titles_above, trim, unique_names
from ingest.xlsx_cells import PERCENT, STR, cell_text, column_text
from ingest.xlsx_survey import survey

Row = list[str | None]
_BLOCK = 1 << 20  # cells turned into text at once (65,536 rows of 16 columns)


def _open(raw: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except (CalamineError, OSError, ValueError) as exc:
        raise IngestError("bad_workbook") from exc


@dataclass
class _Book:
    """An open workbook and what every sheet's survey needs from it."""

    calamine: CalamineWorkbook
    archive: zipfile.ZipFile
    paths: dict[str, str]  # sheet name -> its XML in the zip
    percent: set[int]  # the percent styles
    shared: np.ndarray  # bytes of each shared string


class _Sheet:
    """One worksheet's rows with the cells ``ingest.xlsx_marks`` found put right."""

    def __init__(self, book: _Book, name: str) -> None:
        path = book.paths.get(name)
        if path is None or path not in book.archive.namelist():
            raise IngestError("bad_workbook")  # not measured, not read
        found = survey(book.archive, path, book.percent, book.shared)
        check_cells(name, found.cost(), found.rows, found.columns)  # before calamine allocates
        try:
            sheet = book.calamine.get_sheet_by_name(name)
        except CalamineError as exc:
            raise IngestError("bad_workbook") from exc
        self.rows: Iterator[list] = sheet.iter_rows()  # from row 1; columns from `pad`
        self.pad = sheet.start[1] if sheet.start else 0
        self.marks: dict[int, list[tuple[int, str | None]]] = {}
        for (row, col), text in [*((c, None) for c in found.percent), *found.errors.items()]:
            self.marks.setdefault(row, []).append((col - self.pad, text))

    def fix(self, row: list, line: int) -> list:
        """``row`` (Excel row ``line``) with its percent cells and error values as shown."""
        for col, text in self.marks.get(line, ()):
            if 0 <= col < len(row):
                row[col] = text if text is not None else cell_text(row[col], PERCENT)
        return row


def _head(sheet: _Sheet) -> tuple[list[Row], list[int], list[list]]:
    """The first non-blank rows (as text) up to the header search's end, their row numbers,
    and every row read so far (raw, blank ones too, from row 1)."""
    head: list[Row] = []
    lines: list[int] = []
    pulled: list[list] = []
    for line, row in enumerate(sheet.rows, start=1):
        pulled.append(row)
        cells = [None] * sheet.pad + [cell_text(v) for v in sheet.fix(list(row), line)]
        if any(cells):
            head.append(cells)
            lines.append(line)
            if len(head) > HEADER_SEARCH:
                break
    return head, lines, pulled


def _blocks(sheet: _Sheet, rows: Iterator[list], first: int) -> Iterator[tuple[list, np.ndarray]]:
    """The non-blank rows from Excel row ``first`` on, ``_BLOCK`` cells at a time: the columns
    as Arrow text and the row numbers."""
    line, size = first, 1
    while block := list(itertools.islice(rows, size)):
        size = max(1, _BLOCK // len(block[0])) if block[0] else _BLOCK
        block = [sheet.fix(r, line + i) for i, r in enumerate(block)]
        columns = [column_text(c) for c in zip(*block, strict=True)]
        keep = np.zeros(len(block), dtype=bool)
        for col in columns:
            keep |= col.is_valid().to_numpy(zero_copy_only=False)
        lines = np.arange(line, line + len(block))
        line += len(block)
        if keep.any():
            mask = pa.array(keep)
            yield [c.filter(mask) for c in columns], lines[keep]


def _table(sheet: _Sheet, name: str) -> RawTable:
    """The sheet's rows below its header as a ``RawTable``.

    Raises:
        IngestError("no_rows"): no header, or nothing below it.
    """
    head, head_lines, pulled = _head(sheet)
    if not head:
        raise IngestError("no_rows")
    h = pick_header(head)
    header = trim(head[h])
    rest = itertools.chain(pulled[head_lines[h]:], sheet.rows)
    parts = list(_blocks(sheet, rest, head_lines[h] + 1))
    if not parts:
        raise IngestError("no_rows")
    width = len(parts[0][0])
    columns = [pa.chunked_array([p[0][j] for p in parts], type=STR) for j in range(width)]
    filled = [j for j, c in enumerate(columns) if c.null_count < len(c)]
    keep = max(len(header) - sheet.pad, filled[-1] + 1 if filled else 0)
    names = unique_names(header, sheet.pad + keep)
    arrays = [pa.nulls(len(columns[0]), STR)] * sheet.pad + columns[:keep]
    frame = pa.table(arrays, names=[f"f{i}" for i in range(len(names))]).to_pandas(
        types_mapper={STR: pd.StringDtype("pyarrow", na_value=np.nan)}.get)
    frame.columns = names
    return RawTable(frame=frame.astype("str"), lines=np.concatenate([p[1] for p in parts]),
                    encoding="xlsx", sheet=name, header_line=head_lines[h],
                    notes=notes_above(head, head_lines, h), titles=titles_above(head, h))


def _workbook(raw: bytes) -> _Book:
    check_size(raw)
    check_unpacked(raw)
    archive = zipfile.ZipFile(io.BytesIO(raw))
    if "xl/workbook.xml" not in archive.namelist():
        # calamine would read an OpenDocument or binary workbook too, unmeasured
        raise IngestError("bad_workbook")
    return _Book(_open(raw), archive, xlsx_marks.sheet_paths(archive),
                 xlsx_marks.percent_styles(archive), xlsx_shared.lengths(archive))


def read_xlsx_table(raw: bytes, sheet: str | None) -> RawTable:
    """The chosen sheet (the first by default) as a ``RawTable``.

    Raises:
        IngestError: ``no_such_sheet``, ``bad_workbook``, ``no_rows`` and the size limits'.
    """
    book = _workbook(raw)
    with book.archive:
        names = book.calamine.sheet_names
        if sheet is not None and sheet not in names:
            raise IngestError("no_such_sheet", sheet=sheet, sheets=", ".join(names))
        name = sheet if sheet is not None else next(iter(_worksheets(book.calamine)), None)
        if name is None:
            raise IngestError("no_rows")
        return _table(_Sheet(book, name), name)


def _worksheets(book: CalamineWorkbook) -> list[str]:
    return [m.name for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]


def read_xlsx_tables(raw: bytes) -> tuple[list[tuple[str, RawTable | None]], list[str]]:
    """Every worksheet as ``(name, table)`` in workbook order (table None: no rows), and the
    names of the other sheets (charts: they hold no cells)."""
    book = _workbook(raw)
    with book.archive:
        sheets: list[tuple[str, RawTable | None]] = []
        for name in _worksheets(book.calamine):
            try:
                sheets.append((name, _table(_Sheet(book, name), name)))
            except IngestError as exc:
                if exc.code != "no_rows":
                    raise
                sheets.append((name, None))
        charts = [name for name in book.calamine.sheet_names if name not in dict(sheets)]
        return sheets, charts
