"""One employee's metric table for the prep: comparison, gap and trend side by side, one row per
metric, with the mark of the latest stored value (``analytics.volume``)."""

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


def metric_table(series, comparison, trends, gaps, min_events: int = 1) -> pd.DataFrame:
    """One row per metric: this employee's comparison, gap and trend side by side.

    All four frames must already hold only this employee's rows; ``value`` is the recent mean
    used in the comparison, ``latest`` the latest period's value used in the gap.
    ``latest_mark``: "low_volume" / "partial" when the latest stored value was from fewer than
    ``min_events`` events or of a partial period (so it is not the one compared), else None.

    Example:
        >>> s = pd.DataFrame({"metric": ["AHT"], "direction": "lower", "category": "efficiency",
        ...     "unit": None})
        >>> metric_table(s, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())["metric"].tolist()
        ['AHT']
    """
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
