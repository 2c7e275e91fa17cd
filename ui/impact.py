"""Readable tables of the HR impact page: translated headers and codes, rounded numbers, blanks.

The page shows each report frame through :func:`show`; downloads keep the raw frames (column
names and codes as the CLI prints them). :func:`impact_report`, :func:`figure` and
:func:`choices` are cached like ``ui.cache``: keyed by the viewer's scope, the data version and
the page's ``reports.impact_choice.Choice``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from pandas.io.formats.style import Styler

from i18n.numbers import percent_value
from reports import impact as rep
from reports import people
from reports.impact_choice import Choice
from ui import paging
from ui.cache import Snapshot
from ui.context import Viewer, cursor, lang, tr
from ui.parts import part

TEXT, INT, R, P, SCORE, PCT, DATE, CI = "text", "int", "r", "p", "score", "pct", "date", "ci"
DIGITS = {R: 2, P: 3, SCORE: 2}
FORMATS = {INT: "%d", R: "%.2f", P: "%.3f", SCORE: "%.2f", PCT: "%.1f%%"}
# table -> [(column, i18n key of its header, kind)]; columns not listed keep their own name.
TABLES: dict[str, list[tuple[str, str, str]]] = {
    "correlations": [
        ("group_by", "impact.col.group_by", TEXT), ("group", "impact.col.group", TEXT),
        ("n", "impact.n", INT), ("pearson_r", "impact.col.r_ci", CI),
        ("p_value", "impact.col.p_pearson", P), ("spearman_rho", "impact.spearman", R),
        ("spearman_p", "impact.col.p_spearman", P), ("partial_r", "impact.col.partial_r", R),
        ("partial_p", "impact.col.p_partial", P)],
    "people": [
        ("employee_id", "impact.col.employee_id", TEXT), ("name", "impact.col.name", TEXT),
        ("team", "impact.team", TEXT), ("manager_id", "impact.manager", TEXT),
        ("role", "impact.col.role", TEXT), ("hire_date", "impact.col.hire_date", DATE),
        ("sessions", "impact.col.sessions", INT), ("formal", "impact.col.formal", INT),
        ("informal", "impact.col.informal", INT), ("before", "impact.col.before", SCORE),
        ("after", "impact.col.after", SCORE), ("change", "impact.col.change", SCORE)],
    "event_study": [
        ("by", "impact.col.by", TEXT), ("group", "impact.col.group", TEXT),
        ("n_events", "impact.col.n_events", INT), ("n_employees", "impact.col.n_employees", INT),
        ("change", "impact.col.change_ci", CI),
        ("control_change", "impact.col.control_change", SCORE),
        ("n_control_employees", "impact.col.n_controls", INT),
        ("effect", "impact.col.effect_ci", CI), ("p_value", "impact.col.p_effect", P)],
    "compliance": [
        ("manager_id", "impact.manager", TEXT), ("measure", "impact.col.measure", TEXT),
        ("eligible", "impact.col.eligible", INT), ("met", "impact.col.met", INT),
        ("rate", "impact.rate", PCT)],
}
# An estimate and its 95% interval share one cell, "0.47 (0.07 to 0.74)": as separate columns
# the statistics tables were wider than the page at 1440 px. table -> estimate -> (low, high).
INTERVALS = {"correlations": {"pearson_r": ("ci_low", "ci_high")},
             "event_study": {"change": ("change_low", "change_high"),
                             "effect": ("ci_low", "ci_high")}}
CODED = {"group_by", "group", "by"}  # columns whose codes ("all", "team", "formal") are translated
CODES = {"all": "impact.everyone", "team": "impact.team", "role": "impact.col.role",
         "manager_id": "impact.manager", "model": "impact.col.model",
         "session_type": "impact.col.session_type", "formal": "impact.col.formal",
         "informal": "impact.col.informal"}


NOBODY = "-"  # reports.impact's group of the people without a team, role or manager
NOBODY_WORDS = {"team": "people.no_team", "role": "people.no_role",
                "manager_id": "people.no_manager"}


def manager_labels() -> dict[str, str]:
    """Manager id -> roster name of the managers of the viewer's people; the id is added only
    where two managers share a name."""
    return people.manager_labels(cursor())


def readable(frame: pd.DataFrame, table: str) -> tuple[pd.DataFrame | Styler, dict]:
    """The frame to show (listed columns first, codes translated, rates in %) and its config;
    a Styler where estimates share their cell with their interval (:func:`styled`).

    Args:
        frame: one of the report's frames.
        table: its name in ``TABLES``.

    Returns:
        ``(shown, column_config)`` for ``st.dataframe``.
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {sorted(TABLES)}, got {table!r}")
    spec = [item for item in TABLES[table] if item[0] in frame.columns]
    listed = [column for column, _, _ in spec]
    shown = frame[listed + [c for c in frame.columns if c not in listed]].copy()
    for column in CODED & set(listed):
        shown[column] = shown[column].map(lambda v: tr(CODES[v]) if v in CODES else v)
    names = manager_labels() if "manager_id" in shown or table == "correlations" else {}
    if "manager_id" in shown:  # managers by name, not M01
        shown["manager_id"] = shown["manager_id"].map(lambda m: names.get(m, m))
    if table == "correlations" and "group_by" in frame:
        # reports.impact groups people without a team, role or manager under "-": say so.
        nobody = frame["group"].eq(NOBODY).to_numpy()
        shown.loc[nobody, "group"] = [tr(NOBODY_WORDS[by]) for by in frame["group_by"][nobody]]
        by_manager = frame["group_by"].eq("manager_id").to_numpy() & ~nobody
        shown.loc[by_manager, "group"] = frame.loc[by_manager, "group"].map(
            lambda m: names.get(m, m)).to_numpy()
    if table == "compliance":
        shown["manager_id"] = shown["manager_id"].replace({"all": tr("impact.all_managers")})
        shown["measure"] = shown["measure"].map(lambda m: tr(f"impact.m.{m}"))
    config = {column: _column(tr(key), kind) for column, key, kind in spec}
    for column, _, kind in spec:
        if kind == PCT:
            # Rounded here, as i18n.numbers.percent does elsewhere: 0.96575 shows 96.6%.
            shown[column] = [percent_value(v) for v in shown[column]]
        elif kind in DIGITS:  # round first, so -0.004 shows as 0.00, not -0.00
            shown[column] = shown[column].astype(float).round(DIGITS[kind]) + 0.0
    shown, texts = _intervals(shown, INTERVALS.get(table, {}))
    for column in shown.columns.difference(listed):  # model counts in the people table
        if pd.api.types.is_integer_dtype(shown[column]):
            config[column] = st.column_config.NumberColumn(column, format="%d")
    return styled(shown, texts), config


