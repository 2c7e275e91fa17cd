"""The board page's cached results, keyed by the data version and every choice of the page.

Each public function takes a ``Snapshot`` (the viewer's scope and the data version, read once per
rerun: a warm rerun read the data version five times and the periods and teams by SQL).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.board import okr_teams
from i18n import t
from i18n.dates import iso
from reports.board import BoardView, board_view, choices, drill
from reports.board_cells import SYMBOL
from reports.board_export import tables, to_html, to_xlsx
from reports.forecast import forecast_rows
from ui.cache import Snapshot, overview_at
from ui.context import Viewer, cursor

MAX_ENTRIES = 32


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _choices(who: Viewer, version: str) -> tuple[list[pd.Timestamp], list[str]]:
    return choices(cursor(who))


def periods(snap: Snapshot) -> list[pd.Timestamp]:
    """``reports.board.choices``' periods (newest first), cached per data version."""
    return _choices(snap.who, snap.version)[0]


def teams(snap: Snapshot) -> list[str]:
    """``reports.board.choices``' teams, cached per data version."""
    return _choices(snap.who, snap.version)[1]


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _view(who: Viewer, version: str, as_of: str | None, by: str, team: str | None, rolling: bool) -> BoardView:
    # The flagged-employees tile comes from the overview's cache (see ``flagged``), not from here.
    return board_view(cursor(who), as_of=as_of, by=by, team=team, rolling=rolling, with_flags=False)


def view(snap: Snapshot, as_of: pd.Timestamp | None, by: str, team: str | None,
         rolling: bool) -> BoardView:
    """``reports.board.board_view``, cached per data version and choice."""
    return _view(snap.who, snap.version, iso(as_of), by, team, rolling)


def flagged(snap: Snapshot, as_of: pd.Timestamp | None, lang: str) -> int:
    """Employees flagged by the manager view as of ``as_of`` (-1 when it cannot be counted).

    Shares the team overview's cache, so the count costs nothing once the overview was opened.
    """
    try:
        return int(overview_at(snap, as_of, lang).flagged)
    except ValueError:  # analytics.flags raises when nothing at all is flagged
        return -1


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _drill(who: Viewer, version: str, by: str, group: str, metric: str, as_of: str | None,
           rolling: bool) -> pd.DataFrame:
    owner = {"manager": group} if by == "manager" else {"team": group}
    return drill(cursor(who), metric=metric, as_of=as_of, rolling=rolling, **owner)


def drill_rows(snap: Snapshot, by: str, group: str, metric: str, as_of: pd.Timestamp | None,
               rolling: bool) -> pd.DataFrame:
    """``reports.board.drill`` of a team (``by="team"``) or a manager's people, cached."""
    return _drill(snap.who, snap.version, by, group, metric, iso(as_of), rolling)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _outlook(who: Viewer, version: str, as_of: str | None) -> pd.DataFrame:
    return forecast_rows(cursor(who), as_of=as_of)[["employee_id", "metric", "status", "p_100",
                                                    "target_period", "target_grain"]]


def outlook_rows(snap: Snapshot, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """``reports.forecast.forecast_rows`` (status and chance per person and metric), cached."""
    return _outlook(snap.who, snap.version, iso(as_of))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _tables(who: Viewer, version: str, as_of: str | None, by: str, team: str | None,
            rolling: bool, lang: str) -> dict[str, pd.DataFrame]:
    return tables(_view(who, version, as_of, by, team, rolling), lang)


def exports(snap: Snapshot, as_of: pd.Timestamp | None, by: str, team: str | None,
            rolling: bool, lang: str) -> dict[str, pd.DataFrame]:
    """The board's display tables in ``lang``, cached like ``view``."""
    return _tables(snap.who, snap.version, iso(as_of), by, team, rolling, lang)


def export_file(snap: Snapshot, as_of: pd.Timestamp | None, by: str, team: str | None,
                rolling: bool, lang: str, kind: str) -> Callable[[], bytes | str]:
    """The XLSX (``kind="xlsx"``) or printable HTML of the board, built only when clicked.

    Building both files on every rerun was most of the board's first visit at 5,000 people.
    """
    build = {"xlsx": to_xlsx, "html": to_html}[kind]
    day = iso(as_of)
    return lambda: build(_view(snap.who, snap.version, day, by, team, rolling), lang)


# The OKR chart is cached as an object (cache_resource: no pickling; st.plotly_chart only reads
# it, never mutate one): building it took about 0.07 s per rerun on 5,000 people.
@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _okr(who: Viewer, version: str, as_of: str | None, by: str, team: str | None, rolling: bool,
         lang: str) -> go.Figure:
    board = _view(who, version, as_of, by, team, rolling)
    limits = board.thresholds
    return okr_teams(board.okr_teams, symbols=SYMBOL, red=limits.okr_red_below,
                     green=limits.okr_green_above, title=t("board.okr.teams", lang))


def okr_chart(snap: Snapshot, as_of: pd.Timestamp | None, by: str, team: str | None,
              rolling: bool, lang: str) -> go.Figure:
    """The key results' chart per team of ``view``'s board, cached like ``view``."""
    return _okr(snap.who, snap.version, iso(as_of), by, team, rolling, lang)
