"""analytics.prep_metrics: the metric table put together from row positions against the same
table made by merges (the way it was made before), column types included, for every person of
a generated team."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import prep_metrics
from analytics.compare import compare
from analytics.gap import gaps
from analytics.prep_metrics import metric_table
from analytics.trend import trends

AS_OF = pd.Timestamp("2025-06-30")
KINDS = {"AHT": ("lower", "efficiency", "min"), "CSAT": ("higher", "quality", None),
         "Sales": ("higher", "output", "EUR")}


def team(seed: int, *, events: str, units: str, people: int = 6) -> pd.DataFrame:
    """``people`` x 26 weeks of three metrics; ``events``: "none" (no volume columns), "all"
    (every value counted) or "gaps" (some counts and partial flags missing)."""
    rng = np.random.default_rng(seed)
    periods = pd.date_range("2025-01-06", periods=26, freq="W-MON")
    rows = []
    for p in range(people):
        for metric, (direction, category, unit) in KINDS.items():
            level = rng.normal(50, 10) + rng.normal(0, 1) * np.arange(26)
            target = np.nan if metric == "CSAT" else 50.0
            for week, period in enumerate(periods):
                rows.append({"employee_id": f"E{p}", "name": f"N{p}", "team": f"T{p % 2}",
                             "period": period, "metric": metric, "value": level[week],
                             "target": target, "direction": direction, "category": category,
                             "unit": {"none": None, "all": unit or "pts"}.get(units, unit),
                             "n_events": rng.integers(1, 30), "partial": rng.random() < 0.2})
    values = pd.DataFrame(rows)
    if events == "none":
        return values.drop(columns=["n_events", "partial"])
    if events == "gaps":
        missing = rng.random(len(values)) < 0.3
        values["n_events"] = pd.array(np.where(missing, None, values["n_events"]), dtype="Int32")
        values["partial"] = pd.array(np.where(missing, None, values["partial"]), dtype="boolean")
    return values


def merged(series, comparison, trend, gap, min_events):
    """The table by merges, independently of the row positions."""
    return prep_metrics._merged_table(series, comparison, trend, gap, min_events)


@pytest.mark.parametrize(("seed", "events", "units"), [
    (1, "none", "none"), (2, "all", "all"), (3, "gaps", "some"), (4, "all", "some"),
    (5, "gaps", "none")])
def test_positions_give_the_merged_table(seed, events, units):
    values = team(seed, events=events, units=units)
    comparison, trend = compare(values, as_of=AS_OF), trends(values, as_of=AS_OF)
    gap = gaps(values, as_of=AS_OF)
    for emp, series in values.groupby("employee_id"):
        mine = [f.loc[f["employee_id"] == emp].reset_index(drop=True)
                for f in (comparison, trend, gap)]
        series = series.drop(columns=["employee_id", "name", "team"]).reset_index(drop=True)
        parts = dict(zip(("comparison", "trends", "gaps"), mine, strict=True))
        assert prep_metrics._aligned_table(series, parts, 5, {}) is not None  # positions used
        table = metric_table(series, *mine, 5)
        pd.testing.assert_frame_equal(table, merged(series, *mine, 5), check_exact=True)
        # The same read at the person's rows of the team-wide frames.
        at = {name: np.flatnonzero(frame["employee_id"] == emp) for name, frame in
              (("comparison", comparison), ("trends", trend), ("gaps", gap))}
        pd.testing.assert_frame_equal(
            metric_table(series, comparison, trend, gap, 5, at=at), table, check_exact=True)
        # The latest value's mark, from the generated rows by a groupby.
        last = series.sort_values("period").groupby("metric").tail(1).set_index("metric")
        last = last.reindex(table["metric"])
        if events == "none":
            assert table["latest_mark"].isna().all()
            continue
        part = last["partial"].astype("boolean").fillna(False).to_numpy(dtype=bool)
        low = last["n_events"].astype(float).to_numpy() < 5
        assert [m if isinstance(m, str) else None for m in table["latest_mark"]] == [
            "partial" if p else "low_volume" if lo else None for p, lo in zip(part, low, strict=True)]


@pytest.mark.parametrize("change", ["metric_missing", "metric_twice", "no_kind", "no_unit"])
def test_other_frames_are_merged(change):
    values = team(7, events="all", units="some", people=3)
    comparison, trend = compare(values, as_of=AS_OF), trends(values, as_of=AS_OF)
    gap = gaps(values, as_of=AS_OF)
    mine = [f.loc[f["employee_id"] == "E1"].reset_index(drop=True)
            for f in (comparison, trend, gap)]
    series = values.loc[values["employee_id"] == "E1"].reset_index(drop=True)
    if change == "metric_missing":  # no comparison of Sales: a row with NaN there
        mine[0] = mine[0].loc[mine[0]["metric"] != "Sales"].reset_index(drop=True)
    elif change == "metric_twice":
        mine[1] = pd.concat([mine[1], mine[1].head(1)], ignore_index=True)
    elif change == "no_kind":  # the kind then comes from the comparison
        series["direction"] = series["direction"].where(series["metric"] != "AHT")
    else:
        series = series.drop(columns="unit")
    table = metric_table(series, *mine, 5)
    pd.testing.assert_frame_equal(table, merged(series, *mine, 5), check_exact=True)
    # Read at the person's rows of frames holding someone else's too: the same table.
    others = [pd.concat([f.iloc[:0], f, f], ignore_index=True) for f in mine]
    at = {name: np.arange(len(f)) + len(f) for name, f in
          zip(("comparison", "trends", "gaps"), mine, strict=True)}
    pd.testing.assert_frame_equal(metric_table(series, *others, 5, at=at), table,
                                  check_exact=True)
    assert table["metric"].tolist() == sorted(KINDS)
    assert table["direction"].tolist() == [KINDS[m][0] for m in sorted(KINDS)]
