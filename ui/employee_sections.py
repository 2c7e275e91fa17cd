"""The coaching prep page's sections: the flags, the trend charts, the comparison with the team
and the targets, strengths, GROW questions, the plan's tables, open actions, the brief's
downloads and the button that opens the coaching log on this person."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import has
from i18n.dates import day
from reports import numbers
from reports.brief import brief_html, brief_markdown
from reports.metric_names import metric_labels
from reports.overview import localise_flags
from reports.people import no_team
from ui import employee as cached
from ui.cache import Snapshot
from ui.context import lang, tr
from ui.downloads import audited, download_name
from ui.logflow import can_log
from ui.plot import plot
from ui.text import md

FLAG_WIDTHS = {"reason_text": 110, "evidence": 290, "focus": 180, "model": 64,
               "model_reason": 180, "style": 120}  # pixels; the page is ~970 px at 1440
PROBLEM_WIDTHS = {"dimension": 150, "observed": 240, "evidence": 470, "priority": 80}
TRACKING_WIDTHS = {"goal": 190, "action": 190, "deadline": 100, "support": 200, "progress": 120,
                   "next_adjustment": 140}
FLAG_ROW_HEIGHT = 84  # four lines: the grid wraps text only in rows over 4rem


def text(value: object) -> str:
    """A cell as text: a dash for a missing value."""
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def facts(prep) -> str:
    """"team · role · hired … · as of …" under the name; a part the roster lacks is left out
    (a call log has no role or hire date: it read "no team · – · hired – · as of …")."""
    team = md(prep.team) if isinstance(prep.team, str) and prep.team else no_team(lang())
    parts = [team, md(prep.role) if isinstance(prep.role, str) and prep.role else None,
             tr("emp.fact.hired", hire=day(prep.hire_date)) if pd.notna(prep.hire_date) else None,
             tr("emp.fact.as_of", as_of=day(prep.as_of))]
    return " · ".join(p for p in parts if p)


def _label(key: str, column: str) -> str:
    return tr(key) if has(key) else column


def _table(frame: pd.DataFrame, columns: dict[str, str], row_height: int | None = None,
           **config: object) -> None:
    if frame is None or frame.empty:
        st.caption(tr("emp.nothing"))
        return
    shown = [c for c in columns if c in frame.columns]
    dates = {c: st.column_config.DateColumn(_label(columns[c], c), format="YYYY-MM-DD")
             for c in shown if pd.api.types.is_datetime64_any_dtype(frame[c])}
    # A frame made for the table already holds just its columns (a selection copies it).
    shown_frame = frame if list(frame.columns) == shown else frame[shown]
    st.dataframe(shown_frame, hide_index=True, width="stretch", row_height=row_height,
                 column_config={c: config.get(c, dates.get(c, _label(columns[c], c)))
                                for c in shown})


def flags(prep) -> None:
    st.subheader(tr("emp.flags"))
    if prep.flags is None or prep.flags.empty:
        st.success(tr("emp.no_flags"))
        return
    # Six texts on one line ran past 1440 px ("Why this mod…"): pixel widths that fit the page
    # and rows tall enough for the grid to wrap them, as on the overview.
    heads = {"reason_text": "emp.col.reason", "evidence": "emp.col.evidence",
             "focus": "emp.col.focus", "model": "emp.col.model",
             "model_reason": "emp.col.model_reason", "style": "emp.col.style"}
    _table(localise_flags(prep.flags, lang()), heads, row_height=FLAG_ROW_HEIGHT,
           **{c: st.column_config.TextColumn(tr(heads[c]), width=w)
              for c, w in FLAG_WIDTHS.items()})


def trends(snap: Snapshot, prep) -> None:
    st.subheader(tr("emp.trends"))
    cols = st.columns(2)
    for i, figure in enumerate(cached.trend_figures(snap, prep, lang())):
        plot(figure, where=cols[i % 2], width="stretch", key=f"emp_trend_{i}")


def _volume(mark: object, events: object) -> str:
    """The latest value's mark: few events (with how many) or a partial period; else a dash."""
    if not isinstance(mark, str):
        return "–"
    return tr("volume.partial") if mark == "partial" else tr("volume.latest_low", n=int(events))


