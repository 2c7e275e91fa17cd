"""One look for every chart: fonts that draw Chinese, a quiet palette, legends that never overlap."""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

# Noto Sans CJK draws both scripts; the README installs it (fonts-noto-cjk) for the screenshots.
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#dc2626", "#0891b2", "#4b5563"]
TARGET_COLOR = "#6b7280"

# plotly_white, registered once as the default: plotly attaches the default template to each new
# figure without validating it again, where ``template="plotly_white"`` deep-copied and validated
# it for every figure (40-60 ms each, most of a warm overview rerun).
pio.templates["coachboard"] = pio.templates["plotly_white"]
pio.templates.default = "coachboard"


# Plotly draws names, ticks, hover and legend text as a small HTML dialect: a name like
# "<img ...>" would vanish or turn into markup. Our own <b>, <br> and <extra> stay.
_OPEN = re.compile(r"<(?!/?(?:b|br|extra)>)")
_CLOSE = re.compile(r"(?<!<b)(?<!</b)(?<!<br)(?<!<extra)(?<!</extra)>")
_TEXT_FIELDS = ("name", "text", "hovertext", "x", "y", "customdata", "legendgroup")


def plain(value: object) -> object:
    """``value`` with every ``<``/``>`` but our own tags written as entities (text only).

    Idempotent, so text already escaped by a builder is left alone.

    Example:
        >>> plain("<b>AHT</b> · <img src=x>"), plain(3)
        ('<b>AHT</b> · &lt;img src=x&gt;', 3)
    """
    if not isinstance(value, str) or ("<" not in value and ">" not in value):
        return value
    return _CLOSE.sub("&gt;", _OPEN.sub("&lt;", value))


def _plain_values(values: object) -> object:
    """A trace property (scalar, sequence or 2-D array) with its text neutralised."""
    if isinstance(values, str):
        return plain(values)
    if isinstance(values, np.ndarray) and values.dtype == object:
        return np.vectorize(plain, otypes=[object])(values) if values.size else values
    if isinstance(values, tuple | list):
        return type(values)(_plain_values(v) for v in values)
    return values


def plain_figure(fig: go.Figure) -> go.Figure:
    """Every data-derived text of ``fig`` (names, categories, hover data, titles) as text."""
    for trace in fig.data:
        for field in _TEXT_FIELDS:
            if field in trace and trace[field] is not None:  # not every trace has every field
                trace[field] = _plain_values(trace[field])
    layout = fig.layout
    if layout.title.text:
        layout.title.text = plain(layout.title.text)
    for annotation in layout.annotations or ():
        annotation.text = plain(annotation.text)
    fig.for_each_xaxis(lambda a: a.update(title_text=plain(a.title.text)))
    fig.for_each_yaxis(lambda a: a.update(title_text=plain(a.title.text)))
    return fig


def period_axis(fig: go.Figure, axis: dict[str, object] | None) -> go.Figure:
    """Label the time axis with the periods' own names (``reports.periods.period_axis``)."""
    if axis:
        fig.update_xaxes(**axis)
    return fig


def apply(fig: go.Figure, *, title: str | None = None, height: int = 380) -> go.Figure:
    """House style: title, font, horizontal legend under the plot, room for labels."""
    fig.update_layout(
        title={"text": title} if title else None,
        font={"family": FONT, "size": 13},
        colorway=PALETTE,
        height=height,
        margin={"l": 60, "r": 20, "t": 50 if title else 20, "b": 80},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
        hovermode="x unified",
    )
    return plain_figure(fig)
