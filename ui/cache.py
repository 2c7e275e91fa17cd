"""Cached results of the manager's pages, keyed by everything they depend on.

The key is the data version (``store.data_version``: changes with every import, undo, catalog or
settings edit), the as-of date and the language; never the connection: each cached function
opens its own cursor with ``ui.context.cursor(who)``, and the viewer's scope
(``ui.context.scope()``) is part of every key: the caches are shared by all sessions. ``max_entries`` bounds the memory.

The team-wide analyses (``reports.team_view``) are the expensive part: they are cached once per
(version, as-of) and shared by the overview and every employee's prep, so opening one employee
after the overview only pays for that employee.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from reports.brief import brief_html, brief_markdown
from reports.employee import employee_prep as _employee_prep
from reports.overview import Overview, overview
from reports.team import TeamView, team_view
from store.access import Viewer
from ui.context import cursor, data_version, raw_cursor, scope

MAX_ENTRIES = 16


def _day(as_of: pd.Timestamp | str | None) -> str | None:
    return None if as_of is None else pd.Timestamp(as_of).strftime("%Y-%m-%d")


@st.cache_data(max_entries=8, show_spinner=False)
def _view(who: Viewer, version: str, as_of: str | None) -> TeamView:
    return team_view(cursor(who), as_of=None if as_of is None else pd.Timestamp(as_of))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _overview(who: Viewer, version: str, as_of: str | None, lang: str) -> Overview:
    return overview(cursor(who), as_of=as_of, lang=lang, view=_view(who, version, as_of))


def team_overview(as_of: pd.Timestamp | str | None, lang: str) -> Overview:
    """``reports.overview.overview`` for ``as_of`` in ``lang``, cached per data version."""
    who = scope()
    return _overview(who, data_version(raw_cursor()), _day(as_of), lang)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _periods(who: Viewer, version: str) -> list[pd.Timestamp]:
    trend = store.team_trend(cursor(who))
    return [pd.Timestamp(p) for p in sorted(pd.to_datetime(trend["period"]).unique(), reverse=True)]


def periods() -> list[pd.Timestamp]:
    """Every period in the data, newest first (the as-of choices), cached per data version."""
    who = scope()
    return _periods(who, data_version(raw_cursor()))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _people(who: Viewer, version: str) -> pd.DataFrame:
    return store.employees(cursor(who))


def people() -> pd.DataFrame:
    """The roster (``store.employees``), cached per data version."""
    who = scope()
    return _people(who, data_version(raw_cursor()))


@st.cache_data(max_entries=64, show_spinner=False)
def _prep(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str):
    return _employee_prep(cursor(who), employee_id, as_of=as_of, lang=lang,
                          view=_view(who, version, as_of))


def employee_prep(employee_id: str, as_of: pd.Timestamp | str | None, lang: str):
    """``reports.employee.employee_prep``, cached per data version, employee, as-of and language."""
    who = scope()
    return _prep(who, data_version(raw_cursor()), employee_id, _day(as_of), lang)


@st.cache_data(max_entries=64, show_spinner=False)
def _brief(who: Viewer, version: str, employee_id: str, as_of: str | None, lang: str) -> tuple[str, str]:
    prep = _prep(who, version, employee_id, as_of, lang)
    return brief_markdown(prep), brief_html(prep)


def brief(employee_id: str, as_of: pd.Timestamp | str | None, lang: str) -> tuple[str, str]:
    """(Markdown, HTML) coaching brief of one employee, cached like ``employee_prep``."""
    who = scope()
    return _brief(who, data_version(raw_cursor()), employee_id, _day(as_of), lang)
