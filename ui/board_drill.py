"""The board's drill-down: a clicked cell (or the two boxes) picks a team's or a manager's
people and a metric; their cells, targets, streaks and outlook, and a link to each person."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from reports import board_cells
from reports.board import NO_GROUP, BoardView
from reports.forecast import outlook_caption, outlook_columns
from reports.metric_names import metric_label
from ui import board as cached
from ui.board_sections import Pick, group_name, styled
from ui.context import lang, tr
from ui.text import md

EMPLOYEE_PAGE = "views/employee.py"


# Four links a row cut "Open Marty Freudenburg (P-050b21)" at 1440 px; three hold a long
# name with its id.
LINK_COLUMNS = 3

def _follow_click(pick: Pick, texts: pd.DataFrame, cells: list, metrics: list[str],
                  drill_key: str, drill_by: str) -> None:
    """A click on a cell drills once into its row and metric; the boxes stay free after it."""
    if not cells or cells[0] == st.session_state.get("board_cell_used"):
        return
    st.session_state["board_cell_used"] = cells[0]
    row, column = cells[0]
    if pick.by != "employee" and column in metrics and row < len(texts):
        label = texts.index[row]
        st.session_state[drill_key] = NO_GROUP if label == group_name(NO_GROUP, drill_by) else label
    if column in metrics:
        st.session_state["board_drill_metric"] = column


def drill(pick: Pick, view: BoardView, teams: list[str], texts: pd.DataFrame,
          cells: list) -> None:
    """The drill-down section under the grid (``cells``: the grid's selected cell, if any)."""
    st.subheader(tr("board.drill.title"))
    metrics = sorted(view.board["metric"].unique())
    # A manager board drills into a manager's people, a team or employee board into a team's.
    drill_by = "manager" if pick.by == "manager" else "team"
    owners = view.board.drop_duplicates("label").set_index("label")["group"]
    options = sorted(owners.index) if drill_by == "manager" else teams
    drill_key = f"board_drill_{drill_by}"
    _follow_click(pick, texts, cells, metrics, drill_key, drill_by)
    if st.session_state.get(drill_key) not in options:
        st.session_state[drill_key] = pick.team if pick.team in options else options[0]
    left, right = st.columns(2)
    chosen = left.selectbox(tr(f"board.{drill_by}"), options, key=drill_key,
                            format_func=lambda g: group_name(g, drill_by))
    metric = right.selectbox(tr("board.drill.metric"), metrics, key="board_drill_metric",
                             format_func=lambda m: metric_label(m, lang()))
    group = str(owners.get(chosen, chosen)) if drill_by == "manager" else chosen
    rows = cached.drill_rows(pick.snap, drill_by, group, metric, pick.as_of, pick.rolling)
    shown_as = md(group_name(chosen, drill_by))
    if rows.empty:
        st.info(tr("board.drill.none", team=shown_as, metric=md(metric_label(metric, lang()))))
        return
    _people(pick, rows, shown_as, metric)


def _people(pick: Pick, rows: pd.DataFrame, shown_as: str, metric: str) -> None:
    named = md(metric_label(metric, lang()))
    red = rows.loc[rows["status"].eq("red"), "label"]
    if len(red):  # the cell may be green: say who is red under it
        st.warning(tr("board.drill.red", group=shown_as, metric=named,
                      names=md(", ".join(red))))
    st.markdown(f"**{tr('board.drill.heading', team=shown_as, metric=named)}**")
    ahead = cached.outlook_rows(pick.snap, pick.as_of)
    ahead = ahead.loc[ahead["metric"] == metric].set_index("employee_id")
    table = pd.DataFrame({
        tr("board.col.employee"): rows["label"],
        tr("board.col.cell"): rows.apply(board_cells.cell_text, axis=1, no_target=tr("board.no_target")),
        tr("board.col.actual"): rows["actual"].round(2),
        # No target read "None" (the Styler's na_rep does not reach a number cell).
        tr("board.col.target"): [f"{v:.1f}" if pd.notna(v) else "–" for v in rows["target"]],
        # blank beside the target's "–" (no target, or no period before): a dash as there
        tr("board.col.previous"): [board_cells.percent(x) or "–" for x in rows["previous_attainment"]],
        tr("board.col.streak"): [board_cells.streak_text(s, n, no_target=tr("board.no_target"))
                                 for s, n in zip(rows["status"], rows["red_streak"], strict=True)],
        **outlook_columns(rows["group"], ahead, lang()),
    })
    colours = pd.DataFrame({tr("board.col.cell"): rows["status"]})
    st.dataframe(styled(table, colours), hide_index=True, width="stretch", key="board_drill_grid")
    caption = outlook_caption(ahead.reindex(rows["group"]), lang()) if not ahead.empty else None
    if caption:
        st.caption(caption)
    employee_links(rows)


def employee_links(rows: pd.DataFrame) -> None:
    """One link per employee to the employee page (left out while that page does not exist)."""
    if not Path(EMPLOYEE_PAGE).is_file():
        return
    cols = st.columns(LINK_COLUMNS)
    for i, row in enumerate(rows.itertuples()):
        symbol = board_cells.SYMBOL.get(row.status, "")
        try:
            cols[i % LINK_COLUMNS].page_link(EMPLOYEE_PAGE, label=f"{symbol} {tr('board.drill.open', name=md(row.label))}",
                                  query_params={"id": row.group}, icon=":material/person:")
        except StreamlitAPIException:  # the page is not in the navigation (yet)
            return
