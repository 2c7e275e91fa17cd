"""Leadership board: red / amber / green cells, alerts, OKR, drill-down, exports."""

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from analytics import board as rules
from analytics.grain import grain_of
from charts.board import cell_css
from i18n.numbers import percent
from reports.board import NO_GROUP
from reports.board_export import board_caption
from reports.forecast import outlook_caption, outlook_columns
from reports.people import no_team
from reports.periods import grain_units
from ui import board as cached
from ui.cache import snapshot
from ui.context import lang, tr
from ui.downloads import audited, download_name
from ui.headcount import headcount_words
from ui.text import md
from ui.widgets import as_of_select

EMPLOYEE_PAGE = "views/employee.py"
BY = ("team", "manager", "employee")
# Streamlit renders a pandas Styler cell by cell on every rerun (issue 9: the alerts and key
# results of 5,000 people, 10,000 rows, took 1 s per rerun). Longer tables are shown plain: their
# level and progress columns already say the status in words and symbols.
STYLED_ROWS = 500


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


def employee_links(rows: pd.DataFrame) -> None:
    """One link per employee to the employee page (left out while that page does not exist)."""
    if not Path(EMPLOYEE_PAGE).is_file():
        return
    cols = st.columns(4)
    for i, row in enumerate(rows.itertuples()):
        symbol = rules.SYMBOL.get(row.status, "")
        try:
            cols[i % 4].page_link(EMPLOYEE_PAGE, label=f"{symbol} {tr('board.drill.open', name=md(row.label))}",
                                  query_params={"id": row.group}, icon=":material/person:")
        except StreamlitAPIException:  # the page is not in the navigation (yet)
            return


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
if rolling:
    view = cached.view(snap, as_of, by, team, True)
limits = view.thresholds
st.caption(tr("board.intro", green=f"{limits.green_at:.0%}", red=f"{limits.red_below:.0%}"))
if view.period is None:
    st.info(tr("board.no_period", period=as_of.strftime("%Y-%m-%d")))
    st.stop()
shown = cached.exports(snap, as_of, by, team, rolling, lang())

heads = view.tiles
rule = headcount_words(view.headcount)
tiles = st.columns(6)
tiles[0].metric(tr("board.tile.red"), heads["red"], help=tr("board.tile.red_help"))
tiles[1].metric(tr("board.tile.red_people"), heads["red_people"],
                help=tr("board.tile.red_people_help"))
for col, name in zip(tiles[2:4], ("amber", "green"), strict=True):
    col.metric(tr(f"board.tile.{name}"), heads[name])
for col, name, n in ((tiles[4], "flagged", cached.flagged(snap, as_of, lang())),
                     (tiles[5], "coverage", heads["coached"])):
    value, detail = share(n, heads["people"])
    col.metric(tr(f"board.tile.{name}"), value, help=tr(f"head.{name}_help", **rule))
    if detail:
        col.caption(detail)

st.caption(board_caption(view, lang()))
texts = shown["board"]
picked = st.dataframe(styled(texts, shown["board_status"]), key="board_grid", on_select="rerun",
                      selection_mode="single-cell", width="stretch")
st.caption(tr("board.select_hint"))

st.subheader(tr("board.drill.title"))
metrics = sorted(view.board["metric"].unique())
# A manager board drills into a manager's people, a team or employee board into a team's.
drill_by = "manager" if by == "manager" else "team"
owners = view.board.drop_duplicates("label").set_index("label")["group"]
options = sorted(owners.index) if drill_by == "manager" else teams
drill_key = f"board_drill_{drill_by}"
cells = picked.selection.cells if picked else []
if cells and cells[0] != st.session_state.get("board_cell_used"):
    st.session_state["board_cell_used"] = cells[0]  # a click drills once; the boxes stay free
    row, column = cells[0]
    if by != "employee" and column in metrics and row < len(texts):
        label = texts.index[row]
        st.session_state[drill_key] = NO_GROUP if label == group_name(NO_GROUP, drill_by) else label
    if column in metrics:
        st.session_state["board_drill_metric"] = column
if st.session_state.get(drill_key) not in options:
    st.session_state[drill_key] = team if team in options else options[0]
left, right = st.columns(2)
chosen = left.selectbox(tr(f"board.{drill_by}"), options, key=drill_key,
                        format_func=lambda g: group_name(g, drill_by))
metric = right.selectbox(tr("board.drill.metric"), metrics, key="board_drill_metric")
group = str(owners.get(chosen, chosen)) if drill_by == "manager" else chosen
rows = cached.drill_rows(snap, drill_by, group, metric, as_of, rolling)
if rows.empty:
    st.info(tr("board.drill.none", team=md(group_name(chosen, drill_by)), metric=md(metric)))
else:
    shown_as = md(group_name(chosen, drill_by))
    red = rows.loc[rows["status"].eq("red"), "label"]
    if len(red):  # the cell may be green: say who is red under it
        st.warning(tr("board.drill.red", group=shown_as, metric=md(metric),
                      names=md(", ".join(red))))
    st.markdown(f"**{tr('board.drill.heading', team=shown_as, metric=md(metric))}**")
    ahead = cached.outlook_rows(snap, as_of)
    ahead = ahead.loc[ahead["metric"] == metric].set_index("employee_id")
    table = pd.DataFrame({
        tr("board.col.employee"): rows["label"],
        tr("board.col.cell"): rows.apply(rules.cell_text, axis=1, no_target=tr("board.no_target")),
        tr("board.col.actual"): rows["actual"].round(2),
        # No target read "None" (the Styler's na_rep does not reach a number cell).
        tr("board.col.target"): [f"{v:.1f}" if pd.notna(v) else "–" for v in rows["target"]],
        tr("board.col.previous"): [rules.percent(x) for x in rows["previous_attainment"]],
        tr("board.col.streak"): rows["red_streak"],
        **outlook_columns(rows["group"], ahead, lang()),
    })
    colours = pd.DataFrame({tr("board.col.cell"): rows["status"]})
    st.dataframe(styled(table, colours), hide_index=True, width="stretch", key="board_drill_grid")
    if not ahead.empty:
        st.caption(outlook_caption(ahead.reindex(rows["group"]), lang()))
    employee_links(rows)

st.subheader(tr("board.alerts.title"))
st.caption(tr("board.alerts.intro", n=limits.alert_periods))
if view.alerts.empty:
    st.success(tr("board.alerts.none", n=limits.alert_periods))
else:
    long_table(shown["alerts"], shown["alerts_status"], "board_alerts")

st.subheader(tr("board.okr.title"))
if view.objectives.empty:
    st.info(tr("board.okr.none"))
else:
    st.caption(tr("board.okr.intro", red=f"{limits.okr_red_below:.0%}",
                  green=f"{limits.okr_green_above:.0%}"))
    st.plotly_chart(cached.okr_chart(snap, as_of, by, team, rolling, lang()), width="stretch",
                    key="board_okr_chart")
    long_table(shown["objectives"], shown["objectives_status"], "board_objectives")

st.subheader(tr("board.export.title"))
with st.container(horizontal=True):
    stamp = view.period.strftime("%Y-%m-%d")
    choice = (snap, as_of, by, team, rolling, lang())
    st.download_button(tr("board.export.xlsx"), cached.export_file(*choice, "xlsx"),
                       file_name=download_name(f"board-{stamp}", "xlsx"),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="board_xlsx", on_click=audited("board_xlsx", team))
    st.download_button(tr("board.export.html"), cached.export_file(*choice, "html"),
                       file_name=download_name(f"board-{stamp}", "html"),
                       mime="text/html", key="board_html", on_click=audited("board_html", team))
