"""The red / amber / green rules of the leadership board (pure pandas, no I/O).

Input is the long attainment frame of ``store.board.attainment`` (one row per group x metric x
period, periods numbered 1, 2, ... over the whole data). Every number comes from
:class:`analytics.board_thresholds.BoardThresholds`.

Status rules (attainment rounded to 0.1% first, the precision a cell shows, so the colour
always agrees with the number and float noise never flips it):
green ``>= green_at``; amber ``red_below <= a < green_at``; red ``< red_below``; grey when there
is no target (NaN): "no target" is never red.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.board_thresholds import BoardThresholds

STATUSES: tuple[str, ...] = ("red", "amber", "green", "grey")
DEFAULT = BoardThresholds()
SERIES_KEYS = ["group", "metric"]
BOARD_COLUMNS: tuple[str, ...] = (
    "group", "label", "team", "metric", "period", "actual", "target", "attainment", "status",
    "previous_attainment", "previous_status", "trend", "red_streak", "red_since", "red_people",
)
RED_COLUMNS: tuple[str, ...] = ("group", "metric", "employee_id", "label", "attainment")


def status(attainment: pd.Series, *, thresholds: BoardThresholds = DEFAULT) -> pd.Series:
    """Colour of each attainment: "green", "amber", "red" or "grey" (no target).

    Example:
        >>> status(pd.Series([0.7994, 0.7996, 1.0, None])).tolist()
        ['red', 'amber', 'green', 'grey']
    """
    a = pd.to_numeric(pd.Series(attainment), errors="raise").astype(float).round(9).round(3)
    out = np.select([a.isna(), a < thresholds.red_below, a < thresholds.green_at],
                    ["grey", "red", "amber"], "green")
    return pd.Series(out, index=a.index, dtype=object)


def okr_status(progress: pd.Series, *, thresholds: BoardThresholds = DEFAULT) -> pd.Series:
    """Colour of key-result progress (0-1): red < 30%, amber 30-70% inclusive, green > 70%.

    Example:
        >>> okr_status(pd.Series([0.2994, 0.3, 0.7, 0.7006, None])).tolist()
        ['red', 'amber', 'amber', 'green', 'grey']
    """
    p = pd.to_numeric(pd.Series(progress), errors="raise").astype(float).round(9).round(3)
    out = np.select([p.isna(), p < thresholds.okr_red_below, p <= thresholds.okr_green_above],
                    ["grey", "red", "amber"], "green")
    return pd.Series(out, index=p.index, dtype=object)


def with_streaks(series: pd.DataFrame, *, thresholds: BoardThresholds = DEFAULT
                 ) -> pd.DataFrame:
    """Add status, the previous period's attainment/status, trend and red streak to each row.

    Args:
        series: attainment rows (group, metric, period, period_no, attainment, ...).
        thresholds: the colour rules.

    Returns:
        ``series`` sorted by group, metric, period_no, plus status, previous_attainment,
        previous_status (None when the group had no row the period before), trend ("up",
        "down", "flat" or None), red_streak (consecutive red periods ending at that row, 0 when
        not red; a missing period breaks a streak) and red_since (first period of the streak).

    Example:
        >>> rows = pd.DataFrame({"group": "A", "metric": "m", "period_no": [1, 2, 3],
        ...     "period": pd.to_datetime(["2025-01-06", "2025-01-13", "2025-01-20"]),
        ...     "attainment": [0.7, 0.75, 0.79]})
        >>> with_streaks(rows)["red_streak"].tolist()
        [1, 2, 3]
    """
    missing = {"group", "metric", "period", "period_no", "attainment"} - set(series.columns)
    if missing:
        raise ValueError(f"series lacks column(s) {sorted(missing)}")
    out = series.sort_values([*SERIES_KEYS, "period_no"], kind="stable").reset_index(drop=True)
    out["status"] = status(out["attainment"], thresholds=thresholds)
    same = (out["group"].eq(out["group"].shift()) & out["metric"].eq(out["metric"].shift())
            & out["period_no"].sub(out["period_no"].shift()).eq(1))
    out["previous_attainment"] = out["attainment"].shift().where(same)
    out["previous_status"] = out["status"].shift().where(same)
    change = out["attainment"] - out["previous_attainment"]
    tol = thresholds.trend_tolerance
    out["trend"] = np.select([change.isna(), change > tol, change < -tol], [None, "up", "down"],
                             "flat")
    out["trend"] = out["trend"].astype(object).where(change.notna(), None)
    red = out["status"].eq("red")
    run = (~(red & red.shift(fill_value=False) & same)).cumsum()
    out["red_streak"] = np.where(red, out.groupby(run).cumcount() + 1, 0)
    start = out.groupby(run)["period"].transform("first")
    out["red_since"] = start.where(red)
    return out


def board(series: pd.DataFrame, *, period_no: int | None = None,
          thresholds: BoardThresholds = DEFAULT) -> pd.DataFrame:
    """One row per (group, metric) at ``period_no`` (default: the latest): BOARD_COLUMNS.

    Example:
        >>> rows = pd.DataFrame({"group": "A", "label": "A", "team": "A", "metric": "m",
        ...     "period_no": [1, 2], "period": pd.to_datetime(["2025-01-06", "2025-01-13"]),
        ...     "actual": [7.0, 9.0], "target": 10.0, "attainment": [0.7, 0.9]})
        >>> board(rows)[["status", "previous_status", "trend"]].values.tolist()
        [['amber', 'red', 'up']]
    """
    if series.empty:
        return pd.DataFrame(columns=list(BOARD_COLUMNS))
    rows = with_streaks(series, thresholds=thresholds)
    last = int(rows["period_no"].max()) if period_no is None else int(period_no)
    now = rows.loc[rows["period_no"].eq(last)]
    return now.reindex(columns=list(BOARD_COLUMNS)).reset_index(drop=True)


def red_people(people: pd.DataFrame, owner: pd.Series, *, thresholds: BoardThresholds = DEFAULT
               ) -> pd.DataFrame:
    """The people who are red on a metric, each under the board row (``owner``) they belong to.

    A team's pooled attainment can be green while one of its people is red for five periods:
    the board counts them per cell.

    Args:
        people: one row per employee x metric at the board's period (``store.board.attainment``
            by "employee": group = employee id, label, metric, attainment).
        owner: the board row of each of those rows (same index): team, manager or the employee.

    Returns:
        RED_COLUMNS, one row per red (person, metric), worst first.

    Example:
        >>> p = pd.DataFrame({"group": ["a", "b"], "label": ["A", "B"], "metric": "m",
        ...     "attainment": [0.7, 0.95]})
        >>> red_people(p, pd.Series(["T", "T"]))[["group", "employee_id"]].values.tolist()
        [['T', 'a']]
    """
    red = status(people["attainment"], thresholds=thresholds).eq("red")
    out = pd.DataFrame({"group": owner[red], "metric": people.loc[red, "metric"],
                        "employee_id": people.loc[red, "group"], "label": people.loc[red, "label"],
                        "attainment": people.loc[red, "attainment"]})
    return out.sort_values("attainment", kind="stable").reset_index(drop=True)


def with_red_people(board_rows: pd.DataFrame, red: pd.DataFrame) -> pd.DataFrame:
    """``board_rows`` with ``red_people``: how many people of each cell are red (0 when none)."""
    counts = red.groupby(["group", "metric"]).size().rename("red_people")
    out = board_rows.drop(columns=["red_people"], errors="ignore").join(
        counts, on=["group", "metric"])
    out["red_people"] = out["red_people"].fillna(0).astype(int)
    return out


def summary(board_rows: pd.DataFrame) -> dict[str, int]:
    """Cells per status: {"red": n, "amber": n, "green": n, "grey": n}."""
    counts = board_rows["status"].value_counts() if not board_rows.empty else pd.Series()
    return {name: int(counts.get(name, 0)) for name in STATUSES}
