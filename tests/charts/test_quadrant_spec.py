"""The quadrant's spec draws what the same quadrant built with plotly drew (before
charts.style.spec), and is valid as it is sent."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts import style
from charts.heatmap import hover_names, row_labels
from charts.limits import QUADRANT_MAX_LABELS
from charts.quadrant import CALM_COLOR, FLAG_COLOR, _named, _positions, quadrant
from i18n import t
from tests.charts.specs import meaning, validated


def _dots(part, hover, template, *, name, color, **more) -> go.Scatter:
    teams = [None if pd.isna(t) else str(t) for t in part["team"]]
    who = hover.reindex(part["employee_id"]).astype(str).tolist()
    return go.Scatter(
        x=part["efficiency"].to_numpy(np.float32), y=part["quality"].to_numpy(np.float32),
        name=name, mode="markers+text" if "text" in more else "markers",
        hovertext=[w if t is None else f"{w} ({t})" for w, t in zip(who, teams, strict=True)],
        hovertemplate=template, textfont={"color": color, "size": 12}, legendgroup=name,
        marker={"color": color, "size": 9 if color == CALM_COLOR else 12,
                "line": {"color": "white", "width": 1}}, **more)


def _reference(points, *, title, x_label, y_label, quadrant_labels, flagged_label,
               calm_label) -> go.Figure:
    """The quadrant as plotly built it, step by step (charts/quadrant.py before the spec)."""
    labels = row_labels(points) if not points.empty else pd.Series(dtype=str)
    hover = hover_names(points) if not points.empty else pd.Series(dtype=str)
    template = f"%{{hovertext}}<br>{x_label} %{{x:.0f}}<br>{y_label} %{{y:.0f}}<extra></extra>"
    calm = points.loc[~points["flagged"].astype(bool)]
    flagged = points.loc[points["flagged"].astype(bool)]
    shown = _named(flagged)
    names = pd.Series(labels.reindex(flagged["employee_id"]).to_numpy(), index=flagged.index,
                      dtype=str)
    fig = go.Figure(_dots(calm, hover, template, name=calm_label, color=CALM_COLOR))
    if len(shown) < len(flagged):
        fig.add_trace(_dots(flagged.drop(index=shown), hover, template, name=flagged_label,
                            color=FLAG_COLOR, showlegend=False))
    fig.add_trace(_dots(flagged.loc[shown], hover, template, name=flagged_label, color=FLAG_COLOR,
                        text=names.loc[shown].tolist(),
                        textposition=_positions(flagged, shown, names, calm)))
    fig.add_hline(y=50, line_dash="dot", line_color=style.TARGET_COLOR)
    fig.add_vline(x=50, line_dash="dot", line_color=style.TARGET_COLOR)
    corners = ((100, 111, "right"), (100, -11, "right"), (0, 111, "left"), (0, -11, "left"))
    for (x, y, align), text in zip(corners, quadrant_labels, strict=True):
        fig.add_annotation(x=x, y=y, text=text, showarrow=False, xanchor=align,
                           font={"color": style.TARGET_COLOR, "size": 12})
    fig.update_xaxes(title_text=x_label, range=[-8, 108], zeroline=False,
                     tickvals=[0, 25, 50, 75, 100])
    fig.update_yaxes(title_text=y_label, range=[-15, 116], zeroline=False,
                     tickvals=[0, 25, 50, 75, 100])
    style.apply(fig, title=title, height=480)
    fig.update_layout(hovermode="closest")
    return fig


def _points(people: int, flagged_share: float, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(f"E{i:03d}", None if i % 7 == 3 else ("<b>Ann</b>" if i == 1 else f"名{i % 5}"),
             None if i % 11 == 5 else (f"T{i % 3}<x>" if i % 2 else f"团队{i % 3}"),
             float(rng.integers(0, 1001)) / 10, float(rng.uniform(0, 100)),
             bool(rng.random() < flagged_share))
            for i in range(people)]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "efficiency", "quality",
                                       "flagged"])


@pytest.mark.parametrize(("people", "flagged_share"), [
    (0, 0.5), (1, 1.0), (1, 0.0), (12, 0.4), (QUADRANT_MAX_LABELS * 3, 0.8)])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_spec_draws_what_plotly_drew(people, flagged_share, lang):
    texts = {"title": t("team.quadrant_title", lang), "x_label": t("mchart.efficiency_pct", lang),
             "y_label": t("mchart.quality_pct", lang), "flagged_label": t("mchart.flagged", lang),
             "calm_label": t("mchart.not_flagged", lang),
             "quadrant_labels": tuple(t(f"mchart.q.{k}", lang)
                                      for k in ("star", "fast", "careful", "support"))}
    points = _points(people, flagged_share, seed=people)
    spec = quadrant(points, **texts)
    sent = json.loads(pio.to_json(spec, validate=False))
    assert sent == json.loads(pio.to_json(validated(spec), validate=False))  # valid as it is
    assert meaning(sent) == meaning(json.loads(pio.to_json(_reference(points, **texts))))
    # and the typed arrays in the 4 bytes plotly sent
    assert {tr["x"]["dtype"] for tr in sent["data"]} <= {"f4"}
