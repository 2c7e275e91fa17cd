"""The sections of the employee's own page (views/me.py): tables, charts and their three writes
(confirm a plan, rate a talk, answer the pulse), each through ``writes.me``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.band import my_trend
from i18n.dates import day
from reports import pulse
from reports.me import MyPage
from reports.metric_names import metric_label, metric_labels
from reports.workspace import employees
from ui.context import lang, tr
from ui.feedback import friendly
from ui.plot import plot
from ui.text import md
from writes import me


def _num(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{round(float(value), 2):g}"


def flash() -> None:
    """The sentence of the last write, shown once after its rerun."""
    key = st.session_state.pop("me_flash", None)
    if key:
        st.success(tr(key))


def _done(key: str) -> None:
    st.session_state["me_flash"] = key
    st.rerun()


def preview_pick(con) -> str | None:
    """The local user's choice of whose page to preview (an employee has no choice)."""
    staff = employees(con)
    label = dict(zip(staff["employee_id"], staff["name"].fillna(""), strict=True))
    st.info(tr("me.preview"))
    return st.selectbox(tr("me.preview_pick"), list(label), key="me_pick",
                        format_func=lambda i: f"{label[i]} · {i}" if label[i] else i)


def _table(frame: pd.DataFrame, columns: list[str]) -> None:
    if frame.empty:
        st.caption(tr("me.nothing"))
        return
    shown = frame[columns].rename(columns={c: tr(f"me.col.{c}") for c in columns})
    st.dataframe(shown, hide_index=True, width="stretch")


def numbers(page: MyPage, least: int) -> None:
    st.subheader(tr("me.numbers"))
    if not page.has_band:
        st.caption(tr("me.no_band", n=least))
    rows = page.latest.assign(
        metric=metric_labels(page.latest["metric"], lang()),
        direction=[tr(f"direction.{d}") if isinstance(d, str) else "–"
                   for d in page.latest["direction"]],
        period=[day(p) for p in page.latest["period"]],
        value=[_num(v) for v in page.latest["value"]],
        target=[_num(v) for v in page.latest["target"]],
        median=[_num(v) for v in page.latest["median"]],
        band=[f"{_num(a)} – {_num(b)}" if pd.notna(a) else "–"
              for a, b in zip(page.latest["q1"], page.latest["q3"], strict=True)],
        n=[_num(v) for v in page.latest["n"]],
        position=[tr(f"me.pos.{p}") if isinstance(p, str) else "–"
                  for p in page.latest["position"]])
    cols = ["metric", "direction", "period", "value", "target"]
    _table(rows, cols + (["median", "band", "n", "position"] if page.has_band else []))
    st.caption(tr("me.numbers_note"))


def trends(page: MyPage) -> None:
    st.subheader(tr("me.trends"))
    labels = {k: tr(f"me.chart.{k}") for k in ("me", "band", "median", "target")}
    cols = st.columns(2)
    for i, row in page.latest.iterrows():
        direction = tr(f"direction.{row['direction']}") if isinstance(row["direction"], str) \
            else "–"
        named = metric_label(row["metric"], lang())
        figure = my_trend(page.series, page.band, metric=row["metric"],
                          labels=labels | {"axis": named},
                          title=tr("me.chart.title", metric=named, direction=direction))
        plot(figure, where=cols[i % 2], width="stretch", key=f"me_trend_{i}")


def actions(page: MyPage) -> None:
    st.subheader(tr("me.actions"))
    rows = page.actions.assign(
        deadline=[day(d) for d in page.actions["deadline"]],
        status=[tr(f"cl.status.{s}") for s in page.actions["status"]]).fillna("–")
    _table(rows, ["goal", "action", "owner", "deadline", "status", "progress"])


