"""Charts of the HR impact page: frequency x change scatter, event-study line, compliance bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style

BAND = "rgba(37, 99, 235, 0.15)"
CONTROL_BAND = "rgba(107, 114, 128, 0.15)"


def band(fig: go.Figure, x, low, high, color: str, name: str) -> None:
    fig.add_trace(go.Scatter(x=list(x), y=list(high), mode="lines", line={"width": 0},
                             hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(x=list(x), y=list(low), mode="lines", line={"width": 0},
                             fill="tonexty", fillcolor=color, hoverinfo="skip", name=name))


def scatter(people: pd.DataFrame, fit: pd.DataFrame, *, title: str, x_label: str, y_label: str,
            fit_label: str, band_label: str) -> go.Figure:
    """One point per employee (sessions, change), the fitted line and its 95% band.

    Args:
        people: employee_id, name, team, sessions, change (rows without change are skipped).
        fit: ``analytics.correlation.fit_band`` output (may be empty).
    Returns:
        Points carry the employee id as customdata, so a click can select the employee.
    """
    data = people.dropna(subset=["change"])
    fig = go.Figure()
    if not fit.empty:
        band(fig, fit["x"], fit["low"], fit["high"], BAND, band_label)
        fig.add_trace(go.Scatter(x=fit["x"], y=fit["fit"], mode="lines", name=fit_label,
                                 line={"color": style.PALETTE[0]}, hoverinfo="skip"))
    for i, (team, part) in enumerate(data.groupby(data["team"].fillna("-"), sort=True)):
        fig.add_trace(go.Scatter(
            x=part["sessions"], y=part["change"], mode="markers", name=str(team),
            marker={"size": 10, "color": style.PALETTE[(i + 1) % len(style.PALETTE)]},
            customdata=part[["employee_id", "name"]].astype(str).to_numpy(),
            hovertemplate="%{customdata[1]} (%{customdata[0]})<br>%{x} · %{y:.2f}<extra></extra>",
        ))
    fig.add_hline(y=0, line_color=style.TARGET_COLOR, line_width=1)
    fig.update_xaxes(title_text=x_label, **count_axis(data["sessions"]))
    fig.update_yaxes(title_text=y_label)
    style.apply(fig, title=title)
    fig.update_layout(hovermode="closest")
    return fig


def count_axis(counts: pd.Series, max_ticks: int = 10) -> dict[str, object]:
    """An axis of counts: whole numbers from 0 (nobody coached drew "-1, -0.5, 0, 0.5, 1")."""
    most = pd.to_numeric(counts, errors="coerce").max()
    top = max(0.0 if pd.isna(most) else float(most), 1.0)
    step = max(1, -(-int(top) // max_ticks))
    return {"range": [-0.5, top + 0.5], "tick0": 0, "dtick": step, "tickformat": "d"}


def event_line(profile: pd.DataFrame, *, title: str, x_label: str, y_label: str,
               names: dict[str, str], band_label: str) -> go.Figure:
    """Mean score around the session (period 0) for coached and matched colleagues, with bands.

    Args:
        profile: ``analytics.event_study.profile`` output (rel, group, mean, low, high, n).
        names: group ("coached" / "control") -> legend text in the viewer's language.
    """
    fig = go.Figure()
    colors = {"coached": (style.PALETTE[0], BAND), "control": (style.TARGET_COLOR, CONTROL_BAND)}
    for group, part in profile.dropna(subset=["mean"]).groupby("group", sort=True):
        line, fill = colors.get(group, (style.PALETTE[1], BAND))
        known = part.dropna(subset=["low", "high"])
        if not known.empty:
            band(fig, known["rel"], known["low"], known["high"], fill,
                 f"{names.get(group, group)} · {band_label}")
        fig.add_trace(go.Scatter(
            x=part["rel"], y=part["mean"], mode="lines+markers", name=names.get(group, group),
            line={"color": line}, customdata=part[["n"]],
            hovertemplate="%{y:.2f} (n=%{customdata[0]})<extra>%{fullData.name}</extra>"))
    fig.add_vline(x=0, line_dash="dot", line_color=style.TARGET_COLOR)
    fig.update_xaxes(title_text=x_label, dtick=1)
    fig.update_yaxes(title_text=y_label)
    return style.apply(fig, title=title)


def compliance_bars(rates: pd.DataFrame, *, title: str, measures: dict[str, str],
                    target: float, target_label: str, rate_label: str,
                    all_label: str = "all") -> go.Figure:
    """Grouped bars: one group per manager, one bar per measure, the target as a dashed line.

    Args:
        rates: ``analytics.compliance.by_manager`` output (manager_id, measure, eligible, rate).
        measures: measure -> legend text; only these measures are drawn, in this order.
        all_label: the x label of the "all" row (everyone, whatever the manager).
    """
    fig = go.Figure()
    data = rates[rates["eligible"] > 0]
    for measure, label in measures.items():
        part = data[data["measure"] == measure]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            x=part["manager_id"].astype(str).replace({"all": all_label}), y=part["rate"] * 100,
            name=label,
            customdata=part[["met", "eligible"]],
            hovertemplate="%{y:.0f}% (%{customdata[0]}/%{customdata[1]})<extra>"
                          "%{fullData.name}</extra>"))
    fig.add_hline(y=target * 100, line_dash="dash", line_color=style.TARGET_COLOR,
                  annotation_text=f"{target_label} {target:.0%}", annotation_position="top left")
    fig.update_yaxes(title_text=rate_label, range=[0, 105], ticksuffix="%")
    fig.update_layout(barmode="group")
    return style.apply(fig, title=title)
