"""One employee's metric table for the prep: comparison, gap and trend side by side, one row per
metric, with the mark of the latest stored value (``analytics.volume``).

A person's frames are a few rows (one per metric) and pandas' merges, groupbys and reindexes
cost far more than the work: a third of a new person's prep at 5,000 people (issue 20). When
every part holds each of the person's metrics once (nearly always), the table is put together
column by column from row positions (``_aligned_table``); otherwise by merges
(``_merged_table``). ``tests/analytics/test_prep_metrics.py`` compares the two.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.volume import marks

METRIC_COLUMNS = [
    "metric", "direction", "category", "unit", "value", "team_mean", "team_median", "team_best",
    "team_top_quartile", "percentile", "z", "n_team", "target", "attainment", "gap",
    "under_streak", "label", "slope_short", "p_short", "turning_point", "turn", "level_before",
    "level_after", "latest", "latest_period", "window_start", "window_end", "latest_mark",
    "latest_events",
]
_COMPARE = ["metric", "value", "team_mean", "team_median", "team_best", "team_top_quartile",
            "percentile", "z", "n_team", "window_start", "window_end"]
_GAP = ["metric", "target", "attainment", "gap", "under_streak", "latest", "latest_period"]
_TREND = ["metric", "label", "slope_short", "p_short", "turning_point", "turn", "level_before",
          "level_after"]


def _first(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` (missing ones as NaN), one row per metric."""
    if frame.empty:
        return pd.DataFrame({c: [] for c in columns}).astype({"metric": object})
    out = frame.reindex(columns=columns)
    # A person's comparison, gap and trend rows hold each metric once already.
    return out if out["metric"].is_unique else out.drop_duplicates("metric")


def _aligned(metrics: pd.Series, part: pd.DataFrame) -> pd.DataFrame:
    """``part``'s row of each of ``metrics`` (NaN where none) without its metric column: what
    ``meta.merge(part, on="metric", how="left")`` adds, for metrics unique on both sides, at a
    fraction of the merge's cost (the merges were a fifth of a prep at 5,000 people)."""
    if not part["metric"].is_unique:
        return metrics.to_frame().merge(part, on="metric", how="left").drop(columns="metric")
    where = pd.Index(part["metric"]).get_indexer(metrics)
    if (where >= 0).all():  # every metric there: the rows as they are, types kept
        return part.iloc[where].drop(columns="metric").reset_index(drop=True)
    return part.set_index("metric").reindex(metrics.to_numpy()).reset_index(drop=True)


def _latest_marks(series: pd.DataFrame, min_events: int) -> pd.DataFrame:
    """Per metric: the mark of the latest stored value (``analytics.volume``) and its events."""
    if series.empty or "period" not in series:
        return pd.DataFrame({"metric": [], "latest_mark": [], "latest_events": []}).astype(
            {"metric": object})
    # The latest row of each metric (one row per metric and period).
    metric = pd.factorize(series["metric"])[0]
    order = np.lexsort((series["period"].to_numpy(), metric))
    last = series.iloc[order[np.r_[metric[order][1:] != metric[order][:-1], True]]]
    return pd.DataFrame({"metric": last["metric"].to_numpy(),
                         "latest_mark": marks(last, min_events).to_numpy(),
                         "latest_events": last.reindex(columns=["n_events"])["n_events"]
                         .to_numpy()})


def metric_table(series, comparison, trends, gaps, min_events: int = 1, *,
                 at: dict[str, np.ndarray] | None = None) -> pd.DataFrame:
    """One row per metric: this employee's comparison, gap and trend side by side.

    All four frames must already hold only this employee's rows, or ``at`` says where their
    rows are in ``comparison``, ``trends`` and ``gaps`` (by those names; positions, as
    ``analytics.person_rows.PersonRows`` finds them): their columns are then read at those rows
    without taking the frames'. ``value`` is the recent mean
    used in the comparison, ``latest`` the latest period's value used in the gap.
    ``latest_mark``: "low_volume" / "partial" when the latest stored value was from fewer than
    ``min_events`` events or of a partial period (so it is not the one compared), else None.

    Example:
        >>> s = pd.DataFrame({"metric": ["AHT"], "direction": "lower", "category": "efficiency",
        ...     "unit": None})
        >>> metric_table(s, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())["metric"].tolist()
        ['AHT']
    """
    frames = {"comparison": comparison, "trends": trends, "gaps": gaps}
    table = _aligned_table(series, frames, min_events, at or {})
    if table is not None:
        return table
    if at is not None:  # the person's own rows, for the merges
        frames = {name: _rows(frame, at[name]) for name, frame in frames.items()}
    return _merged_table(series, *frames.values(), min_events)


def _rows(frame: pd.DataFrame, at: np.ndarray) -> pd.DataFrame:
    rows = frame.take(at)
    rows.index = pd.RangeIndex(len(rows))
    return rows