def _intervals(shown: pd.DataFrame, parts: dict[str, tuple[str, str]]
               ) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Each estimate stays a number (so its column sorts by it) and gets the text of its cell:
    the estimate with its interval, or alone without one, blank without an estimate. The
    interval columns are dropped."""
    texts = {}
    for column, (low, high) in parts.items():
        if column not in shown:
            continue
        texts[column] = [
            "" if pd.isna(v) else f"{v:.2f}" if pd.isna(a) or pd.isna(b)
            else tr("impact.cell_ci", v=f"{v:.2f}", low=f"{a:.2f}", high=f"{b:.2f}")
            for v, a, b in zip(*(np.round(shown[c].astype(float), 2) + 0.0
                                 for c in (column, low, high)), strict=True)]
        shown[column] = shown[column].astype(float)
    return shown.drop(columns=[c for pair in parts.values() for c in pair if c in shown]), texts


def styled(shown: pd.DataFrame, texts: dict[str, list[str]]):
    """``shown`` whose estimate columns read as ``texts`` (the Styler's display values) but
    sort as their numbers: as text, "-0.10 (...)" sorted before "-0.50 (...)"."""
    if not texts:
        return shown
    shown = shown.reset_index(drop=True)
    # Streamlit shows the Styler's text of every cell a column format does not override: blank
    # for a missing value, as elsewhere.
    styler = shown.style.format(na_rep="")
    for column, cells in texts.items():
        pairs = {(v, s) for v, s in zip(shown[column], cells, strict=True) if pd.notna(v)}
        lookup = dict(pairs)
        if len(lookup) == len(pairs):  # one text per number: one formatter for the column
            styler = styler.format(lookup.get, subset=[column], na_rep="")
            continue
        for row, text in enumerate(cells):  # the same estimate with two intervals: cell by cell
            styler = styler.format(lambda _, s=text: s, subset=pd.IndexSlice[[row], [column]])
    return styler


def _column(label: str, kind: str):
    if kind == TEXT:
        return st.column_config.TextColumn(label)
    if kind == CI:  # no format: the Styler's text shows (a format would override it)
        return st.column_config.NumberColumn(label)
    if kind == DATE:
        return st.column_config.DateColumn(label, format="YYYY-MM-DD")
    return st.column_config.NumberColumn(label, format=FORMATS[kind])


def show(frame: pd.DataFrame, table: str, *, key: str) -> None:
    """``st.dataframe`` of ``frame`` with readable headers and numbers; missing cells blank; a
    long one cut to a page with a search and "Show more" (at 5,000 people the page's tables
    were 0.8 MB sent on every rerun; the downloads keep every row)."""
    cut = paging.cut(frame, key=key)
    if cut is None:
        return
    shown, config = readable(cut.rows, table)
    st.dataframe(shown, hide_index=True, width="stretch", key=key, column_config=config,
                 placeholder="")
    paging.more(cut, key=key)


@part
def table(snap: Snapshot, frame: pd.DataFrame, name: str, *, key: str) -> None:
    """``show`` as a part of the page: a search or "Show more" reruns the table alone."""
    show(frame, name, key=key)


@st.cache_data(max_entries=16, show_spinner=False)
def _choices(who: Viewer, version: str) -> dict:
    return rep.choices(cursor(who))


def choices(snap: Snapshot) -> dict:
    """``reports.impact.choices`` for this viewer, cached per data version."""
    return _choices(snap.who, snap.version)


# At 5,000 people the report takes seconds (the SQL, the event study, the compliance flags):
# without the cache every click on the page paid for it again.
@st.cache_data(max_entries=16, show_spinner=False)
def _report(who: Viewer, version: str, choice: Choice) -> rep.ImpactReport:
    return rep.report_for(cursor(who), choice)


def impact_report(snap: Snapshot, choice: Choice) -> rep.ImpactReport:
    """``reports.impact.report_for`` this viewer and the page's choice, cached."""
    return _report(snap.who, snap.version, choice)


# A figure with one trace per team (417 at 5,000 people) took over a second to build on every
# rerun. Figures are cached as objects (cache_resource: no pickling; st.plotly_chart only
# reads them, never mutate one), keyed like the report plus the language and the chart's name.
@st.cache_resource(max_entries=48, show_spinner=False)
def _figure(who: Viewer, version: str, choice: Choice, lang: str, name: str,
            _build: Callable[[], go.Figure]) -> go.Figure:
    return _build()


def figure(snap: Snapshot, choice: Choice, name: str, build: Callable[[], go.Figure]
           ) -> go.Figure:
    """``build()`` once per viewer, data version, choice, language and chart ``name``.

    ``build`` must depend on nothing else (the report of ``choice`` and translated labels).
    """
    return _figure(snap.who, snap.version, choice, lang(), name, build)


def lazy(frame: pd.DataFrame, kind: str) -> Callable[[], bytes]:
    """The CSV or XLSX bytes of ``frame``, built only when the download is clicked.

    Building the four tables' XLSX on every rerun took seconds at 5,000 people.
    """
    build = {"csv": rep.export_csv, "xlsx": rep.export_xlsx}[kind]
    return lambda: build(frame)
