"""Fast paths for the columns of a big event log: yes/no flags, plain numbers, ``h:mm:ss``.

A log of a million calls has a handful of distinct flag texts and plain numbers or clock
times in most cells. Those are decided in Arrow (C++); every other cell goes through the
general parsers of ``ingest.values``, so the answer is theirs, only sooner.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ingest.values import parse_flags, parse_numbers

_HMS = r"^\d{1,4}:[0-5]\d:[0-5]\d$"
_PEEK = 1000


def _arrow(cells: pd.Series) -> pa.Array:
    arr = pa.array(cells.astype("str").array, type=pa.large_string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def flags(cells: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Yes/no cells as 1.0 / 0.0 (NaN when empty) and the mask of cells that are neither."""
    encoded = pc.dictionary_encode(_arrow(cells))
    words = pd.Series(encoded.dictionary.to_pylist(), dtype="str")
    parsed, bad = parse_flags(words)  # a few distinct texts
    value = np.append(parsed.astype("Float64").to_numpy(dtype="float64", na_value=np.nan),
                      np.nan)
    wrong = np.append(bad.to_numpy(dtype=bool), False)
    index = pc.fill_null(encoded.indices, len(words)).to_numpy(zero_copy_only=False)
    return value[index], pd.Series(wrong[index], index=cells.index)


_DIGITS = [0, 1, 3, 4, 6, 7]  # of hh:mm:ss
_PLACES = np.array([36000, 3600, 600, 60, 10, 1], dtype=np.int32)


def _fixed_clock(arr: pa.Array) -> np.ndarray | None:
    """Seconds of a column whose every cell is ``hh:mm:ss`` (NaN when empty), read from
    Arrow's bytes as an n x 8 grid; None when any cell has another form."""
    filled = arr.drop_null()
    if len(filled) == 0:
        return None
    offsets = np.frombuffer(filled.buffers()[1], dtype=np.int64)[
        filled.offset: filled.offset + len(filled) + 1]
    if (np.diff(offsets) != 8).any():
        return None
    grid = np.frombuffer(filled.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
    grid = grid.reshape(-1, 8)
    if not ((grid[:, 2] == ord(":")).all() and (grid[:, 5] == ord(":")).all()):
        return None
    digits = grid[:, _DIGITS] - np.uint8(ord("0"))  # a byte below "0" wraps to over 9
    if (digits > 9).any() or (digits[:, [2, 4]] > 5).any():
        return None
    seconds = np.full(len(arr), np.nan)
    seconds[arr.is_valid().to_numpy(zero_copy_only=False)] = digits @ _PLACES
    return seconds


def _clock(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Seconds of the ``h:mm:ss`` cells (NaN elsewhere) and the mask of those cells."""
    fixed = _fixed_clock(arr)
    if fixed is not None:  # the usual export: no regex over a million cells
        return fixed, ~np.isnan(fixed)
    hit = pc.fill_null(pc.match_substring_regex(arr, _HMS), False).to_numpy(zero_copy_only=False)
    seconds = np.full(len(arr), np.nan)
    if hit.any():
        # Every matched cell has three parts: one split and one cast for all of them.
        parts = pc.list_flatten(pc.split_pattern(arr.filter(pa.array(hit)), ":"))
        hms = pc.cast(parts, pa.float64()).to_numpy(zero_copy_only=False).reshape(-1, 3)
        seconds[hit] = hms @ np.array([3600.0, 60.0, 1.0])
    return seconds, hit


def _looks_plain(arr: pa.Array) -> bool:
    """Whether the first cells are plain numbers (else a cast of all of them would fail late)."""
    head = pc.drop_null(arr.slice(0, _PEEK))
    return not pc.any(pc.match_substring_regex(head, r"[^0-9.eE+\-]")).as_py()


def numbers(cells: pd.Series, *, decimal_comma: bool) -> tuple[np.ndarray, pd.Series]:
    """Numbers, ``h:mm:ss`` and Excel times as seconds (NaN when empty), and the bad cells."""
    if decimal_comma:  # 1.234 means a thousand and more there: only the general parser knows
        values, bad = parse_numbers(cells, decimal_comma=True)
        return values.to_numpy(dtype="float64", na_value=np.nan), bad
    arr = _arrow(cells)
    try:
        if _looks_plain(arr):
            plain = pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False)
            if np.isfinite(plain[~np.isnan(plain)]).all():
                return plain, pd.Series(False, index=cells.index)
    except pa.ArrowInvalid:
        pass
    seconds, hit = _clock(arr)
    rest = ~hit & cells.notna().to_numpy()
    bad = np.zeros(len(cells), dtype=bool)
    if rest.any():
        values, wrong = parse_numbers(cells[rest])
        seconds[rest] = values.to_numpy(dtype="float64", na_value=np.nan)
        bad[rest] = wrong.to_numpy(dtype=bool)
    return seconds, pd.Series(bad, index=cells.index)
