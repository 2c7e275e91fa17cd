"""Who each line is about: the employee id, or (files that name people only) the name.

Many exports name people without ids (``Agent``, ``Sales Rep``, ``销售代表``, ``坐席``). Their
name then stands in for the id while parsing; ``store.names.resolve`` turns each name into a
roster id (or a new stable one) before anything is stored.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ingest.context import Context
from ingest.two_names import join_names

MAX_ID_LENGTH = 64  # longer is a pasted note or a whole row in one cell, not an id
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The form two spellings of one name share: NFKC, trimmed, one space, case-folded.

    >>> normalise_name(" ＢＥＣＫＹ  Lee ") == normalise_name("becky lee")
    True
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(name))).strip().casefold()


def same_names(codes: np.ndarray, names: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Merge the codes of ``pd.factorize``d names that normalise alike (``Becky``, ``becky``):
    new codes, and per code the first spelling met. Normalises each distinct name once."""
    keys, _ = pd.factorize(np.array([normalise_name(n) for n in names], dtype=object))
    first = np.unique(keys, return_index=True)[1]  # keys number in order of appearance
    merged = np.where(codes >= 0, keys[np.maximum(codes, 0)], -1) if len(keys) else codes
    return merged, np.asarray(names)[first]


def by_name(fields: dict[str, str]) -> bool:
    """Whether a mapping (field -> column) names people only by their name."""
    return "employee_id" not in fields and "name" in fields


def full_name(ctx: Context) -> pd.Series | None:
    """The name of a file that writes it in two columns (FirstName, LastName): ``Ann Lee``;
    a Chinese name family name first, without a space (姓 王, 名 伟: ``王伟``). None when the
    file has no such columns."""
    if not (ctx.has("first_name") or ctx.has("last_name")):
        return None
    first, last = (ctx.text(f) if ctx.has(f) else pd.Series(None, index=ctx.frame.index,
                                                             dtype="object")
                   for f in ("first_name", "last_name"))
    return join_names(first, last)


def person_ids(ctx: Context) -> pd.Series:
    """Each line's person: the trimmed id (or name), bad ones reported on ``ctx``.

    An empty id or name is ``empty_id`` / ``empty_name``; an id over ``MAX_ID_LENGTH``
    characters is ``id_too_long``, one holding a line break ``id_line_break``.
    """
    if by_name(ctx.columns):
        names = ctx.text("name")
        ctx.report(names.isna(), "name", "empty_name")
        return names
    ids = ctx.text("employee_id")
    ctx.report(ids.isna(), "employee_id", "empty_id")
    for code, bad in id_problems(ids).items():
        ctx.report(bad, "employee_id", code)
    return ids


def id_problems(ids: pd.Series) -> dict[str, pd.Series]:
    """code -> which trimmed ids are not ids: ``id_line_break``, else ``id_too_long``."""
    breaks = ids.str.contains("[\r\n\u2028\u2029]", regex=True).fillna(False).astype(bool)
    return {"id_line_break": breaks,
            "id_too_long": (ids.str.len() > MAX_ID_LENGTH).fillna(False).astype(bool) & ~breaks}
