"""The KPI table of an events sheet: what is computed from the events, editable in place.

One row per KPI (name, aggregation, column, filter column and value, direction); rows can be
added and removed. Aggregations and directions show as words, never as codes.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ingest.plan import AGGREGATIONS, Kpi, SheetPlan
from ui.context import tr
from ui.text import md

_COLUMNS = ("name", "agg", "column", "where_column", "where_value", "direction")
_DIRECTIONS = ("higher", "lower")
_CHOICES = ("column", "where_column", "direction")
NONE = "—"  # the "no choice" value of a choice column


def _frame(kpis: list[Kpi]) -> pd.DataFrame:
    # Empty choices as a dash, empty text as "": the grid would write "None" in them.
    rows = [{c: getattr(k, c) or (NONE if c in _CHOICES else "") for c in _COLUMNS}
            for k in kpis]
    return pd.DataFrame(rows, columns=list(_COLUMNS)).astype("object")


def _text(value: object) -> str | None:
    """A cell as text; empty cells (None, NaN, blanks) are None."""
    if value is None or value == NONE or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


def kpi_editor(frame: pd.DataFrame, sp: SheetPlan, key: str) -> None:
    """Show ``sp.kpis`` in an editable table and put back what the user leaves.

    A row without a name or an aggregation is left out; a sum, mean or rate without its column
    is left out with a sentence saying so.
    """
    st.subheader(tr("sheets.kpis"))
    st.caption(tr("sheets.kpis_help"))
    columns = [str(c) for c in frame.columns]
    config = {
        "name": st.column_config.TextColumn(tr("sheets.kpi.name"), required=True),
        "agg": st.column_config.SelectboxColumn(
            tr("sheets.kpi.agg"), options=list(AGGREGATIONS), required=True,
            format_func=lambda a: tr(f"sheets.agg.{a}")),
        "column": st.column_config.SelectboxColumn(
            tr("sheets.kpi.column"), options=[NONE, *columns]),
        "where_column": st.column_config.SelectboxColumn(
            tr("sheets.kpi.where_column"), options=[NONE, *columns]),
        "where_value": st.column_config.TextColumn(tr("sheets.kpi.where_value")),
        "direction": st.column_config.SelectboxColumn(
            tr("sheets.kpi.direction"), options=[NONE, *_DIRECTIONS],
            format_func=lambda d: tr(f"direction.{d}") if d != NONE else NONE),
    }
    edited = st.data_editor(_frame(sp.kpis), column_config=config, num_rows="dynamic",
                            hide_index=True, width="stretch", key=f"kpis:{key}")
    sp.kpis, unread = kpis_from_rows(edited.to_dict("records"))
    for name in unread:
        st.warning(tr("sheets.kpi.needs_column", name=md(name)))


def kpis_from_rows(rows: list[dict]) -> tuple[list[Kpi], list[str]]:
    """The KPIs of the table's rows, and the names of those left out for want of a column.

    A row without a name or an aggregation is an unfinished row: left out without a word.
    """
    kpis: list[Kpi] = []
    unread: list[str] = []
    for row in rows:
        cells = {c: _text(row.get(c)) for c in _COLUMNS}
        if not cells["name"] or cells["agg"] not in AGGREGATIONS:
            continue
        if cells["agg"] != "count" and not cells["column"]:
            unread.append(cells["name"])
            continue
        kpis.append(Kpi(**cells))
    return kpis, unread
