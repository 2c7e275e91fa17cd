"""The leadership board, assembled for the page and the CLI (no Streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics import board as rules
from analytics import board_okr as okr
from analytics.board_thresholds import BOARD_THRESHOLDS_KEY, BoardThresholds
from analytics.headcount import Headcount
from reports.headcount import headline
from reports.people import group_names
from reports.team import team_view
from store import board as queries
from store import settings

CLI_COLUMNS = ["group", "label", "metric", "period", "attainment", "status", "previous_status",
               "red_streak", "red_people"]
NO_GROUP = queries.NO_GROUP  # the label of people without a team or manager


def choices(con: duckdb.DuckDBPyConnection) -> tuple[list[pd.Timestamp], list[str]]:
    """What the board's selectors offer: its periods (newest first) and the teams."""
    return queries.periods(con), queries.teams(con)


def board_thresholds(con: duckdb.DuckDBPyConnection) -> BoardThresholds:
    """The stored board thresholds (defaults for anything the user did not change)."""
    return BoardThresholds.from_dict(settings.load(con, BOARD_THRESHOLDS_KEY))


@dataclass(frozen=True)
class BoardView:
    """Everything the board page shows for one period.

    ``period`` is None (and every frame empty) when there is no metric value up to ``as_of``.
    """

    period: pd.Timestamp | None
    by: str
    team: str | None
    window: int
    thresholds: BoardThresholds
    periods: list[pd.Timestamp]
    teams: list[str]
    board: pd.DataFrame  # analytics.board.BOARD_COLUMNS, one row per group x metric
    red: pd.DataFrame  # analytics.board.RED_COLUMNS: the red people under each cell
    alerts: pd.DataFrame  # analytics.board_okr.ALERT_COLUMNS
    objectives: pd.DataFrame  # per owner x objective
    okr_teams: pd.DataFrame  # per team
    # cells per status, red_people, and analytics.headcount: people, flagged, coached, sessions
    tiles: dict[str, int] = field(default_factory=dict)
    headcount: Headcount | None = None  # the window and rule behind people / coached / flagged


def _series(con, *, by, as_of, window, team=None, red_below=None) -> pd.DataFrame:
    return queries.attainment(con, by=by, as_of=as_of, window=window, team=team,
                              red_below=red_below)


def _board_series(con, *, by, as_of, window, team, limits: BoardThresholds) -> pd.DataFrame:
    """The last two periods of every series, plus the whole red run of the red ones: all that
    status, previous status, trend and red streak need, without reading all history."""
    recent = queries.attainment(con, by=by, as_of=as_of, window=window, team=team, lookback=2)
    red = _series(con, by=by, as_of=as_of, window=window, team=team, red_below=limits.red_below)
    frames = [f for f in (recent, red) if not f.empty]
    if not frames:
        return recent
    both = pd.concat(frames, ignore_index=True)
    return both.drop_duplicates(["group", "metric", "period_no"]).reset_index(drop=True)


def board_view(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: pd.Timestamp | None = None,
    by: str = "team",
    team: str | None = None,
    rolling: bool = False,
    with_flags: bool = True,
) -> BoardView:
    """The board for the latest period up to ``as_of`` (default: the latest in the data).

    Args:
        con: the database.
        as_of: the board's period is the latest period on or before this date.
        by: rows are "team", "manager" or "employee" (employees of ``team``).
        team: the team of the employee board (required when ``by == "employee"``).
        rolling: pool the last ``rolling_periods`` periods per cell instead of one.
        with_flags: count the employees flagged by the manager view (costs the full analysis);
            -1 when not counted.

    Returns:
        A BoardView; its tiles hold red/amber/green/grey cell counts, ``red_people`` (people
        red on any metric) and the headcount of ``analytics.headcount`` (``people``,
        ``flagged``, ``coached``, ``sessions``) for the coverage window up to the period.
    """
    if by not in queries.BY_CHOICES:
        raise ValueError(f"by must be one of {queries.BY_CHOICES}, got {by!r}")
    if by == "employee" and not team:
        raise ValueError("the employee board needs a team")
    limits = board_thresholds(con)
    window = limits.rolling_periods if rolling else 1
    series = _board_series(con, by=by, as_of=as_of, window=window, team=team, limits=limits)
    empty = pd.DataFrame()
    goals = queries.goals_frame(con)
    objectives = okr.objectives(goals, thresholds=limits)
    okr_teams = okr.teams(goals, thresholds=limits)
    base = dict(by=by, team=team, window=window, thresholds=limits,
                periods=queries.periods(con), teams=queries.teams(con),
                objectives=objectives, okr_teams=okr_teams)
    if series.empty:
        alerts = okr.alerts({}, goals, thresholds=limits)
        return BoardView(period=None, board=rules.board(empty), red=_red(empty, by, con, limits),
                         alerts=alerts, **base)
    period, number = queries.last_period(con, as_of=as_of)
    people = queries.attainment(con, by="employee", as_of=as_of, window=window, team=team,
                                lookback=1)
    red = _red(people, by, con, limits)
    table = rules.with_red_people(rules.board(series, period_no=number, thresholds=limits), red)
    alerts = okr.alerts({
        "team": _series(con, by="team", as_of=period, window=1, red_below=limits.red_below),
        "employee": _series(con, by="employee", as_of=period, window=1,
                            red_below=limits.red_below),
    }, goals, thresholds=limits)
    day = period if as_of is None else as_of
    heads = headline(con, as_of=day, flagged=_flagged(con, day) if with_flags else None)
    tiles = {**rules.summary(table), "red_people": int(red["employee_id"].nunique()),
             "people": heads.people, "flagged": heads.flagged, "coached": heads.coached,
             "sessions": heads.sessions}
    return BoardView(period=period, board=table, red=red, alerts=alerts, tiles=tiles,
                     headcount=heads, **base)


