"""Cells python-calamine reads otherwise than Excel shows them, found in the sheet's XML.

calamine gives a percent-formatted 0.85 as the number 0.85 (Excel shows ``85%``) and an error
value (``#DIV/0!``) as an empty cell. Both are rare, so the sheet's XML is searched only when
the workbook has a percent style, and then (as for errors) a megabyte at a time with C-speed
searches (``ingest.xlsx_survey`` reads the XML once for this and for its size); only the few
chunks holding such a cell go through a regular expression.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PERCENT_FORMATS = {9, 10}  # Excel's built-in 0% and 0.00%
_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>')
_STYLE = re.compile(rb'\bs="(\d+)"')
_ERROR_VALUE = re.compile(rb'<(?:\w+:)?v>([^<]*)<')

Cell = tuple[int, int]  # (Excel row number, column index from 0 = A)


def percent_tags(percent: set[int]) -> tuple[bytes, ...]:
    """The style attributes of the percent styles, as they appear in the XML."""
    return tuple(f's="{i}"'.encode() for i in sorted(percent))


def _xml(archive: zipfile.ZipFile, path: str) -> Element | None:
    """A small part of the workbook (styles, sheet list) parsed; None when missing or bad."""
    try:
        return ElementTree.fromstring(archive.read(path))
    except (KeyError, ElementTree.ParseError, DefusedXmlException):
        return None


def percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell styles (``cellXfs``) whose number format shows a percent."""
    root = _xml(archive, "xl/styles.xml")
    if root is None:
        return set()
    percent = set(_PERCENT_FORMATS)
    for fmt in root.iter(f"{_MAIN}numFmt"):
        if "%" in fmt.get("formatCode", "").replace('"%"', "").replace("\\%", ""):
            percent.add(int(fmt.get("numFmtId", "-1")))
    xfs = root.find(f"{_MAIN}cellXfs")
    styles = [] if xfs is None else xfs.findall(f"{_MAIN}xf")
    return {i for i, xf in enumerate(styles) if int(xf.get("numFmtId", "0")) in percent}


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the path of its XML inside the zip."""
    book, rels = _xml(archive, "xl/workbook.xml"), _xml(archive, "xl/_rels/workbook.xml.rels")
    if book is None or rels is None:
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PACKAGE_REL}Relationship")}
    out = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join("xl", target))
        out[sheet.get("name", "")] = path
    return out


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def scan(buf: bytes, percent_tags: tuple[bytes, ...], percent: set[int],
         found: tuple[set[Cell], dict[Cell, str]]) -> None:
    """Add the percent cells and error values of the whole cells in ``buf`` to ``found``."""
    if not (b't="e"' in buf or any(tag in buf for tag in percent_tags)):
        return
    for cell in _CELL.finditer(buf):
        attrs = cell.group(0)
        where = (int(cell.group(2)), _column(cell.group(1)))
        if b't="e"' in attrs:
            end = buf.find(b"c>", cell.end())  # the cell's </c> (a formula comes first)
            value = _ERROR_VALUE.search(buf, cell.end(), end if end >= 0 else len(buf))
            found[1][where] = (value.group(1) if value else b"#N/A").decode("utf-8", "replace")
        elif (style := _STYLE.search(attrs)) and int(style.group(1)) in percent:
            found[0].add(where)