def _merged_table(series, comparison, trends, gaps, min_events: int) -> pd.DataFrame:
    """``metric_table`` by merges: any frames (metrics missing or repeated in a part)."""
    known = [_first(f, ["metric", "direction", "category", "unit"])
             for f in (series, comparison, trends, gaps) if not f.empty]
    # No metric at all (a roster and a coaching log only): an empty table, not an error.
    meta = pd.concat(known) if known else pd.DataFrame(columns=["metric"])
    meta = meta.dropna(subset=["metric"]).groupby("metric", sort=True).first().reset_index() \
        if not meta.empty else _first(meta, ["metric", "direction", "category", "unit"])
    gap = gaps.rename(columns={"value": "latest", "period": "latest_period"}) \
        if not gaps.empty else gaps
    meta = meta.reset_index(drop=True)
    parts = [_first(frame, columns) for frame, columns in
             ((comparison, _COMPARE), (gap, _GAP), (trends, _TREND))]
    parts = [_aligned(meta["metric"], part)
             for part in (*parts, _latest_marks(series, min_events))]
    out = pd.concat([meta, *parts], axis=1).reindex(columns=METRIC_COLUMNS)
    for column in ("turning_point", "latest_period", "window_start", "window_end"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    return out


_META = ["metric", "direction", "category"]
_DATES = ("turning_point", "latest_period", "window_start", "window_end")


def _positions(frame: pd.DataFrame, names: list[str], columns: list[str],
               at: np.ndarray | None) -> np.ndarray | None:
    """Where each of ``names`` is in ``frame`` (or among its rows ``at``): one row each, every
    one of ``columns`` there; None when the frame is not like that."""
    if len(frame if at is None else at) != len(names) or any(c not in frame for c in columns):
        return None
    metric = frame["metric"].array if at is None else frame["metric"].array.take(at)
    where = {m: i for i, m in enumerate(np.asarray(metric, dtype=object))}
    if len(where) != len(names) or any(m not in where for m in names):
        return None
    found = np.array([where[m] for m in names], dtype=np.intp)
    return found if at is None else at[found]


def _series_rows(series: pd.DataFrame) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """(the metrics sorted, each one's first row, each one's latest row) of ``series``."""
    if series.empty or any(c not in series for c in (*_META, "period")):
        return None
    metric = series["metric"].to_numpy(dtype=object)
    first: dict = {}
    for i, m in enumerate(metric):
        first.setdefault(m, i)
    if not all(isinstance(m, str) for m in first):
        return None
    names = sorted(first)
    code = pd.Index(names).get_indexer(metric)
    order = np.lexsort((series["period"].to_numpy(), code))
    last = order[np.r_[code[order][1:] != code[order][:-1], True]]
    return names, np.array([first[m] for m in names], dtype=np.intp), last


# Each part's columns of the table: (its column, the table's column).
_PARTS = (("comparison", [(c, c) for c in _COMPARE[1:]]),
          ("gaps", [("value" if c == "latest" else "period" if c == "latest_period" else c, c)
                    for c in _GAP[1:]]),
          ("trends", [(c, c) for c in _TREND[1:]]))


def _aligned_table(series, frames: dict[str, pd.DataFrame], min_events: int,
                   at: dict[str, np.ndarray]) -> pd.DataFrame | None:
    """``metric_table`` from row positions when every part holds each metric once, with the
    kind of each metric in ``series`` (else None): what the merges give, types included."""
    found = _series_rows(series)
    if found is None:
        return None
    names, first, last = found
    where = {part: _positions(frames[part], names, ["metric", *(c for c, _ in columns)],
                              at.get(part)) for part, columns in _PARTS}
    meta = {c: series[c] for c in _META}
    # The merges take a metric's kind from the first part that has it (here the series has
    # all) and its type from all four.
    if (any(w is None for w in where.values()) or any("unit" in f for f in frames.values())
            or any(f[c].dtype != meta[c].dtype for f in frames.values() for c in _META if c in f)):
        return None
    columns = {c: meta[c].array.take(first) for c in _META}
    if any(pd.isna(columns[c]).any() for c in _META):
        return None
    # As the merges give: objects (a frame would infer text from strings), NaN when no unit.
    columns["unit"] = (pd.Series([u if isinstance(u, str) else None for u in
                                  series["unit"].to_numpy(dtype=object)[first]], dtype=object)
                       if "unit" in series else np.full(len(names), np.nan))
    for part, pairs in _PARTS:
        columns |= {ours: frames[part][theirs].array.take(where[part]) for theirs, ours in pairs}
    thin = {c: series[c].array.take(last) for c in ("n_events", "partial") if c in series}
    columns["latest_mark"] = marks(pd.DataFrame(thin, index=range(len(last))),
                                   min_events).to_numpy()
    columns["latest_events"] = (thin["n_events"].to_numpy() if "n_events" in thin
                                else np.full(len(last), np.nan))
    for column in _DATES:
        if columns[column].dtype.kind == "M" and getattr(columns[column], "tz", None) is None:
            columns[column] = columns[column].astype("datetime64[ns]")
    out = pd.DataFrame({c: columns[c] for c in METRIC_COLUMNS})
    for column in _DATES:
        if out[column].dtype != "datetime64[ns]":
            out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    return out
