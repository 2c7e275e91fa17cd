"""Efficiency vs quality percentile per employee: four quadrants, flagged people highlighted."""

from __future__ import annotations

import pandas as pd

from charts import style
from charts.heatmap import hover_names, row_labels
from charts.label_places import label_positions
from charts.limits import QUADRANT_MAX_LABELS

FLAG_COLOR = "#dc2626"
CALM_COLOR = "#94a3b8"


def _named(part: pd.DataFrame) -> pd.Index:
    """Index of the flagged points named beside their dot: all, or the most in need."""
    if len(part) <= QUADRANT_MAX_LABELS:
        return part.index
    need = part["efficiency"] + part["quality"]
    return need.sort_values(kind="stable").index[:QUADRANT_MAX_LABELS]


def _positions(part: pd.DataFrame, shown: pd.Index, names: pd.Series, calm: pd.DataFrame
               ) -> list[str]:
    # Placing is O(n^2) in the named points (98 s for 5,000), so only the named ones are placed;
    # every other dot, grey ones too, is kept clear of.
    rest = part.drop(index=shown)
    return label_positions(
        part.loc[shown, "efficiency"], part.loc[shown, "quality"], names.loc[shown],
        others_x=pd.concat([rest["efficiency"], calm["efficiency"]]),
        others_y=pd.concat([rest["quality"], calm["quality"]]))


def _dots(part: pd.DataFrame, hover: pd.Series, template: str, *, name: str, color: str,
          **more) -> dict:
    """One trace of dots; ``more``: the names written beside them (text, textposition), or
    that it has no legend entry of its own.
    Only named dots carry text: at 5,000 people the unnamed ones' empty names and positions
    were a quarter of the chart (283 KiB, sent with every rerun of the overview)."""
    teams = [None if pd.isna(t) else str(t) for t in part["team"]]
    who = hover.reindex(part["employee_id"]).astype(str).tolist()
    return {
        # Percentiles in 4 bytes, not 8 (hovers show whole numbers); the team in the hover's
        # text rather than a column of its own: 80 KiB less at 5,000 people.
        "type": "scatter", "x": style.numbers(part["efficiency"], "f4"),
        "y": style.numbers(part["quality"], "f4"),
        "name": name, "mode": "markers+text" if "text" in more else "markers",
        "hovertext": [w if t is None else f"{w} ({t})" for w, t in zip(who, teams, strict=True)],
        "hovertemplate": template,
        "textfont": {"color": color, "size": 12}, "legendgroup": name,
        "marker": {"color": color, "size": 9 if color == CALM_COLOR else 12,
                   "line": {"color": "white", "width": 1}}, **more}


def quadrant(
    points: pd.DataFrame, *, title: str, x_label: str, y_label: str,
    quadrant_labels: tuple[str, str, str, str], flagged_label: str, calm_label: str,
) -> dict:
    """Args:
        points: ``reports.overview.quadrant_points`` output (employee_id, name, team,
            efficiency, quality, flagged), percentiles 0-100.
        title, x_label, y_label, flagged_label, calm_label: texts in the viewer's language.
        quadrant_labels: (top right, bottom right, top left, bottom left) texts.
    Returns:
        A figure's spec (``charts.style.spec``): a scatter with the midlines at 50, a label in
        each quadrant, flagged people in red and named (at most ``QUADRANT_MAX_LABELS``: the
        lowest efficiency + quality), everyone else grey; everyone is named on hover.

    Example:
        >>> p = pd.DataFrame({"employee_id": ["a"], "name": ["A"], "team": ["t"],
        ...     "efficiency": [90.0], "quality": [10.0], "flagged": [True]})
        >>> [t["name"] for t in quadrant(p, title="", x_label="x", y_label="y",
        ...     quadrant_labels=("1", "2", "3", "4"), flagged_label="f", calm_label="c")["data"]]
        ['c', 'f']
    """
    for column in ("employee_id", "name", "team", "efficiency", "quality", "flagged"):
        if column not in points.columns:
            raise ValueError(f"points lacks column {column!r}")
    labels = row_labels(points) if not points.empty else pd.Series(dtype=str)
    hover = hover_names(points) if not points.empty else pd.Series(dtype=str)
    template = (f"%{{hovertext}}<br>{x_label} %{{x:.0f}}<br>"
                f"{y_label} %{{y:.0f}}<extra></extra>")
    calm = points.loc[~points["flagged"].astype(bool)]
    flagged = points.loc[points["flagged"].astype(bool)]
    shown = _named(flagged)
    # one reindex, not a label lookup per person (a third of the chart at 5,000 people)
    names = pd.Series(labels.reindex(flagged["employee_id"]).to_numpy(), index=flagged.index,
                      dtype=str)
    traces = [_dots(calm, hover, template, name=calm_label, color=CALM_COLOR)]
    if len(shown) < len(flagged):  # the other flagged: the same legend entry, no names, drawn
        # under the named ones so that no dot covers a name
        traces.append(_dots(flagged.drop(index=shown), hover, template, name=flagged_label,
                            color=FLAG_COLOR, showlegend=False))
    traces.append(_dots(flagged.loc[shown], hover, template, name=flagged_label,
                        color=FLAG_COLOR, text=names.loc[shown].tolist(),
                        textposition=_positions(flagged, shown, names, calm)))
    axis = {"range": [-8, 108], "zeroline": False, "tickvals": [0, 25, 50, 75, 100]}
    layout = {"shapes": _midlines(50), "annotations": _corners(quadrant_labels),
              "xaxis": {"title": {"text": x_label}, **axis},
              "yaxis": {"title": {"text": y_label}, **axis, "range": [-15, 116]},
              "hovermode": "closest"}
    return style.spec(traces, layout, title=title, height=480)


def _midlines(at: float) -> list[dict]:
    # dotted across the plot both ways (as plotly's add_hline and add_vline draw them)
    line = {"type": "line", "line": {"color": style.TARGET_COLOR, "dash": "dot"}}
    return [{**line, "x0": 0, "x1": 1, "xref": "x domain", "y0": at, "y1": at, "yref": "y"},
            {**line, "x0": at, "x1": at, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain"}]


def _corners(texts: tuple[str, str, str, str]) -> list[dict]:
    # Corner labels sit outside the 0-100 square, so names of people at 0 or 100 never hit them.
    corners = ((100, 111, "right"), (100, -11, "right"), (0, 111, "left"), (0, -11, "left"))
    return [{"x": x, "y": y, "text": text, "showarrow": False, "xanchor": align,
             "font": {"color": style.TARGET_COLOR, "size": 12}}
            for (x, y, align), text in zip(corners, texts, strict=True)]
