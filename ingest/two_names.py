"""A file naming people only in two columns (First Name + Last Name, Given + Surname, 名 + 姓)
gets one name column made of them, so it is read like any file that names people: detected as
metrics, an event log or a roster, its names matched to the roster by ``store.names``.

The made column is headed with the columns it comes from, ``Name (First Name + Last Name)`` or
``姓名（姓+名）``, so the preview, the mapping and every bad line say where a name came from. A file
with an id or a name column is left as it is (``ingest.kinds`` joins the two there itself).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ingest.headers import find_fields
from ingest.model import RawTable, Workbook

_CJK = re.compile(r"[\u3400-\u9fff]")


def join_names(first: pd.Series, last: pd.Series) -> pd.Series:
    """``Ann`` + ``Lee`` -> ``Ann Lee``; a Chinese name family name first without a space
    (名 伟, 姓 王 -> ``王伟``); None where both are empty."""
    first, last = first.fillna("").astype("str").str.strip(), last.fillna("").astype(
        "str").str.strip()
    western = (first + " " + last).str.strip()
    both = first + last
    chinese = both.str.contains(_CJK.pattern) & ~both.str.contains("[A-Za-z]")
    joined = western.where(~chinese, last + first)
    return joined.where(joined != "", None).astype("object")


def _columns(table: RawTable) -> tuple[str, str] | None:
    """The first- and last-name columns of a table naming people by nothing else."""
    found = find_fields([str(c) for c in table.frame.columns], "roster")
    if {"employee_id", "name"} & found.keys() or not {"first_name", "last_name"} <= found.keys():
        return None
    return found["first_name"], found["last_name"]


def header(first: str, last: str, columns: list[str]) -> str:
    """The made column's header, naming its sources in the file's language."""
    if _CJK.search(first + last):
        made = f"姓名（{last}+{first}）" if columns.index(last) < columns.index(first) \
            else f"姓名（{first}+{last}）"
    else:
        made = f"Name ({first} + {last})"
    return made if made not in columns else f"{made} "


def with_name(table: RawTable) -> RawTable:
    """``table`` with a name column made of its first- and last-name columns, placed before
    them, when it names people only so; else ``table`` itself."""
    pair = _columns(table)
    if pair is None:
        return table
    first, last = pair
    frame = table.frame
    columns = [str(c) for c in frame.columns]
    made = header(first, last, columns)
    at = min(columns.index(first), columns.index(last))
    frame = frame.copy()
    frame.insert(at, made, join_names(frame[first], frame[last]).to_numpy())
    parts = sorted((first, last), key=columns.index)
    return replace(table, frame=frame, made_from={**table.made_from, made: parts})


def with_names(book: Workbook) -> Workbook:
    """Every sheet of ``book`` through ``with_name``."""
    return replace(book, tables={n: with_name(t) for n, t in book.tables.items()})
