"""Shared state while parsing one file: typed columns out, bad cells recorded."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ingest.model import ERROR_COLUMNS, RawTable


@dataclass
class Context:
    """The rows being parsed, the mapping (field -> column) and every problem found so far."""

    frame: pd.DataFrame  # the RawTable frame without total rows
    lines: pd.Series  # int64 source line of each row, same index as ``frame``
    columns: dict[str, str]  # field -> original column
    decimal_comma: bool = False
    errors: list[pd.DataFrame] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, raw: RawTable, columns: dict[str, str]) -> Context:
        """A context over a whole ``RawTable``; ``columns`` maps field -> column."""
        lines = pd.Series(raw.lines, index=raw.frame.index, dtype="int64")
        # Semicolon files come from locales that write 12,5 for twelve and a half.
        return cls(raw.frame, lines, columns, decimal_comma=raw.delimiter == ";")

    def has(self, name: str) -> bool:
        """Whether a field is mapped to a column."""
        return name in self.columns

    def cells(self, name: str) -> pd.Series:
        """The raw cells of a field's column (or of a column by its own name)."""
        return self.frame[self.columns.get(name, name)]

    def text(self, name: str) -> pd.Series:
        """A field as ``str`` dtype, trimmed, NaN when empty (``Marketing `` == ``Marketing``)."""
        s = self.cells(name).astype("str").str.strip()
        return s.where(s != "")

    def report(self, mask: pd.Series, name: str, code: str) -> None:
        """Record one error per True cell of ``mask`` in a field's (or named) column."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        raw = self.cells(name)[mask].astype("object")
        self.errors.append(pd.DataFrame({
            "line": self.lines[mask].to_numpy(),
            "column": self.columns.get(name, name),
            "value": raw.where(raw.notna(), None).to_numpy(),
            "code": code,
        }))

    def error_frame(self) -> pd.DataFrame:
        """All errors, by line; an empty frame with the right columns when there are none."""
        if not self.errors:
            return pd.DataFrame({c: pd.Series(dtype="int64" if c == "line" else "object")
                                 for c in ERROR_COLUMNS})
        frame = pd.concat(self.errors, ignore_index=True)
        frame = frame.sort_values("line", kind="stable", ignore_index=True)
        return frame.astype({"line": "int64"})

    def bad_lines(self) -> np.ndarray:
        """Source lines with at least one error."""
        if not self.errors:
            return np.empty(0, dtype="int64")
        return np.unique(np.concatenate([e["line"].to_numpy() for e in self.errors]))
