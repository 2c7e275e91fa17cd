"""Spreadsheet-injection safety for every CSV / XLSX export.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and
some also after leading whitespace (tab, carriage return, line feed, spaces) or with the
full-width signs an IME types (OWASP's CSV-injection list). Exported text cells that start like
that get a leading apostrophe, so they show as text; numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise_text(value: object) -> object:
    """``value`` with an apostrophe in front when it is text that starts like a formula.

    Example:
        >>> neutralise_text("=1+1"), neutralise_text(" @x"), neutralise_text(-5), neutralise_text("ok")
        ("'=1+1", "' @x", -5, 'ok')
    """
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS)
                                   or value.lstrip().startswith(FORMULA_STARTS)):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells (and column names) cannot run as formulas.

    Example:
        >>> neutralise(pd.DataFrame({"@x": ["=cmd()", "fine"], "n": [-1, 2]})).to_dict("list")
        {"'@x": ["'=cmd()", 'fine'], 'n': [-1, 2]}
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise_text).astype(object)
    out.columns = [neutralise_text(c) for c in out.columns]
    out.index = out.index.map(neutralise_text)
    return out
