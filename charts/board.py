"""Colours of the red / amber / green board and the OKR team chart.

Colour is never the only signal: every cell also carries a symbol (✓ ! ✗ ○) and its number.
The fills are light (dark text stays readable, also in print) and differ in lightness as well as
hue, so they stay apart for colour-blind readers and in grey-scale print.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from i18n.numbers import percent

# status -> (fill, text colour)
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "green": ("#bfe3c9", "#14532d"),
    "amber": ("#fcd989", "#713f12"),
    "red": ("#f4a6a6", "#7f1d1d"),
    "grey": ("#e5e7eb", "#374151"),
}
BAR_COLORS = {"green": "#2e8b57", "amber": "#d89a0b", "red": "#c0392b", "grey": "#9ca3af"}


def cell_css(status: str | None) -> str:
    """CSS of a board cell of ``status`` ("" for an empty cell).

    Example:
        >>> cell_css("red")
        'background-color: #f4a6a6; color: #7f1d1d'
    """
    if status not in STATUS_COLORS:
        return ""
    fill, text = STATUS_COLORS[status]
    return f"background-color: {fill}; color: {text}"


def okr_teams(frame: pd.DataFrame, *, symbols: dict[str, str], red: float, green: float,
              title: str | None = None) -> go.Figure:
    """Horizontal bars of team OKR progress, coloured and labelled by status.

    Args:
        frame: one row per team with ``team``, ``progress`` (0-1) and ``status``.
        symbols: status -> symbol written before the number (colour is not the only signal).
        red, green: the OKR thresholds, drawn as dotted lines.
        title: the chart title.
    """
    if frame.empty:
        return style.apply(go.Figure(), title=title, height=200)
    labels = [f"{symbols.get(s, '')} {percent(p)}" for s, p in zip(frame["status"], frame["progress"],
                                                               strict=True)]
    fig = go.Figure(go.Bar(
        x=frame["progress"], y=frame["team"], orientation="h", text=labels,
        textposition="outside", marker_color=[BAR_COLORS.get(s, "#9ca3af") for s in frame["status"]],
        hovertemplate="%{y}: %{x:.1%}<extra></extra>", showlegend=False,
    ))
    for x in (red, green):
        fig.add_vline(x=x, line_dash="dot", line_color=style.TARGET_COLOR)
    style.apply(fig, title=title, height=120 + 40 * len(frame))
    fig.update_layout(xaxis={"tickformat": ".0%", "range": [0, 1.1]}, hovermode="closest",
                      margin={"l": 100, "r": 40, "t": 50 if title else 20, "b": 40})
    return fig
