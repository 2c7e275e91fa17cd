"""What the whole workspace holds, as the viewer sees it: counts and the period range (the
sidebar), whether it is empty, the metric catalog, everyone's team trend rows, the periods with
values, each metric's better direction, and the roster."""

from __future__ import annotations

import duckdb
import pandas as pd

from store.queries import catalog, employees, facts, is_empty, team_trend

__all__ = ["catalog", "employees", "facts", "is_empty", "metric_directions", "periods",
           "team_trend"]


def periods(con: duckdb.DuckDBPyConnection) -> list[pd.Timestamp]:
    """Every period with a metric value, newest first (what an as-of box offers)."""
    trend = team_trend(con)
    return [pd.Timestamp(p) for p in sorted(pd.to_datetime(trend["period"]).unique(), reverse=True)]


def metric_directions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Metric -> "higher"/"lower" (the catalog's, "higher" when it has none) of every metric
    with values, by name."""
    directions = catalog(con).set_index("metric")["direction"]
    metrics = sorted(team_trend(con)["metric"].unique())
    return {m: str(directions.get(m, "higher")) for m in metrics}
