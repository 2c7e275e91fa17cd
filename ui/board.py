"""The board page's cached results, keyed by the data version and every choice of the page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.board import BoardView, board_view, drill
from reports.board_export import tables, to_html, to_xlsx
from store.access import Viewer
from ui.context import cursor, data_version, raw_cursor, scope

MAX_ENTRIES = 32


def _day(as_of: pd.Timestamp | None) -> str | None:
    return None if as_of is None else pd.Timestamp(as_of).strftime("%Y-%m-%d")


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _view(who: Viewer, version: str, as_of: str | None, by: str, team: str | None, rolling: bool) -> BoardView:
    # The flagged-employees tile comes from the overview's cache (see ``flagged``), not from here.
    return board_view(cursor(who), as_of=as_of, by=by, team=team, rolling=rolling, with_flags=False)


def view(as_of: pd.Timestamp | None, by: str, team: str | None, rolling: bool) -> BoardView:
    """``reports.board.board_view``, cached per data version and choice."""
    who = scope()
    return _view(who, data_version(raw_cursor()), _day(as_of), by, team, rolling)


def flagged(as_of: pd.Timestamp | None, lang: str) -> int:
    """Employees flagged by the manager view as of ``as_of`` (-1 when it cannot be counted).

    Shares the team overview's cache, so the count costs nothing once the overview was opened.
    """
    from ui.cache import team_overview

    try:
        return int(team_overview(as_of, lang).flagged)
    except ValueError:  # analytics.flags raises when nothing at all is flagged
        return -1


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _drill(who: Viewer, version: str, team: str, metric: str, as_of: str | None, rolling: bool) -> pd.DataFrame:
    return drill(cursor(who), team=team, metric=metric, as_of=as_of, rolling=rolling)


def drill_rows(team: str, metric: str, as_of: pd.Timestamp | None, rolling: bool) -> pd.DataFrame:
    """``reports.board.drill``, cached per data version and choice."""
    who = scope()
    return _drill(who, data_version(raw_cursor()), team, metric, _day(as_of), rolling)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _exports(who: Viewer, version: str, as_of: str | None, by: str, team: str | None, rolling: bool,
             lang: str) -> tuple[dict[str, pd.DataFrame], bytes, str]:
    board = _view(who, version, as_of, by, team, rolling)
    return tables(board, lang), to_xlsx(board, lang), to_html(board, lang)


def exports(as_of: pd.Timestamp | None, by: str, team: str | None, rolling: bool, lang: str
            ) -> tuple[dict[str, pd.DataFrame], bytes, str]:
    """(display tables, XLSX bytes, HTML text) of the board in ``lang``, cached like ``view``."""
    who = scope()
    return _exports(who, data_version(raw_cursor()), _day(as_of), by, team, rolling, lang)
