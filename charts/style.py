"""One look for every chart: fonts that draw Chinese, a quiet palette, legends that never overlap."""

from __future__ import annotations

import base64
import functools
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
# Importing Streamlit makes its own template plotly's default; the app imports Streamlit first
# (`streamlit run`), so this one stands (tests/conftest.py imports it first too, else the
# default would depend on which test module was collected first).
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
        if _no_tags(values):  # dates and plain names: most of a spec's text, left as they are
            return values
        return type(values)(_plain_values(v) for v in values)
    return values


def _no_tags(values: tuple | list) -> bool:
    """Whether ``values`` are all text without a ``<`` or ``>`` (one join, not a call each)."""
    try:
        joined = "".join(values)
    except TypeError:  # numbers, None or nested lists among them
        return False
    return "<" not in joined and ">" not in joined


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


def house_layout(*, title: str | None = None, height: int = 380) -> dict[str, object]:
    """House style as a layout: title, font, horizontal legend under the plot, room for labels."""
    return {**({"title": {"text": title}} if title else {}),
            "font": {"family": FONT, "size": 13}, "colorway": PALETTE, "height": height,
            "margin": {"l": 60, "r": 20, "t": 50 if title else 20, "b": 80},
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left",
                       "x": 0},
            "hovermode": "x unified"}


def apply(fig: go.Figure, *, title: str | None = None, height: int = 380) -> go.Figure:
    """House style (``house_layout``) on a built figure, its texts made plain."""
    fig.update_layout(**house_layout(title=title, height=height))
    return plain_figure(fig)


def merged(base: dict, *more: dict | None) -> dict:
    """``base`` with ``more`` merged in, nested dicts key by key (as ``update_layout`` does)."""
    out = dict(base)
    for extra in more:
        for key, value in (extra or {}).items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                value = merged(out[key], value)
            out[key] = value
    return out


def spec(traces: list[dict], layout: dict, *, title: str | None = None,
         height: int = 380) -> dict:
    """A figure as the plain dict plotly.js draws (``{"data", "layout"}``), in house style
    (``layout`` over it), texts plain, with the slim template of its trace types (``template``).

    No ``go.Figure``: validating one and turning it back into a dict (a deep copy that walks the
    7 KB template) was most of drawing an employee's five charts. Builders pass arrays through
    ``numbers`` and ``dates``; their tests check that each spec is what plotly writes for it
    once validated (tests/charts/specs.py). Cached and shared (the template too): never
    change one.
    """
    for trace in traces:
        for field in _TEXT_FIELDS:
            if trace.get(field) is not None:
                trace[field] = _plain_values(trace[field])
    styled = merged(house_layout(title=title, height=height), layout)
    if (styled.get("title") or {}).get("text"):
        styled["title"] = {**styled["title"], "text": plain(styled["title"]["text"])}
    for key, axis in styled.items():
        if key.startswith(("xaxis", "yaxis")) and (axis.get("title") or {}).get("text"):
            styled[key] = {**axis,
                           "title": {**axis["title"], "text": plain(axis["title"]["text"])}}
    if styled.get("annotations"):
        styled["annotations"] = [{**a, "text": plain(a.get("text"))}
                                 for a in styled["annotations"]]
    styled["template"] = template(tuple(sorted({t.get("type", "scatter") for t in traces})))
    # no shapes or annotations: none at all, as plotly writes it
    return {"data": traces, "layout": {k: v for k, v in styled.items() if v != []}}


# What plotly_white sets for subplots we never draw, and its colours our house style replaces.
_UNUSED = ("polar", "ternary", "scene", "geo", "colorway")


@functools.cache
def template(types: tuple[str, ...]) -> dict:
    """plotly_white cut to what a figure of these trace types reads: its cartesian layout and
    the defaults of these traces (the colour scales only for traces that shade by one).

    Streamlit's theme is merged onto the template's layout in the browser (it makes one when
    there is none), so the look stays plotly_white's under Streamlit's; the whole template
    was 7 KB of every chart's JSON, written and hashed again on every rerun.
    """
    white = _white()
    data = {t: white["data"][t] for t in types if t in white["data"]}
    shaded = any("colorscale" in entry for rows in data.values() for entry in rows)
    cut = _UNUSED if shaded else (*_UNUSED, "colorscale", "coloraxis")
    return {"data": data, "layout": {k: v for k, v in white["layout"].items() if k not in cut}}


def slim(figure: dict) -> dict:
    """A built figure's dict (``go.Figure.to_dict``) with the slim ``template`` of its trace
    types in place of plotly_white whole (the default every figure gets); any other template
    is kept. Changes ``figure`` in place and returns it."""
    layout = figure.get("layout") or {}
    if layout.get("template") == _white():
        types = {trace.get("type", "scatter") for trace in figure.get("data", ())}
        layout["template"] = template(tuple(sorted(types)))
    return figure


@functools.cache
def _white() -> dict:
    return pio.templates["plotly_white"].to_plotly_json()


def text_px(text: str) -> int:
    """About how wide ``text`` is at the charts' 13 px font: a Chinese character is twice a
    Latin one."""
    return sum(13 if ord(ch) > 0x2E80 else 7 for ch in text)


def wrapped(text: str, px: int) -> str:
    """``text`` in lines of at most ``px`` (``text_px``) joined by ``<br>``: a bracketed part
    on its own line(s) first (Chinese has no spaces), then broken at spaces; a single word
    longer than ``px`` keeps its own line.

    Example:
        >>> wrapped("Compared with the team (z, + = better)", 160)
        'Compared with the team<br>(z, + = better)'
    """
    if text_px(text) <= px:
        return text
    lines: list[str] = []
    for part in re.split(r" ?(?=[(（])", text):
        for word in part.split(" "):
            if lines and lines[-1] and text_px(f"{lines[-1]} {word}") <= px:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        lines.append("")  # the next part starts a line of its own
    return "<br>".join(line for line in lines if line)


def numbers(values: object, dtype: str = "f8") -> dict:
    """Numbers as plotly's typed array (``{"dtype": "f8", "bdata": base64}``, a grid with its
    ``shape``), as plotly's own ``to_dict`` sends a NumPy array: one string to write on every
    rerun, NaN still a gap. ``dtype`` "f4": half the bytes, where 7 digits are enough."""
    array = np.ascontiguousarray(values, dtype=f"<{dtype}")
    typed = {"dtype": dtype, "bdata": base64.b64encode(array.tobytes()).decode("ascii")}
    return typed | ({"shape": ", ".join(map(str, array.shape))} if array.ndim > 1 else {})


def dates(values: object) -> list[str]:
    """Timestamps as ISO text (``2025-01-06``; with the time when there is one), written once:
    plotly turns datetime columns into text on every rerun."""
    stamps = np.asarray(values, dtype="datetime64[us]")
    days = stamps.astype("datetime64[D]")
    whole = bool((days == stamps).all())
    return np.datetime_as_string(days if whole else stamps, unit="D" if whole else "s").tolist()
