"""The follow-up page's cached results (a warm rerun took 15 s on 5,000 people).

Keyed like ``ui.cache``: the viewer's scope first (the caches are shared by every session and the
data is scoped per viewer), the data version second, then every choice of the page. Each cached
function opens its own cursor with ``cursor(who)``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.timeline import employee_timeline
from i18n import t
from i18n.dates import iso
from reports.followup import (
    due_list,
    followup_record,
    satisfaction_summary,
    timeline,
    to_csv,
    to_xlsx,
)
from reports.people import manager_choices
from reports.team import cadence_rules
from ui.cache import Snapshot
from ui.context import Viewer, cursor, tr
from ui.downloads import audited, download_name

MAX_ENTRIES = 32
RECORD = ("date", "employee", "item", "summary", "measure", "owner", "deadline")


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _managers(who: Viewer, version: str) -> tuple[list[str], dict[str, str], dict[str, str]]:
    return manager_choices(cursor(who))


def managers(k: Snapshot) -> tuple[list[str], dict[str, str]]:
    """(every manager id, sorted; id -> name of everyone on file and of those managers)."""
    return _managers(k.who, k.version)[:2]


def manager_teams(k: Snapshot) -> dict[str, str]:
    """manager id -> the manager's own team in the roster (to tell two namesakes apart)."""
    return _managers(k.who, k.version)[2]


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _due(who: Viewer, version: str, as_of: str, manager: str | None) -> tuple[pd.DataFrame, int]:
    con = cursor(who)
    return (due_list(con, as_of=pd.Timestamp(as_of), manager_id=manager),
            cadence_rules(con).horizon_days)


def due(k: Snapshot, as_of: pd.Timestamp, manager: str | None) -> tuple[pd.DataFrame, int]:
    """(``reports.followup.due_list``, the horizon in days), cached per as-of and manager."""
    return _due(k.who, k.version, iso(as_of), manager)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _record(who: Viewer, version: str, manager: str | None, lang: str) -> tuple[int, bytes, bytes]:
    frame = followup_record(cursor(who), manager_id=manager, lang=lang)
    labels = {c: t(f"rec.{c}", lang) for c in RECORD}
    return len(frame), to_csv(frame, labels=labels), to_xlsx(frame, labels=labels)


def record_downloads(k: Snapshot, manager: str | None, lang: str, key_: str, stem: str) -> None:
    """CSV and XLSX buttons of the follow-up record, the files made once per data version."""
    rows, csv, xlsx = _record(k.who, k.version, manager, lang)
    left, right = st.columns(2)
    left.download_button(tr("cl.export_csv"), csv, file_name=download_name(stem, "csv"),
                         mime="text/csv", key=f"{key_}_csv",
                         on_click=audited(f"{key_}_csv", rows=rows))
    right.download_button(
        tr("cl.export_xlsx"), xlsx, file_name=download_name(stem, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key_}_xlsx", on_click=audited(f"{key_}_xlsx", rows=rows))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _satisfaction(who: Viewer, version: str) -> dict:
    return satisfaction_summary(cursor(who))


def satisfaction(k: Snapshot) -> dict:
    """``reports.followup.satisfaction_summary``, cached per data version."""
    return _satisfaction(k.who, k.version)


# A figure is cached as an object (cache_resource: no pickling; st.plotly_chart only reads it,
# never mutate one). Plotly's add_vline per session took about 1 s per rerun.
@st.cache_resource(max_entries=MAX_ENTRIES, show_spinner=False)
def _timeline(who: Viewer, version: str, employee_id: str, as_of: str, lang: str,
              name: str) -> go.Figure | None:
    view = timeline(cursor(who), employee_id, as_of=pd.Timestamp(as_of))
    if view.series.empty and view.sessions.empty:
        return None
    labels = {"sessions": t("fu.sessions", lang), "actions": t("fu.actions", lang),
              "value": t("fu.value", lang), "team": t("fu.team_mean", lang)}
    labels |= {f"status.{s}": t(f"cl.status.{s}", lang) for s in ("open", "done", "dropped")}
    labels |= {f"type.{k}": t(f"cl.type.{k}", lang) for k in ("formal", "informal")}
    axis = time_axis(lang)
    return employee_timeline(view.series, view.sessions, view.actions, labels=labels,
                             title=t("fu.timeline_title", lang, name=name), axis=axis)


WEEKS_2_MS = 14 * 24 * 3600 * 1000


def time_axis(lang: str) -> dict:
    """The timeline's date axis in ``lang``: ticks a month or more apart name the month ("Jul
    2025" / "2025年7月"), closer ticks the day ("7 Jul"): a month on weekly ticks repeated."""
    return {"tickformatstops": [
        {"dtickrange": [None, WEEKS_2_MS], "value": t("axis.tick.day", lang)},
        {"dtickrange": ["M1", None], "value": t("period.hover.month", lang)}],
        "hoverformat": t("period.hover.day", lang)}


def timeline_figure(k: Snapshot, employee_id: str, as_of: pd.Timestamp, lang: str,
                    name: str) -> go.Figure | None:
    """One person's timeline chart titled with ``name`` (None: nothing to draw), cached."""
    return _timeline(k.who, k.version, employee_id, iso(as_of), lang, name)