def _red(people: pd.DataFrame, by: str, con, limits: BoardThresholds) -> pd.DataFrame:
    """The red people of each board row (RED_COLUMNS)."""
    if people.empty:
        return pd.DataFrame(columns=list(rules.RED_COLUMNS))
    if by == "team":
        owner = people["team"]
    elif by == "manager":
        owner = people["group"].map(queries.managers(con)).fillna(queries.NO_GROUP)
    else:
        owner = people["group"]
    return rules.red_people(people, owner, thresholds=limits)


def _flagged(con: duckdb.DuckDBPyConnection, as_of) -> list[str] | None:
    """Ids of the people the manager view flags as of ``as_of`` (None: cannot be counted)."""
    try:
        flags = team_view(con, as_of=pd.Timestamp(as_of)).flags
    except ValueError:  # analytics.flags fails when nothing at all is flagged: unknown, not 0
        return None
    return [] if flags.empty else flags["employee_id"].astype(str).unique().tolist()


def drill(
    con: duckdb.DuckDBPyConnection,
    *,
    team: str | None = None,
    metric: str,
    as_of: pd.Timestamp | None = None,
    rolling: bool = False,
    manager: str | None = None,
) -> pd.DataFrame:
    """The employees of ``team`` (or of ``manager``) on ``metric``: BOARD_COLUMNS, worst
    attainment first, so the red people of a cell come first."""
    if not (team or manager) or not metric:
        raise ValueError("drill needs a team or a manager, and a metric")
    limits = board_thresholds(con)
    window = limits.rolling_periods if rolling else 1
    series = _board_series(con, by="employee", as_of=as_of, window=window, team=team,
                           limits=limits)
    series = series.loc[series["metric"].eq(metric)]
    if manager:
        bosses = series["group"].map(queries.managers(con)).fillna(queries.NO_GROUP)
        series = series.loc[bosses.eq(manager)]
    if series.empty:
        return rules.board(series)
    _, number = queries.last_period(con, as_of=as_of)
    table = rules.board(series, period_no=number, thresholds=limits)
    return table.sort_values("attainment", na_position="last", kind="stable").reset_index(drop=True)


def board_rows(
    con: duckdb.DuckDBPyConnection, *, as_of: pd.Timestamp | None = None, by: str = "team",
    rolling: bool = False,
) -> pd.DataFrame:
    """The CLI's board: one row per (group, metric), CLI_COLUMNS."""
    view = board_view(con, as_of=as_of, by=by, rolling=rolling, with_flags=False)
    out = group_names(view.board, by, "en").reindex(columns=CLI_COLUMNS)
    # Nobody's group has no id: empty in the CSV, null in JSON (the label names it).
    out["group"] = out["group"].where(out["group"].ne(NO_GROUP))
    # A cell without a target is never red: no count of red periods (empty, null in JSON).
    out["red_streak"] = out["red_streak"].astype("Int64").where(out["status"].ne("grey"))
    out["red_people"] = out["red_people"].astype("Int64")
    out["period"] = pd.to_datetime(out["period"])
    return out.sort_values(["group", "metric"], kind="stable").reset_index(drop=True)
