"""The shared-string text python-calamine copies into the cells, counted before it does.

A workbook keeps each distinct text once (``xl/sharedStrings.xml``) and its cells refer to it
by number; calamine gives every such cell its own copy. A 30 KB text referred to by a million
cells is a 1 MB upload asking for 30 GB, so the copies are counted while the sheet's XML is
surveyed: the cells' count times the longest text when every text is short, else each cell's
own text (its number parsed with numpy, only in workbooks holding a long text).
"""

from __future__ import annotations

import zipfile

import numpy as np

_LONG = 64  # bytes of XML: texts no longer than this are counted at this length
_OVERHEAD = 16  # bytes an allocation costs beyond its text
_DIGITS = np.arange(10)
_MARKUP = b"<si><t></t></si>"  # around each text: not copied


def _find(a: np.ndarray, pattern: bytes) -> np.ndarray:
    """Positions in ``a`` where ``pattern`` starts."""
    n = len(a) - len(pattern) + 1
    if n <= 0:
        return np.empty(0, dtype=np.int64)
    hit = a[:n] == pattern[0]
    for j in range(1, len(pattern)):
        hit &= a[j : n + j] == pattern[j]
    return np.flatnonzero(hit)


def lengths(archive: zipfile.ZipFile) -> np.ndarray:
    """Bytes of each shared string's text (as XML: entities and rich-text runs count), by
    number; empty if none."""
    name = next((n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None)
    if name is None:
        return np.empty(0, dtype=np.int64)
    a = np.frombuffer(archive.read(name), dtype=np.uint8)
    starts = np.sort(np.concatenate([_find(a, b"<si>"), _find(a, b"<si "), _find(a, b":si>")]))
    if not len(starts):  # a form we do not know: any cell may copy all of it
        return np.array([len(a)], dtype=np.int64)
    ends = np.sort(np.concatenate([_find(a, b"</si>"), _find(a, b":si>")[1::2]])) + 5
    if len(ends) == len(starts) and (ends > starts).all():
        return np.maximum(ends - starts - len(_MARKUP), 0)
    return np.diff(np.append(starts, len(a)))  # up to the next one: as much or more


def copied(buf: bytes, sizes: np.ndarray) -> int:
    """Bytes of shared text the cells in ``buf`` (whole cells) copy."""
    cells = buf.count(b't="s"')
    if not cells or not len(sizes):
        return 0
    longest = int(sizes.max())
    if longest <= _LONG:
        return cells * (longest + _OVERHEAD)
    a = np.frombuffer(buf, dtype=np.uint8)
    values = _find(a, b"<v>")
    at = np.searchsorted(values, _find(a, b't="s"'))  # each such cell's value comes next
    start = values[at[at < len(values)]] + 3
    start = start[start + len(_DIGITS) < len(a)]
    digits = a[start[:, None] + _DIGITS].astype(np.int64) - ord("0")
    more = np.cumprod((digits >= 0) & (digits <= 9), axis=1).astype(bool)
    number = np.zeros(len(start), dtype=np.int64)
    for k in range(len(_DIGITS)):
        number = np.where(more[:, k], number * 10 + digits[:, k], number)
    known = number[number < len(sizes)]
    return int(sizes[known].sum()) + _OVERHEAD * cells + longest * (cells - len(known))
