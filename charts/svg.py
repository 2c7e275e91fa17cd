"""Small static SVG charts for the printable brief: no browser, no JavaScript, no binary.

Plotly figures need a browser to draw; a brief must print and open anywhere, so its charts are
plain SVG built here. Every text (metric names and labels come from user files) is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import pandas as pd

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 260, 140, 36, 8, 30, 20
FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
OWN, TEAM, BAND, TARGET, TURN = "#2563eb", "#6b7280", "#e5e7eb", "#059669", "#dc2626"
AHEAD, AHEAD_DASH = "#bfdbfe", "4 2"  # the forecast's interval fill; its line is OWN, dashed


@dataclass(frozen=True)
class ChartLabels:
    """Legend words in the reader's language."""

    employee: str = "Employee"
    team_mean: str = "Team mean"
    target: str = "Target"
    turning_point: str = "Turning point"
    team_range: str = "Team range"


def _scale(lo: float, hi: float, size: float, flip: bool) -> Callable[[float], float]:
    span = (hi - lo) or 1.0

    def f(v: float) -> float:
        r = (v - lo) / span
        return (1 - r) * size if flip else r * size

    return f


def _finite(value) -> bool:
    return value is not None and not pd.isna(value) and math.isfinite(float(value))


def _svg(body: str, width: int, height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{FONT}" role="img">{body}</svg>')


def _legend(labels: ChartLabels, target: bool, turn: bool) -> str:
    items = [(OWN, labels.employee, ""), (TEAM, labels.team_mean, "")]
    items += [(TARGET, labels.target, "4 3")] if target else []
    items += [(TURN, labels.turning_point, "2 2")] if turn else []
    out, x = [], PAD_L
    for color, word, dash in items:
        out.append(f'<line x1="{x}" x2="{x + 12}" y1="22" y2="22" stroke="{color}" '
                   f'stroke-width="2" stroke-dasharray="{dash}"/>'
                   f'<text x="{x + 15}" y="25" font-size="8" fill="#374151">{escape(word)}</text>')
        x += 20 + (5 if word.isascii() else 8.5) * len(word)
    return "".join(out)


def trend_chart(series: pd.DataFrame, *, title: str, target: float | None = None,
                turning_point: pd.Timestamp | None = None, labels: ChartLabels | None = None,
                legend: bool = True, forecast: pd.DataFrame | None = None) -> str:
    """One metric's trend: the employee's line over the team's range band and mean line.

    Args:
        series: one metric's rows with ``period`` and ``value``; optional ``team_mean``,
            ``team_min``, ``team_max`` (``store.frames.employee_series`` columns).
        title: the chart's caption (escaped here).
        target: drawn as a dashed green line when given and finite.
        turning_point: marked with a dashed red vertical line and a dot when given.
        labels: legend words (default English).
        legend: draw the legend inside the chart (off when the page shows one legend for all).
        forecast: this metric's ``analytics.forecast`` rows (period, expected, low, high): a
            dashed line on from the last value over its interval band; None or empty: none.

    Returns:
        An ``<svg>`` element as text; "" when the series has no value.

    Example:
        >>> frame = pd.DataFrame({"period": pd.date_range("2025-01-06", periods=3, freq="W-MON"),
        ...                       "value": [1.0, 2.0, 3.0]})
        >>> trend_chart(frame, title="<b>").count("&lt;b&gt;")
        1
    """
    data = _values(series)
    if data.empty:
        return ""
    target = float(target) if _finite(target) else None
    turn = pd.Timestamp(turning_point) if turning_point is not None and pd.notna(turning_point) \
        else None
    ahead = _ahead(forecast)
    band = [c for c in ("team_min", "team_max", "team_mean") if c in data]
    lo, hi, x0, x1 = _extent(data, band, target, ahead)
    top = PAD_T if legend else 18
    place = _Place(x0, _scale(0, max((x1 - x0).days, 1), W - PAD_L - PAD_R, flip=False), top,
                   _scale(lo, hi, H - top - PAD_B, flip=True))
    parts = [f'<text x="{PAD_L}" y="12" font-size="12" font-weight="bold">{escape(title)}</text>',
             _legend(labels or ChartLabels(), target is not None, turn is not None)
             if legend else "", *_team(data, band, place), *_lines(place, target, turn, x1),
             *_own(data, ahead, place), _axes(lo, hi, x0, x1, top)]
    return _svg("".join(parts), W, H)


def _values(series: pd.DataFrame) -> pd.DataFrame:
    """The rows with a value, in period order; ValueError for what is not a series."""
    if not isinstance(series, pd.DataFrame) or not {"period", "value"} <= set(series.columns):
        raise ValueError("series must be a DataFrame with period and value columns")
    return series.dropna(subset=["value"]).sort_values("period")


def _extent(data: pd.DataFrame, band: list[str], target: float | None,
            ahead: pd.DataFrame) -> tuple[float, float, pd.Timestamp, pd.Timestamp]:
    """(lowest, highest value, first, last day) over everything drawn, so nothing is cut."""
    ys = [*data["value"], *([target] if target is not None else [])]
    ys += [v for c in band for v in data[c].dropna()] + [*ahead["low"], *ahead["high"]]
    x0 = data["period"].min()
    x1 = max(data["period"].max(), *ahead["period"]) if len(ahead) else data["period"].max()
    return min(ys), max(ys), x0, x1


def _lines(place: _Place, target: float | None, turn: pd.Timestamp | None,
           x1: pd.Timestamp) -> list[str]:
    """The target (dashed green, across) and the turning point (dashed red, up) when inside."""
    out = []
    if target is not None:
        y = place.y(target)
        out.append(f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{TARGET}" stroke-width="1.2" stroke-dasharray="4 3"/>')
    if turn is not None and place.x0 <= turn <= x1:
        out.append(f'<line x1="{place.x(turn):.1f}" x2="{place.x(turn):.1f}" y1="{place.top}" '
                   f'y2="{H - PAD_B}" stroke="{TURN}" stroke-dasharray="2 2"/>')
    return out


def _own(data: pd.DataFrame, ahead: pd.DataFrame, place: _Place) -> list[str]:
    """The forecast from the last value on, the employee's line over it, and the last dot."""
    own = place.points(data, "value")
    last_x, last_y = own[-1].split(",")
    return [_forecast(ahead, own[-1], place) if len(ahead) else "",
            f'<polyline points="{" ".join(own)}" fill="none" stroke="{OWN}" stroke-width="2"/>',
            f'<circle cx="{last_x}" cy="{last_y}" r="2.5" fill="{OWN}"/>']


@dataclass(frozen=True)
class _Place:
    """Where a (day, value) lands in the chart."""

    x0: pd.Timestamp
    fx: Callable[[float], float]
    top: int
    fy: Callable[[float], float]

    def x(self, day) -> float:
        return PAD_L + self.fx((pd.Timestamp(day) - self.x0).days)

    def y(self, value: float) -> float:
        return self.top + self.fy(value)

    def points(self, data: pd.DataFrame, column: str) -> list[str]:
        return [f"{self.x(d):.1f},{self.y(v):.1f}"
                for d, v in zip(data["period"], data[column], strict=True) if pd.notna(v)]


def _ahead(forecast: pd.DataFrame | None) -> pd.DataFrame:
    """The forecast rows that can be drawn, in period order (empty without any)."""
    columns = ["period", "expected", "low", "high"]
    if forecast is None or forecast.empty or not set(columns) <= set(forecast.columns):
        return pd.DataFrame({c: [] for c in columns})
    rows = forecast[columns].dropna().sort_values("period")
    return rows.assign(period=pd.to_datetime(rows["period"]))


def _team(data: pd.DataFrame, band: list[str], place: _Place) -> list[str]:
    out = []
    if {"team_min", "team_max"} <= set(band) and data["team_min"].notna().any():
        ring = place.points(data, "team_max") + place.points(data, "team_min")[::-1]
        out.append(f'<polygon points="{" ".join(ring)}" fill="{BAND}" stroke="none"/>')
    if "team_mean" in band and data["team_mean"].notna().any():
        out.append(f'<polyline points="{" ".join(place.points(data, "team_mean"))}" '
                   f'fill="none" stroke="{TEAM}" stroke-width="1.5"/>')
    return out


def _forecast(ahead: pd.DataFrame, start: str, place: _Place) -> str:
    """The interval as a band opening from the last value, and the expected path dashed."""
    high, low, line = (place.points(ahead, c) for c in ("high", "low", "expected"))
    return (f'<polygon class="forecast-band" points="{" ".join([start, *high, *low[::-1]])}" '
            f'fill="{AHEAD}" fill-opacity="0.7" stroke="none"/>'
            f'<polyline class="forecast" points="{" ".join([start, *line])}" fill="none" '
            f'stroke="{OWN}" stroke-width="1.5" stroke-dasharray="{AHEAD_DASH}"/>')


def _axes(lo: float, hi: float, x0: pd.Timestamp, x1: pd.Timestamp, top: int) -> str:
    return (
        f'<line x1="{PAD_L}" x2="{PAD_L}" y1="{top}" y2="{H - PAD_B}" stroke="#d1d5db"/>'
        f'<text x="{PAD_L - 3}" y="{top + 8}" font-size="10" text-anchor="end">{hi:.4g}</text>'
        f'<text x="{PAD_L - 3}" y="{H - PAD_B}" font-size="10" text-anchor="end">{lo:.4g}</text>'
        f'<text x="{PAD_L}" y="{H - 5}" font-size="10">{x0:%Y-%m-%d}</text>'
        f'<text x="{W - PAD_R}" y="{H - 5}" font-size="10" text-anchor="end">{x1:%Y-%m-%d}</text>'
    )


def bar_chart(scores: pd.Series, *, title: str, width: int = 330) -> str:
    """Diverging horizontal bars of direction-aware z-scores (strengths right, weaknesses left).

    Args:
        scores: metric name -> z (NaN bars are left out); names are escaped.
        title: the caption (escaped).
        width: the SVG width in px.

    Returns:
        An ``<svg>`` element as text; "" when no score is finite.

    Example:
        >>> bar_chart(pd.Series({"AHT": 1.2, "CSAT": -0.7}), title="z").count("<rect")
        2
    """
    if not isinstance(scores, pd.Series):
        raise ValueError(f"scores must be a pandas Series, got {type(scores).__name__}")
    data = scores.dropna().astype(float).sort_values(ascending=False)
    if data.empty:
        return ""
    row, top, label_w, value_w = 15, 20, 92, 30
    half = (width - label_w - value_w - 8) / 2
    mid = label_w + value_w + half
    reach = max(float(data.abs().max()), 1.0)
    parts = [f'<text x="4" y="12" font-size="10" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{mid:.1f}" x2="{mid:.1f}" y1="{top - 2}" '
             f'y2="{top + row * len(data)}" stroke="#9ca3af"/>']
    for i, (name, z) in enumerate(data.items()):
        y, size = top + i * row, abs(z) / reach * half
        left = mid if z >= 0 else mid - size
        color = "#059669" if z >= 0 else "#dc2626"
        parts.append(
            f'<text x="{label_w - 4}" y="{y + 11}" font-size="9" text-anchor="end">'
            f'{escape(str(name))}</text><text x="{label_w + value_w - 4}" y="{y + 11}" '
            f'font-size="9" text-anchor="end">{z:+.1f}</text><rect x="{left:.1f}" y="{y + 3}" '
            f'width="{size:.1f}" height="{row - 6}" fill="{color}"/>')
    return _svg("".join(parts), width, top + row * len(data) + 4)
