"""Data classes passed from ingest to store and pages."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ingest.messages import describe

ERROR_COLUMNS = ["line", "column", "value", "code"]


class IngestError(ValueError):
    """A whole file cannot be read: says why in a sentence a manager understands.

    ``code`` names its sentence (``ingest.<code>`` in the text catalogue); ``params`` fill it.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return describe(self.code, lang, **self.params)


@dataclass
class RawTable:
    """A file as read: every cell text (``None`` when empty), nothing interpreted yet."""

    frame: pd.DataFrame  # columns = original headers (made unique), values str or None
    lines: np.ndarray  # int64 file line number of each row (header row is ``header_line``)
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "utf-16", or "xlsx"
    delimiter: str | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    header_line: int = 1
    notes: list[str] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)  # lines no encoding read: bad lines
    titles: list[str] = field(default_factory=list)  # each non-blank line above the header
    # Columns the reader made, each from the file's own columns (``ingest.two_names``).
    made_from: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Parsed:
    """Validated rows, ready for the store, and every problem found.

    ``tables`` maps a store table (see ``ingest.fields.TABLE_KEYS``) to typed rows with a
    ``line`` column (the source line). ``errors`` has ``ERROR_COLUMNS``: one row per bad
    cell; a line with any error contributes nothing to ``tables``.
    """

    kind: str
    tables: dict[str, pd.DataFrame]
    errors: pd.DataFrame
    rows_read: int
    units: dict[str, str] = field(default_factory=dict)  # metric -> unit from its header
    directions: dict[str, str] = field(default_factory=dict)  # metric -> direction, when known
    notes: list[str] = field(default_factory=list)
    # Set when the file names people without ids: ``employee_id`` holds the name from this
    # column until ``store.names.resolve`` gives each a roster id.
    name_column: str | None = None
    sheet: str | None = None  # the workbook sheet it came from (None: a CSV)
    targets_unmatched: int = 0  # target values of a targets sheet with no actual value

    @property
    def bad_lines(self) -> list[int]:
        return sorted(set(self.errors["line"].tolist()))


@dataclass
class Workbook:
    """Every sheet of an upload as read; a CSV is one sheet named ``None``.

    ``skipped`` holds sheets with nothing to read, each with a message code (``empty_sheet``,
    ``chart_sheet``); ``order`` is every sheet name in the file's order.
    """

    tables: dict[str | None, RawTable]
    skipped: dict[str, str] = field(default_factory=dict)
    order: list[str | None] = field(default_factory=list)
