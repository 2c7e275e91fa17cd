"""The board page's sections: the tiles, the coloured grid, the alerts, the key results and the
exports, each for one ``Pick`` (the viewer's snapshot and the page's choices)."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from charts.board import cell_css
from i18n.numbers import percent
from reports.board import NO_GROUP, BoardView
from reports.people import no_team
from ui import board as cached
from ui.cache import Snapshot
from ui.context import lang, tr
from ui.downloads import audited, download_name
from ui.headcount import headcount_words
from ui.plot import plot

# Streamlit renders a pandas Styler cell by cell on every rerun (the alerts and key
# results of 5,000 people, 10,000 rows, took 1 s per rerun). Longer tables are shown plain: their
# level and progress columns already say the status in words and symbols.
STYLED_ROWS = 500


class Pick(NamedTuple):
    """The board the page shows: whose (snapshot), as of when, grouped how, which team, rolling."""

    snap: Snapshot
    as_of: pd.Timestamp
    by: str
    team: str | None
    rolling: bool


def team_name(team: str) -> str:
    return no_team(lang()) if team == NO_GROUP else team


def group_name(group: str, by: str) -> str:
    """A drill-down choice as shown: nobody's team or nobody's manager in words."""
    if group != NO_GROUP:
        return group
    return tr("people.no_manager") if by == "manager" else no_team(lang())


def styled(frame: pd.DataFrame, colours: pd.DataFrame):
    """``frame`` with each cell's fill from ``colours`` (a status per cell)."""
    css = colours.map(cell_css).reindex(index=frame.index, columns=frame.columns, fill_value="")
    return frame.style.apply(lambda _: css, axis=None).format(precision=1, na_rep="")


def long_table(frame: pd.DataFrame, colours: pd.DataFrame, key: str) -> None:
    """``frame`` coloured by ``colours``, or plain past ``STYLED_ROWS`` rows."""
    shown = styled(frame, colours) if len(frame) <= STYLED_ROWS else frame
    st.dataframe(shown, hide_index=True, width="stretch", key=key)


def share(n: int, total: int) -> tuple[str, str | None]:
    """(the share as a tile value, "n of total" for the caption under it)."""
    if n < 0 or not total:
        return "–", None
    return percent(n / total), tr("head.share", n=n, total=total)


def tiles(pick: Pick, view: BoardView) -> None:
    """Red cells, red people, amber, green, flagged and coverage, each with what it counts."""
    heads = view.tiles
    rule = headcount_words(view.headcount)
    cols = st.columns(6)
    cols[0].metric(tr("board.tile.red"), heads["red"], help=tr("board.tile.red_help"))
    cols[1].metric(tr("board.tile.red_people"), heads["red_people"],
                   help=tr("board.tile.red_people_help"))
    for col, name in zip(cols[2:4], ("amber", "green"), strict=True):
        col.metric(tr(f"board.tile.{name}"), heads[name])
    for col, name, n in ((cols[4], "flagged", cached.flagged(pick.snap, pick.as_of, lang())),
                         (cols[5], "coverage", heads["coached"])):
        value, detail = share(n, heads["people"])
        col.metric(tr(f"board.tile.{name}"), value, help=tr(f"head.{name}_help", **rule))
        if detail:
            col.caption(detail)


def alerts(view: BoardView, shown: dict[str, pd.DataFrame]) -> None:
    limits = view.thresholds
    st.subheader(tr("board.alerts.title"))
    st.caption(tr("board.alerts.intro", n=limits.alert_periods))
    if view.alerts.empty:
        st.success(tr("board.alerts.none", n=limits.alert_periods))
    else:
        long_table(shown["alerts"], shown["alerts_status"], "board_alerts")


def key_results(pick: Pick, view: BoardView, shown: dict[str, pd.DataFrame]) -> None:
    limits = view.thresholds
    st.subheader(tr("board.okr.title"))
    if view.objectives.empty:
        st.info(tr("board.okr.none"))
        return
    st.caption(tr("board.okr.intro", red=f"{limits.okr_red_below:.0%}",
                  green=f"{limits.okr_green_above:.0%}"))
    plot(cached.okr_chart(*pick, lang()), width="stretch", key="board_okr_chart")
    long_table(shown["objectives"], shown["objectives_status"], "board_objectives")


def exports(pick: Pick, view: BoardView) -> None:
    """The board as XLSX and as a printable page, built when clicked, the download audited."""
    st.subheader(tr("board.export.title"))
    with st.container(horizontal=True):
        stamp = view.period.strftime("%Y-%m-%d")
        choice = (*pick, lang())
        st.download_button(tr("board.export.xlsx"), cached.export_file(*choice, "xlsx"),
                           file_name=download_name(f"board-{stamp}", "xlsx"),
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key="board_xlsx", on_click=audited("board_xlsx", pick.team))
        st.download_button(tr("board.export.html"), cached.export_file(*choice, "html"),
                           file_name=download_name(f"board-{stamp}", "html"), mime="text/html",
                           key="board_html", on_click=audited("board_html", pick.team))
