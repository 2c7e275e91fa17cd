"""Small static SVG line charts for the printable brief: no browser, no JavaScript, no binary.

Plotly figures need a browser to draw; a brief must print and open anywhere, so its charts are
plain SVG built here. Text is escaped: metric names come from user files.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 320, 120, 42, 10, 18, 22


def _scale(lo: float, hi: float, size: float, flip: bool) -> callable:
    span = (hi - lo) or 1.0

    def f(v: float) -> float:
        r = (v - lo) / span
        return (1 - r) * size if flip else r * size

    return f


def line_chart(
    series: pd.DataFrame,
    *,
    title: str,
    target: float | None = None,
    turning_point: pd.Timestamp | None = None,
) -> str:
    """Args:
        series: ``period``, ``value`` and optionally ``team_mean`` columns, one row a period.
        title: the chart's caption (escaped here).
        target: drawn as a dashed line when given.
        turning_point: marked with a vertical line when given.
    Returns:
        An ``<svg>`` element as text.
    """
    data = series.dropna(subset=["value"]).sort_values("period")
    if data.empty:
        return ""
    ys = [*data["value"], *([target] if target is not None and math.isfinite(target) else [])]
    if "team_mean" in data:
        ys += data["team_mean"].dropna().tolist()
    x0, x1 = data["period"].min(), data["period"].max()
    fx = _scale(0, max((x1 - x0).days, 1), W - PAD_L - PAD_R, flip=False)
    fy = _scale(min(ys), max(ys), H - PAD_T - PAD_B, flip=True)

    def pt(d, v) -> str:
        return f"{PAD_L + fx((d - x0).days):.1f},{PAD_T + fy(v):.1f}"

    parts = [f'<text x="{PAD_L}" y="12" font-size="11" font-weight="bold">{escape(title)}</text>']
    if "team_mean" in data and data["team_mean"].notna().any():
        team = " ".join(pt(d, v) for d, v in zip(data["period"], data["team_mean"], strict=True)
                        if pd.notna(v))
        parts.append(f'<polyline points="{team}" fill="none" stroke="#9ca3af" stroke-width="1.5"/>')
    if target is not None and math.isfinite(target):
        y = PAD_T + fy(target)
        parts.append(f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y:.1f}" y2="{y:.1f}" '
                     'stroke="#6b7280" stroke-dasharray="4 3"/>')
    if turning_point is not None and pd.notna(turning_point):
        x = PAD_L + fx((pd.Timestamp(turning_point) - x0).days)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{PAD_T}" y2="{H - PAD_B}" '
                     'stroke="#dc2626" stroke-dasharray="2 2"/>')
    own = " ".join(pt(d, v) for d, v in zip(data["period"], data["value"], strict=True))
    parts.append(f'<polyline points="{own}" fill="none" stroke="#2563eb" stroke-width="2"/>')
    parts.append(_axes(min(ys), max(ys), x0, x1))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
            f'viewBox="0 0 {W} {H}" font-family="sans-serif">{"".join(parts)}</svg>')


def _axes(lo: float, hi: float, x0: pd.Timestamp, x1: pd.Timestamp) -> str:
    return (
        f'<text x="{PAD_L - 4}" y="{PAD_T + 4}" font-size="9" text-anchor="end">{hi:.4g}</text>'
        f'<text x="{PAD_L - 4}" y="{H - PAD_B}" font-size="9" text-anchor="end">{lo:.4g}</text>'
        f'<text x="{PAD_L}" y="{H - 6}" font-size="9">{x0:%Y-%m-%d}</text>'
        f'<text x="{W - PAD_R}" y="{H - 6}" font-size="9" text-anchor="end">{x1:%Y-%m-%d}</text>'
    )
