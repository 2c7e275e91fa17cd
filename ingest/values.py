"""Parse text cells into typed values. Each parser returns ``(values, bad_mask)``.

Empty cells and placeholders such as ``-`` or ``N/A`` are missing, never bad. Work is done
once per distinct text (``Series.unique``) or vectorised, never once per row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ingest.dates import BAD, MISSING_TOKENS, parse_date, prefers_day_first, read_period

_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_TIME = re.compile(r"(-?)(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?")
_COMMA_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_CURRENCY = re.compile(r"^[¥$€£]|元$")

_FLAGS: dict[str, bool] = {
    **dict.fromkeys(("是", "y", "yes", "true", "1", "高潜", "t", "√", "✓"), True),
    **dict.fromkeys(("否", "n", "no", "false", "0", "f", "\u00d7", "非高潜", "不是"), False),
}
_SESSION_TYPES: dict[str, str] = {
    **dict.fromkeys(("正式", "formal", "正式面谈", "正式辅导"), "formal"),
    **dict.fromkeys(("非正式", "informal", "日常", "沟通", "日常沟通", "非正式面谈"), "informal"),
}
_MODELS: dict[str, str] = {
    "grow": "GROW", "best": "BEST", "starar": "STAR-AR", "star": "STAR-AR", "okr": "OKR",
}


def clean_text(text: str) -> str:
    """NFKC (full-width digits and percent sign become ASCII), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def _codes(s: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Each cell's position among the distinct non-empty texts (-1 when empty), and those."""
    codes, uniques = pd.factorize(s.astype("str"))
    return codes, [str(u) for u in uniques]


def _take(per_unique: list, codes: np.ndarray, dtype: object, missing: object) -> np.ndarray:
    """Spread one value per distinct text back to every cell; code -1 picks ``missing``."""
    return np.array([*per_unique, missing], dtype=dtype)[codes]


def _map_unique(s: pd.Series, func: Callable[[str], object]) -> tuple[pd.Series, pd.Series]:
    """Apply ``func`` once per distinct non-empty text; it returns a value, None or BAD."""
    codes, uniques = _codes(s)
    results = [func(u) for u in uniques]
    values = _take([None if r is BAD else r for r in results], codes, object, None)
    bad = _take([r is BAD for r in results], codes, bool, False)
    return pd.Series(values, index=s.index), pd.Series(bad, index=s.index)


def _number(text: str, decimal_comma: bool) -> float | object | None:
    """One number from text: ``85%``, ``1,234``, ``1:02:03``, ``12,5`` (decimal comma)."""
    t = clean_text(text)
    if t.lower() in MISSING_TOKENS:
        return None
    t = _CURRENCY.sub("", t.replace(" ", "")).removesuffix("%")
    if (m := _TIME.fullmatch(t)) is not None:
        sign, a, b, c = m.groups()
        secs = int(a) * 3600 + int(b) * 60 + float(c) if c is not None else int(a) * 60 + int(b)
        return -float(secs) if sign else float(secs)
    if decimal_comma:
        if "," in t:
            t = t.replace(".", "").replace(",", ".")
        elif _DOT_THOUSANDS.fullmatch(t):
            t = t.replace(".", "")
    elif _COMMA_THOUSANDS.fullmatch(t):
        t = t.replace(",", "")
    return float(t) if _PLAIN.fullmatch(t) else BAD


def _plain_numbers(text: pd.Series, pattern: str) -> tuple[pd.Series, pd.Series]:
    """Cells that are plain ASCII numbers (mask) and their values, parsed in Arrow (C++)."""
    arr = pa.array(text.astype("str").array, type=pa.large_string())
    plain = pc.fill_null(pc.match_substring_regex(arr, f"^(?:{pattern})$"), False)
    try:
        parsed = pc.cast(pc.if_else(plain, arr, None), pa.float64()).to_numpy(zero_copy_only=False)
    except pa.ArrowInvalid:  # e.g. more digits than a float holds: let pandas decide
        parsed = pd.to_numeric(text.where(plain.to_numpy(zero_copy_only=False)),
                               errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return (pd.Series(plain.to_numpy(zero_copy_only=False), index=text.index),
            pd.Series(parsed, index=text.index, dtype="float64"))


def parse_numbers(s: pd.Series, *, decimal_comma: bool = False) -> tuple[pd.Series, pd.Series]:
    """Numbers as float64 (NaN when missing) and a mask of cells that are not numbers."""
    text = s.astype("str").str.strip()
    # Fast path: plain ASCII numbers (the bulk of any big file) need no per-value Python.
    plain, values = _plain_numbers(text, r"[+-]?\d+" if decimal_comma else _PLAIN.pattern)
    rest = text.notna() & ~plain
    if not rest.any():
        return values, pd.Series(False, index=s.index)
    parsed, bad = _map_unique(text[rest], lambda t: _number(t, decimal_comma))
    values = values.where(~rest, parsed.astype("float64").reindex(s.index))
    return values, bad.reindex(s.index, fill_value=False)


def parse_dates(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates (datetime64, midnight) from the many ways exports write them; mask of bad cells."""
    codes, uniques = _codes(s)
    cleaned = [clean_text(u) for u in uniques]
    day_first = prefers_day_first(cleaned)
    results = [parse_date(u, day_first) for u in cleaned]
    nat = np.datetime64("NaT", "ns")
    days = [np.datetime64(r, "ns") if isinstance(r, date) else nat for r in results]
    dates = _take(days, codes, "datetime64[ns]", nat)
    bad = _take([r is BAD for r in results], codes, bool, False)
    return pd.Series(dates, index=s.index), pd.Series(bad, index=s.index)


def _part(text: str, grain: str) -> int | object | None:
    """The number of a year (2024, 2024年, FY2024) or of a part of one (3, Q3, 三季度, 3月, W05)."""
    t = clean_text(text)
    if t.lower() in MISSING_TOKENS:
        return None
    t = t.removesuffix(".0")  # a whole number saved as a float by some exports
    stamp = read_period(t if grain == "year" or not t.isdigit() else _BARE[grain].format(t))
    if stamp is None or stamp.grain != grain:
        return BAD
    return stamp.year if grain == "year" else stamp.n


_BARE = {"quarter": "Q{}", "month": "{}月", "week": "W{}"}  # a bare number, as read_period reads it


def parse_period_parts(s: pd.Series, grain: str) -> tuple[pd.Series, pd.Series]:
    """Years (``grain="year"``) or quarter/month/week numbers as float; mask of bad cells."""
    parsed, bad = _map_unique(s, lambda t: _part(t, grain))
    return parsed.astype("float64"), bad


def parse_progress(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Progress as a fraction: ``85%``, ``0.85`` and ``85`` all give 0.85 (>1 means percent)."""
    values, bad = parse_numbers(s)
    percent = s.astype("str").str.contains("%|\uff05", regex=True).fillna(False).astype(bool)
    fraction = values.where(~(percent | (values > 1)), values / 100)
    negative = fraction < 0
    return fraction.where(~negative), bad | negative


def _lookup(table: dict[str, str | bool], squeeze: bool = False) -> Callable[[str], object]:
    """A per-value parser that looks the cleaned, lowercased text up in ``table``."""

    def parse_one(text: str) -> object:
        """The table value, None when empty, BAD when unknown."""
        key = clean_text(text).lower()
        if key in MISSING_TOKENS:
            return None
        if squeeze:
            key = re.sub(r"[\W_]+|模型$", "", key)
        return table.get(key, BAD)

    return parse_one


def parse_flags(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Yes/no cells (是/否, Y/N, 1/0, true/false, 高潜) as nullable booleans."""
    parsed, bad = _map_unique(s, _lookup(_FLAGS))
    return parsed.astype("boolean"), bad


def parse_session_types(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """正式/formal -> ``formal``; 非正式/日常/沟通/informal -> ``informal``."""
    parsed, bad = _map_unique(s, _lookup(_SESSION_TYPES))
    return parsed.astype("str"), bad


def parse_models(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Coaching model names, any case or punctuation, as ``ingest.fields.MODELS`` values."""
    parsed, bad = _map_unique(s, _lookup(_MODELS, squeeze=True))
    return parsed.astype("str"), bad
