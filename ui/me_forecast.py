"""The employee's own forecast on their page: next period with its interval, and this month's
(quarter's) chance of reaching the target, from ``reports.forecast`` (their own series only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.me import MyPage
from reports.metric_names import metric_label
from ui.context import lang, tr

# pixels per column, in _row's order: metric, next value, model, target, the two chances,
# what is needed, outlook; the page is ~944 px at 1440
WIDTHS = (80, 200, 140, 64, 150, 122, 128, 60)
ROW_HEIGHT = 84  # four lines: the grid wraps text only in rows over 4rem


def _num(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{round(float(value), 2):g}"


def _pct(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.0%}"


def _row(r) -> dict[str, str]:
    return {
        tr("me.col.metric"): metric_label(r.metric, lang()),
        tr("me.fc.next", period=pd.Timestamp(r.next_period).strftime("%Y-%m-%d")):
            tr("me.fc.range", value=_num(r.next_expected), low=_num(r.next_low),
               high=_num(r.next_high)),
        tr("me.fc.model"): tr("me.fc.model_text", model=tr(f"me.fc.model.{r.model}"),
                              mae=_num(r.mae), n=int(r.mae_n)),
        tr("me.col.target"): _num(r.target),
        tr("me.fc.p_80"): _pct(r.p_80),
        tr("me.fc.p_100"): _pct(r.p_100),
        tr("me.fc.needed"): "–" if pd.isna(r.needed) else tr(
            "me.fc.needed_text", needed=_num(r.needed), left=int(r.left_n),
            recent=_num(r.recent), n=int(r.recent_n)),
        tr("me.fc.status"): tr(f"me.fc.status.{r.status}") if isinstance(r.status, str) else "–",
    }


def forecast(page: MyPage) -> None:
    """One row per metric with enough history; a sentence when there is none."""
    st.subheader(tr("me.fc.title"))
    if page.forecast.empty:
        st.caption(tr("me.fc.none"))
        return
    table = pd.DataFrame([_row(r) for r in page.forecast.itertuples()])
    # Eight texts on one line ran past 1440 px (the last columns cut): pixel
    # widths that fit the page, rows tall enough for the grid to wrap them.
    st.dataframe(table, hide_index=True, width="stretch", row_height=ROW_HEIGHT,
                 column_config={c: st.column_config.TextColumn(c, width=w)
                                for c, w in zip(table.columns, WIDTHS, strict=True)})
    grains = page.forecast["target_grain"].dropna()
    st.caption(tr("me.fc.note", interval=f"{float(page.forecast['interval'].iloc[0]):.0%}",
                  grain=tr(f"me.fc.grain.{grains.iloc[0] if len(grains) else 'none'}")))
