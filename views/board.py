"""Leadership board: red / amber / green cells, alerts, OKR, drill-down, exports."""

import streamlit as st

from analytics.grain import grain_of
from reports.board_export import board_caption
from reports.metric_names import metric_label
from reports.periods import grain_units
from ui import board as cached
from ui.board_drill import drill
from ui.board_sections import Pick, alerts, exports, key_results, styled, team_name, tiles
from ui.cache import snapshot
from ui.context import lang, tr
from ui.parts import part
from ui.widgets import as_of_select

BY = ("team", "manager", "employee")


@part
def drill_part(snap, *args) -> None:
    """The drill-down as a part of its own: another group or metric reruns it alone."""
    drill(*args)


snap = snapshot()  # the viewer's scope and the data version, read once per rerun
st.title(tr("board.title"))
periods = cached.periods(snap)
if not periods:
    st.info(tr("board.empty"))
    st.stop()

with st.container(horizontal=True):
    by = st.segmented_control(tr("board.by"), BY, default="team", key="board_by",
                              format_func=lambda b: tr(f"board.by.{b}")) or "team"
    teams = cached.teams(snap)
    team = (st.selectbox(tr("board.team"), teams, key="board_team", format_func=team_name)
            if by == "employee" else None)
    as_of = as_of_select(periods, key="board_as_of")
    view = cached.view(snap, as_of, by, team, False)
    rolling = st.toggle(tr("board.rolling", n=view.thresholds.rolling_periods,
                           units=grain_units(grain_of(periods), lang())), key="board_rolling")
pick = Pick(snap, as_of, by, team, rolling)
if rolling:
    view = cached.view(*pick)
limits = view.thresholds
st.caption(tr("board.intro", green=f"{limits.green_at:.0%}", red=f"{limits.red_below:.0%}"))
if view.period is None:
    st.info(tr("board.no_period", period=as_of.strftime("%Y-%m-%d")))
    st.stop()
shown = cached.exports(*pick, lang())

tiles(pick, view)
st.caption(board_caption(view, lang()))
texts = shown["board"]
# The columns stay the stored names (a click names the metric); the headers read as the reader
# reads them.
headers = {m: st.column_config.Column(metric_label(m, lang())) for m in texts.columns}
picked = st.dataframe(styled(texts, shown["board_status"]), key="board_grid", on_select="rerun",
                      selection_mode="single-cell", width="stretch", column_config=headers)
st.caption(tr("board.select_hint"))
drill_part(snap, pick, view, teams, texts, picked.selection.cells if picked else [])
alerts(view, shown)
key_results(pick, view, shown)
exports(pick, view)
