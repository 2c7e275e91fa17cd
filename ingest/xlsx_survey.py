"""How much memory a sheet will take to read, found before reading it.

python-calamine holds a sheet as a dense grid from its first to its last used cell (32 bytes a
cell), after a list of the cells with values (48 bytes each), and their text (inline, or copied
from the shared strings: ``ingest.xlsx_shared``). A sheet's XML says both at a cost
of one pass: the values are counted with ``bytes.count``; the last row and column come from the
cell references. A reference is parsed (numpy, a megabyte at a time) only in the chunks where a
regular expression finds one beyond what is known (a further column, a row past the chunk's last
row tag): a sheet of two cells, on A1 and ZZ1048576 (a "sparse bomb" asking for 23 GB), is
measured, not opened. The same pass finds the cells ``ingest.xlsx_marks`` puts right.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

import numpy as np

from ingest import xlsx_marks, xlsx_shared
from ingest.xlsx_marks import Cell

_CHUNK = 1 << 20
_VALUE_TAGS = (b"</v>", b"</is>")
_SPAN = np.arange(12)


@dataclass
class Survey:
    """One sheet's cells as its XML tells before parsing."""

    xml: int = 0  # bytes of XML (inline text included)
    shared: int = 0  # bytes of shared text the cells copy
    values: int = 0  # cells holding a value
    rows: int = 0  # the last row number (an upper bound)
    columns: int = 0  # the last column (1 = A)
    percent: set[Cell] = field(default_factory=set)
    errors: dict[Cell, str] = field(default_factory=dict)

    def cost(self) -> int:
        """Bytes python-calamine may take to read it: the dense grid, the cells as parsed
        before it and their text (inline: at most the XML). A million rows of 10 columns:
        1.29 GB (inline text) and 1.37 GB (shared strings) by this; the whole import's peak
        was 1.18 and 1.13 GiB (measured)."""
        return 32 * self.rows * self.columns + 48 * self.values + self.xml + self.shared


def _greater(n: int) -> str:
    """A regular expression for a whole number over ``n`` (then its closing quote)."""
    text = str(n)
    alts = [rf"\d{{{len(text) + 1},}}"]
    alts += [f"{text[:i]}[{int(d) + 1}-9]\\d{{{len(text) - i - 1}}}"
             for i, d in enumerate(text) if d != "9"]
    return "(?:" + "|".join(alts) + ')"'


def _beyond(rows: int, columns: int) -> re.Pattern[bytes]:
    """A reference (or row tag) past row ``rows`` or column ``columns`` (1 = A)."""
    past = f"[{chr(65 + columns)}-Z]|" if columns < 26 else ""
    return re.compile(f' r="(?:{past}[A-Z]{{2}}|[A-Z]{{0,3}}{_greater(rows)})'.encode())


_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d{1,9})"')


def _refs(buf: bytes) -> tuple[int, int]:
    """The largest row number and column (1 = A) of the ``r="B12"`` references in ``buf``."""
    a = np.frombuffer(buf, dtype=np.uint8)
    at = np.flatnonzero(a == ord("="))
    at = at[(at >= 2) & (at < len(a) - len(_SPAN) - 2)]
    at = at[(a[at - 1] == ord("r")) & (a[at - 2] == ord(" ")) & (a[at + 1] == ord('"'))] + 2
    grid = a[at[:, None] + _SPAN].astype(np.int64)
    letters = np.cumprod((grid[:, :3] >= 65) & (grid[:, :3] <= 90), axis=1).sum(axis=1)
    column = np.zeros(len(at), dtype=np.int64)
    for k in range(3):
        column = np.where(letters > k, column * 26 + grid[:, k] - 64, column)
    digits = a[(at + letters)[:, None] + _SPAN[:9]].astype(np.int64) - ord("0")
    more = np.cumprod((digits >= 0) & (digits <= 9), axis=1).astype(bool)
    row = np.zeros(len(at), dtype=np.int64)
    for k in range(8):
        row = np.where(more[:, k], row * 10 + digits[:, k], row)
    row[more[:, 8]] = 10**9  # nine digits or more: past any sheet
    return int(row.max(initial=0)), int(column.max(initial=0))


class _Pass:
    def __init__(self, percent: set[int], shared: np.ndarray) -> None:
        self.found = Survey()
        self.percent, self.tags = percent, xlsx_marks.percent_tags(percent)
        self.shared = shared

    def chunk(self, buf: bytes) -> None:
        """Count and measure the whole rows in ``buf``; note its marked cells.

        The chunk's last row tag gives the row number to check every reference against (in
        order, nothing is past it); only a chunk where one is past it or past the last column
        has its references parsed.
        """
        s = self.found
        s.xml += len(buf)
        s.shared += xlsx_shared.copied(buf, self.shared)
        s.values += sum(buf.count(tag) for tag in _VALUE_TAGS)
        if b":c " in buf:  # <x:c>, <x:v>: a namespace prefix
            s.values += sum(buf.count(tag) for tag in (b":v>", b":is>")) // 2  # open + close
        tags = [m.group(1) for m in _ROW_TAG.finditer(buf, max(buf.rfind(b"row ") - 8, 0))]
        s.rows = max(s.rows, int(tags[-1]) if tags else 0)
        if _beyond(s.rows, s.columns).search(buf):
            rows, columns = _refs(buf)
            s.rows, s.columns = max(s.rows, rows), max(s.columns, columns)
        xlsx_marks.scan(buf, self.tags, self.percent, (s.percent, s.errors))


def survey(archive: zipfile.ZipFile, path: str | None, percent: set[int],
           shared: np.ndarray) -> Survey:
    """One pass over the sheet's XML (a megabyte at a time, cut after whole rows); ``shared``:
    the bytes of each shared string (``ingest.xlsx_shared.lengths``)."""
    run = _Pass(percent, shared)
    if path is None or path not in archive.namelist():
        return run.found
    with archive.open(path) as source:
        buf = b""
        while chunk := source.read(_CHUNK):
            buf += chunk
            cut = buf.rfind(b"row>") + len(b"row>")  # after the last whole row
            if cut >= len(b"row>"):
                run.chunk(buf[:cut])
                buf = buf[cut:]
        run.chunk(buf)
    return run.found
