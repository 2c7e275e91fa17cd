"""One calendar per workspace: an import whose figures would fall two to a period is refused.

Every analysis reads a workspace's periods on one grain, found from all of them
(``analytics.frames.grain``: weeks, months, quarters...). A weekly call log imported into a
workspace of quarterly reviews and monthly training scores made that grain "month": two weeks of
one person's calls then fell in one month, and every page reading the team view stopped with
"something went wrong" until the import was undone. Such a file is now refused before anything
is stored, with the way to bring it in (its dates read by the workspace's period, or another
workspace). Files that fit, as nearly all do, cost two small reads of distinct periods.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from analytics.frames import period_grain, period_number
from ingest.model import IngestError, Parsed
from store.access import stored

_KEY = ["employee_id", "metric", "period"]


def clash(con: duckdb.DuckDBPyConnection, parsed: Parsed) -> IngestError | None:
    """``IngestError("grain_clash")`` when the workspace's values and ``parsed``'s, read on the
    grain of all their periods together, give a person two values of one metric in one period;
    None when they fit (a value with the key of a stored one replaces it: no clash)."""
    new = parsed.tables.get("metric_values")
    if new is None or new.empty:
        return None
    m = stored(con)
    old = [row[0] for row in con.execute(f"SELECT DISTINCT period FROM {m}.metric_values"
                                         ).fetchall()]
    old, incoming = _days(old), _days(new["period"].unique())
    if len(old) == 0:
        return None
    mine, theirs = period_grain(incoming), period_grain(old)
    together = period_grain(np.concatenate([old, incoming]))
    if mine == theirs == together:
        return None  # one grain already, each side's own periods distinct on it
    rows = pd.DataFrame(con.execute(
        f"SELECT DISTINCT employee_id, metric, period FROM {m}.metric_values").fetchall(),
        columns=_KEY, dtype=object)
    every = pd.concat([rows.astype({"period": "datetime64[ns]"}),
                       new[_KEY].astype({"employee_id": object, "metric": object,
                                         "period": "datetime64[ns]"})], ignore_index=True)
    every = every.drop_duplicates(_KEY)
    bins = every.assign(period=period_number(every["period"], together))
    twice = bins.duplicated(["employee_id", "metric", "period"], keep=False)
    if not twice.any():
        return None
    return IngestError("grain_clash", file_grain=mine, workspace_grain=theirs,
                       workspace_code=theirs, metric=str(bins.loc[twice, "metric"].iloc[0]))


def _days(values: object) -> np.ndarray:
    days = np.asarray(pd.to_datetime(pd.Series(values)).dropna(), dtype="datetime64[D]")
    return np.unique(days)
