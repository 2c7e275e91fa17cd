"""Dates on arbitrary days (reviews, audits, visits): the period each date counts for.

A long metrics sheet whose dates fall on arbitrary days, each person's far apart (performance
reviews a few times a year), read day by day makes one-day periods nobody can compare ("last 4
days"). ``fit`` proposes the grain the dates fit (week, month or quarter) with the facts that
say why; ``regroup`` then makes each date count for its period, a person's values in one period
averaged. Regular dates (month firsts, one weekday) and dense ones (daily data) are left as
they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ingest.model import Parsed, RawTable
from ingest.notes import Note
from ingest.plan import SheetPlan
from ingest.values import parse_dates

DATE_GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter")  # "day": as written
# A person's median days between dates -> the grain proposed (under the first: left daily).
_BOUNDS: tuple[tuple[int, str], ...] = ((5, "day"), (20, "week"), (75, "month"))
_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q"}


_ENOUGH_PEOPLE = 5  # people with one date each: the grain whose periods hold this many


@dataclass(frozen=True)
class Fit:
    """A proposed grain and why: a person's dates are ``gap_days`` apart (median over the
    ``people`` with two dates or more); or, most people having one date only
    (``gap_days`` None), a period of ``grain`` holds ``per_period`` of them (median)."""

    grain: str
    gap_days: int | None
    people: int
    per_period: int | None = None


def _dates(table: RawTable, sp: SheetPlan) -> pd.DataFrame | None:
    """(person, day) of every dated line of a long metrics sheet whose dates are not regular;
    None for other sheets (or regular dates: read before pairing them with people, cheaply)."""
    fields = {f: c for c, f in sp.mapping.items()}
    person = fields.get("employee_id") or fields.get("name")
    period = fields.get("period")
    if sp.layout != "long" or sp.kind not in ("metrics", "targets") or None in (person, period):
        return None
    days, _ = parse_dates(table.frame[period])
    if days.isna().all() or _regular(days.dropna()):
        return None
    frame = pd.DataFrame({"person": table.frame[person].to_numpy(), "day": days.to_numpy()})
    return frame.dropna().drop_duplicates()


def _regular(days: pd.Series) -> bool:
    """Firsts of months, or one weekday only: a period grain already (weeks, months ...)."""
    days = pd.DatetimeIndex(days.unique())
    return bool((days.day == 1).all() or len(set(days.day_of_week)) == 1)


def fit(table: RawTable, sp: SheetPlan) -> Fit | None:
    """The grain a long metrics sheet's dates fit, None when they are regular or dense."""
    dated = _dates(table, sp)
    if dated is None or dated.empty:
        return None
    dated = dated.sort_values(["person", "day"])
    gaps = dated.groupby("person", sort=False)["day"].diff().dt.days.dropna()
    per_person = gaps.groupby(dated.loc[gaps.index, "person"]).median()
    everyone = dated["person"].nunique()
    if len(per_person) * 2 < everyone:  # one date each (a training, a review): by headcount
        return _by_people(dated, everyone)
    gap = int(np.median(per_person))
    grain = next((g for bound, g in _BOUNDS if gap < bound), "quarter")
    return None if grain == "day" else Fit(grain, gap, len(per_person))


def _by_people(dated: pd.DataFrame, everyone: int) -> Fit:
    """The finest grain whose periods hold ``_ENOUGH_PEOPLE`` people (median), else quarters."""
    for grain in ("week", "month", "quarter"):
        starts = dated["day"].dt.to_period(_FREQ[grain])
        held = int(dated.groupby(starts)["person"].nunique().median())
        if held >= _ENOUGH_PEOPLE:
            break
    return Fit(grain, None, everyone, held)


def regroup(parsed: Parsed, grain: str) -> Parsed:
    """Each dated value counted for its ``grain`` (the period's first day); a person's values
    of one metric in one period averaged, the first line kept for naming it."""
    values = parsed.tables.get("metric_values")
    if grain == "day" or values is None or values.empty:
        return parsed
    starts = pd.to_datetime(values["period"]).dt.to_period(_FREQ[grain]).dt.start_time
    keyed = values.assign(period=starts.astype(values["period"].dtype))
    keys = ["employee_id", "period", "metric"]
    how = {c: ("mean" if c in ("value", "target") else "min" if c == "line" else "first")
           for c in keyed.columns if c not in keys}
    grouped = keyed.groupby(keys, sort=False, as_index=False, dropna=False).agg(how)
    note = Note("dates_by_grain", grain=grain, values=len(grouped), dated=len(values))
    return replace(parsed, tables={**parsed.tables, "metric_values": grouped},
                   notes=[*parsed.notes, note])