def plans(con, page: MyPage, *, can_write: bool) -> None:
    st.subheader(tr("me.plans"))
    if page.plans.empty:
        st.caption(tr("me.nothing"))
    for plan in page.plans.itertuples():
        with st.container(border=True):
            lines = [tr("me.plan.goal", goal=md(plan.goal))]
            lines += [tr(f"me.plan.{k}", text=md(v)) for k, v in (
                ("measures", plan.measures), ("milestones", plan.milestones)) if isinstance(v, str)]
            lines.append(tr("me.plan.deadline", date=day(plan.deadline)))
            st.markdown("  \n".join(lines))
            st.caption(tr("me.plan.manager", date=day(plan.manager_confirmed_at))
                       if pd.notna(plan.manager_confirmed_at) else tr("me.plan.manager_not"))
            if isinstance(plan.assessment, str):
                st.caption(tr("me.plan.assessment", result=tr(f"pl.result.{plan.assessment}")))
            if pd.notna(plan.employee_confirmed_at):
                st.success(tr("me.plan.mine", date=day(plan.employee_confirmed_at)))
            elif st.button(tr("me.plan.confirm"), key=f"me_confirm_{plan.plan_id}",
                           disabled=not can_write, type="primary"):
                with friendly():
                    me.confirm_plan(con, plan.plan_id)
                    _done("me.plan.confirmed")


def sessions(page: MyPage) -> str | None:
    """The talks table; returns the talk picked for rating and the pulse (None: no talks)."""
    st.subheader(tr("me.sessions"))
    talks = page.sessions
    if talks.empty:
        st.caption(tr("me.no_talks"))
        return None
    rows = talks.assign(
        session_date=[day(d) for d in talks["session_date"]],
        session_type=[tr(f"mgr.session.{x}") if isinstance(x, str) else "–"
                      for x in talks["session_type"]],
        my_score=[_num(s) for s in talks["my_score"]],
        pulsed=[tr("me.yes" if p else "me.no") for p in talks["pulsed"]])
    _table(rows, ["session_date", "session_type", "my_score", "pulsed"])
    waiting = int((~talks["pulsed"].astype(bool)).sum())
    if waiting:
        st.caption(tr("me.pulse.waiting", n=waiting, total=len(talks)))
    label = dict(zip(talks["session_id"], rows["session_date"] + " · " + rows["session_type"],
                     strict=True))
    return st.selectbox(tr("me.talk_pick"), list(label), format_func=label.get, key="me_talk")


def rate_form(con, page: MyPage, session_id: str, *, can_write: bool) -> None:
    """The rating of the talk picked; it opens on their earlier rating of it, if any."""
    earlier = page.sessions.set_index("session_id").loc[session_id]
    with st.form("me_rate"):
        st.markdown(f"**{tr('me.rate')}**")
        score = st.slider(tr("me.rate.score"), 1, 5, key=f"me_score_{session_id}",
                          value=4 if pd.isna(earlier["my_score"]) else int(earlier["my_score"]))
        comment = st.text_input(tr("me.rate.comment"), key=f"me_comment_{session_id}",
                                max_chars=300, value=earlier["my_comment"]
                                if isinstance(earlier["my_comment"], str) else "")
        if st.form_submit_button(tr("me.rate.save"), disabled=not can_write):
            with friendly():
                me.rate_session(con, session_id, int(score), comment)
                _done("me.rate.saved")


def pulse_form(con, session_id: str, *, can_write: bool) -> None:
    with st.form("me_pulse"):
        st.markdown(f"**{tr('me.pulse')}**")
        st.caption(tr("me.pulse.note", n=pulse.MIN_ANSWERS))
        useful = st.slider(tr("me.pulse.useful"), 1, 5, 3, key="me_useful")
        facts = st.radio(tr("me.pulse.facts"), [True, False], horizontal=True, key="me_facts",
                         format_func=lambda x: tr("me.yes" if x else "me.no"))
        support = st.text_area(tr("me.pulse.support"), key="me_support",
                               max_chars=pulse.MAX_TEXT)
        if st.form_submit_button(tr("me.pulse.save"), disabled=not can_write):
            with friendly():
                me.answer_pulse(con, session_id, useful=int(useful), facts_right=bool(facts),
                             support=support)
                _done("me.pulse.saved")
