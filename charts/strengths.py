"""Strengths and weaknesses: the direction-aware z-score of each metric as horizontal bars."""

from __future__ import annotations

import numpy as np
import pandas as pd

from charts import style

GOOD, BAD = "#059669", "#dc2626"


def strength_bars(
    metrics: pd.DataFrame, *, title: str, axis_label: str,
    strength: str | None = None, weakness: str | None = None,
    strength_label: str = "strength", weakness_label: str = "weakness",
) -> dict:
    """Args:
        metrics: one row per metric with ``metric`` and ``z`` (positive = better than the team,
            whatever the metric's direction); rows without a z are left out.
        title, axis_label, strength_label, weakness_label: texts in the viewer's language.
        strength, weakness: the metric names to mark (None: none).
    Returns:
        A figure's spec (``charts.style.spec``): horizontal bars sorted best on top, green
        above zero and red below, the strength and weakness named at the end of their bar.

    Example:
        >>> m = pd.DataFrame({"metric": ["a", "b"], "z": [1.0, -0.5]})
        >>> strength_bars(m, title="", axis_label="z")["data"][0]["y"]
        ['b', 'a']
    """
    for column in ("metric", "z"):
        if column not in metrics.columns:
            raise ValueError(f"metrics lacks column {column!r}")
    # NumPy, as pandas sorts (quicksort, rows without a z left out): a filtered, sorted frame
    # cost more than the chart.
    every = metrics["z"].to_numpy(dtype=float, na_value=np.nan)
    shown = np.flatnonzero(~np.isnan(every))
    order = shown[np.argsort(every[shown])]
    z = every[order]
    # The strength and weakness are named in the axis label (bold), the bar carries the number:
    # text beside a negative bar would run into the axis labels.
    names = [f"<b>{m}</b> · {strength_label}" if m == strength
             else f"<b>{m}</b> · {weakness_label}" if m == weakness else str(m)
             for m in metrics["metric"].to_numpy()[order]]
    bar = {"type": "bar", "x": style.numbers(z), "y": names, "orientation": "h",
           "marker": {"color": np.where(z >= 0, GOOD, BAD).tolist()},
           "text": [f"{v:+.2f}" for v in z], "textposition": "outside", "cliponaxis": False,
           "hovertemplate": "%{y}: z %{x:+.2f}<extra></extra>"}
    reach = max(1.0, float(np.abs(z).max()) if len(z) else 1.0) * 1.6
    # On a phone the plot beside the metric names is ~185 px wide: a longer axis title ran off
    # the chart ("+ = bette"); wrapped, each further line gets its own room below.
    label = style.wrapped(axis_label, AXIS_TITLE_PX)
    more = TITLE_LINE_PX * label.count("<br>")
    layout = {"xaxis": {"title": {"text": label}, "range": [-reach, reach], "zeroline": True,
                        "zerolinecolor": style.TARGET_COLOR},
              "yaxis": {"automargin": True, "type": "category"},
              "showlegend": False, "hovermode": "closest", "margin": {"b": 50 + more}}
    return style.spec([bar], layout, title=title, height=max(220, 110 + 40 * len(z)) + more)


AXIS_TITLE_PX = 160  # the widest line of the axis title (style.text_px)
TITLE_LINE_PX = 18  # a line of the 13 px axis title
