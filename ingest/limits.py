"""How big an upload may be: one number for the page, the CLI and the server's own limit."""

from __future__ import annotations

import io
import zipfile

from ingest.model import IngestError

# Keep equal to server.maxUploadSize in .streamlit/config.toml (tests/hostile checks it):
# a year of weekly KPIs for 5,000 people is about 60 MB of CSV.
MAX_UPLOAD_MB = 200


def size_text(n_bytes: float) -> str:
    """``1.5 MB``, ``12 KB``: how a manager reads a file size."""
    if n_bytes >= 2**20:
        return f"{n_bytes / 2**20:.1f} MB".replace(".0 MB", " MB")
    return f"{max(n_bytes / 2**10, 0.1):.1f} KB".replace(".0 KB", " KB")


def check_size(raw: bytes) -> None:
    """Refuse a file over ``MAX_UPLOAD_MB`` with a sentence, before reading any of it.

    Raises:
        IngestError("too_big"): with the file's size and the limit.
    """
    if len(raw) > MAX_UPLOAD_MB * 2**20:
        raise too_big(len(raw))


def too_big(n_bytes: int) -> IngestError:
    """The error for a file of ``n_bytes`` over the limit."""
    return IngestError("too_big", size=size_text(n_bytes), limit=size_text(MAX_UPLOAD_MB * 2**20))


# An xlsx is a zip of XML. Real exports unpack to 5-20x their size; a decompression bomb (one
# sheet of repeated cells) to thousands of times: refused before any XML is parsed. Memory is
# what the cells cost (``check_cells``); the XML's size bounds the time a read takes (a
# million rows of 10 columns: 493 MB, 15 s of CPU).
MAX_RATIO = 100
MAX_UNPACKED_MB = 1000
# What python-calamine may take for one sheet (``ingest.xlsx_survey.Survey.cost``). A million
# rows of 10 columns cost 1.29-1.37 GB by that estimate and the import peaked at 1.13-1.18 GiB
# (measured); much more would take it past 1.5 GB.
MAX_SHEET_BYTES = 1400 * 2**20


def check_cells(sheet: str, cost: int, rows: int, columns: int) -> None:
    """Refuse a sheet whose cells would take more memory to read than ``MAX_SHEET_BYTES``.

    Raises:
        IngestError("sheet_too_big"): naming the sheet and its rows and columns.
    """
    if cost > MAX_SHEET_BYTES:
        raise IngestError("sheet_too_big", sheet=sheet, rows=f"{rows:,}", columns=f"{columns:,}")


def check_unpacked(raw: bytes) -> None:
    """Refuse a zip (xlsx) that unpacks far beyond its size, or beyond ``MAX_UNPACKED_MB``.

    Reads only the zip's directory (member sizes as declared; the zip reader stops at the
    declared size, so a lying header cannot unpack more).

    Raises:
        IngestError("unpacked_too_big"): a decompression bomb, with both sizes.
        IngestError("workbook_too_big"): too much to read as a workbook (CSV reads faster).
        IngestError("bad_workbook"): not a readable zip.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(max(info.file_size, 0) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError("bad_workbook") from exc
    sizes = {"size": size_text(len(raw)), "unpacked": size_text(unpacked)}
    if unpacked > MAX_RATIO * max(len(raw), 2**20):
        raise IngestError("unpacked_too_big", **sizes)
    if unpacked > MAX_UNPACKED_MB * 2**20:
        raise IngestError("workbook_too_big", **sizes, limit=size_text(MAX_UNPACKED_MB * 2**20))
