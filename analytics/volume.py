"""Values too thin to judge someone by: from fewer events than the ``min_events`` setting, or
of a period the import file covered only in part (an export ending on a Wednesday).

Event-log imports store both facts beside each value (``n_events``, ``partial``); values from
other files have neither and are always usable. Trends and flags leave the thin ones out; tables
mark them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

LOW_VOLUME, PARTIAL = "low_volume", "partial"


def _thin(values: pd.DataFrame, min_events: int) -> tuple[np.ndarray, np.ndarray]:
    """(low-volume, partial) masks; all False where the columns are absent or empty."""
    rows = len(values)
    low = np.zeros(rows, dtype=bool)
    part = np.zeros(rows, dtype=bool)
    if "n_events" in values.columns:
        n = pd.to_numeric(values["n_events"], errors="coerce").to_numpy(dtype=float,
                                                                        na_value=np.nan)
        low = n < min_events  # NaN (not from events) compares False
    if "partial" in values.columns:
        part = values["partial"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    return low, part


def marks(values: pd.DataFrame, min_events: int) -> pd.Series:
    """Per row: ``"partial"``, ``"low_volume"`` or None (partial wins when both hold).

    Example:
        >>> frame = pd.DataFrame({"n_events": [3, 40, None], "partial": [False, True, None]})
        >>> marks(frame, 5).tolist()
        ['low_volume', 'partial', None]
    """
    low, part = _thin(values, min_events)
    codes = np.where(part, PARTIAL, np.where(low, LOW_VOLUME, None))
    return pd.Series(codes, index=values.index, dtype=object)


def usable(values: pd.DataFrame, min_events: int) -> pd.DataFrame:
    """``values`` without low-volume values and partial periods (the same frame if none).

    Example:
        >>> frame = pd.DataFrame({"value": [1.0, 2.0, 3.0], "n_events": [3, 40, None],
        ...                       "partial": [False, True, None]})
        >>> usable(frame, 5)["value"].tolist()
        [3.0]
    """
    low, part = _thin(values, min_events)
    thin = low | part
    return values.loc[~thin] if thin.any() else values
