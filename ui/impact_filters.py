"""The HR impact page's choices: the window and the people looked at, and the method settings
(behind an expander that says which differ from their defaults). Returns the page's
``reports.impact_choice.Choice``; the defaults are ``impact_choice.DEFAULT``'s."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.impact_choice import DEFAULT, Choice
from reports.metric_names import metric_label
from ui.context import lang, tr
from ui.impact import manager_labels
from ui.text import md

ALL = "__all__"
METHOD_NAMES = {"imp_split": "impact.split", "imp_score": "impact.score",
                "imp_weights": "impact.weights", "imp_k": "impact.k", "imp_core": "impact.core_roles"}


def method_defaults(opts: dict) -> dict:
    """The method settings' defaults, by widget key (the core roles: the most common one)."""
    return {"imp_split": DEFAULT.split, "imp_score": DEFAULT.score,
            "imp_weights": DEFAULT.weights, "imp_k": DEFAULT.k, "imp_core": opts["roles"][:1]}


def method_value(key: str, value) -> str:
    """A method setting as words (the same words as its widget)."""
    if key == "imp_score":
        return tr(f"impact.score_{value}")
    if key == "imp_weights":
        return tr(f"impact.weights_{value}")
    if key == "imp_core":
        return "、".join(map(str, value)) if value else "–"
    return f"{value:.0%}" if key == "imp_split" else str(value)


def reset_method(defaults: dict) -> None:
    # Forgetting a widget's state brings back its default (setting the state as well as a
    # default value would make Streamlit warn on the page).
    for key in defaults:
        st.session_state.pop(key, None)


def method_note(changed: list[str], defaults: dict) -> None:
    """Which method settings differ from their defaults, and a button that resets them."""
    changes = "; ".join(tr("impact.method_diff", name=tr(METHOD_NAMES[k]),
                           value=method_value(k, st.session_state[k]),
                           default=method_value(k, defaults[k])) for k in changed)
    st.warning(tr("impact.method_note", changes=md(changes)), icon=":material/tune:")
    st.button(tr("impact.method_reset"), key="imp_reset", on_click=reset_method,
              args=(defaults,))


def _method(opts: dict, metric: str) -> dict:
    """The method settings' widgets; returns their values by ``Choice`` field."""
    defaults = method_defaults(opts)
    changed = [k for k, v in defaults.items() if st.session_state.get(k, v) != v]
    label = tr("impact.method") + (
        f" · {tr('impact.method_changed', n=len(changed))}" if changed else "")
    with st.expander(label, expanded=bool(changed)):
        if changed:
            method_note(changed, defaults)
        m = st.columns(4)
        split = m[0].slider(tr("impact.split"), 0.2, 0.8, defaults["imp_split"], 0.05,
                            key="imp_split", help=tr("impact.split_help"))
        score = m[1].radio(tr("impact.score"), ["z", "attainment"], key="imp_score",
                           format_func=lambda s: tr(f"impact.score_{s}"))
        weights = m[2].radio(tr("impact.weights"), ["equal", "goals"], key="imp_weights",
                             format_func=lambda s: tr(f"impact.weights_{s}"),
                             disabled=metric != ALL)
        k = m[3].number_input(tr("impact.k"), 1, 12, defaults["imp_k"], key="imp_k")
        core = st.multiselect(tr("impact.core_roles"), opts["roles"],
                              default=defaults["imp_core"], key="imp_core")
    return {"split": split, "score": score, "weights": weights, "k": k, "core_roles": core}


def filters(opts: dict) -> Choice:
    """The page's widgets, read into the report's choice."""
    days = [d.date() for d in pd.date_range(opts["first"], opts["last"], freq="D")]
    c = st.columns([3, 2, 2, 2])
    start, end = c[0].select_slider(tr("impact.period"), days, value=(days[0], days[-1]),
                                    key="imp_period")
    team = c[1].selectbox(tr("impact.team"), [ALL, *opts["teams"]], key="imp_team",
                          format_func=lambda v: tr("impact.all_teams") if v == ALL else v)
    bosses = {ALL: tr("impact.all_managers")} | manager_labels()  # by name, not M01
    manager = c[2].selectbox(tr("impact.manager"), [ALL, *opts["managers"]], key="imp_manager",
                             format_func=lambda v: bosses.get(v, v))
    metric = c[3].selectbox(tr("impact.metric"), [ALL, *opts["metrics"]], key="imp_metric",
                            format_func=lambda v: tr("impact.composite") if v == ALL
                            else metric_label(v, lang()))
    pick = {ALL: None}
    return Choice(start=start, end=end, team=pick.get(team, team),
                  manager=pick.get(manager, manager), metric=pick.get(metric, metric),
                  **_method(opts, metric))
