"""The prep page's forecast what-if: pick a metric and a change of level, see the forecast and
the chances of reaching target as they are and shifted, with what that assumes and cannot prove
(``reports.forecast_whatif``)."""

from __future__ import annotations

import math

import streamlit as st

from reports.forecast_whatif import what_if_table, what_if_words
from reports.metric_names import metric_label
from ui.context import lang, tr
from ui.employee import limits_at, what_if_at
from ui.feedback import friendly
from ui.text import md


def suggested(mae: float, direction: str) -> float:
    """A first change to try: the metric's typical forecast error rounded to one significant
    digit, in the better direction (so the what-if opens on a change of a usual size).

    >>> suggested(4.37, "higher"), suggested(0.26, "lower"), suggested(0.0, "higher")
    (4.0, -0.3, 1.0)
    """
    if not mae or not math.isfinite(mae) or mae <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(mae))
    return round(round(mae / step) * step, 6) * (-1 if direction == "lower" else 1)


def _errors(ahead) -> dict[str, tuple[float, str]]:
    """metric -> (typical forecast error, direction), in the forecast's order (a loop over its
    few rows: selecting and indexing them in pandas was a sixth of the section)."""
    return {str(m): (float(e), str(d)) for m, e, d, h in zip(
        ahead["metric"], ahead["mae"], ahead["direction"], ahead["h"], strict=True) if h == 1}


def what_if(snap, prep) -> None:
    """The section, under the prep's trend charts."""
    st.subheader(tr("wi.title"))
    ahead = prep.forecast
    if ahead is None or ahead.empty:
        st.caption(tr("wi.none", n=limits_at(snap).forecast_min_periods))
        return
    st.caption(tr("wi.intro"))
    errors = _errors(ahead)
    left, right = st.columns([2, 1])
    reader = lang()  # bound now: the box may format its options after the run (AppTest does)
    metric = left.selectbox(tr("wi.metric"), list(errors), key="wi_metric",
                            format_func=lambda m: metric_label(m, reader))
    start = suggested(*errors[metric])
    shift = right.number_input(tr("wi.shift"), value=start, step=abs(start),
                               format="%g", help=tr("wi.shift.help"),
                               key=f"wi_shift_{prep.employee_id}_{metric}")
    with friendly():
        found = what_if_at(snap, prep, metric, float(shift))
        if found is None:
            st.caption(tr("wi.none", n=limits_at(snap).forecast_min_periods))
            return
        grain = prep.windows.grain
        st.dataframe(what_if_table(found, grain, reader), hide_index=True, width="stretch")
        st.markdown("\n".join(f"- {md(s)}" for s in what_if_words(
            found, grain, reader, metric=metric)))

