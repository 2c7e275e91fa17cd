"""The HR page's sessions x change for thousands of people: people counted in cells.

At 5,000 people the scatter (one dot per person, one trace per team: 417 of them) sent about
300 KiB on every rerun of the page, and its dots hid each other in columns of whole session
counts; cells shaded by how many people fall in them show the same cloud in a few KiB.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.impact import BAND, band, count_axis

COLUMNS_MAX = 40  # cells across: one per session count up to this many sessions
ROWS = 24  # bands of change


def edges(people: pd.DataFrame, rows: int = ROWS) -> tuple[np.ndarray, np.ndarray]:
    """(session edges, change edges): whole session counts in the middle of a cell (one count
    per cell, or a few above ``COLUMNS_MAX``), ``rows`` equal bands from the lowest change to
    the highest."""
    top = float(people["sessions"].fillna(0).max())
    step = max(1, -(-int(top) // COLUMNS_MAX))
    across = -0.5 + step * np.arange(int((top + 0.5) // step) + 2)
    low, high = float(people["change"].min()), float(people["change"].max())
    if low == high:  # one value: a band around it
        low, high = low - 0.5, high + 0.5
    return across, np.linspace(low, high, rows + 1)


def density(people: pd.DataFrame, fit: pd.DataFrame, *, title: str, x_label: str, y_label: str,
            fit_label: str, band_label: str, count_label: str) -> go.Figure:
    """Args:
        people: employee_id, sessions, change (rows without change are skipped).
        fit: ``analytics.correlation.fit_band`` output, fitted on every person (may be empty).
    Returns:
        A heatmap of how many people have each (sessions, change) cell (empty cells blank),
        with the fitted line and its 95% band on top.
    """
    data = people.dropna(subset=["change"])
    across, down = edges(data)
    counts, _, _ = np.histogram2d(data["sessions"].fillna(0), data["change"],
                                  bins=[across, down])
    fig = go.Figure(go.Heatmap(
        x=(across[:-1] + across[1:]) / 2, y=(down[:-1] + down[1:]) / 2,
        z=np.where(counts.T > 0, counts.T, np.nan), colorscale="Blues", hoverongaps=False,
        name=count_label, colorbar={"title": {"text": count_label}, "thickness": 12},
        hovertemplate=(f"{x_label} %{{x}}<br>{y_label} %{{y:.2f}}<br>{count_label} %{{z}}"
                       "<extra></extra>")))
    if not fit.empty:
        band(fig, fit["x"], fit["low"], fit["high"], BAND, band_label)
        fig.add_trace(go.Scatter(x=fit["x"], y=fit["fit"], mode="lines", name=fit_label,
                                 line={"color": style.PALETTE[0]}, hoverinfo="skip"))
    fig.add_hline(y=0, line_color=style.TARGET_COLOR, line_width=1)
    fig.update_xaxes(title_text=x_label, **count_axis(data["sessions"].fillna(0)))
    fig.update_yaxes(title_text=y_label)
    return style.apply(fig, title=title)