def comparison(prep) -> None:
    st.subheader(tr("emp.compare"))
    if prep.metrics.empty:
        st.caption(tr("emp.nothing"))
        return
    head = numbers.headers(prep, lang(), short=True)
    team_title, target_title = numbers.titles(prep, lang())
    metrics = prep.metrics
    # Only when some latest value was left out of the comparison (few events, partial period).
    marked = {"volume": "volume"} if metrics["latest_mark"].notna().any() else {}
    # The table's own columns (an assign on the metric table copied all 29).
    made = {"metric": metric_labels(metrics["metric"], lang()),
            "label": [tr(f"mgr.trend.{x}") if isinstance(x, str) else "–" for x in metrics["label"]],
            "direction": [tr(f"direction.{d}") for d in metrics["direction"]],
            "volume": [_volume(mark, n) for mark, n in zip(
                metrics["latest_mark"], metrics["latest_events"], strict=True)]}
    m = pd.DataFrame({c: made[c] if c in made else metrics[c]
                      for c in [*numbers.TEAM_COLUMNS, *marked]}, index=metrics.index)
    config = {c: st.column_config.Column(label) for c, label in head.items()} | {
        c: st.column_config.NumberColumn(head[c], format="%.1f")
        for c in ("value", "team_mean", "team_best", "latest", "target")} | {
        "percentile": st.column_config.NumberColumn(head["percentile"], format="%.0f"),
        "z": st.column_config.NumberColumn(head["z"], format="%+.2f"),
        "latest_period": st.column_config.DateColumn(head["latest_period"], format="YYYY-MM-DD"),
        "gap_text": st.column_config.TextColumn(head["gap_text"], width="medium"),
        "volume": st.column_config.TextColumn(tr("volume.col"))}
    st.markdown(f"**{md(team_title)}**", help=tr("numbers.team_note"))
    _table(m, {c: c for c in numbers.TEAM_COLUMNS} | marked, **config)
    st.markdown(f"**{md(target_title)}**", help=tr("numbers.target_note"))
    rows = numbers.target_rows(prep, lang())
    rows["attainment"] = rows["attainment"].map(numbers.percent)
    # A metric without a target read "None" in a number column (exports rarely carry targets),
    # and "0" periods in a row under a target it does not have.
    rows["under_streak"] = [str(int(n)) if pd.notna(v) and pd.notna(n) else "–"
                            for v, n in zip(rows["target"], rows["under_streak"], strict=True)]
    rows["target"] = [f"{v:.1f}" if pd.notna(v) else "–" for v in rows["target"]]
    _table(rows, {c: c for c in rows.columns},
           **config | {c: st.column_config.TextColumn(head[c]) for c in ("target", "under_streak")})


def strengths(snap, prep) -> None:
    st.subheader(tr("emp.strengths"))
    st.markdown(cached.strength_words(snap, prep, lang()))
    figure = cached.strength_figure(snap, prep, lang())
    if figure is None:
        st.info(tr("emp.no_z"))
        return
    plot(figure, width="stretch", key="emp_strengths")


def grow(prep) -> None:
    st.subheader(tr("emp.grow"))
    st.markdown("\n".join(f"- **{stage}**: {md(question)}" for stage, question in prep.grow)
                or tr("emp.nothing"))


def _wrapped(frame: pd.DataFrame, heads: dict[str, str], widths: dict[str, int]) -> None:
    """A table of sentences in columns of ``widths`` pixels, its rows tall enough to wrap."""
    _table(frame, heads, row_height=FLAG_ROW_HEIGHT,
           **{c: st.column_config.TextColumn(tr(heads[c]), width=w) for c, w in widths.items()})


def plan(prep) -> None:
    # On one line each the evidence and the support ran past the page's edge ("… call listenin").
    st.subheader(tr("emp.problems"))
    _wrapped(prep.problems, {"dimension": "emp.col.dimension", "observed": "emp.col.observed",
                             "evidence": "emp.col.evidence", "priority": "emp.col.priority"},
             PROBLEM_WIDTHS)
    st.subheader(tr("emp.tracking"))
    _wrapped(prep.tracking, {"goal": "emp.col.goal", "action": "emp.col.action",
                             "deadline": "emp.col.deadline", "support": "emp.col.support",
                             "progress": "emp.col.progress", "next_adjustment": "emp.col.next"},
             TRACKING_WIDTHS)
    st.subheader(tr("emp.sessions"))
    sessions = prep.sessions
    if sessions is not None and "notes" in sessions and sessions["notes"].isna().all():
        # Leadership reads no coaching notes (the store blanks them): no empty column either.
        sessions = sessions.drop(columns="notes")
    if sessions is not None and "session_type" in sessions:
        sessions = sessions.assign(session_type=[
            tr(f"mgr.session.{x}") if isinstance(x, str) else "–" for x in sessions["session_type"]])
    _table(sessions, {c: f"emp.col.{c}" for c in sessions.columns} if sessions is not None else {})


def open_actions(prep) -> None:
    st.subheader(tr("emp.open_actions"))
    _table(prep.open_actions, {"goal": "emp.col.goal", "action": "emp.col.action",
                               "owner": "emp.col.owner", "deadline": "emp.col.deadline",
                               "status": "emp.col.status"})


def downloads(prep) -> None:
    # Built when a button is clicked, not on every rerun: both briefs were a sixth of the CPU of
    # opening someone new (the load test opens a new person on most reruns).
    markdown, html = (lambda: brief_markdown(prep)), (lambda: brief_html(prep))
    stem = f"brief-{prep.employee_id}-{day(prep.as_of)}"
    left, right, talk, _ = st.columns([1, 1, 1, 1])
    # The log opens on this person (it opened on the first one of its list).
    if can_log() and talk.button(tr("flow.log_this_talk"), key="emp_log_talk",
                                 icon=":material/edit_note:", help=tr("flow.log_help"),
                                 width="stretch"):
        st.switch_page("views/coaching.py", query_params={"id": prep.employee_id})
    right.download_button(tr("emp.download_md"), markdown, file_name=download_name(stem, "md"),
                          mime="text/markdown", key="emp_md",
                          on_click=audited("brief_md", prep.employee_id),
                          icon=":material/description:", width="stretch")
    left.download_button(tr("emp.download_html"), html, file_name=download_name(stem, "html"),
                         mime="text/html", key="emp_html", type="primary",
                         on_click=audited("brief_html", prep.employee_id),
                         icon=":material/print:", help=tr("emp.download_help"), width="stretch")
